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

import hashlib
import io
import os
import re
import string
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import IO, Any
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from ..errors import InputError
from ..model import ENTITY_TYPES, RELATION_TYPES
from ..rdfsafety import refuse_entity_declarations
from ..read import printable
from ..vocab import KG, KGA, KGC, KGD, KGE, KGR, KGS, PREFIXES

#: Language tag of every natural-language literal taken from the sources.
LANG = "zh"

#: Confidence of an entity or fact read from RDF that states none (:class:`kg.model.Entity`'s).
DEFAULT_CONFIDENCE = 0.5

PathOrStream = str | os.PathLike[str] | IO[str]

# ------------------------------------------------------------------------------ IRIs

# RFC 3987 ipchar minus "%" (always escaped, so escaping is reversible): ASCII unreserved,
# sub-delims, ":", "@" and "/" (kept so "Town/150622/薛家湾镇" reads as a path).
_ASCII_KEEP = frozenset(string.ascii_letters + string.digits + "-._~!$&'()*+,;=:@/")
# Characters inside the IRI ranges that are invisible or blank: escaped so an IRI never
# hides a space. A fixed list rather than unicodedata categories, whose answers change with
# the Unicode version and would change IRIs with the Python version.
_INVISIBLE = frozenset(
    [0xA0, 0xAD, 0x1680, 0x180E, 0x205F, 0x3000, 0xFEFF]
    + list(range(0x2000, 0x2010))
    + list(range(0x2028, 0x2030))
    + list(range(0x2060, 0x2070))
)


def _ucschar(cp: int) -> bool:
    """RFC 3987 ``ucschar``: the non-ASCII code points an IRI may carry unescaped."""
    if cp in _INVISIBLE:
        return False
    if cp <= 0xD7FF:
        return cp >= 0xA0
    if cp < 0x10000:
        return 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF
    return (cp & 0xFFFF) <= 0xFFFD and cp < 0xF0000 and not 0xE0000 <= cp < 0xE1000


def iri_escape(text: str) -> str:
    """Make ``text`` safe as an IRI path while keeping Chinese readable.

    Percent-encodes (as UTF-8) everything but the characters kept above, ``%`` included, so
    :func:`urllib.parse.unquote` inverts it exactly.  A lone surrogate (a byte of a file
    name that is not UTF-8) is escaped as :func:`kg.read.printable` writes it.

    >>> iri_escape("Town/150622/薛家湾镇")
    'Town/150622/薛家湾镇'
    >>> iri_escape("Mechanism/街长 巷长<院长>")
    'Mechanism/街长%20巷长%3C院长%3E'
    """
    return "".join(
        ch
        if ch in _ASCII_KEEP or _ucschar(ord(ch))
        else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        if not "\ud800" <= ch <= "\udfff"
        else "%5C" + printable(ch)[1:]  # \xff: a backslash, then letters and digits
        for ch in text
    )


