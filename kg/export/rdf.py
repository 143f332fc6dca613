"""The graph as RDF against ``ontology/kg.ttl``, and back.

:func:`to_rdf` maps the NetworkX graph of :mod:`kg.graph` to an rdflib graph;
:func:`write_turtle` writes it; :func:`read_graph` reads a Turtle file back into the same
NetworkX shape, so every exporter and ``kg stats`` also work from a ``.ttl`` file.

Layout (see the header of ``ontology/kg.ttl``): an entity has its class, ``rdfs:label`` and
``skos:altLabel`` in ``@zh``, ``dcterms:identifier`` (its id), ``kg:adcode``,
``kg:basedIn`` (a body: the place its name names), ``kg:confidence``, ``kg:mentionedIn`` its documents and ``kg:attestedBy`` one
``kg:Evidence`` node per mention. A relation is the direct triple plus one ``kg:Statement``
per fact, whose ``kg:evidence`` literals are the supporting sentences (what SPARQL users and
the referee read) and whose ``kg:attestedBy`` nodes keep each sentence with its offsets.

IRI scheme (stable: derived from ids, never from run order):

* entity ``kgr:`` + the entity id, IRI-escaped (:func:`iri_escape`): readable Chinese stays,
  anything Turtle, N-Triples or an IRI parser could trip on is percent-encoded;
* document ``kgd:`` + the file stem, escaped the same way; article ``<document>/article/<n>``;
* statement ``kgs:`` + 20 hex digits of SHA-256 over (subject id, relation, object id);
* evidence ``kge:`` + 20 hex digits of SHA-256 over its owner and the evidence key.

No blank nodes anywhere. :func:`write_turtle` writes the triples of :func:`to_rdf` straight
from the NetworkX graph, with subjects, predicates and objects sorted, so the same graph gives
byte-identical output; :func:`to_rdf` (an rdflib graph) serves the other RDF formats.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from ..errors import InputError
from ..model import ENTITY_TYPES, RELATION_TYPES
from ..rdfsafety import refuse_entity_declarations
from ..vocab import KG, KGA, KGC, KGR, PREFIXES
from . import turtle
from .turtle import (  # noqa: F401  (kg.export.rdf's names, as before)
    LANG,
    PathOrStream,
    _referenced_docs,
    _t_rdflib_literal,
    iri_escape,
    serialize_turtle,
    write_turtle,
)

#: Confidence of an entity or fact read from RDF that states none (:class:`kg.model.Entity`'s).
DEFAULT_CONFIDENCE = 0.5

# ------------------------------------------------------------------------------ IRIs
# (the scheme is kg.export.turtle's, as strings; here they are rdflib terms)


def entity_iri(entity_id: str) -> URIRef:
    """The IRI of an entity, from its stable id."""
    return URIRef(turtle.entity_iri(entity_id))


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document, from its id (the file stem)."""
    return URIRef(turtle.document_iri(doc_id))


def article_iri(doc_id: str, index: int) -> URIRef:
    """The IRI of one article of a document."""
    return URIRef(turtle.article_iri(doc_id, index))


def statement_iri(subject: str, relation: str, obj: str) -> URIRef:
    """The IRI of the statement of one fact: the same fact always gets the same node."""
    return URIRef(turtle.statement_iri(subject, relation, obj))


def correction_iri(record: Mapping[str, Any]) -> URIRef:
    """The IRI of a correction, from the id of its line (:attr:`kg.curate.parse.Correction.id`)."""
    return URIRef(turtle.correction_iri(record))


def agent_iri(author: str) -> URIRef:
    """The IRI of the author of corrections, from the name the lines give."""
    return URIRef(turtle.agent_iri(author))


def evidence_iri(owner: str, ev: Mapping[str, Any]) -> URIRef:
    """The IRI of one piece of evidence for ``owner`` (an entity id or a statement IRI)."""
    return URIRef(turtle.evidence_iri(owner, ev))


# ------------------------------------------------------------------------------ NetworkX → RDF


def new_graph() -> Graph:
    """An empty rdflib graph with exactly our prefixes bound.

    ``bind_namespaces="none"`` keeps rdflib's own default bindings (which change between
    releases) out of the output.
    """
    rdf = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    return rdf


def _zh(text: str) -> Literal:
    return Literal(text, lang=LANG)


def _decimal(x: float) -> Literal:
    """A confidence as ``xsd:decimal``: Turtle writes ``0.85``, not ``8.5e-01``."""
    return Literal(format(Decimal(repr(float(x))), "f"), datatype=XSD.decimal)


