"""Where extraction spends its time: seconds per rule family, for ``kg build --profile``.

A finder or a decision step is wrapped with :func:`timed` under the name of its family
(``places``, ``people``, ``segmentation``, ``learned: tagger`` ...).  The time a family
counts is its own: a call it makes into another timed family (the place finder asking for
jieba's words) is counted there, not twice.  Each worker adds to its own :data:`SECONDS`;
:func:`kg.parallel.run_task` hands a document's share back with its outcome, and the
build sums them in its report (:attr:`kg.report.Report.families`).  A build counts only
when it is profiled (:func:`counting`): unprofiled, a timed function only runs.

>>> @timed("example")
... def f(x):
...     return x + 1
>>> before = snapshot()
>>> f(1)
2
>>> "example" in since(before)
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from time import perf_counter
from typing import TypeVar

F = TypeVar("F", bound=Callable)

#: seconds per family in this process, each family's own time only
SECONDS: dict[str, float] = {}
#: per open timed call: the time its timed callees took
_STACK: list[float] = []
#: whether timed functions count their time (:func:`counting`); a build counts only when it
#: is profiled: the count costs about half a microsecond a call, eight calls a sentence
_COUNTING = [True]


@contextmanager
def counting(on: bool) -> Iterator[None]:
    """Timed functions count their time (``on``) or only run, until the block ends; forked
    worker processes started inside the block inherit the setting."""
    was = _COUNTING[0]
    _COUNTING[0] = on
    try:
        yield
    finally:
        _COUNTING[0] = was


def timed(family: str) -> Callable[[F], F]:
    """Count the wrapped function's own time under ``family`` (while :func:`counting`)."""

    def wrap(fn: F) -> F:
        on = _COUNTING

        @functools.wraps(fn)
        def run(*args, **kwargs):
            if not on[0]:
                return fn(*args, **kwargs)
            t = perf_counter()
            _STACK.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                inner = _STACK.pop()
                took = perf_counter() - t
                SECONDS[family] = SECONDS.get(family, 0.0) + took - inner
                if _STACK:
                    _STACK[-1] += took

        return run  # type: ignore[return-value]

    return wrap


def snapshot() -> dict[str, float]:
    return dict(SECONDS)


def since(before: dict[str, float]) -> dict[str, float]:
    """Seconds per family spent since ``before`` (a :func:`snapshot`)."""
    return {k: v - before.get(k, 0.0) for k, v in SECONDS.items() if v - before.get(k, 0.0) > 0}
