"""Training the decisions from annotated corpora, and scoring them honestly.

:func:`train` turns every candidate of every annotated document into a labelled example
and fits one model per decision (a logistic regression; boosted trees with ``--learner gbdt``).  :func:`cross_validate` splits the
documents into K groups (a document is never scored by a model trained on it), builds the
held-out graphs with the rules alone and with the learned decisions, and scores both with
the referee's matching; it also measures how well the probabilities are calibrated.
"""

from __future__ import annotations

import copy
import math
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import gazetteer
from ..evaluate import Score, evaluate
from .candidates import (
    PERSON_CUE,
    DocView,
    mechanism_candidates,
    org_candidates,
    pair_candidates,
    person_candidates,
)
from .corpus import Annotated
from .decide import Model, decide
from .labels import entity_label, group_labels, pair_label
from .learners import LEARNERS, Decider
from .tagger import tag_sentences

#: thresholds the shipped model uses (chosen by cross-validation over seeds + real)
THRESHOLDS = {"Organization": 0.5, "Person": 0.4, "Mechanism": 0.3, "implements": 0.3}
#: below the threshold, a reading the rules proposed is still kept from this probability on
KEEP = {"Organization": 0.3}
JOINT_THRESHOLD = 0.6
#: the learner of each decision (chosen by cross-validation over seeds + real, README)
LEARNER = {"Organization": "logreg", "Person": "logreg", "Mechanism": "logreg", "implements": "logreg"}


@dataclass
class Examples:
    feats: dict[str, list[list[str]]] = field(default_factory=dict)
    labels: dict[str, list[int]] = field(default_factory=dict)
    #: how much each example counts (its corpus's weight, :func:`corpus_weights`)
    weights: dict[str, list[float]] = field(default_factory=dict)

    def add(self, kind: str, feats: list[str], label: int, weight: float = 1.0) -> None:
        self.feats.setdefault(kind, []).append(feats)
        self.labels.setdefault(kind, []).append(label)
        self.weights.setdefault(kind, []).append(weight)

    def extend(self, other: Examples) -> None:
        for kind, feats in other.feats.items():
            self.feats.setdefault(kind, []).extend(feats)
            self.labels.setdefault(kind, []).extend(other.labels[kind])
            self.weights.setdefault(kind, []).extend(other.weights[kind])


def examples(docs: Sequence[Annotated], weights: Mapping[str, float] | None = None) -> Examples:
    """Every candidate of every document, labelled by the document's gold and weighted by
    its corpus's weight (``weights``: corpus → weight; 1 for a corpus it does not name)."""
    ex = Examples()
    for a in docs:
        w = (weights or {}).get(a.corpus, 1.0)
        view = DocView(a.x)
        words = tag_sentences(a.x.doc.sentences, PERSON_CUE.search)
        for group in org_candidates(view, words):
            for c in group:
                ex.add("Organization", c.feats, entity_label(a.gold, c), w)
        for group in person_candidates(view, words):
            for c in group:
                ex.add("Person", c.feats, entity_label(a.gold, c), w)
        rule_pairs = {(r.subject, r.object): r.evidence.extractor for r in a.x.relations if r.predicate == "implements"}
        true_mechs = []
        for group in mechanism_candidates(view):
            for c, y in zip(group, group_labels(a.gold, group), strict=True):
                ex.add("Mechanism", c.feats, y, w)
                if y and c.mention is not None:
                    true_mechs.append((c.sent, c.start, c.end, c.mention))
        for p in pair_candidates(view, true_mechs, rule_pairs):
            ex.add("implements", p.feats, pair_label(a.gold, p), w)
    return ex


def learners(learner: str | None = None) -> dict[str, str]:
    """The learner of each decision: ``learner`` for all of them, or the chosen ones."""
    from ..errors import UsageError

    if learner is None:
        return dict(LEARNER)
    if learner not in LEARNERS:
        raise UsageError(f"unknown learner {learner!r}: one of {', '.join(sorted(LEARNERS))}")
    return dict.fromkeys(LEARNER, learner)


#: a learner's fit: named-feature examples and their labels (and, as ``weights=``, how much
#: each counts, where not all count the same) → a model with ``prob``
Fit = Callable[..., Decider]


