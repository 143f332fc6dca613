"""The data model that flows through the pipeline: read → extract → resolve → graph → export.

Plain dataclasses, no behaviour beyond small derived properties. Offsets are always
character offsets into the *original* decoded text of the file (``Document.text``), so
evidence can be shown and checked against what the user has on disk, even though the
extractors read a repaired copy (see :mod:`kg.read`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import schema

# The schema's names as plain tuples and maps (declared once, in :mod:`kg.schema`).
#: The place classes, from province down to residential compound.
PLACE_TYPES: tuple[str, ...] = schema.PLACE_TYPES
#: The entity classes, in the order the guideline lists them.
ENTITY_TYPES: tuple[str, ...] = tuple(t.name for t in schema.ENTITY_TYPES)
#: The relations sentences state (graph edges), in order.
RELATION_TYPES: tuple[str, ...] = tuple(r.name for r in schema.stated_relations())
#: What each relation may join: (subject types, object types), as ``ontology/kg.ttl``
#: declares their domains and ranges (a test keeps the two in step).
RELATION_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    r.name: (r.subjects, r.objects) for r in schema.stated_relations()
}
#: Administrative depth of each place type; used to check that a parent is above its child.
#: Street and Town share a level; Community and Village share the one below.
PLACE_LEVEL: dict[str, int] = {t.name: t.level for t in schema.ENTITY_TYPES if t.level is not None}


@dataclass
class Sentence:
    """One sentence of an article.

    ``text`` is the repaired text the extractors read; ``start``/``end`` locate the
    sentence in the original file, and ``offsets[i]`` is the original offset of
    ``text[i]`` (so any span found in ``text`` maps back exactly).
    """

    index: int  # running number within the document
    text: str
    start: int
    end: int
    offsets: list[int] = field(repr=False, default_factory=list)
    article: int = 0  # index of the article within the document
    is_heading: bool = False  # a headline, section title or byline line

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original-file offsets of ``text[i:j]``."""
        if not self.offsets:
            return self.start + i, self.start + j
        return self.offsets[i], self.offsets[j - 1] + 1


@dataclass
class Article:
    """One article of a newspaper page: its headline, byline and sentences."""

    index: int
    headline: str
    byline: str = ""
    start: int = 0
    end: int = 0
    #: publication date, ISO 8601 (``2024-03-05``); "" when neither the source nor the text gives one
    date: str = ""
    source: str = ""  # the URL the article was published at
    publisher: str = ""  # the outlet: a newspaper, a site
    creators: list[str] = field(default_factory=list)  # reporters and authors, by name
    page: int = 0  # the page of a PDF or scan it starts on (1-based); 0: no pages


@dataclass
class Document:
    """A decoded input file split into articles and sentences."""

    id: str  # the file stem: what the graph's document node is identified by
    path: str
    text: str  # the original decoded text; every offset points into it
    encoding: str = "utf-8"
    articles: list[Article] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the document, the sentence, the span, and by which extractor."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str  # the sentence as it stands in the original file
    extractor: str
    article: int = 0  # index of the article (for its headline)

    def key(self) -> tuple:
        return (self.doc, self.sentence, self.start, self.end, self.extractor)


@dataclass
class Mention:
    """An entity mention found by an extractor, before resolution.

    ``name`` is the surface form (repaired text); ``canonical`` the name the extractor
    believes is canonical (for places: expanded by the gazetteer; for organizations: with
    the place prefix the context supplies).  ``parent`` is the mention id of the containing
    place, when the text or the context gives one.
    """

    id: str  # unique within the document, e.g. "d003:s12:5"
    type: str
    name: str
    canonical: str
    evidence: Evidence
    confidence: float = 0.5
    adcode: str | None = None
    parent: str | None = None  # mention id of the containing place
    place: str | None = None  # for organizations: mention id of the place named in them
    aliases: tuple[str, ...] = ()


@dataclass
class RelationMention:
    """A relation between two mentions, as found in one sentence."""

    subject: str  # mention id
    predicate: str  # one of RELATION_TYPES
    object: str  # mention id
    evidence: Evidence
    confidence: float = 0.5
    role: str | None = None  # for leads: the post as written


@dataclass
class PostSlot:
    """What a name right after a leading post would lead, where the rules read no name there
    (社区党委书记、居委会主任|某某话音刚落): the bodies made for it (in no extraction's
    ``mentions`` until a name takes them) and its ``leads`` facts, their subject not yet
    anyone (see :attr:`Extraction.posts`)."""

    mentions: list[Mention] = field(default_factory=list)
    leads: list[RelationMention] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything the extractors found in one document."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    #: place mention id → the place's stable key, as decided in context (see kg.resolve)
    keys: dict[str, str] = field(default_factory=dict)
    #: a quoted phrase the rules took for no practice ("sentence:start:end") → who the
    #: sentence would credit with it and by which rule ("mention id|rule id"): the learned
    #: decisions, which may take the phrase for a practice, read its actor as the rules would
    actors: dict[str, str] = field(default_factory=dict)
    #: what resolution reads of this document alone, worked out where it was extracted
    #: (:func:`kg.resolve.document_part`): each mention's entity key, in the order of
    #: ``mentions``, and the places its bodies are named after; None: not worked out
    resolved: tuple[tuple[str | None, ...], tuple[tuple[str, str, int], ...]] | None = None
    #: a leading post the rules read no name after ("sentence:start", where a name would
    #: start) → what a name there would lead, as the rules read the post: the learned
    #: decisions, which may read a name there, give it those facts
    posts: dict[str, PostSlot] = field(default_factory=dict)


@dataclass
class Entity:
    """One real-world entity after resolution: one node of the graph."""

    id: str  # stable key, e.g. "County/150622" or "Town/150622/薛家湾镇"
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    adcode: str | None = None
    confidence: float = 0.5
    mentions: list[Evidence] = field(default_factory=list)
    linked: bool = False  # places: found in the gazetteer (so its parents are known)
    #: bodies: the id of the place the body is named after (红星村党支部 → 红星村), when a
    #: place of the same document is part of its name; read from the name, not a fact
    place: str | None = None

    @property
    def docs(self) -> list[str]:
        return sorted({e.doc for e in self.mentions})


@dataclass
class Relation:
    """One fact between two entities, with every piece of evidence for it."""

    subject: str  # entity id
    predicate: str
    object: str  # entity id
    role: str | None = None
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class BuildReport:
    """What a build read, what failed and why: the CLI prints it, tests inspect it."""

    files_read: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    seconds: float = 0.0
