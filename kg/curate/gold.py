"""What the graph says about a document, in the gold format of the annotation guideline.

``kg gold DOCUMENT… -o DIR`` writes ``DIR/<document>.json`` for each document: an annotator
corrects these files instead of starting from nothing, and ``kg eval`` and ``kg train``
read them (:func:`kg.evaluate.read_gold`).  Scoring the graph against its own files gives
1.0 (a test checks it on the seeds):

* entities: every node the document names (``docs``), with its type, canonical name,
  aliases and adcode;
* locatedIn: from each place the document names to the nearest places above it that the
  document also names (the guideline's rule; the referee compares transitive closures);
* leads (with the role) and implements: the facts with evidence in the document.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx

from .. import schema
from ..errors import InputError
from ..model import ENTITY_TYPES, PLACE_TYPES, RELATION_TYPES


def _docs(data: dict) -> set[str]:
    return set(data.get("docs") or ()) | {ev["doc"] for ev in data.get("mentions") or ()}


def _nearest_above(g: nx.MultiDiGraph, node: str, named: set[str]) -> list[str]:
    """The nearest places above ``node`` that are in ``named``, on every path up."""
    out, todo, seen = set(), [node], {node}
    while todo:
        n = todo.pop()
        for _, up, k in g.out_edges(n, keys=True):
            if k != "locatedIn" or up in seen:
                continue
            seen.add(up)
            if up in named:
                out.add(up)
            else:
                todo.append(up)
    return sorted(out)


def document_gold(g: nx.MultiDiGraph, doc_id: str) -> dict:
    """The gold record of one document of ``g``."""
    named = {n for n, d in g.nodes(data=True) if doc_id in _docs(d)}
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    entities: dict[tuple[str, str], dict] = {}
    for n in named:
        d = g.nodes[n]
        e = entities.setdefault((d["type"], d["name"]), {"type": d["type"], "name": d["name"]})
        aliases = sorted({*e.get("aliases", ()), *(d.get("aliases") or ())} - {d["name"]})
        if aliases:
            e["aliases"] = aliases
        if d.get("adcode") and "adcode" not in e:
            e["adcode"] = str(d["adcode"])
    relations: set[tuple] = set()
    for n in named:
        if g.nodes[n]["type"] in PLACE_TYPES:
            relations.update((g.nodes[n]["name"], "locatedIn", g.nodes[up]["name"], "")
                             for up in _nearest_above(g, n, named))
    for s, o, key, data in g.edges(keys=True, data=True):
        if key == "locatedIn":
            continue
        evidence = data.get("evidence") or []
        here = any(ev["doc"] == doc_id for ev in evidence) if evidence else (s in named and o in named)
        if here:
            relations.add((g.nodes[s]["name"], key, g.nodes[o]["name"], (data.get("role") or "") if schema.relation(key).role else ""))
    rel_order = {r: i for i, r in enumerate(RELATION_TYPES)}
    rows = []
    for s, p, o, role in sorted(relations, key=lambda r: (rel_order[r[1]], r[0], r[2], r[3])):
        row = {"s": s, "p": p, "o": o}
        if role:
            row["role"] = role
        rows.append(row)
    return {
        "doc": doc_id,
        "entities": sorted(entities.values(), key=lambda e: (order[e["type"]], e["name"])),
        "relations": rows,
    }


def document_ids(g: nx.MultiDiGraph, names: list[str]) -> tuple[list[str], list[str]]:
    """The document ids ``names`` mean (an id, or a file or a folder of files whose stems are
    ids), and the names that mean no document of ``g``."""
    known = set(g.graph.get("documents", {}))
    for _, d in g.nodes(data=True):
        known |= _docs(d)
    found, unknown = [], []
    for name in names:
        p = Path(name)
        if name in known:
            found.append(name)
        elif p.is_dir():
            stems = sorted({f.stem for f in p.rglob("*.txt")} & known)
            (found.extend(stems) if stems else unknown.append(name))
        elif p.stem in known:
            found.append(p.stem)
        else:
            unknown.append(name)
    return sorted(set(found)), unknown


def write_gold(g: nx.MultiDiGraph, doc_ids: list[str], out_dir: str | os.PathLike[str]) -> list[str]:
    """Write ``out_dir/<doc>.json`` for each document; return the paths."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(str(out), f"cannot create the folder ({e.strerror or e})") from e
    paths = []
    for doc_id in doc_ids:
        path = out / f"{doc_id}.json"
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(json.dumps(document_gold(g, doc_id), ensure_ascii=False, indent=2) + "\n")
        except OSError as e:
            raise InputError(str(path), f"cannot write ({e.strerror or e})") from e
        paths.append(str(path))
    return paths
