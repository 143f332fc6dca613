"""Seconds per rule family (``kg build --profile``), an earlier commit's against this checkout's.

    .venv/bin/python benchmarks/bench_families.py [--baseline REV] [--runs N] [--copies K] [--median] [--rules-only] [DIR ...]

The baseline's ``kg`` package (``--baseline``, default ``681800e``: before the lean-engine
work) is taken out of git into a temporary folder and run with this checkout's interpreter
and libraries, so the two differ in our code alone.  Each corpus (by default ``--copies``
copies of the seeds, the seeds, and ../shared/real/texts when it is there) is built with
``--no-cache --profile -q --jobs 1`` by both, alternately, ``--runs`` times; the run prints,
best of the runs, each family's own seconds, extraction's, and the process's CPU seconds
(user and system, from ``getrusage``), with the ratio, and whether the two ``graph.ttl``
are byte-identical; with ``--median``, the median of the runs instead of the best;
``--rules-only`` builds with the rules alone.  Copies of one text flatter a per-process memo: read the copies beside
a corpus of distinct texts.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "681800e"

#: runs ``kg`` from the package folder named by KG_SRC, whatever is installed
_RUNNER = """
import os, sys
src = os.environ["KG_SRC"]
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
sys.path.insert(0, src)
import kg
assert kg.__file__.startswith(src), kg.__file__
from kg.cli import main
sys.argv[0] = "kg"
main()
"""
_LINE = re.compile(r"\s+(.+?)\s{2,}([0-9.]+) s")


def profile(src: Path, corpus: Path, out: Path, rules_only: bool = False) -> dict[str, float]:
    """One build's seconds per family and stage, and its CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([sys.executable, "-c", _RUNNER, "build", str(corpus), "-o", str(out), "--no-cache",
                          "--profile", "-q", "--jobs", "1", *(["--rules-only"] if rules_only else [])],
                         env={**os.environ, "KG_SRC": str(src)},
                         capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        raise SystemExit(f"build of {corpus} from {src} failed:\n{run.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    found = {"process CPU": after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime}
    for line in run.stderr.splitlines():
        if m := _LINE.match(line):
            found[m.group(1)] = float(m.group(2))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, help="corpora (default: copies of the seeds, the seeds, ../shared/real/texts)")
    ap.add_argument("--baseline", default=BASELINE)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--rules-only", action="store_true", help="build with the rules alone (no learned decisions)")
    ap.add_argument("--median", action="store_true",
                    help="print the median of the runs, not the best (on a machine others load too)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = tmp / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline, "kg", "ontology"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        corpora = list(args.dirs)
        if not corpora:
            copies = tmp / f"seeds-x{args.copies}"
            copies.mkdir()
            for k in range(args.copies):
                for p in sorted((ROOT / "seeds").glob("*.txt")):
                    shutil.copy(p, copies / f"{p.stem}_{k}.txt")
            corpora = [copies, ROOT / "seeds"]
            real = ROOT.parent / "shared" / "real" / "texts"
            if real.is_dir():
                corpora.append(real)
        pick = statistics.median_low if args.median else min
        for corpus in corpora:
            runs: dict[str, dict[str, list[float]]] = {"base": {}, "this": {}}
            for _ in range(args.runs):
                for label, src in (("base", base), ("this", ROOT)):
                    for k, v in profile(src, corpus, tmp / label, args.rules_only).items():
                        runs[label].setdefault(k, []).append(v)
            best = {label: {k: pick(v) for k, v in found.items()} for label, found in runs.items()}
            same = (tmp / "base" / "graph.ttl").read_bytes() == (tmp / "this" / "graph.ttl").read_bytes()
            print(f"{corpus.name}: {'median' if args.median else 'best'} of {args.runs}, {args.baseline} against this checkout"
                  f" (graph.ttl {'byte-identical' if same else 'DIFFERS'})")
            b, t = best["base"], best["this"]
            for k in sorted(b, key=lambda k: -b[k]):
                if k in t and not k.startswith(("write", "read and extract", "graph", "resolve", "(not")):
                    print(f"  {k:36s} {b[k]:8.3f} s {t[k]:8.3f} s  {b[k] / max(t[k], 1e-9):5.2f}x")


if __name__ == "__main__":
    main()
