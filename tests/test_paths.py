"""Output paths: `kg build -o` and `kg export -o` check where they write before doing any
work, and a path that cannot be used is one line naming it (exit 2 for a file where a
folder goes or the reverse, exit 1 for a place that cannot be written), never a traceback
or the name of a temporary file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_kg

import kg.export.formats as formats
import kg.pipeline as pipeline
from kg.errors import InputError, UsageError
from kg.export.formats import export, format_names, get_exporter

PAGE = SEEDS / "003_71ff31bb007b425d.txt"
SINGLE_FILE_FORMATS = [f for f in format_names() if not get_exporter(f).to_directory]


kg = partial(run_kg, timeout=300)


def one_error_line(r: subprocess.CompletedProcess, *says: str) -> str:
    """The single line on stderr, checked: ``error: ``, each of ``says``, nothing internal."""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    for s in says:
        assert s in lines[0], r.stderr
    for internal in ("Traceback", "Error:", ".tmp", "Errno"):
        assert internal not in r.stderr, r.stderr
    return lines[0]


@pytest.fixture
def no_extraction(monkeypatch):
    """Fail the test if a build gets as far as reading its inputs."""
    def refuse(*args, **kwargs):
        raise AssertionError("the build started although its output cannot be written")

    monkeypatch.setattr(pipeline, "build_graph_from_paths", refuse)


# ------------------------------------------------------------------ kg build -o


def test_build_into_a_file_is_refused_before_extraction(tmp_path, no_extraction):
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(UsageError, match=rf"^{re.escape(str(target))}: a file, not a folder") as e:
        pipeline.build([PAGE], target)
    assert e.value.exit_code == 2
    with pytest.raises(UsageError, match=re.escape(f"{target / 'out'}: {target} is a file, not a folder")):
        pipeline.build([PAGE], target / "out")
    assert target.read_text(encoding="utf-8") == "previous\n"


def test_build_refuses_a_folder_where_it_writes_a_file(tmp_path, no_extraction):
    (tmp_path / "graph.html").mkdir()
    with pytest.raises(UsageError, match=r"graph\.html: a folder, where the build writes a file"):
        pipeline.build([PAGE], tmp_path)


def test_kg_build_into_a_file_says_one_line_and_exits_2(tmp_path):
    target = tmp_path / "taken"
    target.write_text("previous\n", encoding="utf-8")
    r = kg("build", str(PAGE), "-o", str(target), "-v", "-j", "1")  # -v: a line per file extracted
    assert r.returncode == 2, r.stderr
    one_error_line(r, f"{target}: a file, not a folder")
    assert r.stdout == "" and target.read_text(encoding="utf-8") == "previous\n"


def test_a_write_that_fails_after_the_check_names_the_output_not_a_temp_file(tmp_path, monkeypatch):
    import errno

    import kg.export.turtle as turtle

    pipeline.build([PAGE], tmp_path, cache=False)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    def full(g, path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    monkeypatch.setattr(turtle, "write_turtle", full)
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'graph.ttl'}: cannot write (No space left on device)")):
        pipeline.build([PAGE], tmp_path, cache=False)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before  # no temp file, nothing torn


def _unprivileged() -> tuple[str, ...]:
    """A command prefix that runs a program as a user who cannot write a root-owned folder
    (nothing when this is not root already); skips the test when there is none."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv (util-linux) is missing: no user to whom a folder is read-only")
    prefix = ("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups")
    probe = subprocess.run([*prefix, sys.executable, "-c", "import kg.cli"], capture_output=True, text=True, cwd=ROOT)
    if probe.returncode != 0:
        pytest.skip(f"the user nobody cannot run this checkout's Python: {probe.stderr.strip()[-200:]}")
    return prefix


@pytest.fixture
def read_only(tmp_path):
    """(a folder the test's user cannot write in, a copy of a page it can read, prefix)."""
    prefix = _unprivileged()
    # pytest's own temporary folders are private to root: nobody could not even look in
    base = Path(tempfile.mkdtemp(prefix="kg-ro-"))
    ro = base / "ro"
    try:
        base.chmod(0o755)
        page = base / PAGE.name
        shutil.copy(PAGE, page)
        page.chmod(0o644)
        ro.mkdir(mode=0o555)
        ro.chmod(0o555)
        yield ro, page, prefix
    finally:
        if ro.exists():
            ro.chmod(0o755)
        shutil.rmtree(base)


