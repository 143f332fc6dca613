"""Shared fixtures and helpers: the seeds graph is built once per test session (it takes
seconds); the CLI run as a user runs it; a graph from text written for a test.

The helpers are plain functions, imported by the test modules (``from conftest import
run_kg``): pytest puts this folder on ``sys.path``.
"""

from __future__ import annotations

import subprocess
import sys
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


def run_kg(*args: str, cwd: Path | None = ROOT, timeout: float | None = 600,
           prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """``kg ARGS`` in a subprocess, as a user runs it (from the checkout unless ``cwd``),
    its output as text; ``prefix`` runs it under another command (``ulimit`` ...)."""
    return subprocess.run([*prefix, sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


def graph_of(gaz, *texts: str):
    """The graph of ``texts``, one document each (``d0``, ``d1`` ...): read, extracted,
    resolved and assembled as a build does."""
    from kg.extract.document import extract
    from kg.graph import build_graph
    from kg.read import split
    from kg.resolve import resolve

    docs = [split(f"d{i}", f"d{i}.txt", t) for i, t in enumerate(texts)]
    entities, relations = resolve([extract(d, gaz) for d in docs], gaz)
    return build_graph(entities, relations, docs)


def edges(g, rel: str) -> set[tuple[str, str]]:
    """The ``rel`` facts of ``g`` as (subject name, object name)."""
    return {(g.nodes[u]["name"], g.nodes[v]["name"]) for u, v, k in g.edges(keys=True) if k == rel}


# ---------------------------------------------------------------- reading a graph in tests


def summary(g) -> str:
    """What the graph holds, short enough for an assertion message."""
    ents = sorted(f"{d['type']}:{d['name']}" for _, d in g.nodes(data=True))
    rels = sorted(
        f"{g.nodes[u]['name']} -{k}{'(' + d['role'] + ')' if d.get('role') else ''}-> {g.nodes[v]['name']}"
        for u, v, k, d in g.edges(keys=True, data=True)
    )
    return f"\n  entities: {ents}\n  relations: {rels}"


def entities(g) -> set[tuple[str, str]]:
    return {(d["type"], d["name"]) for _, d in g.nodes(data=True)}


def names(g, type_: str | None = None) -> set[str]:
    return {d["name"] for _, d in g.nodes(data=True) if type_ is None or d["type"] == type_}


def closure(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    out = set(pairs)
    while True:
        more = {(a, d) for a, b in out for c, d in out if b == c} - out
        if not more:
            return out
        out |= more


def matches(g, node, name: str) -> bool:
    """A node is ``name``: places and people exactly; a body may carry a place prefix
    the text gives (敖汉旗新惠镇党委 for 新惠镇党委)."""
    d = g.nodes[node]
    if d["name"] == name:
        return True
    return d["type"] == "Organization" and d["name"].endswith(name)


def has_edge(g, rel: str, s: str, o: str, role: str | None = None) -> bool:
    for u, v, k, d in g.edges(keys=True, data=True):
        if k == rel and matches(g, u, s) and matches(g, v, o):
            if role is None or (d.get("role") or "").endswith(role):
                return True
    return False


def mentions_text(g, name: str) -> list[str]:
    return [m["text"] for n, d in g.nodes(data=True) if d["name"] == name for m in d["mentions"]]
