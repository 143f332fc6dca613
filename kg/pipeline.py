"""The whole build: read → extract → resolve → graph → export, usable from Python.

>>> from kg.pipeline import build_graph_from_paths
>>> g, report = build_graph_from_paths(["seeds/001_3511262547c28c97.txt"])  # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from . import gazetteer
from .errors import KgError
from .extract.document import extract
from .graph import build_graph, filter_confidence
from .model import BuildReport, Document, Extraction
from .read import find_inputs, read_document
from .resolve import resolve


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    report: BuildReport
    outputs: list[str] = field(default_factory=list)


def _display_path(p: Path) -> str:
    """A path as the user would write it from the working directory: never absolute when
    it can be relative, so the graph is the same on every machine."""
    try:
        return os.path.relpath(p)
    except ValueError:
        return str(p)


def build_graph_from_paths(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    aliases: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> tuple[nx.MultiDiGraph, BuildReport]:
    """Read every input, extract, resolve and assemble the graph.

    A file that cannot be read is reported in ``report.failures`` and skipped: one bad
    file never sinks the build.
    """
    t0 = time.perf_counter()
    report = BuildReport()
    files, missing = find_inputs(inputs)
    report.failures.extend(missing)
    gaz = gazetteer.load(tuple(str(a) for a in aliases))
    docs: list[Document] = []
    extractions: list[Extraction] = []
    seen_ids: set[str] = set()
    for f in files:
        shown = _display_path(f)
        try:
            doc = read_document(f)
        except KgError as e:
            report.failures.append((shown, getattr(e, "problem", str(e))))
            continue
        doc.path = shown
        if doc.id in seen_ids:
            report.failures.append((shown, f"another input is already called {doc.id!r}; document ids are file stems"))
            continue
        seen_ids.add(doc.id)
        docs.append(doc)
        extractions.append(extract(doc, gaz))
        report.files_read.append(shown)
    entities, relations = resolve(extractions, gaz)
    g = build_graph(entities, relations, docs)
    if min_confidence > 0:
        g = filter_confidence(g, min_confidence)
    report.seconds = time.perf_counter() - t0
    return g, report


def write_outputs(g: nx.MultiDiGraph, out_dir: str | os.PathLike[str]) -> list[str]:
    """Write ``graph.ttl`` and ``graph.html`` into ``out_dir``; return their paths."""
    from .export.html import write_html
    from .export.rdf import write_turtle

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ttl, html = out / "graph.ttl", out / "graph.html"
    _atomic(ttl, lambda p: write_turtle(g, p))
    _atomic(html, lambda p: write_html(g, p))
    return [str(ttl), str(html)]


def _atomic(path: Path, write) -> None:
    """Write to a temporary name beside ``path`` and rename it into place, so a build
    that dies half-way leaves the previous file intact."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def build(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] = "outputs",
    *,
    aliases: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> BuildResult:
    """Build the graph from ``inputs`` and write it to ``out_dir``."""
    g, report = build_graph_from_paths(inputs, aliases=aliases, min_confidence=min_confidence)
    outputs = write_outputs(g, out_dir) if report.files_read else []
    return BuildResult(g, report, outputs)
