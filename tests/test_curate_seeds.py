"""Corrections on the seeds: a file with every kind of line, built, and each correction
found in the Turtle, the report, the exports and the HTML; the same bytes again from the
cache and with two workers; ``kg diff`` shows exactly what the corrections did; and
``kg gold`` of the corrected graph scores 1.0 with ``kg eval``.

The lines are chosen from the uncorrected graph by what the entities are (a leads fact, a
practice someone implements, a person named on two pages ...), never by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from conftest import SEEDS
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.curate.diff import _Labels, diff_graphs
from kg.curate.gold import write_gold
from kg.evaluate import evaluate
from kg.export.formats import export
from kg.export.rdf import agent_iri, entity_iri, read_graph, serialize_turtle, statement_iri
from kg.model import PLACE_LEVEL, PLACE_TYPES, RELATION_ENDS
from kg.pipeline import build
from kg.validate import is_violation, validate
from kg.vocab import KG

AUTHOR, DATE = "审校员甲", "2026-12-05"
NEW_PERSON, ALIAS, ORG_ALIAS, ROLE = "测试人甲", "测试别名甲", "测试简称乙", "测试主任"


def line(*fields: str, reason: str = "checked against the page") -> str:
    return "\t".join((*fields, AUTHOR, DATE, reason))


def _unique(g, n) -> bool:
    d = g.nodes[n]
    return sum(1 for _, x in g.nodes(data=True) if x["type"] == d["type"] and x["name"] == d["name"]) == 1


def _ref(g, n) -> str:
    return f"{g.nodes[n]['type']}:{g.nodes[n]['name']}"


def _docs(g, n) -> list[str]:
    return sorted(g.nodes[n]["docs"])


def _edges(g, n):
    return sorted({(u, v, k) for u, v, k in g.out_edges(n, keys=True)} | {(u, v, k) for u, v, k in g.in_edges(n, keys=True)})


def choose(g) -> dict:
    """One target per kind of line, all different entities, picked by what they are."""
    used: set[str] = set()

    def free(n) -> bool:
        return n not in used and _unique(g, n)

    def take(*ns) -> None:
        used.update(ns)

    nodes = sorted(g.nodes)
    pick: dict = {}
    s, o, _ = next((s, o, k) for s, o, k in sorted(g.edges(keys=True)) if k == "leads" and free(s) and free(o))
    pick["reject-fact"] = (s, o)
    take(s, o)
    m = next(n for n in nodes if g.nodes[n]["type"] == "Mechanism" and free(n) and g.in_degree(n)
             and all(u not in used for u, _ in g.in_edges(n)))
    pick["reject-entity"] = m
    take(m, *(u for u, _ in g.in_edges(m)))
    a = next(n for n in nodes if g.nodes[n]["type"] == "Person" and free(n) and g.out_degree(n)
             and all(v not in used for _, v in g.out_edges(n)))
    take(a, *(v for _, v in g.out_edges(a)))
    b = next(n for n in nodes if g.nodes[n]["type"] == "Person" and free(n) and not g.degree(n))
    pick["merge"] = (a, b)
    take(b)
    p = next(n for n in nodes if g.nodes[n]["type"] == "Person" and free(n) and len(_docs(g, n)) >= 2)
    pick["split"] = (p, _docs(g, p)[-1])
    take(p, *(x for e in _edges(g, p) for x in e[:2]))
    v = next(n for n in nodes if g.nodes[n]["type"] == "Village" and free(n))
    pick["rename"] = v
    take(v)
    org = next(n for n in nodes if g.nodes[n]["type"] == "Organization" and free(n))
    pick["alias"] = org
    take(org)
    r = next(n for n in nodes if g.nodes[n]["type"] == "Organization" and free(n) and not g.degree(n))
    pick["retype"] = r
    take(r)

    def parents(n):
        return [u for _, u, k in g.out_edges(n, keys=True) if k == "locatedIn"]

    child = next(n for n in nodes if g.nodes[n]["type"] in PLACE_TYPES and free(n) and len(parents(n)) == 1
                 and len(parents(parents(n)[0])) == 1 and _unique(g, parents(parents(n)[0])[0])
                 and g.nodes[n]["mentions"])
    up = parents(parents(child)[0])[0]
    pick["set-parent"] = (child, parents(child)[0], up)
    take(child)
    town = next(n for n in nodes if g.nodes[n]["type"] == "Town" and free(n) and not g.nodes[n]["adcode"])
    pick["set-adcode"] = town
    take(town)
    for doc in sorted(g.graph["documents"]):
        people = [n for n in nodes if g.nodes[n]["type"] == "Person" and free(n) and doc in g.nodes[n]["docs"]]
        bodies = [n for n in nodes if g.nodes[n]["type"] == "Organization" and free(n) and doc in g.nodes[n]["docs"]]
        pairs = [(x, y) for x in people for y in bodies if not g.has_edge(x, y, "leads")]
        if pairs:
            x, y = pairs[0]
            sentence = next(ev["text"] for ev in g.nodes[x]["mentions"] if ev["doc"] == doc)
            pick["add-fact"] = (x, y, doc, sentence)
            take(x, y)
            break
    return pick


def corrections_text(g, pick) -> str:
    s, o = pick["reject-fact"]
    a, b = pick["merge"]
    p, doc = pick["split"]
    child, _, up = pick["set-parent"]
    x, y, fact_doc, sentence = pick["add-fact"]
    rows = [
        "# every kind of line, chosen by the test",
        line("reject-fact", _ref(g, s), "leads", _ref(g, o)),
        line("reject-entity", _ref(g, pick["reject-entity"])),
        line("merge", _ref(g, a), _ref(g, b)),
        line("split", _ref(g, p), doc),
        line("alias", f"{_ref(g, p)}@{doc}", ALIAS),  # the two now share a name: @DOCUMENT tells them apart
        line("rename", _ref(g, pick["rename"]), "新" + g.nodes[pick["rename"]]["name"]),
        line("alias", _ref(g, pick["alias"]), ORG_ALIAS),
        line("retype", _ref(g, pick["retype"]), "Mechanism"),
        line("set-parent", f"{_ref(g, child)}@{g.nodes[up]['name']}", _ref(g, up)),
        line("set-adcode", _ref(g, pick["set-adcode"]), "150000000001"),
        line("add-fact", _ref(g, x), "leads", _ref(g, y), ROLE, fact_doc, sentence, reason="the page says so"),
        line("add-fact", f"Person:{NEW_PERSON}", "leads", _ref(g, y), "", fact_doc, sentence, reason="missed"),
    ]
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def corrected(seeds_build, tmp_path_factory):
    base, base_out = seeds_build
    g0 = base.graph
    pick = choose(g0)
    folder = tmp_path_factory.mktemp("corrected")
    fixes = folder / "fixes.tsv"
    fixes.write_text(corrections_text(g0, pick), encoding="utf-8")
    out = folder / "out"
    result = build([SEEDS], out, corrections=[fixes])
    rdf = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    return {"g0": g0, "base_out": base_out, "pick": pick, "fixes": fixes, "out": out, "result": result, "rdf": rdf,
            "g": read_graph(out / "graph.ttl")}


def test_every_line_applies_and_the_report_counts_it(corrected):
    rep = json.loads((corrected["out"] / "build-report.json").read_text(encoding="utf-8"))["corrections"]
    assert rep["stale"] == [] and rep["applied"] == 12
    assert rep["done"]["facts rejected"] == 1
    assert rep["done"]["entities rejected"] == 1
    assert rep["done"]["facts rejected with their entity"] == len(_edges(corrected["g0"], corrected["pick"]["reject-entity"]))
    assert rep["done"]["facts added"] == 2 and rep["done"]["entities added"] == 1
    assert rep["files"][0]["corrections"] == 12 and len(rep["files"][0]["sha256"]) == 64


def test_a_rejected_fact_leaves_no_trace(corrected):
    g0, rdf = corrected["g0"], corrected["rdf"]
    s, o = corrected["pick"]["reject-fact"]
    assert (entity_iri(s), KG.leads, entity_iri(o)) not in rdf
    assert statement_iri(s, "leads", o) not in set(rdf.subjects()) | set(rdf.objects())
    m = corrected["pick"]["reject-entity"]
    text = (corrected["out"] / "graph.ttl").read_text(encoding="utf-8")
    assert str(entity_iri(m)) not in text and f'"{m}"' not in text
    html = (corrected["out"] / "graph.html").read_text(encoding="utf-8")
    assert json.dumps(m, ensure_ascii=False) not in html
    assert json.dumps(m, ensure_ascii=False) in (corrected["base_out"] / "graph.html").read_text(encoding="utf-8")
    assert g0.nodes[m]["name"] not in {n["name"] for n in corrected["g"].nodes.values() if n["type"] == "Mechanism"}


def test_merge_split_rename_alias_retype_adcode_in_turtle(corrected):
    g0, g, rdf = corrected["g0"], corrected["g"], corrected["rdf"]
    pick = corrected["pick"]
    a, b = pick["merge"]
    assert a not in g and g0.nodes[a]["name"] in g.nodes[b]["aliases"]
    assert {v for _, v in g0.out_edges(a)} <= {v for _, v in g.out_edges(b)}
    p, doc = pick["split"]
    new = next(n for n in g if n != p and g.nodes[n]["type"] == "Person" and g.nodes[n]["name"] == g0.nodes[p]["name"])
    assert g.nodes[new]["docs"] == [doc] and doc not in g.nodes[p]["docs"]
    assert sorted(g.nodes[p]["docs"] + g.nodes[new]["docs"]) == sorted(g0.nodes[p]["docs"])
    assert ALIAS in g.nodes[new]["aliases"] and ALIAS not in g.nodes[p]["aliases"]
    v = pick["rename"]
    assert (entity_iri(v), RDFS.label, rdflib.Literal("新" + g0.nodes[v]["name"], lang="zh")) in rdf
    assert (entity_iri(v), SKOS.altLabel, rdflib.Literal(g0.nodes[v]["name"], lang="zh")) in rdf
    assert (entity_iri(pick["alias"]), SKOS.altLabel, rdflib.Literal(ORG_ALIAS, lang="zh")) in rdf
    assert (entity_iri(pick["retype"]), RDF.type, KG.Mechanism) in rdf
    assert (entity_iri(pick["retype"]), RDF.type, KG.Organization) not in rdf
    assert (entity_iri(pick["set-adcode"]), KG.adcode, rdflib.Literal("150000000001")) in rdf


def test_set_parent_and_added_facts_carry_their_provenance(corrected):
    g, rdf = corrected["g"], corrected["rdf"]
    child, old, up = corrected["pick"]["set-parent"]
    assert set(rdf.objects(entity_iri(child), KG.locatedIn)) == {entity_iri(up)}
    st = statement_iri(child, "locatedIn", up)
    who = agent_iri(AUTHOR)
    assert (st, PROV.wasAttributedTo, who) in rdf
    (c,) = rdf.objects(st, KG.correctedBy)
    assert (c, KG.action, rdflib.Literal("set-parent")) in rdf
    assert (c, KG.reason, rdflib.Literal("checked against the page")) in rdf
    assert (c, DCTERMS.date, rdflib.Literal(DATE, datatype=XSD.date)) in rdf
    assert (who, RDFS.label, rdflib.Literal(AUTHOR)) in rdf and (who, RDF.type, PROV.Agent) in rdf
    x, y, doc, sentence = corrected["pick"]["add-fact"]
    st = statement_iri(x, "leads", y)
    assert (entity_iri(x), KG.leads, entity_iri(y)) in rdf
    assert (st, KG.role, rdflib.Literal(ROLE, lang="zh")) in rdf
    assert (st, KG.evidence, rdflib.Literal(sentence, lang="zh")) in rdf
    assert {str(o) for o in rdf.objects(st, PROV.wasDerivedFrom)} == {str(rdflib.URIRef(f"https://w3id.org/grassroots-kg/doc/{doc}"))}
    (ev,) = rdf.objects(st, KG.attestedBy)
    assert (ev, KG.extractor, rdflib.Literal("correction")) in rdf
    start, end = int(rdf.value(ev, KG.evidenceStart)), int(rdf.value(ev, KG.evidenceEnd))
    page = next(SEEDS.glob(f"{doc}.*")).read_text(encoding="utf-8")
    assert "".join(page[start:end].split()) == "".join(sentence.split())
    (c,) = rdf.objects(st, KG.correctedBy)
    assert (c, KG.reason, rdflib.Literal("the page says so")) in rdf
    added = next(n for n, d in g.nodes(data=True) if d["name"] == NEW_PERSON)
    assert g.has_edge(added, y, "leads") and g.nodes[added]["docs"] == [doc]
    assert (entity_iri(added), PROV.wasAttributedTo, who) in rdf


def test_the_corrected_graph_conforms_to_the_shapes(corrected, tmp_path):
    assert not [v for v in validate(corrected["out"] / "graph.ttl") if is_violation(v)]
    broken = rdflib.Graph().parse(corrected["out"] / "graph.ttl")
    broken.remove((None, KG.reason, None))  # corrections that do not say why
    assert any("why" in str(v.message) for v in validate(broken) if is_violation(v))


def test_exports_carry_the_corrections(corrected, tmp_path):
    g, pick = corrected["g"], corrected["pick"]
    # read back from Turtle, the corrections' provenance is all there: the same bytes again
    assert serialize_turtle(g) == (corrected["out"] / "graph.ttl").read_text(encoding="utf-8")
    jsonld = tmp_path / "g.jsonld"
    export(g, "jsonld", jsonld)
    text = jsonld.read_text(encoding="utf-8")
    assert "correctedBy" in text and AUTHOR in text and ORG_ALIAS in text
    export(g, "csv", tmp_path / "csv")
    nodes = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8")
    rels = (tmp_path / "csv" / "relationships.csv").read_text(encoding="utf-8")
    assert "新" + corrected["g0"].nodes[pick["rename"]]["name"] in nodes and NEW_PERSON in nodes
    assert pick["reject-entity"] not in nodes and pick["merge"][0] not in nodes
    s, o = pick["reject-fact"]
    assert f"{s},{o},leads" not in rels
    html = (corrected["out"] / "graph.html").read_text(encoding="utf-8")
    assert NEW_PERSON in html and ORG_ALIAS in html


def test_rebuilds_from_the_cache_and_with_two_workers_are_byte_identical(corrected, tmp_path):
    out = corrected["out"]
    first = {f: (out / f).read_bytes() for f in ("graph.ttl", "graph.html", "build-report.json")}
    again = build([SEEDS], out, corrections=[corrected["fixes"]])
    assert again.report.cached == 5
    assert {f: (out / f).read_bytes() for f in first} == first
    build([SEEDS], tmp_path / "jobs2", corrections=[corrected["fixes"]], jobs=2, cache=False)
    assert {f: (tmp_path / "jobs2" / f).read_bytes() for f in first} == first


def test_diff_of_the_two_builds_shows_exactly_the_corrections(corrected):
    g0 = read_graph(corrected["base_out"] / "graph.ttl")
    g = corrected["g"]
    pick = corrected["pick"]
    lo, ln = _Labels(g0), _Labels(g)
    d = diff_graphs(g0, g).as_dict()
    got = {what: {(r["kind"], r["what"]) for r in d[what]} for what in ("added", "removed", "changed")}

    a, b = pick["merge"]
    p, doc = pick["split"]
    new = f"{p}@{doc}"
    child, old, up = pick["set-parent"]
    x, y, _, _ = pick["add-fact"]
    added_person = next(n for n, x_ in g.nodes(data=True) if x_["name"] == NEW_PERSON)
    m = pick["reject-entity"]
    s, o = pick["reject-fact"]
    moved = [(u, v, k) for u, v, k in _edges(g0, p) if all(ev["doc"] == doc for ev in g0.edges[u, v, k]["evidence"])]
    shared = [(u, v, k) for u, v, k in _edges(g0, p)
              if {ev["doc"] for ev in g0.edges[u, v, k]["evidence"]} - {doc} and doc in {ev["doc"] for ev in g0.edges[u, v, k]["evidence"]}]

    def swap(e, old_id, new_id):
        u, v, k = e
        return (new_id if u == old_id else u, new_id if v == old_id else v, k)

    assert got["added"] == {("entity", ln(new)), ("entity", ln(added_person))} | {
        ("fact", ln.fact(*e)) for e in [
            *(swap(e, a, b) for e in _edges(g0, a)), (child, up, "locatedIn"), (x, y, "leads"), (added_person, y, "leads"),
            *(swap(e, p, new) for e in [*moved, *shared])]}
    assert got["removed"] == {("entity", lo(m)), ("entity", lo(a))} | {
        ("fact", lo.fact(*e)) for e in [(s, o, "leads"), *_edges(g0, m), *_edges(g0, a), (child, old, "locatedIn"), *moved]}
    assert got["changed"] == {("entity", ln(n)) for n in (b, p, pick["rename"], pick["alias"], pick["retype"], pick["set-adcode"])} | {
        ("fact", ln.fact(*e)) for e in shared}


def test_gold_of_the_corrected_graph_scores_one(corrected, tmp_path):
    g = corrected["g"]
    write_gold(g, sorted(g.graph["documents"]), tmp_path)
    score = evaluate(corrected["out"] / "graph.ttl", tmp_path).as_dict()
    assert score["overall"] == 1.0, score
    x, y, doc, _ = corrected["pick"]["add-fact"]
    gold = json.loads((tmp_path / f"{doc}.json").read_text(encoding="utf-8"))
    assert {"s": g.nodes[x]["name"], "p": "leads", "o": g.nodes[y]["name"], "role": ROLE} in gold["relations"]


def test_relation_ends_are_the_ontologys_domains_and_ranges():
    onto = rdflib.Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl")

    def classes(node) -> set[str]:
        members = set()
        for c in ([node] if isinstance(node, rdflib.URIRef) else list(rdflib.collection.Collection(onto, onto.value(node, rdflib.OWL.unionOf)))):
            name = str(c).rsplit("#", 1)[1]
            members |= set(PLACE_TYPES) if name == "Place" else {name}
        return members

    for rel, (subjects, objects) in RELATION_ENDS.items():
        assert classes(onto.value(KG[rel], RDFS.domain)) == subjects, rel
        assert classes(onto.value(KG[rel], RDFS.range)) == objects, rel
    assert set(PLACE_LEVEL) == set(PLACE_TYPES)
