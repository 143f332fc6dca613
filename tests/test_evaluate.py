"""`kg eval` scores like the project's referee, on gold files in the guideline's format."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
REFEREE = ROOT.parent / "shared" / "eval" / "kgeval.py"
GOLD = ROOT.parent / "shared" / "gold" / "seeds"


def referee_scores(graph: Path, tmp_path: Path) -> dict:
    spec = importlib.util.spec_from_file_location("kgeval", REFEREE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "ref.json"
    mod.main([str(graph), str(GOLD), "--json", str(out)])
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.skipif(not REFEREE.is_file(), reason="the referee lives in ../shared")
def test_agrees_with_the_referee_on_the_seeds(seeds_build, tmp_path, capsys):
    _, out = seeds_build
    ours = evaluate(out / "graph.ttl", GOLD)
    ref = referee_scores(out / "graph.ttl", tmp_path)
    capsys.readouterr()
    for t, c in ours.entities.items():
        assert (c.tp, c.fp, c.fn) == tuple(ref["entities"][t][k] for k in ("tp", "fp", "fn")), t
    for r, c in ours.relations.items():
        assert (c.tp, c.fp, c.fn) == tuple(ref["relations"][r][k] for k in ("tp", "fp", "fn")), r
    overall = (ours.total("entities").f1 + ours.total("relations").f1) / 2
    assert overall == pytest.approx(ref["overall"], abs=1e-9)


def test_scores_a_small_gold_set_by_hand(tmp_path, gaz):
    from kg.export.rdf import write_turtle
    from kg.extract.document import extract
    from kg.graph import build_graph
    from kg.read import split
    from kg.resolve import resolve

    text = "近日,赤峰市松山区松州街道悦郡社区开展活动。悦郡社区党支部书记于昕阳说。张女士也来了。"
    doc = split("a1", "a1.txt", text)
    ents, rels = resolve([extract(doc, gaz)], gaz)
    write_turtle(build_graph(ents, rels, [doc]), tmp_path / "g.ttl")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a1.json").write_text(json.dumps({
        "doc": "a1",
        "entities": [
            {"type": "City", "name": "赤峰市"}, {"type": "County", "name": "松山区"},
            {"type": "Street", "name": "松州街道"}, {"type": "Community", "name": "悦郡社区"},
            {"type": "Organization", "name": "悦郡社区党支部"}, {"type": "Person", "name": "于昕阳"},
            {"type": "Person", "name": "王五"},
        ],
        "relations": [
            {"s": "悦郡社区", "p": "locatedIn", "o": "松州街道"},
            {"s": "松州街道", "p": "locatedIn", "o": "松山区"},
            {"s": "松山区", "p": "locatedIn", "o": "赤峰市"},
            {"s": "于昕阳", "p": "leads", "o": "悦郡社区党支部", "role": "党支部书记"},
        ],
    }, ensure_ascii=False), encoding="utf-8")
    score = evaluate(tmp_path / "g.ttl", gold)
    person = score.entities["Person"]
    assert (person.tp, person.fp, person.fn) == (1, 0, 1)  # 王五 is missed, 张女士 is no person
    assert score.relations["leads"].tp == 1
    located = score.relations["locatedIn"]
    assert (located.tp, located.fp, located.fn) == (6, 0, 0)  # transitive closure of the chain
    assert ("a1", "missed", "Person", "王五") in score.errors

    runner = CliRunner()
    res = runner.invoke(app, ["eval", str(tmp_path / "g.ttl"), str(gold), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["entities"]["Person"]["recall"] == 0.5
    res = runner.invoke(app, ["eval", str(tmp_path / "g.ttl"), str(gold), "--errors"])
    assert "missed    Person       王五" in res.output
