"""Stage: mechanisms and implements.  Each practice the sentence names becomes a mention, and
the body or place that carries it out gets an ``implements`` fact: the sentence's actor
before it, the sentence's subject, the body 他 or 她 leads, the place the sentence opens on,
or the article's subject; a quote alone waits for its speaker (:mod:`~kg.extract.stages.credits`).
"""

from __future__ import annotations

import re

from ...model import Mention
from .. import lexicon as L
from ..clauses import PRONOUN_SUBJECT, after_verb, is_clause_start
from ..practices import find_mechanisms
from ..quoted import QUOTE_RE
from ..rules import conf, implements_confidence
from ..sentence import SentenceView
from ..spans import VERB_START, Span
from ..state import DocState


def run(st: DocState, view: SentenceView) -> None:
    """Mentions for the sentence's practices and the ``implements`` facts of each."""
    view.mechs = find_mechanisms(view.text, heading=view.heading)
    campaigns = place_campaigns(view, view.mechs)
    view.mechs = sorted(view.mechs + named_again(st, view) + [c for c, _ in campaigns.values()], key=lambda s: s.start)
    st.practice_names.update(n for sp in view.mechs if len(n := sp.canonical or sp.text) >= REPEATED_NAME)
    for sp in view.mechs:
        mm = st.mention(view.sent, sp, "Mechanism", sp.canonical or sp.text, aliases=(sp.text,))
        if not sp.credit:
            continue  # 评定了“……”品牌: the rater does not run them
        if sp.how == "mech-repeat":
            # a practice named again is credited where its clause names who acts before it
            subj = None if view.heading else subject_for(view, sp)
            if subj is not None:
                st.relation(view.sent, subj, "implements", mm, "implements-sentence",
                            implements_confidence("implements-sentence", sp.confidence), sp)
            continue
        subj = campaigns[sp.start][1] if sp.how == "mech-campaign" else actor_of(st, view, sp)
        if subj is None and view.quote_only:
            st.pending_quote.append((view.sent, sp, mm, st.article_actor))
            continue
        subj_id = subj.id if subj is not None else st.article_actor
        if subj_id is None:
            continue
        how = "implements-sentence" if subj is not None else "implements-article"
        st.relation(view.sent, st.by_id[subj_id], "implements", mm, how, implements_confidence(how, sp.confidence), sp)
        if subj is not None:
            for co in co_actors(view, subj, sp):
                st.relation(view.sent, co, "implements", mm, "implements-joint",
                            implements_confidence("implements-joint", sp.confidence), sp)
    _quoted_actors(st, view)


def _quoted_actors(st: DocState, view: SentenceView) -> None:
    """For each quoted phrase the sentence names and the rules took for no practice, body
    or place: who the sentence would credit with it (``Extraction.actors``)."""
    if view.heading or view.quote_only or "“" not in view.text:
        return
    taken = [(s.start, s.end) for s in view.mechs] + [(o.start, o.end) for o, _ in view.org_mentions] \
        + [(p.start, p.end) for p in view.pspans]
    for q in QUOTE_RE.finditer(view.text):
        a, b = q.span()
        if any(x < b and a < y for x, y in taken):
            continue
        subj = actor_of(st, view, Span(a, b, q.group(), "Mechanism", "quoted"))
        how = "implements-sentence" if subj is not None else "implements-article"
        subj_id = subj.id if subj is not None else st.article_actor
        if subj_id is not None:
            st.out.actors[f"{view.sent.index}:{a}:{b}"] = f"{subj_id}|{how}"


#: what a campaign named after its place opens with and is followed by (平安某市建设, 法治某县创建)
_CAMPAIGN_WORDS = ("平安", "法治")
_CAMPAIGN_AFTER = ("建设", "创建")


def place_campaigns(view: SentenceView, taken: list[Span]) -> dict[int, tuple[Span, Mention]]:
    """Campaigns named after the place that runs them (平安某市建设: 平安某市, carried out by
    that city), by where each starts, with its place."""
    out = {}
    for p, pm in view.named_places():
        a = p.start - 2
        if a >= 0 and view.text[a : p.start] in _CAMPAIGN_WORDS and view.text.startswith(_CAMPAIGN_AFTER, p.end) \
                and not any(t.start < p.end and a < t.end for t in taken):
            name = view.text[a : p.end]
            out[a] = (Span(a, p.end, name, "Mechanism", "mech-campaign", conf("mech-campaign"), canonical=name), pm)
    return out


#: the shortest practice's name read again where the document repeats it unquoted
REPEATED_NAME = 4


