"""Reading input: decode a file, repair its OCR damage, split it into articles and sentences.

Why this is more than ``open().read()``: the pages are OCR'd newspaper text.  Lines break
inside words ("乡\\n\\n振兴"), half- and full-width punctuation mix, and one page holds
several articles with headlines, bylines and photo captions.  Extractors read a repaired
copy of the text; every character of that copy remembers its offset in the original, so
evidence always points at what the user has on disk.
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
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

#: How each encoding is named in notes.
_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "cp950": "Big5", "big5hkscs": "Big5-HKSCS",
          "utf-16-le": "UTF-16-LE", "utf-16-be": "UTF-16-BE", "utf-32-le": "UTF-32-LE", "utf-32-be": "UTF-32-BE"}

#: The opening bytes of binary formats: images, archives, executables, documents, databases.
_MAGIC = (
    b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"%PDF-",
    b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08", b"\x1f\x8b", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07", b"\x28\xb5\x2f\xfd", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\x00asm", b"SQLite format 3\x00", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
)
#: NUL and the other C0 controls but tab, line feed, form feed and carriage return
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
#: how much of a file the binary test looks at
_SAMPLE = 65536


def _looks_binary(data: bytes) -> bool:
    """A binary format's signature at the start, or too many control bytes for text.

    Signatures: those of :data:`_MAGIC`, and a NUL as the very first byte (text opens with
    text; fonts, icons, MP4 and many other formats open with a zero).  Too many control bytes:
    NUL and the other C0 controls (not tab, line feed, form feed, carriage return) make more
    than 8 and more than 1 in 100 bytes of the first 64 KiB.  So a page with a few stray NUL
    or control bytes amid its text is text; images, archives, executables are binary.

    >>> _looks_binary("社\\x00区".encode()), _looks_binary(b"\\x00\\x01binary")
    (False, True)
    """
    if data.startswith(_MAGIC) or data[:1] == b"\x00":
        return True
    sample = data[:_SAMPLE]
    return len(_CONTROL_BYTES.findall(sample)) > max(8, len(sample) // 100)


#: Plain text in UTF-16 or UTF-32: ASCII (printable, or white space), CJK ideographs, their
#: punctuation (general punctuation, CJK symbols, full-width forms) and the middle dot.
_PLAIN = re.compile("[\t\n\f\r\x20-\x7e\u00b7\u2010-\u2027\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: Share of plain characters a UTF-16/32 reading without a byte-order mark must reach.  Chinese
#: pages (the seeds) read right give 0.997 to 1.0; the same bytes in the wrong byte order do
#: not decode; UTF-8 or random bytes read as UTF-16 give about a third.
_WIDE_PLAIN = 0.95
#: Fewest characters a UTF-16/32 reading without a byte-order mark must have: random pairs of
#: bytes make plain CJK now and then, runs of four almost never.
_WIDE_MIN_CHARS = 4


def _plain_share(text: str) -> float:
    sample = text[:4096]
    return len(_PLAIN.findall(sample)) / len(sample) if sample else 0.0


def _wide_unicode(data: bytes, lenient: bool = False) -> tuple[str, str, bool] | None:
    """UTF-32 or UTF-16 (either byte order) without a byte-order mark: ``(text, encoding,
    cut)``, or None when ``data`` is none of them.

    A reading counts when it decodes strictly (no lone surrogate, nothing above U+10FFFF),
    has at least :data:`_WIDE_MIN_CHARS` characters and at least :data:`_WIDE_PLAIN` of its
    first 4,096 are plain (:data:`_PLAIN`: ASCII, CJK ideographs and punctuation; no control
    character); of several readings the plainest is taken (UTF-32 before UTF-16 and little-
    before big-endian on a tie).  ``lenient``: an odd last byte of UTF-16 text is cut off
    (``cut`` is True).

    >>> _wide_unicode("社区党委书记。".encode("utf-16-be"))
    ('社区党委书记。', 'utf-16-be', False)
    """
    best: tuple[float, str, str, bool] | None = None
    for enc in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        unit = 4 if "32" in enc else 2
        cut = len(data) % unit
        if cut and not (lenient and unit == 2):
            continue
        try:
            text = data[: len(data) - cut].decode(enc)
        except UnicodeDecodeError:
            continue
        if len(text) < _WIDE_MIN_CHARS:
            continue
        share = _plain_share(text)
        if share >= _WIDE_PLAIN and (best is None or share > best[0]):
            best = (share, text, enc, bool(cut))
    return None if best is None else best[1:]


#: Chinese punctuation a GB18030 or Big5 reading of Chinese text is full of.
_CHINESE_PUNCT = "，。、；：？！“”‘’「」『』（）《》〈〉【】〔〕…—─·‧　"


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Common Chinese characters: the 3,755 of GB2312 level 1 (the most used Simplified
    ones), the 5,401 of Big5 level 1 (the most used Traditional ones), Chinese punctuation
    and full-width forms."""
    chars = set(_CHINESE_PUNCT) | {chr(c) for c in range(0xFF01, 0xFF5F)}
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    for code in range(0xA440, 0xC67F):
        if 0x40 <= code & 0xFF <= 0x7E or 0xA1 <= code & 0xFF <= 0xFE:
            with suppress(UnicodeDecodeError):
                chars.add(code.to_bytes(2, "big").decode("big5"))
    return frozenset(chars)


