"""What the reader knows at a point in a document: its mentions by id, the article's subject,
the places and bodies it has named.

One :class:`DocState` lives through one document's extraction; the stages
(:mod:`kg.extract.stages`) read it and add to it, one sentence at a time.  Every field is
created here, so what a stage may read is what this class declares.
"""

from __future__ import annotations

from ..gazetteer import Division, Gazetteer
from ..model import Document, Evidence, Extraction, Mention, RelationMention, Sentence
from .spans import Span

#: (mention id, type, name) of a place the document named
PlaceRef = tuple[str, str, str]


def evidence(doc: Document, sent: Sentence, span: Span | None, how: str, source: str | None = None) -> Evidence:
    """Where ``span`` (or the whole sentence) stands in the original file, read by ``how``;
    ``source``: the sentence as it stands there, if already cut out."""
    if span is None:
        start, end = sent.start, sent.end
    else:
        start, end = sent.span(span.start, span.end)
    if source is None:
        source = doc.text[sent.start : sent.end]
    return Evidence(doc.id, sent.index, start, end, source, how, sent.article)


#: levels no practice is credited to for being what the article is about: an article that
#: opens on the region is seldom about the region, and its practices are someone's in it
#: (under cross-validation, no such credit on the real excerpts was right)
TOO_WIDE_TO_ACT = frozenset({"Province"})


