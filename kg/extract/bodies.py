"""Bodies in one sentence: a name closed by a generic head (党支部, 组织部, 人民检察院,
有限公司 ...), with the sub-units after it, or a kind of body that only context can name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..timing import timed
from . import lexicon as L
from . import segment
from .clauses import is_clause_start
from .national import find_national
from .people import name_after
from .places import after_seat_office
from .rules import conf
from .spans import (
    HEAD_RE,
    LEAD_TITLE_RE,
    PROPER,
    SHORT_BRANCH,
    TITLE_RE,
    VERB_START,
    Span,
    inside_quote,
    is_cjk,
    jieba_tag,
    joins_kinds,
    left_name_start,
    token_bounds,
    tokens,
    word_at,
)

_ORG_NAME_CHAR = re.compile(r"[\u4e00-\u9fff0-9A-Za-z·]")


#: a numbered sub-unit (组织一科, 第二检察部, 第二党支部, 101台) continues a body's name
_SUBUNIT = re.compile(r"^(?:第?[一二三四五六七八九十0-9]+|[\u4e00-\u9fff]{1,2})(?:科|处|室|部|台|党支部|支部|中队|大队|组)")


#: words that join two bodies rather than name a sub-unit (组织部联合市委社会工作部)
_CONNECTORS = ("联合", "会同", "牵头", "带领", "指导", "组织", "协调", "推动", "下属", "所属", "各级", "与", "和", "及", "或", "同", "向", "对", "各")


#: a short name right before another head (公安局|昆都仑|分局)
_SHORT_NAME_THEN_HEAD = re.compile(r"[\u4e00-\u9fff0-9]{1,8}?(?=" + HEAD_RE.pattern + ")")


#: the fixed patterns of :func:`extend_right`, compiled once (not looked up at every call)
_EXTEND_RIGHT_RE1 = re.compile(r"第|[一二三四五六七八九十0-9]")


def extend_right(text: str, end: int, place_spans: frozenset[tuple[int, int]] = frozenset()) -> int:
    """Swallow the sub-units that follow a body's head (组织部组织一科, 检察院第二检察部); a
    sub-unit may be named by a place the page names (``place_spans``: (start, end) of each),
    whatever jieba makes of its syllables (人民法院|某某他拉|人民法庭)."""
    while True:
        m = HEAD_RE.match(text, end)
        if m and m.end() > end:
            if text[end - 1] == "委" and m.group() in _PARTNER_HEADS:
                return end  # 镇党委政府, 街道党工委办事处: the committee and its partner, two bodies
            end = m.end()
            continue
        rest = text[end : end + 12]
        # a short name then another head: 公安局昆都仑分局, 传输发射中心101台党支部
        m2 = _SHORT_NAME_THEN_HEAD.match(rest)
        if (
            m2
            and 0 < m2.end() <= 6
            and not m2.group().startswith(_CONNECTORS)
            and not TITLE_RE.search(m2.group())
            and ((end, end + m2.end()) in place_spans or (
                not any(c in L.ORG_STOP for c in m2.group())
                and not VERB_START.search(m2.group())  # 社区党委推行社区党委: a verb between two bodies
                and not any((f.startswith("v") and f != "vn" and text[end + a : end + b] not in ("驻", "巡回"))
                            or text[end + a : end + b] in L.NAME_BREAK_VERBS or f[:1] in ("c", "p")
                            for a, b, f in tokens(m2.group()))))  # 党支部决定领办合作社 (but 农牧局驻某村工作队);
            # 派出所辖区既有|旗政府: a conjunction or a preposition between two bodies
        ):
            h = HEAD_RE.match(text, end + m2.end())
            if h is not None and (h.group() not in ("公司", "中心") or m2.end() <= 6):
                end = h.end()
                continue
        m6 = _COURT_DIVISION.match(text, end) if text.endswith("法院", 0, end) else None
        if m6 is not None:
            end = m6.end()  # 某旗人民法院民事审判庭, 某区人民法院立案庭: the court's division
            continue
        m5 = _FORCE_UNIT.match(text, end) if text[:end].endswith(_FORCE_BODIES) else None
        if m5 is not None:
            end = m5.end()  # 公安局刑事侦查大队, 公安局禁毒和治安大队
            continue
        m3 = _SUBUNIT.match(text, end)
        if m3 and not any(c in L.ORG_STOP for c in m3.group()) and _EXTEND_RIGHT_RE1.match(m3.group()):
            end = m3.end()
            continue
        # a section named by its field, known by the head's title after it: 组织部干部教育科科长
        m4 = _SECTION_BEFORE_TITLE.match(text, end)
        if m4 and not any(c in L.ORG_STOP for c in m4.group(1)):
            end = m4.end(1)
            continue
        return end


#: the bodies a committee is named with as a pair (党委政府): a partner, no sub-unit
_PARTNER_HEADS = frozenset({"政府", "人民政府", "办事处"})


#: a court's divisions, named after the court (民事审判庭, 立案庭, 执行局)
_COURT_DIVISION = re.compile(r"(?:民事|刑事|行政|商事|少年|家事|环境资源|民商事)?审判庭|立案庭|执行局")
#: the police's and fire service's bodies, and the units of theirs named by their field
#: (two fields may be joined by 和: 禁毒和治安大队)
_FORCE_BODIES = ("公安局", "公安分局", "分局", "公安处", "支队", "消防救援局")
_FORCE_UNIT = re.compile(r"(?:[\u4e00-\u9fff]{2,4}和)?[\u4e00-\u9fff]{2,6}?(?:大队|支队|中队)")
#: a section (科, 股, 处, 室) of one to five characters right before its head's title
_SECTION_BEFORE_TITLE = re.compile(r"([\u4e00-\u9fff]{1,7}?(?:科|股|处|室))(?=副?(?:科长|股长|处长|主任))")


#: bodies of several levels named together (旗县区两级, 县乡村三级, 各级)
_LEVELS = re.compile(r"^[旗县区市乡镇村苏木嘎查街道社区]*[一二两三四五六七八九十各]级")
_LEVEL_CHAR = re.compile(rf"^(?:自治区|[{L.LEVEL_CHARS}])(?!级)")  # 县级党委 is a kind, not 县委
#: words a level's character opens that are no level (区域某某联盟, 市场监督管理局, 县域)
_LEVEL_WORD = re.compile("^(?:" + "|".join(L.LEVEL_WORDS) + ")")


#: words that say which bodies of a kind (the surrounding, the related ones)
_WHICH_WORDS = ("周边", "附近", "邻近", "其他", "相关", "兄弟", "上级", "下级", "属地")


#: kinds that name the townships together (乡镇, 苏木镇): no town's name ends in them
_COLLECTIVE_KINDS = ("乡镇", "苏木镇", "乡镇街道", "镇街道", "镇街", "乡镇场", "镇场")


def _generic_name_part(part: str) -> bool:
    """A descriptor rather than a proper name before a head: 党员(突击队), 农村(党支部),
    社区(党群服务中心).  Every jieba word in it is a common word and it is short."""
    if not part:
        return True
    if len(part) > 6:
        return False
    if part in L.BODY_PLACE_KINDS or part in L.GENERIC_PLACES:
        return True  # 嘎查(委员会), 社区(党委), 边境嘎查(党支部): the kind of place, not a name
    if part.endswith(_COLLECTIVE_KINDS) or L.KINDS_ONLY.fullmatch(part):
        return True  # 全旗|苏木乡镇(党委), 各乡镇(党委), 苏木镇嘎查(党支部): the committees of every place of those kinds, no one body
    if part.startswith(_WHICH_WORDS) and _generic_name_part(part[2:]):
        return True  # 周边旗县(检察院), 相关职能(部门): which ones, of a kind
    words = [(part[s:e], f) for s, e, f in tokens(part)]
    if words and len(words[0][0]) == 1 and words[0][1].startswith(PROPER) and len(part) >= 3:
        return False  # 苏|海图(派出所): jieba's pieces of an unknown name, not a descriptor
    return all(len(w) == 1 or (jieba_tag(w) is not None and not f.startswith(PROPER)) for w, f in words)


def _has_rare_word(part: str) -> bool:
    """A brand among the words (金谷 in 金谷粮油): companies are named by rare words, the
    kinds of company (物业服务, 农业科技) by everyday ones."""
    return any(e - s >= 2 and segment.freq(part[s:e]) < 100 for s, e, _ in tokens(part))


def _brand_words(part: str) -> bool:
    """A brand before a trade (河套|酒业): no word of it an everyday one (传统, 当地, 特色)."""
    return all(e - s < 2 or segment.freq(part[s:e]) < 1000 for s, e, _ in tokens(part))


#: conjunctions between two bodies' names, never opening a word of a name
_JOINING = frozenset("与及")


def _nameish(text: str, a: int, b: int, brand: bool = False) -> bool:
    """Can ``text[a:b]`` sit inside a name (no particle, preposition, pronoun or verb)?  A
    ``brand`` (a firm's, right after its region or city) may hold a word jieba tags a verb
    (某市|巧手|织艺服饰有限公司), though none that acts or ends a name."""
    starts, ends = token_bounds(text)
    toks = tokens(text)
    gap = text[a:b]
    held = [(a + i, a + i + len(w)) for w in L.BODY_NOUN_PHRASES if (i := gap.find(w)) >= 0]
    # the words that reach into a:b (end after a, start before b)
    for s0, e0, f in toks[bisect_right(ends, a):bisect_left(starts, b)]:
        if f.startswith(("p", "c", "u", "r", "d")) and not (s0 < a or e0 > b) and not joins_kinds(text, s0, e0):
            return False
        if a < s0 < b and text[s0] in _JOINING and jieba_tag(text[s0:e0]) is None:
            return False  # 某法庭|与某某|派出所: a conjunction jieba glued to the next name joins two bodies
        if s0 >= a and e0 <= b and text[s0:e0] in L.NAME_BREAK_VERBS:
            return False  # 某县现有|司法所11个: a verb jieba tags otherwise (现有/b)
        if s0 >= a and e0 <= b and e0 - s0 >= 3 and text.startswith(L.MANNER_ADVERBS, s0):
            return False  # 某镇积极争取|县某某局: a verb's set phrase opened by an adverb (jieba: l), no part of a name
        if f.startswith("v") and f != "vn" and e0 - s0 > 1 and s0 >= a and e0 <= b and text[e0 : e0 + 1] != "办" \
                and text[s0:e0] not in L.TRADE_WORDS and not any(p <= s0 and e0 <= q for p, q in held) \
                and not (brand and e0 - s0 == 2 and text[s0:e0] not in _ACTS):
            return False  # (an office named by its task, 信访办 or 征收办, is a name; 经济组织 a noun)
    return True


#: the verbs that act or end a name, which no firm's brand holds
_ACTS = frozenset(L.NAME_BREAK_VERBS) | frozenset(L.IMPLEMENT_VERBS) | frozenset(L.PLACE_VERBS)


def _chain_start(q: int, place_end: dict[int, Span]) -> int:
    while q in place_end:
        q = place_end[q].start
    return q


#: heads of company names, which run long and hold verbal nouns (物业管理服务有限公司)
COMPANY_HEADS = L.COMPANY_HEADS




#: a department named by two fields joined with 和, closed by its kind
_DEPT_WITH_HE = re.compile(r"([\u4e00-\u9fff]{2,4}和[\u4e00-\u9fff]{2,6}?)(局|委员会|厅|办公室|中心)")


@timed("bodies")
def find_orgs(text: str, places: list[Span]) -> list[Span]:
    """Named bodies: a name (often opened by a place chain) closed by a generic head
    (党支部, 组织部, 人民检察院, 有限公司 ...) and the sub-units after it.

    ``how`` tells what was found: ``org-head`` a named body; ``org-short`` one named by
    its level alone (市国资委, 区委组织部: the document says which 市); ``org-generic`` a
    kind of body (党支部, 居委会) that only a post or the context can name.
    """
    out: list[Span] = []
    place_end = {p.end: p for p in places}
    place_at = None
    place_spans = frozenset((p.start, p.end) for p in places)
    covered = 0
    for m in HEAD_RE.finditer(text):
        if place_at is None:  # (built at the first head: most sentences have none)
            place_at = {k: p for p in places for k in range(p.start, p.end)}
        h_start = m.start()
        if h_start < covered:
            continue
        if inside_quote(text, h_start):
            team = _quoted_team(text, m)
            if team is not None:
                out.append(team)
                covered = team.end
            continue
        if h_start in place_at and place_at[h_start].end > m.end():
            continue  # the head is inside a place's name
        if m.end() - 1 in place_at and place_at[m.end() - 1].start > h_start and place_at[m.end() - 1].end > m.end():
            continue  # 联合|会宁县: a place's name opens inside the head, which is no head
        if _head_straddles_word(text, h_start, m.end()):
            continue  # 集中学习: the head is inside a longer word of jieba's, no head (中学)
        end = extend_right(text, m.end(), place_spans)
        gloss = _GLOSS_BEFORE.search(text, max(0, h_start - 8), h_start) if text[h_start - 1 : h_start] in ")）" else None
        sp = _named_by_head(text, m, end, places, place_end) if gloss is None else _glossed(text, m, end, gloss, places)
        if sp is None:
            continue
        if m.group() == SHORT_BRANCH and sp.how == "org-head":
            # 某村支部: the village's 党支部, named short (the span keeps the words as written)
            name = sp.canonical or sp.text
            sp = replace(sp, canonical=name[: len(name) - 2] + "党支部", head="党支部")
        covered = end
        if sp.how:
            out.append(sp)
    out = _departments_with_he(text, places, place_end, out)
    out += _senders(text, out)
    out += _division_committees(text, places, place_end, out)
    out += _level_committees(text, places, out)
    out += _founded(text, places, out)
    if "队”" in text:
        out += _quoted_teams(text, out)
    out += _partnered(text, places, place_end, out)
    out += _shared_head(text, places, out)
    out += _shared_level_head(text, out)
    out = _shared_place(text, places, out)
    out += _seat_offices(text, places, out)
    out += _place_de_party(text, places, out)
    if "公安" in text:
        out += _police_branches(text, out)
    if "分局" in text:
        out = _bureau_branches(text, out)
    out = [_with_brand_opening(text, o, places) for o in out]
    out = _with_national(find_national(text), out)
    if "中共" in text:
        out = [_written_out(text, o) for o in out]
    if _SOURCE_LABEL.search(text):
        out = [o for o in out if not in_source_field(text, o.start)]
    if PRESS_UNIT in text:
        out = [o for o in out if not labels_a_byline(text, o.end)]
    if "融媒体中心" in text or "电视台" in text or "报社" in text:
        out = [o for o in out if not credits_page(text, o.start, o.end, o.canonical or o.text)]
    if "所在地" in text or "驻地" in text:
        out = [o for o in out if not names_a_seat(text, o.canonical or o.text, o.end)]
    if "各" in text:
        out = [o for o in out if not _of_each_place(text, o)]
    return sorted(out, key=lambda o: o.start)


#: the bodies of every place of a level (某市各旗市区检察院, 全县各乡镇司法所): a kind, no one body
_EACH_LEVEL = re.compile("各(?:旗|市|区|县|盟|镇|乡|村|苏木|嘎查|街道|社区)")
def _of_each_place(text: str, o: Span) -> bool:
    """Is ``o`` the body of every place of a level, 各 in its name or right before it
    (某市各旗市区检察院, 某市各县|市区检察院)?"""
    before = text[max(0, o.start - 3) : o.start]
    return _EACH_LEVEL.search(o.canonical or o.text) is not None or (
        "各" in before and _NEAR_PLACE_RE1.search(before) is None and _EACH_LEVEL.search(before + o.text) is not None)


#: a government's seat (某县政府所在地, 镇政府驻地): a place the text points at, not the body
_SEAT_AFTER = re.compile(r"(?:所在地|驻地)")
_SEAT_HEADS = ("政府", "办事处", "公所")


def names_a_seat(text: str, name: str, end: int) -> bool:
    """Is the government ``name``, written up to ``end``, named as its seat (某县政府所在地: the
    town it sits in, 距离镇政府驻地: the distance to it), which names a place, not the body acting?"""
    return name.endswith(_SEAT_HEADS) and _SEAT_AFTER.match(text, end) is not None


def _with_brand_opening(text: str, o: Span, places: list[Span]) -> Span:
    """``o`` opened where its name does, where jieba cut the words that open it into function
    words: a firm's brand between its place and its trade, in Mongolian syllables (某县|宝日|和|都|
    肉牛养殖专业合作社: 和/c, 都/d) or of two to four characters (:func:`_place_before_a_brand`), is
    part of its name and the place opens it; a body cut after a clause's first Mongolian syllables
    (塔|都|日海关党支部) opens with them."""
    if o.start < 2:
        return o
    k = o.start
    while k > 0 and text[k - 1] in L.MONGOLIAN_CHARS and o.start - k < 8:
        k -= 1
    place = next((p for p in places if p.end == k), None) if o.start - k >= 2 and o.head in COMPANY_HEADS else None
    if place is None and o.head in COMPANY_HEADS and not any(p.start == o.start for p in places):
        place = _place_before_a_brand(text, o.start, places)  # (a name its own place opens has its brand after it)
    if place is not None:
        start = place.start
    elif (k == 0 or not is_cjk(text[k - 1])) and o.start - k >= 2 and text[o.start] in L.MONGOLIAN_CHARS \
            and (w := word_at(text, o.start)) is not None and w[0] == o.start + 1:
        start = k  # 塔|都|日海关党支部 (jieba: 都/d): the name's syllables from the clause's start
    else:
        return o
    return replace(o, start=start, text=text[start : o.end], canonical=text[start : o.end])


def _place_before_a_brand(text: str, at: int, places: list[Span]) -> Span | None:
    """The place that ends two to four characters before a firm's trade at ``at``, where those
    characters are the firm's brand though jieba reads a function word in them (某市|安|和|养老
    服务有限公司: 和/c): no word of two characters or more in them is a verb, a pronoun, a
    determiner, a numeral or a function word (某县|共有|…, 某县|各类|… name no brand)."""
    place = next((p for p in places if 2 <= at - p.end <= 4), None)
    if place is None:
        return None
    gap = text[place.end : at]
    if not all(is_cjk(c) and c not in "的之" for c in gap) or HEAD_RE.search(gap) is not None \
            or word_at(text, place.end) is None or any(place.end <= p.start < at for p in places):
        return None  # (某镇的|某某公司: a possessive; a place of its own; 某村党总支与|某公司: a body's head)
    words = [(a, b, f) for a, b, f in tokens(text) if place.end <= a and b <= at]
    if not words or words[-1][1] != at or any(b - a >= 2 and f[:1] in "vrmpcdtu" for a, b, f in words):
        return None
    return place


def _police_branches(text: str, out: list[Span]) -> list[Span]:
    """公安|某某|分局: the police's branch of a district, named by 公安 before the place's short
    form (rule ``org-head``); it replaces the pieces read inside it (某某分局, and 区|公安某某分局
    read as a bare department of the 区 listed before it)."""
    found = []
    for m in L.POLICE_BRANCH.finditer(text):
        a, b = m.span()
        if a > 0 and is_cjk(text[a - 1]) and text[a - 1] not in "、和与及的在由":
            continue
        if any(o.start <= a and b < o.end or o.start < a < o.end for o in out):
            continue  # inside a longer name (公安某某分局某某派出所)
        longer = [o for o in out if a < o.start < b < o.end and o.how == "org-head"]
        out[:] = [o for o in out if not (a <= o.start and o.end <= b) and o not in longer]
        if longer:  # 公安|某某分局某某派出所: the longer name read from the place keeps 公安 too
            found += [replace(o, start=a, text=text[a : o.end], canonical=text[a : o.end]) for o in longer]
            continue
        found.append(Span(a, b, m.group(), "Organization", "org-head", conf("org-head"), head="分局", canonical=m.group()))
    return found


def _bureau_branches(text: str, out: list[Span]) -> list[Span]:
    """某市公安局|某区分局某派出所: a bureau's name right before a name that opens with a branch
    (分局) is one body, that bureau's branch (rule ``org-head``), not the bureau and a branch
    named apart."""
    bureaus = {o.end: o for o in out if o.how == "org-head" and (o.canonical or o.text).endswith("局")}
    merged: list[Span] = []
    gone: set[int] = set()
    for o in out:
        b = bureaus.get(o.start)
        if b is None or b is o or o.how != "org-head" or "分局" not in o.text[:_BRANCH_REACH]:
            continue
        merged.append(replace(o, start=b.start, text=text[b.start : o.end],
                              canonical=(b.canonical or b.text) + (o.canonical or o.text)))
        gone |= {id(b), id(o)}
    return [o for o in out if id(o) not in gone] + merged if merged else out


#: how far into a body's name its 分局 may end for the name to open with a branch (某某区分局)
_BRANCH_REACH = 8


def _head_straddles_word(text: str, i: int, j: int) -> bool:
    """Does a word of jieba's hold the head ``text[i:j]`` with characters on both sides (集中学习
    over 中学)?  (One that only ends inside it, 科技股份|有限公司, is jieba's cut, often wrong
    at a name's edge.)"""
    starts, ends = token_bounds(text)
    k = bisect_right(starts, i) - 1  # the word holding the head's first character
    return 0 <= k and starts[k] < i and ends[k] > j


#: a press unit a byline names after a body (县委|报道组 某某)
PRESS_UNIT = "报道组"


def labels_a_byline(text: str, j: int) -> bool:
    """Does a body's name ending at ``j`` open a byline's label (县委|报道组 某某: the credit's
    label, no committee the page names acting)?"""
    return text.startswith(PRESS_UNIT, j)


#: an outlet's name as the page's credit: before 讯 (某县融媒体中心讯), or alone on its line
#: with a date (某县融媒体中心  2024-07-22)
_OUTLET_HEADS = ("融媒体中心", "广播电视台", "电视台", "报社")
_CREDIT_AFTER = re.compile(r"\s*(?:讯|消息|主办|承办|出品|供稿|供图|(?:记者|通讯员)(?=[\s:：]))|\s*[0-9][\s0-9\-/.:年月日]*(?:发表|发布|记者|通讯员)")
_DATE_ONLY = re.compile(r"[\s0-9\-/.:年月日]*")


def credits_page(text: str, i: int, j: int, name: str) -> bool:
    """Does the outlet ``name``, written at ``i:j``, credit the page (某县融媒体中心讯, a line of
    its name and a date, 某县融媒体中心记者 某某, 某县融媒体中心 2024-05-16 发表于, 某某融媒体中心主办),
    as the page's source field does, rather than take part in what it reports?"""
    if not name.endswith(_OUTLET_HEADS):
        return False
    return _CREDIT_AFTER.match(text, j) is not None or (
        _DATE_ONLY.fullmatch(text, 0, i) is not None and _DATE_ONLY.fullmatch(text, j) is not None)


#: a party committee written out after 中共 (中共某县委员会组织部, 中共某社区委员会,
#: 中共某村支部委员会), read as it is named for short: the committee of a county or city is
#: its 县委 / 市委, of a town, street, community or village its 党委, a branch's 党支部
_WRITTEN_OUT = re.compile(r"(县|市|旗|区|盟|州|省)委员会|(社区|街道|镇|乡|苏木|嘎查|村)委员会|(总)?支部委员会")


def _written_out(text: str, o: Span) -> Span:
    """A body named after 中共 with its committee written out, under the short name a reader
    uses for it (中共某县委员会组织部 → 某县委组织部); the span stays as written."""
    if o.how == "org-generic" or text[max(0, o.start - 2) : o.start] != "中共":
        return o
    name = o.canonical or o.text
    m = _WRITTEN_OUT.search(name)
    if m is None:
        return o
    if m.group(1):
        short = m.group(1) + "委"
    elif m.group(2):
        short = m.group(2) + "党委"
    else:
        short = "党总支" if m.group(3) else "党支部"
    return replace(o, canonical=name[: m.start()] + short + name[m.end() :])


#: a page's source field (来源：某某融媒体中心, 供稿单位：某县委组织部): the body named there
#: published the page; a careful reader takes no entity from it.  The places that open the
#: body's name may stand between the label and where the body's own words begin.
_SOURCE_LABEL = re.compile(r"来源|稿源|供稿|发布单位|发布机构")
SOURCE_FIELD = re.compile(r"(?:来源|稿源|供稿|供稿单位|发布单位|发布机构)[:：]\s*[\u4e00-\u9fff]{0,12}$")


def in_source_field(text: str, start: int) -> bool:
    """Does a body named at ``start`` stand in the page's source field?"""
    return SOURCE_FIELD.search(text, max(0, start - 20), start) is not None


#: a gloss in brackets right before a body's head that says what kind of place the name is
#: (某某花园(城中村)党支部, 某某小区（网格）党支部); a task's words in brackets are its name's
#: (某某(应急处置)工作专班)
_GLOSS_BEFORE = re.compile(r"[(（](?:城中村|网格|小区|片区|楼院|楼栋|自然村|村组|居民小组|庭院|社区|村)[)）]$")


def _glossed(text: str, m: re.Match, end: int, gloss: re.Match, places: list[Span]) -> Span | None:
    """某某花园(城中村)党支部: the body named as if the gloss were not written (its name runs on
    before the bracket); the span keeps the gloss as written, the name drops it."""
    cut = gloss.end() - gloss.start()
    bare = text[: gloss.start()] + text[m.start() :]
    before = [p for p in places if p.end <= gloss.start()]
    m2 = HEAD_RE.match(bare, gloss.start())
    if m2 is None:
        return None
    sp = _named_by_head(bare, m2, end - cut, before, {p.end: p for p in before})
    if sp is None or not sp.how or sp.start >= gloss.start():
        return sp if sp is None or not sp.how else None
    name = sp.canonical or sp.text
    return replace(sp, end=sp.end + cut, text=text[sp.start : sp.end + cut], canonical=name)


def _with_national(national: list[Span], out: list[Span]) -> list[Span]:
    """The central bodies (民政部, 中宣部) over what the heads read of the same words, unless a
    longer name holds one; one that opens a local body's name (国家税务总局|某市税务局) is the
    start of that name."""
    for n in national:
        # one pass over the named bodies: one holding n's words in a longer name, else the
        # first opening where n ends
        held, local = False, None
        for o in out:
            if o.how == "org-generic":
                continue
            if o.start <= n.start and n.end <= o.end and o.end - o.start > n.end - n.start:
                held = True
                break
            if local is None and o.start == n.end:
                local = o
        if held:
            continue
        if local is not None:
            name = n.text + local.text
            out = [o for o in out if o is not local] + [
                replace(local, start=n.start, text=name, canonical=n.text + (local.canonical or local.text))]
            continue
        out = [o for o in out if not (o.start < n.end and n.start < o.end)] + [n]
    return out


#: workrooms named in quotes whole (“某某调解室”): bodies, as teams are
_WORKROOMS = frozenset({"工作室", "调解室"})


#: a practice's head right after a closing quote (“某某”模式, “某某”工作法)
_PRACTICE_HEAD_AFTER = re.compile("(?:模式|机制|工作法|经验|做法|品牌|路径|体系)")


def _quoted_team(text: str, m: re.Match) -> Span | None:
    """组建“马背宣讲团”, 组建“某某物业公司”: a team or a company named in quotes whole is a
    body, not a practice."""
    h_start = m.start()
    o = text.rfind("“", 0, h_start)
    if text[m.end() : m.end() + 1] == "”" and _PRACTICE_HEAD_AFTER.match(text, m.end() + 1):
        return None  # “党支部领办合作社”模式: a practice named after a body, not the body
    if o >= 0 and _FORMULA.search(text, o, h_start):
        return None  # “支部+农户+合作社”: a formula of who works together, a practice, no body
    if (m.group() in L.TEAM_HEADS or m.group() in COMPANY_HEADS or m.group() in _WORKROOMS) and text[m.end() : m.end() + 1] == "”" \
            and 2 <= h_start - o - 1 <= (8 if m.group() in L.TEAM_HEADS else 12):
        return Span(o, m.end() + 1, text[o : m.end() + 1], "Organization", "org-quoted", conf("org-quoted"),
                    head=m.group(), canonical=text[o + 1 : m.end()])
    return None


#: the fixed patterns of :func:`_near_place`, compiled once (not looked up at every call)
_NEAR_PLACE_RE1 = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z·“”]")
_NEAR_PLACE_RE2 = re.compile(r"[任在到为是]|[一几首][家个所座支处间]")  # (某县一家|社区卫生服务中心: one of a kind, no name)


