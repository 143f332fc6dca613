"""The graph as Turtle, written straight from the NetworkX graph, without rdflib.

Turtle written a subject at a time, instead of building an rdflib graph and running its
serialiser. Measured (2 cores, Python 3.11, rdflib 7.6): the seeds (14 k triples) 0.82 s ->
0.07 s; 100 copies of them (1.42 M triples, 82 MiB of Turtle) 97.5 s -> 6.9 s, memory above
the NetworkX graph +1676 MiB -> +72 MiB (peak RSS). The triples are exactly
:func:`kg.export.rdf.to_rdf`'s (tests check isomorphism, with rdflib and pyoxigraph, on the
seeds graph and on hostile strings); ``to_rdf`` stays the reference and feeds the other RDF
exporters.  This module imports rdflib only for a literal of an unusual kind (a date not
written ``YYYY-MM-DD``, a value neither text nor a number), so a build's start does not
pay for it (about 0.1 s).

Layout: our prefixes, then one block per subject: entities, statements, documents and
their articles, evidence; within a group by IRI. In a block rdf:type ("a") and rdfs:label
come first, then the predicates by IRI, each with its objects sorted and deduplicated.
Every literal is a one-line "..." string with the Turtle escapes. No blank nodes, so the
same graph gives the same bytes whatever the insertion order.

The IRI scheme (stable: derived from ids, never from run order) is here too, as strings;
:mod:`kg.export.rdf` makes rdflib terms of them.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import itertools
import operator
import os
import re
import string
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import IO, Any

import networkx as nx

from ..iris import KGA, KGC, ONTOLOGY_TERMS, PREFIXES
from ..read import printable

#: Language tag of every natural-language literal taken from the sources.
LANG = "zh"

PathOrStream = str | os.PathLike[str] | IO[str]

# ------------------------------------------------------------------------------ IRIs

_KGR, _KGD, _KGS, _KGE = (PREFIXES[p] for p in ("kgr", "kgd", "kgs", "kge"))

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

#: a text of kept ASCII and CJK unified ideographs (all ``ucschar``, none invisible): the
#: most frequent IRI, kept as it is
_PLAIN_IRI = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/\u4e00-\u9fff]*").fullmatch


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
    if _PLAIN_IRI(text):
        return text
    return "".join(
        ch
        if ch in _ASCII_KEEP or _ucschar(ord(ch))
        else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        if not "\ud800" <= ch <= "\udfff"
        else "%5C" + printable(ch)[1:]  # \xff: a backslash, then letters and digits
        for ch in text
    )


def entity_iri(entity_id: str) -> str:
    """The IRI of an entity, from its stable id."""
    return _KGR + iri_escape(entity_id)


def document_iri(doc_id: str) -> str:
    """The IRI of a document, from its id (the file stem)."""
    return _KGD + iri_escape(doc_id)


def article_iri(doc_id: str, index: int) -> str:
    """The IRI of one article of a document."""
    return f"{document_iri(doc_id)}/article/{index}"


def _digest(*parts: object) -> str:
    """20 hex digits (80 bits) of SHA-256 over the parts: plenty against collisions here."""
    joined = "\x1f".join(map(str, parts))
    try:
        data = joined.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: a byte of a file name that is not UTF-8
        data = printable(joined).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:20]


def statement_iri(subject: str, relation: str, obj: str) -> str:
    """The IRI of the statement of one fact: the same fact always gets the same node."""
    return _KGS + _digest(subject, relation, obj)


def correction_iri(record: Mapping[str, Any]) -> str:
    """The IRI of a correction, from the id of its line (:attr:`kg.curate.parse.Correction.id`)."""
    return KGC + iri_escape(record["id"])


def agent_iri(author: str) -> str:
    """The IRI of the author of corrections, from the name the lines give."""
    return KGA + iri_escape(author)


def evidence_iri(owner: str, ev: Mapping[str, Any]) -> str:
    """The IRI of one piece of evidence for ``owner`` (an entity id or a statement IRI)."""
    return _KGE + _evidence_digest(owner, ev)


def _evidence_digest(owner: str, ev: Mapping[str, Any]) -> str:
    """:func:`_digest` of an evidence's parts, joined in one step (the most frequent digest:
    one per piece of evidence); ``format`` writes a str or an int as ``str`` does."""
    joined = f"{owner}\x1f{ev['doc']}\x1f{ev['sentence']}\x1f{ev['start']}\x1f{ev['end']}\x1f{ev['extractor']}"
    try:
        data = joined.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: a byte of a file name that is not UTF-8
        data = printable(joined).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:20]



# ------------------------------------------------------------------------------ subjects


def _referenced_docs(g: nx.MultiDiGraph) -> set[str]:
    """Every document id a node or an edge points to: each needs a document node."""
    docs: set[str] = set(g.graph.get("documents", {}))
    for _, data in g.nodes(data=True):
        docs.update(data.get("docs") or ())
        docs.update(ev["doc"] for ev in data.get("mentions") or ())
    for _, _, evidence in g.edges(data="evidence"):
        docs.update(ev["doc"] for ev in evidence or ())
    return docs


# ------------------------------------------------------------------------------ Turtle

#: The prefixes (of :data:`kg.iris.PREFIXES`) the writer can use, declared in this order.
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


@lru_cache(maxsize=1 << 14)
def _t_zh(text: str) -> str:
    return _t_string(text) + "@" + LANG


def _t_rdflib_literal(lit: Any) -> str:
    """Any rdflib literal, numbers and booleans bare where Turtle's grammar allows."""
    from rdflib.namespace import XSD

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
    from rdflib import Literal

    return _t_rdflib_literal(Literal(value))


