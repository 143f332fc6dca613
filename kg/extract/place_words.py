"""What makes words a place's name, for the readers of places (:mod:`kg.extract.places`,
:mod:`kg.extract.estates`): a kind of place or words about one rather than a name, a name's
own part, a phrase of everyday words, where a chain of places lets a name start.
"""

from __future__ import annotations

import re

from . import lexicon as L
from . import segment
from .spans import PROPER, Span, is_cjk, jieba_tag, syllable_opening, tokens

#: inside a chain (阿荣旗那吉镇) only clear function words end a name
CHAIN_STOP = set("的了在是和与及把被让使给向从对由等着过这该其每各个共所已将为到进出距")


SUFFIX_TYPE = dict(L.PLACE_SUFFIXES)


#: an estate's phase (一期, 二期): jieba reads 一期 as an adverb, but it ends an estate's name
PHASE = re.compile(r"[0-9一二三四五六七八九十]+期$")


def word_ends_at(text: str, i: int) -> bool:
    """Does a word of jieba's dictionary (对接, 其中) end right before ``i``?"""
    return any(segment.freq(text[i - k : i]) >= 100 for k in (2, 3) if i - k >= 0)


#: the fixed patterns of :func:`generic_place` and :func:`after_chain`, compiled once (not
#: looked up in the module's cache at every call)
_AREA_KIND = re.compile(r"[区县]")
_NEW_AREA = re.compile(r"[\u4e00-\u9fff]{2,}新区")
_TIME_WORD = re.compile(r"[0-9一二两三四五六七八九十几]+(?:年|个月|天)|以前|以来|目前|现在|如今|过去|下一步|下步|今后|时候")
_COUNT_OF_PEOPLE = re.compile(r"[一二两三四五六七八九十几数多每各]+[位名]")
_COUNTED_ITEMS = re.compile(r"[0-9一二两三四五六七八九十百千万]+[个条座片]")


#: words an estate's kind is called by, not its name (花园小区, 公寓小区; 新城小区 is a name)
_ESTATE_KINDS = frozenset({"花园", "家园", "公寓", "家属院", "庭院", "楼房", "平房", "商品房"})


#: words that say where a place lies or which ones are meant, not its name (周边嘎查, 附近村, 边境苏木,
#: 入选的试点村, 重点村, 主要街道, 薄弱嘎查)
_WHERE_WORDS = frozenset({"周边", "周围", "附近", "邻近", "临近", "相邻", "沿边", "抵边", "边境", "所在", "当地", "主要",
                          "本地", "全部", "所有", "其他", "其它", "偏远", "边远", "沿线", "不同", "试点", "重点",
                          "薄弱", "后进", "落后", "软弱涣散"})


#: one place leading another (强村带弱村, 先进社区带后进社区): a kind of place and 带 inside a
#: would-be name pair kinds of places, no place's name
_PAIRING = re.compile(r"(?:村|镇|乡|社区|嘎查|苏木)带")


#: a formula's count before a kind (一企一|社区, 一村一|品): one of a kind to one of another
_ONE_PER = re.compile(r"[一每][\u4e00-\u9fff]{1,2}[一每]")
#: what makes 城镇 a kind of place rather than a town's name ending in 城 (新城镇, 小城镇, 各城镇)
_CITY_TOWN_WORDS = frozenset("新小大老各全该本")
#: collective kinds of place that end some real names (六苏木镇)
_KINDS_IN_NAMES = frozenset(("苏木镇",))


#: 各 after a level or 全 (全旗各乡镇苏木, 旗各苏木): every place of a kind
_EVERY_OF = re.compile(r"(?:^|[全旗县市区盟镇乡])各")
#: a verb said twice around 一 (聊一聊, 看一看)
_REDUPLICATED = re.compile(r"(.)一\1")
#: a count or a demonstrative with its measure word opening the words (一处老楼院, 这个院落): a place
#: pointed at, no name
_COUNTED = re.compile(r"[一两二三四五六七八九十几这那每][处个片]")


#: the words for an estate that end in 村 (某某新村), which a community may be named after
_ESTATE_VILLAGE_WORDS = tuple(w for w in L.RESIDENTIAL_WORDS if w.endswith("村"))


