"""The command line's promises about usage errors: exit code 2, one line on stderr in the
user's terms (the option as typed, an argument by the name the help shows), no traceback
and no internal class names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_kg as kg

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "args, says",
    [
        (["build", "seeds", "--nonsense"], "No such option: --nonsense"),
        (["export"], "missing argument GRAPH"),
        (["build", "seeds", "--min-confidence", "2"], "'--min-confidence'"),
        (["build", "seeds", "--jobs", "zero"], "'--jobs'"),
        (["eval", "outputs/graph.ttl"], "missing argument GOLD"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_2_with_one_line_in_the_users_terms(args, says):
    r = kg(*args)
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0], r.stderr
    for internal in ("Traceback", "NoSuchOption", "MissingParameter", "BadParameter", "UsageError", " fmt"):
        assert internal not in r.stderr


def test_no_arguments_shows_the_help_and_exits_2():
    r = kg()
    assert r.returncode == 2
    assert "Usage" in r.stdout + r.stderr and "NoArgsIsHelpError" not in r.stderr


def test_follow_symlinks_on_the_command_line(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "page.txt").write_text("标题\n\n红柳镇推行“板凳会”议事。\n", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("标题\n\n青山社区推行“邻里帮”服务。\n", encoding="utf-8")
    (src / "linked.txt").symlink_to(outside / "page.txt")
    r = kg("build", str(src), "-o", str(tmp_path / "out"))
    assert r.returncode == 0 and "outside the input folder" in r.stderr
    assert "板凳会" not in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    r = kg("build", str(src), "-o", str(tmp_path / "out2"), "--follow-symlinks")
    assert r.returncode == 0, r.stderr
    assert "板凳会" in (tmp_path / "out2" / "graph.ttl").read_text(encoding="utf-8")
