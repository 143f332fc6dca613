"""Which learner decides best: logistic regression against boosted trees, under the grouped
cross-validation of ``kg eval --cv`` (the README's learner paragraph quotes this run).

    .venv/bin/python benchmarks/compare_learners.py [--splits 3] [TEXTS GOLD ...]

The corpora default to the seeds and ``../shared/real``.  Each documents' candidates are drawn
once; then, per setting, 5-fold cross-validation trains every decision on four folds and
scores the fifth, and one line is printed: the overall F1 on each corpus, the F1 of each
learned decision (Organization, Person, Mechanism, implements), the expected calibration error,
and per decision the held-out candidates' log loss and ROC AUC (threshold-free: how well the
probabilities rank and fit, whatever threshold the decision uses).

Settings: logistic regression; boosted trees (``kg/learn/gbdt.py``) with a few sizes; boosted
trees for one decision at a time, logistic regression for the rest; LightGBM with the same
kinds of settings when it is installed (not a dependency: a check that our trees are not the
weak part).  ``--splits N`` repeats the first settings on N other assignments of documents to
folds, to show how much the figures move with the split alone.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import math
import sys
import time
from collections import Counter
from pathlib import Path

from kg.errors import UsageError
from kg.learn import gbdt, logreg
from kg.learn.decide import DECISIONS
from kg.learn.train import corpus_pairs, cross_validate, examples, folds, load_all

DEFAULT = ["seeds", "../shared/gold/seeds", "../shared/real/texts", "../shared/real/gold"]


def auc(pairs: list[tuple[float, int]]) -> float:
    """ROC AUC: the chance that a true candidate outscores a false one (ties count half)."""
    ranked = sorted(pairs, key=lambda t: t[0])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        rank_sum += (i + j + 1) / 2 * sum(y for _, y in ranked[i:j])
        i = j
    pos = sum(y for _, y in ranked)
    neg = len(ranked) - pos
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg) if pos and neg else float("nan")


def log_loss(pairs: list[tuple[float, int]]) -> float:
    eps = 1e-6
    return -sum(math.log(min(max(p if y else 1 - p, eps), 1.0)) for p, y in pairs) / max(1, len(pairs))


def lightgbm_fit(X, y, *, trees=200, leaves=8, rate=0.05, min_leaf=5, l2=1.0, min_count=2):
    """LightGBM on the same named features (one column each), read back as our JSON trees."""
    import lightgbm as lgb
    import numpy as np
    import scipy.sparse as sp

    counts = Counter(f for x in X for f in set(x))
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    cells = [(r, index[f]) for r, x in enumerate(X) for f in sorted(set(x)) if f in index]
    rows, cols = zip(*cells, strict=True) if cells else ((), ())
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(X), len(vocab)))
    params = {"objective": "binary", "learning_rate": rate, "num_leaves": leaves, "min_data_in_leaf": min_leaf,
              "lambda_l2": l2, "deterministic": True, "num_threads": 1, "verbose": -1, "seed": 0,
              "min_sum_hessian_in_leaf": 1e-3, "max_bin": 2, "min_data_in_bin": 1, "force_col_wise": True}
    booster = lgb.train(params, lgb.Dataset(m, label=np.asarray(y, float), params={"max_bin": 2, "verbose": -1}),
                        num_boost_round=trees)

    def tree(node):  # a 0/1 column: "value <= threshold" (0 < threshold < 1) is "absent"
        if "leaf_value" in node:
            return float(node["leaf_value"])
        return [vocab[node["split_feature"]], tree(node["right_child"]), tree(node["left_child"])]

    return gbdt.Trees(0.0, [tree(t["tree_structure"]) for t in booster.dump_model()["tree_info"]])


IMPLEMENTS_ONLY = "gbdt 200 depth 3 rate .05 leaf>=10 for implements only"
#: the settings repeated on other splits: the two learners as shipped, and the best mix
REPEAT = {"logistic regression (shipped)", "gbdt 300 trees depth 2 rate .1 leaf>=5 (--learner gbdt)", IMPLEMENTS_ONLY}


def every(fit):
    return dict.fromkeys(DECISIONS, fit)


def only(kind, fit):
    return {k: fit if k == kind else logreg.fit for k in DECISIONS}


def settings() -> list[tuple[str, dict]]:
    G = functools.partial(functools.partial, gbdt.fit)
    out = [
        ("logistic regression (shipped)", every(logreg.fit)),
        ("gbdt 300 trees depth 2 rate .1 leaf>=5 (--learner gbdt)", every(G())),
        ("gbdt 100 trees depth 3 rate .1 leaf>=5", every(G(trees=100, depth=3))),
        ("gbdt 200 trees depth 3 rate .05 leaf>=10", every(G(trees=200, depth=3, rate=0.05, min_leaf=10))),
        ("gbdt 1000 stumps rate .2 leaf>=2", every(G(trees=1000, depth=1, rate=0.2, min_leaf=2))),
        ("gbdt 300 trees depth 4 rate .1 leaf>=2", every(G(trees=300, depth=4, min_leaf=2))),
    ]
    out += [(f"gbdt for {kind} only", only(kind, G())) for kind in DECISIONS]
    out.append((IMPLEMENTS_ONLY, only("implements", G(trees=200, depth=3, rate=0.05, min_leaf=10))))
    try:
        import lightgbm  # noqa: F401
    except ImportError:
        print("(LightGBM not installed: its settings are left out)")
    else:
        L = functools.partial(functools.partial, lightgbm_fit)
        out += [
            ("lightgbm 200 trees 8 leaves rate .05 leaf>=5", every(L())),
            ("lightgbm 400 trees 4 leaves rate .05 leaf>=3", every(L(trees=400, leaves=4, min_leaf=3))),
            ("lightgbm 100 trees 15 leaves rate .1 leaf>=10", every(L(trees=100, leaves=15, rate=0.1, min_leaf=10))),
        ]
    return out


def line(label: str, docs, fits, fold, each) -> str:
    t0 = time.perf_counter()
    r = cross_validate(docs, 5, fits=fits, fold=fold, each=each)
    out = [f"{label:<58}"]
    for corpus, score in r.learned.items():
        d = score.as_dict()
        f1 = [d["entities"][k]["f1"] if k in d["entities"] else d["relations"][k]["f1"] for k in DECISIONS]
        out.append(f"{Path(corpus).parent.name or corpus:>6} {d['overall']:.3f} (" + " ".join(f"{v:.3f}" for v in f1) + ")")
    out.append(f"ECE {r.ece:.3f}")
    out.append("loss/AUC " + " ".join(f"{log_loss(r.held[k]):.3f}/{auc(r.held[k]):.3f}" for k in DECISIONS))
    out.append(f"{time.perf_counter() - t0:.0f}s")
    return "  ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="*", default=DEFAULT, help="TEXTS GOLD pairs (default: seeds and ../shared/real)")
    ap.add_argument("--splits", type=int, default=3, help="other assignments of documents to folds")
    args = ap.parse_args()
    try:
        pairs = corpus_pairs(args.corpora)
    except UsageError as e:  # a missing folder: one line, as the CLI says it
        sys.exit(f"{e} (the real corpus lives in ../shared/real beside the repository)")
    docs = load_all(pairs)
    each = [examples([a]) for a in docs]
    print(f"{len(docs)} documents; per corpus: overall F1 (Organization Person Mechanism implements F1); "
          f"held-out log loss/AUC per decision in the same order")
    todo = settings()
    for label, fits in todo:
        print(line(label, docs, fits, folds(docs, 5), each), flush=True)
    for n in range(args.splits):
        salt = "abcdefghij"[n]
        order = sorted(range(len(docs)), key=lambda i: hashlib.sha1((salt + docs[i].gold.id).encode()).hexdigest())
        fold = [0] * len(docs)
        for j, i in enumerate(order):
            fold[i] = j % 5
        print(f"-- another split of the documents into folds ({salt})")
        for label, fits in todo:
            if label in REPEAT:
                print(line(label, docs, fits, fold, each), flush=True)


if __name__ == "__main__":
    main()