def named_again(st: DocState, view: SentenceView) -> list[Span]:
    """The practices the document named before, written again without their quotes (某小区
    开展小区议事日活动): mentions too, where no practice, body or place holds the words."""
    text = view.text
    taken = [(s.start, s.end) for s in view.mechs] + [(o.start, o.end) for o in view.orgs] \
        + [(p.start, p.end) for p in view.pspans]
    out = []
    for name in st.practice_names_in_order():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(a < end and at < b for a, b in taken):
                out.append(Span(at, end, name, "Mechanism", "mech-repeat", conf("mech-repeat"), canonical=name))
                taken.append((at, end))
            at = text.find(name, end)
    return out


#: a practice's birthplace named after it: “某某模式”的开创地——某嘎查, “某某经验”发源地某村
_BIRTHPLACE = re.compile(r"(?:的)?(?:开创地|发源地|诞生地|首创地|创始地)(?:[—\-－:：，,]+|是|为)?")


def birthplace(view: SentenceView, sp: Span) -> Mention | None:
    """The body or place named as where the practice at ``sp`` began, right after it."""
    m = _BIRTHPLACE.match(view.text, sp.end)
    if m is None:
        return None
    named = [(o, pm) for o, pm in [*view.org_mentions, *view.named_places()]
             if o.start >= m.end() and view.chain_head(o) == m.end()]
    return max(named, key=lambda t: (t[0].end, t[0].start))[1] if named else None  # the chain's last


def owner_before(view: SentenceView, sp: Span) -> Mention | None:
    """The place or body written right before a quoted practice, as its owner (形成了某镇“说和
    驿站”、某镇“田间调解”等品牌): each item of such a list is credited to the place before it."""
    at = sp.start - 1 if view.text[sp.start - 1 : sp.start] == "“" else sp.start
    if view.text[at : at + 1] != "“" or at == 0:
        return None
    owners = [(o, m) for o, m in (*view.org_mentions, *view.named_places()) if o.end == at]
    if len(owners) != 1 or not _LIST_BEFORE_OWNER.search(view.text, 0, at):
        return None
    o, m = owners[0]
    if view.text[o.start - 1 : o.start] in _LIST_JOINS and view.text[o.start - 2 : o.start - 1] != "”":
        return None  # 建立甲法庭、乙司法所、丙派出所“三所联建”机制: a practice of the whole list
    return m


#: what stands before a list of practices each named after its owner: a verb of forming or
#: showing (形成了, 打造了, 涌现出) or the list's mark
_LIST_BEFORE_OWNER = re.compile(r"(?:形成了?|打造了?|涌现出?|培育了?|总结出|推出了|[、])[^，,。；;：:“”]{0,12}$")


def actor_of(st: DocState, view: SentenceView, sp: Span) -> Mention | None:
    """Who the sentence says carries out the practice at ``sp``, if it says."""
    subj = titled_by(view, sp) or birthplace(view, sp) or owner_before(view, sp) or subject_for(view, sp)
    if subj is None and view.subject is not None and view.subject_at < sp.start:
        subj = view.subject
    if subj is None and st.last_led is not None and PRONOUN_SUBJECT.search(view.text[: sp.start]):
        subj = st.last_led  # 他带领全所民警推行“……”: he acts for the body he leads
    if subj is None:
        subj = scene(view, sp)
    if subj is None:
        subj = view.subject  # a subject later in the sentence acts for all of it
    return subj


def titled_by(view: SentenceView, sp: Span) -> Mention | None:
    """一、某镇党委：“某某同议”激活……: the body or place a case's title opens with, right before
    the colon and the practice's quoted name, carries it out."""
    if sp.start < 2 or view.text[sp.start - 1] not in ":：" or view.text[sp.start] not in "“\"「":
        return None
    return next((m for o, m in _candidates(view, sp) if o.end == sp.start - 1), None)


def _candidates(view: SentenceView, sp: Span) -> list[tuple[Span, Mention]]:
    """The bodies and places written before ``sp`` (a place inside a body's name is the body's:
    某社区党委 acts, not the place in its name), by where they end."""
    cands = [(o, m) for o, m in view.org_mentions if o.end <= sp.start]
    for p, m in view.named_places():
        if p.end <= sp.start and not any(
            o.start <= p.start and p.end <= o.end and (o.start, o.end) != (p.start, p.end) for o, _ in view.org_mentions
        ):
            cands.append((p, m))
    cands.sort(key=lambda t: t[0].end)
    return cands


