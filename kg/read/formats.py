"""One file's bytes to a :class:`~kg.model.Document`, whatever its format.

The reader is chosen by the file's content where it tells (a PDF, an image, a Word file,
a web page say what they are in their first bytes), else by its extension; a ``.txt``
file is always text.  Every reader gives text, the source's metadata and notes; the text
is split into articles and sentences as an OCR'd page is (:mod:`kg.read.text`), and each
article gets its metadata (:mod:`kg.read.meta`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Document
from .corpus import RECORD_MAGIC, is_corpus, read_record
from .decoding import Note, decode_lenient
from .files import MAX_FILE_BYTES, read_capped
from .meta import SourceMeta, annotate
from .pages import PageText
from .text import split_noting

#: Largest binary file read (PDF, image, Word): these cannot be read in part.
MAX_BINARY_BYTES = 512 * 1024 * 1024

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_HTML_SUFFIXES = (".html", ".htm")
_MHTML_SUFFIXES = (".mhtml", ".mht")


def kind_of(data: bytes, path: str) -> str:
    """``"text"``, ``"html"``, ``"mhtml"``, ``"pdf"``, ``"image"``, ``"docx"`` or ``"record"``.

    >>> kind_of(b"%PDF-1.7 ...", "page.html"), kind_of(b"<!DOCTYPE html><html>", "page.htm")
    ('pdf', 'html')
    >>> kind_of(b"%PDF-1.7", "page.txt")  # a .txt is text: binary content is refused as such
    'text'
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".txt":
        return "text"
    if data.startswith(RECORD_MAGIC) and is_corpus(path):
        return "record"
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if data.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in data[:4096]):
        return "docx"
    low = head[:512].lower()
    if suffix in _MHTML_SUFFIXES or (low.startswith(b"mime-version:") and b"multipart/related" in low):
        return "mhtml"
    if suffix in _HTML_SUFFIXES or low.startswith((b"<!doctype html", b"<html", b"\xef\xbb\xbf<!doctype html")):
        return "html"
    if suffix in _IMAGE_SUFFIXES:
        return "image"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    return "text"


def read_input(path: str | Path, max_bytes: int | None = MAX_FILE_BYTES) -> tuple[bytes, int]:
    """The bytes of one input file and its size: a text file (or web page) capped at
    ``max_bytes`` (:func:`~kg.read.files.read_capped`), a PDF, image or Word file whole, as
    they cannot be read in part (refused above :data:`MAX_BINARY_BYTES`)."""
    p = Path(path)
    if p.suffix.lower() in (".pdf", ".docx", *_IMAGE_SUFFIXES, *_MHTML_SUFFIXES):
        try:
            size = p.stat().st_size
        except OSError as e:
            raise InputError(str(p), e.strerror or str(e)) from e
        if size > MAX_BINARY_BYTES:
            raise InputError(str(p), f"file of {size / 2**20:,.0f} MiB, too large (at most {MAX_BINARY_BYTES >> 20} MiB)")
        return read_capped(p, None)
    return read_capped(p, max_bytes)


def _image_text(data: bytes, path: str) -> tuple[str, SourceMeta, list[Note]]:
    from .ocr import image_pages, ocr_image, require

    require(path)
    pages = image_pages(data, path)
    pages_text = PageText()
    for n, img in enumerate(pages, start=1):
        pages_text.add(n, ocr_image(img, path))
    if not pages_text.parts:
        raise InputError(path, "image with no text: OCR found none")
    blank = pages_text.blank
    notes = [Note(f"page {', '.join(map(str, blank))} of the image: no text", "the other pages")] if blank else []
    return pages_text.text, SourceMeta(page_starts=pages_text.starts if len(pages) > 1 else []), notes


def read_bytes(data: bytes, path: str, doc_id: str, *, size: int | None = None) -> tuple[Document, list[Note]]:
    """Read and split the bytes of one file (or one corpus record), reading past what
    damage can be read past.

    ``size`` is the whole file's size when ``data`` is only its beginning.  Returns the
    document and a :class:`Note` for each problem worked around; raises
    :class:`InputError` when nothing can be read.
    """
    kind = kind_of(data, path)
    notes: list[Note] = []
    enc = "utf-8"
    if kind == "text":
        text, enc, notes = decode_lenient(data, path)
        if size is not None and size > len(data):
            notes.insert(0, Note(f"file of {size / 2**20:.1f} MiB, too large to read whole",
                                 f"the first {len(data) / 2**20:.1f} MiB (to the end of a line)"))
        meta = SourceMeta()
    elif kind == "record":
        text, meta = read_record(data)
    elif kind in ("html", "mhtml"):
        from .html import read_html

        text, meta, notes = read_html(data, path, mhtml=kind == "mhtml")
    elif kind == "pdf":
        from .pdf import read_pdf

        text, meta, notes = read_pdf(data, path)
    elif kind == "image":
        text, meta, notes = _image_text(data, path)
    else:
        from .office import read_docx

        text, meta, notes = read_docx(data, path)
    doc, more = split_noting(doc_id, path, text, enc, single=meta.single)
    if not doc.sentences:
        raise InputError(path, "no text: nothing but white space and control characters")
    return doc, notes + more + annotate(doc, meta)


def read_document(path: str | Path) -> Document:
    """Read and split one file.  Raises :class:`InputError` for unreadable input."""
    p = Path(path)
    data, size = read_input(p)
    return read_bytes(data, str(p), p.stem, size=size)[0]
