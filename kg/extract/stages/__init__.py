"""The stages of a document's extraction, in the order they run on each sentence.

Every stage has one signature, ``stage(state, view)``: it reads the document's
:class:`~kg.extract.state.DocState` and the sentence's :class:`~kg.extract.sentence.SentenceView`
and adds to them.  :func:`kg.extract.document.extract` runs them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..sentence import SentenceView
from ..state import DocState
from . import bodies, coreference, credits, leads, mechanisms, people, places, subjects


class Stage(NamedTuple):
    name: str
    run: Callable[[DocState, SentenceView], None]
    does: str


#: the stages, in order
STAGES: tuple[Stage, ...] = (
    Stage("article", subjects.article, "a new article clears the subject; a new paragraph sets it"),
    Stage("places", places.run, "places and chains: gazetteer rows in context, locatedIn"),
    Stage("bodies", bodies.run, "bodies: named, short (市国资委) and named by their kind (社区党委)"),
    Stage("coreference", coreference.run, "该县, 全旗, 本社区, 该院: what the article last named"),
    Stage("people", people.run, "people and their posts: leads of the body before the post"),
    Stage("leads", leads.run, "leads by apposition: 某某，某村党支部书记，……"),
    Stage("subjects", subjects.run, "the sentence's own subject; a headline's place"),
    Stage("credits", credits.run, "deferred credits: a quote's practices to its speaker's body"),
    Stage("mechanisms", mechanisms.run, "mechanisms and implements"),
    Stage("carry", subjects.carry, "the sentence's subject becomes the article's"),
)


def stage(name: str) -> Stage:
    """The stage called ``name``; a name no stage has is an error listing those there are."""
    for s in STAGES:
        if s.name == name:
            return s
    raise KeyError(f"no stage {name!r}; the stages are {', '.join(s.name for s in STAGES)}")
