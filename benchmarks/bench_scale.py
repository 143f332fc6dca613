"""How the cost of one file grows with its size: 1, 2, 4, 8 and 16 MiB.

A corpus exported as one big text file (a year of a paper in one .txt) must cost in
proportion to its size, not to its square.  Each file is the seed pages repeated until it
reaches the size (the pages keep their headlines, so the file splits into articles as a
real export would); each is built in a new process, one worker, no cache, and the time
is printed with its ratio to the 1 MiB build.  Goal: 16 MiB within 20× of 1 MiB.
Wall time and the build's CPU time (user + system, of its process) are both printed; on
a machine shared with other work the ratio of CPU times is the one to read.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1 2 4 8 16] [--rules-only]

Repeated text is kinder to per-process caches (jieba's segmentation, the tagger's) than
new text would be, so the absolute speed is optimistic; the ratios are what this measures.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_file(dest: Path, mib: int) -> Path:
    pages = [p.read_bytes().rstrip() + b"\n\n" for p in sorted(SEEDS.glob("*.txt"))]
    want = mib * 2**20
    out = bytearray()
    k = 0
    while len(out) < want:
        out += pages[k % len(pages)]
        k += 1
    path = dest / f"corpus-{mib}mib.txt"
    path.write_bytes(bytes(out[:want]).rsplit(b"\n", 1)[0] + b"\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    ap.add_argument("--rules-only", action="store_true", help="without the learned decisions")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    try:
        first = None
        print(f"{'size':>6} {'wall s':>9} {'CPU s':>9} {'MiB/CPU s':>10} {'CPU × 1st':>10}")
        for mib in args.sizes:
            src = make_file(tmp, mib)
            cmd = [sys.executable, "-m", "kg.cli", "build", str(src), "-o", str(tmp / f"out{mib}"),
                   "-q", "--no-cache", "-j", "1"] + (["--rules-only"] if args.rules_only else [])
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            took = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if done.returncode != 0:
                sys.exit(f"build of {mib} MiB failed:\n{done.stderr}")
            first = first or took
            print(f"{mib:>4} MiB {wall:9.1f} {took:9.1f} {mib / took:10.3f} {took / first:10.1f}", flush=True)
        if len(args.sizes) > 1:
            times = args.sizes[-1] // args.sizes[0]
            print(f"largest / smallest (CPU): {took / first:.1f} for {times}× the size (linear: {times}; goal: ≤ {times * 20 // 16})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
