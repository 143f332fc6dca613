"""Places in one sentence: gazetteer names and short forms of the upper levels anywhere,
and names closed by a place suffix (镇, 街道, 社区, 村, 小区 ...) whose left edge a chain, the
gazetteer or the words around it give.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..gazetteer import Division, Gazetteer
from ..model import PLACE_LEVEL
from ..timing import timed
from . import lexicon as L
from . import segment
from .estates import read_estates, read_lists
from .place_words import (
    SUFFIX_TYPE,
    after_chain,
    chain_floor,
    clause_before_suffix,
    generic_place,
    phrase_of_common_words,
    proper_head,
    transliterated_start,
    without_kind,
    word_ends_at,
)
from .rules import conf
from .spans import (
    HEAD_RE,
    Span,
    inside_quote,
    is_cjk,
    is_common_word,
    jieba_tag,
    left_name_start,
    token_bounds,
    tokens,
    without_spans,
    word_at,
)

_SUFFIX_RE = re.compile("|".join(s for s, _ in L.PLACE_SUFFIXES))


_HIGH_LEVEL = {"Province", "City", "County"}


def usable_upper_name(name: str, rows: list[Division], gaz: Gazetteer) -> bool:
    """Can ``name`` stand for a province, city or county where it occurs in running text?

    Full names can, but for the few two-character ones that are also words (城区, 西区);
    short forms made by rule or listed in an alias table can; the table's bare names
    without suffix only when long (伊金霍洛, 乌鲁木齐) or, for provinces and cities, when
    jieba knows them only as place names (北京, 锡林郭勒; not 开封, 安康 as words).
    """
    if name in gaz.by_name:
        if len(name) > 2:
            return True
        return name[-1] in "县旗市盟" and name[0] not in "全该本各每此这那其外邻一二两三四五六七八九十某"
    if name in gaz.strong_aliases:
        return True
    tag = jieba_tag(name)
    if tag not in (None, "ns") and not (len(name) >= 3 and tag in ("nr", "nz", "nrt")):
        return False  # a word first (示范区, 开封, 安康)
    if len(name) >= 3:
        return True
    return all(d.type in ("Province", "City") for d in rows)


def _descriptive_district(name: str, rows: list[Division]) -> bool:
    """老城区, 矿区: a modifier before a common word for a kind of area; a district of that
    name exists somewhere, but the words usually just describe a part of town."""
    return rows[0].type == "County" and len(name) == 3 and name[0] in _AREA_MODIFIERS and segment.freq(name[1:]) >= 300


#: what a descriptive district's first character is: a place or an age in town (老城区, 东城区,
#: 新市区); 亭湖区 (亭 and 湖区) is a name
_AREA_MODIFIERS = frozenset("老新旧东西南北中大小上下前后内外主城郊近远")


#: a place suffix that also opens an upper place's short form (镇江, 乡宁, 村…): read across a
#: lower place's name (某某镇|江北村) it is that name's end
_SUFFIX_FIRST = frozenset("镇乡村")


#: the kinds of lower place a name's suffix right after a short form may make (二道江|乡)
_LOWER_AFTER = (("街道", "Street"), ("社区", "Community"), ("嘎查", "Village"), ("苏木", "Town"),
                ("镇", "Town"), ("乡", "Town"), ("村", "Village"))


#: a verb that joins a body to another (某院联合|镇司法所), which some towns are named (联合镇)
_JOINING_VERB = re.compile("|".join(L.JOINING_VERBS))


def _verb_then_kind(text: str, sp: Span, spans: list[Span], gaz: Gazetteer) -> bool:
    """Is the town, village or community read at ``sp`` a joining verb and a kind of place opening a
    body's name, right after another body or place (某检察院在某乡联合|乡党委开设……, 某法院
    联合|镇司法所: no town called 联合乡), not the town of the county named right before it?"""
    if not (sp.type in ("Town", "Street", "Village", "Community") and _JOINING_VERB.match(sp.text) is not None and sp.start > 0
            and text[sp.start - 1] in L.NAME_END_CHARS and HEAD_RE.match(text, sp.end) is not None):
        return False
    before = next((p for p in spans if p.end == sp.start), None)
    return before is None or not _held(sp.candidates, before, gaz)


#: an estate's one-character ending and its kind right after a short form (某水|湾小区, 某明|苑社区):
#: the short form opens the estate's name, no place of its own
_ESTATE_AFTER = re.compile("[" + "".join(sorted(L.RESIDENTIAL_CHARS)) + "](?:小区|社区)")


def _opens_lower_name(text: str, e: int, gaz: Gazetteer) -> bool:
    """Does a lower place's suffix at ``e``, or one or two characters after it, close a name
    the gazetteer has that starts at the short form before it (二道江|乡: 二道江乡; 上海|庙镇:
    鄂托克前旗's 上海庙镇, no town of Shanghai)?"""
    for gap in range(3):
        j = e + gap
        if gap and not is_cjk(text[j - 1 : j]):
            return False
        for suffix, kind in _LOWER_AFTER:
            if text.startswith(suffix, j):
                k = j + len(suffix)
                if any(_named(gaz, text[start:k], kind) for start in range(max(0, e - 6), e)):
                    return True
                if not gap:
                    return False
    return False


def _closes_a_name(text: str, i: int, gaz: Gazetteer) -> bool:
    """Does the suffix at ``i`` close a town's or village's name the gazetteer has (滨江镇)?"""
    kind = "Village" if text[i] == "村" else "Town"
    return any(_named(gaz, text[i - k + 1 : i + 1], kind) for k in (2, 3, 4) if i - k + 1 >= 0)


def _named(gaz: Gazetteer, name: str, *kinds: str) -> list[Division]:
    """The gazetteer's divisions of those kinds called ``name`` in full."""
    return [d for d in gaz.lookup(name, aliases=False) if d.type in kinds]


def _held(rows: list[Division], place: Span, gaz: Gazetteer) -> list[Division]:
    """The divisions of ``rows`` inside the division ``place`` reads first."""
    return [d for d in rows for up in place.candidates[:1] if gaz.is_within(d, up)]


#: what opens a two-character county name (和县) as often as it joins two names (某局和县某局)
_CONJUNCTIONS = "和与及并"
#: the office of a place, which may stand between it and a place it contains
_SEAT_OFFICES = {"办事处": "Street", "人民政府": "Town", "政府": "Town"}


def _upper_openers(reach: dict[str, int]) -> re.Pattern[str]:
    """Where an upper level's name (``reach``'s keys are their first two characters) may
    begin: a first character of one followed by a second character of one, found in C.
    Aliases only ever add keys, so the same table of the same size has the same keys."""
    got = _OPENERS.get(id(reach))
    if got is None or got[0] is not reach or got[1] != len(reach):
        if len(_OPENERS) > 8:
            _OPENERS.clear()
        firsts = "".join(sorted({re.escape(k[0]) for k in reach}))
        seconds = "".join(sorted({re.escape(k[1]) for k in reach}))
        pattern = re.compile(f"(?=[{firsts}][{seconds}])")
        got = _OPENERS[id(reach)] = (reach, len(reach), pattern)
    return got[2]


_OPENERS: dict[int, tuple[dict[str, int], int, re.Pattern[str]]] = {}


@timed("places")
def find_places(text: str, gaz: Gazetteer, known: frozenset[str] = frozenset()) -> list[Span]:
    """Places named in ``text``: gazetteer names and short forms of the upper three levels
    anywhere, and names ending in a place suffix (镇, 街道, 社区, 村, 小区 ...) whose left edge
    is given by an adjacent place (a chain), by the gazetteer, or by the words around it.

    ``known`` holds town and village names the page has already vouched for by a chain
    (化德县长顺镇): alone later on (此外，长顺镇还推行……) they are still places."""
    spans: list[Span] = []
    taken = [False] * len(text)
    _upper_places(text, gaz, spans, taken)
    starts: set[int] | None = None  # where jieba's words start, made at the first suffix
    for m in _SUFFIX_RE.finditer(text):
        if taken[m.start()] or taken[m.end() - 1] or (_suffix_in_word(text, m) and not _chained_town(text, m, gaz, spans)
                                                       and not any(text.startswith(k, m.end() - len(k)) for k in known)):
            continue  # (a town the page named where something vouched for it is that town again: 在|昌城镇)
        if len(m.group()) == 2 and text[m.end() : m.end() + 1] in "镇乡" and _opens_lower_name(text, m.end(), gaz):
            continue  # 六苏木|镇: the gazetteer's town whose name holds a kind (六苏木镇), no 苏木 of its own
        if starts is None:
            starts = set(token_bounds(text)[0])
        sp = _lower_place(text, gaz, m, spans, starts, known)
        if sp is None or any(taken[k] for k in range(sp.start, sp.end)) or _verb_then_kind(text, sp, spans, gaz) \
                or _opens_a_longer_name(text, sp, gaz):
            continue
        spans.append(sp)
        for k in range(sp.start, sp.end):
            taken[k] = True
        spans.sort(key=lambda sp: sp.start)
    _town_stems(text, gaz, spans, taken)
    _listed_by_one_kind(text, gaz, spans, taken)
    read_estates(text, spans, taken)
    read_lists(text, spans, taken)
    spans.sort(key=lambda sp: sp.start)
    spans = _without_short_forms_inside_names(text, spans, known)
    _link_chains(text, spans)
    return spans


def _without_short_forms_inside_names(text: str, spans: list[Span], known: frozenset[str]) -> list[Span]:
    """``spans`` less the short forms of upper places read inside the words of a lower place's
    name that the sentence or the page names (某镇北榆林子村 …… 某县北榆林子|果蔬种植专业合作社:
    the village's 榆林 is no city of that name)."""
    stems = {without_kind(sp.text) for sp in spans if PLACE_LEVEL[sp.type] >= PLACE_LEVEL["Town"]}
    stems |= {without_kind(k) for k in known}
    stems = {st for st in stems if len(st) >= 3}
    if not stems:
        return spans
    def inside(sp: Span) -> bool:
        return any(0 < off + len(sp.text) <= len(st) and st[off : off + len(sp.text)] == sp.text
                   and text.startswith(st, sp.start - off) and len(st) > len(sp.text)
                   for st in stems for off in range(len(st)))
    return without_spans(spans, {k for k, sp in enumerate(spans) if sp.how == "gazetteer-alias" and inside(sp)})



#: the kinds a town's or a street's name may run on to after a village's kind (张家村|街道)
_LONGER_KINDS = (("街道", "Street"), ("镇", "Town"), ("乡", "Town"))


def _opens_a_longer_name(text: str, sp: Span, gaz: Gazetteer) -> bool:
    """Is the village ``sp`` only the opening of a street's or a town's name the gazetteer has
    (碑林区张家村街道: the street, no village 张家村)?"""
    if sp.type != "Village":
        return False
    return any(text.startswith(kind, sp.end) and any(d.type == t for d in gaz.lookup(sp.text + kind, aliases=False))
               for kind, t in _LONGER_KINDS)


#: a township's body named by the town's name without its kind: 某某|派出所, 某某|人民法庭
_TOWNSHIP_BODY = re.compile("|".join(sorted(L.TOWNSHIP_BODY_HEADS, key=len, reverse=True)))


@timed("places")
def _town_stems(text: str, gaz: Gazetteer, spans: list[Span], taken: list[bool]) -> None:
    """A town named by its stem before a township body (某某司法所 of 某某镇): the stem is
    the town where the gazetteer has a town of that name and the stem is no common word
    (城关派出所 may be named after a road as well as after 城关镇)."""
    starts = None
    for m in _TOWNSHIP_BODY.finditer(text):
        h = m.start()
        if h < 2 or taken[h - 1]:
            continue
        if starts is None:
            starts = set(token_bounds(text)[0])
        for s in range(max(0, h - 4), h - 1):
            stem = text[s:h]
            if any(taken[k] or not is_cjk(text[k]) for k in range(s, h)) or (
                    s not in starts and not (s - 1 in starts and text[s - 1] in _JOINING_CHARS)
                    and not (text[s - 1 : s] == "和" and text[s - 2 : s - 1] in L.BODY_END_CHARS)):
                continue  # (某法庭与|某某|派出所: jieba glues the conjunction to the stem, 与某某)
            if is_common_word(stem) or stem in L.LOWER_PLACE_KINDS:
                continue  # (由苏木|司法所: the kind itself, the article's town, no stem of a name)
            if s > 0 and text[s - 1] in L.MONGOLIAN_CHARS and not taken[s - 1] and all(c in L.MONGOLIAN_CHARS for c in stem):
                continue  # 沙尔呼|都格|边境派出所: the tail of a longer run of syllables, no town's stem
            rows = [d for kind in L.TOWN_KINDS for d in gaz.lookup(stem + kind, aliases=False) if d.type == "Town"]
            if rows:
                spans.append(Span(s, h, stem, "Town", "town-stem", conf("town-stem"), rows))
                for k in range(s, h):
                    taken[k] = True
                break
    if starts is not None:
        spans.sort(key=lambda sp: sp.start)


#: the rules that read a place by its name without its kind (某某|派出所, 某某、某某等镇)
STEM_RULES = frozenset({"town-stem", "place-shared-kind"})
#: a list of places named by their names alone, closed by the one kind they all are
#: (金牛、州城等镇, 某某、某某两个街道)
_ONE_KIND_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,6}?)(?:等|[两三四五六七八九十几0-9]+个?)?(镇|乡|苏木|街道)")


