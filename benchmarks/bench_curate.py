"""What applying a corrections file costs, against writing the same graph as Turtle.

    .venv/bin/python benchmarks/bench_curate.py [--graph outputs/graph.ttl] [--copies 50] [--lines 2000]

The graph is ``--copies`` renamed copies of GRAPH (every name and document id suffixed with
the copy's number, so each copy's entities are distinct), and the corrections are
``--lines`` lines cycling through rename, alias, retype-free kinds that touch the index
(rename, alias, merge, reject-entity, reject-fact, set-adcode) over distinct entities.
It prints the seconds to apply them, the seconds :func:`kg.export.rdf.write_turtle` takes
on the same graph (the baseline: every build pays it), and the ratio.
"""

from __future__ import annotations

import argparse
import io
import time

import networkx as nx

from kg.curate.apply import apply_corrections
from kg.curate.parse import format_line, parse_text
from kg.export.rdf import read_graph, write_turtle


def copies(g: nx.MultiDiGraph, k: int) -> nx.MultiDiGraph:
    big = nx.MultiDiGraph()
    big.graph["documents"] = {}
    for i in range(k):
        def nid(n: str, i: int = i) -> str:
            return f"{n}#{i}"

        for doc, meta in g.graph["documents"].items():
            big.graph["documents"][f"{doc}-{i}"] = meta
        for n, d in g.nodes(data=True):
            big.add_node(nid(n), **{**d, "name": f"{d['name']}{i}", "aliases": [f"{a}{i}" for a in d["aliases"]],
                                    "place": nid(d["place"]) if d.get("place") else None,
                                    "docs": [f"{x}-{i}" for x in d["docs"]],
                                    "mentions": [{**ev, "doc": f"{ev['doc']}-{i}"} for ev in d["mentions"]]})
        for s, o, key, d in g.edges(keys=True, data=True):
            big.add_edge(nid(s), nid(o), key=key, **{**d, "evidence": [{**ev, "doc": f"{ev['doc']}-{i}"} for ev in d["evidence"]]})
    return big


def lines(g: nx.MultiDiGraph, n: int) -> str:
    """``n`` lines over distinct entities, names unique in ``g``."""
    names: dict[tuple[str, str], int] = {}
    for _, d in g.nodes(data=True):
        names[(d["type"], d["name"])] = names.get((d["type"], d["name"]), 0) + 1
    unique = [x for x in sorted(g.nodes) if names[(g.nodes[x]["type"], g.nodes[x]["name"])] == 1]
    people = [x for x in unique if g.nodes[x]["type"] == "Person"]
    towns = [x for x in unique if g.nodes[x]["type"] == "Town"]
    others = [x for x in unique if g.nodes[x]["type"] not in ("Person", "Town")]
    facts = [(s, o) for s, o, k in sorted(g.edges(keys=True)) if k == "implements" and s in others and o in others]
    meta = {"author": "bench", "date": "2026-12-05", "reason": "benchmark"}

    def ref(x: str) -> str:
        return f"{g.nodes[x]['type']}:{g.nodes[x]['name']}"

    out, used = [], set()
    for i in range(n):
        kind = i % 6
        if kind == 0 and len(people) >= 2:
            a, b = people.pop(), people.pop()
            out.append(format_line("merge", ref(a), ref(b), **meta))
        elif kind == 1 and towns:
            out.append(format_line("set-adcode", ref(towns.pop()), "150000000001", **meta))
        elif kind == 2 and facts:
            s, o = facts.pop()
            if s in used or o in used:
                continue
            used.update((s, o))
            out.append(format_line("reject-fact", ref(s), "implements", ref(o), **meta))
        elif others:
            x = others.pop()
            if x in used:
                continue
            used.add(x)
            action = ("rename", "alias", "reject-entity")[kind % 3]
            out.append(format_line(action, ref(x), *([] if action == "reject-entity" else [g.nodes[x]["name"] + "新"]), **meta))
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", default="outputs/graph.ttl")
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--lines", type=int, default=2000)
    args = ap.parse_args()
    g = copies(read_graph(args.graph), args.copies)
    corrections = parse_text(lines(g, args.lines), "bench.tsv")
    t = time.perf_counter()
    write_turtle(g, io.StringIO())
    turtle = time.perf_counter() - t
    t = time.perf_counter()
    out = apply_corrections(g, corrections)
    apply = time.perf_counter() - t
    print(f"graph: {g.number_of_nodes()} entities, {g.number_of_edges()} facts; {len(corrections)} corrections "
          f"({len(out.applied)} applied, {len(out.skipped)} not)")
    print(f"write_turtle {turtle:.2f} s, apply_corrections {apply:.2f} s, ratio {apply / turtle:.2f}")


if __name__ == "__main__":
    main()
