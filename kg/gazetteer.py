"""China's administrative divisions: names, types, containment and adcodes.

Source: JioNLP's ``china_location.zip`` (Apache-2.0), pinned in ``pyproject.toml``.  It is
the one freely installable table we found with all five levels (province, city, county
with their six-digit adcodes and short names; towns/streets and villages/communities by
name), which is what linking below the county needs.  We read the data file straight
from the installed package; ``jionlp`` itself is never imported (its import is slow and
prints a banner).

On top of the table: official short forms of banners and counties derived by rule
(察哈尔右翼前旗 → 察右前旗, 乌鲁木齐县 → 乌县), user aliases from ``ontology/aliases.tsv``
or ``kg build --aliases``, and the former names of renamed divisions from
``ontology/former_names.tsv`` (呼伦贝尔盟, now 呼伦贝尔市): rows of their own, placed
under their successor's parent, that :meth:`Gazetteer.lineage` ties to the successor.  All lookups return candidates; choosing among them from
context is :mod:`kg.extract.places`' job.
"""

from __future__ import annotations

import array
import gc
import hashlib
import importlib.metadata
import importlib.util
import io
import os
import re
import sys
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from . import packed, resources
from .errors import InputError

#: Suffix of a division name → our class, per level of the table (0 province … 4 village).
_LEVEL_TYPES: dict[int, list[tuple[str, str]]] = {
    3: [("街道", "Street"), ("办事处", "Street"), ("镇", "Town"), ("乡", "Town"), ("苏木", "Town")],
    4: [("社区", "Community"), ("村", "Village"), ("嘎查", "Village"), ("小区", "Neighborhood")],
}

_UPPER_TYPES = frozenset(("Province", "City", "County"))

#: Where the project's own alias table lives (tab-separated: alias, canonical name, optional type):
#: ``ontology/aliases.tsv``, shipped inside the package (:mod:`kg.resources`).
ALIASES_FILE = resources.ALIASES_FILE
#: The former names of divisions (``ontology/former_names.tsv``, :func:`read_former_names`).
FORMER_NAMES_FILE = resources.FORMER_NAMES_FILE


@dataclass(frozen=True)
class Division:
    """One row of the table."""

    id: int
    name: str
    type: str
    parent: int | None
    adcode: str | None
    short: str | None = None


@dataclass(frozen=True)
class FormerName:
    """One row of the table of former names: 喜桂图旗, a County, became the division coded
    ``150782`` (牙克石市); it was in 呼伦贝尔盟 (``parent``, itself a former name)."""

    name: str
    type: str
    successor: str  # the successor's adcode
    parent: str | None = None  # the division it was in under this name; None: the successor's parent
    short: tuple[str, ...] = ()


def _jionlp_zip() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("jionlp", "the gazetteer package is not installed (pip install jionlp)")
    path = Path(list(spec.submodule_search_locations)[0]) / "dictionary" / "china_location.zip"
    if not path.is_file():
        raise InputError(str(path), "gazetteer data file missing from the jionlp package")
    return path


def _jionlp_data() -> bytes:
    with zipfile.ZipFile(_jionlp_zip()) as z:
        return z.read("china_location.txt")


def _type_for(level: int, name: str) -> str | None:
    if level == 0:
        return "Province"
    if level == 1:
        return "City"
    if level == 2:
        return "County"
    for suffix, t in _LEVEL_TYPES.get(level, []):
        if name.endswith(suffix):
            return t
    return None


_BANNER = re.compile(r"^(.+?)(左翼|右翼|左|右)?(前|中|后)?旗$")


def banner_short_forms(name: str) -> list[str]:
    """Official short forms of a banner: 察哈尔右翼前旗 → 察右前旗, 苏尼特右旗 → 苏右旗.

    >>> banner_short_forms("鄂托克前旗")
    ['鄂前旗']
    >>> banner_short_forms("察哈尔右翼前旗")
    ['察右前旗']
    """
    m = _BANNER.match(name)
    if not m or not (m.group(2) or m.group(3)):
        return []
    base, side, pos = m.group(1), (m.group(2) or "")[:1], m.group(3) or ""
    if len(base) < 2:
        return []
    short = base[0] + side + pos + "旗"
    return [short] if short != name else []


