"""One build at a time into an output folder: an advisory lock on ``OUT/.kglock``.

Two builds into one folder would interleave their cache entries and replace each other's
outputs file by file; the second one is refused at once, with one line, and the first
goes on. The lock is the kernel's (``flock``): it goes with the process that held it,
however that process ends, so a killed build never leaves the folder locked. The file
itself stays (empty); removing it would let a third build lock a different file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import KgError

LOCK_FILE = ".kglock"


class Busy(KgError):
    """Another build holds the output folder."""


@contextlib.contextmanager
def build_lock(out_dir: str | os.PathLike[str]) -> Iterator[None]:
    """Hold ``OUT/.kglock`` for the block (the folder is created); :class:`Busy` if another
    process holds it. Where ``flock`` does not exist (Windows) the block runs unlocked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux/macOS
        yield
        return
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"{out}: another kg build is writing into this folder; "
                       "wait for it to finish or build into another folder") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock
