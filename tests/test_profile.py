"""``kg build --profile``: seconds per stage and per rule family, and a graph that does not
depend on being profiled."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from kg import gazetteer
from kg.extract.document import extract
from kg.graph import evidence_dict
from kg.read import read_bytes
from kg.timing import since, snapshot

ROOT = Path(__file__).resolve().parent.parent

PAGE = """党建引领基层治理见实效

本报讯 近日，杭州市西湖区北山街道幸福社区党委推行“红色管家”机制，组织党员骨干入户走访。
社区党委书记王建华说：“我们把群众的事当成自己的事。”
"""


def _page(tmp_path: Path) -> Path:
    p = tmp_path / "pages" / "p1.txt"
    p.parent.mkdir()
    p.write_text(PAGE, encoding="utf-8")
    return p.parent


def test_profile_prints_stages_and_rule_families_and_leaves_the_graph_alone(tmp_path):
    pages = _page(tmp_path)
    plain = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(pages), "-o", str(tmp_path / "a"), "-q",
                            "--no-cache", "-j", "1"], capture_output=True, text=True, cwd=ROOT)
    prof = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(pages), "-o", str(tmp_path / "b"), "-q",
                           "--no-cache", "-j", "1", "--profile"], capture_output=True, text=True, cwd=ROOT)
    assert plain.returncode == 0 and prof.returncode == 0, prof.stderr
    assert plain.stderr == ""
    err = prof.stderr
    assert re.search(r"^build: [\d.]+ s, [\d,]+ characters", err, re.M), err
    for stage in ("extract (summed over workers)", "resolve", "write graph.ttl"):
        assert stage in err
    assert "rule families (own time, summed over workers):" in err
    families = dict(re.findall(r"^  (\S[^\n]*?)\s+([\d.]+) s\s+[\d.]+% of extract$", err, re.M))
    for family in ("places", "people", "bodies", "mechanisms", "segmentation", "learned: decisions"):
        assert family in families, err
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def test_rule_families_count_their_own_time_once(tmp_path):
    """The families' seconds add up to no more than extraction's own: a finder's call into
    the segmenter is counted under segmentation, not twice."""
    pages = _page(tmp_path)
    data = (pages / "p1.txt").read_bytes()
    doc, _ = read_bytes(data, "p1.txt", "p1")
    import time

    before = snapshot()
    t = time.perf_counter()
    x = extract(doc, gazetteer.load())
    took = time.perf_counter() - t
    spent = since(before)
    assert {"document", "places", "people", "segmentation"} <= set(spent)
    assert sum(spent.values()) <= took * 1.05 + 1e-4
    # and every evidence of the page reads as its dataclass does
    evs = [m.evidence for m in x.mentions] + [r.evidence for r in x.relations]
    assert evs and all(evidence_dict(ev) == asdict(ev) for ev in evs)


def test_only_a_profiled_build_counts_the_rule_families(tmp_path):
    """Counting costs every finder's call: a build counts the families' seconds only when
    asked (``profile``, ``kg build --profile``), and builds the same graph either way."""
    from kg.pipeline import build

    pages = _page(tmp_path)
    plain = build([pages], tmp_path / "a", jobs=1, cache=False)
    prof = build([pages], tmp_path / "b", jobs=1, cache=False, profile=True)
    assert plain.report.families == {}
    assert {"places", "people", "bodies"} <= set(prof.report.families)
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()
