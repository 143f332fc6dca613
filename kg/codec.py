"""A worker's :class:`kg.parallel.Outcome` as JSON and back, exactly, without running code.

What the extraction cache (:mod:`kg.cache`) stores.  Unlike a pickle, reading an entry can
only ever build the dataclasses listed in :data:`CLASSES`, field by field: the JSON is
read by the standard library's parser and every value is checked against the type its
field declares, so a planted or damaged entry is at worst refused, never run.

The declared types lead both ways (no type tags in the JSON): a dataclass is an object
with exactly its fields' names; a ``list`` and a ``tuple[X, ...]`` are arrays (a tuple comes
back a tuple); a ``dict[str, X]`` is an object; ``X | None`` is ``null`` or an ``X``; ``str``,
``int``, ``bool`` and ``float`` are themselves (a float field that holds an int keeps it an
int, as a pickle would).  A value the types do not describe (a list where a tuple is
declared, an attribute that is no field, a float that is not finite) is refused when
writing, so what is written always reads back equal to what was given:

>>> from kg.read import Note
>>> o = Outcome(3, "d", "in/d.txt", notes=[Note("bad bytes", "the rest")], failure=None)
>>> loads(dumps(o)) == o
True
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from functools import cache
from typing import Any

from .model import (
    Article,
    Document,
    Evidence,
    Extraction,
    Mention,
    PostSlot,
    RelationMention,
    Sentence,
)
from .parallel import Outcome
from .read import Note

#: Every class an entry may hold; nothing else is ever built from one.
CLASSES: tuple[type, ...] = (
    Outcome, Extraction, Document, Article, Sentence, Mention, RelationMention, Evidence, Note, PostSlot,
)
_CLASSES = frozenset(CLASSES)
_NONE = type(None)


class CodecError(ValueError):
    """A value the declared types do not describe (when writing), or JSON that is not an
    entry (when reading)."""


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """``(name, declared type)`` of each field of ``cls``, in order."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        if not f.init:
            raise CodecError(f"{cls.__name__}.{f.name} is not set by the constructor")
        out.append((f.name, hints[f.name]))
    return tuple(out)


def _optional(tp: Any) -> Any:
    """``X`` for ``X | None``; anything else is no type an entry may declare."""
    args = [a for a in typing.get_args(tp) if a is not _NONE]
    if len(args) != 1 or len(typing.get_args(tp)) != 2:
        raise CodecError(f"unsupported union {tp}")
    return args[0]


def _is_union(origin: Any) -> bool:
    return origin is typing.Union or origin is types.UnionType


def encode(value: Any, tp: Any) -> Any:
    """``value``, declared as ``tp``, as plain JSON values (dicts, lists, str, numbers)."""
    origin = typing.get_origin(tp)
    if _is_union(origin):
        return None if value is None else encode(value, _optional(tp))
    if tp is _NONE:
        if value is not None:
            raise CodecError(f"expected None, got {type(value).__name__}")
        return None
    if tp in (str, int, bool):
        if type(value) is not tp:
            raise CodecError(f"expected {tp.__name__}, got {type(value).__name__}")
        return value
    if tp is float:
        if type(value) not in (float, int):
            raise CodecError(f"expected float, got {type(value).__name__}")
        if type(value) is float and not math.isfinite(value):
            raise CodecError(f"{value!r} has no JSON form")
        return value
    if tp in _CLASSES:
        if type(value) is not tp:
            raise CodecError(f"expected {tp.__name__}, got {type(value).__name__}")
        fields = _fields(tp)
        if vars(value).keys() != {name for name, _ in fields}:
            raise CodecError(f"{tp.__name__} has attributes that are no fields")
        return {name: encode(getattr(value, name), ftp) for name, ftp in fields}
    args = typing.get_args(tp)
    if origin is list:
        if type(value) is not list:
            raise CodecError(f"expected list, got {type(value).__name__}")
        return [encode(v, args[0]) for v in value]
    if origin is tuple:
        if type(value) is not tuple:
            raise CodecError(f"expected tuple, got {type(value).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return [encode(v, args[0]) for v in value]
        if len(value) != len(args):
            raise CodecError(f"expected {len(args)} items, got {len(value)}")
        return [encode(v, a) for v, a in zip(value, args, strict=True)]
    if origin is dict:
        if type(value) is not dict:
            raise CodecError(f"expected dict, got {type(value).__name__}")
        if args[0] is not str:
            raise CodecError(f"unsupported key type {args[0]}")
        out = {}
        for k, v in value.items():
            if type(k) is not str:
                raise CodecError(f"expected str key, got {type(k).__name__}")
            out[k] = encode(v, args[1])
        return out
    raise CodecError(f"unsupported type {tp}")


def decode(data: Any, tp: Any) -> Any:
    """The value declared as ``tp`` that :func:`encode` gave ``data`` for; raises
    :class:`CodecError` for anything else."""
    origin = typing.get_origin(tp)
    if _is_union(origin):
        return None if data is None else decode(data, _optional(tp))
    if tp is _NONE:
        if data is not None:
            raise CodecError(f"expected null, got {type(data).__name__}")
        return None
    if tp in (str, int, bool):
        if type(data) is not tp:
            raise CodecError(f"expected {tp.__name__}, got {type(data).__name__}")
        return data
    if tp is float:
        if type(data) not in (float, int):
            raise CodecError(f"expected a number, got {type(data).__name__}")
        return data
    if tp in _CLASSES:
        if type(data) is not dict:
            raise CodecError(f"expected an object for {tp.__name__}, got {type(data).__name__}")
        fields = _fields(tp)
        if data.keys() != {name for name, _ in fields}:
            raise CodecError(f"not the fields of {tp.__name__}")
        return tp(**{name: decode(data[name], ftp) for name, ftp in fields})
    args = typing.get_args(tp)
    if origin is list or origin is tuple:
        if type(data) is not list:
            raise CodecError(f"expected an array, got {type(data).__name__}")
        if origin is list:
            return [decode(v, args[0]) for v in data]
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(v, args[0]) for v in data)
        if len(data) != len(args):
            raise CodecError(f"expected {len(args)} items, got {len(data)}")
        return tuple(decode(v, a) for v, a in zip(data, args, strict=True))
    if origin is dict:
        if type(data) is not dict or args[0] is not str:
            raise CodecError(f"expected an object, got {type(data).__name__}")
        return {k: decode(v, args[1]) for k, v in data.items()}
    raise CodecError(f"unsupported type {tp}")


def _no_constant(name: str) -> Any:
    raise CodecError(f"{name} is no JSON number")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise CodecError("a key appears twice in one object")
    return out


def dumps(outcome: Outcome) -> bytes:
    """``outcome`` as UTF-8 JSON (lone surrogates, which file names may hold, kept)."""
    text = json.dumps(encode(outcome, Outcome), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")


def loads(body: bytes) -> Outcome:
    """The outcome :func:`dumps` gave ``body`` for; :class:`CodecError` for anything else."""
    try:
        text = body.decode("utf-8", "surrogatepass")
        data = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise CodecError(f"not JSON ({type(e).__name__})") from e
    return decode(data, Outcome)
