"""Every registered export format: found by name, deterministic, and read back intact."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from test_rdf import BRANCH, COMMUNITY, MECHANISM, PERSON, make_graph, reinserted

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
from kg.export.rdf import to_rdf

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


def test_the_formats_issue_2_asks_for_are_registered():
    assert set(format_names()) >= {"turtle", "nt", "jsonld", "graphml", "csv"}


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
        graph.edges(keys=True)
    )
    lead = next(r for r in rels if r[":TYPE"] == "leads")
    assert lead["role"] == "党支部书记"
    assert len(json.loads(lead["evidence"])) == 2
