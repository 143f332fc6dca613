"""Gradient-boosted decision trees over named (string) features, trained deterministically.

The same candidates as :mod:`kg.learn.logreg` (a candidate is the set of names of the
features it has), the same interface (``prob``, ``threshold``, ``keep``, ``as_dict`` /
``from_dict``).  Every feature is present or absent, so a split asks "has the candidate
feature F?", and a tree is plain JSON: ``["F", yes, no]`` or a leaf's log-odds.  The model
reads back and predicts without numpy, by walking the trees.

Training is second-order boosting of the log loss (Newton steps, as XGBoost and LightGBM
do): each round fits one tree of at most ``depth`` levels to the gradients, its leaves
shrunk by ``rate`` and by the ``l2`` penalty, a split kept only when each side holds at
least ``min_leaf`` candidates.  No sampling, no random state: features are tried in sorted
order and the first of equal gains wins, so the same examples give the same trees, to the bit.

>>> m = fit([["a"], ["a"], ["a"], ["b"], ["b"], ["b"], ["a", "b"]], [1, 1, 1, 0, 0, 0, 1],
...         min_count=1, min_leaf=1, trees=20)
>>> m.prob(["a"]) > 0.5 > m.prob(["b"])
True
>>> Trees.from_dict(m.as_dict()) == m
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .logreg import design

#: the name the model file gives this learner (``"learner": "gbdt"``)
NAME = "gbdt"


@dataclass
class Trees:
    """The prior log-odds, the trees, and the threshold above which a candidate is taken."""

    base: float = 0.0
    trees: list = field(default_factory=list)
    threshold: float = 0.5
    #: a reading the rules proposed is kept from this probability on (None: ``threshold``)
    keep: float | None = None

    @property
    def keep_threshold(self) -> float:
        return self.threshold if self.keep is None else self.keep

    def score(self, feats: Sequence[str]) -> float:
        s = feats if isinstance(feats, (set, frozenset)) else set(feats)
        z = self.base
        for node in self.trees:
            while type(node) is list:
                node = node[1] if node[0] in s else node[2]
            z += node
        return z

    def prob(self, feats: Sequence[str]) -> float:
        z = self.score(feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def summary(self) -> str:
        return f"{len(self.trees)} trees"

    def as_dict(self) -> dict:
        out = {"learner": NAME, "base": self.base, "threshold": round(self.threshold, 4), "trees": self.trees}
        if self.keep is not None:
            out["keep"] = round(self.keep, 4)
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Trees:
        def tree(node):
            if isinstance(node, list):
                if len(node) != 3 or not isinstance(node[0], str):
                    raise ValueError(f"a tree's node is [feature, yes, no], not {node!r}")
                return [node[0], tree(node[1]), tree(node[2])]
            return float(node)

        keep = d.get("keep")
        return cls(float(d["base"]), [tree(t) for t in d["trees"]], float(d["threshold"]),
                   None if keep is None else float(keep))


def fit(X: Sequence[Sequence[str]], y: Sequence[int], *, trees: int = 300, depth: int = 2,
        rate: float = 0.1, l2: float = 1.0, min_leaf: int = 5, min_count: int = 2,
        weights: Sequence[float] | None = None) -> Trees:
    """``trees`` rounds of boosting from the prior log-odds of ``y``.

    Features seen in fewer than ``min_count`` examples are never split on.  ``weights``
    weighs each example's gradient and curvature (a corpus that counts less).
    """
    import numpy as np

    n = len(X)
    if n == 0:
        return Trees()
    vocab, R, C = design(X, min_count)
    d = len(vocab)
    t = np.asarray(y, dtype=np.float64)
    sw = None if weights is None or all(x == 1.0 for x in weights) else np.asarray(weights, dtype=np.float64)
    mean = float(t.mean()) if sw is None else float((t * sw).sum() / sw.sum())
    prior = min(max(mean, 1e-3), 1 - 1e-3)
    base = round(math.log(prior / (1 - prior)), 6)
    F = np.full(n, base)

    def grow(mask, g, h, level):
        G, H, N = float(g[mask].sum()), float(h[mask].sum()), int(mask.sum())
        if level < depth and N >= 2 * min_leaf and d:
            sel = mask[R]
            Rn, Cn = R[sel], C[sel]
            Nf = np.bincount(Cn, minlength=d)
            Gf = np.bincount(Cn, weights=g[Rn], minlength=d)
            Hf = np.bincount(Cn, weights=h[Rn], minlength=d)
            gain = Gf * Gf / (Hf + l2) + (G - Gf) ** 2 / (H - Hf + l2) - G * G / (H + l2)
            gain[(Nf < min_leaf) | (N - Nf < min_leaf)] = -np.inf
            best = int(np.argmax(gain))
            if gain[best] > 1e-9:
                has = np.zeros(n, dtype=bool)
                has[Rn[Cn == best]] = True
                return [vocab[best], grow(mask & has, g, h, level + 1), grow(mask & ~has, g, h, level + 1)]
        value = round(-rate * G / (H + l2), 6)
        F[mask] += value
        return value

    out = []
    every = np.ones(n, dtype=bool)
    for _ in range(trees):
        p = 1.0 / (1.0 + np.exp(-np.clip(F, -30, 30)))
        g, h = p - t, p * (1 - p)
        out.append(grow(every, g, h, 0) if sw is None else grow(every, g * sw, h * sw, 0))
    return Trees(base, out)
