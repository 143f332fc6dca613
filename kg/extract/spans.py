"""What the span finders share: the :class:`Span`, jieba's tokens, and the word-level tests.

The finders (:mod:`kg.extract.places`, :mod:`~kg.extract.bodies`, :mod:`~kg.extract.people`,
:mod:`~kg.extract.practices`) each read a sentence's repaired text and return spans with
character positions in that text.  They know nothing about documents or the graph;
:mod:`kg.extract.document` puts their spans in context (which 太平镇, which 社区, who
implements what).  Here: where a name ending at a head begins (:func:`left_name_start`),
whether a word is an everyday word, and the heads and titles more than one finder reads.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from ..gazetteer import Division
from ..timing import timed
from . import lexicon as L
from . import segment
from .wordre import alternation


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


def without_spans(spans: list[Span], drop: set[int]) -> list[Span]:
    """``spans`` less those at the indexes ``drop``, the chain links (:attr:`Span.chain_prev`)
    renumbered to the spans kept."""
    if not drop:
        return spans
    kept = [k for k in range(len(spans)) if k not in drop]
    new_index = {k: n for n, k in enumerate(kept)}
    return [replace(spans[k], chain_prev=new_index.get(spans[k].chain_prev)) if spans[k].chain_prev is not None
            else spans[k] for k in kept]


@lru_cache(maxsize=4096)
@timed("segmentation")
def tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba's segmentation with parts of speech, as (start, end, flag).

    Segmentation is jieba's (:func:`kg.extract.segment.cut`, run natively); a word's part
    of speech is its dictionary tag.  A word the dictionary lacks (found by jieba's HMM) is
    tagged the way posseg would mostly tag it in this genre: a name (nr) when it opens with
    a surname or reads as a transliteration, a place (ns) before a place suffix, else a noun.
    """
    words = segment.cut(text)
    try:
        flags = list(map(_FLAG.__getitem__, words))  # (every word known, and of one piece: the rule)
    except KeyError:
        flags = _flags(words)
    if flags is None:
        return _in_pieces(words)
    if not words:
        return ()
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]]
    if len(_BOUNDS) > 4096:
        _BOUNDS.clear()
    _BOUNDS[text] = (starts, ends)
    return tuple(zip(starts, ends, flags, strict=True))


def _flags(words: list[str]) -> list[str] | None:
    """Each word's tag (:func:`_word_flags`), remembered; None if a word is read as two."""
    if len(_FLAG) > 200_000:  # new text brings new words without end: keep the memo bounded
        _FLAG.clear()
        _PIECES.clear()
    for w in words:
        if w not in _FLAG and w not in _PIECES:
            pieces = _word_flags(w)
            if len(pieces) == 1:
                _FLAG[w] = pieces[0][1]
            else:
                _PIECES[w] = pieces
    if any(w in _PIECES for w in words):
        return None
    return [_FLAG[w] for w in words]


def _in_pieces(words: list[str]) -> tuple[tuple[int, int, str], ...]:
    """:func:`tokens` of words one of which :func:`_word_flags` reads as two."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for w in words:
        for n, flag in _PIECES.get(w) or ((len(w), _FLAG[w]),):
            out.append((pos, pos + n, flag))
            pos += n
    return tuple(out)


@lru_cache(maxsize=4096)
def token_bounds(text: str) -> tuple[list[int], list[int]]:
    """Where the words of :func:`tokens` start and where they end, both rising (the words
    follow each other): the words before or inside a span are found by bisection."""
    laid_out = _BOUNDS.pop(text, None)  # (as tokens laid them out: the usual case)
    if laid_out is not None:
        return laid_out
    toks = tokens(text)
    return [a for a, _, _ in toks], [b for _, b, _ in toks]


#: the starts and ends of the words of the texts :func:`tokens` read last, for
#: :func:`token_bounds`, which asks for most of them next
_BOUNDS: dict[str, tuple[list[int], list[int]]] = {}
#: a word's tag, by word, for the words :func:`_word_flags` reads as one piece
_FLAG: dict[str, str] = {}
#: the pieces of the words it reads as two (an unknown name glued to a particle: 嘎拉在)
_PIECES: dict[str, tuple[tuple[int, str], ...]] = {}


def _word_flags(w: str) -> tuple[tuple[int, str], ...]:
    """How :func:`tokens` reads one of jieba's words: its length and tag, or two pieces."""
    flag = segment.tag(w)
    if flag is None and len(w) >= 3 and w[-1] in _FUNCTION_CHARS:
        # the HMM glued a particle to an unknown name (嘎拉在): split it off
        return ((len(w) - 1, _guess_tag(w[:-1])), (1, segment.tag(w[-1]) or "p"))
    if flag is None:
        # 做强, 建强: a verb of our genre the dictionary lacks is still a verb
        flag = "v" if w in _GENRE_VERBS else _guess_tag(w)
    return ((len(w), flag),)


