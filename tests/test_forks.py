"""Work in forked children (kg.forks), and the export that uses one: graph.html written
beside graph.ttl gives the same bytes, and a child's failure is the build's, named."""

from __future__ import annotations

import os
import time

import pytest

from kg import forks
from kg.errors import InputError
from kg.pipeline import FORK_MIN_EVIDENCE, _evidence_count, write_outputs

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="this platform cannot fork")


def test_a_child_sends_back_what_it_made():
    page = "某某社区“网格+”工作法" * 50_000  # more than a pipe holds at once
    child = forks.Child(lambda: page.encode("utf-8"))
    assert child.result().decode("utf-8") == page
    assert child.pid is None  # reaped


def test_a_childs_error_is_raised_here_with_its_file_name(tmp_path):
    missing = tmp_path / "no-such-folder" / "graph.html"

    def work() -> bytes:
        with open(missing, "w", encoding="utf-8") as f:
            f.write("x")
        return b""

    with pytest.raises(FileNotFoundError) as e:
        forks.Child(work).result()
    assert e.value.filename == str(missing)


def test_a_child_that_dies_is_a_clear_error():
    with pytest.raises(ChildProcessError, match="without a result"):
        forks.Child(lambda: os._exit(3)).result()


def test_cancel_ends_a_child_at_once():
    t = time.perf_counter()
    with forks.Child(lambda: time.sleep(60) or b""):
        pass
    assert time.perf_counter() - t < 10


def test_the_html_written_by_a_child_is_the_same_bytes(seeds_build, tmp_path):
    if not forks.can_fork():
        pytest.skip("one core: the export never forks")
    result, out = seeds_build
    assert _evidence_count(result.graph) < FORK_MIN_EVIDENCE  # the seeds are written in one process
    write_outputs(result.graph, tmp_path, fork=True)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_a_child_that_cannot_write_fails_the_export_naming_the_file(seeds_build, tmp_path):
    if not forks.can_fork():
        pytest.skip("one core: the export never forks")
    result, out = seeds_build
    write_outputs(result.graph, tmp_path, fork=False)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    (tmp_path / f".graph.html.{os.getpid()}.tmp").mkdir()  # where the child writes: a folder
    with pytest.raises(InputError) as e:
        write_outputs(result.graph, tmp_path, fork=True)
    assert str(e.value).startswith(str(tmp_path / "graph.html"))
    assert "cannot write" in str(e.value)
    for name, data in before.items():  # the previous outputs, whole
        assert (tmp_path / name).read_bytes() == data


def test_ctrl_c_during_a_fork_is_held_and_arrives_after_it():
    """A SIGINT sent while the build forks (its workers, the export's child) arrives once the
    fork is done, as a KeyboardInterrupt at a safe point, and is never dropped by an at-fork
    hook; the child starts with it held."""
    import signal

    got = []
    try:
        with forks.sigint_held():
            os.kill(os.getpid(), signal.SIGINT)
            got.append("inside")  # not interrupted here
            with forks.Child(lambda: str(signal.getsignal(signal.SIGINT) is not signal.default_int_handler).encode()) as child:
                got.append(child.result())
        got.append("not reached")
    except KeyboardInterrupt:
        got.append("after")
    assert got == ["inside", b"True", "after"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
