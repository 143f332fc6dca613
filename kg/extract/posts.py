"""Which body (or place) a post belongs to: the ``leads`` facts read from a person's posts.

光明社区党委书记、居委会主任孙丽娟 leads both bodies; 公司党支部书记、经理某某 leads the
company too; 组织部长某某 the department the post names; 队长某某 the team the article last
named; 某某同时担任某居委会主任 the body named after the name.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Mention, PostSlot
from . import lexicon as L
from .clauses import is_clause_start
from .context import body_by_its_end, contextual_org, recent_in_article, recent_org, sibling_body
from .rules import conf
from .sentence import SentenceView
from .spans import Span
from .state import DocState, evidence

TITLES_RE = "|".join(map(re.escape, L.LEAD_TITLES))
#: a post that stands before another in a list: "……党委书记、居委会主任王建华"
TITLE_LIST = re.compile(f"({TITLES_RE})、$")
#: a post before another whose body the text names by a word no body is read from (镇党委书记、
#: 人大主席某某: the town's committee is still led; 某村第一书记、驻村工作队队长某某: the village)
TITLE_LIST_OVER = re.compile(f"({TITLES_RE})、(?:人大|政协|工会|妇联|团委|纪委|武装部|(?:驻村|帮扶|驻村帮扶)?工作队)$")
#: what may qualify a plain role listed after a leading post: 退休|干部, 政法|委员, 人大|代表
_ROLE_QUALIFIERS = ("退休", "离退休", "原", "老", "在职", "兼职", "政法", "组织", "宣传", "纪检", "统战", "武装",
                    "党委", "支部", "人大", "政协", "党代会", "一级", "二级", "三级", "四级")
#: a leading post before a plain role of the same person: 队长、退休干部, 党委副书记、政法委员
_TITLE_BEFORE_ROLE = re.compile(f"({TITLES_RE})、(?:{'|'.join(_ROLE_QUALIFIERS)})?$")
#: the ranks and seats a list of one person's posts may hold between two leading posts
#: (镇党委副书记、政法委员、综治中心主任某某: the secretary's post is the same person's)
_SEATS = ("委员", "常委", "代表", "调研员", "主任科员")
#: a leading post, then such a seat, before the next post of the list
_TITLE_LIST_OVER_SEAT = re.compile(f"({TITLES_RE})、(?:{'|'.join(_ROLE_QUALIFIERS)})?(?:{'|'.join(_SEATS)})、$")
#: a post taken on after the name: 同时担任某某居委会主任, 回村担任某村党支部书记
_LATER_POST = re.compile(r"(?:同时|还|也|并)?(?:回村|回乡|返乡|返村|回到村里|回到家乡)?(?:担任|兼任|出任|接任|当选为?|任(?=联合|临时|功能型))"
                         r"(?P<body>[^,，。;；、]{2,30}?)(?P<title>" + TITLES_RE + ")")
#: a body's kind taken as a post's body after 担任 (担任支部书记, 担任业委会主任) → the endings of the
#: names of the bodies of that kind
_BARE_KIND_ENDS = {"支部": ("支部",), "党支部": ("党支部",), "党总支": ("党总支",), "党委": ("党委",),
                   "联合党委": ("联合党委",), "联合党支部": ("联合党支部",), "联合党总支": ("联合党总支",),
                   "临时党支部": ("临时党支部",), "联盟": ("联盟",),
                   "业委会": ("业委会", "业主委员会"), "居委会": ("居委会", "居民委员会"), "村委会": ("村委会", "村民委员会")}
#: a body named by its place's kind (村党支部, 嘎查党支部, 社区党委), taken as a post's body after 当选
_OF_A_LEVEL = re.compile("(?:" + "|".join(sorted((k for k, _ in L.KIND_LEVELS), key=len, reverse=True)) + ")(?:"
                         + "|".join(sorted(L.BODY_HEADS, key=len, reverse=True)) + ")")
#: a team named by its kind, opening the clause before its head's bare title
_TEAM_BEFORE = re.compile("(?:" + "|".join(L.TEAM_KINDS) + ")$")
#: the bodies named by their kind that a list of posts reads with its other body's place (社区党委
#: 书记、居委会主任: the community's 居委会)
_SIBLING_KINDS = frozenset(("居委会", "村委会"))
#: posts a list may hold before the name, at most
_MAX_POSTS = 4

#: (span, mention, the words between the body and the post) of a post's holder
Holder = tuple[Span, Mention, str]


#: the fixed patterns of :func:`holder_of`, compiled once (not looked up at every call)
#: what ends the words between a body and a post: punctuation, or a verb of sending (某局选派的
#: 驻村第一书记: the body that sent the secretary, not the one the post is of)
_HOLDER_OF_RE1 = re.compile(r"[,，。;；、:：]|选派|派驻|下派|委派|选调|派出")


#: the last character of a body's head that a post right after it may share (某某司法所长 for 司法所所长)
_SHARED_HEAD_CHAR = frozenset("所站队庭院")


def _shares_head(o: Span, text: str, pos: int) -> bool:
    """Does the body's name end inside the title that starts at ``pos``, its head's last
    characters the title's first (某某司法所|长 read as 所长, 某村党总支|书记 as 总支书记)?"""
    k = o.end - pos
    if not 0 < k <= 2 or o.start >= pos:
        return False
    shared = text[pos : o.end]
    if k == 1:
        return text[pos] in _SHARED_HEAD_CHAR
    # (某医院党总支|书记: the span's head may be the unit's, 医院, its party body's name after it)
    return (o.head or "").endswith(shared) or any(o.text.endswith(h) and h.endswith(shared) for h in L.PARTY_BODIES)