def _near_place(text: str, h_start: int, places: list[Span], firm: bool = False) -> Span | None:
    """The nearest place before the head, with only name characters between (a ``firm``'s
    brand may open with 和 right after its region or city: 内蒙古|和某建筑工程有限公司)."""
    near = None
    place_starts = {q.start for q in places} if firm else set()
    for p in places:
        gap = text[p.end : h_start]
        a = p.end + 1 if firm and gap[:1] == "和" and p.type in _BRAND_REGIONS and p.end + 1 not in place_starts else p.end
        k = gap.find("和")
        # 某旗|安居和|物业服务有限公司: a brand holding 和 right after its region, then the firm's trade
        brand_he = firm and p.type in _BRAND_REGIONS and 1 <= k <= 3 and len(gap) - k > 2 \
            and all(is_cjk(c) and c not in L.ORG_STOP for c in gap[:k]) and not any(p.end < q < h_start for q in place_starts)
        if p.end <= h_start and len(gap) <= 20 and len(_noun_phrases_out(gap)) <= 12 and not _NEAR_PLACE_RE1.search(gap) \
                and not _HEAD_THEN_JOIN.search(gap) \
                and not _NEAR_PLACE_RE2.match(gap) and not _body_acts_between(text, a, h_start) \
                and (_nameish(text, a, h_start, firm and p.type in _BRAND_REGIONS)
                     or brand_he and _nameish(text, p.end + k + 1, h_start)) and not TITLE_RE.search(gap) \
                and not any(g in _noun_phrases_out(gap) for g in _CONNECTORS if len(g) > 1) \
                and not _preposition_in(text, a, h_start):
            if near is None or p.end > near.end:
                near = p
    if near is not None and not any(q.start >= near.end and q.end <= h_start for q in places):
        return near
    return None


