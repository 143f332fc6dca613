"""A page's text in reading order, from the boxes of its characters or words.

E-paper PDFs and scanned pages set articles in columns, with headlines that span several of
them.  Reading the boxes line by line across the page would interleave the columns; so the
page is cut recursively (XY-cut): first down the widest empty gutter between columns, else
across the widest empty band between blocks, until a block holds no such gap; a block is
read line by line, top to bottom.  Within a block, lines that run to its right edge go on
on the next line (a paragraph), unless that line is indented (a Chinese paragraph opens two
characters in).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True)
class Box:
    """One character (PDF) or word (OCR) on a page: its text and bounding box, y down."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def _gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The empty intervals between the union of ``spans``: ``(start, end)``, in order."""
    spans = sorted(spans)
    out = []
    end = spans[0][1]
    for a, b in spans[1:]:
        if a > end:
            out.append((end, a))
        end = max(end, b)
    return out


def _lines(boxes: list[Box], size: float) -> list[list[Box]]:
    """Boxes grouped into lines, top to bottom, each left to right: a box joins a line its
    height overlaps by half of the lower of the two (a small quote mark joins its line)."""
    lines: list[list[Box]] = []
    spans: list[tuple[float, float]] = []
    for b in sorted(boxes, key=lambda b: (b.top, b.x0)):
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = spans[k]
            overlap = min(bottom, b.bottom) - max(top, b.top)
            if overlap >= 0.5 * min(bottom - top, b.bottom - b.top, size):
                lines[k].append(b)
                spans[k] = (min(top, b.top), max(bottom, b.bottom))
                break
        else:
            lines.append([b])
            spans.append((b.top, b.bottom))
    return [sorted(line, key=lambda b: b.x0) for line in lines]


def _cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _line_text(line: list[Box], size: float) -> str:
    """A line's text: a space where the boxes leave one (wider between Chinese characters,
    which are set without spaces, and which OCR returns in runs)."""
    out = []
    for prev, b in zip([None, *line[:-1]], line, strict=True):
        if prev is not None:
            gap = b.x0 - prev.x1
            if gap > (size if _cjk(prev.text[-1]) and _cjk(b.text[0]) else size * 0.25):
                out.append(" ")
        out.append(b.text)
    return "".join(out)


def _cut(boxes: list[Box], size: float, depth: int = 0) -> list[list[Box]]:
    """The blocks of ``boxes`` in reading order (XY-cut)."""
    if len(boxes) < 2 or depth > 60:
        return [boxes]
    # down a gutter: an empty vertical band at least one character wide
    # with text of at least two lines on either side (a wide space in a line is no gutter)
    edges = []
    for a, b in _gaps([(b.x0, b.x1) for b in boxes]):
        if b - a < size * 0.9:
            continue
        e = (a + b) / 2
        sides = ([x for x in boxes if x.x1 <= e], [x for x in boxes if x.x0 >= e])
        if all(max(x.bottom for x in side) - min(x.top for x in side) > size * 1.8 for side in sides):
            edges.append(e)
    if edges:
        cols: list[list[Box]] = [[] for _ in range(len(edges) + 1)]
        for b in boxes:
            cols[sum(1 for e in edges if (b.x0 + b.x1) / 2 > e)].append(b)
        return [blk for col in cols if col for blk in _cut(col, size, depth + 1)]
    # across a band: the widest horizontal gap, if it is wider than the space between lines
    bands = _gaps([(b.top, b.bottom) for b in boxes])
    if not bands:
        return [boxes]
    widths = sorted(b - a for a, b in bands)
    widest = max(bands, key=lambda g: (g[1] - g[0], -g[0]))
    if widest[1] - widest[0] < max(size * 0.8, median(widths) * 1.6):
        return [boxes]
    cut = (widest[0] + widest[1]) / 2
    above = [b for b in boxes if (b.top + b.bottom) / 2 < cut]
    below = [b for b in boxes if (b.top + b.bottom) / 2 >= cut]
    return _cut(above, size, depth + 1) + _cut(below, size, depth + 1)


def page_text(boxes: list[Box]) -> str:
    """The text of one page in reading order: blocks separated by a blank line, each
    paragraph of a block on one line.

    >>> def row(text, x, y): return [Box(c, x + 10 * i, y, x + 10 * i + 10, y + 10) for i, c in enumerate(text)]
    >>> left = row("左栏第一行文字", 0, 0) + row("左栏第二行。", 0, 14)
    >>> right = row("右栏第一行文字", 100, 0) + row("右栏第二行。", 100, 14)
    >>> page_text(left + right)
    '左栏第一行文字左栏第二行。\\n\\n右栏第一行文字右栏第二行。'
    """
    boxes = [b for b in boxes if b.text.strip()]
    if not boxes:
        return ""
    size = median(b.bottom - b.top for b in boxes) or 1.0
    blocks = []
    for block in _cut(boxes, size):
        lines = _lines(block, size)
        right = max(b.x1 for b in block)
        left = min(b.x0 for b in block)
        paras: list[str] = []
        for i, line in enumerate(lines):
            text = _line_text(line, size)
            prev = lines[i - 1] if i else None
            goes_on = (
                prev is not None
                and prev[-1].x1 >= right - size * 1.5  # the line before ran to the right edge
                and line[0].x0 < left + size * 1.5  # this one is not indented
                and len(prev) > 1
            )
            if goes_on and paras:
                paras[-1] += text
            else:
                paras.append(text)
        blocks.append("\n".join(paras))
    return "\n\n".join(blocks)