def entity_iri(entity_id: str) -> URIRef:
    """The IRI of an entity, from its stable id."""
    return KGR[iri_escape(entity_id)]


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document, from its id (the file stem)."""
    return KGD[iri_escape(doc_id)]


def article_iri(doc_id: str, index: int) -> URIRef:
    """The IRI of one article of a document."""
    return URIRef(f"{document_iri(doc_id)}/article/{index}")


def _digest(*parts: object) -> str:
    """20 hex digits (80 bits) of SHA-256 over the parts: plenty against collisions here."""
    joined = "\x1f".join(str(p) for p in parts)
    try:
        data = joined.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: a byte of a file name that is not UTF-8
        data = printable(joined).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:20]


def statement_iri(subject: str, relation: str, obj: str) -> URIRef:
    """The IRI of the statement of one fact: the same fact always gets the same node."""
    return KGS[_digest(subject, relation, obj)]


def correction_iri(record: Mapping[str, Any]) -> URIRef:
    """The IRI of a correction, from the id of its line (:attr:`kg.curate.parse.Correction.id`)."""
    return KGC[iri_escape(record["id"])]


def agent_iri(author: str) -> URIRef:
    """The IRI of the author of corrections, from the name the lines give."""
    return KGA[iri_escape(author)]


def evidence_iri(owner: str, ev: Mapping[str, Any]) -> URIRef:
    """The IRI of one piece of evidence for ``owner`` (an entity id or a statement IRI)."""
    return KGE[_digest(owner, ev["doc"], ev["sentence"], ev["start"], ev["end"], ev["extractor"])]


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


def _referenced_docs(g: nx.MultiDiGraph) -> set[str]:
    """Every document id a node or an edge points to: each needs a document node."""
    docs: set[str] = set(g.graph.get("documents", {}))
    for _, data in g.nodes(data=True):
        docs.update(data.get("docs") or ())
        docs.update(ev["doc"] for ev in data.get("mentions") or ())
    for _, _, evidence in g.edges(data="evidence"):
        docs.update(ev["doc"] for ev in evidence or ())
    return docs


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
#
# Turtle written straight from the NetworkX graph, a subject at a time, instead of building
# an rdflib graph and running its serialiser. Measured (2 cores, Python 3.11, rdflib 7.6):
# the seeds (14 k triples) 0.82 s -> 0.07 s; 100 copies of them (1.42 M triples, 82 MiB of
# Turtle) 97.5 s -> 6.9 s, memory above the NetworkX graph +1676 MiB -> +72 MiB (peak RSS).
# The triples are exactly to_rdf's (tests check isomorphism, with rdflib and pyoxigraph, on
# the seeds graph and on hostile strings); to_rdf stays the reference and feeds the other
# RDF exporters.
#
# Layout: our prefixes, then one block per subject: entities, statements, documents and
# their articles, evidence; within a group by IRI. In a block rdf:type ("a") and rdfs:label
# come first, then the predicates by IRI, each with its objects sorted and deduplicated.
# Every literal is a one-line "..." string with the Turtle escapes. No blank nodes, so the
# same graph gives the same bytes whatever the insertion order.

#: The prefixes (of :data:`kg.vocab.PREFIXES`) the writer can use, declared in this order.
TURTLE_PREFIXES = ("dcterms", "kg", "kgd", "kge", "kgs", "prov", "rdf", "rdfs", "skos", "xsd")

# Longest namespace first, so a prefixed name always uses the most specific prefix.
_QNAME_NS = sorted(((PREFIXES[p], p) for p in TURTLE_PREFIXES), key=lambda x: -len(x[0]))
# A conservative PN_LOCAL: what needs no backslash escape in any parser.
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
# Characters no IRIREF may hold (the IRIs here are built from iri_escape, so never seen).
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER_LEX = re.compile(r"[+-]?[0-9]+")
_DECIMAL_LEX = re.compile(r"[+-]?[0-9]*\.[0-9]+")

# STRING_LITERAL_QUOTE: ECHAR for \t \b \n \r \f \" \\, \uXXXX for the other controls.
_STRING_ESCAPES: dict[int, str] = {cp: f"\\u{cp:04X}" for cp in [*range(0x20), 0x7F]}
_STRING_ESCAPES.update(
    {0x09: "\\t", 0x08: "\\b", 0x0A: "\\n", 0x0D: "\\r", 0x0C: "\\f", 0x22: '\\"', 0x5C: "\\\\"}
)
# A lone surrogate (a byte of a file name that is not UTF-8) as kg.read.printable writes it:
# no Turtle file can hold the surrogate itself, nor a \uXXXX escape of one.
_STRING_ESCAPES.update({cp: printable(chr(cp)).replace("\\", "\\\\") for cp in range(0xD800, 0xE000)})


@lru_cache(maxsize=1 << 16)  # the same IRIs and sentences come back in every block
def _t_iri(iri: str) -> str:
    """An IRI as Turtle: a prefixed name where that is plain, else ``<...>``."""
    for ns, prefix in _QNAME_NS:
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if _PN_LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
            break
    if _NOT_IRI.search(iri):
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


@lru_cache(maxsize=1 << 14)
def _t_string(text: str) -> str:
    return '"' + text.translate(_STRING_ESCAPES) + '"'


def _t_zh(text: str) -> str:
    return _t_string(text) + "@" + LANG


def _t_rdflib_literal(lit: Literal) -> str:
    """Any rdflib literal, numbers and booleans bare where Turtle's grammar allows."""
    lex, dt = str(lit), lit.datatype
    if lit.language:
        return f"{_t_string(lex)}@{lit.language}"
    if dt is None or dt == XSD.string:
        return _t_string(lex)
    if (
        (dt == XSD.integer and _INTEGER_LEX.fullmatch(lex))
        or (dt == XSD.decimal and _DECIMAL_LEX.fullmatch(lex))
        or (dt == XSD.boolean and lex in ("true", "false"))
    ):
        return lex
    return f"{_t_string(lex)}^^{_t_iri(str(dt))}"


