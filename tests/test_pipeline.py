"""End to end: the seeds built into Turtle and HTML, checked with SPARQL."""

from __future__ import annotations

import codecs
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import rdflib
from conftest import SEEDS

from kg.pipeline import build
from kg.query import run_query


def rows(path, sparql):
    return [tuple(str(getattr(t, "value", t)) for t in r) for r in run_query(path, sparql).rows]


def test_seeds_build_reads_every_page(seeds_build):
    result, out = seeds_build
    assert len(result.report.files_read) == 5 and not result.report.failures
    assert (out / "graph.ttl").stat().st_size > 10_000
    assert (out / "graph.html").stat().st_size > 10_000


def test_turtle_parses_with_rdflib_and_pyoxigraph(seeds_build):
    _, out = seeds_build
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(store) > 1000


def test_sparql_who_leads_the_party_branch(seeds_build):
    _, out = seeds_build
    ans = rows(
        out / "graph.ttl",
        """SELECT ?name ?role WHERE {
             ?p kg:leads ?o . ?o rdfs:label "悦郡社区党支部"@zh . ?p rdfs:label ?name .
             ?st rdf:subject ?p ; rdf:predicate kg:leads ; rdf:object ?o ; kg:role ?role }""",
    )
    assert ans == [("于昕阳", "党支部书记")]


def test_sparql_every_county_has_a_city_or_province_above(seeds_build):
    _, out = seeds_build
    orphans = rows(
        out / "graph.ttl",
        """SELECT ?c WHERE { ?c a kg:County .
             FILTER NOT EXISTS { ?c kg:locatedIn ?p . { ?p a kg:City } UNION { ?p a kg:Province } } }""",
    )
    assert orphans == []
    n = rows(out / "graph.ttl", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:County }")
    assert int(n[0][0]) >= 20


def test_one_node_per_county_with_its_adcode(seeds_build):
    _, out = seeds_build
    ans = rows(out / "graph.ttl", 'SELECT ?c ?code WHERE { ?c rdfs:label "和林格尔县"@zh ; kg:adcode ?code }')
    assert len(ans) == 1 and ans[0][1] == "150123"
    docs = rows(out / "graph.ttl", 'SELECT ?d WHERE { ?c rdfs:label "和林格尔县"@zh ; kg:mentionedIn ?d }')
    assert len(docs) == 2  # two pages name it: still one node


def test_every_relation_has_a_statement_with_evidence(seeds_build):
    _, out = seeds_build
    missing = rows(
        out / "graph.ttl",
        """SELECT ?s ?p ?o WHERE { VALUES ?p { kg:leads kg:implements } ?s ?p ?o .
             FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                                     kg:evidence ?e ; prov:wasDerivedFrom ?d } }""",
    )
    assert missing == []


def test_html_fetches_nothing(seeds_build):
    _, out = seeds_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)\s*=\s*[\"']?https?:", html, re.I)
    assert "于昕阳" in html