#: the places a firm's brand may follow right after with 和 (内蒙古|和某, 某市|和某)
_BRAND_REGIONS = frozenset({"Province", "City", "County"})


#: a body's head and a conjunction, a joining verb or a copula (某某司法所和|某某律师事务所, 某县委政法委会同|
#: 县司法局, 某某有限公司是|联络站的结对企业): two bodies joined or one said to be another's, no one name
_HEAD_THEN_JOIN = re.compile("(?:" + HEAD_RE.pattern + ")(?:[和与及是]|" + "|".join(L.JOINING_VERBS) + ")")


def _noun_phrases_out(gap: str) -> str:
    """``gap`` without the nouns that hold a verb (经济组织: 组织 joins no one there)."""
    for w in L.BODY_NOUN_PHRASES:
        if w in gap:
            gap = gap.replace(w, "")
    return gap


def _preposition_in(text: str, a: int, b: int) -> bool:
    """Does a preposition stand between ``a`` and ``b``, in a word of no dictionary (某镇党委|以村
    党支部为核心: jieba's 以村 is a guess)?"""
    return any(_PREPOSITION.search(text, s, e) and jieba_tag(text[s:e]) is None
               for s, e, _ in tokens(text) if a <= s < b)


#: prepositions that open no part of a body's name
_PREPOSITION = re.compile("[以把将被向从由距]")