@timed("places")
def _listed_by_one_kind(text: str, gaz: Gazetteer, spans: list[Span], taken: list[bool]) -> None:
    """Towns or streets listed by their names and named by one kind after the list (某县在金牛、
    州城等镇推广……): each item is the gazetteer's place of that kind, where every item is one of
    one county (rule ``place-shared-kind``; the first item's name is the longest tail of its
    words the gazetteer has)."""
    if "、" not in text:
        return
    for m in _ONE_KIND_LIST.finditer(text):
        kind = m.group(2)
        type_ = SUFFIX_TYPE[kind]
        parts, at = [], m.start(1)
        for part in m.group(1).split("、"):
            parts.append((at, at + len(part)))
            at += len(part) + 1
        a0, b0 = parts[0]
        first = next(((a, b0) for a in range(max(a0, b0 - 5), b0 - 1) if _rows_of(gaz, text[a:b0], kind, type_)), None)
        if first is None:
            continue
        items = [first, *parts[1:]]
        if any(any(taken[a:b]) for a, b in items):
            continue
        rows = [_rows_of(gaz, text[a:b], kind, type_) for a, b in items]
        if not all(rows):
            continue
        counties = set.intersection(*({c.id for d in r if (c := gaz.county_of(d)) is not None} for r in rows))
        if not counties:
            continue  # (items the gazetteer has in no one county: words, or another list)
        for (a, b), r in zip(items, rows, strict=True):
            held = [d for d in r if (c := gaz.county_of(d)) is not None and c.id in counties]
            spans.append(Span(a, b, text[a:b], type_, "place-shared-kind", conf("place-shared-kind"), held))
            for k in range(a, b):
                taken[k] = True
        spans.sort(key=lambda sp: sp.start)