def test_build_is_byte_identical(seeds_build, tmp_path):
    _, out = seeds_build
    build([SEEDS], tmp_path)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_mixed_encodings_and_a_binary_file_in_one_build(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    page = (SEEDS / "001_3511262547c28c97.txt").read_text(encoding="utf-8")
    half = len(page) // 2
    (src / "gbk.txt").write_bytes(page[:half].encode("gb18030"))
    (src / "bom.txt").write_bytes(codecs.BOM_UTF8 + page[half:].encode("utf-8"))
    (src / "broken.txt").write_bytes(bytes(range(256)) * 4)
    result = build([src], tmp_path / "out")
    assert sorted(p.rsplit("/", 1)[-1] for p in result.report.files_read) == ["bom.txt", "gbk.txt"]
    assert len(result.report.failures) == 1
    path, problem = result.report.failures[0]
    assert path.endswith("broken.txt") and problem == "binary file, not text"
    names = {d["name"] for _, d in result.graph.nodes(data=True)}
    assert {"新巴尔虎右旗", "赵宏", "乌海市委组织部"} <= names  # read from both halves
    assert (tmp_path / "out" / "graph.ttl").exists()
    # the bad file is in build-report.json too, with what was kept of it (nothing)
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert [(Path(p["file"]).name, p["problem"], p["kept"]) for p in report["problems"]] == [
        ("broken.txt", "binary file, not text", "nothing")]
    # and the command says so on one line but succeeds: something was built (--strict fails)
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "-o", str(tmp_path / "cli"), "-j", "1"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert [x for x in run.stderr.splitlines() if "broken.txt" in x] == [f"error: {src.name}/broken.txt: binary file, not text"]
    assert "files: 2 read, 1 failed" in run.stdout


def test_documents_are_not_held_once_extracted(tmp_path, monkeypatch):
    """Streaming: what reaches resolution holds no document text, only the facts."""
    import kg.pipeline as pipeline

    seen = []
    real = pipeline.resolve

    def spy(extractions, gaz):
        seen.extend(extractions)
        return real(extractions, gaz)

    monkeypatch.setattr(pipeline, "resolve", spy)
    build([SEEDS], tmp_path, cache=False, jobs=2)
    assert len(seen) == 5 and [x.doc.id for x in seen] == sorted(x.doc.id for x in seen)
    assert all(x.doc.text == "" and x.doc.sentences == [] and x.mentions for x in seen)


def test_html_max_nodes_reaches_the_html_view(tmp_path):
    from kg.export.html import render_html

    result = build([SEEDS / "003_71ff31bb007b425d.txt"], tmp_path, cache=False, html_max_nodes=5)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert page == render_html(result.graph, max_nodes=5) != render_html(result.graph)


def test_progress_bar_shows_files_rate_and_time_left_after_a_delay():
    from rich.console import Console

    from kg.parallel import Outcome
    from kg.progress import RichProgress

    def run(delay: float, verbose: bool = False) -> str:
        buf = io.StringIO()
        p = RichProgress(Console(file=buf, force_terminal=True, width=120), delay=delay, verbose=verbose, bar=True)
        p.start(3, 3000)
        for i in range(3):
            p.advance(Outcome(i, f"d{i}", f"d{i}.txt", chars=1000, extract_seconds=0.1), 1000)
            if delay == 0:
                p._progress.refresh()
        p.stop()
        return buf.getvalue()

    shown = run(0)
    assert "3/3 files" in shown and "chars/s" in shown and "extracting" in shown
    assert run(60) == ""  # a build shorter than the delay shows no bar
    lines = [x for x in run(60, verbose=True).splitlines() if x.strip()]
    assert lines == [f"d{i}.txt: 1,000 characters, 0 mentions, 0 relations, 0.10 s" for i in range(3)]


def test_cli_quiet_and_verbose(tmp_path):
    page = str(SEEDS / "003_71ff31bb007b425d.txt")
    kg = [sys.executable, "-m", "kg.cli", "build", page, "-j", "1"]
    quiet = subprocess.run([*kg, "-o", str(tmp_path / "q"), "-q"], capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    loud = subprocess.run([*kg, "-o", str(tmp_path / "q"), "-v"], capture_output=True, text=True, timeout=300)
    assert loud.returncode == 0 and "wrote" in loud.stdout
    assert re.search(r"003_71ff31bb007b425d.txt: [\d,]+ characters, \d+ mentions, \d+ relations, (from the cache|[\d.]+ s)\n", loud.stderr)


def test_kg_stats_counts_what_the_graph_holds(seeds_build):
    result, out = seeds_build
    g = result.graph
    kg = [sys.executable, "-m", "kg.cli", "stats", str(out / "graph.ttl")]
    data = json.loads(subprocess.run([*kg, "--json"], capture_output=True, text=True, timeout=120, check=True).stdout)
    assert data["documents"] == 5
    assert sum(data["entities"].values()) == g.number_of_nodes()
    assert data["relations"]["leads"] == sum(1 for *_, k in g.edges(keys=True) if k == "leads")
    bodies = [d.get("place") for _, d in g.nodes(data=True) if d["type"] == "Organization"]
    assert data["bodies_placed"] == {"all": len(bodies), "placed": sum(p is not None for p in bodies)}
    assert data["places_linked"]["County"]["linked"] == data["entities"]["County"]
    text = subprocess.run(kg, capture_output=True, text=True, timeout=120, check=True).stdout
    assert f"bodies based in a place their name names (kg:basedIn): {data['bodies_placed']['placed']}/" in text


def test_a_build_tunes_the_collector_for_itself_and_gives_the_callers_back(tmp_path):
    """A build collects garbage less often (kg/gctune.py); a program that builds from
    Python gets its own thresholds back afterwards, whatever they were."""
    import gc

    from kg import gctune

    old = gc.get_threshold()
    gc.set_threshold(1000, 5, 5)
    try:
        with gctune.tuned():
            assert gc.get_threshold() == gctune.THRESHOLDS
        assert gc.get_threshold() == (1000, 5, 5)
        build([str(SEEDS / "001_3511262547c28c97.txt")], tmp_path / "out", cache=False, jobs=1)
        assert gc.get_threshold() == (1000, 5, 5)
    finally:
        gc.set_threshold(*old)
