"""Every registered export format: found by name, deterministic, and read back intact."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path

import conftest
import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, RDF
from test_rdf import (
    BRANCH,
    COMMUNITY,
    COUNTY,
    DOC,
    DOC2,
    MECHANISM,
    PERSON,
    STREET,
    hostile_graph,
    make_graph,
    reinserted,
)

from kg.errors import UsageError
from kg.export.formats import (
    NEO4J_NODE_HEADER,
    NEO4J_NODES,
    NEO4J_RELATIONSHIP_HEADER,
    NEO4J_RELATIONSHIPS,
    export,
    format_names,
    get_exporter,
)
from kg.export.rdf import document_iri, entity_iri, read_graph, to_rdf
from kg.graph import build_graph
from kg.model import ENTITY_TYPES, RELATION_TYPES, Entity
from kg.vocab import KG

RDF_FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}  # ours -> rdflib's
STREAM_FORMATS = [f for f in format_names() if not get_exporter(f).to_directory]


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return make_graph()


def text(g: nx.MultiDiGraph, fmt: str) -> str:
    buffer = io.StringIO()
    export(g, fmt, buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------ the registry


def test_the_formats_issues_2_and_5_ask_for_are_registered():
    assert set(format_names()) >= {"turtle", "nt", "jsonld", "trig", "graphml", "gexf", "csv"}


@pytest.mark.parametrize(
    ("alias", "name"), [("ttl", "turtle"), ("json-ld", "jsonld"), ("NT", "nt")]
)
def test_aliases_find_the_exporter(alias, name):
    assert get_exporter(alias).name == name


def test_an_unknown_format_lists_the_known_ones():
    with pytest.raises(UsageError, match="graphml") as info:
        get_exporter("xlsx")
    assert info.value.exit_code == 2


def test_csv_refuses_a_stream(graph):
    with pytest.raises(UsageError, match="directory"):
        export(graph, "csv", io.StringIO())


# ------------------------------------------------------------------------------ determinism


@pytest.mark.parametrize("fmt", STREAM_FORMATS)
def test_stream_formats_ignore_insertion_order(graph, fmt):
    assert text(graph, fmt) == text(make_graph(seed=7), fmt) == text(reinserted(graph), fmt)


@pytest.mark.parametrize("fmt", STREAM_FORMATS)
def test_file_and_stream_get_the_same_bytes(graph, fmt, tmp_path):
    path = tmp_path / f"out{get_exporter(fmt).suffix}"
    export(graph, fmt, path)
    assert path.read_bytes() == text(graph, fmt).encode("utf-8")


def test_csv_ignores_insertion_order(graph, tmp_path):
    export(graph, "csv", tmp_path / "a")
    export(reinserted(graph), "csv", tmp_path / "b")
    for name in (NEO4J_NODES, NEO4J_RELATIONSHIPS):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


# ------------------------------------------------------------------------------ read back


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_formats_read_back_isomorphic(graph, fmt):
    back = Graph().parse(data=text(graph, fmt), format=RDF_FORMATS[fmt])
    assert isomorphic(back, to_rdf(graph))


def test_jsonld_carries_its_context_inline_not_by_reference(graph):
    doc = json.loads(text(graph, "jsonld"))
    assert doc["@context"]["kg"] == "https://w3id.org/grassroots-kg/ontology#"
    assert doc["@context"]["leads"] == {"@id": "kg:leads", "@type": "@id"}
    assert doc["@context"]["@language"] == "zh"


def test_graphml_reads_back_with_the_same_nodes_and_edges(graph):
    back = nx.read_graphml(
        io.BytesIO(text(graph, "graphml").encode("utf-8")), force_multigraph=True
    )
    assert sorted(back.nodes) == sorted(graph.nodes)
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    mechanism = back.nodes[MECHANISM]
    assert mechanism["aliases"].split("|") == graph.nodes[MECHANISM]["aliases"]
    assert "adcode" not in mechanism  # None is left out, not written as "None"
    leads = back.edges[PERSON, BRANCH, "leads"]
    assert leads["role"] == "党支部书记"
    assert json.loads(leads["evidence"]) == [
        dict(sorted(e.items())) for e in graph.edges[PERSON, BRANCH, "leads"]["evidence"]
    ]


def test_graphml_keeps_chinese_readable(graph):
    out = text(graph, "graphml")
    assert out.startswith("<?xml version='1.0' encoding='utf-8'?>")
    assert "悦郡社区党支部" in out


# Neo4j's documented header format for `neo4j-admin database import`: node files need an
# `:ID` column and may have `:LABEL`; relationship files need `:START_ID`, `:END_ID` and
# `:TYPE`; other columns are `name` or `name:type` with a type Neo4j knows.
NEO4J_TYPES = {
    "",
    "int",
    "long",
    "float",
    "double",
    "boolean",
    "byte",
    "short",
    "char",
    "string",
    "point",
    "date",
    "localtime",
    "time",
    "localdatetime",
    "datetime",
    "duration",
}


NEO4J_FIELDS = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}


def check_neo4j_header(header: list[str], required: set[str]) -> None:
    """Each column is ``name``, ``name:type`` or ``[name]:FIELD``; the required fields are there."""
    fields = set()
    for column in header:
        name, _, kind = column.rpartition(":") if ":" in column else (column, "", "")
        if kind in NEO4J_FIELDS:
            fields.add(kind)
        else:
            assert name and kind.removesuffix("[]") in NEO4J_TYPES, column
    assert fields >= required


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_is_neo4j_admin_import_layout(graph, tmp_path):
    export(graph, "csv", tmp_path)
    nodes, rels = read_csv(tmp_path / NEO4J_NODES), read_csv(tmp_path / NEO4J_RELATIONSHIPS)
    assert list(nodes[0]) == NEO4J_NODE_HEADER
    assert list(rels[0]) == NEO4J_RELATIONSHIP_HEADER
    check_neo4j_header(NEO4J_NODE_HEADER, {"ID", "LABEL"})
    check_neo4j_header(NEO4J_RELATIONSHIP_HEADER, {"START_ID", "END_ID", "TYPE"})

    assert sorted(n["id:ID"] for n in nodes) == sorted(graph.nodes)
    labels = {n["id:ID"]: n[":LABEL"].split(";") for n in nodes}
    assert labels[COMMUNITY] == ["Community", "Place"]
    assert labels[PERSON] == ["Person"]
    by_id = {n["id:ID"]: n for n in nodes}
    assert by_id[MECHANISM]["aliases:string[]"].split(";") == graph.nodes[MECHANISM]["aliases"]

    assert sorted((r[":START_ID"], r[":END_ID"], r[":TYPE"]) for r in rels) == sorted(
        [*graph.edges(keys=True), (BRANCH, COMMUNITY, "basedIn")]
    )
    based = next(r for r in rels if r[":TYPE"] == "basedIn")
    assert based["evidence"] == "[]"  # read from the name: no sentence states it
    lead = next(r for r in rels if r[":TYPE"] == "leads")
    assert lead["role"] == "党支部书记"
    assert len(json.loads(lead["evidence"])) == 2


# ------------------------------------------------------------------------------ TriG


def read_trig(data: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=data, format="trig")
    return ds


def named_graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(c.identifier): c for c in ds.graphs() if c.identifier != DATASET_DEFAULT_GRAPH_ID}


def test_trig_has_one_named_graph_per_document(graph):
    graphs = named_graphs(read_trig(text(graph, "trig")))
    assert sorted(graphs) == sorted(str(document_iri(d)) for d in (DOC, DOC2))
    doc2 = graphs[str(document_iri(DOC2))]
    # DOC2 names only 于昕阳 and attests only the leads fact
    assert set(doc2.subjects(RDF.type, KG.Person)) == {entity_iri(PERSON)}
    assert not set(doc2.subjects(RDF.type, KG.Community))
    assert set(doc2.subject_objects(KG.leads)) == {(entity_iri(PERSON), entity_iri(BRANCH))}
    assert {str(s) for s in doc2.objects(None, KG.evidence)} >= {
        "于昕阳说，\n“铁三角”让居民的事有人管。"
    }
    assert set(doc2.objects(None, PROV.wasDerivedFrom)) == {document_iri(DOC2)}


def test_trig_graphs_together_are_the_whole_graph(graph):
    union = Graph()
    for s, p, o, _ in read_trig(text(graph, "trig")).quads():
        union.add((s, p, o))
    assert isomorphic(union, to_rdf(graph))


def test_trig_parses_with_oxigraph_too(graph):
    quads = list(ox.parse(text(graph, "trig"), format=ox.RdfFormat.TRIG))
    assert {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)} == {
        str(document_iri(d)) for d in (DOC, DOC2)
    }


# ------------------------------------------------------------------------------ GEXF


def test_gexf_reads_back_with_names_as_labels(graph):
    back = nx.read_gexf(io.BytesIO(text(graph, "gexf").encode("utf-8")))
    assert sorted(back.nodes) == sorted(graph.nodes)
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {
        n: d["name"] for n, d in graph.nodes(data=True)
    }
    assert sorted((s, o, d["relation"]) for s, o, d in back.edges(data=True)) == sorted(
        graph.edges(keys=True)
    )
    assert back.edges[PERSON, BRANCH]["role"] == "党支部书记"


def test_gexf_carries_no_date_of_today(graph, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = text(graph, "gexf")
    assert "lastmodifieddate" not in out
    assert "<creator>grassroots-kg" in out
    monkeypatch.setattr("time.strftime", lambda *a: "2099-01-01")  # what networkx would stamp
    assert text(graph, "gexf") == out


def test_gexf_dates_by_source_date_epoch(graph, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert '<meta lastmodifieddate="2023-11-14">' in text(graph, "gexf")


# ------------------------------------------------------------------------------ hostile names

#: Names a spreadsheet would run as formulas (OWASP's CSV injection), by the node given them.
INJECTIONS = {
    PERSON: '=HYPERLINK("http://x")',
    BRANCH: "+1",
    COMMUNITY: "-2+3",
    MECHANISM: "@SUM(A1)",
}
FORMULA_ID = "=cmd|' /C calc'!A0"  # an id built from a hostile name
CONTROL_NAME = "松州\x1b街道\x07"  # ESC and BEL: XML 1.0 forbids both
FORMULA_START = re.compile(r"[=+\-@\t\r]")


def injected_graph() -> nx.MultiDiGraph:
    """The sample graph with formula-like names, aliases, role and id, and control characters."""
    g = make_graph()
    for node, name in INJECTIONS.items():
        g.nodes[node]["name"] = name
    g.nodes[MECHANISM]["aliases"] = ["=1+1", "铁三角"]
    g.nodes[STREET]["name"] = CONTROL_NAME
    g.nodes[STREET]["aliases"] = ["\t\x07松州"]
    g.nodes[COUNTY]["confidence"] = -0.5  # a genuine negative number, in a numeric column
    g.edges[PERSON, BRANCH, "leads"]["role"] = "-书记"
    g.edges[PERSON, BRANCH, "leads"]["evidence"][0]["text"] = "=1+1\x1b证据"
    return nx.relabel_nodes(g, {MECHANISM: FORMULA_ID})


def test_csv_neutralises_formulas_in_every_text_cell(tmp_path):
    export(injected_graph(), "csv", tmp_path)
    node_lines = (tmp_path / NEO4J_NODES).read_text(encoding="utf-8").splitlines()
    rel_lines = (tmp_path / NEO4J_RELATIONSHIPS).read_text(encoding="utf-8").splitlines()
    assert node_lines[0] == ",".join(NEO4J_NODE_HEADER)  # the headers are left alone
    assert rel_lines[0] == ",".join(NEO4J_RELATIONSHIP_HEADER)
    nodes, rels = read_csv(tmp_path / NEO4J_NODES), read_csv(tmp_path / NEO4J_RELATIONSHIPS)
    by_id = {n["id:ID"]: n for n in nodes}

    assert "'" + FORMULA_ID in by_id and FORMULA_ID not in by_id
    quoted_id = {**{n: n for n in INJECTIONS}, MECHANISM: "'" + FORMULA_ID}
    names = {node: by_id[quoted_id[node]]["name"] for node in INJECTIONS}
    assert names == {node: "'" + name for node, name in INJECTIONS.items()}
    assert by_id["'" + FORMULA_ID]["aliases:string[]"] == "'=1+1;铁三角"
    assert by_id[STREET]["aliases:string[]"] == "'\t\x07松州"
    assert by_id[COUNTY]["confidence:float"] == "-0.5"  # numbers stay numbers
    assert by_id["City/150400"]["name"] == "赤峰市"  # harmless text is untouched

    lead = next(r for r in rels if r[":TYPE"] == "leads")
    assert lead["role"] == "'-书记"
    implements = next(r for r in rels if r[":TYPE"] == "implements")
    assert implements[":END_ID"] == "'" + FORMULA_ID  # the ids still join
    assert {r[":START_ID"] for r in rels} | {r[":END_ID"] for r in rels} <= set(by_id)
    for row in [*nodes, *rels]:
        for column, cell in row.items():
            if column != "confidence:float":
                assert not FORMULA_START.match(cell), (column, cell)


def test_csv_quoting_keeps_distinct_values_distinct(tmp_path):
    values = ["=1", "'=1", "''=1", "'引号'"]
    g = build_graph([Entity(v, "Mechanism", v, confidence=0.5) for v in values], [], [])
    export(g, "csv", tmp_path)
    nodes = {n["id:ID"]: n["name"] for n in read_csv(tmp_path / NEO4J_NODES)}
    assert nodes == {"'=1": "'=1", "''=1": "''=1", "'''=1": "'''=1", "'引号'": "'引号'"}


def parse_xml(data: str) -> ET.Element:
    """Parse strictly: expat refuses any character XML 1.0 forbids."""
    return ET.fromstring(data.encode("utf-8"))


def read_back(data: str, fmt: str) -> nx.MultiDiGraph:
    buffer = io.BytesIO(data.encode("utf-8"))
    if fmt == "graphml":
        return nx.read_graphml(buffer, force_multigraph=True)
    return nx.read_gexf(buffer)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_formats_replace_control_characters(fmt):
    g = injected_graph()
    out = text(g, fmt)
    parse_xml(out)
    assert "\x1b" not in out and "\x07" not in out
    back = read_back(out, fmt)
    assert back.nodes[STREET]["name"] == "松州\ufffd街道\ufffd"
    assert back.nodes[STREET]["aliases"] == "\t\ufffd松州"  # a tab is allowed
    assert back.nodes[PERSON]["name"] == INJECTIONS[PERSON]  # only the CSV quotes formulas
    (edge,) = (d for _, _, d in back.edges(data=True) if d["relation"] == "leads")
    # evidence is JSON, which escapes control characters itself: nothing is lost there
    assert "=1+1\x1b证据" in {e["text"] for e in json.loads(edge["evidence"])}
    assert out == text(reinserted(g), fmt)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_formats_parse_strictly_with_hostile_strings(fmt):
    g = hostile_graph()
    root = parse_xml(text(g, fmt))
    assert len([e for e in root.iter() if e.tag.endswith("}node")]) == g.number_of_nodes()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_ids_that_clean_to_the_same_string_stay_distinct(fmt):
    ids = ["Mechanism/a\x1b", "Mechanism/a\x07", "Mechanism/a\ufffd", "Mechanism/b\ud800"]
    g = build_graph([Entity(i, "Mechanism", i[10:], confidence=0.5) for i in ids], [], [])
    out = text(g, fmt)
    parse_xml(out)
    assert sorted(read_back(out, fmt).nodes) == [
        "Mechanism/a\ufffd",
        "Mechanism/a\ufffd~2",
        "Mechanism/a\ufffd~3",
        "Mechanism/b\ufffd",
    ]
    assert out == text(reinserted(g), fmt)


GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def test_graphml_nodes_carry_their_name_as_label(graph):
    out = text(graph, "graphml")
    root = parse_xml(out)
    keys = {k.get("attr.name"): k for k in root.iter(f"{GRAPHML}key") if k.get("for") == "node"}
    assert keys["label"].get("attr.type") == "string"
    label = keys["label"].get("id")
    labels = {
        node.get("id"): node.find(f"{GRAPHML}data[@key='{label}']").text
        for node in root.iter(f"{GRAPHML}node")
    }
    assert labels == {n: d["name"] for n, d in graph.nodes(data=True)}
    assert labels[BRANCH] == "悦郡社区党支部"
    assert read_back(out, "graphml").nodes[PERSON]["label"] == "于昕阳"


# ------------------------------------------------------------------------------ the seeds graph, every format


def entities_and_relations_rdf(rdf: Graph) -> tuple[set[str], set[tuple[str, str, str]]]:
    """Entity ids (by dcterms:identifier of typed entities) and direct relation triples."""
    classes = {KG[t] for t in ENTITY_TYPES}
    ids = {
        str(rdf.value(s, DCTERMS.identifier)): s
        for s, t in rdf.subject_objects(RDF.type)
        if t in classes
    }
    by_iri = {iri: i for i, iri in ids.items()}
    rels = {
        (by_iri[s], r, by_iri[o]) for r in RELATION_TYPES for s, o in rdf.subject_objects(KG[r])
    }
    return set(ids), rels


def based_in(g: nx.MultiDiGraph) -> set[tuple[str, str]]:
    """(body, place) for every body the resolver placed by its name (kg:basedIn)."""
    return {(n, p) for n, p in g.nodes(data="place") if p}


def based_in_rdf(rdf: Graph) -> set[tuple[str, str]]:
    ident = {s: str(o) for s, o in rdf.subject_objects(DCTERMS.identifier)}
    return {(ident[s], ident[o]) for s, o in rdf.subject_objects(KG.basedIn)}


@pytest.fixture(scope="module")
def seeds(seeds_build) -> tuple[nx.MultiDiGraph, set[str], set[tuple[str, str, str]]]:
    """The seeds graph read back from its Turtle, its entity ids and its relations."""
    _, out = seeds_build
    g = read_graph(out / "graph.ttl")
    return g, set(g.nodes), {(s, k, o) for s, o, k in g.edges(keys=True)}


@pytest.mark.parametrize(("fmt", "rdflib_format"), [*RDF_FORMATS.items(), ("trig", "trig")])
def test_seeds_rdf_formats_read_back_with_rdflib(seeds, fmt, rdflib_format):
    g, ids, rels = seeds
    if rdflib_format == "trig":
        rdf = Graph()
        for s, p, o, _ in read_trig(text(g, fmt)).quads():
            rdf.add((s, p, o))
    else:
        rdf = Graph().parse(data=text(g, fmt), format=rdflib_format)
    assert entities_and_relations_rdf(rdf) == (ids, rels)
    assert len(rels) == g.number_of_edges() > 100
    assert based_in_rdf(rdf) == based_in(g) and len(based_in(g)) > 50


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_seeds_property_graph_formats_read_back_with_networkx(seeds, fmt):
    g, ids, rels = seeds
    data = io.BytesIO(text(g, fmt).encode("utf-8"))
    back = nx.read_graphml(data, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(data)
    assert set(back.nodes) == ids
    assert {(s, d["relation"], o) for s, o, d in back.edges(data=True)} == rels
    assert back.number_of_edges() == len(rels)
    assert {(n, p) for n, p in back.nodes(data="place") if p} == based_in(g)


def test_seeds_neo4j_csv_reads_back(seeds, tmp_path):
    g, ids, rels = seeds
    export(g, "csv", tmp_path)
    nodes, edges = read_csv(tmp_path / NEO4J_NODES), read_csv(tmp_path / NEO4J_RELATIONSHIPS)
    assert {n["id:ID"] for n in nodes} == ids and len(nodes) == len(ids)
    based = {(body, "basedIn", place) for body, place in based_in(g)}
    assert {(r[":START_ID"], r[":TYPE"], r[":END_ID"]) for r in edges} == rels | based
    assert len(edges) == len(rels) + len(based)
    # every :START_ID/:END_ID refers to a node: neo4j-admin would otherwise refuse the import
    assert {r[":START_ID"] for r in edges} | {r[":END_ID"] for r in edges} <= ids


# ------------------------------------------------------------------------------ the CLI


run_kg = partial(conftest.run_kg, cwd=None, timeout=120)


def test_kg_export_to_stdout_and_to_a_file(seeds_build, tmp_path):
    ttl = seeds_build[1] / "graph.ttl"
    out = run_kg("export", str(ttl), "--format", "trig", "-o", "-")
    assert out.returncode == 0, out.stderr
    target = tmp_path / "g.trig"
    assert run_kg("export", str(ttl), "--format", "trig", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == out.stdout
    assert len(named_graphs(read_trig(out.stdout))) == 5


def test_kg_export_unknown_format_is_one_line(seeds_build):
    out = run_kg("export", str(seeds_build[1] / "graph.ttl"), "--format", "xlsx")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "gexf" in out.stderr
