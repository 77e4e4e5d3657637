"""`check` on the real catalogue and fixtures: verdicts, findings with their clauses, facts."""

import pathlib

import pytest

import model_licence as m


def test_llama_3_3_with_800_million_users_is_blocked_by_its_threshold_clause():
    report = m.check("llama-3.3", users=800_000_000)
    assert report.verdict == "blocked"
    assert report.exit_code == 1
    assert report.licence.id == "llama-3.3"
    assert report.licence.method == "catalogue-id"
    assert report.terms["user_threshold"] == {"monthly_active_users": 700_000_000}
    threshold = [f for f in report.findings if f.rule == "user-threshold"]
    assert [f.severity for f in threshold] == ["blocked"]
    clause = threshold[0].evidence[0]
    assert "700 million monthly active users" in clause.text
    # Offsets are byte offsets into the catalogue's own text.
    text = m.licence("llama-3.3").text.encode()
    assert text[clause.start : clause.end].decode() == clause.text
    assert report.context["organisation"]["monthly_active_users"] == 800_000_000
    assert report.context_source == "default_with_overrides"


def test_the_same_licence_below_the_threshold_is_not_blocked():
    report = m.check("llama-3.3", users=1_000)
    assert report.verdict == "permitted_with_obligations"
    assert report.exit_code == 0
    assert {f.rule for f in report.findings if f.severity == "obligation"} >= {"attribution"}


def test_a_user_count_of_none_is_unknown_and_asks_for_review():
    report = m.check("llama-3.3", users=None)
    assert report.verdict == "needs_review"
    missing = [f for f in report.findings if f.rule == "missing-fact"]
    assert [f.fact for f in missing] == ["organisation.monthly_active_users"]
    assert missing[0].needed_by == "user-threshold"


def test_gemma_under_the_default_context_carries_its_obligations():
    report = m.check("gemma")
    assert report.verdict == "permitted_with_obligations"
    assert report.licence.id == "gemma"
    assert report.licence.spdx == "LicenseRef-gemma"
    assert report.context_source == "default"
    assert report.terms["use_policy"] is True
    assert report.terms["flow_down"] is True
    assert all(f.evidence for f in report.findings if f.severity == "obligation")


def test_facts_mirror_the_command_line_flags():
    # An EU company using Llama 3.2's vision models: the EU clause of its use policy blocks it.
    report = m.check("llama-3.2", domicile="DE", modality="vision", commercial=True)
    assert report.verdict == "blocked"
    territory = [f for f in report.findings if f.rule == "territory"]
    assert territory[0].severity == "blocked"
    assert "European Union" in territory[0].evidence[0].text
    assert territory[0].evidence[0].document == "llama-3.2-aup"
    assert report.context["deployment"]["modalities"] == ["vision"]
    # Text only, the same company may use it.
    assert m.check("llama-3.2", domicile="DE", modality="text").verdict != "blocked"


def test_non_commercial_licences_block_commercial_use_only():
    assert m.check("mistral-mrl", commercial=True).verdict == "blocked"
    research = m.check("mistral-mrl", commercial=False)
    assert research.verdict != "blocked"
    assert m.check("mistral-mrl", non_commercial=True).to_json() == research.to_json()


def test_a_context_dict_is_evaluated_as_given():
    context = {
        "organisation": {"monthly_active_users": 900_000_000, "domicile": "US"},
        "deployment": {"commercial": True, "markets": ["US"]},
    }
    report = m.check("llama-3.3", context)
    assert report.verdict == "blocked"
    assert report.context_source == "given"
    # Facts override the context, as flags override a context file.
    lowered = m.check("llama-3.3", context, users=10)
    assert lowered.context_source == "given_with_overrides"
    assert lowered.context["organisation"]["monthly_active_users"] == 10
    assert not any(f.rule == "user-threshold" and f.severity == "blocked" for f in lowered.findings)


def test_a_context_file_is_read_by_the_library():
    report = m.check("llama-3.3", "fixtures/contexts/big-platform.json")
    assert report.verdict == "blocked"
    assert report.context_source == "given"


