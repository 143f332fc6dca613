"""Word files (``.docx``): the paragraphs and tables of the body, in order, as one article
(an office's report, notice or summary), with the author from the file's properties
(python-docx)."""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .decoding import Note
from .meta import SourceMeta


def read_docx(data: bytes, path: str) -> tuple[str, SourceMeta, list[Note]]:
    """The text of a Word file, one paragraph a line (table cells too), and its author."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(path, f"broken Word file, not a .docx ({type(e).__name__})") from e
    except Exception as e:  # lxml on a damaged part
        raise InputError(path, f"broken Word file ({type(e).__name__})") from e
    lines: list[str] = []
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            lines.append(text.strip())
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iter():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")).strip())
                    lines.append("　".join(c for c in cells if c))
    text = "\n\n".join(x for x in lines if x)
    if not text.strip():
        raise InputError(path, "Word file with no text")
    props = d.core_properties
    # an office's file is one document: its title, its text, a signature and a date line
    return text, SourceMeta(authors=(props.author or "").strip(), single=True), []