#: a reference to a place before a body named by its kind: 该村|党委, 本社区|居委会
_REFERENCE_BEFORE = re.compile("[该本此]("
                               + "|".join(k for k, _ in sorted(L.KIND_LEVELS, key=lambda t: -len(t[0]))) + ")$")


#: a seat in a level's committee right before a department's post (市委常委、|政法委书记): the
#: department is that level's committee's
_SEAT_BEFORE = re.compile(r"([市旗县区盟])委(?:常委|委员|副书记)、$")


def holder_of(st: DocState, view: SentenceView, pos: int) -> Holder | None:
    """The body (or place) whose post starts at ``pos``: the nearest one ending right
    before it, with at most a qualifier between (专职, “一肩挑”).  A body named by its
    kind alone (居委会) is read in context only when it is the nearest."""
    text = view.text
    cands: list[tuple[Span, Mention | None, int]] = [(o, m, 0) for o, m in view.org_mentions]
    cands += [(g, None, 1) for g in view.generic]
    cands += [(p, m, 2) for p, m in view.named_places()]
    best = None
    for o, m, rank in cands:
        end = pos if _shares_head(o, text, pos) else o.end  # 司法所|长, 党总支|书记: the body's head ends the title's start
        gap = text[end:pos]
        if end > pos or len(gap) > 6 or _HOLDER_OF_RE1.search(gap):
            continue
        if best is None or (end, -rank) > (best[3], -best[2]):
            best = (o, m, rank, end)
    if best is None:
        return None
    o, m, _, end = best
    if m is None:
        if (ref := _REFERENCE_BEFORE.search(text, max(0, o.start - 4), o.start)) is not None and o.text in L.BODY_HEADS:
            # 该村|党委书记某某: the body of the place the reference stands for (the article's
            # latest village), not the latest body of that kind (某镇党委)
            o = dataclasses.replace(o, start=ref.start(1), text=ref.group(1) + o.text)
        at = (view.sent.index, view.sent.span(o.start, o.end)[0])
        by_end = body_by_its_end(st, text, o, at)
        seat = _SEAT_BEFORE.search(text, max(0, o.start - 6), o.start)
        found = by_end[:2] if by_end else contextual_org(st, o, post=True, at=at, seat=seat.group(1) if seat else None)
        if not found:
            return None
        m = st.mention(view.sent, o, "Organization", found[0], confidence=conf("org-generic", "post"))
        m.place = found[1]
    return o, m, text[end:pos]


