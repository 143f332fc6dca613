"""Scoring a graph against gold annotations: precision, recall and F1 per type.

The gold format is the annotation guideline's (one JSON file per document: ``doc``,
``entities`` with ``type``/``name``/``aliases``/``adcode``, ``relations`` with
``s``/``p``/``o``/``role``), so users can measure the tool on their own annotated articles.
The matching rules are the project referee's (``shared/eval/kgeval.py``), and a test keeps
the two in agreement on the seed pages:

* entities are matched one-to-one per type and document, by canonical name or alias (after
  width folding and without quotes); a body may carry extra leading place names
  (锡林郭勒盟苏尼特右旗赛汉塔拉镇党委 matches 赛汉塔拉镇党委); a mechanism may carry its generic head
  (“三事分流”机制 matches 三事分流);
* locatedIn is compared as transitive closures over the places both named in a document, so
  a chain may skip a level the document never names;
* leads and implements are compared over the whole graph, a place standing for the body
  named after it (嘎查 / 嘎查党支部).

Which relation is scored which way is :attr:`kg.schema.RelationType.scoring`.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF, RDFS

from . import schema
from .errors import InputError
from .model import ENTITY_TYPES, PLACE_TYPES, RELATION_TYPES

#: The relations scored as transitive closures per document, and as pairs over the graph.
CLOSURE_RELATIONS = tuple(r.name for r in schema.stated_relations() if r.scoring == "closure")
PAIR_RELATIONS = tuple(r.name for r in schema.stated_relations() if r.scoring == "pairs")
#: the relations scored, in the schema's order (a stated relation the gold format lacks is not)
SCORED_RELATIONS = tuple(r.name for r in schema.stated_relations() if r.scoring)

_QUOTES = "“”‘’\"'「」『』《》〈〉〔〕【】"


def norm(s: str) -> str:
    """NFKC, without quotes and white space: the form names are compared in."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if ch not in _QUOTES and not ch.isspace())


def _local(term) -> str:
    s = str(term)
    for sep in ("#", "/", ":"):
        if sep in s:
            s = s.rsplit(sep, 1)[1]
    return s


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """The result: counts per entity type and relation, and the errors behind them."""

    entities: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    relations: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in SCORED_RELATIONS})
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # (doc or "", kind, type, item)

    def total(self, which: str) -> Counts:
        out = Counts()
        for c in (self.entities if which == "entities" else self.relations).values():
            out.add(c)
        return out

    def as_dict(self) -> dict:
        def row(c: Counts) -> dict:
            return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4), "f1": round(c.f1, 4)}

        e, r = self.total("entities"), self.total("relations")
        return {
            "entities": {t: row(c) for t, c in self.entities.items()},
            "relations": {t: row(c) for t, c in self.relations.items()},
            "entities_f1": round(e.f1, 4),
            "relations_f1": round(r.f1, 4),
            "overall": round((e.f1 + r.f1) / 2, 4),
        }


# ------------------------------------------------------------------ the graph side


class _Built:
    """What the scoring reads from an RDF graph: labels, types, mentions and relations."""

    def __init__(self, path: Path):
        self.g = Graph()
        try:
            self.g.parse(str(path))
        except Exception as e:  # rdflib raises many kinds; the user needs one line
            raise InputError(str(path), f"cannot parse the graph ({type(e).__name__}: {str(e).splitlines()[0][:200]})") from e
        g = self.g
        self.labels: dict = defaultdict(set)
        for s, o in g.subject_objects(RDFS.label):
            self.labels[s].add(norm(str(o)))
        self.types: dict = defaultdict(set)
        for s, o in g.subject_objects(RDF.type):
            if _local(o) in ENTITY_TYPES:
                self.types[s].add(_local(o))
        self._docs: dict = {}
        self.mentions: dict = defaultdict(set)
        self.edges: dict = defaultdict(set)
        for s, p, o in g:
            name = _local(p)
            if name == "mentionedIn":
                self.mentions[self.doc_id(o)].add(s)
            elif name in RELATION_TYPES:
                self.edges[name].add((s, o))

    def doc_id(self, node) -> str:
        if node not in self._docs:
            ident = self.g.value(node, DCTERMS.identifier)
            self._docs[node] = str(ident) if ident is not None else _local(node).rsplit(".", 1)[0]
        return self._docs[node]

    def closure(self, nodes: set, rel: str) -> set:
        up = defaultdict(set)
        for a, b in self.edges[rel]:
            up[a].add(b)
        pairs = set()
        for a in nodes:
            seen, stack = set(), list(up[a])
            while stack:
                b = stack.pop()
                if b not in seen:
                    seen.add(b)
                    stack.extend(up[b])
            pairs |= {(a, b) for b in seen if b in nodes and b != a}
        return pairs


