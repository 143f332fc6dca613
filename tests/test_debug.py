"""An extractor failure: one line naming the stage and the sentence (the other files are
built), or with ``kg build --debug`` the failure raised with its traceback.

The failure is real: jieba, the segmenter the extractors call, is made to raise on one
sentence of one file (a library fault, injected where the library is called; our own code
runs as it is).
"""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from pathlib import Path

import jieba
import pytest

from kg.failure import ExtractorFailure
from kg.pipeline import build

MARK = "故障注入"  # a word no other test text holds: only this sentence fails
BAD = f"青松村党支部书记李明远说，全村推行“院落议事”制度。\n村民踊跃参加。\n据介绍，{MARK}试点已在全镇展开。\n"
GOOD = "白桦社区党委书记赵文静介绍，社区推行“楼栋议事”机制。\n"

_lcut = jieba.lcut


def faulty_lcut(text, *args, **kwargs):
    """jieba's ``lcut``, raising on the sentence that holds :data:`MARK`."""
    if MARK in text:
        raise RuntimeError("segmenter broke")
    return _lcut(text, *args, **kwargs)


@pytest.fixture()
def inputs(tmp_path, monkeypatch) -> Path:
    from kg.extract import segment

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_text(BAD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(jieba, "lcut", faulty_lcut)
    monkeypatch.setenv("KG_SEGMENTER", "jieba")  # the reference segmenter, where the fault is injected
    segment._native.cache_clear()
    monkeypatch.chdir(tmp_path)  # files are shown as given: in/bad.txt
    yield Path("in")
    monkeypatch.undo()
    segment._native.cache_clear()


def test_a_failure_names_the_stage_and_sentence_and_the_other_files_are_built(inputs, tmp_path):
    result = build([inputs], tmp_path / "out", jobs=1, cache=False)
    assert result.report.files_read == ["in/good.txt"]
    [(path, why)] = result.report.failures
    assert path == "in/bad.txt"
    assert why.startswith("the extractors failed on this file (stage extract, sentence 2, in ")
    assert "extract.segment.cut_jieba: RuntimeError: segmenter broke)" in why and "\n" not in why


def test_debug_raises_the_failure_naming_document_sentence_and_stage(inputs, tmp_path):
    with pytest.raises(ExtractorFailure) as caught:
        build([inputs], tmp_path / "out", jobs=4, debug=True)  # in this process whatever --jobs
    e = caught.value
    assert e.doc == "bad" and e.where.stage == "extract" and e.where.sentence == 2
    assert str(e).startswith("in/bad.txt: the extractors failed on this file (stage extract, sentence 2")
    cause = e.__cause__
    assert isinstance(cause, RuntimeError) and str(cause) == "segmenter broke"
    frames = [f.name for f in traceback.extract_tb(cause.__traceback__)]
    assert frames[-2:] == ["cut_jieba", "faulty_lcut"]  # the traceback reaches the line that raised
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_debug_refuses_a_cluster_before_any_work(tmp_path):
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="--debug"):
        build([tmp_path], tmp_path / "out", scheduler="tcp://127.0.0.1:8786", debug=True)


def test_the_cli_prints_the_traceback_with_debug_and_one_line_without(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_text(BAD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    script = tmp_path / "kg_with_fault.py"
    script.write_text(
        f"import sys\nsys.path.insert(0, {str(Path(__file__).parent)!r})\nimport jieba, test_debug\n"
        "jieba.lcut = test_debug.faulty_lcut\nfrom kg.cli import main\nsys.argv[0] = 'kg'\nmain()\n",
        encoding="utf-8",
    )

    def kg(*args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "KG_SEGMENTER": "jieba"}  # the reference segmenter, where the fault is injected
        return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, cwd=tmp_path, env=env)

    plain = kg("build", "in", "-o", "out", "-q")
    assert plain.returncode == 0, plain.stderr
    assert plain.stderr.strip().splitlines() == [
        line for line in plain.stderr.strip().splitlines() if line.startswith("error: in/bad.txt: the extractors failed")
    ]
    assert "stage extract, sentence 2" in plain.stderr and "Traceback" not in plain.stderr

    debug = kg("build", "in", "-o", "out2", "-q", "--debug")
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert 'raise RuntimeError("segmenter broke")' in debug.stderr
    last = debug.stderr.strip().splitlines()[-1]
    assert last.startswith("kg.failure.ExtractorFailure: in/bad.txt: the extractors failed on this file (stage extract, sentence 2")
