"""Exporters found by name, the way rdflib finds its serialisers.

The CLI's ``--format`` choices are :func:`format_names`; :func:`export` writes one graph in
one format to a path or, for single-file formats, a text stream (so ``-o -`` is just
``sys.stdout``).  Every exporter is deterministic: the same graph gives the same bytes,
whatever order its nodes were inserted in.

Strings from the data are made safe for the format that carries them:

* **CSV** (the Neo4j import files) guards against CSV/formula injection, as OWASP advises:
  a text cell whose first character is ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a single quote ``'`` in front, so a spreadsheet shows it as text instead of
  running it as a formula (``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``).  A cell
  that already starts with quotes followed by one of those characters gets one more quote,
  so the rule never maps two values to the same cell (node ids stay unique), and removing
  one leading quote from such a cell gives the value back.  This holds for every text
  cell written from data: ids, names, aliases, labels, roles, the JSON of mentions and
  evidence.  Numbers are written as they are: Python numbers in any column, and numeric
  strings in numeric columns (``confidence:float``), so ``-0.5`` stays ``-0.5``.  The
  header rows are fixed Neo4j headers and are never changed.
* **GraphML and GEXF** are XML 1.0, which forbids most control characters: every string
  written (ids, keys, attribute values) has each character XML 1.0 does not allow
  (below U+0020 except tab, line feed and carriage return; the surrogates; U+FFFE and
  U+FFFF) replaced with U+FFFD, so the files parse with any strict XML parser.  Should two
  node ids become equal that way, the later one (in sorted order) gets ``~2``, ``~3``...

>>> format_names()
['turtle', 'nt', 'jsonld', 'trig', 'graphml', 'gexf', 'csv']
>>> get_exporter("ttl").name
'turtle'
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .. import __version__, schema
from ..errors import InputError, UsageError
from ..model import PLACE_TYPES
from ..vocab import PREFIXES
from .paths import check_output_file, check_output_folder
from .rdf import LANG, document_iri, to_rdf, to_rdf_by_document, write_turtle

#: Writes a graph to a text stream, or (``to_directory``) into a directory.
Writer = Callable[[nx.MultiDiGraph, Any], None]


@dataclass(frozen=True)
class Exporter:
    """One output format: its name, what it writes and how."""

    name: str
    suffix: str  # the usual file name ending; "" for formats that write a directory
    description: str
    write: Writer
    aliases: tuple[str, ...] = ()
    to_directory: bool = False


_EXPORTERS: dict[str, Exporter] = {}
_ALIASES: dict[str, str] = {}


def register(
    name: str,
    *,
    suffix: str,
    description: str,
    aliases: tuple[str, ...] = (),
    to_directory: bool = False,
) -> Callable[[Writer], Writer]:
    """Decorator: make ``write`` the exporter for ``name`` (and its aliases)."""

    def decorate(write: Writer) -> Writer:
        for key in (name, *aliases):
            if key in _ALIASES:
                raise ValueError(f"export format {key!r} registered twice")
            _ALIASES[key] = name
        _EXPORTERS[name] = Exporter(name, suffix, description, write, aliases, to_directory)
        return write

    return decorate


def format_names() -> list[str]:
    """The canonical format names, in registration order (the CLI's choices)."""
    return list(_EXPORTERS)


def get_exporter(fmt: str) -> Exporter:
    """The exporter for a name or alias; an unknown name lists the ones that exist."""
    try:
        return _EXPORTERS[_ALIASES[fmt.lower()]]
    except KeyError:
        known = ", ".join(sorted(_ALIASES))
        raise UsageError(f"unknown export format {fmt!r}; known formats: {known}") from None


def check_output(fmt: str, out: str | os.PathLike[str]) -> None:
    """Raise, before any work, unless :func:`export` can write format ``fmt`` at path ``out``:
    a folder for a format that writes several files, a file for the others."""
    exporter = get_exporter(fmt)
    if exporter.to_directory:
        files = (NEO4J_NODES, NEO4J_RELATIONSHIPS)
        check_output_folder(out, f"format {exporter.name!r} writes a folder ({' and '.join(files)})")
        for name in files:
            if (Path(out) / name).is_dir():
                raise UsageError(f"{Path(out) / name}: a folder, where format {exporter.name!r} writes a file")
    else:
        example = Path(out) / f"graph{exporter.suffix}"
        check_output_file(out, f"format {exporter.name!r} writes one file (a file name such as {example})")


def export(g: nx.MultiDiGraph, fmt: str, out: str | os.PathLike[str] | IO[str]) -> None:
    """Write ``g`` in format ``fmt`` to a path or a text stream.

    A format that writes several files (``csv``) takes a directory path and refuses a
    stream.  A path is checked first (:func:`check_output`): a folder where a file is
    expected, or the other way round, is a :class:`~kg.errors.UsageError`, a place that
    cannot be written an :class:`~kg.errors.InputError`, both naming the path.  Missing
    folders on the way are created, as ``kg build -o`` does.
    """
    exporter = get_exporter(fmt)
    if exporter.to_directory and not isinstance(out, (str, os.PathLike)):
        raise UsageError(
            f"format {exporter.name!r} writes several files: give a directory, "
            "not standard output"
        )
    if not isinstance(out, (str, os.PathLike)):
        exporter.write(g, out)
        return
    check_output(fmt, out)
    path = Path(out)
    try:
        if exporter.to_directory:
            path.mkdir(parents=True, exist_ok=True)
            exporter.write(g, path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                exporter.write(g, f)
    except OSError as e:  # the disk filled up, the folder changed under us ...
        raise InputError(path, f"cannot write ({e.strerror or e})") from e


# ------------------------------------------------------------------------------ RDF formats


@register("turtle", suffix=".ttl", aliases=("ttl",), description="Turtle against ontology/kg.ttl")
def write_turtle_stream(g: nx.MultiDiGraph, out: IO[str]) -> None:
    """Turtle, streamed a subject at a time in a fixed order (:func:`kg.export.rdf.write_turtle`)."""
    write_turtle(g, out)


@register("nt", suffix=".nt", aliases=("ntriples", "n-triples"), description="N-Triples, sorted")
def write_ntriples(g: nx.MultiDiGraph, out: IO[str]) -> None:
    """N-Triples with the lines sorted: rdflib writes them in store order, which is not stable."""
    lines = to_rdf(g).serialize(format="nt").splitlines()
    out.writelines(line + "\n" for line in sorted(filter(None, lines)))


# Object properties compact to plain IRIs, typed ones carry their datatype, and string-valued
# ones opt out of the default @zh so that they read back as xsd:string.
_OBJECT_PROPERTIES = schema.jsonld_object_properties()
_INTEGER_PROPERTIES = ("sentenceIndex", "evidenceStart", "evidenceEnd", "articleIndex")
_STRING_PROPERTIES = ("adcode", "extractor", "sourcePath")


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD ``@context``: our prefixes, ``@zh`` by default, a short term per property."""
    ctx: dict[str, Any] = {**PREFIXES, "@language": LANG}
    for name in _OBJECT_PROPERTIES:
        ctx[name] = {"@id": f"kg:{name}", "@type": "@id"}
    for name in _INTEGER_PROPERTIES:
        ctx[name] = {"@id": f"kg:{name}", "@type": "xsd:integer"}
    for name in _STRING_PROPERTIES:
        ctx[name] = {"@id": f"kg:{name}", "@language": None}
    for name in ("role", "evidence", "byline"):
        ctx[name] = {"@id": f"kg:{name}"}
    ctx["confidence"] = {"@id": "kg:confidence", "@type": "xsd:decimal"}
    ctx.update(
        {
            "label": {"@id": "rdfs:label"},
            "altLabel": {"@id": "skos:altLabel"},
            "identifier": {"@id": "dcterms:identifier", "@language": None},
            "title": {"@id": "dcterms:title"},
            "hasPart": {"@id": "dcterms:hasPart", "@type": "@id"},
            "isPartOf": {"@id": "dcterms:isPartOf", "@type": "@id"},
            "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
        }
    )
    return ctx


def _canonical_json(value: Any) -> Any:
    """Sort every JSON array (JSON-LD values are sets here: no @list) for a stable output."""
    if isinstance(value, dict):
        return {k: _canonical_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


@register("jsonld", suffix=".jsonld", aliases=("json-ld",), description="JSON-LD with a @context")
def write_jsonld(g: nx.MultiDiGraph, out: IO[str]) -> None:
    """Compact JSON-LD; the context goes inline so the file needs no network to expand."""
    context = jsonld_context()
    doc = json.loads(to_rdf(g).serialize(format="json-ld", context=context, auto_compact=True))
    doc["@context"] = context  # keep our order, not the serialiser's
    body = {k: _canonical_json(v) for k, v in doc.items() if k != "@context"}
    text = json.dumps({"@context": context, **body}, ensure_ascii=False, indent=2)
    out.write(text + "\n")


_PREFIX_LINE = re.compile(r"^@prefix (\S+): <[^>]*> \.$")


def _turtle_body(graph: Any) -> tuple[list[str], str]:
    """A graph as Turtle: the prefixes it uses, and the statements without the prefix lines.

    rdflib's Turtle serialiser sorts subjects, predicates and objects, so the body is stable.
    """
    lines = graph.serialize(format="turtle").splitlines()
    used = [m.group(1) for m in map(_PREFIX_LINE.match, lines) if m]
    body = "\n".join(line for line in lines if not _PREFIX_LINE.match(line)).strip("\n")
    return used, body


@register("trig", suffix=".trig", description="TriG, one named graph per document")
def write_trig(g: nx.MultiDiGraph, out: IO[str]) -> None:
    """TriG: the default graph, then one graph named by each document's IRI, in id order.

    Written by hand from per-graph Turtle because rdflib's TriG serialiser orders graphs by
    hash (a different file on every run). Statements are not indented: a multi-line
    literal would change with its indentation.
    """
    rest, parts = to_rdf_by_document(g)
    blocks: list[tuple[str, str]] = []
    used: set[str] = set()
    for name, graph in [("", rest), *((f"<{document_iri(d)}> ", p) for d, p in parts.items())]:
        if len(graph):
            prefixes, body = _turtle_body(graph)
            used.update(prefixes)
            blocks.append((name, body))
    header = [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items() if p in used]
    out.write("\n".join(header) + "\n")
    for name, body in blocks:
        out.write(f"\n{name}{{\n{body}\n}}\n")


# ------------------------------------------------------------------------------ property graphs


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def flat_node(data: Mapping[str, Any]) -> dict[str, Any]:
    """Node attributes as scalars: lists joined with ``|``, evidence as JSON, None dropped.

    GraphML (and most property-graph loaders) hold only strings and numbers.
    """
    flat = {
        "type": data["type"],
        "name": data["name"],
        "aliases": "|".join(data.get("aliases") or ()),
        "adcode": data.get("adcode"),
        "place": data.get("place"),
        "confidence": data.get("confidence"),
        "docs": "|".join(data.get("docs") or ()),
        "mentions": _json(data.get("mentions") or []),
    }
    return {k: v for k, v in flat.items() if v is not None}


def flat_edge(relation: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Edge attributes as scalars, like :func:`flat_node`."""
    flat = {
        "relation": data.get("relation") or relation,
        "role": data.get("role"),
        "confidence": data.get("confidence"),
        "evidence": _json(data.get("evidence") or []),
    }
    return {k: v for k, v in flat.items() if v is not None}


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` with scalar attributes, in sorted order (so output ignores insertion order)."""
    h = nx.MultiDiGraph()
    h.graph["documents"] = _json(g.graph.get("documents", {}))
    for node in sorted(g.nodes):
        h.add_node(node, **flat_node(g.nodes[node]))
    for s, o, key in sorted(g.edges(keys=True)):
        h.add_edge(s, o, key=key, **flat_edge(key, g.edges[s, o, key]))
    return h


#: Characters XML 1.0 does not allow (its ``Char`` production), surrogates included.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: Any) -> Any:
    """A string with every character XML 1.0 forbids replaced by U+FFFD; other values as they are."""
    return _XML_INVALID.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_ids(nodes: list[Any]) -> dict[Any, Any]:
    """Each node id made XML-safe, distinct ids kept distinct (``~2``, ``~3``... on a clash)."""
    ids = {n: xml_safe(n) for n in nodes}
    taken = {n for n in nodes if ids[n] == n}  # ids already safe keep their name
    for n in nodes:  # sorted by the caller, so clashes resolve the same way every time
        if ids[n] == n:
            continue
        base, count = ids[n], 1
        while ids[n] in taken:
            count += 1
            ids[n] = f"{base}~{count}"
        taken.add(ids[n])
    return ids


def xml_flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """:func:`flat_graph` with every id, key and string value made XML-safe (:func:`xml_safe`)."""
    h = flat_graph(g)
    ids = _xml_ids(list(h.nodes))
    x = nx.MultiDiGraph()
    x.graph.update({xml_safe(k): xml_safe(v) for k, v in h.graph.items()})
    for node, data in h.nodes(data=True):
        attrs = {xml_safe(k): xml_safe(v) for k, v in data.items()}
        if data.get("place") in ids:  # a node id: the same as the place's node
            attrs["place"] = ids[data["place"]]
        x.add_node(ids[node], **attrs)
    for s, o, key, data in h.edges(keys=True, data=True):
        attrs = {xml_safe(k): xml_safe(v) for k, v in data.items()}
        x.add_edge(ids[s], ids[o], key=xml_safe(key), **attrs)
    return x


@register("graphml", suffix=".graphml", description="GraphML (Gephi, yEd, networkx)")
def write_graphml(g: nx.MultiDiGraph, out: IO[str]) -> None:
    """GraphML with flattened attributes; edge ids are the relation names.

    Each node also has a ``label`` attribute, its name: what Gephi and yEd show instead
    of the id.  Written through a byte buffer: ``nx.generate_graphml`` would turn every
    Chinese character into a ``&#...;`` reference, the UTF-8 document keeps it readable.
    """
    h = xml_flat_graph(g)
    for _, data in h.nodes(data=True):
        data["label"] = data["name"]
    buffer = io.BytesIO()
    nx.write_graphml_xml(h, buffer, encoding="utf-8", prettyprint=True)
    out.write(buffer.getvalue().decode("utf-8"))


def _gexf_meta_date() -> str | None:
    """The GEXF ``lastmodifieddate``: from ``SOURCE_DATE_EPOCH`` if set, else none.

    networkx stamps today's date, which makes every export differ; the attribute is
    optional in GEXF 1.2, and reproducible builds date files by ``SOURCE_DATE_EPOCH``.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.strip().isdigit():
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch)))


@register("gexf", suffix=".gexf", description="GEXF 1.2 (Gephi)")
def write_gexf(g: nx.MultiDiGraph, out: IO[str]) -> None:
    """GEXF with flattened attributes, node labels the names, and a deterministic header.

    Edges are numbered in sorted order and keep their relation as ``networkx_key``, so
    ``nx.read_gexf`` gives back the same multigraph keys.
    """
    h = xml_flat_graph(g)
    for _, data in h.nodes(data=True):
        data["label"] = data["name"]  # what Gephi shows
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.find("creator").text = f"grassroots-kg {__version__}"
        date = _gexf_meta_date()
        if date is None:
            meta.attrib.pop("lastmodifieddate", None)
        else:
            meta.set("lastmodifieddate", date)
    writer.add_graph(h)
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write(buffer.getvalue().decode("utf-8"))


#: File names of the CSV export: what ``neo4j-admin database import`` is given.
NEO4J_NODES = "nodes.csv"
NEO4J_RELATIONSHIPS = "relationships.csv"
NEO4J_NODE_HEADER = [
    "id:ID",
    ":LABEL",
    "name",
    "aliases:string[]",
    "adcode",
    "confidence:float",
    "docs:string[]",
    "mentions",
]
NEO4J_RELATIONSHIP_HEADER = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "role",
    "confidence:float",
    "evidence",
]
#: neo4j-admin's default array delimiter.
NEO4J_ARRAY_DELIMITER = ";"


#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
#: A number as a numeric Neo4j column holds it.
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
#: Neo4j column types whose cells are numbers, not text.
_NUMERIC_TYPES = {"int", "long", "float", "double", "byte", "short"}


def spreadsheet_safe(value: Any, *, numeric: bool = False) -> Any:
    """A CSV cell that no spreadsheet runs as a formula (the rule in the module docstring).

    Text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return (after any
    quotes) gets a ``'`` in front; numbers, and numeric strings when ``numeric``, do not.

    >>> print(spreadsheet_safe('=HYPERLINK("http://x")'), spreadsheet_safe("'=1"))
    '=HYPERLINK("http://x") ''=1
    >>> spreadsheet_safe("铁三角"), spreadsheet_safe("1+6+X"), spreadsheet_safe("'引号'")
    ('铁三角', '1+6+X', "'引号'")
    >>> spreadsheet_safe(-0.5), spreadsheet_safe("-0.5", numeric=True), spreadsheet_safe("-0.5")
    (-0.5, '-0.5', "'-0.5")
    """
    if not isinstance(value, str) or (numeric and _NUMBER.fullmatch(value)):
        return value
    return "'" + value if _FORMULA_START.match(value) else value


def _safe_rows(header: list[str], rows: list[list[Any]]) -> list[list[Any]]:
    """Rows under ``header`` with every cell through :func:`spreadsheet_safe`."""
    numeric = [column.rpartition(":")[2] in _NUMERIC_TYPES for column in header]
    return [
        [spreadsheet_safe(v, numeric=n) for v, n in zip(row, numeric, strict=True)] for row in rows
    ]


def _labels(entity_type: str) -> str:
    """Neo4j labels: the class, plus ``Place`` for places so both can be matched."""
    labels = [entity_type, "Place"] if entity_type in PLACE_TYPES else [entity_type]
    return NEO4J_ARRAY_DELIMITER.join(labels)


@register(
    "csv",
    suffix="",
    to_directory=True,
    aliases=("neo4j",),
    description=f"Neo4j admin-import CSV: {NEO4J_NODES} and {NEO4J_RELATIONSHIPS}",
)
def write_neo4j_csv(g: nx.MultiDiGraph, directory: Path) -> None:
    """The nodes and relationships files for ``neo4j-admin database import full``.

    Import with ``--nodes=nodes.csv --relationships=relationships.csv``; arrays use the
    default ``;`` delimiter and evidence is a JSON string property.  Besides the graph's
    edges, a body's place (the node attribute ``place``, ``kg:basedIn`` in RDF) becomes a
    ``basedIn`` relationship, so Cypher can walk ``(:Organization)-[:basedIn]->(:Place)``;
    it has no evidence, as it is read from the body's name.  Text cells are guarded against
    formula injection (:func:`spreadsheet_safe`); the headers are written as they are.
    """
    with open(directory / NEO4J_NODES, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NEO4J_NODE_HEADER)
        nodes = []
        for node in sorted(g.nodes):
            d = g.nodes[node]
            nodes.append(
                [
                    node,
                    _labels(d["type"]),
                    d["name"],
                    NEO4J_ARRAY_DELIMITER.join(d.get("aliases") or ()),
                    d.get("adcode") or "",
                    d.get("confidence", ""),
                    NEO4J_ARRAY_DELIMITER.join(d.get("docs") or ()),
                    _json(d.get("mentions") or []),
                ]
            )
        w.writerows(_safe_rows(NEO4J_NODE_HEADER, nodes))
    with open(directory / NEO4J_RELATIONSHIPS, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NEO4J_RELATIONSHIP_HEADER)
        rows = [
            [s, o, d.get("relation") or key, d.get("role") or "", d.get("confidence", ""),
             _json(d.get("evidence") or [])]
            for s, o, key, d in g.edges(keys=True, data=True)
        ]
        rows += [[n, p, "basedIn", "", "", "[]"] for n, p in g.nodes(data="place") if p in g]
        rows.sort(key=lambda r: (r[0], r[1], r[2]))
        w.writerows(_safe_rows(NEO4J_RELATIONSHIP_HEADER, rows))