def _add_document(rdf: Graph, doc_id: str, meta: Mapping[str, Any] | None) -> None:
    doc = document_iri(doc_id)
    meta = meta or {}
    rdf.add((doc, RDF.type, KG.Document))
    rdf.add((doc, DCTERMS.identifier, Literal(doc_id)))
    rdf.add((doc, DCTERMS.title, _zh(meta.get("title") or doc_id)))
    if meta.get("path"):
        rdf.add((doc, KG.sourcePath, Literal(str(meta["path"]))))
    for art in meta.get("articles", ()):
        node = article_iri(doc_id, art["index"])
        rdf.add((doc, DCTERMS.hasPart, node))
        rdf.add((node, RDF.type, KG.Article))
        rdf.add((node, DCTERMS.isPartOf, doc))
        rdf.add((node, KG.articleIndex, Literal(art["index"])))
        if art.get("headline"):
            rdf.add((node, DCTERMS.title, _zh(art["headline"])))
        if art.get("byline"):
            rdf.add((node, KG.byline, _zh(art["byline"])))
        for pred, obj in _article_meta(art):
            rdf.add((node, pred, obj))


def _article_meta(art: Mapping[str, Any]) -> list[tuple[URIRef, Literal]]:
    """An article's metadata as predicates and objects: its date (``xsd:date``), URL
    (``xsd:anyURI``), outlet, reporters and page, each where known."""
    out: list[tuple[URIRef, Literal]] = []
    if art.get("date"):
        out.append((DCTERMS.date, Literal(art["date"], datatype=XSD.date)))
    if art.get("source"):
        out.append((DCTERMS.source, Literal(art["source"], datatype=XSD.anyURI)))
    if art.get("publisher"):
        out.append((DCTERMS.publisher, _zh(art["publisher"])))
    out.extend((DCTERMS.creator, _zh(name)) for name in art.get("creators", ()))
    if art.get("page"):
        out.append((KG.page, Literal(art["page"])))
    return out


def _add_evidence(rdf: Graph, owner_key: str, owner: URIRef, ev: Mapping[str, Any]) -> None:
    node = evidence_iri(owner_key, ev)
    rdf.add((owner, KG.attestedBy, node))
    rdf.add((node, RDF.type, KG.Evidence))
    rdf.add((node, PROV.wasDerivedFrom, document_iri(ev["doc"])))
    rdf.add((node, KG.sentenceIndex, Literal(ev["sentence"])))
    rdf.add((node, KG.evidenceStart, Literal(ev["start"])))
    rdf.add((node, KG.evidenceEnd, Literal(ev["end"])))
    rdf.add((node, KG.evidence, _zh(ev["text"])))
    rdf.add((node, KG.extractor, Literal(ev["extractor"])))
    rdf.add((node, KG.articleIndex, Literal(ev.get("article", 0))))


def _add_corrections(rdf: Graph, node: URIRef, records: Iterable[Mapping[str, Any]]) -> None:
    """``node`` kg:correctedBy each correction and prov:wasAttributedTo its author."""
    for rec in records:
        c, who = correction_iri(rec), agent_iri(rec["author"])
        rdf.add((node, KG.correctedBy, c))
        rdf.add((node, PROV.wasAttributedTo, who))
        rdf.add((c, RDF.type, KG.Correction))
        rdf.add((c, KG.action, Literal(rec["action"])))
        rdf.add((c, KG.reason, Literal(rec["reason"])))
        rdf.add((c, DCTERMS.date, Literal(rec["date"], datatype=XSD.date)))
        rdf.add((c, PROV.wasAttributedTo, who))
        rdf.add((who, RDF.type, PROV.Agent))
        rdf.add((who, RDFS.label, Literal(rec["author"])))