#: First characters that make "X县" a common word rather than a county's short form
#: (农业大县, 这类县: 大 and 类 open long county names too).
_NOT_A_SHORT_FORM = set("全该本各每此这那其外邻一二两三四五六七八九十百千某我贵县旗市区大类")


def county_short_forms(name: str) -> list[str]:
    """The one-character short form of a long county name: 乌鲁木齐县 → 乌县."""
    if name.endswith("县") and len(name) >= 4 and not name.endswith("自治县"):
        return [name[0] + "县"]
    return []


def autonomous_short_forms(name: str, short: str | None) -> list[str]:
    """An autonomous county or banner named by its place and its level alone, as the news
    writes it: 石柱土家族自治县 → 石柱县, 鄂伦春自治旗 → 鄂伦春旗.

    >>> autonomous_short_forms("巴马瑶族自治县", "巴马")
    ['巴马县']
    """
    if not short or not name.endswith(("自治县", "自治旗")) or short.endswith(("县", "旗")):
        return []
    return [short + name[-1]]


class Gazetteer:
    """Lookups over the administrative-division table.

    >>> g = load()
    >>> [d.adcode for d in g.lookup("察右前旗")]
    ['150926']
    """

    def __init__(self, rows: list[Division]):
        self.rows = rows
        self.by_name: dict[str, list[int]] = {}
        self.by_alias: dict[str, list[int]] = {}
        #: short forms made by rule or given in an alias table: trusted at any length,
        #: unlike the table's bare names without suffix (新华, 通道), which are common words
        self.strong_aliases: set[str] = set()
        #: names from an alias table (鹿城): a place when they stand alone, not inside a name
        self.nicknames: set[str] = set()
        #: row id of a former name (呼伦贝尔盟) → row id of the division it became (呼伦贝尔市)
        self.successor: dict[int, int] = {}
        for d in rows:
            if d.type is None:
                continue
            self.by_name.setdefault(d.name, []).append(d.id)
            if d.short and d.short != d.name and len(d.short) >= 2:
                self.by_alias.setdefault(d.short, []).append(d.id)
        self.by_adcode = {d.adcode: d.id for d in rows if d.adcode and d.type in ("Province", "County")}
        for d in rows:  # a municipality's city row shares its province's code; prefer the city
            if d.adcode and d.type == "City":
                self.by_adcode.setdefault(d.adcode, d.id)
        self._derive_short_forms()
        self.max_len = max(len(n) for n in (*self.by_name, *self.by_alias))
        #: the longest name or short form of a province, city or county that begins with
        #: each pair of characters: where none begins, no upper-level lookup can succeed
        #: (an index for span finders; kept up to date by :meth:`add_alias`)
        self.upper_reach: dict[str, int] = {}
        for table in (self.by_name, self.by_alias):
            for name, ids in table.items():
                self._reach(name, ids)

    def _reach(self, name: str, ids: list[int]) -> None:
        if len(name) >= 2 and any(self.rows[i].type in _UPPER_TYPES for i in ids):
            self.upper_reach[name[:2]] = max(self.upper_reach.get(name[:2], 0), len(name))

    def _derive_short_forms(self) -> None:
        """Add rule-made short forms that name exactly one division in all of China."""
        derived: dict[str, list[int]] = {}
        for d in self.rows:
            if d.type != "County":
                continue
            for s in banner_short_forms(d.name) + county_short_forms(d.name) + autonomous_short_forms(d.name, d.short):
                derived.setdefault(s, []).append(d.id)
        for s, ids in derived.items():
            # an ambiguous short form (阿县: 阿克陶县, 阿合奇县 or 阿瓦提县) stays a candidate for
            # context to choose; one that reads as a common word (全县, 该县) never is
            if s not in self.by_name and s[0] not in _NOT_A_SHORT_FORM and len(ids) <= 3:
                self.by_alias.setdefault(s, []).extend(ids)
                self.strong_aliases.add(s)

    def add_alias(self, alias: str, canonical: str, type_: str | None = None) -> bool:
        """Register ``alias`` for the divisions called ``canonical``; False if none is."""
        ids = [i for i in self.by_name.get(canonical, []) if type_ is None or self.rows[i].type == type_]
        if not ids:
            return False
        self._forget()
        bucket = self.by_alias.setdefault(alias, [])
        bucket.extend(i for i in ids if i not in bucket)
        self.strong_aliases.add(alias)
        self.nicknames.add(alias)
        self.max_len = max(self.max_len, len(alias))
        self._reach(alias, ids)
        return True

    def add_former(self, former: Sequence[FormerName], source: str = str(FORMER_NAMES_FILE)) -> None:
        """Add rows for the former names of divisions, each placed under the division it
        was in (its successor's parent unless the table gives one) with no code of its
        own; its short forms become aliases.  A row the table cannot place (an unknown
        code, a type other than its successor's, a name still in use) is an
        :class:`~kg.errors.InputError` naming ``source``."""
        extra: list[Division] = []
        names: dict[str, list[int]] = {}
        self._forget()
        base = len(self.rows)
        for f in former:
            succ_id = self.by_adcode.get(f.successor)
            succ = self.rows[succ_id] if succ_id is not None else None
            if succ is None or succ.type != f.type:
                raise InputError(source, f"{f.name}: no {f.type} has the code {f.successor}")
            if self.by_name.get(f.name) or f.name in names:
                raise InputError(source, f"{f.name}: the name is in use (listed twice, or a division's current name)")
            if f.parent is None:
                parent = succ.parent
            else:
                ups = [i for i in names.get(f.parent, self.by_name.get(f.parent, []))
                       if (extra[i - base] if i >= base else self.rows[i]).type in _UPPER_TYPES]
                if len(ups) != 1:
                    raise InputError(source, f"{f.name}: the division it was in, {f.parent}, names no one division above it")
                parent = ups[0]
            d = Division(base + len(extra), f.name, f.type, parent, None, f.short[0] if f.short else None)
            extra.append(d)
            names[f.name] = [d.id]
        if not extra:
            return
        self.rows = _MoreRows(self.rows, extra)
        self.by_name = _MoreNames(self.by_name, names)  # type: ignore[assignment]
        for d, f in zip(extra, former, strict=True):
            self.successor[d.id] = self.by_adcode[f.successor]
            self._reach(d.name, [d.id])
            self.max_len = max(self.max_len, len(d.name))
            for short in f.short:
                bucket = self.by_alias.setdefault(short, [])
                if d.id not in bucket:
                    bucket.append(d.id)
                self.strong_aliases.add(short)
                self._reach(short, [d.id])

    def lineage(self, d: Division) -> list[Division]:
        """``d`` and its parents, and for a former name (喜桂图旗) its successor (牙克石市) and
        the successor's parents too: the divisions a page naming ``d`` is about."""
        out = [d, *self.ancestors(d)]
        succ = self.successor.get(d.id)
        if succ is not None:
            out += [a for a in self.lineage(self.rows[succ]) if a not in out]
        return out

    def lookup(self, name: str, *, aliases: bool = True) -> list[Division]:
        """Divisions whose full name, or (with ``aliases``) short form, is ``name``."""
        full = self.by_name.get(name)
        short = self.by_alias.get(name) if aliases else None
        if not short:  # the common case, and by far the most frequent answer: nothing
            return [self.rows[i] for i in dict.fromkeys(full)] if full else []
        ids = list(dict.fromkeys(full or ()))
        ids += [i for i in dict.fromkeys(short) if i not in ids]
        return [self.rows[i] for i in ids]

    def parent(self, d: Division) -> Division | None:
        return self.rows[d.parent] if d.parent is not None else None

    def ancestors(self, d: Division) -> list[Division]:
        """Parents from the nearest up to the province."""
        return list(self._ancestors(d))

    def is_within(self, d: Division, ancestor: Division) -> bool:
        ids = self._ancestor_ids.get(d.id)
        if ids is None:
            ids = self._ancestor_ids[d.id] = frozenset(a.id for a in self._ancestors(d))
        return ancestor.id in ids

    def _ancestors(self, d: Division) -> tuple[Division, ...]:
        """``d``'s ancestors, walked once per row (a row's parents never change)."""
        got = self._ancestor_rows.get(d.id)
        if got is None:
            out = []
            p = self.parent(d)
            while p is not None:
                if p.type is not None:
                    out.append(p)
                p = self.parent(p)
            got = self._ancestor_rows[d.id] = tuple(out)
        return got

    # made at first use, so the gazetteer as parsed (what its cache file holds) lacks them
    @cached_property
    def _ancestor_rows(self) -> dict[int, tuple[Division, ...]]:
        return {}

    @cached_property
    def _ancestor_ids(self) -> dict[int, frozenset[int]]:
        return {}

    def memo(self, kind: str) -> dict:
        """A dict for the answers of a pure function of this gazetteer (``kind`` names the
        function): emptied whenever an alias or a former name is added."""
        memos = self.__dict__.setdefault("_memos", {})  # (not in the parsed table's cache file)
        got = memos.get(kind)
        if got is None:
            got = memos[kind] = {}
        return got

    def _forget(self) -> None:
        """The tables changed: what :meth:`memo` holds no longer holds."""
        self.__dict__.pop("_memos", None)

    def county_of(self, d: Division) -> Division | None:
        for a in [d, *self.ancestors(d)]:
            if a.type == "County":
                return a
        return None

    def key(self, d: Division) -> str:
        """A stable entity id: the adcode where there is one, else the path below the
        nearest division that has one (``Town/150622/薛家湾镇``)."""
        if d.adcode and d.type in ("Province", "City", "County"):
            return f"{d.type}/{d.adcode}"
        path = [d.name]
        p = self.parent(d)
        while p is not None and not p.adcode:
            path.append(p.name)
            p = self.parent(p)
        base = p.adcode if p is not None else ""
        return f"{d.type}/{base}/" + "/".join(reversed(path))


