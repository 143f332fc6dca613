"""Where an extractor failed: the build step, the sentence and the functions, read from
the traceback.

A build never loses other files to one file's extractor failure: the file is reported with
one line that says where it failed (:func:`describe`).  ``kg build --debug`` instead stops
at the first failure and raises :class:`ExtractorFailure`, which names the document, the
sentence and the stage and carries the original exception (and its traceback) as its cause.

The sentence is the innermost :class:`~kg.model.Sentence` a failing frame was working on;
the functions are those of the extraction code (``kg.extract``, ``kg.learn``) from the
step's entry to the line that raised, so a stage shows by its own name.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from .model import Sentence

#: The packages whose functions name where extraction failed.
EXTRACTION_PACKAGES = ("kg.extract", "kg.learn", "kg.read")
#: Functions shown at most (the innermost ones): a line stays short.
MAX_FUNCTIONS = 4
_INNER = ("<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>", "<lambda>")


@dataclass(frozen=True)
class Where:
    """Where in a document's extraction an exception was raised."""

    stage: str  # the build step: "read", "extract" (the rules) or "decide" (the model)
    functions: tuple[str, ...] = ()  # the extraction code's frames, outermost first
    sentence: int | None = None  # the index of the sentence being read, when known

    def __str__(self) -> str:
        parts = [f"stage {self.stage}"]
        if self.sentence is not None:
            parts.append(f"sentence {self.sentence}")
        if self.functions:
            shown = self.functions[-MAX_FUNCTIONS:]
            parts.append("in " + ("… > " if len(shown) < len(self.functions) else "") + " > ".join(shown))
        return ", ".join(parts)


class ExtractorFailure(Exception):
    """An extractor raised on a document (``kg build --debug``); ``__cause__`` is what it raised."""

    def __init__(self, message: str, doc: str = "", where: Where | None = None) -> None:
        super().__init__(message)
        self.doc = doc
        self.where = where


def _sentence_of(frame) -> int | None:
    found = [v for v in frame.f_locals.values() if isinstance(v, Sentence)]
    named = frame.f_locals.get("sent")
    if isinstance(named, Sentence):
        return named.index
    return found[0].index if len(found) == 1 else None


def locate(exc: BaseException, stage: str) -> Where:
    """Where ``exc`` was raised, from its traceback.

    >>> try:
    ...     Sentence(3, "某某", 0, 2, offsets=[0, 1]).span(0, 5)
    ... except IndexError as e:
    ...     print(locate(e, "extract"))
    stage extract
    """
    functions, sentence = [], None
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(EXTRACTION_PACKAGES):
            continue
        name = frame.f_code.co_qualname
        if not name.endswith(_INNER):  # a comprehension is its function's
            functions.append(f"{module.removeprefix('kg.')}.{name}")
        here = _sentence_of(frame)
        if here is not None:
            sentence = here  # the innermost wins
    return Where(stage, tuple(functions), sentence)


def describe(exc: BaseException, where: Where) -> str:
    """One line: where, and what was raised.

    >>> describe(ValueError("bad\\nvalue"), Where("extract", ("extract.spans.tokens",), 2))
    'stage extract, sentence 2, in extract.spans.tokens: ValueError: bad value'
    """
    what = type(exc).__name__ if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {exc}"
    return " ".join(f"{where}: {what}".split())
