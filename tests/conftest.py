"""Shared fixtures: the seeds graph is built once per test session (it takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def gaz():
    from kg.gazetteer import load

    return load()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """``kg build seeds`` into a temporary folder: (result, output folder)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds-out")
    result = build([SEEDS], out)
    return result, out
