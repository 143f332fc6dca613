"""Corpora exported by crawlers: JSON Lines or CSV, one article per record.

Each record has a text field and any of title, date, URL, outlet and author; the fields'
names are set by :class:`CorpusFields` (``kg build --text-field ... ``).  A corpus is
streamed record by record: it is never loaded whole, and each record is read and extracted
on its own, as a document ``<file stem>#<record number>``.  A record that cannot be read (not
JSON, no text) is reported with its number and skipped.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import InputError
from .meta import SourceMeta

#: what begins the bytes of one record handed to a reader (never a file's own bytes)
RECORD_MAGIC = b"kg-record\n"
SUFFIXES = (".jsonl", ".csv")
#: longest CSV field read (a whole article may sit in one)
csv.field_size_limit(min(sys.maxsize, 64 * 1024 * 1024))


@dataclass(frozen=True)
class CorpusFields:
    """The names of a corpus's fields."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    source: str = "source"
    author: str = "author"


@dataclass(frozen=True)
class Record:
    """One record, good or bad: its number (1-based, in file order) and its bytes for the
    reader, or the problem with it."""

    number: int
    data: bytes = b""
    problem: str = ""


def is_corpus(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def _value(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "、".join(_value(x) for x in v)
    return str(v)


def _record(number: int, row: dict, fields: CorpusFields) -> Record:
    text = _value(row.get(fields.text)).strip()
    if not text:
        what = "no field" if fields.text not in row else "an empty field"
        return Record(number, problem=f"record {number}: {what} {fields.text!r}, no text")
    out = {k: _value(row.get(getattr(fields, k))) for k in ("title", "date", "url", "source", "author")}
    out["text"] = text
    return Record(number, RECORD_MAGIC + json.dumps(out, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _encoding(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(1 << 16)
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as e:
        return "utf-8-sig" if e.start > len(head) - 4 else "gb18030"


def records(path: str | Path, fields: CorpusFields = CorpusFields()) -> Iterator[Record]:
    """The records of a corpus file, streamed.  Raises :class:`InputError` for a file that
    cannot be opened; a bad record is a :class:`Record` with its problem."""
    p = Path(path)
    try:
        enc = _encoding(p)
        f = p.open("r", encoding=enc, errors="replace", newline="")
    except OSError as e:
        raise InputError(str(p), e.strerror or str(e)) from e
    with f:
        if p.suffix.lower() == ".jsonl":
            number = 0
            for line in f:
                if not line.strip():
                    continue
                number += 1
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    yield Record(number, problem=f"record {number}: not JSON ({e.msg.removesuffix(' at')} at column {e.colno})")
                    continue
                if not isinstance(row, dict):
                    yield Record(number, problem=f"record {number}: not a JSON object")
                    continue
                yield _record(number, row, fields)
        else:
            reader = csv.DictReader(f)
            try:
                if fields.text not in (reader.fieldnames or []):
                    raise InputError(str(p), f"CSV without a {fields.text!r} column (columns: "
                                     f"{', '.join(reader.fieldnames or []) or 'none'}); set it with --text-field")
                for number, row in enumerate(reader, start=1):
                    yield _record(number, row, fields)
            except csv.Error as e:
                raise InputError(str(p), f"broken CSV at line {reader.line_num} ({e})") from e


def read_record(data: bytes) -> tuple[str, SourceMeta]:
    """The text and metadata of a record's bytes (:data:`RECORD_MAGIC`, then JSON)."""
    row = json.loads(data[len(RECORD_MAGIC):].decode("utf-8"))
    text = row["text"]
    title = " ".join(row.get("title", "").split())
    body = text if not title or text.lstrip().startswith(title) else f"{title}\n\n{text}"
    return body, SourceMeta(title=title, date=row.get("date", ""), url=row.get("url", ""),
                            publisher=row.get("source", ""), authors=row.get("author", ""), single=True)


def fields_dict(fields: CorpusFields) -> dict[str, str]:
    return asdict(fields)
