"""A pipeline's use of the package, checked with `mypy --strict` by test_types.py: the stubs
must type every call and attribute below, and reject the wrong ones in typed_misuse.py."""

import pathlib
from typing import Optional

import model_licence as m


def gate(subject: str, users: int) -> int:
    report: m.Report = m.check(subject, users=users, domicile="DE", commercial=True)
    verdict: m.Verdict = report.verdict
    licence_id: Optional[str] = report.licence.id
    threshold = report.terms.get("user_threshold")
    cited: list[str] = [quote.text for f in report.findings for quote in f.evidence]
    print(verdict, licence_id, threshold, len(cited), report.to_json()[:1])
    return report.exit_code


def inventory(folder: pathlib.Path) -> dict[str, m.Verdict]:
    try:
        reports = m.scan(folder, {"organisation": {"monthly_active_users": 5}}, policy=None)
    except m.ScanError as err:
        reports = err.reports
    return {r.subject: r.verdict for r in reports}


def catalogue() -> list[str]:
    return [licence.id for licence in m.licences() if licence.kind == "model"]
