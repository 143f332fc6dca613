"""Span finders: where in one sentence a place, a body, a person or a practice is named.

Each finder reads a sentence's repaired text and returns :class:`Span` objects with
character positions in that text.  Finders know nothing about documents or the graph;
:mod:`kg.extract.document` puts their spans in context (which 太平镇, which 社区, who
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
    credit: bool = True  # mechanisms: does the sentence's subject carry it out (not 评定了“……”)


# ------------------------------------------------------------------ tokens


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba's segmentation with parts of speech, as (start, end, flag).

    Segmentation is ``jieba.lcut`` (7× faster than ``jieba.posseg``); a word's part of
    speech is its dictionary tag.  A word the dictionary lacks (found by jieba's HMM) is
    tagged the way posseg would mostly tag it in this genre: a name (nr) when it opens with
    a surname or reads as a transliteration, a place (ns) before a place suffix, else a noun.
    """
    out, pos = [], 0
    tags = pseg.dt.word_tag_tab  # type: ignore[attr-defined]
    for w in jieba.lcut(text, HMM=True):
        flag = tags.get(w)
        if flag is None and len(w) >= 3 and w[-1] in _FUNCTION_CHARS:
            # the HMM glued a particle to an unknown name (嘎拉在): split it off
            out.append((pos, pos + len(w) - 1, _guess_tag(w[:-1])))
            out.append((pos + len(w) - 1, pos + len(w), tags.get(w[-1], "p")))
            pos += len(w)
            continue
        if flag is None:
            # 做强, 建强: a verb of our genre the dictionary lacks is still a verb
            flag = "v" if w in _GENRE_VERBS else _guess_tag(w)
        out.append((pos, pos + len(w), flag))
        pos += len(w)
    return tuple(out)


_FUNCTION_CHARS = set("在的了是和与说将把被向从对为用都也就还")
_GENRE_VERBS = set(L.IMPLEMENT_VERBS)


def _guess_tag(w: str) -> str:
    if not all(_is_cjk(c) for c in w):
        return "m" if w.isdigit() else "eng" if w.isascii() and w.isalpha() else "x"
    if len(w) == 1:
        return "x"
    if w[0] in L.SURNAMES_1 and len(w) <= 3 or (len(w) >= 3 and all(c in L.MONGOLIAN_CHARS for c in w)):
        return "nr"
    return "n"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_NOMINAL = ("n", "ns", "nr", "nz", "nt", "j", "b", "s", "ng", "nrt", "nrfg", "an", "f", "g", "x", "eng", "zg", "a")


def left_name_start(
    text: str, end: int, *, max_len: int, floor: int = 0, loose: bool = False, place: bool = False,
    verbs_break: bool = True,
) -> int:
    """Where a name that ends at ``end`` (the generic head's start) most likely begins.

    Walks left over jieba tokens: the token next to the head always belongs to the name;
    further tokens do while they are nominal or single unknown characters, and never past
    a verb, preposition, particle or stop character, ``floor`` or ``max_len``.  With
    ``verbs_break`` (bodies and places) a verb jieba mistags as a noun ends the name too
    (党支部领办|某合作社); a practice's name may hold one (包联工作机制).
    """
    toks = tokens(text)
    start = end
    first = True
    for s, e, flag in reversed(toks):
        if s >= end:
            continue
        if e > end:
            # the head sits inside a jieba word (中国社会科学院, 区政府): its left part is
            # the name's last word
            e, flag = end, "n"
        if s < floor:
            break
        word = text[s:e]
        if not all(_is_cjk(c) or c.isdigit() for c in word):
            break
        if place and word == "和" and not first and (s == 0 or text[s - 1] in "，,。;；:：、“”\n 为在与对向从"):
            start = s  # ，和润社区: a 和 that opens a clause joins nothing, it opens a name
            first = False
            continue
        if len(word) == 1 and flag[:1] in ("d", "p", "c", "u", "r") and (not first or flag[:1] in ("c", "p", "u")):
            break  # 阿拉善盟委组织部就党员先锋队, 党支部或党小组: a particle or conjunction ends the name
        if any(c in L.NOT_IN_NAME for c in word) and not (len(word) > 1 and flag.startswith(("nz", "ns", "nr"))):
            # (颐和|嘉园小区: a proper name of the dictionary may hold 和)
            if (first and len(word) == 1) or _jieba_tag(word) is not None:
                break  # 其中, 对接: a word of the dictionary, not a particle glued to a name
            # keep the part of the token right of the stop character (HMM's 对乌兰)
            cut = max(i for i, c in enumerate(word) if c in L.NOT_IN_NAME) + 1
            if cut < len(word) and end - (s + cut) <= max_len:
                start = s + cut
            break
        if end - s > max_len:
            break
        if re.search(r"[一二两三四五六七八九十0-9][届批期次轮]", word):
            break  # 新一届|锦华园小区业主委员会: an ordinal, not a name
        if place and (word in _ORG_HEADS or word[-1] in "处委部局厅院所"):
            break  # 办事处少先二十社区: a body's name ends where the place's begins
        if not first and len(word) > 1 and not flag.startswith(_NOMINAL) and not (loose and (flag == "vn" or word in L.TRADE_WORDS)):
            break
        if not first and not place and flag in ("a", "ad"):
            break  # 党员骨干壮大合作社力量: an adjective (or one used as an adverb) ends a body's name
        if first and place and (word in L.PLACE_VERBS or (len(word) == 1 and word in L.PLACE_VERB_CHARS)):
            return end  # 商量嘎查的事, 党员回社区报到: a verb and its object, not a name
        if verbs_break and word in L.NAME_BREAK_VERBS:
            break  # 选举产生某某小区, 党支部领办某某合作社: the name starts after the verb
        if first and len(word) > 1 and flag.startswith(("v", "p", "c", "d", "r", "t", "i", "l")) and not (
            loose and (flag == "vn" or word in L.TRADE_WORDS)
        ):
            # a verb or an idiom next to the head (任职社区, 依托社区, 今年以来街道) makes no
            # name: 胜利社区 and
            # 和平小区 are tagged as nouns or adjectives
            return end
        start = s
        first = False
    while start < end and text[start] in "年月日号" and start > 0 and text[start - 1].isdigit():
        start += 1  # 2023年|查干哈达嘎查: the date's unit, glued by jieba's guess
    while start < end and text[start] in L.NOT_NAME_START and not (
        text[start] == "和" and (start == 0 or text[start - 1] in "，,。;；:：、“”\n 为在与对向从") and place
    ):
        start += 1
    return start


# ------------------------------------------------------------------ places

_ORG_HEADS = set(L.ORG_HEADS)
#: inside a chain (阿荣旗那吉镇) only clear function words end a name
_CHAIN_STOP = set("的了在是和与及把被让使给向从对由等着过这该其每各个共所已将为到进出")
_LEVEL = {"Province": 1, "City": 2, "County": 3, "Town": 4, "Street": 4, "Community": 5, "Village": 5, "Neighborhood": 6}
_SUFFIX_RE = re.compile("|".join(s for s, _ in L.PLACE_SUFFIXES))
_SUFFIX_TYPE = dict(L.PLACE_SUFFIXES)
_HIGH_LEVEL = {"Province", "City", "County"}


def _word_ends_at(text: str, i: int) -> bool:
    """Does a word of jieba's dictionary (对接, 其中) end right before ``i``?"""
    return any(jieba.dt.FREQ.get(text[i - k : i], 0) >= 100 for k in (2, 3) if i - k >= 0)


def _generic_place(name: str, *, chained: bool = False, known: bool = False) -> bool:
    """Is ``name`` a kind of place or words about one, not a place's name?  ``known``: the
    gazetteer has the name, so a first character that seldom opens a name (那吉镇) is fine."""
    if any(name[k:] in L.GENERIC_PLACES and name[k:] not in _SUFFIX_TYPE for k in range(len(name) - 1)):
        return True
    body = name
    for suf, _ in L.PLACE_SUFFIXES:
        if name.endswith(suf):
            body = name[: -len(suf)]
            break
    if len(body) < 2 and not (len(body) == 1 and (name.endswith(("镇", "乡", "苏木")) or (chained and name.endswith("村")))):
        return True  # (安吉县余村: a one-character village stands only in a chain)
    if chained and len(body) == 1 and name.endswith("村"):
        return body in "各每全该本"  # 安吉县余村 (a chain vouches; 余 is no count here)
    if body in _SUFFIX_TYPE or body in ("乡镇", "镇村", "嘎查村", "村组", "城乡"):
        return True  # 全苏木嘎查, 各乡镇社区: a kind of place before another kind
    if body and (body[-1].isdigit() or body[-1] in "个余多几等级类型式们" or body[0] == "级"):
        return True  # (自治区级文明村: a rank of village, not one)
    if body and ((body[0] in L.NOT_NAME_START and body[0] != "和" and not chained and not known) or body[0].isdigit()):
        return True  # (和润社区: the callers keep 和 only where it opens the name)
    if re.search(r"[区县]", body):
        return True  # 老工业区街道, 开发区社区: a kind of area before the suffix
    if re.search(r"[0-9一二两三四五六七八九十几]+(?:年|个月|天)|以前|以来|目前|现在|如今|过去", body):
        return True  # 前两年小区可不是这样: a time before the kind of place
    if re.match(r"[一二两三四五六七八九十几数多每各]+[位名]", body):
        return True  # 林荫街道一位社区干部: a count of people, not a name (六户镇, 三家村 are names)
    return bool(re.search(r"[0-9一二两三四五六七八九十百千万]+个", body))


