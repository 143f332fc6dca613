"""Word segmentation: jieba's algorithm, dictionary and HMM, run natively where it agrees.

Three things the extractors ask of jieba, answered here:

* :func:`cut`: the words of a text, exactly ``jieba.lcut(text, HMM=True)``;
* :func:`freq`: a word's frequency in jieba's dictionary (``jieba.dt.FREQ.get(w, 0)``);
* :func:`tag`: a word's part of speech in that dictionary (``posseg``'s ``word_tag_tab``),
  None for a word it lacks.

:func:`cut` runs ``rjieba`` (jieba-rs: the same algorithm, the same ``dict.txt`` and the
same HMM tables, in Rust, about 20× faster) and makes its answer jieba's where the two are
known to part:

* a run of characters neither dictionary word nor Chinese (``2024-05-16``, ``1/5``) that
  jieba's HMM cuts at every sign (``2024``, ``-``, ``05`` ...) and jieba-rs keeps whole:
  cut again with jieba's own pattern;
* a text holding a Chinese character outside jieba's range U+4E00..U+9FD5 (U+9FD6..U+9FFF,
  the extension blocks, the compatibility ideographs), which jieba-rs reads as Chinese and
  jieba as a symbol: the whole text is segmented by jieba itself.

``jieba`` stays the reference: ``KG_SEGMENTER=jieba`` (or ``rjieba`` missing) makes
:func:`cut` call it for every text, and ``tests/test_segment.py`` segments every corpus at
hand with both and requires the same words.  The dictionary's frequencies and tags come
from jieba's own tables, kept in a compact cache file (:func:`kg.gazetteer.cache_dir`)
after the first run, so a new process neither imports jieba nor parses ``dict.txt``.

>>> cut("社区党委书记介绍")
['社区', '党委书记', '介绍']
>>> tag("社区"), freq("社区") > 1000, tag("某某某某")
('n', True, None)
"""

from __future__ import annotations

import array
import hashlib
import importlib.metadata
import os
import re
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .. import packed

#: bump when the cache's layout changes (3: a flat file read in place; 2 was marshal)
_CACHE_FORMAT = 3
_CACHE_KIND = "jieba-dict"

#: characters jieba-rs reads as Chinese and jieba does not (jieba's class is U+4E00..U+9FD5)
_OUTSIDE_JIEBA = re.compile("[\u9fd6-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f]")

#: how jieba's HMM cuts a run that is not Chinese (jieba/finalseg: ``re_skip``)
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def backend() -> str:
    """``"rjieba"`` or ``"jieba"``: what :func:`cut` runs in this process."""
    return "rjieba" if _native() is not None else "jieba"


@lru_cache(maxsize=1)
def _native():
    if os.environ.get("KG_SEGMENTER", "").strip().lower() == "jieba":
        return None
    try:
        import rjieba
    except ImportError:
        return None
    return rjieba.cut


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def cut_jieba(text: str) -> list[str]:
    """``jieba.lcut(text, HMM=True)``: the reference."""
    return _jieba().lcut(text, HMM=True)


def cut(text: str) -> list[str]:
    """The words of ``text``, as ``jieba.lcut(text, HMM=True)`` gives them."""
    native = _native()
    if native is None or _OUTSIDE_JIEBA.search(text):
        return cut_jieba(text)
    words = native(text, True)
    if not _MAY_PART.search(text):
        return words  # no character a word that parts from jieba's can be made of
    for w in words:
        # a word that is neither one character nor Chinese-led nor plain letters and digits
        if len(w) > 1 and not ("\u4e00" <= w[0] <= "\u9fd5") and not (w.isascii() and w.isalnum()):
            return _as_jieba(words)
    return words


#: the characters, other than Chinese, of jieba's (and jieba-rs's) runs cut as words
#: (``re_han_default``), and whitespace (``\r\n`` is one word): every word of more than one
#: character that does not open with a Chinese character holds one of them
_MAY_PART = re.compile(r"[a-zA-Z0-9+#&._%\-\s]")