def _t_literal(value: Any) -> str:
    """``Literal(value)`` as Turtle: str a string, int an integer, bool a boolean."""
    kind = type(value)
    if kind is str:
        return _t_string(value)
    if kind is int:
        return str(value)
    if kind is bool:
        return "true" if value else "false"
    return _t_rdflib_literal(Literal(value))


_A, _LABEL = str(RDF.type), str(RDFS.label)
_P = {
    name: str(term)
    for name, term in {
        "type": RDF.type,
        "label": RDFS.label,
        "altLabel": SKOS.altLabel,
        "identifier": DCTERMS.identifier,
        "title": DCTERMS.title,
        "hasPart": DCTERMS.hasPart,
        "isPartOf": DCTERMS.isPartOf,
        "derivedFrom": PROV.wasDerivedFrom,
        "attributedTo": PROV.wasAttributedTo,
        "date": DCTERMS.date,
        "subject": RDF.subject,
        "predicate": RDF.predicate,
        "object": RDF.object,
        **{t: KG[t] for t in ("adcode", "inGazetteer", "basedIn", "confidence", "mentionedIn", "attestedBy",
                              "sourcePath", "articleIndex", "byline", "sentenceIndex",
                              "evidenceStart", "evidenceEnd", "evidence", "extractor", "role",
                              "correctedBy", "action", "reason")},
    }.items()
}
_T_TRUE = "true"


def _predicate_key(iri: str) -> tuple[int, str]:
    return (0 if iri == _A else 1 if iri == _LABEL else 2, iri)


