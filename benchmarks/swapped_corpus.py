"""What the swap benchmarks share (``swap_names.py``, ``swap_places.py``): the real corpus and
the referee beside the repository, a command line, and one build scored per corpus."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
REFEREE = ROOT.parent / "shared" / "eval" / "kgeval.py"
_SCORE = re.compile(r"entities F1 ([0-9.]+), relations F1 ([0-9.]+), overall ([0-9.]+)")


def arguments(doc: str, extra: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace:
    """The command line every swap benchmark takes (and ``extra``'s options)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", type=Path, help="TEXTS GOLD (default: ../shared/real)")
    ap.add_argument("--seeds", nargs="+", type=int, default=[1, 2, 3])
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--keep", type=Path, help="write the swapped corpora and their graphs here (to read the errors)")
    if extra is not None:
        extra(ap)
    return ap.parse_args()


def corpus(args: argparse.Namespace, name: str) -> tuple[Path, Path] | None:
    """The texts and gold to swap, or None (with one line saying what is missing)."""
    texts, gold = args.corpus if args.corpus else (REAL / "texts", REAL / "gold")
    if not texts.is_dir() or not gold.is_dir() or not REFEREE.is_file():
        print(f"{name}: needs {texts}, {gold} and the referee {REFEREE}", file=sys.stderr)
        return None
    return texts, gold


def score(texts: Path, gold: Path, work: Path, rules_only: bool) -> dict[str, str]:
    """Build ``texts`` into ``work`` and the referee's F1 by type (and entities, relations,
    overall)."""
    from kg.pipeline import build

    build([texts], work, cache=False, rules_only=rules_only)
    table = subprocess.run([sys.executable, str(REFEREE), str(work / "graph.ttl"), str(gold)],
                           capture_output=True, text=True, check=True).stdout
    got = {}
    for line in table.splitlines():
        cols = line.split()
        if len(cols) == 7 and cols[0].isalpha():
            got[cols[0]] = cols[3]
        if m := _SCORE.search(line):
            got["entities"], got["relations"], got["overall"] = m.groups()
    return got
