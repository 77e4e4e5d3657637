"""The values a report's fields take, for annotations: the verdict, severity and match method
names, and the shapes of the terms and of a deployment context (CONTRACT.md)."""

import os
from collections.abc import Iterable
from typing import Literal, Optional, TypedDict, Union

StrPath = Union[str, "os.PathLike[str]"]

Verdict = Literal["permitted", "permitted_with_obligations", "needs_review", "blocked"]
Severity = Literal["blocked", "review", "obligation", "info"]
MatchMethod = Literal["catalogue-id", "text", "metadata", "none"]
ContextSource = Literal["default", "default_with_overrides", "given", "given_with_overrides"]


class UserThreshold(TypedDict, total=False):
    monthly_active_users: int
    daily_active_users: int


class RevenueThreshold(TypedDict):
    annual_revenue_usd: int


class TerritoryExclusion(TypedDict, total=False):
    region: str
    scope: Literal["all", "multimodal"]
    basis: str


class Derivatives(TypedDict):
    redistribution: Literal["allowed", "conditional", "prohibited", "unknown"]
    naming_prefix: Optional[str]


class Terms(TypedDict, total=False):
    """The terms of a licence, as in the JSON report's `licence.terms` (CONTRACT.md): the fixed
    core below, and the fields added since (`registration`, `notice`, `licence_copy`, ...)."""

    commercial_use: Literal["allowed", "conditional", "non_commercial", "unknown"]
    user_threshold: Optional[UserThreshold]
    revenue_threshold: Optional[RevenueThreshold]
    territory_exclusions: list[TerritoryExclusion]
    derivatives: Derivatives
    attribution: Optional[str]
    output_training: Literal["unrestricted", "conditional", "prohibited", "unknown"]
    use_policy: bool
    flow_down: bool
    hosting: Literal["allowed", "requires_licence", "unknown"]


class Organisation(TypedDict, total=False):
    monthly_active_users: Optional[int]
    daily_active_users: Optional[int]
    annual_revenue_usd: Optional[int]
    domicile: Optional[str]


class Deployment(TypedDict, total=False):
    commercial: Optional[bool]
    markets: Optional[list[str]]
    hosting_as_service: Optional[bool]
    fine_tune: Optional[bool]
    distribute_weights: Optional[bool]
    distribute_derivatives: Optional[bool]
    train_on_outputs: Optional[bool]
    modalities: Optional[list[str]]
    uses: Optional[list[str]]


class Context(TypedDict, total=False):
    """A deployment context in the contract's shape; every field is optional."""

    organisation: Organisation
    deployment: Deployment


LicenceKind = Literal["model", "spdx", "generic"]


class Facts(TypedDict, total=False):
    """The fact keywords of `check` and `scan`: the command line's fact flags. `None` makes a
    fact unknown; a repeatable flag takes one `str` or several."""

    users: Optional[int]
    daily_users: Optional[int]
    revenue: Optional[int]
    domicile: Optional[str]
    market: Union[str, Iterable[str], None]
    markets: Union[str, Iterable[str], None]
    commercial: Optional[bool]
    non_commercial: Optional[bool]
    host_as_service: Optional[bool]
    fine_tune: Optional[bool]
    distribute_weights: Optional[bool]
    distribute_derivatives: Optional[bool]
    train_on_outputs: Optional[bool]
    modality: Union[str, Iterable[str], None]
    modalities: Union[str, Iterable[str], None]
    use: Union[str, Iterable[str], None]
    uses: Union[str, Iterable[str], None]