def _as_jieba(words: list[str]) -> list[str]:
    """Runs that are not Chinese cut the way jieba's HMM cuts them."""
    out: list[str] = []
    for w in words:
        if len(w) > 1 and not any("\u4e00" <= c <= "\u9fd5" for c in w) and not freq(w):
            out.extend(x for x in _HMM_SKIP.split(w) if x)
        else:
            out.append(w)
    return out


def freq(word: str) -> int:
    """The word's frequency in jieba's dictionary (0: not a word of it)."""
    lex = _LEXICON or _lexicon()
    table = lex.table
    v = table.get(word, -1) if table is not None else lex.packed(word)
    return v >> 8 if v >= 0 else 0


def tag(word: str) -> str | None:
    """The word's part of speech in jieba's dictionary, None if it lacks the word."""
    lex = _LEXICON or _lexicon()
    table = lex.table
    v = table.get(word, -1) if table is not None else lex.packed(word)
    return lex.names[v & 0xFF] if v >= 0 and v & 0xFF != _NO_TAG else None


def tag_and_freq(word: str) -> tuple[str | None, int]:
    """:func:`tag` and :func:`freq` of ``word``, from one look-up."""
    lex = _LEXICON or _lexicon()
    table = lex.table
    v = table.get(word, -1) if table is not None else lex.packed(word)
    if v < 0:
        return None, 0
    return (lex.names[v & 0xFF] if v & 0xFF != _NO_TAG else None), v >> 8


#: the tag index of a word with a frequency but no part of speech (none in jieba 0.42.1)
_NO_TAG = 0xFF
#: distinct words looked up by bisection before the lexicon is made one dict
_LAZY_LOOKUPS = 20_000


class Lexicon:
    """jieba's dictionary as read from the cache (:mod:`kg.packed`, in place): its words in
    code point order, each with its frequency and tag packed in one integer
    (``freq << 8 | tag``).  A word is found by bisection (no dict of 350,000 words to build
    for a one-page build) and remembered; after :data:`_LAZY_LOOKUPS` distinct words the
    lexicon becomes one dict (a big build)."""

    def __init__(self, words: packed.Strings, values: Sequence[int], names: list[str]):
        self.words = words
        self.values = values
        self.names = names
        self.size = len(values)
        self.memo: dict[str, int] = {}
        self.table: dict[str, int] | None = None

    def word(self, i: int) -> str:
        return self.words[i]

    def packed(self, w: str) -> int:
        """``freq << 8 | tag`` of ``w``, -1 if the dictionary lacks it."""
        if self.table is not None:
            return self.table.get(w, -1)
        v = self.memo.get(w)
        if v is None:
            v = self.memo[w] = self._find(w)
            if len(self.memo) > _LAZY_LOOKUPS:
                self.make_table()
        return v

    def _find(self, w: str) -> int:
        i = self.words.find(w)
        return self.values[i] if i >= 0 else -1

    def make_table(self) -> None:
        """Every word in one dict: what a long build looks up at dict speed."""
        if self.table is None:
            self.table = dict(zip(self.words.all(), self.values.tolist(), strict=True))
            self.memo = {}

    def as_dicts(self) -> tuple[dict[str, int], dict[str, str]]:
        """(frequency by word, part of speech by word), as jieba holds them."""
        freqs, tags = {}, {}
        for w, v in zip(self.words.all(), self.values.tolist(), strict=True):
            if v >> 8:
                freqs[w] = v >> 8
            if v & 0xFF != _NO_TAG:
                tags[w] = self.names[v & 0xFF]
        return freqs, tags


_LEXICON: Lexicon | None = None