def _rows_of(gaz: Gazetteer, stem: str, kind: str, type_: str) -> list[Division]:
    """The gazetteer's places of ``type_`` called ``stem`` + ``kind`` in full."""
    return [d for d in gaz.lookup(stem + kind, aliases=False) if d.type == type_]


#: conjunctions that join two bodies and open no name (jieba may glue one to the name after it)
_JOINING_CHARS = frozenset("与及")


#: kinds of lower places a bare upper name may open the name of (某街道鞍山社区: not 鞍山市;
#: 某某鄂温克民族乡: not 鄂温克族自治旗)
_LOWER_KINDS = ("社区", "小区", "嘎查", "村委", "街道", "民族")


def _upper_hit(text: str, i: int, gaz: Gazetteer, reach: int, memo: dict) -> tuple[int, str, list[Division]] | None:
    """The longest upper place (province, city, county) whose name starts at ``i``, where
    ``reach`` is the longest such name opening with ``text[i:i+2]``."""
    n = len(text)
    for L_ in range(min(reach, n - i), 1, -1):
        cand = text[i : i + L_]
        got = memo.get(cand)
        if got is None:
            got = memo[cand] = _upper_name(cand, gaz)
        rows, usable, full = got
        if rows and not usable and L_ == 2 and (held := _holder_of_next_place(text, i + 2, rows, gaz)):
            return L_, cand, held  # 宾川|金牛镇, 信阳|新县: a bare short form, vouched for by a place it holds
        if (
            usable
            # a bare short form that runs on into a street's name (嘉兴路街道) or a people's
            # (鄂伦春族) is not it
            and not (not full and i + L_ < n and (
                text[i + L_] in "路街道巷里大族" or text[i + L_ : i + L_ + 2] in ("东路", "西路", "南路", "北路", "中路")
                or text[i + L_ : i + L_ + 2] in _LOWER_KINDS))
        ):
            return L_, cand, list(rows)
    return None


#: a post or role right before a surname (网格员张|某某)
_ROLE_BEFORE = re.compile("(?:" + "|".join(map(re.escape, sorted({*L.LEAD_TITLES, *L.OTHER_ROLES}, key=len, reverse=True))) + ")$")


def _holder_of_next_place(text: str, e: int, rows: list[Division], gaz: Gazetteer) -> list[Division]:
    """The divisions of ``rows`` that hold the place named in full right at ``e``: a county's
    town or street (宾川|金牛镇), a city's county (信阳|新县).  A two-character short form is
    a word as often as a place (开封, 来宾), but not before a place of its own."""
    for kinds, suffix in _HELD_AFTER:
        holders = [d for d in rows if d.type == kinds[0]]
        if not holders:
            continue
        for m in suffix.finditer(text, e + 1, min(len(text), e + 12)):
            below = _named(gaz, text[e : m.end()], *kinds[1:])
            held = [d for d in holders if any(t.parent == d.id for t in below)]
            if held:
                return held
    return []


#: a kind of division, the kinds it holds, and what closes their names
_HELD_AFTER = ((("County", "Town", "Street"), re.compile("镇|乡|街道|苏木")),
               (("City", "County"), re.compile("县|旗|区|市")))


def _upper_name(cand: str, gaz: Gazetteer) -> tuple[list[Division], bool, bool]:
    """What the gazetteer says of ``cand`` as an upper place: its rows of the upper levels,
    whether it can stand for one in running text, whether it is a full name (a pure
    function of ``cand`` and the gazetteer: kept in :meth:`Gazetteer.memo`)."""
    rows = [d for d in gaz.lookup(cand) if d.type in _HIGH_LEVEL]
    return rows, bool(rows) and usable_upper_name(cand, rows, gaz), cand in gaz.by_name


#: distinct strings the place finder keeps the gazetteer's answers for before it starts again
_UPPER_MEMO_SIZE = 400_000