#: the fixed patterns of :func:`_not_the_actor`, compiled once (not looked up at every call)
_NOT_THE_ACTOR_RE1 = re.compile(r"[。!?;；]")
_NOT_THE_ACTOR_RE2 = re.compile(r"在[^,，。;；:：在]*$")
_NOT_THE_ACTOR_RE3 = re.compile(r"[,，。;；:：]")
_NOT_THE_ACTOR_RE4 = re.compile(r"^(?:的|等|和|与)")
#: what before a chain of places or a body makes it a partner or an object (与某社区党委签订,
#: 帮某村, 赴某村开展) and where the actor went (来到, 走进, 深入某社区)
_PARTNER_BEFORE = ("与", "和", "同", "对", "向", "帮", "给", "赴")
_WENT_TO = ("来到", "走进", "深入")
#: the marks that end a clause
_CLAUSE_MARKS = "，,；;：:。！？!?“”"
#: what joins the items of a list of bodies or places
_LIST_JOINS = ("、", "和", "与", "及")
#: words of where a partner lies, between 与 and its name (与辖区|某社区党委)
_PARTNER_MODIFIERS = ("辖区", "驻地", "周边", "当地", "附近", "所在", "驻区")


#: what makes the place after it where something is done (在某村), not who does it
_WHERE_BEFORE = ("在",)


#: what a body or place after 以 is taken as, when the actor is named before it: 以某村为样板
_MODEL_AFTER = re.compile(r"为(?:样板|试点|示范|典型|标杆|模板|蓝本|突破口|切入点|示范点)")


def _not_the_actor(view: SentenceView, o: Span, sp: Span, cands: list[tuple[Span, Mention]]) -> bool:
    """Is the body or place at ``o`` a partner, a place where, or an object, not the actor?"""
    text = view.text
    between = text[o.end : sp.start]
    if _NOT_THE_ACTOR_RE1.search(between) or len(between) > 80:
        return True
    if any(o2.start >= o.end and o2.end <= sp.start and text[max(0, o2.start - 1) : o2.start] not in _WHERE_BEFORE
           for o2, _ in cands):
        return True  # a nearer actor (a place after 在 is where, not who: 某镇党委在|某村推行……)
    first = o.start
    while text[first - 1 : first] == "、" and (prev := next((o2 for o2, _ in cands if o2.end == first - 1), None)):
        first = prev.start  # 在甲镇、乙镇设立……: the list's first item says what the list is
    if text[max(0, first - 1) : first] in ("在", "到", "与", "和", "为", "对", "向", "帮", "给") \
            and not _second_clause(text, first):
        return True
    head_at = view.chain_head(o)
    if text[head_at - 1 : head_at] == "以" and _MODEL_AFTER.match(text, o.end) and any(o0.end < head_at for o0, _ in cands):
        return True  # 某镇党委以|某村|为样板，在全镇推行……: the model the actor named before takes, not who acts
    if head_at < o.start and text[head_at - 1 : head_at] in _WHERE_BEFORE and any(o0.end < head_at for o0, _ in cands):
        return True  # 某法院……，在某镇|某社区设立……: where the body named before acts, not who acts
    while text[head_at - 1 : head_at] == "、" and (prev := next((o2 for o2, _ in cands if o2.end == head_at - 1), None)):
        head_at = view.chain_head(prev)  # 与甲、乙召开……: the list's first names the partners
    if text[max(0, head_at - 2) : head_at] in _PARTNER_MODIFIERS:
        head_at -= 2  # 与辖区|某社区党委: the partner's word of where it lies
    if text[max(0, head_at - 1) : head_at] in _PARTNER_BEFORE and not _second_clause(text, head_at) \
            and not _owner_after_and(o, sp, head_at, cands, text) \
            or text[max(0, head_at - 2) : head_at] in _WENT_TO:
        # 公司党支部与九原区沙河街道康乐社区党委签订……: the partner, by its chain; 某公司赴某市
        # 某区某村开展……: where the actor went, not who acts
        return True
    loc = _NOT_THE_ACTOR_RE2.search(text[: o.start])
    if loc and any(o0.end <= loc.start() and not _NOT_THE_ACTOR_RE3.search(text[o0.end : loc.start()])
                   for o0, _ in cands):
        return True  # 某镇在务工人员集中的甲市、乙市设立……: the places after 在 are where, not who
    opens = max(text.rfind(c, 0, head_at) for c in _CLAUSE_MARKS) + 1
    if VERB_START.match(text, opens) and opens < head_at:
        return True  # 组建……的某某服务队，推出……: a clause that opens on its verb has no
        # named subject; the body in it is what the verb makes
    clause_subject = VERB_START.match(text, o.end) and not _CO_ACTORS_RE1.search(text, max(0, head_at - 2), head_at)
    if not is_clause_start(text, o.start) and after_verb(text, o.start) and not clause_subject \
            and not _owner(view, o, sp):
        # 社区党委……引入某物业公司,推行……: the object of a verb does not act; but the subject
        # of a clause the verb takes does (得益于某区施行……), and so does the owner of the
        # practice written right after it (报道了该院“……”经验)
        return True
    return bool(_NOT_THE_ACTOR_RE4.match(between))


def _second_clause(text: str, i: int) -> bool:
    """Does 和 (与) after a practice open a second clause at ``i`` (甲区“……”和乙区以“……”),
    not join a partner to the actor?"""
    return i >= 2 and text[i - 1] in "和与" and text[i - 2] in "”’"


def _owner_after_and(o: Span, sp: Span, head_at: int, cands: list[tuple[Span, Mention]], text: str) -> bool:
    """Does 和 (与) join two owners each written right before its practice (甲区“……”建设和
    乙区“……”建设), not a partner to an actor (甲区与乙区“……”)?"""
    return o.end == sp.start and text[head_at - 1 : head_at] in "和与" and "”" in text[:head_at] \
        and not any(o2.end == head_at - 1 for o2, _ in cands)


def _owner(view: SentenceView, o: Span, sp: Span) -> bool:
    """Is the body or place at ``o`` written right before the practice as its owner
    (报道了该院“……”经验, 结合某市“……”), not as the last of a list of partners
    (甲所、乙所“两所联动”)?"""
    if o.end != sp.start:
        return False
    head_at = view.chain_head(o)
    return view.text[head_at - 1 : head_at] not in _LIST_JOINS or _owner_after_and(o, sp, head_at, _candidates(view, sp), view.text)


def subject_for(view: SentenceView, sp: Span) -> Mention | None:
    """The body or place the sentence credits with the practice at ``sp``: the nearest
    one before it in the same clause that opens its clause or directly precedes a verb."""
    cands = _candidates(view, sp)
    for o, m in reversed(cands):
        if _not_the_actor(view, o, sp, cands):
            continue
        if VERB_START.search(view.text[o.end : sp.start]) or is_clause_start(view.text, o.start) \
                or _second_clause(view.text, o.start) or _owner(view, o, sp):
            return m
    return None


def scene(view: SentenceView, sp: Span) -> Mention | None:
    """在林荫街道，驻区单位与社区推行“……”: where the actors go unnamed, the place the
    sentence opens on carries the practice."""
    return view.scene(sp.start)


#: the fixed patterns of :func:`co_actors`, compiled once (not looked up at every call)
_CO_ACTORS_RE1 = re.compile("|".join(L.JOINING_VERBS))
_CO_ACTORS_RE2 = re.compile(r"[还又]?(?:与|同)|和|及|会同|、")
_CO_ACTORS_RE3 = re.compile("(?:" + "|".join(L.JOINT_WORDS) + ")")
#: partners of the list the text names by no name of an entity (、驻地边防连), then the joint word
_UNNAMED_THEN_JOINT = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,8}?)+" + _CO_ACTORS_RE3.pattern)


def co_actors(view: SentenceView, subj: Mention, sp: Span) -> list[Mention]:
    """"甲党委与乙组织部联合印发……": the bodies a subject acts jointly with (与/和/会同 …
    联合/共同/携手) carry out the practice too."""
    text = view.text
    named = [*view.org_mentions, *view.named_places()]
    at = next((o for o, m in named if m is subj), None)
    if at is None:
        return []
    out = []
    end = at.end
    while (nxt := min(((o, m) for o, m in named if o.start > end and o.end <= sp.start
                       and _CO_ACTORS_RE2.fullmatch(text[end : o.start])),
                      key=lambda t: (t[0].start, -t[0].end), default=None)) is not None:
        # (the longest name there: 某镇党委, not the town its name opens with)
        out.append(nxt)
        end = nxt[0].end
    if out and (_CO_ACTORS_RE3.match(text[end:]) or _UNNAMED_THEN_JOINT.match(text, end)):
        # 甲院与乙局联合建立……, 甲镇党委、乙连共同推行……: the partners build it too (but 甲联合乙
        # 开展……, 甲还与乙建立……: the subject acts, its partners help, as the annotated pages read it)
        return [m for _, m in out if m is not subj]
    return []
