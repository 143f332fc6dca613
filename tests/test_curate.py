"""Corrections on pages written for these tests: malformed lines refused with file and line
before anything is built, stale lines reported by name, merges and splits moving facts,
and the CLI's gold, eval and diff loop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_kg as kg

from kg.curate import CORRECTIONS_FILE, CorrectionsError, apply_corrections, load
from kg.curate.match import Lookup, entity_refs
from kg.curate.parse import format_line, parse_line, parse_text
from kg.export.rdf import read_graph
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
TAIL = "\tann\t2026-12-05\tchecked"

PAGE_A = """甘肃日报
城关区东岗镇推行“院落议事会”机制
本报记者 林晓

近日,兰州市城关区东岗镇红山村党支部书记马立新说,村里推行“院落议事会”机制,群众事情群众商量。
东岗镇党委副书记赵文静介绍,全镇各村都建立了“院落议事会”机制。
"""
PAGE_B = """甘肃日报
红山村里的新变化
本报记者 林晓

兰州市城关区东岗镇红山村党支部书记马立新带着党员走访群众,把“院落议事会”机制办到了家门口。
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    (folder / "page_a.txt").write_text(PAGE_A, encoding="utf-8")
    (folder / "page_b.txt").write_text(PAGE_B, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(pages, tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    build([pages], out, cache=False)
    return out


def fresh(built):
    return read_graph(built / "graph.ttl")


def node(g, type_, name):
    (n,) = [n for n, d in g.nodes(data=True) if d["type"] == type_ and d["name"] == name]
    return n


# ------------------------------------------------------------------ malformed lines


@pytest.mark.parametrize(
    "text, says",
    [
        ("reject-entity\tPerson:马立新\tann\t2026-12-05", "reject-entity takes ENTITY, then AUTHOR, DATE, REASON: 4 fields given, 5 expected"),
        ("drop\tPerson:马立新" + TAIL, "unknown action 'drop'; the actions are reject-fact, reject-entity"),
        ("reject-entity Person:马立新 ann 2026-12-05 checked", "(fields are separated by tabs)"),
        ("reject-entity\tHuman:马立新" + TAIL, "unknown type 'Human'; the types are Province"),
        ("reject-entity\t马立新" + TAIL, "'马立新' is not TYPE:NAME"),
        ("reject-entity\tPerson:" + TAIL, "has no name after Person:"),
        ("reject-entity\tPerson:马立新@" + TAIL, "has nothing after @"),
        ("reject-fact\tPerson:马立新\tmanages\tOrganization:东岗镇党委" + TAIL, "unknown relation 'manages'"),
        ("reject-fact\tOrganization:东岗镇党委\tleads\tPerson:马立新" + TAIL, "leads joins Person to"),
        ("add-fact\tTown:东岗镇\timplements\tMechanism:院落议事会\t书记\tpage_a\t全镇各村" + TAIL, "a ROLE is the post of a leads fact"),
        ("merge\tPerson:马立新\tOrganization:东岗镇党委" + TAIL, "merge joins two entities of one type"),
        ("set-parent\tCounty:城关区\tTown:东岗镇" + TAIL, "a County cannot lie in a Town"),
        ("set-parent\tPerson:马立新\tTown:东岗镇" + TAIL, "a Person where a place is needed"),
        ("set-adcode\tTown:东岗镇\t6201" + TAIL, "adcode '6201' is not six digits"),
        ("retype\tPerson:马立新\tPerson" + TAIL, "is a Person already"),
        ("split\tPerson:林晓\t ," + TAIL, "no document ids"),
        ("rename\tPerson:林晓\t\tann\t2026-12-05\tchecked", "empty NAME"),
        ("reject-entity\tPerson:马立新\t\t2026-12-05\tchecked", "no AUTHOR"),
        ("reject-entity\tPerson:马立新\tann\t5 Dec 2026\tchecked", "DATE '5 Dec 2026' is not YYYY-MM-DD"),
        ("reject-entity\tPerson:马立新\tann\t2026-02-30\tchecked", "DATE '2026-02-30' is no date"),
        ("reject-entity\tPerson:马立新\tann\t2026-12-05\t", "no REASON"),
    ],
)
def test_a_malformed_line_names_its_file_and_line(text, says):
    with pytest.raises(CorrectionsError) as e:
        parse_text("# a comment\n\n" + text + "\n", "fixes.tsv")
    assert str(e.value).startswith("fixes.tsv:3: ") and says in str(e.value), str(e.value)
    assert "\n" not in str(e.value)


def test_a_malformed_file_stops_the_build_before_anything_and_applies_nothing(pages, tmp_path):
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("reject-entity\tPerson:马立新" + TAIL + "\nrename\tPerson:林晓" + TAIL + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = kg("build", str(pages), "-o", str(out), "--corrections", str(fixes), "-q")
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"error: {fixes}:2: rename takes ENTITY, NAME, then AUTHOR, DATE, REASON: 5 fields given, 6 expected"
    ], r.stderr
    assert not (out / "graph.ttl").exists() and not (out / "build-report.json").exists()
    with pytest.raises(CorrectionsError):
        load([fixes])


def test_a_corrections_file_that_is_not_utf8_or_missing(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_bytes("# 注释\n".encode("gbk"))
    with pytest.raises(CorrectionsError, match=r"bad.tsv:1: not UTF-8 text"):
        load([bad])
    with pytest.raises(Exception, match=r"missing.tsv: no such corrections file"):
        load([tmp_path / "missing.tsv"])


def test_the_projects_file_documents_the_format_and_holds_no_correction():
    text = CORRECTIONS_FILE.read_text(encoding="utf-8")
    for action in ("reject-fact", "reject-entity", "merge", "split", "rename", "retype", "set-parent", "set-adcode", "add-fact"):
        assert f"#   {action} " in text
    assert load().corrections == []  # so `make run` builds exactly what it built before


# ------------------------------------------------------------------ stale lines


def test_stale_lines_are_reported_by_name_and_the_others_applied(pages, tmp_path):
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("\n".join([
        "reject-entity\tPerson:无此人" + TAIL,
        "rename\tPerson:赵文静\t赵文静同志" + TAIL,
        "reject-fact\tPerson:赵文静同志\tleads\tTown:东岗镇" + TAIL,
        "add-fact\tPerson:赵文静同志\tleads\tTown:东岗镇\t\tpage_a\t这句话不在页面上" + TAIL,
        "add-fact\tPerson:赵文静同志\tleads\tTown:东岗镇\t\tpage_z\t全镇各村" + TAIL,
        "set-parent\tTown:东岗镇\tCounty:城关区" + TAIL,
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = kg("build", str(pages), "-o", str(out), "--corrections", str(fixes), "--no-cache")
    assert r.returncode == 0, r.stderr
    warnings = [ln for ln in r.stderr.splitlines() if ln.startswith("warning: ")]
    assert warnings == [
        f"warning: {fixes}:1: reject-entity Person:无此人: not applied: no Person named 无此人",
        f"warning: {fixes}:3: reject-fact Person:赵文静同志 leads Town:东岗镇: not applied: there is no such fact: Person:赵文静同志 leads Town:东岗镇",
        f"warning: {fixes}:4: add-fact Person:赵文静同志 leads Town:东岗镇 page_a 这句话不在页面上: not applied: the sentence is not in page_a",
        f"warning: {fixes}:5: add-fact Person:赵文静同志 leads Town:东岗镇 page_z 全镇各村: not applied: no document page_z in this build",
        f"warning: {fixes}:6: set-parent Town:东岗镇 County:城关区: not applied: Town:东岗镇 lies in County:城关区 already",
    ], r.stderr
    assert "corrections: 1 applied, 5 not applied" in r.stdout
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))["corrections"]
    assert [s["line"] for s in report["stale"]] == [f"{fixes}:{n}" for n in (1, 3, 4, 5, 6)]
    g = read_graph(out / "graph.ttl")
    assert node(g, "Person", "赵文静同志")  # the line that matched is applied
    strict = kg("build", str(pages), "-o", str(out), "--corrections", str(fixes), "--strict", "-q")
    assert strict.returncode == 1


def test_an_ambiguous_name_asks_for_a_document_or_a_place(built):
    g = fresh(built)
    for line in ("split\tPerson:林晓\tpage_b", "alias\tPerson:林晓\t小林"):
        out = apply_corrections(g, parse_text(line + TAIL, "f.tsv"))
    assert len(out.skipped) == 1
    assert out.skipped[0][1] == "Person:林晓 names 2 entities (in page_a, page_b): add @DOCUMENT or @PLACE"
    out = apply_corrections(g, parse_text("alias\tPerson:林晓@page_b\t小林" + TAIL, "f.tsv"))
    assert not out.skipped and [d["aliases"] for _, d in g.nodes(data=True) if d["name"] == "林晓"].count(["小林"]) == 1


# ------------------------------------------------------------------ facts follow their entities


def test_split_moves_the_facts_read_in_the_documents_split_off(built):
    g = fresh(built)
    person, body = node(g, "Person", "马立新"), None
    (body,) = [v for _, v, k in g.out_edges(person, keys=True) if k == "leads"]
    assert {ev["doc"] for ev in g.edges[person, body, "leads"]["evidence"]} == {"page_a", "page_b"}
    out = apply_corrections(g, parse_text("split\tPerson:马立新\tpage_b" + TAIL, "f.tsv"))
    assert not out.skipped
    new = f"{person}@page_b"
    assert g.nodes[new]["docs"] == ["page_b"] and g.nodes[person]["docs"] == ["page_a"]
    assert {ev["doc"] for ev in g.edges[person, body, "leads"]["evidence"]} == {"page_a"}
    assert {ev["doc"] for ev in g.edges[new, body, "leads"]["evidence"]} == {"page_b"}
    assert [r["action"] for r in g.edges[new, body, "leads"]["corrections"]] == ["split"]


def test_merge_moves_facts_and_names_to_the_entity_kept(built):
    g = fresh(built)
    a, b = node(g, "Person", "赵文静"), node(g, "Person", "马立新")
    led = [v for _, v, k in g.out_edges(a, keys=True) if k == "leads"]
    out = apply_corrections(g, parse_text("merge\tPerson:赵文静\tPerson:马立新" + TAIL, "f.tsv"))
    assert not out.skipped and a not in g
    assert "赵文静" in g.nodes[b]["aliases"] and all(g.has_edge(b, v, "leads") for v in led)
    assert list(g.nodes) == sorted(g.nodes)  # the graph stays in the order exports rely on


def test_retype_that_would_break_a_fact_is_not_applied(built):
    g = fresh(built)
    out = apply_corrections(g, parse_text("retype\tPerson:马立新\tOrganization" + TAIL, "f.tsv"))
    assert out.skipped and "reject that fact first" in out.skipped[0][1]
    assert g.nodes[node(g, "Person", "马立新")]["type"] == "Person"


def test_set_parent_never_makes_a_circle(built):
    g = fresh(built)
    out = apply_corrections(g, parse_text("set-parent\tCity:兰州市\tProvince:甘肃省" + TAIL, "f.tsv"))
    assert out.skipped[0][1] == "City:兰州市 lies in Province:甘肃省 already"


# ------------------------------------------------------------------ the loop on the command line


def test_gold_eval_and_diff_on_the_command_line(pages, built, tmp_path):
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("reject-entity\tPerson:赵文静" + TAIL + "\nalias\tTown:东岗镇\t东岗" + TAIL + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert kg("build", str(pages), "-o", str(out), "--corrections", str(fixes), "-q").returncode == 0
    gold = tmp_path / "gold"
    r = kg("gold", str(pages / "page_a.txt"), "page_b", "-o", str(gold), "--graph", str(out / "graph.ttl"))
    assert r.returncode == 0 and sorted(p.name for p in gold.iterdir()) == ["page_a.json", "page_b.json"]
    page_a = json.loads((gold / "page_a.json").read_text(encoding="utf-8"))
    assert page_a["doc"] == "page_a" and {"type": "Town", "name": "东岗镇", "aliases": ["东岗"]} in page_a["entities"]
    assert "赵文静" not in json.dumps(page_a, ensure_ascii=False)
    r = kg("eval", str(out / "graph.ttl"), str(gold), "--json")
    assert json.loads(r.stdout)["overall"] == 1.0
    r = kg("gold", "no_such_page", "-o", str(gold), "--graph", str(out / "graph.ttl"))
    assert r.returncode == 1 and r.stderr.strip() == f"error: no_such_page: no such document in {out / 'graph.ttl'}"
    r = kg("diff", str(built / "graph.ttl"), str(out / "graph.ttl"))
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "entities: Town +0 -0 ~1, Person +0 -1 ~0"
    assert "- entity Person:赵文静" in lines
    assert "~ entity Town:东岗镇  (aliases +东岗; corrections +alias by ann)" in lines
    assert any(ln.startswith("- fact   Person:赵文静 leads ") for ln in lines)
    d = json.loads(kg("diff", str(built / "graph.ttl"), str(out / "graph.ttl"), "--json").stdout)
    assert d["counts"]["entities"]["Person"] == {"added": 0, "removed": 1, "changed": 0}


# ------------------------------------------------------------------ lines a page can emit


def test_every_entity_of_the_seeds_is_found_again_by_the_name_a_page_would_give_it(seeds_build):
    g = seeds_build[0].graph
    refs = entity_refs(g)
    lookup = Lookup(g)
    found = {}
    for n, ref in refs.items():
        c = parse_line(format_line("alias", ref, "x", author="页面用户", date="2026-12-05", reason="from the view"), "page", 1)
        candidates = lookup.candidates(c.args[0])
        if len(candidates) == 1:
            found[n] = candidates[0]
    assert found == {n: n for n in g}


def test_a_line_formatted_from_parts_parses_back():
    text = format_line("add-fact", "Person:马立新", "leads", "Organization:红山村党支部", "党支部书记", "page_a",
                       "近日,红山村\t党支部书记\n马立新说。", author="ann", date="2026-12-05", reason="the page says so")
    c = parse_line(text, "page", 1)
    assert c.args[5] == "近日,红山村 党支部书记 马立新说。" and c.reason == "the page says so"


def test_the_shapes_know_every_action():
    import rdflib
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from kg.curate.parse import ACTIONS
    from kg.vocab import KG

    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    (prop,) = [p for p in shapes.subjects(SH.path, KG.action)]
    assert [str(a) for a in Collection(shapes, shapes.value(prop, SH["in"]))] == list(ACTIONS)


def test_namesakes_in_many_documents_are_told_apart_as_a_reader_would():
    """A name with a node in each of many documents (a leader named on every page) gets
    one reference a node, and the view's references (found through the documents' index)
    are what a plain look-up of each line finds."""
    import networkx as nx

    from kg.curate.match import line_refs

    docs = [f"p{i:03d}" for i in range(60)]
    g = nx.MultiDiGraph(documents={d: {} for d in docs})
    for i, d in enumerate(docs):
        g.add_node(f"Person/王建国@{d}", type="Person", name="王建国", docs=[d])
        if i % 3 == 0:  # some pages also name a namesake in a second document
            g.add_node(f"Person/王建国@{d}+", type="Person", name="王建国", docs=[d, docs[(i + 1) % len(docs)]])
    g.add_node("Person/李红", type="Person", name="李红", docs=docs[:5])
    refs = line_refs(g)
    plain = Lookup(g)
    for n, ref in entity_refs(g).items():
        line = parse_line(format_line("reject-entity", ref, author="page", date="2000-01-01", reason="check"), "page", 1)
        candidates = plain.candidates(line.args[0])
        assert refs[n] == (ref if candidates == [n] else None), n
    assert refs["Person/李红"] == "Person:李红"
    assert refs["Person/王建国@p002"] == "Person:王建国@p002"  # no namesake there
    assert refs["Person/王建国@p001"] is None  # p001 names two of them, and no place tells them apart