def _body_acts_between(text: str, a: int, b: int) -> bool:
    """Does a body's head and a verb stand between ``a`` and ``b`` (某村党支部领办|某合作社:
    the party branch runs the cooperative, whose name the place does not open)?"""
    gap = text[a:b]
    h = HEAD_RE.search(gap)
    return h is not None and any(text[a + s : a + e] in L.NAME_BREAK_VERBS
                                 for s, e, _ in tokens(gap) if s >= h.end())


#: the fixed patterns of :func:`_quoted_start`, compiled once (not looked up at every call)
_QUOTED_START_RE1 = re.compile(r"[。!?,，、]")
_QUOTED_START_RE2 = re.compile(r"[\u4e00-\u9fff]{2}")
_QUOTED_START_RE3 = re.compile(r"[\u4e00-\u9fff]{0,6}")
_QUOTED_START_RE4 = re.compile(r"[与和及或同被把将在让给向对从已曾也都还又等]|组成|构成")  # (“五老”人员等组成的|某某会: who make it up)
_QUOTED_START_RE5 = re.compile(r"[即是为指]")


#: what a quoted formula holds and a name does not (“常驻+轮驻+随驻”方式入驻某中心)
_FORMULA = re.compile(r"[+＋]")


def _verb_between(text: str, a: int, b: int) -> bool:
    """Does a verb stand between ``a`` and ``b``: one that ends a name (担任, 成立), or a verb of
    one character that jieba reads as a word of its own (搭|起)?  A body's descriptors hold
    none (“某某”|搭起|政府, “两委”成员|担任|小区党支部)."""
    starts, ends = token_bounds(text)
    toks = tokens(text)
    for k in range(bisect_left(starts, a), len(toks)):
        ts, te, flag = toks[k]
        if te > b:
            break
        if text[ts:te] in L.NAME_BREAK_VERBS or (te - ts == 1 and flag == "v"):
            return True
    return False


def _quoted_start(text: str, h_start: int, s: int) -> int:
    """“稳岗就业”联合党员攻坚队: the name starts after a quote a few descriptors before the head."""
    q = text.rfind("”", max(0, h_start - 7), h_start)
    o = text.rfind("“", 0, q) if q >= 0 else -1
    if (
        q >= 0 and 0 <= o and q - o <= 13 and not _QUOTED_START_RE1.search(text[o:q]) and not _FORMULA.search(text, o, q)
        and _QUOTED_START_RE2.search(text[o:q])
        and _QUOTED_START_RE3.fullmatch(text[q + 1 : h_start])
        and not _QUOTED_START_RE4.search(text[q + 1 : h_start])  # “两委”成员与业委会: two bodies
        and not _QUOTED_START_RE5.match(text[q + 1 : h_start])
        and not _verb_between(text, q + 1, h_start)  # “某某组”纳入|边境嘎查党支部: the verb ends the name
    ):
        return q + 1
    return s