class DocState:
    """One document's extraction so far."""

    def __init__(self, doc: Document, gaz: Gazetteer) -> None:
        self.doc, self.gaz = doc, gaz
        self.out = Extraction(doc)
        self.count = 0  # mentions made: the running number of each mention's id
        self.by_id: dict[str, Mention] = {}  # every mention made, by id
        self.keys: dict[str, str] = {}  # place mention id → the place's key
        self.led: dict[str, str] = {}  # person mention id → the last body or place it leads
        self.last_led: Mention | None = None  # what 他 or 她 acts for: the last body led
        # the document: divisions it is about (id → weight), and its autonomous region
        self.region: dict[int, float] = {}
        self.province: Division | None = None
        self.place_keys: dict[str, str] = {}  # surface or canonical name → place key
        self.place_rows: dict[str, Division | None] = {}  # place key → gazetteer row
        self.stems: dict[str, str] = {}  # a county's or city's name less its level (某某区 → 某某) → its key
        # places the gazetteer has but the text had not yet placed (a headline's village
        # before its town is named): place key → its span, tried again at the end
        self.unplaced: dict[str, Span] = {}
        # the places of the document's earlier articles, each place once at its last mention
        # (every lookup wants the latest of equal places), so lookups cost the number of
        # distinct places, not of mentions: (type, name, key) → (mention id, type, name)
        self.doc_places: dict[tuple[str, str, str], PlaceRef] = {}
        # each article's provinces, cities and counties the gazetteer reads without doubt, in
        # order (article → [(type, full name)]): what a body named by its level alone before
        # its place is named (旗委副书记某某…… then 某某旗) belongs to
        self.article_uppers: dict[int, list[tuple[str, str]]] = {}
        # the article being read
        self.article = -1
        self.recent_places: list[PlaceRef] = []  # the places of the article, in order
        self.recent_orgs: list[tuple[str, str]] = []  # (mention id, name) of its bodies
        self.subject: str | None = None  # mention id of the article's current subject
        self.subject_counts: dict[str, list] = {}  # subject key → [times, first sentence, mention id]
        #: the names of the practices the document has named (read again where it repeats them)
        self.practice_names: set[str] = set()
        self._names_in_order: list[str] = []  # :meth:`practice_names_in_order`'s last answer
        self._cut: tuple[Sentence, str] | None = None  # :meth:`_source`'s last sentence and its text
        #: practices of a quote whose speaker comes later: (sentence, span, mention, fallback id)
        self.pending_quote: list[tuple[Sentence, Span, Mention, str | None]] = []

    # ---------------------------------------------------------- what is made
    def mention(self, sent: Sentence, sp: Span, type_: str, canonical: str, **kw) -> Mention:
        """A new mention of ``sp`` in ``sent``, kept in the extraction and by its id."""
        self.count += 1
        kw.setdefault("confidence", sp.confidence)
        m = Mention(
            id=f"{self.doc.id}:{sent.index}:{self.count}",
            type=type_,
            name=sp.text,
            canonical=canonical,
            evidence=evidence(self.doc, sent, sp, sp.how, self._source(sent)),
            **kw,
        )
        self.out.mentions.append(m)
        self.by_id[m.id] = m
        return m

    def relation(self, sent: Sentence, s: Mention, p: str, o: Mention, how: str, conf: float,
                 span: Span | None = None, role: str | None = None) -> None:
        """A relation read in ``sent`` by the rule ``how``."""
        if p == "leads":
            self.last_led = o  # who "他" or "她" later acts for
            self.led[s.id] = o.id
        self.out.relations.append(
            RelationMention(s.id, p, o.id, evidence(self.doc, sent, span, how, self._source(sent)), round(conf, 3), role)
        )

    def set_aside(self, name: str, read, *args) -> tuple[list[Mention], list[RelationMention]]:
        """Run ``read(*args)`` (which makes mentions and relations as a stage does) and take what it
        made back out of this state, as if it had not run: returned with fresh ids, ``name``
        then a running number (the rules' own ids and output stay as they were)."""
        n_m, n_r, count, last_led, led = len(self.out.mentions), len(self.out.relations), self.count, self.last_led, dict(self.led)
        read(*args)
        made, facts = self.out.mentions[n_m:], self.out.relations[n_r:]
        del self.out.mentions[n_m:], self.out.relations[n_r:]
        self.count, self.last_led, self.led = count, last_led, led
        ids = {}
        for k, m in enumerate(made):
            del self.by_id[m.id]
            ids[m.id] = m.id = f"{name}.{k}"
        for r in facts:
            r.object = ids.get(r.object, r.object)
        return made, facts

    def _source(self, sent: Sentence) -> str:
        """``sent`` as it stands in the file: cut out once for all the evidence read in it
        (one string, which an outcome then carries once)."""
        cut = self._cut
        if cut is None or cut[0] is not sent:
            cut = self._cut = (sent, self.doc.text[sent.start : sent.end])
        return cut[1]

    @property
    def article_actor(self) -> str | None:
        """The article's subject as the one carrying out a practice no sentence credits
        (rule ``implements-article``): not where it is the region (:data:`TOO_WIDE_TO_ACT`)."""
        if self.subject is None or self.by_id[self.subject].type in TOO_WIDE_TO_ACT:
            return None
        return self.subject

    def key_of(self, m: Mention | None) -> str | None:
        """The place key of a place mention."""
        return self.keys.get(m.id) if m is not None else None

    def practice_names_in_order(self) -> list[str]:
        """:attr:`practice_names`, longest first, then in code point order.  The set only
        grows: it is sorted again only when a name has been added since, not once a
        sentence (a long page names hundreds)."""
        if len(self._names_in_order) != len(self.practice_names):
            self._names_in_order = sorted(self.practice_names, key=lambda n: (-len(n), n))
        return self._names_in_order

    # ---------------------------------------------------------- articles and paragraphs
    def new_article(self, article: int) -> None:
        """Close the article being read and open ``article``: its places go to the document's."""
        self.article = article
        for mid, t, name in self.recent_places:
            ident = (t, name, self.keys.get(mid, ""))
            self.doc_places.pop(ident, None)
            self.doc_places[ident] = (mid, t, name)
        self.recent_places = []
        self.subject = None
        self.recent_orgs = []
        self.last_led = None
        self.subject_counts = {}

    def paragraph_start(self, sent: Sentence) -> bool:
        """Does ``sent`` open a paragraph of the file?"""
        text, i = self.doc.text, sent.start
        while i > 0 and text[i - 1] in " \t\u3000":
            i -= 1  # (never a copy of all the text before the sentence)
        return i == 0 or text[i - 1] in "\n\r"
