"""Scanned pages: OCR with Tesseract (Debian's ``tesseract-ocr``, with the Simplified Han
script model of ``tesseract-ocr-script-hans`` or else the Chinese language model of
``tesseract-ocr-chi-sim``).

The script model reads rendered seed pages better (4.7 % of characters wrong against 5.4 %,
``benchmarks/bench_ocr.py``), so it is taken when it is installed; ``KG_OCR_MODEL=chi_sim``
chooses the other.

Tesseract runs as a program, one page at a time, on one thread (the same page gives the same
text).  Its word boxes are put in reading order by :mod:`kg.read.layout`, so columns are
not interleaved; the text then goes through the same OCR repair as a ``.txt`` page.
Nothing is downloaded: the engine and its Chinese model come from Debian's packages.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from functools import lru_cache

from ..errors import InputError
from .layout import Box, page_text

#: the models Tesseract reads pages with, best first: the Simplified Han script, Chinese
MODELS = ("HanS", "chi_sim")
INSTALL = ("install Debian's tesseract-ocr and tesseract-ocr-script-hans (or tesseract-ocr-chi-sim): "
           "sudo apt-get install tesseract-ocr tesseract-ocr-script-hans tesseract-ocr-chi-sim")
#: a page image is read at most this large (pixels); a larger one is scaled down
MAX_PIXELS = 60_000_000
#: seconds one page may take
TIMEOUT = 300


@lru_cache(maxsize=1)
def engine() -> tuple[str, str] | None:
    """The ``tesseract`` program and the model it reads Chinese with, or None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    wanted = os.environ.get("KG_OCR_MODEL")  # a model named by the user, if installed
    model = wanted if wanted in langs else next((m for m in MODELS if m in langs), None)
    return None if model is None else (exe, model)


def tesseract() -> str | None:
    """The path of the ``tesseract`` program with a Chinese model, or None."""
    found = engine()
    return found[0] if found else None


def require(path: str) -> str:
    exe = tesseract()
    if exe is None:
        raise InputError(path, f"a scanned page needs Tesseract OCR with its Chinese model: {INSTALL}")
    return exe


def ocr_image(image, path: str) -> str:  # noqa: ANN001 - a PIL image
    """The text of one page image, in reading order ("" when Tesseract finds none)."""
    exe = require(path)
    model = engine()[1]
    img = image.convert("L")
    if img.width * img.height > MAX_PIXELS:
        scale = (MAX_PIXELS / (img.width * img.height)) ** 0.5
        img = img.resize((max(1, int(img.width * scale)), max(1, int(img.height * scale))))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        run = subprocess.run([exe, "stdin", "stdout", "-l", model, "--psm", "3", "tsv"], input=buf.getvalue(),
                             capture_output=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        raise InputError(path, f"OCR took over {TIMEOUT} s on a page") from e
    if run.returncode != 0:
        err = " ".join(run.stderr.decode("utf-8", "replace").split())[:200]
        raise InputError(path, f"Tesseract failed on the image ({err or 'exit ' + str(run.returncode)})")
    boxes = []
    for row in run.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        boxes.append(Box(cols[11].strip(), left, top, left + width, top + height))
    return page_text(boxes)


def image_pages(data: bytes, path: str) -> list:
    """The pages of an image file (a TIFF may hold several), as PIL images."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = 4 * MAX_PIXELS
    try:
        img = Image.open(io.BytesIO(data))
        pages = [frame.copy() for frame in ImageSequence.Iterator(img)]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as e:
        raise InputError(path, f"broken or unknown image ({e})") from e
    return pages
