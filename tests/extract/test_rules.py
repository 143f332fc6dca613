"""The rule catalogue: every extractor the rules write is a rule of it, the finders take its
confidences, and ``kg rules`` counts what fired in a graph.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from conftest import run_kg

from kg.extract.people import find_people
from kg.extract.places import find_places
from kg.extract.rules import RULES, conf, implements_confidence
from kg.pipeline import build
from kg.rulestats import fired, format_table, rule_table

TEXT = (
    "湖州市安吉县天荒坪镇党委书记王海林介绍，该县推行“竹林议事”机制。\n"
    "王海林，天荒坪镇党委书记，长期在基层工作。\n"
    "“我们推行‘村事村办’制度。”天荒坪镇党委副书记李晓红说。\n"
    "本报记者 赵明远 通讯员 钱小雨\n"
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules-in")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path_factory.mktemp("rules-out")
    build([folder], out, jobs=1, cache=False, rules_only=True)
    return out / "graph.ttl"


def test_every_extractor_the_rules_write_is_a_rule_that_travels(graph):
    counts = fired(graph)
    assert {"gazetteer", "chain", "org-head", "post", "apposition", "coreference", "mech-quoted", "byline",
            "implements-sentence", "implements-speaker"} <= set(counts)
    assert all(RULES[x].travels for x in counts), sorted(set(counts) - {r for r in RULES if RULES[r].travels})


def test_fired_counts_each_piece_of_evidence_by_its_extractor(graph):
    text = graph.read_text(encoding="utf-8")
    # the evidence nodes of the Turtle file, each with its one extractor
    written = Counter(re.findall(r'kg:extractor "([^"]+)"', text))
    assert fired(graph) == dict(written)


def test_finders_take_their_confidences_from_the_catalogue(gaz):
    [county] = [sp for sp in find_places("安吉县推行", gaz)]
    assert (county.how, county.confidence) == ("gazetteer", conf("gazetteer"))
    [byline] = find_people("本报记者 赵明远", [], [])
    assert (byline.how, byline.confidence) == ("byline", conf("byline"))
    assert implements_confidence("implements-sentence", 0.8) == pytest.approx(0.7 * 0.8 + 0.2)


@pytest.mark.parametrize("rule_id, variant, message", [
    ("nouns", "", "no proposing rule 'nouns'; the rules are gazetteer, gazetteer-alias"),
    ("place-outlet", "", "no proposing rule 'place-outlet'"),  # a rejecting rule has no confidence
    ("org-head", "far", "rule 'org-head' has no setting 'far'; it has placed, joined"),
])
def test_an_unknown_rule_or_setting_is_an_error_naming_those_there_are(rule_id, variant, message):
    with pytest.raises(KeyError, match=re.escape(message)):
        conf(rule_id, variant)


def test_every_rule_has_a_kind_a_description_and_a_confidence_in_range():
    for r in RULES.values():
        assert r.kind and r.does, r
        assert r.confidence is None or 0 < r.confidence <= 1, r
        assert all(0 < v <= 1 for v in r.variants.values()), r
    assert [r.id for r in RULES.values() if r.kind.startswith("reject")]  # rejecting rules are named too


def test_the_table_lists_rules_then_the_other_extractors():
    rows = rule_table({"suffix": 4, "place-outlet": 9, "learned-person": 2})
    by_id = {r.id: r for r in rows}
    assert by_id["suffix"].fired == 4 and by_id["chain"].fired == 0
    assert by_id["place-outlet"].fired is None  # never an extractor, so never counted
    assert rows[-1].id == "learned-person" and rows[-1].kind == "learned"
    assert format_table(rows).splitlines()[0].split() == ["id", "kind", "conf", "fired", "description"]


def test_kg_rules_lists_the_catalogue_and_what_fired_in_a_graph(graph):
    done = run_kg("rules", str(graph))
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line.split() for line in done.stdout.splitlines()[1:]}
    assert set(RULES) <= set(lines)
    assert lines["apposition"][:4] == ["apposition", "Person", "0.80", str(fired(graph)["apposition"])]
    bare = run_kg("rules")
    assert bare.returncode == 0 and "fired" not in bare.stdout.splitlines()[0]
    as_json = json.loads(run_kg("rules", str(graph), "--json").stdout)
    assert {r["id"]: r["fired"] for r in as_json}["post"] == fired(graph)["post"]


def test_kg_rules_on_a_missing_graph_is_a_one_line_error(tmp_path):
    done = run_kg("rules", str(tmp_path / "none.ttl"))
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: {tmp_path / 'none.ttl'}: no such graph file"