def train(docs: Sequence[Annotated], meta: dict | None = None, learner: str | None = None,
          ex: Examples | None = None, fits: Mapping[str, Fit] | None = None,
          weights: Mapping[str, float] | None = None) -> Model:
    """One model per decision (logistic regression or boosted trees, :data:`LEARNER`; or
    ``fits``, decision → fit), fitted on every candidate of ``docs`` (or on the examples
    ``ex`` already drawn from them), each weighted by its corpus's weight (``weights``)."""
    ex = examples(docs, weights) if ex is None else ex
    model = Model(joint_threshold=JOINT_THRESHOLD, meta=dict(meta or {}))
    if fits is None:
        fits = {kind: LEARNERS[name] for kind, name in learners(learner).items()}
    for kind, fit in fits.items():
        w = ex.weights.get(kind, [])
        if all(x == 1.0 for x in w):
            m = fit(ex.feats.get(kind, []), ex.labels.get(kind, []))
        else:
            m = fit(ex.feats.get(kind, []), ex.labels.get(kind, []), weights=w)
        m.threshold = THRESHOLDS[kind]
        m.keep = KEEP.get(kind)
        model.decisions[kind] = m
    return model


def folds(docs: Sequence[Annotated], k: int) -> list[int]:
    """Each document's fold: round robin over the documents sorted by corpus and id."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i].corpus, docs[i].gold.id))
    out = [0] * len(docs)
    for n, i in enumerate(order):
        out[i] = n % k
    return out


@dataclass
class CVResult:
    rules: dict[str, Score]  # corpus → score of the rules alone
    learned: dict[str, Score]  # corpus → score with the learned decisions
    calibration: list[tuple[float, float, int]]  # per bin: mean probability, share true, count
    ece: float
    held: dict[str, list[tuple[float, int]]] = field(default_factory=dict)  # decision → (probability, label)


def _score(extractions, docs: Sequence[Annotated], corpus: str) -> Score:
    from ..export.rdf import write_turtle
    from ..graph import build_graph
    from ..resolve import resolve

    gaz = gazetteer.load()
    ids = {a.gold.id for a in docs if a.corpus == corpus}
    xs = sorted((x for x in extractions if x.doc.id in ids), key=lambda x: x.doc.id)
    entities, relations = resolve(xs, gaz)
    g = build_graph(entities, relations, [x.doc for x in xs])
    with tempfile.TemporaryDirectory() as tmp:
        ttl = Path(tmp) / "graph.ttl"
        write_turtle(g, ttl)
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        import json

        for a in docs:
            if a.corpus == corpus:
                (gold_dir / f"{a.gold.id}.json").write_text(
                    json.dumps({"doc": a.gold.id, "entities": a.gold.entities, "relations": a.gold.relations},
                               ensure_ascii=False), encoding="utf-8")
        return evaluate(ttl, gold_dir)


def calibration(pairs: list[tuple[float, int]], bins: int = 10) -> tuple[list[tuple[float, float, int]], float]:
    """Reliability table (mean probability, share true, count per bin) and the expected
    calibration error."""
    table = []
    ece = 0.0
    n = len(pairs) or 1
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inb = [(p, y) for p, y in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not inb:
            continue
        mp = sum(p for p, _ in inb) / len(inb)
        acc = sum(y for _, y in inb) / len(inb)
        table.append((mp, acc, len(inb)))
        ece += len(inb) / n * abs(mp - acc)
    return table, ece


def cross_validate(docs: Sequence[Annotated], k: int = 5, learner: str | None = None, *,
                   fits: Mapping[str, Fit] | None = None, fold: Sequence[int] | None = None,
                   each: Sequence[Examples] | None = None, weights: Mapping[str, float] | None = None) -> CVResult:
    """Grouped K-fold cross-validation (``fold``: each document's fold, default :func:`folds`;
    ``each``: each document's examples, if already drawn; ``weights``: corpus → weight in
    training, as :func:`train` takes them)."""
    fold = folds(docs, k) if fold is None else fold
    if each is None:
        each = [examples([a], weights) for a in docs]  # drawn once: a fold's examples are its documents'
    learned = []
    probs: list[tuple[float, int]] = []
    held_by: dict[str, list[tuple[float, int]]] = {}
    for f in range(k):
        train_docs = [a for a, g in zip(docs, fold, strict=True) if g != f]
        test_docs = [a for a, g in zip(docs, fold, strict=True) if g == f]
        if not test_docs:
            continue
        ex, held = Examples(), Examples()
        for e, g in zip(each, fold, strict=True):
            (ex if g != f else held).extend(e)
        model = train(train_docs, learner=learner, ex=ex, fits=fits)
        for kind, m in model.decisions.items():
            pairs = [(m.prob(x), y) for x, y in zip(held.feats.get(kind, []), held.labels.get(kind, []), strict=True)]
            held_by.setdefault(kind, []).extend(pairs)
            probs += pairs
        for a in test_docs:
            learned.append(decide(copy.deepcopy(a.x), model))
    corpora = sorted({a.corpus for a in docs})
    rules = [copy.deepcopy(a.x) for a in docs]
    table, ece = calibration(probs)
    return CVResult(
        {c: _score(rules, docs, c) for c in corpora},
        {c: _score(learned, docs, c) for c in corpora},
        table, ece, held_by,
    )


def corpus_pairs(paths: Sequence[str | Path]) -> list[tuple[Path, Path]]:
    """``TEXTS GOLD TEXTS GOLD …`` as pairs of folders, checked."""
    from ..errors import UsageError

    if not paths or len(paths) % 2:
        raise UsageError("give corpora as pairs of folders: TEXTS_DIR GOLD_DIR [TEXTS_DIR GOLD_DIR ...]")
    pairs = [(Path(paths[i]), Path(paths[i + 1])) for i in range(0, len(paths), 2)]
    for texts, gold in pairs:
        for d in (texts, gold):
            if not d.is_dir():
                raise UsageError(f"{d}: not a folder")
    return pairs


def load_all(pairs: Sequence[tuple[Path, Path]]) -> list[Annotated]:
    from .corpus import load_corpus

    return [a for texts, gold in pairs for a in load_corpus(texts, gold)]


def corpus_weights(specs: Sequence[str], pairs: Sequence[tuple[Path, Path]]) -> dict[str, float]:
    """``TEXTS_DIR=W`` (``--weight``) as corpus → weight, each naming one of the corpora
    given and a positive weight (how much its examples count against the others' 1)."""
    from ..errors import UsageError

    out: dict[str, float] = {}
    for spec in specs:
        folder, sep, value = spec.rpartition("=")
        try:
            w = float(value)
        except ValueError:
            w = math.nan
        if not sep or not folder:
            raise UsageError(f"--weight {spec}: expected TEXTS_DIR=WEIGHT")
        if not (0 < w < math.inf):
            raise UsageError(f"--weight {spec}: the weight must be a positive number")
        corpus = next((t.as_posix() for t, _ in pairs if t == Path(folder)), None)
        if corpus is None:
            raise UsageError(f"--weight {spec}: {folder} is not one of the TEXTS_DIR given")
        out[corpus] = w
    return out


def train_to_file(pairs: Sequence[tuple[Path, Path]], out: str | Path, learner: str | None = None,
                  weights: Mapping[str, float] | None = None) -> Model:
    """Train on the corpora (each weighted by ``weights``, corpus → weight; 1 where it is not
    given) and write the model (JSON) to ``out``."""
    docs = load_all(pairs)
    weights = weights or {}
    trained_on = []
    for t, g in pairs:
        corpus = {"texts": t.as_posix(), "gold": g.as_posix(), "documents": sum(1 for a in docs if a.corpus == t.as_posix())}
        if weights.get(t.as_posix(), 1.0) != 1.0:
            corpus["weight"] = weights[t.as_posix()]
        trained_on.append(corpus)
    model = train(docs, {"trained_on": trained_on}, learner, weights=weights)
    Path(out).write_text(model.to_json(), encoding="utf-8")
    return model


def format_cv(result: CVResult) -> str:
    """The referee's table for each corpus, rules alone beside the learned decisions, and the
    calibration of the probabilities."""
    from ..evaluate import format_table

    out = []
    for corpus in result.rules:
        left = format_table(result.rules[corpus]).splitlines()
        right = format_table(result.learned[corpus]).splitlines()
        out.append(f"== {corpus}")
        out.append(f"{'rules alone':<56}| learned decisions")
        for a, b in zip(left, right, strict=True):
            if a.startswith("score:"):
                out.append(a)
                out.append(b)
            else:
                out.append(f"{a:<56}| {b[14:]}")
        out.append("")
    out.append(f"calibration (held-out candidates): expected calibration error {result.ece:.3f}")
    out.append(f"{'bin mean p':>12}{'share true':>12}{'count':>8}")
    for mp, acc, n in result.calibration:
        out.append(f"{mp:12.3f}{acc:12.3f}{n:8}")
    return "\n".join(out) + "\n"