_COMMITTEE = "管委会"


#: Kinds that end a county's name or short form (四子王旗, 化德县, 察右中旗, 阿尔山市).
_COUNTY_END = ("县", "旗", "区", "市")


#: What such a row holds after its county that names no town (五台县居民办事处, 神池县城镇街道).
_NO_TOWN_NAME = ("居民", "城镇", "特殊")


def _without_county(name: str, county: Division) -> str:
    """A town the table names with its county before it (化德县朝阳镇, 察哈尔右翼后旗贲红镇,
    陈旗呼和诺尔镇) by its own name: texts name the county, then the town, and read the
    two as a chain.  Names that only begin like their county's bare name (卓资山镇 in
    卓资县, 嘉定镇街道 in 嘉定区) keep it.

    >>> _without_county("化德县朝阳镇", Division(0, "化德县", "County", None, None, "化德"))
    '朝阳镇'
    >>> _without_county("卓资山镇", Division(0, "卓资县", "County", None, None, "卓资"))
    '卓资山镇'
    """
    for prefix in (county.name, county.short):
        if prefix and prefix.endswith(_COUNTY_END) and name.startswith(prefix):
            rest = name[len(prefix):]
            if len(rest) >= 3 and _type_for(3, rest) is not None and not rest.startswith(_NO_TOWN_NAME):
                return rest
    return name


