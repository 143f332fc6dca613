"""Dates as sources write them, normalised to ISO 8601 (``2024-03-05``).

Chinese news writes ``2024年3月5日``, ``二〇二四年三月五日``, ``2024-03-05``, ``2024/3/5``,
``2024.03.05``, and within a year often only ``3月5日``: that one takes its year from the
context (the page's or the record's date).  A page says its date on a line of its own
("2024年3月5日 星期二", "发布时间：2024-03-05 10:20") and a brief in its opening
("本报讯（2024年3月5日）", "本报讯（记者 张三）3月5日，……").
"""

from __future__ import annotations

import datetime as _dt
import re

#: full-width digits and separators to ASCII (one character for one)
_WIDTH = str.maketrans("０１２３４５６７８９－／．：", "0123456789-/.:")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇○零一二三四五六七八九十"

#: a whole date: 2024年3月5日, 2024-03-05, 2024/3/5, 2024.3.5, 二〇二四年三月五日
_FULL = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]"
    r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d))"
    rf"|(?P<cy>[{_CN}]{{4}})年(?P<cm>[{_CN}]{{1,3}})月(?P<cd>[{_CN}]{{1,3}})[日号]"
)
#: a date without its year: 3月5日
_PARTIAL = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
#: an ISO timestamp's date: 2024-03-05T08:00:00+08:00
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


def _cn_number(text: str) -> int:
    """二〇二四 → 2024, 十二 → 12, 二十五 → 25, 三 → 3."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    n = 0
    for c in text:
        n = n * 10 + _CN_DIGITS[c]
    return n


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str, year: int | None = None) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``; a date without a year (3月5日) takes
    ``year``; None when there is none (or it is no day of the calendar).

    >>> find_date("2024年3月5日 星期二"), find_date("发布时间：2024-03-05 10:20")
    ('2024-03-05', '2024-03-05')
    >>> find_date("二〇二四年三月五日"), find_date("3月5日", year=2023), find_date("3月5日")
    ('2024-03-05', '2023-03-05', None)
    >>> find_date("2024年2月30日") is None
    True
    """
    text = text.translate(_WIDTH)
    m = _FULL.search(text)
    if m:
        if m.group("cy"):
            return _iso(_cn_number(m.group("cy")), _cn_number(m.group("cm")), _cn_number(m.group("cd")))
        return _iso(int(m.group("y")), int(m.group("m1") or m.group("m2")), int(m.group("d1") or m.group("d2")))
    m = _PARTIAL.search(text)
    if m and year is not None:
        return _iso(year, int(m.group("m")), int(m.group("d")))
    return None


def normalise(value: str, year: int | None = None) -> str | None:
    """A date field's value (a corpus's ``date``, a page's metadata) as ``YYYY-MM-DD``, or
    None when it holds no date.

    >>> normalise("2024-03-05T08:30:00+08:00"), normalise("2024年3月5日"), normalise("昨天")
    ('2024-03-05', '2024-03-05', None)
    """
    m = _ISO.match(value.translate(_WIDTH))
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return find_date(value, year)


#: Longest line that counts as a date line: a date with a weekday, an outlet, an edition.
_DATE_LINE_MAX = 40


def date_line(line: str, year: int | None = None) -> str | None:
    """The date of a line that states a date and little else (a page's header, a
    "发布时间" line, a signature's date): no sentence, at most :data:`_DATE_LINE_MAX`
    characters.  A date inside a sentence ("2024年以来，……") is none.

    >>> date_line("内蒙古日报 2024年3月5日 星期二 第3版"), date_line("2024年3月5日，全县召开大会。")
    ('2024-03-05', None)
    """
    s = line.strip()
    if not s or len(s) > _DATE_LINE_MAX or "。" in s or "，" in s or "," in s:
        return None
    return find_date(s, year)


#: the opening of a brief, with what its brackets hold: 本报讯（2024年3月5日）, 本报讯(记者 张三)
_BRIEF_OPEN = re.compile(r"^\s*[(（]?本报讯\s*[(（]([^)）]{0,40})[)）]\s*(.{0,12})")
#: a dispatch line: 新华社呼和浩特3月5日电
_DISPATCH = re.compile(r"^.{0,16}?(\d{1,2}月\d{1,2}日)电")


def brief_date(line: str, year: int | None = None) -> str | None:
    """The date a brief's opening gives: in the brackets after 本报讯, right after them
    (本报讯（记者 张三）3月5日，……) or in a dispatch line (……3月5日电).

    >>> brief_date("本报讯（2024年3月5日）全旗……"), brief_date("本报讯(记者 张三)3月5日,全县……", 2024)
    ('2024-03-05', '2024-03-05')
    """
    m = _BRIEF_OPEN.match(line)
    if m:
        return find_date(m.group(1), year) or find_date(m.group(2), year)
    m = _DISPATCH.match(line)
    return find_date(m.group(1), year) if m else None


def year_of(date: str | None) -> int | None:
    """The year of an ISO date, or None."""
    return int(date[:4]) if date else None


def has_partial_date(text: str) -> bool:
    """Does ``text`` hold a date without its year (3月5日)?"""
    return bool(_PARTIAL.search(text.translate(_WIDTH)))
