"""The incremental cache (OUT/.kgcache) and the gazetteer's compact cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT, SEEDS

import kg.cache as kc
from kg.cache import CACHE_DIRNAME, extractor_version
from kg.pipeline import build

OUTPUTS = ("graph.ttl", "graph.html", "build-report.json")


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    return src


def outputs(out):
    return {n: (out / n).read_bytes() for n in OUTPUTS}


def test_a_rebuild_takes_every_file_from_the_cache_and_writes_the_same_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    first = build([corpus], out, jobs=1).report
    assert (first.extracted, first.cached) == (5, 0)
    before = outputs(out)
    again = build([corpus], out, jobs=2).report
    assert (again.extracted, again.cached) == (0, 5)
    assert outputs(out) == before


def test_a_changed_file_is_the_only_one_extracted_again(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, jobs=1)
    page = corpus / "003_71ff31bb007b425d.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\n新春社区党委书记张强说，社区推行“积分制”管理。\n", encoding="utf-8")
    rep = build([corpus], out, jobs=2).report
    assert (rep.extracted, rep.cached) == (1, 4)
    fresh = tmp_path / "fresh"
    build([corpus], fresh, jobs=1, cache=False)
    assert outputs(out) == outputs(fresh)
    assert not (fresh / CACHE_DIRNAME).exists()  # --no-cache neither reads nor writes


def test_no_cache_extracts_everything_again(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, jobs=1)
    rep = build([corpus], out, jobs=1, cache=False).report
    assert (rep.extracted, rep.cached) == (5, 0)


def test_a_changed_extractor_version_misses_every_entry_and_drops_the_old_ones(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, jobs=1)
    old_dirs = {d.name for d in (out / CACHE_DIRNAME).iterdir()}
    assert old_dirs == {extractor_version()}
    monkeypatch.setattr(kc, "extractor_version", lambda: "0123456789abcdef")
    rep = build([corpus], out, jobs=1).report
    assert (rep.extracted, rep.cached) == (5, 0)
    assert {d.name for d in (out / CACHE_DIRNAME).iterdir()} == {"0123456789abcdef"}


def test_the_extractor_version_follows_the_extraction_code(tmp_path, monkeypatch):
    pkg = tmp_path / "kg"
    shutil.copytree(ROOT / "kg", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kc, "_PACKAGE", pkg)
    kc.extractor_version.cache_clear()
    try:
        v1 = kc.extractor_version()
        (pkg / "export" / "html.py").write_text("# the HTML view is no extraction\n", encoding="utf-8")
        kc.extractor_version.cache_clear()
        assert kc.extractor_version() == v1
        with (pkg / "extract" / "spans.py").open("a", encoding="utf-8") as f:
            f.write("\n# a change to a span finder\n")
        kc.extractor_version.cache_clear()
        assert kc.extractor_version() != v1
    finally:
        kc.extractor_version.cache_clear()


def test_damaged_entries_are_misses_not_errors(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, jobs=1)
    before = outputs(out)
    entries = list((out / CACHE_DIRNAME).rglob("*.pickle"))
    assert len(entries) == 5
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[1].read_bytes()[:100])
    rep = build([corpus], out, jobs=1).report
    assert (rep.extracted, rep.cached) == (2, 3)
    assert outputs(out) == before


def test_alias_tables_are_part_of_the_key(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, jobs=1)
    table = tmp_path / "a.tsv"
    table.write_text("青城\t呼和浩特市\tCity\n", encoding="utf-8")
    rep = build([corpus], out, jobs=1, aliases=[str(table)]).report
    assert (rep.extracted, rep.cached) == (5, 0)


# ------------------------------------------------------------------ the gazetteer's cache

_DIGEST = textwrap.dedent(
    """
    import hashlib, json, sys, time
    t = time.perf_counter()
    import kg.gazetteer as G
    g = G.load()
    secs = time.perf_counter() - t
    def digest(g):
        h = hashlib.sha256()
        for k in sorted(vars(g)):
            v = getattr(g, k)
            if k == "rows":
                v = [tuple(vars(d).values()) for d in v]
            elif isinstance(v, set):
                v = sorted(v)
            elif isinstance(v, dict):
                v = list(v.items())
            h.update(repr((k, v)).encode())
        return h.hexdigest()
    out = {"secs": secs, "digest": digest(g), "lookup": [d.adcode for d in g.lookup("托县")]}
    if "--fresh" in sys.argv:
        f = G.Gazetteer(G._parse(G._jionlp_data()))
        for row in G.alias_table():
            f.add_alias(*row)
        out["fresh"] = digest(f)
    print(json.dumps(out))
    """
)


def _load_in(cache_dir, *args):
    env = {**os.environ, "KG_CACHE_DIR": str(cache_dir)}
    run = subprocess.run([sys.executable, "-c", _DIGEST, *args], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_gazetteer_loads_from_its_cache_fast_and_the_same(tmp_path):
    first = _load_in(tmp_path, "--fresh")
    (cached,) = list(tmp_path.glob("gazetteer-*.marshal"))
    second = _load_in(tmp_path)
    assert first["digest"] == first["fresh"] == second["digest"]
    assert second["lookup"] == ["150122", "650422"]
    assert second["secs"] < 1.5  # about 0.3 s here; parsing the table takes about 3 s
    cached.write_bytes(cached.read_bytes()[:1000])  # damaged: parsed again, rewritten
    third = _load_in(tmp_path)
    assert third["digest"] == first["digest"] and cached.stat().st_size > 1_000_000