def _parse(data: bytes) -> list[Division]:
    rows: list[Division] = []
    stack: list[int] = []  # row id at each level
    for raw in io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        level = len(line) - len(line.lstrip("\t"))
        cols = line.strip("\t").split("\t")
        name = cols[0].strip()
        adcode = cols[1].strip() if len(cols) > 1 and cols[1].strip() else None
        short = cols[2].strip() if len(cols) > 2 and cols[2].strip() else None
        if level == 2 and name.endswith(_COMMITTEE):
            # a county-level area the table names by its administrative committee (某某管委会):
            # the place is the area (某某管理区), as the table names its kin; the committee is a body
            name = name.removesuffix(_COMMITTEE) + "管理区"
        del stack[level:]
        parent = stack[-1] if stack else None
        if level == 3 and parent is not None:
            name = _without_county(name, rows[parent])
        rows.append(Division(len(rows), name, _type_for(level, name), parent, adcode, short))  # type: ignore[arg-type]
        stack.append(len(rows) - 1)
    return rows


def read_aliases(path: str | Path) -> list[tuple[str, str, str | None]]:
    """Read an alias table: ``alias<TAB>canonical[<TAB>type]`` lines; ``#`` starts a comment."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(p), f"cannot read alias table ({e})") from e
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2 or not cols[0] or not cols[1]:
            raise InputError(str(p), f"line {n}: expected 'alias<TAB>canonical name[<TAB>type]'")
        out.append((cols[0], cols[1], cols[2] if len(cols) > 2 and cols[2] else None))
    return out


def read_former_names(path: str | Path) -> list[FormerName]:
    """Read a table of former names: ``name<TAB>type<TAB>successor's adcode[<TAB>parent
    [<TAB>short forms, comma-separated]]`` lines; ``#`` starts a comment."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(p), f"cannot read the table of former names ({e})") from e
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 3 or not cols[0] or cols[1] not in ("City", "County") or not re.fullmatch(r"\d{6}", cols[2]):
            raise InputError(str(p), f"line {n}: expected 'former name<TAB>City or County<TAB>six-digit adcode"
                                     "[<TAB>parent[<TAB>short forms]]'")
        parent = cols[3] if len(cols) > 3 and cols[3] else None
        short = tuple(s.strip() for s in cols[4].split(",") if s.strip()) if len(cols) > 4 else ()
        out.append(FormerName(cols[0], cols[1], cols[2], parent, short))
    return out