_XSD = PREFIXES["xsd"]
#: a decimal's lexical form rdflib keeps as it is (and Turtle writes bare when it has a point)
_PLAIN_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
#: a date's lexical form rdflib keeps as it is, when the date exists
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _t_decimal(x: Any) -> str:
    """A confidence as ``xsd:decimal`` (:func:`kg.export.rdf._decimal`): ``0.85``, not ``8.5e-01``."""
    lex = format(Decimal(repr(float(x))), "f")
    if not _PLAIN_DECIMAL.fullmatch(lex):  # nan, inf: as rdflib writes them
        from rdflib import Literal, URIRef

        return _t_rdflib_literal(Literal(lex, datatype=URIRef(_XSD + "decimal")))
    return lex if _DECIMAL_LEX.fullmatch(lex) else f"{_t_string(lex)}^^xsd:decimal"


def _t_date(value: Any) -> str:
    """``Literal(value, datatype=XSD.date)`` as Turtle (rdflib rewrites some forms: 2024-05-16Z)."""
    if type(value) is str and _PLAIN_DATE.fullmatch(value):
        try:
            datetime.date.fromisoformat(value)
            return f"{_t_string(value)}^^xsd:date"
        except ValueError:
            pass
    from rdflib import Literal, URIRef

    return _t_rdflib_literal(Literal(value, datatype=URIRef(_XSD + "date")))


def _t_any_uri(value: Any) -> str:
    """``Literal(value, datatype=XSD.anyURI)`` as Turtle (rdflib keeps an anyURI's text as it is)."""
    if type(value) is str:
        return f"{_t_string(value)}^^xsd:anyURI"
    from rdflib import Literal, URIRef

    return _t_rdflib_literal(Literal(value, datatype=URIRef(_XSD + "anyURI")))


_KG_TERMS = frozenset(ONTOLOGY_TERMS)


def kg_term(name: str) -> str:
    """The IRI of ``kg:name``; AttributeError for a term the ontology does not declare
    (as :class:`kg.vocab.KG` raises)."""
    if name not in _KG_TERMS:
        raise AttributeError(f"term '{name}' not in namespace '{PREFIXES['kg']}'")
    return PREFIXES["kg"] + name


_RDF, _RDFS, _SKOS, _DCTERMS, _PROV = (PREFIXES[p] for p in ("rdf", "rdfs", "skos", "dcterms", "prov"))
_A, _LABEL = _RDF + "type", _RDFS + "label"
_P = {
    "type": _A,
    "label": _LABEL,
    "altLabel": _SKOS + "altLabel",
    "identifier": _DCTERMS + "identifier",
    "title": _DCTERMS + "title",
    "hasPart": _DCTERMS + "hasPart",
    "isPartOf": _DCTERMS + "isPartOf",
    "derivedFrom": _PROV + "wasDerivedFrom",
    "attributedTo": _PROV + "wasAttributedTo",
    "date": _DCTERMS + "date",
    "source": _DCTERMS + "source",
    "publisher": _DCTERMS + "publisher",
    "creator": _DCTERMS + "creator",
    "subject": _RDF + "subject",
    "predicate": _RDF + "predicate",
    "object": _RDF + "object",
    **{t: kg_term(t) for t in ("adcode", "inGazetteer", "basedIn", "confidence", "mentionedIn", "attestedBy",
                               "sourcePath", "articleIndex", "byline", "sentenceIndex",
                               "evidenceStart", "evidenceEnd", "evidence", "extractor", "role",
                               "correctedBy", "action", "reason", "page")},
}


