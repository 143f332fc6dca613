"""Reading input: decode a file, repair its OCR damage, split it into articles and sentences.

Why this is more than ``open().read()``: the pages are OCR'd newspaper text.  Lines break
inside words ("乡\\n\\n振兴"), half- and full-width punctuation mix, and one page holds
several articles with headlines, bylines and photo captions.  Extractors read a repaired
copy of the text; every character of that copy remembers its offset in the original, so
evidence always points at what the user has on disk.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Article, Document, Sentence

# ------------------------------------------------------------------ decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 controls mean a binary file, whatever decodes."""
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` as UTF-8 (BOM or not), UTF-16/32 with a BOM, or GB18030/GBK.

    Returns ``(text, encoding)``.  Raises :class:`InputError` naming ``path`` when the
    bytes are empty, binary or in no supported encoding.

    >>> decode("社区".encode("gb18030"))
    ('社区', 'gb18030')
    """
    if not data.strip():
        raise InputError(path, "empty file: nothing to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(path, f"not valid {enc} after its byte-order mark ({e.reason} at byte {e.start})") from e
    if _looks_binary(data):
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8, UTF-16 or GB18030 text (undecodable byte at {e.start})") from e
    return text, "gb18030"


# ------------------------------------------------------------------ repair

#: Sentence-final punctuation (after width folding).
_FINAL = "。!?;…"
_CLOSERS = "”’\"')）」』】》"
#: A line that ends in one of these is complete; anything else may be broken mid-word.
_LINE_COMPLETE = set(_FINAL + _CLOSERS + ":")
_HEAD_MARK = re.compile(r"^\s*(?:#+\s*)?(?:[■□●◎◆◇▲△★☆▌|]\s*)?")
_BYLINE = re.compile(
    r"^\s*(?:#+\s*)?[■□●◎◆◇▲△★☆]?\s*"
    r"(?:(?:本报|见习|特约|实习)?(?:记者|通讯员|摄影|见习记者|特约记者)\s*[\u4e00-\u9fff·]{2,12}\s*){1,4}(?:摄)?\s*$"
    r"|^\s*[■□●◎◆◇▲△★☆]\s*[\u4e00-\u9fff·]{2,8}\s*$"
    r"|^\s*[\u4e00-\u9fff·]{2,4}\s+摄\s*$"
)


def fold_width(ch: str) -> str:
    """Full-width ASCII to ASCII and the ideographic space to a space: one char for one,
    so offsets are untouched.  Chinese punctuation (、。“”) is kept as written."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if o == 0x3000 or o == 0xA0:
        return " "
    return ch


def _is_heading_line(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    if s.startswith("#") or s[0] in "■□●◎◆◇▲△★☆":
        return True
    if "。" in s or s.endswith(("!”", "?”", "…”")):
        return False  # a short sentence, not a title
    return len(s) <= 32 and s[-1] not in _FINAL and s[-1] not in ",、"


def _joins(prev: str, nxt: str) -> bool:
    """Does the line ``prev`` continue, mid-sentence, on the line ``nxt``?

    OCR breaks fall inside body paragraphs: the line before is long and stops without
    closing punctuation; the next one starts with text, not a heading or byline mark.
    """
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n:
        return False
    if p[-1] in _LINE_COMPLETE or len(p) < 30:
        return False
    if n[0] in "#■□●◎◆◇▲△★☆" or _BYLINE.match(n):
        return False
    if re.search(r"\s摄$", p):  # a photo caption ends its paragraph
        return False
    return True


def repair(text: str) -> tuple[str, list[int]]:
    """Fold widths and re-join lines broken inside a sentence.

    Returns the repaired text and, for each of its characters, the offset of that
    character in ``text``.  Paragraphs stay separated by one newline.

    >>> t, off = repair("将乡\\n\\n振兴等融入主题党日活动" + "。" )
    >>> t  # short lines are not joined (they may be headings)
    '将乡\\n振兴等融入主题党日活动。'
    """
    lines: list[tuple[int, str]] = []  # (start offset, line text)
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, body))
        pos += len(raw)
    # paragraphs: lists of (offset, line); blank lines separate them unless a join applies
    out_chars: list[str] = []
    out_offsets: list[int] = []
    prev_line: str | None = None
    for start, line in lines:
        if not line.strip():
            continue
        if prev_line is not None:
            if _joins(prev_line, line):
                pass  # glue: drop the break and the blank lines
            else:
                out_chars.append("\n")
                out_offsets.append(start - 1 if start > 0 else 0)
        # strip the line's surrounding white space but keep offsets exact
        lstrip = len(line) - len(line.lstrip())
        body = line.strip()
        for i, ch in enumerate(body):
            out_chars.append(fold_width(ch))
            out_offsets.append(start + lstrip + i)
        prev_line = line
    return "".join(out_chars), out_offsets


# ------------------------------------------------------------------ splitting

_SENT_END = re.compile(r"[。!?;]+[”’\"')）」』]*|…{1,2}[”’\"')）」』]+")


def _split_sentences(line: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of one paragraph line (end punctuation and closing quotes
    stay with their sentence)."""
    start = 0
    for m in _SENT_END.finditer(line):
        end = m.end()
        if line[start:end].strip():
            yield start, end
        start = end
    if line[start:].strip():
        yield start, len(line)


def is_byline(line: str) -> bool:
    """A byline or credit line: "本报记者 宋爽 通讯员 任希悦", "●本报记者 阿柔娜", "赵婧 摄"."""
    return bool(_BYLINE.match(line))


def split(doc_id: str, path: str, text: str, encoding: str = "utf-8") -> Document:
    """Split decoded ``text`` into articles and sentences (see :class:`kg.model.Document`).

    An article starts at a group of heading lines that is followed by a byline, or at a
    group of two or more heading lines (a column label and a headline); single headings
    inside a body are sub-headings of the current article.
    """
    clean, offsets = repair(text)
    doc = Document(id=doc_id, path=path, text=text, encoding=encoding)
    # the paragraph lines of the repaired text with their start in ``clean``
    paras: list[tuple[int, str]] = []
    pos = 0
    for line in clean.split("\n"):
        paras.append((pos, line))
        pos += len(line) + 1
    kinds = ["byline" if is_byline(t) else "heading" if _is_heading_line(t) else "body" for _, t in paras]

    # find article starts
    starts = [0]
    i = 0
    while i < len(paras):
        if kinds[i] != "heading":
            i += 1
            continue
        j = i
        while j < len(paras) and kinds[j] == "heading":
            j += 1
        group = j - i
        followed_by_byline = j < len(paras) and kinds[j] == "byline"
        if (followed_by_byline or group >= 2) and i > 0:
            starts.append(i)
        i = j
    starts = sorted(set(starts))
    bounds = list(zip(starts, [*starts[1:], len(paras)], strict=True))

    sent_index = 0
    for a_index, (a, b) in enumerate(bounds):
        heads = [paras[k][1] for k in range(a, b) if kinds[k] == "heading"]
        # the headline is the last heading of the opening group (the first ones are column labels)
        opening = []
        for k in range(a, b):
            if kinds[k] != "heading":
                break
            opening.append(_HEAD_MARK.sub("", paras[k][1]).strip())
        headline = opening[-1] if opening else (_HEAD_MARK.sub("", heads[0]).strip() if heads else "")
        bylines = [paras[k][1].strip() for k in range(a, b) if kinds[k] == "byline"]
        a_start = offsets[paras[a][0]] if paras[a][1] else 0
        last_pos, last_line = paras[b - 1]
        a_end = offsets[last_pos + len(last_line) - 1] + 1 if last_line else a_start
        doc.articles.append(
            Article(index=a_index, headline=headline, byline=" ".join(bylines), start=a_start, end=a_end)
        )
        for k in range(a, b):
            p0, line = paras[k]
            if not line.strip():
                continue
            heading = kinds[k] != "body"
            spans = [(0, len(line))] if heading else list(_split_sentences(line))
            for s0, s1 in spans:
                # trim white space inside the span
                while s0 < s1 and line[s0].isspace():
                    s0 += 1
                while s1 > s0 and line[s1 - 1].isspace():
                    s1 -= 1
                if s0 >= s1:
                    continue
                offs = offsets[p0 + s0 : p0 + s1]
                doc.sentences.append(
                    Sentence(
                        index=sent_index,
                        text=line[s0:s1],
                        start=offs[0],
                        end=offs[-1] + 1,
                        offsets=offs,
                        article=a_index,
                        is_heading=heading,
                    )
                )
                sent_index += 1
    return doc


def read_document(path: str | Path) -> Document:
    """Read and split one file.  Raises :class:`InputError` for unreadable input."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(str(p), e.strerror or str(e)) from e
    text, enc = decode(data, str(p))

    return split(p.stem, str(p), text, enc)


def find_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders (a folder means its ``*.txt``, recursively).

    Returns the files in a stable order and the arguments that named nothing readable.
    """
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*.txt") if q.is_file())
            if not found:
                missing.append((str(p), "folder holds no .txt files"))
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            missing.append((str(p), "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, missing
