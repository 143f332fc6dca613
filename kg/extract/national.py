"""Central bodies of the Party and the state, named without a place (民政部, 中宣部, 全国妇联):
the names and short forms of ``ontology/national_bodies.tsv``, found by one pattern."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..resources import NATIONAL_BODIES_FILE, require
from .rules import conf
from .spans import Span, token_bounds
from .wordre import alternation


def read_national_bodies(path: str | Path) -> dict[str, str]:
    """The table: every form (official name or short form) → the official name.  Lines are
    ``name[<TAB>short forms, comma-separated]``; ``#`` starts a comment."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(p), f"cannot read the table of national bodies ({e})") from e
    forms: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) > 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2,}", cols[0]):
            raise InputError(str(p), f"line {n}: expected 'official name[<TAB>short forms, comma-separated]'")
        for form in [cols[0], *(s.strip() for s in (cols[1].split(",") if len(cols) > 1 else []))]:
            if form:
                forms.setdefault(form, cols[0])
    return forms


#: what after a body's name makes it something else: 民政部门 (a kind of office), 全国人大代表
#: (a post), or 区 (a longer name: a community's)
_NOT_AFTER = r"(?!门|代表|委员|区)"


@lru_cache(maxsize=1)
def pattern() -> re.Pattern | None:
    """The table's forms as one pattern, longest first (a build loads it before any worker
    starts, so a broken table is one error before any work)."""
    forms = read_national_bodies(require(NATIONAL_BODIES_FILE))
    if not forms:
        return None
    return re.compile("(?:" + alternation(sorted(forms, key=len, reverse=True)) + ")" + _NOT_AFTER)


def _in_title(text: str, i: int) -> bool:
    """Is position ``i`` inside a title's marks (《中共中央 国务院关于……》: a document)?"""
    before = text[:i]
    return before.count("《") > before.count("》") or before.count("〈") > before.count("〉")


#: a locative frame 在……中 that a form opening with 中 would close (在村中|办, 在会议中|办结)
_IN_FRAME = re.compile(r"在[\u4e00-\u9fff]{1,6}$")
#: how many characters before a form the frame may open
_FRAME_REACH = 7


def _inside_words(text: str, s: int, e: int) -> bool:
    """Is the form ``text[s:e]`` of two characters no name of its own: one that ends inside a word
    of jieba's (集中|办理, 社区中|办理: 中办) or straddles the end of one (中国|网: 国网), or one
    opening with a 中 that a 在 a few characters before makes the close of a locative frame
    (在村中|办)?  (A longer form, 中央组织部, stands.)"""
    if e - s != 2:
        return False
    if text[s] == "中" and _IN_FRAME.search(text, max(0, s - _FRAME_REACH), s):
        return True
    starts, ends = token_bounds(text)
    if e not in ends:
        return True
    k = bisect_right(starts, s) - 1
    return k >= 0 and starts[k] < s < ends[k] < e  # (中国|网: 国网 straddles the end of jieba's 中国)


def find_national(text: str) -> list[Span]:
    """The central bodies ``text`` names, as written (the rule ``org-national``)."""
    found = pattern()
    if found is None:
        return []
    return [Span(m.start(), m.end(), m.group(), "Organization", "org-national", conf("org-national"),
                 canonical=m.group()) for m in found.finditer(text)
            if not _in_title(text, m.start()) and not _inside_words(text, m.start(), m.end())]
