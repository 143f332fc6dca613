"""A document's extraction indexed for candidates, and what a candidate is."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ...extract.place_words import without_kind
from ...model import PLACE_TYPES, Extraction, Mention, Sentence

PUNCT = re.compile(r"[\s，,。；;：:、！？!?“”‘’\"（）()《》【】\[\]「」·—-]")


def is_reference(m: Mention) -> bool:
    """A place named by a reference to it (该村, 本镇), not by its name."""
    return m.name[:1] in "该本此" and m.name != m.canonical


@lru_cache(maxsize=4096)
def bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def local(sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """Positions in ``sent.text`` of the original-file span ``start:end`` (None: not inside)."""
    if not sent.offsets:
        i, j = start - sent.start, end - sent.start
    else:
        i = bisect_left(sent.offsets, start)
        j = bisect_right(sent.offsets, end - 1)
    if 0 <= i < j <= len(sent.text):
        return i, j
    return None


@dataclass
class Candidate:
    """A proposed mention (``mention`` is the rules' own, when they found it)."""

    type: str
    sent: Sentence
    start: int  # in sent.text
    end: int
    name: str  # the name a graph would show
    feats: list[str] = field(default_factory=list)
    mention: Mention | None = None
    #: a body named by its kind alone (镇党委): the place of the article it is read as
    place: Mention | None = None

    @property
    def surface(self) -> str:
        return self.sent.text[self.start : self.end]


@dataclass
class Pair:
    """A proposed implements fact between an actor mention and a mechanism mention."""

    actor: Mention
    mech: Mention
    feats: list[str] = field(default_factory=list)


#: what counts things or takes them one by one, right before a word (23个|林盘, 每|户, 各|村)
_COUNTING = frozenset("个每各")
#: a phrase in Chinese quotation marks
_QUOTED = re.compile(r"“([^“”]{2,30})”")


#: the kinds of place whose names end in a shorter kind's word (某某社区 in 区, 某某小区, 内蒙古自治区)
_LONGER_KINDS = {"区": ("社区", "小区", "自治区")}


def of_kind(m: Mention, ending: str) -> bool:
    """Is the place ``m`` one of the kind whose word is ``ending`` (某某旗 for 旗; 某某区, not
    某某社区, for 区)?"""
    return m.canonical.endswith(ending) and len(m.canonical) > len(ending) \
        and not m.canonical.endswith(_LONGER_KINDS.get(ending, ()))


#: the readings of a place that write its name (in full or short), not a reference to it (全旗, 该县)
_NAMING_READINGS = frozenset(("gazetteer", "gazetteer-alias"))


class DocView:
    """One document's extraction indexed for candidates: mentions by sentence, with their
    positions in the sentence text."""

    def __init__(self, x: Extraction):
        self.x = x
        self.sents, self._article_text, self.headings, locs = _doc_index(x.doc)
        self.by_sent: dict[int, list[tuple[int, int, Mention]]] = {}
        for m in x.mentions:
            ev = m.evidence
            s = self.sents.get(ev.sentence)
            if s is None:
                continue
            key = (ev.sentence, ev.start, ev.end)
            loc = locs.get(key, locs)
            if loc is locs:
                loc = locs[key] = local(s, ev.start, ev.end)
            if loc is not None:
                self.by_sent.setdefault(s.index, []).append((loc[0], loc[1], m))
        self.counts = Counter(m.canonical for m in x.mentions)
        self._focal: dict[tuple[int, str], tuple[Mention, int, int] | None] = {}
        self._places_by_article: dict[int, list[Mention]] | None = None
        self._spans: dict[tuple[int, tuple[str, ...] | None], list[tuple[int, int, Mention]]] = {}
        self._quotes: dict[int, list[str]] = {}  # each article's quoted phrases, read when asked
        self._place_stems: frozenset[str] | None = None

    def place_stem(self, name: str) -> bool:
        """Is ``name`` the name of a lower place the document names, less its kind (某某 of
        某某镇, of 某某小区): the place called short, no one's name."""
        if self._place_stems is None:
            stems = set()
            for m in self.x.mentions:
                if m.type in PLACE_TYPES:
                    for form in (m.canonical, m.name):
                        stem = without_kind(form)
                        if stem != form and len(stem) >= 2:
                            stems.add(stem)
            self._place_stems = frozenset(stems)
        return name in self._place_stems

    def count(self, sent: Sentence, text: str) -> int:
        """How often ``text`` occurs in the article of ``sent`` (an article, not the whole
        file: a corpus of a thousand pages costs a thousand times one page, not a million)."""
        return self._article_text.get(sent.article, "").count(text)

    def count_apart(self, sent: Sentence, text: str, chars: frozenset[str] | set[str]) -> int:
        """How often ``text`` occurs in the article of ``sent`` with none of ``chars`` right
        before or after it (乌力吉 alone, not inside 孟和乌力吉图)."""
        article = self._article_text.get(sent.article, "")
        n, k = 0, article.find(text)
        while k >= 0:
            e = k + len(text)
            n += (k == 0 or article[k - 1] not in chars) and (e >= len(article) or article[e] not in chars)
            k = article.find(text, k + 1)
        return n

    def part_of_a_quote(self, sent: Sentence, q: str) -> bool:
        """Is the short quoted ``q`` one piece of a longer quoted name in the article of
        ``sent`` (“一图” of “一图一册一群一会”工作法: a part the longer practice spells out, not a
        practice of its own; a name joined by + keeps its parts, which are often their own)?"""
        article = self._article_text.get(sent.article, "")
        if len(q) > 4 or "“" + q + "”" not in article:
            return False
        quotes = self._quotes.get(sent.article)
        if quotes is None:
            quotes = self._quotes[sent.article] = _QUOTED.findall(article)
        return any(len(w) >= 2 * len(q) and q in w and "+" not in w and "＋" not in w for w in quotes)

    def counted(self, sent: Sentence, text: str) -> bool:
        """Is ``text`` counted or taken one by one somewhere in the article of ``sent``
        (23个|林盘, 每个|某某, 各|某某): a thing's word, which no one's name is."""
        article = self._article_text.get(sent.article, "")
        k = article.find(text)
        while k >= 0:
            if k > 0 and article[k - 1] in _COUNTING:
                return True
            k = article.find(text, k + 1)
        return False

    def focal(self, sent: Sentence, ending: str) -> tuple[Mention, int, int] | None:
        """The place of the article of ``sent`` whose name ends in ``ending`` (镇, 旗, 社区)
        that it names most (the first named on a tie), with how many such places the article
        names and how often it names that one."""
        key = (sent.article, ending)
        if key not in self._focal:
            if self._places_by_article is None:
                self._places_by_article = {}
                for m in self.x.mentions:
                    s = self.sents.get(m.evidence.sentence)
                    if m.type in PLACE_TYPES and s is not None:
                        self._places_by_article.setdefault(s.article, []).append(m)
            named = Counter()
            first: dict[str, Mention] = {}
            for m in self._places_by_article.get(sent.article, ()):
                if of_kind(m, ending):
                    named[m.canonical] += 1
                    first.setdefault(m.canonical, m)
            best = max(named, key=lambda n: (named[n], -first[n].evidence.start), default=None)
            self._focal[key] = None if best is None else (first[best], len(named), named[best])
        return self._focal[key]

    def written(self, sent: Sentence, place: Mention, level: str) -> str:
        """``place`` as the article of ``sent`` writes it most, where that form ends in the
        level's character as the full name does (禄劝县 for 禄劝彝族苗族自治县: its 县委政法委 is
        禄劝县委政法委, as the annotated pages keep a body's place as written)."""
        self.focal(sent, level)  # (the article's places, indexed)
        forms = Counter(m.name for m in self._places_by_article.get(sent.article, ())
                        if m.canonical == place.canonical and m.evidence.extractor in _NAMING_READINGS)
        best = max(sorted(forms), key=lambda f: forms[f], default=place.canonical)
        return best if best.endswith(level) and len(best) >= 2 and forms[best] > forms.get(place.canonical, 0) else place.canonical

    def last(self, sent: Sentence, at: int, ending: str) -> Mention | None:
        """The place of the article of ``sent`` whose name ends in ``ending`` named last
        before position ``at`` of ``sent`` (the reading a reader gives 镇党委 mid-article)."""
        k, before = sent.index, at
        while k in self.sents and self.sents[k].article == sent.article:
            for a, _b, m in sorted(self.spans(self.sents[k], PLACE_TYPES), key=lambda t: -t[0]):
                if a < before and of_kind(m, ending) and not is_reference(m):
                    return m
            k, before = k - 1, len(self.sents[k - 1].text) if k - 1 in self.sents else 0
        return None

    def spans(self, sent: Sentence, types: tuple[str, ...] | None = None) -> list[tuple[int, int, Mention]]:
        """The mentions of ``sent`` (of ``types``) with their positions in its text, in the
        order they were found (one list a sentence and types: the caller reads, never
        changes it)."""
        key = (sent.index, types)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = [t for t in self.by_sent.get(sent.index, []) if types is None or t[2].type in types]
        return found


#: the last document indexed by :func:`_doc_index` and its indexes: a document's decisions
#: build several views of it in turn (each after the one before changed its mentions)
_LAST_DOC: list = []


def _doc_index(doc) -> tuple[dict[int, Sentence], dict[int, str], dict[int, list[Sentence]], dict]:
    """What a view of ``doc`` reads from its sentences alone: the sentences by index, each
    article's text, each article's headlines in order, and a memo of :func:`local`."""
    if _LAST_DOC and _LAST_DOC[0] is doc and _LAST_DOC[1] is doc.sentences:
        return _LAST_DOC[2]
    sents = {s.index: s for s in doc.sentences}
    texts: dict[int, list[str]] = {}
    for s in doc.sentences:
        texts.setdefault(s.article, []).append(s.text)
    headings: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        if s.is_heading:
            headings.setdefault(s.article, []).append(s)
    found = (sents, {a: "".join(t) for a, t in texts.items()}, headings, {})
    _LAST_DOC[:] = [doc, doc.sentences, found]
    return found
