"""Stage: coreference.  该县, 全旗, 本社区, 该院, 该庭 and a bare 社区, 街道 or 支部 opening a clause are
mentions of the entity of that kind the article last named; then the sentence's bodies join
the article's.
"""

from __future__ import annotations

import re
from itertools import chain

from ...model import Mention
from ...timing import timed
from .. import lexicon as L
from ..bodies import extend_right
from ..clauses import is_clause_start
from ..rules import conf
from ..sentence import SentenceView
from ..spans import Span, inside_quote
from ..state import DocState

#: 该县, 全旗, 本社区; a bare 社区 or 街道 opening a clause; 该院 for a court or procuratorate
COREF = re.compile(
    # (the look-ahead first: every match opens with one of these characters, and a pattern
    # that opens with an optional group is otherwise tried at every position)
    r"(?=[该全本此苏嘎街社县旗市区盟镇乡村院庭局所队中公集合支党])"
    r"(?P<det>该|全|本|此)?(?P<kind>苏木|嘎查|街道|社区|县|旗|市|区|盟|镇|乡|村|院|庭|局|所|队|中心|公司|集团|合作社|支部|党委)"
    r"(?![\u4e00-\u9fff]{0,1}(?:委|长|民|级|里|内|外|域|党组织))"
)
#: 该庭庭长, 该所副所长, 本院院长: the reference before its own head's post (which COREF's
#: look-ahead leaves alone, as it does 该县|县长)
HEAD_REF = re.compile(r"(?P<det>该|本)(?P<kind>院|庭|局|所|队)(?=副?(?P=kind)长)")
#: 镇里, 旗里, 村里 opening a clause: the town (banner, village) the article last named, as
#: its people speak of it (“镇里在各组推行……”); 院里, its court or procuratorate
LI_REF = re.compile(r"(?P<kind>苏木|嘎查|镇|乡|旗|县|村|院)里(?![的人头外面])")
#: a reference's kind → the types of place it may mean
PLACE_COREF = {
    "县": ("County",), "旗": ("County",), "区": ("County",), "市": ("City", "County"), "盟": ("City",),
    "镇": ("Town",), "乡": ("Town",), "苏木": ("Town",), "街道": ("Street",), "社区": ("Community",),
    "村": ("Village",), "嘎查": ("Village",),
}
#: kinds of body a reference names (该院, 本公司): the article's body whose name ends so
ORG_COREF = ("院", "庭", "局", "所", "队", "中心", "公司", "集团", "合作社", "支部", "党委")
#: the kinds of body a bare word opening a clause names (支部推行……: the branch named last)
_BARE_ORG_KINDS = frozenset(("支部",))
#: what follows a bare kind in a compound (社区党委, 社区居民), not the place
_COMPOUND_NEXT = ("党", "居", "网", "干", "工", "服", "治", "内", "里", "的")


def run(st: DocState, view: SentenceView) -> None:
    """Mentions of the references; a body found inside one is the same body and goes."""
    for sp, m in coreference(st, view):
        # a body found inside the reference (院第二检察部 in 该院第二检察部) is the same one
        inside = {id(o) for o, _ in view.org_mentions if sp.start < o.start < sp.end}
        view.org_mentions = [(o, om) for o, om in view.org_mentions if id(o) not in inside]
        # (only this sentence's mentions can go: they are the list's tail)
        a, b = view.sent.span(sp.start, sp.end)
        tail = st.out.mentions[view.first :]
        kept = [x for x in tail if not (
            x.type == "Organization" and x.evidence.sentence == view.sent.index and a < x.evidence.start < b)]
        if len(kept) < len(tail):
            st.out.mentions[view.first :] = kept
        view.orgs = [o for o in view.orgs if not (sp.start < o.start < sp.end)]
        view.org_mentions.append((sp, m))
    for _, m in view.org_mentions:
        if m.type == "Organization":
            st.recent_orgs.append((m.id, m.canonical))


#: the kinds a reference without 该, 全, 本 or 此 may be (a bare 社区 opening a clause)
_BARE_KINDS = frozenset(L.TWO_CHAR_PLACE_KINDS)


