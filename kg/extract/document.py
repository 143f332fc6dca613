"""Extraction in context: one document's spans turned into mentions and relations.

The span finders (:mod:`kg.extract.places`, :mod:`~kg.extract.bodies`, :mod:`~kg.extract.people`,
:mod:`~kg.extract.practices`) see one sentence at a time.  Here the article is the context a
reader uses: which of China's many 太平镇 the text means (the places around it), what a bare
社区 or 居委会 refers to, who the subject of a sentence without one is ("创新实施……机制"
credits the article's current subject), and which body a post belongs to.  Each of those is a
stage (:data:`kg.extract.stages.STAGES`) run on every sentence over the document's state.
"""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..model import Document, Extraction
from ..timing import timed
from .sentence import SentenceView
from .stages import STAGES, bodies, credits, places
from .state import DocState


@timed("document")
def extract(doc: Document, gaz: Gazetteer) -> Extraction:
    """All mentions and relations of one document."""
    st = DocState(doc, gaz)
    place_spans = places.prepare(st)
    runs = [s.run for s in STAGES]
    for sent, pspans in zip(doc.sentences, place_spans, strict=True):
        view = SentenceView(sent, pspans, len(st.out.mentions))
        for run in runs:
            run(st, view)
    credits.flush(st)
    places.late_places(st)
    places.estates_of_their_community(st)
    places.former_name_links(st)
    bodies.drop_idle_venues(st)
    st.out.keys = dict(st.keys)
    return st.out
