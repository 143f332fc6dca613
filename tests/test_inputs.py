"""What a build takes as its input: symbolic links do not lead it out of the folder it was
given, a file name that is not UTF-8 is built like any other, a folder that cannot be listed
is reported rather than skipped in silence."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from conftest import ROOT, SEEDS

from kg import read
from kg.export.rdf import read_graph, serialize_turtle
from kg.pipeline import build
from kg.read import find_inputs

PAGES = sorted(SEEDS.glob("*.txt"))
LOCKED = "folder cannot be listed (Permission denied): its files were not read"


def _kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _problems(out: Path) -> list[tuple[str, str, str]]:
    report = json.loads((out / "build-report.json").read_bytes().decode("utf-8"))
    return [(p["file"], p["problem"], p["kept"]) for p in report["problems"]]


def _within(seconds: float, fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, failing (not hanging) if it takes longer than ``seconds``."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = fn(*args, **kwargs)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"{fn.__name__} did not end within {seconds} s (a symlink loop?)"
    if "error" in box:
        raise box["error"]
    return box["value"]


# ------------------------------------------------------------------ symbolic links


@pytest.fixture
def linked(tmp_path):
    """``in/`` with a page, links out of it (a system file, a page, a folder), links that
    stay inside, and link loops; ``outside/`` with what must not be read."""
    src, outside = tmp_path / "in", tmp_path / "outside"
    (src / "sub").mkdir(parents=True)
    (outside / "folder").mkdir(parents=True)
    (src / "good.txt").write_bytes(PAGES[1].read_bytes())
    (src / "sub" / "inner.txt").write_bytes(PAGES[3].read_bytes())
    (outside / "secret.txt").write_bytes(PAGES[2].read_bytes())
    (outside / "folder" / "hidden.txt").write_bytes(PAGES[4].read_bytes())
    os.symlink("/etc/passwd", src / "passwd.txt")
    os.symlink(outside / "secret.txt", src / "secret.txt")
    os.symlink(outside / "folder", src / "far")
    os.symlink("sub/inner.txt", src / "near.txt")  # stays inside: fine
    os.symlink(src / "sub", src / "subway")  # a folder inside: fine
    os.symlink("..", src / "sub" / "up")  # a loop back to in/
    os.symlink(src, outside / "folder" / "back")  # a loop through the outside folder
    os.symlink("loop2.txt", src / "loop1.txt")  # a link loop of files
    os.symlink("loop1.txt", src / "loop2.txt")
    return src, outside


def test_symlinks_out_of_the_input_folder_are_reported_not_read(linked, tmp_path, monkeypatch):
    src, outside = linked
    monkeypatch.chdir(tmp_path)
    result = _within(300, build, [src], tmp_path / "out", jobs=1)
    rel = os.path.relpath
    assert sorted(result.report.files_read) == [rel(src / "good.txt"), rel(src / "near.txt")]
    # one problem line each, nothing kept, and the build went on
    assert sorted(result.report.failures) == [
        (rel(src / "far"), "symbolic link to a folder outside the input folder: not searched"),
        (rel(src / "passwd.txt"), "symbolic link to a file outside the input folder: not read"),
        (rel(src / "secret.txt"), "symbolic link to a file outside the input folder: not read"),
    ]
    assert sorted(_problems(tmp_path / "out")) == [(f, p, "nothing") for f, p in sorted(result.report.failures)]
    # nothing of what lies outside reaches the published graph
    secret, hidden = (max(p.read_text(encoding="utf-8").splitlines(), key=len).strip()[:30] for p in PAGES[2::2])
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
    assert sorted(result.graph.graph["documents"]) == ["good", "near"]
    for name in ("graph.ttl", "graph.html"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert secret not in text and hidden not in text and passwd not in text


def test_follow_symlinks_reads_the_links_out_and_loops_end(linked, tmp_path):
    src, outside = linked
    files, problems = _within(60, find_inputs, [src], follow_symlinks=True)
    assert problems == []
    assert {f.name for f in files} == {"good.txt", "near.txt", "passwd.txt", "secret.txt", "hidden.txt"}
    assert len({f.resolve() for f in files}) == len(files)
    # the real tree is searched before folders reached through links
    assert src / "far" / "hidden.txt" in files and not any("subway" in f.parts or "up" in f.parts for f in files)
    result = _within(300, build, [src], tmp_path / "out", jobs=1, follow_symlinks=True)
    assert any(p.endswith("secret.txt") for p in result.report.files_read)
    assert any(p.endswith("hidden.txt") for p in result.report.files_read)


def test_links_inside_the_folder_and_loops_do_not_hang_by_default(linked):
    src, _ = linked
    files, problems = _within(60, find_inputs, [src])
    assert sorted(files) == [src / "good.txt", src / "near.txt"]
    assert sorted(problems) == [
        (str(src / "far"), "symbolic link to a folder outside the input folder: not searched"),
        (str(src / "passwd.txt"), "symbolic link to a file outside the input folder: not read"),
        (str(src / "secret.txt"), "symbolic link to a file outside the input folder: not read"),
    ]


def test_a_link_named_on_the_command_line_is_read(linked, tmp_path):
    src, outside = linked
    files, problems = find_inputs([src / "secret.txt"])
    assert files == [src / "secret.txt"] and problems == []
    result = build([src / "secret.txt"], tmp_path / "out", jobs=1)
    assert result.report.files_read == ["in/secret.txt"] and not result.report.failures  # a file: with its folder's name


def test_a_folder_named_through_a_link_is_searched(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_bytes(PAGES[0].read_bytes())
    os.symlink(real, tmp_path / "alias")
    os.symlink(real / "a.txt", real / "b.txt")  # inside the folder the link names
    files, problems = find_inputs([tmp_path / "alias"])
    assert files == [tmp_path / "alias" / "a.txt"] and problems == []


# ------------------------------------------------------------------ file names that are not UTF-8


def _bad_name(folder: Path, name: bytes, data: bytes) -> Path:
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as f:
            f.write(data)
    except (OSError, ValueError) as e:  # a file system that takes only UTF-8 names
        pytest.skip(f"cannot create a file named {name!r} here: {e}")
    return folder / os.fsdecode(name)


def test_printable_escapes_the_bytes_that_are_not_utf8():
    assert read.printable(os.fsdecode(b"in/bad\xff\xfe.txt")) == "in/bad\\xff\\xfe.txt"
    assert read.printable("in/社区 a.txt") == "in/社区 a.txt"
    assert read.printable("x\ud800") == "x\\ud800"


def test_a_file_name_that_is_not_utf8_is_built_like_any_other(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    monkeypatch.chdir(tmp_path)
    (src / "good.txt").write_bytes(PAGES[1].read_bytes())
    _bad_name(src, b"bad\xff.txt", PAGES[0].read_bytes())
    _bad_name(src, b"junk\xfe.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = build([src], out, jobs=1)
    assert sorted(result.report.files_read) == ["in/bad\\xff.txt", "in/good.txt"]
    assert result.report.failures == [("in/junk\\xfe.txt", "binary file, not text")]
    assert "bad\\xff" in result.graph.graph["documents"]
    # every output is valid UTF-8: Turtle both parsers read, JSON, HTML
    ttl = out / "graph.ttl"
    text = ttl.read_bytes().decode("utf-8")
    assert 'kg:sourcePath "in/bad\\\\xff.txt"' in text
    rdf = rdflib.Graph().parse(ttl, format="turtle")
    assert len(rdf) == sum(1 for _ in ox.parse(path=ttl, format=ox.RdfFormat.TURTLE))
    assert rdflib.Literal("in/bad\\xff.txt") in set(rdf.objects())
    assert read_graph(ttl).graph["documents"]["bad\\xff"]["path"] == "in/bad\\xff.txt"
    report = json.loads((out / "build-report.json").read_bytes().decode("utf-8"))
    assert report["read"] == ["in/bad\\xff.txt", "in/good.txt"]
    assert _problems(out) == [("in/junk\\xfe.txt", "binary file, not text", "nothing")]
    (out / "graph.html").read_bytes().decode("utf-8")
    # and the same from the command line, with and without the cache
    for _ in range(2):
        run = _kg("build", "in", "-o", "cli", "-j", "1", cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert "files: 2 read" in run.stdout and "1 failed" in run.stdout
        assert "error: in/junk\\xfe.txt: binary file, not text" in run.stderr.splitlines()
    assert (tmp_path / "cli" / "graph.ttl").read_bytes() == ttl.read_bytes()


def test_turtle_of_a_graph_with_a_raw_undecodable_document_id_is_valid():
    """Defence in depth: a graph made elsewhere, whose ids still hold the surrogates, is
    written exactly as if they had been escaped."""

    def graph(doc: str, path: str) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        g.graph["documents"] = {doc: {"path": path, "title": doc, "articles": []}}
        ev = {"doc": doc, "sentence": 0, "start": 0, "end": 2, "text": "社区", "extractor": "rule", "article": 0}
        g.add_node("Community/" + doc, type="Community", name="社区", aliases=[], confidence=0.9,
                   docs=[doc], mentions=[ev])
        return g

    raw = os.fsdecode(b"bad\xff")
    text = serialize_turtle(graph(raw, f"in/{raw}.txt"))
    assert text == serialize_turtle(graph("bad\\xff", "in/bad\\xff.txt"))
    assert len(rdflib.Graph().parse(data=text.encode("utf-8"), format="turtle")) > 0


# ------------------------------------------------------------------ folders that cannot be listed


def test_a_folder_that_cannot_be_listed_is_a_failure(tmp_path, monkeypatch):
    """The folder is made unlistable the way the system does it, as ``os.scandir`` raising
    PermissionError (chmod does not stop root, who runs these tests)."""
    src = tmp_path / "in"
    (src / "locked" / "deeper").mkdir(parents=True)
    (src / "good.txt").write_bytes(PAGES[1].read_bytes())
    (src / "locked" / "hidden.txt").write_bytes(PAGES[2].read_bytes())
    monkeypatch.chdir(tmp_path)
    scandir = os.scandir

    def refusing(path=".", *args, **kwargs):
        if os.path.realpath(path) == str((src / "locked").resolve()):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refusing)
    result = build([src], tmp_path / "out", jobs=1)
    assert result.report.files_read == ["in/good.txt"]
    assert result.report.failures == [("in/locked", LOCKED)]
    assert _problems(tmp_path / "out") == [("in/locked", LOCKED, "nothing")]
    # a folder given on the command line that cannot be listed says so, not "no .txt files"
    assert find_inputs([src / "locked"]) == ([], [(str(src / "locked"), LOCKED)])


def _nobody_can_run_kg() -> str | None:
    """Why a build as user 'nobody' cannot run here, or None if it can."""
    if os.name != "posix" or shutil.which("setpriv") is None:
        return "no setpriv to run a build as another user"
    import pwd

    try:
        pwd.getpwnam("nobody")
    except KeyError:
        return "no user 'nobody'"
    probe = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable,
                            "-c", "import kg.pipeline"], capture_output=True, text=True, timeout=120,
                           cwd="/", env={**os.environ, "PYTHONPATH": str(ROOT)})
    return None if probe.returncode == 0 else f"user 'nobody' cannot run kg here: {probe.stderr.strip()[-200:]}"


def test_a_folder_without_read_permission_is_reported_by_kg_build(tmp_path):
    """A real permission denial: as an ordinary user chmod 000 does it; as root (who may list
    any folder) the build runs as user 'nobody' through setpriv."""
    as_root = os.geteuid() == 0
    if as_root and (why := _nobody_can_run_kg()):
        pytest.skip(f"running as root, and {why}")
    # as root, a folder 'nobody' can reach (pytest's temporary folders are root's alone)
    work = Path(tempfile.mkdtemp(prefix="kg-perm-")) if as_root else tmp_path
    locked = work / "in" / "locked"
    try:
        work.chmod(0o777)
        locked.mkdir(parents=True)
        (work / "in" / "good.txt").write_bytes(PAGES[1].read_bytes())
        (locked / "hidden.txt").write_bytes(PAGES[2].read_bytes())
        for d in (work / "in", locked):
            d.chmod(0o755)
        locked.chmod(0)
        user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if as_root else []
        run = subprocess.run([*user, sys.executable, "-m", "kg.cli", "build", "in", "-o", "out", "-j", "1"],
                             capture_output=True, text=True, timeout=600, cwd=work,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(work),
                                  "KG_CACHE_DIR": str(work / "cache")})
        assert run.returncode == 0, run.stderr
        assert "files: 1 read, 1 failed" in run.stdout
        assert f"error: in/locked: {LOCKED}" in run.stderr.splitlines()
        assert _problems(work / "out") == [("in/locked", LOCKED, "nothing")]
    finally:
        if locked.exists():
            locked.chmod(stat.S_IRWXU)
        if as_root:
            shutil.rmtree(work, ignore_errors=True)