def _common_share(text: str) -> float:
    """Share of common Chinese characters (:func:`_common_chars`) among the non-ASCII
    characters of the first 65,536 characters of ``text``."""
    common, other, n = _common_chars(), 0, 0
    for c in text[:_SAMPLE]:
        if c > "\x7f":
            other += 1
            n += c in common
    return n / other if other else 0.0


#: How much larger than a GB18030 reading's the share of common characters of a Big5 reading
#: must be for Big5 to be taken.  Big5 pages (the seeds in Traditional characters) read as
#: Big5 give 1.0, read as GB18030 about 0.3 (kana, box drawing, private use, rare ideographs);
#: GB18030 pages read as GB18030 give 1.0, their few lines Big5 can decode about 0.5 as Big5.
_BIG5_MARGIN = 0.2


def _legacy_encoding(data: bytes) -> str:
    """The encoding of Chinese bytes that are not UTF-8: ``"cp950"`` (Big5 as Windows has
    it) or ``"big5hkscs"`` (Big5 with the Hong Kong characters) if ``data`` is Big5, else
    ``"gb18030"``.

    Big5 bytes nearly always decode as GB18030 too (into nonsense), and short GBK text may
    decode as Big5; so Big5 is taken only when ``data`` decodes as Big5 strictly (but for a
    multi-byte character cut off at the end) and its Big5 reading holds a clearly larger
    share of common Chinese characters (:func:`_common_share`) than its GB18030 reading, by
    :data:`_BIG5_MARGIN`; otherwise (a tie included) GB18030, as before Big5 was read.

    >>> _legacy_encoding("社區黨支部".encode("big5")), _legacy_encoding("社区党支部".encode("gbk"))
    ('cp950', 'gb18030')
    """
    for enc in ("cp950", "big5hkscs"):
        try:
            big5 = data.decode(enc)
            break
        except UnicodeDecodeError as e:
            if e.reason == "incomplete multibyte sequence" and e.end == len(data) and _decodes(data[: e.start], enc):
                big5 = data[: e.start].decode(enc)
                break
    else:
        return "gb18030"
    gb = data[: 2 * _SAMPLE].decode("gb18030", errors="replace")
    return enc if _common_share(big5) >= _common_share(gb) + _BIG5_MARGIN else "gb18030"


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` as UTF-8 (BOM or not), UTF-16/32 (BOM or not), GB18030/GBK or Big5.

    Returns ``(text, encoding)``.  Raises :class:`InputError` naming ``path`` when the
    bytes are empty, binary (:func:`_looks_binary`) or in no supported encoding.  UTF-16/32
    without a byte-order mark is looked for only in bytes that hold a NUL or are not UTF-8
    (:func:`_wide_unicode`); Big5 is told from GB18030 by :func:`_legacy_encoding`.

    >>> decode("社区".encode("gb18030"))
    ('社区', 'gb18030')
    >>> decode("社區黨支部書記".encode("big5"))
    ('社區黨支部書記', 'cp950')
    """
    if not data.strip():
        raise InputError(path, "empty file: nothing to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(path, f"not valid {enc} after its byte-order mark ({e.reason} at byte {e.start})") from e
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if (utf8 is None or b"\x00" in data[:_SAMPLE]) and (wide := _wide_unicode(data)):
        return wide[0], wide[1]
    if _looks_binary(data):
        raise InputError(path, "binary file, not text")
    if utf8 is not None:
        return utf8, "utf-8"
    enc = _legacy_encoding(data)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8, UTF-16, GB18030 or Big5 text (undecodable byte at {e.start})") from e
    return text, enc


@dataclass(frozen=True)
class Note:
    """Something wrong with an input that reading got past: what, and what was kept."""

    problem: str
    kept: str


_replaced = threading.local()


def _count_and_replace(e: UnicodeDecodeError) -> tuple[str, int]:
    _replaced.n = getattr(_replaced, "n", 0) + (e.end - e.start)
    return "\ufffd", e.end


codecs.register_error("kg-replace", _count_and_replace)


def _decode_replacing(data: bytes, enc: str) -> tuple[str, int]:
    """``data`` decoded with U+FFFD for each undecodable run, and how many bytes were bad."""
    _replaced.n = 0
    text = data.decode(enc, errors="kg-replace")
    return text, _replaced.n


def _n(k: int, what: str) -> str:
    return f"{k:,} {what}" + ("" if k == 1 else "s")


def _decodes(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
        return True
    except UnicodeDecodeError:
        return False


def _mostly_utf8(line: bytes) -> bool:
    """Is this undecodable line UTF-8 with a few bad bytes?  GB18030 text read as UTF-8
    gives almost no valid non-ASCII character; damaged UTF-8 gives more of them than bad bytes."""
    text, _ = _decode_replacing(line, "utf-8")
    good = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    runs = len(re.findall("\ufffd+", text))
    return good >= 3 and runs * 4 <= good


def decode_lenient(data: bytes, path: str = "<bytes>") -> tuple[str, str, list[Note]]:
    """Like :func:`decode`, but reads what can be read of damaged text.

    A multi-byte character cut off at the end is dropped; a file whose lines are in
    different encodings (UTF-8 and GB18030 or Big5) is read line by line, each line in its
    own; a few undecodable bytes become U+FFFD; a few NUL bytes amid text are read past
    (:func:`sanitize` replaces them).  Each repair is a :class:`Note`, and so is an encoding
    that was detected rather than marked: Big5, UTF-16/32 without a byte-order mark.  Empty
    and binary files, and files that are mostly undecodable, still raise :class:`InputError`.

    >>> decode_lenient("社区".encode() + "党委".encode()[:-1])[:2]
    ('社区党', 'utf-8')
    """
    text, enc, notes = _decode_lenient(data, path)
    if enc in ("cp950", "big5hkscs"):
        notes.insert(0, Note(f"{_NAMES[enc]} encoding, not GB18030 (told apart by its characters)",
                             f"all text, decoded as {_NAMES[enc]} ({enc})"))
    # the NULs that passed _looks_binary (in UTF-16/32 a NUL is half a character; a file with a
    # byte-order mark is never tested for binary, as before)
    marked = enc.startswith(("utf-16", "utf-32")) or data.startswith(codecs.BOM_UTF8)
    nul = 0 if marked else data.count(b"\x00")
    if nul:
        notes.append(Note(f"{_n(nul, 'NUL byte')} amid text, too few for a binary file", "all text"))
    return text, enc, notes


def _decode_lenient(data: bytes, path: str) -> tuple[str, str, list[Note]]:
    """:func:`decode_lenient` but for its notes on Big5 and NUL bytes."""
    if not data.strip():
        raise InputError(path, "empty file: nothing to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc, []
            except UnicodeDecodeError as e:
                text, bad = _decode_replacing(data[len(bom) :], enc)
                if bad * 10 > len(data):
                    raise InputError(path, f"not valid {enc} after its byte-order mark ({e.reason} at byte {e.start})") from e
                return text, enc, [Note(f"{_n(bad, 'undecodable byte')} in {enc} text",
                                        "the rest; each bad run replaced by U+FFFD")]
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8, first = None, e
    if (utf8 is None or b"\x00" in data[:_SAMPLE]) and (wide := _wide_unicode(data, lenient=True)):
        text, enc, cut = wide
        notes = [Note(f"{_NAMES[enc]} without a byte-order mark (told by its characters)", f"all text, decoded as {_NAMES[enc]}")]
        if cut:
            notes.append(Note("the last character is cut off (an odd last byte)", "all text before it"))
        return text, enc, notes
    if _looks_binary(data):
        raise InputError(path, "binary file, not text")
    if utf8 is not None:
        return utf8, "utf-8", []
    if first.reason == "unexpected end of data" and _decodes(data[: first.start], "utf-8"):
        return data[: first.start].decode("utf-8"), "utf-8", [
            Note("the last character is cut off (a truncated multi-byte sequence)", "all text before it")]
    # line by line: which encodings can read each line?
    lines = data.splitlines(keepends=True)
    kinds: list[str] = []
    for line in lines:
        if line.isascii():
            kinds.append("ascii")
            continue
        # UTF-8 first: Chinese in UTF-8 often also decodes as GB18030 (into nonsense), while
        # GB18030 text of any length is almost never valid UTF-8
        if _decodes(line, "utf-8"):
            kinds.append("utf-8")
        else:  # GB18030 decodes nearly all Big5 too: which of the two the lines are is told below
            kinds.append("legacy" if _decodes(line, "gb18030") else "bad")
    legacy = _legacy_encoding(b"".join(x for x, k in zip(lines, kinds, strict=True) if k == "legacy"))
    kinds = [legacy if k == "legacy" else k for k in kinds]
    if "utf-8" in kinds:  # a UTF-8 file, or a mixed one: is a failing line damaged UTF-8?
        kinds = ["damaged" if k != "utf-8" and k != "ascii" and _mostly_utf8(x) else k
                 for x, k in zip(lines, kinds, strict=True)]
    n_utf8, n_gb = kinds.count("utf-8") + kinds.count("damaged"), kinds.count(legacy)
    if n_utf8 == 0:  # a GB18030 (or Big5) file
        try:
            return data.decode(legacy), legacy, []
        except UnicodeDecodeError as e:
            if e.reason == "incomplete multibyte sequence" and e.end == len(data) and _decodes(data[: e.start], legacy):
                return data[: e.start].decode(legacy), legacy, [
                    Note("the last character is cut off (a truncated multi-byte sequence)", "all text before it")]
    main = "utf-8" if n_utf8 >= n_gb else legacy
    parts, bad, n_bad = [], 0, 0  # undecodable bytes, lines with some
    for line, kind in zip(lines, kinds, strict=True):
        if kind in ("bad", "damaged"):
            text, k = _decode_replacing(line, "utf-8" if kind == "damaged" else main)
            bad, n_bad = bad + k, n_bad + 1
        else:
            text = line.decode("utf-8" if kind == "ascii" else kind)
        parts.append(text)
    non_ascii = sum(len(x) for x, k in zip(lines, kinds, strict=True) if k != "ascii")
    if bad * 10 > non_ascii:
        raise InputError(path, f"not UTF-8, UTF-16, GB18030 or Big5 text (undecodable byte at {first.start})") from first
    notes = []
    mixed = n_utf8 > 0 and n_gb > 0
    if mixed:
        notes.append(Note(f"mixed encodings: {_n(n_utf8, 'line')} in UTF-8, {_n(n_gb, 'line')} in {_NAMES[legacy]}",
                          "all lines, each decoded in its own encoding"))
    if bad:
        notes.append(Note(f"{_n(bad, 'undecodable byte')} in {_n(n_bad, 'line')}",
                          "the rest; each bad run replaced by U+FFFD"))
    return "".join(parts), ("mixed" if mixed else main), notes


#: C0 and C1 controls other than tab, line feed, form feed and carriage return, and lone
#: surrogates (which no UTF-8 file can hold and no UTF-8 output can write).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def sanitize(text: str) -> tuple[str, list[Note]]:
    """Replace control characters and lone surrogates by U+FFFD, one for one (offsets hold).

    >>> sanitize("社\x07区")[0]
    '社\ufffd区'
    """
    found = _UNPRINTABLE.findall(text)
    if not found:
        return text, []
    sur = sum(1 for c in found if "\ud800" <= c <= "\udfff")
    what = " and ".join(x for x in (_n(len(found) - sur, "control character") if len(found) > sur else "",
                                    _n(sur, "lone surrogate") if sur else "") if x)
    return _UNPRINTABLE.sub("\ufffd", text), [Note(what, "all text; each replaced by U+FFFD")]


# ------------------------------------------------------------------ Traditional Chinese

#: Share of Chinese characters that OpenCC's t2s must change for a text to count as
#: Traditional: Simplified text changes almost none (the seeds: zero), Traditional a quarter.
_TRADITIONAL_SHARE = 0.05


_CJK = re.compile("[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str | None:
    """``text`` in Simplified characters, one character for one, if it is Traditional
    Chinese; None if it is not.  Phrase conversions that would change the length are
    undone character by character, so every offset still holds.

    >>> to_simplified("鄉村振興")
    '乡村振兴'
    >>> to_simplified("乡村振兴") is None
    True
    """
    cjk = len(text) - len(_CJK.sub("", text))
    if not cjk:
        return None
    conv = _t2s().convert(text)
    if conv == text:
        return None
    if len(conv) != len(text):
        conv = "".join(_t2s_line(line) for line in text.splitlines(keepends=True))
    changed = sum(1 for a, b in zip(text, conv, strict=True) if a != b)
    return conv if changed >= _TRADITIONAL_SHARE * cjk else None


def _t2s_line(line: str) -> str:
    out = _t2s().convert(line)
    if len(out) == len(line):
        return out
    chars = []
    for c in line:
        o = _t2s().convert(c)
        chars.append(o if len(o) == 1 else c)
    return "".join(chars)


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


#: :func:`fold_width` as a translation table (the same mapping, for whole lines at once)
_FOLD = {o: fold_width(chr(o)) for o in (*range(0xFF01, 0xFF5F), 0x3000, 0xA0)}


def _is_heading_line(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    if s.startswith("#") or s[0] in "■□●◎◆◇▲△★☆":
        return True
    if "。" in s or s.endswith(("!”", "?”", "…”")):
        return False  # a short sentence, not a title
    return len(s) <= 32 and s[-1] not in _FINAL and s[-1] not in ",、"


#: words a line break can fall inside: a place's or a body's suffix (嘎⏎查, 社⏎区)
_SPLIT_WORDS = {"街道", "社区", "苏木", "嘎查", "小区", "党委", "支部", "委员会", "居委会", "村委会"}


#: the opening of a news brief
_BRIEF = re.compile(r"^\s*(?:[(（]?本报讯|[◆◇])")


def _joins(prev: str, nxt: str, continuing: bool = False) -> bool:
    """Does the line ``prev`` continue, mid-sentence, on the line ``nxt``?

    OCR breaks fall inside body paragraphs: the line before is long and stops without
    closing punctuation; the next one starts with text, not a heading or byline mark.
    ``continuing``: ``prev`` itself went on from the line before it, so it is inside a
    paragraph broken into short lines, and no title, however short it is.
    """
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n:
        return False
    if p[-1] in _LINE_COMPLETE:
        return False
    if n[0] in "#■□●◎◆◇▲△★☆" or _BYLINE.match(n):
        return False
    if re.search(r"\s摄$", p):  # a photo caption ends its paragraph
        return False
    pf, nf = p.translate(_FOLD), n.translate(_FOLD)
    if nf[0] in ",、。;:!?”’)" and re.search(r"[\u4e00-\u9fff]$", pf):
        return True  # ……村集体经济项目⏎、土地流转: a line cannot open on a comma
    if len(p) < 30 and re.search(r"[\u4e00-\u9fff,、]$", pf) and (
        re.search(r"[。!?;]", pf[:-1]) or (len(pf) >= 22 and re.search(r"[,，]", pf[:-1]))
    ):
        # a title is short and has no full stop; a comma alone marks a sentence in a line
        # longer than titles run (议事有章,牧民的事牧民商量着办 stays a title)
        return True  # 说了算,现在必须严格按照'四议两公开'来。"西⏎河村: a sentence, not a title, runs on
    if len(p) < 30 and not continuing:
        # a short line may be a heading; it goes on only when it visibly cannot end there:
        # an open quote (打造“石榴籽⏎家园”), or a next line that starts with a word's tail
        # right before punctuation (巴彦宝拉格嘎⏎查，牧民们)
        open_quote = p.count("“") > p.count("”") or (p[-1] + n[:2]) in _SPLIT_WORDS or (p[-1] + n[:1]) in _SPLIT_WORDS
        tail = re.match(r"^[\u4e00-\u9fff]{1,2}[，,、。”]", n) and re.search(r"[\u4e00-\u9fff]$", p) and re.search(r"[，,、]", p)
        if not (open_quote or tail):
            return False
    return True


#: what ``str.splitlines`` breaks lines at
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_NON_SPACE = re.compile(r"\S")


def _text_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(start offset, line)`` for each line of ``text`` that is not blank, as
    ``str.splitlines`` cuts them; runs of blank lines are skipped without a look at each
    (a file of millions of empty lines costs no more than its size)."""
    pos = 0
    while True:
        m = _NON_SPACE.search(text, pos)
        if m is None:
            return
        i = m.start()
        start = max(text.rfind(c, pos, i) for c in _BREAK_CHARS) + 1 if i > pos else pos
        start = max(start, pos)
        end = _LINE_BREAK.search(text, i)
        yield start, text[start : end.start() if end else len(text)]
        if end is None:
            return
        pos = end.end()


#: a pinyin reading in brackets right after a character, with its tone mark: 乡(xiāng), 个（gè）
_PINYIN_GLOSS = re.compile(
    "(?<=[\u4e00-\u9fff])[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]{0,6}[)）]"
)


def repair(text: str) -> tuple[str, list[int]]:
    """Fold widths and re-join lines broken inside a sentence.

    Returns the repaired text and, for each of its characters, the offset of that
    character in ``text``.  Paragraphs stay separated by one newline.

    >>> t, off = repair("将乡\\n\\n振兴等融入主题党日活动" + "。" )
    >>> t  # short lines are not joined (they may be headings)
    '将乡\\n振兴等融入主题党日活动。'
    >>> repair("巴彦塔拉达斡尔民族乡(xiāng)新时代文明实践所。")[0]  # a web page's pinyin gloss
    '巴彦塔拉达斡尔民族乡新时代文明实践所。'
    """
    # paragraphs: lists of (offset, line); blank lines separate them unless a join applies
    out_chars: list[str] = []
    out_offsets: list[int] = []
    prev_line: str | None = None
    continuing = False
    for start, line in _text_lines(text):
        if prev_line is not None:
            if _joins(prev_line, line, continuing):
                continuing = True  # glue: drop the break and the blank lines
            else:
                continuing = False
                out_chars.append("\n")
                out_offsets.append(start - 1 if start > 0 else 0)
        # strip the line's surrounding white space but keep offsets exact
        lstrip = len(line) - len(line.lstrip())
        body = line.strip()
        kept = range(start + lstrip, start + lstrip + len(body))
        if _PINYIN_GLOSS.search(body):
            # 乡(xiāng)村: the reading a web page glosses a character with is no part of the text
            cut = {i for m in _PINYIN_GLOSS.finditer(body) for i in range(m.start(), m.end())}
            kept = [start + lstrip + i for i in range(len(body)) if i not in cut]
            body = "".join(ch for i, ch in enumerate(body) if i not in cut)
        out_chars.append(body.translate(_FOLD))
        out_offsets.extend(kept)
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
    """A byline or credit line: "本报记者 刘晓梅 通讯员 张立新", "●本报记者 乌日娜", "李文静 摄"."""
    return bool(_BYLINE.match(line))


#: Longest sentence the extractors are given: a longer run without sentence punctuation
#: (the seeds' longest sentence has 285 characters) is read in pieces of at most this size.
MAX_SENTENCE = 1000
_SOFT_BREAK = re.compile(r"[,，、:：;；\s]")


def _pieces(line: str, s0: int, s1: int) -> Iterator[tuple[int, int]]:
    """``line[s0:s1]`` in pieces of at most :data:`MAX_SENTENCE` characters, cut after a
    comma or a space in the last fifth of each piece when there is one."""
    while s1 - s0 > MAX_SENTENCE:
        end = s0 + MAX_SENTENCE
        cut = None
        for m in _SOFT_BREAK.finditer(line, end - MAX_SENTENCE // 5, end):
            cut = m.end()
        yield s0, cut or end
        s0 = cut or end
    yield s0, s1


def split(doc_id: str, path: str, text: str, encoding: str = "utf-8") -> Document:
    """Split decoded ``text`` into articles and sentences (see :class:`kg.model.Document`).

    An article starts at a group of heading lines that is followed by a byline, or at a
    group of two or more heading lines (a column label and a headline); single headings
    inside a body are sub-headings of the current article.

    Control characters and lone surrogates become U+FFFD; Traditional Chinese is read in
    Simplified characters (headlines, bylines and evidence stay as written); runs longer
    than :data:`MAX_SENTENCE` are read in pieces.  :func:`split_noting` also says so.
    """
    return split_noting(doc_id, path, text, encoding)[0]


def split_noting(doc_id: str, path: str, text: str, encoding: str = "utf-8") -> tuple[Document, list[Note]]:
    """:func:`split`, and a :class:`Note` for each thing about the text it had to work around."""
    text, notes = sanitize(text)
    simplified = to_simplified(text)  # one character for one: the offsets hold for both
    clean, offsets = repair(text if simplified is None else simplified)
    written = clean
    if simplified is not None:  # the repaired text as written, for headlines and bylines
        written = "".join("\n" if c == "\n" else fold_width(text[o]) for c, o in zip(clean, offsets, strict=True))
        notes.append(Note("Traditional Chinese", "all text; extracted from a Simplified reading (OpenCC t2s), evidence as written"))
    doc = Document(id=doc_id, path=path, text=text, encoding=encoding)
    # the paragraph lines of the repaired text with their start in ``clean``
    paras: list[tuple[int, str]] = []
    pos = 0
    for line in clean.split("\n"):
        paras.append((pos, line))
        pos += len(line) + 1
    as_written = (lambda p0, line: line) if simplified is None else (lambda p0, line: written[p0 : p0 + len(line)])
    cut_lines, longest = 0, 0
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
    # a brief opens its own article: "本报讯(记者 …)……", "◆近年来，……"
    for i, (_, line) in enumerate(paras):
        if i > 0 and kinds[i] == "body" and _BRIEF.match(line):
            k = i
            while k > 0 and kinds[k - 1] == "heading" and k - 1 not in starts:
                k -= 1
            starts.append(k)
    starts = sorted(set(starts))
    bounds = list(zip(starts, [*starts[1:], len(paras)], strict=True))

    sent_index = 0
    for a_index, (a, b) in enumerate(bounds):
        heads = [as_written(*paras[k]) for k in range(a, b) if kinds[k] == "heading"]
        # the headline is the last heading of the opening group (the first ones are column labels)
        opening = []
        for k in range(a, b):
            if kinds[k] != "heading":
                break
            opening.append(_HEAD_MARK.sub("", as_written(*paras[k])).strip())
        headline = opening[-1] if opening else (_HEAD_MARK.sub("", heads[0]).strip() if heads else "")
        bylines = [as_written(*paras[k]).strip() for k in range(a, b) if kinds[k] == "byline"]
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
            if any(s1 - s0 > MAX_SENTENCE for s0, s1 in spans):
                cut_lines, longest = cut_lines + 1, max(longest, max(s1 - s0 for s0, s1 in spans))
                spans = [piece for s0, s1 in spans for piece in _pieces(line, s0, s1)]
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
    if cut_lines:
        notes.append(Note(f"{_n(cut_lines, 'line')} with over {MAX_SENTENCE:,} characters without sentence punctuation "
                          f"(the longest {longest:,})", f"all text, read in pieces of at most {MAX_SENTENCE:,} characters"))
    return doc, notes


#: Largest part of one file that is read (16 MiB, some 5 million Chinese characters, a
#: few hundred newspaper pages); the rest of a larger file is left out and reported.
MAX_FILE_BYTES = 16 * 1024 * 1024


def read_capped(path: str | Path, max_bytes: int | None = MAX_FILE_BYTES) -> tuple[bytes, int]:
    """The bytes of ``path`` (at most ``max_bytes``, cut after a line end) and its size."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            data = f.read() if max_bytes is None else f.read(max_bytes)
            if max_bytes is not None and len(data) == max_bytes and f.read(1):
                size = max(size, max_bytes + 1)
                nl = data.rfind(b"\n")
                if nl > max_bytes // 2:
                    data = data[: nl + 1]
    except OSError as e:
        raise InputError(str(p), e.strerror or str(e)) from e
    return data, size


def read_bytes(data: bytes, path: str, doc_id: str, *, size: int | None = None) -> tuple[Document, list[Note]]:
    """Decode and split the bytes of one file, reading past what damage can be read past.

    ``size`` is the whole file's size when ``data`` is only its beginning.  Returns the
    document and a :class:`Note` for each problem worked around; raises
    :class:`InputError` when nothing can be read.
    """
    text, enc, notes = decode_lenient(data, path)
    if size is not None and size > len(data):
        notes.insert(0, Note(f"file of {size / 2**20:.1f} MiB, too large to read whole",
                             f"the first {len(data) / 2**20:.1f} MiB (to the end of a line)"))
    doc, more = split_noting(doc_id, path, text, enc)
    if not doc.sentences:
        raise InputError(path, "no text: nothing but white space and control characters")
    return doc, notes + more


def read_document(path: str | Path) -> Document:
    """Read and split one file.  Raises :class:`InputError` for unreadable input."""
    p = Path(path)
    data, size = read_capped(p)
    return read_bytes(data, str(p), p.stem, size=size)[0]


#: lone surrogates: what Python makes of the bytes of a file name that are not UTF-8 (PEP 383)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(m: re.Match[str]) -> str:
    cp = ord(m.group())
    return f"\\x{cp - 0xDC00:02x}" if 0xDC80 <= cp <= 0xDCFF else f"\\u{cp:04x}"


def printable(text: str) -> str:
    """``text`` (a path, a file stem) as text any UTF-8 output can hold: each byte of a file
    name that is not UTF-8, which Python keeps as a lone surrogate, becomes a ``\\xff``
    escape (any other lone surrogate ``\\udXXX``).  Other text is returned as it is.

    >>> printable(os.fsdecode(b"bad\\xff.txt"))
    'bad\\\\xff.txt'
    >>> printable("社区.txt")
    '社区.txt'
    """
    return _SURROGATE.sub(_escape_surrogate, text) if _SURROGATE.search(text) else text


#: what a folder's files are: :func:`find_inputs` reads the files whose name matches
INPUT_PATTERN = "*.txt"

SYMLINK_OUT_FILE = "symbolic link to a file outside the input folder: not read"
SYMLINK_OUT_FOLDER = "symbolic link to a folder outside the input folder: not searched"


def _inside(path: str, top: str) -> bool:
    """Is the resolved ``path`` ``top`` or below it (``top`` resolved too)?"""
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


def _entry_is(test: Callable[[], bool]) -> bool:
    """A :class:`os.DirEntry` test, False where it fails (a link loop, a file gone meanwhile)."""
    try:
        return test()
    except OSError:
        return False


def _search_folder(root: Path, follow_symlinks: bool) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files matching :data:`INPUT_PATTERN` below ``root``, sorted, and the problems met.

    Sub-folders are searched recursively; one that cannot be listed is a problem, not a
    silent gap.  A symbolic link (to a file or a folder) whose target lies outside ``root``
    is not followed but reported, unless ``follow_symlinks``; links that stay inside are
    followed.  Every folder is searched once, whatever links lead to it again, so a link
    loop ends.  The real tree is searched before folders reached through links, so a file
    is found under its own path when it can be.
    """
    top = os.path.realpath(root)
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    searched: set[tuple[int, int]] = set()
    linked: list[Path] = []  # folders reached through a link, searched after the real tree

    def search(folder: Path) -> None:
        stack = [folder]
        while stack:
            d = stack.pop()
            try:
                st = os.stat(d)
                if (st.st_dev, st.st_ino) in searched:
                    continue  # reached again through a link
                searched.add((st.st_dev, st.st_ino))
                with os.scandir(d) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as e:
                problems.append((str(d), f"folder cannot be listed ({e.strerror or e}): its files were not read"))
                continue
            for e in entries:
                q = d / e.name
                is_link = _entry_is(e.is_symlink)
                is_dir = _entry_is(e.is_dir)  # through a link: what the link leads to
                wanted = fnmatch.fnmatch(e.name, INPUT_PATTERN)
                if is_link and (is_dir or wanted):
                    if not follow_symlinks and not _inside(os.path.realpath(q), top):
                        problems.append((str(q), SYMLINK_OUT_FOLDER if is_dir else SYMLINK_OUT_FILE))
                        continue
                    if is_dir:
                        linked.append(q)
                        continue
                if is_dir:
                    stack.append(q)
                elif wanted and q.is_file():
                    found.append(q)

    search(root)
    while linked:
        linked.sort(reverse=True)
        search(linked.pop())
    problems.sort(key=lambda x: Path(x[0]))
    return sorted(found), problems


def find_inputs(
    paths: Iterable[str | Path], *, follow_symlinks: bool = False
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders (a folder means its ``*.txt``, recursively).

    Returns the files in a stable order and, for each argument that named nothing readable
    and each thing inside a folder that could not be read, its path and what was wrong: a
    sub-folder that cannot be listed, a symbolic link leading out of the folder given
    (followed only with ``follow_symlinks``).  A file named in ``paths`` is read even
    when it is a link: the user named it.
    """
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found, problems = _search_folder(p, follow_symlinks)
            if not found and not problems:
                missing.append((str(p), "folder holds no .txt files"))
            missing.extend(problems)
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
