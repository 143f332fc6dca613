"""The graph's entity types and relations, declared once.

Everything else that lists them is derived from :data:`ENTITY_TYPES` and :data:`RELATIONS`:
the constants of :mod:`kg.model` (``PLACE_TYPES``, ``ENTITY_TYPES``, ``RELATION_TYPES``,
``RELATION_ENDS``, ``PLACE_LEVEL``), the HTML view's colours and shapes, the JSON-LD
context's object properties, the evaluator's relations and how each is scored, and the
resolver's key rule per type.  ``tests/test_schema.py`` checks the declaration against
``ontology/kg.ttl`` (classes, domains and ranges) and ``ontology/shapes.ttl`` (the entity
classes' ``sh:in``, the statements' predicates, the shapes on each relation's ends).

Adding a relation is one :class:`RelationType` here, its terms in the ontology and the
shapes (the test says what is missing), and the rules that find it.

>>> entity_type("County").level, entity_type("County").is_place, entity_type("Person").is_place
(3, True, False)
>>> sorted(relation("leads").objects) == sorted([*PLACE_TYPES, "Organization"])
True
>>> entity_type("Countie")
Traceback (most recent call last):
...
ValueError: unknown entity type 'Countie'; the schema declares Province, City, County, Town, Street, Community, Village, Neighborhood, Organization, Person, Mechanism
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ENTITY_TYPES", "PLACE", "PLACE_TYPES", "RELATIONS", "SOURCE_LINKS", "EntityType", "RelationType",
           "entity_type", "jsonld_object_properties", "relation", "stated_relations"]

#: The ontology's superclass of every place type: a domain or range may name it.
PLACE = "Place"

KeyRule = Literal["place", "body", "person", "mechanism"]
Scoring = Literal["closure", "pairs"]


@dataclass(frozen=True)
class EntityType:
    """One entity class (a ``kg:`` class whose instances are the graph's nodes)."""

    name: str
    #: How the resolver keys a mention of this type (see :mod:`kg.resolve`): a place by its
    #: gazetteer key or its parent, a body by the place it is named after, a person by name
    #: and what ties the mentions, a mechanism by its core name.
    key: KeyRule
    #: The HTML view: node colour and vis-network shape.
    colour: str
    shape: str
    #: Places only: administrative depth (1 province ... 6 compound); a parent is above its
    #: child. Street and Town share a level, Community and Village the one below.
    level: int | None = None

    @property
    def is_place(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class RelationType:
    """One relation between entities (a ``kg:`` object property between entity classes)."""

    name: str
    #: The classes it joins, as the ontology's rdfs:domain / rdfs:range name them
    #: (:data:`PLACE` for every place type).
    domain: tuple[str, ...]
    range: tuple[str, ...]
    #: The HTML view's edge colour.
    colour: str
    #: Stated by a sentence: a graph edge with evidence and a ``kg:Statement`` node. False for
    #: a relation read from a name (``basedIn``: a node attribute, no statement).
    stated: bool = True
    #: The statement carries the post as written (``kg:role``).
    role: bool = False
    #: How ``kg eval`` scores it: ``closure`` compares transitive closures per document over
    #: the places both name; ``pairs`` compares (subject, object) pairs over the whole graph.
    #: None: not scored (not in the gold format).
    scoring: Scoring | None = None

    @property
    def subjects(self) -> frozenset[str]:
        """The entity types it may start from."""
        return _expand(self.domain)

    @property
    def objects(self) -> frozenset[str]:
        """The entity types it may end at."""
        return _expand(self.range)


#: The entity classes, in the order the guideline lists them (the order of every listing).
#: Colours are the Okabe-Ito and Tableau palettes, distinguishable in print; places get the
#: polygons, agents the round shapes.
ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("Province", "place", "#7b3294", "hexagon", level=1),
    EntityType("City", "place", "#c2185b", "hexagon", level=2),
    EntityType("County", "place", "#d55e00", "diamond", level=3),
    EntityType("Town", "place", "#e69f00", "triangle", level=4),
    EntityType("Street", "place", "#b8860b", "triangleDown", level=4),
    EntityType("Community", "place", "#009e73", "square", level=5),
    EntityType("Village", "place", "#4daf4a", "square", level=5),
    EntityType("Neighborhood", "place", "#80b1d3", "square", level=6),
    EntityType("Organization", "body", "#0072b2", "dot"),
    EntityType("Person", "person", "#cc79a7", "star"),
    EntityType("Mechanism", "mechanism", "#56606b", "diamond"),
)

PLACE_TYPES: tuple[str, ...] = tuple(t.name for t in ENTITY_TYPES if t.is_place)

#: The relations, stated ones first in the guideline's order.
RELATIONS: tuple[RelationType, ...] = (
    RelationType("locatedIn", (PLACE,), (PLACE,), "#9aa5b1", scoring="closure"),
    RelationType("leads", ("Person",), ("Organization", PLACE), "#c0392b", role=True, scoring="pairs"),
    RelationType("implements", ("Organization", PLACE), ("Mechanism",), "#16a085", scoring="pairs"),
    RelationType("basedIn", ("Organization",), (PLACE,), "#7f8fa6", stated=False),
)

#: Object properties from an entity or a statement to its sources (not between entities).
#: ``kg:correctedBy`` is one too but is left out of the JSON-LD context, which would
#: otherwise change every JSON-LD file written so far.
SOURCE_LINKS: tuple[str, ...] = ("mentionedIn", "attestedBy")

_BY_NAME = {t.name: t for t in ENTITY_TYPES}
_RELATION_BY_NAME = {r.name: r for r in RELATIONS}


def _expand(classes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t for c in classes for t in (PLACE_TYPES if c == PLACE else (entity_type(c).name,)))


def entity_type(name: str) -> EntityType:
    """The declaration of entity type ``name``; ``ValueError`` naming the declared ones if
    there is none (an unknown type is never passed over quietly)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown entity type {name!r}; the schema declares {', '.join(_BY_NAME)}") from None


def relation(name: str) -> RelationType:
    """The declaration of relation ``name``; ``ValueError`` naming the declared ones if none.

    >>> relation("memberOf")
    Traceback (most recent call last):
    ...
    ValueError: unknown relation 'memberOf'; the schema declares locatedIn, leads, implements, basedIn
    """
    try:
        return _RELATION_BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown relation {name!r}; the schema declares {', '.join(_RELATION_BY_NAME)}") from None


def stated_relations() -> tuple[RelationType, ...]:
    """The relations sentences state (graph edges with statements), in order."""
    return tuple(r for r in RELATIONS if r.stated)


def jsonld_object_properties() -> tuple[str, ...]:
    """The properties the JSON-LD context types ``@id`` (their values are IRIs): every
    relation, then the links to sources.

    >>> jsonld_object_properties()
    ('locatedIn', 'leads', 'implements', 'basedIn', 'mentionedIn', 'attestedBy')
    """
    return (*(r.name for r in RELATIONS), *SOURCE_LINKS)
