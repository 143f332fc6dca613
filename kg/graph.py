"""The one central structure: a NetworkX ``MultiDiGraph`` of resolved entities and facts.

Shape (every exporter reads only this):

* ``G.graph["documents"]``: ``{doc_id: {"path": str, "title": str,
  "articles": [{"index": int, "headline": str, "byline": str}]}}``; an article also has
  ``date`` (ISO), ``source`` (URL), ``publisher``, ``creators`` (names) and ``page`` when known, sorted by id.
* node key: the entity id (``"County/150622"``, ``"Town/150622/薛家湾镇"``, ...); attributes
  ``type``, ``name``, ``aliases`` (sorted list), ``adcode`` (str or None), ``confidence``,
  ``linked`` (a place found in the gazetteer), ``place`` (bodies: the id of the place
  the body is named after, or None; read from the name, so an attribute and not an edge),
  ``docs`` (sorted list of document ids) and ``mentions`` (list of evidence dicts).
* edge ``(subject, object, key=relation)``; attributes ``relation``, ``role`` (str or None),
  ``confidence`` and ``evidence`` (list of evidence dicts, sorted).

An evidence dict is :class:`kg.model.Evidence` as a dict: ``doc``, ``sentence``, ``start``,
``end``, ``text``, ``extractor``, ``article``.

Everything is inserted in sorted order so that iteration, and therefore every export, is
deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any

import networkx as nx

from .model import Article, Document, Entity, Evidence, Relation

#: an evidence's fields, in order: what :func:`dataclasses.asdict` would give, built directly
#: (asdict copies recursively, and was a tenth of a rules-only build)
_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))


def evidence_dict(ev: Evidence) -> dict:
    """``dataclasses.asdict(ev)``: every field of an evidence is a str or an int.

    >>> evidence_dict(Evidence("d", 0, 1, 3, "某某社区", "suffix"))
    {'doc': 'd', 'sentence': 0, 'start': 1, 'end': 3, 'text': '某某社区', 'extractor': 'suffix', 'article': 0}
    """
    d = ev.__dict__
    if tuple(d) == _EVIDENCE_FIELDS:  # always, for an evidence made by its constructor or pickle
        return d.copy()
    return {k: getattr(ev, k) for k in _EVIDENCE_FIELDS}


def _ev_sort(d: dict) -> tuple:
    return (d["doc"], d["sentence"], d["start"], d["end"], d["extractor"])


def _evidence_list(evidence: Iterable[Evidence]) -> list[dict]:
    """The evidence as dicts, each piece once (by :meth:`Evidence.key`, which is
    :func:`_ev_sort` of its dict; the last of equal keys kept), in that order."""
    dicts = list(map(evidence_dict, evidence))
    return sorted(dict(zip(map(_ev_sort, dicts), dicts, strict=True)).values(), key=_ev_sort)


def _article(a: Article) -> dict[str, Any]:
    """An article's entry in ``G.graph["documents"]``: its metadata, where known."""
    out: dict[str, Any] = {"index": a.index, "headline": a.headline, "byline": a.byline}
    for key in ("date", "source", "publisher", "page"):
        if getattr(a, key):
            out[key] = getattr(a, key)
    if a.creators:
        out["creators"] = sorted(a.creators)  # RDF keeps no order: the graph keeps none either
    return out


def build_graph(
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    documents: Iterable[Document],
) -> nx.MultiDiGraph:
    """Assemble the graph from resolved entities and relations.

    >>> from kg.model import Entity, Relation
    >>> g = build_graph([Entity("City/150100", "City", "呼和浩特市", adcode="150100")], [], [])
    >>> g.nodes["City/150100"]["name"]
    '呼和浩特市'
    """
    g = nx.MultiDiGraph()
    g.graph["documents"] = {
        d.id: {
            "path": d.path,
            "title": d.articles[0].headline if d.articles else d.id,
            "articles": [_article(a) for a in d.articles],
        }
        for d in sorted(documents, key=lambda d: d.id)
    }
    entities = sorted(entities, key=lambda e: e.id)
    known = {e.id for e in entities}
    for e in entities:
        mentions = _evidence_list(e.mentions)
        g.add_node(
            e.id,
            type=e.type,
            name=e.name,
            aliases=sorted(set(e.aliases) - {e.name}),
            adcode=e.adcode,
            confidence=round(e.confidence, 3),
            linked=e.linked,
            place=e.place if e.place in known else None,
            docs=e.docs,
            mentions=mentions,
        )
    for r in sorted(relations, key=lambda r: (r.subject, r.predicate, r.object)):
        if r.subject not in g or r.object not in g:
            continue
        evidence = _evidence_list(r.evidence)
        g.add_edge(
            r.subject,
            r.object,
            key=r.predicate,
            relation=r.predicate,
            role=r.role,
            confidence=round(r.confidence, 3),
            evidence=evidence,
        )
    return g


def filter_confidence(g: nx.MultiDiGraph, minimum: float) -> nx.MultiDiGraph:
    """A copy of ``g`` without nodes and edges below ``minimum`` confidence."""
    h = g.copy()
    h.remove_edges_from(
        [(u, v, k) for u, v, k, c in g.edges(keys=True, data="confidence") if c < minimum]
    )
    h.remove_nodes_from([n for n, c in g.nodes(data="confidence") if c < minimum])
    for _, data in h.nodes(data=True):
        if data.get("place") is not None and data["place"] not in h:
            data["place"] = None  # its place fell below the threshold
    return h


def counts(g: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Entities by type and relations by type, for summaries and ``kg stats``."""
    ent: dict[str, int] = {}
    for _, t in g.nodes(data="type"):
        ent[t] = ent.get(t, 0) + 1
    rel: dict[str, int] = {}
    for _, _, k in g.edges(keys=True):
        rel[k] = rel.get(k, 0) + 1
    return {"entities": dict(sorted(ent.items())), "relations": dict(sorted(rel.items()))}


def linking(g: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Per place level: how many places there are, how many the gazetteer knows, and how
    many carry an adcode (the gazetteer has codes down to the county)."""
    from .model import PLACE_TYPES

    out = {t: {"all": 0, "linked": 0, "adcode": 0} for t in PLACE_TYPES}
    for _, d in g.nodes(data=True):
        row = out.get(d["type"])
        if row is not None:
            row["all"] += 1
            row["linked"] += bool(d.get("linked"))
            row["adcode"] += bool(d.get("adcode"))
    return {t: row for t, row in out.items() if row["all"]}


def placing(g: nx.MultiDiGraph) -> dict[str, int]:
    """How many bodies there are and how many are based in a place (``place``, kg:basedIn)."""
    bodies = [d.get("place") for _, d in g.nodes(data=True) if d["type"] == "Organization"]
    return {"all": len(bodies), "placed": sum(p is not None for p in bodies)}


def documents_by_year(g: nx.MultiDiGraph) -> dict[str, int]:
    """How many documents were published in each year (a document's year is its earliest
    article's date), in order, then ``"undated"``.

    >>> g = nx.MultiDiGraph()
    >>> g.graph["documents"] = {"a": {"articles": [{"date": "2024-03-05"}]}, "b": {"articles": [{}]}}
    >>> documents_by_year(g)
    {'2024': 1, 'undated': 1}
    """
    years: dict[str, int] = {}
    for meta in g.graph.get("documents", {}).values():
        dates = [a["date"] for a in meta.get("articles", ()) if a.get("date")]
        year = str(min(dates))[:4] if dates else "undated"
        years[year] = years.get(year, 0) + 1
    return dict(sorted(years.items(), key=lambda kv: (kv[0] == "undated", kv[0])))