def _upper_places(text: str, gaz: Gazetteer, spans: list[Span], taken: list[bool]) -> None:
    """Upper levels (province, city, county): full names and short forms, longest first."""
    reach = gaz.upper_reach
    memo = gaz.memo("upper places")
    if len(memo) > _UPPER_MEMO_SIZE:
        memo.clear()
    i = 0
    # where no upper name can begin (no name opens with the two characters there), skip in C
    for found in _upper_openers(reach).finditer(text):
        j = found.start()
        if j < i:
            continue
        pair = reach.get(text[j : j + 2])
        hit = _upper_hit(text, j, gaz, pair, memo) if pair else None
        if not hit:
            continue
        i = j
        L_, cand, rows = hit
        if cand not in gaz.by_name and (_opens_lower_name(text, i + L_, gaz) or _ESTATE_AFTER.match(text, i + L_)):
            i += L_  # 二道江|乡, 二道江|村, 某水|湾小区: a short form opening a town's, a village's or an estate's name
            continue
        if cand not in gaz.by_name and text.endswith(_TOWN_KINDS_BEFORE, 0, i) and _LOWER_NAME_AFTER.match(text, i + L_):
            i += L_  # 某街道|大理坪社区: after a town's or a street's name a short form opens the name of a
            continue  # place below it, no city or county (a chain runs from the higher place down)
        if cand[0] in _SUFFIX_FIRST and i > 0 and is_cjk(text[i - 1]) and text[i - 1] not in L.NOT_NAME_START \
                and cand not in gaz.by_name and not (spans and spans[-1].end == i) and _closes_a_name(text, i, gaz):
            i += 1  # 某某镇|江北村: the suffix closes the name before (镇江 read across it is no city)
            continue
        if _JOINING_VERB.match(cand) and i > 0 and text[i - 1] in L.NAME_END_CHARS and HEAD_RE.match(text, i + L_) is not None \
                and not (spans and spans[-1].end == i):
            i += 2  # 县委政法委会同|县司法局: the joining verb after a body, then a body named by its level, no 会同县
            continue
        if len(cand) == 2 and cand[0] in _CONJUNCTIONS and not (spans and spans[-1].end == i and _held(rows, spans[-1], gaz)):
            i += 1  # 某局和|县某局: the conjunction and the level's word, not 和县 (安徽省和县 is)
            continue
        if cand in L.ZONE_KINDS and cand not in gaz.strong_aliases:
            # 高新区 alone: a kind of zone, though the table gives some zone that short form;
            # it names one only after a place that holds that zone (某市|高新区, 某市稀土|高新区)
            rows = [d for d in rows if any(_held([d], sp, gaz) for sp in spans)]
            if not rows:
                i += L_
                continue
        if cand not in gaz.by_name and i >= 1 and text[i - 1] in L.SURNAMES_1 and (
                i >= 3 and _ROLE_BEFORE.search(text[max(0, i - 11) : i - 1].rstrip(" \u3000")) or text.startswith(L.SPEAKER_SAYS, i + L_)
                or (text.startswith((":", "："), i + L_) and (i == 1 or not is_cjk(text[i - 2])))):
            i += L_  # 网格员张|保山, 常委李|海东介绍, 通讯员 张|保山 (a byline's space between), ⏎张|保山：……: a person's
            continue  # given name after a role and a surname, before what a speaker does, or an interview's speaker, not the city's short form
        if i >= 2 and _COUNTED.fullmatch(text, i - 2, i):
            i += L_  # 3个某某区: a count of a kind of area (a word the gazetteer also has as a district), not the district
            continue
        if L_ == 2 and text.startswith("级", i + 2) and not (spans and spans[-1].end == i):
            i += 1  # 建成|县级综治中心: a level's word (县级) after a verb's character, no county called 成县
            continue
        if _tail_of_a_word(text, i, i + L_) and (cand not in gaz.by_name or _common_rest(text, i, i + L_)):
            i += 1  # 依托|县委党校 (jieba: 依托/县委), 适应|城市: a name read across a word's end (托县, 应城市) is none
            continue  # (a full name only where the rest is an everyday word: 社区联合|会宁县 stands)
        if not (spans and spans[-1].end == i) and _inside_long_word(text, i) and _word_runs_to(text, i, i + L_):
            i += 1  # 全省示|范县 (jieba: 示范县): a name that is the tail of a longer word of the dictionary is none
            continue  # (but 社区联合|会宁县: jieba's 联合会 ends inside the name, which stands)
        if cand not in gaz.by_name and not (spans and spans[-1].end == i) and _inside_transliteration(text, i, i + L_):
            i += L_  # 乌兰|吉林|图嘎查: syllables of a gacha's or a sum's name, no province
            continue
        if cand not in gaz.by_name and text.startswith(_GRASSLAND, i + L_) and all(d.type == "County" for d in rows):
            i += L_  # 科尔沁|草原: the grassland a county's short form names is a region wider than the county
            continue  # (a province's or a city's, 内蒙古|草原, is the place: the real gold reads it so)
        if cand not in gaz.by_name and _in_natural_feature(text, i, i + L_):
            i += L_  # 巴丹吉林沙漠, 长白山, 大兴安岭深处: a desert's, a mountain's name, not the place's short form
            continue
        if {d.type for d in rows} >= {"Province", "City"} and len({d.adcode for d in rows}) == 1:
            # 北京市, 天津市: a municipality is both; the guideline counts it a City
            rows = [d for d in rows if d.type == "City"] + [d for d in rows if d.type != "City"]
        # a short form must not be the head of a longer word (内蒙古 in 内蒙古自治区 is the full name)
        full = cand in gaz.by_name
        how = "gazetteer" if full else "gazetteer-alias"
        named_level = len(cand) >= 3 and cand[-1] in "省市县旗盟"  # 北京市 is a word, but a place first
        if full and not named_level and (is_common_word(cand) or _descriptive_district(cand, rows)
                                         or text.endswith(L.HOUSING_STATES, 0, i)):
            how = "gazetteer-common"  # 老城区, 老旧|平房区: a word first, a district only in its region
        spans.append(Span(i, i + L_, cand, rows[0].type, how, conf(how), rows))
        for k in range(i, i + L_):
            taken[k] = True
        i += L_


def _inside_transliteration(text: str, i: int, j: int) -> bool:
    """Is the short form at ``i:j`` inside a run of Mongolian syllables that a gacha or a sum
    closes (乌兰|吉林|图嘎查), a syllable before it and at most three after it?"""
    if i == 0 or text[i - 1] not in L.MONGOLIAN_CHARS:
        return False
    for k in range(j, min(len(text), j + 4)):
        if text.startswith(L.MONGOLIAN_PLACE_KINDS, k):
            return True
        if text[k] not in L.MONGOLIAN_CHARS:
            return False
    return False


#: the end of a natural feature's name (沙漠, 山, 湖; not 草原: a province's or a city's 某某草原 is the place's) and
#: what follows a range's, a forest's or a river's name (深处, 南麓, 林区, 下游, 流域): where a place's short form is
#: part of it, it is no place
_NATURAL_END = re.compile(r"(?:沙漠|沙地|山脉|山|岭|峰|湖|河|江|湿地|戈壁|峡谷|林场|森林)$")
_NATURAL_AFTER = re.compile(r"(?:深处|腹地|山脉|山区|林区|南麓|北麓|东麓|西麓|脚下|沙漠|沙地|下游|上游|中游|流域|沿岸|两岸)")


#: the kinds a town's or a street's name ends in, and a lower place's name after a short form
_TOWN_KINDS_BEFORE = ("街道", "镇", "乡", "苏木")
_LOWER_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:社区|嘎查|村|小区)")


def _tail_of_a_word(text: str, a: int, b: int) -> bool:
    """Does the short form at ``a:b`` open with the last character of a dictionary word
    jieba reads before it (依托|县: 托县 is no county there)?"""
    starts, ends = token_bounds(text)
    k = bisect_right(starts, a) - 1
    return k >= 0 and starts[k] < a < ends[k] <= b and jieba_tag(text[starts[k] : ends[k]]) is not None


def _common_rest(text: str, a: int, b: int) -> bool:
    """Is what follows the word that ends inside ``a:b`` one everyday word of jieba's that ends
    at ``b`` (适应|城市: 城市)?"""
    starts, ends = token_bounds(text)
    k = bisect_right(starts, a) - 1
    return k >= 0 and b - ends[k] >= 2 and is_common_word(text[ends[k] : b]) and (w := word_at(text, ends[k])) is not None \
        and w[0] == b and not tokens(text)[k][2].startswith("ns")  # (甘肃兰州|市: a place's word, the name's own level)


def _in_natural_feature(text: str, a: int, b: int) -> bool:
    """Is the short form at ``a:b`` inside the name of a desert, a mountain or a lake (one
    word that runs past it and ends in 沙漠, 山, 湖) or a range's name before 深处, 南麓?"""
    if _NATURAL_AFTER.match(text, b):
        return True
    starts, ends = token_bounds(text)
    k = bisect_right(starts, a) - 1
    if k < 0 or ends[k] < b or (starts[k] == a and ends[k] == b):
        return False
    return _NATURAL_END.search(text, starts[k], ends[k]) is not None


#: a grassland named after a region (科尔沁草原, 科尔沁大草原)
_GRASSLAND = ("草原", "大草原")
#: words for the countryside that end in a village's kind (乡村旅游, 农村电商; not 山村: 某山村)
_RURAL_WORDS = ("乡村", "农村")