#: the fixed patterns of :func:`_name_start`, compiled once (not looked up at every call)
_NAME_START_RE1 = re.compile(r"[。!?,，、]")
_NAME_START_RE2 = re.compile(r"[\u4e00-\u9fff]{2}")


def _name_start(text: str, m: re.Match, places: list[Span], place_end: dict[int, Span]
                ) -> tuple[int, Span | None, bool]:
    """Where the name between its place (or its left edge) and the head starts: (that
    position, the place the name opens with, whether a quoted name opens it)."""
    h_start = m.start()
    firm = m.group() in COMPANY_HEADS
    near = _near_place(text, h_start, places, firm)
    if near is not None:
        return near.end, near, False
    s = _quoted_start(text, h_start, left_name_start(text, h_start, max_len=14, loose=firm, firm=firm))
    s = _after_kind_of_firm(text, s, h_start, firm)
    if s > 0 and text[s - 1] == "”":
        # a quoted name before the head: “科技助农”党员攻坚队 (but “1”即街道党工委
        # explains a formula)
        o = text.rfind("“", 0, s - 1)
        if o >= 0 and s - 1 - o <= 12 and not _NAME_START_RE1.search(text[o : s - 1]) \
                and _NAME_START_RE2.search(text[o : s - 1]) and not _verb_between(text, s, h_start):
            return o, place_end.get(o), True
    return s, None, False


#: a kind of firm written before a firm's own name (合作企业|某某物业服务有限公司, 驻镇企业|某某
#:焦化有限公司党委): a description, no part of the name
_KIND_OF_FIRM = "企业"
#: what a firm's trade opens with right after 企业 (某某企业管理有限公司): the name's, no description
_FIRM_TRADES = ("管理", "服务", "发展", "咨询", "孵化", "集团")
#: a firm's head inside a body's name (某某有限公司党委)
_FIRM_HEAD_INSIDE = re.compile("(?:" + "|".join(map(re.escape, sorted(COMPANY_HEADS, key=len, reverse=True))) + ")")


def _after_kind_of_firm(text: str, s: int, h_start: int, firm: bool) -> int:
    """Where a firm's own name starts after a kind of firm written before it (某某企业|某某有限公司):
    right after the last 企业 that jieba reads as a word of its own, with four characters or more
    between it and the head, where a firm's name follows (the head is a firm's, or one stands
    inside the body's name)."""
    k = text.rfind(_KIND_OF_FIRM, s, h_start)
    if k < 0 or h_start - (k + 2) < 4 or text.startswith(_FIRM_TRADES, k + 2):
        return s
    starts, ends = token_bounds(text)
    if k not in starts or k + 2 not in ends:
        return s  # 中小企业|融资担保有限公司: 企业 inside a longer word of jieba's is the name's
    if not firm and _FIRM_HEAD_INSIDE.search(text, k + 2, h_start) is None:
        return s
    return k + 2


#: a preposition or a verb jieba glues into the words before a body named by its kind of place
#: or by its head alone (听县|林业局, 夜校由村|党支部, 嘎查查距|法庭, 议定后报|村党委, 您当|嘎查党支部),
#: or a department of a level's committee (情况报|县委组织部备案): no name runs over it
_GLUED_BEFORE_KIND = re.compile(r"[由距离听向对到为在把被让给从以将报当]((?:嘎查|社区|街道|苏木|[县旗区市盟镇乡村]|[县旗区市盟]委)?)$")
#: a verb joining bodies before a level's character (并联合|镇农业服务中心; 联合镇 is also a town's name)
_JOINING_BEFORE_LEVEL = re.compile("(?:" + "|".join(L.JOINING_VERBS) + ")(?=[县旗区市盟镇乡村])")


def _glued_word_end(text: str, start: int, h_start: int) -> int:
    """Where a body's name starts after a preposition or verb read into its words (see
    :data:`_GLUED_BEFORE_KIND`), or ``start`` where none is."""
    g = _GLUED_BEFORE_KIND.search(text, start, h_start)
    if g is not None and g.end() == h_start:
        return g.start() + 1
    j = _JOINING_BEFORE_LEVEL.match(text, start)
    if j is not None and start > 0 and text[start - 1] in L.NAME_END_CHARS:
        return j.end()
    return start



#: no span, but the head's name is taken (a body of two levels, a name too short to be one)
_TAKEN = Span(0, 0, "", "Organization", "")


#: the fixed patterns of :func:`_named_by_head`, compiled once (not looked up at every call)
_NAMED_BY_HEAD_RE1 = re.compile(r"[原新老前现](?:物业|服务|运营)?")


def _verb_then_kind(part: str) -> str:
    """The kind of place after a verb of jieba's between a place and a body's head (某镇|召集|镇|
    司法所: 镇), or ''."""
    kind = next((k for k in _LEVEL_KINDS if part.endswith(k)), "")
    verb = part[: len(part) - len(kind)]
    return kind if kind and len(verb) == 2 and (jieba_tag(verb) or "").startswith("v") else ""


#: the kinds of place a body named by its kind opens with (镇|司法所, 街道|综治中心)
_LEVEL_KINDS = ("街道", "社区", "苏木", "嘎查", "镇", "乡", "村", "县", "旗", "区", "市")
#: a count of people between a place and a body's head (某小区一位|业委会成员, 两名|村委会委员)
_COUNT_OF_MEMBERS = re.compile(r"[0-9一二两三四五六七八九十几多]+[位名个]")


def _named_by_head(text: str, m: re.Match, end: int, places: list[Span], place_end: dict[int, Span]) -> Span | None:
    """The body whose head is ``m`` and whose name ends at ``end``; None where there is
    no name, :data:`_TAKEN` where the words are taken but name no body."""
    h_start = m.start()
    s, near, quoted = _name_start(text, m, places, place_end)
    start = _chain_start(near.start if near is not None else s, place_end)
    if (glued := _glued_word_end(text, start, h_start)) > start:
        s, near, start = glued, None, glued  # 听|县林业局, 夜校由|村党支部, 嘎查距|法庭, 并联合|镇某某中心
    name = text[start:end]
    if not name or len(name) > 40:
        return None
    posts = list(LEAD_TITLE_RE.finditer(text, s, h_start))
    if posts and not (near is None and quoted):
        # 镶黄旗委书记组织部: a post between place and head; the body is the head's kind
        s, near, start = posts[-1].end(), None, posts[-1].end()
        if (held := name_after(text, s)) is not None and held[1] < h_start:
            s = start = h_start  # 第一书记某某|帮合作社: the post's holder, then the body of its kind
    part = text[s:h_start].replace("“", "").replace("”", "")  # the name between place and head
    placed = near is not None or start < s
    if placed and _COUNT_OF_MEMBERS.fullmatch(part):
        return _TAKEN  # 某小区一位|业委会成员: one of a body's members, no body named
    if (kind := _verb_then_kind(part)) and (placed or part[: len(part) - len(kind)] in L.JOINING_VERBS):
        # 某镇召集|镇司法所、派出所: the place acts on its own body named by its kind
        g0 = h_start - len(kind)
        return Span(g0, end, text[g0:end], "Organization", "org-generic", conf("org-generic"), head=m.group())
    if placed and _NAMED_BY_HEAD_RE1.fullmatch(part):
        # 某小区原物业公司: the compound's former company, a kind of body
        return Span(h_start, end, text[h_start:end], "Organization", "org-generic", conf("org-generic"), head=m.group())
    if _LEVELS.search(part) or part.endswith(_COLLECTIVE_KINDS):
        return _TAKEN  # 旗县区两级党委, 某县镇两级党委, 全旗乡镇党委: bodies of two levels or of every township, not one body
    if m.group() in _PARTNER_HEADS and part.endswith("委"):
        # 镇党委政府: the government named with the committee before it, a body of its own
        return Span(h_start, end, text[h_start:end], "Organization", "org-generic", conf("org-generic"), head=m.group())
    if "某" in part:
        return _TAKEN  # 某镇某嘎查村委会: a body the text hides, as 某 hides a person
    canonical = name.replace("“", "").replace("”", "")
    if (join := _JOINED_LEVEL_BODY.search(part)) and _OFFICE_END.search(text, 0, s + join.start()):
        # 某县财政局和|县住建局: two bodies joined, the second named by its level alone
        start = s + join.start() + 1
        return Span(start, end, text[start:end], "Organization", "org-short", conf("org-short"), head=m.group(),
                    canonical=text[start:end])
    if placed:
        return Span(start, end, name, "Organization", "org-head", conf("org-head", "placed"), head=m.group(),
                    canonical=canonical)
    if _LEVEL_CHAR.match(part) and start == s and start > 0 and text[start - 1] not in "和及与、" \
            and segment.freq(text[start - 1 : start + 1]) >= 100:
        # 某某产业园|区某某临时党支部: the level's character ends the word before (园区), the
        # name runs on from after it
        start = s = s + 1
        name, part = text[start:end], part[1:]
        canonical = name.replace("“", "").replace("”", "")
    if _LEVEL_CHAR.match(part) and not _LEVEL_WORD.match(part):
        if start > 0 and text[start - 1] in L.EVERY:
            return _TAKEN  # 全旗|人民法庭, 各县|司法局: the bodies of that kind all over the level, not one body
        return Span(start, end, name, "Organization", "org-short", conf("org-short"), head=m.group(), canonical=name)
    return _unplaced(text, m, start, end, name, part, quoted) or _TAKEN


