"""The type stubs: they describe the module as it is, a typed pipeline passes `mypy --strict`,
and wrong calls are caught."""

import ast
import pathlib
import subprocess
import sys
import typing

import pytest

import model_licence as m

HERE = pathlib.Path(__file__).resolve().parent
STUB = HERE.parent / "model_licence" / "_native.pyi"


def stub_classes() -> dict[str, list[str]]:
    """Each class of the stub with the attributes and methods it declares."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    return {
        node.name: [
            item.name if isinstance(item, ast.FunctionDef) else item.target.id
            for item in node.body
            if isinstance(item, ast.FunctionDef) or (isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name))
        ]
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def test_the_stub_declares_what_the_module_has():
    classes = stub_classes()
    assert set(classes) == {"InputError", "ScanError", "Evidence", "Finding", "ReportLicence", "Report", "Licence"}
    for name, members in classes.items():
        if name.endswith("Error"):
            continue
        runtime = getattr(m, name)
        assert [member for member in members if not hasattr(runtime, member)] == [], name
        declared = {a for a in dir(runtime) if not a.startswith("_")}
        assert declared == set(members), name


def test_the_literal_types_hold_the_values_reports_take():
    reports = m.scan("fixtures/modified") + [m.check("gemma"), m.check("llama-3.3", users=None)]
    assert {r.verdict for r in reports} <= set(typing.get_args(m.Verdict))
    assert {f.severity for r in reports for f in r.findings} <= set(typing.get_args(m.Severity))
    assert {r.licence.method for r in reports} <= set(typing.get_args(m.MatchMethod))
    assert {r.context_source for r in reports} <= set(typing.get_args(m.ContextSource))
    assert {licence.kind for licence in m.licences()} <= set(typing.get_args(m.LicenceKind))
    core = set(m.Terms.__annotations__)
    assert core <= set(reports[0].terms)


def mypy(file: str) -> "subprocess.CompletedProcess[str]":
    pytest.importorskip("mypy")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", str(HERE / file)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_typed_pipeline_passes_mypy_strict():
    run = mypy("typed_usage.py")
    assert run.returncode == 0, run.stdout + run.stderr


def test_wrong_calls_are_type_errors():
    run = mypy("typed_misuse.py")
    lines = [line for line in run.stdout.splitlines() if ": error:" in line]
    flagged = sorted({int(line.split(":")[1]) for line in lines})
    assert flagged == [5, 6, 7, 8, 9, 10, 11], run.stdout
