"""Pages joined into one text (a blank line between), with where each page starts: what
the PDF and the scan readers share."""

from __future__ import annotations


class PageText:
    """Pages added in order; a page with no text is noted as blank and leaves no trace."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []  # offset of each kept page in :attr:`text`
        self.blank: list[int] = []  # numbers of the pages without text
        self._pos = 0

    def add(self, number: int, text: str) -> None:
        if not text.strip():
            self.blank.append(number)
            return
        if self.parts:
            self.parts.append("\n\n")
            self._pos += 2
        self.starts.append(self._pos)
        self.parts.append(text)
        self._pos += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)