def _add_entity(rdf: Graph, entity_id: str, data: Mapping[str, Any]) -> None:
    node = entity_iri(entity_id)
    mentions = data.get("mentions") or []
    docs = data.get("docs") or sorted({ev["doc"] for ev in mentions})
    rdf.add((node, RDF.type, KG[data["type"]]))
    rdf.add((node, RDFS.label, _zh(data["name"])))
    rdf.add((node, DCTERMS.identifier, Literal(entity_id)))
    for alias in data.get("aliases") or ():
        rdf.add((node, SKOS.altLabel, _zh(alias)))
    if data.get("adcode"):
        rdf.add((node, KG.adcode, Literal(str(data["adcode"]))))
    if data.get("linked"):
        rdf.add((node, KG.inGazetteer, Literal(True)))
    if data.get("place"):
        rdf.add((node, KG.basedIn, entity_iri(data["place"])))
    if data.get("confidence") is not None:
        rdf.add((node, KG.confidence, _decimal(data["confidence"])))
    for doc_id in docs:
        rdf.add((node, KG.mentionedIn, document_iri(doc_id)))
    for ev in mentions:
        _add_evidence(rdf, entity_id, node, ev)
    _add_corrections(rdf, node, data.get("corrections") or ())


def _add_relation(rdf: Graph, s: str, o: str, relation: str, data: Mapping[str, Any]) -> None:
    subj, obj, pred = entity_iri(s), entity_iri(o), KG[relation]
    rdf.add((subj, pred, obj))
    st = statement_iri(s, relation, o)
    rdf.add((st, RDF.type, KG.Statement))
    rdf.add((st, RDF.subject, subj))
    rdf.add((st, RDF.predicate, pred))
    rdf.add((st, RDF.object, obj))
    if data.get("role"):
        rdf.add((st, KG.role, _zh(data["role"])))
    if data.get("confidence") is not None:
        rdf.add((st, KG.confidence, _decimal(data["confidence"])))
    for ev in data.get("evidence") or ():
        rdf.add((st, PROV.wasDerivedFrom, document_iri(ev["doc"])))
        rdf.add((st, KG.evidence, _zh(ev["text"])))
        _add_evidence(rdf, str(st), st, ev)
    _add_corrections(rdf, st, data.get("corrections") or ())


def to_rdf(g: nx.MultiDiGraph) -> Graph:
    """The graph as RDF: entities, documents, direct triples and statement nodes.

    Raises ``AttributeError`` for a node type or relation the ontology does not declare:
    that is a bug upstream, not bad input.
    """
    rdf = new_graph()
    documents = g.graph.get("documents", {})
    for doc_id in sorted(_referenced_docs(g)):
        _add_document(rdf, doc_id, documents.get(doc_id))
    for entity_id, data in g.nodes(data=True):
        _add_entity(rdf, entity_id, data)
    for s, o, key, data in g.edges(keys=True, data=True):
        _add_relation(rdf, s, o, data.get("relation") or key, data)
    return rdf


def _entity_in(data: Mapping[str, Any], doc_id: str) -> dict[str, Any] | None:
    """The entity as one document knows it: its mentions there; None if it does not name it."""
    mentions = [ev for ev in data.get("mentions") or () if ev["doc"] == doc_id]
    docs = data.get("docs") or sorted({ev["doc"] for ev in data.get("mentions") or ()})
    if doc_id not in docs and not mentions:
        return None
    return {**data, "docs": [doc_id], "mentions": mentions}


def _document_part(g: nx.MultiDiGraph, doc_id: str) -> Graph:
    """What one document says: its node, the entities it names, the facts it attests."""
    part = new_graph()
    _add_document(part, doc_id, g.graph.get("documents", {}).get(doc_id))
    for entity_id, data in g.nodes(data=True):
        view = _entity_in(data, doc_id)
        if view is not None:
            _add_entity(part, entity_id, view)
    for s, o, key, data in g.edges(keys=True, data=True):
        evidence = [ev for ev in data.get("evidence") or () if ev["doc"] == doc_id]
        if evidence:
            _add_relation(part, s, o, data.get("relation") or key, {**data, "evidence": evidence})
    return part


def to_rdf_by_document(g: nx.MultiDiGraph) -> tuple[Graph, dict[str, Graph]]:
    """The RDF of :func:`to_rdf` split by source, for TriG and other quad formats.

    Returns the default graph and one graph per document id. A document's graph holds the
    document node, every entity it names (with its class, names and the mentions in that
    document) and every fact it attests (direct triple and statement, with that document's
    evidence); entity-level triples recur in each document that names the entity. The
    default graph holds what no document states: places and containment the gazetteer
    completed. The union of all the graphs is exactly :func:`to_rdf`'s graph.
    """
    full = to_rdf(g)
    parts: dict[str, Graph] = {}
    for doc_id in sorted(_referenced_docs(g)):
        part = new_graph()
        for triple in _document_part(g, doc_id):
            if triple in full:  # by construction always; the check keeps the union exact
                part.add(triple)
        parts[doc_id] = part
    rest = new_graph()
    for triple in full:
        if not any(triple in part for part in parts.values()):
            rest.add(triple)
    return rest, parts


