"""One sentence as the stages see it: its text, the spans the finders found in it and the
mentions made of them so far.

A :class:`SentenceView` is made for each sentence with its place spans; each stage
(:mod:`kg.extract.stages`) fills the fields it is named for and reads those of the stages
before it.  Every field is created here.
"""

from __future__ import annotations

import re

from ..model import Mention, Sentence
from .spans import Span

#: the fixed patterns of :class:`SentenceView`, compiled once
_SENTENCEVIEW_RE1 = re.compile(r"[。!?！？]")


class SentenceView:
    """One sentence being read, with what the stages found in it."""

    def __init__(self, sent: Sentence, pspans: list[Span], first: int) -> None:
        self.sent = sent
        self.text = sent.text
        # a news brief opened by a mark (◆……。) is set as a heading line but reads as body
        self.heading = sent.is_heading and not _SENTENCEVIEW_RE1.search(sent.text)
        self.first = first  # where this sentence's mentions begin in the extraction's list
        self.pspans = pspans  # place spans (chain links index into this list)
        self.places: dict[int, Mention] = {}  # place span index → its mention
        self.place_by_span: dict[tuple[int, int], Mention] = {}  # original offsets → place mention
        self.orgs: list[Span] = []  # body spans of the finder
        self.org_mentions: list[tuple[Span, Mention]] = []  # bodies that may act or hold posts
        self.generic: list[Span] = []  # bodies named by their kind alone (居委会, 社区党委)
        self.person_mentions: list[tuple[Span, Mention]] = []
        self.mechs: list[Span] = []  # practices named
        self.subject: Mention | None = None  # the sentence's own subject, if it opens a clause
        self.subject_at = 0  # where that subject stands
        self.quote_only = sent.text.startswith("“") and sent.text.endswith("”") and not self.heading

    def place_of(self, sp: Span) -> Mention | None:
        """The place mention made of the place span ``sp``, if one was."""
        return self.place_by_span.get(self.sent.span(sp.start, sp.end))

    def named_places(self) -> list[tuple[Span, Mention]]:
        """The place spans that became mentions, with their mentions."""
        return [(p, m) for p in self.pspans if (m := self.place_of(p)) is not None]

    def chain_head(self, o: Span) -> int:
        """Where the chain of places that ends where ``o`` begins (or that opens ``o``)
        starts: 九原区沙河街道康乐社区党委 starts at 九原区."""
        start = o.start
        while True:
            prev = next((p for p in self.pspans if p.end == start or (p.start < start and p.end > start)), None)
            if prev is None or prev.start >= start:
                return start
            start = prev.start

    def scene(self, before: int) -> Mention | None:
        """The place the sentence opens on, 在某镇某村，……, if its chain ends before ``before``
        (in a chain, its last place)."""
        m = _SCENE_OPENING.match(self.text)
        if m is None:
            return None
        p = next((p for p in self.pspans if p.start == m.end()), None)
        if p is None or p.end > before:
            return None
        end = self.chain_stop(p)
        if not _SCENE_CLOSE.match(self.text, end):
            return None
        last = max((q for q in self.pspans if q.end == end), key=lambda q: q.start, default=p)
        return self.place_of(last)

    def chain_next(self, k: int) -> int | None:
        """The index of the place that continues the chain at place span ``k``."""
        return next((j for j, q in enumerate(self.pspans) if q.chain_prev == k), None)

    def chain_stop(self, sp: Span) -> int:
        """Where the chain of places that opens with ``sp`` ends (乌县某某镇某某村 → after 村)."""
        if sp not in self.pspans:
            return sp.end
        k = self.pspans.index(sp)
        while (nxt := self.chain_next(k)) is not None:
            k = nxt
        return self.pspans[k].end

    def chain_end(self, sp: Span, m: Mention) -> Mention:
        """The most specific place of a chain that opens with ``sp``: in "昆都仑区少先路街道
        少先二十社区创新……" the community acts, not the district."""
        if sp not in self.pspans:
            return m
        k = self.pspans.index(sp)
        while (nxt := self.chain_next(k)) is not None:
            found = self.place_of(self.pspans[nxt])
            if found is None:
                return m
            k, m = nxt, found
        return m


#: what a sentence opening on its place (在某镇某村，……) starts and closes that place with
_SCENE_OPENING = re.compile(r"\s*在")
_SCENE_CLOSE = re.compile(r"[,，]")
