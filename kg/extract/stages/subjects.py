"""Stage: subjects.  Who a sentence without a named actor speaks of: the sentence's own subject
when a body or place opens a clause, a headline's place, and the article's subject, which a
new article clears, a new paragraph sets to what the article keeps coming back to, and each
sentence's subject moves on.
"""

from __future__ import annotations

import re

from ...model import Mention
from .. import lexicon as L
from ..clauses import SPEAKER, is_clause_start
from ..sentence import SentenceView
from ..spans import Span
from ..state import DocState
from .credits import flush

#: a place that says whose the speaker is: "某某村的大娘开心地说"
_SPEAKERS_PLACE = re.compile(r"的[^,，。;；]{0,8}?(?:" + "|".join(L.PLACE_SPEAKER_SAYS) + ")")


def article(st: DocState, view: SentenceView) -> None:
    """A new article starts with no subject and no places; a new paragraph without a
    subject of its own speaks of what the article keeps coming back to, not of the example
    the last paragraph gave."""
    if view.sent.article != st.article:
        st.new_article(view.sent.article)
        flush(st)
    elif st.paragraph_start(view.sent) and st.subject_counts:
        st.subject = max(st.subject_counts.values(), key=lambda v: (v[0], v[1]))[2]


#: what introduces an example right before a body or place (比如，某乡……)
_EXAMPLE = re.compile(r"(?:比如|例如|譬如|诸如)[,，:：]?$")
#: the fixed patterns of :func:`run`, compiled once (not looked up at every call)
_RUN_RE1 = re.compile(r"[:：]\s*$")


def run(st: DocState, view: SentenceView) -> None:
    """The sentence's own subject, if one opens a clause; a headline's place."""
    text = view.text
    for sp, m in _actors(view):
        if SPEAKER.match(text, sp.end) or any(p.start == sp.end for p, _ in view.person_mentions):
            continue  # "……街道办事处相关负责人介绍说": a speaker's body is no subject
        if _EXAMPLE.search(text, 0, sp.start):
            continue  # 比如，某乡“某某小院”……: an example, not what the sentence speaks of
        if is_clause_start(text, sp.start) and not view.heading:
            if _SPEAKERS_PLACE.match(text[view.chain_stop(sp) :]):
                break  # "某某村的大娘开心地说": the place says whose the speaker is
            view.subject = view.chain_end(sp, m)
            view.subject_at = sp.start
            break
    if view.heading and not st.subject:
        # "准格尔旗:" / "乌县水西沟镇：" headlines name the article's subject
        places = list(view.places.values())
        if places and _RUN_RE1.search(text):
            st.subject = places[-1].id
            # the headline's place counts as the article coming back to it once
            k = st.keys.get(st.subject) or places[-1].canonical
            st.subject_counts.setdefault(k, [0, view.sent.index, st.subject])[0] += 1


def _actors(view: SentenceView) -> list[tuple[Span, Mention]]:
    """The bodies and the places (not inside a body's name) in the order they are written."""
    inside_body = [p for p in view.pspans if any(o.start <= p.start and p.end <= o.end for o, _ in view.org_mentions)]
    places = [(p, m) for p, m in view.named_places() if p not in inside_body]
    return sorted([*view.org_mentions, *places], key=lambda t: (t[0].start, -t[0].end))


#: what a body whose deployment or request is followed comes right after (贯彻|某委的部署)
_FOLLOWED = re.compile(r"(?:贯彻|落实|按照|根据|依据|依照|遵照|响应)$")


def _followed(text: str, sp: Span) -> bool:
    """Is the body or place at ``sp`` the one whose deployment the sentence follows?"""
    return _FOLLOWED.search(text, max(0, sp.start - 4), sp.start) is not None


def carry(st: DocState, view: SentenceView) -> None:
    """The sentence's subject becomes the article's (and is counted); a sentence without one
    in an article without one offers its first body or place."""
    if view.heading:
        return
    subject = view.subject
    if subject is not None:
        st.subject = subject.id
        k = st.keys.get(subject.id) or subject.canonical
        entry = st.subject_counts.setdefault(k, [0, view.sent.index, subject.id])
        entry[0] += 1
    elif st.subject is None:
        # (not a body whose deployment the sentence follows: 为贯彻|某市委政法委的部署, 按照|某局要求)
        firsts = [m for sp, m in view.org_mentions if not _followed(view.text, sp)] \
            + [m for k, m in view.places.items() if k >= len(view.pspans) or not _followed(view.text, view.pspans[k])]
        if firsts:
            st.subject = firsts[0].id