# ------------------------------------------------------------------------------ NetworkX → Turtle
# (kg.export.turtle: straight from the NetworkX graph, without rdflib)


# ------------------------------------------------------------------------------ RDF → NetworkX

_Index = dict[str, dict[str, list[Any]]]


def _parse(path: str | os.PathLike[str]) -> _Index:
    """Subject → predicate → objects, with pyoxigraph (fast on large files).

    Terms become strings (IRIs) or Python values (literals): ``xsd:integer`` → int,
    ``xsd:decimal``/``double`` → float, anything else → its lexical form.
    """
    refuse_entity_declarations(path)
    fmt = ox.RdfFormat.from_extension(os.path.splitext(os.fspath(path))[1].lstrip(".") or "ttl")
    try:
        quads = ox.parse(path=path, format=fmt or ox.RdfFormat.TURTLE)
        index: _Index = defaultdict(lambda: defaultdict(list))
        for q in quads:
            index[q.subject.value][q.predicate.value].append(_value(q.object))
    except (SyntaxError, OSError, ValueError) as e:
        raise InputError(path, f"not readable as RDF ({e})") from e
    return index


_INTEGER = {str(XSD.integer), str(XSD.int), str(XSD.long), str(XSD.nonNegativeInteger)}
_FLOAT = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


def _value(term: Any) -> Any:
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _INTEGER:
            return int(term.value)
        if dt in _FLOAT:
            return float(term.value)
        return term.value
    return term.value


def _first(props: Mapping[str, list[Any]], pred: URIRef, default: Any = None) -> Any:
    values = props.get(str(pred))
    return min(values) if values else default


def _local(iri: str, ns: Any) -> str | None:
    return iri[len(str(ns)) :] if iri.startswith(str(ns)) else None


def _read_documents(index: _Index) -> tuple[dict[str, str], dict[str, dict]]:
    """Document IRI → id, and the ``G.graph["documents"]`` dict."""
    ids: dict[str, str] = {}
    documents: dict[str, dict] = {}
    for iri, props in index.items():
        if str(KG.Document) not in props.get(str(RDF.type), ()):
            continue
        doc_id = _first(props, DCTERMS.identifier) or unquote(iri.rsplit("/", 1)[-1])
        ids[iri] = doc_id
        articles = []
        for art_iri in props.get(str(DCTERMS.hasPart), ()):
            art = index.get(art_iri, {})
            articles.append(
                {
                    "index": _first(art, KG.articleIndex, 0),
                    "headline": _first(art, DCTERMS.title, ""),
                    "byline": _first(art, KG.byline, ""),
                    **_read_article_meta(art),
                }
            )
        documents[doc_id] = {
            "path": _first(props, KG.sourcePath, ""),
            "title": _first(props, DCTERMS.title, doc_id),
            "articles": sorted(articles, key=lambda a: a["index"]),
        }
    return ids, dict(sorted(documents.items()))


def _read_article_meta(props: Mapping[str, list[Any]]) -> dict[str, Any]:
    """What :func:`_article_meta` wrote, back as ``G.graph["documents"]`` keys."""
    out: dict[str, Any] = {}
    for key, pred in (("date", DCTERMS.date), ("source", DCTERMS.source), ("publisher", DCTERMS.publisher),
                      ("page", KG.page)):
        value = _first(props, pred)
        if value:
            out[key] = value
    creators = props.get(str(DCTERMS.creator))
    if creators:
        out["creators"] = sorted(creators)
    return out


def _doc_id(doc_ids: Mapping[str, str], iri: str) -> str:
    return doc_ids.get(iri) or unquote(iri.rsplit("/", 1)[-1])


def _evidence_key(ev: Mapping[str, Any]) -> tuple:
    """The order :mod:`kg.graph` keeps evidence lists in."""
    return (ev["doc"], ev["sentence"], ev["start"], ev["end"], ev["extractor"])


def _read_evidence(index: _Index, iris: Iterable[str], doc_ids: Mapping[str, str]) -> list[dict]:
    out = []
    for iri in iris:
        p = index.get(iri, {})
        out.append(
            {
                "doc": _doc_id(doc_ids, _first(p, PROV.wasDerivedFrom, "")),
                "sentence": _first(p, KG.sentenceIndex, 0),
                "start": _first(p, KG.evidenceStart, 0),
                "end": _first(p, KG.evidenceEnd, 0),
                "text": _first(p, KG.evidence, ""),
                "extractor": _first(p, KG.extractor, ""),
                "article": _first(p, KG.articleIndex, 0),
            }
        )
    return sorted(out, key=_evidence_key)


