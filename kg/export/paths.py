"""Where outputs may be written: checked before any work, each problem naming the path.

Kept apart from the exporters (:mod:`kg.export.formats`) so that ``kg build``, which checks
its output folder first, does not import them (and rdflib) to do so.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError, UsageError


def _allowed(path: Path, mode: int) -> bool:
    """:func:`os.access` for this process's effective user, where the platform can say."""
    if os.access in os.supports_effective_ids:
        return os.access(path, mode, effective_ids=True)
    return os.access(path, mode)


def _can_write_in(folder: Path) -> bool:
    """Whether this process may create and rename files in ``folder``."""
    return _allowed(folder, os.W_OK | os.X_OK)


def _why_not(path: Path) -> str:
    """Why ``path`` cannot be written: its file system is read-only, or permissions."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return "read-only file system"
    except (OSError, AttributeError):  # no statvfs on this platform
        pass
    return "permission denied"


def _nearest_existing(path: Path) -> Path:
    """``path`` itself if it exists (a broken symbolic link counts), else its nearest ancestor that does."""
    while not os.path.lexists(path) and path != path.parent:
        path = path.parent
    return path


def check_output_folder(path: str | os.PathLike[str], purpose: str = "") -> None:
    """Raise unless ``path`` is a folder this process can write in, or can be created as one.

    A file (or anything not a folder) at ``path`` or on the way to it is a
    :class:`~kg.errors.UsageError` (exit 2); a folder that cannot be written (permissions, a
    read-only file system) an :class:`~kg.errors.InputError` (exit 1).  Both name ``path``;
    ``purpose`` ends the message of the first (what the folder is for).  Nothing is created.
    """
    out = Path(path)
    found = _nearest_existing(out)
    if not found.is_dir():
        what = "a broken symbolic link" if found.is_symlink() else "a file"
        if found == out:
            raise UsageError(f"{out}: {what}, not a folder" + (f": {purpose}" if purpose else ""))
        raise UsageError(f"{out}: {found} is {what}, not a folder")
    if not _can_write_in(found):
        where = "this folder" if found == out else str(found)
        raise InputError(out, f"cannot write in {where} ({_why_not(found)})")


def check_output_file(path: str | os.PathLike[str], purpose: str = "") -> None:
    """Raise unless a file can be written at ``path`` (its missing folders created).

    A folder at ``path``, or a file where one of its folders should be, is a
    :class:`~kg.errors.UsageError` (exit 2); a file or folder that cannot be written an
    :class:`~kg.errors.InputError` (exit 1).  Both name ``path``; ``purpose`` ends the
    message of a folder in the way.  Nothing is created.
    """
    out = Path(path)
    if out.is_dir():
        raise UsageError(f"{out}: a folder, not a file" + (f": {purpose}" if purpose else ""))
    if out.exists():
        if not _allowed(out, os.W_OK):
            raise InputError(out, f"cannot write this file ({_why_not(out)})")
        return
    parent = _nearest_existing(out.parent)
    if not parent.is_dir():
        raise UsageError(f"{out}: {parent} is a file, not a folder")
    if not _can_write_in(parent):
        raise InputError(out, f"cannot write in {parent} ({_why_not(parent)})")