def generic_place(name: str, *, chained: bool = False, known: bool = False, in_chain: bool = False,
                   listed: bool = False) -> bool:
    """Is ``name`` a kind of place or words about one, not a place's name?  ``known``: the
    gazetteer has the name, so a first character that seldom opens a name (那吉镇) is fine;
    ``chained`` (a name the gazetteer has) or ``in_chain`` (one it lacks): right after a
    place of a higher level; ``listed``: an item of a list of names of its kind.
    (Rule ``place-generic``.)"""
    for k in range(len(name) - 1):
        if name[k:] in L.GENERIC_PLACES and name[k:] not in SUFFIX_TYPE:
            if known and k >= 1 and (name[k:] in _KINDS_IN_NAMES or name[k:] == "城镇" and name[:k] not in _CITY_TOWN_WORDS):
                continue  # 六苏木镇, 到|昌城镇: the gazetteer's town, though 苏木镇 is also the sums and towns, 城镇 towns
            if ((chained or in_chain) and k >= 2 or listed and k >= 1) and proper_head(name[:k]):
                continue  # 某镇榆树林山村, 某甲村、鹿山村: a chain or a list vouches for a name jieba ends in a word (山村)
            if k >= 3 and name[k] == "村" and name[: k + 1].endswith(_ESTATE_VILLAGE_WORDS):
                continue  # 某某新村|社区: a community named after its estate (新村), not 各村社区
            return True
    body = name
    for suf, _ in L.PLACE_SUFFIXES:
        if name.endswith(suf):
            body = name[: -len(suf)]
            break
    if not known and (_PAIRING.search(body) or body.startswith(L.HOUSING_STATES) or body.startswith("哪")):
        return True  # 由强村带弱村, 典型的老旧院落社区, 找到哪名|社区工作人员: kinds of place paired, described or asked after, no name
    if _REDUPLICATED.search(body) and not known:
        return True  # 聊一聊|小区的事, 看一看: a verb said twice, no name
    if body.endswith(("书记", "主任")) and not known:
        return True  # 党支部书记|嘎查达某某: a post before the gacha head's post (嘎查达), no gacha's name
    if body.endswith("事") and len(body) == 2 and not known:
        return True  # 小事网格解决、大事|社区协调: a matter and who settles it, no community's name
    if body in L.NOT_MECHANISMS and not known:
        return True  # 某街道党建引领|小区治理: a slogan before the kind, no estate's name
    if name.endswith("驻村") and not chained:
        return True  # 到某村任|驻村第一书记: stationed in a village, no village's name
    if _EVERY_OF.search(body) or body.startswith(("若干", "多名", "数名", "几名")):
        return True  # 全旗各乡镇苏木, 若干名嘎查调解员: every place of a kind, or a count, no name (获各琦苏木 is)
    if _COUNTED.match(body) and not known:
        return True  # 某社区一处老楼院, 这个院落: a place pointed at by its count, no name
    if _ONE_PER.fullmatch(body):
        return True  # “一企一社区”: one of a kind to one place of a kind, a formula, no name
    if len(body) == 1 and body in "一二两三四五六七八九十每各全该本此" and not (chained or in_chain):
        return True  # “一苏木一课堂”, 一镇一策: a count or a determiner before the kind, no name (某街道一社区 is)
    if len(body) == 1 and body in "经由在从向对据被把给":
        return True  # 经|苏木协调: a preposition before the place the text spoke of (经棚镇's 经 opens a longer name)
    if len(body) < 2 and not (len(body) == 1 and (name.endswith(("镇", "乡", "苏木")) or (chained and name.endswith("村")))):
        return True  # (安吉县余村: a one-character village stands only in a chain)
    if chained and len(body) == 1 and name.endswith("村"):
        return body in "各每全该本"  # 安吉县余村 (a chain vouches; 余 is no count here)
    if "动态" in body or "新闻" in body:
        return True  # 街道动态|某某街道: a site's column (its breadcrumb run into the headline), no name
    if len(body) == 1 and body in "旗县市区盟省州":
        return True  # 全旗|苏木镇, 全县|乡镇: a level's character before the kinds of its townships, no town
    if body in SUFFIX_TYPE or body in ("乡镇", "镇乡", "镇街", "镇村", "嘎查村", "村组", "城乡", "村改居", "村改居后") \
            or L.KINDS_ONLY.fullmatch(body):
        return True  # 全苏木嘎查, 各乡镇社区, 等苏木镇|嘎查党支部: kinds of place before another kind
    if body.startswith(("嘎查", "社区")) and not known:
        return True  # “嘎查事|嘎查管”: the kind's word opens a slogan about such places, no name
    if not chained and (body.endswith(("苏木", "嘎查")) and not (known and len(body) >= 3) or body in _WHERE_WORDS
                        or body[-2:] in _WHERE_WORDS):
        return True  # 抵边苏木嘎查 (sums and gachaas), 周边嘎查, 附近村: where, not which
    if PHASE.fullmatch(body):
        return True  # 一期小区: a phase of some estate, not its name
    if name.endswith("小区") and body in _ESTATE_KINDS and not chained and not known:
        return True  # 辖内多是花园小区: a kind of estate, not its name
    if body and (body[-1].isdigit() or body[-1] in "个余多几等级类型式们" or body[0] == "级"):
        return True  # (自治区级文明村: a rank of village, not one)
    if body and ((body[0] in L.NOT_NAME_START and body[0] != "和" and not chained and not known
                  and not syllable_opening(body)) or body[0].isdigit()):
        return True  # (和润社区: the callers keep 和 only where it opens the name)
    if _AREA_KIND.search(body) and not ((chained or in_chain) and _NEW_AREA.fullmatch(body)):
        return True  # 老工业区街道, 开发区社区: a kind of area before the suffix (某镇北城新区社区 is a name)
    if _TIME_WORD.search(body):
        return True  # 前两年小区可不是这样: a time before the kind of place
    if _COUNT_OF_PEOPLE.match(body):
        return True  # 林荫街道一位社区干部: a count of people, not a name (六户镇, 三家村 are names)
    return bool(_COUNTED_ITEMS.search(body))


