"""What a build read, what was wrong with which file and what was kept of it.

:class:`Report` is the :class:`kg.model.BuildReport` of a build with the details the CLI and
``build-report.json`` give: one :class:`Problem` per thing wrong with a file (a file that
gave nothing, or one read past damage: a truncated character, mixed encodings, control
characters, Traditional Chinese, an over-long line, a file too large to read whole), and
the figures of the run.  ``build-report.json`` holds only what the input decides (no
timings, no cache figures), so the same input writes the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .model import BuildReport
from .read import printable

#: What is kept of a file that gave nothing.
NOTHING = "nothing"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, and what the build kept of it."""

    file: str
    problem: str
    kept: str


@dataclass
class Report(BuildReport):
    problems: list[Problem] = field(default_factory=list)
    chars: int = 0  # characters read from the files that were read
    extracted: int = 0  # files extracted in this build
    cached: int = 0  # files whose extraction came from the cache
    workers: int = 1
    #: seconds per stage: read and extract summed over workers, the rest wall-clock
    stages: dict[str, float] = field(default_factory=dict)
    #: what the corrections files did (:func:`kg.curate.report`); None when there were none
    corrections: dict | None = None
    #: extraction's seconds per rule family, summed over workers (:mod:`kg.timing`)
    families: dict[str, float] = field(default_factory=dict)

    def fail(self, path: str, problem: str) -> None:
        """``path`` gave nothing: it is in ``failures`` and in ``problems``.  Bytes of a
        file name that are not UTF-8 are escaped (:func:`kg.read.printable`)."""
        path = printable(path)
        self.failures.append((path, problem))
        self.problems.append(Problem(path, problem, NOTHING))

    def by_file(self) -> dict[str, list[Problem]]:
        """Problems grouped by file, in the order files were met."""
        out: dict[str, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.file, []).append(p)
        return out

    def to_json(self) -> str:
        """``build-report.json``: deterministic for the same input, and valid UTF-8 JSON
        whatever the file names (:func:`kg.read.printable`)."""
        data = {
            "files": {"read": len(self.files_read), "failed": len(self.failures),
                      "with_problems": len(self.by_file())},
            "characters": self.chars,
            "read": [printable(p) for p in self.files_read],
            "problems": [{k: printable(v) for k, v in asdict(p).items()} for p in self.problems],
        }
        if self.corrections is not None:
            data["corrections"] = self.corrections
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def one_line(path: str, problems: list[Problem]) -> str:
    """A file's problems on one line: ``error:`` if nothing was kept, else ``warning:``.

    >>> one_line("a.txt", [Problem("a.txt", "binary file, not text", NOTHING)])
    'error: a.txt: binary file, not text'
    >>> one_line("b.txt", [Problem("b.txt", "Traditional Chinese", "all text")])
    'warning: b.txt: Traditional Chinese (kept: all text)'
    """
    failed = any(p.kept == NOTHING for p in problems)
    parts = [p.problem if p.kept == NOTHING else f"{p.problem} (kept: {p.kept})" for p in problems]
    return f"{'error' if failed else 'warning'}: {path}: " + "; ".join(parts)


#: the stages of a build in the order they run, as ``--profile`` names them
_STAGES = (("read", "read (summed over workers)"), ("extract", "extract (summed over workers)"),
           ("parallel", "read and extract, wall clock"), ("resolve", "resolve"), ("graph", "graph"),
           ("turtle", "write graph.ttl"), ("html", "write graph.html"), ("export", "write, in all"))


def profile_lines(report: Report) -> list[str]:
    """``kg build --profile``: seconds per stage, then extraction's seconds per rule family
    (each family's own time, summed over workers; the slowest first).

    >>> r = Report(chars=1000, seconds=2.0, stages={"extract": 1.5}, families={"places": 1.0, "people": 0.25})
    >>> print("\\n".join(profile_lines(r)))
    build: 2.00 s, 1,000 characters, 500 characters/s
      extract (summed over workers)       1.500 s
    rule families (own time, summed over workers):
      places                              1.000 s   66.7% of extract
      people                              0.250 s   16.7% of extract
      (not in a family)                   0.250 s   16.7% of extract
    """
    rate = f", {report.chars / report.seconds:,.0f} characters/s" if report.seconds > 0 else ""
    out = [f"build: {report.seconds:.2f} s, {report.chars:,} characters{rate}"]
    for key, label in _STAGES:
        if key in report.stages:
            out.append(f"  {label:<35}{report.stages[key]:>6.3f} s")
    if report.families:
        extract = report.stages.get("extract", 0.0)
        out.append("rule families (own time, summed over workers):")
        rows = sorted(report.families.items(), key=lambda kv: (-kv[1], kv[0]))
        rest = extract - sum(report.families.values())
        if rest > 0.0005:
            rows.append(("(not in a family)", rest))
        for name, sec in rows:
            share = f"   {100 * sec / extract:4.1f}% of extract" if extract > 0 else ""
            out.append(f"  {name:<35}{sec:>6.3f} s{share}")
    return out