def post_role(o: Span, holder: Mention, gap: str, title: str, pos: int | None = None) -> str:
    """The post as written: the body's head, what stands between, the title (党委副书记);
    where the title, at ``pos``, starts inside the body's name, once (司法所长, 党总支书记)."""
    head = o.head or "" if holder.type == "Organization" else ""
    shared = max(0, o.end - pos) if pos is not None and head else 0
    return (head + gap + title[shared:]).strip()


def post_leads(st: DocState, view: SentenceView, sp: Span, pm: Mention, at: int | None = None) -> None:
    """Person → the body (or place) whose post stands right before the name, for each
    post of a list: 光明社区党委书记、居委会主任孙丽娟 leads both; ``at``: where the post
    ``sp.role`` starts when something stands between it and the name (a profile's 由某某担任)."""
    text = view.text
    pos, title = (sp.start - len(sp.role) if at is None else at), sp.role
    if title not in L.LEAD_TITLES:
        # 志愿服务队队长、退休干部某某: a leading post listed before a plain role; 驻村第一书记、
        # 某局干部某某: before the unit the holder works for and the role there
        mt = _TITLE_BEFORE_ROLE.search(text[:pos])
        unit = next((o for o, _ in view.org_mentions if o.end == pos), None) if not mt else None
        if unit is not None:
            mt = _TITLE_BEFORE_ROLE.search(text[: unit.start])
        if not mt:
            return
        pos, title = mt.start(1), mt.group(1)
    if at is None and text[pos : sp.start] != title and text[pos - 1 : sp.start - 1] == title and text[sp.start - 1] == "的":
        pos -= 1  # "担任村委会主任的王某某": the post, 的, then the name
    if title in L.DEPARTMENT_CHIEFS and holder_of(st, view, pos) is None:
        _department_chief(st, view, pos, title, sp, pm)
        return
    if title == "第一书记" and holder_of(st, view, pos) is None and _stationed(st, view, sp, pm):
        return
    first = pos
    unread: list[tuple[Span, int, str]] = []  # bodies named by their kind that no context resolved
    places: list[str] = []  # the places of the list's bodies that were resolved
    for _ in range(_MAX_POSTS):
        hit = holder_of(st, view, pos)
        if hit is None and title == "第一书记" and pos != first and _stationed(st, view, sp, pm):
            break  # 第一书记、工作队队长某某来到某村: the village the list's first post is of
        bare = next((g for g in view.generic if g.end == pos and g.text in _SIBLING_KINDS), None) if hit is None else None
        if bare is not None:
            unread.append((bare, pos, title))  # 社区党委书记、居委会|主任: read with the list's other body
            before = bare.start
        elif hit is None and _deputy_head(st, view, pos, title, sp, pm):
            before = pos
        elif hit is None:
            # 公司党支部书记、经理某某: the head's post has no body of its own; the
            # party post before it still names one
            _unit_head(st, view, pos, title, sp, pm)
            _team_head(st, view, pos, title, sp, pm)
            _place_head(st, view, pos, title, sp, pm)
            before = pos
        else:
            o, m, gap = hit
            st.relation(view.sent, pm, "leads", m, "post", conf("post", "leads"), sp, role=post_role(o, m, gap, title, pos))
            before = o.start
            if m.place is not None:
                places.append(m.place)
        mt = TITLE_LIST.search(text[:before]) or _TITLE_LIST_OVER_SEAT.search(text[:before]) or (
            (TITLE_LIST_OVER.search(text[:before]) or _TITLE_LIST_UNIT.search(text[:before])) if hit is None else None)
        if not mt:
            break
        pos, title = mt.start(1), mt.group(1)
    for g, at, t in unread:
        found = next((f for place in places if (f := sibling_body(st, g.text, place)) is not None), None)
        if found is not None:
            gm = st.mention(view.sent, g, "Organization", found[0], confidence=conf("org-generic", "post"))
            gm.place = found[1]
            st.relation(view.sent, pm, "leads", gm, "post", conf("post", "leads"), sp, role=post_role(g, gm, "", t, at))