def _word_at(text: str, i: int, j: int) -> bool:
    """Is ``text[i:j]`` one of jieba's words, or the head of one (乡村|旅游, 乡村振兴)?"""
    w = word_at(text, i)
    return w is not None and w[0] >= j


#: what an estate's or a community's name ends in before its kind (某乡苑社区, 某镇园小区)
_ESTATE_CHARS = frozenset("苑园居湾府庭")  # (not 里, 城: 镇里, 镇城 are words of the town)


#: the characters before 镇 that make a word of it (城镇, 集镇, 市镇): a town so named stands only
#: where something vouches for it
WORD_BEFORE_TOWN = frozenset("乡城村集重小市")


def _suffix_in_word(text: str, m: re.Match) -> bool:
    """Does the place suffix at ``m`` sit inside a word (乡村, 村民, 嘎查村, 城镇), not end a name?"""
    e, suffix, n = m.end(), m.group(), len(text)
    # the place suffix must end the name: 乡村 / 村民 / 社区党委 are fine, 小区域 is not
    if suffix == "村" and text.startswith("委会", e) and m.start() >= 2 and is_cjk(text[m.start() - 1]) \
            and text[m.start() - 1] not in L.NOT_NAME_START:
        return False  # 某某村委会: the village's committee, its 村 the name's (as 某某村村委会)
    if suffix in ("乡", "村") and e < n and (text[e] in "村镇民里干委级庄务规落部容貌" or text[e : e + 2] == "集体") \
            and not (suffix == "村" and text[e] == "村" and text[e + 1 : e + 2] in tuple("民委干党两级集务主支书长医组里")):
        return True  # 乡村, 村民, 村干部, 村委会, 村级, 村集体: words, not names (乡集中开展 is a name;
        #              某某村|村主任, 某某村|村支书: the name, then a post of the village)
    if suffix in ("嘎查", "镇") and text[e : e + 1] in ("村", "街"):
        return True  # 嘎查村, 镇街道: kinds of places, not one
    if suffix == "苏木" and text[e : e + 1] == "村" and m.start() > 0 and is_cjk(text[m.start() - 1]):
        return True  # 某某苏木|村: a village named after a 苏木 (the town's name would end at 苏木)
    if suffix == "村" and text[m.start() - 1 : e] in _RURAL_WORDS and _word_at(text, m.start() - 1, e):
        return True  # 某某|乡村旅游合作社, 某某|农村: the word for the countryside, not a village's kind
    if suffix in ("村", "苑", "园") and text[e : e + 2] == "小区":
        return True  # 某某新村小区: an estate's name, closed by 小区
    if suffix in ("乡", "镇") and text[e : e + 1] in _ESTATE_CHARS and text.startswith(("社区", "小区"), e + 1):
        return True  # 某镇驼乡苑|社区: the syllable of a community's name, closed by 社区
    return suffix == "镇" and m.start() > 0 and text[m.start() - 1] in WORD_BEFORE_TOWN


def _chained_town(text: str, m: re.Match, gaz: Gazetteer, spans: list[Span]) -> bool:
    """某县|陈集镇, 某区|瓦市镇, 某县|某某瑶族乡|干存村: right after a county (or right before a
    village of it), a town the gazetteer has whose name ends in a word (集镇, 市镇, 乡干部) is
    that town, not the word."""
    if m.group() not in ("镇", "乡"):
        return False
    for k in (2, 3, 4, 5):
        s = m.start() - k
        if s < 0:
            break
        rows = _named(gaz, text[s : m.end()], "Town")
        if not rows:
            continue
        prev = next((sp for sp in spans if sp.end == s and sp.candidates), None) if s > 0 else None
        if prev is not None and _held(rows, prev, gaz):
            return True
        if _villages_after(text, m.end(), rows, gaz):
            return True  # 在九村镇|七江村: a village of that town right after it vouches for it too
        if (s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in _OPENS_A_TOWN) \
                and any(sp.type == "County" and sp.candidates and _held(rows, sp, gaz) for sp in spans):
            return True  # 某市委书记到|昌城镇、某某镇调研: a town of the county the sentence names, where a name may open
    return False


#: what a town's name may follow in a sentence that names its county (到|某某镇, 、|某某镇)
_OPENS_A_TOWN = frozenset("到在赴于从与和及、")


def _function_words_only(text: str, a: int, b: int) -> bool:
    """Are the words at ``a:b`` all adverbs, conjunctions, prepositions or particles of jieba's
    (正|和, 也|和): words that join or qualify, of which no place's name is made?"""
    starts, ends = token_bounds(text)
    k = bisect_left(starts, a)
    if k >= len(starts) or starts[k] != a:
        return False
    toks = tokens(text)
    while k < len(starts) and ends[k] <= b:
        if toks[k][2][:1] not in ("d", "c", "p", "u"):
            return False
        if ends[k] == b:
            return True
        k += 1
    return False


def _after_a_verb(text: str, s: int, g: int) -> bool:
    """Does a proper word of one or two characters at ``s`` (before the gazetteer's shorter name at
    ``g``) follow a verb, a preposition or a conjunction of two characters or more (比如|锡|林苑社区,
    家住|塔林|某某社区)?"""
    starts, ends = token_bounds(text)
    k = bisect_left(ends, s)
    if g - s not in (1, 2) or k + 1 >= len(ends) or ends[k] != s or ends[k] - starts[k] < 2:
        return False
    word = tokens(text)[k + 1] if g - s == 2 else None
    proper = (word is not None and word[1] == g and word[2].startswith(("ns", "nr"))) or (
        g - s == 1 and (jieba_tag(text[s]) or "").startswith(("ns", "nr")))
    return tokens(text)[k][2][:1] in ("v", "p", "c") and proper


def _villages_after(text: str, e: int, towns: list[Division], gaz: Gazetteer) -> list[Division]:
    """The towns of ``towns`` that hold the village or community named right at ``e``."""
    out = []
    for n in (3, 4, 5):
        below = _named(gaz, text[e : e + n], "Village", "Community")
        out += [d for d in towns if d not in out and any(gaz.is_within(v, d) for v in below)]
    return out


def _glued_past(text: str, i: int, j: int) -> bool:
    """Does one of jieba's words of three characters or more start at ``i`` and run past ``j``
    (某街道|和祥居|社区: right after the place above it, the 和 opens the name jieba reads, no
    conjunction before a name the gazetteer has elsewhere, 祥居社区; after a body,
    某派出所|和某某|社区党委, it joins the two)?"""
    w = word_at(text, i)
    return w is not None and w[0] > j and w[0] - i >= 3  # (某村和|平峰镇: 和平, a word of two, joins)


def _word_runs_to(text: str, i: int, j: int) -> bool:
    """Does the word of jieba's that runs across ``i`` reach ``j`` or beyond?"""
    starts, ends = token_bounds(text)
    k = bisect_right(starts, i) - 1
    return k >= 0 and ends[k] >= j


