"""Quality floors, scored the way the referee scores (``kg eval`` agrees with it).

Two sets: the five seed pages against ``../shared/gold/seeds``, and eleven development files
in ``tests/data/dev`` written for the project: newspaper pages and single web articles from
other leagues and cities, a reprint from another province, new people and practices, in the
seeds' style and OCR, with gold made by ``../shared/gold/GUIDELINE.md``. The rules were
improved by studying the errors on these files, so they are development data, not a held-out
test; no name from them is in the code. A change that drops either score below its floor
has made the method worse; run with ``-s`` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seeds"
DEV = ROOT / "tests" / "data" / "dev"

#: overall F1 (mean of entity and relation F1) the method must keep
SEEDS_FLOOR = 0.94
DEV_FLOOR = 0.93


def overall(score) -> float:
    return (score.total("entities").f1 + score.total("relations").f1) / 2


@pytest.mark.skipif(not SEED_GOLD.is_dir(), reason="the seeds' gold lives in ../shared")
def test_seed_pages_score_above_the_floor(seeds_build):
    _, out = seeds_build
    score = overall(evaluate(out / "graph.ttl", SEED_GOLD))
    print(f"seeds overall F1 {score:.3f}")
    assert score >= SEEDS_FLOOR, f"seeds overall F1 {score:.3f} < {SEEDS_FLOOR}"


def test_development_pages_score_above_the_floor(tmp_path):
    build(sorted((DEV / "pages").glob("*.txt")), tmp_path, cache=False)
    score = evaluate(tmp_path / "graph.ttl", DEV / "gold")
    total = overall(score)
    print(f"development pages overall F1 {total:.3f}")
    assert total >= DEV_FLOOR, f"development pages overall F1 {total:.3f} < {DEV_FLOOR}"


REAL = ROOT.parent / "shared" / "real"
#: on ../shared/real the shipped model was trained (in-sample); the rules were not tuned on it
REAL_FLOOR_LEARNED = 0.78
REAL_FLOOR_RULES = 0.73


@pytest.mark.skipif(not (REAL / "gold").is_dir(), reason="the real development corpus lives in ../shared/real")
def test_real_articles_learned_decisions_beat_the_rules_alone(tmp_path):
    """72 real excerpts (news and government sites): the learned decisions over the rules'
    proposals score above the rules alone.  The shipped model was trained on these
    documents too, so this is a floor, not an estimate: `kg eval --cv 5` gives the held-out
    figures (README)."""
    texts = sorted((REAL / "texts").glob("*.txt"))
    scores = {}
    for name, rules_only in (("rules", True), ("learned", False)):
        build(texts, tmp_path / name, cache=False, rules_only=rules_only)
        scores[name] = overall(evaluate(tmp_path / name / "graph.ttl", REAL / "gold"))
    print(f"real corpus overall F1: rules alone {scores['rules']:.3f}, learned {scores['learned']:.3f}")
    assert scores["rules"] >= REAL_FLOOR_RULES, scores
    assert scores["learned"] >= REAL_FLOOR_LEARNED, scores
    assert scores["learned"] > scores["rules"] + 0.02, scores
