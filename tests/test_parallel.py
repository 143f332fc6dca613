"""Extraction in worker processes and on a Dask cluster: byte-identical to a build in one
process, streamed, and a worker that dies costs only its own document."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time

import pytest
from conftest import SEEDS

import kg.parallel as parallel
from kg.errors import UsageError
from kg.parallel import InlineRunner, PoolRunner, Task
from kg.pipeline import build

OUTPUTS = ("graph.ttl", "graph.html", "build-report.json")


def same_outputs(a, b) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The seeds built in this process, without a cache."""
    out = tmp_path_factory.mktemp("ref")
    build([SEEDS], out, jobs=1, cache=False)
    return out


@pytest.mark.parametrize("jobs", [2, 3])
def test_any_number_of_workers_gives_byte_identical_outputs(reference, tmp_path, jobs):
    result = build([SEEDS], tmp_path, jobs=jobs, cache=False)
    assert result.report.workers == jobs and result.report.extracted == 5
    same_outputs(reference, tmp_path)


def test_input_order_does_not_matter(reference, tmp_path):
    pages = sorted(SEEDS.glob("*.txt"), reverse=True)
    build(pages, tmp_path, jobs=2, cache=False)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (reference / name).read_bytes(), name


def _tasks(n: int, log: list[str]):
    page = (SEEDS / "003_71ff31bb007b425d.txt").read_bytes()
    for i in range(n):
        log.append("out")
        yield Task(i, f"d{i}", f"d{i}.txt", page, len(page))


@pytest.mark.parametrize("runner", [lambda: InlineRunner(), lambda: PoolRunner(2)])
def test_runners_stream_a_few_documents_at_a_time(runner):
    log: list[str] = []
    in_flight = []
    with runner() as r:
        for o in r.run(_tasks(20, log)):
            in_flight.append(log.count("out") - len(in_flight) - 1)
            assert o.failure is None and o.extraction is not None
            assert o.extraction.doc.text == "" and o.extraction.doc.sentences == []  # slim: no text kept
    assert len(in_flight) == 20 and max(in_flight) <= 4 * r.workers


def _dies_on_poison(task: Task, aliases=(), model=""):
    if task.doc_id == "poison":
        os._exit(3)  # what a segfault or the OOM killer does to a worker
    return _run_task(task, aliases, model)


_run_task = parallel.run_task


def test_a_worker_that_dies_costs_only_its_own_document(reference, tmp_path, monkeypatch):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    (src / "poison.txt").write_text("悦郡社区党支部书记于昕阳说。", encoding="utf-8")
    monkeypatch.setattr(parallel, "run_task", _dies_on_poison)
    result = build([src], tmp_path / "out", jobs=2, cache=False)
    assert result.report.failures == [(f"{src.name}/poison.txt", "a worker process died while extracting this file")]
    assert len(result.report.files_read) == 5
    for name in ("graph.ttl", "graph.html"):
        # the same five pages, read from another folder: only the recorded paths differ
        a = (reference / name).read_text(encoding="utf-8").replace(f'"{SEEDS.name}/', '"SRC/')
        b = (tmp_path / "out" / name).read_text(encoding="utf-8").replace(f'"{src.name}/', '"SRC/')
        assert a == b, name


# ------------------------------------------------------------------ Dask


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as c:
        yield c


def test_dask_cluster_gives_byte_identical_outputs(cluster, reference, tmp_path):
    result = build([SEEDS], tmp_path, scheduler=cluster.scheduler_address, cache=False)
    assert result.report.workers == 2 and result.report.extracted == 5
    same_outputs(reference, tmp_path)


def test_kg_build_scheduler_on_the_command_line(cluster, reference, tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("青城\t呼和浩特市\tCity\n", encoding="utf-8")  # travels to the workers
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "-o", str(tmp_path / "out"),
                          "--scheduler", cluster.scheduler_address, "--aliases", str(aliases), "--no-cache", "-q"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    same_outputs(reference, tmp_path / "out")


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    real = parallel.DaskRunner.__init__

    def quick(self, address, aliases=(), model="", *, timeout=30):
        real(self, address, aliases, model, timeout=2)

    monkeypatch.setattr(parallel.DaskRunner, "__init__", quick)
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build([SEEDS / "003_71ff31bb007b425d.txt"], tmp_path, scheduler="tcp://127.0.0.1:9", cache=False)
    assert not (tmp_path / "graph.ttl").exists()


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:8786", "127.0.0.1:8786", "tls://sched.example.org:8786",
                                     "tcp://[::1]:8786", "ws://h:8786"])