def _cache_file() -> Path:
    from ..gazetteer import cache_dir

    try:
        version = importlib.metadata.version("jieba")
        dist = importlib.metadata.distribution("jieba")
        dict_path = Path(str(dist.locate_file("jieba/dict.txt")))
        st = dict_path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
    except (importlib.metadata.PackageNotFoundError, OSError):
        version, stamp = "?", (0, 0)
    h = hashlib.sha256()
    for part in (_CACHE_FORMAT, version, *stamp, sys.version_info[:2]):
        h.update(f"{part}\0".encode())
    return cache_dir() / f"jieba-dict-{version}-{h.hexdigest()[:16]}.kgpack"


def _write_cache(path: Path, freqs: dict[str, int], tags: dict[str, str]) -> None:
    """Write jieba's tables to the cache file ``path`` (:mod:`kg.packed`)."""
    words = sorted(set(tags) | {w for w, f in freqs.items() if f})
    names = sorted(set(tags.values()))
    if len(names) >= _NO_TAG:
        raise ValueError(f"{len(names)} parts of speech: more than a byte holds")
    index = {t: i for i, t in enumerate(names)}
    blob, offsets = packed.pack_strings(words)
    values = array.array("q", [freqs.get(w, 0) << 8 | index.get(tags.get(w, ""), _NO_TAG) for w in words])
    packed.write(path, _CACHE_KIND, _CACHE_FORMAT, {"tag_names": names},
                 {"words": blob, "words_offsets": offsets, "packed": values})


def _read_cache(path: Path) -> Lexicon:
    header, sec = packed.read(path, _CACHE_KIND, _CACHE_FORMAT)
    try:
        lex = Lexicon(sec.strings("words"), sec.view("packed", "q"), list(header["tag_names"]))
    except (KeyError, TypeError) as e:
        raise ValueError(f"{path}: damaged ({e})") from e
    if len(lex.words) != lex.size:
        raise ValueError(f"{path}: sections of different lengths")
    return lex


def _lexicon() -> Lexicon:
    """The lexicon: from the cache file, or made from jieba's own tables and cached."""
    global _LEXICON
    if _LEXICON is None:
        path = _cache_file()
        try:
            _LEXICON = _read_cache(path)
            from ..gazetteer import _mark_used

            _mark_used(path)
        except (OSError, ValueError):  # no cache yet, or a damaged one: read jieba's tables again
            import jieba.posseg as pseg

            from ..gazetteer import _NoGC, _remove_others

            jb = _jieba()
            with _NoGC():
                freqs, tags = dict(jb.dt.FREQ), dict(pseg.dt.word_tag_tab)  # type: ignore[attr-defined]
            try:
                _write_cache(path, freqs, tags)
                _remove_others(path, "jieba-dict-*")
                _LEXICON = _read_cache(path)
            except (OSError, ValueError):  # a read-only home: every process reads jieba's tables
                _LEXICON = _lexicon_of(freqs, tags)
    return _LEXICON


def _lexicon_of(freqs: dict[str, int], tags: dict[str, str]) -> Lexicon:
    """A lexicon made in memory (where no cache file can be written)."""
    words = sorted(set(tags) | {w for w, f in freqs.items() if f})
    names = sorted(set(tags.values()))
    index = {t: i for i, t in enumerate(names)}
    blob, offsets = packed.pack_strings(words)
    values = array.array("q", [freqs.get(w, 0) << 8 | index.get(tags.get(w, ""), _NO_TAG) for w in words])
    return Lexicon(packed.Strings(blob, 0, offsets), values, names)


@lru_cache(maxsize=1)
def dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's dictionary as (frequency by word, part of speech by word), as plain dicts
    (:func:`freq` and :func:`tag` answer without making them)."""
    return _lexicon().as_dicts()


def load(*, whole: bool = False) -> None:
    """Load what :func:`cut`, :func:`freq` and :func:`tag` need; ``whole``: the lexicon as one
    dict at once (before forking workers for a big build, so they share it)."""
    lex = _lexicon()
    if whole:
        lex.make_table()
    if _native() is None:
        _jieba()
    else:
        cut("加载")