@lru_cache(maxsize=1)
def former_table() -> tuple[FormerName, ...]:
    """The project's table of former names (shipped with the package, so required)."""
    return tuple(read_former_names(resources.require(FORMER_NAMES_FILE)))


class _MoreRows(Sequence[Division]):
    """The table's rows and, after them, the rows of former names."""

    def __init__(self, base: Sequence[Division], extra: list[Division]):
        self._base, self._extra, self._n = base, extra, len(base)

    def __len__(self) -> int:
        return self._n + len(self._extra)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return self._base[i] if i < self._n else self._extra[i - self._n]

    def __iter__(self) -> Iterator[Division]:
        yield from self._base
        yield from self._extra


class _ByGet:
    """``in`` and ``[]`` of a read-only name index answered by its ``get``."""

    __slots__ = ()

    def __contains__(self, name: object) -> bool:
        return self.get(name) is not None  # type: ignore[attr-defined]

    def __getitem__(self, name: str) -> list[int]:
        v = self.get(name)  # type: ignore[attr-defined]
        if v is None:
            raise KeyError(name)
        return v


class _MoreNames(_ByGet):
    """Row ids by full name: the table's, and the former names' (read-only, like the base)."""

    def __init__(self, base, extra: dict[str, list[int]]):
        self._base, self._extra = base, extra

    def get(self, name: str, default=None):
        got = self._extra.get(name)
        return got if got is not None else self._base.get(name, default)

    def __len__(self) -> int:
        return len(self._base) + len(self._extra)

    def __iter__(self) -> Iterator[str]:
        yield from self._base
        yield from self._extra

    def keys(self) -> list[str]:
        return [*self._base.keys(), *self._extra]

    def items(self) -> Iterator[tuple[str, list[int]]]:
        yield from self._base.items()
        yield from self._extra.items()

    def values(self) -> Iterator[list[int]]:
        yield from self._base.values()
        yield from self._extra.values()




