"""Applying corrections to the resolved graph, in file order, each whole or not at all.

:func:`apply_corrections` changes the NetworkX graph of :mod:`kg.graph` in place.  Every
node and edge a correction changed or added carries the line's provenance in its
``corrections`` attribute (a sorted list of :meth:`Correction.provenance` dicts), which
the RDF export turns into ``kg:correctedBy`` and ``prov:wasAttributedTo``; a rejected fact
or entity is removed and leaves nothing behind but a count.  A correction that does not
apply to this graph (it names nothing, names several things, or asks for what the graph
already says) is skipped and reported with the reason, never dropped in silence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from ..model import PLACE_TYPES, RELATION_ENDS, Document
from ..resolve import norm_name
from .match import Lookup, Unmatched
from .parse import Correction, Ref

#: The extractor named on the evidence of a fact a correction added.
EXTRACTOR = "correction"
#: The confidence of a fact or an entity a person added.
CONFIDENCE = 1.0

DocumentReader = Callable[[str], Document | None]


@dataclass
class Outcome:
    """What the corrections did: the lines applied, those skipped and why, and counts."""

    applied: list[Correction] = field(default_factory=list)
    skipped: list[tuple[Correction, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


def _ev_key(ev: dict) -> tuple:
    return (ev["doc"], ev["sentence"], ev["start"], ev["end"], ev["extractor"])


def _union_evidence(a: list[dict], b: list[dict]) -> list[dict]:
    return sorted({_ev_key(e): e for e in (*a, *b)}.values(), key=_ev_key)


def _mark(attrs: dict, c: Correction) -> None:
    recs = {r["id"]: r for r in attrs.get("corrections") or ()}
    recs[c.id] = c.provenance()
    attrs["corrections"] = [recs[k] for k in sorted(recs)]


def _merge_records(a: list | None, b: list | None) -> list:
    recs = {r["id"]: r for r in (*(a or ()), *(b or ()))}
    return [recs[k] for k in sorted(recs)]


class _Curator:
    def __init__(self, g: nx.MultiDiGraph, read_document: DocumentReader | None, outcome: Outcome) -> None:
        self.g = g
        self.lookup = Lookup(g)
        self.read_document = read_document
        self.out = outcome
        self.docs: dict[str, Document | None] = {}
        #: place → the bodies based in it (entries may be stale: checked when used)
        self.based: dict[str, set[str]] = {}
        for n, p in g.nodes(data="place"):
            if p is not None:
                self.based.setdefault(p, set()).add(n)

    # ------------------------------------------------------------ shared steps

    def _put_edge(self, s: str, o: str, key: str, data: dict) -> None:
        """Add an edge, or fold it into the one already there (evidence united)."""
        g = self.g
        if g.has_edge(s, o, key):
            old = g.edges[s, o, key]
            old["evidence"] = _union_evidence(old.get("evidence") or [], data.get("evidence") or [])
            old["confidence"] = max(old.get("confidence") or 0, data.get("confidence") or 0)
            old["role"] = old.get("role") or data.get("role")
            if data.get("corrections") or old.get("corrections"):
                old["corrections"] = _merge_records(old.get("corrections"), data.get("corrections"))
        else:
            g.add_edge(s, o, key=key, **data)

    def _edges(self, node: str) -> list[tuple[str, str, str, dict]]:
        g = self.g
        return sorted([(u, v, k, d) for u, v, k, d in g.out_edges(node, keys=True, data=True)]
                      + [(u, v, k, d) for u, v, k, d in g.in_edges(node, keys=True, data=True)],
                      key=lambda e: (e[0], e[1], e[2]))

    def _drop_place_refs(self, node: str, to: str | None = None) -> None:
        """Bodies based in ``node`` are based in ``to`` (None: nowhere)."""
        for body in sorted(self.based.pop(node, ())):
            if body in self.g and self.g.nodes[body].get("place") == node:
                self.g.nodes[body]["place"] = to
                if to is not None:
                    self.based.setdefault(to, set()).add(body)

    def _sorted_graph(self) -> None:
        """Nodes and edges back in sorted order, as :func:`kg.graph.build_graph` leaves them."""
        g = self.g
        nodes = sorted(g.nodes(data=True), key=lambda x: x[0])
        edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
        g.clear_edges()
        g.remove_nodes_from(list(g.nodes))
        g.add_nodes_from(nodes)
        for s, o, k, d in edges:
            g.add_edge(s, o, key=k, **d)

    def _evidence(self, doc_id: str, sentence: str) -> dict:
        """The evidence of an added fact: where ``sentence`` stands in the document (white
        space ignored, so a sentence the page broke over lines is found)."""
        if doc_id not in self.docs:
            self.docs[doc_id] = self.read_document(doc_id) if self.read_document else None
        doc = self.docs[doc_id]
        if doc is None:
            raise Unmatched(f"the text of {doc_id} cannot be read again to find the sentence")
        kept = [(i, ch) for i, ch in enumerate(doc.text) if not ch.isspace()]
        flat = "".join(ch for _, ch in kept)
        needle = re.sub(r"\s+", "", sentence)
        k = flat.find(needle)
        if k < 0:
            raise Unmatched(f"the sentence is not in {doc_id}")
        start, end = kept[k][0], kept[k + len(needle) - 1][0] + 1
        index, article = 0, 0
        for s in doc.sentences:
            if s.start <= start:
                index, article = s.index, s.article
        return {"doc": doc_id, "sentence": index, "start": start, "end": end, "text": doc.text[start:end],
                "extractor": EXTRACTOR, "article": article}

    def _new_id(self, ref: Ref, doc: str) -> str:
        name = norm_name(ref.name)
        node = f"{ref.type}/~{doc}/{name}" if ref.type in PLACE_TYPES else f"{ref.type}/{name}"
        if node in self.g:
            raise Unmatched(f"{ref} would be a new entity, but {node} is {self.g.nodes[node]['name']}")
        return node

    def _new_entity(self, node: str, ref: Ref, ev: dict, c: Correction) -> str:
        self.g.add_node(node, type=ref.type, name=ref.name, aliases=[], adcode=None, confidence=CONFIDENCE,
                        linked=False, place=None, docs=[ev["doc"]], mentions=[ev])
        _mark(self.g.nodes[node], c)
        self.lookup.update(node)
        self.out.count("entities added")
        return node

    # ------------------------------------------------------------ the actions

    def reject_fact(self, c: Correction, s: Ref, rel: str, o: Ref) -> None:
        u, v = self.lookup.one(s), self.lookup.one(o)
        if not self.g.has_edge(u, v, rel):
            raise Unmatched(f"there is no such fact: {s} {rel} {o}")
        self.g.remove_edge(u, v, rel)
        self.out.count("facts rejected")

    def reject_entity(self, c: Correction, e: Ref) -> None:
        node = self.lookup.one(e)
        self.out.count("facts rejected with their entity", len(self._edges(node)))
        self.g.remove_node(node)
        self._drop_place_refs(node)
        self.lookup.update(node)
        self.out.count("entities rejected")

    def merge(self, c: Correction, a: Ref, b: Ref) -> None:
        g = self.g
        src, dst = self.lookup.one(a), self.lookup.one(b)
        if src == dst:
            raise Unmatched(f"{a} and {b} are one entity already")
        s, d = g.nodes[src], g.nodes[dst]
        d["aliases"] = sorted({s["name"], *(s.get("aliases") or ()), *(d.get("aliases") or ())} - {d["name"]})
        d["mentions"] = _union_evidence(d.get("mentions") or [], s.get("mentions") or [])
        d["docs"] = sorted({*(d.get("docs") or ()), *(s.get("docs") or ())})
        d["confidence"] = max(d.get("confidence") or 0, s.get("confidence") or 0)
        d["adcode"] = d.get("adcode") or s.get("adcode")
        d["linked"] = bool(d.get("linked") or s.get("linked"))
        d["place"] = d.get("place") or s.get("place")
        d["corrections"] = _merge_records(d.get("corrections"), s.get("corrections"))
        _mark(d, c)
        for u, v, k, data in self._edges(src):
            u2, v2 = (dst if u == src else u), (dst if v == src else v)
            if u2 == v2:
                continue
            data = dict(data)
            _mark(data, c)
            self._put_edge(u2, v2, k, data)
        g.remove_node(src)
        self._drop_place_refs(src, dst)
        if d.get("place") == dst:
            d["place"] = None
        if d.get("place") is not None:
            self.based.setdefault(d["place"], set()).add(dst)
        self.lookup.update(src, dst)

    def split(self, c: Correction, e: Ref, docs: tuple[str, ...]) -> None:
        g = self.g
        node = self.lookup.one(e)
        d = g.nodes[node]
        named = set(d.get("docs") or ()) | {ev["doc"] for ev in d.get("mentions") or ()}
        if not named & set(docs):
            raise Unmatched(f"{e} is named in none of {', '.join(docs)}")
        if named <= set(docs):
            raise Unmatched(f"{e} is named only in {', '.join(sorted(named))}: nothing is left to split from")
        new = f"{node}@{'+'.join(docs)}"
        if new in g:
            raise Unmatched(f"{e} was split by {', '.join(docs)} already")
        moved = [ev for ev in d.get("mentions") or () if ev["doc"] in docs]
        g.add_node(new, **{**d, "aliases": list(d.get("aliases") or ()), "mentions": moved,
                           "docs": sorted(named & set(docs))})
        d["mentions"] = [ev for ev in d.get("mentions") or () if ev["doc"] not in docs]
        d["docs"] = sorted(named - set(docs))
        _mark(d, c)
        _mark(g.nodes[new], c)
        for u, v, k, data in self._edges(node):
            there = [ev for ev in data.get("evidence") or () if ev["doc"] in docs]
            if not there:
                continue
            rest = [ev for ev in data.get("evidence") or () if ev["doc"] not in docs]
            moved_edge = {**data, "evidence": there}
            _mark(moved_edge, c)
            if rest:
                data["evidence"] = rest
                _mark(data, c)
            else:
                g.remove_edge(u, v, k)
            self._put_edge(new if u == node else u, new if v == node else v, k, moved_edge)
        if d.get("place") is not None:
            self.based.setdefault(d["place"], set()).add(new)
        self.lookup.update(new)

    def rename(self, c: Correction, e: Ref, name: str) -> None:
        node = self.lookup.one(e)
        d = self.g.nodes[node]
        if d["name"] == name:
            raise Unmatched(f"{e} is named {name} already")
        d["aliases"] = sorted(({d["name"], *(d.get("aliases") or ())}) - {name})
        d["name"] = name
        _mark(d, c)
        self.lookup.update(node)

    def alias(self, c: Correction, e: Ref, name: str) -> None:
        node = self.lookup.one(e)
        d = self.g.nodes[node]
        if name == d["name"] or name in (d.get("aliases") or ()):
            raise Unmatched(f"{e} has the name {name} already")
        d["aliases"] = sorted({*(d.get("aliases") or ()), name})
        _mark(d, c)
        self.lookup.update(node)

    def retype(self, c: Correction, e: Ref, type_: str) -> None:
        g = self.g
        node = self.lookup.one(e)
        for u, v, k, _ in self._edges(node):
            subjects, objects = RELATION_ENDS[k]
            if (u == node and type_ not in subjects) or (v == node and type_ not in objects):
                other = g.nodes[v if u == node else u]
                raise Unmatched(f"as {type_} it could not hold its fact {g.nodes[u]['name']} {k} {g.nodes[v]['name']}"
                                f" ({other['type']}): reject that fact first")
        d = g.nodes[node]
        d["type"] = type_
        if type_ not in PLACE_TYPES:
            d["adcode"], d["linked"] = None, False
            self._drop_place_refs(node)
        if type_ != "Organization":
            d["place"] = None
        _mark(d, c)
        self.lookup.update(node)

    def set_parent(self, c: Correction, p: Ref, parent: Ref) -> None:
        g = self.g
        child, up = self.lookup.one(p), self.lookup.one(parent)
        if child == up:
            raise Unmatched(f"{p} and {parent} are one place")
        current = sorted(v for _, v, k in g.out_edges(child, keys=True) if k == "locatedIn")
        if current == [up]:
            raise Unmatched(f"{p} lies in {parent} already")
        if child in nx.descendants(nx.subgraph_view(g, filter_edge=lambda u, v, k: k == "locatedIn"), up):
            raise Unmatched(f"{parent} lies in {p}: containment would run in a circle")
        mentions = g.nodes[child].get("mentions") or []
        if not mentions and not g.has_edge(child, up, "locatedIn"):
            raise Unmatched(f"{p} is named in no document, so the fact would have no source")
        for v in current:
            if v != up:
                g.remove_edge(child, v, "locatedIn")
        data = {"relation": "locatedIn", "role": None, "confidence": CONFIDENCE,
                "evidence": [{**mentions[0], "extractor": EXTRACTOR}] if mentions else []}
        _mark(data, c)
        self._put_edge(child, up, "locatedIn", data)

    def set_adcode(self, c: Correction, p: Ref, adcode: str) -> None:
        node = self.lookup.one(p)
        d = self.g.nodes[node]
        if d.get("adcode") == adcode:
            raise Unmatched(f"{p} has the adcode {adcode} already")
        d["adcode"] = adcode
        _mark(d, c)

    def add_fact(self, c: Correction, s: Ref, rel: str, o: Ref, role: str, doc: str, sentence: str) -> None:
        g = self.g
        if doc not in g.graph.get("documents", {}):
            raise Unmatched(f"no document {doc} in this build")
        u, v = self.lookup.maybe(s), self.lookup.maybe(o)
        ev = self._evidence(doc, sentence)
        if g.has_edge(u, v, rel) and any(_ev_key(x)[:4] == _ev_key(ev)[:4] for x in g.edges[u, v, rel]["evidence"]):
            raise Unmatched(f"the fact is in the graph already, with this sentence of {doc}")
        new_u = self._new_id(s, doc) if u is None else None
        new_v = self._new_id(o, doc) if v is None else None
        if (new_u or u) == (new_v or v):
            raise Unmatched(f"{s} and {o} are one entity")
        if new_u:
            u = self._new_entity(new_u, s, ev, c)
        if new_v:
            v = self._new_entity(new_v, o, ev, c)
        data = {"relation": rel, "role": role or None, "confidence": CONFIDENCE, "evidence": [ev]}
        _mark(data, c)
        self.out.count("facts added" if not g.has_edge(u, v, rel) else "facts given more evidence")
        self._put_edge(u, v, rel, data)
        if role:
            g.edges[u, v, rel]["role"] = role


def apply_corrections(
    g: nx.MultiDiGraph,
    corrections: list[Correction],
    *,
    read_document: DocumentReader | None = None,
) -> Outcome:
    """Apply ``corrections`` to ``g`` in order; ``read_document(doc_id)`` gives the text of
    a document of the build (to find the sentence of an added fact) or None."""
    out = Outcome()
    if not corrections:
        return out
    cur = _Curator(g, read_document, out)
    for c in corrections:
        act = getattr(cur, c.action.replace("-", "_"))
        try:
            act(c, *c.args)
        except Unmatched as e:
            out.skipped.append((c, str(e)))
            continue
        out.applied.append(c)
    cur._sorted_graph()
    return out
