"""How well scanned pages are read: OCR character accuracy on seed pages rendered as images,
and the graph built from the OCR'd text against the graph built from the original text.

    .venv/bin/python benchmarks/bench_ocr.py [--size 48] [--chars-per-line 36] [--gold ../shared/gold/seeds] [--model chi_sim]

Each seed page (``seeds/*.txt``) is set in a CJK font from Debian (fonts-wqy-zenhei) with
Pillow, its lines wrapped at ``--chars-per-line`` characters, ``--size`` pixels a character
(48: an 11.5-point newspaper font scanned at 300 dpi),
as a multi-page TIFF: the scan a user would have.  The TIFF is read by ``kg.read`` as
``kg build`` reads it: Debian's Tesseract (chi_sim), the page's boxes in reading order,
then the OCR repair.  Printed:

* character accuracy per page and over all pages: 1 - (edit distance / characters of the
  original), white space left out on both sides; and the same after NFKC folding (a
  half-width comma read as a full-width one is then no error: the OCR repair folds widths);
* the seconds OCR took per page;
* the entity and relation F1 of ``kg build`` on the OCR'd pages and on the original pages,
  scored against the seeds' gold by the referee (``../shared/eval/kgeval.py``), and the
  ratio of the two (OCR / original).

No figure is asserted: this measures, the tests check behaviour.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
LINES_PER_IMAGE = 60


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row of the table at a time in numpy (insertions along a
    row are a running minimum of ``row - index``)."""
    if not a or not b:
        return max(len(a), len(b))
    aa = np.frombuffer(a.encode("utf-32-le"), dtype=np.uint32)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1)
    prev = idx.copy()
    for i, code in enumerate(aa, start=1):
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (bb != code))
        prev = np.minimum.accumulate(cur - idx) + idx
    return int(prev[-1])


def wrap(text: str, width: int) -> list[str]:
    """The page's lines, each cut into lines of at most ``width`` characters (a blank line kept)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            out.append("")
            continue
        out.extend(line[i : i + width] for i in range(0, len(line), width))
    return out


def render(lines: list[str], size: int, width: int) -> list[Image.Image]:
    font = ImageFont.truetype(FONT, size)
    step = int(size * 1.6)
    pages = []
    for k in range(0, len(lines), LINES_PER_IMAGE):
        chunk = lines[k : k + LINES_PER_IMAGE]
        img = Image.new("L", (size * width + 160, 120 + step * len(chunk)), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(chunk):
            draw.text((80, 60 + step * i), line, font=font, fill=0)
        pages.append(img)
    return pages


def squeeze(text: str) -> str:
    return "".join(text.split())


def score(graph: Path, gold: Path, referee: str) -> dict:
    """The referee's scores of ``graph`` against ``gold``."""
    out = graph.with_suffix(".scores.json")
    subprocess.run([sys.executable, referee, str(graph), str(gold), "--json", str(out)], check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=48, help="pixels a character (48: an 11.5-point font scanned at 300 dpi)")
    ap.add_argument("--chars-per-line", type=int, default=36)
    ap.add_argument("--gold", type=Path, default=Path("/work/shared/gold/seeds"))
    ap.add_argument("--eval", default="/work/shared/eval/kgeval.py")
    ap.add_argument("--model", help="the Tesseract model (KG_OCR_MODEL): HanS or chi_sim; default: HanS if installed")
    args = ap.parse_args()
    if args.model:
        os.environ["KG_OCR_MODEL"] = args.model

    from kg.pipeline import build
    from kg.read import read_document

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    tmp = Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    try:
        scans, ocr_txt, orig = tmp / "scans", tmp / "ocr", tmp / "orig"
        for d in (scans, ocr_txt, orig):
            d.mkdir()
        total_err = total_chars = total_fold = 0
        seconds = pages = 0.0
        print(f"{'page':28}{'images':>7}{'chars':>8}{'errors':>8}{'accuracy':>10}{'NFKC':>8}{'s/image':>9}")
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            shutil.copy(seed, orig / seed.name)
            images = render(wrap(text, args.chars_per_line), args.size, args.chars_per_line)
            tif = scans / f"{seed.stem}.tif"
            images[0].save(tif, save_all=True, append_images=images[1:], compression="tiff_lzw")
            t = time.perf_counter()
            doc = read_document(tif)
            dt = time.perf_counter() - t
            (ocr_txt / f"{seed.stem}.txt").write_text(doc.text, encoding="utf-8")
            ref, hyp = squeeze(text), squeeze(doc.text)
            err = edit_distance(ref, hyp)
            fold = edit_distance(unicodedata.normalize("NFKC", ref), unicodedata.normalize("NFKC", hyp))
            total_err, total_chars, total_fold = total_err + err, total_chars + len(ref), total_fold + fold
            seconds, pages = seconds + dt, pages + len(images)
            print(f"{seed.stem:28}{len(images):>7}{len(ref):>8}{err:>8}{1 - err / len(ref):>10.4f}"
                  f"{1 - fold / len(ref):>8.4f}{dt / len(images):>9.1f}")
        print(f"{'all':28}{int(pages):>7}{total_chars:>8}{total_err:>8}{1 - total_err / total_chars:>10.4f}"
              f"{1 - total_fold / total_chars:>8.4f}{seconds / pages:>9.1f}")

        print("\ngraph against the seeds' gold (kgeval):")
        rows = {}
        for name, folder in (("original text", orig), ("OCR'd text", ocr_txt)):
            out = tmp / f"out-{folder.name}"
            build([folder], out, jobs=1, cache=False)
            rows[name] = score(out / "graph.ttl", args.gold, args.eval)
        print(f"{'':16}{'entities F1':>12}{'relations F1':>14}")
        for name, s in rows.items():
            print(f"{name:16}{s['entities_f1']:>12.3f}{s['relations_f1']:>14.3f}")
        o, r = rows["OCR'd text"], rows["original text"]
        print(f"{'ratio OCR/orig':16}{o['entities_f1'] / r['entities_f1']:>12.3f}"
              f"{o['relations_f1'] / max(r['relations_f1'], 1e-9):>14.3f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