# ------------------------------------------------------------------ loading, with a compact cache
#
# Parsing JioNLP's 12 MB table and making 700,000 Division objects takes about 3 s and
# 250 MB; a one-file build must start in well under that, and every worker process of a
# parallel build loads the gazetteer too.  So the parsed table is kept in a flat file in
# the user's cache folder (:mod:`kg.packed`: the names as UTF-8 with their offsets, types
# in a byte string, parents in an int array, the name index as its names, their rows and
# their code point order), written atomically on first use and keyed by the jionlp
# version, the data file, this module's source and the Python version.  Loading maps the
# file and parses only its small tables (short forms, aliases, adcodes): a few
# milliseconds.  Division objects are made only for the rows a build asks for, and a name
# is found by bisection until a build has asked for many (:class:`_NameIndex`).

#: Bump when the layout of the cache file changes (3: a flat file, read in place; 2 was marshal).
_CACHE_FORMAT = 4
_CACHE_KIND = "gazetteer"
_TYPE_CODES: tuple[str | None, ...] = (
    None, "Province", "City", "County", "Town", "Street", "Community", "Village", "Neighborhood",
)
#: distinct names looked up by bisection before the name index is made one dict
_LAZY_LOOKUPS = 20_000


class _NameIndex(_ByGet):
    """Row ids by full name, as read from the cache: the mapping :attr:`Gazetteer.by_name`
    is, answered without a dict of 330,000 names for a build that asks for a few hundred.
    A name is found by bisection and remembered; after :data:`_LAZY_LOOKUPS` distinct
    names the index becomes one dict (a long build).  Read-only."""

    __slots__ = ("_keys", "_ids", "_multi_offsets", "_multi_ids", "_memo", "_table")

    def __init__(self, keys: packed.Strings, ids: Sequence[int], multi_offsets: Sequence[int], multi_ids: Sequence[int]):
        self._keys, self._ids = keys, ids  # an id >= 0: that one row; -k - 1: the k-th list of rows
        self._multi_offsets, self._multi_ids = multi_offsets, multi_ids
        self._memo: dict[str, list[int] | None] = {}
        self._table: dict[str, list[int]] | None = None

    def _rows(self, k: int) -> list[int]:
        v = self._ids[k]
        if v >= 0:
            return [v]
        o = self._multi_offsets
        return list(self._multi_ids[o[-v - 1] : o[-v]])

    def get(self, name: str, default=None):
        if self._table is not None:
            return self._table.get(name, default)
        memo = self._memo
        v = memo.get(name, memo)
        if v is memo:
            k = self._keys.find(name) if type(name) is str else -1
            v = memo[name] = self._rows(k) if k >= 0 else None
            if len(memo) > _LAZY_LOOKUPS:
                self.make_table()
        return default if v is None else v

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys.all())

    def keys(self) -> list[str]:
        return self._keys.all()

    def items(self) -> Iterator[tuple[str, list[int]]]:
        return ((k, self._rows(i)) for i, k in enumerate(self._keys.all()))

    def values(self) -> Iterator[list[int]]:
        return (self._rows(i) for i in range(len(self._ids)))

    def make_table(self) -> None:
        """Every name in one dict: what a long build looks up at dict speed."""
        if self._table is None:
            with _NoGC():
                self._table = dict(self.items())
            self._memo = {}


