"""The whole build: read → extract → resolve → graph → export, usable from Python.

>>> from kg.pipeline import build_graph_from_paths
>>> g, report = build_graph_from_paths(["seeds/001_3511262547c28c97.txt"])  # doctest: +SKIP

Files are streamed: each is read, handed to a runner (this process, worker processes or a
Dask cluster, see :mod:`kg.parallel`) and comes back as a slim extraction, so what the
build holds grows with the graph, not with the text.  Extractions are sorted by document
id before resolution, so the graph is the same whatever ran them and in whatever order
they finished.  With a cache (:mod:`kg.cache`) a file whose bytes, id and extractor are
unchanged is not extracted again.  A file that cannot be read, or that makes an extractor
fail, is reported and left out: it never sinks the build.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from . import curate, forks, gazetteer, gctune, timing
from .cache import CACHE_DIRNAME, ExtractionCache
from .errors import InputError, UsageError
from .extract import national
from .graph import build_graph, filter_confidence
from .model import Document
from .outlock import build_lock
from .parallel import Outcome, Task, check_scheduler_address, runner_for
from .progress import Progress
from .read import (
    MAX_FILE_BYTES,
    CorpusFields,
    find_inputs,
    is_corpus,
    printable,
    read_input,
    records,
)
from .report import Problem, Report
from .resolve import resolve


def load_model_text(path: str | os.PathLike[str] | None) -> str:
    """The text of the decision model at ``path`` (None: the shipped one), checked."""
    from .learn.decide import DEFAULT_MODEL, parse_model

    p = Path(path) if path is not None else DEFAULT_MODEL
    try:
        text = p.read_text(encoding="utf-8")
        parse_model(text)
    except OSError as e:
        raise InputError(str(p), f"cannot read the model ({e.strerror or e})") from e
    except (ValueError, KeyError, TypeError) as e:
        raise InputError(str(p), f"not a model written by kg train ({e})") from e
    return text

#: The files a build writes into its output folder.
GRAPH_FILES = ("graph.ttl", "graph.html")
REPORT_FILE = "build-report.json"


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    report: Report
    outputs: list[str] = field(default_factory=list)


def _display_path(p: str | Path, inputs: Sequence[str | os.PathLike[str]] = ()) -> str:
    """A path as the graph and the report show it: from the input it was found in, named
    by that input folder's own name (``seeds/001.txt`` for ``kg build seeds``, ``kg build
    /abs/seeds``, ``kg build .`` inside ``seeds`` or ``kg build seeds/001.txt``), so the
    outputs do not depend on the working directory or the machine; bytes of the name that
    are not UTF-8 escaped as ``\\xff`` (:func:`kg.read.printable`), so any output holds it.
    A path in no input (a missing one) is shown as given.

    >>> _display_path("../data/seeds/a/b.txt", ["x.txt", "../data/seeds"])
    'seeds/a/b.txt'
    """
    path = Path(p)
    for raw in inputs:
        root = Path(raw)
        if path == root and not path.is_dir():  # a file named on the command line
            if not path.exists():
                break
            root = root.parent
        if path.is_relative_to(root):
            shown = Path(Path(os.path.abspath(root)).name, path.relative_to(root))
            return printable(str(shown))
    return printable(str(p))


def build_graph_from_paths(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    aliases: Iterable[str] = (),
    min_confidence: float = 0.0,
    jobs: int | None = 1,
    scheduler: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    max_file_bytes: int | None = MAX_FILE_BYTES,
    model: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
    follow_symlinks: bool = False,
    corrections: Iterable[str | os.PathLike[str]] = (),
    corpus_fields: CorpusFields = CorpusFields(),
    debug: bool = False,
    profile: bool = False,
) -> tuple[nx.MultiDiGraph, Report]:
    """Read every input, extract, resolve and assemble the graph.

    ``jobs`` worker processes extract (None: one per core; 1: this process), or the Dask
    cluster whose scheduler is at ``scheduler``.  With ``cache_dir`` extractions are kept
    there and reused.  A file that cannot be read is reported in ``report.failures`` and
    skipped; damage read past is in ``report.problems``.  The decisions of ``model`` (a
    file written by ``kg train``; None: the model shipped with the package) are taken over
    the rules' proposals, unless ``rules_only``.  With ``profile`` the report holds the
    seconds of each rule family (``report.families``, :mod:`kg.timing`); counting them costs
    extraction a few per cent, so an unprofiled build does not.

    A folder's files are searched recursively; a symbolic link inside a folder that leads
    out of it is not followed but reported (its text could be anything on the machine,
    and would be published with the graph), unless ``follow_symlinks``.  A sub-folder that
    cannot be listed is reported too.  A file named in ``inputs`` is read even if it is a
    link.  A file name that is not UTF-8 is shown, and its document named, with the bad
    bytes escaped (``bad\\xff.txt``).

    The project's ``ontology/corrections.tsv`` and the files of ``corrections`` are checked
    before anything is read (a malformed line raises, and nothing is built) and applied to
    the resolved graph (:mod:`kg.curate`); ``report.corrections`` says what they did.

    A corpus (``.jsonl``, ``.csv``) is streamed: each record is one document,
    ``<stem>#<record number>``, read with the field names of ``corpus_fields``; a record
    without text is reported (file, record, problem) and skipped.

    ``debug`` extracts in this process without the cache and raises
    :class:`~kg.failure.ExtractorFailure` (document, sentence, stage; the extractor's
    exception as its cause) at the first file an extractor fails on.
    """
    t0 = time.perf_counter()
    if debug and scheduler is not None:
        raise UsageError("--debug extracts in this process: it cannot be combined with --scheduler")
    if scheduler is not None:
        check_scheduler_address(scheduler)  # a malformed address is refused before any work
    fixes = curate.load(corrections)  # a malformed line is refused before any work too
    progress = progress or Progress()
    report = Report()
    inputs = list(inputs)
    files, missing = find_inputs(inputs, follow_symlinks=follow_symlinks)
    for path, problem in missing:
        report.fail(_display_path(path, inputs), problem)
    alias_rows = gazetteer.alias_table(tuple(str(a) for a in aliases))
    gaz = gazetteer.with_aliases(alias_rows)  # loaded before any worker starts: they inherit it
    national.pattern()  # the table of central bodies too (a broken one: one error, no work)
    model_text = "" if rules_only else load_model_text(model)
    cache = None
    if cache_dir is not None and not debug:  # a failure the cache remembers would not raise
        salt = hashlib.sha256((repr(alias_rows) + "\0" + model_text).encode("utf-8", "surrogatepass")).hexdigest()
        cache = ExtractionCache(cache_dir, salt=salt)
        cache.prune()

    # the plan: one document per file stem, the first file of a stem wins
    plan: list[tuple[Path, str, str]] = []
    seen_ids: set[str] = set()
    for f in files:
        shown, doc_id = _display_path(f, inputs), printable(f.stem)
        if doc_id in seen_ids:
            report.fail(shown, f"another input is already called {doc_id!r}; document ids are file stems")
            continue
        seen_ids.add(doc_id)
        plan.append((f, shown, doc_id))
    sizes = []
    for f, _, _ in plan:
        try:
            sizes.append(f.stat().st_size)
        except OSError:
            sizes.append(0)
    total = sum(min(s, max_file_bytes or s) for s in sizes)

    outcomes: dict[int, Outcome] = {}
    keys: dict[int, str] = {}
    stale: set[str] = set()  # files whose cache entry was unusable
    done_size: dict[int, int] = {}
    stages = {"read": 0.0, "extract": 0.0}

    numbers = itertools.count(len(plan))  # task numbers of corpus records, after the files'

    def units() -> Iterator[tuple[int, str, str, bytes, int]]:
        """``(task number, document id, path, bytes, size)`` of each file, and of each record
        of a corpus, streamed; what cannot be read is settled here."""
        for i, (f, shown, doc_id) in enumerate(plan):
            t = time.perf_counter()
            if is_corpus(f):
                try:
                    for rec in records(f, corpus_fields):
                        if rec.problem:
                            report.problems.append(Problem(shown, rec.problem, "the other records"))
                            continue
                        stages["read"] += time.perf_counter() - t
                        yield next(numbers), f"{doc_id}#{rec.number}", shown, rec.data, len(rec.data)
                        t = time.perf_counter()
                except InputError as e:
                    report.fail(shown, e.problem)
                continue
            try:
                data, size = read_input(f, max_file_bytes)
            except InputError as e:
                finish(Outcome(i, doc_id, shown, failure=e.problem), 0)
                continue
            stages["read"] += time.perf_counter() - t
            yield i, doc_id, shown, data, size

    def tasks() -> Iterator[Task]:
        """Tasks for the runner; files the cache knows, or that cannot be opened, are
        settled here and never sent."""
        for i, doc_id, shown, data, size in units():
            done_size[i] = len(data)
            if cache is not None:
                keys[i] = cache.key(doc_id, data, size)
                rejected = cache.rejected
                hit = cache.get(keys[i])
                if cache.rejected > rejected:
                    stale.add(shown)  # damaged or planted: extracted again, and said so
                if isinstance(hit, Outcome):
                    hit.index, hit.path, hit.cached = i, shown, True
                    if hit.extraction is not None:
                        hit.extraction.doc.path = shown
                    finish(hit, len(data))
                    continue
            yield Task(i, doc_id, shown, data, size)

    def finish(o: Outcome, size: int) -> None:
        outcomes[o.index] = o
        stages["read"] += o.read_seconds
        stages["extract"] += o.extract_seconds
        if not o.cached:
            for k, v in o.families.items():
                report.families[k] = report.families.get(k, 0.0) + v
        if cache is not None and not o.cached and o.index in keys:
            cache.put(keys[o.index], o)
        progress.advance(o, size)

    progress.start(len(plan), total)
    t_par = time.perf_counter()
    todo = tasks()
    first = next(todo, None)  # files the cache knows are settled without starting workers
    if first is not None:
        # the seconds per rule family (report.families) are counted only when profiled
        with timing.counting(profile), runner_for(
                jobs=jobs, scheduler=scheduler, aliases=alias_rows, model=model_text,
                n_tasks=len(plan) - len(outcomes), debug=debug) as runner:
            report.workers = runner.workers
            for o in runner.run(itertools.chain([first], todo)):
                finish(o, done_size.get(o.index, 0))
    stages["parallel"] = time.perf_counter() - t_par

    extractions = []
    read_paths: set[str] = set()
    for i in sorted(outcomes):
        o = outcomes[i]
        if o.failure is not None or o.extraction is None:
            if "#" in o.doc_id and o.index >= len(plan):  # a corpus record: the file was read
                report.problems.append(Problem(o.path, f"record {o.doc_id.rsplit('#', 1)[1]}: "
                                               f"{o.failure or 'nothing extracted'}", "the other records"))
                continue
            report.fail(o.path, o.failure or "nothing extracted")
            continue
        if o.path not in read_paths:
            read_paths.add(o.path)
            report.files_read.append(o.path)
        if o.path in stale:
            report.problems.append(Problem(o.path, "its entry in the cache was damaged or not written by kg: ignored",
                                           "all text, extracted again"))
        where = f"record {o.doc_id.rsplit('#', 1)[1]}: " if o.index >= len(plan) else ""
        report.problems.extend(Problem(o.path, where + n.problem, n.kept) for n in o.notes)
        report.chars += o.chars
        if o.cached:
            report.cached += 1
        else:
            report.extracted += 1
        extractions.append(o.extraction)
    extractions.sort(key=lambda x: x.doc.id)

    progress.stage("resolving")
    t = time.perf_counter()
    with gctune.settled():
        entities, relations = resolve(extractions, gaz)
    for x in extractions:  # what the workers worked out of each page for resolve: read, let go
        x.resolved = None
    stages["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    with gctune.settled():
        g = build_graph(entities, relations, [x.doc for x in extractions])
    if fixes.corrections:
        report.corrections = curate.report(fixes, curate.apply_corrections(g, fixes.corrections, read_document=_reread(g, {shown: f for f, shown, _ in plan})))
    if min_confidence > 0:
        g = filter_confidence(g, min_confidence)
    stages["graph"] = time.perf_counter() - t
    report.stages = stages
    report.seconds = time.perf_counter() - t0
    return g, report


def _reread(g: nx.MultiDiGraph, files: dict[str, Path]) -> Callable[[str], Document | None]:
    """The text of a document of ``g`` read again from its file (the extractions keep only
    their facts): what a correction that adds a fact needs to place its sentence.
    ``files``: the file of each path as the graph shows it."""
    from .read import read_document

    def read(doc_id: str) -> Document | None:
        path = g.graph.get("documents", {}).get(doc_id, {}).get("path")
        path = files.get(path, path)
        try:
            return read_document(path) if path else None
        except InputError:
            return None

    return read


# ------------------------------------------------------------------ writing, atomically


def _stale_temp(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(name)}\.(\d+)\.tmp$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _clean_stale(out: Path, names: Iterable[str]) -> None:
    """Remove temporary files left by builds that were killed while writing."""
    pats = [_stale_temp(n) for n in names]
    try:
        for p in out.iterdir():
            for pat in pats:
                m = pat.match(p.name)
                if m and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1))):
                    p.unlink(missing_ok=True)
    except OSError:  # a folder that cannot be listed, a temp file that is not ours: leave them
        pass


def _atomic(path: Path, write: Callable[[str], object]) -> None:
    """Write to a temporary name beside ``path`` and rename it into place, so a build
    that dies half-way leaves the previous file intact."""
    _atomic_all([(path, write)])


def _atomic_all(items: list[tuple[Path, Callable[[str], object]]]) -> None:
    """Write every file to its temporary name first, then rename them all into place:
    a build killed at any moment leaves each file whole (the old one or the new one).

    A write that returns a :class:`~kg.forks.Child` is writing in that child: the next
    files are written meanwhile, and the child is waited for before any file is renamed.

    A file that cannot be written (the disk is full, the folder changed since
    :func:`check_output_dir`) is an :class:`~kg.errors.InputError` naming it, not its
    temporary name."""
    tmps = [(path.with_name(f".{path.name}.{os.getpid()}.tmp"), path) for path, _ in items]
    current = None
    children: list[tuple[tuple[Path, Path], forks.Child]] = []
    try:
        for (tmp, path), (_, write) in zip(tmps, items, strict=True):
            current = (tmp, path)
            child = write(str(tmp))
            if isinstance(child, forks.Child):
                children.append((current, child))
                continue
            _fsync(tmp)
        for current, child in children:
            child.result()
            _fsync(current[0])
        for tmp, path in tmps:
            current = (tmp, path)
            os.replace(tmp, path)
    except OSError as e:
        if current is None or (e.filename is not None and str(e.filename) not in map(str, current)):
            raise  # not about the file being written
        raise InputError(current[1], f"cannot write ({e.strerror or e})") from e
    finally:
        for _, child in children:
            child.cancel()
        for tmp, _ in tmps:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:  # on disk before it replaces the old file
        os.fsync(f.fileno())


def _write_text(text: str) -> Callable[[str], None]:
    def write(p: str) -> None:
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    return write


#: pieces of evidence in a graph from which its files are written by two processes
#: (:func:`write_outputs`): below it, starting one costs more than it saves
FORK_MIN_EVIDENCE = 20_000


def _evidence_count(g: nx.MultiDiGraph) -> int:
    return (sum(len(d.get("mentions") or ()) for _, d in g.nodes(data=True))
            + sum(len(ev or ()) for _, _, ev in g.edges(data="evidence")))


def write_outputs(
    g: nx.MultiDiGraph,
    out_dir: str | os.PathLike[str],
    *,
    html_max_nodes: int | None = None,
    report: Report | None = None,
    fork: bool | None = None,
) -> list[str]:
    """Write ``graph.ttl`` and ``graph.html`` (and ``build-report.json`` for ``report``)
    into ``out_dir``, atomically; return their paths.

    With ``fork`` (None: where the platform forks, there is more than one core and the
    graph holds :data:`FORK_MIN_EVIDENCE` pieces of evidence or more), ``graph.html`` is
    written by a forked child (:mod:`kg.forks`) while this process writes ``graph.ttl``:
    the same bytes, sooner."""
    from .export.html import write_html
    from .export.turtle import write_turtle

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _clean_stale(out, (*GRAPH_FILES, REPORT_FILE))
    ttl, html = out / "graph.ttl", out / "graph.html"
    html_kw = {} if html_max_nodes is None else {"max_nodes": html_max_nodes}
    if fork is None:
        fork = forks.can_fork() and _evidence_count(g) >= FORK_MIN_EVIDENCE
    elif fork:
        fork = forks.can_fork()
    seconds: dict[str, float] = {}
    children: list[forks.Child] = []

    def timed(stage: str, write: Callable[[str], object]) -> Callable[[str], None]:
        def run(p: str) -> None:
            t = time.perf_counter()
            write(p)
            seconds[stage] = time.perf_counter() - t

        return run

    def html_in_child(p: str) -> forks.Child:
        def work() -> bytes:
            t = time.perf_counter()
            write_html(g, p, **html_kw)
            return repr(time.perf_counter() - t).encode("ascii")

        children.append(forks.Child(work))
        return children[-1]

    items: list[tuple[Path, Callable[[str], object]]] = [
        (ttl, timed("turtle", lambda p: write_turtle(g, p))),
        (html, timed("html", lambda p: write_html(g, p, **html_kw))),
    ]
    if fork:  # started first, so that it runs while graph.ttl is written
        items = [(html, html_in_child), items[0]]
    if report is not None:
        items.append((out / REPORT_FILE, _write_text(report.to_json())))
    paths = [str(path) for path in (ttl, html, *(p for p, _ in items[2:]))]
    with gctune.settled():
        _atomic_all(items)
    for child in children:  # the child's own time
        seconds["html"] = float(child.value or 0)
    if report is not None:
        report.stages.update(seconds)
    return paths


def write_report(report: Report, out_dir: str | os.PathLike[str]) -> str:
    """Write ``build-report.json`` alone (a build that produced no graph), atomically."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / REPORT_FILE
    _atomic(path, _write_text(report.to_json()))
    return str(path)


