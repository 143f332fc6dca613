"""The incremental cache (OUT/.kgcache) and the gazetteer's compact cache."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

import kg.cache as kc
import kg.pipeline as pipeline
from kg import codec
from kg.cache import CACHE_DIRNAME, ExtractionCache, extractor_version
from kg.model import Evidence
from kg.parallel import Outcome, Task, run_task
from kg.pipeline import build
from kg.read import Note

OUTPUTS = ("graph.ttl", "graph.html", "build-report.json")


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    return src


def outputs(out):
    return {n: (out / n).read_bytes() for n in OUTPUTS}


def graph_outputs(out):
    """The graph files alone: after damage to the cache the report says what was damaged."""
    return {n: (out / n).read_bytes() for n in OUTPUTS if n != "build-report.json"}


@pytest.fixture()
def caches(monkeypatch):
    """The ExtractionCache of every build in the test, to read its counters."""
    made = []

    class Recorded(ExtractionCache):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(pipeline, "ExtractionCache", Recorded)
    return made


def entries(out):
    """The cache's entry files (whatever their suffix), by path."""
    return sorted(p for p in (out / CACHE_DIRNAME).rglob("*") if p.is_file())


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
    found = list((out / CACHE_DIRNAME).rglob("*.json"))
    assert len(found) == 5
    found[0].write_bytes(b"not an entry")
    found[1].write_bytes(found[1].read_bytes()[:100])
    rep = build([corpus], out, jobs=1).report
    assert (rep.extracted, rep.cached) == (2, 3)
    assert graph_outputs(out) == {n: b for n, b in before.items() if n != "build-report.json"}
    assert len([p for p in rep.problems if "cache" in p.problem]) == 2


class _Planted:
    """Unpickling this creates ``path``: what a planted pickle could do, harmlessly."""

    def __init__(self, path):
        self.path = Path(path)

    def __reduce__(self):
        return (Path.touch, (self.path,))


def test_a_planted_pickle_is_never_unpickled(corpus, tmp_path, caches):
    out = tmp_path / "out"
    build([corpus], out, jobs=1)
    before = outputs(out)
    found = entries(out)
    assert len(found) == 5
    marker = tmp_path / "pwned"
    planted = pickle.dumps(_Planted(marker), protocol=pickle.HIGHEST_PROTOCOL)
    pickle.loads(planted)  # the payload works: unpickling it creates the marker
    assert marker.exists()
    marker.unlink()
    for p in found:  # at the very paths the cache reads, and where the old layout read
        p.write_bytes(planted)
        p.with_suffix(".pickle").write_bytes(planted)
    rep = build([corpus], out, jobs=1).report
    assert not marker.exists()
    assert (rep.extracted, rep.cached) == (5, 0)
    assert caches[-1].rejected == 5 and caches[-1].hits == 0
    assert graph_outputs(out) == {n: b for n, b in before.items() if n != "build-report.json"}
    rep = build([corpus], out, jobs=1).report  # the planted entries were replaced
    assert (rep.extracted, rep.cached) == (0, 5) and not marker.exists()


def test_an_entry_that_fails_its_digest_is_rejected_and_extracted_again(corpus, tmp_path, caches):
    out = tmp_path / "out"
    build([corpus], out, jobs=1)
    fresh = tmp_path / "fresh"
    build([corpus], fresh, jobs=1, cache=False)
    assert outputs(out) == outputs(fresh)
    found = entries(out)
    assert len(found) == 5 and all(p.suffix == ".json" for p in found)
    header, body = found[0].read_bytes().split(b"\n", 1)
    assert header.startswith(b"kg-cache ") and json.loads(body)["doc_id"]
    # a body still valid JSON, with a fact changed: the digest no longer matches
    name = json.loads(body)["extraction"]["mentions"][0]["canonical"]
    edited = body.replace(json.dumps(name, ensure_ascii=False).encode(), b'"\xe6\x9f\x90\xe5\x9c\xb0"')
    assert edited != body and json.loads(edited)
    found[0].write_bytes(header + b"\n" + edited)
    found[1].write_bytes(found[1].read_bytes()[:-10])  # truncated
    found[2].write_bytes(found[2].read_bytes().split(b"\n", 1)[0] + b"\n")  # the body lost
    found[3].write_bytes(found[4].read_bytes())  # another file's entry
    rep = build([corpus], out, jobs=1).report
    assert (rep.extracted, rep.cached) == (4, 1)
    assert caches[-1].rejected == 4 and caches[-1].misses == 4 and caches[-1].hits == 1
    said = [p for p in rep.problems if "cache" in p.problem]
    assert len(said) == 4 and all(p.kept == "all text, extracted again" for p in said)
    assert graph_outputs(out) == graph_outputs(fresh)
    rep = build([corpus], out, jobs=1).report  # rewritten, good again
    assert (rep.extracted, rep.cached) == (0, 5) and caches[-1].rejected == 0
    assert outputs(out) == outputs(fresh)