def test_kg_build_into_a_folder_it_cannot_write_says_one_line_and_exits_1(read_only):
    ro, page, prefix = read_only
    r = kg("build", str(page), "-o", str(ro), "-v", "-j", "1", prefix=prefix)
    assert r.returncode == 1, r.stderr
    one_error_line(r, f"{ro}: cannot write in this folder (permission denied)")
    # a folder still to be made inside it: the same, naming what was asked for
    r = kg("build", str(page), "-o", str(ro / "new" / "out"), "-j", "1", prefix=prefix)
    assert r.returncode == 1, r.stderr
    one_error_line(r, f"{ro / 'new' / 'out'}: cannot write in {ro} (permission denied)")
    assert list(ro.iterdir()) == []


# ------------------------------------------------------------------ kg export -o


@pytest.mark.parametrize("fmt", SINGLE_FILE_FORMATS)
def test_export_of_one_file_into_a_folder_is_a_usage_error(seeds_build, tmp_path, fmt):
    result, _ = seeds_build
    with pytest.raises(UsageError, match=re.escape(f"{tmp_path}: a folder, not a file: format '{fmt}' writes one file")):
        export(result.graph, fmt, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_creates_missing_folders(seeds_build, tmp_path):
    result, _ = seeds_build
    export(result.graph, "nt", tmp_path / "flat.nt")
    export(result.graph, "nt", tmp_path / "new" / "deeper" / "graph.nt")
    assert (tmp_path / "new" / "deeper" / "graph.nt").read_bytes() == (tmp_path / "flat.nt").read_bytes()
    export(result.graph, "csv", tmp_path / "neo" / "import")
    assert sorted(p.name for p in (tmp_path / "neo" / "import").iterdir()) == ["nodes.csv", "relationships.csv"]


def test_export_refuses_a_file_where_a_folder_goes(seeds_build, tmp_path):
    result, _ = seeds_build
    taken = tmp_path / "taken"
    taken.write_text("previous\n", encoding="utf-8")
    with pytest.raises(UsageError, match=re.escape(f"{taken}: a file, not a folder: format 'csv' writes a folder")):
        export(result.graph, "csv", taken)
    with pytest.raises(UsageError, match=re.escape(f"{taken / 'g.ttl'}: {taken} is a file, not a folder")):
        export(result.graph, "turtle", taken / "g.ttl")
    (tmp_path / "csv" / "nodes.csv").mkdir(parents=True)
    with pytest.raises(UsageError, match=r"nodes\.csv: a folder, where format 'csv' writes a file"):
        export(result.graph, "csv", tmp_path / "csv")
    assert taken.read_text(encoding="utf-8") == "previous\n"


def test_check_output_names_the_path_and_creates_nothing(tmp_path):
    formats.check_output("turtle", tmp_path / "a" / "b" / "g.ttl")
    formats.check_output("csv", tmp_path / "c" / "d")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(UsageError, match="unknown export format"):
        formats.check_output("nonsense", tmp_path / "g")


@pytest.mark.parametrize(
    "fmt, make, says",
    [
        ("turtle", "folder", "{out}: a folder, not a file: format 'turtle' writes one file"),
        ("graphml", "file/", "{out}: {tmp}/taken is a file, not a folder"),
        ("csv", "file", "{out}: a file, not a folder: format 'csv' writes a folder"),
    ],
)
def test_kg_export_to_a_path_it_cannot_use_says_one_line_and_exits_2(seeds_build, tmp_path, fmt, make, says):
    _, built = seeds_build
    taken = tmp_path / "taken"
    if make == "folder":
        taken.mkdir()
        out = taken
    else:
        taken.write_text("previous\n", encoding="utf-8")
        out = taken / "g.graphml" if make == "file/" else taken
    r = kg("export", str(built / "graph.ttl"), "--format", fmt, "-o", str(out))
    assert r.returncode == 2, r.stderr
    one_error_line(r, says.format(out=out, tmp=tmp_path))
    assert r.stdout == ""


def test_kg_export_creates_the_missing_folders_of_its_output(seeds_build, tmp_path):
    _, built = seeds_build
    out = tmp_path / "exports" / "2024" / "graph.jsonld"
    r = kg("export", str(built / "graph.ttl"), "--format", "jsonld", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("{")


def test_kg_export_into_a_folder_it_cannot_write_says_one_line_and_exits_1(seeds_build, read_only):
    _, built = seeds_build
    ro, _, prefix = read_only
    graph = ro.parent / "graph.ttl"  # where nobody can read it
    shutil.copy(built / "graph.ttl", graph)
    graph.chmod(0o644)
    for fmt, out in (("nt", ro / "g.nt"), ("csv", ro / "neo4j")):
        r = kg("export", str(graph), "--format", fmt, "-o", str(out), prefix=prefix)
        assert r.returncode == 1, r.stderr
        one_error_line(r, f"{out}: cannot write in {ro} (permission denied)")
    assert list(ro.iterdir()) == []