def _inside_long_word(text: str, i: int) -> bool:
    """Does one of jieba's dictionary words of three characters or more run across ``i``
    (负责|人|和镇 read 负责人|和|镇: no 人和镇 opens inside 负责人)?"""
    starts, ends = token_bounds(text)
    k = bisect_right(starts, i) - 1
    return k >= 0 and starts[k] < i < ends[k] and ends[k] - starts[k] >= 3 and jieba_tag(text[starts[k] : ends[k]]) is not None


#: what opens one of a pair of places named alike (东/西某某村, 大/小某某村, 前/后某某村)
_PAIRED_PLACE_OPENINGS = frozenset("东西南北前后上下大小")


def _lower_place(text: str, gaz: Gazetteer, m: re.Match, spans: list[Span], starts: set[int],
                 known: frozenset[str]) -> Span | None:
    """The place closed by the suffix at ``m``: a gazetteer name, or one its chain or its words give."""
    e, type_ = m.end(), SUFFIX_TYPE[m.group()]
    if type_ == "Village" and m.group() == "村" and text.startswith("社区", e):
        return None  # 某某村|社区, 某某新村|社区: a community named after the village it was, no village here
    floor, prev = chain_floor(spans, m.start())
    max_body = 8 if type_ in ("Street", "Town") else 7
    if text[max(0, m.start() - 2) : m.start()] == "民族":
        max_body = 12  # 某某达斡尔民族乡: a place's name, a people's, and 民族
    best = _gazetteer_lower(text, gaz, m, type_, floor, prev, spans, starts, max_body)
    paired = None
    if best is not None and prev is not None and spans[prev].end == floor and 0 < best[0] - floor <= 2 \
            and PLACE_LEVEL[spans[prev].type] < PLACE_LEVEL[type_] and not _held(best[1], spans[prev], gaz) \
            and after_chain(text, floor, m.start(), max_body):
        best = None  # 美林镇|红石沟村 (jieba: 镇红): a name elsewhere (石沟村) inside the chain's longer one
    if best is not None:
        # a longer name that ends in a gazetteer name (建设北街社区 vs 北街社区) wins when it
        # starts where a name may start
        s_f = left_name_start(text, m.start(), max_len=max_body, floor=floor, place=True)
        ext = text[s_f : best[0]]
        if s_f < best[0] and not any(c in "区县市旗盟镇乡村处委部局厅院所" for c in ext) \
                and (ext not in ("和", "与", "及") or (s_f == floor and _glued_past(text, s_f, best[0]))) \
                and (s_f == 0 or s_f == floor or not is_cjk(text[s_f - 1]) or text[s_f - 1] in L.NOT_IN_NAME
                     or (s_f in starts and best[0] not in starts) or _after_a_verb(text, s_f, best[0])
                     or (len(ext) >= 2 and all(c in L.MONGOLIAN_CHARS for c in ext)
                         and (m.group() in L.MONGOLIAN_PLACE_KINDS or all(c in L.MONGOLIAN_CHARS for c in text[best[0] : m.start()])))):
            # (“某某”和|某镇: the conjunction alone makes no longer name of one the gazetteer has;
            # 推广|东兴|屯村: jieba's words open the longer name, and the gazetteer's inside one;
            # 总结|乌日根|敖包嘎查: syllables before a gacha's name the gazetteer has elsewhere are its own,
            # as before a community's all of syllables: 提起|宝格达|乌拉社区)
            if not generic_place(text[s_f:e]):
                best = None
                if len(ext) == 1 and ext in _PAIRED_PLACE_OPENINGS and not (s_f > 0 and word_ends_at(text, s_f + 1)):
                    paired = s_f  # 西|石门沟村: one of a pair of places (东/西某某村), whose name the gazetteer has elsewhere
    if best is not None and known and any(len(k) > e - best[0] and text.startswith(k, e - len(k)) and e - len(k) >= floor
                                          for k in known):
        best = None  # 派驻|寺|沟湾村 where a chain named 某镇寺沟湾村: the longer name, not another county's 沟湾村
    if best is None:
        s = _suffix_start(text, m, floor, prev, spans, max_body, known)
        if s is None and paired is None:
            return None
        s = s if s is not None else paired
        how, rows = "suffix", []
    else:
        (s, rows), how = best, "gazetteer"
        if text[e : e + 1] == "”" and inside_quote(text, s):
            return None  # 变身“某星村”, 评为“某某红旗村”: a quoted title, as for names the gazetteer lacks
    chained = prev is not None and spans[prev].end == s
    confidence = conf(how, "lower" if how == "gazetteer" else "")
    if chained or (how == "suffix" and prev is not None and s == after_seat_office(text, spans[prev])):
        # (a chain through a seat office, 某某镇人民政府|某某村, is linked by _link_chains)
        confidence = min(conf("chained", "cap"), confidence + conf("chained"))
    return Span(s, e, text[s:e], type_, how, confidence, rows, prev if chained else None)


#: the marks of damaged text, after which a name starts (锟斤拷|某某镇)
_DAMAGE_T = tuple(L.DAMAGE_MARKS)


def _verb_word(text: str, a: int, b: int, verbs: frozenset[str] | set[str]) -> bool:
    """Is ``text[a:b]`` one of ``verbs``, one word of jieba's that it tags a verb (设立/v; not
    建设/vn, which names many a community)?"""
    w = word_at(text, a)
    return text[a:b] in verbs and w is not None and w[0] == b and w[1] == "v"


def _gazetteer_lower(text: str, gaz: Gazetteer, m: re.Match, type_: str, floor: int, prev: int | None,
                     spans: list[Span], starts: set[int], max_body: int) -> tuple[int, list[Division]] | None:
    """Where a gazetteer name of the suffix's level that ends at ``m`` starts, and its rows."""
    memo = gaz.memo("lower places")
    if len(memo) > _UPPER_MEMO_SIZE:
        memo.clear()
    for s in range(max(floor, m.start() - max_body), m.start()):
        cand = text[s : m.end()]
        found = memo.get(cand)
        if found is None:
            found = memo[cand] = tuple(gaz.lookup(cand, aliases=False))
        if not found:
            continue  # (the common case: no such name; nothing below holds without rows)
        rows = [d for d in found if d.type == type_]
        if not rows:
            continue
        # (a seat office between, 某某街道办事处|某某社区, chains as the suffix path's does)
        chained = prev is not None and (spans[prev].end == s or after_seat_office(text, spans[prev]) == s)
        if rows and not chained and s not in starts and (
                not (s > 0 and text[s - 1] in "旗县市区盟以在到向对为和与从于把被给由驻" or text.endswith(_DAMAGE_T, 0, s))
                and not (len(cand) >= 3 and word_ends_at(text, s)) or _inside_long_word(text, s)):
            # 每周下村, 增长镇村: the name would begin inside a word; but jieba also glues
            # a level word or a preposition to the name after it (全旗|音德尔镇, 以|音德尔镇), and reads
            # 对接上都镇 as 对|接上|都镇 where 对接|上都镇 is as good a cut
            continue
        if not chained and _function_words_only(text, s, m.start()):
            continue  # 某某正|和|村党支部书记: an adverb and a conjunction before the kind, no name
        if not chained and _verb_word(text, s, m.start(), L.PLACE_VERBS):
            continue  # 事项提交|村党支部: a verb whose object is the kind, though the gazetteer has 提交村 somewhere
        if chained and len(cand) >= 3 and (inside := _held(rows, spans[prev], gaz)):
            return s, inside  # 某县|陈集镇: the gazetteer has it in the place before, though it ends in a word (集镇)
        if type_ == "Town" and len(cand) >= 3 and (holding := _villages_after(text, m.end(), rows, gaz)):
            return s, holding  # 九村镇|七江村: and the gazetteer has the village after it in it
        opens = s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in "旗县市区盟与和及在到向对为从于把被给由的"
        if not generic_place(cand, chained=chained, known=opens):  # (与|那吉镇, 单位的|向家镇; not 额肯呼|都格镇)
            return s, rows
    return None


