"""The catalogue of extraction rules: every rule that proposes or rejects a span or a fact, by id.

A rule's id is what the graph records as the extractor of its evidence (``kg:attestedBy`` →
``kg:extractor``): the learned decisions (:mod:`kg.learn`) read it as a feature, so an id,
once used, stays.  The catalogue is data (``kg/data/rules.json``): a proposing rule carries its confidence (and named variants where the same
rule is surer in one setting than another); a rejecting rule has none.  The finders and the
stages take their confidences from here (:func:`conf`); ``kg rules`` lists the catalogue with
how often each rule fired in a graph (:mod:`kg.rulestats`).

>>> conf("suffix"), conf("org-head", "placed")
(0.6, 0.85)
>>> RULES["chain"].kind
'locatedIn'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib.resources import files


@dataclass(frozen=True)
class Rule:
    id: str  # the extractor name the evidence carries
    kind: str  # what it proposes (an entity type, a relation) or "reject …"
    does: str  # one line, with an example
    confidence: float | None = None  # None for a rule that only rejects
    variants: dict[str, float] = field(default_factory=dict)  # surer or less sure settings

    @property
    def proposes(self) -> bool:
        return self.confidence is not None

    @property
    def travels(self) -> bool:
        """Does the rule's id stand as the extractor of what it found (not a rejecting or
        adjusting rule)?"""
        return self.proposes and not self.kind.startswith(("reject", "adjust"))


#: implements: a fact's confidence is the rule's weight times the practice's, plus this
IMPLEMENTS_BASE = 0.2

#: the catalogue's file: one object a rule, in the order ``kg rules`` lists them
CATALOGUE_FILE = files("kg") / "data" / "rules.json"


def _load() -> tuple[Rule, ...]:
    rows = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return tuple(Rule(r["id"], r["kind"], r["does"], r["confidence"], r.get("variants", {})) for r in rows)


_CATALOGUE: tuple[Rule, ...] = _load()

#: every rule, by id
RULES: dict[str, Rule] = {r.id: r for r in _CATALOGUE}


def conf(rule_id: str, variant: str = "") -> float:
    """The confidence of rule ``rule_id`` (in setting ``variant``); an unknown id or variant
    is an error that lists those there are."""
    rule = RULES.get(rule_id)
    if rule is None or rule.confidence is None:
        raise KeyError(f"no proposing rule {rule_id!r}; the rules are {', '.join(r.id for r in _CATALOGUE if r.proposes)}")
    if not variant:
        return rule.confidence
    if variant not in rule.variants:
        raise KeyError(f"rule {rule_id!r} has no setting {variant!r}; it has {', '.join(rule.variants) or 'none'}")
    return rule.variants[variant]


def implements_confidence(rule_id: str, practice: float, variant: str = "") -> float:
    """An ``implements`` fact's confidence: the rule's weight times the practice's, plus a base."""
    return conf(rule_id, variant) * practice + IMPLEMENTS_BASE
