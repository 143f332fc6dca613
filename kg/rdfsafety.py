"""What any RDF file this tool reads must not hold before a parser sees it.

RDF/XML may declare a DOCTYPE with entities, and nested entities expand exponentially
("billion laughs": 790 bytes that take gigabytes).  RDF/XML needs no DTD, so a graph file
in XML that declares one is refused before it is parsed, whichever engine would read it.
"""

from __future__ import annotations

import os
import re

from .errors import InputError

#: a DTD must come before the root element: this much of the file is enough to look at
_PROLOGUE = 64 * 1024
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)\b", re.IGNORECASE)
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:\?xml|!DOCTYPE|!ENTITY|!--|rdf:RDF|[A-Za-z_][\w.-]*:RDF)", re.IGNORECASE)


def refuse_entity_declarations(path: str | os.PathLike[str]) -> None:
    """Raise :class:`~kg.errors.InputError` if ``path`` is XML that declares a DOCTYPE or
    entities; any other file passes (and an unreadable one is left to the parser's error).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.rdf"
    >>> _ = p.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "x">]><rdf:RDF/>')
    >>> refuse_entity_declarations(p)
    Traceback (most recent call last):
    kg.errors.InputError: ...g.rdf: XML that declares a DOCTYPE or entities: refused (entity expansion can exhaust memory; RDF/XML needs no DTD)
    """
    try:
        with open(path, "rb") as f:
            head = f.read(_PROLOGUE)
    except OSError:
        return
    if _XML_START.match(head) and _DECLARATION.search(head):
        raise InputError(str(path), "XML that declares a DOCTYPE or entities: refused "
                                    "(entity expansion can exhaust memory; RDF/XML needs no DTD)")