#: what takes a first secretary to the village they are sent to: 来到, 进驻, 驻
_STATIONED_AT = re.compile(r"(?:来到|到了|到|进驻|驻|走进)")
#: the kinds of place a first secretary is sent to
_STATION_TYPES = ("Village", "Community")


def _stationed(st: DocState, view: SentenceView, sp: Span, pm: Mention) -> bool:
    """驻村第一书记某某来到某村: a first secretary named with no body before the post leads the
    village the clause sends them to (rule ``post``, variant ``stationed``)."""
    text = view.text
    m = _STATIONED_AT.match(text, sp.end)
    if m is None:
        # 在某村，驻村第一书记某某……: the village the sentence opens on; else 驻村第一书记某某, 某局
        # 选派的第一书记某某: the village the article has named last
        last = view.scene(sp.start)
        if last is None:
            found = recent_in_article(st, _STATION_TYPES, at=(view.sent.index, view.sent.span(sp.start, sp.end)[0]))
            last = st.by_id[found[0]] if found else None
        if last is None or last.type not in _STATION_TYPES:
            return False
        st.relation(view.sent, pm, "leads", last, "post", conf("post", "stationed"), sp, role="第一书记")
        return True
    chain = [(p, pm2) for p, pm2 in view.named_places() if p.start >= m.end()]
    at, last = m.end(), None
    for p, place in sorted(chain, key=lambda t: t[0].start):
        if p.start != at:
            break
        at, last = p.end, place
    if last is None or last.type not in _STATION_TYPES:
        return False
    st.relation(view.sent, pm, "leads", last, "post", conf("post", "stationed"), sp, role="第一书记")
    return True


#: sent to a place to take a post there: 某某(被)选派到|某村|担任第一书记
_SENT_AS = re.compile(r"(?:被|由)?(?:组织)?(?:委派|选派|派驻|下派|选调|派)(?:到|至|驻)?")
_AS_FIRST_SECRETARY = re.compile(r"(?:担任|出任|任|当)[“‘\"]?(?:驻村)?第一书记")


def sent_as_first_secretary(text: str, end: int, places: list[tuple[int, int, Mention]]) -> Mention | None:
    """某某被选派到某镇某村担任第一书记: the village (or community) closing the chain of
    places the name, ending at ``end``, is sent to, where the clause has it take that post
    (rule ``post``, variant ``sent``); ``places``: (start, end, mention) of the sentence's places."""
    m = _SENT_AS.match(text, end)
    if m is None:
        return None
    at, last = m.end(), None
    for a, b, place in sorted(places, key=lambda t: (t[0], -t[1])):
        if a < at:
            continue
        if a != at:
            break
        at, last = b, place
    if last is None or last.type not in _STATION_TYPES or not _AS_FIRST_SECRETARY.match(text, at):
        return None
    return last


def sent_post(st: DocState, view: SentenceView, sp: Span, pm: Mention) -> None:
    """The rules' reading of :func:`sent_as_first_secretary`: the person leads that village."""
    place = sent_as_first_secretary(view.text, sp.end, [(p.start, p.end, m) for p, m in view.named_places()])
    if place is not None:
        st.relation(view.sent, pm, "leads", place, "post", conf("post", "sent"), sp, role="第一书记")


def _department_chief(st: DocState, view: SentenceView, pos: int, title: str, sp: Span, pm: Mention) -> None:
    """市委常委、组织部长杜文涛: the post names its department."""
    dept = Span(pos, pos + 2, L.DEPARTMENT_CHIEFS[title], "Organization", "post-department", conf("post-department"))
    found = contextual_org(st, dept)
    if found:
        dm = st.mention(view.sent, Span(pos, pos + len(title), title, "Organization", "post-department",
                                        conf("post-department")),
                        "Organization", found[0], confidence=conf("post-department"))
        dm.place = found[1]
        st.relation(view.sent, pm, "leads", dm, "post", conf("post", "department"), sp, role=title)