def test_scheduler_addresses_dask_can_connect_to_are_accepted(address):
    pytest.importorskip("distributed")
    parallel.check_scheduler_address(address)


@pytest.mark.parametrize("address, says", [
    ("nonsense", "no port"),
    ("tcp://sched.example.org", "no port"),
    ("tcp://:8786", "not of the form HOST:PORT"),
    ("tcp://h:port", "not of the form HOST:PORT"),
    ("tcp://h:99999", "port 99999 is not between 1 and 65535"),
    ("htp://h:8786", "unknown scheme 'htp'"),
    ("", "no address"),
])
def test_a_malformed_scheduler_address_is_a_usage_error_before_any_work(tmp_path, monkeypatch, address, says):
    pytest.importorskip("distributed")
    import kg.pipeline as pipeline

    def refuse(*args, **kwargs):
        raise AssertionError("inputs were read although --scheduler is malformed")

    monkeypatch.setattr(pipeline, "find_inputs", refuse)
    with pytest.raises(UsageError, match=f"^--scheduler '{re.escape(address)}': {re.escape(says)}.*; give tcp://HOST:PORT"):
        build([SEEDS], tmp_path, scheduler=address)
    assert list(tmp_path.iterdir()) == []


def _one_line_quickly(args: list[str], *, env: dict | None = None, limit: float = 20) -> subprocess.CompletedProcess:
    """``kg ARGS`` in a subprocess, which must end within ``limit`` seconds."""
    t = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                         timeout=limit, env={**os.environ, **(env or {})})
    assert time.monotonic() - t < limit
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    for noise in ("Traceback", "Exception ignored", "Client.__del__", "Warning"):
        assert noise not in run.stderr, run.stderr
    return run


@pytest.mark.parametrize("address", ["nonsense", "tcp://127.0.0.1", "tcp://127.0.0.1:70000"])
def test_kg_build_refuses_a_malformed_scheduler_at_once(tmp_path, address):
    pytest.importorskip("distributed")
    run = _one_line_quickly(["build", str(SEEDS), "-o", str(tmp_path / "out"), "--scheduler", address, "-v"])
    assert run.returncode == 2 and f"error: --scheduler '{address}': " in run.stderr
    assert not (tmp_path / "out").exists()


def test_kg_build_with_an_unreachable_scheduler_says_one_line(tmp_path):
    """The connect timeout is Dask's setting (30 s unless configured), here 2 s."""
    pytest.importorskip("distributed")
    run = _one_line_quickly(["build", str(SEEDS / "003_71ff31bb007b425d.txt"), "-o", str(tmp_path / "out"),
                             "--scheduler", "tcp://127.0.0.1:9"], env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert run.returncode == 2
    assert run.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 ")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_client_that_fails_to_start_leaves_no_finalizer_behind():
    """Whatever a client meets while connecting, the error is one line, at once: the
    half-built client is not left to time out and print a traceback when collected."""
    pytest.importorskip("distributed")
    script = (
        "import kg.parallel as p\n"
        "p.check_scheduler_address = lambda address: None  # let dask see what kg would refuse\n"
        "try:\n"
        "    with p.DaskRunner('nonsense', timeout=5):\n"
        "        pass\n"
        "except p.UsageError as e:\n"
        "    print(e)\n"
    )
    t = time.monotonic()
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert time.monotonic() - t < 5
    assert run.stdout.startswith("cannot use the Dask scheduler at nonsense (ValueError: "), run.stdout
    assert run.stderr == ""


def test_an_outcome_carries_each_sentence_once():
    """The facts of one sentence share one string of its text: a worker's outcome sends
    each sentence once, however many facts it holds."""
    page = (SEEDS / "003_71ff31bb007b425d.txt").read_bytes()
    x = parallel.run_task(Task(0, "d0", "d0.txt", page, len(page))).extraction
    evidence = [m.evidence for m in x.mentions] + [r.evidence for r in x.relations]
    by_sentence: dict[int, set[int]] = {}
    for ev in evidence:
        by_sentence.setdefault(ev.sentence, set()).add(id(ev.text))
    assert len(evidence) > 2 * len(by_sentence)  # many facts a sentence
    assert all(len(ids) == 1 for ids in by_sentence.values())
