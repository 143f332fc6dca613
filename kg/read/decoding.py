"""Decoding a text file's bytes: UTF-8, UTF-16/32 with or without a byte-order mark,
GB18030/GBK or Big5, reading past what damage can be read past (each repair a :class:`Note`)."""

from __future__ import annotations

import codecs
import re
import threading
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError

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


def utf8_read_as_gbk(run: str) -> bool:
    """Is ``run`` UTF-8 that a page decoded as GBK (首页 shown as 棣栭〉, 服务 as 鏈嶅姟, a replacement
    character as 锟斤拷)? Its GBK bytes, read as UTF-8, are Chinese characters (or replacement
    characters) again, all of them but a cut last one: no
    annotated name of any kind reads so (13,500 checked), while such runs are what a page's
    encoding damage leaves in its menus and lines."""
    try:
        data = run.encode("gbk")
        back = codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return bool(back) and all("\u4e00" <= c <= "\u9fff" or c == "\ufffd" for c in back) \
        and len(back.encode("utf-8")) >= len(data) - 2


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