_FUNCTION_CHARS = set("在的了是和与说将把被向从对为用都也就还")


_GENRE_VERBS = set(L.IMPLEMENT_VERBS)


_CJK_WORD = re.compile("[\u4e00-\u9fff]+")


def _guess_tag(w: str) -> str:
    if not _CJK_WORD.fullmatch(w):
        return "m" if w.isdigit() else "eng" if w.isascii() and w.isalpha() else "x"
    if len(w) == 1:
        return "x"
    if w[0] in L.SURNAMES_1 and len(w) <= 3 or (len(w) >= 3 and all(c in L.MONGOLIAN_CHARS for c in w)):
        return "nr"
    return "n"


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_NOMINAL = ("n", "ns", "nr", "nz", "nt", "j", "b", "s", "ng", "nrt", "nrfg", "an", "f", "g", "x", "eng", "zg", "a")


def left_name_start(
    text: str, end: int, *, max_len: int, floor: int = 0, loose: bool = False, place: bool = False,
    verbs_break: bool = True, firm: bool = False,
) -> int:
    """Where a name that ends at ``end`` (the generic head's start) most likely begins.

    Walks left over jieba tokens: the token next to the head always belongs to the name;
    further tokens do while they are nominal or single unknown characters, and never past
    a verb, preposition, particle or stop character, ``floor`` or ``max_len``.  With
    ``verbs_break`` (bodies and places) a verb jieba mistags as a noun ends the name too
    (党支部领办|某合作社); a practice's name may hold one (包联工作机制).  A ``firm``'s name (a
    company's) may hold a verb after its brand (某某|优选|电子商务有限公司).
    """
    walk = _Walk(text, end, max_len, loose, place, verbs_break, firm)
    start = end
    toks = tokens(text)
    for s, e, flag in reversed(toks[: bisect_left(token_bounds(text)[0], end)]):  # the words starting before ``end``
        if e > end:
            # the head sits inside a jieba word (中国社会科学院, 区政府): its left part is
            # the name's last word
            syllables = flag.startswith(("nr", "ns")) and all(c in L.MONGOLIAN_CHARS for c in text[s:end])
            if end - s == 1 and text[s] not in L.MONGOLIAN_CHARS and (jieba_tag(text[s]) or "")[:1] in ("d", "p", "c", "u", "r", "v"):
                break  # 记者就|嘎查, 讲起|嘎查 (jieba: 就嘎查, 起嘎查): an adverb, a preposition or a verb glued to the kind opens no name
            e, flag = end, "n"
            if syllables and s >= floor:
                start, walk.first = s, False  # 哈拉图布|其嘎查: a transliterated name's last syllable
                continue
        if s < floor:
            break
        found, walk_on = walk.step(s, e, flag)
        if found == _NO_NAME:
            return end
        if found is not None:
            start = found
        if not walk_on:
            break
        walk.first = False
    if place and text.startswith(_BARE_KINDS_OPENING, start) and end - start >= 4 and text[start + 2] not in "办":
        start += 2  # 在街道|某某路社区: the article's street named by its kind, then the community's own name
    while start < end and text[start] in "年月日号" and start > 0 and text[start - 1].isdigit():
        start += 1  # 2023年|查干哈达嘎查: the date's unit, glued by jieba's guess
    if (time := _TIME_OPENING.match(text, start, end)) is not None and end - time.end() >= 2:
        start = time.end()  # 上月|某某花园小区: a time jieba glued to the name
    if not place and text.startswith("辖区", start) and (text[start + 2 : end] in L.LOWER_PLACE_KINDS or (
            end - start == 2 and text.startswith(L.LOWER_PLACE_KINDS, end))):
        return end  # 与辖区嘎查党支部: the area's places of a kind, no one body named
    if not place and text.startswith("辖区", start) and end - start > 4:
        start += 2  # 联合辖区|某区某某协会: the area the body works in, no part of its name
    for mark in L.DAMAGE_MARKS:
        if (k := text.rfind(mark, start, end)) >= 0:
            start = k + len(mark)  # 锟斤拷锟斤拷|社区: the damage ends whatever name was there
    if (k := text.rfind("距", start, end - 1)) >= 0 and text[k + 1] in "旗县市区盟镇乡":
        start = k + 1  # 嘎查距|旗人民法院120公里: the distance's 距 (jieba: 距旗) opens no name
    if "下" in text[start:end] and (under := _UNDER_FRAME.search(text, max(0, start - 2), end - 2)) is not None:
        start = max(start, under.end())  # 在县委的关心|下某某社区: the frame's 下 (and verb), glued by jieba's guess
    while start < end and (text[start] in L.NOT_NAME_START or place and text[start] in "驻像") and not (
        text[start] == "和" and place and (start == 0 or text[start - 1] in _CLAUSE_BEFORE_HE
                                           or (start == floor and _he_opens_word(text, start))
                                           or _after_particle_or_verb(text, start))
    ) and not text.startswith("全国", start) and not (
        text[start] in _SYLLABLE_ADVERBS and walk.opened_at == start
    ):  # (全国某某联盟: the nation's, not 全|镇's; 驻|某村, 像|某嘎查, but 驻区单位党支部)
        start += 1
    return start


#: the words a frame 在……下 closes with (在某某的关心下, 在某某支持下): a 下 after them is no
#: part of the name that follows
_UNDER_FRAME = re.compile("(?:" + "|".join(L.UNDER_FRAME_VERBS) + ")下")
#: a time word that may open the words before a name without being part of it
_TIME_OPENING = re.compile(r"(?:上|本|下|当|同)月|(?:今|去|前|当)年|(?:上|本|下)周|近日|日前|近期|(?:今|昨|前)天|(?:今|昨)日")
#: one-character adverbs that open no place's name right before its kind (绘就|社区, 也|社区)
_BARE_ADVERBS = frozenset("就也还又再才便已即均")
def _place_ending_at(text: str, i: int) -> int | None:
    """Where the word jieba tags as a place's name (某某市) that ends right before ``i`` starts, if one does."""
    k = bisect_left(token_bounds(text)[1], i)
    toks = tokens(text)
    return toks[k][0] if k < len(toks) and toks[k][1] == i and toks[k][2].startswith("ns") else None


#: kinds of place that open no name of a place below them (街道|某某社区)
_BARE_KINDS_OPENING = ("街道", "社区")
#: the determiners that, right before a body's head, say which bodies of a kind are meant
_BODY_DETERMINERS = frozenset(("新旧", "其他", "其余", "相关", "上述", "前述", "周边", "附近"))
#: the days whose names name streets and places (五一路, 八一社区): numerals to jieba
_DATE_NAMES = frozenset(("五一", "七一", "八一", "五四", "六一", "三八"))
#: the last characters of kinds of place (社区, 小区, 村, 嘎查, 镇): 内 after one is where, no name's start
_KIND_LAST_CHARS = frozenset("区村镇乡查旗县市")
#: personal pronouns, which open no name
_PRONOUNS = frozenset("他她它我你您咱")
#: units of time a count may end in (第二周, 三年), which no place's name does
_TIME_UNITS = frozenset("周天月年季日次届")
#: measure words a count may end in (一张, 两个, 三名; of a verb: 一遍, 一句), which open no place's name
_MEASURES = frozenset("张个支名位批座家处间所份条本套只件遍句趟")
#: what opens a count or an ordinal (第二, 三, 每)
_COUNT_OPENING = frozenset("第每0123456789一二两三四五六七八九十几")


#: :meth:`_Walk.step`'s answer where the words next to the head make no name at all
_NO_NAME = -1
#: what stands before a 和 that opens a name rather than joining two (，和润社区)
_CLAUSE_BEFORE_HE = "，,。;；:：、“”\n 为在与对向从由把被给经"


#: the fixed patterns of :class:`_Walk`, compiled once
_WALK_RE1 = re.compile(r"[一二三四五六七八九十0-9]+期")
_WALK_RE2 = re.compile(r"[一二两三四五六七八九十0-9][届批期次轮]")


#: dictionary words holding a stop character that bodies' names are made of (公共法律服务中心)
_NAME_WORDS_WITH_STOP = frozenset(("公共",))

#: conjunctions a body's name may hold between two kinds of members (经济组织和社会组织)
_PHRASE_JOINS = frozenset(("和", "与", "及"))


def joins_kinds(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a conjunction inside a body's name, between two kinds of members
    (非公有制经济组织和社会组织综合党委)?"""
    return text[s:e] in _PHRASE_JOINS and text.startswith(L.BODY_NOUN_PHRASES, e) and text.endswith(L.BODY_NOUN_PHRASES, 0, s)


#: adverbs that are also syllables of Mongolian names (宝格都乌拉嘎查, 满都胡宝拉格)
_SYLLABLE_ADVERBS = frozenset(("都",))
#: the determiners of two characters or more, which open no name jieba glues them to
_LONG_DETERMINERS = tuple(d for d in L.DETERMINERS if len(d) >= 2)


def syllable_opening(body: str) -> bool:
    """Does a name (without its kind) open with such an adverb read as its first syllable
    (都呼木 of 都呼木嘎查): a Mongolian run of two or more characters after it?"""
    return len(body) >= 3 and body[0] in _SYLLABLE_ADVERBS and all(c in L.MONGOLIAN_CHARS for c in body[1:])


#: may a word be part of a name (Chinese characters and digits alone), by word
_NAMEY_WORDS: dict[str, bool] = {}
_NOT_IN_NAME = frozenset(L.NOT_IN_NAME)
#: jieba's tags of a brand's word before a firm's verb (某某|优选: nouns and proper names, 祥和/nrfg)
_BRAND_TAGS = frozenset(("n", "nz", "ns", "nr", "nrfg", "nrt", "nt", "j"))
#: the last characters of the kinds of place (某某社区, 某某嘎查, 某某街道)
_KIND_ENDS = frozenset("区县市旗盟镇乡村道木查里")
#: the stop characters that are syllables of Mongolian names too (其其格, 和日, 那仁)
_SYLLABLE_STOPS = _NOT_IN_NAME & frozenset(L.MONGOLIAN_CHARS)


#: two-character verbs of putting a practice in force, ending a longer word of jieba's
_IMPLEMENT_ENDS = frozenset(v for v in L.IMPLEMENT_VERBS if len(v) == 2)


#: what may come right before a name opening with one syllable and 和 (在|伊和乌素苏木, 旗|伊和乌素苏木)
_NAME_OPENERS = frozenset("在于到从对由旗县市区盟镇乡村、，,")


def word_at(text: str, i: int) -> tuple[int, str] | None:
    """The word of jieba's that starts at ``i``: (where it ends, its part of speech), or None
    where no word starts there."""
    starts, ends = token_bounds(text)
    k = bisect_left(starts, i)
    return (ends[k], tokens(text)[k][2]) if k < len(starts) and starts[k] == i else None


def _name_word_at(text: str, i: int) -> bool:
    """Does one of jieba's words that it tags a proper name (nr, ns, nz) start at ``i``?"""
    w = word_at(text, i)
    return w is not None and w[1][:2] in ("nr", "ns", "nz")


def _he_opens_word(text: str, i: int) -> bool:
    """Does the 和 at ``i`` open one of jieba's words (某街道|和祥居|社区, 某街道|和煦|里社区): right after
    the place above it, a name's first syllable, no conjunction (a conjunction jieba reads alone:
    某区|和|某区)?"""
    w = word_at(text, i)
    return w is not None and w[0] - i >= 2


def _after_particle_or_verb(text: str, i: int) -> bool:
    """Does one of jieba's words ending at ``i`` read as 的 or a verb?  No conjunction follows
    either, so a 和 at ``i`` opens a name (辖区的|和某苑小区, 进驻|和某苑小区)."""
    starts, ends = token_bounds(text)
    k = bisect_left(ends, i)
    return k < len(ends) and ends[k] == i and (tokens(text)[k][2] == "uj" or tokens(text)[k][2].startswith("v"))


def _syllables_before(text: str, i: int) -> bool:
    """Is the word of jieba's that ends at ``i`` two Mongolian syllables right after a verb or a
    preposition (走进|额日|和……, 在|额日|和……)?"""
    starts, ends = token_bounds(text)
    k = bisect_left(ends, i)
    if k >= len(ends) or ends[k] != i or i - starts[k] != 2 or not all(c in L.MONGOLIAN_CHARS for c in text[starts[k] : i]):
        return False
    return k > 0 and tokens(text)[k - 1][2].startswith(("v", "p"))


def _he_closes_syllables(text: str, i: int) -> bool:
    """Is the 和 at ``i``, right before a kind or a head, the last syllable of a transliterated
    name: three Mongolian syllables or more before it, opened after a preposition or a clause's
    start (在某某额日|和嘎查; not 牧民巴图|和嘎查党支部书记, a person and the kind)?"""
    k = i
    while k > 0 and text[k - 1] in L.MONGOLIAN_CHARS:
        k -= 1
    return i - k >= 3 and (k == 0 or text[k - 1] in _HE_RUN_OPENERS)


#: what may stand before a transliterated name that ends in 和 (在, 与, a clause's start)
_HE_RUN_OPENERS = frozenset("在与同和及到赴、，,。；;：:“ \n")


def _one_character_word_before(text: str, i: int) -> bool:
    """Is the word of jieba's that ends at ``i`` one character long (伊|和|乌素, not 巴图|和)?"""
    starts, ends = token_bounds(text)
    k = bisect_left(ends, i)
    return k < len(ends) and ends[k] == i and i - starts[k] == 1 and (k == 0 or not is_cjk(text[starts[k] - 1])
                                                                       or text[starts[k] - 1] in _NAME_OPENERS)


class _Walk:
    """The leftward walk of :func:`left_name_start` over one head's tokens."""

    def __init__(self, text: str, end: int, max_len: int, loose: bool, place: bool, verbs_break: bool, firm: bool) -> None:
        self.text, self.end, self.max_len = text, end, max_len
        self.loose, self.place, self.verbs_break, self.firm = loose, place, verbs_break, firm
        self.first = True  # the token next to the head
        self.opened_at = -1  # where a syllable adverb was read as part of the name

    def _gacha_syllables(self, s: int, word: str) -> bool:
        """Is ``word`` (a word jieba guesses, holding a syllable such as 其) one of a run of
        Mongolian syllables that runs on to a gacha's or a sum's kind (哈布|其勒|图嘎查)?"""
        return self.place and len(word) > 1 and _NOT_IN_NAME.intersection(word) <= _SYLLABLE_STOPS \
            and all(c in L.MONGOLIAN_CHARS for c in self.text[s : self.end]) \
            and self.text.startswith(L.MONGOLIAN_PLACE_KINDS, self.end)

    def step(self, s: int, e: int, flag: str) -> tuple[int | None, bool]:
        """(where the name starts with the token ``text[s:e]`` read, None if it does not
        move, or :data:`_NO_NAME`; whether to walk on)."""
        text, first, word = self.text, self.first, self.text[s:e]
        namey = _NAMEY_WORDS.get(word)
        if namey is None:
            if len(_NAMEY_WORDS) > 200_000:  # new text brings new words without end: keep the memo bounded
                _NAMEY_WORDS.clear()
            namey = _NAMEY_WORDS[word] = all(is_cjk(c) or c.isdigit() for c in word)
        if not namey:
            return None, False
        if word in L.PAGE_LABELS:
            return None, False  # 正文|某某街道: a web page's label before the text, no part of a name
        if not first and word in L.DETERMINERS:
            return _NO_NAME, False  # 和部分|嘎查党支部书记, 周边|薄弱嘎查: some of a kind, no one named
        if word[-1] == "任" and (len(word) == 1 or segment.freq(word) == 0):
            return None, False  # 某某任|联合党委书记 (jieba: 任, or 某某任 guessed): taking the post, no part of a name
        if word[0] in _PRONOUNS and len(word) > 1 and flag == "n" and segment.freq(word) == 0:
            return None, False  # 他常去|某某社区: a word jieba guessed, opened by a pronoun, opens no name
        if self.place and ((flag == "m" and word[0] in _COUNT_OPENING and (word[-1] in _TIME_UNITS or word[-1] in _MEASURES))
                           or (flag == "q" and len(word) >= 2)):
            return None, False  # 每月第二周|社区, 10|分钟|社区养老圈, 一张|小区平面图: a time, a measure or a count, no place's name
        if flag == "m" and word[0] in "首一几" and len(word) == 2 and word[-1] in _MEASURES:
            return None, False  # 首家|社区物业服务中心, 某地一家|社区派出所: the first or one of its kind, no part of a body's name
        if word[0] == "内" and len(word) > 1 and s > 0 and text[s - 1] in _KIND_LAST_CHARS and segment.freq(word) == 0:
            return s + 1, False  # 社区|内某某|家园小区 (jieba's guess): the kind's localizer, then the name
        if len(word) == 2 and word[1] == "内" and word[0] in _KIND_LAST_CHARS:
            return None, False  # 村内|某某家园小区, 某镇|镇内|某某社区: the localizer ends whatever stood before
        if len(word) == 3 and word.startswith(L.JOINING_GLUED_TO_LEVEL) and word[2] in L.LEVEL_CHARS and s > 0 and text[s - 1] in "委局院所部办":
            return s + 2, False  # 政法委会同县|司法局 (jieba: 会同县): the joining verb, then a body named by its level
        if self.place and word == "内有":
            return None, False  # 辖区|内有|某某苑小区 (jieba: 内有): the verb of a list, no part of the name
        if self.place and word == "和" and not first and (s == 0 or text[s - 1] in _CLAUSE_BEFORE_HE
                                                        or _after_particle_or_verb(text, s)):
            return s, True  # ，和润社区, 辖区的|和某苑小区, 进驻|和某苑小区: a 和 that joins nothing opens a name
        if not first and joins_kinds(text, s, e):
            return s, True  # 非公有制经济组织和|社会组织综合党委: one body's name joins two kinds of members
        if first and len(word) > 2 and word.startswith(_LONG_DETERMINERS) and jieba_tag(word) is None:
            return _NO_NAME, False  # 引导更多村|党支部 (jieba's guess: 更多村): more of a kind, no one named
        if first and not self.place and word in _BODY_DETERMINERS:
            return _NO_NAME, False  # 新旧|业委会, 其他|党支部: which bodies of a kind, no one named
        if first and self.place and (word in L.DETERMINERS or flag == "ad" or (flag == "d" and word in _BARE_ADVERBS)):
            return _NO_NAME, False  # 一些|嘎查, 集中公开|嘎查财务: some places of the kind, or a verb's adverb
        if self.place and not first and len(word) == 1 and flag.startswith("v") and (word in L.PLACE_VERB_CHARS or word in L.SUCH_AS):
            return None, False  # 您来|巴彦乌拉嘎查: a verb of going before the name (jieba's own word); 品牌，如|某某社区
        if self.place and not first and word in L.LOWER_PLACE_KINDS and s > 0 and text[s - 1] in L.REFERRING:
            return None, False  # 在该苏木|某某嘎查: the place the text spoke of, then a name of its own
        if word == "和" and self.place and not first and s > 0 and text[s - 1] in L.MONGOLIAN_CHARS \
                and self.end - e >= 2 and all(c in L.MONGOLIAN_CHARS for c in text[e : self.end]) \
                and (_one_character_word_before(text, s) or (text.startswith(L.MONGOLIAN_PLACE_KINDS, self.end)
                                                              and _syllables_before(text, s))):
            self.opened_at = s
            # 伊和|乌素苏木, 额日|和|乌苏嘎查: 和 between syllables of a transliterated name, no
            # conjunction (no sum or gacha is named by two syllables alone before a 和)
            return s, True
        if (word in _SYLLABLE_ADVERBS or (len(word) == 1 and word != "和" and word in L.MONGOLIAN_CHARS
                                          and flag[:1] in ("d", "p", "c", "r") and self.place)) \
                and not first and (inside := self._syllable(s, e)) is not None:
            self.opened_at = s
            return s, inside  # 宝格都乌拉嘎查, 满都胡宝拉格派出所; 某苏木都呼木嘎查 (the name opens at 都); 乌日|根|敖包嘎查 (根/p)
        if e == self.opened_at and all(c in L.MONGOLIAN_CHARS for c in word):
            return s, True  # 满|都胡宝拉格: the syllable before, whatever jieba tags it
        if self.firm and not first and len(word) == 1 and flag[:1] in ("p", "d") and e < self.end \
                and segment.freq(text[s : e + 1]) > 0:
            return s, True  # 顺达|同|城快递有限公司: jieba cut a word of the brand (同城), no preposition
        if word == "和" and not first and not self.place and s >= 1 and text[s - 1] in L.MONGOLIAN_CHARS \
                and (s == 1 or not is_cjk(text[s - 2]) or text[s - 2] in _CLAUSE_BEFORE_HE) \
                and all(c in L.MONGOLIAN_CHARS for c in text[e : e + 2]):
            return s - 1, False  # 。额|和|宝力格富民……合作社: one syllable and 和 open a Mongolian name (a gacha's), no conjunction
        if word == "和" and self.end - e <= 2 and _he_closes_syllables(text, s):
            return s, True  # 在某某额日|和|嘎查, 与某某额日|和|边境|派出所: the name's last syllable, no conjunction
        if len(word) == 1 and flag[:1] in ("d", "p", "c", "u", "r") and (not first or flag[:1] in ("c", "p", "u")):
            return None, False  # 阿拉善盟委组织部就党员先锋队, 党支部或党小组: a particle or conjunction ends the name
        if not self.place and len(word) == 1 and flag[:1] == "v" and text.endswith(_ORG_HEADS_T, 0, s):
            return None, False  # 嘎查党支部|带|合作社: a verb between two bodies' heads, the first acting on the second
        if not _NOT_IN_NAME.isdisjoint(word) and not (
            len(word) > 1 and flag.startswith(("nz", "ns", "nr"))
            and (segment.freq(word) > 0 or (_NOT_IN_NAME.intersection(word) <= _SYLLABLE_STOPS
                                            and not self._joins_after_a_word(s, word)))
        ) and word not in _NAME_WORDS_WITH_STOP and not self._gacha_syllables(s, word):
            # (颐和|嘉园小区: a proper name of the dictionary may hold 和, and one jieba guesses may
            # hold a Mongolian syllable; a guess holding 是 is none: 某某荣是|某某苑小区, nor one
            # opened by 和 after a Han word: 经法官|和某某|社区)
            return self._stop_char(s, word), False
        if self.place and first and _WALK_RE1.fullmatch(word):
            return s, True  # 某某一期小区: a phase of an estate is part of its name
        if self.end - s > self.max_len or _WALK_RE2.search(word):
            return None, False  # 新一届|锦华园小区业主委员会: an ordinal, not a name
        if self.place and (word in _ORG_HEADS or word[-1] in "处委部局厅院所") \
                and not (first and word[-1] == "院" and text.startswith("小区", e)):
            return None, False  # 办事处少先二十社区: a body's name ends where the place's begins (某某北院|小区: an estate's own)
        if self.place and not first and word in _DATE_NAMES:
            return s, True  # 五一|北社区, 八一|小区: a day's name, which names many a street and place
        trade = self.loose and (flag == "vn" or word in L.TRADE_WORDS or (
            self.firm and flag == "v" and len(word) == 2 and not first and word not in L.NAME_BREAK_VERBS
            and self._brand_before(s)))
        if not first and len(word) > 1 and not flag.startswith(_NOMINAL) and not trade:
            return None, False
        if not first and not self.place and flag == "a" and len(word) == 1 and _name_word_at(text, e):
            return s, True  # 领办了|新|盛某|蔬菜种植专业合作社: one adjective's character before a name's word is part of it
        if not first and not self.place and flag in ("a", "ad"):
            if self.firm and flag == "a" and (place := _place_ending_at(text, s)) is not None:
                return place, False  # 某市|便捷|同城配送有限公司: a brand right after the company's place, which opens the name
            return None, False  # 党员骨干壮大合作社力量: an adjective (or one used as an adverb) ends a body's name
        if first and self.place and (word in L.PLACE_VERBS or (len(word) == 1 and word in L.PLACE_VERB_CHARS)
                                     or (len(word) > 2 and word[-2:] in L.PLACE_VERBS)
                                     or (len(word) == 2 and word[1] in L.PLACE_VERB_CHARS and word[0] in L.PLACE_VERB_ADVERBS)
                                     or (len(word) > 2 and word[-1] in L.COMING_CHARS and flag.startswith("nr"))):
            # 商量嘎查的事, 党员回社区报到, 充分发挥社区…作用, 某某到|社区: a verb (with its adverb,
            # or a name before it, in one of jieba's words) and its object (rule place-verb-object)
            return _NO_NAME, False
        if len(word) == 4 and word.startswith(L.MANNER_ADVERBS) and word[2:] in _IMPLEMENT_ENDS:
            return None, False  # 全面推行|某某制: jieba reads an adverb and the verb as one noun
        if self.verbs_break and (word in L.NAME_BREAK_VERBS or (len(word) > 2 and word[-2:] in L.NAME_BREAK_VERBS
                                                                and (not first or word[:-2] in L.MANNER_ADVERBS))):
            return None, False  # 选举产生某某小区, 党支部领办某某合作社, 高票当选|某某社区, 严格执行|某某队: the name starts after the verb
        if first and len(word) > 1 and flag.startswith(("v", "p", "c", "d", "r", "t", "i", "l")) and not trade:
            # a verb or an idiom next to the head (任职社区, 依托社区, 今年以来街道) makes no
            # name: 胜利社区 and 和平小区 are tagged as nouns or adjectives
            return _NO_NAME, False
        return s, True

    def _joins_after_a_word(self, s: int, word: str) -> bool:
        """Does the guessed word ``word`` at ``s`` open with a conjunction right after one of
        jieba's nouns that ends in no Mongolian syllable nor a place's kind (法官|和某某: 和 joins
        two names, as it does not in 伊|和乌素, 某社区|和某园小区 or 辖区的|和某苑小区)?"""
        if word[0] not in _PHRASE_JOINS or s == 0:
            return False
        before = self.text[s - 1]
        starts, ends = token_bounds(self.text)
        k = bisect_left(ends, s)
        noun = k < len(ends) and ends[k] == s and tokens(self.text)[k][2].startswith("n")
        return noun and is_cjk(before) and before not in L.MONGOLIAN_CHARS and before not in _KIND_ENDS

    def _brand_before(self, s: int) -> bool:
        """Does a brand's word (a noun or a proper name of two characters or more) end at ``s``,
        so that a verb after it is the firm's (某某|优选|电子商务有限公司)?"""
        starts, ends = token_bounds(self.text)
        k = bisect_left(ends, s)
        return k < len(ends) and ends[k] == s and s - starts[k] >= 2 and tokens(self.text)[k][2] in _BRAND_TAGS

    def _syllable(self, s: int, e: int) -> bool | None:
        """Is the adverb ``text[s:e]`` a syllable of a Mongolian name, as 都 of 宝格都乌拉 is
        (only where a Mongolian run follows it up to the head, of two or more characters where
        it would open the name):
        True inside the name (a Mongolian syllable before it), False where it opens the name
        (after a place's kind, 某苏木|都呼木嘎查, or punctuation), None where it is the adverb."""
        text = self.text
        if self.end == e or not all(c in L.MONGOLIAN_CHARS for c in text[e:self.end]):
            return None
        if s == 0 or not is_cjk(text[s - 1]) or text[:s].endswith(L.LOWER_PLACE_KINDS):
            return False if self.end - e >= 2 else None
        # (inside a name one syllable after it will do: 阿日昆|都|楞嘎查)
        return True if text[s - 1] in L.MONGOLIAN_CHARS and text[s - 1] != "们" else None

    def _stop_char(self, s: int, word: str) -> int | None:
        """A stop character inside the token: 其中, 对接 (words of the dictionary) end the
        name before them; of HMM's 对乌兰 the part right of the stop character stays."""
        if (self.first and len(word) == 1) or jieba_tag(word) is not None:
            return None
        cut = max(i for i, c in enumerate(word) if c in L.NOT_IN_NAME) + 1
        joined = cut >= 2 and word[cut - 1] in _PHRASE_JOINS and word[cut - 2] in L.BODY_END_CHARS
        if cut == len(word) - 1 and len(word) >= 3 and not joined:
            return s + len(word)  # 乐居共|居: one character left of a longer word opens no name
            # (but 某某司法所和|沙…: after a body and its conjunction the next body's name opens)
        if cut < len(word) and self.end - (s + cut) <= self.max_len:
            return s + cut
        return None


_ORG_HEADS = set(L.ORG_HEADS)
_ORG_HEADS_T = tuple(L.ORG_HEADS)


#: a word's part of speech in jieba's dictionary (:func:`kg.extract.segment.tag`)
jieba_tag = segment.tag


TITLE_RE = re.compile(alternation(sorted(set(L.LEAD_TITLES + L.OTHER_ROLES), key=len, reverse=True)))


#: a head followed by one of these is part of a longer word (党组织, 大学生, 委员, 上报|社区; but 公司|生产车间)
#: 支部 for 党支部 right after a village's or a community's kind (某村支部书记, 社区支部): the
#: branch named short, as the pages often write it
SHORT_BRANCH = "支部"
HEAD_RE = re.compile("(?:" + alternation(L.ORG_HEADS) + "|(?:(?<=[村查])|(?<=社区)|(?<=小区))支部(?!委))"
                     "(?!(?<=组)织|(?<=[学校院])生|(?<=[委会组队])员|(?<=社)区)")


def inside_quote(text: str, i: int) -> bool:
    """Is position ``i`` inside an open “…” quote (a practice's name, not a body's)?"""
    before = text[:i]
    return before.count("“") > before.count("”")


#: jieba tags of words that can be (part of) a proper name
PROPER = ("nr", "ns", "nz", "nt", "j", "eng")




LEAD_SET = set(L.LEAD_TITLES)


LEAD_TITLE_RE = re.compile(alternation(L.LEAD_TITLES))


def is_common_word(w: str) -> bool:
    """A word jieba knows as something other than a personal name (干部, 群众, 成长)."""
    tag, freq = segment.tag_and_freq(w)
    if tag is None or tag.startswith("nr"):
        return False
    if tag.startswith(("nz", "ns", "nt")):
        return freq >= 1000  # 申报 is tagged nz, but it is a word
    if tag[0] in "avd":
        return freq >= 20  # 干劲, 费劲: an adjective, a verb or an adverb, even a rare one, names no one
    return freq >= 100  # 宝音, 高志 are in the dictionary but rare


def very_common(w: str) -> bool:
    """A word so common (群众, 干部) that a surname before it makes no name (和群众)."""
    tag, freq = segment.tag_and_freq(w)
    return tag is not None and not tag.startswith("nr") and freq >= 2000


VERB_START = re.compile("(?:" + "|".join(L.IMPLEMENT_VERBS) + ")")
