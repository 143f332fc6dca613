"""Span finders: where in one sentence a place, a body, a person or a practice is named.

Each finder reads a sentence's repaired text and returns :class:`Span` objects with
character positions in that text.  Finders know nothing about documents or the graph;
:mod:`kg.extract.document` puts their spans in context (which 双河镇, which 社区, who
implements what).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import jieba
import jieba.posseg as pseg

from ..gazetteer import Division, Gazetteer
from . import lexicon as L

jieba.setLogLevel(60)


@dataclass
class Span:
    start: int
    end: int
    text: str
    type: str
    how: str  # which pattern found it: the evidence's extractor name
    confidence: float = 0.5
    candidates: list[Division] = field(default_factory=list)  # places: gazetteer rows
    chain_prev: int | None = None  # places: index of the place span right before it
    role: str | None = None  # people: the post as written
    head: str | None = None  # organizations: the generic head (党委, 组织部 ...)
    canonical: str | None = None


# ------------------------------------------------------------------ tokens


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba's segmentation with parts of speech, as (start, end, flag)."""
    out, pos = [], 0
    for w in pseg.cut(text, HMM=True):
        out.append((pos, pos + len(w.word), w.flag))
        pos += len(w.word)
    return tuple(out)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_NOMINAL = ("n", "ns", "nr", "nz", "nt", "j", "b", "s", "ng", "nrt", "nrfg", "an", "f", "g", "x", "eng", "zg", "a")


def left_name_start(text: str, end: int, *, max_len: int, floor: int = 0) -> int:
    """Where a name that ends at ``end`` (the generic head's start) most likely begins.

    Walks left over jieba tokens: the token next to the head always belongs to the name;
    further tokens do while they are nominal or single unknown characters, and never past
    a verb, preposition, particle or stop character, ``floor`` or ``max_len``.
    """
    toks = tokens(text)
    start = end
    first = True
    for s, e, flag in reversed(toks):
        if e > end:
            continue
        if s < floor:
            break
        word = text[s:e]
        if not all(_is_cjk(c) or c.isdigit() for c in word):
            break
        if any(c in L.NOT_IN_NAME for c in word):
            if first and len(word) == 1:
                break
            # keep the part of the token right of the stop character
            cut = max(i for i, c in enumerate(word) if c in L.NOT_IN_NAME) + 1
            if cut < len(word) and end - (s + cut) <= max_len:
                start = s + cut
            break
        if end - s > max_len:
            break
        if word in _ORG_HEADS or word[-1] in "处委部局厅":
            break  # 办事处赛罕路社区: a body's name ends where the place's begins
        if not first and len(word) > 1 and not flag.startswith(_NOMINAL):
            break
        if first and len(word) > 1 and flag.startswith(("v", "p", "c", "d", "r")):
            # a verb next to the head (任职社区, 依托社区) makes no name: 胜利社区 and
            # 团结小区 are tagged as nouns or adjectives
            return end
        start = s
        first = False
    while start < end and text[start] in L.NOT_NAME_START:
        start += 1
    return start


# ------------------------------------------------------------------ places

_ORG_HEADS = set(L.ORG_HEADS)
_SUFFIX_RE = re.compile("|".join(s for s, _ in L.PLACE_SUFFIXES))
_SUFFIX_TYPE = dict(L.PLACE_SUFFIXES)
_HIGH_LEVEL = {"Province", "City", "County"}


def _generic_place(name: str) -> bool:
    if any(name[k:] in L.GENERIC_PLACES and name[k:] not in _SUFFIX_TYPE for k in range(len(name) - 1)):
        return True
    body = name
    for suf, _ in L.PLACE_SUFFIXES:
        if name.endswith(suf):
            body = name[: -len(suf)]
            break
    if len(body) < 2 and not (len(body) == 1 and name.endswith(("镇", "乡", "苏木"))):
        return True
    if body and (body[-1].isdigit() or body[-1] in "个余多几等级类型式们"):
        return True
    if body and (body[0] in L.NOT_NAME_START or body[0].isdigit()):
        return True
    return bool(re.search(r"[0-9一二两三四五六七八九十百千万]+个", body))


def _jieba_tag(word: str) -> str | None:
    return pseg.dt.word_tag_tab.get(word)  # type: ignore[attr-defined]


def usable_upper_name(name: str, rows: list[Division], gaz: Gazetteer) -> bool:
    """Can ``name`` stand for a province, city or county where it occurs in running text?

    Full names can, but for the few two-character ones that are also words (城区, 西区);
    short forms made by rule or listed in an alias table can; the table's bare names
    without suffix only when long (和林格尔, 呼和浩特) or, for provinces and cities, when
    jieba knows them only as place names (北京, 赤峰; not 开封, 安康 as words).
    """
    if name in gaz.by_name:
        if len(name) > 2:
            return True
        return name[-1] in "县旗市盟" and name[0] not in "全该本各每此这那其外邻一二两三四五六七八九十某"
    if name in gaz.strong_aliases:
        return True
    if _jieba_tag(name) not in (None, "ns"):
        return False  # a word first (示范区, 开封, 安康)
    if len(name) >= 3:
        return True
    return all(d.type in ("Province", "City") for d in rows)


