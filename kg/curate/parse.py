"""The corrections file: one correction a line, read and checked before anything is built.

Format (``ontology/corrections.tsv`` holds the same description as its header): fields are
separated by tabs; blank lines and lines starting with ``#`` are ignored.  A line is an
ACTION, the fields that action takes, then AUTHOR, DATE (``YYYY-MM-DD``) and REASON::

    reject-fact    ENTITY  RELATION  ENTITY
    reject-entity  ENTITY
    merge          ENTITY  ENTITY            the first is the second under another name
    split          ENTITY  DOCUMENTS         its mentions in these documents (ids, comma-separated) are another entity
    rename         ENTITY  NAME              the canonical name; the old one stays as an alias
    alias          ENTITY  NAME
    retype         ENTITY  TYPE
    set-parent     PLACE   PLACE
    set-adcode     PLACE   ADCODE
    add-fact       ENTITY  RELATION  ENTITY  ROLE  DOCUMENT  SENTENCE

An ENTITY is named as a user sees it, ``TYPE:NAME``, with ``@PLACE`` (a place it lies in or
is based in) or ``@DOCUMENT`` (a document that names it) where the name is ambiguous:
``Village:明星村@突泉县``, ``Person:王芳@003_71ff31bb007b425d``.  Types and relations are the
schema's (:data:`kg.model.ENTITY_TYPES`, :data:`kg.model.RELATION_TYPES`).

>>> c = parse_line("merge\\tPerson:王芳\\tPerson:王芳芳\\tann\\t2026-12-05\\tone person", "c.tsv", 3)
>>> c.action, c.args[0], c.args[1].name
('merge', Ref(type='Person', name='王芳', qualifier=None), '王芳芳')
>>> parse_line("merge\\tPerson:王芳\\tann\\t2026-12-05\\tx", "c.tsv", 4)
Traceback (most recent call last):
...
kg.curate.parse.CorrectionsError: c.tsv:4: merge takes ENTITY, ENTITY, then AUTHOR, DATE, REASON: 5 fields given, 6 expected

A malformed line is a :class:`CorrectionsError` naming the file and the line; a file with
one is not applied at all.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .. import schema
from ..errors import InputError
from ..model import ENTITY_TYPES, PLACE_LEVEL, PLACE_TYPES, RELATION_ENDS, RELATION_TYPES

#: What each action takes before AUTHOR, DATE and REASON (the names the header shows).
ACTIONS: dict[str, tuple[str, ...]] = {
    "reject-fact": ("ENTITY", "RELATION", "ENTITY"),
    "reject-entity": ("ENTITY",),
    "merge": ("ENTITY", "ENTITY"),
    "split": ("ENTITY", "DOCUMENTS"),
    "rename": ("ENTITY", "NAME"),
    "alias": ("ENTITY", "NAME"),
    "retype": ("ENTITY", "TYPE"),
    "set-parent": ("PLACE", "PLACE"),
    "set-adcode": ("PLACE", "ADCODE"),
    "add-fact": ("ENTITY", "RELATION", "ENTITY", "ROLE", "DOCUMENT", "SENTENCE"),
}
TRAILER = ("AUTHOR", "DATE", "REASON")
_ADCODE = re.compile(r"[0-9]{6}([0-9]{6})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CorrectionsError(InputError):
    """A malformed corrections line: ``"<file>:<line>: <problem>"``."""


@dataclass(frozen=True)
class Ref:
    """An entity as a user names it: its type, its name, and optionally where it is."""

    type: str
    name: str
    qualifier: str | None = None

    def __str__(self) -> str:
        return f"{self.type}:{self.name}" + (f"@{self.qualifier}" if self.qualifier else "")


@dataclass(frozen=True)
class Correction:
    """One line of a corrections file, checked: ``args`` hold a :class:`Ref` per ENTITY or
    PLACE, a string per RELATION, TYPE, NAME, ADCODE, ROLE, DOCUMENT and SENTENCE, and a
    sorted tuple of document ids for DOCUMENTS."""

    file: str
    line: int
    action: str
    args: tuple
    author: str
    date: str
    reason: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def id(self) -> str:
        """20 hex digits over what the line says (not where it is): moving a line in the
        file, or adding others, keeps its id and so its IRI."""
        parts = [self.action, *(",".join(a) if isinstance(a, tuple) else str(a) for a in self.args),
                 self.author, self.date, self.reason]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]

    def describe(self) -> str:
        """The correction in one line, as the user wrote it (the sentence shortened)."""
        shown = []
        for a in self.args:
            text = ",".join(a) if isinstance(a, tuple) else str(a)
            shown.append(text if len(text) <= 30 else text[:29] + "…")
        return " ".join([self.action, *(s for s in shown if s)])

    def provenance(self) -> dict[str, str]:
        """What the graph keeps of the line on each thing it changed."""
        return {"id": self.id, "action": self.action, "author": self.author, "date": self.date,
                "reason": self.reason}


def format_line(action: str, *fields: object, author: str, date: str, reason: str) -> str:
    """One corrections line from its parts (what a page or a script emits): fields joined by
    tabs, white space inside a field (a tab, a line break) made one space.

    >>> format_line("rename", "Village:明星村", "明星新村", author="ann", date="2026-12-05", reason="new name")
    'rename\\tVillage:明星村\\t明星新村\\tann\\t2026-12-05\\tnew name'
    """
    parts = [action, *(",".join(f) if isinstance(f, tuple) else str(f) for f in fields), author, date, reason]
    return "\t".join(" ".join(p.split()) for p in parts)


def parse_ref(text: str, where: str, kinds: tuple[str, ...] = ENTITY_TYPES) -> Ref:
    """``TYPE:NAME[@QUALIFIER]`` → :class:`Ref`; the type must be one of ``kinds``."""
    type_, colon, rest = text.partition(":")
    if not colon:
        raise CorrectionsError(where, f"{text!r} is not TYPE:NAME (Person:张三, Village:明星村@突泉县)")
    if type_ not in ENTITY_TYPES:
        raise CorrectionsError(where, f"unknown type {type_!r}; the types are {', '.join(ENTITY_TYPES)}")
    if type_ not in kinds:
        raise CorrectionsError(where, f"{text}: a {type_} where a place is needed ({', '.join(kinds)})")
    name, at, qualifier = rest.partition("@")
    name, qualifier = name.strip(), qualifier.strip()
    if not name:
        raise CorrectionsError(where, f"{text!r} has no name after {type_}:")
    if at and not qualifier:
        raise CorrectionsError(where, f"{text!r} has nothing after @ (a place or a document)")
    return Ref(type_, name, qualifier or None)


def _field(kind: str, text: str, where: str) -> object:
    if kind == "ENTITY":
        return parse_ref(text, where)
    if kind == "PLACE":
        return parse_ref(text, where, PLACE_TYPES)
    if kind == "RELATION":
        if text not in RELATION_TYPES:
            raise CorrectionsError(where, f"unknown relation {text!r}; the relations are {', '.join(RELATION_TYPES)}")
        return text
    if kind == "TYPE":
        if text not in ENTITY_TYPES:
            raise CorrectionsError(where, f"unknown type {text!r}; the types are {', '.join(ENTITY_TYPES)}")
        return text
    if kind == "ADCODE":
        if not _ADCODE.fullmatch(text):
            raise CorrectionsError(where, f"adcode {text!r} is not six digits (or twelve below the county)")
        return text
    if kind == "DOCUMENTS":
        docs = tuple(sorted({d.strip() for d in text.split(",") if d.strip()}))
        if not docs:
            raise CorrectionsError(where, "no document ids (DOC or DOC1,DOC2)")
        return docs
    if kind in ("NAME", "DOCUMENT", "SENTENCE") and not text:
        raise CorrectionsError(where, f"empty {kind}")
    return text  # NAME, ROLE (may be empty), DOCUMENT, SENTENCE


def _ends(rel: str, s: Ref, o: Ref, where: str) -> None:
    subjects, objects = RELATION_ENDS[rel]
    if s.type not in subjects or o.type not in objects:
        raise CorrectionsError(where, f"{rel} joins {'/'.join(t for t in ENTITY_TYPES if t in subjects)} to "
                                      f"{'/'.join(t for t in ENTITY_TYPES if t in objects)}, not {s.type} to {o.type}")


def _check(action: str, args: tuple, where: str) -> None:
    """What a line can be seen to get wrong without the graph."""
    if action in ("reject-fact", "add-fact"):
        _ends(args[1], args[0], args[2], where)
    if action == "add-fact" and args[3] and not schema.relation(args[1]).role:
        with_role = " or ".join(r.name for r in schema.RELATIONS if r.role)
        raise CorrectionsError(where, f"a ROLE is the post of a {with_role} fact, not of {args[1]}")
    if action == "merge" and args[0].type != args[1].type:
        raise CorrectionsError(where, f"merge joins two entities of one type, not {args[0].type} and {args[1].type} (retype one first)")
    if action == "set-parent" and PLACE_LEVEL[args[1].type] >= PLACE_LEVEL[args[0].type]:
        raise CorrectionsError(where, f"a {args[0].type} cannot lie in a {args[1].type}")
    if action == "retype" and args[1] == args[0].type:
        raise CorrectionsError(where, f"{args[0]} is a {args[1]} already")


def parse_line(line: str, file: str, lineno: int) -> Correction:
    """One non-comment line → :class:`Correction`; :class:`CorrectionsError` if malformed."""
    where = f"{file}:{lineno}"
    cols = [c.strip() for c in line.split("\t")]
    action = cols[0]
    if action not in ACTIONS:
        hint = " (fields are separated by tabs)" if "\t" not in line else ""
        raise CorrectionsError(where, f"unknown action {action[:40]!r}; the actions are {', '.join(ACTIONS)}{hint}")
    kinds = ACTIONS[action]
    if len(cols) != 1 + len(kinds) + len(TRAILER):
        raise CorrectionsError(where, f"{action} takes {', '.join(kinds)}, then {', '.join(TRAILER)}: "
                                      f"{len(cols)} fields given, {1 + len(kinds) + len(TRAILER)} expected")
    args = tuple(_field(k, t, where) for k, t in zip(kinds, cols[1 : 1 + len(kinds)], strict=True))
    author, date, reason = cols[1 + len(kinds) :]
    if not author:
        raise CorrectionsError(where, "no AUTHOR: every correction says who made it")
    if not _DATE.fullmatch(date):
        raise CorrectionsError(where, f"DATE {date!r} is not YYYY-MM-DD")
    try:
        datetime.date.fromisoformat(date)
    except ValueError as e:
        raise CorrectionsError(where, f"DATE {date!r} is no date ({e})") from e
    if not reason:
        raise CorrectionsError(where, "no REASON: every correction says why")
    _check(action, args, where)
    return Correction(file, lineno, action, args, author, date, reason)


def parse_text(text: str, file: str) -> list[Correction]:
    """Every correction of a file's text, in order; the first malformed line raises."""
    out = []
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(parse_line(line, file, lineno))
    return out


def read_text(path: str | Path) -> str:
    """A corrections file's text (UTF-8, with or without BOM); :class:`InputError` if it
    cannot be read."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as e:
        raise InputError(str(p), "no such corrections file") from e
    except IsADirectoryError as e:
        raise InputError(str(p), "a folder, not a corrections file") from e
    except OSError as e:
        raise InputError(str(p), f"cannot read ({e.strerror or e})") from e
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise CorrectionsError(f"{p}:{line}", "not UTF-8 text") from e


def read_file(path: str | Path) -> list[Correction]:
    """Every correction of the file at ``path``."""
    return parse_text(read_text(path), str(path))