class _Rows(Sequence[Division]):
    """The table's rows, made into :class:`Division` objects only when one is asked for."""

    def __init__(self, names: packed.Strings, types: Sequence[int], parents: Sequence[int],
                 adcodes: dict[int, str], shorts: dict[int, str]):
        self._names, self._types, self._parents = names, types, parents
        self._adcodes, self._shorts = adcodes, shorts
        self._made: dict[int, Division] = {}

    def __len__(self) -> int:
        return len(self._types)

    def __getitem__(self, i):  # type: ignore[override]
        d = self._made.get(i)  # the common case: a row already made
        if d is not None:
            return d
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        d = self._made.get(i)
        if d is None:
            p = self._parents[i]
            d = Division(i, self._names[i], _TYPE_CODES[self._types[i]],  # type: ignore[arg-type]
                         p if p >= 0 else None, self._adcodes.get(i), self._shorts.get(i))
            self._made[i] = d
        return d

    def __iter__(self) -> Iterator[Division]:
        return (self[i] for i in range(len(self)))


class _NoGC:
    """Pause the cyclic garbage collector while hundreds of thousands of containers are
    made: they hold no cycles, and the collector's passes over them are most of the cost."""

    def __enter__(self) -> None:
        self._was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was:
            gc.enable()


def cache_dir() -> Path:
    """Where derived data is kept between runs: ``$KG_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/grassroots-kg``, else ``~/.cache/grassroots-kg``."""
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "grassroots-kg"


def _cache_file() -> Path:
    data = _jionlp_zip()
    st = data.stat()
    try:
        version = importlib.metadata.version("jionlp")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    h = hashlib.sha256()
    for part in (_CACHE_FORMAT, version, st.st_size, st.st_mtime_ns, sys.version_info[:2]):
        h.update(f"{part}\0".encode())
    h.update(Path(__file__).read_bytes())  # any change to parsing or derived forms
    return cache_dir() / f"gazetteer-{version}-{h.hexdigest()[:16]}.kgpack"


#: what a :class:`Gazetteer` holds besides its rows and name index, all small
_SMALL = ("by_alias", "strong_aliases", "nicknames", "by_adcode", "max_len", "upper_reach", "successor")


def _write_cache(path: Path, g: Gazetteer) -> None:
    """Write ``g`` (as parsed, without alias tables) to the cache file ``path``."""
    if set(vars(g)) != {"rows", "by_name", *_SMALL}:
        raise RuntimeError(f"the gazetteer's cache does not know {sorted(set(vars(g)) - {'rows', 'by_name', *_SMALL})}")
    rows = g.rows
    keys = list(g.by_name)
    ids, multi_offsets, multi_ids = array.array("i"), array.array("I", [0]), array.array("i")
    for where in g.by_name.values():
        if len(where) == 1:
            ids.append(where[0])
        else:
            ids.append(-len(multi_offsets))
            multi_ids.extend(where)
            multi_offsets.append(len(multi_ids))
    names, name_offsets = packed.pack_strings([d.name for d in rows])
    key_blob, key_offsets = packed.pack_strings(keys)
    small = {k: sorted(v) if isinstance(v, set) else v for k, v in vars(g).items() if k in _SMALL}
    header = {
        "adcodes": [[d.id, d.adcode] for d in rows if d.adcode],
        "shorts": [[d.id, d.short] for d in rows if d.short],
        **small,
    }
    packed.write(path, _CACHE_KIND, _CACHE_FORMAT, header, {
        "names": names,
        "names_offsets": name_offsets,
        "types": bytes(_TYPE_CODES.index(d.type) for d in rows),
        "parents": array.array("i", [-1 if d.parent is None else d.parent for d in rows]),
        "keys": key_blob,
        "keys_offsets": key_offsets,
        "keys_order": packed.sorted_order(keys),
        "ids": ids,
        "multi_offsets": multi_offsets,
        "multi_ids": multi_ids,
    })


