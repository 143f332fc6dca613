"""Outputs that must not depend on where ``kg build`` runs, nor be torn by a second build.

* The paths in the graph (``kg:sourcePath``) and in ``build-report.json`` are given from
  the input folder named on the command line (its own name first), so a build of the same
  folder from two working directories, relative or absolute, writes the same bytes.
* Two builds into one output folder: the second is refused with one line while the first
  holds ``OUT/.kglock``, and the first finishes untouched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

PAGE = """青禾县石桥村推行“村民议事会”制度

2024年3月5日，青禾县石桥村召开村民议事会，村党支部书记林远山主持会议。
会上，村民代表就村道修缮、垃圾分类等事项逐项表决。石桥村党支部书记林远山说，议事会让村民的事由村民商量着办。
"""

ARGS = ["--no-cache", "-j", "1", "--rules-only", "-q"]


def kg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "work" / "papers"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "stone_bridge.txt").write_text(PAGE, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 64)  # reported: the report holds its path
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "build-report.json", "graph.html")}


def test_a_build_writes_the_same_bytes_from_any_working_directory(corpus, tmp_path):
    work = corpus.parent
    elsewhere = tmp_path / "elsewhere" / "deeper"
    elsewhere.mkdir(parents=True)
    runs = [
        (work, "papers", tmp_path / "out1"),
        (elsewhere, os.path.relpath(corpus, elsewhere), tmp_path / "out2"),
        (tmp_path, str(corpus), tmp_path / "out3"),  # absolute
        (corpus, ".", tmp_path / "out4"),  # the folder itself
    ]
    seen = []
    for cwd, given, out in runs:
        r = kg("build", given, "-o", str(out), *ARGS, cwd=cwd)
        assert r.returncode == 0, r.stderr
        seen.append(outputs(out))
    assert all(s == seen[0] for s in seen[1:])
    ttl = seen[0]["graph.ttl"].decode("utf-8")
    assert '"papers/2024/stone_bridge.txt"' in ttl
    assert str(tmp_path) not in ttl and str(tmp_path) not in seen[0]["build-report.json"].decode("utf-8")
    assert '"papers/broken.txt"' in seen[0]["build-report.json"].decode("utf-8")


def _flocked(path: Path) -> bool:
    """Whether some process holds a ``flock`` on the file (from /proc/locks)."""
    try:
        inode = path.stat().st_ino
    except FileNotFoundError:
        return False
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "FLOCK" in fields and fields[-3].endswith(f":{inode}"):
            return True
    return False


def test_a_second_build_into_a_busy_folder_is_refused_and_the_first_finishes(corpus, tmp_path):
    for i in range(240):  # enough pages that the first build is still running when the second starts
        (corpus / f"page{i:02d}.txt").write_text(PAGE.replace("石桥村", f"石桥{i}村"), encoding="utf-8")
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), *ARGS],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not _flocked(out / ".kglock"):
            assert first.poll() is None and time.monotonic() < deadline, first.stderr.read()
            time.sleep(0.01)
        second = kg("build", str(corpus), "-o", str(out), *ARGS, cwd=tmp_path)
        assert first.poll() is None, "the first build ended before the second was refused"
        assert second.returncode == 1
        assert second.stderr == (f"error: {out}: another kg build is writing into this folder; "
                                 "wait for it to finish or build into another folder\n")
        _, err = first.communicate(timeout=300)
        assert first.returncode == 0, err
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        first.stdout.close()
        first.stderr.close()
    assert "石桥239村" in (out / "graph.ttl").read_text(encoding="utf-8")
    # the lock went with the first build: a third one runs
    assert kg("build", str(corpus), "-o", str(out), *ARGS, cwd=tmp_path).returncode == 0
