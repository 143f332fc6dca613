"""Places named without their kind's suffix where something vouches for them: an estate
after its place or before its party body (rule ``estate``), and the items of a list closed by
their kind (rule ``place-list``).
"""

from __future__ import annotations

import re

from ..model import PLACE_LEVEL
from . import lexicon as L
from . import segment
from .place_words import (
    SUFFIX_TYPE,
    after_chain,
    chain_floor,
    generic_place,
    phrase_of_common_words,
)
from .rules import conf
from .spans import Span, left_name_start, tokens

#: (the one-character words as branches too: then every branch opens with a character, and
#: the scan skips in C to where one of those characters stands)
_ESTATE_RE = re.compile("(?:" + "|".join([*L.ESTATE_WORDS, *map(re.escape, L.ESTATE_CHARS)]) + ")")


#: an estate's party body or owners' committee right after its name (某某居第一党支部), and
#: 城中村 in brackets, which makes the estate a village (某某花园（城中村）党支部)
_ESTATE_BODY = re.compile(r"([（(]城中村[)）])?(?:第[一二三四五六七八九十]+)?(?:联合党支部|党支部|党总支|党委|业主委员会|业委会)")


def read_estates(text: str, spans: list[Span], taken: list[bool]) -> None:
    """Estates the text names without 小区 (rule ``estate``), where something vouches for
    them: right after the place that contains them (某旗某某家园住户), or opening the
    name of their party body or owners' committee (某某居第一党支部, 某某花园（城中村）党支部)."""
    for m in _ESTATE_RE.finditer(text):
        e = m.end()
        nxt = text[e : e + 1]
        if taken[m.start()] or taken[e - 1] or text[e : e + 2] in ("小区", "社区") or nxt == "村" \
                or (m.group() == "居" and nxt in "委民住家"):
            continue  # (某某家园小区 is the suffix rule's; 居委会, 居民, 居住, 居家)
        floor, prev = chain_floor(spans, m.start())
        body = _ESTATE_BODY.match(text, e)
        chained = prev is not None and spans[prev].end == floor and PLACE_LEVEL[spans[prev].type] < PLACE_LEVEL["Neighborhood"] \
            and after_chain(text, floor, m.start(), 8)
        if chained and (_opens_with_verb(text, floor, m.start()) or text.startswith(_PEOPLE_AFTER_PLACE, floor)):
            continue  # 某社区建设|乐居……, 某社区居民混居: a verb or its people after the place, no estate's name
        if chained and PLACE_LEVEL[spans[prev].type] <= PLACE_LEVEL["County"] and _FIRM_AFTER.match(text, e):
            continue  # 某市某某宜居|物业服务有限公司: a firm's brand after its city, no estate
        if chained:
            s = floor
        elif body is not None:
            s = left_name_start(text, m.start(), max_len=8, floor=floor, place=True)
        else:
            continue
        name = text[s:e]
        if m.start() - s < (2 if len(m.group()) == 1 else 1) or len(name) < 3 or any(taken[s:e]) \
                or generic_place(name, in_chain=chained) or phrase_of_common_words(text[s : m.start()]):
            continue
        type_ = "Village" if body is not None and body.group(1) else "Neighborhood"
        confidence = conf("estate")
        if chained:
            confidence = min(conf("chained", "cap"), confidence + conf("chained"))
        spans.append(Span(s, e, name, type_, "estate", confidence, [], prev if chained else None))
        taken[s:e] = [True] * (e - s)
        spans.sort(key=lambda sp: sp.start)


#: a firm's trade and head right after the words (某某宜居|物业服务有限公司)
_FIRM_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:有限责任公司|有限公司|股份公司|公司)")
#: a place's people named right after it (某社区|居民混居): the words are about them, no estate's name
_PEOPLE_AFTER_PLACE = ("居民", "村民", "牧民", "群众", "党员", "干部", "住户")


def _opens_with_verb(text: str, i: int, j: int) -> bool:
    """Does the first word of ``text[i:j]`` read as a verb (建设, 打造)?"""
    return next((f.startswith("v") for a, b, f in tokens(text) if a == i and b <= j), False)


#: what closes a list of places by their kind: 等多个社区, 等小区, 两个小区
_LIST_KIND = re.compile(r"(?:等(?:多个|[0-9一二两三四五六七八九十几]+个)?|多个|[0-9一二两三四五六七八九十几]+个)"
                        r"(?:住宅|老旧|居民|城市)?(社区|小区|村(?=[(（]社区[)）]|[,，。；;、]|$))")


#: the numerals a list's count is written with
_NUMERALS = {**{str(n): n for n in range(10)}, **dict(zip("一二两三四五六七八九", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))}


