"""The project's errors: one small hierarchy, one line each.

The CLI turns any :class:`KgError` into its message on one line and ``exit_code``, never a
traceback; library code raises them with ``raise ... from e`` so the cause stays available
to a debugger.

>>> str(InputError("seeds/x.txt", "binary file, not text"))
'seeds/x.txt: binary file, not text'
>>> str(QueryError("error at 1:8:\\n  expected WHERE"))
'error at 1:8: expected WHERE'
"""

from __future__ import annotations

import os


def one_line(text: object) -> str:
    """Collapse all whitespace runs (newlines included) to one space: messages stay one line."""
    return " ".join(str(text).split())


class KgError(Exception):
    """Base of every error the project raises on purpose; ``str()`` is one line.

    ``exit_code`` is what the CLI exits with: 1 for bad input, 2 for bad usage.
    """

    exit_code: int = 1

    def __init__(self, message: object) -> None:
        super().__init__(one_line(message))


class InputError(KgError):
    """A bad input file (missing, undecodable, unparsable): ``"<path>: <problem>"``."""

    def __init__(self, path: str | os.PathLike[str], problem: object) -> None:
        self.path = os.fspath(path)
        self.problem = one_line(problem)
        super().__init__(f"{self.path}: {self.problem}")


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run; carries the engine's message."""


class UsageError(KgError):
    """The caller asked for something that does not exist (an unknown format, a bad flag)."""

    exit_code = 2
