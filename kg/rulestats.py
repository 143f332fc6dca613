"""The extraction rules and how often each fired in a graph: what ``kg rules`` shows.

A rule fired once for every piece of evidence whose extractor is its id
(``kg:attestedBy`` → ``kg:extractor``).  Extractors in the graph that are no rule of the
catalogue (the learned decisions' ``learned-…``, a person's ``correction``) are listed after
the rules, so every piece of evidence is counted once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .extract.rules import RULES

#: evidence nodes by extractor
_FIRED = """SELECT ?x (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:extractor ?x } GROUP BY ?x"""


@dataclass(frozen=True)
class RuleRow:
    id: str
    kind: str
    does: str
    confidence: float | None
    fired: int | None  # None without a graph, or for a rule that never stands as an extractor


def fired(graph: str | os.PathLike[str]) -> dict[str, int]:
    """How many pieces of evidence each extractor attests in the graph file ``graph``."""
    from .query import run_query

    result = run_query(graph, _FIRED)
    return {str(x.value): int(n.value) for x, n in result.rows}


def _other(extractor: str) -> tuple[str, str]:
    if extractor.startswith("learned-"):
        return "learned", "a decision of the learned model (kg.learn), not a rule"
    if extractor == "correction":
        return "correction", "a fact a person added (ontology/corrections.tsv)"
    return "unknown", "no rule of this catalogue"


def rule_table(counts: dict[str, int] | None = None) -> list[RuleRow]:
    """Every rule of the catalogue in its order, with how often it fired in ``counts``; then
    the other extractors ``counts`` holds, by name."""
    rows = [RuleRow(r.id, r.kind, r.does, r.confidence, counts.get(r.id, 0) if counts is not None and r.travels else None)
            for r in RULES.values()]
    for extractor in sorted(set(counts or ()) - set(RULES)):
        kind, does = _other(extractor)
        rows.append(RuleRow(extractor, kind, does, None, counts[extractor] if counts else None))
    return rows


def format_table(rows: list[RuleRow]) -> str:
    """One line a rule: id, kind, confidence, times fired (with a graph), description.

    >>> print(format_table([RuleRow("suffix", "Place", "a name closed by 镇", 0.6, 3)]))
    id      kind   conf  fired  description
    suffix  Place  0.60      3  a name closed by 镇
    """
    with_counts = any(r.fired is not None for r in rows)
    wid = max([len("id"), *(len(r.id) for r in rows)])
    wkind = max([len("kind"), *(len(r.kind) for r in rows)])
    head = f"{'id':<{wid}}  {'kind':<{wkind}}  conf" + ("  fired" if with_counts else "") + "  description"
    lines = [head]
    for r in rows:
        c = f"{r.confidence:.2f}" if r.confidence is not None else "   -"
        n = f"  {'-' if r.fired is None else r.fired:>5}" if with_counts else ""
        lines.append(f"{r.id:<{wid}}  {r.kind:<{wkind}}  {c}{n}  {r.does}")
    return "\n".join(lines)