#: a conjunction and a level's character inside a placed body's name: 某县财政局|和县|住建局
_JOINED_LEVEL_BODY = re.compile(r"[和及与、][市旗县区盟镇乡](?=[^和及与、]*$)")
#: the last character of an office's name (某某局, 某某委, 某某中心)
_OFFICE_END = re.compile(r"(?:局|委|部|厅|院|所|办|中心|站|队|会|社|行)$")
#: the fixed patterns of :func:`_unplaced`, compiled once (not looked up at every call)
_UNPLACED_RE1 = re.compile(r"[一二两三四五六七八九十各]级")
#: a count right before a name with no place (组建4个|某某党建联盟): bodies of a kind
_COUNTED_BEFORE = re.compile(r"[0-9一二两三四五六七八九十百千万几多]+余?[个家支所]$")


#: the kinds of unit whose party body a bare kind names (物业|党支部, 协会|党支部, and a court's
#: or a bureau's by its last character: 院|党组书记、检察长某某, 局|党组)
_UNIT_KINDS = frozenset(("物业", "协会", "商会", "院", "局"))
#: a unit's own offices named by the unit's kind (局机关|党支部: the bureau's offices' branch)
_UNIT_ORGANS = frozenset(("局机关", "院机关", "委机关", "部机关"))


def _unplaced(text: str, m: re.Match, start: int, end: int, name: str, part: str, quoted: bool) -> Span | None:
    """A body with no place before its name (``name`` as first read, before a post cut it):
    a kind of body (rule ``body-kind``), or one named by its own words (一支名为“某某”的志愿服务队:
    the quoted name and its kind, the 的 between them no part of it)."""
    h_start = m.start()
    if m.group() in L.TASK_HEADS and not quoted:
        s = _task_start(text, h_start)
        if h_start - s >= 4:  # 森林防火|领导小组 (工作|领导小组 is a kind)
            task = text[s:end]
            return Span(s, end, task, "Organization", "org-head", conf("org-head"), head=m.group(), canonical=task)
    branded = (m.group() in COMPANY_HEADS and len(part) >= 3 and _has_rare_word(part)) or \
        (m.group() in L.TRADE_HEADS and len(part) >= 2 and _brand_words(part))
    if part in _UNIT_ORGANS and not quoted:
        return Span(start, end, name, "Organization", "org-generic", conf("org-generic"), head=m.group())
    if not quoted and not branded and (_generic_name_part(part) or part[:1] in L.ORG_STOP or part[:1].isdigit()
                                       or _UNPLACED_RE1.match(part) or _COUNTED_BEFORE.search(text, 0, start)):
        # (物业|党支部, 协会|党支部: a unit's kind stays, for the article's unit of that kind)
        kind = next((k for k in L.BODY_PLACE_KINDS if part.endswith(k)), "") or (part if part in _UNIT_KINDS else "")
        g0 = h_start - len(kind)
        return Span(g0, end, text[g0:end], "Organization", "org-generic", conf("org-generic"), head=m.group())
    kind = next((k for k in L.BODY_PLACE_KINDS if part.endswith(k)), "")
    verb = next((c for c in _CONNECTORS if len(c) > 1 and part.startswith(c)), "")
    if kind and not verb and len(part) == len(kind) + 2 and (jieba_tag(part[:2]) or "").startswith("v"):
        verb = part[:2]  # 依托|镇综治中心, 纳入|街道综治中心: a verb of the dictionary
    if kind and not quoted and (len(part) - len(kind) == 1 and part[0] not in L.MONGOLIAN_CHARS or part == verb + kind):
        # 听|村党支部 (jieba: 听村), 联合|社区党支部, 依托|镇综治中心: a verb before a body named
        # by its kind, no place called 听村 or 联合社区
        g0 = h_start - len(kind)
        return Span(g0, end, text[g0:end], "Organization", "org-generic", conf("org-generic"), head=m.group())
    if not part and name == m.group() and is_clause_start(text, h_start):
        # 调解室推行……: a body named by its head alone opening a clause, the article's body
        # of that kind where it has named one (the bodies stage reads which)
        return Span(h_start, end, name, "Organization", "org-generic", conf("org-generic"), head=m.group())
    if len(part) < 2 or part[0] in "级支名个位家所座批类":
        return None
    if name in L.GENERIC_ORGS:
        # a kind of body the lexicon knows (驻村工作队, 物业服务企业), not one body
        return Span(start, end, name, "Organization", "org-generic", conf("org-generic"), head=m.group())
    return Span(start, end, name, "Organization", "org-head", conf("org-head"), head=m.group(),
                canonical=name.replace("”的", "”").replace("“", "").replace("”", ""))


#: where a task's words before a leading group's head start: after 的, a verb of setting up
#: or a level's word (成立|某某与某某领导小组, 设立的|某某(某某)工作专班)
_TASK_OPENER = re.compile(r".*(?:的|了|成立|设立|组建|建立|组成|成为|牵头|分别|两级|三级|各级|[，,。；;、：:“”])")


def _task_start(text: str, h_start: int) -> int:
    """Where the task naming a leading group or a task force starts: the run of words and
    parentheses before its head, back to an opener (:data:`_TASK_OPENER`)."""
    s = h_start
    while s > 0 and h_start - s < 24 and (is_cjk(text[s - 1]) or text[s - 1] in "()（）"):
        s -= 1
    cut = _TASK_OPENER.match(text, s, h_start)
    return cut.end() if cut else s


def _departments_with_he(text: str, places: list[Span], place_end: dict[int, Span], out: list[Span]) -> list[Span]:
    """A government department whose name joins two fields with 和 (林业和草原局,
    住房和城乡建设局, 发展和改革委员会): 和 ends no name there."""
    for p in places:
        if p.type not in ("County", "City", "Province"):
            continue
        dm = _DEPT_WITH_HE.match(text, p.end)
        if dm and _HEAD_AT_END.search(dm.group(1)[: dm.group(1).index("和")]):
            continue  # 某县自然资源局和|县住建局: two bodies joined, not one department's two fields
        if dm and not any(o.start < dm.end() and p.start < o.end and o.how != "org-generic" for o in out):
            st, en = _chain_start(p.start, place_end), extend_right(text, dm.end())
            out = [o for o in out if not (st <= o.start and o.end <= en)]
            out.append(Span(st, en, text[st:en], "Organization", "org-head", conf("org-head", "joined"),
                            head=dm.group(2), canonical=text[st:en]))
    return out


_HEAD_AT_END = re.compile("(?:" + HEAD_RE.pattern + ")$")


def _senders(text: str, out: list[Span]) -> list[Span]:
    """某某局驻某某村工作队: the body that sent the team."""
    found = []
    for o in out:
        k = text.find("驻", o.start, o.end)
        if k > o.start and HEAD_RE.search(text[o.start : k]) and (h := _HEAD_AT_END.search(text[o.start : k])):
            found.append(Span(o.start, k, text[o.start : k], "Organization", "org-head", conf("org-head", "sender"),
                              head=h.group(), canonical=text[o.start : k]))
    return found


#: a level's party committee named by the level alone (县委强化……, 市委、市政府, 由旗委牵头)
_LEVEL_COMMITTEE = re.compile(r"[市旗县区盟]委")
#: the word classes that may follow it: a verb, an adverb, a particle, a conjunction or a
#: mark (not a noun: 县委|组织部, 县委书记 are another body and a post)
_AFTER_COMMITTEE = ("v", "d", "p", "u", "c", "x", "l")


