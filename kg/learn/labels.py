"""Training labels: which candidates the gold of their document confirms.

Names are matched as the referee matches them (:meth:`kg.evaluate.Gold.matches`), so a
model learns exactly what is scored.
"""

from __future__ import annotations

from ..evaluate import Gold, norm
from ..model import PLACE_TYPES, Mention
from .candidates import Candidate, Pair

_ACTOR_TYPES = {*PLACE_TYPES, "Organization"}


def gold_entity(gold: Gold, name: str, types: set[str]) -> dict | None:
    label = norm(name)
    hit = None
    for e in gold.entities:
        if e["type"] in types and gold.matches(label, e):
            if norm(e["name"]) == label:
                return e
            hit = hit or e
    return hit


def entity_label(gold: Gold, c: Candidate) -> int:
    return int(gold_entity(gold, c.name, {c.type}) is not None)


def group_labels(gold: Gold, group: list[Candidate]) -> list[int]:
    """The labels of one group's readings: where one of them is a gold name exactly, that one
    alone, and none where none is (the referee forgives a looser left edge; a model should
    learn the exact one)."""
    ys = [entity_label(gold, c) for c in group]
    if len(group) > 1 and sum(ys):
        return [int(y and any(norm(c.name) == n for e in gold.entities if e["type"] == c.type
                              for n in gold.names(e))) for c, y in zip(group, ys, strict=True)]
    return ys


def _names(m: Mention) -> list[str]:
    return [m.canonical, m.name]


def pair_label(gold: Gold, p: Pair) -> int:
    """1 when gold has the mechanism implemented by the actor (or by the place a body is
    named after, or the body named after the place: the referee takes either)."""
    mech = next((e for n in _names(p.mech) if (e := gold_entity(gold, n, {"Mechanism"}))), None)
    if mech is None:
        return 0
    subjects = {r["s"] for r in gold.relations if r["p"] == "implements" and r["o"] == mech["name"]}
    if not subjects:
        return 0
    actor = next((e for n in _names(p.actor) if (e := gold_entity(gold, n, _ACTOR_TYPES))), None)
    if actor is None:
        return 0
    if actor["name"] in subjects:
        return 1
    a = norm(actor["name"])
    for s in subjects:
        e = gold.by_name.get(s)
        if e is None:
            continue
        kinds = {actor["type"], e["type"]}
        if "Organization" in kinds and kinds & set(PLACE_TYPES):
            b = norm(s)
            if a.startswith(b) or b.startswith(a):
                return 1
    return 0
