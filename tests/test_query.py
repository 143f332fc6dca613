"""SPARQL with pyoxigraph over the Turtle we write: answers, result formats, errors, the store."""

from __future__ import annotations

import csv
import doctest
import importlib
import io
import json
import subprocess
import sys
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
    get_ready_query,
    load_store,
    load_store_from_text,
    ready_queries,
    run_query,
    write_answer,
)

WHO_LEADS = """
SELECT ?name ?role WHERE {
  ?body rdfs:label "悦郡社区党支部"@zh .
  ?st rdf:predicate kg:leads ; rdf:object ?body ; rdf:subject ?p ; kg:role ?role .
  ?p rdfs:label ?name .
}"""

ROOT = Path(__file__).resolve().parent.parent


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


# Awkward values: a comma, a quote, a tab and a line break in literals; numbers of each
# Turtle kind (the store keeps them canonical: 1.5e3 becomes "1500", which is not in
# Turtle's form of a double), a typed literal and a blank node.
AWKWARD = """
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:1> <urn:p> "甲,乙", "他说\\"好\\"", "一\\t二\\n三", "四"@zh, 7, -0.50, 1.5e3, true,
    "2024-05-01"^^xsd:date, _:b .
"""


def _engine_text(store: ox.Store, sparql: str, fmt: str) -> str:
    out = io.BytesIO()
    write_answer(store, sparql, fmt, out)
    return out.getvalue().decode("utf-8")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_engine_written_answer_is_format_results_text(fmt):
    # kg query lets the engine write SELECT answers; format_result must say the same
    store = load_store_from_text(AWKWARD)
    q = "SELECT ?o ?s { ?s ?p ?o } ORDER BY STR(?o)"
    end = "\r\n" if fmt == "csv" else "\n"
    assert _engine_text(store, q, fmt) == format_result(run_query(store, q), fmt) + end


def test_awkward_values_in_csv_and_tsv():
    store = load_store_from_text(AWKWARD)
    q = "SELECT ?o { ?s ?p ?o } ORDER BY STR(?o)"
    csv_rows = list(csv.reader(io.StringIO(format_result(run_query(store, q), "csv"))))
    assert ["甲,乙"] in csv_rows and ['他说"好"'] in csv_rows and ["一\t二\n三"] in csv_rows
    tsv = format_result(run_query(store, q), "tsv").split("\n")
    assert len(tsv) == 11  # header and 10 values: the line break stays escaped
    for line in ['"一\\t二\\n三"', "7", "-0.5", "true", '"四"@zh', '"他说\\"好\\""',
                 '"1500"^^<http://www.w3.org/2001/XMLSchema#double>',
                 '"2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date>']:  # fmt: skip
        assert line in tsv, line


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_every_ready_made_query_writes_the_same_either_way(seeds_store, fmt):
    for q in ready_queries():
        expected = format_result(run_query(seeds_store, q.sparql), fmt)
        end = "\r\n" if fmt == "csv" else "\n"
        assert _engine_text(seeds_store, q.sparql, fmt) == expected + end, q.name


def test_write_answer_ask_and_construct_take_the_formatted_path(store):
    assert _engine_text(store, "ASK { ?p kg:leads ?o }", "csv") == "true\n"
    out = _engine_text(store, "CONSTRUCT { ?p kg:leads ?o } WHERE { ?p kg:leads ?o }", "tsv")
    assert out.count(" <https://w3id.org/grassroots-kg/ontology#leads> ") == 1


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


# ------------------------------------------------------------------------------ ready-made queries


@pytest.fixture(scope="module")
def seeds_ttl(seeds_build) -> Path:
    return seeds_build[1] / "graph.ttl"


@pytest.fixture(scope="module")
def seeds_store(seeds_ttl) -> ox.Store:
    return load_store(seeds_ttl)


def test_at_least_ten_ready_made_queries_each_saying_what_it_answers():
    queries = ready_queries()
    assert len(queries) >= 10
    assert len({q.name for q in queries}) == len(queries)
    for q in queries:
        assert q.sparql.startswith("#"), q.name
        assert len(q.description) > 30 and q.summary.endswith("."), q.name


@pytest.mark.parametrize("name", [q.name for q in ready_queries()])
def test_every_ready_made_query_answers_on_the_seeds(seeds_store, name):
    result = run_query(seeds_store, get_ready_query(name).sparql)
    assert result.kind == "select"
    assert result.rows, f"@{name} found nothing on the seeds graph"
    assert all(any(t is not None for t in row) for row in result.rows)


def column(store: ox.Store, name: str, var: str) -> list[str]:
    result = run_query(store, get_ready_query(name).sparql)
    i = result.variables.index(var)
    return [row[i].value for row in result.rows]


def rows(store: ox.Store, name: str) -> list[tuple[str, ...]]:
    result = run_query(store, get_ready_query(name).sparql)
    return [tuple("" if t is None else t.value for t in row) for row in result.rows]


def test_places_in_hohhot_go_down_every_level(seeds_store):
    places = column(seeds_store, "places-in-hohhot", "place")
    assert {"托克托县", "双河镇", "北街村", "新城区", "万通路街道"} <= set(places)
    assert "呼和浩特市" not in places and "松山区" not in places  # 松山区 is in 赤峰市


def test_leaders_by_county_reads_bodies_by_their_places(seeds_store):
    found = {(county, person) for county, person, _, _ in rows(seeds_store, "leaders-by-county")}
    assert ("松山区", "于昕阳") in found  # 悦郡社区党支部 → 悦郡社区 → 松州街道 → 松山区
    assert ("突泉县", "宋庆林") in found  # 明星村党支部 → 明星村 → 东杜尔基镇 → 突泉县


def test_bodies_without_place_are_those_no_name_or_edge_places(seeds_store):
    bodies = set(column(seeds_store, "bodies-without-place", "body"))
    assert "中国农业科学院" in bodies
    assert "悦郡社区党支部" not in bodies and "明星村党支部" not in bodies
    assert "金河派出所" not in bodies  # a township's body by its bare name: based in 金河镇
    based = {
        row[0].value
        for row in run_query(seeds_store, "SELECT ?b { ?b kg:basedIn ?p }").rows
    }
    unplaced = {
        row[0].value
        for row in run_query(
            seeds_store, "SELECT ?b { ?b a kg:Organization FILTER NOT EXISTS { ?b kg:basedIn ?p } }"
        ).rows
    }
    assert len(based) > 50 and len(bodies) == len(unplaced)


def test_a_trig_file_answers_like_its_turtle(seeds_ttl, tmp_path):
    """Named graphs stay for GRAPH queries; without GRAPH a query sees the whole file."""
    from kg.export.formats import export
    from kg.export.rdf import read_graph

    trig = tmp_path / "graph.trig"
    export(read_graph(seeds_ttl), "trig", trig)
    for name in ("leaders-by-county", "places-in-hohhot"):
        q = get_ready_query(name).sparql
        assert run_query(trig, q).rows == run_query(seeds_ttl, q).rows
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    assert run_query(trig, count).rows == run_query(seeds_ttl, count).rows
    graphs = run_query(trig, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert int(graphs.rows[0][0].value) == 5  # one per page


def test_evidence_for_the_given_fact(seeds_store):
    for subject, relation, obj, _, start, end, sentence in rows(seeds_store, "evidence-for-fact"):
        assert (subject, relation) == ("于昕阳", "leads")
        assert subject in sentence and obj in sentence
        assert int(start) < int(end)


def test_most_connected_is_sorted_and_capped(seeds_store):
    counts = [int(n) for n in column(seeds_store, "most-connected", "relations")]
    assert counts == sorted(counts, reverse=True) and len(counts) <= 20


def test_places_without_parent_leave_out_provinces(seeds_store):
    levels = set(column(seeds_store, "places-without-parent", "level"))
    assert "Province" not in levels


def test_an_unknown_ready_made_query_lists_the_known_ones():
    with pytest.raises(UsageError, match="places-in-hohhot") as info:
        get_ready_query("@no-such-query")
    assert info.value.exit_code == 2


def test_a_query_file_without_a_comment_is_refused(tmp_path):
    (tmp_path / "bare.rq").write_text("SELECT * { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(InputError, match="comment"):
        ready_queries(tmp_path)


# ------------------------------------------------------------------------------ the CLI


def run_kg(*args: str) -> subprocess.CompletedProcess:
    """``kg ARGS`` in a subprocess; output decoded as is (CSV keeps its CRLF line ends)."""
    done = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, timeout=120)
    done.stdout, done.stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    return done


def test_kg_query_list_names_every_query_with_its_summary():
    out = run_kg("query", "--list")
    assert out.returncode == 0, out.stderr
    for q in ready_queries():
        assert f"@{q.name}\n    {q.summary}\n" in out.stdout


def test_kg_query_runs_a_ready_made_query_by_name(seeds_ttl, seeds_store):
    out = run_kg("query", str(seeds_ttl), "@places-in-hohhot", "--format", "csv")
    assert out.returncode == 0, out.stderr
    expected = run_query(seeds_store, get_ready_query("places-in-hohhot").sparql)
    assert out.stdout == format_result(expected, "csv") + "\r\n"  # CSV's line end, the last one too


def test_kg_query_bad_query_is_one_line_exit_1(seeds_ttl):
    out = run_kg("query", str(seeds_ttl), "SELECT ?x WHERE { ?x kg:leads }")
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr.startswith("error: bad SPARQL query: error at 1:")
    assert out.stderr.count("\n") == 1


def test_kg_query_keeps_a_store_between_runs(seeds_ttl, tmp_path):
    store = tmp_path / "store"
    first = run_kg("query", str(seeds_ttl), "@shared-mechanisms", "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert store.is_dir() and any(store.iterdir())
    again = run_kg("query", str(seeds_ttl), "@shared-mechanisms", "--store", str(store))
    assert again.stdout == first.stdout
    ask = run_kg("query", str(seeds_ttl), "ASK { ?p kg:leads ?o }", "--store", str(store))
    assert ask.stdout == "true\n"


@pytest.mark.parametrize(
    "module",
    ["kg.query", "kg.validate", "kg.store", "kg.export.formats", "kg.export.rdf", "kg.vocab"],
)
def test_doctests(module):
    failures, _ = doctest.testmod(importlib.import_module(module))
    assert failures == 0


def test_documents_mentioning_a_person_name_the_article_not_the_pages_first_headline(seeds_store):
    found = rows(seeds_store, "documents-mentioning-person")
    assert [r[:2] for r in found] == [("于昕阳", "001_3511262547c28c97")]
    headline = found[0][2]
    page = (ROOT / "seeds" / "001_3511262547c28c97.txt").read_text(encoding="utf-8")
    first_line = page.strip().splitlines()[0].strip()
    assert headline != first_line and headline in page
    # the article's headline stands before the sentence that names the person
    assert page.index(headline) < page.index("于昕阳")
