"""Person candidates: the rules' names and the tagger's, with their readings."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ... import gazetteer
from ...extract import lexicon as L
from ...extract import segment
from ...extract.people import (
    JOINED_BY_HE,
    POST_TAKEN,
    SOURCE_LABEL_BEFORE,
    after_a_count,
    ends_in_function_word,
    takes_a_post,
    two_at_once,
    verb_syllable_end,
)
from ...extract.spans import TITLE_RE, is_cjk, jieba_tag, token_bounds, tokens
from ...model import PLACE_TYPES, Mention, Sentence
from ...read.decoding import utf8_read_as_gbk
from .view import Candidate, DocView, bucket

#: cues that a sentence names a person: a post, a speech verb, a byline
PERSON_CUE = re.compile("|".join(map(re.escape, sorted(
    {*L.LEAD_TITLES, "记者", "通讯员", "摄影", "编辑", "作者", "审核", "校对", "监制", "说", "介绍", "表示", "告诉", "讲述", "坦言", "同志", "联系人", "栋长",
     "原告", "被告", "脱贫户", "网格员", "居民", "村民", "牧民", "能手", "带头人", "大户", "能人", "村医", "乡贤"},
    key=len, reverse=True))) + r"|[0-9一二三四五六七八九十]岁的"
    # a list of names, each with where the person works: 某某某(某某社区)、某某某(某某村)
    + r"|[\u4e00-\u9fff]{2,3}[（(][\u4e00-\u9fff]{2,15}[）)][、，,]")
_TITLE_BEFORE = re.compile("(?:" + "|".join(map(re.escape, sorted({*L.LEAD_TITLES, "记者", "通讯员", "摄影", "编辑", "代表", "党员", "村民", "居民", "牧民", "民警", "网格员", "志愿者", "老人", "法官", "检察官", "干警", "队员", "委员", "成员", "原告", "被告", "脱贫户"}, key=len, reverse=True))) + ")$")
#: a leading post opening a reading (嘎查达|某某, 苏木达|某某: Mongolian posts the tagger reads
#: into the name of Mongolian syllables after them)
_POSTS = "(?:" + "|".join(map(re.escape, sorted((t for t in L.LEAD_TITLES if len(t) >= 2), key=len, reverse=True))) + ")"
_POST_OPENS = re.compile(_POSTS)
#: the plain roles of the lexicon (网格员, 楼门长): no one's name
_ROLES = frozenset(L.OTHER_ROLES)
#: a post or a plain role opening a reading (嘎查达|某某, 果农|某某某, 牧民|某某某某: the tagger
#: reads the word before a name into it)
_ROLE_OPENS = re.compile("(?:" + "|".join(map(re.escape, sorted(
    {t for t in L.LEAD_TITLES if len(t) >= 2} | set(L.OTHER_ROLES), key=len, reverse=True))) + ")")
def _household_opens(text: str, i: int, j: int) -> bool:
    """Does the reading ``text[i:j]`` open with the 户 that closes a household's title before it
    (党员亮灯|户某某某某, 示范|户某某: a kind of household, then the name)?"""
    return j - i >= 4 and text[i] == "户" and i > 0 and is_cjk(text[i - 1])


#: a trade's word closing a reading (牛|贩子, 老|椒农: who deals or farms, no name): a dealer's
#: word, or 老 or 小 and a farmer's (X农) of three characters
_TRADE_TAILS = ("贩子",)
#: a leading post right before a reading (苏木达|某某)
_POST_ENDS = re.compile(_POSTS + "$")
_SPEECH_AFTER = re.compile(r"^(?:对(?:我们|记者|大家|笔者))?(?:说|介绍|表示|告诉|讲述|坦言|感慨|笑着|回忆|认为|提到|谈到|指出|强调|高兴|激动|自豪)")


_PLACE_END = set("村镇旗县市区乡盟省街")
#: the kinds of place of two characters, which no name holds (though each is made of the
#: syllables Mongolian names are written with)
_PLACE_KINDS_INSIDE = ("苏木", "嘎查", "社区", "街道")
#: kinds of rural business a name never ends in (农家乐, 牧家乐)
_BUSINESS_KINDS = ("家乐",)
_AFTER_NAME = L.AFTER_NAME_CHARS
#: a character a name is often followed by, that jieba glues to its last syllable (巴图家, 格站)
_NAME_THEN = frozenset({*L.AFTER_NAME_CHARS, "家", "站", "说"})
_NOT_NAME = re.compile(r"[^\u4e00-\u9fff·]")
_MONGOLIAN = frozenset(L.MONGOLIAN_CHARS)
#: an item of a list that a time's unit opens, right before (日巡查、|周研判)
_TIME_ITEM_BEFORE = re.compile(r"[日周月年天][\u4e00-\u9fff]{1,3}、$")


#: a leader named only in a slogan or a study phrase: 学习|贯彻|以 某某 总书记关于……, 某某新时代……思想
_SLOGAN_BEFORE = re.compile(r"(?:学习|贯彻|落实|以|遵循|践行|《)$")
_SLOGAN_AFTER = re.compile(r"(?:总书记|同志)?(?:关于|新时代|重要|“|《|的重要|治国理政)")


#: the posts and roles a text names people by (书记, 苏木长, 网格员)
_POSTS = frozenset({*L.LEAD_TITLES, *L.OTHER_ROLES})
_AGE_BEFORE = re.compile(r"[0-9一二三四五六七八九十]岁的$")
_BYLINE_WORDS = re.compile(r"记者|通讯员|摄影|编辑|来源")


#: 任 taking a post, then the post within its clause (某某任|共同体党委书记): the verb, no syllable of a
#: name (兼任, 担任 … are verbs of two characters, which the verb-tail check reads)
#: the leading posts, longest first, as one alternation
_LEAD_TITLE_ALT = "(?:" + "|".join(map(re.escape, sorted(L.LEAD_TITLES, key=len, reverse=True))) + ")"
_TAKES_POST_AFTER = re.compile(r"[^，。,;；：:]{0,14}?" + _LEAD_TITLE_ALT)
def _upper_place_name(name: str) -> bool:
    """Is ``name`` a county's, a city's or a province's name or short form in the gazetteer
    (扎鲁特, 奈曼), of three characters or not opened by a surname (高平 may be a person)? Of the
    1,800 annotated people, none is but 高平."""
    if len(name) < 3 and name[0] in L.SURNAMES_1:
        return False
    return any(d.type in _UPPER_TYPES for d in gazetteer.load().lookup(name))


#: the levels a person's name never is
_UPPER_TYPES = frozenset({"Province", "City", "County"})
#: a 和 that closes a name: before 是 or 说, where no conjunction stands (某某和是一位退伍军人)
_HE_NAME_END = re.compile(r"和(?:是|说)")
#: the verbs that open no name (包联, 走访, 组建 …: jieba has some as names)
_VERBS_OPENING = frozenset(v for v in L.PLACE_VERBS | L.NAME_BREAK_VERBS if len(v) == 2)
#: numerals, and the measure words a count of them runs into (十来|块, 三|个)
_NUMERALS = frozenset("一二两三四五六七八九十几百千万")
_MEASURES_AFTER = frozenset("块元个斤亩户人名次天年条件张份")
#: the places and units a cadre takes charge of (干部包|嘎查, 党员包|牧户, 包|浩特): after 包 or 联, no given name
_UNITS_TAKEN = frozenset({"嘎查", "浩特", "牧户", "农户", "户", "村", "社区", "网格", "楼", "楼栋", "片", "片区", "组", "苏木"})
#: a leading post right after a reading (某某|组长): with 任 opening the reading, the post it takes
_TITLE_RIGHT_AFTER = re.compile(_LEAD_TITLE_ALT)


def person_feats(view: DocView, sent: Sentence, i: int, j: int, rule: Mention | None, lac: str | None,
                 lac_exact: bool) -> list[str]:
    text = sent.text
    name = text[i:j]
    f = ["bias-person", "len:" + bucket(len(name), (1, 2, 3, 4, 5, 6))]
    if rule is not None:
        f += ["src:rule", "rule:" + rule.evidence.extractor]
    if lac in ("EXT", "TRIM"):
        f.append("src:extended" if lac == "EXT" else "src:trimmed")
    elif lac is not None:
        f.append("src:lac")
    if lac_exact:
        f.append("agree")
    if name[:2] in L.SURNAMES_2:
        f.append("sur2")
    elif name[:1] in L.SURNAMES_1:
        f.append("sur1")
    else:
        f.append("nosur")
    if all(c in L.MONGOLIAN_CHARS for c in name):
        f.append("mongolian")
    left, right = text[max(0, i - 6):i], text[j:j + 6]
    f += ["L1:" + left[-1:], "L2:" + left[-2:], "R1:" + right[:1], "R2:" + right[:2]]
    if _TITLE_BEFORE.search(left):
        f.append("title-before")
    if _AGE_BEFORE.search(left):
        f.append("age-before")  # 78岁的|某某
    if _SPEECH_AFTER.match(right):
        f.append("speech-after")
    if right[:2] in L.DIRECTIONAL_COMPLEMENTS:
        f.append("complement-after")  # 活计张罗|起来: a verb and its complement, though jieba has the verb as a name
    if right[:1] == "地" and "\u4e00" <= right[1:2] <= "\u9fff" and right[1:2] != "区":
        f.append("adverb-after")  # 志愿者麻利|地给……: an adverb before its verb, though jieba has it as a name
    if any(c in _NUMERALS for c in name[1:]) and right[:1] in _MEASURES_AFTER:
        f.append("count-measure")  # 老人花十来|块钱: a count and its measure, no given name holds a numeral before one
    if right[:1] == "里":
        f.append("localizer-after")  # 正在牛舍|里喂牛: a place something happens in (no annotated name is followed by 里)
    if len(name) >= 3 and name[-1] == "任" and name[-2:] not in L.NAME_BREAK_VERBS and _TAKES_POST_AFTER.match(text, j):
        f.append("takes-post-tail")  # 某某任|共同体党委书记: the verb taking the post read into the name
    if _HE_NAME_END.match(text, j):
        f.append("he-ends-name")  # 书记某某|和是……: no conjunction stands before 是 or 说, the 和 is the name's
    if _syllable_he_before(text, i):
        f.append("syllable-he-before")  # 、某和|某某某某: one syllable alone is no name, so 和 is the name's too
    if (len(name) == 2 and i > 0 and text[i - 1] in "小老" and name[1] in L.AFTER_NAME_CHARS) or (
            len(name) == 3 and name[0] in "小老" and name[1] in L.SURNAMES_1 and name[2] in L.AFTER_NAME_CHARS):
        f.append("familiar-then-adverb")  # 网格员小刘|刚进院子, 小周刚|到: a surname called familiarly, then an adverb
    if name[:2] in _VERBS_OPENING or (name[0] in "包联" and name[1:] in _UNITS_TAKEN) or (
            name[0] == "任" and _TITLE_BEFORE.search(left) and (
                _TITLE_RIGHT_AFTER.match(text, j) or _TITLE_RIGHT_AFTER.match(text, i + 1) or text[j : j + 1] == "长")):
        # 楼长|包联楼|栋, 干部包|浩特: a verb (and its object) after a role, no name; 党员任|联防|组长,
        # 党员任|哨|长: the verb taking the post, not the surname 任
        f.append("verb-opens")
    if len(name) >= 2 and name[0] == name[1] and (len(name) == 2 or name[2] not in L.MONGOLIAN_CHARS):
        f.append("reduplicated")  # 天刚|蒙蒙|亮, 蒙蒙亮: a reduplicated word, or a pet name with no surname (其其格 is a name)
    if len(name) == 2 and i >= 2 and text[i - 2] == name[0] and segment.freq(text[i - 2 : i]) > 0:
        f.append("parallel")  # 惠民|惠企, 共建|共享: the second of two words opening alike, no name
    if right[:2] in L.HONORIFICS or right[:1] in L.HONORIFICS:
        f.append("honorific-after")
    if any(name.endswith(h) and len(name) > len(h) for h in L.HONORIFICS):
        f.append("surname-and-honorific")  # 赵先生, 李大姐: no full name
    if (name[-1] in _PLACE_END and not _given_name_of_a_place_char(name)) or any(k in name for k in _PLACE_KINDS_INSIDE) \
            or name.endswith(_BUSINESS_KINDS):
        f.append("place-end")  # 强村, 陈旗; 某某和苏木 (the tagger's reading runs into 苏木达某某); 牧家乐
    if name.endswith(_TRADE_TAILS) or (len(name) == 3 and name[0] in "老小" and name[-1] == "农"):
        f.append("trade-tail")  # 等牛贩子上门, 一位老椒农说: a trade's word, no name
    if ((post := _ROLE_OPENS.match(name)) is not None and len(name) > post.end()) or _household_opens(text, i, j):
        f.append("post-opens")  # 嘎查达某某, 果农某某某: a post or role read into the name (its holder is read
        # without it); 瓜农苟|师傅: a role and a surname, no full name
    if "某" in name or (len(name) == 2 and name[0] in "老小" and name[1] in L.SURNAMES_1):
        f.append("mou")  # 李某, 老张, 小王: a name hidden or a surname called familiarly, no full name
    if name[0] in "周月年日天" and i > 0 and (text[i - 1] in "每本上下隔这当次" or _TIME_ITEM_BEFORE.search(text, 0, i)):
        f.append("time-unit")  # 每周|研判, 日巡查、周研判: a time's unit and a verb, no surname
    if name[-1] in _AFTER_NAME:
        f.append("ends-in-function-char")  # 张伟从, 杨阳便: a word after the name glued to it
    if _NOT_NAME.search(name) or utf8_read_as_gbk(name) or utf8_read_as_gbk(view.x.doc.text[slice(*sent.span(i, j))]) \
            or utf8_read_as_gbk(_han_run(text, i, j)):
        f.append("not-han")  # (鏈嶅姟, as the page has it: its UTF-8 read as GBK, no name; 璧拌|繘鍑夊煄: nor part of such a run)
    if len(name) >= 5 and "·" not in name and not _MONGOLIAN.issuperset(name[1:]) and any(
            segment.freq(name[k:]) >= 5 for k in range(2, len(name) - 2)):
        f.append("word-tail")  # 某某手把手: the tagger reads a set phrase after a Han name into it
    starts, ends = token_bounds(text)
    q = bisect_left(starts, j - 1)  # a set phrase opening at the name's last character: 某某手|把手
    if len(name) >= 3 and q < len(starts) and starts[q] == j - 1 and ends[q] - starts[q] >= 3 \
            and segment.freq(text[starts[q] : ends[q]]) >= 5:
        f.append("word-tail")
    if _he_then_role(text, i, j):
        f.append("he-then-role")  # 某某和|村民代表某某: 和 joins the next person, no syllable of this one
    if _verb_tail(text, i, j):
        f.append("verb-tail")  # 某某|兼任: the tagger read the verb after the name into it
    k = bisect_left(starts, i)  # the word opening at i, if one does
    first = tokens(text)[k][2] if k < len(starts) and starts[k] == i and ends[k] <= j else None
    if first is not None:
        f.append("ptag-first:" + first[:1])  # 了解|到: a verb of the dictionary opens no name
    for a, b, m in view.spans(sent, PLACE_TYPES + ("Organization",)):
        if a < j and i < b:
            f.append("overlaps:" + ("Organization" if m.type == "Organization" else "place"))
            break
    if any(a <= i and j <= b and b - a >= j - i + 3 for a, b, _ in view.spans(sent, ("Mechanism",))):
        f.append("in-practice")  # “支部建在屯上、党员连在户上”: words of a practice's name, no one named
    before, after = _SLOGAN_BEFORE.search(text, max(0, i - 8), i), _SLOGAN_AFTER.match(text, j)
    if before or after:
        f.append("named-in-a-slogan")  # 学习某某总书记关于……的重要论述: a leader quoted, not acting
    if before and after:
        f.append("slogan-only")  # 以某某新时代……思想为指导: the guideline's leader named in a slogan
    if sent.is_heading:
        f.append("heading")
    if name in _POSTS or name in _ROLES or ((role := _ROLE_OPENS.match(text, i)) is not None and role.end() > j):
        f.append("is-post")  # 苏木长, 网格员, 楼门|长: a post or a role (or its opening), not who holds it
    k0 = bisect_left(starts, i)
    if k0 < len(starts) and starts[k0] == i and ends[k0] > j and ends[k0] - i >= 3 and segment.freq(text[i : ends[k0]]) > 0 \
            and text[j] not in _AFTER_NAME:
        # 黄葛|树下 (jieba: 黄葛树): the reading ends inside one of the dictionary's words (but a
        # word that often follows a name, glued to it in the dictionary, 某某来, ends no word)
        f.append("cuts-a-word")
    elif j < len(text) and text[j - 1] == text[j] and segment.freq(text[j - 1 : j + 1]) > 0 and jieba_tag(text[j - 1 : j + 1]) is not None:
        f.append("cuts-a-word")  # 老人孟奶|奶: the first character of a reduplicated kin word (奶奶)
    if view.place_stem(name):
        f.append("place-stem")  # 具有某某|特色 on a page naming 某某镇, 某某|项目经理 beside 某某小区: the place called short
    if name in L.PAGE_LABELS:
        f.append("page-label")  # 责任编辑：某某  上一版: a page's link after a byline, no one named
    tag = jieba_tag(name)
    if tag is not None:
        f.append("word:" + tag[:2])  # a word of the dictionary whole: 王伟 nr, 方兴未艾 i
        if rule is None and tag.startswith(("ns", "nz")) and (len(name) == 2 or segment.freq(name) >= 50) \
                and not (len(name) >= 4 and _MONGOLIAN.issuperset(name)):
            # 蒙汉(双语), 扬帆: the dictionary's place or other proper word, short or common
            # (a rare long one, 某某德力格尔, may be a name; so may a long transliterated one
            # the dictionary has as a place, 乌云其木格: a place of that name is read as one)
            f.append("place-word")
    if _upper_place_name(name):
        f.append("upper-place-name")  # 扎鲁特|发布, 奈曼: a county's or a city's name or short form, written as no place
    if text[:i].count("“") > text[:i].count("”"):
        f.append("in-quote")
        close = text.find("”", j)
        if text[i - 1 : i] == "“" and 0 <= close - j <= 4:
            f.append("opens-a-quoted-name")  # “火塘议事”, “林农夜校”: the words of a practice's or a title's name, or all of it
    if _BYLINE_WORDS.search(text):
        f.append("byline-words")
    n = view.count(sent, name)
    f.append("count:" + bucket(n, (1, 2, 3)))
    if view.counted(sent, name):
        f.append("counted")  # 23个|林盘 elsewhere in the article: a thing, no one's name
    return f


def _contest(a: int, b: int, by_rule: bool, spans: dict) -> list[str]:
    """How the other source reads the same words: a longer or a shorter name (王林 | 王林涛)."""
    f = []
    for (c, d), (m, _) in spans.items():
        if (c, d) == (a, b) or not (c < b and a < d):
            continue
        other = "rule" if m is not None else "lac"
        me = "rule" if by_rule else "lac"
        if other != me:
            f.append(f"{me}-vs-{other}:" + ("longer" if d - c > b - a else "shorter" if d - c < b - a else "shifted"))
    return f


#: the leading posts (庭长, 所长, 书记), for a surname and a post read as a name
_LEAD_TITLE_SET = frozenset(L.LEAD_TITLES)


def person_candidates(view: DocView, lac_words: dict[int, list[tuple[int, int, str]]]) -> list[list[Candidate]]:
    """Groups of overlapping person candidates (the rules' and the tagger's), one group a
    name: at most one of a group is taken."""
    groups: list[list[Candidate]] = []
    # the names the rules read on the page, longest first: a shorter reading elsewhere that
    # opens one of them (斯某某|道家 read 斯某某) is proposed whole too
    named = sorted({m.canonical for m in view.x.mentions if m.type == "Person" and len(m.canonical) >= 3},
                   key=lambda n: (-len(n), n))
    # the names the rules read as a practice's or a body's on the page (“浩特说事会”): no person's
    others = {m.canonical for m in view.x.mentions if m.type in ("Mechanism", "Organization")}
    for sent in view.x.doc.sentences:
        rule = view.spans(sent, ("Person",))
        lac = [(a, b) for a, b, t in lac_words.get(sent.index, []) if t == "PER"]
        spans: dict[tuple[int, int], tuple[Mention | None, str | None]] = {}
        for a, b, m in rule:
            spans[(a, b)] = (m, None)
        for a, b in lac:
            while a < b and sent.text[a].isspace():
                a += 1
            while b > a and sent.text[b - 1].isspace():
                b -= 1
            adverb = next((w for w in _ADVERBS_OF_VISITS if sent.text.endswith(w, a, b)), None)
            if adverb is not None and b - a - len(adverb) >= 2:
                b -= len(adverb)  # 某某某|实地察看: the tagger's name swallowed the adverb of the visit
            if b - a < 2 or b - a > 12:
                continue
            if sent.text[a:b] in others or sent.text[a:b] in L.MONGOLIAN_COMMON_NOUNS:
                continue  # 浩特说事会|上: the page's practice, named again; 乌力格尔: a word of the steppe's culture; no person
            if any(sent.text[a:b].removesuffix("家").endswith(h) and b - a - len(h) <= 2 + (sent.text[b - 1] == "家")
                   for h in L.HONORIFICS):
                continue  # 赵大姐, 李师傅, 某婶|家: a surname and an honorific is no full name (the guideline)
            if b - a == 3 and sent.text[a + 1 : b] in _LEAD_TITLE_SET and sent.text[a] in L.SURNAMES_1:
                continue  # 法庭王|庭长说: a surname and a post, how one is called, no full name
            if any((t := TITLE_RE.match(sent.text, k)) is not None and t.end() > b for k in range(a + 1, b)):
                continue  # 58岁的老护|边员: a role's word runs past the reading
            if _idiom_tail(sent.text, a, b) or two_at_once(sent.text, a, b):
                continue  # 牵着马|走村串户: a surname's character, then an idiom; 边剪枝|边听: no name
            if takes_a_post(sent.text, a, b) or after_a_count(sent.text, a) \
                    or SOURCE_LABEL_BEFORE.search(sent.text, max(0, a - 6), a):
                continue  # 书记任链|长: the verb taking a post; 一位|独居: a count; 来源：某某云: an outlet
            m, _ = spans.get((a, b), (None, None))
            spans[(a, b)] = (m, "PER")
        lac_set = {(a, b) for a, b in lac}
        starts, ends_list = token_bounds(sent.text)
        ends, toks = set(ends_list), tokens(sent.text)
        for a, b in list(spans):
            if _POST_ENDS.search(sent.text, 0, a):
                continue  # 苏木达|某某: the post's syllables are no part of the name
            k = bisect_right(starts, a) - 1
            if k >= 0 and starts[k] < a < ends_list[k] and toks[k][2].startswith("nr") \
                    and all(ch in L.MONGOLIAN_CHARS for ch in sent.text[starts[k] : b]):
                spans.setdefault((starts[k], b), (None, "EXT"))  # 由那木|吉勒: the name opens inside jieba's word
                a = starts[k]  # (and its first syllables may stand before that word: 乌日|罕高|娃)
            if k >= 1 and starts[k] == a and _opening_syllables(sent.text, toks, k, b):
                spans.setdefault((starts[k - 1], b), (None, "EXT"))  # 由|那|钦巴图, 由|那日|苏图: a pronoun's syllables
        for a, b in list(spans):
            if b - a > 2 and sent.text[b - 1] in _AFTER_NAME and b - 1 in ends:
                spans.setdefault((a, b - 1), (None, "TRIM"))  # 赵某某|刚当选: a word after the name glued to it
            if (post := _ROLE_OPENS.match(sent.text, a, b)) is not None and b - post.end() >= 2:
                spans.setdefault((post.end(), b), (None, "TRIM"))  # 嘎查达|某某, 果农|某某: the post or role the tagger read into the name
            if _household_opens(sent.text, a, b):
                spans.setdefault((a + 1, b), (None, "TRIM"))  # 亮灯|户某某某某: the household's 户 the tagger read into the name
            if _he_then_role(sent.text, a, b):
                spans.setdefault((a, b - 1), (None, "TRIM"))  # 某某图|和村民代表: the conjunction read into the name
            if b - a >= 3 and sent.text[b - 1] == "任" and sent.text[b - 2 : b] not in L.NAME_BREAK_VERBS \
                    and _TAKES_POST_AFTER.match(sent.text, b):
                spans.setdefault((a, b - 1), (None, "TRIM"))  # 某某任|某某党委书记: the verb the tagger read into the name
            if _HE_NAME_END.match(sent.text, b) and b - a == 2:
                spans.setdefault((a, b + 1), (None, "EXT"))  # 书记田某|和是: 和 joins nothing before 是, it ends the name
            if _syllable_he_before(sent.text, a):
                spans.setdefault((a - 2, b), (None, "EXT"))  # 、某和|某某某某: the syllable and 和 open the name
            name = sent.text[a:b]
            for n in named:  # a name the rules read elsewhere on the page that this reading opens
                if len(n) > b - a and n.startswith(name) and sent.text.startswith(n, a):
                    spans.setdefault((a, a + len(n)), (None, "EXT"))
                    break
            # a long Mongolian name read short (某某|乐图): its run of name characters goes on,
            # to the end of one of jieba's words
            e = b
            if not all(ch in L.MONGOLIAN_CHARS for ch in name) and not (len(name) == 2 and name[1] in L.MONGOLIAN_CHARS):
                continue  # (孟某某|和被告: a Han name goes on no further; 伊某|乐图, 鲍某|和 may)
            while e < len(sent.text) and e - a < 8 and sent.text[e] in L.MONGOLIAN_CHARS:
                e += 1
                if (e in ends or sent.text[e : e + 1] in _NAME_THEN) and not ends_in_function_word(sent.text, a, e) \
                        and not verb_syllable_end(sent.text, e):
                    spans.setdefault((a, e), (None, "EXT"))  # (某某巴图|家: jieba's 巴图家; 某某毕力格|站在)
        # a reading a post opens (嘎查达|某某) is no rival of the name read after the post
        rivals = {(c, d): v for (c, d), v in spans.items()
                  if ((post := _ROLE_OPENS.match(sent.text, c, d)) is None or d - post.end() < 2)
                  and not _verb_tail(sent.text, c, d)}
        cands = [Candidate("Person", sent, a, b, sent.text[a:b],
                           person_feats(view, sent, a, b, m, t, m is not None and (a, b) in lac_set)
                           + _contest(a, b, m is not None, rivals), m)
                 for (a, b), (m, t) in sorted(spans.items())]
        # overlapping candidates form one group; the longest reading of a group is marked
        here: list[list[Candidate]] = []
        for c in cands:
            if not any(o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
                       for o in cands):
                c.feats.append("longest")
            for g in here:
                if any(o.start < c.end and c.start < o.end for o in g):
                    g.append(c)
                    break
            else:
                here.append([c])
        for g in here:
            _nested_readings(view, sent, g)
        groups.extend(here)
    return groups


def _opening_syllables(text: str, toks: list, k: int, b: int) -> bool:
    """Is the word before the reading starting at token ``k`` (to ``b``) the first syllables of
    a Mongolian name jieba read as a pronoun or a name (由|那|钦巴图, 由|那日|苏图): one or two of
    the syllables, after a preposition, punctuation or a measure word (as one closes a role:
    党员中心户|乌日|罕高娃), the whole run Mongolian?"""
    s0, e0, flag = toks[k - 1]
    if e0 - s0 > 2 or not flag.startswith(("r", "nr")) or not all(ch in L.MONGOLIAN_CHARS for ch in text[s0:b]):
        return False
    return k == 1 or toks[k - 2][2] in ("p", "x", "q")


def _han_run(text: str, i: int, j: int) -> str:
    """The run of Han characters ``text[i:j]`` stands in (to the nearest character of another kind)."""
    while i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    while j < len(text) and "\u4e00" <= text[j] <= "\u9fff":
        j += 1
    return text[i:j]


def _syllable_he_before(text: str, i: int) -> bool:
    """Do one Mongolian syllable and 和 stand right before ``i``, after the start, punctuation or
    a space (、孟和|德力格尔, 监制 | 布和|额尔德尼)?  One syllable alone names no one, so 和 is no
    conjunction there: the name opens with the syllable."""
    return i >= 2 and text[i - 1] == "和" and text[i - 2] in L.MONGOLIAN_CHARS and text[i - 2] != "和" \
        and (i == 2 or not "\u4e00" <= text[i - 3] <= "\u9fff")


#: adverbs of a leader's visit written right after the name (某某实地察看, 某某亲自调度)
_ADVERBS_OF_VISITS = ("实地", "亲自", "专门", "深入", "详细", "认真")


def _idiom_tail(text: str, i: int, j: int) -> bool:
    """Does the reading ``i:j`` end in one of jieba's idioms or set phrases (tag i or l) of
    three characters or more, which opens after the reading's first character?"""
    starts, ends = token_bounds(text)
    q = bisect_left(ends, j)
    return q < len(ends) and ends[q] == j and starts[q] > i and ends[q] - starts[q] >= 3 \
        and tokens(text)[q][2] in ("i", "l")


