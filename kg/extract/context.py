"""What the article is speaking of: the place or body a short or bare name means.

A body named by its level (市国资委), by its kind (居委会, 社区党委, 组织部) or by a
reference (该县, 该院) is read against what the article named before it, kept in the
:class:`~kg.extract.state.DocState`.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

from ..gazetteer import Division
from ..model import PLACE_LEVEL, Evidence
from . import lexicon as L
from .spans import Span
from .state import DocState

#: a bare body's kind → the levels of place whose body it is
_BARE_BODY_LEVELS = {"居委会": ("Community",), "村委会": ("Village",), "党工委": ("Street",),
                     "党委": ("Community", "Town", "Street"), "党支部": ("Community", "Village"),
                     "党总支": ("Community", "Village"), "办事处": ("Street",)}
#: a short name's level word → the levels of place it stands for (市国资委, 旗委组织部)
_SHORT_LEVELS = {"市": ("City", "County"), "盟": ("City",), "旗": ("County",), "县": ("County",), "区": ("County",)}


def sibling_body(st: DocState, kind: str, place_id: str | None) -> tuple[str, str] | None:
    """A body named by its kind alone (居委会) in a list of posts whose other body is a place's
    (社区党委书记、居委会主任: the community's committee): (its full name, the place's mention id)
    where that place is of the kind's level."""
    wanted = _BARE_BODY_LEVELS.get(kind)
    place = st.by_id.get(place_id) if place_id is not None else None
    if wanted is None or place is None or place.type not in wanted:
        return None
    return place.canonical + kind, place.id


def recent(st: DocState, levels: tuple[str, ...]) -> tuple[str, str] | None:
    """(mention id, name) of the place of one of ``levels`` most recently named: in
    the article first, then anywhere before in the document."""
    for mid, t, name in chain(reversed(st.recent_places), reversed(st.doc_places.values())):
        if t in levels:
            return mid, name
    return None


def _doc_place(st: DocState, levels: tuple[str, ...]) -> tuple[str, str] | None:
    """(mention id, name) of the document's latest place of one of ``levels`` named before
    the article."""
    return next(((mid, name) for mid, t, name in reversed(st.doc_places.values()) if t in levels), None)


def recent_in_article(st: DocState, levels: tuple[str, ...], at: tuple[int, int] | None = None) -> tuple[str, str] | None:
    """(mention id, name) of the article's latest place of one of ``levels`` (named before
    ``at``, (sentence, offset), where given)."""
    for mid, t, name in _named_before(st, at):
        if t in levels:
            return mid, name
    return None


def _named_before(st: DocState, at: tuple[int, int] | None) -> list[tuple[str, str, str]]:
    """The article's places latest first, without those its sentence ``at`` names after the
    position ``at`` (a body is read against what was named before it, not after)."""
    places = list(reversed(st.recent_places))
    if at is None:
        return places
    sent, offset = at
    return [r for r in places if (ev := st.by_id[r[0]].evidence).sentence != sent or ev.start < offset]


#: what follows a unit's kind in a name of the unit or of its party body (公司, 协会党支部, 局党组, 局机关党支部)
_PARTY_OF_A_UNIT = ("", "党支部", "党总支", "党委", "党组", "机关党支部", "机关党委")


def recent_org(st: DocState, kind: str) -> tuple[str, str] | None:
    """(mention id, name) of the article's latest body whose name ends in ``kind``."""
    for mid, name in reversed(st.recent_orgs):
        if name.endswith(kind):
            return mid, name
    return None


def _recent_unit(st: DocState, kind: str) -> tuple[str, str] | None:
    """(mention id, the unit's name) of the article's latest party body of a unit whose name
    ends in ``kind`` (某局党组 → 某局), where the article named the unit only so."""
    for mid, name in reversed(st.recent_orgs):
        party = next((p for p in L.PARTY_BODIES if name.endswith(kind + p)), None)
        if party is not None:
            return mid, name[: -len(party)]
    return None