def _count_in(closing: str) -> int | None:
    """The count of one digit or numeral a list's closing states (3个小区 → 3), if it states one."""
    k = closing.find("个")
    return _NUMERALS.get(closing[k - 1]) if k >= 1 and (k == 1 or not closing[k - 2].isdigit()) else None


#: what introduces a list of places before its first item: 辖区有, 辖区内包括
_LIST_OPENS = re.compile(r".*(?:有|包括|包含|涵盖|下辖|共辖)")
_LIST_ITEMS = re.compile(r"[\u4e00-\u9fff]{1,10}(?:、[\u4e00-\u9fff]{1,10})+$")


def read_lists(text: str, spans: list[Span], taken: list[bool]) -> None:
    """The items of a list closed by the kind they all are (rule ``place-list``): 某某湾、
    某某家园、某某小区等多个社区 names the communities 某某湾 and 某某家园.  An item the
    other rules found keeps its own kind; a bare item must end like an estate (湾, 家园,
    苑, 园, 居 ...), so 教育、医疗等社区服务 names none."""
    if "社区" not in text and "小区" not in text:
        return  # (what every list of places by their kind closes with)
    for m in _LIST_KIND.finditer(text):
        got = _LIST_ITEMS.search(text, max(0, m.start() - 60), m.start())
        if got is None:
            continue
        type_ = SUFFIX_TYPE[m.group(1)]
        items, at = [], got.start()
        for part in got.group().split("、"):
            items.append((at, at + len(part)))
            at += len(part) + 1
        found, bare, villages = 0, [], []
        estates = type_ == "Neighborhood"
        # 某某、某某、某某3个小区: a count that numbers the items vouches for each as a name
        counted = _count_in(m.group()) == len(items)
        of_villages = type_ == "Village"  # 某社区、某某村等村（社区）: the villages of the list end in their kind
        for k, (a, b) in enumerate(items):
            if k == 0 and any(taken[a:b]) and not taken[b - 1]:
                # 某社区辖区有|某某苑、……: the first item starts after the place before it
                a = max(i for i in range(a, b) if taken[i]) + 1
            if any(taken[a:b]):
                # an item the other rules found: a place that ends where the item ends
                own = next((sp for sp in spans if sp.end == b and sp.start >= a and not any(taken[a:sp.start])), None)
                if own is None:
                    break
                if estates and own.type == "Village":
                    villages.append(own)  # 建设二村, 某某新村 in a list of 小区: an estate, whatever village the gazetteer knows by that name
                found += 1
                continue
            if k == 0:  # the first item's left edge: where a name may start
                if (opener := _LIST_OPENS.match(text, a, b)) is not None:
                    a = opener.end()  # 辖区内有|某某苑: after what introduces the list
                else:
                    a = left_name_start(text, b, max_len=8, floor=max(a, chain_floor(spans, a)[0]), place=True)
            if not (_listed_village(text[a:b]) if of_villages else _listed_name(text[a:b], estates)) \
                    and not (counted and 2 <= b - a <= 6 and all("\u4e00" <= c <= "\u9fff" for c in text[a:b])):
                break
            bare.append((a, b))
        else:
            for sp in villages:
                sp.type, sp.candidates = "Neighborhood", []
            if bare and found + len(bare) >= 2:
                for a, b in bare:
                    spans.append(Span(a, b, text[a:b], type_, "place-list", conf("place-list")))
                    taken[a:b] = [True] * (b - a)
                spans.sort(key=lambda sp: sp.start)


def _listed_village(name: str) -> bool:
    """Can ``name`` be a village's own name in a list of villages (某某岭村)?"""
    return len(name) >= 3 and name.endswith("村") and not generic_place(name, listed=True) \
        and not any(c in L.NOT_IN_NAME for c in name) and segment.freq(name) < 100


def _listed_name(name: str, estates: bool = False) -> bool:
    """Can ``name`` be an estate's or a community's own name in a list (青山湾, 明德家园)?
    ``estates``: the list closes with 小区, which vouches for an estate's other endings too
    (某某新村, 某某家属院)."""
    if len(name) < 2:
        return False
    words = (*L.ESTATE_WORDS, *L.LISTED_ESTATE_WORDS) if estates else L.ESTATE_WORDS
    chars = L.LISTED_ESTATE_CHARS + L.LISTED_ESTATE_ENDS if estates else L.LISTED_ESTATE_CHARS
    ending = next((w for w in words if name.endswith(w)), None) or (name[-1] if name[-1] in chars else None)
    return ending is not None and len(name) > len(ending) and not generic_place(name) \
        and not any(c in L.NOT_IN_NAME for c in name) and segment.freq(name) < 100
