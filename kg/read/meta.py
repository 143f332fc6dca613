"""Each article's metadata: title, date, URL, outlet, reporters and page.

What the source states (a web page's metadata, a corpus record's fields, a PDF's pages) is
joined with what the text states: a page's date line ("2024年3月5日 星期二"), a brief's
opening ("本报讯（记者 张三）3月5日"), a byline ("本报记者 张三 通讯员 李四").  A date the
source gives comes first; then the article's own date; then the last date line before it on
the page.  A date without its year (3月5日) takes the year of the source's date, else of the
page's date line, else of the last dated article before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Document
from .dates import brief_date, date_line, has_partial_date, normalise, year_of
from .decoding import Note


@dataclass
class SourceMeta:
    """What a source says about its text, as it says it (dates not yet normalised)."""

    title: str = ""
    date: str = ""
    url: str = ""
    publisher: str = ""
    authors: str = ""  # names, separated by commas, 、 or spaces
    #: offsets in the document's text where each page starts (PDFs, scans); empty: no pages
    page_starts: list[int] = field(default_factory=list)
    #: the text is one article (a web page's, a corpus record's): not split into several
    single: bool = False


_ROLE = re.compile(r"(?:本报|见习|特约|实习|首席)?(?:记者|通讯员|摄影|撰稿|编辑|责任编辑|作者|文/|图/)|摄|[●■□◎◆◇▲△★☆|:：/]")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,6}$|^[A-Za-z][A-Za-z .'-]{1,40}$")
_BRIEF_PEOPLE = re.compile(r"^\s*[(（]?本报讯\s*[(（]([^)）]{0,40})[)）]")


def names(text: str) -> list[str]:
    """The people a byline or an author field names, in order, without roles.

    >>> names("●本报记者 刘晓梅 通讯员 张立新"), names("李文静 摄"), names("张三、李四")
    (['刘晓梅', '张立新'], ['李文静'], ['张三', '李四'])
    """
    out: list[str] = []
    for part in re.split(r"[\s,，、;；]+", _ROLE.sub(" ", text)):
        if _NAME.match(part) and part not in out:
            out.append(part)
    return out


def annotate(doc: Document, meta: SourceMeta) -> list[Note]:
    """Fill each article's date, source, publisher, creators and page; a :class:`Note`
    for a date the source gives that is no date, or one whose year nothing tells."""
    notes: list[Note] = []
    meta_date = normalise(meta.date) if meta.date.strip() else None
    if meta.date.strip() and meta_date is None:
        notes.append(Note(f"date {meta.date.strip()[:40]!r} cannot be read as a date", "the text, without that date"))
    authors = names(meta.authors) if meta.authors else []
    by_article: dict[int, list] = {}
    for s in doc.sentences:
        by_article.setdefault(s.article, []).append(s)
    running: str | None = None  # the last date line met on the page
    last: str | None = None  # the last date of an article before: the year of a 3月5日
    undated_partial = 0
    for art in doc.articles:
        sents = by_article.get(art.index, [])
        year = year_of(meta_date) or year_of(running) or year_of(last)
        own = None
        line_date = None
        first_body = True
        for s in sents:
            if s.is_heading:
                d = date_line(s.text, year)
                if d and line_date is None:
                    line_date = d
            elif first_body:
                first_body = False
                own = brief_date(s.text, year)
                if own is None and year is None and _BRIEF_PEOPLE.match(s.text) and has_partial_date(s.text[:40]):
                    undated_partial += 1
        own = own or line_date
        if line_date:
            running = line_date
        art.date = meta_date or own or running or ""
        last = art.date or last
        if meta.single and meta.title.strip():
            art.headline = " ".join(meta.title.split())
        art.source = meta.url.strip()
        art.publisher = " ".join(meta.publisher.split())
        people = list(authors)
        for s in sents[:4]:
            m = _BRIEF_PEOPLE.match(s.text)
            if m:
                people += [n for n in names(m.group(1)) if n not in people]
        people += [n for n in names(art.byline) if n not in people]
        art.creators = people
        if meta.page_starts:
            art.page = bisect_right(meta.page_starts, art.start)
    # a headline and byline with no text of their own head the brief below them: its date
    bodies = {s.article for s in doc.sentences if not s.is_heading}
    for art, nxt in zip(doc.articles[-2::-1], doc.articles[:0:-1], strict=True):
        if not art.date and art.index not in bodies and nxt.date:
            art.date = nxt.date
    if undated_partial:
        notes.append(Note(f"{undated_partial} brief(s) dated without a year (3月5日) and no year in context",
                          "the text; those articles without a date"))
    return notes