def _unit_base(st: DocState, view: SentenceView, o: Span, m: Mention, party: str, title: str) -> Mention | None:
    """The unit a party body belongs to, whose head ``title`` is: a place named before the
    party body (苏木党委 → the 苏木), or the body named before it (公司党支部 → the company)."""
    base_end = o.end - len(party) if o.text.endswith(party) else o.end
    base = next((pm for p in view.pspans if (pm := view.place_of(p)) is not None
                 and p.end == base_end and p.start >= o.start), None)
    if base is None and party == "委" and m.place is not None and st.by_id.get(m.place) is not None \
            and st.by_id[m.place].type in ("County", "City"):
        base = st.by_id[m.place]  # 区委副书记、区长某某: the district the page named, the committee said by its level
    if base is not None and base.type in ("Town", "Street", "Village", "Community", "County", "City"):
        if not title.endswith(L.PLACE_HEADS) and title not in ("主任", "副主任"):
            return None  # 村党支部书记、会计: not a head of the place
        return base
    if title.endswith(L.PLACE_HEADS):
        return None
    if m.canonical[: -len(party)].endswith(L.LOWER_PLACE_KINDS):
        return None  # 社区党委书记、主任: the place's committee, which the text does not name
    bspan = Span(o.start, base_end, view.text[o.start : base_end], "Organization", "post-unit", conf("post-unit"))
    unit = st.mention(view.sent, bspan, "Organization", m.canonical[: -len(party)], confidence=conf("post-unit"))
    unit.place = m.place
    return unit


#: a party post, then the unit's kind before its head's post: 某协会党委书记、协会|会长
_TITLE_LIST_UNIT = re.compile(f"({TITLES_RE})、(协会|商会|公司|集团|合作社|联合会|法院|检察院|公安局)$")


#: a member's post in a party body listed before a head's post (某法院党组成员、副院长某某)
_MEMBER_BEFORE = re.compile(r"(成员|委员)、$")
#: a level's party committee (某县委, 某旗委), whose level's head (县长, 旗长) heads the place
_LEVEL_COMMITTEE_END = re.compile(r"[县旗市区]委$")


def _unit_head(st: DocState, view: SentenceView, pos: int, title: str, sp: Span, pm: Mention) -> None:
    """公司党支部书记、副总经理某某, 检察院党组书记、检察长某某, 苏木党委副书记、苏木长某某,
    某县委副书记、县长某某: a head's post after a party post, with no body of its own, is a post
    in the unit the party body belongs to (the company, the procuratorate, the 苏木 or the
    county itself)."""
    mt = TITLE_LIST.search(view.text[:pos]) or _TITLE_LIST_UNIT.search(view.text[:pos]) \
        or _MEMBER_BEFORE.search(view.text[:pos])
    if not mt or title not in L.UNIT_HEADS:
        return
    prev = holder_of(st, view, mt.start(1))
    if prev is None or prev[1].type != "Organization":
        return
    o, m, _ = prev
    if mt.re is _TITLE_LIST_UNIT and not any(m.canonical.endswith(mt.group(2) + h) for h in L.PARTY_BODIES):
        return  # 某协会党委书记、协会会长: the unit's kind, named again, is the party body's unit's
    party = next((h for h in L.PARTY_BODIES if m.canonical.endswith(h) and len(m.canonical) > len(h) + 1), None)
    if party is None and _LEVEL_COMMITTEE_END.search(m.canonical) and title.endswith(m.canonical[-2] + "长"):
        party = "委"  # 某县委副书记、县长: the county's own head
    if party is None:
        return
    base = _unit_base(st, view, o, m, party, title)
    if base is not None:
        st.relation(view.sent, pm, "leads", base, "post", conf("post", "unit"), sp, role=title)


#: the head of a place's government written bare → the levels of the place it heads
_PLACE_HEAD_LEVELS = {"镇长": ("Town",), "乡长": ("Town",), "苏木长": ("Town",), "苏木达": ("Town",),
                      "旗长": ("County",), "县长": ("County",), "区长": ("County",), "嘎查达": ("Village",),
                      "嘎查长": ("Village",), "村长": ("Village",)}


