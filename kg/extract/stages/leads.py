"""Stage: leads by apposition.  "王守成，杭锦后旗陕坝镇中南渠村党支部书记，……": a name, then
its posts as an apposition, each post of the list back to the first body, which must open
the apposition.
"""

from __future__ import annotations

import re

from ..clauses import is_clause_start
from ..people import plausible_name
from ..posts import TITLE_LIST, TITLES_RE, Holder, holder_of, post_role
from ..rules import conf
from ..sentence import SentenceView
from ..spans import Span
from ..state import DocState

#: a name, a comma, then a body and its post, closed by punctuation
APPOSITION = re.compile(
    r"(?P<name>[\u4e00-\u9fff·]{2,8})[,，][^,，。;；:：]{2,40}?(?P<title>" + TITLES_RE + r")(?=[,，。;；])"
)
#: what every apposition holds, found in one fast scan: a post closed by punctuation (the
#: apposition's own scan tries a name at every character of a sentence that has none)
_CLOSED_TITLE = re.compile("(?:" + TITLES_RE + r")(?=[,，。;；])")


def run(st: DocState, view: SentenceView) -> None:
    """A person and the ``leads`` facts of each apposition in the sentence."""
    text = view.text
    if ("，" not in text and "," not in text) or not _CLOSED_TITLE.search(text):
        return
    for m in APPOSITION.finditer(text):
        name = m.group("name")
        if not plausible_name(name) or not is_clause_start(text, m.start("name")):
            continue
        hits = _posts(st, view, m)
        if not hits or hits[-1][0][0].start != m.end("name") + 1:
            continue
        sp = Span(m.start("name"), m.end("name"), name, "Person", "apposition", conf("apposition"),
                  role=m.group("title"))
        pm = st.mention(view.sent, sp, "Person", name)
        for (o, holder, gap), title in hits:
            st.relation(view.sent, pm, "leads", holder, "post", conf("post", "apposition"), sp,
                        role=post_role(o, holder, gap, title))


def _posts(st: DocState, view: SentenceView, m: re.Match) -> list[tuple[Holder, str]]:
    """胡某某，某村党支部书记、村委会主任，……: each post of the list with its holder, from
    the last back to the first."""
    pos, title, hits = m.start("title"), m.group("title"), []
    for _ in range(4):
        hit = holder_of(st, view, pos)
        if hit is None:
            break
        hits.append((hit, title))
        mt = TITLE_LIST.search(view.text[: hit[0].start])
        if not mt or mt.start(1) <= m.end("name"):
            break
        pos, title = mt.start(1), mt.group(1)
    return hits