def check_output_dir(out_dir: str | os.PathLike[str]) -> None:
    """Raise, before any work, unless a build can write into ``out_dir``: a file there (or
    on the way to it, or where the build writes one of its files) is a
    :class:`~kg.errors.UsageError`, a folder that cannot be written an
    :class:`~kg.errors.InputError`, each naming the path.  Nothing is created."""
    from .export.paths import check_output_folder

    out = Path(out_dir)
    check_output_folder(out, f"the build writes {', '.join(GRAPH_FILES)} and {REPORT_FILE} into a folder")
    for name in (*GRAPH_FILES, REPORT_FILE):
        if (out / name).is_dir():
            raise UsageError(f"{out / name}: a folder, where the build writes a file")


def build(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] = "outputs",
    *,
    aliases: Iterable[str] = (),
    min_confidence: float = 0.0,
    jobs: int | None = 1,
    scheduler: str | None = None,
    cache: bool = True,
    progress: Progress | None = None,
    html_max_nodes: int | None = None,
    max_file_bytes: int | None = MAX_FILE_BYTES,
    model: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
    follow_symlinks: bool = False,
    corrections: Iterable[str | os.PathLike[str]] = (),
    corpus_fields: CorpusFields = CorpusFields(),
    debug: bool = False,
    profile: bool = False,
) -> BuildResult:
    """Build the graph from ``inputs`` and write it to ``out_dir``, with
    ``build-report.json`` beside it.  With ``cache`` extractions are kept in
    ``out_dir/.kgcache`` and reused.  If no file could be read, the previous graph files
    are left as they are (only the report is written).  A symbolic link that leads out of
    a folder in ``inputs`` is reported, not read, unless ``follow_symlinks``.

    An output folder that could not be written (:func:`check_output_dir`) or a malformed
    ``scheduler`` address is refused before anything is read or extracted."""
    check_output_dir(out_dir)
    if scheduler is not None:
        check_scheduler_address(scheduler)  # refused before the folder is locked (or made)
    with build_lock(out_dir), gctune.tuned():
        g, report = build_graph_from_paths(
            inputs, aliases=aliases, min_confidence=min_confidence, jobs=jobs, scheduler=scheduler,
            cache_dir=Path(out_dir) / CACHE_DIRNAME if cache else None, progress=progress,
            max_file_bytes=max_file_bytes, model=model, rules_only=rules_only, follow_symlinks=follow_symlinks,
            corrections=corrections,
            corpus_fields=corpus_fields,
            debug=debug,
            profile=profile,
        )
        if progress is not None:
            progress.stage("writing")
        t = time.perf_counter()
        if report.files_read:
            outputs = write_outputs(g, out_dir, html_max_nodes=html_max_nodes, report=report)
        else:
            outputs = [write_report(report, out_dir)]
        report.stages["export"] = time.perf_counter() - t
        report.seconds += report.stages["export"]
        return BuildResult(g, report, outputs)