def _recent_company_of(st: DocState, trade: str) -> tuple[str, str] | None:
    """(mention id, name) of the article's latest company whose name holds ``trade`` (物业|党支部:
    the 某某物业公司 the article named)."""
    for mid, name in reversed(st.recent_orgs):
        if trade in name and name.endswith(("公司", "有限公司")):
            return mid, name
    return None


def region_province(st: DocState) -> Division | None:
    """The autonomous region the document is most about, if it is about one."""
    provinces = [(w, i) for i, w in st.region.items() if st.gaz.rows[i].type == "Province"]
    if not provinces:
        return None
    _, i = max(provinces)
    d = st.gaz.rows[i]
    return d if d.name.endswith("自治区") else None


def expand_short(st: DocState, name: str) -> tuple[str, str | None] | None:
    """市国资委 in an Urumqi article is 乌鲁木齐市国资委; 区委组织部 the district's.
    Returns the full name and the mention of the place it is named after."""
    if name.startswith("自治区"):
        if st.province is None:
            return None
        found = recent(st, ("Province",))
        return st.province.name + name[3:], found[0] if found and found[1] == st.province.name else None
    levels = _SHORT_LEVELS.get(name[:1])
    if levels is None:
        return None  # the level word is not where the name begins (a quote or a place before it)
    place = main_place(st, levels, name[0])
    if place is None:
        later = later_upper(st, levels, name[0])  # 旗司法局 before the article names its banner
        return (later + name[1:], None) if later is not None else None
    written = written_form(st, place[0], place[1], name[0])
    full = written + name[1:]
    if (court := _COURT_SHORT.match(name, 1)) is not None:
        # 县法院党组 where the page named 某县人民法院: the court by the name the page gave it
        named = written + "人民" + court.group()
        if any(n == named for _, n in st.recent_orgs):
            full = named + name[court.end():]
    return full, place[0]


#: a court or procuratorate named short after its level (县法院, 旗检察院)
_COURT_SHORT = re.compile("法院|检察院")


def _seat_department(st: DocState, seat: str, head: str, at: tuple[int, int] | None) -> tuple[str, str | None] | None:
    """The department ``head`` of the committee of the level ``seat`` (市, 旗 …): the place of
    that level named before (in the article, then the document), else the one the article names later."""
    levels = _SHORT_LEVELS[seat]
    found = next(((mid, name) for mid, t, name in _named_before(st, at) if t in levels and name.endswith(seat)), None) \
        or next(((mid, name) for mid, t, name in reversed(st.doc_places.values()) if t in levels and name.endswith(seat)), None)
    if found is not None:
        return found[1] + "委" + head, found[0]
    later = later_upper(st, levels, seat)
    return (later + "委" + head, None) if later is not None else None


def later_upper(st: DocState, levels: tuple[str, ...], level: str) -> str | None:
    """The city or county of ``levels`` (its name ending in ``level``: 旗, 县, 市) the article
    names first, anywhere in it: what a body named by its level alone belongs to where the
    article names it before its place (旗委副书记、旗长某某深入…… on a page about 某某旗)."""
    return next((n for t, n in st.article_uppers.get(st.article, ()) if t in levels and n.endswith(level)), None)


#: the readings of a place that write its name (in full or short), not a reference to it
_NAMING_READINGS = frozenset(("gazetteer", "gazetteer-alias"))


def written_form(st: DocState, mid: str, canonical: str, level: str) -> str:
    """The place ``mid`` as the page writes it most, where that form ends in the level's
    character as the full name does (科右中旗 for 科尔沁右翼中旗 on a page that writes it so: its
    旗司法局 is 科右中旗司法局, as the page's own 科右中旗委政法委 is; the annotated pages keep
    a body's place as written)."""
    key = st.keys.get(mid)
    if key is None:
        return canonical
    # the article's place mentions and the document's earlier places (not every mention made)
    forms = Counter(m.name for mid, _, _ in chain(st.doc_places.values(), st.recent_places)
                    if st.keys.get(mid) == key and (m := st.by_id.get(mid)) is not None
                    and m.evidence.extractor in _NAMING_READINGS)  # (not 全旗, 该县: references)
    best = max(sorted(forms), key=lambda f: forms[f], default=canonical)
    return best if best.endswith(level) and len(best) >= 2 and forms[best] > forms.get(canonical, 0) else canonical