# ------------------------------------------------------------------ the gold side


class Gold:
    def __init__(self, data: dict):
        self.id = data["doc"]
        self.entities = data["entities"]
        self.relations = data["relations"]
        self.by_name = {e["name"]: e for e in self.entities}
        self.place_names = sorted(
            {norm(n) for e in self.entities if e["type"] in PLACE_TYPES for n in [e["name"], *e.get("aliases", [])]},
            key=len, reverse=True,
        )

    def names(self, e: dict) -> set:
        return {norm(e["name"]), *(norm(a) for a in e.get("aliases", []))}

    def strip_places(self, s: str) -> str:
        changed = True
        while changed:
            changed = False
            for p in self.place_names:
                if len(s) > len(p) + 1 and s.startswith(p) and any(s[len(p):].startswith(q) for q in self.place_names):
                    s, changed = s[len(p):], True
                    break
        return s

    def matches(self, label: str, e: dict) -> bool:
        names = self.names(e)
        if label in names:
            return True
        if e["type"] == "Organization":
            return self.strip_places(label) in {self.strip_places(n) for n in names}
        if e["type"] == "Mechanism":
            for n in names:
                if len(n) >= 2 and n in label and len(label) <= len(n) + 12:
                    return True
                if label in n and len(label) >= max(2, 0.6 * len(n)):
                    return True
        return False


def read_gold(folder: str | Path) -> list[Gold]:
    """Every ``*.json`` gold file of ``folder``, in name order."""
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise InputError(str(folder), "no gold files (*.json) in this folder")
    out = []
    for f in files:
        try:
            out.append(Gold(json.loads(f.read_text(encoding="utf-8"))))
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise InputError(str(f), f"not a gold file ({type(e).__name__}: {e})") from e
    return out


# ------------------------------------------------------------------ matching


def _match_entities(doc: Gold, built: _Built, nodes: set, score: Score) -> dict:
    assigned: dict = {}
    for t in ENTITY_TYPES:
        gold = [e for e in doc.entities if e["type"] == t]
        pred = sorted((n for n in nodes if t in built.types[n]), key=lambda n: min(built.labels[n], default=""))
        used: set = set()
        c = score.entities[t]
        for n in pred:
            hit = None
            for e in gold:
                if e["name"] in used:
                    continue
                if any(doc.matches(lab, e) for lab in built.labels[n]):
                    hit = e
                    if norm(e["name"]) in built.labels[n]:
                        break
            if hit is None:
                c.fp += 1
                score.errors.append((doc.id, "spurious", t, min(built.labels[n], default="")))
            else:
                used.add(hit["name"])
                assigned[n] = hit["name"]
                c.tp += 1
        for e in gold:
            if e["name"] not in used:
                c.fn += 1
                score.errors.append((doc.id, "missed", t, e["name"]))
    return assigned


def _score_closure(rel: str, doc: Gold, built: _Built, nodes: set, assigned: dict, score: Score) -> None:
    up = defaultdict(set)
    for r in doc.relations:
        if r["p"] == rel:
            up[r["s"]].add(r["o"])
    gold = set()
    for a in list(up):
        seen, stack = set(), list(up[a])
        while stack:
            b = stack.pop()
            if b not in seen:
                seen.add(b)
                stack.extend(up.get(b, ()))
        gold |= {(a, b) for b in seen}
    pred = {(assigned.get(a), assigned.get(b)) for a, b in built.closure(nodes, rel)}
    pred = {(a, b) for a, b in pred if a and b and a != b}
    c = Counts(len(pred & gold), len(pred - gold), len(gold - pred))
    score.relations[rel].add(c)
    score.errors += [(doc.id, "spurious", rel, f"{a} -> {b}") for a, b in sorted(pred - gold)]
    score.errors += [(doc.id, "missed", rel, f"{a} -> {b}") for a, b in sorted(gold - pred)]