def _read_corrections(index: _Index, props: Mapping[str, list[Any]]) -> list[dict]:
    """The ``corrections`` records of a node or a statement (:func:`_add_corrections`)."""
    out = []
    for iri in props.get(str(KG.correctedBy), ()):
        p = index.get(iri, {})
        who = _first(p, PROV.wasAttributedTo, "")
        out.append({
            "id": unquote(_local(iri, KGC) or iri),
            "action": _first(p, KG.action, ""),
            "author": _first(index.get(who, {}), RDFS.label) or unquote(_local(who, KGA) or who),
            "date": str(_first(p, DCTERMS.date, "")),
            "reason": _first(p, KG.reason, ""),
        })
    return sorted(out, key=lambda r: r["id"])


def _entity_type(props: Mapping[str, list[Any]]) -> str | None:
    for t in props.get(str(RDF.type), ()):
        name = _local(t, KG)
        if name in ENTITY_TYPES:
            return name
    return None


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_turtle` back into the :mod:`kg.graph` shape.

    Any RDF format pyoxigraph knows by the file extension works (``.ttl``, ``.nt``, ...).
    Nodes and edges are inserted in sorted order, as :func:`kg.graph.build_graph` does, so
    ``read_graph(write_turtle(g))`` exports exactly like ``g``.  A direct relation triple
    without a statement node becomes an edge without evidence.
    """
    index = _parse(path)
    doc_ids, documents = _read_documents(index)
    iri_to_id: dict[str, str] = {}
    nodes: dict[str, dict] = {}
    for iri, props in index.items():
        etype = _entity_type(props)
        if etype is None:
            continue
        entity_id = _first(props, DCTERMS.identifier) or unquote(_local(iri, KGR) or iri)
        iri_to_id[iri] = entity_id
        mentions = _read_evidence(index, props.get(str(KG.attestedBy), ()), doc_ids)
        nodes[entity_id] = {
            "type": etype,
            "name": _first(props, RDFS.label, entity_id),
            "aliases": sorted(set(props.get(str(SKOS.altLabel), ()))),
            "adcode": _first(props, KG.adcode),
            "linked": bool(_first(props, KG.inGazetteer, False)),
            "place": _first(props, KG.basedIn),  # an IRI until every node is known
            "confidence": _first(props, KG.confidence, DEFAULT_CONFIDENCE),
            "docs": sorted({_doc_id(doc_ids, d) for d in props.get(str(KG.mentionedIn), ())}),
            "mentions": mentions,
        }
        corrections = _read_corrections(index, props)
        if corrections:
            nodes[entity_id]["corrections"] = corrections
    for data in nodes.values():
        if data["place"] is not None:
            data["place"] = iri_to_id.get(data["place"])
    edges: dict[tuple[str, str, str], dict] = {}
    for iri, props in index.items():
        for relation in RELATION_TYPES:
            for obj in props.get(str(KG[relation]), ()):
                if iri in iri_to_id and obj in iri_to_id:
                    edges[(iri_to_id[iri], relation, iri_to_id[obj])] = {
                        "relation": relation,
                        "role": None,
                        "confidence": DEFAULT_CONFIDENCE,
                        "evidence": [],
                    }
    for props in index.values():
        pred = _first(props, RDF.predicate)
        relation = _local(pred, KG) if pred else None
        s, o = _first(props, RDF.subject), _first(props, RDF.object)
        key = (iri_to_id.get(s, ""), relation or "", iri_to_id.get(o, ""))
        if key not in edges:
            continue  # a statement about no edge we hold
        edges[key].update(
            role=_first(props, KG.role),
            confidence=_first(props, KG.confidence, DEFAULT_CONFIDENCE),
            evidence=_read_evidence(index, props.get(str(KG.attestedBy), ()), doc_ids),
        )
        corrections = _read_corrections(index, props)
        if corrections:
            edges[key]["corrections"] = corrections
    g = nx.MultiDiGraph()
    g.graph["documents"] = documents
    for entity_id in sorted(nodes):
        g.add_node(entity_id, **nodes[entity_id])
    for s, relation, o in sorted(edges):
        g.add_edge(s, o, key=relation, **edges[(s, relation, o)])
    return g