def _article_meta(art: Mapping[str, Any]) -> list[tuple[str, str]]:
    """An article's metadata as predicate IRIs and Turtle objects
    (the triples of :func:`kg.export.rdf._article_meta`)."""
    out: list[tuple[str, str]] = []
    if art.get("date"):
        out.append((_P["date"], _t_date(art["date"])))
    if art.get("source"):
        out.append((_P["source"], _t_any_uri(art["source"])))
    if art.get("publisher"):
        out.append((_P["publisher"], _t_zh(art["publisher"])))
    out.extend((_P["creator"], _t_zh(name)) for name in art.get("creators", ()))
    if art.get("page"):
        out.append((_P["page"], _t_literal(art["page"])))
    return out


_T_TRUE = "true"


def _predicate_key(iri: str) -> tuple[int, str]:
    return (0 if iri == _A else 1 if iri == _LABEL else 2, iri)


#: an evidence's predicates, in the order of :meth:`_TurtleWriter.evidence_objects`
_EVIDENCE_PREDICATES = (_A, _P["derivedFrom"], _P["sentenceIndex"], _P["evidenceStart"], _P["evidenceEnd"],
                        _P["evidence"], _P["extractor"], _P["articleIndex"])
#: the order :meth:`_TurtleWriter.write` puts them in, and the start of each line
_EVIDENCE_LINE_ORDER = sorted(range(len(_EVIDENCE_PREDICATES)), key=lambda k: _predicate_key(_EVIDENCE_PREDICATES[k]))
_EVIDENCE_LINE_HEADS = [("a" if p == _A else _t_iri(p)) + " " for p in _EVIDENCE_PREDICATES]
#: an evidence's whole block: {0} its subject, {k + 1} the object of predicate k
_EVIDENCE_BLOCK = "\n{0} " + " ;\n    ".join(
    _EVIDENCE_LINE_HEADS[k] + "{" + str(k + 1) + "}" for k in _EVIDENCE_LINE_ORDER) + " .\n"


def _kge_prefix() -> str | None:
    """How :func:`_t_iri` begins every evidence IRI (``kge:``, then the digest's 20 hex
    digits, always a plain local name), or None if another namespace could claim some."""
    if any(ns != _KGE and ns.startswith(_KGE) for ns, _ in _QNAME_NS):
        return None
    term = _t_iri(_KGE + "0")
    return term[:-1] if term.endswith(":0") else None


_KGE_PREFIX = _kge_prefix()


def _t_evidence(iri: str) -> str:
    """:func:`_t_iri` of an evidence IRI, without its cache (as many IRIs as pieces of evidence)."""
    if _KGE_PREFIX is not None and iri.startswith(_KGE):
        return _KGE_PREFIX + iri[len(_KGE) :]
    return _t_iri(iri)


def _t_number(value: Any) -> str:
    """:func:`_t_literal` of an evidence's index or offset (an int, as a rule: see
    :meth:`_TurtleWriter.evidence_text`)."""
    return str(value) if type(value) is int else _t_literal(value)


#: evidence blocks rendered and written at a time
_EVIDENCE_CHUNK = 1024


@dataclass
class _Subjects:
    """A graph's subjects in the order they are written: the groups before the evidence
    (entities, statements, documents and articles) and after it (corrections, their
    authors) as (group, IRI, render function, argument), each group sorted by IRI; the
    evidence as (digest, evidence), sorted by digest (every evidence IRI is the one
    namespace and a digest: the order of the IRIs)."""

    head: list[tuple[int, str, Any, Any]]
    evidence: list[tuple[str, Mapping[str, Any]]]
    tail: list[tuple[int, str, Any, Any]]