def _given_name_of_a_place_char(name: str) -> bool:
    """A surname and a given name jieba tags as a name, ending in a place's kind (某红旗)?"""
    return len(name) == 3 and name[0] in L.SURNAMES_1 and (jieba_tag(name[1:]) or "").startswith("nr")


def _he_then_role(text: str, i: int, j: int) -> bool:
    """Does the reading ``i:j`` (a name of three characters or more; of two before its 和)
    end in 和 before a role, a post or a group of people, or in 任 before a post?"""
    if text[j - 1] == "任" and j - i >= 3:
        return POST_TAKEN.match(text, j) is not None  # 某某任|队长, 某某任|联合党委书记: the verb taking the post
    return (j - i >= 4 or j - i == 3 and text[j - 2] == "和") and text[j - 1] == "和" \
        and JOINED_BY_HE.match(text, j) is not None  # (苏和|和党员们: a name ending in 和, then 和)


def _verb_tail(text: str, i: int, j: int) -> bool:
    """Does the reading ``i:j`` end in one of jieba's verbs of two characters or more, after
    a name of two (某某图雅|兼任)?"""
    starts, ends = token_bounds(text)
    q = bisect_left(ends, j)
    return q < len(ends) and ends[q] == j and starts[q] >= i + 2 and ends[q] - starts[q] >= 2 \
        and tokens(text)[q][2].startswith("v") and not _MONGOLIAN.issuperset(text[starts[q] : j])


