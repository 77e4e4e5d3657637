"""Type stubs of the native module (`python/src/`); `model_licence` re-exports every name."""

from collections.abc import Iterable, Mapping
from typing import Any, Optional, Union

from typing_extensions import Unpack

from model_licence._types import (
    Context,
    ContextSource,
    Facts,
    LicenceKind,
    MatchMethod,
    Severity,
    StrPath,
    Terms,
    Verdict,
)

__version__: str

class InputError(ValueError):
    """Input that cannot be checked (the command line's exit code 2)."""

class ScanError(InputError):
    """Some subjects of a scan could not be checked."""

    reports: list[Report]
    errors: dict[str, str]

class Evidence:
    """A quoted clause and its byte offsets into the document it was read from."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def lang(self) -> Optional[str]: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...

class Finding:
    """One result of a rule."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def evidence(self) -> list[Evidence]: ...
    @property
    def fact(self) -> Optional[str]: ...
    @property
    def needed_by(self) -> Optional[str]: ...

class ReportLicence:
    """The licence whose terms a report evaluated."""

    @property
    def id(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def spdx(self) -> Optional[str]: ...
    @property
    def method(self) -> MatchMethod: ...
    @property
    def confidence(self) -> float: ...
    @property
    def sha256(self) -> Optional[str]: ...
    @property
    def binding(self) -> list[str]: ...
    @property
    def terms(self) -> Terms: ...
    @property
    def clauses(self) -> dict[str, list[Evidence]]: ...

class Report:
    """The outcome of checking one subject."""

    @property
    def schema_version(self) -> int: ...
    @property
    def subject(self) -> str: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def licence(self) -> ReportLicence: ...
    @property
    def terms(self) -> Terms: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def notes(self) -> list[str]: ...
    @property
    def context(self) -> Context: ...
    @property
    def context_source(self) -> ContextSource: ...
    @property
    def declared(self) -> Optional[dict[str, Any]]: ...
    @property
    def lineage(self) -> Optional[list[dict[str, Any]]]: ...
    @property
    def exit_code(self) -> int: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_text(self, colour: bool = False) -> str: ...

class Licence:
    """A licence of the catalogue."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def version(self) -> Optional[str]: ...
    @property
    def family(self) -> str: ...
    @property
    def released(self) -> Optional[str]: ...
    @property
    def spdx(self) -> str: ...
    @property
    def kind(self) -> LicenceKind: ...
    @property
    def aliases(self) -> list[str]: ...
    @property
    def hf_ids(self) -> list[str]: ...
    @property
    def models(self) -> list[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def policy_text(self) -> Optional[str]: ...
    @property
    def terms(self) -> Terms: ...
    @property
    def clauses(self) -> dict[str, list[Evidence]]: ...

def check(
    subject: StrPath,
    context: Union[Mapping[str, Any], StrPath, None] = None,
    *,
    policy: Optional[StrPath] = None,
    **facts: Unpack[Facts],
) -> Report:
    """Checks one subject (a licence id, a path, a model id, or a card or licence text) against
    a deployment context; the facts are the command line's fact flags."""

def scan(
    paths: Union[StrPath, Iterable[StrPath]],
    context: Union[Mapping[str, Any], StrPath, None] = None,
    policy: Optional[StrPath] = None,
    **facts: Unpack[Facts],
) -> list[Report]:
    """Checks many subjects in parallel (a folder stands for its entries); raises ScanError
    when some cannot be checked."""

def licences() -> list[Licence]:
    """The licences of the embedded catalogue."""

def licence(name: str) -> Licence:
    """One licence of the catalogue by id or alias."""