class _TurtleWriter:
    """Renders the subjects of one NetworkX graph; see :meth:`write`."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g = g
        self.documents = g.graph.get("documents", {})
        self.entity = {n: _t_iri(entity_iri(n)) for n in g.nodes}
        self.docs: dict[str, str] = {}
        self.kg_terms: dict[str, str] = {}
        self.kg_iris: dict[str, str] = {}
        self.decimals: dict[Any, str] = {}
        #: each evidence's IRI by (owner, the evidence's dict): written as a subject and as an
        #: object, digested once
        self.evidence_iris: dict[tuple[str, int], str] = {}
        #: the Turtle terms of the evidence IRIs of each entity and each edge (s, o, key), in
        #: order, as
        #: :meth:`subjects` found them
        self.attesting: dict[Any, list[str]] = {}
        #: the terms of the evidence's extractors and sentences (:meth:`evidence_texts`)
        self.extractor_terms: dict[str, str] = {}
        self.text_terms: dict[str, str] = {}
        #: the objects of each predicate of the block being rendered (:meth:`render`)
        self.props: dict[str, set[str]] = defaultdict(set)

    # terms, cached: few distinct values, many uses
    def doc(self, doc_id: str) -> str:
        term = self.docs.get(doc_id)
        if term is None:
            term = self.docs[doc_id] = _t_iri(document_iri(doc_id))
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
            iri = self.kg_iris[name] = kg_term(name)
        return iri

    def decimal(self, x: Any) -> str:
        term = self.decimals.get(x)
        if term is None:
            term = self.decimals[x] = _t_decimal(x)
        return term

    def evidence_iri(self, owner: str, ev: Mapping[str, Any]) -> str:
        key = (owner, id(ev))  # the graph holds every evidence dict while it is written
        iri = self.evidence_iris.get(key)
        if iri is None:
            iri = self.evidence_iris[key] = evidence_iri(owner, ev)
        return iri

    def attested(self, key: Any, owner: str, evidence: list[Mapping[str, Any]]) -> list[str]:
        """The Turtle terms of the IRIs of ``evidence`` for ``owner`` (of the entity or edge
        ``key``)."""
        terms = self.attesting.get(key)
        if terms is None or len(terms) != len(evidence):
            terms = self.attesting[key] = [_t_evidence(self.evidence_iri(owner, ev)) for ev in evidence]
        return terms

    def _digests(self, key: Any, owner: str, evidence: list[Mapping[str, Any]], out: list) -> None:
        """The digests of ``evidence`` for ``owner`` (of the entity or edge ``key``) added to
        ``out`` with each evidence, and their terms kept for :meth:`attested`."""
        if not evidence:
            self.attesting[key] = []
            return
        digests = [_evidence_digest(owner, ev) for ev in evidence]
        prefix = _KGE_PREFIX
        if prefix is not None:
            self.attesting[key] = [prefix + d for d in digests]
        else:
            self.attesting[key] = [_t_evidence(_KGE + d) for d in digests]
        out.extend(zip(digests, evidence, strict=True))

    # subjects: (group, IRI, render function, argument), sorted before anything is written;
    # the evidence apart, as (digest, evidence): 95% of a big graph's subjects
    def subjects(self) -> _Subjects:
        g, out, evidence = self.g, [], []
        digests = self._digests
        docs: set[str] = set(self.documents)
        for entity_id, data in g.nodes(data=True):
            self.kg(data["type"])  # fail before writing a byte
            out.append((0, entity_iri(entity_id), self.entity_block, entity_id))
            docs.update(data.get("docs") or ())
            mentions = data.get("mentions") or ()
            docs.update([ev["doc"] for ev in mentions])
            digests(entity_id, entity_id, mentions, evidence)
        for s, o, key, data in g.edges(keys=True, data=True):
            relation = data.get("relation") or key
            self.kg(relation)
            st = statement_iri(s, relation, o)
            out.append((1, st, self.statement_block, (s, o, key)))
            ev_list = data.get("evidence") or ()
            docs.update([ev["doc"] for ev in ev_list])
            digests((s, o, key), st, ev_list, evidence)
        records: dict[str, Mapping[str, Any]] = {}
        for _, data in g.nodes(data=True):
            records.update((r["id"], r) for r in data.get("corrections") or ())
        for _, _, data in g.edges(data=True):
            records.update((r["id"], r) for r in data.get("corrections") or ())
        for rec in records.values():
            out.append((4, correction_iri(rec), self.correction_block, rec))
        for author in sorted({r["author"] for r in records.values()}):
            out.append((5, agent_iri(author), self.agent_block, author))
        for doc_id in docs:
            out.append((2, document_iri(doc_id), self.document_block, doc_id))
            for art in (self.documents.get(doc_id) or {}).get("articles", ()):
                out.append((2, article_iri(doc_id, art["index"]), self.article_block, (doc_id, art)))
        # by group, then by IRI (one stable sort of each group: the order of a sort by
        # both, without a key tuple a subject)
        groups: dict[int, list[tuple[int, str, Any, Any]]] = defaultdict(list)
        for subject in out:
            groups[subject[0]].append(subject)
        by_iri = itemgetter(1)
        # every evidence IRI is the namespace and a digest: in the order of the digests
        evidence.sort(key=itemgetter(0))
        return _Subjects([subject for k in sorted(groups) if k < 3 for subject in sorted(groups[k], key=by_iri)],
                         evidence,
                         [subject for k in sorted(groups) if k > 3 for subject in sorted(groups[k], key=by_iri)])

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
            add(_P["basedIn"], self.entity.get(data["place"]) or _t_iri(entity_iri(data["place"])))
        if data.get("confidence") is not None:
            add(_P["confidence"], self.decimal(data["confidence"]))
        for doc_id in docs:
            add(_P["mentionedIn"], self.doc(doc_id))
        attesting = self.attested(entity_id, entity_id, mentions)
        if attesting:
            self.props[_P["attestedBy"]].update(attesting)
        self.corrected(add, data)
        for _, o, key, edge in self.g.out_edges(entity_id, keys=True, data=True):
            relation = edge.get("relation") or key
            add(self.kg_iri(relation), self.entity[o])

    def statement_block(self, add: Any, edge: tuple[str, str, str]) -> None:
        s, o, key = edge
        data = self.g.edges[s, o, key]
        relation = data.get("relation") or key
        st = statement_iri(s, relation, o)
        add(_A, self.kg("Statement"))
        add(_P["subject"], self.entity[s])
        add(_P["predicate"], self.kg(relation))
        add(_P["object"], self.entity[o])
        if data.get("role"):
            add(_P["role"], _t_zh(data["role"]))
        if data.get("confidence") is not None:
            add(_P["confidence"], self.decimal(data["confidence"]))
        evidence = data.get("evidence") or []
        if evidence:
            doc, props = self.doc, self.props
            props[_P["derivedFrom"]].update([doc(ev["doc"]) for ev in evidence])
            props[_P["evidence"]].update([_t_zh(ev["text"]) for ev in evidence])
            props[_P["attestedBy"]].update(self.attested(edge, st, evidence))
        self.corrected(add, data)

    def corrected(self, add: Any, data: Mapping[str, Any]) -> None:
        for rec in data.get("corrections") or ():
            add(_P["correctedBy"], _t_iri(correction_iri(rec)))
            add(_P["attributedTo"], _t_iri(agent_iri(rec["author"])))

    def correction_block(self, add: Any, rec: Mapping[str, Any]) -> None:
        add(_A, self.kg("Correction"))
        add(_P["action"], _t_string(rec["action"]))
        add(_P["reason"], _t_string(rec["reason"]))
        add(_P["date"], _t_date(rec["date"]))
        add(_P["attributedTo"], _t_iri(agent_iri(rec["author"])))

    def agent_block(self, add: Any, author: str) -> None:
        add(_A, _t_iri(_PROV + "Agent"))
        add(_LABEL, _t_string(author))

    def evidence_block(self, add: Any, ev: Mapping[str, Any]) -> None:
        for pred, obj in zip(_EVIDENCE_PREDICATES, self.evidence_objects(ev), strict=True):
            add(pred, obj)

    def evidence_objects(self, ev: Mapping[str, Any]) -> tuple[str, ...]:
        """The objects of an evidence's triples, one per predicate of :data:`_EVIDENCE_PREDICATES`."""
        return (self.kg("Evidence"), self.doc(ev["doc"]), _t_literal(ev["sentence"]), _t_literal(ev["start"]),
                _t_literal(ev["end"]), _t_zh(ev["text"]), _t_literal(ev["extractor"]),
                _t_literal(ev.get("article", 0)))

    def evidence_texts(self, evidence: list[tuple[str, Mapping[str, Any]]]) -> list[str]:
        """The blocks of evidence subjects, each (digest, evidence) of its own, as
        :meth:`render` would make them from :meth:`evidence_block` (each predicate has one
        object, so the order of the lines is fixed: the most frequent subjects skip the
        sorting), with what all share looked up once.  Needs :data:`_KGE_PREFIX`."""
        block, term, docs, doc_term = _EVIDENCE_BLOCK.format, self.kg("Evidence"), self.docs, self.doc
        t_zh, t_literal, t_number = _t_zh, _t_literal, _t_number
        prefix = _KGE_PREFIX
        assert prefix is not None
        fields = itemgetter("doc", "extractor", "sentence", "start", "end", "text")
        extractors, texts = self.extractor_terms, self.text_terms
        out = []
        append = out.append
        for digest, ev in evidence:
            d, x, sentence, start, end, text = fields(ev)
            article = ev.get("article", 0)
            doc = docs.get(d) or doc_term(d)
            if type(x) is str:
                ext = extractors.get(x)
                if ext is None:
                    ext = extractors[x] = t_literal(x)
            else:
                ext = t_literal(x)
            zh = texts.get(text) if type(text) is str else None
            if zh is None:
                zh = t_zh(text)
                if type(text) is str:
                    texts[text] = zh
            if type(sentence) is int and type(start) is int and type(end) is int and type(article) is int:
                append(block(prefix + digest, term, doc, sentence, start, end, zh, ext, article))
            else:
                append(block(prefix + digest, term, doc, t_number(sentence), t_number(start), t_number(end),
                             zh, ext, t_number(article)))
        return out

    def document_block(self, add: Any, doc_id: str) -> None:
        meta = self.documents.get(doc_id) or {}
        add(_A, self.kg("Document"))
        add(_P["identifier"], _t_literal(doc_id))
        add(_P["title"], _t_zh(meta.get("title") or doc_id))
        if meta.get("path"):
            add(_P["sourcePath"], _t_string(str(meta["path"])))
        for art in meta.get("articles", ()):
            add(_P["hasPart"], _t_iri(article_iri(doc_id, art["index"])))

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
            add(pred, obj)

    def write(self, out: IO[str], subjects: _Subjects | None = None) -> None:
        """Prefixes, then each subject's block as soon as it is rendered."""
        if subjects is None:
            subjects = self.subjects()
        out.write("".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in TURTLE_PREFIXES))
        self.render(out, subjects.head)
        evidence = subjects.evidence
        digests = list(map(itemgetter(0), evidence))
        if _KGE_PREFIX is None or any(map(operator.eq, digests, itertools.islice(digests, 1, None))):
            # an evidence twice for one owner (never in practice): one block, merged
            self.render(out, [(3, _KGE + d, self.evidence_block, ev) for d, ev in evidence])
        else:
            for k in range(0, len(evidence), _EVIDENCE_CHUNK):
                out.write("".join(self.evidence_texts(evidence[k : k + _EVIDENCE_CHUNK])))
        self.render(out, subjects.tail)

    def render(self, out: IO[str], subjects: list[tuple[int, str, Any, Any]]) -> None:
        """Each subject's block (those of one IRI merged into one), written a few hundred
        blocks at a time."""
        preds: dict[str, str] = {_A: "a"}
        props: dict[str, set[str]] = defaultdict(set)
        self.props = props
        blocks: list[str] = []

        def add(pred: str, obj: str) -> None:
            props[pred].add(obj)

        last = len(subjects) - 1
        for i, (_, iri, render, arg) in enumerate(subjects):
            render(add, arg)
            if i < last and subjects[i + 1][1] == iri:
                continue  # the same node from two sources (never in practice): one block
            lines = [
                (preds.get(pred) or preds.setdefault(pred, _t_iri(pred))) + " " + ",\n        ".join(sorted(props[pred]))
                for pred in sorted(props, key=_predicate_key)
            ]
            blocks.append(f"\n{_t_iri(iri)} " + " ;\n    ".join(lines) + " .\n")
            props.clear()
            if len(blocks) >= 512:
                out.write("".join(blocks))
                blocks.clear()
        out.write("".join(blocks))


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
