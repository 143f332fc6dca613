"""How fast and how big a build is, against the commit before the native segmenter, in one run.

    .venv/bin/python benchmarks/bench_build.py [--scales 1 10 100] [--jobs N] [--no-sentence-cache]
        [--baseline REV | --baseline none] [--real] [--runs N] [--median]

The baseline (``--baseline``, default ``7147e4b``: main before issue 19) is checked out with
``git archive`` into a temporary folder and installed there in a temporary venv (editable,
no dependencies: the venv sees this checkout's installed packages through a ``.pth`` file,
so both builds run on the same jieba, rdflib and numpy).  Then, for each scale, a corpus of
that many copies of ``seeds/`` (each copy's files renamed, so every document is distinct)
is built by both, each in a fresh process (``kg.pipeline.build``, ``--no-cache``, one worker
per core unless ``--jobs``), with the rules alone (``--rules-only``) and with the learned
decisions, and the run prints:

* characters per second of each build, and this checkout's speed-up over the baseline;
* the CPU seconds of each build's whole process tree (on a machine others load too, they
  move less than wall time) and characters per CPU second;
* extraction's seconds (summed over workers) and its characters per second per core,
  against rjieba's segmentation alone over the same text (one ``rjieba.cut`` per file, in
  one process) and ``jieba.lcut``'s;
* peak memory of each build's whole process tree (the build and its workers, sampled every
  20 ms, as the proportional set size: pages shared by forked workers counted once);
* whether ``graph.ttl`` is byte-identical to the baseline's (built with jieba as the
  segmenter), and, at the smallest scale, to this checkout's own with ``KG_SEGMENTER=jieba``;
* the 100×/10× time ratio (linear cost is 10), and a cold one-file build: ``kg build`` on
  one seed page in a new process, start to exit, best of 3, caches warm.

With ``--runs N`` each build runs N times, the engines taking turns, and the fastest run of
each is reported (on a machine others share, the slowest runs measure them); with
``--median`` the median run (by wall time) is.

``--no-sentence-cache`` empties the per-process caches of per-sentence work (jieba's words
of a sentence, the tagger's readings, the answers kept for strings of the text: whether one
is a personal name, what the gazetteer has under it) before each document: copies of the
seeds repeat every sentence, so with those caches kept across documents the 10× and 100×
corpora would cost less per character than new text does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: the real development corpus (72 excerpts of news and government pages), beside the repository
REAL = ROOT.parent / "shared" / "real" / "texts"
#: main before the native segmenter and the lean engine (issue 19)
BASELINE = "7147e4b"

_CHILD = r"""
import json, sys, time
args = json.loads(sys.argv[1])
if args["no_sentence_cache"]:  # each document starts with empty caches, as new text would
    import kg.extract.document as document
    import kg.extract.spans as spans
    import kg.extract.people as people
    import kg.learn.tagger as tagger
    _extract = document.extract
    def extract(doc, gaz):
        spans.tokens.cache_clear()
        if hasattr(spans, "token_bounds"):
            spans.token_bounds.cache_clear()
        getattr(spans, "_BOUNDS", {}).clear()  # the words' starts and ends tokens laid out
        for memo in getattr(people, "_PLAUSIBLE", ()):  # answers for strings of the text
            memo.clear()
        gaz.__dict__.pop("_memos", None)  # the gazetteer's answers for strings of the text
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