def _lenient(probe: Gold, pred_name: str | None, gold_name: str) -> bool:
    if pred_name is None:
        return False
    if pred_name == gold_name:
        return True
    a, b = norm(pred_name), norm(gold_name)
    ea, eb = probe.by_name.get(pred_name), probe.by_name.get(gold_name)
    kinds = {ea["type"] if ea else None, eb["type"] if eb else None}
    if "Organization" in kinds and kinds & set(PLACE_TYPES):
        return a.startswith(b) or b.startswith(a)
    return False


def _score_edges(rel: str, docs: list[Gold], built: _Built, names: dict, score: Score) -> None:
    by_name: dict = {}
    gold = []
    for d in docs:
        by_name.update(d.by_name)
        gold += [(r["s"], r["o"]) for r in d.relations if r["p"] == rel]
    gold = sorted(set(gold))
    probe = Gold({"doc": "", "entities": list(by_name.values()), "relations": []})
    pred = {
        (names.get(a, "?" + min(built.labels[a], default="")), names.get(b, "?" + min(built.labels[b], default="")))
        for a, b in built.edges[rel]
    }
    used: set = set()
    c = score.relations[rel]
    for ps, po in sorted(pred):
        hit = None
        for i, (gs, go) in enumerate(gold):
            if i not in used and (ps == gs or _lenient(probe, ps, gs)) and (po == go or _lenient(probe, po, go)):
                hit = i
                break
        if hit is None:
            c.fp += 1
            score.errors.append(("", "spurious", rel, f"{ps} -> {po}"))
        else:
            used.add(hit)
            c.tp += 1
    for i, (gs, go) in enumerate(gold):
        if i not in used:
            c.fn += 1
            score.errors.append(("", "missed", rel, f"{gs} -> {go}"))


def evaluate(graph: str | Path, gold: str | Path) -> Score:
    """Score the RDF graph file ``graph`` against the gold folder ``gold``."""
    built = _Built(Path(graph))
    docs = read_gold(gold)
    score = Score()
    names: dict = {}
    for doc in docs:
        nodes = built.mentions.get(doc.id, set())
        assigned = _match_entities(doc, built, nodes, score)
        for n, name in assigned.items():
            names.setdefault(n, name)
        for rel in CLOSURE_RELATIONS:
            _score_closure(rel, doc, built, nodes, assigned, score)
    for rel in PAIR_RELATIONS:
        _score_edges(rel, docs, built, names, score)
    return score


def format_table(score: Score) -> str:
    """The score as the referee prints it: one row per type, then the totals."""
    lines = [f"{'':14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(name: str, c: Counts) -> str:
        return f"{name:14}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6}{c.fp:6}{c.fn:6}"

    for t, c in score.entities.items():
        if c.tp + c.fp + c.fn:
            lines.append(row(t, c))
    e = score.total("entities")
    lines.append(row("ENTITIES", e))
    for r, c in score.relations.items():
        lines.append(row(r, c))
    rl = score.total("relations")
    lines.append(row("RELATIONS", rl))
    lines.append(f"score: entities F1 {e.f1:.3f}, relations F1 {rl.f1:.3f}, overall {(e.f1 + rl.f1) / 2:.3f}")
    return "\n".join(lines) + "\n"


def format_errors(score: Score) -> str:
    """Misses and spurious items, per document, then leads and implements over the graph."""
    out = []
    current = None
    for doc, kind, type_, item in score.errors:
        head = f"## {doc}" if doc else f"## {' and '.join(PAIR_RELATIONS)} over the whole graph"
        if head != current:
            out.append(("\n" if out else "") + head)
            current = head
        out.append(f"  {kind:9} {type_:12} {item}")
    return "\n".join(out) + "\n"
