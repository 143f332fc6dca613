"""Stage: bodies.  The sentence's named bodies become mentions (a short name such as 市国资委
is expanded by the article's place), each with the place its name opens with; a body named by
its kind alone (社区党委, 居委会) becomes the article's body of that kind where it acts or is
named as one body.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import lexicon as L
from ..bodies import COMPANY_HEADS, PARTNER_BODY, find_orgs
from ..clauses import is_clause_start
from ..context import bare_short_name, body_by_its_end, contextual_org, expand_short, kind_body
from ..rules import conf
from ..sentence import SentenceView
from ..spans import Span
from ..state import DocState


def run(st: DocState, view: SentenceView) -> None:
    """Mentions for the sentence's bodies; the places a company is registered in set aside."""
    view.orgs = find_orgs(view.text, view.pspans)
    for sp in view.orgs:
        if sp.how == "org-generic":
            view.generic.append(sp)
        else:
            _named_body(st, view, sp)
    _registered_places(st, view)
    for g in view.generic:
        _kind_named_body(st, view, g)
    _short_names(view)


#: a short name the text declares for a body: 某某开发区（以下简称某某高新区）
_SHORT_NAME = re.compile(r"\s*[（(]\s*(?:以下)?简称[“\"]?([\u4e00-\u9fff]{2,12})[”\"]?\s*[）)]")


def _short_names(view: SentenceView) -> None:
    """A short name the text declares right after a body's name is another name of it."""
    for sp, m in view.org_mentions:
        d = _SHORT_NAME.match(view.text, sp.end)
        if d is not None and m.type == "Organization" and d.group(1) not in m.aliases:
            m.aliases = (*m.aliases, d.group(1))


def _named_body(st: DocState, view: SentenceView, sp: Span) -> None:
    """A body named in full (or by its level: 市国资委), with the place that opens its name."""
    canonical = sp.canonical or sp.text
    short_place = None
    if sp.how == "org-short":
        found = expand_short(st, canonical)
        if found:
            canonical, short_place = found
        elif not bare_short_name(st, canonical):
            return
    m = st.mention(view.sent, sp, "Organization", canonical, confidence=sp.confidence)
    m.place = short_place
    # the place a body is named after: the last of the chain that opens its name
    chain_end = sp.start
    for p in view.pspans:
        if p.start >= sp.start and p.end <= sp.end and p.start == chain_end:
            chain_end = p.end
            pm = view.place_of(p)
            if pm is not None:
                m.place = pm.id
    view.org_mentions.append((sp, m))


def _registered_places(st: DocState, view: SentenceView) -> None:
    """A company's registered name opens with its province or city (内蒙古某某有限公司):
    that is where it is registered, not the scene the next places are in."""
    for sp in view.orgs:
        if sp.head in COMPANY_HEADS:
            opened = {pm.id for p in view.pspans if p.start == sp.start
                      and (pm := view.place_of(p)) is not None and pm.type in ("Province", "City")}
            st.recent_places = [r for r in st.recent_places if r[0] not in opened]


def _kind_named_body(st: DocState, view: SentenceView, g: Span) -> None:
    """"社区党委推出……", "由镇党委牵头": the article's body of that kind acts; "在街道党委的
    支持下": the body of the article's street, named though it does not act here."""
    if view.heading:
        return
    at = (view.sent.index, view.sent.span(g.start, g.end)[0])
    if (by_end := body_by_its_end(st, view.text, g, at)) is not None:
        # 综合党委牵头……: the body whose name those words end, acting where they open the clause
        g = replace(g, start=by_end[2], text=view.text[by_end[2] : g.end])
        acts, found = is_clause_start(view.text, g.start), by_end[:2]
    else:
        acts = is_clause_start(view.text, g.start)
        if not acts and not kind_body(view.text, g):
            return
        found = contextual_org(st, g, at=at)
    if found:
        gm = st.mention(view.sent, g, "Organization", found[0],
                        confidence=conf("org-generic", "acting" if acts else "named"))
        gm.place = found[1]
        if acts:
            view.org_mentions.append((g, gm))
        elif g.text.startswith(L.BARE_BODY_KINDS):
            st.recent_orgs.append((gm.id, gm.canonical))  # 成立公司党委以来，党委书记某某: the body a bare 党委 names next
        _partner_government(st, view, g, found, acts)


#: a town's or a street's committee → the partner it is named with: 镇党委政府, 街道党工委、办事处
_PARTNERS = {"镇党委": "政府", "乡党委": "政府", "苏木党委": "政府", "街道党工委": "办事处"}


def _partner_government(st: DocState, view: SentenceView, g: Span, found: tuple[str, str | None], acts: bool) -> None:
    """镇党委政府, 镇党委、政府: the government named with the article's town's committee is
    that town's (某某镇政府; 某某街道办事处 with 街道党工委)."""
    partner = _PARTNERS.get(g.text)
    pm = PARTNER_BODY.match(view.text, g.end) if partner else None
    if pm is None or not pm.group(1).endswith(partner) or any(
            o.start < pm.end(1) and pm.start(1) < o.end for o, _ in view.org_mentions):
        return
    place = found[0][: -len(g.text[g.text.index("党") :])]  # 某某镇党委 → 某某镇
    sp = Span(pm.start(1), pm.end(1), pm.group(1), "Organization", "org-generic", conf("org-generic", "named"),
              head=pm.group(1))
    gov = st.mention(view.sent, sp, "Organization", place + partner,
                     confidence=conf("org-generic", "acting" if acts else "named"))
    gov.place = found[1]
    if acts:
        view.org_mentions.append((sp, gov))


def drop_idle_venues(st: DocState) -> None:
    """A 党群服务中心 or 服务站 is as often a building as a body: it counts as a body only
    where the page has it act or has someone lead it (在某小区党群服务站启用仪式现场 names
    the building; rule ``body-idle-venue``)."""
    used = {r.subject for r in st.out.relations} | {r.object for r in st.out.relations}
    acting = {m.canonical for m in st.out.mentions if m.type == "Organization" and m.id in used}
    st.out.mentions = [m for m in st.out.mentions if not (
        m.type == "Organization" and m.canonical.endswith(L.VENUE_HEADS) and m.canonical not in acting
        and not _named_venue(m)
    )]


def _named_venue(m) -> bool:
    """Is the venue a place's 党群服务中心 named in full where the page names it (某村党群
    服务中心: an institution with its director, which the annotated pages count acting or
    not; an estate's 服务站 at its opening names the building)?"""
    return m.evidence.extractor == "org-head" and m.place is not None and m.canonical.endswith("党群服务中心")
