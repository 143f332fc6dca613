"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

Extraction is independent per document, so it is the part that spreads: each
:class:`Task` (a file's bytes, its id and how it is shown) goes to :func:`run_task`
wherever a runner puts it, and comes back as an :class:`Outcome` holding a slim
:class:`~kg.model.Extraction` (the document's text and sentences dropped: only the graph's
share is kept).  Reading, resolution and writing stay in the calling process.

Runners yield outcomes as they complete, never more than a few tasks ahead of them
(documents are streamed, not all held), and in any order: the pipeline sorts by
document id before it resolves, so the result is the same for any runner and any number
of workers.

* :class:`InlineRunner`: here, one after the other.
* :class:`PoolRunner`: ``jobs`` worker processes (forked where the platform can, so they
  start with the gazetteer and jieba's modules already loaded).  A worker that dies takes
  only its own document down: the others are retried in a fresh pool.
* :class:`DaskRunner`: a ``dask.distributed`` scheduler's workers (``tcp://HOST:8786``);
  each document's bytes are scattered to the cluster and the outcomes gathered.  The
  workers need this package installed; the alias tables travel with the tasks.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass, field

from . import gazetteer, gctune, timing
from .errors import InputError, UsageError
from .failure import ExtractorFailure, describe, locate
from .forks import sigint_held
from .model import Document, Extraction
from .read import Note, read_bytes

Aliases = tuple[tuple[str, str, str | None], ...]


@dataclass
class Task:
    """One file to read and extract."""

    index: int  # position in the build's list of files
    doc_id: str
    path: str  # as shown to the user and recorded in the graph
    data: bytes
    size: int  # the whole file's size (``data`` may be its beginning only)


@dataclass
class Outcome:
    """What one file gave: a slim extraction, or the reason it gave nothing."""

    index: int
    doc_id: str
    path: str
    extraction: Extraction | None = None
    notes: list[Note] = field(default_factory=list)
    failure: str | None = None
    chars: int = 0
    read_seconds: float = 0.0
    extract_seconds: float = 0.0
    cached: bool = False
    #: extraction's seconds per rule family (:mod:`kg.timing`)
    families: dict[str, float] = field(default_factory=dict)


def slim(x: Extraction) -> Extraction:
    """``x`` without the document's text and sentences (what resolution and the graph
    never read): what an extraction costs to keep is then the size of its facts.  The
    evidence of one sentence shares one string of its text, so an outcome carries each
    sentence once (pickle sends a string object once), not once per fact."""
    d = x.doc
    x.doc = Document(id=d.id, path=d.path, text="", encoding=d.encoding, articles=d.articles)
    texts: dict[str, str] = {}
    for ev in itertools.chain((m.evidence for m in x.mentions), (r.evidence for r in x.relations)):
        shared = texts.setdefault(ev.text, ev.text)
        if shared is not ev.text:
            object.__setattr__(ev, "text", shared)  # the same value: the evidence stays as it was
    return x


def run_task(task: Task, aliases: Aliases = (), model: str = "", debug: bool = False) -> Outcome:
    """Read and extract one file; never raises for anything the file holds.  ``model`` is
    the text of a decision model (:mod:`kg.learn.decide`); empty: the rules decide alone.

    A reader or extractor bug loses this file, not the build: the failure says in which
    stage and sentence (:mod:`kg.failure`).  With ``debug`` it raises
    :class:`~kg.failure.ExtractorFailure` instead, the original exception as its cause."""
    from .extract.document import extract

    out = Outcome(task.index, task.doc_id, task.path)
    t0 = time.perf_counter()
    stage = "read"
    try:
        doc, out.notes = read_bytes(task.data, task.path, task.doc_id, size=task.size)
    except InputError as e:
        out.failure = e.problem
        return out
    except Exception as e:  # a reader bug: this file is lost, not the build
        out.failure = _failed(task, e, stage, debug, "could not be read")
        return out
    t1 = time.perf_counter()
    out.read_seconds, out.chars = t1 - t0, len(doc.text)
    before = timing.snapshot()
    try:
        stage = "extract"
        x = extract(doc, gazetteer.with_aliases(aliases))
        if model:
            from .learn.decide import decide, parse_model

            stage = "decide"
            x = decide(x, parse_model(model))
    except Exception as e:  # an extractor bug: this file is lost, not the build
        out.failure = _failed(task, e, stage, debug, "the extractors failed on this file")
        return out
    x.resolved = _resolved(x)
    out.extract_seconds = time.perf_counter() - t1
    out.families = timing.since(before)
    out.extraction = slim(x)
    return out


def _resolved(x: Extraction):
    """What resolution reads of this document alone (:func:`kg.resolve.document_part`),
    worked out here, beside the other workers, rather than in the one process that
    resolves the corpus; None where it fails: resolution works it out again there, and
    reports the problem (a mention of a type the schema lacks) as it always has."""
    from .resolve import document_part

    try:
        return document_part(x)
    except Exception:
        return None


def _failed(task: Task, e: Exception, stage: str, debug: bool, what: str) -> str:
    """The one-line failure of ``task``; with ``debug``, :class:`ExtractorFailure` raised."""
    where = locate(e, stage)
    if debug:
        raise ExtractorFailure(f"{task.path}: {what} ({where})", task.doc_id, where) from e
    return f"{what} ({describe(e, where)})"


# ------------------------------------------------------------------ runners


class InlineRunner:
    """Extraction in this process."""

    workers = 1

    def __init__(self, aliases: Aliases = (), model: str = "", debug: bool = False):
        self.aliases = aliases
        self.model = model
        self.debug = debug  # an extractor failure raises (ExtractorFailure) instead of losing the file

    def __enter__(self) -> InlineRunner:
        from .extract import segment

        segment.load()
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        for t in tasks:
            yield run_task(t, self.aliases, self.model, self.debug)


#: the alias rows and the decision model of this worker process (:func:`_init_worker`),
#: given once rather than with every task
_WORKER: dict[str, object] = {"aliases": (), "model": ""}


def _init_worker(aliases: Aliases, parent: int, model: str = "") -> None:
    """End this worker when the build that started it (``parent``) is gone: killed with
    SIGKILL, it cannot say so, and an orphan would wait for work forever.  Then load what
    every task needs, once, before the first task."""
    _WORKER.update(aliases=aliases, model=model)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="kg-orphan-watch", daemon=True).start()
    from .extract import segment, spans  # noqa: F401

    gazetteer.with_aliases(aliases)
    segment.load(whole=True)
    gc.freeze()
    gctune.tune_process()


def _noop() -> None:
    return None


def _run_in_worker(task: Task) -> Outcome:
    """:func:`run_task` with this worker's aliases and model."""
    return run_task(task, _WORKER["aliases"], _WORKER["model"])  # type: ignore[arg-type]


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now, then close this process's copy of the pipe they sent their
    results through.

    A worker stopped while it wrote a result leaves half a message in the pipe; the pool's
    manager thread, reading it, would wait for the rest for ever (this process holds a write
    end too, so no end of file comes), and the shutdown joining that thread with it.  With the
    last write end closed the read ends in EOFError: the thread finds the pool broken and ends."""
    for p in list(getattr(pool, "_processes", {}).values()):
        p.terminate()
        p.join()
    queue = getattr(pool, "_result_queue", None)
    writer = getattr(queue, "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


class PoolRunner:
    """Extraction in ``jobs`` worker processes."""

    def __init__(self, jobs: int, aliases: Aliases = (), model: str = ""):
        self.model = model
        self.workers = max(1, jobs)
        self.aliases = aliases
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(self.workers, mp_context=_context(),
                                   initializer=_init_worker, initargs=(self.aliases, os.getpid(), self.model))
        with sigint_held():  # (a Ctrl-C during the forks would be dropped: it comes after them)
            pool.submit(_noop)  # start every worker now, before any other thread
        try:
            pool.submit(_noop).result()
        except BaseException:
            _stop_workers(pool)
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        return pool

    def __enter__(self) -> PoolRunner:
        from .extract import segment

        segment.load(whole=True)  # forked workers share jieba's dictionary with this process
        # what every task runs, imported (the finders' patterns compiled) and the decision
        # model parsed here once, before the fork, not again in each worker at its first page
        from .extract import document  # noqa: F401

        if self.model:
            from .learn.decide import parse_model

            parse_model(self.model)
        # the gazetteer and the dictionary live as long as the process: out of the collector's
        # sight, its passes neither walk them nor touch (and so copy) the pages workers share
        gc.freeze()
        try:
            self._pool = self._new_pool()
        finally:
            gc.unfreeze()  # the workers are forked and keep it so; this process collects as before
        return self

    def __exit__(self, exc_type, *exc: object) -> None:
        if self._pool is not None:
            if exc_type is not None:  # interrupted: do not wait for running documents
                _stop_workers(self._pool)
            # and wait for the pool's manager thread, which then only reaps the stopped workers:
            # left running, it may close its wake-up pipe while the interpreter's exit hook
            # writes to it (an "Exception ignored … Bad file descriptor" after "interrupted")
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        assert self._pool is not None, "use the runner as a context manager"
        window = self.workers * 4
        pending: dict[Future, Task] = {}
        suspects: list[Task] = []  # in a pool that broke: each is now run on its own
        it = iter(tasks)
        exhausted = False
        while True:
            if suspects:
                if not pending:
                    t = suspects.pop(0)
                    pending[self._pool.submit(_run_in_worker, t)] = t
            else:
                while len(pending) < window and not exhausted:
                    t = next(it, None)
                    if t is None:
                        exhausted = True
                    else:
                        pending[self._pool.submit(_run_in_worker, t)] = t
            if not pending:
                return
            alone = len(pending) == 1
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for f in done:
                t = pending.pop(f)
                try:
                    outcome = f.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:  # it broke a pool on its own: this file kills its worker
                        yield Outcome(t.index, t.doc_id, t.path,
                                      failure="a worker process died while extracting this file")
                    else:
                        suspects.append(t)
                    continue
                yield outcome
            if broken:
                # a worker died (killed, out of memory, a crash in C code) and the pool with
                # it: the documents that were in it are retried one at a time, in a new pool
                suspects += pending.values()
                pending.clear()
                suspects.sort(key=lambda t: t.index)
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()


_HOST_PORT = re.compile(r"(\[[^\]\s]+\]|[^\s:/\[\]@]+):(\d{1,5})")


def _need_distributed() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError as e:
        raise UsageError("--scheduler needs dask.distributed: pip install 'grassroots-kg[cluster]'") from e


def check_scheduler_address(address: str) -> None:
    """Refuse at once (:class:`~kg.errors.UsageError`) an address no Dask scheduler can have.

    Accepted: ``SCHEME://HOST:PORT`` for a scheme ``dask.distributed`` knows (tcp, tls,
    ws, wss ...), ``HOST:PORT`` (Dask's default scheme, tcp), and the addresses of schemes
    that have no host and port (``inproc://``), which Dask judges itself.  Whether anything
    answers there is found when connecting (:class:`DaskRunner`).
    """
    _need_distributed()
    from distributed.comm import registry
    from distributed.comm.addressing import parse_address

    def bad(why: str) -> UsageError:
        return UsageError(f"--scheduler {address!r}: {why}; give tcp://HOST:PORT, e.g. tcp://127.0.0.1:8786")

    if not isinstance(address, str) or not address.strip():
        raise bad("no address")
    scheme, loc = parse_address(address)
    try:
        backend = registry.get_backend(scheme)
    except (ValueError, ImportError):
        raise bad(f"unknown scheme {scheme!r} (Dask knows {', '.join(sorted(registry.backends))})") from None
    try:
        backend.get_address_host_port(loc)
    except NotImplementedError:
        return  # no host and port in this scheme's addresses
    except (ValueError, TypeError):
        pass  # said below, in our words
    m = _HOST_PORT.fullmatch(loc)
    if m is None:
        raise bad("not of the form HOST:PORT" if ":" in loc else "no port")
    if not 1 <= int(m.group(2)) <= 65535:
        raise bad(f"port {m.group(2)} is not between 1 and 65535")


def _disarm(e: BaseException) -> None:
    """Make harmless a ``Client`` whose constructor raised ``e``: collected, it would close
    itself, which can wait a minute and print a traceback ("Exception ignored in
    Client.__del__") long after the error was reported."""
    from distributed import Client

    tb = e.__traceback__
    while tb is not None:
        client = tb.tb_frame.f_locals.get("self")
        if isinstance(client, Client):
            with suppress(Exception):
                client.status = "closed"  # what close() and __del__ check first
                client._loop_runner.stop()
            return
        tb = tb.tb_next


class DaskRunner:
    """Extraction on a ``dask.distributed`` cluster."""

    def __init__(self, address: str, aliases: Aliases = (), model: str = "", *, timeout: float | None = None):
        self.model = model
        check_scheduler_address(address)
        self.address = address
        self.aliases = aliases
        if timeout is None:  # Dask's own setting (30 s; DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
            import dask
            from dask.utils import parse_timedelta

            timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), "s")
        self.timeout = timeout
        self._client = None
        self.workers = 1

    def __enter__(self) -> DaskRunner:
        from distributed import Client

        try:
            self._client = Client(self.address, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError) as e:
            _disarm(e)
            raise UsageError(f"cannot reach the Dask scheduler at {self.address} ({e})") from e
        except Exception as e:  # anything else the client met while connecting
            _disarm(e)
            raise UsageError(f"cannot use the Dask scheduler at {self.address} ({type(e).__name__}: {e})") from e
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self._client.scheduler_info()["workers"].values()))
        return self

    def __exit__(self, exc_type, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        from distributed import as_completed

        client = self._client
        assert client is not None, "use the runner as a context manager"
        window = self.workers * 4
        running = as_completed(loop=client.loop)
        meta: dict[str, Task] = {}
        it = iter(tasks)

        def submit() -> bool:
            t = next(it, None)
            if t is None:
                return False
            # the bytes go to the cluster on their own (scattered), the task refers to them
            [data] = client.scatter([t.data], hash=False)
            light = Task(t.index, t.doc_id, t.path, b"", t.size)
            f = client.submit(_run_scattered, light, data, self.aliases, self.model, pure=False, retries=1)
            meta[f.key] = light
            running.add(f)
            return True

        n = 0
        while n < window and submit():
            n += 1
        for f in running:
            t = meta.pop(f.key)
            try:
                yield f.result()
            except Exception as e:  # the worker died twice, or the task could not run
                yield Outcome(t.index, t.doc_id, t.path, failure=f"failed on the cluster ({type(e).__name__}: {e})")
            f.release()
            submit()


def _run_scattered(task: Task, data: bytes, aliases: Aliases, model: str = "") -> Outcome:
    task.data = data
    return run_task(task, aliases, model)


def runner_for(*, jobs: int | None = None, scheduler: str | None = None, aliases: Aliases = (), model: str = "",
               n_tasks: int | None = None, debug: bool = False):
    """The runner for these options: a cluster, a pool of ``jobs`` processes (default one
    per core) or, for one worker or a single file, this process.  ``debug`` extracts in
    this process, whatever ``jobs``, and raises at the first extractor failure."""
    if debug:
        return InlineRunner(aliases, model, debug=True)
    if scheduler:
        return DaskRunner(scheduler, aliases, model)
    jobs = jobs or os.cpu_count() or 1
    if n_tasks is not None:
        jobs = min(jobs, n_tasks)
    return PoolRunner(jobs, aliases, model) if jobs > 1 else InlineRunner(aliases, model)
