"""Stage: deferred credits.  "“我们通过轮值坐班制度……”少先路街道党工委副书记刘晓梅介绍道":
what a speaker's quote says "we" do is done by the speaker's body, named in the sentence after
the quote; a quote whose speaker never comes credits the article's subject.
"""

from __future__ import annotations

import re

from .. import lexicon as L
from ..rules import implements_confidence
from ..sentence import SentenceView
from ..state import DocState

#: a speech verb a few characters after a name
_SAYS = re.compile(r"[^。!?]{0,4}?(?:" + "|".join(L.SPEAKER_SAYS) + ")")


def run(st: DocState, view: SentenceView) -> None:
    """The practices of the quote before: the body of this sentence's speaker carries them out."""
    speaker = speaker_body(st, view)
    for q_sent, q_sp, q_mm, fallback in st.pending_quote:
        actor = speaker or fallback
        if actor is not None:
            how = "implements-speaker" if speaker else "implements-article"
            st.relation(q_sent, st.by_id[actor], "implements", q_mm, how,
                        implements_confidence(how, q_sp.confidence, "quote"), q_sp)
    st.pending_quote = []


def speaker_body(st: DocState, view: SentenceView) -> str | None:
    """The body of the person this sentence opens with as a speaker (…书记刘晓梅介绍道)."""
    for sp, pm in view.person_mentions:
        if sp.start > 30 or not _SAYS.match(view.text[sp.end :]):
            continue
        if pm.id in st.led:
            return st.led[pm.id]
    return None


def flush(st: DocState) -> None:
    """Quotes whose speaker never came: credit the article's subject."""
    for q_sent, q_sp, q_mm, fallback in st.pending_quote:
        if fallback is not None:
            st.relation(q_sent, st.by_id[fallback], "implements", q_mm, "implements-article",
                        implements_confidence("implements-article", q_sp.confidence), q_sp)
    st.pending_quote = []
