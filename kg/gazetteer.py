"""China's administrative divisions: names, types, containment and adcodes.

Source: JioNLP's ``china_location.zip`` (Apache-2.0), pinned in ``pyproject.toml``.  It is
the one freely installable table we found with all five levels (province, city, county
with their six-digit adcodes and short names; towns/streets and villages/communities by
name), which is what linking below the county needs.  We read the data file straight
from the installed package; ``jionlp`` itself is never imported (its import is slow and
prints a banner).

On top of the table: official short forms of banners and counties derived by rule
(科尔沁左翼中旗 → 科左中旗, 托克托县 → 托县) and user aliases from ``ontology/aliases.tsv``
or ``kg build --aliases``.  All lookups return candidates; choosing among them from
context is :mod:`kg.extract.places`' job.
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import InputError

#: Suffix of a division name → our class, per level of the table (0 province … 4 village).
_LEVEL_TYPES: dict[int, list[tuple[str, str]]] = {
    3: [("街道", "Street"), ("办事处", "Street"), ("镇", "Town"), ("乡", "Town"), ("苏木", "Town")],
    4: [("社区", "Community"), ("村", "Village"), ("嘎查", "Village"), ("小区", "Neighborhood")],
}

#: Where the project's own alias table lives (tab-separated: alias, canonical name, optional type).
ALIASES_FILE = Path(__file__).resolve().parent.parent / "ontology" / "aliases.tsv"


@dataclass(frozen=True)
class Division:
    """One row of the table."""

    id: int
    name: str
    type: str
    parent: int | None
    adcode: str | None
    short: str | None = None


def _jionlp_data() -> bytes:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("jionlp", "the gazetteer package is not installed (pip install jionlp)")
    path = Path(list(spec.submodule_search_locations)[0]) / "dictionary" / "china_location.zip"
    if not path.is_file():
        raise InputError(str(path), "gazetteer data file missing from the jionlp package")
    with zipfile.ZipFile(path) as z:
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
    """Official short forms of a banner: 科尔沁左翼中旗 → 科左中旗, 新巴尔虎右旗 → 新右旗.

    >>> banner_short_forms("土默特右旗")
    ['土右旗']
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


#: First characters that make "X县" a common word rather than a county's short form.
_NOT_A_SHORT_FORM = set("全该本各每此这那其外邻一二两三四五六七八九十百千某我贵县旗市区")


def county_short_forms(name: str) -> list[str]:
    """The one-character short form of a long county name: 托克托县 → 托县."""
    if name.endswith("县") and len(name) >= 4 and not name.endswith("自治县"):
        return [name[0] + "县"]
    return []


class Gazetteer:
    """Lookups over the administrative-division table.

    >>> g = load()
    >>> [d.adcode for d in g.lookup("托县")]
    ['150122']
    """

    def __init__(self, rows: list[Division]):
        self.rows = rows
        self.by_name: dict[str, list[int]] = {}
        self.by_alias: dict[str, list[int]] = {}
        #: short forms made by rule or given in an alias table: trusted at any length,
        #: unlike the table's bare names without suffix (新华, 通道), which are common words
        self.strong_aliases: set[str] = set()
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

    def _derive_short_forms(self) -> None:
        """Add rule-made short forms that name exactly one division in all of China."""
        derived: dict[str, list[int]] = {}
        for d in self.rows:
            if d.type != "County":
                continue
            for s in banner_short_forms(d.name) + county_short_forms(d.name):
                derived.setdefault(s, []).append(d.id)
        for s, ids in derived.items():
            # an ambiguous short form (托县: 托克托县 or 托克逊县) stays a candidate for
            # context to choose; one that reads as a common word (全县, 该县) never is
            if s not in self.by_name and s[0] not in _NOT_A_SHORT_FORM and len(ids) <= 3:
                self.by_alias.setdefault(s, []).extend(ids)
                self.strong_aliases.add(s)

    def add_alias(self, alias: str, canonical: str, type_: str | None = None) -> bool:
        """Register ``alias`` for the divisions called ``canonical``; False if none is."""
        ids = [i for i in self.by_name.get(canonical, []) if type_ is None or self.rows[i].type == type_]
        if not ids:
            return False
        bucket = self.by_alias.setdefault(alias, [])
        bucket.extend(i for i in ids if i not in bucket)
        self.strong_aliases.add(alias)
        self.max_len = max(self.max_len, len(alias))
        return True

    def lookup(self, name: str, *, aliases: bool = True) -> list[Division]:
        """Divisions whose full name, or (with ``aliases``) short form, is ``name``."""
        ids = list(dict.fromkeys(self.by_name.get(name, [])))
        if aliases:
            ids += [i for i in dict.fromkeys(self.by_alias.get(name, [])) if i not in ids]
        return [self.rows[i] for i in ids]

    def parent(self, d: Division) -> Division | None:
        return self.rows[d.parent] if d.parent is not None else None

    def ancestors(self, d: Division) -> list[Division]:
        """Parents from the nearest up to the province."""
        out = []
        p = self.parent(d)
        while p is not None:
            if p.type is not None:
                out.append(p)
            p = self.parent(p)
        return out

    def is_within(self, d: Division, ancestor: Division) -> bool:
        return any(a.id == ancestor.id for a in self.ancestors(d))

    def county_of(self, d: Division) -> Division | None:
        for a in [d, *self.ancestors(d)]:
            if a.type == "County":
                return a
        return None

    def key(self, d: Division) -> str:
        """A stable entity id: the adcode where there is one, else the path below the
        nearest division that has one (``Town/150122/双河镇``)."""
        if d.adcode and d.type in ("Province", "City", "County"):
            return f"{d.type}/{d.adcode}"
        path = [d.name]
        p = self.parent(d)
        while p is not None and not p.adcode:
            path.append(p.name)
            p = self.parent(p)
        base = p.adcode if p is not None else ""
        return f"{d.type}/{base}/" + "/".join(reversed(path))


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
        del stack[level:]
        parent = stack[-1] if stack else None
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


@lru_cache(maxsize=4)
def load(alias_files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer with the project's alias table and any user tables (cached)."""
    g = Gazetteer(_parse(_jionlp_data()))
    for f in (str(ALIASES_FILE), *alias_files):
        if Path(f).is_file() or f != str(ALIASES_FILE):
            for alias, canonical, t in read_aliases(f):
                g.add_alias(alias, canonical, t)
    return g
