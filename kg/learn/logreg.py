"""Binary logistic regression over named (string) features, trained deterministically.

A candidate is described by the names of the features it has (``"rule:post"``,
``"R2:机制"``); the model is a weight per name and a bias, so it is stored as plain JSON
and read back without code.  Training is full-batch gradient descent with Adam on the
L2-regularised log loss, in a fixed number of steps over arrays in a fixed order: the same
examples give the same weights, to the bit.  No pickle, no random state.

>>> m = fit([["a"], ["a"], ["a"], ["b"], ["b"], ["b"], ["a", "b"]], [1, 1, 1, 0, 0, 0, 1], min_count=1)
>>> m.prob(["a"]) > 0.5 > m.prob(["b"])
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np


@dataclass
class LogReg:
    """Weights by feature name, a bias, and the threshold above which a candidate is taken."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    #: a reading the rules proposed is kept from this probability on (None: ``threshold``)
    keep: float | None = None

    @property
    def keep_threshold(self) -> float:
        return self.threshold if self.keep is None else self.keep

    def score(self, feats: Sequence[str]) -> float:
        w = self.weights
        # each feature once, in the order the candidate lists them: a set's order changes with
        # the process's hash seed, and a float sum with its order (a probability at a
        # threshold must not depend on the process)
        return self.bias + sum(map(w.get, dict.fromkeys(feats), repeat(0.0)))

    def prob(self, feats: Sequence[str]) -> float:
        z = self.score(feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def summary(self) -> str:
        return f"{len(self.weights)} features"

    def as_dict(self) -> dict:
        out = {
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 4),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4},
        }
        if self.keep is not None:
            out["keep"] = round(self.keep, 4)
        return out

    @classmethod
    def from_dict(cls, d: dict) -> LogReg:
        keep = d.get("keep")
        return cls({str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]), float(d["threshold"]),
                   None if keep is None else float(keep))


def design(X: Sequence[Sequence[str]], min_count: int):
    """The named features of ``X`` as a sparse 0/1 matrix: (the features seen in at least
    ``min_count`` examples, sorted; the row and the column of every 1)."""
    counts = Counter(f for x in X for f in set(x))
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, x in enumerate(X):
        for f in sorted(set(x)):
            i = index.get(f)
            if i is not None:
                rows.append(r)
                cols.append(i)
    return vocab, np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)


def fit(X: Sequence[Sequence[str]], y: Sequence[int], *, l2: float = 1.0, min_count: int = 2,
        steps: int = 600, rate: float = 0.05, weights: Sequence[float] | None = None) -> LogReg:
    """Weights minimising the mean log loss plus ``l2 / n`` times the squared weights.

    Features seen in fewer than ``min_count`` examples get no weight (they would only
    remember single examples).  ``weights`` weighs each example's loss (a corpus that
    counts less); ``n`` is then their sum.
    """
    vocab, R, C = design(X, min_count)
    n, d = len(X), len(vocab)
    if n == 0:
        return LogReg()
    t = np.asarray(y, dtype=np.float64)
    sw = None if weights is None or all(x == 1.0 for x in weights) else np.asarray(weights, dtype=np.float64)
    total = n if sw is None else float(sw.sum())
    w, b = np.zeros(d), 0.0
    mw, vw, mb, vb = np.zeros(d), np.zeros(d), 0.0, 0.0
    b1, b2, eps = 0.9, 0.999, 1e-8
    for k in range(1, steps + 1):
        z = np.bincount(R, weights=w[C], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        r = (p - t) / total if sw is None else (p - t) * sw / total
        gw = np.bincount(C, weights=r[R], minlength=d) + (l2 / total) * 2 * w
        gb = float(r.sum())
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1**k, 1 - b2**k
        w -= rate * (mw / c1) / (np.sqrt(vw / c2) + eps)
        b -= rate * (mb / c1) / (math.sqrt(vb / c2) + eps)
    return LogReg({f: float(w[i]) for i, f in enumerate(vocab)}, float(b))
