"""`to_json()` is the command line's `--format json`: it reads back, and it is byte for byte
the goldens of `tests/snapshots` and, where the binary is built, the binary's output."""

import json
import os
import pathlib
import subprocess

import pytest

import model_licence as m

REPO = pathlib.Path(__file__).resolve().parents[2]


def golden(name: str) -> str:
    """The body of an insta snapshot (after its `---` header)."""
    text = (REPO / "tests/snapshots" / f"golden__{name}.snap").read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1].rstrip("\n")


def test_to_json_round_trips_through_json_loads():
    report = m.check("llama-3.3", users=800_000_000)
    data = json.loads(report.to_json())
    assert data == report.to_dict()
    assert data["verdict"] == report.verdict == "blocked"
    assert data["licence"]["id"] == report.licence.id
    assert data["licence"]["terms"] == report.terms
    assert [f["rule"] for f in data["findings"]] == [f.rule for f in report.findings]
    assert [[e["text"] for e in f["evidence"]] for f in data["findings"]] == [
        [e.text for e in f.evidence] for f in report.findings
    ]


@pytest.mark.parametrize(
    ("name", "subject", "context"),
    [
        ("llama_default_json", "llama", None),
        ("llama_3_2_eu_vision_startup_json", "llama-3.2", "fixtures/contexts/eu-vision-startup.json"),
        ("research_lab_on_mistral_mrl_json", "mistral-mrl", "fixtures/contexts/research-lab.json"),
        ("unknown_licence_text_json", "fixtures/texts/mpl-2.0.txt", None),
        ("modified_llama_threshold_json", "fixtures/modified/llama-3.3-70-million.md", None),
    ],
)
def test_to_json_is_the_golden_report(name, subject, context):
    assert m.check(subject, context).to_json() == golden(name)


def binary() -> pathlib.Path:
    """The command line built by the Rust tests (`MODEL_LICENCE_BIN` names another)."""
    return pathlib.Path(os.environ.get("MODEL_LICENCE_BIN", REPO / "target/debug/model-licence"))


@pytest.mark.skipif(not binary().is_file(), reason="the model-licence binary is not built")
@pytest.mark.parametrize(
    ("subject", "flags", "facts"),
    [
        ("llama-3.3", ["--users", "800000000"], {"users": 800_000_000}),
        ("gemma", ["--domicile", "DE", "--market", "FR", "--market", "DE", "--fine-tune"], {"domicile": "DE", "markets": ["FR", "DE"], "fine_tune": True}),
        ("fixtures/models/example-org__llama-3.1-8b-support-mit", ["--context", "fixtures/contexts/partial.json"], {}),
        ("fixtures/modified/gemma-no-flow-down.txt", ["--non-commercial", "--modality", "vision"], {"non_commercial": True, "modality": "vision"}),
    ],
)
def test_to_json_is_the_binarys_json(subject, flags, facts):
    context = None
    if flags[:1] == ["--context"]:
        context = flags[1]
    out = subprocess.run(
        [str(binary()), "check", subject, "--format", "json", *flags],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.stderr == ""
    report = m.check(subject, context, **facts)
    assert out.stdout == report.to_json() + "\n"
    assert out.returncode == report.exit_code