def _jieba_tag(word: str) -> str | None:
    return pseg.dt.word_tag_tab.get(word)  # type: ignore[attr-defined]


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
    tag = _jieba_tag(name)
    if tag not in (None, "ns") and not (len(name) >= 3 and tag in ("nr", "nz", "nrt")):
        return False  # a word first (示范区, 开封, 安康)
    if len(name) >= 3:
        return True
    return all(d.type in ("Province", "City") for d in rows)


def _phrase_of_common_words(body: str) -> bool:
    """Two or more everyday words (机制 激活, 清理 规范): a phrase, not a proper name,
    which has at least one rare or unknown part (油泵油嘴, 通道北街)."""
    words = [body[a:b] for a, b, _ in tokens(body)]
    if len(words) < 2 or any(len(w) < 2 for w in words):
        return False  # 悦/郡: an unknown name in jieba's single characters
    if words[-1] in L.RESIDENTIAL_WORDS or words[-1][-1] in L.RESIDENTIAL_CHARS:
        return False  # 幸福家园: estates are named with everyday words
    return all(jieba.dt.FREQ.get(w, 0) >= 200 for w in words)


def _transliterated_start(text: str, s: int, end: int) -> int:
    """Where a 苏木's or 嘎查's transliterated name begins: everyday words before it go
    (总结|苏力德苏木的经验), but a name made of everyday words (红旗嘎查) stays whole."""
    words = [(s + a, s + b) for a, b, _ in tokens(text[s:end])]
    k = 0
    while k < len(words) - 1 and words[k][1] - words[k][0] >= 2 and jieba.dt.FREQ.get(text[words[k][0] : words[k][1]], 0) >= 1000:
        k += 1
    rest = text[words[k][0] : end] if words else ""
    if k and len(rest) >= 2 and any(jieba.dt.FREQ.get(text[a:b], 0) < 100 for a, b in words[k:]):
        return words[k][0]
    return s


def _clause_before_suffix(body: str) -> bool:
    """重大事项报(街道): three or more words, none of them proper and none a road or an
    estate, read as a clause that ends in the kind of place, not as a name."""
    words = [(body[a:b], f) for a, b, f in tokens(body)]
    if len(words) < 3 or body.endswith(("路", "街", "里", "巷")):
        return False
    if any(f.startswith(_PROPER) or w in L.RESIDENTIAL_WORDS or w[-1] in L.RESIDENTIAL_CHARS for w, f in words):
        return False
    return any(f.startswith("a") for _, f in words[:1]) or all(_jieba_tag(w) is not None for w, _ in words)


def _descriptive_district(name: str, rows: list[Division]) -> bool:
    """老城区, 矿区: a modifier before a common word for a kind of area; a district of that
    name exists somewhere, but the words usually just describe a part of town."""
    return rows[0].type == "County" and len(name) == 3 and jieba.dt.FREQ.get(name[1:], 0) >= 300


#: the office of a place, which may stand between it and a place it contains
_SEAT_OFFICES = {"办事处": "Street", "人民政府": "Town", "政府": "Town"}


def find_places(text: str, gaz: Gazetteer, known: frozenset[str] = frozenset()) -> list[Span]:
    """Places named in ``text``: gazetteer names and short forms of the upper three levels
    anywhere, and names ending in a place suffix (镇, 街道, 社区, 村, 小区 ...) whose left edge
    is given by an adjacent place (a chain), by the gazetteer, or by the words around it.

    ``known`` holds town and village names the page has already vouched for by a chain
    (化德县长顺镇): alone later on (此外，长顺镇还推行……) they are still places."""
    spans: list[Span] = []
    n = len(text)
    taken = [False] * n

    # 1. upper levels (province, city, county): full names and short forms, longest first
    i = 0
    while i < n:
        hit = None
        for L_ in range(min(gaz.upper_reach.get(text[i : i + 2], 0), n - i), 1, -1):
            cand = text[i : i + L_]
            rows = [d for d in gaz.lookup(cand) if d.type in _HIGH_LEVEL]
            if (
                rows
                and usable_upper_name(cand, rows, gaz)
                # a bare short form that runs on into a street's name (嘉兴路街道) is not it
                and not (cand not in gaz.by_name and i + L_ < n and (
                    text[i + L_] in "路街道巷里大" or text[i + L_ : i + L_ + 2] in ("东路", "西路", "南路", "北路", "中路")))
            ):
                hit = (L_, cand, rows)
                break
        if hit:
            L_, cand, rows = hit
            if {d.type for d in rows} >= {"Province", "City"} and len({d.adcode for d in rows}) == 1:
                # 北京市, 天津市: a municipality is both; the guideline counts it a City
                rows = [d for d in rows if d.type == "City"] + [d for d in rows if d.type != "City"]
            # a short form must not be the head of a longer word (内蒙古 in 内蒙古自治区 is the full name)
            full = cand in gaz.by_name
            how = "gazetteer" if full else "gazetteer-alias"
            named_level = len(cand) >= 3 and cand[-1] in "省市县旗盟"  # 北京市 is a word, but a place first
            if full and not named_level and (_is_common_word(cand) or _descriptive_district(cand, rows)):
                how = "gazetteer-common"  # 老城区: a word first, a district only in its region
            spans.append(Span(i, i + L_, cand, rows[0].type, how, 0.95 if full else 0.85, rows))
            for k in range(i, i + L_):
                taken[k] = True
            i += L_
        else:
            i += 1

    # 2. lower levels, anchored on their suffix
    starts = {s0 for s0, _, _ in tokens(text)}
    for m in _SUFFIX_RE.finditer(text):
        e = m.end()
        if taken[m.start()] or taken[e - 1]:
            continue
        suffix = m.group()
        type_ = _SUFFIX_TYPE[suffix]
        # the place suffix must end the name: 乡村 / 村民 / 社区党委 are fine, 小区域 is not
        if suffix in ("乡", "村") and e < n and (text[e] in "村镇民里干委级庄务规落部容貌" or text[e : e + 2] == "集体") \
                and not (suffix == "村" and text[e] == "村" and text[e + 1 : e + 2] in tuple("民委干党两级集务")):
            continue  # 乡村, 村民, 村干部, 村委会, 村级, 村集体: words, not names (乡集中开展 is a name)
        if suffix in ("嘎查", "镇") and text[e : e + 1] in ("村", "街"):
            continue  # 嘎查村, 镇街道: kinds of places, not one
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
            chained = prev is not None and spans[prev].end == s
            if rows and not chained and s not in starts and not (s > 0 and text[s - 1] in "旗县市区盟以在到向对为和与从于把被给由") \
                    and not (len(cand) >= 3 and _word_ends_at(text, s)):
                # 每周下村, 增长镇村: the name would begin inside a word; but jieba also glues
                # a level word or a preposition to the name after it (全旗|音德尔镇, 以|音德尔镇), and reads
                # 对接上都镇 as 对|接上|都镇 where 对接|上都镇 is as good a cut
                continue
            opens = s == 0 or not _is_cjk(text[s - 1]) or text[s - 1] in "旗县市区盟与和及在到向对为从于把被给由"
            if rows and not _generic_place(cand, chained=chained, known=opens):  # (与|那吉镇; not 额肯呼|都格镇)
                best = (s, rows)
                break
        if best is not None:
            # a longer name that ends in a gazetteer name (建设北街社区 vs 北街社区) wins when it
            # starts where a name may start
            s_f = left_name_start(text, m.start(), max_len=max_body, floor=floor, place=True)
            ext = text[s_f : best[0]]
            if s_f < best[0] and not any(c in "区县市旗盟镇乡村处委部局厅院所" for c in ext) and (s_f == 0 or s_f == floor or not _is_cjk(text[s_f - 1]) or text[s_f - 1] in L.NOT_IN_NAME):
                if not _generic_place(text[s_f:e]):
                    best = None
        if best is None:
            s = left_name_start(text, m.start(), max_len=max_body, floor=floor, place=True)
            if (
                prev is not None and spans[prev].end == floor and s > floor
                and _LEVEL[spans[prev].type] < _LEVEL[type_]
            ):
                # after a chain of places the name starts right after the last one
                gap = text[floor : m.start()]
                if gap and all(_is_cjk(c) and c not in _CHAIN_STOP for c in gap) and len(gap) <= max_body \
                        and not re.match(r"[一二两三四五六七八九十几数多每各]+[位名]", gap) \
                        and not any(text[a:b] in L.NAME_BREAK_VERBS for a, b, _ in tokens(text) if floor <= a and b <= m.start()):
                    s = floor  # (锦华社区指导书香雅居小区: a verb between two places ends the chain)
            if text[s] == "辖" and text[s : s + 2] != "辖区" and m.start() - s > 2:
                s += 1  # 辖某某家园小区: jieba glues the verb "governs" to the name
            elif text[s : s + 2] == "辖区" and m.start() - s > 3:
                s += 2  # 推广到辖区|青苑雅居小区
            if suffix in ("苏木", "嘎查"):
                s = _transliterated_start(text, s, m.start())
            cand = text[s:e]
            if s >= m.start() or _generic_place(cand):
                continue
            if text[e : e + 1] == "”" and _inside_quote(text, s) and (text[s - 1 : s] == "“" or text.rfind("“", 0, s) > floor - 6):
                continue  # 开展“无讼社区”创建, “乌海智慧社区”平台: a quoted place kind is a designation
            if type_ in ("Town", "Village") and suffix not in ("嘎查", "苏木") and not (prev is not None and spans[prev].end == s) \
                    and cand not in known:
                # 镇, 乡 and 村 end too many words (返乡, 文明乡, 领导村): without the
                # gazetteer, only a chain (乌县某某镇, 某某镇某某村) vouches for the name
                continue
            if _phrase_of_common_words(text[s : m.start()]) or _clause_before_suffix(text[s : m.start()]):
                continue  # 机制激活社区, 清理规范社区: words about a place, not its name
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
    # chain links for upper levels too (锡林郭勒盟苏尼特右旗)
    for k in range(1, len(spans)):
        if spans[k].chain_prev is None and spans[k - 1].end == spans[k].start:
            spans[k].chain_prev = k - 1
        elif (
            spans[k].chain_prev is None and text[spans[k - 1].end : spans[k].start] in _SEAT_OFFICES
            and _SEAT_OFFICES[text[spans[k - 1].end : spans[k].start]] == spans[k - 1].type
            and _LEVEL[spans[k - 1].type] < _LEVEL[spans[k].type]
        ):
            # 某某街道办事处某某社区, 某某镇人民政府某某村: the office of the place between
            # a place and one it contains
            spans[k].chain_prev = k - 1
        elif spans[k].chain_prev is not None:
            # indices moved with the sort: relink to the span that ends here
            spans[k].chain_prev = next((j for j in range(k) if spans[j].end == spans[k].start), None)
    return spans