def _read_cache(path: Path) -> tuple[_Rows, _NameIndex, dict]:
    """The rows, the name index and the small tables from the cache file ``path``."""
    header, sec = packed.read(path, _CACHE_KIND, _CACHE_FORMAT)
    try:
        rows = _Rows(sec.strings("names"), sec.view("types"), sec.view("parents", "i"),
                     {i: a for i, a in header["adcodes"]}, {i: s for i, s in header["shorts"]})
        index = _NameIndex(sec.strings("keys", order="keys_order"), sec.view("ids", "i"),
                           sec.view("multi_offsets", "I"), sec.view("multi_ids", "i"))
        small = {k: header[k] for k in _SMALL}
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"{path}: damaged ({e})") from e
    small["strong_aliases"], small["nicknames"] = set(small["strong_aliases"]), set(small["nicknames"])
    small["successor"] = {int(k): v for k, v in small["successor"].items()}  # (JSON keys are strings)
    if not (len(rows._names) == len(rows) == len(rows._parents) and len(index._keys) == len(index._ids)):
        raise ValueError(f"{path}: sections of different lengths")
    return rows, index, small


#: how long another version's cache file is kept unused: checkouts of other versions
#: (branches, worktrees, an upgrade) share the cache folder and must not wipe each other's
STALE_AFTER = 14 * 86400


def _remove_others(path: Path, versions: str) -> None:
    """Remove the cache files of other versions (the ``versions`` glob) beside ``path``
    that no process has read for :data:`STALE_AFTER` (a read refreshes a file's time)."""
    now = time.time()
    for old in path.parent.glob(versions):
        try:
            if old != path and now - old.stat().st_mtime > STALE_AFTER:
                old.unlink(missing_ok=True)
        except OSError:
            pass


def _mark_used(path: Path) -> None:
    """Refresh the time of a cache file read (at most daily), so it is not taken for stale."""
    try:
        if time.time() - path.stat().st_mtime > 86400:
            os.utime(path)
    except OSError:
        pass  # a read-only cache: nothing removes it either


@lru_cache(maxsize=1)
def _base() -> tuple[_Rows | list[Division], dict[str, list[int]] | _NameIndex, dict]:
    """The parsed table without aliases: from the cache file, or parsed and cached."""
    path = _cache_file()
    try:
        cached = _read_cache(path)
        _mark_used(path)
        return cached
    except (OSError, ValueError):
        pass  # no cache yet, or a damaged one: parse again
    with _NoGC():
        g = Gazetteer(_parse(_jionlp_data()))
    try:  # (a read-only home: every process parses)
        _write_cache(path, g)
        _remove_others(path, "gazetteer-*")
    except OSError:
        pass
    small = {k: v for k, v in vars(g).items() if k in _SMALL}
    return g.rows, g.by_name, small


def alias_table(alias_files: Sequence[str] = ()) -> tuple[tuple[str, str, str | None], ...]:
    """The rows of the project's alias table and of ``alias_files``, in order: what
    :func:`with_aliases` takes, small enough to send to worker processes and machines."""
    rows: list[tuple[str, str, str | None]] = []
    # the project's table ships with the package: missing, the install is broken and the
    # graph would differ, so it fails rather than being skipped
    for f in (str(resources.require(ALIASES_FILE)), *alias_files):
        rows.extend(read_aliases(f))
    return tuple(rows)


@lru_cache(maxsize=4)
def with_aliases(aliases: tuple[tuple[str, str, str | None], ...] = ()) -> Gazetteer:
    """The gazetteer with the former names of divisions (:func:`former_table`) and these
    alias rows added (cached per process)."""
    rows, by_name, small = _base()
    g = Gazetteer.__new__(Gazetteer)
    # the small tables are changed by add_alias: this gazetteer's own copies (of the lists too)
    g.__dict__.update({k: {a: list(v) for a, v in t.items()} if k == "by_alias" else t.copy() if isinstance(t, (set, dict)) else t
                       for k, t in small.items()})
    g.rows, g.by_name = rows, by_name  # type: ignore[assignment]  # read-only after loading
    g.nicknames = set()  # only alias tables make nicknames, and they are added below
    g.add_former(former_table())
    for alias, canonical, t in aliases:
        g.add_alias(alias, canonical, t)
    return g


@lru_cache(maxsize=4)
def load(alias_files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer with the project's alias table and any user tables (cached)."""
    return with_aliases(alias_table(alias_files))