def _skipped(text: str, m: re.Match) -> bool:
    """Is the match a kind named, a compound or a reference to no one (not 该 or 本)?"""
    det, word = m.group("det", "kind")
    bare = det is None
    if bare and word in _BARE_ORG_KINDS:
        # 支部推行……: the party branch the article named last (not “支部联建……”, words of a practice)
        return not is_clause_start(text, m.start()) or inside_quote(text, m.start())
    if bare and (word not in _BARE_KINDS or not is_clause_start(text, m.start())):
        return True
    nxt = text[m.end() : m.end() + 1]
    if bare and (not nxt or nxt in "、和与及" or not ("\u4e00" <= nxt <= "\u9fff")):
        return True  # 街道、社区……, “社区—网格—楼栋”: kinds named, not the place
    if word in ORG_COREF and det not in ("该", "本") and not (det == "全" and word == "院"):
        return True  # (全院 is the whole court; 全局 the whole situation, 全所 rarely a body)
    return bare and nxt in _COMPOUND_NEXT  # 社区党委, 社区居民: a compound, not the place


@timed("coreference")
def coreference(st: DocState, view: SentenceView) -> list[tuple[Span, Mention]]:
    """Mentions for 该县 / 全旗 / 本社区 / 该院 and a bare 社区 or 街道 opening a clause:
    each is the entity of that kind the article last named."""
    text = view.text
    out: list[tuple[Span, Mention]] = []
    # most matches are a kind without 该, 全, 本 or 此 that no bare reference may be (县, 村 in
    # a name): dropped by one set look-up before anything else is asked of them
    bare = _BARE_KINDS | _BARE_ORG_KINDS
    found = [m for m in COREF.finditer(text) if (m.group(1) is not None or m.group(2) in bare) and not _skipped(text, m)]
    found += [m for m in LI_REF.finditer(text) if is_clause_start(text, m.start())]
    found += list(HEAD_REF.finditer(text))
    if not found:
        return out
    busy = [(p.start, p.end) for p in view.pspans] + [(o.start, o.end) for o in view.orgs]
    for m in found:
        if any(a <= m.start() < b for a, b in busy):
            continue
        before = [(om.id, om.canonical) for o, om in view.org_mentions if o.end <= m.start() and om.type == "Organization"]
        target = coref_target(st, m.group("kind"), before)
        if target is None:
            continue
        mid, canonical, type_ = target
        sp = Span(m.start(), m.end(), m.group(), type_, "coreference", conf("coreference"))
        src = st.by_id[mid]
        if type_ == "Organization":
            # 该院第二检察部: the reference opens a longer name
            end = extend_right(text, m.end())
            if end > m.end():
                sp = Span(m.start(), end, text[m.start() : end], type_, "coreference", conf("coreference"))
                canonical += text[m.end() : end]
            mm = st.mention(view.sent, sp, "Organization", canonical, confidence=conf("coreference"))
            mm.place = src.place
        else:
            key = st.keys.get(mid)
            if key is None:
                continue
            mm = st.mention(view.sent, sp, type_, canonical, adcode=src.adcode)
            st.keys[mm.id] = key
        out.append((sp, mm))
    return out


#: a court or procuratorate that opens the name of one of its units (某法院党组, 某检察院第二检察部)
_COURT_IN_NAME = re.compile(r"^.+?(?:人民法院|人民检察院|法院|检察院)(?=.)")


def _court_of_a_unit(orgs: list[tuple[str, str]]) -> tuple[str, str, str] | None:
    """全院, 该院 where the article named its court (procuratorate) only in a unit's name
    (某法院党组书记、院长某某……全院): that court."""
    for mid, name in reversed(orgs):
        if (m := _COURT_IN_NAME.match(name)) is not None:
            return mid, m.group(), "Organization"
    return None


def coref_target(st: DocState, word: str, before: list[tuple[str, str]] | None = None) -> tuple[str, str, str] | None:
    """The (mention id, name, type) a pronoun-like reference points at (``before``: the
    bodies its sentence named before it, (mention id, name), which come first)."""
    if word in ORG_COREF:
        orgs = [*st.recent_orgs, *(before or ())]
        body = next(((mid, name) for mid, name in reversed(orgs) if name.endswith(word)), None)
        if body is None and word == "院":
            return _court_of_a_unit(orgs)
        return (body[0], body[1], "Organization") if body else None
    types = PLACE_COREF[word]
    suffix_matters = word in ("县", "旗", "区", "市", "盟")
    for mid, t, name in reversed(st.recent_places):
        if t in types and (not suffix_matters or name.endswith(word)):
            return mid, name, t
    if word == "区" and st.province is not None:  # 全区 in a regional paper: the region
        for mid, t, name in chain(reversed(st.recent_places), reversed(st.doc_places.values())):
            if t == "Province":
                return mid, name, t
    return None
