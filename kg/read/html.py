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
from .dates import date_line, find_date
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
_HEADER_AUTHOR = re.compile(r"(?:作者|记者|撰稿|文)\s*[:：]\s*([\u4e00-\u9fff·]{2,4}(?:[、，,\s][\u4e00-\u9fff·]{2,4})*)")


def _header(lines: list[str], text: str) -> list[str]:
    """The page's lines before its article's first paragraph (at most 80)."""
    first = text.strip().split("\n", 1)[0][:12]
    for i, line in enumerate(lines[:200]):
        if first and first in line:
            return lines[max(0, i - 80) : i]
    return lines[:80]


def _header_date(header: list[str]) -> str | None:
    for line in header:
        m = _HEADER_DATE.search(line)
        d = find_date(line[m.start() : m.start() + 40]) if m else date_line(line)
        if d:
            return d
    return None


def _header_author(html: str, header: list[str]) -> str:
    """The author the page's meta tag or byline line names."""
    m = re.search(r"<meta\s+name=[\"']author[\"']\s+content=[\"']([^\"'<>]{1,60})[\"']", html, re.I)
    if m:
        return m.group(1).strip()
    for line in header:
        m = _HEADER_AUTHOR.search(line)
        if m:
            return m.group(1)
    return ""


def _only_links(html: str, text: str, title: str) -> bool:
    """Is what trafilatura kept nothing but the page's link texts (a menu, an index)?"""
    try:
        tree = _tree(html)
    except Exception:  # noqa: BLE001
        return False
    anchors = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    anchors.add(" ".join(title.split()))
    return all(" ".join(x.split()) in anchors for x in text.splitlines() if x.strip())


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
    lines = html_text_lines(html)
    if _only_links(html, text, title):
        raise InputError(path, "web page with no article: menus, links and boilerplate only")
    header = _header(lines, text)
    # a date the page's header states ("发布日期：2024年4月2日") before htmldate's guess
    date = _header_date(header) or doc.date or ""
    author = (doc.author or "").strip() or _header_author(html, header)
    meta = SourceMeta(title=title, date=date, url=(doc.url or url or "").strip(), publisher=(doc.sitename or "").strip(),
                      authors=author, single=True)
    body = text if not title or text.startswith(title) else f"{title}\n\n{text}"
    return body, meta, notes


def _tree(html: str):  # noqa: ANN202 - an lxml element
    """The page parsed from its decoded text (a ``charset`` it declares no longer applies)."""
    import lxml.html

    return lxml.html.fromstring(html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8"))


def html_text_lines(html: str) -> list[str]:
    """The page's visible text, line by line (for what trafilatura leaves out)."""
    try:
        tree = _tree(html)
    except Exception:  # noqa: BLE001 - nothing to look at
        return []
    for bad in tree.xpath("//script|//style"):
        bad.getparent().remove(bad)
    return [x.strip() for x in tree.text_content().splitlines() if x.strip()]