def bare_short_name(st: DocState, name: str) -> bool:
    """Does a short name (区委宣传部, 区农业农村局) stand as written, the document naming no
    place of its level at all: the reader knows no more than the text says?"""
    levels = _SHORT_LEVELS.get(name[:1])
    return levels is not None and len(name) >= 4 and not any(t in levels for _, t, _ in st.recent_places) \
        and not any(ref[1] in levels for ref in st.doc_places.values())


def main_place(st: DocState, levels: tuple[str, ...], suffix: str) -> tuple[str, str] | None:
    """The place of those levels the document is most about (the gazetteer region's
    weight), the article's own places first: 市 in an Urumqi article that also names
    重庆 in passing is 乌鲁木齐市."""
    best: tuple | None = None
    named = Counter(name for _, t, name in st.recent_places if t in levels)
    for i, (mid, t, name) in enumerate(chain(st.doc_places.values(), st.recent_places)):
        if t not in levels or not name.endswith(suffix):
            continue
        row = st.place_rows.get(st.keys.get(mid, ""))
        weight = st.region.get(row.id, 0.0) if row is not None else 0.0
        local = i >= len(st.doc_places)
        # the article's own places first, the one it names most (市委 in an article about a
        # county-level city is that city's, not its prefecture's), then the region's weight
        cand = (local, named[name] if local else 0, weight, i, mid, name)
        if best is None or cand[:4] > best[:4]:
            best = cand
    return (best[4], best[5]) if best else None


def committee_name(kind: str, rest: str) -> str:
    """What follows the place's name in the name of its body named by kind and rest: the
    rest (社区|党委 → 某社区党委), but a residents' or villagers' committee keeps its whole
    name (村委会 → 某村村委会, 村民委员会 → 某村村民委员会, 居委会 → 某社区居委会), as the
    annotated pages write it."""
    if rest == "支部":
        return "党支部"  # 村支部: the village's 党支部, named short
    return kind + rest if rest in ("委会", "委员会") and kind in ("村", "村民", "居", "居民") else rest


def body_by_its_end(st: DocState, text: str, sp: Span, at: tuple[int, int] | None = None
                    ) -> tuple[str, str | None, int] | None:
    """A kind of body written after words that end the name of a body the article named
    (园区综合|党委 after 某镇某某产业园区综合党委): that body, as the end of its name names it
    (its name, the mention id of its place, where the words that name it start).  Not a bare
    kind after its sentence named another place of that kind before it (在某某嘎查，嘎查党支部:
    that place's body, :func:`contextual_org`; ``at``: where the kind is named, (sentence, offset))."""
    for k in range(min(8, sp.start), -1, -1):
        tail = text[sp.start - k : sp.end]
        if len(tail) < len(sp.text) + 2 and len(sp.text) < 4 or not all("\u4e00" <= c <= "\u9fff" for c in tail):
            continue  # (words of two characters at least before a bare head: 综合|党委, 联合党委)
        body = next(((mid, name) for mid, name in reversed(st.recent_orgs)
                     if len(name) > len(tail) and name.endswith(tail)), None)
        if body is not None and k == 0 and (_unit_named_since(st, sp.text, body[1]) or _scene_of_its_kind(st, sp, body, at)):
            return None  # 公司党支部 after another company is named: that company's (contextual_org)
        if body is not None:
            return body[1], st.by_id[body[0]].place, sp.start - k
    return None