def _place_head(st: DocState, view: SentenceView, pos: int, title: str, sp: Span, pm: Mention) -> None:
    """某镇党委书记某某，镇长某某陪同: the head of a place's government written bare, first of
    its clause, leads the article's one place of that level, named before it (rule ``post``,
    variant ``place-head``)."""
    levels = _PLACE_HEAD_LEVELS.get(title.removeprefix("副"))
    if levels is None or pos > 0 and view.text[pos - 1] not in _CLAUSE_OPENERS:
        return
    if len({st.keys.get(mid, name) for mid, t, name in st.recent_places if t in levels}) != 1:
        return  # two towns named: which one's head is not said
    found = recent_in_article(st, levels, (view.sent.index, view.sent.span(pos, pos + 1)[0]))
    if found is not None:
        st.relation(view.sent, pm, "leads", st.by_id[found[0]], "post", conf("post", "place-head"), sp, role=title)


#: what may stand right before a post that opens its clause (，镇长某某; 与镇长某某)
_CLAUSE_OPENERS = frozenset("，,。；;：:（(“ 与和同及")


#: what joins one holder of posts to the next in a list of people: 某某，副书记某某
_NEXT_HOLDER = frozenset("，,、和及与")


def _deputy_head(st: DocState, view: SentenceView, pos: int, title: str, sp: Span, pm: Mention) -> bool:
    """社区党委书记、居委会主任罗某，副书记、居委会副主任汤某: a deputy's bare title, right after the
    name of the list's last holder of posts, is a post in the body that holder leads by the
    same title without 副 (rule ``post``, variant ``deputy``).  Did it find that body?"""
    if not title.startswith("副") or pos < 2 or view.text[pos - 1] not in _NEXT_HOLDER:
        return False
    prev = next((pm2 for p, pm2 in reversed(view.person_mentions) if p.end == pos - 1 and pm2 is not pm), None)
    if prev is None:
        return False
    base = title[1:]
    for r in reversed(st.out.relations):
        if r.evidence.sentence != view.sent.index:
            break
        if r.subject == prev.id and r.predicate == "leads" and (r.role or "").endswith(base):
            st.relation(view.sent, pm, "leads", st.by_id[r.object], "post", conf("post", "deputy"), sp, role=title)
            return True
    return False


def _team_head(st: DocState, view: SentenceView, pos: int, title: str, sp: Span, pm: Mention) -> None:
    """”队长白福生说: a team's head named by the bare title leads the team the article
    last named (某某志愿服务队), when the title opens its clause."""
    kind = L.TEAM_HEAD_TITLES.get(title)
    if kind is None:
        return
    if not is_clause_start(view.text, pos):
        # 志愿服务队队长康某某说: the team named by its kind, opening the clause
        team = _TEAM_BEFORE.search(view.text[:pos])
        if team is None or not is_clause_start(view.text, team.start()):
            return
        kind = team.group()
    found = recent_org(st, kind)
    if found is None:
        return
    mid, name = found
    tm = st.mention(view.sent, Span(pos, pos + len(title), title, "Organization", "post-team", conf("post-team")),
                    "Organization", name, confidence=conf("post-team"))
    tm.place = st.by_id[mid].place
    st.relation(view.sent, pm, "leads", tm, "post", conf("post", "team"), sp, role=title)


#: a leading post, then a character a name may open
_POST_THEN_NAME = re.compile("(?:" + "|".join(map(re.escape, sorted(L.LEAD_TITLES, key=len, reverse=True)))
                             + r")(?=[\u4e00-\u9fff])")