def find_places(text: str, gaz: Gazetteer) -> list[Span]:
    """Places named in ``text``: gazetteer names and short forms of the upper three levels
    anywhere, and names ending in a place suffix (镇, 街道, 社区, 村, 小区 ...) whose left edge
    is given by an adjacent place (a chain), by the gazetteer, or by the words around it."""
    spans: list[Span] = []
    n = len(text)
    taken = [False] * n

    # 1. upper levels (province, city, county): full names and short forms, longest first
    i = 0
    while i < n:
        hit = None
        for L_ in range(min(gaz.max_len, n - i), 1, -1):
            cand = text[i : i + L_]
            rows = [d for d in gaz.lookup(cand) if d.type in _HIGH_LEVEL]
            if (
                rows
                and usable_upper_name(cand, rows, gaz)
                # a bare short form that runs on into a street's name (海拉尔路街道) is not it
                and not (cand not in gaz.by_name and i + L_ < n and text[i + L_] in "路街道巷里大")
            ):
                hit = (L_, cand, rows)
                break
        if hit:
            L_, cand, rows = hit
            # a short form must not be the head of a longer word (内蒙古 in 内蒙古自治区 is the full name)
            full = cand in gaz.by_name
            spans.append(Span(i, i + L_, cand, rows[0].type, "gazetteer" if full else "gazetteer-alias",
                              0.95 if full else 0.85, rows))
            for k in range(i, i + L_):
                taken[k] = True
            i += L_
        else:
            i += 1

    # 2. lower levels, anchored on their suffix
    for m in _SUFFIX_RE.finditer(text):
        e = m.end()
        if taken[m.start()] or taken[e - 1]:
            continue
        suffix = m.group()
        type_ = _SUFFIX_TYPE[suffix]
        # the place suffix must end the name: 乡村 / 村民 / 社区党委 are fine, 小区域 is not
        if suffix in ("乡", "村") and e < n and text[e] in "村镇民里":
            continue
        if suffix == "镇" and m.start() > 0 and text[m.start() - 1] in "乡城村集重小市":
            continue
        floor = 0
        prev = None
        for k, sp in enumerate(spans):
            if sp.end <= m.start():
                if floor <= sp.end:
                    floor, prev = sp.end, k
        # a chain: the previous place ends right where this name can start
        best = None
        max_body = 8 if type_ in ("Street", "Town") else 7
        for s in range(max(floor, m.start() - max_body), m.start()):
            cand = text[s:e]
            rows = [d for d in gaz.lookup(cand, aliases=False) if d.type == type_]
            if rows and not _generic_place(cand):
                best = (s, rows)
                break
        if best is not None:
            # a longer name that ends in a gazetteer name (通道北街社区 vs 北街社区) wins when it
            # starts where a name may start
            s_f = left_name_start(text, m.start(), max_len=max_body, floor=floor)
            ext = text[s_f : best[0]]
            if s_f < best[0] and not any(c in "区县市旗盟镇乡村处委部局厅院所" for c in ext) and (s_f == 0 or s_f == floor or not _is_cjk(text[s_f - 1]) or text[s_f - 1] in L.NOT_IN_NAME):
                if not _generic_place(text[s_f:e]):
                    best = None
        if best is None:
            s = left_name_start(text, m.start(), max_len=max_body, floor=floor)
            if prev is not None and spans[prev].end == floor and s > floor:
                # after a chain of places the name starts right after the last one
                gap = text[floor : m.start()]
                if gap and all(_is_cjk(c) and c not in L.NOT_IN_NAME for c in gap) and len(gap) <= max_body:
                    s = floor
            cand = text[s:e]
            if s >= m.start() or _generic_place(cand):
                continue
            if type_ in ("Town", "Village") and suffix != "嘎查" and not (prev is not None and spans[prev].end == s):
                # 镇, 乡 and 村 end too many words (返乡, 文明乡, 领导村): without the
                # gazetteer, only a chain (托县某某镇, 某某镇某某村) vouches for the name
                continue
            how, conf, rows = "suffix", 0.6, []
        else:
            s, rows = best
            cand = text[s:e]
            how, conf = "gazetteer", 0.8
        if any(taken[k] for k in range(s, e)):
            continue
        chain = prev if prev is not None and spans[prev].end == s else None
        if chain is not None:
            conf = min(0.95, conf + 0.1)
        spans.append(Span(s, e, cand, type_, how, conf, rows, chain))
        for k in range(s, e):
            taken[k] = True
        spans.sort(key=lambda sp: sp.start)
    spans.sort(key=lambda sp: sp.start)
    # chain links for upper levels too (赤峰市松山区)
    for k in range(1, len(spans)):
        if spans[k].chain_prev is None and spans[k - 1].end == spans[k].start:
            spans[k].chain_prev = k - 1
        elif spans[k].chain_prev is not None:
            # indices moved with the sort: relink to the span that ends here
            spans[k].chain_prev = next((j for j in range(k) if spans[j].end == spans[k].start), None)
    return spans
