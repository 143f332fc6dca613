"""Tables packed in one flat file and read in place: the format of the caches kept between runs.

A cache file (the gazetteer's table, jieba's dictionary) is one line naming what it holds
and its format, a JSON header (the small tables, and where each section lies), then the
sections: arrays of fixed-size integers and strings packed as UTF-8, each starting at a
multiple of 8 bytes.  Reading maps the file into memory (:mod:`mmap`) and checks its name,
format, byte order and length; the sections are then used where they lie, without being
parsed or copied: a process that looks up ten names reads ten names, and worker processes
share the pages.  Nothing in the file is code or object state (no pickle, no marshal), so a
damaged or planted file can give wrong answers or be refused, but never run anything.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "example.kgpack"
>>> blob, offsets = pack_strings(["北京市", "天津市"])
>>> write(path, "example", 1, {"note": "two cities"}, {"names": blob, "names_offsets": offsets})
>>> header, sections = read(path, "example", 1)
>>> names = sections.strings("names")
>>> header["note"], len(names), names[1], names.find("北京市"), names.find("上海市")
('two cities', 2, '天津市', 0, -1)
"""

from __future__ import annotations

import array
import json
import mmap
import os
import sys
import tempfile
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from pathlib import Path

_MAGIC = b"kg-packed"
_ALIGN = 8