#: what makes a longer reading no name (呼和巴特尔和|苏木: runs into a place, 和 before a role):
#: then the reading it continues may be the whole name
_CUT_BY_A_NAME = frozenset({"place-end", "he-then-role", "post-opens", "ends-in-function-char", "verb-tail", "is-post",
                            "word-tail"})


def _nested_readings(view: DocView, sent: Sentence, group: list[Candidate]) -> None:
    """How two readings of one name, one inside the other, compare over the article: the
    short one never stands alone (王林 always in 王林涛) or stands alone more often than the
    long one is read, or the long one only adds a word that follows names (张伟|从2018年)."""
    for short in group:
        for long in group:
            if long is short or not (long.start <= short.start and short.end <= long.end) \
                    or long.end - long.start <= short.end - short.start or "verb-tail" in long.feats:
                continue  # (a reading that runs into a verb continues no name)
            n_short, n_long = view.count(sent, short.surface), view.count(sent, long.surface)
            if _MONGOLIAN.issuperset(short.surface) and _MONGOLIAN.issuperset(long.surface):
                # 乌力吉|巴特尔 on a page naming 孟和乌力吉图: the syllables inside another name are
                # no use of the short reading; it is read where it stands apart, and inside this one
                n_short = n_long + view.count_apart(sent, short.surface, _MONGOLIAN)
            if n_short == n_long and "he-then-role" not in long.feats:  # (nor one into 和 before a role)
                short.feats.append("always-continued")
                long.feats.append("covers-every-use")
                if long.start == short.start and _MONGOLIAN.issuperset(long.surface) and long.end - long.start >= 5 \
                        and _CUT_BY_A_NAME.isdisjoint(long.feats) and "mongolian-cut" not in short.feats:
                    short.feats.append("mongolian-cut")  # 牧民额尔敦|巴雅尔图: a long transliterated name's first syllables
            elif n_short > n_long:
                long.feats.append("short-stands-alone")  # 某某某和|高某: the name recurs without 和
            if long.start == short.start and long.end == short.end + 1 and long.surface[-1] in _AFTER_NAME:
                short.feats.append("drops-function-char")
                long.feats.append("adds-function-char")
