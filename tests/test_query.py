"""SPARQL with pyoxigraph over the Turtle we write: answers, result formats, errors, the store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_rdf import BRANCH, PERSON, make_graph

from kg.errors import InputError, QueryError, UsageError
from kg.export.rdf import write_turtle
from kg.query import (
    RESULT_FORMATS,
    display_width,
    format_result,
    format_table,
    load_store,
    run_query,
)

WHO_LEADS = """
SELECT ?name ?role WHERE {
  ?body rdfs:label "悦郡社区党支部"@zh .
  ?st rdf:predicate kg:leads ; rdf:object ?body ; rdf:subject ?p ; kg:role ?role .
  ?p rdfs:label ?name .
}"""


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "graph.ttl"
    write_turtle(make_graph(), path)
    return path


@pytest.fixture(scope="module")
def store(ttl) -> ox.Store:
    return load_store(ttl)


def values(result, var: str) -> list[str]:
    i = result.variables.index(var)
    return sorted(row[i].value for row in result.rows)


# ------------------------------------------------------------------------------ answers


def test_who_leads_the_branch_with_predeclared_prefixes(store):
    result = run_query(store, WHO_LEADS)
    assert result.kind == "select"
    assert result.variables == ["name", "role"]
    assert [(n.value, r.value) for n, r in result.rows] == [("于昕阳", "党支部书记")]


def test_a_path_works_on_the_file_too(ttl):
    assert values(run_query(ttl, WHO_LEADS), "name") == ["于昕阳"]


def test_a_query_that_declares_a_prefix_keeps_its_own(store):
    own = "PREFIX kg: <http://example.org/other#> SELECT ?a WHERE { ?a kg:leads ?b }"
    assert run_query(store, own).rows == []
    ours = (
        "PREFIX kg: <https://w3id.org/grassroots-kg/ontology#> SELECT ?a WHERE { ?a kg:leads ?b }"
    )
    assert len(run_query(store, ours).rows) == 1


def test_ask(store):
    assert run_query(store, "ASK { ?p kg:leads ?o }").boolean is True
    assert run_query(store, "ASK { ?p kg:leads ?p }").boolean is False


def test_construct_transitive_containment(store):
    result = run_query(store, "CONSTRUCT { ?a kg:locatedIn ?b } WHERE { ?a kg:locatedIn+ ?b }")
    assert result.kind == "construct"
    assert len(result.triples) == 6  # 悦郡社区 → 3 ancestors, 松州街道 → 2, 松山区 → 1


def test_every_statement_has_a_source_and_evidence(store):
    missing = """SELECT ?st WHERE { ?st a kg:Statement .
                 FILTER NOT EXISTS { ?st prov:wasDerivedFrom ?d ; kg:evidence ?e } }"""
    assert run_query(store, missing).rows == []


# ------------------------------------------------------------------------------ formats


def test_table_aligns_chinese_by_display_width(store):
    result = run_query(store, "SELECT ?name ?type WHERE { ?e rdfs:label ?name ; a ?type }")
    lines = format_result(result, "table").splitlines()
    assert lines[0].split() == ["name", "type"]
    assert set(lines[1]) == {"-", " "}
    second_column = lines[0].index("type")
    for line in lines[2:]:
        name = line.split("  ")[0]
        rest = line[len(name) :]
        padding = len(rest) - len(rest.lstrip(" "))
        assert display_width(name) + padding == second_column, line
    assert any(line.startswith("悦郡社区党支部") for line in lines)


def test_table_keeps_multiline_evidence_on_one_line():
    table = format_table(["ev"], [(ox.Literal("于昕阳说，\n“铁三角”"),)])
    assert table.splitlines()[2] == "于昕阳说， “铁三角”"


def test_display_width():
    assert display_width("于昕阳") == 6
    assert display_width("kg:leads") == 8
    assert display_width("１２") == 4  # full-width digits


def test_csv_follows_the_sparql_csv_format(store):
    out = format_result(run_query(store, WHO_LEADS), "csv")
    assert "\r\n" in out
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [["name", "role"], ["于昕阳", "党支部书记"]]


def test_tsv_uses_rdf_term_syntax(store):
    lines = format_result(run_query(store, WHO_LEADS), "tsv").splitlines()
    assert lines == ["?name\t?role", '"于昕阳"@zh\t"党支部书记"@zh']


def test_json_is_sparql_results_json(store):
    out = format_result(run_query(store, WHO_LEADS), "json")
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["name", "role"]
    assert doc["results"]["bindings"][0]["name"] == {
        "type": "literal",
        "value": "于昕阳",
        "xml:lang": "zh",
    }
    parsed = ox.parse_query_results(out, format=ox.QueryResultsFormat.JSON)
    assert [s["role"].value for s in parsed] == ["党支部书记"]


def test_json_types_iris_and_numbers(store):
    q = 'SELECT ?s ?c WHERE { ?s kg:confidence ?c ; rdfs:label "于昕阳"@zh }'
    binding = json.loads(format_result(run_query(store, q), "json"))["results"]["bindings"][0]
    assert binding["s"] == {"type": "uri", "value": f"https://w3id.org/grassroots-kg/id/{PERSON}"}
    assert binding["c"] == {
        "type": "literal",
        "value": "0.9",
        "datatype": "http://www.w3.org/2001/XMLSchema#decimal",
    }


@pytest.mark.parametrize("fmt", RESULT_FORMATS)
def test_ask_in_every_format(store, fmt):
    out = format_result(run_query(store, "ASK { ?p kg:leads ?o }"), fmt)
    if fmt == "json":
        assert json.loads(out) == {"head": {}, "boolean": True}
    else:
        assert out == "true"


@pytest.mark.parametrize("fmt", RESULT_FORMATS)
def test_construct_in_every_format_parses_as_rdf(store, fmt):
    result = run_query(store, "CONSTRUCT { ?p kg:leads ?o } WHERE { ?p kg:leads ?o }")
    out = format_result(result, fmt)
    rdf_format = {"table": ox.RdfFormat.TURTLE, "json": ox.RdfFormat.JSON_LD}.get(
        fmt, ox.RdfFormat.N_TRIPLES
    )
    triples = list(ox.parse(out, format=rdf_format))
    assert len(triples) == 1
    assert BRANCH in triples[0].object.value


def test_unknown_result_format():
    with pytest.raises(UsageError):
        format_result(run_query(ox.Store(), "ASK {}"), "xml")


# ------------------------------------------------------------------------------ errors and the store


def test_a_bad_query_is_one_line_with_the_parsers_position(store):
    with pytest.raises(QueryError) as info:
        run_query(store, "SELECT ?x WHERE {\n  ?x kg:leads\n}")
    message = str(info.value)
    assert "\n" not in message
    assert "error at 3:" in message  # positions refer to the query as written


def test_a_bad_graph_file_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <x> .\nkg:a kg:b", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        load_store(bad)
    with pytest.raises(InputError, match="missing.ttl"):
        load_store(tmp_path / "missing.ttl")


def test_an_on_disk_store_is_reused_until_the_file_changes(ttl, tmp_path):
    store_dir = tmp_path / "store"
    first = load_store(ttl, store_dir=store_dir)
    count = len(run_query(first, "SELECT * { ?s ?p ?o }").rows)
    del first
    again = load_store(ttl, store_dir=store_dir)
    assert len(run_query(again, "SELECT * { ?s ?p ?o }").rows) == count
    del again

    changed = tmp_path / "changed.ttl"
    changed.write_text("<http://example.org/a> <http://example.org/b> 1 .", encoding="utf-8")
    fresh = load_store(changed, store_dir=store_dir)
    assert len(run_query(fresh, "SELECT * { ?s ?p ?o }").rows) == 1
