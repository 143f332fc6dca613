"""implements candidates: for each practice, the bodies and places that may carry it out."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ...extract import lexicon as L
from ...extract.spans import token_bounds, tokens
from ...model import PLACE_TYPES, Mention, Sentence
from .view import DocView, Pair, bucket

_ACTORS = (*PLACE_TYPES, "Organization")
_VERB_RE = re.compile("|".join(map(re.escape, L.IMPLEMENT_VERBS)))


_COMMA = re.compile(r"[，,；;]")
_FULL_STOP = re.compile(r"[。！？]")


def _between_feats(text: str) -> list[str]:
    f = []
    if _VERB_RE.search(text):
        f.append("verb-between")
    if _COMMA.search(text):
        f.append("comma-between")
    if _FULL_STOP.search(text):
        f.append("stop-between")
    return f


_LEVELS = {"Province": 1, "City": 2, "County": 3, "Town": 4, "Street": 4, "Community": 5, "Village": 5, "Neighborhood": 6}
_CLAUSE_MARKS = "，,。；;：:"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARKS}]")


class _Actors:
    """What the document says of its bodies and places as actors: how often each is named,
    which are named most, and how many practices the rules already credit to each."""

    def __init__(self, view: DocView, rule_pairs: dict[tuple[str, str], str]):
        x = view.x
        self.view, self.rule_pairs = view, rule_pairs
        self.all = [m for m in x.mentions if m.type in _ACTORS]
        places = Counter(m.canonical for m in self.all if m.type in PLACE_TYPES)
        orgs = Counter(m.canonical for m in self.all if m.type == "Organization")
        self.top_place = {n for n, c in places.items() if c == max(places.values(), default=0)}
        self.top_org = {n for n, c in orgs.items() if c == max(orgs.values(), default=0)}
        top = self.top_place | self.top_org
        #: the most named bodies and places, each by its first mention (a candidate an
        #: actor's name: later mentions of a name already proposed add nothing)
        self.top: list[Mention] = []
        for m in self.all:
            if m.canonical in top:
                self.top.append(m)
                top.discard(m.canonical)
        by_id = {m.id: m for m in x.mentions}
        self.credits = Counter(by_id[s].canonical for s, _ in rule_pairs if s in by_id)

    def pair(self, m: Mention, mm: Mention, where: list[str], verb: str) -> Pair:
        f = ["bias-pair", "actor:" + m.type, *where]
        if m.type == "Organization":
            f += ["head:" + m.canonical[-2:], "ohead1:" + m.canonical[-1:]]
        else:
            f.append("level:" + str(_LEVELS.get(m.type, 0)))
        f.append("count:" + bucket(self.view.counts[m.canonical], (1, 2, 4, 8)))
        if m.canonical in self.top_place:
            f.append("top-place")
        if m.canonical in self.top_org:
            f.append("top-org")
        f.append("actor-credited:" + bucket(self.credits.get(m.canonical, 0), (0, 1, 3)))
        if verb:
            f.append("mech-Lw:" + verb)
        how = self.rule_pairs.get((m.id, mm.id))
        if how:
            f += ["rule-pair", "rule:" + how]
        return Pair(m, mm, f)


def _spots(view: DocView, sents: list[Sentence], k: int, i: int, j: int):
    """Every body and place that may act for the practice at ``i:j`` of sentence ``k``, with
    where it stands: before it in the sentence (nearest first), after it, in the two
    sentences before, in the headline."""
    sent = sents[k]
    text = sent.text
    here = sorted(view.spans(sent, _ACTORS), key=lambda t: (t[0], -t[1]))
    bodies = [(a, b) for a, b, m in here if m.type == "Organization"]
    for rank, (a, b, m) in enumerate(reversed([t for t in here if t[1] <= i]), 1):
        f = ["same-sent", "before", "rank:" + bucket(rank, (1, 2, 3)), "dist:" + bucket(i - b, (0, 2, 5, 10, 20, 40))]
        f += _between_feats(text[b:i])
        if not _CLAUSE_MARK.search(text[b:i]):
            f.append("same-clause")
        if any(oa <= a and b <= ob and (oa, ob) != (a, b) for oa, ob in bodies):
            f.append("inside-body")  # a place inside a body's name speaks through the body
        if a == 0 or text[a - 1] in _CLAUSE_MARKS:
            f.append("clause-start")
        if text[max(0, a - 1):a] == "在" or text[max(0, a - 2):a] in ("来到", "走进", "深入"):
            f.append("venue")
        if text[b:b + 1] == "的":
            f.append("of-after")
        yield m, f
    for rank, (a, _b, m) in enumerate([t for t in here if t[0] >= j], 1):
        f = ["same-sent", "after", "rank:" + bucket(rank, (1, 2)), "dist:" + bucket(a - j, (0, 2, 5, 10, 20, 40))]
        yield m, f + _between_feats(text[j:a])
    for back in (1, 2):
        if k - back < 0 or sents[k - back].article != sent.article:
            break
        prev = sents[k - back]
        for rank, (a, _b, m) in enumerate(sorted(view.spans(prev, _ACTORS), key=lambda t: -t[1]), 1):
            f = [f"prev{back}", "rank:" + bucket(rank, (1, 2, 3))]
            if a == 0 or prev.text[a - 1] in _CLAUSE_MARKS:
                f.append("clause-start")
            yield m, f
    for s in view.headings.get(sent.article, ()):
        if s.index < sent.index:
            for _a, _b, m in view.spans(s, _ACTORS):
                yield m, ["headline"]


def pair_candidates(view: DocView, mechs: list[tuple[Sentence, int, int, Mention]],
                    rule_pairs: dict[tuple[str, str], str]) -> list[Pair]:
    """For each mechanism mention, the bodies and places that may carry it out (one
    candidate an actor's name: its nearest mention)."""
    sents = view.x.doc.sentences
    pos = {s.index: k for k, s in enumerate(sents)}
    actors = _Actors(view, rule_pairs)
    out: list[Pair] = []
    for sent, i, j, mm in mechs:
        k = bisect_right(token_bounds(sent.text)[1], i)  # the words ending by i: the last is the verb
        a, b, _ = tokens(sent.text)[k - 1] if k else (0, 0, "")
        verb = sent.text[a:b]
        seen: set[str] = set()
        spots = list(_spots(view, sents, pos[sent.index], i, j))
        spots += [(m, ["doc-top"]) for m in actors.top]
        for m, where in spots:
            if m.canonical not in seen:
                seen.add(m.canonical)
                out.append(actors.pair(m, mm, where, verb))
    return out