def run_measured(cmd: list[str], env: dict[str, str] | None = None,
                 cwd: str | None = None) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run ``cmd``; return the result, wall seconds and peak PSS of its process tree.
    The CPU seconds of the whole tree (the build and the workers it waited for) are in
    :data:`LAST_CPU`: on a machine others load too, they move less than wall time."""
    global LAST_CPU
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
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
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), wall, peak[0]


LAST_CPU = 0.0


def make_corpus(dest: Path, copies: int, base: Path = SEEDS) -> Path:
    src = dest / f"x{copies}"
    src.mkdir(parents=True)
    for k in range(copies):
        for p in sorted(base.glob("*.txt")):
            shutil.copyfile(p, src / f"{p.stem}-{k:03d}.txt")
    return src


def install_baseline(rev: str, tmp: Path) -> Path | None:
    """``rev`` of this repository installed in a temporary venv; its python, or None."""
    src, venv = tmp / "baseline-src", tmp / "baseline-venv"
    src.mkdir()
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True)
        py = venv / "bin" / "python"
        purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 check=True, capture_output=True, text=True).stdout.strip()
        # the baseline runs on this checkout's packages (same jieba, rdflib, numpy ...)
        Path(purelib, "kg-bench-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps",
                        "-e", str(src)], check=True, capture_output=True)
        # its bytecode, as `make setup` compiles this checkout's: where PYTHONDONTWRITEBYTECODE
        # is set, each of its builds would otherwise compile the package's sources first
        subprocess.run([str(py), "-m", "compileall", "-q", str(src / "kg")], check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError) as e:
        err = getattr(e, "stderr", b"") or b""
        print(f"baseline {rev}: could not be installed ({e}; {err.decode(errors='replace')[-300:]})")
        return None
    return py


def seg_seconds(src: Path) -> tuple[float, float]:
    """Seconds of ``rjieba.cut`` and of ``jieba.lcut`` over each file's text, one call per file."""
    import jieba
    import rjieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
    rjieba.cut("预热")
    t = time.perf_counter()
    for text in texts:
        rjieba.cut(text, True)
    native = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return native, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    ap.add_argument("--no-sentence-cache", action="store_true")
    ap.add_argument("--real", action="store_true", help="copies of ../shared/real/texts instead of the seeds")
    ap.add_argument("--baseline", default=BASELINE, help=f"commit to compare with (default {BASELINE}); 'none': skip")
    ap.add_argument("--runs", type=int, default=1, help="runs of each build, engines taking turns; the fastest counts")
    ap.add_argument("--median", action="store_true", help="with --runs, the median run (by wall time) counts, not the fastest")
    args = ap.parse_args()
    pages = REAL if args.real else SEEDS
    if not pages.is_dir():
        sys.exit(f"{pages}: not here (the real corpus lives in ../shared/real beside the repository)")
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kg")], check=True, capture_output=True)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    # each version keeps its gazetteer and dictionary caches in a folder of its own: a
    # version deletes the cache files of any other it finds in its folder
    engines: dict[str, tuple[str, dict[str, str]]] = {
        "this": (sys.executable, {**os.environ, "KG_CACHE_DIR": str(tmp / "this-cache")})}
    if args.baseline != "none":
        py = install_baseline(args.baseline, tmp)
        if py is not None:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing of this checkout
            engines = {"base": (str(py), {**env, "KG_CACHE_DIR": str(tmp / "baseline-cache")}), **engines}
            print(f"baseline: {args.baseline} in a temporary venv")
    one = str(sorted(SEEDS.glob("*.txt"))[1])
    for name, (py, env) in engines.items():  # warm the caches (gazetteer, dictionary) first
        run_measured([py, "-m", "kg.cli", "build", one, "-o", str(tmp / f"warm-{name}"), "-q", "--no-cache"],
                     env=env, cwd=str(tmp))
    results: dict[tuple[int, str, bool], dict] = {}
    runs: dict[tuple[int, str, bool], list[dict]] = {}
    try:
        for scale in args.scales:
            src = make_corpus(tmp, scale, pages)
            for rules_only in (True, False):
                for _ in range(max(1, args.runs)):
                    for name, (py, env) in engines.items():
                        out = tmp / f"out-{scale}-{name}-{'rules' if rules_only else 'learned'}"
                        child = json.dumps({"src": str(src), "out": str(out), "jobs": args.jobs,
                                            "no_sentence_cache": args.no_sentence_cache, "rules_only": rules_only})
                        run, wall, peak = run_measured([py, "-c", _CHILD, child], env=env, cwd=str(tmp))
                        if run.returncode != 0:
                            sys.exit(f"{name} build of {scale}x failed:\n{run.stderr}")
                        r = json.loads(run.stdout.strip().splitlines()[-1])
                        r["peak"], r["ttl"], r["cpu"] = peak, (out / "graph.ttl").read_bytes(), LAST_CPU
                        runs.setdefault((scale, name, rules_only), []).append(r)
            for key, found in runs.items():  # the fastest run of each, or the median one
                found.sort(key=lambda r: r["wall"])
                results[key] = found[(len(found) - 1) // 2 if args.median else 0]
            if scale == min(args.scales):
                out = tmp / f"out-{scale}-jieba"
                child = json.dumps({"src": str(src), "out": str(out), "jobs": args.jobs,
                                    "no_sentence_cache": args.no_sentence_cache, "rules_only": False})
                run, _, _ = run_measured([sys.executable, "-c", _CHILD, child],
                                         env={**engines["this"][1], "KG_SEGMENTER": "jieba"}, cwd=str(tmp))
                same_jieba = run.returncode == 0 and (out / "graph.ttl").read_bytes() == results[(scale, "this", False)]["ttl"]
            native, lcut = seg_seconds(src)
            report_scale(scale, engines, results, native, lcut, same_jieba if scale == min(args.scales) else None)
        for name in engines:
            for rules_only in (True, False):
                if 10 in args.scales and 100 in args.scales:
                    ratio = results[(100, name, rules_only)]["wall"] / results[(10, name, rules_only)]["wall"]
                    print(f"100x / 10x build time, {name}, {'rules alone' if rules_only else 'learned'}: {ratio:.1f} (linear: 10)")
        print()
        for name, (py, env) in engines.items():
            kg = [py, "-m", "kg.cli", "build", one, "-o", str(tmp / f"one-{name}"), "-q", "--no-cache"]
            times = [run_measured(kg, env=env, cwd=str(tmp))[1] for _ in range(3)]
            print(f"cold one-file build, {name} (new process, start to exit, caches warm): {min(times):.2f} s (best of 3)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def report_scale(scale: int, engines: dict, results: dict, native: float, lcut: float, same_jieba: bool | None) -> None:
    r0 = results[(scale, "this", False)]
    print(f"\n{scale}x: {r0['files']} files, {r0['chars']:,} characters, {r0['workers']} workers; "
          f"graph {r0['nodes']:,} nodes, {r0['edges']:,} edges")
    print(f"  segmentation alone (one process): rjieba {native:.2f} s ({r0['chars'] / native:,.0f} chars/s), "
          f"jieba.lcut {lcut:.2f} s ({r0['chars'] / lcut:,.0f} chars/s)")
    print(f"  {'engine':<6} {'decisions':<9} {'build s':>8} {'chars/s':>10} {'CPU s':>7} {'chars/CPU s':>11} "
          f"{'extract s':>10} {'chars/s/core':>13} {'extract/rjieba':>15} {'peak MiB':>9}")
    for name in engines:
        for rules_only in (True, False):
            r = results[(scale, name, rules_only)]
            ex = r["stages"]["extract"]
            print(f"  {name:<6} {'rules' if rules_only else 'learned':<9} {r['wall']:>8.2f} {r['chars'] / r['wall']:>10,.0f} "
                  f"{r['cpu']:>7.1f} {r['chars'] / r['cpu']:>11,.0f} {ex:>10.2f} {r['chars'] / ex:>13,.0f} "
                  f"{ex / native:>14.1f}x {r['peak'] / 2**20:>9,.0f}")
    for name in engines:
        for rules_only in (True, False):
            s = results[(scale, name, rules_only)]["stages"]
            print(f"  stages, {name}, {'rules' if rules_only else 'learned'}: read and extract (wall) {s['parallel']:.1f} s, "
                  f"resolve {s['resolve']:.1f} s, graph {s['graph']:.1f} s, Turtle {s.get('turtle', 0):.1f} s, "
                  f"HTML {s.get('html', 0):.1f} s")
    if "base" in engines:
        for rules_only in (True, False):
            b, t = results[(scale, "base", rules_only)], results[(scale, "this", rules_only)]
            same = "byte-identical" if b["ttl"] == t["ttl"] else "DIFFERENT"
            print(f"  {'rules alone' if rules_only else 'learned decisions'}: {b['wall'] / t['wall']:.2f}x faster than the "
                  f"baseline (CPU {b['cpu'] / t['cpu']:.2f}x, extraction {b['stages']['extract'] / t['stages']['extract']:.2f}x), peak memory "
                  f"{t['peak'] / b['peak']:.2f}x the baseline's; graph.ttl {same} to the baseline's (jieba)")
    if same_jieba is not None:
        print(f"  graph.ttl with KG_SEGMENTER=jieba: {'byte-identical' if same_jieba else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