# ------------------------------------------------------------------ organizations

_TITLE_RE = re.compile("|".join(map(re.escape, sorted(set(L.LEAD_TITLES + L.OTHER_ROLES), key=len, reverse=True))))

#: a head followed by one of these is part of a longer word (党组织, 大学生, 委员)
_HEAD_RE = re.compile("(?:" + "|".join(map(re.escape, L.ORG_HEADS)) + ")(?![织生员])")
_ORG_NAME_CHAR = re.compile(r"[\u4e00-\u9fff0-9A-Za-z·]")
#: a numbered sub-unit (组织一科, 第二检察部, 第二党支部, 101台) continues a body's name
_SUBUNIT = re.compile(r"^(?:第?[一二三四五六七八九十0-9]+|[\u4e00-\u9fff]{1,2})(?:科|处|室|部|台|党支部|支部|中队|大队|组)")


#: words that join two bodies rather than name a sub-unit (组织部联合市委社会工作部)
_CONNECTORS = ("联合", "会同", "牵头", "带领", "指导", "组织", "协调", "推动", "下属", "所属", "各级", "与", "和", "及", "或", "同", "向", "对", "各")


def _extend_right(text: str, end: int) -> int:
    """Swallow the sub-units that follow a body's head (组织部组织一科, 检察院第二检察部)."""
    while True:
        m = _HEAD_RE.match(text, end)
        if m and m.end() > end:
            end = m.end()
            continue
        rest = text[end : end + 12]
        # a short name then another head: 公安局昆都仑分局, 传输发射中心101台党支部
        m2 = re.match(r"[\u4e00-\u9fff0-9]{1,8}?(?=" + _HEAD_RE.pattern + ")", rest)
        if (
            m2
            and 0 < m2.end() <= 6
            and not any(c in L.ORG_STOP for c in m2.group())
            and not m2.group().startswith(_CONNECTORS)
            and not _TITLE_RE.search(m2.group())
            and not _VERB_START.search(m2.group())  # 社区党委推行社区党委: a verb between two bodies
            and not any((f.startswith("v") and f != "vn" and text[end + a : end + b] != "驻")
                        or text[end + a : end + b] in L.NAME_BREAK_VERBS
                        for a, b, f in tokens(m2.group()))  # 党支部决定领办合作社 (but 农牧局驻某村工作队)
        ):
            h = _HEAD_RE.match(text, end + m2.end())
            if h is not None and (h.group() not in ("公司", "中心") or m2.end() <= 6):
                end = h.end()
                continue
        m3 = _SUBUNIT.match(text, end)
        if m3 and not any(c in L.ORG_STOP for c in m3.group()) and re.match(r"第|[一二三四五六七八九十0-9]", m3.group()):
            end = m3.end()
            continue
        # a section named by its field, known by the head's title after it: 组织部干部教育科科长
        m4 = _SECTION_BEFORE_TITLE.match(text, end)
        if m4 and not any(c in L.ORG_STOP for c in m4.group(1)):
            end = m4.end(1)
            continue
        return end


#: a section (科, 股, 处, 室) of one to five characters right before its head's title
_SECTION_BEFORE_TITLE = re.compile(r"([\u4e00-\u9fff]{1,7}?(?:科|股|处|室))(?=副?(?:科长|股长|处长|主任))")


_LEVEL_CHAR = re.compile(r"^(?:自治区|[市旗县区盟])(?!级)")  # 县级党委 is a kind, not 县委


def _inside_quote(text: str, i: int) -> bool:
    """Is position ``i`` inside an open “…” quote (a practice's name, not a body's)?"""
    before = text[:i]
    return before.count("“") > before.count("”")


#: jieba tags of words that can be (part of) a proper name
_PROPER = ("nr", "ns", "nz", "nt", "j", "eng")


def _generic_name_part(part: str) -> bool:
    """A descriptor rather than a proper name before a head: 党员(突击队), 农村(党支部),
    社区(党群服务中心).  Every jieba word in it is a common word and it is short."""
    if not part:
        return True
    if len(part) > 6:
        return False
    if part in _PLACE_KINDS or part in L.GENERIC_PLACES:
        return True  # 嘎查(委员会), 社区(党委), 边境嘎查(党支部): the kind of place, not a name
    words = [(part[s:e], f) for s, e, f in tokens(part)]
    if words and len(words[0][0]) == 1 and words[0][1].startswith(_PROPER) and len(part) >= 3:
        return False  # 苏|海图(派出所): jieba's pieces of an unknown name, not a descriptor
    return all(len(w) == 1 or (_jieba_tag(w) is not None and not f.startswith(_PROPER)) for w, f in words)


def _has_rare_word(part: str) -> bool:
    """A brand among the words (金谷 in 金谷粮油): companies are named by rare words, the
    kinds of company (物业服务, 农业科技) by everyday ones."""
    return any(e - s >= 2 and jieba.dt.FREQ.get(part[s:e], 0) < 100 for s, e, _ in tokens(part))


def _nameish(text: str, a: int, b: int) -> bool:
    """Can ``text[a:b]`` sit inside a name (no particle, preposition, pronoun or verb)?"""
    for s0, e0, f in tokens(text):
        if e0 <= a or s0 >= b:
            continue
        if f.startswith(("p", "c", "u", "r", "d")) and not (s0 < a or e0 > b):
            return False
        if f.startswith("v") and f != "vn" and e0 - s0 > 1 and s0 >= a and e0 <= b and text[e0 : e0 + 1] != "办" \
                and text[s0:e0] not in L.TRADE_WORDS:
            return False  # (an office named by its task, 信访办 or 征收办, is a name)
    return True


def _chain_start(q: int, place_end: dict[int, Span]) -> int:
    while q in place_end:
        q = place_end[q].start
    return q