#: the last character of a road's name (东路, 大街), which streets and communities are named after
_ROAD_ENDS = frozenset("路街")


def proper_head(head: str) -> bool:
    """Is ``head`` (榆树林 of 榆树林山村) a name's own part, not an everyday word (贫困, 偏远)?"""
    return not any(c in L.NOT_IN_NAME for c in head) and jieba_tag(head) in (None, "ns", "nr", "nz", "nrt") \
        and not any(b - a >= 2 and segment.freq(head[a:b]) >= 100 for a, b, _ in tokens(head))


def phrase_of_common_words(body: str) -> bool:
    """Two or more everyday words (机制 激活, 清理 规范): a phrase, not a proper name,
    which has at least one rare or unknown part (油泵油嘴, 通道北街)."""
    words = [body[a:b] for a, b, _ in tokens(body)]
    if len(words) < 2 or any(len(w) < 2 for w in words):
        return False  # 悦/郡: an unknown name in jieba's single characters
    if words[-1] in L.RESIDENTIAL_WORDS or words[-1][-1] in L.RESIDENTIAL_CHARS or PHASE.fullmatch(words[-1]):
        return False  # 幸福家园, 永和二期: estates are named with everyday words
    if words[-1][-1] in _ROAD_ENDS:
        return False  # 祥和东路(街道): streets and communities are named after their roads
    return all(segment.freq(w) >= 200 for w in words)


def transliterated_start(text: str, s: int, end: int) -> int:
    """Where a 苏木's or 嘎查's transliterated name begins: everyday words before it go
    (总结|苏力德苏木的经验), but a name made of everyday words (红旗嘎查) stays whole."""
    words = [(s + a, s + b) for a, b, _ in tokens(text[s:end])]
    k = 0
    while k < len(words) - 1 and words[k][1] - words[k][0] >= 2 and segment.freq(text[words[k][0] : words[k][1]]) >= 1000:
        k += 1
    rest = text[words[k][0] : end] if words else ""
    if k and len(rest) >= 2 and any(segment.freq(text[a:b]) < 100 for a, b in words[k:]):
        return words[k][0]
    return s


def clause_before_suffix(body: str) -> bool:
    """重大事项报(街道): three or more words, none of them proper and none a road or an
    estate, read as a clause that ends in the kind of place, not as a name."""
    words = [(body[a:b], f) for a, b, f in tokens(body)]
    if len(words) < 3 or body.endswith(("路", "街", "里", "巷")) or PHASE.search(body[-3:]):
        return False
    if any(f.startswith(PROPER) or w in L.RESIDENTIAL_WORDS or w[-1] in L.RESIDENTIAL_CHARS for w, f in words):
        return False
    return any(f.startswith("a") for _, f in words[:1]) or all(jieba_tag(w) is not None for w, _ in words)