class _TurtleWriter:
    """Renders the subjects of one NetworkX graph; see :meth:`write`."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g = g
        self.documents = g.graph.get("documents", {})
        self.entity = {n: _t_iri(str(entity_iri(n))) for n in g.nodes}
        self.docs: dict[str, str] = {}
        self.kg_terms: dict[str, str] = {}
        self.kg_iris: dict[str, str] = {}
        self.decimals: dict[Any, str] = {}
        #: each evidence's IRI by (owner, the evidence's dict): written as a subject and as an
        #: object, digested once
        self.evidence_iris: dict[tuple[str, int], str] = {}

    # terms, cached: few distinct values, many uses
    def doc(self, doc_id: str) -> str:
        term = self.docs.get(doc_id)
        if term is None:
            term = self.docs[doc_id] = _t_iri(str(document_iri(doc_id)))
        return term

    def kg(self, name: str) -> str:
        """``KG[name]`` as Turtle; AttributeError for a term the ontology does not declare."""
        term = self.kg_terms.get(name)
        if term is None:
            term = self.kg_terms[name] = _t_iri(self.kg_iri(name))
        return term

    def kg_iri(self, name: str) -> str:
        iri = self.kg_iris.get(name)
        if iri is None:
            iri = self.kg_iris[name] = str(KG[name])
        return iri

    def decimal(self, x: Any) -> str:
        term = self.decimals.get(x)
        if term is None:
            term = self.decimals[x] = _t_rdflib_literal(_decimal(x))
        return term

    def evidence_iri(self, owner: str, ev: Mapping[str, Any]) -> str:
        key = (owner, id(ev))  # the graph holds every evidence dict while it is written
        iri = self.evidence_iris.get(key)
        if iri is None:
            iri = self.evidence_iris[key] = str(evidence_iri(owner, ev))
        return iri

    # subjects: (group, IRI, render function, argument), sorted before anything is written
    def subjects(self) -> list[tuple[int, str, Any, Any]]:
        g, out = self.g, []
        for entity_id, data in g.nodes(data=True):
            self.kg(data["type"])  # fail before writing a byte
            out.append((0, str(entity_iri(entity_id)), self.entity_block, entity_id))
            for ev in data.get("mentions") or ():
                out.append((3, self.evidence_iri(entity_id, ev), self.evidence_block, ev))
        for s, o, key, data in g.edges(keys=True, data=True):
            relation = data.get("relation") or key
            self.kg(relation)
            st = str(statement_iri(s, relation, o))
            out.append((1, st, self.statement_block, (s, o, key)))
            for ev in data.get("evidence") or ():
                out.append((3, self.evidence_iri(st, ev), self.evidence_block, ev))
        records: dict[str, Mapping[str, Any]] = {}
        for _, data in g.nodes(data=True):
            records.update((r["id"], r) for r in data.get("corrections") or ())
        for _, _, data in g.edges(data=True):
            records.update((r["id"], r) for r in data.get("corrections") or ())
        for rec in records.values():
            out.append((4, str(correction_iri(rec)), self.correction_block, rec))
        for author in sorted({r["author"] for r in records.values()}):
            out.append((5, str(agent_iri(author)), self.agent_block, author))
        for doc_id in _referenced_docs(g):
            out.append((2, str(document_iri(doc_id)), self.document_block, doc_id))
            for art in (self.documents.get(doc_id) or {}).get("articles", ()):
                out.append((2, str(article_iri(doc_id, art["index"])), self.article_block, (doc_id, art)))
        out.sort(key=lambda x: (x[0], x[1]))
        return out

    def entity_block(self, add: Any, entity_id: str) -> None:
        data = self.g.nodes[entity_id]
        mentions = data.get("mentions") or []
        docs = data.get("docs") or sorted({ev["doc"] for ev in mentions})
        add(_A, self.kg(data["type"]))
        add(_LABEL, _t_zh(data["name"]))
        add(_P["identifier"], _t_literal(entity_id))
        for alias in data.get("aliases") or ():
            add(_P["altLabel"], _t_zh(alias))
        if data.get("adcode"):
            add(_P["adcode"], _t_string(str(data["adcode"])))
        if data.get("linked"):
            add(_P["inGazetteer"], _T_TRUE)
        if data.get("place"):
            add(_P["basedIn"], self.entity.get(data["place"]) or _t_iri(str(entity_iri(data["place"]))))
        if data.get("confidence") is not None:
            add(_P["confidence"], self.decimal(data["confidence"]))
        for doc_id in docs:
            add(_P["mentionedIn"], self.doc(doc_id))
        for ev in mentions:
            add(_P["attestedBy"], _t_iri(self.evidence_iri(entity_id, ev)))
        self.corrected(add, data)
        for _, o, key, edge in self.g.out_edges(entity_id, keys=True, data=True):
            relation = edge.get("relation") or key
            add(self.kg_iri(relation), self.entity[o])

    def statement_block(self, add: Any, edge: tuple[str, str, str]) -> None:
        s, o, key = edge
        data = self.g.edges[s, o, key]
        relation = data.get("relation") or key
        st = str(statement_iri(s, relation, o))
        add(_A, self.kg("Statement"))
        add(_P["subject"], self.entity[s])
        add(_P["predicate"], self.kg(relation))
        add(_P["object"], self.entity[o])
        if data.get("role"):
            add(_P["role"], _t_zh(data["role"]))
        if data.get("confidence") is not None:
            add(_P["confidence"], self.decimal(data["confidence"]))
        for ev in data.get("evidence") or ():
            add(_P["derivedFrom"], self.doc(ev["doc"]))
            add(_P["evidence"], _t_zh(ev["text"]))
            add(_P["attestedBy"], _t_iri(self.evidence_iri(st, ev)))
        self.corrected(add, data)

    def corrected(self, add: Any, data: Mapping[str, Any]) -> None:
        for rec in data.get("corrections") or ():
            add(_P["correctedBy"], _t_iri(str(correction_iri(rec))))
            add(_P["attributedTo"], _t_iri(str(agent_iri(rec["author"]))))

    def correction_block(self, add: Any, rec: Mapping[str, Any]) -> None:
        add(_A, self.kg("Correction"))
        add(_P["action"], _t_string(rec["action"]))
        add(_P["reason"], _t_string(rec["reason"]))
        add(_P["date"], _t_rdflib_literal(Literal(rec["date"], datatype=XSD.date)))
        add(_P["attributedTo"], _t_iri(str(agent_iri(rec["author"]))))

    def agent_block(self, add: Any, author: str) -> None:
        add(_A, _t_iri(str(PROV.Agent)))
        add(_LABEL, _t_string(author))

    def evidence_block(self, add: Any, ev: Mapping[str, Any]) -> None:
        add(_A, self.kg("Evidence"))
        add(_P["derivedFrom"], self.doc(ev["doc"]))
        add(_P["sentenceIndex"], _t_literal(ev["sentence"]))
        add(_P["evidenceStart"], _t_literal(ev["start"]))
        add(_P["evidenceEnd"], _t_literal(ev["end"]))
        add(_P["evidence"], _t_zh(ev["text"]))
        add(_P["extractor"], _t_literal(ev["extractor"]))
        add(_P["articleIndex"], _t_literal(ev.get("article", 0)))

    def document_block(self, add: Any, doc_id: str) -> None:
        meta = self.documents.get(doc_id) or {}
        add(_A, self.kg("Document"))
        add(_P["identifier"], _t_literal(doc_id))
        add(_P["title"], _t_zh(meta.get("title") or doc_id))
        if meta.get("path"):
            add(_P["sourcePath"], _t_string(str(meta["path"])))
        for art in meta.get("articles", ()):
            add(_P["hasPart"], _t_iri(str(article_iri(doc_id, art["index"]))))

    def article_block(self, add: Any, item: tuple[str, Mapping[str, Any]]) -> None:
        doc_id, art = item
        add(_A, self.kg("Article"))
        add(_P["isPartOf"], self.doc(doc_id))
        add(_P["articleIndex"], _t_literal(art["index"]))
        if art.get("headline"):
            add(_P["title"], _t_zh(art["headline"]))
        if art.get("byline"):
            add(_P["byline"], _t_zh(art["byline"]))
        for pred, obj in _article_meta(art):
            add(str(pred), _t_rdflib_literal(obj))

    def write(self, out: IO[str], subjects: list[tuple[int, str, Any, Any]] | None = None) -> None:
        """Prefixes, then each subject's block as soon as it is rendered."""
        if subjects is None:
            subjects = self.subjects()
        preds: dict[str, str] = {_A: "a"}
        out.write("".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in TURTLE_PREFIXES))
        props: dict[str, set[str]] = defaultdict(set)

        def add(pred: str, obj: str) -> None:
            props[pred].add(obj)

        for i, (_, iri, render, arg) in enumerate(subjects):
            render(add, arg)
            if i + 1 < len(subjects) and subjects[i + 1][1] == iri:
                continue  # the same node from two sources (never in practice): one block
            lines = [
                (preds.get(pred) or preds.setdefault(pred, _t_iri(pred))) + " " + ",\n        ".join(sorted(props[pred]))
                for pred in sorted(props, key=_predicate_key)
            ]
            out.write(f"\n{_t_iri(iri)} " + " ;\n    ".join(lines) + " .\n")
            props.clear()


def serialize_turtle(g: nx.MultiDiGraph) -> str:
    """The graph as Turtle text (the triples of :func:`to_rdf`); the same graph always gives
    the same text."""
    buffer = io.StringIO()
    _TurtleWriter(g).write(buffer)
    return buffer.getvalue()


def write_turtle(g: nx.MultiDiGraph, out: PathOrStream) -> None:
    """Write the graph as Turtle to a file path or a text stream, a subject at a time."""
    writer = _TurtleWriter(g)
    subjects = writer.subjects()  # an undeclared type or relation fails before any output
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            writer.write(f, subjects)
    else:
        writer.write(out, subjects)


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
