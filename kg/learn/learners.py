"""The learners a decision can be trained with, by the name the model file gives them.

Each fits named-feature examples (``fit(X, y) -> model``) into a model with ``prob(feats)``,
``threshold``, ``keep`` and a plain-JSON ``as_dict`` that :func:`from_dict` reads back.
"""

from __future__ import annotations

from . import gbdt, logreg

#: name → fit (``kg train --learner NAME``, ``kg eval --cv K --learner NAME``)
LEARNERS = {"logreg": logreg.fit, gbdt.NAME: gbdt.fit}

Decider = logreg.LogReg | gbdt.Trees


def from_dict(d: dict) -> Decider:
    """A decision's model as the model file holds it (no ``learner``: a logistic regression)."""
    name = d.get("learner", "logreg")
    if name == gbdt.NAME:
        return gbdt.Trees.from_dict(d)
    if name == "logreg":
        return logreg.LogReg.from_dict(d)
    raise ValueError(f"unknown learner {name!r}")
