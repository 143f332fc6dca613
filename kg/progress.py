"""How a running build tells how far it is.

The pipeline calls a :class:`Progress` (which says nothing); the CLI passes a
:class:`RichProgress`: a bar on stderr with files done, characters per second and the time
left, shown only once a build has run for about two seconds (short builds stay quiet),
and with ``verbose`` one line per file.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from .parallel import Outcome


class Progress:
    """The pipeline's progress hooks; this one does nothing."""

    def start(self, files: int, size: int) -> None:
        """A build of ``files`` files of ``size`` bytes in all begins extracting."""

    def advance(self, outcome: Outcome, size: int) -> None:
        """One file (``size`` bytes) is done: extracted, from the cache, or failed."""

    def stage(self, name: str) -> None:
        """Extraction is over; the build is now at ``name`` (resolving, writing)."""

    def stop(self) -> None:
        """The build is over (or interrupted)."""


class RichProgress(Progress):
    """A rich progress bar on ``console`` (stderr), shown after ``delay`` seconds."""

    def __init__(self, console: Console | None = None, *, delay: float = 2.0, verbose: bool = False, bar: bool | None = None):
        from rich.console import Console

        self.console = console or Console(stderr=True)
        self.delay = delay
        self.verbose = verbose
        self.bar = self.console.is_terminal if bar is None else bar
        self._progress = None
        self._task = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._shown = False
        self._files = self._done = self._chars = 0
        self._t0 = time.perf_counter()

    def start(self, files: int, size: int) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self._files, self._t0 = files, time.perf_counter()
        if not self.bar:
            return
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[files]}"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self._task = self._progress.add_task("extracting", total=max(size, 1), files=self._count(), rate="")
        if self.delay <= 0:
            self._show()
        else:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()

    def _count(self) -> str:
        if self._done > self._files:  # a corpus's records are documents of their own
            return f"{self._done:,} documents from {self._files:,} files"
        return f"{self._done:,}/{self._files:,} files"

    def _show(self) -> None:
        with self._lock:
            if self._progress is not None and not self._shown:
                self._shown = True
                self._progress.start()

    def advance(self, outcome: Outcome, size: int) -> None:
        self._done += 1
        self._chars += outcome.chars
        if self.verbose:
            self.console.print(_file_line(outcome), markup=False, highlight=False, soft_wrap=True)
        if self._progress is not None:
            secs = max(time.perf_counter() - self._t0, 1e-9)
            self._progress.update(self._task, advance=size, files=self._count(), rate=f"{self._chars / secs:,.0f} chars/s")

    def stage(self, name: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=name)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._progress is not None and self._shown:
                self._progress.stop()
            self._progress = None


def _file_line(o: Outcome) -> str:
    """``-v``'s line for one file."""
    if o.failure:
        return f"{o.path}: failed: {o.failure}"
    x = o.extraction
    n_m, n_r = (len(x.mentions), len(x.relations)) if x is not None else (0, 0)
    how = "from the cache" if o.cached else f"{o.read_seconds + o.extract_seconds:.2f} s"
    return f"{o.path}: {o.chars:,} characters, {n_m} mentions, {n_r} relations, {how}"