_CLAUSE_END_MARK = re.compile(r"[，,。；;！!？?”]")


def in_formula(text: str, i: int) -> bool:
    """Is ``i`` inside a quoted formula of roles (“县委统揽、部门协同、……”), which
    names kinds of body, not the article's own?"""
    clause = _CLAUSE_END_MARK.search(text, i)
    rest = text[i : clause.start() if clause else len(text)]
    if "、" in rest and "部门" in rest:
        return True  # 形成县委统揽、部门协同……: roles of kinds of body
    o = text.rfind("“", 0, i)
    if o < 0 or text.rfind("”", 0, i) > o:
        return False
    c = text.find("”", i)
    return c > 0 and c - o <= 60 and "、" in text[o:c]


#: a body the sentence founds (成立了某某调解中心, 组建某某临时党支部): the verb, a first's
#: boast (全市首家, 镇里首家, 县内首个), and the name up to its head and the clause's end
_FOUNDED = re.compile(
    r"(?:成立|组建|设立|挂牌成立)(?:了|起)?(?:全?[国省区市旗县盟镇乡村][里内]?首[家个]|首[家个])?"
    r"(?P<name>[\u4e00-\u9fff]{4,16}?(?:" + "|".join(map(re.escape, sorted(
        {*L.ORG_HEADS, *L.CANDIDATE_ORG_HEADS, "化解中心", "调解中心"}, key=len, reverse=True))) + r"))(?=[，。；;,、]|$)")
#: what a founded kind of body holds, not a name: a count, a list, a pair of bodies
_FOUNDED_KIND = re.compile(r"[0-9一二两三四五六七八九十百千万几多]+[个支家批类]|[和、及与或的]|^[这那此该][支个家所座]?")


def _founded(text: str, places: list[Span], out: list[Span]) -> list[Span]:
    """A body the sentence founds, named by what it does (联合成立了某某纠纷调解工作室): a body of
    its own, though its words are everyday ones (rule ``org-head``, variant ``founded``)."""
    if "成立" not in text and "组建" not in text and "设立" not in text:
        return []
    found = []
    for m in _FOUNDED.finditer(text):
        a, b = m.span("name")
        while text[a] in "了起":
            a += 1  # 成立了|某某党支部: the particle the short name had to take (the pattern's four characters)
        name = text[a:b]
        if name in L.GENERIC_ORGS or _FOUNDED_KIND.search(name) or inside_quote(text, a) \
                or any(o.start < a < o.end or o.start < b < o.end for o in out) or any(p.start <= a < p.end for p in places):
            continue
        out[:] = [o for o in out if not (a <= o.start and o.end <= b)]  # (争议|诉调工作室: a piece of the name)
        found.append(Span(a, b, name, "Organization", "org-head", conf("org-head", "founded"), head=name[-2:], canonical=name))
    return found


def _quoted_teams(text: str, out: list[Span]) -> list[Span]:
    """组建“某某普法队”: a team named whole in quotes is a body whatever its task (rule
    ``org-quoted``), where its head is none of the lexicon's."""
    found = []
    for m in L.QUOTED_TEAM.finditer(text):
        a, b = m.span()
        if any(o.start < b and a < o.end for o in out) or _PRACTICE_HEAD_AFTER.match(text, b):
            continue  # (“某某队”模式: a practice named after a team)
        found.append(Span(a, b, m.group(), "Organization", "org-quoted", conf("org-quoted"), head="队",
                          canonical=m.group("name")))
    return found


#: the party committee of a place, and the government body named after it with its head
#: alone (某街道党工委、办事处, 某旗委、政府, 某镇党委政府)
_PARTY_HEADS = ("党工委", "党委", "旗委", "县委", "市委", "区委", "盟委")
PARTNER_BODY = re.compile(r"[、和]?(办事处|人民政府|政府|管委会)(?![\u4e00-\u9fff]{0,1}(?:办公|工作人员|部门|领导|机关|职能))")


def _partnered(text: str, places: list[Span], place_end: dict[int, Span], out: list[Span]) -> list[Span]:
    """某街道党工委、办事处: the government body listed with its place's party committee by
    its head alone is the place's too (rule ``org-head``, variant ``joined``); after a
    committee named by its level alone (旗委、政府) it is that level's (rule ``org-short``)."""
    found = []
    for o in out:
        if o.how == "org-generic" or not (o.canonical or o.text).endswith(_PARTY_HEADS):
            continue
        chain = o.start
        while chain in place_end or any(p.start == chain for p in places):
            nxt = next((p.end for p in places if p.start == chain), None)
            if nxt is None:
                break
            chain = nxt
        if chain == o.start:
            # 旗委、政府: a level's committee by its level alone and the government after it,
            # named as the committee is (the article's 旗), by its full name (人民政府)
            alone = o.start == 0 or not is_cjk(text[o.start - 1]) or text[o.start - 1] in L.NOT_IN_NAME  # (not 沿边县委)
            pm = PARTNER_BODY.match(text, o.end) if alone and _LEVEL_COMMITTEE.fullmatch(text, o.start, o.end) else None
            if pm is not None and pm.group(1) in ("政府", "人民政府") and not any(
                    x.start < pm.end() and pm.start(1) < x.end and x.how != "org-generic" for x in out):
                out[:] = [x for x in out if not (x.start < pm.end() and pm.start(1) < x.end)]  # (政府 read as a kind)
                found.append(Span(pm.start(1), pm.end(1), pm.group(1), "Organization", "org-short", conf("org-short"),
                                  head=pm.group(1), canonical=text[o.start] + "人民政府"))
            continue  # no place opens the committee's name
        pm = PARTNER_BODY.match(text, o.end)
        if pm is None or any(x.start < pm.end() and pm.start(1) < x.end and x.how != "org-generic" for x in out):
            continue
        name = text[o.start : chain] + pm.group(1)
        out[:] = [x for x in out if not (x.start < pm.end() and pm.start(1) < x.end)]  # (办事处 read as a kind)
        found.append(Span(pm.start(1), pm.end(1), pm.group(1), "Organization", "org-head", conf("org-head", "joined"),
                          head=pm.group(1), canonical=name))
    return found


#: what joins places that share one body's head (甲旗、乙旗检察院)
_PLACE_JOINS = ("、", "和", "及")


def _shared_head(text: str, places: list[Span], out: list[Span]) -> list[Span]:
    """甲旗、乙旗检察院: places of one level listed before a body's head each have that body
    (rule ``org-head``, variant ``shared``)."""
    found = []
    starts = {p.start: p for p in places}
    ends = {p.end: p for p in places}
    for o in out:
        p2 = starts.get(o.start)
        if o.how != "org-head" or p2 is None or o.text != (o.canonical or o.text) or o.start == 0:
            continue
        rest = o.text[p2.end - p2.start:]
        if not rest or any(o.start < p.start < o.end for p in places):
            continue  # a chain of places (某市某旗检察院) names one body
        at = o.start
        while at > 0 and text[at - 1] in _PLACE_JOINS and (p1 := ends.get(at - 1)) is not None and p1.type == p2.type:
            if any(x.start < p1.end and p1.start < x.end for x in out + found):
                break
            found.append(Span(p1.start, p1.end, p1.text, "Organization", "org-head", conf("org-head", "shared"),
                              head=o.head, canonical=p1.text + rest))
            at = p1.start
    return found


def _shared_level_head(text: str, out: list[Span]) -> list[Span]:
    """市、区人社局: levels listed before a short name each have that body (rule ``org-short``)."""
    found = []
    for o in out:
        if o.how != "org-short" or o.start < 2 or not _LEVEL_CHAR.match(o.text):
            continue
        at = o.start
        while at >= 2 and text[at - 1] == "、" and text[at - 2] in L.LEVEL_CHARS and text[at - 2] != o.text[0] \
                and (at < 3 or not is_cjk(text[at - 3]) or text[at - 3] in "和与及同"):
            if any(x.start < at - 1 and at - 2 < x.end for x in out):
                break
            name = text[at - 2] + o.text[1:]
            found.append(Span(at - 2, at - 1, text[at - 2], "Organization", "org-short", conf("org-short"),
                              head=o.head, canonical=name))
            at -= 2
    return found


def _seat_offices(text: str, places: list[Span], out: list[Span]) -> list[Span]:
    """某市某某街道办事处某某社区党委: the office between a place and a place in it is a body
    of its own (rule ``org-head``, variant ``placed``), named with the places before it."""
    found = []
    place_end = {p.end: p for p in places}
    starts = {p.start for p in places}
    for p in places:
        en = after_seat_office(text, p)
        if en == p.end or en not in starts:
            continue
        st = _chain_start(p.start, place_end)
        if any(o.start == st and o.end == en for o in out):
            continue
        found.append(Span(st, en, text[st:en], "Organization", "org-head", conf("org-head", "placed"),
                          head=text[p.end : en], canonical=text[st:en]))
    return found


