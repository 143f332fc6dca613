"""Corrections that survive rebuilds: curation kept as data, with its author and reason.

* :mod:`kg.curate.parse`: the corrections file (its format, one correction a line);
* :mod:`kg.curate.match`: the entity a correction names, found the way a user names it;
* :mod:`kg.curate.apply`: the corrections applied to the resolved graph, before export;
* :mod:`kg.curate.gold`: what the graph says about a document, in the gold format (``kg gold``);
* :mod:`kg.curate.diff`: what changed between two graphs (``kg diff``).

``kg build`` reads the project's ``ontology/corrections.tsv`` (when it is there) and every
``--corrections FILE``, checks every line before anything is read, and applies them after
resolution, so a correction survives rebuilds, the cache and ``--jobs``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import CORRECTIONS_FILE
from .apply import Outcome, apply_corrections
from .parse import Correction, CorrectionsError, parse_text, read_text

# CORRECTIONS_FILE, the project's corrections applied by every build when it is there:
# ontology/corrections.tsv in a checkout; installed from a wheel, the copy the wheel was
# built with (never a file of the working folder: the same command builds the same graph
# wherever it runs; more files are --corrections FILE).

__all__ = ["CORRECTIONS_FILE", "Correction", "CorrectionSet", "CorrectionsError", "Outcome",
           "apply_corrections", "load"]


@dataclass
class CorrectionSet:
    """The corrections of a build, in order, and the files they came from (path, SHA-256
    of the bytes read, number of corrections): what the build report records, so the
    outputs are explained by their inputs."""

    corrections: list[Correction] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)


def _shown(path: Path) -> str:
    """A file as the user named it; the project's file relative to the working folder when
    it is inside it."""
    if path != CORRECTIONS_FILE:
        return str(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def load(paths: Iterable[str | os.PathLike[str]] = (), *, default: bool = True) -> CorrectionSet:
    """The project's file (if ``default`` and it exists) and then every file of ``paths``,
    all checked: the first malformed line raises :class:`CorrectionsError`, so a build
    applies every correction or none."""
    files = [CORRECTIONS_FILE] if default and CORRECTIONS_FILE.is_file() else []
    files += [Path(p) for p in paths if not (default and Path(p).resolve() == CORRECTIONS_FILE)]
    out = CorrectionSet()
    for f in files:
        text = read_text(f)
        shown = _shown(f)
        found = parse_text(text, shown)
        out.corrections.extend(found)
        if found:
            out.files.append({"path": shown, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                              "corrections": len(found)})
    return out


def report(fixes: CorrectionSet, outcome: Outcome) -> dict:
    """The corrections' part of ``build-report.json``: the files, how many lines applied,
    what they did (facts rejected, entities merged ...), and each line that did not apply,
    by file, line and content, with the reason."""
    return {
        "files": fixes.files,
        "applied": len(outcome.applied),
        "done": dict(sorted(outcome.counts.items())),
        "stale": [{"line": c.where, "correction": c.describe(), "problem": why} for c, why in outcome.skipped],
    }