#: heads of company names, which run long and hold verbal nouns (物业管理服务有限公司)
_COMPANY_HEADS = {"有限公司", "有限责任公司", "股份有限公司", "公司", "集团", "合作社", "专业合作社", "家庭农场"}


#: a place's kind before a body's head: 嘎查委员会, 社区党委, 镇党委
_PLACE_KINDS = ("嘎查村", "嘎查", "社区", "街道", "苏木", "小区", "居民", "村民", "村", "镇", "乡", "居")


#: kinds of team that a quote may name whole (“马背宣讲团”)
_TEAM_HEADS = {"宣讲团", "艺术团", "服务团", "志愿服务队", "志愿队", "服务队", "攻坚队", "突击队", "先锋队", "宣讲队",
               "巡逻队", "轻骑队", "小分队"}

#: a department named by two fields joined with 和, closed by its kind
_DEPT_WITH_HE = re.compile(r"([\u4e00-\u9fff]{2,4}和[\u4e00-\u9fff]{2,6}?)(局|委员会|厅|办公室|中心)")


def find_orgs(text: str, places: list[Span]) -> list[Span]:
    """Named bodies: a name (often opened by a place chain) closed by a generic head
    (党支部, 组织部, 人民检察院, 有限公司 ...) and the sub-units after it.

    ``how`` tells what was found: ``org-head`` a named body; ``org-short`` one named by
    its level alone (市国资委, 区委组织部: the document says which 市); ``org-generic`` a
    kind of body (党支部, 居委会) that only a post or the context can name.
    """
    out: list[Span] = []
    place_end = {p.end: p for p in places}
    place_at = {k: p for p in places for k in range(p.start, p.end)}
    covered = 0
    for m in _HEAD_RE.finditer(text):
        h_start = m.start()
        if h_start < covered:
            continue
        if _inside_quote(text, h_start):
            # 组建“马背宣讲团”: a team named in quotes whole is a body, not a practice
            o = text.rfind("“", 0, h_start)
            if m.group() in _TEAM_HEADS and text[m.end() : m.end() + 1] == "”" and 2 <= h_start - o - 1 <= 8:
                out.append(Span(o, m.end() + 1, text[o : m.end() + 1], "Organization", "org-quoted", 0.7,
                                head=m.group(), canonical=text[o + 1 : m.end()]))
                covered = m.end() + 1
            continue
        if h_start in place_at and place_at[h_start].end > m.end():
            continue  # the head is inside a place's name
        end = _extend_right(text, m.end())
        # the nearest place before the head, with only name characters between
        near = None
        quoted = False
        for p in places:
            gap = text[p.end : h_start]
            if p.end <= h_start and len(gap) <= 12 and not re.search(r"[^\u4e00-\u9fff0-9A-Za-z·“”]", gap) \
                    and not re.match(r"[任在到为是]", gap) \
                    and _nameish(text, p.end, h_start) and not _TITLE_RE.search(gap) \
                    and not any(g in gap for g in _CONNECTORS if len(g) > 1):
                if near is None or p.end > near.end:
                    near = p
        if near is not None and not any(q.start >= near.end and q.end <= h_start for q in places):
            s = near.end
        else:
            near = None
            quoted = False
            s = left_name_start(text, h_start, max_len=14, loose=m.group() in _COMPANY_HEADS)
            q = text.rfind("”", max(0, h_start - 7), h_start)
            o = text.rfind("“", 0, q) if q >= 0 else -1
            if (
                q >= 0 and 0 <= o and q - o <= 13 and not re.search(r"[。!?,，、]", text[o:q])
                and re.search(r"[\u4e00-\u9fff]{2}", text[o:q])
                and re.fullmatch(r"[\u4e00-\u9fff]{0,6}", text[q + 1 : h_start])
                and not re.search(r"[与和及或同]", text[q + 1 : h_start])  # “两委”成员与业委会: two bodies
                and not re.match(r"[即是为指]", text[q + 1 : h_start])
            ):
                s = q + 1  # “稳岗就业”联合党员攻坚队: descriptors between the quote and the head
            if s > 0 and text[s - 1] == "”":
                # a quoted name before the head: “科技助农”党员攻坚队 (but “1”即街道党工委
                # explains a formula)
                o = text.rfind("“", 0, s - 1)
                if o >= 0 and s - 1 - o <= 12 and not re.search(r"[。!?,，、]", text[o : s - 1]) \
                        and re.search(r"[\u4e00-\u9fff]{2}", text[o : s - 1]):
                    s, quoted = o, True
                    if s in place_end:
                        near = place_end[s]
        if near is not None:
            start = _chain_start(near.start, place_end)
        else:
            start = _chain_start(s, place_end)
        name = text[start:end]
        if not name or len(name) > 40:
            continue
        posts = list(_LEAD_TITLE_RE.finditer(text, s, h_start))
        t = posts[-1] if posts else None
        if t is not None and not (near is None and quoted):
            # 镶黄旗委书记组织部: a post between place and head; the body is the head's kind
            s, near, start = t.end(), None, t.end()
        part = text[s:h_start].replace("“", "").replace("”", "")  # the name between place and head
        covered = end
        if (near is not None or start < s) and re.fullmatch(r"[原新老前现](?:物业|服务|运营)?", part):
            out.append(Span(h_start, end, text[h_start:end], "Organization", "org-generic", 0.3, head=m.group()))
            continue  # 某小区原物业公司: the compound's former company, a kind of body
        if (near is not None or start < s) and re.match(r"[一二两三四五六七八九十各]级", part):
            continue  # 旗县区两级党委: bodies of two levels, not one body
        if near is not None or start < s:
            out.append(Span(start, end, name, "Organization", "org-head", 0.85, head=m.group(),
                            canonical=name.replace("“", "").replace("”", "")))
            continue
        short = _LEVEL_CHAR.match(part)
        if short:
            out.append(Span(start, end, name, "Organization", "org-short", 0.6, head=m.group(), canonical=name))
            continue
        branded = m.group() in _COMPANY_HEADS and len(part) >= 3 and _has_rare_word(part)
        if not quoted and not branded and (_generic_name_part(part) or part[:1] in L.ORG_STOP or part[:1].isdigit()
                           or re.match(r"[一二两三四五六七八九十各]级", part)):
            kind = next((k for k in _PLACE_KINDS if part.endswith(k)), "")
            g0 = h_start - len(kind)
            out.append(Span(g0, end, text[g0:end], "Organization", "org-generic", 0.3, head=m.group()))
            continue
        if len(part) < 2 or part[0] in "级支名个位家所座批类":
            continue
        if name in L.GENERIC_ORGS:
            # a kind of body the lexicon knows (驻村工作队, 物业服务企业), not one body
            out.append(Span(start, end, name, "Organization", "org-generic", 0.3, head=m.group()))
            continue
        out.append(Span(start, end, name, "Organization", "org-head", 0.65, head=m.group(),
                        canonical=name.replace("“", "").replace("”", "")))
    # a government department whose name joins two fields with 和 (林业和草原局,
    # 住房和城乡建设局, 发展和改革委员会): 和 ends no name there
    for p in places:
        if p.type not in ("County", "City", "Province"):
            continue
        dm = _DEPT_WITH_HE.match(text, p.end)
        if dm and not any(o.start < dm.end() and p.start < o.end and o.how != "org-generic" for o in out):
            st, en = _chain_start(p.start, place_end), _extend_right(text, dm.end())
            out = [o for o in out if not (st <= o.start and o.end <= en)]
            out.append(Span(st, en, text[st:en], "Organization", "org-head", 0.8, head=dm.group(2),
                            canonical=text[st:en]))
    # 某某局驻某某村工作队: the team, and the body that sent it
    for o in list(out):
        k = text.find("驻", o.start, o.end)
        if k > o.start and _HEAD_RE.search(text[o.start : k]) and re.search("(?:" + _HEAD_RE.pattern + ")$", text[o.start : k]):
            out.append(Span(o.start, k, text[o.start : k], "Organization", "org-head", 0.75,
                            head=re.search("(?:" + _HEAD_RE.pattern + ")$", text[o.start : k]).group(), canonical=text[o.start : k]))
    # a county's, city's or region's party committee: 昆都仑区委, 镶黄旗委
    for p in places:
        if p.type in ("County", "City", "Province") and text[p.end : p.end + 1] == "委":
            nxt = text[p.end + 1 : p.end + 2]
            if not nxt or not _is_cjk(nxt) or nxt in "、和及与":
                if not any(o.start <= p.start < o.end for o in out):
                    st = _chain_start(p.start, place_end)
                    out.append(Span(st, p.end + 1, text[st : p.end + 1], "Organization", "org-head", 0.8, head="委",
                                    canonical=text[st : p.end + 1]))
    return sorted(out, key=lambda o: o.start)


# ------------------------------------------------------------------ people

