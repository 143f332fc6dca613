"""Benchmark: `kg query` (pyoxigraph) against rdflib's own SPARQL on a million triples.

    .venv/bin/python benchmarks/bench_query.py [--graph outputs/graph.ttl] [--triples 1000000]
                                               [--rdflib-timeout 120] [--repeat 3]

The seeds graph is replicated under renamed documents until it holds at least ``--triples``
triples, and written by ``kg``'s own Turtle writer, so the file is laid out as ``kg build``
writes a big corpus: copy *k* gets its own document ids (``000_…~r7``) and entity ids
(``r7/County/150622``), hence its own statement and evidence IRIs, so nothing collapses
into the original and every query has *k* times the work; the names (labels) stay, so a
query for 呼和浩特市 finds every copy's.

Each engine runs in its own child process, so that its peak resident memory (``ru_maxrss``)
is its own: load the Turtle file, then every ready-made query of ``ontology/queries``, the
best of ``--repeat`` runs each (rdflib gets ``--rdflib-timeout`` seconds per query, and
SIGALRM interrupts its pure-Python evaluation; a query cut off is shown as ``>N`` and not
repeated).  Both count the same thing: the query parsed and evaluated, and its answer
written as SPARQL 1.1 CSV text (``kg query``'s :func:`~kg.query.write_answer`, rdflib's
``Result.serialize(format="csv")``).

Then what a user waits for: the whole ``kg query BIG.ttl @name --format csv`` command in a
new process (start-up, load, query, output), best of ``--repeat``, and the same with a kept
``--store``.  The end-to-end ratio sets that against rdflib's load plus its query.

It prints a table and the goals of issue 5; it is not a test.
"""

from __future__ import annotations

import argparse
import csv
import io
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
from typing import Any

import networkx as nx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export.rdf import read_graph, write_turtle  # noqa: E402
from kg.query import get_ready_query, load_store, ready_queries, write_answer  # noqa: E402
from kg.vocab import PREFIXES  # noqa: E402

GOAL_SECONDS, GOAL_RATIO = 5.0, 20.0


# ------------------------------------------------------------------------------ the big graph


def _triples(path: Path) -> int:
    return sum(1 for _ in ox.parse(path=path, format=ox.RdfFormat.TURTLE))


def _copy(g: nx.MultiDiGraph, big: nx.MultiDiGraph, k: int) -> None:
    """Add copy ``k`` of ``g`` to ``big``: ids and document ids renamed (copy 0 as it is)."""
    ent = (lambda n: n) if k == 0 else (lambda n: f"r{k}/{n}")
    doc = (lambda d: d) if k == 0 else (lambda d: f"{d}~r{k}")

    def evidence(items: list[dict]) -> list[dict]:
        return [{**ev, "doc": doc(ev["doc"])} for ev in items]

    for d, meta in g.graph.get("documents", {}).items():
        big.graph["documents"][doc(d)] = meta
    for n, data in g.nodes(data=True):
        place = data.get("place")
        big.add_node(ent(n), **{**data, "docs": [doc(d) for d in data.get("docs") or ()],
                                "mentions": evidence(data.get("mentions") or []),
                                "place": ent(place) if place else None})  # fmt: skip
    for s, o, key, data in g.edges(keys=True, data=True):
        big.add_edge(ent(s), ent(o), key=key, **{**data, "evidence": evidence(data.get("evidence") or [])})


def replicate(source: Path, target: Path, min_triples: int) -> tuple[int, int]:
    """Write ``source`` copied under renamed ids to ``target``; (copies, triples)."""
    g = read_graph(source)
    copies = math.ceil(min_triples / _triples(source))
    big = nx.MultiDiGraph()
    big.graph["documents"] = {}
    for k in range(copies):
        _copy(g, big, k)
    write_turtle(big, target)
    return copies, _triples(target)


# ------------------------------------------------------------------------------ the engines


def _peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _best(run: Any, repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs of ``run()``: (seconds, its answer)."""
    best, answer = math.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        answer = run()
        best = min(best, time.perf_counter() - t0)
    return best, answer


def _csv_rows(text: str) -> int:
    """Rows of a SPARQL CSV answer, its header not counted (counted outside the timing)."""
    return sum(1 for _ in csv.reader(io.StringIO(text))) - 1


def _oxigraph_csv(store: ox.Store, sparql: str) -> bytes:
    out = io.BytesIO()
    write_answer(store, sparql, "csv", out)
    return out.getvalue()


def _oxigraph(data: Path, args: argparse.Namespace) -> dict:
    t0 = time.perf_counter()
    store = load_store(data)
    load = time.perf_counter() - t0
    queries = {}
    for q in ready_queries():
        seconds, answer = _best(lambda q=q: _oxigraph_csv(store, q.sparql), args.repeat)
        queries[q.name] = {"seconds": seconds, "rows": _csv_rows(answer.decode("utf-8"))}
    return {"load": load, "triples": len(store), "queries": queries, "peak_mib": _peak_rss_mib()}


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _rdflib(data: Path, args: argparse.Namespace) -> dict:
    import rdflib

    t0 = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(data, format="turtle")
    load = time.perf_counter() - t0
    namespaces = {p: rdflib.Namespace(ns) for p, ns in PREFIXES.items()}
    signal.signal(signal.SIGALRM, _alarm)
    queries = {}
    for q in ready_queries():
        best, rows = math.inf, None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.rdflib_timeout)
            try:
                answer = graph.query(q.sparql, initNs=namespaces).serialize(format="csv")
            except _Timeout:
                answer = None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            best = min(best, time.perf_counter() - t0)
            if answer is None:
                rows = None
                break  # cut off: once is enough
            rows = _csv_rows(answer.decode("utf-8"))
        queries[q.name] = {"seconds": best, "rows": rows}
    return {"load": load, "triples": len(graph), "queries": queries, "peak_mib": _peak_rss_mib()}


def _command(data: Path, name: str, *extra: str) -> float:
    """Wall time of one ``kg query`` command in a new process, output thrown away."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", str(data), f"@{name}", "--format", "csv", *extra],
        stdout=subprocess.DEVNULL, check=True, cwd=ROOT,
    )  # fmt: skip
    return time.perf_counter() - t0


