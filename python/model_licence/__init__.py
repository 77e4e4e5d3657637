"""Checks open-weight AI model licences (Llama, Gemma, Qwen, Mistral, FLUX, ...) against how a
model is deployed: the ``model-licence`` checker and its catalogue, as a Python package.

>>> import model_licence as m
>>> m.check("llama-3.3", users=800_000_000).verdict
'blocked'
"""

from model_licence._native import (
    Evidence,
    Finding,
    InputError,
    Licence,
    Report,
    ReportLicence,
    ScanError,
    check,
    licence,
    licences,
    __version__,
    scan,
)
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

__all__ = [
    "Context",
    "ContextSource",
    "Evidence",
    "Facts",
    "Finding",
    "InputError",
    "Licence",
    "LicenceKind",
    "MatchMethod",
    "Report",
    "ReportLicence",
    "ScanError",
    "Severity",
    "StrPath",
    "Terms",
    "Verdict",
    "__version__",
    "check",
    "licence",
    "licences",
    "scan",
]