_LEAD = set(L.LEAD_TITLES)
_LEAD_TITLE_RE = re.compile("|".join(map(re.escape, L.LEAD_TITLES)))
_BYLINE_NAME = re.compile(r"(?:(?:本报|见习|特约|实习)?(?:记者|通讯员)|摄影)\s*([\u4e00-\u9fff·]{2,8}(?:\s+[\u4e00-\u9fff·]{2,4})*)")


def _is_common_word(w: str) -> bool:
    """A word jieba knows as something other than a personal name (干部, 群众, 成长)."""
    tag = _jieba_tag(w)
    if tag is None or tag.startswith("nr"):
        return False
    if tag.startswith(("nz", "ns", "nt")):
        return jieba.dt.FREQ.get(w, 0) >= 1000  # 申报 is tagged nz, but it is a word
    return jieba.dt.FREQ.get(w, 0) >= 100  # 宝音, 高志 are in the dictionary but rare


def _very_common(w: str) -> bool:
    """A word so common (群众, 干部) that a surname before it makes no name (和群众)."""
    return _is_common_word(w) and jieba.dt.FREQ.get(w, 0) >= 2000


_ROLE_WORDS = set(L.LEAD_TITLES) | set(L.OTHER_ROLES)


def plausible_name(name: str, *, strict: bool = False) -> bool:
    """A full personal name: a Han surname and one or two given characters, or a
    transliterated (Mongolian) name made of the usual syllables; never a common word
    (干部, 单位).  ``strict`` (for names proposed without a post or byline) also refuses a
    function-word surname or a common word after the surname (和群众, 来此)."""
    if not name or not all(_is_cjk(c) or c == "·" for c in name):
        return False
    if _is_common_word(name) or (len(name) == 3 and _is_common_word(name[:2]) and (strict or name[0] not in L.SURNAMES_1)):
        return False  # 干部, 单位; 干部可, 居民张 (but after a post, 包金山: 包金 is a word too)
    if any(k in name for k in ("嘎查", "苏木", "社区", "街道", "牧户", "村民", "居民")):
        return False  # 干部包嘎查, 延伸到苏木嘎查: a place's kind, not a given name
    if name in _ROLE_WORDS or (len(name) == 2 and name[-1] == "长"):
        return False  # 党员楼长, 楼长: a role, though 楼 is a surname
    if strict and ((name[0] in "和来与及同将把被让给在对从由向为富都也就还" or (name[0] == "包" and len(name) == 2))
                   or (len(name) == 3 and _very_common(name[1:]))):
        return False
    if name[:2] in L.SURNAMES_2 and 3 <= len(name) <= 4:
        return True
    if name[0] in L.SURNAMES_1 and 2 <= len(name) <= 3 and name[1:] not in L.HONORIFICS and name[-1] not in "说讲称等和的在与及同跟":
        return True
    lo = 3 if strict else 2
    return lo <= len(name) <= 8 and all(c in L.MONGOLIAN_CHARS for c in name)


def byline_name(name: str) -> bool:
    """In a byline any two-to-four-character name that is not a word is a name (晓岚)."""
    if any(w in name for w in ("记者", "通讯员", "摄影", "本报")):
        return False
    return plausible_name(name) or (2 <= len(name) <= 4 and all(_is_cjk(c) for c in name) and _jieba_tag(name) is None)


#: what follows a name in running text: speech and action verbs
_NAME_FOLLOWERS = ("说", "介绍", "表示", "告诉", "坦言", "感慨", "笑着", "高兴", "回忆", "认为", "谈起", "谈到",
                   "带领", "得到", "接到", "深有感触", "细心", "激动", "自豪", "感叹", "动情", "指出", "强调", "等一批")


#: a household after a name: 家的, 家里, 家中 (jieba often glues 家 to the name)
_HOUSEHOLD = ("家的", "家里", "家中", "家人", "家门")


def name_after(text: str, i: int, *, strict: bool = False) -> tuple[int, int] | None:
    """The personal name starting at ``i``: the longest plausible one that the text
    closes, by a speech verb, punctuation, the end, or (jieba's segmentation agreeing) a
    verb or adverb right after it (乌日娜满脸自豪地说, 刘晓梅退休前)."""
    bounds = {e for _, e, _ in tokens(text)}
    flags = {s0: f for s0, _, f in tokens(text)}
    names = {(s0, e0) for s0, e0, f in tokens(text) if f.startswith("nr")}
    for length in (8, 7, 6, 5, 4, 3, 2):
        if length == 2 and (unknown := _unknown_shape_name(text, i)):
            return unknown  # before a two-character piece of it (乌日 of 乌日布信说)
        j = i + length
        if j > len(text):
            continue
        cand = text[i:j]
        mongolian_pair = length == 2 and all(c in L.MONGOLIAN_CHARS for c in cand) and (
            not strict or text[j : j + 1] in tuple("与和跟同在说的把被给向从对")) and not _is_common_word(cand)
        # 庞|建国: jieba reads the surname as a name of its own, so a common word after it
        # (建国, 国庆) is the given name
        surname_token = length == 3 and (i, i + 1) in names and plausible_name(cand)
        if not (plausible_name(cand, strict=strict or length == 2) or mongolian_pair or surname_token) or cand[-1] in "制化性式型":
            continue
        if length > 3 and not all(c in L.MONGOLIAN_CHARS for c in cand) and cand[:2] not in L.SURNAMES_2:
            continue
        rest = text[j:]
        if cand[-1] == "家" and (i + length - 1 > i + 1) and text[j - 1 :].startswith(_HOUSEHOLD):
            continue  # 苏和家的: the household, not a name ending in 家
        if length == 3 and (jieba.dt.FREQ.get(text[j - 1 : j + 1], 0) >= 1000 or (
                rest[:1] == "着" and (_jieba_tag(cand[-1]) or "").startswith("v"))):
            continue  # 苏和带着, 王明带领: the last character opens a word, not the name
        if not rest or rest.startswith(L.SPEECH) or not _is_cjk(rest[0]) or (i, j) in names:
            return i, j
        if rest.startswith(_HOUSEHOLD) and (length <= 3 or cand[-1] in L.MONGOLIAN_CHARS):
            return i, j  # 牧民乌日根家的牛: jieba glues 家 to the name's last syllable
        if j in bounds and (flags.get(j, "x")[:1] in ("v", "d", "p", "c", "f", "b", "r", "t") or rest.startswith(("一起", "一道", "一同"))) \
                and (length <= 3 or cand[-1] in L.MONGOLIAN_CHARS):
            return i, j
    return _unknown_shape_name(text, i)


def _unknown_shape_name(text: str, i: int) -> tuple[int, int] | None:
    """牧民图布信说: a name of no known shape, right before a speech verb, with no word of
    the dictionary inside it."""
    for length in (4, 3):
        cand, rest = text[i : i + length], text[i + length :]
        if len(cand) == length and all(_is_cjk(c) for c in cand) and rest.startswith(_SAYS) \
                and not any(jieba.dt.FREQ.get(cand[a:b], 0) >= 50 for a in range(length) for b in range(a + 2, length + 1)):
            return i, i + length
    return None


#: speech verbs that close a name (说, 介绍, 表示) even when its shape is unknown
_SAYS = ("说", "介绍", "表示", "告诉", "坦言", "感慨", "回忆", "认为")