#: what 社区 opens as a word of the sector (社区工作者, 社区社会组织), not as a community's kind
_SECTOR_AFTER = ("工作者", "社会组织", "社工")
#: what follows 辖区 before the places it holds (辖区内有, 辖区内的, 辖区里)
_WITHIN_AREA = re.compile(r"(?:内有|内的|内|里的|里|有)")
#: the verbs whose object a place's kind is, as a tuple for ``str.endswith``
_VERBS_T = tuple(L.PLACE_VERBS)
#: the verbs of putting in force or of acting on a body, which may take a place's kind as their
#: object right after a place (某区设立|社区微基金)
_ACTING_VERBS = frozenset(L.IMPLEMENT_VERBS) | L.NAME_BREAK_VERBS


#: what ranks a place of its kind (人口大村, 茶叶主产村, 经济强镇): a description, no name
_RANKS = ("大", "主产", "重点", "示范", "中心", "强", "名", "富", "特色")


def _ranked(stem: str) -> bool:
    """Is ``stem`` (the words before a place's kind) an everyday word and a rank (人口|大,
    茶叶|主产), or a rank alone?"""
    rank = next((r for r in _RANKS if stem.endswith(r)), None)
    return rank is not None and (len(stem) == len(rank) or segment.freq(stem[: -len(rank)]) >= 200)


def _suffix_start(text: str, m: re.Match, floor: int, prev: int | None, spans: list[Span], max_body: int,
                  known: frozenset[str]) -> int | None:
    """Where a name the gazetteer lacks, closed by the suffix at ``m``, starts; None where
    the words before the suffix make no name."""
    e, suffix = m.end(), m.group()
    type_ = SUFFIX_TYPE[suffix]
    s = left_name_start(text, m.start(), max_len=max_body, floor=floor, place=True)
    if prev is not None and spans[prev].end == floor and s > floor and PLACE_LEVEL[spans[prev].type] < PLACE_LEVEL[type_] \
            and after_chain(text, floor, m.start(), max_body) and text[floor:s] not in _PREPOSITIONS_AFTER_CHAIN \
            and not (s == m.start() and (text[floor : m.start()].endswith(_VERBS_T) or _verb_word(text, floor, m.start(), _ACTING_VERBS))):
        s = floor  # after a chain of places the name starts right after the last one (not 某镇以|某社区为试点,
        # nor 某街道积极探索|社区: a verb and its object)
    if text[s : m.start()] in L.NAME_BREAK_VERBS:
        return None  # 某社区辖有|小区8个, 现有|社区: the verb before the kind, no name
    if text[s] == "辖" and text[s : s + 2] != "辖区" and m.start() - s > 2:
        s += 1  # 辖某某家园小区: jieba glues the verb "governs" to the name
    elif text[s : s + 2] == "辖区" and m.start() - s > 3:
        s += 2  # 推广到辖区|青苑雅居小区
        if (within := _WITHIN_AREA.match(text, s)) is not None and m.start() - within.end() >= 2:
            s = within.end()  # 某社区辖区|内有|某某小区: what the area holds, no part of the name
    through_office = prev is not None and s == spans[prev].end and after_seat_office(text, spans[prev]) > s
    if through_office:
        s = after_seat_office(text, spans[prev])  # 某某街道办事处|某某社区: the office of the place before is no part of the name
    if suffix in ("苏木", "嘎查"):
        s = transliterated_start(text, s, m.start())
    if known and (longer := max((k for k in known if len(k) > e - s and text.startswith(k, e - len(k))
                                 and e - len(k) >= floor), key=len, default=None)):
        s = e - len(longer)  # the name a chain vouched for, where the words before cut it short (额勒|顺道|布嘎查)
    elif suffix in ("苏木", "嘎查") and m.start() - s == 1:
        return None  # 构建起|苏木、嘎查: a sum's or a gacha's name has two syllables at least
    cand = text[s:e]
    if suffix == "社区" and text.startswith(_SECTOR_AFTER, e) and cand not in known and is_common_word(text[s : m.start()]):
        return None  # 年轻|社区工作者, 备案|社区社会组织: a word about the sector's people or bodies, no community
    if suffix == "苏木" and text[e : e + 1] in ("镇", "乡") and cand not in known:
        return None  # 经|苏木镇党委考核: 苏木镇 names the kinds of township, no sum called 经苏木
    if _COUNTED.match(text, max(0, s - 1)) and s > 0 or _COUNTED.match(text, s) and m.start() - s == 2 or text[s - 1 : s] == "个" and s >= 2 and not text[s - 2].isdigit():
        return None  # 选派80|名退役军人社区专干: a count's measure word opens no name (打个|电话社区: nor 个 alone)
    listed = type_ in ("Town", "Village") and s < m.start() and _listed_with_others(text, s, e, suffix)
    # 工作队进驻|某某村: the object of a verb that stations a team or a secretary is a village's
    # name; 某某镇|某某村党支部书记: a village's body right after the town vouches for both names
    vouched = (type_ == "Village" and m.start() - s >= 2 and (text[:s].endswith(_STATIONED_IN) or (
        _OWN_BODY_AFTER.match(text, e) is not None and segment.freq(text[s : m.start()]) < 10000
        and not text.endswith(_TAKING_POST, s, m.start())))) or (
        type_ == "Town" and m.start() - s >= 2 and _VILLAGE_BODY_AFTER.match(text, e) is not None)
    if s >= m.start() or generic_place(cand, in_chain=prev is not None and spans[prev].end == s, listed=listed or vouched):
        return None
    if _APP_AFTER.match(text, e):
        return None  # “某某社区通”, 某某村村通平台: an app named after the kind, no place
    if text[e : e + 1] == "”" and inside_quote(text, s) and (text[s - 1 : s] == "“" or text.rfind("“", 0, s) > floor - 6):
        return None  # 开展“无讼社区”创建, “乌海智慧社区”平台: a quoted place kind is a designation
    if inside_quote(text, s) and text[s - 1 : s] != "“" and not (prev is not None and spans[prev].end == s) \
            and cand not in known and "”" in text[e : e + 4] and "“" in text[max(0, s - 6) : s]:
        return None  # “检察护绿嘎查行”: a place's kind inside the words of a short quoted practice, no place's name
    # 某镇的|某某村: a place of the level above, then 的, vouches for the name as a chain does
    after_de = prev is not None and spans[prev].end == s - 1 and text[s - 1] == "的" \
        and PLACE_LEVEL[spans[prev].type] < PLACE_LEVEL[type_] and m.start() - s >= 2 \
        and not _ranked(text[s : m.start()])
    if type_ == "Village" and m.start() - s == 2 and s >= 2 and text.endswith(_VILLAGE_NAME_ENDS, s, m.start()) \
            and s - 2 >= floor and (w := word_at(text, s - 2)) is not None and w[0] == s and segment.freq(text[s - 2 : s]) < 100:
        s -= 2  # 像|新立|窝堡村: a northern village's ending takes a name before it, a rare word of jieba's
    toponym = type_ == "Village" and m.start() - s >= 3 and text.endswith(_VILLAGE_NAME_ENDS, s, m.start())
    if type_ in ("Town", "Village") and suffix not in ("嘎查", "苏木") and not (prev is not None and spans[prev].end == s) \
            and not through_office and cand not in known and not listed and not vouched and not after_de and not toponym:
        # 镇, 乡 and 村 end too many words (返乡, 文明乡, 领导村): without the
        # gazetteer, only a chain (乌县某某镇, 某某镇某某村) vouches for the name
        return None
    in_chain = prev is not None and spans[prev].end == s
    if type_ == "Town" and in_chain and PLACE_LEVEL[spans[prev].type] >= PLACE_LEVEL["Town"] \
            and text.startswith(_LOWER_AFTER_TOWN, e):
        return None  # 某镇|驼乡社区: no town lies in a town; the 乡 is the community's name
    if m.start() - s <= 6 and any(v in text[s : m.start()] for v in _LONG_PLACE_VERBS):
        return None  # 选优配|强嘎查, 要选|优配|强社区 (jieba's cuts): a verb taking the place, no name of it
    if cand not in known and (phrase_of_common_words(text[s : m.start()])
                              or (not in_chain and clause_before_suffix(text[s : m.start()]))):
        return None  # 机制激活社区, 清理规范社区: words about a place, not its name (a chain checked its words)
    if in_chain and _SPEAKS_INSIDE.search(text, s, m.start()):
        return None  # 某社区|居民某某说起小区的变化: a speaker and the verb, after the chain, name no compound
    return s