def write(path: Path, kind: str, fmt: int, header: Mapping, sections: Mapping[str, bytes | array.array]) -> None:
    """Write ``sections`` (bytes, or arrays in this machine's byte order) after ``header``
    (JSON-able) to ``path``, atomically: a temporary file renamed into place."""
    layout: dict[str, list[int]] = {}
    pos = 0
    for name, data in sections.items():
        size = len(memoryview(data).cast("B"))
        layout[name] = [pos, size]
        pos += -(-size // _ALIGN) * _ALIGN
    head = json.dumps({"byteorder": sys.byteorder, "length": pos, "sections": layout, "data": header},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    first = b"%s %s %d %d\n" % (_MAGIC, kind.encode("ascii"), fmt, len(head))
    start = len(first) + len(head)
    pad = -start % _ALIGN
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(first + head + b"\0" * pad)
            for data in sections.values():
                raw = memoryview(data).cast("B")
                f.write(raw)
                f.write(b"\0" * (-len(raw) % _ALIGN))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class Sections:
    """The sections of a file read by :func:`read`, where they lie in the mapped file."""

    __slots__ = ("raw", "_where")

    def __init__(self, raw: mmap.mmap | bytes, where: dict[str, tuple[int, int]]):
        self.raw = raw  #: the whole file (slicing it gives bytes)
        self._where = where

    def start(self, name: str) -> int:
        """Where section ``name`` starts in :attr:`raw`."""
        return self._where[name][0]

    def view(self, name: str, fmt: str = "B") -> memoryview:
        """Section ``name`` as a memoryview of ``fmt`` items (``I``: unsigned 32-bit ...)."""
        a, n = self._where[name]
        return memoryview(self.raw)[a : a + n].cast(fmt)

    def strings(self, name: str, order: str | None = None) -> Strings:
        """The strings packed (:func:`pack_strings`) as ``name`` and ``name + "_offsets"``,
        ``order`` the section of their code point order (:func:`sorted_order`)."""
        return Strings(self.raw, self.start(name), self.view(name + "_offsets", "I"),
                       self.view(order, "I") if order else None)


def read(path: Path, kind: str, fmt: int) -> tuple[dict, Sections]:
    """The header and the sections of ``path``, mapped into memory; raises
    :class:`ValueError` for a file that is not a whole ``kind`` cache of format ``fmt`` made
    on a machine of this byte order, :class:`OSError` for one that cannot be read."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            raise ValueError(f"{path}: empty")
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    end = mm.find(b"\n", 0, 200)
    words = mm[:end].split() if end > 0 else []
    if len(words) != 4 or words[0] != _MAGIC or words[1] != kind.encode("ascii") or words[2] != b"%d" % fmt:
        raise ValueError(f"{path}: not a {kind} cache of format {fmt}")
    try:
        head_len = int(words[3])
        head = json.loads(mm[end + 1 : end + 1 + head_len])
        start = end + 1 + head_len
        start += -start % _ALIGN
        if head["byteorder"] != sys.byteorder or start + head["length"] != size:
            raise ValueError(f"{path}: truncated, or made on another machine")
        where = {name: (start + a, n) for name, (a, n) in head["sections"].items()}
        if any(a < start or a + n > size for a, n in where.values()):
            raise ValueError(f"{path}: a section lies outside the file")
    except (KeyError, TypeError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"{path}: damaged header ({e})") from e
    return head["data"], Sections(mm, where)


def pack_strings(strings: list[str]) -> tuple[bytes, array.array]:
    """``strings`` as one UTF-8 blob, each followed by a line feed, and the offset of each
    (and of the blob's end): what :class:`Strings` reads."""
    offsets = array.array("I", [0])
    parts = []
    pos = 0
    for s in strings:
        b = s.encode("utf-8", "surrogatepass") + b"\n"
        parts.append(b)
        pos += len(b)
        offsets.append(pos)
    return b"".join(parts), offsets


def sorted_order(strings: list[str]) -> array.array:
    """The positions of ``strings`` in code point order (:meth:`Strings.find` bisects it)."""
    return array.array("I", sorted(range(len(strings)), key=strings.__getitem__))


#: how many strings apart :meth:`Strings.find`'s sample of the order is taken
_SAMPLE_STEP = 32
#: the look-ups after which the sample is taken (it costs a few milliseconds: what a
#: thousand look-ups save)
_SAMPLE_AFTER = 1000


class Strings:
    """Strings packed by :func:`pack_strings`, read where they lie; :meth:`find` bisects
    their code point order (UTF-8's byte order is code point order: nothing is decoded)."""

    __slots__ = ("_raw", "_base", "_offsets", "_order", "_sample", "_finds")

    def __init__(self, raw: mmap.mmap | bytes, base: int, offsets: memoryview | array.array,
                 order: memoryview | array.array | None = None):
        self._raw, self._base, self._offsets, self._order = raw, base, offsets, order
        #: every :data:`_SAMPLE_STEP`-th string in the order :meth:`find` bisects, as bytes
        self._sample: list[bytes] | None = None
        self._finds = 0

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:
        o, b = self._offsets, self._base
        return self._raw[b + o[i] : b + o[i + 1] - 1].decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())

    def all(self) -> list[str]:
        """Every string, in order (one decoding of the whole blob)."""
        b = self._base
        return self._raw[b : b + self._offsets[-1]].decode("utf-8", "surrogatepass").split("\n")[:-1]

    def find(self, s: str) -> int:
        """The position of ``s``, -1 if absent (bisection over the order given, or over the
        strings themselves when they were packed in code point order)."""
        key = s.encode("utf-8", "surrogatepass")
        o, order, raw, b = self._offsets, self._order, self._raw, self._base
        n = len(o) - 1
        sample = self._sample
        if sample is None:
            self._finds += 1
            if self._finds > _SAMPLE_AFTER:
                sample = self._sample = [raw[b + o[k] : b + o[k + 1] - 1]
                                         for k in (order[i] if order is not None else i for i in range(0, n, _SAMPLE_STEP))]
        if sample is None:
            lo, hi = 0, n
        else:
            # the sample narrows the bisection to one step's strings: those below the first
            # sampled string not below ``key`` and from the sampled string before it
            g = bisect_left(sample, key)
            lo, hi = max(0, (g - 1) * _SAMPLE_STEP), min(g * _SAMPLE_STEP, n)
        while lo < hi:
            mid = (lo + hi) >> 1
            k = order[mid] if order is not None else mid
            if raw[b + o[k] : b + o[k + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < n:
            k = order[lo] if order is not None else lo
            if raw[b + o[k] : b + o[k + 1] - 1] == key:
                return k
        return -1