def test_a_well_formed_entry_whose_body_is_no_outcome_is_rejected(tmp_path):
    cache = ExtractionCache(tmp_path, version="v")
    key = cache.key("d", b"text", 4)
    for body in (b'{"index": 0}', b"[1, 2]", b'"x"', b'{"a": NaN}', b"\xff\xfe"):
        path = cache._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(cache._header(key, body) + body)  # a digest that matches
        assert cache.get(key) is None
    assert (cache.rejected, cache.misses, cache.hits) == (5, 5, 0)


def _seed_outcome() -> Outcome:
    page = SEEDS / "000_ce20cefb6ce7de5e.txt"
    data = page.read_bytes()
    return run_task(Task(0, page.stem, str(page), data, len(data)))


def test_a_real_outcome_round_trips_exactly(tmp_path):
    o = _seed_outcome()
    x = o.extraction
    assert o.failure is None and x is not None and x.doc.articles
    assert x.mentions and x.relations and x.keys
    assert any(m.aliases for m in x.mentions) and any(m.adcode is None for m in x.mentions)
    back = codec.loads(codec.dumps(o))
    assert back == o
    assert repr(back) == repr(o)  # the same types too: tuples stay tuples, ints ints
    assert all(type(m.aliases) is tuple for m in back.extraction.mentions)
    assert type(back.extraction.doc.articles) is list and all(
        type(m.evidence) is Evidence for m in back.extraction.mentions)
    # and through the cache's files
    cache = ExtractionCache(tmp_path, version="v")
    key = cache.key(o.doc_id, b"data", 4)
    cache.put(key, o)
    assert cache.get(key) == o and (cache.hits, cache.misses, cache.rejected) == (1, 0, 0)
    assert not list(tmp_path.rglob("*.pickle")) and len(list(tmp_path.rglob("*.json"))) == 1


def test_every_field_kind_round_trips_and_what_it_cannot_describe_is_not_stored(tmp_path):
    o = _seed_outcome()
    m = o.extraction.mentions[0]
    o.extraction.mentions.append(dataclasses.replace(m, id="x:1", aliases=("甲", "乙\udcff"), adcode=None,
                                                     parent="p", place=None, confidence=1))
    o.notes = [Note("3 bytes were not UTF-8", "the rest of the file")]
    failed = Outcome(7, "d\udcfe", "in/d.txt", failure="binary file, not text", chars=0)
    for v in (o, failed):
        back = codec.loads(codec.dumps(v))
        assert back == v and repr(back) == repr(v)
    assert back.extraction is None and back.failure == failed.failure
    assert type(codec.loads(codec.dumps(o)).extraction.mentions[-1].confidence) is int
    cache = ExtractionCache(tmp_path, version="v")
    bad = [
        dataclasses.replace(o, notes=[("a", "b")]),  # not a Note
        dataclasses.replace(o, extraction=dataclasses.replace(
            o.extraction, mentions=[dataclasses.replace(m, aliases=["a"])])),  # a list, not a tuple
        dataclasses.replace(o, read_seconds=float("nan")),
    ]
    for i, v in enumerate(bad):
        with pytest.raises(codec.CodecError):
            codec.dumps(v)
        cache.put(f"{i:02d}" * 32, v)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


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
            elif hasattr(v, "items"):  # a dict, or the index read from the cache
                v = list(v.items())
            h.update(repr((k, v)).encode())
        return h.hexdigest()
    out = {"secs": secs, "digest": digest(g), "lookup": [d.adcode for d in g.lookup("托县")]}
    if "--fresh" in sys.argv:
        f = G.Gazetteer(G._parse(G._jionlp_data()))
        f.add_former(G.former_table())
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


def test_the_gazetteer_loads_from_its_cache_and_the_same(tmp_path):
    first = _load_in(tmp_path, "--fresh")
    (cached,) = list(tmp_path.glob("gazetteer-*.kgpack"))
    second = _load_in(tmp_path)
    assert first["digest"] == first["fresh"] == second["digest"]
    assert second["lookup"] == ["150122", "650422"]
    cached.write_bytes(cached.read_bytes()[:1000])  # damaged: parsed again, rewritten
    third = _load_in(tmp_path)
    assert third["digest"] == first["digest"] and cached.stat().st_size > 1_000_000


def test_other_versions_caches_are_kept_until_stale(tmp_path):
    """Checkouts of other versions share the cache folder: writing this version's cache
    removes another version's file only when nobody has read it for two weeks."""
    recent, stale = tmp_path / "gazetteer-0.0-recent.kgpack", tmp_path / "gazetteer-0.0-stale.kgpack"
    recent.write_bytes(b"another version's table")
    stale.write_bytes(b"a table nobody reads")
    month_ago = time.time() - 30 * 86400
    os.utime(stale, (month_ago, month_ago))
    _load_in(tmp_path)
    assert recent.exists() and not stale.exists()
    assert len(list(tmp_path.glob("gazetteer-*.kgpack"))) == 2  # this version's, and the recent one
