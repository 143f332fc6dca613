"""How long ``kg build`` of one page takes in a new process, against a baseline, in one run.

    .venv/bin/python benchmarks/bench_startup.py [--runs 9] [--baseline REV | --baseline none]
        [--page seeds/001_....txt] [--no-compile]

What a user waits for when building one page: ``python -m kg.cli build PAGE -o OUT -q
--no-cache`` from start to exit, in a new process each time, *after the first run*: the
gazetteer's and the dictionary's caches are filled (each version in a cache folder of its
own) and the package's bytecode is compiled (``python -m compileall``, as installing a
wheel does; this machine sets ``PYTHONDONTWRITEBYTECODE``, so without it every run would
compile the sources again; ``--no-compile`` measures that case).  The baseline (default
``7147e4b``, main before issue 19) is installed in a temporary venv as
``bench_build.py`` does; ``python -c pass`` on the same interpreter is the floor.

The runs alternate between the versions, so load from other jobs falls on both alike; the
run prints, per version, the median and the best of the wall-clock seconds and of the CPU
seconds (user + system) of the process, and the ratios.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import BASELINE, ROOT, SEEDS, install_baseline  # noqa: E402


def timed(cmd: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of ``cmd`` run to its end."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{run.stderr[-2000:]}")
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9, help="new processes per version (default 9)")
    ap.add_argument("--baseline", default=BASELINE, help=f"commit to compare with (default {BASELINE}); 'none': skip")
    ap.add_argument("--page", type=Path, default=sorted(SEEDS.glob("*.txt"))[1], help="the page to build")
    ap.add_argument("--no-compile", action="store_true", help="do not compile the packages' bytecode first")
    args = ap.parse_args()
    page = str(args.page.resolve())
    tmp = Path(tempfile.mkdtemp(prefix="kg-startup-"))
    try:
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; python {sys.version.split()[0]}")
        print(f"page: {args.page.name} ({len(Path(page).read_text(encoding='utf-8')):,} characters)")
        versions: dict[str, tuple[str, Path, dict[str, str]]] = {
            "this": (sys.executable, ROOT, {**os.environ, "KG_CACHE_DIR": str(tmp / "this-cache")})}
        if args.baseline != "none":
            py = install_baseline(args.baseline, tmp)
            if py is not None:
                env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
                versions = {"base": (str(py), tmp / "baseline-src", {**env, "KG_CACHE_DIR": str(tmp / "baseline-cache")}),
                            **versions}
                print(f"baseline: {args.baseline} in a temporary venv")
        commands = {"python -c pass": ([sys.executable, "-c", "pass"], dict(os.environ))}
        for name, (py, src, env) in versions.items():
            if not args.no_compile:
                subprocess.run([py, "-m", "compileall", "-q", str(src / "kg")], check=True, capture_output=True)
            cmd = [py, "-m", "kg.cli", "build", page, "-o", str(tmp / f"out-{name}"), "-q", "--no-cache"]
            timed(cmd, env, str(tmp))  # the first run: fills the caches
            commands[name] = (cmd, env)
        walls: dict[str, list[float]] = {k: [] for k in commands}
        cpus: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(args.runs):
            for name, (cmd, env) in commands.items():
                w, c = timed(cmd, env, str(tmp))
                walls[name].append(w)
                cpus[name].append(c)
        print(f"\n{args.runs} new processes each, alternating; bytecode "
              f"{'not compiled first' if args.no_compile else 'compiled first'}")
        print(f"  {'':<16} {'wall median':>12} {'wall best':>10} {'CPU median':>11} {'CPU best':>9}")
        for name in commands:
            label = "kg build, " + name if name in versions else name
            print(f"  {label:<16} {statistics.median(walls[name]):>10.2f} s {min(walls[name]):>8.2f} s "
                  f"{statistics.median(cpus[name]):>9.2f} s {min(cpus[name]):>7.2f} s")
        if "base" in walls:
            print(f"  this against the baseline: wall {statistics.median(walls['base']) / statistics.median(walls['this']):.2f}x "
                  f"faster, CPU {statistics.median(cpus['base']) / statistics.median(cpus['this']):.2f}x faster (medians)")
        floor = statistics.median(walls["python -c pass"])
        print(f"  this, above the interpreter's own start: {statistics.median(walls['this']) - floor:.2f} s wall")
        print(f"cold one-page build (new process, caches warm), this: {statistics.median(walls['this']):.2f} s wall, "
              f"{statistics.median(cpus['this']):.2f} s CPU (medians of {args.runs})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
