"""Garbage collection tuned for a build.

A build allocates millions of small objects that live until it ends (mentions, spans,
tokens) and few cycles.  CPython's default thresholds (700, 10, 10) collect the youngest
generation every 700 net allocations and, with a large heap, scan everything again and
again: a sixth of a large file's build went to the collector.  Collecting the youngest
generation every 50,000 allocations keeps the same peak memory here and builds a 8 MiB
file about 12% faster (``benchmarks/bench_scale.py``); nothing in a build depends on when
the collector runs, so the outputs are the same bytes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: (youngest, middle, oldest): see :func:`gc.set_threshold`
THRESHOLDS = (50_000, 20, 20)


def tune_process() -> None:
    """For a process that only builds (an extraction worker)."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def settled() -> Iterator[None]:
    """The objects made so far out of the collector's sight for the block (:func:`gc.freeze`),
    back in its oldest generation after it.

    After extraction a build holds millions of objects that live until it ends (the
    extractions, then the graph); resolving and writing make millions more, short-lived,
    and each collection of the middle generation would walk the long-lived ones again:
    about a tenth of writing 100 copies of the seeds.  Objects freed by their count go as
    before; only a cycle among the frozen ones waits for the block's end."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def tuned() -> Iterator[None]:
    """The build's thresholds for the block, the caller's again after it."""
    old = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)