def find_people(text: str, orgs: list[Span], places: list[Span], *, heading: bool = False) -> list[Span]:
    """People named after a post (幸福社区党支部书记王建华说), in bylines and photo credits
    (本报记者 刘晓梅 通讯员 张立新, 李文静 摄), and as 据某某介绍.  ``role`` holds the post."""
    out: list[Span] = []
    taken: set[int] = set()

    def add(i: int, j: int, how: str, conf: float, role: str | None = None) -> None:
        if any(k in taken for k in range(i, j)):
            return
        out.append(Span(i, j, text[i:j], "Person", how, conf, role=role))
        taken.update(range(i, j))

    for m in _BYLINE_NAME.finditer(text):
        for nm in re.finditer(r"[\u4e00-\u9fff·]{2,8}", m.group(1)):
            i = m.start(1) + nm.start()
            if byline_name(nm.group()):
                add(i, i + len(nm.group()), "byline", 0.95)
    # the writer of a brief, in parentheses at its end: "……。(陈立军)"
    for m in re.finditer(r"[(（]([\u4e00-\u9fff·]{2,4}(?:[ 、,，][\u4e00-\u9fff·]{2,4})*)[)）]\s*$", text):
        for nm in re.finditer(r"[\u4e00-\u9fff·]{2,4}", m.group(1)):
            if byline_name(nm.group()):  # (包金花): the credit's frame vouches for the name
                add(m.start(1) + nm.start(), m.start(1) + nm.end(), "brief-credit", 0.8)
    if re.match(r"^[#\s]*[□■●◎◆]", text):
        # a byline mark before a lone name: "□孙海涛", "◎周敏"
        body = re.sub(r"^[#\s□■●◎◆]*", "", text)
        off = len(text) - len(body)
        nm = re.fullmatch(r"([\u4e00-\u9fff·]{2,8})\s*", body)
        if nm and plausible_name(nm.group(1)):
            add(off, off + len(nm.group(1)), "byline", 0.9)
    for m in re.finditer(r"([\u4e00-\u9fff·]{2,8}?)\s*摄", text):
        nm = m.group(1)
        for length in range(min(len(nm), 8), 1, -1):
            cand = nm[-length:]
            if plausible_name(cand):
                add(m.end(1) - length, m.end(1), "photo-credit", 0.9)
                break
    for m in _TITLE_RE.finditer(text):
        hit = name_after(text, m.end(), strict=m.group() not in _LEAD)
        if hit is None and m.group() in _LEAD and text[m.end() : m.end() + 1] == "的":
            # "任社区党委书记的王某某": a post, 的, then its holder's name
            hit = name_after(text, m.end() + 1, strict=True)
        if hit is None:
            continue
        role = m.group()
        add(hit[0], hit[1], "post", 0.85 if role in _LEAD else 0.75, role)
    for m in re.finditer(r"(?:^|[”\"])([\u4e00-\u9fff·]{2,6}?)(?:说|表示|介绍|告诉记者|坦言|感慨地说|笑着说)", text):
        # “……。”苏和说: the speaker right after a closing quote (which may end the sentence
        # before)
        nm = m.group(1)
        if (plausible_name(nm) or (len(nm) >= 2 and all(c in L.MONGOLIAN_CHARS for c in nm))) and not _is_common_word(nm):
            add(m.start(1), m.end(1), "quote-speaker", 0.7)
    for m in re.finditer(r"据([\u4e00-\u9fff]{2,4}?)(?:介绍|透露|了解)", text):
        if plausible_name(m.group(1)):
            add(m.start(1), m.end(1), "according-to", 0.7)
    # a full name before an honorific or kin word: 赵振国大爷, 孙秀英老人 (张女士 is no name)
    for m in re.finditer("(" + "|".join(sorted(L.HONORIFICS, key=len, reverse=True)) + ")", text):
        for length in (3, 4):
            i = m.start() - length
            if i >= 0 and plausible_name(text[i : m.start()], strict=True) and (i == 0 or not _is_cjk(text[i - 1]) or text[i - 1] in "的位名是"):
                add(i, m.start(), "name-honorific", 0.7)
                break
    # jieba proposes a name; the words around it decide (a speech verb after it, or a
    # descriptor such as 农机手, 获得者, 党员 before it)
    toks = list(tokens(text))
    merged: list[tuple[int, int, str]] = []
    for s0, e0, flag in toks:  # 巴音/吉日/嘎拉: one transliterated name in jieba's pieces
        namey = ("nr", "ns", "nz")
        piece = text[s0:e0]
        rare = jieba.dt.FREQ.get(piece, 0) < 200 and len(piece) >= 2
        if merged and (flag.startswith(namey) or rare) and (merged[-1][2].startswith(namey) or merged[-1][2] == "rare") \
                and merged[-1][1] == s0 and all(c in L.MONGOLIAN_CHARS for c in text[merged[-1][0] : e0]):
            merged[-1] = (merged[-1][0], e0, "nr")
        else:
            prev_rare = jieba.dt.FREQ.get(piece, 0) < 200 and len(piece) >= 2 and all(c in L.MONGOLIAN_CHARS for c in piece)
            merged.append((s0, e0, "rare" if prev_rare and not flag.startswith(namey) else flag))
    for s0, e0, flag in merged:
        if not flag.startswith("nr") or e0 - s0 < 2:
            continue
        cand = text[s0:e0]
        if len(cand) >= 3 and (text[e0 - 1 :].startswith(_HOUSEHOLD) or (
                text[e0 : e0 + 1] == "着" and (_jieba_tag(cand[-1]) or "").startswith("v"))):
            e0 -= 1  # 苏和家的草场, 苏和带着: jieba's name swallowed the household or a verb
            cand = text[s0:e0]
        if not plausible_name(cand, strict=True):
            continue
        if s0 > 0 and (text[s0 - 1 : s0 + 1] in ("嘎查", "苏木", "社区", "街道") or jieba.dt.FREQ.get(text[s0 - 1 : s0 + 1], 0) >= 100):
            continue  # 在嘎查里说清楚: the name would open inside a word (嘎查)
        after = text[e0 : e0 + 3]
        before = text[max(0, s0 - 3) : s0]
        mongolian = e0 - s0 >= 4 and all(c in L.MONGOLIAN_CHARS for c in cand)
        if mongolian and (not after or not _is_cjk(after[0]) or after.startswith(("在", "是", "说", "介绍", "的", "家", "和", "等"))):
            add(s0, e0, "jieba-name", 0.6)  # 宝音巴特尔在接受记者采访时介绍
        elif after.startswith(_NAME_FOLLOWERS) or re.search(
            r"(?:手|者|员|民|负责人|带头人|联系人|传承人|创始人|长|师|生|党员|干部|记者)$", before
        ):  # (因人施策: 人 alone describes no one)
            add(s0, e0, "jieba-name", 0.6)
    return sorted(out, key=lambda s: s.start)


# ------------------------------------------------------------------ mechanisms

_MECH_HEAD_RE = re.compile("|".join(map(re.escape, L.MECH_HEADS)))
_VERB_RE = re.compile("(?:" + "|".join(map(re.escape, L.IMPLEMENT_VERBS)) + r")(?:了|起|出|好)?$")
_QUOTE_RE = re.compile(r"“([^“”]{1,40})”|‘([^‘’]{1,40})’|\"([^\"]{1,40})\"")
_UNQUOTED_HEADS = ("积分制管理", "积分制", "负责制", "机制", "制度", "体系", "模式", "平台", "系统", "数据库", "服务网络")


#: a numbered practice: 三个聚焦, 两道防线, 三所共建, 三下乡, 一村一品
_NUMBERED = re.compile(r"^[一二两三四五六七八九十]+(?:个|项|道|所|下|统一|清|联|心|访|到|化|带|进|帮)[\u4e00-\u9fff]{1,5}$|^[一二两三四五六七八九十][\u4e00-\u9fff]{1,2}[一二两三四五六七八九十][\u4e00-\u9fff]{1,2}$")
_VERB_START = re.compile("(?:" + "|".join(L.IMPLEMENT_VERBS) + ")")


#: heads a practice's canonical name leaves out: 机制, 模式, 体系, 制度, 工程, 行动, 品牌, 平台, 服务
_DROPPABLE = re.compile(r"(?:机制|模式|体系|制度|工程|行动|品牌|平台|服务|活动|专题教育|项目|工作法|建设|小程序|App)$")


def _droppable_head(head: str) -> bool:
    return bool(_DROPPABLE.search(head)) and not head.endswith("行动计划")


#: one-off events are no practices (校园招聘, 政策宣讲会, 擂台比武)
_EVENT = re.compile(r"(?:招聘|招聘会|宣讲会|座谈会|培训班|比赛|大赛|比武|论坛|晚会|仪式|典礼|运动会|联欢会|研讨会|现场会|推进会|开放日|宣传日|宣传周|宣传月)$")


#: what follows a quote (or a run of them) that names an event or a topic, not a practice
_EVENT_TAIL = re.compile(
    r"^(?:等)?(?:[0-9一二两三四五六七八九十多]+[大项个种场次])?[\u4e00-\u9fff]{0,6}?"
    r"(?:招聘|宣传|比赛|大赛|竞赛|晚会|演出|主题党日|主题活动)"
)

#: verbs of rating and naming: 评定了“……”等品牌 credits no one with running them
_RATED = re.compile(r"(?:评定|评选|评为|评出|命名|表彰|授予|认定)(?:了|为|出)?$")

#: what a quote may describe that is no practice: an outcome reached or a principle held
_OUTCOME = re.compile(
    r"^(?:的)?[\u4e00-\u9fff]{0,4}?(?:理念|原则|目标|导向|局面|格局|态势|氛围|景象|思路|宗旨|口号|称号)(?=[,，。;；、!！]|$)"
)


def _mech_core_ok(core: str) -> bool:
    c = core.strip()
    if _EVENT.search(c):
        return False
    if len(c) < 2 or c in L.NOT_MECHANISMS:
        return False
    if re.search(r"[。!?！？]", c):
        return False
    return not re.fullmatch(r"[0-9.%]+", c)