def _scene_of_its_kind(st: DocState, sp: Span, body: tuple[str, str], at: tuple[int, int] | None) -> bool:
    """Does the sentence name, before the bare kind ``sp`` (村党支部, 社区党委), a place of that
    kind other than ``body``'s own (在某某村，村党支部与……), or has the article turned to one as
    its scene since it named ``body`` (在某某社区，…… 社区党委书记某某说)?"""
    if at is None:
        return False
    levels = next((lv for k, lv in L.KIND_LEVELS if sp.text.startswith(k) and sp.text[len(k) :] in L.BODY_HEADS), None)
    if levels is None:
        return False
    own = st.by_id[body[0]].place
    said = st.by_id[body[0]].evidence
    for mid, t, name in _named_before(st, at):
        ev = st.by_id[mid].evidence
        if ev.sentence != at[0]:
            if (ev.sentence, ev.start) < (said.sentence, said.start):
                return False  # named before the body was: the body is the later word
            if not _scene_at(st, ev):
                continue  # (named since, but in passing: not what the article turned to)
        if t in levels:
            return mid != own and name not in body[1]
    return False


def _scene_at(st: DocState, ev: Evidence) -> bool:
    """Is the place at ``ev`` named as a scene since: 在某某社区， or opening its sentence?"""
    text = st.doc.text
    opens = st.doc.sentences[ev.sentence].start
    return ev.start == opens or (text[ev.start - 1 : ev.start] == "在" and text[ev.end : ev.end + 1] in ("，", ","))


def _unit_named_since(st: DocState, head: str, body: str) -> bool:
    """Has the article named a unit of the kind that opens ``head`` (公司 of 公司党支部) since it
    last named ``body``, other than the unit of ``body`` itself?"""
    kind = next((k for k in L.BARE_BODY_KINDS if head.startswith(k)), None)
    if kind is None or head[len(kind) :] not in _PARTY_OF_A_UNIT:
        return False
    for _mid, name in reversed(st.recent_orgs):
        if name == body:
            return False
        if name.endswith(kind) and not body.startswith(name):
            return True
    return False


def contextual_org(st: DocState, sp: Span, post: bool = False, at: tuple[int, int] | None = None,
                   seat: str | None = None) -> tuple[str, str | None] | None:
    """A body named by its kind alone (居委会, 社区党委, 组织部) gets the fitting place the
    article is speaking of as its prefix: 幸福社区居委会, 苏尼特右旗委组织部.  Returns the
    full name and the mention of that place (``at``: where the body is named, (sentence,
    offset), its sentence's places after it left out)."""
    head = sp.text
    for kind, levels in L.KIND_LEVELS:
        rest = head[len(kind) :]
        if head.startswith(kind) and rest in L.BODY_HEADS:
            found = recent_in_article(st, levels, at)
            if found is None and (later := later_upper(st, levels, kind)) is not None:
                return later + committee_name(kind, rest), None  # 旗委副书记某某…… before the banner is named
            return (found[1] + committee_name(kind, rest), found[0]) if found else None
    if head in L.PARTY_DEPARTMENTS:
        if seat is not None:
            # 市委常委、政法委书记某某到某区: the department of the level of the seat named before it
            return _seat_department(st, seat, head, at)
        # 某市委常委、组织部部长某某深入某县: the department of a place named before it, not after
        found = recent(st, ("County", "City")) if at is None else (
            recent_in_article(st, ("County", "City"), at) or _doc_place(st, ("County", "City")))
        return (found[1] + "委" + head, found[0]) if found else None
    wanted = _BARE_BODY_LEVELS.get(head)
    kind = next((k for k in L.BARE_BODY_KINDS if head.startswith(k)), None)
    if kind is not None and head[len(kind) :] in _PARTY_OF_A_UNIT:
        # 公司党支部书记、经理某某, 合作社负责人某某, 公司党支部推行……: the company (or
        # cooperative) the article has named, and its party body
        body = recent_org(st, kind) or _recent_unit(st, kind) or _recent_company_of(st, kind)
        return (body[1] + head[len(kind) :], st.by_id[body[0]].place) if body else None
    if wanted is None and post and head in ("物委会", "业委会"):
        # the post of a property or owners' committee (物业管理委员会, 业主委员会): the
        # committee of the 小区 the article speaks of (as a bare subject it stays a kind),
        # even when a community was named since
        found = recent_in_article(st, ("Neighborhood",))
        return (found[1] + head, found[0]) if found else None
    if wanted is None:
        # 调解室, 服务队 alone: the article's latest body of that kind, where it named one
        body = recent_org(st, head) if kind is None and head in L.ORG_HEADS else None
        return (body[1], st.by_id[body[0]].place) if body else None
    named = _named_before(st, at)
    for k, (mid, t, name) in enumerate(named):
        aside = _where_it_lies_said(st, named, k, wanted)
        if t in wanted and not aside:
            return name + head, mid
        if PLACE_LEVEL[t] < min(PLACE_LEVEL[w] for w in wanted) and not (aside or _where_it_lies(st, named, k, wanted)):
            break
    if post:
        # 党支部书记某某 where the article speaks of no place of the body's level: the
        # article's latest body of that kind (某某项目临时党支部)
        body = recent_org(st, head)
        return (body[1], st.by_id[body[0]].place) if body else None
    return None


