"""Shared set-up: every test runs from the repository's root, so that fixture paths read as in
the Rust tests and the goldens (`fixtures/modified/...`)."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def at_repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO
