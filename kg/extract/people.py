"""People in one sentence: names after a post, in bylines and credits, before a speech verb
or an honorific, and the names jieba proposes where the words around them agree.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..timing import timed
from . import lexicon as L
from . import segment
from .rules import conf
from .spans import (
    HEAD_RE,
    LEAD_SET,
    TITLE_RE,
    Span,
    is_cjk,
    is_common_word,
    jieba_tag,
    token_bounds,
    tokens,
    very_common,
)

#: the credits of a page: 本报记者 某某, 摄影 某某, and a web page's labelled ones (编辑:某某, 校对:某某)
_CREDIT_LABELS = ("作者", "责任编辑", "编辑", "责编", "校对", "审核", "审校", "编审", "监制", "主编", "美编", "撰稿", "图", "图片",
                  "文字", "摄像", "视频", "策划", "统筹", "初审", "复审", "终审")
#: a credit written label, slash, name: 文/某某 图/某某 (a name after the label, not before it: 某某/文)
_SLASH_CREDIT = re.compile(r"(?:^|(?<=[\s　|｜]))(?:文|图|文图|图文|摄|摄影|视频)\s*[/／]\s*([\u4e00-\u9fff·]{2,4})(?![\u4e00-\u9fff·/／])")
#: the same credit written name first: 某某/文 某某/摄 (on a line of credits, or after a byline's label)
_CREDIT_AFTER_SLASH = re.compile(r"(?:^|(?<=[\s　|｜]))([\u4e00-\u9fff·]{2,4})\s*[/／]\s*(?:文图|图文|文|图|摄影|摄)(?![\u4e00-\u9fff])")
_BYLINE_LABEL = r"(?:(?:本报|见习|特约|实习)?(?:记者|通讯员)|摄影|报道组)"
#: a byline's label and its run of names (a contributor's unit may stand in the run before the
#: contributor: 记者 某某 县委组织部 某某)
#: (a one-character label stands apart: 娜仁托雅图：…… is an interview's speaker, no 图：)
_BYLINE_NAME = re.compile(r"(?:" + _BYLINE_LABEL + r"[:：]?|(?:" + "|".join(
                              w if len(w) > 1 else r"(?<![\u4e00-\u9fff·])" + w for w in _CREDIT_LABELS) + r")[:：])"
                          r"\s*((?:[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{2,13}|[\u4e00-\u9fff·]{2,8})"
                          r"(?:\s+(?!" + _BYLINE_LABEL + r")(?:[\u4e00-\u9fff]{2,10}(?:部|局|委|办|所|院|中心|站)|[\u4e00-\u9fff·]{2,4})"
                          r"(?![\u4e00-\u9fff·:：]))*)")


_ROLE_WORDS = set(L.LEAD_TITLES) | set(L.OTHER_ROLES)
#: a name's characters: Han characters and the middle dot
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff·]+")
#: a name transliterated with the middle dot between its parts (Uyghur, Kazakh: 某某·某某;
#: Mongolian, the clan's initial first: 包·某某某)
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{2,6}){1,2}")
#: a place's kind or a group of residents inside a candidate name (干部包嘎查)
_KIND_INSIDE = re.compile("|".join(map(re.escape, (*L.TWO_CHAR_PLACE_KINDS, "牧户", "村民", "居民"))))
_MONGOLIAN = frozenset(L.MONGOLIAN_CHARS)


def plausible_name(name: str, *, strict: bool = False) -> bool:
    """A full personal name: a Han surname and one or two given characters, or a
    transliterated (Mongolian) name made of the usual syllables; never a common word
    (干部, 单位).  ``strict`` (for names proposed without a post or byline) also refuses a
    function-word surname or a common word after the surname (和群众, 来此).  (Rule
    ``person-common-word``.)"""
    memo = _PLAUSIBLE[strict]
    got = memo.get(name)
    if got is None:
        if len(memo) > 200_000:  # new text brings new strings without end: keep the memo bounded
            memo.clear()
        got = memo[name] = _plausible_name(name, strict)
    return got


#: the leading posts, as a tuple for ``str.startswith``
_LEAD_TITLES_T = tuple(L.LEAD_TITLES)
#: what no Han name ends in: a speech verb, a conjunction or preposition, a particle, the
#: plural (干部们, 干得), a passive (老人|易受……), a role's 员 (护边|员)
_NO_HAN_NAME_END = frozenset("说讲称等和的在与及同跟们得了着是队因去受员")
#: adverbs that open with 一, which jieba cuts as a numeral (某某|一|早就, 某某一直)
_ADVERBS_WITH_YI = ("一起", "一道", "一同", "一早", "一直", "一边", "一向", "一再", "一手", "一心", "一度", "一连", "一大早")


#: :func:`plausible_name`'s answers (a pure function of the string), not strict and strict
_PLAUSIBLE: tuple[dict[str, bool], dict[str, bool]] = ({}, {})


def _plausible_name(name: str, strict: bool) -> bool:
    if not name or not _NAME_CHARS.fullmatch(name) or "某" in name or name in L.HONORIFICS or name in L.MONGOLIAN_COMMON_NOUNS:
        return False  # (云某: a name the text hides, as the guideline says, is none; 黄|师傅: an honorific)
    if _DOTTED.fullmatch(name):
        # 阿不都·热合曼: a transliterated name (no common word for a part, no 说 after it)
        first, *rest = name.split("·")
        if len(first) == 1 and first not in L.SURNAMES_1 and first not in L.MONGOLIAN_CHARS:
            return False  # (a clan's initial is a surname's character or a Mongolian syllable)
        if any(c in "是我你您咱" for c in first) or (len(first) > 2 and very_common(first[:2])):
            return False  # 队长|就是某某·某某: a copula or a common word opens the reading, no name
        # (a part may be a rarer word of the dictionary, 买买提: the dot says it is a name's)
        return name[-1] not in _NO_HAN_NAME_END and not any(very_common(part) for part in rest + [first] * (len(first) > 1))
    # the shape of a name first (cheap), then what vetoes one (the dictionary's words)
    lo = 3 if strict else 2
    if not ((name[:2] in L.SURNAMES_2 and 3 <= len(name) <= 4 and name[-1] not in _NO_HAN_NAME_END
             and name[2:] not in L.HONORIFICS)
            or (name[0] in L.SURNAMES_1 and 2 <= len(name) <= 3 and name[1:] not in L.HONORIFICS
                and name[-1] not in _NO_HAN_NAME_END)
            or (lo <= len(name) <= 8 and _MONGOLIAN.issuperset(name))
            or (not strict and 4 <= len(name) <= 8 and name[0] in L.SURNAMES_1 and _MONGOLIAN.issuperset(name[1:]))):
        return False
    if is_common_word(name) or (len(name) == 3 and is_common_word(name[:2]) and (strict or name[0] not in L.SURNAMES_1)):
        return False  # 干部, 单位; 干部可, 居民张 (but after a post, 包金山: 包金 is a word too)
    if _function_word(name):
        return False  # 让群众|更多分享: an adverb, conjunction, preposition or particle of the dictionary, no name
    if strict and len(name) == 2 and segment.freq(name) >= 500:
        return False  # 让网格员|明白, 长者|关怀: a word as common as that, though the dictionary tags it a name
    if _KIND_INSIDE.search(name):
        return False  # 干部包嘎查, 延伸到苏木嘎查: a place's kind, not a given name
    if "第" in name[1:]:
        return False  # 队长由|第一检察部……: an ordinal, no given name
    if len(name) == 3 and name[0] in L.SURNAMES_1 and _no_given_name(name[1:], strict):
        return False  # 书记|那几年: a count after the surname (and, strict, a common verb: 党员|干工作)
    if len(name) == 3 and name[1:] in L.DIRECTIONAL_COMPLEMENTS:
        return False  # 群众富起来, 强起来: a verb and its complement
    if name in _ROLE_WORDS or (len(name) == 2 and name[-1] == "长"):
        return False  # 党员楼长, 楼长: a role, though 楼 is a surname
    if len(name) == 3 and name[-1] == "长" and (segment.tag_and_freq(name[1:])[0] or "").startswith("n") and is_common_word(name[1:]):
        return False  # 法庭王|庭长说: a surname and a post (庭长, 所长), how one is called, no full name
    if len(name) == 3 and name[0] == "任" and name[-1] == "长":
        return False  # 由一名党员任|岗长, 任|队长: taking a post, though 任 is a surname
    if len(name) == 3 and (name[1:] in _ROLE_WORDS or (name[-1] == "子" and is_common_word(name[1:]))):
        return False  # 第一书记和|党员, 老人包|饺子: a role or a thing after the surname, no given name
    if name[-1] in "们户" or any(c in "是我你您咱的了啥" for c in name) or "不" in name[1:] or "没" in name[1:] or "说" in name[1:]:
        return False  # 额吉们, 19家商户: a plural or a household; 都是|住在, 来我家: a copula or a pronoun (6楼的|沈, 干部|干了啥: a particle, a question);
        # 书记强不强: a question's A-not-A, no name; 老护林员|边说边指: a speech verb inside
    if name[0] in "谈管" and is_common_word(name[1:]):
        return False  # 【书记谈治理】, 书记谈发展: a column's talk on a topic, though 谈 is a surname
    if strict and len(name) == 2 and name[0] in _ADVERB_SURNAMES and (jieba_tag(name[1]) or "")[:1] == "v":
        return False  # 居民|常聚的小院: an adverb (常, a surname too) and a verb, no name
    return not (strict and ((name[0] in "和来与及同将把被让给在对从由向为富都也就还" or (name[0] == "包" and len(name) == 2))
                            or (len(name) == 3 and very_common(name[1:]))))


#: surnames that are also adverbs before a verb (常)
_ADVERB_SURNAMES = frozenset("常")


def _function_word(name: str) -> bool:
    """Is ``name`` an adverb, conjunction, preposition or particle of jieba's dictionary (更多)?"""
    return (segment.tag_and_freq(name)[0] or "x")[:1] in ("d", "c", "p", "u")


def _no_given_name(given: str, strict: bool) -> bool:
    """Is ``given`` a numeral's phrase (几年, 三年), or, ``strict``, a verb as common as 工作 or
    学习 (ten thousand in jieba's dictionary)?  (After a post a verb may be a given name:
    某建设, 某发展.)"""
    tag, freq = segment.tag_and_freq(given)
    return tag is not None and (tag[:1] == "m" or (strict and tag in ("v", "vn") and freq >= 10000))


def byline_name(name: str) -> bool:
    """In a byline any two-to-four-character name that is not a word is a name (晓岚)."""
    if any(w in name for w in ("记者", "通讯员", "摄影", "本报")) or name.endswith(("报道", "报讯")):
        return False  # (某县报道: the dateline closing a byline)
    if len(name) >= 3 and (first := next(iter(tokens(name)), None)) is not None and first[1] - first[0] >= 2 \
            and first[2][:1] in "vdrpcu":
        return False  # 记者来到这里: a clause after the word, not a byline (来到: a verb)
    if any(e - s >= 2 and f[:1] in ("m", "t") for s, e, f in tokens(name)):
        return False  # 记者：下一步 (an interview's question): a count or a time, no name holds one
    toks = tokens(name)
    if len(toks) == 2 and toks[0][1] == 1 and toks[0][2].startswith("v") and name[0] not in L.SURNAMES_1 \
            and segment.freq(name[1:]) >= 20:
        return False  # 给记者|倒奶茶: a verb and its everyday object after 记者, no byline
    if toks and toks[0][1] == 1 and toks[0][2][:1] in ("u", "p", "c", "f") and name[0] not in L.SURNAMES_1 \
            and name[:2] not in L.SURNAMES_2:
        return False  # 面对记者|的提问, 记者：|下一……: a particle or a localizer opens no name
    if len(name) >= 3 and name[-1] in _UNIT_ENDS and any(
            e - s >= 2 and f[:1] == "n" and f[:2] != "nr" and segment.freq(name[s:e]) >= 100 for s, e, f in tokens(name[:-1])):
        return False  # 编辑：新|媒体|部: a unit's words and its kind, no name
    return plausible_name(name) or (2 <= len(name) <= 4 and all(is_cjk(c) for c in name) and jieba_tag(name) is None)


#: the last character of a unit credited in a byline (新媒体部, 评论室, 融媒组)
_UNIT_ENDS = frozenset("部室组科处")




#: a household after a name: 家的, 家里, 家中 (jieba often glues 家 to the name)
_HOUSEHOLD = ("家的", "家里", "家中", "家人", "家门")


class _Words:
    """A sentence's words (:func:`tokens`) by where they start, found by bisection: what
    :func:`name_after` asks of a few positions, without an index of every word."""

    __slots__ = ("toks", "starts", "ends")

    def __init__(self, text: str) -> None:
        self.toks = tokens(text)
        self.starts, self.ends = token_bounds(text)

    def at(self, i: int) -> int:
        """The index of the word that starts at ``i``, -1 if none does."""
        k = bisect_left(self.starts, i)
        return k if k < len(self.starts) and self.starts[k] == i else -1

    def is_name(self, i: int, j: int) -> bool:
        """Is ``text[i:j]`` one word, tagged as a name?"""
        k = self.at(i)
        return k >= 0 and self.ends[k] == j and self.toks[k][2].startswith("nr")

    def flag_at(self, i: int) -> str:
        """The tag of the word that starts at ``i``, ``x`` if none does."""
        k = self.at(i)
        return self.toks[k][2] if k >= 0 else "x"

    def glued_after(self, i: int, j: int) -> bool:
        """Does a word start inside ``i:j`` and end right after ``j`` (某某巴图|家 read 巴图家)?"""
        k = bisect_left(self.ends, j + 1)
        return k < len(self.ends) and self.ends[k] == j + 1 and i < self.starts[k] < j

    def ends_at(self, j: int) -> bool:
        """Does a word end at ``j``?"""
        k = bisect_left(self.ends, j)
        return k < len(self.ends) and self.ends[k] == j


#: what 和 joins a name to when it opens a role, a post, a group, a people, a quoted name or a
#: count (某某和|村民代表某某, 某某和|苏木达某某, 某某和|党员们, 某某和|汉族邻居某某, 某某和|“某某”
#: 调解队, 某某和|两名辅警): the conjunction, no last syllable of the name
JOINED_BY_HE = re.compile("(?:" + "|".join(map(re.escape, sorted(
    {*L.LEAD_TITLES, *L.OTHER_ROLES, "村民", "牧民", "居民", "党员", "群众", "干部", "村委会", "嘎查委员会", "驻村",
     "社区", "街道", "工作人员", "志愿者", "同事", "家人", "大家", "邻居", "鄰居", "邻里", "鄰里", "家属", "其他"},
    key=len, reverse=True))) + r"|[\u4e00-\u9fff]{1,3}族|“|[0-9一二两三四五六七八九十几多]+[名位个])")
#: a post taken after 任 (某某任|队长, 某某任|联合党委书记): the verb, no last character of the name
POST_TAKEN = re.compile("(?:联合|临时|功能型)?(?:党委|党支部|党总支|支部)?(?:"
                        + "|".join(map(re.escape, sorted(L.LEAD_TITLES, key=len, reverse=True))) + ")")


#: syllables of names that are also adverbs before a verb (某某|新买了: newly, no syllable)
_ADVERB_SYLLABLES = frozenset("新")
#: adverbs said before a speech verb (某某常说, 某某也说), and the verbs
_ADVERBS_BEFORE_SPEECH = frozenset("常也还又就便再")  # (not 都, a Mongolian syllable: 某某苏都|说)
_SPEECH_VERBS = ("说", "讲", "表示", "介绍", "告诉")


def _adverb_before_speech(text: str, i: int, j: int) -> bool:
    """Does the reading ``text[i:j]`` end in an adverb of the speech verb after it (某某某|常说),
    the rest being a name of its own?"""
    return text[j - 1] in _ADVERBS_BEFORE_SPEECH and text.startswith(_SPEECH_VERBS, j) and plausible_name(text[i : j - 1])


#: syllables that never end a name, though they open or join one (额尔很|某某; 某某|很忙)
_NEVER_LAST = frozenset("很")
#: syllables that end names (某某查盖, 某某套) and are verbs too: before an aspect, the verb's (某某|盖了, 某某|套了)
_VERB_SYLLABLES = frozenset("盖套干")
#: what makes a verb with 任 (兼任, 曾任, 再任), no last character of a name before 任
_BEFORE_REN = frozenset("兼担出曾现历接升调改继留再")

#: the lengths of a name :func:`name_after` tries, longest first
_LENGTHS = (8, 7, 6, 5, 4, 3, 2)


def verb_syllable_end(text: str, j: int) -> bool:
    """Does a reading ending at ``j`` end in a syllable that is a verb before its aspect (某某|盖了,
    某某|套了) or the 来 of 对……来说: the verb's, no syllable of the name?"""
    return text[j - 1] in _VERB_SYLLABLES and text[j : j + 1] in ("了", "着", "过") \
        or text[j - 1 : j + 1] == "来说" and "对" in text[max(0, j - 10) : j - 1]  # 对某某|来说: the frame's 来说


def two_at_once(text: str, i: int, j: int) -> bool:
    """Is the reading ``i:j`` the first half of 边……边…… (村民|边剪枝|边听: doing two things at
    once), no surname 边 and a given name?"""
    return text[i] == "边" and text.startswith("边", j)


def name_after(text: str, i: int, *, strict: bool = False) -> tuple[int, int] | None:
    """The personal name starting at ``i``: the longest plausible one that the text
    closes, by a speech verb, punctuation, the end, or (jieba's segmentation agreeing) a
    verb or adverb right after it (乌日娜满脸自豪地说, 刘晓梅退休前)."""
    words = _Words(text)
    # a name is made of name characters (and so is a pair of Mongolian syllables): no
    # candidate longer than the run of them at ``i`` can be one
    run = _NAME_RUN.match(text, i)
    longest = run.end() - i if run is not None else 0
    # a dotted name may run past eight characters (某某某某某·某某某): its longer readings first
    dotted = _DOTTED.match(text, i) if longest > 8 else None
    for length in (*range(dotted.end() - i, 8, -1), *_LENGTHS) if dotted else _LENGTHS:
        if length == 2 and (unknown := _unknown_shape_name(text, i)) and not _adverb_before_speech(text, *unknown):
            return unknown  # before a two-character piece of it (乌日 of 乌日布信说)
        j = i + length
        if j > len(text) or length > longest:
            continue
        cand = text[i:j]
        mongolian_pair = length == 2 and cand[0] != "们" and all(c in L.MONGOLIAN_CHARS for c in cand) and (
            not strict or text[j : j + 1] in tuple("与和跟同在说的把被给向从对将家")
            or (cand[0] not in "们都和同与" and cand[0] not in L.NOT_NAME_START and words.ends_at(j)
                and words.flag_at(j)[:1] in ("v", "a", "d"))) \
            and not is_common_word(cand) and not _function_word(cand)  # (牧民某某|赶着羊群: a word of what the bearer does after it; 群众|更多)
        # 庞|建国: jieba reads the surname as a name of its own, so a common word after it
        # (建国, 国庆) is the given name
        surname_token = length == 3 and words.is_name(i, i + 1) and plausible_name(cand)
        if not (plausible_name(cand, strict=strict or length == 2) or mongolian_pair or surname_token) or cand[-1] in "制化性式型" \
                or two_at_once(text, i, j):
            continue
        if cand[-1] in _NEVER_LAST or verb_syllable_end(text, j) or (
                cand[-1] in _ADVERB_SYLLABLES and (k := words.at(j - 1)) >= 0 and words.ends[k] == j
                and words.toks[k][2][:1] in ("a", "d") and words.flag_at(j)[:1] == "v" and text[j + 1 : j + 2] in ("了", "过")):
            continue  # 某某|很忙, 某某|盖了, 某某|新|买了: an adverb or a verb after the name, no syllable of it
        if length >= 3 and _adverb_before_speech(text, i, j):
            continue  # 书记某某某|常说: the adverb goes with the speech verb after it, no syllable of the name
        if length == 2 and (k := words.at(i + 1)) >= 0 and words.ends[k] > j and very_common(text[i + 1 : words.ends[k]]):
            continue  # 某书记|干|工作: the name's last character opens a common word running on
        if length > 3 and not all(c in L.MONGOLIAN_CHARS for c in cand[1:]) and cand[:2] not in L.SURNAMES_2 \
                and not _DOTTED.fullmatch(cand):
            continue  # (a Mongolian name may open with a Han surname's character: 米某某某)
        home = text[j : j + 1] == "家" and (j + 1 == len(text) or not is_cjk(text[j + 1]) or text[j + 1] in "的里中人门"
                                            or (length >= 4 and _MONGOLIAN.issuperset(cand) and words.glued_after(i, j)))
        if length == 3 and cand[:2] not in L.SURNAMES_2 and words.is_name(i, i + 2) and (k := words.at(j - 1)) >= 0 and (
                words.ends[k] - (j - 1) >= 2 or words.toks[k][2][:1] in ("p", "c", "d", "u")) and not home \
                and not _glued_function_char(text, j, words.ends[k]) \
                and not (_MONGOLIAN.issuperset(cand) and text.startswith(_BEARER_ACTS, j)):
            continue  # 张伟|从2018年, 陈佳|手把手: jieba reads a name and its last character into the next word
        if any((m := TITLE_RE.match(text, k)) is not None and m.end() > j for k in range(i, j)) \
                or any((m := HEAD_RE.match(text, k)) is not None and m.end() > j for k in range(i + 1, j)) \
                or takes_a_post(text, i, j) or after_a_count(text, i):
            continue  # 成员任网格|长, 书记任链|长, 书记|嘎查|达某某: a post runs past the reading; 嘎查长和司法|所干部: a body's head
            # does; 一位|独居: a count's measure word
        rest = text[j:]
        if (length >= 4 or (length == 3 and cand[-2] == "和")) and cand[-1] == "和" and JOINED_BY_HE.match(text, j):
            continue  # 主任某某某某和|“某某”调解队, 牧民某某某某和|邻居, 某和和|两名辅警: 和 joins what follows, no syllable of this one
        if "·" in cand and _dotted_runs_on(text, i, j):
            continue  # 某某·巴图|今年72岁, 某某·白音|正和民警: a time word or an adverb after the dotted name
        if length >= 4 and ends_in_function_word(text, i, j):
            continue  # 书记某某孟和|多次跟我们说: an adverb of jieba's after the name, made of its syllables
        if length == 3 and cand[-1] == "任" and rest.startswith(_LEAD_TITLES_T):
            continue  # 某某任|队长: the verb taking the post, no name's last character
        if cand[-1] == "家" and (i + length - 1 > i + 1) and text[j - 1 :].startswith(_HOUSEHOLD):
            continue  # 苏和家的: the household, not a name ending in 家
        if length == 3 and cand[:2] not in L.SURNAMES_2 and ((j < len(text) and segment.freq(text[j - 1 : j + 1]) >= 1000)
                                                             or _verb_before_aspect(text, j)
                                                             or (cand[-1] in _NO_NAME_ENDS and not _MONGOLIAN.issuperset(cand))):
            continue  # 苏和带着, 王明带领, 王梅种了: the last character opens a word, or is a verb
        if length == 4 and cand[:2] in L.SURNAMES_2 and j < len(text) and (
                segment.freq(text[j - 1 : j + 1]) >= 1000 or _verb_before_aspect(text, j)):
            continue  # 钟离某坐|在中间: so too after a compound surname
        if length == 3 and not _MONGOLIAN.issuperset(cand) and (
                (cand[-1] in _ADVERBS and words.flag_at(j)[:1] == "v") or cand[-1] == "将"
                or ((k := words.at(j - 1)) >= 0 and words.toks[k][2][:1] in ("i", "l") and words.ends[k] - (j - 1) >= 3)):
            continue  # 丁某便|开始, 毛某手把手, 孟某将|某某: an adverb before a verb, 将, or an idiom opens after the name
        if not rest or rest.startswith(L.SPEECH) or not is_cjk(rest[0]) or words.is_name(i, j) or (
                j < len(text) and _adverb_before_speech(text, i, j + 1)):
            return i, j  # (某某某|常说: the name, then the speech verb's adverb)
        if rest[0] == "任" and length >= 3 and POST_TAKEN.match(text, j + 1) and text[j - 1] not in _BEFORE_REN \
                and segment.freq(text[j - 1 : j + 1]) == 0:
            return i, j  # 副书记某某某某|任联合党委书记: the name, then the verb taking a post (but 某某|兼任)
        if surname_token and not strict and words.ends_at(j) and words.ends_at(i + 1):
            return i, j  # 市长|赵|海峰|主持会议: jieba's surname, a given name, a word of its own after
        if length >= 3 and rest.startswith(_BEARER_ACTS) and all(c in L.MONGOLIAN_CHARS for c in cand):
            return i, j  # 额尔德木图|正带着: jieba glues the adverb to the next word (正带)
        if length >= 3 and _MONGOLIAN.issuperset(cand) and (rest[0] not in _MONGOLIAN or verb_syllable_end(text, j + 1)) and (
                rest[0] in L.AFTER_NAME_CHARS or rest[1:2] in ("着", "了", "过")) \
                and segment.freq(text[j - 1 : j + 1]) < 1000 and cand[-1] not in _ADVERB_SYLLABLES:
            return i, j  # 十户长某某莫|到邻居家, 嘎查达某某朝鲁|翻着: jieba glues the syllable to the verb
            # (but 某某|劳动了: the last character and the next make a common word, the verb's;
            # 某某|新买了: an adverb before the verb; 某某|套了: a syllable's character, the verb's)
        if (home or rest.startswith(_HOUSEHOLD)) and (length <= 3 or cand[-1] in L.MONGOLIAN_CHARS):
            return i, j  # 牧民乌日根家的牛: jieba glues 家 to the name's last syllable
        if words.ends_at(j) and (words.flag_at(j)[:1] in ("v", "d", "p", "c", "f", "b", "r", "t", "l") or rest.startswith(_ADVERBS_WITH_YI)
                                 or (words.flag_at(j) == "m" and words.ends[words.at(j)] - j >= 2)  # 某某|多次, 某某|三年前
                                 or (words.flag_at(j)[:1] == "a" and length <= 3 and not _MONGOLIAN.issuperset(cand))) \
                and (length <= 3 or cand[-1] in L.MONGOLIAN_CHARS or cand[:2] in L.SURNAMES_2):
            return i, j  # (欧阳|晓峰: a compound surname's name has four characters)
    return None  # (the name of no known shape was tried at length 2)


def after_a_count(text: str, i: int) -> bool:
    """Does the reading at ``i`` open with the measure word of a count (一位|独居老人, 3名|党员):
    位 or 名 right after a numeral, no surname?"""
    return text[i] in "位名" and i > 0 and text[i - 1] in _COUNT_CHARS


#: what a count's numeral ends in before its measure word
_COUNT_CHARS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千万几多每余")


def takes_a_post(text: str, i: int, j: int) -> bool:
    """Is the reading ``i:j`` the verb 任 and the first characters of a post (书记任链|长,
    企业任链|主): 任 then a head's 长 or 主 right after the reading?"""
    return text[i] == "任" and j - i <= 3 and text[j : j + 1] in ("长", "主")


#: a page's source label right before a reading (来源：某某云): an outlet, no person
SOURCE_LABEL_BEFORE = re.compile(r"(?:来源|稿源|出处)\s*[:：]\s*$")


def _glued_function_char(text: str, j: int, end: int) -> bool:
    """Is the word holding a name's last character (at ``j - 1``, the word ending at ``end``)
    that character and a function character after it, no word of the dictionary (白玉|珍把: 把)?"""
    return end == j + 1 and text[j] in L.AFTER_NAME_CHARS and jieba_tag(text[j - 1 : j + 1]) is None


def ends_in_function_word(text: str, i: int, j: int) -> bool:
    """Does the reading ``i:j`` end in a whole word of jieba's, two characters or more, that is
    a common numeral, adverb, pronoun, preposition or conjunction (多次, 一起, 也都), after two
    characters of the name or more (某某孟和|多次)?"""
    starts, ends = token_bounds(text)
    k = bisect_left(ends, j)
    if k >= len(ends) or ends[k] != j or starts[k] < i + 2 or j - starts[k] < 2:
        return False
    return tokens(text)[k][2][:1] in ("m", "d", "r", "p", "c") and segment.freq(text[starts[k] : j]) >= 1000


def _dotted_runs_on(text: str, i: int, j: int) -> bool:
    """Does the reading ``i:j`` of a dotted name end in a word of jieba's after two characters
    of its last part or more that is a time word, an adverb, a numeral, a preposition, a
    conjunction or a verb (某某·巴图|今年, 某某·白音|正, 某某某某·巴图|介绍)?"""
    dot = text.rfind("·", i, j)
    starts, ends = token_bounds(text)
    k = bisect_left(ends, j)
    if dot < 0 or k >= len(ends) or ends[k] != j or starts[k] < dot + 3:
        return False
    tag = tokens(text)[k][2][:1]
    return tag in ("t", "d", "m", "p", "c", "r") or (tag == "v" and ends[k] - starts[k] >= 2)  # (not 某某·某某达|来)


def _verb_before_aspect(text: str, j: int) -> bool:
    """Is the character before ``j`` a verb, an aspect particle after it?  着 after a
    character jieba knows as a verb (苏和带|着); 了 opening no word of its own, an object
    after it (某某种|了十亩地): a name takes no 了, so its last character was the verb."""
    after = text[j : j + 2]
    if after[:1] == "着":
        return (jieba_tag(text[j - 1]) or "").startswith("v")
    return after[:1] == "了" and len(after) == 2 and is_cjk(after[1]) and segment.freq(after) == 0


#: verbs and prepositions that (almost) no Han given name ends in, by jieba's dictionary of
#: names (at most two of its 60,000 three-character names end in each): 某某到|村, 某某给|老人
_NO_NAME_ENDS = L.COMING_CHARS | frozenset("给把")


#: adverbs that no given name ends in, read into a name before a verb (某某便|开始, 某某也|来了)
_ADVERBS = frozenset("也还又就都便已曾")
#: what opens the words of what a name's bearer does right after the name (将, 与, 正带着)
_BEARER_ACTS = ("将", "与", "把", "正", "带", "也", "还", "又", "就", "每")


#: a run of name characters or Mongolian syllables: what every candidate of :func:`name_after` is made of
_NAME_RUN = re.compile("[\u4e00-\u9fff·" + "".join(map(re.escape, sorted(_MONGOLIAN))) + "]+")


#: characters no name of unknown shape opens with: particles and prepositions (书记的|某某说)
_NOT_NAME_OPENING = frozenset("的地得了着是在和与及把被给向对从将为由")


def _unknown_shape_name(text: str, i: int) -> tuple[int, int] | None:
    """牧民图布信说: a name of no known shape, right before a speech verb, with no word of
    the dictionary inside it."""
    for length in (4, 3):
        cand, rest = text[i : i + length], text[i + length :]
        if rest.startswith(L.SAYS_AFTER_NAME) and len(cand) == length and all(is_cjk(c) for c in cand) \
                and cand[0] not in _NOT_NAME_OPENING and not any(c in "的了着是在有没就也还又" for c in cand) \
                and not (cand[0] in "老小" and cand[1] in L.SURNAMES_1) \
                and cand[1:] not in L.HONORIFICS and cand[2:] not in L.HONORIFICS \
                and not any(segment.freq(cand[a:b]) >= 50 for a in range(length) for b in range(a + 2, length + 1)):
            return i, i + length
    return None




_NAME_RUN_8 = re.compile(r"[\u4e00-\u9fff·]{2,8}")
_NAME_RUN_4 = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_BRIEF_CREDIT = re.compile(r"[(（]([\u4e00-\u9fff·]{2,4}(?:[ 、,，][\u4e00-\u9fff·]{2,4})*)[)）]\s*$")
_PHOTO_CREDIT = re.compile(r"([\u4e00-\u9fff·]{2,8}?)\s*摄(?!影[、，,和与及等])")  # (既有……也有|摄影、插花: a list of pursuits, no credit)
_QUOTE_SPEAKER = re.compile(r"(?:^|[”\"])([\u4e00-\u9fff·]{2,6}?)(?:说|表示|介绍|告诉记者|坦言|感慨地说|笑着说)")
#: one of which every quote's speaker is followed by (the speaker's scan tries every character)
_SPEAKER_WORDS = ("说", "表示", "介绍", "告诉记者", "坦言")
_ACCORDING_TO = re.compile(r"据([\u4e00-\u9fff]{2,4}?)(?:介绍|透露|了解)")
_HONORIFIC = re.compile("(" + "|".join(sorted(L.HONORIFICS, key=len, reverse=True)) + ")")
_DESCRIPTOR_BEFORE = re.compile(r"(?:手|者|员|民|负责人|带头人|联系人|传承人|创始人|长|师|生|党员|干部|记者|青年|邻居|老人)$")


@timed("people")
def find_people(text: str, orgs: list[Span], places: list[Span], *, heading: bool = False) -> list[Span]:
    """People named after a post (幸福社区党支部书记王建华说), in bylines and photo credits
    (本报记者 刘晓梅 通讯员 张立新, 李文静 摄), and as 据某某介绍.  ``role`` holds the post."""
    found = _Found(text)
    _credits(text, found)
    _after_posts(text, found)
    for m in _QUOTE_SPEAKER.finditer(text) if any(w in text for w in _SPEAKER_WORDS) else ():
        # “……。”苏和说: the speaker right after a closing quote (which may end the sentence
        # before)
        nm = m.group(1)
        if (plausible_name(nm) or (len(nm) >= 2 and all(c in L.MONGOLIAN_CHARS for c in nm))) and not is_common_word(nm):
            found.add(m.start(1), m.end(1), "quote-speaker")
    for m in _ACCORDING_TO.finditer(text):
        if plausible_name(m.group(1)):
            found.add(m.start(1), m.end(1), "according-to")
    # a full name before an honorific or kin word: 赵振国大爷, 孙秀英老人 (张女士 is no name)
    for m in _HONORIFIC.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == text[m.start()]:
            continue  # 全职妈|妈: the second character of a reduplicated kin word (妈妈), no honorific after a name
        for length in (3, 4):
            i = m.start() - length
            if i >= 0 and plausible_name(text[i : m.start()], strict=True) and not after_a_count(text, i) \
                    and (i == 0 or not is_cjk(text[i - 1]) or text[i - 1] in "的位名是"):
                found.add(i, m.start(), "name-honorific")
                break
    if "是" in text and ("一名" in text or "一位" in text):
        _one_of(text, found)
    if "任" in text or "当选" in text:
        _takes_post(text, found)
    _jieba_names(text, found)
    if "、" in text and "等" in text:
        _listed_before_people(text, found)
    if "、" in text and found.out:
        _listed_names(text, found)
    return sorted(found.out, key=lambda s: s.start)


#: 某某是某村的一名(青年)党员: a name opening its clause, said to be one of a kind of people
_ONE_OF = re.compile(r"(?:^|(?<=[，,。；;：:！!？?”\s的]))([\u4e00-\u9fff·]{2,8}?)是[\u4e00-\u9fff]{0,24}?(?:一名|一位)"
                     r"[^，,。；;！!？?]{0,12}?(?:" + "|".join(map(re.escape, sorted({*L.OTHER_ROLES, *L.LEAD_TITLES}, key=len, reverse=True)))
                     + ")")


def _one_of(text: str, found: _Found) -> None:
    """83岁的某某是某村的一名党员, 某某是某镇的一名青年党员: the name that opens the
    clause, by its shape (a Han surname and given name, or Mongolian syllables), is a
    person's (rule ``one-of``)."""
    for m in _ONE_OF.finditer(text):
        nm = m.group(1)
        if plausible_name(nm, strict=len(nm) == 2 and not _MONGOLIAN.issuperset(nm)) or (
                len(nm) == 2 and nm[0] in L.SURNAMES_1 and not is_common_word(nm)):
            found.add(m.start(1), m.end(1), "one-of")


#: 某某(回村)担任某村党支部书记: a name opening its clause, the verb of taking a post and the post
_TAKES_POST = re.compile(r"(?:^|(?<=[，,。；;：:！!？?”\s的]))([\u4e00-\u9fff·]{2,8}?)(?:回村|回乡|返乡|返村|回到村里|回到家乡)?"
                         r"(?:担任|当选为?|出任|接任|兼任)[^，,。；;！!？?]{0,20}?(?:"
                         + "|".join(map(re.escape, sorted(L.LEAD_TITLES, key=len, reverse=True))) + ")")


def _takes_post(text: str, found: _Found) -> None:
    """多年的某某回村担任某村党支部书记: the name that opens the clause, by its shape, takes
    the post (rule ``takes-post``)."""
    for m in _TAKES_POST.finditer(text):
        nm = m.group(1)
        if (plausible_name(nm, strict=True) or len(nm) >= 3 and _MONGOLIAN.issuperset(nm)) and not is_common_word(nm):
            found.add(m.start(1), m.end(1), "takes-post")


#: an item of a list of names, between 、 (or the list's opening) and 、, 等 or a mark
_ITEM_BOUND = re.compile(r"[^\u4e00-\u9fff·]|等")


#: a list closed by 等 and people of a kind: 某甲、某乙、某丙等(3名)党员
_LIST_OF_PEOPLE = re.compile(r"((?:[\u4e00-\u9fff·]{2,8}、)+[\u4e00-\u9fff·]{2,8})等(?:[0-9一二三四五六七八九十]+[名位])?"
                             r"(?:人|党员|同志|干部|群众|村民|居民|牧民|志愿者|队员|代表|民警|网格员|老党员|青年|同学)")


def _listed_before_people(text: str, found: _Found) -> None:
    """某甲、某乙、某丙等党员: a list of two or more items, each a name by its shape, closed by
    等 and a kind of people, names them all (rule ``name-list``).  The first item is the
    longest name by its shape that a word starts (组织|巴特尔、……)."""
    for m in _LIST_OF_PEOPLE.finditer(text):
        items, at = [], m.start(1)
        for k, item in enumerate(m.group(1).split("、")):
            i = at
            if k == 0:
                starts = token_bounds(text)[0]
                i = next((a for a in range(at, at + len(item) - 1) if (a in starts or a == at)
                          and _listed_name(text[a : at + len(item)])), None)
                if i is None:
                    break
            elif not _listed_name(item):
                break
            items.append((i, at + len(item)))
            at += len(item) + 1
        else:
            for i, j in items:
                if not any(k in found.taken for k in range(i, j)):
                    found.add(i, j, "name-list")


def _listed_names(text: str, found: _Found) -> None:
    """乌某某、同某某、吉某某……: the items listed with a name, each closed by 、, 等 or a
    mark and each a name by its shape (:func:`_listed_name`), are names too."""
    todo = list(found.out)
    while todo:
        sp = todo.pop()
        for i, j in (_item_after(text, sp.end), _item_before(text, sp.start)):
            if i < j and not _listed_name(text[i:j]) and j > sp.end:
                # the list's last item, its bearer's words after it (某某依次上台)
                i, j = name_after(text, i, strict=True) or (0, 0)
            if i < j and _listed_name(text[i:j]) and not any(k in found.taken for k in range(i, j)):
                found.add(i, j, "name-list")
                todo.append(found.out[-1])


def _listed_name(item: str) -> bool:
    """A name by its shape, or, listed with names, a transliterated one with one character
    outside the usual syllables (同某某某) and no everyday word in it."""
    if plausible_name(item, strict=True):
        return True
    return 3 <= len(item) <= 8 and sum(c not in _MONGOLIAN for c in item) <= 1 and \
        all(e - s < 2 or segment.freq(item[s:e]) < 100 for s, e, _ in tokens(item))


def _item_after(text: str, end: int) -> tuple[int, int]:
    if text[end : end + 1] != "、":
        return 0, 0
    m = _ITEM_BOUND.search(text, end + 1)
    j = m.start() if m else len(text)
    return end + 1, j if j < len(text) else 0


def _item_before(text: str, start: int) -> tuple[int, int]:
    if start == 0 or text[start - 1] != "、":
        return 0, 0
    i = start - 1
    while i > 0 and not _ITEM_BOUND.match(text, i - 1):
        i -= 1
    return (i, start - 1) if i > 0 else (0, 0)


class _Found:
    """The people of one sentence so far; a name never overlaps one found before."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Span] = []
        self.taken: set[int] = set()

    def add(self, i: int, j: int, how: str, variant: str = "", role: str | None = None) -> None:
        if any(k in self.taken for k in range(i, j)):
            return
        self.out.append(Span(i, j, self.text[i:j], "Person", how, conf(how, variant), role=role))
        self.taken.update(range(i, j))


def _credits(text: str, found: _Found) -> None:
    """Bylines (本报记者 某某), a brief's writer ((某某) at its end), a byline mark before a
    lone name (□某某), photo credits (某某 摄)."""
    if "记者" in text or "通讯员" in text or "摄影" in text or "报道组" in text or (
            (":" in text or "：" in text) and any(w in text for w in _CREDIT_LABELS)):  # what every byline holds
        _bylines(text, found)
    if "/" in text or "／" in text:
        for m in _SLASH_CREDIT.finditer(text):  # 文/某某 图/某某
            if byline_name(m.group(1)):
                found.add(m.start(1), m.end(1), "byline")
        for m in _CREDIT_AFTER_SLASH.finditer(text):  # 某某/文 某某/摄
            if byline_name(m.group(1)):
                found.add(m.start(1), m.end(1), "byline")
    # the writer of a brief, in parentheses at its end: "……。(陈立军)"
    for m in _BRIEF_CREDIT.finditer(text):
        for nm in _NAME_RUN_4.finditer(m.group(1)):
            if byline_name(nm.group()):  # (包金花): the credit's frame vouches for the name
                found.add(m.start(1) + nm.start(), m.start(1) + nm.end(), "brief-credit")
    if _MARK.match(text):
        # a byline mark before a lone name: "□孙海涛", "◎周敏"
        body = _MARKS.sub("", text)
        off = len(text) - len(body)
        nm = _LONE_NAME.fullmatch(body)
        if nm and plausible_name(nm.group(1)):
            found.add(off, off + len(nm.group(1)), "byline", "mark")
    if "摄" not in text:  # no photo credit (its scan tries a name at every character)
        return
    for m in _PHOTO_CREDIT.finditer(text):
        nm = m.group(1)
        if (m.start(1) == 0 or not is_cjk(text[m.start(1) - 1])) and byline_name(nm):
            found.add(m.start(1), m.end(1), "photo-credit")  # the credit is the whole line: 澈某某 摄
            continue
        for length in range(min(len(nm), 8), 1, -1):
            if plausible_name(nm[-length:]):
                found.add(m.end(1) - length, m.end(1), "photo-credit")
                break


_MARK = re.compile(r"^[#\s]*[□■●◎◆]")
_MARKS = re.compile(r"^[#\s□■●◎◆]*")
_LONE_NAME = re.compile(r"([\u4e00-\u9fff·]{2,8})\s*")


#: a name in a byline: a dotted one may be longer (孛儿只斤·某某某某)
_BYLINE_RUN = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{2,13}|[\u4e00-\u9fff·]{2,8}")


def _bylines(text: str, found: _Found) -> None:
    """本报记者 某某, 通讯员 某某, 摄影 某某 (not an interviewer's question or exclamation: 记者：老人多，
    ……？ 记者：谢谢！)."""
    if text.rstrip().endswith(("？", "?", "！", "!")):
        return
    for m in _BYLINE_NAME.finditer(text):
        for nm in _BYLINE_RUN.finditer(m.group(1)):
            i = m.start(1) + nm.start()
            if byline_name(nm.group()):
                found.add(i, i + len(nm.group()), "byline")


#: spaces or a colon between a header's post and its holder's name (the ideographic space folds to one)
_SPACES = re.compile(r" {1,4}|[:：] ?")


#: a post's holder given as its predicate after the post: 理事长|由某某兼任 (rule ``profile``'s)
_HELD_BY = re.compile(r"由[\u4e00-\u9fff·、]{2,24}?(?:担任|兼任|出任)")


def _after_posts(text: str, found: _Found) -> None:
    """A name right after a post or role (党支部书记某某, 党员某某), the post kept as its role."""
    for m in TITLE_RE.finditer(text):
        if m.group() not in LEAD_SET and _in_longer_word(text, m.start(), m.end()):
            continue  # 居民区|里有: the role's word is part of a longer one, no role before a name
        if m.group() in LEAD_SET and _form_of_address(text, m.start()):
            continue  # “某书记|干工作……: a surname and a post alone are how one is addressed, no name follows
        if _HELD_BY.match(text, m.end()):
            continue  # 理事长|由某某兼任: 由 opens the holder's clause, no surname (the profile reads it)
        hit = name_after(text, m.end(), strict=m.group() not in LEAD_SET)
        if hit is not None and m.start() > 0 and text[m.start() - 1] in _OPENING_QUOTES and text[hit[1] : hit[1] + 1] in _CLOSING_QUOTES:
            continue  # “党员连心卡”: a quoted term opening with a role, no role and name
        if hit is None and m.group() in LEAD_SET and (gap := _SPACES.match(text, m.end())) is not None:
            # 受访人：某村驻村第一书记　某某, 驻村第一书记：某某: a header's post, then its holder's name
            hit = name_after(text, gap.end(), strict=True)
        if hit is None and m.group() in LEAD_SET and text[m.end() : m.end() + 1] == "的":
            # "任社区党委书记的王某某": a post, 的, then its holder's name
            hit = name_after(text, m.end() + 1, strict=True)
        if hit is None:
            continue
        role = m.group()
        found.add(hit[0], hit[1], "post", "" if role in LEAD_SET else "role", role)


#: the quotes that open and close a quoted term
_OPENING_QUOTES = frozenset("“「『‘\"")
_CLOSING_QUOTES = frozenset("”」』’\"")


def _form_of_address(text: str, i: int) -> bool:
    """Does a surname alone stand before the post at ``i``, opening its clause (“某书记, ，某主任):
    the way the holder is addressed or spoken of, with no name after the post?"""
    return i >= 1 and text[i - 1] in L.SURNAMES_1 and text[i - 1] not in _NOT_NAME_OPENING \
        and (i == 1 or not is_cjk(text[i - 2]))  # (“由|退役军人某某: a preposition, though 由 is a surname)


def _in_longer_word(text: str, i: int, j: int) -> bool:
    """Is ``text[i:j]`` inside a longer word of jieba's dictionary (居民|区 in 居民区)?"""
    starts, ends = token_bounds(text)
    k = bisect_right(starts, j - 1) - 1  # the word holding the span's last character
    return 0 <= k and ends[k] > j and starts[k] <= i and jieba_tag(text[starts[k]:ends[k]]) is not None


_NAMEY = ("nr", "ns", "nz")


def _merged_tokens(text: str) -> list[tuple[int, int, str]]:
    """jieba's tokens with the pieces of one transliterated name joined (巴音/吉日/嘎拉).

    Only words made of Mongolian syllables alone are joined (or marked rare), so only the
    runs of such characters are walked; every other word stands as jieba tagged it."""
    toks = tokens(text)
    runs = [m.span() for m in _MONGOLIAN_RUN.finditer(text)]
    if not runs:
        return list(toks)
    starts, ends = token_bounds(text)
    merged: list[tuple[int, int, str]] = []
    done = 0  # the words before this one are in ``merged``
    for rs, re_ in runs:
        # the words inside the run: each made of Mongolian syllables alone, one after another
        lo, hi = bisect_left(starts, rs), bisect_right(ends, re_)
        if lo >= hi:
            continue
        merged.extend(toks[done:lo])
        _join_names(text, toks[lo:hi], merged)
        done = hi
    merged.extend(toks[done:])
    return merged


def _join_names(text: str, run: tuple[tuple[int, int, str], ...], merged: list[tuple[int, int, str]]) -> None:
    """Append the words of ``run`` (adjacent, each of Mongolian syllables alone) to
    ``merged``: a name's piece (tagged a name, or rare in the dictionary) joins the one
    before it if that is one too, and a rare word untagged as a name is marked ``rare``."""
    joinable = False  # the last word appended is a name's piece
    memo = _PIECES
    first = True
    for s0, e0, flag in run:
        piece = text[s0:e0]
        rare = memo.get(piece)
        if rare is None:
            rare = memo[piece] = len(piece) >= 2 and segment.freq(piece) < 200
        namey = flag.startswith(_NAMEY)
        if not first and (namey or rare) and joinable:
            merged[-1] = (merged[-1][0], e0, "nr")
        else:
            tag = "rare" if rare and not namey else flag
            merged.append((s0, e0, tag))
            joinable = tag == "rare" or tag.startswith(_NAMEY)
        first = False
    if len(memo) > 200_000:  # new text brings new words without end: keep the memo bounded
        memo.clear()


#: two or more characters of Mongolian syllables in a row
_MONGOLIAN_RUN = re.compile("[" + "".join(sorted(L.MONGOLIAN_CHARS)) + "]{2,}")


#: rare (fewer than 200 in jieba's dictionary) by word
_PIECES: dict[str, bool] = {}


#: the parts of a dotted name before its last, opening where no name character stands before
_DOTTED_HEAD = re.compile(r"(?<![\u4e00-\u9fff·])[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{2,6})?·$")


def _dotted_whole(text: str, s0: int, e0: int) -> int | None:
    """Where the dotted name whose last part is ``text[s0:e0]`` starts, if the parts before it
    open where nothing else of a name stands (a line's start, punctuation, a space:
    ``某某·某某某某：``; a role before them is no part of it: 牧民|某某·某某), else None."""
    head = _DOTTED_HEAD.search(text, max(0, s0 - 14), s0)
    if head is None:
        return None
    start = head.start()
    if (role := TITLE_RE.match(text, start)) is not None and role.end() < s0 - 1 and text[role.end()] != "·":
        start = role.end()
    return start if _DOTTED.fullmatch(text, start, e0) else None


def _jieba_names(text: str, found: _Found) -> None:
    """jieba proposes a name; the words around it decide (a speech verb after it, or a
    descriptor such as 农机手, 获得者, 党员 before it)."""
    for s0, e0, _ in [t for t in _merged_tokens(text) if t[2].startswith("nr") and t[1] - t[0] >= 2]:
        cand = text[s0:e0]
        if len(cand) >= 3 and (text[e0 - 1 :].startswith(_HOUSEHOLD) or (
                _verb_before_aspect(text, e0) and (len(cand) == 3 or cand[-1] not in L.MONGOLIAN_CHARS))):
            e0 -= 1  # 苏和家的草场, 苏和带着, 王梅种了: jieba's name swallowed the household or a verb
            cand = text[s0:e0]
        elif len(cand) == 3 and cand[-1] in _NO_NAME_ENDS and not _MONGOLIAN.issuperset(cand):
            e0 -= 1  # 某某到|村里: jieba's name swallowed a verb or preposition no name ends in
            cand = text[s0:e0]
        elif len(cand) == 3 and cand[-1] in _ADVERBS and (jieba_tag(text[e0 : e0 + 2]) or "")[:1] == "v":
            e0 -= 1  # 某某便|进山: jieba's name swallowed an adverb before a verb
            cand = text[s0:e0]
        if text[s0 - 1 : s0] == "·" and (whole := _dotted_whole(text, s0, e0)) is not None:
            s0, cand = whole, text[whole:e0]  # 某某·某某某某：: jieba's name is the last part of a dotted one
        if not plausible_name(cand, strict=True):
            continue
        if s0 > 0 and (text[s0 - 1 : s0 + 1] in L.TWO_CHAR_PLACE_KINDS or segment.freq(text[s0 - 1 : s0 + 1]) >= 100):
            continue  # 在嘎查里说清楚: the name would open inside a word (嘎查)
        after = text[e0 : e0 + 3]
        before = text[max(0, s0 - 3) : s0]
        mongolian = e0 - s0 >= 4 and all(c in L.MONGOLIAN_CHARS for c in cand.replace("·", ""))
        if mongolian and (not after or not is_cjk(after[0]) or after.startswith(("在", "是", "说", "介绍", "的", "家", "和", "等", *_BEARER_ACTS))):
            found.add(s0, e0, "jieba-name")  # 宝音巴特尔在接受记者采访时介绍
        elif after.startswith(L.NAME_FOLLOWERS) or _DESCRIPTOR_BEFORE.search(before):  # (因人施策: 人 alone describes no one)
            found.add(s0, e0, "jieba-name")
