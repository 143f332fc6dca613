"""Finding the input files: a folder's readable files, recursively, and the file's bytes."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError

#: Largest part of one file that is read (16 MiB, some 5 million Chinese characters, a
#: few hundred newspaper pages); the rest of a larger file is left out and reported.
MAX_FILE_BYTES = 16 * 1024 * 1024


def read_capped(path: str | Path, max_bytes: int | None = MAX_FILE_BYTES) -> tuple[bytes, int]:
    """The bytes of ``path`` (at most ``max_bytes``, cut after a line end) and its size."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            data = f.read() if max_bytes is None else f.read(max_bytes)
            if max_bytes is not None and len(data) == max_bytes and f.read(1):
                size = max(size, max_bytes + 1)
                nl = data.rfind(b"\n")
                if nl > max_bytes // 2:
                    data = data[: nl + 1]
    except OSError as e:
        raise InputError(str(p), e.strerror or str(e)) from e
    return data, size



#: lone surrogates: what Python makes of the bytes of a file name that are not UTF-8 (PEP 383)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(m: re.Match[str]) -> str:
    cp = ord(m.group())
    return f"\\x{cp - 0xDC00:02x}" if 0xDC80 <= cp <= 0xDCFF else f"\\u{cp:04x}"


def printable(text: str) -> str:
    """``text`` (a path, a file stem) as text any UTF-8 output can hold: each byte of a file
    name that is not UTF-8, which Python keeps as a lone surrogate, becomes a ``\\xff``
    escape (any other lone surrogate ``\\udXXX``).  Other text is returned as it is.

    >>> printable(os.fsdecode(b"bad\\xff.txt"))
    'bad\\\\xff.txt'
    >>> printable("社区.txt")
    '社区.txt'
    """
    return _SURROGATE.sub(_escape_surrogate, text) if _SURROGATE.search(text) else text


#: what a folder's files are: :func:`find_inputs` reads the files whose name ends in one of
#: these (any case): plain text, web pages, PDFs, page images, Word files and corpora
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".mhtml", ".mht", ".pdf", ".png", ".jpg", ".jpeg",
                  ".tif", ".tiff", ".docx", ".jsonl", ".csv")
#: a web page a build wrote: its folder also holds this report (never read as input)
_BUILD_REPORT = "build-report.json"


def wanted_file(name: str) -> bool:
    """Is a file of this name an input (:data:`INPUT_SUFFIXES`)?

    >>> wanted_file("page.PDF"), wanted_file("notes.md")
    (True, False)
    """
    return name.lower().endswith(INPUT_SUFFIXES)

SYMLINK_OUT_FILE = "symbolic link to a file outside the input folder: not read"
SYMLINK_OUT_FOLDER = "symbolic link to a folder outside the input folder: not searched"


def _inside(path: str, top: str) -> bool:
    """Is the resolved ``path`` ``top`` or below it (``top`` resolved too)?"""
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


def _entry_is(test: Callable[[], bool]) -> bool:
    """A :class:`os.DirEntry` test, False where it fails (a link loop, a file gone meanwhile)."""
    try:
        return test()
    except OSError:
        return False


def _search_folder(root: Path, follow_symlinks: bool) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files of :data:`INPUT_SUFFIXES` below ``root``, sorted, and the problems met.

    Sub-folders are searched recursively; one that cannot be listed is a problem, not a
    silent gap.  A symbolic link (to a file or a folder) whose target lies outside ``root``
    is not followed but reported, unless ``follow_symlinks``; links that stay inside are
    followed.  Every folder is searched once, whatever links lead to it again, so a link
    loop ends.  The real tree is searched before folders reached through links, so a file
    is found under its own path when it can be.
    """
    top = os.path.realpath(root)
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    searched: set[tuple[int, int]] = set()
    linked: list[Path] = []  # folders reached through a link, searched after the real tree

    def search(folder: Path) -> None:
        stack = [folder]
        while stack:
            d = stack.pop()
            try:
                st = os.stat(d)
                if (st.st_dev, st.st_ino) in searched:
                    continue  # reached again through a link
                searched.add((st.st_dev, st.st_ino))
                with os.scandir(d) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as e:
                problems.append((str(d), f"folder cannot be listed ({e.strerror or e}): its files were not read"))
                continue
            has_report = any(e.name == _BUILD_REPORT for e in entries)  # a build's output folder
            for e in entries:
                q = d / e.name
                is_link = _entry_is(e.is_symlink)
                is_dir = _entry_is(e.is_dir)  # through a link: what the link leads to
                wanted = wanted_file(e.name) and not (e.name == "graph.html" and has_report)
                if is_link and (is_dir or wanted):
                    if not follow_symlinks and not _inside(os.path.realpath(q), top):
                        problems.append((str(q), SYMLINK_OUT_FOLDER if is_dir else SYMLINK_OUT_FILE))
                        continue
                    if is_dir:
                        linked.append(q)
                        continue
                if is_dir:
                    stack.append(q)
                elif wanted and q.is_file():
                    found.append(q)

    search(root)
    while linked:
        linked.sort(reverse=True)
        search(linked.pop())
    problems.sort(key=lambda x: Path(x[0]))
    return sorted(found), problems


def find_inputs(
    paths: Iterable[str | Path], *, follow_symlinks: bool = False
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders (a folder means its files of :data:`INPUT_SUFFIXES`, recursively).

    Returns the files in a stable order and, for each argument that named nothing readable
    and each thing inside a folder that could not be read, its path and what was wrong: a
    sub-folder that cannot be listed, a symbolic link leading out of the folder given
    (followed only with ``follow_symlinks``).  A file named in ``paths`` is read even
    when it is a link: the user named it.
    """
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found, problems = _search_folder(p, follow_symlinks)
            if not found and not problems:
                missing.append((str(p), "folder holds no files to read (.txt, .html, .pdf, images, .docx, .jsonl, .csv)"))
            missing.extend(problems)
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            missing.append((str(p), "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, missing
