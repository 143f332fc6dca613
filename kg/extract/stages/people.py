"""Stage: people and their posts.  The sentence's people become mentions (never a name inside
a body's or a place's name), and each post written before or after a name makes its
``leads`` facts (:mod:`kg.extract.posts`); a post no name of theirs follows is read for
the name the learned decisions may find there.
"""

from __future__ import annotations

from ..people import find_people
from ..posts import later_post, post_leads, post_slots, sent_post
from ..sentence import SentenceView
from ..state import DocState


def run(st: DocState, view: SentenceView) -> None:
    """Mentions for the sentence's people, each followed by the facts of its posts."""
    for sp in find_people(view.text, view.orgs, view.pspans, heading=view.heading):
        if any(o.start <= sp.start < o.end for o in view.orgs) or any(p.start <= sp.start < p.end for p in view.pspans):
            continue  # never a name inside a body's or a place's name
        pm = st.mention(view.sent, sp, "Person", sp.text)
        view.person_mentions.append((sp, pm))
        if sp.role:
            post_leads(st, view, sp, pm)
        later_post(st, view, sp, pm)
        sent_post(st, view, sp, pm)
    post_slots(st, view)