def _kg_query(data: Path, args: argparse.Namespace) -> dict:
    """What a user of ``kg query`` waits for: the whole command, cold and with ``--store``."""
    out = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as store_dir:
        load_store(data, store_dir=store_dir)  # the first run builds the store
        for q in ready_queries():
            cold = min(_command(data, q.name) for _ in range(args.repeat))
            stored = min(_command(data, q.name, "--store", store_dir) for _ in range(args.repeat))
            out[q.name] = {"cold": cold, "stored": stored}
    return {"queries": out, "peak_mib": _peak_rss_mib(resource.RUSAGE_CHILDREN)}


ENGINES = {"oxigraph": _oxigraph, "rdflib": _rdflib, "kg-query": _kg_query}


def _run_child(engine: str, data: Path, args: argparse.Namespace) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--engine", engine, "--data", str(data),
         "--rdflib-timeout", str(args.rdflib_timeout), "--repeat", str(args.repeat)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr}")
    return json.loads(done.stdout)


# ------------------------------------------------------------------------------ report


def report(ox_run: dict, rdf_run: dict, kg_run: dict, timeout: float) -> None:
    """The table, then each goal of issue 5 met or missed, by query."""
    print(f"triples: oxigraph {ox_run['triples']:,}, rdflib {rdf_run['triples']:,}")
    ratio = rdf_run["load"] / ox_run["load"]
    print(f"load (s): oxigraph {ox_run['load']:.2f}, rdflib {rdf_run['load']:.2f}, ratio {ratio:.0f}x")
    print(
        f"\n{'':<32}{'query only':^36}{'the whole kg query command':^40}\n"
        f"{'query':<32}{'oxigraph s':>11}{'rdflib s':>10}{'ratio':>8}{'rows':>7}"
        f"{'cold s':>9}{'end-to-end':>12}{'--store s':>11}"
    )
    slow, weak = [], []
    for q in ready_queries():
        o, r, k = (run["queries"][q.name] for run in (ox_run, rdf_run, kg_run))
        cut = r["rows"] is None
        rdf_seconds = timeout if cut else r["seconds"]
        ratio = rdf_seconds / max(o["seconds"], 1e-6)
        whole = (rdf_run["load"] + rdf_seconds) / k["cold"]
        if not cut and r["rows"] != o["rows"]:
            print(f"  ! {q.name}: rdflib gives {r['rows']} rows, oxigraph {o['rows']}")
        mark = ">" if cut else ""
        print(
            f"{q.name:<32}{o['seconds']:>11.3f}{mark + f'{rdf_seconds:.3f}':>10}"
            f"{mark + f'{ratio:.0f}x':>8}{o['rows']:>7}"
            f"{k['cold']:>9.2f}{mark + f'{whole:.0f}x':>12}{k['stored']:>11.3f}"
        )
        slow += [q.name] if k["cold"] >= GOAL_SECONDS else []
        weak += [q.name] if ratio < GOAL_RATIO else []
    print(
        f"\npeak RSS (MiB): oxigraph {ox_run['peak_mib']:.0f}, rdflib {rdf_run['peak_mib']:.0f}, "
        f"kg query commands {kg_run['peak_mib']:.0f}"
    )
    print(f"goal, every kg query command under {GOAL_SECONDS:g} s with the load: "
          + ("met" if not slow else "missed by " + ", ".join(slow)))
    print(f"goal, every query at least {GOAL_RATIO:g}x faster than rdflib's engine: "
          + ("met" if not weak else "missed by " + ", ".join(weak)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, default=ROOT / "outputs" / "graph.ttl")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per query; the best counts")
    parser.add_argument("--engine", choices=sorted(ENGINES), help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:  # a child: one engine, JSON on stdout
        print(json.dumps(ENGINES[args.engine](args.data, args)))
        return
    get_ready_query(ready_queries()[0].name)  # fail early if the catalogue is broken
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        data = Path(tmp) / "big.ttl"
        t0 = time.perf_counter()
        copies, triples = replicate(args.graph, data, args.triples)
        size = os.path.getsize(data) / 2**20
        print(
            f"graph: {args.graph} x {copies} copies = {triples:,} triples, "
            f"{size:.0f} MiB Turtle (built in {time.perf_counter() - t0:.1f} s)",
            flush=True,
        )
        runs = [_run_child(e, data, args) for e in ("oxigraph", "rdflib", "kg-query")]
    report(*runs, args.rdflib_timeout)


if __name__ == "__main__":
    main()
