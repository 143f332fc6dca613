"""PDFs: e-paper pages with a text layer, read in reading order; pages without one, OCR'd.

pdfplumber (on pdfminer.six) gives each character with its box; :mod:`kg.read.layout` puts
them in reading order, column by column.  A page with no text layer (a scan saved as PDF)
is rendered (pypdfium2, pdfplumber's renderer) and read by Tesseract (:mod:`kg.read.ocr`).
The pages' texts follow one another, and the articles are split as on an OCR'd page.
"""

from __future__ import annotations

import io

from ..errors import InputError
from .decoding import Note
from .layout import Box, page_text
from .meta import SourceMeta
from .pages import PageText

#: resolution a page without text layer is rendered at for OCR
OCR_DPI = 300
#: pages read of one PDF at most
MAX_PAGES = 2000


def _open(data: bytes, path: str):  # noqa: ANN202 - a pdfplumber PDF
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(path, "not a PDF (no %PDF header)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 - parses the page tree: a broken file fails here
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise InputError(path, "encrypted PDF: cannot be read without its password") from e
    except Exception as e:  # pdfminer raises many kinds for a damaged file (pdfplumber wraps them)
        inner = [e, e.__cause__, e.__context__, *e.args]
        if any(isinstance(x, BaseException) and ("Password" in type(x).__name__ or "Encrypt" in type(x).__name__)
               for x in inner):
            raise InputError(path, "encrypted PDF: cannot be read without its password") from e
        cause = next((x for x in e.args if isinstance(x, BaseException)), e)
        detail = str(cause)[:80]
        raise InputError(path, f"broken PDF ({type(cause).__name__}{': ' + detail if detail else ''})") from e
    return pdf


def read_pdf(data: bytes, path: str) -> tuple[str, SourceMeta, list[Note]]:
    """The text of a PDF's pages in reading order, their start offsets and notes."""
    from .ocr import ocr_image

    pdf = _open(data, path)
    notes: list[Note] = []
    pages_text = PageText()
    broken: list[int] = []
    ocr_pages = 0
    with pdf:
        pages = pdf.pages
        if len(pages) > MAX_PAGES:
            notes.append(Note(f"PDF of {len(pages):,} pages", f"the first {MAX_PAGES:,} pages"))
        for n, page in enumerate(pages[:MAX_PAGES], start=1):
            try:
                chars = page.chars
                boxes = [Box(c["text"], c["x0"], c["top"], c["x1"], c["bottom"]) for c in chars if c["text"].strip()]
                if boxes:
                    text = page_text(boxes)
                else:
                    ocr_pages += 1
                    text = ocr_image(page.to_image(resolution=OCR_DPI).original, f"{path} page {n}")
            except InputError:
                raise
            except Exception:  # noqa: BLE001 - one damaged page, not the file
                broken.append(n)
                continue
            pages_text.add(n, text)
    if ocr_pages:
        notes.append(Note(f"{ocr_pages} page(s) without a text layer", "their text as read by OCR (Tesseract)"))
    if pages_text.blank:
        notes.append(Note(f"page {_pages(pages_text.blank)}: no text (blank, or an image OCR finds nothing in)", "the other pages"))
    if broken:
        notes.append(Note(f"page {_pages(broken)}: damaged, cannot be read", "the other pages"))
    if not pages_text.parts:
        raise InputError(path, "PDF with no text on any page" + (" (damaged pages)" if broken else ""))
    return pages_text.text, SourceMeta(page_starts=pages_text.starts), notes


def _pages(ns: list[int]) -> str:
    return ", ".join(map(str, ns[:10])) + (" ..." if len(ns) > 10 else "")