#: the endings of villages' names in the north (某某营子, 某家圪旦, 某某板申, 某某窝铺): no everyday
#: word ends so, so the name stands without a chain to vouch for it
_VILLAGE_NAME_ENDS = ("营子", "圪旦", "板申", "窝铺", "卜子", "窝堡")
#: what follows a kind of place in an app's name (某某社区通”, 某某村村通小程序)
_APP_AFTER = re.compile(r"通(?:”|小程序|APP|App|app|平台)")
#: a speech verb after two characters at least (某某说起, 居民某某介绍): no place's name holds one
_SPEAKS_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:说起|说|介绍|表示|告诉|谈起|谈到)")
#: what ends the words of taking or having held a post before a village's body (前任|村党支部书记,
#: 高票当选|村党支部书记): no village's name
_TAKING_POST = ("任", "选")
#: a village's own body right after its name (某某村|党支部领办……): the body vouches for the name
#: (not a word as common as 领导 or 重点 before 村: 领导村党支部 is no village's)
_OWN_BODY_AFTER = re.compile(r"(?:党支部|党总支|党委|村委会|村民委员会)"
                             # or its people, counted or named by what they are (某某村|两户村民, 某某村|一位老党员)
                             r"|[0-9一两二三四五六七八九十几]+(?:位|名|户)|村民|老党员|村干部")
#: a village's name and one of its bodies (某某村党支部, 某某嘎查村委会), right after a town's name
_VILLAGE_BODY_AFTER = re.compile(r"[\u4e00-\u9fff]{2,4}(?:村|嘎查)(?:党支部|党总支|村委会|村民委员会|嘎查委员会)")
#: verbs that station a team or a secretary in a village, whose object is the village's name
#: (工作队进驻|某某村)
_STATIONED_IN = ("进驻", "派驻", "驻扎", "下派到", "选派到", "派驻到", "入驻")
#: the kinds of place a town's kind may open the name of (某镇|某乡社区)
_LOWER_AFTER_TOWN = ("社区", "村", "嘎查", "小区")
#: the verbs of three characters or more that take a place (选优配强): no name opens with one
_LONG_PLACE_VERBS = tuple(v for v in L.PLACE_VERBS if len(v) >= 3)


#: a preposition or a localizer jieba glues to the name after a place (某镇|以力角|社区, 某镇|内某某|社区):
#: the walk cut it off
_PREPOSITIONS_AFTER_CHAIN = frozenset(("以", "内"))


#: a numeral and the measure word after it (4000名, 三个, 十余户)
_COUNTED = re.compile(r"[0-9０-９一二两三四五六七八九十百千万余多几每各][名个位户家座所]")


def after_seat_office(text: str, place: Span) -> int:
    """Where the words after ``place`` go on past its seat office (街道|办事处, 镇|人民政府): the
    end of the office, or the place's own end where none is written."""
    office = next((o for o in sorted(_SEAT_OFFICES, key=len, reverse=True)
                   if _SEAT_OFFICES[o] == place.type and text.startswith(o, place.end)), "")
    return place.end + len(office)


def _listed_with_others(text: str, s: int, e: int, suffix: str) -> bool:
    """某甲村、某乙村和某丙村: an item of a list of places of its kind, its name its own (a
    rare word, like its neighbour's), not a kind of village (文明村、卫生村)."""
    if not proper_head(text[s : e - len(suffix)]):
        return False
    after = _NEXT_ITEM[suffix].match(text, e)
    return (after is not None and proper_head(after.group(1))) or text.endswith(tuple(suffix + c for c in "、和及与"), 0, s)


#: the next item of a list of towns or villages: 、某某村, 和某某镇
_NEXT_ITEM = {suf: re.compile(r"[、和及与]([\u4e00-\u9fff]{2,6}?)" + suf + r"(?![村民委干镇])") for suf in ("镇", "乡", "苏木", "村", "嘎查")}


def _link_chains(text: str, spans: list[Span]) -> None:
    """Chain links for upper levels too (锡林郭勒盟苏尼特右旗), through a seat office between
    (某某街道办事处某某社区), and renumbered after the sort."""
    for k in range(1, len(spans)):
        between = text[spans[k - 1].end : spans[k].start]
        if spans[k].chain_prev is None and spans[k - 1].end == spans[k].start:
            spans[k].chain_prev = k - 1
        elif (
            spans[k].chain_prev is None and between in _SEAT_OFFICES
            and _SEAT_OFFICES[between] == spans[k - 1].type
            and PLACE_LEVEL[spans[k - 1].type] < PLACE_LEVEL[spans[k].type]
        ):
            # 某某街道办事处某某社区, 某某镇人民政府某某村: the office of the place between
            # a place and one it contains
            spans[k].chain_prev = k - 1
        elif spans[k].chain_prev is not None:
            # indices moved with the sort: relink to the span that ends here
            spans[k].chain_prev = next((j for j in range(k) if spans[j].end == spans[k].start), None)
