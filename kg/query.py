"""SPARQL over the graph with pyoxigraph: load, query, format.

rdflib's own SPARQL engine is orders of magnitude slower on large graphs (RDFLib/rdflib
#2181); Oxigraph answers the same queries in milliseconds, so queries never go through
rdflib.

>>> store = load_store_from_text('''
... @prefix kg: <https://w3id.org/grassroots-kg/ontology#> .
... <https://w3id.org/grassroots-kg/id/Person/王建华> kg:leads <https://w3id.org/grassroots-kg/id/Organization/幸福社区党支部> .
... ''')
>>> print(format_result(run_query(store, "SELECT ?who ?body { ?who kg:leads ?body }"), "table"))
who                body
-----------------  -------------------------------
kgr:Person/王建华  kgr:Organization/幸福社区党支部
>>> run_query(store, "ASK { ?x kg:leads ?y }").boolean
True

The usual prefixes (:data:`kg.vocab.PREFIXES`: ``kg``, ``kgr``, ``rdfs``, ``skos``,
``prov`` ...) are predeclared: a query that declares one of them itself keeps its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

import pyoxigraph as ox
import rdflib

from . import resources
from .errors import InputError, QueryError, UsageError
from .rdfsafety import refuse_entity_declarations
from .vocab import PREFIXES

#: The result formats :func:`format_result` knows, for the CLI's ``--format`` choices.
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# Where an on-disk store records which file (and which bytes) it was loaded from.
_META_GRAPH = ox.NamedNode("urn:grassroots-kg:store-meta")
_META_SOURCE = ox.NamedNode("urn:grassroots-kg:source-sha256")

_QUAD_FORMATS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)

#: The ready-made queries: ``ontology/queries/<name>.rq``, each opening with a comment
#: (shipped inside the package: :mod:`kg.resources`).
QUERIES_DIR = resources.QUERIES_DIR


# ------------------------------------------------------------------------------ loading


def _rdf_format(path: str | os.PathLike[str]) -> ox.RdfFormat:
    ext = os.path.splitext(os.fspath(path))[1].lstrip(".").lower()
    return ox.RdfFormat.from_extension(ext) or ox.RdfFormat.TURTLE


def _sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_store(
    path: str | os.PathLike[str], *, store_dir: str | os.PathLike[str] | None = None
) -> ox.Store:
    """A store holding the graph file at ``path`` (format from the extension, Turtle if none).

    A quad file (TriG, N-Quads) keeps its named graphs for ``GRAPH`` queries, and its
    default graph also holds the merge of all of them, so a query without ``GRAPH`` sees
    the whole file, as it would the Turtle.

    With ``store_dir`` the store lives on disk and is reused while the file's bytes are
    unchanged (a SHA-256 recorded in a side graph the queries do not see), so repeated
    queries skip the load; a changed file is loaded afresh.
    """
    try:
        if store_dir is None:
            store = ox.Store()
        else:
            store = ox.Store(os.fspath(store_dir))
            digest = ox.Literal(_sha256(path))
            if ox.Quad(_META_GRAPH, _META_SOURCE, digest, _META_GRAPH) in store:
                return store
            store.clear()
        fmt = _rdf_format(path)
        refuse_entity_declarations(path)
        store.bulk_load(path=path, format=fmt)
        if fmt in _QUAD_FORMATS:  # queries read the default graph: give it every triple
            store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        if store_dir is not None:
            store.add(ox.Quad(_META_GRAPH, _META_SOURCE, digest, _META_GRAPH))
            store.flush()
    except SyntaxError as e:
        raise InputError(path, f"not valid RDF: {e}") from e
    except OSError as e:
        raise InputError(path, e.strerror or str(e)) from e
    return store


def load_store_from_text(text: str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> ox.Store:
    """An in-memory store from RDF text (tests, doctests, piped input)."""
    store = ox.Store()
    try:
        store.load(input=text, format=fmt)
    except SyntaxError as e:
        raise InputError("<text>", f"not valid RDF: {e}") from e
    return store


# ------------------------------------------------------------------------------ querying


@dataclass
class QueryResult:
    """The answer to one query, materialised so it can be formatted more than once.

    ``kind`` says which fields are set: ``select`` (``variables``, ``rows``), ``ask``
    (``boolean``) or ``construct`` (``triples``; DESCRIBE too).
    """

    kind: Literal["select", "ask", "construct"]
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


#: what hides a keyword from the query's syntax: comments, strings and IRIs
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"'
                     r"|'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
#: the keyword, wherever the grammar allows it (``SERVICE<iri>`` needs no space)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w-])", re.IGNORECASE)
#: what follows it: SILENT, then an IRI, a variable or a prefixed name
_SERVICE_TARGET = re.compile(r"\s*(?:SILENT(?![\w-])\s*)?(<[^>]*>|[?$]\w+|[^\s{]*)", re.IGNORECASE)
_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")


def remote_services(sparql: str) -> list[str]:
    """The targets of the query's ``SERVICE`` clauses (IRIs, variables or prefixed names),
    read past comments, string literals and IRIs.

    >>> remote_services('SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
    ['http://example.org/sparql']
    >>> remote_services('SELECT * { ?s ?p "SERVICE <x>" } # SERVICE <y>')
    []
    >>> remote_services('SELECT * { {} service silent<http://a.example/q>{} ?s a <http://b.example/Service> }')
    ['http://a.example/q']
    """
    masked = _OPAQUE.sub(lambda m: m.group() if m.group().startswith("<") else " " * len(m.group()), sparql)
    keywords = _IRI.sub(lambda m: "<" + "x" * (len(m.group()) - 2) + ">", masked)  # same length
    targets = []
    for m in _SERVICE.finditer(keywords):
        t = _SERVICE_TARGET.match(masked, m.end()).group(1)
        targets.append(t[1:-1] if t.startswith("<") else t)
    return targets


def check_services(sparql: str, allow: Sequence[str] = ()) -> None:
    """Refuse a query that calls a remote endpoint, unless its host is in ``allow`` (a query
    must not make this machine send requests where its author points it)."""
    from urllib.parse import urlsplit

    for target in remote_services(sparql):
        host = urlsplit(target).hostname if "://" in target else None
        if host is None or host not in allow:
            hint = f" (allow it with --allow-service {host})" if host else ""
            raise QueryError(f"the query calls a remote service (SERVICE {target}): refused{hint}")


_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
                     re.IGNORECASE)


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL update (INSERT, DELETE, LOAD ...), read past comments.

    >>> is_update("# INSERT\\nSELECT * { ?s ?p ?o }"), is_update("PREFIX a: <urn:a> DELETE WHERE { ?s ?p ?o }")
    (False, True)
    """
    masked = _OPAQUE.sub(lambda m: m.group() if m.group().startswith("<") else " " * len(m.group()), sparql)
    return _UPDATE.match(masked) is not None


#: the engine lists the characters it expected after a bad token: pages of ranges
_EXPECTED_CHARS = re.compile(r"expected one of (.*)$", re.DOTALL)


def _syntax_message(e: SyntaxError, sparql: str) -> str:
    """The engine's parse error in a line a person reads: an undeclared prefix named, an
    update called one, the list of expected characters cut."""
    text = " ".join(str(e).split())
    masked = _OPAQUE.sub(lambda m: m.group() if m.group().startswith("<") else " " * len(m.group()), sparql)
    if _UPDATE.match(masked):
        return "kg query runs SELECT, ASK, CONSTRUCT and DESCRIBE queries, not updates (INSERT, DELETE, LOAD ...)"
    if "Prefix not found" in text:
        declared = set(PREFIXES) | {m.group(1) for m in re.finditer(r"PREFIX\s+([\w-]*):", masked, re.IGNORECASE)}
        used = [m.group(1) for m in re.finditer(r"(?<![\w<?$:])([A-Za-z][\w-]*):(?!//)", masked)]
        unknown = next((u for u in used if u not in declared), None)
        if unknown is not None:
            return f"bad SPARQL query: the prefix {unknown}: is not declared (add PREFIX {unknown}: <...>)"
    m = _EXPECTED_CHARS.search(text)
    if m and len(text) > 160:
        text = text[: m.start()] + "unexpected character"
    return f"bad SPARQL query: {text}"


def _evaluate(store: ox.Store, sparql: str) -> Any:
    """The engine's answer (solutions, boolean or triples), parse errors made one line."""
    try:
        return store.query(sparql, prefixes=dict(PREFIXES))
    except SyntaxError as e:
        raise QueryError(_syntax_message(e, sparql)) from e
    except OSError as e:
        raise QueryError(f"query failed: {e}") from e


def _as_store(source: str | os.PathLike[str] | ox.Store) -> ox.Store:
    return source if isinstance(source, ox.Store) else load_store(source)


def run_query(source: str | os.PathLike[str] | ox.Store, sparql: str, *, allow_service: Sequence[str] = ()) -> QueryResult:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE over a store or a graph file.

    A query that does not parse raises :class:`~kg.errors.QueryError` with the engine's
    message on one line (its positions refer to the query as the user wrote it: the
    predeclared prefixes are passed to the parser, not pasted into the text).
    """
    check_services(sparql, allow_service)
    answer = _evaluate(_as_store(source), sparql)
    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return QueryResult("construct", triples=list(answer))
        variables = [v.value for v in answer.variables]
        rows = list(map(tuple, answer))  # a solution iterates its values in variable order
    except OSError as e:
        raise QueryError(f"query failed: {e}") from e
    return QueryResult("select", variables=variables, rows=rows)


#: The SPARQL 1.1 results formats the engine writes itself.
_ENGINE_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


def write_answer(
    source: str | os.PathLike[str] | ox.Store, sparql: str, fmt: str, output: BinaryIO,
    *, allow_service: Sequence[str] = (),
) -> None:
    """Run ``sparql`` and write its answer in ``fmt`` to ``output`` (binary), newline-ended.

    The text is what :func:`format_result` gives for the same answer (the tests hold the
    two together), but a SELECT in ``csv``, ``tsv`` or ``json`` is written by the engine
    as its solutions come, never becoming Python objects: a quarter faster on thousands
    of rows, and a million-row answer streams out in flat memory.  ``table`` needs every
    row before it can align the first, so it, ASK and CONSTRUCT go through
    :func:`format_result`.

    >>> import io, sys
    >>> store = load_store_from_text('<urn:a> <urn:n> 3 .')
    >>> out = io.BytesIO()
    >>> write_answer(store, "SELECT ?n { ?s ?p ?n }", "tsv", out)
    >>> out.getvalue()
    b'?n\\n3\\n'
    """
    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown result format {fmt!r}; known: {', '.join(RESULT_FORMATS)}")
    check_services(sparql, allow_service)
    store = _as_store(source)
    if fmt in _ENGINE_FORMATS:
        answer = _evaluate(store, sparql)
        if isinstance(answer, ox.QuerySolutions):
            try:
                answer.serialize(output, format=_ENGINE_FORMATS[fmt])
            except BrokenPipeError:
                raise  # the reader left (`| head`): click exits quietly
            except OSError as e:
                raise QueryError(f"query failed: {e}") from e
            if fmt == "json":
                output.write(b"\n")  # the engine ends the document without one
            return
    text = format_result(run_query(store, sparql, allow_service=allow_service), fmt)
    output.write(text.encode("utf-8") + b"\n")


# ------------------------------------------------------------------------------ formatting


def compact_iri(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """``prefix:rest`` for display when an IRI starts with a known namespace (longest wins)."""
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    name = next(p for p, ns in prefixes.items() if ns == best)
    return f"{name}:{iri[len(best) :]}"


def term_text(term: Any) -> str:
    """A term as a person reads it in a table: compact IRI, literal's value, ``_:b`` blank."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)  # an RDF-star triple term


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count two.

    >>> display_width("幸福社区"), display_width("abc"), display_width("ｱ")
    (8, 3, 1)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def _cell(term: Any) -> str:
    """One table cell: line breaks and tabs become a space so the columns stay aligned."""
    return _CONTROL.sub(" ", term_text(term))


def format_table(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """An aligned plain-text table, Chinese columns aligned by display width."""
    cells = [[_cell(t) for t in row] for row in rows]
    widths = [
        max([display_width(v), *(display_width(r[i]) for r in cells)])
        for i, v in enumerate(variables)
    ]
    lines = [
        "  ".join(_pad(v, w) for v, w in zip(variables, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _json_term(term: Any) -> dict[str, str]:
    """One binding in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _csv_term(term: Any) -> str:
    """SPARQL 1.1 CSV: IRIs and literal values bare, blank nodes as ``_:label``; quoted
    (RFC 4180) only when the value holds a comma, a quote or a line break."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    else:
        text = term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


_XSD = "http://www.w3.org/2001/XMLSchema#"
# Literals TSV writes bare, as Turtle does, when the lexical form is Turtle's own.
_TURTLE_NUMBER = {
    _XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    _XSD + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    _XSD + "boolean": re.compile(r"true|false"),
}
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _tsv_term(term: Any) -> str:
    """SPARQL 1.1 TSV: a term in Turtle syntax; numbers and booleans bare, unbound empty.

    >>> _tsv_term(ox.Literal("3", datatype=ox.NamedNode(_XSD + "integer")))
    '3'
    >>> _tsv_term(ox.Literal("一\\t二", language="zh"))
    '"一\\\\t二"@zh'
    """
    if not isinstance(term, ox.Literal):
        return "" if term is None else str(term)
    quoted = '"' + term.value.translate(_TSV_ESCAPES) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    datatype = term.datatype.value
    bare = _TURTLE_NUMBER.get(datatype)
    if bare is not None and bare.fullmatch(term.value):
        return term.value
    return quoted if datatype == _XSD_STRING else f"{quoted}^^<{datatype}>"


def _select_text(result: QueryResult, fmt: str) -> str:
    if fmt == "table":
        return format_table(result.variables, result.rows)
    if fmt == "json":
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if fmt == "csv":
        lines = [",".join(result.variables)]
        lines += [",".join(_csv_term(t) for t in row) for row in result.rows]
        return "\r\n".join(lines)  # the spec's line end
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Text for a result: ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 results).

    ASK gives ``true``/``false`` (JSON: the standard boolean document); CONSTRUCT gives
    Turtle with our prefixes (``json``: JSON-LD; ``csv``/``tsv``: N-Triples).
    """
    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown result format {fmt!r}; known: {', '.join(RESULT_FORMATS)}")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if result.kind == "construct":
        return _graph_text(result.triples, fmt)
    return _select_text(result, fmt)


def _graph_text(triples: Sequence[ox.Triple], fmt: str) -> str:
    """A CONSTRUCT result as text, sorted so the same answer prints the same way.

    Turtle goes through rdflib, which writes only the prefixes it uses and in a fixed
    order (pyoxigraph's Turtle writer lists every prefix given, in hash order).
    """
    ntriples = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
    if fmt == "json":
        data = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.JSON_LD)
        return data.decode("utf-8")
    if fmt != "table":
        return ntriples.decode("utf-8").rstrip("\n")
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    graph.parse(data=ntriples.decode("utf-8"), format="nt")
    return graph.serialize(format="turtle").rstrip("\n")


# ------------------------------------------------------------------------------ ready-made queries


@dataclass(frozen=True)
class ReadyQuery:
    """One query of ``ontology/queries``: ``kg query GRAPH @name`` runs it."""

    name: str
    description: str  # the leading comment, joined into one paragraph
    path: Path

    @property
    def sparql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def summary(self) -> str:
        """The first sentence of the description: what the query answers (``--list``)."""
        return self.description.split(". ", 1)[0].rstrip(".") + "."


def _leading_comment(text: str) -> str:
    """The ``#`` lines a query file opens with, as one paragraph."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        lines.append(stripped.lstrip("#").strip())
    return " ".join(filter(None, lines))


def ready_queries(directory: str | os.PathLike[str] = QUERIES_DIR) -> list[ReadyQuery]:
    """Every ``*.rq`` in ``directory``, sorted by name, with its leading comment.

    A query file without a comment is a mistake the catalogue should not hide: it raises.
    """
    found = []
    for path in sorted(Path(directory).glob("*.rq")):
        description = _leading_comment(path.read_text(encoding="utf-8"))
        if not description:
            raise InputError(path, "a ready-made query opens with a comment saying what it answers")
        found.append(ReadyQuery(path.stem, description, path))
    return found


def get_ready_query(name: str, directory: str | os.PathLike[str] = QUERIES_DIR) -> ReadyQuery:
    """The ready-made query called ``name`` (a leading ``@`` is allowed); unknown lists them."""
    wanted = name.removeprefix("@")
    queries = ready_queries(directory)
    for q in queries:
        if q.name == wanted:
            return q
    known = ", ".join(q.name for q in queries)
    raise UsageError(f"no ready-made query {wanted!r}; known: {known}")