def test_a_modified_licence_text_needs_review_and_reads_the_edited_threshold():
    path = pathlib.Path("fixtures/modified/llama-3.3-70-million.md")
    report = m.check(path)
    assert report.verdict == "needs_review"
    assert report.exit_code == 3
    assert report.subject == "fixtures/modified/llama-3.3-70-million.md"
    assert report.licence.id == "llama-3.3"
    assert report.licence.method == "text"
    assert report.terms["user_threshold"] == {"monthly_active_users": 70_000_000}
    modified = [f for f in report.findings if f.rule == "modified-licence"]
    assert modified and modified[0].severity == "review"
    assert any("70 million" in e.text for e in modified[0].evidence)


def test_a_licence_text_in_memory_is_read_like_a_file():
    text = pathlib.Path("fixtures/modified/llama-3.3-70-million.md").read_text(encoding="utf-8")
    report = m.check(text)
    assert report.subject == "<licence text>"
    assert report.verdict == "needs_review"
    assert report.terms["user_threshold"] == {"monthly_active_users": 70_000_000}


MIT_LABELLED_LLAMA = "fixtures/models/example-org__llama-3.1-8b-support-mit"


def test_a_model_folder_is_bound_by_its_base_licence():
    report = m.check(pathlib.Path(MIT_LABELLED_LLAMA))
    assert report.licence.id == "llama-3.1"
    assert report.declared is not None and report.declared["license"] == "mit"
    assert report.lineage == [
        {"model": "meta-llama/Llama-3.1-8B-Instruct", "relation": "finetune", "licence": "llama-3.1"}
    ]
    conflict = [f for f in report.findings if f.rule == "licence-conflict"]
    assert conflict and conflict[0].severity == "review"
    assert report.verdict == "needs_review"


def test_a_model_card_text_is_checked_as_the_card():
    card = pathlib.Path(MIT_LABELLED_LLAMA, "README.md").read_text(encoding="utf-8")
    report = m.check(card)
    assert report.subject == "<model card>"
    assert report.licence.id == "llama-3.1"
    assert report.verdict == "needs_review"
    assert any(f.rule == "licence-conflict" for f in report.findings)


def test_a_model_id_resolves_offline_from_the_catalogue():
    report = m.check("meta-llama/Llama-3.3-70B-Instruct", users=800_000_000)
    assert report.licence.id == "llama-3.3"
    assert report.verdict == "blocked"


def test_an_spdx_expression_takes_the_most_favourable_choice():
    report = m.check("apache-2.0 OR cc-by-nc-4.0")
    assert report.licence.id == "apache-2.0"
    assert any("leaves the licensee a choice" in note for note in report.notes)


def test_a_policy_applies_and_its_gate_sets_the_exit_code():
    denied = m.check("llama-3.1", policy="fixtures/policies/family-deny.toml")
    assert denied.verdict == "blocked"
    assert any(f.rule == "policy-deny" for f in denied.findings)
    review = m.check("fixtures/modified/llama-3.3-70-million.md", policy=pathlib.Path("fixtures/policies/review-passes.toml"))
    assert review.verdict == "needs_review"
    assert review.exit_code == 0
    # A policy's context stands in for the default one.
    big = m.check("llama-3.3", policy="fixtures/policies/with-context.toml")
    assert big.context["organisation"]["monthly_active_users"] == 900_000_000
    assert big.verdict == "blocked"


def test_every_finding_of_a_report_is_typed():
    report = m.check("llama-3.3", users=800_000_000)
    for finding in report.findings:
        assert isinstance(finding, m.Finding)
        assert finding.severity in {"blocked", "review", "obligation", "info"}
        assert isinstance(finding.message, str) and finding.message
        for quote in finding.evidence:
            assert isinstance(quote, m.Evidence)
            assert 0 <= quote.start < quote.end
    assert repr(report) == '<Report "llama-3.3": blocked (llama-3.3)>'
    assert "Verdict: BLOCKED" in report.to_text()


def test_a_hub_json_in_memory_is_read_even_on_one_line():
    import json

    path = pathlib.Path("fixtures/models/TheBloke__Llama-2-7B-Chat-GGUF.json")
    api = json.loads(path.read_text(encoding="utf-8"))
    report = m.check(json.dumps(api))
    assert report.subject == "<hub json>"
    assert report.licence.id == "llama-2"
    assert report.verdict == "permitted_with_obligations"
    assert report.to_dict()["findings"] == m.check(path).to_dict()["findings"]
