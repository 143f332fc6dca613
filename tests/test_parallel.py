"""Extraction in worker processes and on a Dask cluster: byte-identical to a build in one
process, streamed, and a worker that dies costs only its own document."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

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
    assert result.report.failures == [(os.path.relpath(src / "poison.txt"), "a worker process died while extracting this file")]
    assert len(result.report.files_read) == 5
    for name in ("graph.ttl", "graph.html"):
        # the same five pages, read from another folder: only the recorded paths differ
        a = (reference / name).read_text(encoding="utf-8").replace(os.path.relpath(SEEDS), "SRC")
        b = (tmp_path / "out" / name).read_text(encoding="utf-8").replace(os.path.relpath(src), "SRC")
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
