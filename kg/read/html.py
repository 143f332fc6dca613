"""Web pages saved from news and government sites: the article without its menus, footers,
share buttons and related links, with its title, date, byline, site and URL.

trafilatura finds the article body (it scores the page's blocks by text density and link
density and drops navigation, footers and comment sections) and the page's metadata; its
date comes from htmldate, which reads the page's meta tags, structured data, URL and, with
an extensive search, the dates written in the page's header.  Both are pinned: what they
extract is the text the graph is built from.
"""

from __future__ import annotations

import email
import email.policy
import re

from ..errors import InputError
from .dates import date_line
from .decoding import Note, decode_lenient
from .meta import SourceMeta

#: htmldate's search: the page's header text too, the original date rather than an update;
#: a fixed latest date, so the same page gives the same date whatever day it is read
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "max_date": "2099-12-31"}


def _mhtml_html(data: bytes, path: str) -> tuple[str, str]:
    """The HTML part of an MHTML archive (a page saved with its images) and its URL."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            try:
                html = part.get_content()
            except (LookupError, ValueError) as e:
                raise InputError(path, f"MHTML archive whose page cannot be decoded ({e})") from e
            return html, str(part.get("Content-Location") or msg.get("Snapshot-Content-Location") or "")
    raise InputError(path, "MHTML archive without an HTML page")


_HEADER_DATE = re.compile(r"(?:发布|时间|日期|发表)")


def read_html(data: bytes, path: str, *, mhtml: bool = False) -> tuple[str, SourceMeta, list[Note]]:
    """The article text of a web page, its metadata and notes.  Raises :class:`InputError`
    for a page with no article (a menu page, an index, an empty shell)."""
    import trafilatura

    url = ""
    if mhtml:
        html, url = _mhtml_html(data, path)
        notes: list[Note] = []
    else:
        html, _, notes = decode_lenient(data, path)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False, date_extraction_params=_DATE_PARAMS,
        )
    except Exception as e:  # a page lxml cannot parse at all
        raise InputError(path, f"web page that cannot be parsed ({type(e).__name__})") from e
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(path, "web page with no article: menus, links and boilerplate only")
    title = (doc.title or "").strip()
    date = doc.date or ""
    if not date:  # a date line in the page's header that htmldate did not take
        for line in html_text_lines(html)[:60]:
            if _HEADER_DATE.search(line) and (d := date_line(line)):
                date = d
                break
    meta = SourceMeta(title=title, date=date, url=(doc.url or url or "").strip(), publisher=(doc.sitename or "").strip(),
                      authors=(doc.author or "").strip(), single=True)
    body = text if not title or text.startswith(title) else f"{title}\n\n{text}"
    return body, meta, notes


def html_text_lines(html: str) -> list[str]:
    """The page's visible text, line by line (for what trafilatura leaves out)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html.encode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 - nothing to look at
        return []
    for bad in tree.xpath("//script|//style"):
        bad.getparent().remove(bad)
    return [x.strip() for x in tree.text_content().splitlines() if x.strip()]
