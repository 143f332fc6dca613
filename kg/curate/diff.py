"""What changed between two graphs: entities and facts added, removed and changed, by type.

``kg diff OLD.ttl NEW.ttl`` shows a reviewer what a new rule, a new model or a correction
did.  Entities are the same entity when their id is (ids are stable, made from the
gazetteer and the names, never from run order), facts when subject, relation and object
are; an entity has changed when its type, name, aliases, adcode, place or documents have,
a fact when its role, its evidence sentences or its corrections have.  Confidence alone
is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..model import ENTITY_TYPES, RELATION_TYPES
from .match import entity_refs


@dataclass
class Change:
    kind: str  # "entity" or "fact"
    group: str  # the entity type or the relation
    label: str  # as a user names it: Type:Name, or Type:Name relation Type:Name
    fields: list[str] = field(default_factory=list)  # what changed, one "field: old → new" each


@dataclass
class GraphDiff:
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, dict[str, int]]]:
        """{"entities"|"facts": {type: {"added", "removed", "changed"}}}, types in schema order."""
        out: dict[str, dict[str, dict[str, int]]] = {"entities": {}, "facts": {}}
        for what, changes in (("added", self.added), ("removed", self.removed), ("changed", self.changed)):
            for c in changes:
                row = out["entities" if c.kind == "entity" else "facts"].setdefault(
                    c.group, {"added": 0, "removed": 0, "changed": 0})
                row[what] += 1
        order = {t: i for i, t in enumerate((*ENTITY_TYPES, *RELATION_TYPES))}
        return {k: dict(sorted(v.items(), key=lambda kv: order.get(kv[0], 99))) for k, v in out.items()}

    def as_dict(self) -> dict:
        def rows(changes: list[Change]) -> list[dict]:
            return [{"kind": c.kind, "type": c.group, "what": c.label, **({"changes": c.fields} if c.fields else {})}
                    for c in changes]

        return {"counts": self.counts(), "added": rows(self.added), "removed": rows(self.removed),
                "changed": rows(self.changed)}


class _Labels:
    """Entities as a corrections line names them (:func:`kg.curate.match.entity_refs`)."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g = g
        self.refs = entity_refs(g)

    def __call__(self, node: str) -> str:
        return self.refs[node]

    def fact(self, s: str, o: str, rel: str) -> str:
        return f"{self(s)} {rel} {self(o)}"


def _set_change(name: str, old: set, new: set) -> str | None:
    if old == new:
        return None
    parts = [f"+{x}" for x in sorted(new - old)] + [f"-{x}" for x in sorted(old - new)]
    return f"{name} {' '.join(parts)}"


def _value_change(name: str, old: object, new: object) -> str | None:
    return None if old == new else f"{name}: {old or '—'} → {new or '—'}"


def _place_change(old: _Labels, new: _Labels, node: str) -> str | None:
    a, b = old.g.nodes[node].get("place"), new.g.nodes[node].get("place")
    a, b = (a if a in old.g else None), (b if b in new.g else None)
    if a == b:
        return None  # the same place, whatever it is called now
    return _value_change("place", old(a) if a else None, new(b) if b else None)


def _docs(d: dict) -> set[str]:
    return set(d.get("docs") or ()) | {ev["doc"] for ev in d.get("mentions") or ()}


def _sentences(data: dict) -> set[str]:
    return {f"{ev['doc']}#{ev['sentence']}" for ev in data.get("evidence") or ()}


def _corrections(data: dict) -> set[str]:
    return {f"{r['action']} by {r['author']}" for r in data.get("corrections") or ()}


def _order(c: Change) -> tuple:
    order = {t: i for i, t in enumerate((*ENTITY_TYPES, *RELATION_TYPES))}
    return (c.kind != "entity", order.get(c.group, 99), c.label)


def diff_graphs(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> GraphDiff:
    """Entities and facts of ``new`` that ``old`` lacks, that it has and ``new`` lacks, and
    that both have but differently."""
    out = GraphDiff()
    lo, ln = _Labels(old), _Labels(new)
    for n in sorted(set(new.nodes) - set(old.nodes)):
        out.added.append(Change("entity", new.nodes[n]["type"], ln(n)))
    for n in sorted(set(old.nodes) - set(new.nodes)):
        out.removed.append(Change("entity", old.nodes[n]["type"], lo(n)))
    for n in sorted(set(old.nodes) & set(new.nodes)):
        a, b = old.nodes[n], new.nodes[n]
        fields = [f for f in (
            _value_change("type", a["type"], b["type"]),
            _value_change("name", a["name"], b["name"]),
            _set_change("aliases", set(a.get("aliases") or ()), set(b.get("aliases") or ())),
            _value_change("adcode", a.get("adcode"), b.get("adcode")),
            _place_change(lo, ln, n),
            _set_change("documents", _docs(a), _docs(b)),
            _set_change("corrections", _corrections(a), _corrections(b)),
        ) if f]
        if fields:
            out.changed.append(Change("entity", b["type"], ln(n), fields))
    old_edges = {(s, o, k): d for s, o, k, d in old.edges(keys=True, data=True)}
    new_edges = {(s, o, k): d for s, o, k, d in new.edges(keys=True, data=True)}
    for s, o, k in sorted(set(new_edges) - set(old_edges)):
        out.added.append(Change("fact", k, ln.fact(s, o, k)))
    for s, o, k in sorted(set(old_edges) - set(new_edges)):
        out.removed.append(Change("fact", k, lo.fact(s, o, k)))
    for key in sorted(set(old_edges) & set(new_edges)):
        a, b = old_edges[key], new_edges[key]
        fields = [f for f in (
            _value_change("role", a.get("role"), b.get("role")),
            _set_change("evidence", _sentences(a), _sentences(b)),
            _set_change("corrections", _corrections(a), _corrections(b)),
        ) if f]
        if fields:
            out.changed.append(Change("fact", key[2], ln.fact(*key), fields))
    for changes in (out.added, out.removed, out.changed):
        changes.sort(key=_order)
    return out


def format_diff(d: GraphDiff) -> str:
    """The counts by type, then one line per entity or fact: ``+`` added, ``-`` removed,
    ``~`` changed (with what changed)."""
    lines = []
    counts = d.counts()
    for what in ("entities", "facts"):
        rows = counts[what]
        lines.append(f"{what}: " + (", ".join(
            f"{t} +{r['added']} -{r['removed']} ~{r['changed']}" for t, r in rows.items()) or "no change"))
    for mark, changes in (("+", d.added), ("-", d.removed), ("~", d.changed)):
        for c in changes:
            lines.append(f"{mark} {c.kind:6} {c.label}" + (f"  ({'; '.join(c.fields)})" if c.fields else ""))
    return "\n".join(lines) + "\n"