#: the fixed patterns of :func:`kind_body`, compiled once (not looked up at every call)
_KIND_BODY_RE1 = re.compile(r"(?:等|们|之间|书记|主任)")


def _where_it_lies(st: DocState, named: list[tuple[str, str, str]], k: int, wanted: tuple[str, ...]) -> bool:
    """Is the higher place ``named[k]`` only where the place of a ``wanted`` level named just
    before it, in the same sentence, lies (某某社区位于某县: the community is still the one
    the article speaks of)?"""
    if k + 1 >= len(named) or named[k + 1][1] not in wanted:
        return False
    return st.by_id[named[k][0]].evidence.sentence == st.by_id[named[k + 1][0]].evidence.sentence


def _where_it_lies_said(st: DocState, named: list[tuple[str, str, str]], k: int, wanted: tuple[str, ...]) -> bool:
    """Is ``named[k]`` named only as where a lower place of a ``wanted`` level, named before it
    in the same sentence, lies (某某社区位于某街道办事处西北侧: the article still speaks of the
    community, and 党委书记 is the community's)?"""
    here = st.by_id[named[k][0]].evidence
    for mid, t, _ in named[k + 1 :]:
        ev = st.by_id[mid].evidence
        if ev.sentence != here.sentence:
            return False
        if t in wanted and PLACE_LEVEL[t] > PLACE_LEVEL[named[k][1]] and "位于" in st.doc.text[ev.end : here.start]:
            return True
    return False


def kind_body(text: str, g: Span) -> bool:
    """Is ``g`` one body named by its place's kind (街道党委, 社区居委会) or by its unit's (公司党委),
    not a kind of body counted or listed (各社区党委, 两个村党支部, 社区党委等)?"""
    kind = next((k for k, _ in L.KIND_LEVELS if g.text.startswith(k)), None)
    unit = next((k for k in L.BARE_BODY_KINDS if g.text.startswith(k)), None) if kind is None else None
    if unit is not None and g.text[len(unit) :] in _PARTY_OF_A_UNIT[1:]:
        kind = unit  # 成立公司党委以来: the party committee of the company the article named
    elif kind is None or g.text[len(kind) :] not in L.BODY_HEADS or g.text.endswith("服务中心"):
        return False  # 社区党群服务中心 is as often the kind of venue as one body
    before = text[max(0, g.start - 2) : g.start]
    if before[-1:] in "各每全该本此个级类些等名支家所、" or before in ("所有", "一些", "广大"):
        return False
    return not _KIND_BODY_RE1.match(text[g.end :])