#: a party body or a committee written after its place and 的, right before a leading
#: post (某村的党委书记, 某社区的居委会主任)
_DE_PARTY_BEFORE_POST = re.compile(r"的(?:老|原|前)?(党委|党总支|党支部|支部|党工委|居委会|村委会)(?=副?(?:书记|主任))")


def _place_de_party(text: str, places: list[Span], out: list[Span]) -> list[Span]:
    """某某村的党委书记, 某某村的老支部书记: the place's party body, written with 的 between
    (rule ``org-head``, variant ``placed``); its name is the place's and the head's (某某村党委,
    某某村党支部)."""
    found = []
    for p in places:
        if p.type not in ("Town", "Street", "Village", "Community"):
            continue
        m = _DE_PARTY_BEFORE_POST.match(text, p.end)
        if m is None or any(o.start < m.end() and m.start(1) < o.end and o.how != "org-generic" for o in out):
            continue
        head = "党支部" if m.group(1) == "支部" else m.group(1)  # 某村的老支部书记: its party branch
        found.append(Span(p.start, m.end(), text[p.start : m.end()], "Organization", "org-head",
                          conf("org-head", "placed"), head=head, canonical=p.text + head))
    return found


#: a government department written bare after a placed body and a conjunction (某县委宣传部
#: 和|文化旅游局, 某县人民法院、|检察院): its field and its kind
_BARE_DEPARTMENT = re.compile(r"[和、及与]((?:[\u4e00-\u9fff]{1,6}?局|[\u4e00-\u9fff]{0,6}?(?:人民法院|法院|人民检察院|检察院|政法委)"
                              r"|[\u4e00-\u9fff]{1,6}?(?:委员会|办)|[\u4e00-\u9fff]{1,8}?(?:党支部|党总支|党小组)))")
#: what opens another place's or another kind of name, not a bare department's field
_NOT_FIELD = re.compile(r"^(?:[市旗县区盟省乡镇村]|嘎查|苏木|社区|街道|小区|自治区|中央|国家|国务院|全国|各|本|该|两|三|有关|相关|上级)")
#: a police bureau or branch named by what stands before 公安 (某某公安分局): a place's name, no field of the body before
_PLACE_THEN_POLICE = re.compile(r"^[\u4e00-\u9fff]{2,4}公安分?局$")


def _shared_place(text: str, places: list[Span], out: list[Span]) -> list[Span]:
    """某县委宣传部和文化旅游局, 某社区第一党支部、第二党支部: a department or a branch written
    bare right after a body named with its place (or its level) and a conjunction is that
    place's (rule ``org-head`` or ``org-short``, variant ``shared-place``); it replaces the
    kind of body read there (检察院)."""
    found: list[Span] = []
    starts = {p.start: p for p in places}
    queue = list(out)
    for o in queue:  # (a body found here opens the next of its list: 甲、乙和丙)
        if o.how not in ("org-head", "org-short") or o.end >= len(text) or text[o.end] not in "和、及与":
            continue
        m = _BARE_DEPARTMENT.match(text, o.end)
        if m is None or _NOT_FIELD.match(m.group(1)) or _PLACE_THEN_POLICE.match(m.group(1)) or any(c in L.ORG_STOP for c in m.group(1)[:-1]) \
                or m.group(1).startswith("辖区") \
                or any(m.start(1) <= q < m.end(1) for q in starts) \
                or any(x.start < m.end() and m.start(1) < x.end and x.how != "org-generic"
                       and (x.start, x.end) != (m.start(1), m.end(1)) for x in out) \
                or m.end() < len(text) and is_cjk(text[m.end()]) and m.end() not in token_bounds(text)[1]:
            continue  # (the department's name ends where a word does: 某某局|的, 某某局|派员; one
            # holding a place of its own is that place's: 公安|某某|分局; 与辖区|村党支部: the
            # area's places' bodies, not the first body's place's)
        if o.how == "org-short":
            if not _LEVEL_CHAR.match(o.text):
                continue
            name, how = (o.canonical or o.text)[0] + m.group(1), "org-short"
        else:
            p = starts.get(o.start)
            opened = o.canonical[: len(o.canonical) - len(o.text)] if o.canonical and o.canonical.endswith(o.text) else ""
            if p is None and not opened:
                continue
            if p is not None:
                end = p.end
                while (q := starts.get(end)) is not None:  # a chain of places: 某市某县
                    end = q.end
                if end >= o.end:
                    continue
                opened = text[o.start:end]
            name, how = opened + m.group(1), "org-head"
        head = _HEAD_AT_END.search(m.group(1))
        sp = Span(m.start(1), m.end(1), m.group(1), "Organization", how, conf(how, "shared-place"),
                  head=head.group(0) if head else None, canonical=name)
        found.append(sp)
        queue.append(sp)
    if not found:
        return out
    return [x for x in out if not any(x.start < f.end and f.start < x.end for f in found)] + found


def _acts_after(text: str, i: int) -> bool:
    """Does a word end at ``i`` and the next one (a verb, an adverb, a particle) go on
    with what the body does (某市委|高度重视), not with a longer name or a post (某市委|常委)?"""
    starts, ends = token_bounds(text)
    k = bisect_left(ends, i)
    if k >= len(ends) or ends[k] != i:
        return False
    toks = tokens(text)
    return k + 1 < len(toks) and toks[k + 1][2].startswith(_AFTER_COMMITTEE)


def _level_committees(text: str, places: list[Span], out: list[Span]) -> list[Span]:
    """县委, 旗委, 市委 written alone, a word of their own: the committee of the article's
    county (banner, city), read as a short name (rule ``org-short``)."""
    if "委" not in text:
        return []
    found = []
    toks = tokens(text)
    for k, (a, b, _flag) in enumerate(toks):
        if b - a == 3 and text[b - 1] == "副" and _LEVEL_COMMITTEE.fullmatch(text, a, b - 1) \
                and LEAD_TITLE_RE.match(text, b - 1) is not None:
            b -= 1  # 旗委副|书记 (jieba): the committee, then its deputy's post
        elif b - a != 2 or not _LEVEL_COMMITTEE.fullmatch(text, a, b):
            continue
        partner = k + 1 < len(toks) and text[toks[k + 1][0] : toks[k + 1][1]] in _PARTNER_HEADS  # 县委政府
        post = LEAD_TITLE_RE.match(text, b) is not None  # 县委|副|书记: jieba cuts the post after the committee
        if k + 1 < len(toks) and not toks[k + 1][2].startswith(_AFTER_COMMITTEE) and not partner and not post \
                or in_formula(text, a):
            continue
        if any(p.start < b and a <= p.end for p in places) or any(o.start < b and a < o.end for o in out):
            continue  # inside or right after a place's name (某某市委: a division's committee), or a body's
        found.append(Span(a, b, text[a:b], "Organization", "org-short", conf("org-short"), head="委", canonical=text[a:b]))
    return found


def _division_committees(text: str, places: list[Span], place_end: dict[int, Span], out: list[Span]) -> list[Span]:
    """A county's, city's or region's party committee: 昆都仑区委, 镶黄旗委, and 某县委 before
    its secretary's post (某县委书记某某 leads the committee: the text names the body)."""
    found = []
    for p in places:
        if p.type in ("County", "City", "Province") and text[p.end : p.end + 1] == "委":
            nxt = text[p.end + 1 : p.end + 2]
            if (not nxt or not is_cjk(nxt) or nxt in "、和及与" or _acts_after(text, p.end + 1)
                    or text.startswith("以", p.end + 1)  # 某县委以……为抓手 (jieba: 某县|委以)
                    or (t := LEAD_TITLE_RE.match(text, p.end + 1)) and not HEAD_RE.match(text, t.end())) \
                    and not any(o.start <= p.start < o.end for o in out + found):
                st = _chain_start(p.start, place_end)
                if (league := _YOUTH_LEAGUE.search(text, max(0, st - 4), st)) is not None:
                    st = league.start()  # 共青团某市委, 团某县委: the Youth League's committee, not the party's
                found.append(Span(st, p.end + 1, text[st : p.end + 1], "Organization", "org-head",
                                  conf("org-head", "committee"), head="委", canonical=text[st : p.end + 1]))
    return found


#: the Communist Youth League before a division's committee (共青团某市委, 团某县委; not 集团, 社团)
_YOUTH_LEAGUE = re.compile(r"(?:共青团|(?<![集社剧乐兵军师营连商财])团)$")