def chain_floor(spans: list[Span], at: int) -> tuple[int, int | None]:
    """Where the last place before ``at`` ends, and its index (no name reaches back past it)."""
    floor, prev = 0, None
    for k, sp in enumerate(spans):
        if sp.end <= at and floor <= sp.end:
            floor, prev = sp.end, k
    return floor, prev


def he_in_name(gap: str, k: int) -> bool:
    """Is the 和 at ``gap[k]`` inside a name (永和, 颐和): the name's second character, after
    one that is neither a pronoun nor a stop character, with more name after it?"""
    if k != 1 or gap[k] != "和" or gap[0] in CHAIN_STOP or gap[0] in "我你他她它咱您":
        return False
    # (某街道澄和|社区: two characters, the first a name's syllable, as jieba tags it, not a word
    # of people or places the 和 would join: 居民和|社区)
    return len(gap) >= 3 or ((jieba_tag(gap[0]) or "").startswith(("ns", "nr", "g")) and segment.freq(gap[0]) < 3000) \
        or (gap[0] in L.MONGOLIAN_CHARS and gap[0] not in "们都")  # 某镇苏和|社区: a Mongolian name (苏和, 孟和)


#: seat offices, which the chain reads through by its own rule (某街道办事处|某社区)
_SEAT_OFFICES = frozenset({"办事处", "人民政府", "政府", "街道办"})
#: a post or a body among the words before a place kind (某镇党委书记某某到|村, 某镇党委以|村,
#: 某旗民政局以城乡|社区, 某社区楼栋长发现|小区: a role of three characters or more too)
_TITLE_IN_GAP = re.compile("|".join(map(re.escape, sorted(
    {*L.LEAD_TITLES, *L.BODY_HEADS, *(h for h in L.ORG_HEADS if len(h) >= 3 and h not in _SEAT_OFFICES),
     *(r for r in L.OTHER_ROLES if len(r) >= 3)},
    key=len, reverse=True))))


#: the determiners, which open no name after a chain (某镇|部分社区)
_DETERMINERS = tuple(L.DETERMINERS)


#: what ends a place's or a unit's word, before which 和 joins two kinds (社区和|小区), no name
_KIND_CHARS = frozenset("区县市旗盟镇乡村居组户楼栋队")


def _he_second(gap: str, k: int) -> bool:
    """Is the 和 at ``gap[k]`` the second character of a two-character name right after a chain
    (某社区秋和|小区), after a character that is no kind's, pronoun or stop, or one among the
    syllables of a transliterated name (某苏木巴彦呼和陶勒盖|嘎查)?"""
    if 0 < k < len(gap) - 1 and gap[k] == "和" and all(c in L.MONGOLIAN_CHARS for c in gap) \
            and "苏木" not in gap and "嘎查" not in gap:
        return True  # 某苏木巴彦呼和|陶勒盖嘎查: 和 among the syllables of a transliterated name
    return k == 1 and len(gap) == 2 and gap[1] == "和" and gap[0] not in CHAIN_STOP and gap[0] not in _KIND_CHARS \
        and gap[0] not in "我你他她它咱您"


def after_chain(text: str, floor: int, at: int, max_body: int) -> bool:
    """Can a name run from the end of the chain before it (``floor``) to its suffix at ``at``?
    (某社区指导|某某雅居小区, 某市不断加强|社区建设, 某镇部分|社区: a verb, an idiom, an adverb or
    a determiner between two places ends the chain.)"""
    gap = text[floor:at]
    if gap[-1:] in L.COMING_CHARS or _TITLE_IN_GAP.search(gap):
        return False  # 某镇党委书记某某到|村, 某镇党委以|村: a post, a body, no place's name
    # 和 may be a name's second character (某社区永和二期小区), not a conjunction after a pronoun
    return bool(gap) and all(is_cjk(c) and (c not in CHAIN_STOP or he_in_name(gap, k) or _he_second(gap, k))
                             for k, c in enumerate(gap)) \
        and len(gap) <= max_body \
        and not _COUNT_OF_PEOPLE.match(gap) and not gap.startswith(_DETERMINERS) \
        and not any(text[a:b] in L.NAME_BREAK_VERBS or f[:1] in ("i", "l", "d") and b - a > 1 and not PHASE.fullmatch(text, a, b)
                    for a, b, f in tokens(text) if floor <= a and b <= at)


def without_kind(name: str) -> str:
    """A lower place's name less its kind (某某村 → 某某); the name itself where it ends in none."""
    return next((name[: -len(suf)] for suf, _ in L.PLACE_SUFFIXES if name.endswith(suf)), name)
