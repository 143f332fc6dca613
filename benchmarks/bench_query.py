"""Benchmark: `kg query`'s engine (pyoxigraph) against rdflib's own SPARQL on a million triples.

    .venv/bin/python benchmarks/bench_query.py [--graph outputs/graph.ttl] [--triples 1000000]
                                               [--rdflib-timeout 120]

The seeds graph is replicated under renamed documents until it holds at least ``--triples``
triples: copy *k* gets its own document ids (``000_…~r7``), entity, statement and evidence
IRIs, so nothing collapses into the original and every query has *k* times the work; the
names (labels) stay, so a query for 呼和浩特市 finds every copy's.

Each engine runs in its own child process, so that its peak resident memory (``ru_maxrss``)
is its own: load the Turtle file, then every ready-made query of ``ontology/queries``.
For Oxigraph it also measures a cold ``kg query`` (load + query, what a user waits for) and a
warm one from an on-disk ``--store``. rdflib gets ``--rdflib-timeout`` seconds per query
(SIGALRM interrupts its pure-Python evaluation); a query cut off is shown as ``>N``.

It prints a table; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import get_ready_query, load_store, ready_queries, run_query  # noqa: E402
from kg.vocab import BASE, PREFIXES  # noqa: E402

ENTITY, DOC, STATEMENT, EVIDENCE = (BASE + p for p in ("id/", "doc/", "statement/", "evidence/"))
IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")


# ------------------------------------------------------------------------------ the big graph


def _rename(term: ox.NamedNode | ox.Literal | ox.BlankNode, k: int) -> object:
    """The term in copy ``k``: our IRIs renamed, everything else kept."""
    if not isinstance(term, ox.NamedNode):
        return term
    iri = term.value
    if iri.startswith(ENTITY):
        return ox.NamedNode(f"{ENTITY}r{k}/{iri[len(ENTITY) :]}")
    if iri.startswith(DOC):
        doc, _, rest = iri[len(DOC) :].partition("/")  # article IRIs: <doc>/article/<n>
        return ox.NamedNode(f"{DOC}{doc}~r{k}" + (f"/{rest}" if rest else ""))
    if iri.startswith((STATEMENT, EVIDENCE)):
        return ox.NamedNode(f"{iri}-r{k}")
    return term


def _identifier(subject: ox.NamedNode, literal: ox.Literal, k: int) -> ox.Literal:
    """dcterms:identifier follows the IRI: document ids get the suffix, entity ids the prefix."""
    if subject.value.startswith(DOC):
        return ox.Literal(f"{literal.value}~r{k}")
    if subject.value.startswith(ENTITY):
        return ox.Literal(f"r{k}/{literal.value}")
    return literal


def replicate(source: Path, target: Path, min_triples: int) -> tuple[int, int]:
    """Write ``source`` copied under renamed documents to ``target``; (copies, triples)."""
    seeds = [q.triple for q in ox.parse(path=source, format=ox.RdfFormat.TURTLE)]
    copies = math.ceil(min_triples / len(seeds))
    out: list[ox.Triple] = list(seeds)
    for k in range(1, copies):
        for t in seeds:
            s, o = _rename(t.subject, k), _rename(t.object, k)
            if t.predicate == IDENTIFIER and isinstance(o, ox.Literal):
                o = _identifier(t.subject, o, k)
            out.append(ox.Triple(s, t.predicate, o))
    ox.serialize(out, output=target, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return copies, len(out)


# ------------------------------------------------------------------------------ the engines


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _oxigraph(data: Path, timeout: float) -> dict:
    t0 = time.perf_counter()
    store = load_store(data)
    load = time.perf_counter() - t0
    queries = {}
    for q in ready_queries():
        t0 = time.perf_counter()
        rows = len(run_query(store, q.sparql).rows)
        queries[q.name] = {"seconds": time.perf_counter() - t0, "rows": rows}
    return {"load": load, "triples": len(store), "queries": queries, "peak_mib": _peak_rss_mib()}


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _rdflib(data: Path, timeout: float) -> dict:
    import rdflib

    t0 = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(data, format="turtle")
    load = time.perf_counter() - t0
    namespaces = {p: rdflib.Namespace(ns) for p, ns in PREFIXES.items()}
    signal.signal(signal.SIGALRM, _alarm)
    queries = {}
    for q in ready_queries():
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            rows: int | None = len(list(graph.query(q.sparql, initNs=namespaces)))
        except _Timeout:
            rows = None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        queries[q.name] = {"seconds": time.perf_counter() - t0, "rows": rows}
    return {"load": load, "triples": len(graph), "queries": queries, "peak_mib": _peak_rss_mib()}


def _kg_query(data: Path, timeout: float) -> dict:
    """What a user of ``kg query`` waits for: cold (load + query) and from a kept ``--store``."""
    out = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as store_dir:
        load_store(data, store_dir=store_dir)  # the first run builds the store
        for q in ready_queries():
            t0 = time.perf_counter()
            run_query(load_store(data), q.sparql)
            cold = time.perf_counter() - t0
            t0 = time.perf_counter()
            run_query(load_store(data, store_dir=store_dir), q.sparql)
            out[q.name] = {"cold": cold, "stored": time.perf_counter() - t0}
    return {"queries": out, "peak_mib": _peak_rss_mib()}


ENGINES = {"oxigraph": _oxigraph, "rdflib": _rdflib, "kg-query": _kg_query}


def _run_child(engine: str, data: Path, timeout: float) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--engine", engine, "--data", str(data),
         "--rdflib-timeout", str(timeout)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr}")
    return json.loads(done.stdout)


# ------------------------------------------------------------------------------ report


def _seconds(x: float | None, timeout: float) -> str:
    return f">{timeout:g}" if x is None else f"{x:.3f}"


def report(ox_run: dict, rdf_run: dict, kg_run: dict, timeout: float) -> None:
    print(f"triples: oxigraph {ox_run['triples']:,}, rdflib {rdf_run['triples']:,}")
    ratio = rdf_run["load"] / ox_run["load"]
    print(
        f"load (s): oxigraph {ox_run['load']:.2f}, rdflib {rdf_run['load']:.2f}, ratio {ratio:.0f}x"
    )
    head = f"{'query':<32}{'oxigraph s':>11}{'rdflib s':>10}{'ratio':>9}{'rows ox/rdflib':>16}"
    print(f"\n{head}{'kg query cold s':>17}{'--store s':>11}")
    for q in ready_queries():
        o, r, k = (run["queries"][q.name] for run in (ox_run, rdf_run, kg_run))
        cut = r["rows"] is None
        ratio = (timeout if cut else r["seconds"]) / max(o["seconds"], 1e-6)
        rows = f"{o['rows']}/{'-' if cut else r['rows']}"
        print(
            f"{q.name:<32}{o['seconds']:>11.3f}{_seconds(None if cut else r['seconds'], timeout):>10}"
            f"{('>' if cut else '') + f'{ratio:.0f}x':>9}{rows:>16}{k['cold']:>17.2f}{k['stored']:>11.3f}"
        )
    print(
        f"\npeak RSS (MiB): oxigraph {ox_run['peak_mib']:.0f}, rdflib {rdf_run['peak_mib']:.0f}, "
        f"kg query runs {kg_run['peak_mib']:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, default=ROOT / "outputs" / "graph.ttl")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--engine", choices=sorted(ENGINES), help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:  # a child: one engine, JSON on stdout
        print(json.dumps(ENGINES[args.engine](args.data, args.rdflib_timeout)))
        return
    get_ready_query(ready_queries()[0].name)  # fail early if the catalogue is broken
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        data = Path(tmp) / "big.ttl"
        t0 = time.perf_counter()
        copies, triples = replicate(args.graph, data, args.triples)
        size = os.path.getsize(data) / 2**20
        print(
            f"graph: {args.graph} x {copies} copies = {triples:,} triples, "
            f"{size:.0f} MiB Turtle (built in {time.perf_counter() - t0:.1f} s)"
        )
        runs = [
            _run_child(e, data, args.rdflib_timeout) for e in ("oxigraph", "rdflib", "kg-query")
        ]
    report(*runs, args.rdflib_timeout)


if __name__ == "__main__":
    main()
