"""Annotated corpora for training and cross-validation: texts beside gold files.

A corpus is a folder of texts and a folder of gold files in the guideline's format
(``GOLD/<stem>.json`` for ``TEXTS/<stem>.txt``).  Each document is read and run through the
rule extractors once; the models are trained on what the rules proposed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import gazetteer
from ..errors import InputError
from ..evaluate import Gold, read_gold
from ..extract.document import extract
from ..model import Extraction
from ..read import read_document


@dataclass
class Annotated:
    """One document's rule extraction and its gold."""

    corpus: str
    x: Extraction
    gold: Gold


def load_corpus(texts: str | Path, gold: str | Path, aliases: tuple = ()) -> list[Annotated]:
    """Every gold file of ``gold`` with its text in ``texts``, extracted by the rules."""
    texts, gold = Path(texts), Path(gold)
    if not texts.is_dir():
        raise InputError(str(texts), "not a folder of texts")
    gaz = gazetteer.with_aliases(gazetteer.alias_table(aliases))
    out = []
    for g in read_gold(gold):
        found = sorted(texts.glob(g.id + ".*"))
        if not found:
            raise InputError(str(texts / (g.id + ".txt")), "no text for this gold file")
        doc = read_document(found[0])
        out.append(Annotated(texts.as_posix(), extract(doc, gaz), g))
    return out