def post_slots(st: DocState, view: SentenceView) -> None:
    """Each leading post the sentence's people do not follow (社区党委书记、居委会主任|某某话音
    刚落: the rules read no name there), read as the rules would read it for a name right after
    it, kept aside in :attr:`Extraction.posts` for the learned decisions: a name they read
    there takes the post's ``leads`` facts.  What the reading made is taken back out of the
    document's state, so the rules' own output is as it was."""
    text = view.text
    for mt in _POST_THEN_NAME.finditer(text):
        a, e = mt.span()
        if any(p.start <= e < p.end or p.start == e for p, _ in view.person_mentions) \
                or any(o.start <= a < o.end or o.start < e < o.end for o in view.orgs) \
                or any(p.start <= a < p.end or p.start < e < p.end for p in view.pspans):
            continue  # a name the rules read, or a post inside a body's or a place's name
        sp = Span(e, min(e + 2, len(text)), text[e : e + 2], "Person", "post", conf("post"), role=mt.group())
        name = f"{st.doc.id}:{view.sent.index}:post{e}"
        pm = Mention(name, "Person", sp.text, sp.text, evidence(st.doc, view.sent, sp, sp.how))
        made, facts = st.set_aside(name, post_leads, st, view, sp, pm)
        if facts:
            st.out.posts[f"{view.sent.index}:{e}"] = PostSlot(made, facts)


#: the fixed patterns of :func:`later_post`, compiled once (not looked up at every call)
_LATER_POST_RE1 = re.compile(r"[,，。;；、:：]")
#: the person is the post's holder: 某某是某某志愿队的队长 (the body right before the post)
_COPULA_POST = re.compile(r"(?:也|还|就|正)?是(?P<body>[^,，。;；、]{2,30}?)(?P<title>" + TITLES_RE + ")")
_COPULA_GAP = re.compile(r"[”’」]?的?")


def later_post(st: DocState, view: SentenceView, sp: Span, pm: Mention) -> None:
    """郭某某同时担任钢苑社区居委会主任, 某某是某某志愿队的队长: a post the person takes on
    (or holds) after the name."""
    text = view.text
    m = _LATER_POST.match(text, sp.end)
    copula = m is None
    if copula:
        m = _COPULA_POST.match(text, sp.end)  # 某某是社区“某某志愿队”的队长
    if m is None or m.group("title") not in L.LEAD_TITLES:
        return
    pos = m.start("title")
    named = [(o, om) for o, om in view.org_mentions if m.start("body") <= o.start and o.end <= pos
             and len(text[o.end : pos]) <= 6 and not _LATER_POST_RE1.search(text[o.end : pos])
             and (not copula or _COPULA_GAP.fullmatch(text[o.end : pos]))]
    if named:  # a body the text names (兼任党支部书记 leaves unsaid which branch)
        o, holder = max(named, key=lambda t: t[0].end)
        role = post_role(o, holder, text[o.end : pos], m.group("title"))
        st.relation(view.sent, pm, "leads", holder, "post", conf("post", "later"), sp, role=role)
        return
    kind = text[m.start("body") : pos]
    ends = _BARE_KIND_ENDS.get(kind)
    earlier = [om for o, om in view.org_mentions if o.end <= sp.start and om.canonical.endswith(ends)] if ends else []
    role = text[m.start("body") : m.end("title")]
    if not earlier and ends and kind.startswith(("联合", "临时", "功能型")):
        # 成立某某联合党委。……某某任联合党委书记: the body of that kind the article named last
        found = next((f for end in ends if (f := recent_org(st, end)) is not None), None)
        earlier = [st.by_id[found[0]]] if found is not None else []
    if earlier:
        # 成立某某联合党支部，由某某担任支部书记: the body of that kind the sentence has just named
        st.relation(view.sent, pm, "leads", earlier[-1], "post", conf("post", "later"), sp, role=role)
    elif kind in ("业委会", "居委会", "村委会") or _OF_A_LEVEL.fullmatch(kind):
        # 某小区选举产生业委会，某某当选业委会主任; 某某嘎查……，某某当选嘎查党支部书记: the
        # committee of the place the article speaks of
        body = Span(m.start("body"), pos, kind, "Organization", "org-generic", conf("org-generic"), head=kind)
        found = contextual_org(st, body, post=True, at=(view.sent.index, view.sent.span(body.start, body.end)[0]))
        if found:
            bm = st.mention(view.sent, body, "Organization", found[0], confidence=conf("org-generic", "post"))
            bm.place = found[1]
            st.relation(view.sent, pm, "leads", bm, "post", conf("post", "later"), sp, role=role)
