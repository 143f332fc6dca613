"""Stage: leads by apposition and by a profile's predicate.  "王守成，杭锦后旗陕坝镇中南渠村党支部书记，
……": a name, then its posts as an apposition, each post of the list back to the first body,
which must open the apposition.  "社区党委书记、居委会主任由某某担任，党委副书记为某某": the
posts open the clause and the name is their predicate.
"""

from __future__ import annotations

import re

from .. import lexicon as L
from ..clauses import is_clause_start
from ..people import plausible_name
from ..posts import TITLE_LIST, TITLES_RE, Holder, holder_of, post_leads, post_role
from ..rules import conf
from ..sentence import SentenceView
from ..spans import Span, is_common_word
from ..state import DocState

#: a name, a comma, then a body and its post, closed by punctuation
APPOSITION = re.compile(
    r"(?P<name>[\u4e00-\u9fff·]{2,8})[,，][^,，。;；:：]{2,40}?(?P<title>" + TITLES_RE + r")(?=[,，。;；])"
)
#: a row of a table of names: the name, spaces, then a body and its post, the whole line
#: (某某某  某镇某村党支部书记)
ROW = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,8})[ \t\u3000]{1,6}(?P<body>[^\s,，。;；:：]{2,40}?)(?P<title>" + TITLES_RE + r")$")
#: what every apposition holds, found in one fast scan: a post closed by punctuation (the
#: apposition's own scan tries a name at every character of a sentence that has none)
_CLOSED_TITLE = re.compile("(?:" + TITLES_RE + r")(?=[,，。;；])")


#: a post (the last of a list) with its holder as the predicate: 居委会主任由某某担任, 党委副书记为某某
#: or 是某某 (then punctuation), 队长由老党员某某兼任
PROFILE = re.compile(r"(?P<title>" + TITLES_RE + r")(?:由(?P<by>[\u4e00-\u9fff·、]{2,24}?)(?:担任|兼任|出任)"
                     r"|[为是](?P<is>[\u4e00-\u9fff·、]{2,30})(?=[,，。;；]|$))")
#: what may close the holder's name in ``由……担任``: 由某某一人担任, 由某某同志担任
_AFTER_NAME = ("一人", "同志")
#: a kind of place (and 党) before the body that opens a profile's list of posts
_KIND_BEFORE = re.compile(r"(?:村|社区|嘎查|镇|乡|街道|苏木)党?$")
#: punctuation between a body and its post: none of the post's
_GAP_BREAK = re.compile(r"[,，。;；、:：]")
#: where a first secretary is stationed, written before the post: 驻村|第一书记
_STATION_BEFORE = re.compile(r"驻(?:村|嘎查|社区)$")
#: what may stand before the name in ``由……担任``: a plain role of the holder (由老党员某某担任)
_ROLE_BEFORE_NAME = tuple(sorted(set(L.OTHER_ROLES) | {"老支书", "退休教师", "退休干部", "乡贤"}, key=len, reverse=True))


def run(st: DocState, view: SentenceView) -> None:
    """A person and the ``leads`` facts of each apposition and each profile's predicate in
    the sentence."""
    _appositions(st, view)
    _profiles(st, view)


def _profiles(st: DocState, view: SentenceView) -> None:
    """党委书记、居委会主任由某某担任, 嘎查党支部书记、嘎查达为某某: the posts, opening their
    clause (or read back to a body that opens it), are the named person's (rule ``profile``)."""
    text = view.text
    if "由" not in text and "为" not in text and "是" not in text:
        return
    for m in PROFILE.finditer(text):
        pos = opens = m.start("title")
        for _ in range(4):  # back over the list of posts, each after its body (党委书记、居委会|主任)
            opens = _body_start(view, opens)
            if (mt := TITLE_LIST.search(text[:opens])) is None:
                break
            opens = mt.start(1)
        if (station := _STATION_BEFORE.search(text, 0, opens)) is not None:
            opens = station.start()  # 驻嘎查第一书记为某某
        elif (kind := _KIND_BEFORE.search(text, 0, opens)) is not None:
            opens = kind.start()  # 村|党总支书记: the place's kind before a body the finders read short
        if not is_clause_start(text, opens):
            continue  # 把某某作为副书记为……: the post must be the clause's subject
        group = "by" if m.group("by") else "is"
        names = _names_in(m.group(group), m.start(group))
        for a, b in names:
            existing = next((pm for psp, pm in view.person_mentions if psp.start == a and psp.end == b), None)
            sp = Span(a, b, text[a:b], "Person", "profile", conf("profile"), role=m.group("title"))
            pm = existing or st.mention(view.sent, sp, "Person", sp.text)
            if existing is None:
                view.person_mentions.append((sp, pm))
            post_leads(st, view, sp, pm, at=pos)


def _body_start(view: SentenceView, pos: int) -> int:
    """Where the body (or place) whose post starts at ``pos`` starts, if one ends right before
    it (a body named by its kind too, whether or not the context resolves it); else ``pos``.
    (Only spans are read: nothing is resolved for a clause that turns out to be no profile.)"""
    spans = [o for o, _ in view.org_mentions] + list(view.generic) + [p for p, _ in view.named_places()]
    return min((o.start for o in spans if pos - 2 <= o.end <= pos and not _GAP_BREAK.search(view.text, o.end, pos)),
               default=pos)


def _names_in(words: str, start: int) -> list[tuple[int, int]]:
    """The holders' names in the predicate ``words`` (at ``start``): one, or several listed
    (为某某、某某), each found by :func:`_name_in`; none unless every part is a name."""
    found, at = [], start
    for part in words.split("、"):
        one = _name_in(part, at)
        if one is None:
            # 由某公司站长、退役军人某某担任: a list of the one holder's roles, not of holders
            whole = _name_in(words, start)
            return [whole] if whole is not None else []
        found.append(one)
        at += len(part) + 1
    return found


def _name_in(words: str, start: int) -> tuple[int, int] | None:
    """The holder's name in the predicate ``words`` (at ``start``): all of it, or what follows
    the holder's plain role (老党员某某, 某局干部某某), less what closes it (某某一人)."""
    end = len(words) - next((len(t) for t in _AFTER_NAME if words.endswith(t)), 0)
    cuts = [0] + [k + len(r) for r in _ROLE_BEFORE_NAME if (k := words.rfind(r, 0, end)) >= 0]
    for k in sorted(set(cuts)):
        name = words[k:end]
        if plausible_name(name) and not is_common_word(name):
            return start + k, start + end
    return None


def _appositions(st: DocState, view: SentenceView) -> None:
    """A person and the ``leads`` facts of each apposition in the sentence, or of the row of a
    table of names that the sentence is (某某某  某村党支部书记)."""
    text = view.text
    if ("，" in text or "," in text) and _CLOSED_TITLE.search(text):
        matches = [(m, m.end("name") + 1) for m in APPOSITION.finditer(text)]
    elif (row := ROW.match(text)) is not None:
        matches = [(row, row.start("body"))]
    else:
        return
    for m, body_at in matches:
        name = m.group("name")
        if not plausible_name(name) or not is_clause_start(text, m.start("name")):
            continue
        hits = _posts(st, view, m)
        if not hits or hits[-1][0][0].start != body_at:
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