#: words that end in 制 and name no system of their own (体制, 编制, 控制)
_WORDS_IN_ZHI = {"体制", "机制", "编制", "控制", "限制", "建制", "学制", "税制", "法制", "专制", "管制", "强制",
                 "抵制", "节制", "牵制", "遏制", "压制", "克制", "研制", "绘制", "复制", "印制", "定制", "录制"}


def find_mechanisms(text: str, *, heading: bool = False) -> list[Span]:
    """Named practices: quoted names credited by a verb or closed by a practice head
    (“三事分流”机制, 推行“积分制”), unquoted names closed by 机制/制度/体系/负责制 right after an
    implementing verb, and the items of a list closed by "N项工作机制"."""
    out: list[Span] = []
    quoted_in_list: set[int] = set()
    # 1. quoted names
    quotes = list(_QUOTE_RE.finditer(text))
    for idx, m in enumerate(quotes):
        core = next(g for g in m.groups() if g is not None)
        # “支部+网格+楼栋”的“三级联动”机制: the first quote spells out the second
        appos = idx + 1 < len(quotes) and text[m.end() : quotes[idx + 1].start()] == "的"
        if appos:
            nxt = quotes[idx + 1]
            after2 = text[nxt.end() :]
            if _MECH_HEAD_RE.match(re.sub(r"^[\u4e00-\u9fff]{0,4}?(?=" + _MECH_HEAD_RE.pattern + ")", "", after2)):
                out.append(Span(m.start(), m.end(), text[m.start() : m.end()], "Mechanism", "mech-apposition", 0.6,
                                canonical=next(g for g in nxt.groups() if g is not None).strip()))
                continue
        numbered_head = bool(re.fullmatch(r"[0-9]{2,4}", core.strip())) and bool(
            re.match(r"[\u4e00-\u9fff]{0,6}?(?:" + _MECH_HEAD_RE.pattern + ")", text[m.end() :]))
        if not _mech_core_ok(core) and not numbered_head:
            continue  # (but “135”工作法 is a practice named by its numbers)
        if core.startswith("小") and re.match(r"^[\u4e00-\u9fff]{1,10}[“\"]大", text[m.end() :]):
            continue  # 以“小网格”撬动“大治理”: a slogan of small and great, not a practice
        before = text[max(0, m.start() - 6) : m.start()]
        after = text[m.end() :]
        # a run of quoted names shares the head after the last one: “邻里守望”“邻里和睦”两大品牌
        k = idx
        while k + 1 < len(quotes) and quotes[k + 1].start() - quotes[k].end() <= 1:
            k += 1
        tail = text[quotes[k].end() :]
        tail = re.sub(r"^(?:等|这|的|[0-9一二两三四五六七八九十]+[大项个种支])*", "", tail)
        head = _MECH_HEAD_RE.match(tail)
        if head is None:
            # "……”的服务机制", "……”等评选活动": the head a few words on
            near = re.match(r"^[\u4e00-\u9fff]{0,8}?(?:" + _MECH_HEAD_RE.pattern + ")", tail)
            gap = len(near.group()) - len(_MECH_HEAD_RE.search(near.group()).group()) if near else 99
            nominal_gap = near and gap <= 4 and near.group().endswith(("模式", "机制", "体系", "制度")) and not any(
                f.startswith(("v", "p", "u", "c")) and f != "vn" for _, _, f in tokens(near.group()[:gap]))
            if near and (text[quotes[k].end() : quotes[k].end() + 1] in ("的", "等") or gap <= 2 or nominal_gap) \
                    and not (gap > 0 and near.group().endswith(("建设", "办理"))):
                head = near  # (“四议两公开”议定建设: 建设 is the verb's object there, no head)
        if re.search(r"把$", text[: m.start()]) and re.match(r"(?:变成|变为|化为|转化为|转化成)", after):
            continue  # 把“民生清单”变成“幸福账单”: a figure of speech, not a practice
        if re.search(r"(?:打破|摒弃|改变|告别|破除|避免|防止|杜绝|扭转)[\u4e00-\u9fff]{0,4}$", text[max(0, m.start() - 8) : m.start()]):
            continue  # 打破“台上讲、台下听”的传统模式: a practice left behind, not one carried out
        if re.search(r"从$", text[max(0, m.start() - 1) : m.start()]) or re.match(r"^到“", after) or re.search(r"”到$", text[: m.start()]):
            continue  # 从“企业找政策”到“政策找企业”: a change described, not a practice
        if _EVENT_TAIL.match(text[quotes[k].end() :]):
            continue  # “……”主题党日, “……”“……”等招聘活动, “……”政策宣传: events and topics
        if _OUTCOME.match(text[quotes[k].end() :]):
            continue  # 形成“……”的良好局面, 坚持“……”的理念: an outcome or a principle, not a practice
        raw_tail = text[quotes[k].end() :]
        if not head and re.match(r"^(?:等)?[0-9一二两三四五六七八九十]+[大项个种支][\u4e00-\u9fff]", raw_tail):
            continue  # 建立“……”和“……”两个台账: counted things of a kind that is no practice
        if not head and re.match(r"^等[\u4e00-\u9fff]{0,6}?(?:事项|业务|问题|难题|领域|行业|环节|产品|手续)", raw_tail):
            continue  # “……”“……”等便民审批事项: matters of business, not practices
        if re.search(r"(?:代表|委员)$", core):
            continue  # “五星代表”, “两委委员”: posts people are chosen for, not a practice
        if core.endswith(tuple(_TEAM_HEADS)):
            continue  # “马背宣讲团”: a team, a body
        paired = (text[m.end() : m.end() + 2] == "与“") or (
            m.start() >= 2 and text[m.start() - 2 : m.start()] == "”与"
        )
        if paired and not head:
            continue  # 推动“……”与“……”深度融合: two things related, not practices
        items = re.split(r"[、,，]", core)
        # 实行“日巡查、周研判、月通报”: a routine put in force, though its name is a list
        enacted = bool(re.search(r"(?:推行|实行|实施|推出|建立)(?:了)?$", before)) or bool(re.search(
            r"(?:推行|实行|实施|建立|推动|落实)(?:(?!的)[\u4e00-\u9fff、“”]){1,24}$", text[max(0, m.start() - 32) : m.start()]
        ) and re.match(r"(?:[,，。;；]|$)", text[quotes[k].end() :]))
        if len(items) >= 2 and not head and not enacted:
            continue  # a slogan of parallel phrases (选、育、管、用) without a practice's name
        if before.endswith(("说", "说:", "道", ":", "：", "表示")) or re.search(r"[说道]:?$", before):
            continue
        if re.match(r"[\u4e00-\u9fff]{0,6}?(?:" + _HEAD_RE.pattern + ")", after) and not _MECH_HEAD_RE.match(after):
            continue  # “科技助农”党员攻坚队, “红马甲”党员志愿服务队: the quote names a body
        # 推出“……”, 推行了“……”: the verb right before the quote, after an aspect particle
        verb = bool(_VERB_RE.search(before) or _VERB_RE.search(re.sub(r"(?:的|了|以|出|起|[，,、])$", "", before)))
        shape = bool(re.search(r"[+＋]|[一二两三四五六七八九十百千万0-9]{1,2}[\u4e00-\u9fff]{1,3}[一二两三四五六七八九十0-9]", core)) or bool(
            _NUMBERED.match(core)
        ) or bool(re.fullmatch(r"[0-9]{1,2}(?:·[0-9]{1,2}){2,}", core))  # “3·2·1”: a numbered formula
        if heading and not head:
            continue
        named_by_head = len(core) > 3 and bool(re.search(
            "(?:" + _MECH_HEAD_RE.pattern + r"|[建强提攻推落服][设化升坚进实务]年|清单|积分榜|红黑榜)$", core))  # “村务事项清单”
        # 以“一网通办”为核心, 以“红色管家”为牵引: the practice a body builds its work on
        framed = (bool(re.search(r"以$", text[max(0, m.start() - 1) : m.start()])) and bool(
            re.match(r"^(?:为(?:核心|牵引|抓手|载体|契机|引领|主线|龙头|依托|平台|统领|切口|突破口|切入点)|方式|助推|推动|促进|带动|引领|撬动)", after)
        )) or (bool(re.search(r"发挥[\u4e00-\u9fff]{0,6}$", text[max(0, m.start() - 9) : m.start()]))
               and bool(re.match(r"^(?:的)?(?:作用|功能|优势)", after))) or (
            # 以……、……、20个“红色加油站”为阵地: the last of a list a body works through
            bool(re.search(r"以[^,，。;；:：以]{2,40}、[0-9一二两三四五六七八九十百千万余多个家处]*$", text[max(0, m.start() - 45) : m.start()]))
            and bool(re.match(r"^为(?:核心|牵引|抓手|载体|阵地|依托|平台)", after)))
        practice_word = bool(re.search(r"(?:制|制度|机制|管理|模式|体系|工程|行动|计划|平台)$", core))
        if len(core) > 10 and not re.search(r"[、,，+·]", core) and not (head and _droppable_head(head.group())) and not practice_word:
            continue  # 深植红色基因汇聚团结力量: a slogan or a title, not a practice's name
        # 开展理论宣讲、“田埂议事”、送医上门等活动: the quote marks the name in a list that
        # a practice head closes
        listed = not head and bool(re.match(
            r"^(?:、[^、,，。;；“”]{2,12}){1,4}等(?:[0-9一二两三四五六七八九十多]+[项个种类])?(?:" + _MECH_HEAD_RE.pattern + ")",
            text[quotes[k].end() :],
        ))
        # 推行嘎查事务“明白卡”, 推行党员“五必访”: the verb, then who or what the practice is
        # for, then its name closing the clause (打造老人家门口的“暖巢” is a figure of speech)
        # 每季度召开一次“骑手恳谈会”: a meeting held on a schedule is a standing practice
        scheduled = bool(re.search(r"(?:每[月周季年]|每季度|定期|常态化|按月|按季)[^。;；]{0,24}?召开[^,，。;；]{0,24}$",
                                   text[max(0, m.start() - 50) : m.start()]))
        far_verb = scheduled or not verb and bool(re.search(
            r"(?:推行|实行|实施|推出|建立|探索|开设|设立|开展|打造|搭建|创设|坚持和发展|借鉴)(?:(?!的)[\u4e00-\u9fff、“”]){1,24}$",
            text[max(0, m.start() - 32) : m.start()],
        )) and bool(re.match(r"(?:[,，。;；]|$)", text[quotes[k].end() :])) and not _RATED.search(before)
        if not (head or verb or shape or named_by_head or framed or listed or far_verb):
            continue
        if len(core) > 24 and not head:
            continue
        conf = 0.8 if head else 0.65 if verb or framed or listed else 0.55 if far_verb else 0.55
        end = m.end()
        canonical = core.strip()
        if head and k == idx:
            end = quotes[k].end() + (len(text[quotes[k].end():]) - len(tail)) + head.end()
            # the generic head goes (“三事分流”机制 → 三事分流) unless the rest is no name on its
            # own (“贴心”服务) or the head is part of the name (“乡土人才”数据库); a head
            # shared by a list (“A”“B”等应用场景) stays with the list
            attached = text[quotes[k].end() : end] == head.group()
            if attached and (not _droppable_head(head.group()) or _is_common_word(canonical)):
                canonical = canonical + text[quotes[k].end() : end]
                canonical = canonical.replace("“", "").replace("”", "")
        # 评定了“A”“B”等品牌: who rates or names practices does not carry them out
        j = idx
        while j > 0 and quotes[j].start() - quotes[j - 1].end() <= 1:
            j -= 1
        rated = bool(_RATED.search(text[max(0, quotes[j].start() - 6) : quotes[j].start()]))
        out.append(Span(m.start(), end, text[m.start() : end], "Mechanism", "mech-quoted", conf,
                        canonical=canonical, credit=not rated))
        if listed and text[m.start() - 1 : m.start()] == "、":
            # 理论宣讲、“田埂议事”、送医上门等: quoted mid-list, the quotes single out the name
            quoted_in_list.add(m.start())
    taken = {k for s in out for k in range(s.start, s.end)}
    # 2. unquoted names closed by a practice head, right after a verb
    for m in re.finditer("|".join(_UNQUOTED_HEADS), text):
        if m.start() in taken:
            continue
        s = left_name_start(text, m.start(), max_len=8, loose=True, verbs_break=False)  # 包联工作机制
        if m.group() in ("制度", "机制"):
            # a long system's name runs from the verb that sets it up: 建立驻村干部与派出单位双向考评制度
            lv = re.search(r"(?:建立|健全|推行|实行|落实|建立健全)([^,，。;；、“”]{4,16})$", text[max(0, m.start() - 20) : m.start()])
            if lv:
                s = min(s, m.start() - len(lv.group(1)))
        if s >= m.start() and m.group() not in ("积分制", "负责制"):
            continue
        name = text[s : m.end()]
        pre = re.sub(r"(?:全面|大力|积极|持续|深入|不断|逐步|着力)$", "", text[max(0, s - 8) : s])
        numbered = bool(re.match(r"[一二两三四五六七八九十0-9]+[级个大项种支张]", name))
        by_means = bool(re.search(r"(?:通过|借助|依托)$", pre)) and m.group() in ("制度", "机制", "体系")
        if not (_VERB_RE.search(pre) or numbered or by_means or m.group() in ("积分制", "负责制")):
            continue
        core = name
        short_ok = m.group() in ("积分制", "负责制") and _VERB_RE.search(pre)
        if (len(core) < 4 and not short_ok) or any(k in taken for k in range(s, m.end())):
            continue
        if core[: -len(m.group())] in ("工作", "长效", "管理", "服务", "运行", "联动", "保障", "激励", "协调", "考核", "评价", "组织", "治理"):
            continue
        body = core[: -len(m.group())]
        if body.endswith("新") or (
            len(tokens(body)) == 1 and jieba.dt.FREQ.get(body, 0) >= 300 and not numbered
        ):
            continue  # 探索养老服务新模式, 创新销售模式: a kind of practice described, not one named
        out.append(Span(s, m.end(), name, "Mechanism", "mech-head", 0.6, canonical=core))
        taken.update(range(s, m.end()))
    # 2b. an unquoted system named by its 制, right after the verb that puts it in force:
    # 推行导师帮带制, 实行坐班值守制
    for m in re.finditer(r"(?:推行|实行|落实|建立|实施|探索|推广|健全|全面推行)([\u4e00-\u9fff]{2,10}?制)(?=[,，。;；、]|$)", text):
        st, en = m.start(1), m.end(1)
        name = m.group(1)
        if any(k in taken for k in range(st, en)) or name[-2:] in _WORDS_IN_ZHI or len(name) < 4:
            continue
        out.append(Span(st, en, name, "Mechanism", "mech-head", 0.6, canonical=name))
        taken.update(range(st, en))
    # 3. a list that goes on from a practice: "健全服务承诺制、容缺受理、延时服务", "抓好“主题党日”、组织生活会、谈心谈话等"
    for sp in list(out):
        if sp.start in quoted_in_list:
            continue
        pos = sp.end
        while True:
            m2 = re.match(r"、“?([\u4e00-\u9fff+]{2,12}?)”?(?=[、等,，。;；]|$)", text[pos:])
            if not m2 or m2.start(1) + pos in taken:
                break
            item = m2.group(1)
            st = pos + m2.start(1)
            if not _mech_core_ok(item) or _VERB_START.match(item):
                break
            out.append(Span(st, st + len(item), item, "Mechanism", "mech-list", 0.55, canonical=item))
            taken.update(range(st, st + len(item)))
            pos += m2.end()
    # 4. a list named as one practice: "推行问题共商、活动共办、成果共享工作机制"
    for m in re.finditer(r"(?:推行|建立|健全|形成|构建|实行|完善|创新|探索)((?:[\u4e00-\u9fff]{2,8}、){2,}[\u4e00-\u9fff]{2,8}?)(?:的)?(?:工作|服务|治理|管理)?(?:机制|模式|体系|制度|联席会议)", text):
        st, en = m.start(1), m.end(1)
        if any(k in taken for k in range(st, en)):
            continue
        out.append(Span(st, m.end(), text[st : m.end()], "Mechanism", "mech-list-name", 0.55, canonical=m.group(1)))
        taken.update(range(st, m.end()))
    # 5. a list a body works through: "以主题党日、志愿服务站、红色驿站为载体"
    for m in re.finditer(r"(?:以|依托|通过)((?:[\u4e00-\u9fff“”+]{2,12}、)+[\u4e00-\u9fff“”+]{2,12}?)(?:等)?(?:为|等)(?:载体|抓手|平台|依托|支撑)", text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            st = pos
            pos += len(item) + 1
            core = item.strip("“”")
            if any(k in taken for k in range(st, st + len(item))) or not _mech_core_ok(core):
                continue
            out.append(Span(st, st + len(item), item, "Mechanism", "mech-list", 0.55, canonical=core))
            taken.update(range(st, st + len(item)))
    # 6. the items of a list closed by "N项工作机制"
    for m in re.finditer(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})(?:等)?[0-9一二两三四五六七八九十]+[项个种大](?:工作)?(?:机制|制度|品牌|举措|行动)", text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            st = pos
            pos += len(item) + 1
            if st in taken or not _mech_core_ok(item):
                continue
            out.append(Span(st, st + len(item), item, "Mechanism", "mech-list", 0.6, canonical=item))
    return sorted(out, key=lambda s: s.start)
