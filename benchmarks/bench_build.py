"""How fast and how big a build is: 1×, 10× and 100× the seeds, and a cold one-file build.

    .venv/bin/python benchmarks/bench_build.py [--scales 1 10 100] [--jobs N] [--no-sentence-cache]

For each scale it writes a corpus of that many copies of ``seeds/`` (each copy's files
renamed, so every document is distinct), builds it with ``kg.pipeline.build`` in a fresh
process (``--no-cache``, one worker per core unless ``--jobs``) and prints:

* characters, seconds, characters per second;
* peak memory: of the build's whole process tree (the build and its workers), sampled
  every 20 ms, as the proportional set size (pages shared by forked workers counted once);
* time per stage: read and extract (summed over workers: CPU seconds), the parallel phase
  (wall clock), resolve, graph, export;
* the same build with the rules alone (``--rules-only``) run just before, and the ratio of
  the two (the cost of the learned decisions and of the LAC tagger);
* the ratio of the build's wall time to ``jieba.lcut`` over the same text (each file's
  text, one call per file, measured in this run, in one process).

Then the 100×/10× time ratio (linear cost is 10) and a cold one-file build: ``kg build`` on
one seed page in a new process, wall clock from start to exit, with the gazetteer's cache
warm (and once with it cold, when it must be built).

``--no-sentence-cache`` empties the extractors' per-process cache of jieba's segmentation
(``kg.extract.spans.tokens``) before each document: copies of the seeds repeat every
sentence, so with the cache kept across documents the 10× and 100× corpora cost less per
character than new text would.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_CHILD = r"""
import json, sys, time
args = json.loads(sys.argv[1])
if args["no_sentence_cache"]:  # each document starts with an empty cache, as new text would
    import kg.extract.document as document
    import kg.extract.spans as spans
    _extract = document.extract
    import kg.learn.tagger as tagger
    def extract(doc, gaz):
        spans.tokens.cache_clear()
        tagger._MEMO.clear()
        return _extract(doc, gaz)
    document.extract = extract
from kg.pipeline import build
t = time.perf_counter()
r = build([args["src"]], args["out"], jobs=args["jobs"], cache=False, rules_only=args["rules_only"])
wall = time.perf_counter() - t
rep = r.report
print(json.dumps({"wall": wall, "chars": rep.chars, "files": len(rep.files_read), "failed": len(rep.failures),
                  "workers": rep.workers, "stages": rep.stages, "nodes": r.graph.number_of_nodes(),
                  "edges": r.graph.number_of_edges()}))
"""


def _tree_rss(pid: int) -> int:
    """Memory of ``pid`` and all its descendants (Linux /proc): the proportional set size,
    so pages that forked workers share with the build are counted once, not per process."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run ``cmd``; return the result, wall seconds and peak RSS of its process tree."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.02)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    done.set()
    th.join()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), wall, peak[0]


#: the real development corpus (72 excerpts of news and government pages), beside the repository
REAL = ROOT.parent / "shared" / "real" / "texts"


def make_corpus(dest: Path, copies: int, base: Path = SEEDS) -> Path:
    src = dest / f"x{copies}"
    src.mkdir(parents=True)
    for k in range(copies):
        for p in sorted(base.glob("*.txt")):
            shutil.copyfile(p, src / f"{p.stem}-{k:03d}.txt")
    return src


def lcut_seconds(src: Path) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    ap.add_argument("--no-sentence-cache", action="store_true")
    ap.add_argument("--real", action="store_true", help="copies of ../shared/real/texts instead of the seeds")
    args = ap.parse_args()
    pages = REAL if args.real else SEEDS
    if not pages.is_dir():
        sys.exit(f"{pages}: not here (the real corpus lives in ../shared/real beside the repository)")
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    results = {}
    try:
        for scale in args.scales:
            src = make_corpus(tmp, scale, pages)
            runs = {}
            for rules_only in (True, False):  # the rules alone first: the baseline of the same run
                child = json.dumps({"src": str(src), "out": str(tmp / f"out{scale}"), "jobs": args.jobs,
                                    "no_sentence_cache": args.no_sentence_cache, "rules_only": rules_only})
                run, wall, peak = run_measured([sys.executable, "-c", _CHILD, child])
                if run.returncode != 0:
                    sys.exit(f"build of {scale}x failed:\n{run.stderr}")
                runs[rules_only] = (json.loads(run.stdout.strip().splitlines()[-1]), peak)
            base, base_peak = runs[True]
            r = runs[False][0]
            lc = lcut_seconds(src)
            results[scale] = r
            s = r["stages"]
            print(f"\n{scale}x: {r['files']} files, {r['chars']:,} characters, {r['workers']} workers; "
                  f"graph {r['nodes']:,} nodes, {r['edges']:,} edges")
            print(f"  build {r['wall']:.1f} s ({wall:.1f} s with interpreter start), {r['chars'] / r['wall']:,.0f} chars/s, "
                  f"peak memory {peak / 2**20:,.0f} MiB (PSS of the build and its workers)")
            print(f"  stages: read {s['read']:.1f} s, extract {s['extract']:.1f} s (summed over workers), "
                  f"parallel phase {s['parallel']:.1f} s, resolve {s['resolve']:.1f} s, graph {s['graph']:.1f} s, "
                  f"export {s['export']:.1f} s (Turtle {s.get('turtle', 0):.1f} s, HTML {s.get('html', 0):.1f} s)")
            print(f"  jieba.lcut over the same text: {lc:.1f} s ({r['chars'] / lc:,.0f} chars/s); "
                  f"build / lcut = {r['wall'] / lc:.1f}")
            print(f"  rules alone (--rules-only): build {base['wall']:.1f} s, extract {base['stages']['extract']:.1f} s, "
                  f"peak {base_peak / 2**20:,.0f} MiB; with the learned decisions / rules alone: "
                  f"build {r['wall'] / base['wall']:.2f}x, extract {s['extract'] / base['stages']['extract']:.2f}x")
        if 10 in results and 100 in results:
            print(f"\n100x / 10x build time: {results[100]['wall'] / results[10]['wall']:.1f} (linear: 10)")
        one = str(sorted(SEEDS.glob("*.txt"))[1])
        kg = [sys.executable, "-m", "kg.cli", "build", one, "-o", str(tmp / "one"), "-q", "--no-cache"]
        cold_cache = {**os.environ, "KG_CACHE_DIR": str(tmp / "gazetteer-cache")}
        _, first, _ = run_measured(kg, env=cold_cache)
        times = [run_measured(kg)[1] for _ in range(3)]
        print(f"\ncold one-file build (new process, start to exit): {min(times):.2f} s "
              f"(best of 3; {first:.2f} s when the gazetteer's cache must be built first)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
