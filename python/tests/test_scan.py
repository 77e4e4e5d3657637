"""`scan`: many subjects in parallel, in order; a subject that cannot be checked fails the scan
loudly, with the other reports kept."""

import pathlib

import pytest

import model_licence as m

MODIFIED = sorted(p.name for p in pathlib.Path(__file__).resolve().parents[2].joinpath("fixtures/modified").iterdir())


def test_a_folder_of_modified_licences_needs_review_but_the_non_commercial_mit():
    reports = m.scan("fixtures/modified")
    assert [pathlib.Path(r.subject).name for r in reports] == MODIFIED
    verdicts = {pathlib.Path(r.subject).name: r.verdict for r in reports}
    assert verdicts.pop("mit-non-commercial.txt") == "blocked"
    assert set(verdicts.values()) == {"needs_review"}
    assert all(r.exit_code == {"blocked": 1, "needs_review": 3}[r.verdict] for r in reports)


def test_a_scan_gives_the_reports_check_gives():
    reports = m.scan([pathlib.Path("fixtures/modified"), "gemma"], users=5_000)
    assert reports[-1].subject == "gemma"
    for report in reports:
        assert report.to_json() == m.check(report.subject, users=5_000).to_json()


def test_facts_and_policy_apply_to_every_subject():
    reports = m.scan(["llama-3.1", "llama-3.3", "gemma"], policy="fixtures/policies/family-deny.toml")
    assert [r.verdict for r in reports] == ["blocked", "blocked", "permitted_with_obligations"]
    big = m.scan(["llama-3.3", "qwen"], users=800_000_000)
    assert [r.verdict for r in big] == ["blocked", "blocked"]


def test_subjects_that_cannot_be_checked_raise_a_scan_error_with_the_rest():
    with pytest.raises(m.ScanError) as raised:
        m.scan("fixtures/models")
    error = raised.value
    assert set(error.errors) == {"fixtures/models/expected", "fixtures/models/folders"}
    assert "holds neither a model card" in error.errors["fixtures/models/expected"]
    assert str(error).startswith("2 of 55 subjects could not be checked:")
    assert len(error.reports) == 53
    by_subject = {r.subject: r for r in error.reports}
    magnum = by_subject["fixtures/models/anthracite-org__magnum-v2-123b"]
    assert (magnum.licence.id, magnum.verdict) == ("mistral-mrl", "blocked")


def test_nothing_to_scan_is_an_input_error():
    with pytest.raises(m.InputError, match="nothing to scan"):
        m.scan([])
    with pytest.raises(m.InputError, match="expected a path or an iterable of paths"):
        m.scan(42)
