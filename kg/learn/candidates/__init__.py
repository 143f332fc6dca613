"""Candidates the rules did not decide alone, each with the named features a model reads.

The rule extractors (:mod:`kg.extract`) already found mentions and relations.  Here every
plausible alternative is proposed beside them, with what the rules and the text say about it:

* **Mechanism**: every mechanism the rules found, and every quoted phrase of practice
  length that is no place, body or person (“楼道管家”, “院坝议事”): the guideline's
  practices are quoted four times in five.
* **Person**: every person the rules found, and every name the statistical tagger
  (:mod:`kg.learn.tagger`) reads in a sentence that holds a post, a speech verb or a byline.
* **implements**: for each mechanism, every body and place of its sentence and of the two
  before it, the headline's, and the document's most named ones, each a possible actor.

* **Organization**: every body the rules found, every name closed by a body's head opening
  one to five words before it, a body named by its kind alone read with its place, and the
  heads listed after a body of one place.

One module a decision (:mod:`.practices`, :mod:`.people`, :mod:`.bodies`,
:mod:`.implements`) over the indexed document of :mod:`.view`.

Features are plain strings (``"rule:mech-quoted"``, ``"R2:机制"``, ``"actor:Community"``);
:mod:`kg.learn.logreg` weighs them.  Nothing here decides: :mod:`kg.learn.decide` does.
"""

from .bodies import org_candidates, org_feats
from .implements import pair_candidates
from .people import PERSON_CUE, person_candidates, person_feats
from .practices import QUOTE_RE, mechanism_candidates, mechanism_feats
from .view import Candidate, DocView, Pair, local

__all__ = ["PERSON_CUE", "QUOTE_RE", "Candidate", "DocView", "Pair", "local", "mechanism_candidates",
           "mechanism_feats", "org_candidates", "org_feats", "pair_candidates", "person_candidates", "person_feats"]
