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


@pytest.fixture(scope="session")
def dated_build(tmp_path_factory):
    """``kg build`` of a small corpus whose dates the tests know (``test_html.DATED_RECORDS``)."""
    from kg.pipeline import build

    try:
        from tests.test_html import write_dated_corpus
    except ImportError:
        from test_html import write_dated_corpus
    sources = write_dated_corpus(tmp_path_factory.mktemp("dated-sources"))
    out = tmp_path_factory.mktemp("dated-out")
    return build([sources], out, jobs=1, cache=False), out
