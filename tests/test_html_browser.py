"""The HTML view in a real browser: Debian's Chromium, headless, with the network cut off.

Every request that is not a ``file:`` URL is aborted and counted, so a page that tried to
fetch anything fails here even though the machine has no network to notice it.  Without
Chromium (``KG_CHROMIUM``, default ``/usr/bin/chromium``) or Playwright these tests skip
locally and fail when ``CI`` is set (a missing browser must never pass in CI).

The same checks run on the sample graph of ``test_html.py`` and on the seeds graph as
``kg build`` writes it.  The seeds screenshot goes to ``test-output/seeds-graph.png``;
``docs/graph.png`` in the README comes from ``docs/screenshots.py`` (the first view).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import CLUSTER_THRESHOLD, write_html
from kg.graph import build_graph
from kg.model import Entity, Evidence, Relation

try:  # tests/ as a package (tests/__init__.py) or as a plain folder on sys.path
    from tests.test_html import (
        DATED_PAGE_TITLE,
        HOSTILE,
        HOSTILE_TITLE,
        ZHANG_SENTENCE,
        hostile_graph,
        kept_by_dates,
        sample_graph,
    )
except ImportError:
    from test_html import (
        DATED_PAGE_TITLE,
        HOSTILE,
        HOSTILE_TITLE,
        ZHANG_SENTENCE,
        hostile_graph,
        kept_by_dates,
        sample_graph,
    )

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
# Predicates are functions, not strings: Playwright polls a string with eval(), which the
# page's Content-Security-Policy (rightly) refuses.
SETTLED = "() => window.kgApp && kgApp.timings.settled !== null"


def in_ci() -> bool:
    """``CI`` is set to anything but an explicit no (CI services set ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def chromium_missing(chromium: str) -> str | None:
    """Why ``chromium`` cannot be launched, or None when it is an executable file."""
    found = chromium if Path(chromium).is_file() else shutil.which(chromium)
    if not found:
        return f"{chromium} not found"
    if not os.access(found, os.X_OK):
        return f"{found} is not executable"
    return None


def unavailable(reason: str) -> None:
    """Skip without a browser, except in CI, where a missing browser is a failure."""
    message = f"browser tests need Chromium: {reason} (apt-get install chromium; no download)"
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # pragma: no cover - depends on the machine
        unavailable(f"Playwright for Python is not installed ({e})")
    problem = chromium_missing(CHROMIUM)
    if problem:
        unavailable(problem)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Visit:
    """One page in the browser, with everything it complained about or tried to fetch."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not (self.console_errors or self.page_errors or self.failed or self.blocked)

    def __repr__(self) -> str:
        return (
            f"Visit(console={self.console_errors}, errors={self.page_errors}, "
            f"failed={self.failed}, blocked={self.blocked})"
        )


def open_graph(browser, g: nx.MultiDiGraph, path: Path) -> Visit:
    """Write ``g`` to ``path``, open it offline and wait until the layout has settled."""
    write_html(g, path)
    return open_page(browser, path)


def open_page(browser, path: Path) -> Visit:
    """Open the page at ``path`` offline and wait until the layout has settled."""
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    visit = Visit(page)

    def route(r) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            visit.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(m.text))
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: visit.failed.append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_function(SETTLED, timeout=30_000)
    return visit


@pytest.fixture()
def sample(browser, tmp_path: Path) -> Iterator[Visit]:
    visit = open_graph(browser, sample_graph(), tmp_path / "graph.html")
    yield visit
    visit.page.close()


def index_of(page, name: str) -> int:
    return page.evaluate(
        """name => { for (let i = 0; ; i++) { const e = kgApp.entity(i);
                     if (!e) return -1; if (e.name === name) return i; } }""",
        name,
    )


def edge_point(page, edge_id: int) -> dict:
    """A point in the page on ``edge_id`` where no node sits, found by vis-network itself."""
    point = page.evaluate(
        """id => {
            const net = kgApp.network, s = kgApp.statement(id);
            let pos = net.getPositions([s.s, s.o]);
            net.moveTo({position: {x: (pos[s.s].x + pos[s.o].x) / 2, y: (pos[s.s].y + pos[s.o].y) / 2},
                        scale: 2});
            net.redraw();
            pos = net.getPositions([s.s, s.o]);
            const box = document.getElementById("network").getBoundingClientRect();
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
                const c = {x: pos[s.s].x + t * (pos[s.o].x - pos[s.s].x),
                           y: pos[s.s].y + t * (pos[s.o].y - pos[s.s].y)};
                const d = net.canvasToDOM(c);
                if (net.getNodeAt(d) === undefined && net.getEdgeAt(d) === id)
                    return {x: box.left + d.x, y: box.top + d.y};
            }
            return null; }""",
        edge_id,
    )
    assert point, f"no clear point on edge {edge_id}"
    return point


def node_point(page, i: int) -> dict:
    return page.evaluate(
        """i => { const d = kgApp.network.canvasToDOM(kgApp.network.getPositions([i])[i]);
                  const box = document.getElementById("network").getBoundingClientRect();
                  return {x: box.left + d.x, y: box.top + d.y}; }""",
        i,
    )


# --------------------------------------------------------------------------- tests


def test_loads_offline_without_errors(sample: Visit) -> None:
    sample.page.wait_for_timeout(300)
    assert sample.clean(), sample


def test_draws_every_node_and_edge(sample: Visit) -> None:
    g = sample_graph()
    page = sample.page
    assert page.evaluate("kgApp.network.body.nodeIndices.length") == g.number_of_nodes()
    assert page.evaluate("kgApp.network.body.edgeIndices.length") == g.number_of_edges()
    assert page.evaluate("document.documentElement.dataset.layout") == "settled"
    assert page.evaluate("kgApp.network.physics.physicsEnabled") is False
    assert "Showing 10 of 10 entities" in page.inner_text("#status")


def test_search_selects_and_panel_shows_evidence(sample: Visit) -> None:
    page = sample.page
    page.fill("#search", "张强")
    page.wait_for_selector("#suggestions li")
    assert page.inner_text("#suggestions li >> nth=0").startswith("张强")
    page.keyboard.press("Enter")
    zhang = index_of(page, "张强")
    assert page.evaluate("kgApp.network.getSelectedNodes()") == [zhang]
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "张强" in text and "Person" in text
    assert ZHANG_SENTENCE in text
    assert "新城区：党建引领基层治理见实效" in text  # the article headline
    assert "社区党委书记" in text


def test_search_finds_aliases(sample: Visit) -> None:
    page = sample.page
    page.fill("#search", "托县")
    page.wait_for_selector("#suggestions li")
    page.click("#suggestions li >> nth=0")
    assert page.evaluate("kgApp.network.getSelectedNodes()") == [index_of(page, "托克托县")]
    assert "150122" in page.inner_text("#panel")


def test_place_chain_in_panel(sample: Visit) -> None:
    page = sample.page
    page.evaluate("i => kgApp.choose(i)", index_of(page, "新春社区"))
    chain = page.locator("#panel .chain li").all_inner_texts()
    assert chain == ["迎新路街道", "新城区", "呼和浩特市"]


def test_turning_off_person_hides_every_person(sample: Visit) -> None:
    page = sample.page
    page.uncheck('#type-filters li[data-type="Person"] input')
    types = page.evaluate("kgApp.network.body.nodeIndices.map(i => kgApp.entity(i).type)")
    g = sample_graph()
    assert "Person" not in types
    assert len(types) == g.number_of_nodes() - 1
    page.check('#type-filters li[data-type="Person"] input')
    assert page.evaluate("kgApp.network.body.nodeIndices.length") == g.number_of_nodes()


def test_relation_toggle_and_confidence_slider(sample: Visit) -> None:
    page = sample.page
    page.uncheck('#relation-filters li[data-relation="locatedIn"] input')
    relations = page.evaluate(
        "kgApp.network.body.edgeIndices.map(i => kgApp.statement(i).relation)"
    )
    assert sorted(set(relations)) == ["implements", "leads"]
    page.check('#relation-filters li[data-relation="locatedIn"] input')
    page.locator("#confidence").fill("0.75")
    page.wait_for_function("() => kgApp.network.body.nodeIndices.length === 9")
    count = page.inner_text('#type-filters li[data-type="Mechanism"] .count')
    assert count == "1"  # 四议两公开 (0.6) is below the slider


def test_clicking_an_edge_shows_its_statement(sample: Visit) -> None:
    page = sample.page
    leads = page.evaluate(
        """(() => { for (let i = 0; ; i++) { const s = kgApp.statement(i);
                    if (s.relation === "leads") return i; } })()"""
    )
    point = edge_point(page, leads)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel:not([hidden])")
    assert page.evaluate("kgApp.network.getSelectedEdges()") == [leads]
    text = page.text_content("#panel")  # as written, before CSS upper-cases the kicker
    for part in (
        "Statement",
        "张强",
        "leads",
        "社区党委书记",
        "新春社区党委",
        "0.90",
        ZHANG_SENTENCE,
        "d001",
    ):
        assert part in text, part


def test_hover_tooltip_is_text(sample: Visit) -> None:
    page = sample.page
    point = node_point(page, index_of(page, "呼和浩特市"))
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#tooltip:not([hidden])")
    text = page.inner_text("#tooltip")
    assert "Type: City" in text and "Aliases: 呼市" in text and "Adcode: 150100" in text
    assert "网格化管理" in text  # the evidence sentence


def test_hostile_document_runs_nothing(browser, tmp_path: Path) -> None:
    visit = open_graph(browser, hostile_graph(), tmp_path / "hostile.html")
    page = visit.page
    n = page.evaluate("kgApp.network.body.nodeIndices.length")
    assert n == 3
    for i in range(n):  # every tooltip, then every panel
        point = node_point(page, i)
        page.mouse.move(point["x"], point["y"])
        page.wait_for_selector("#tooltip:not([hidden])")
        page.mouse.move(1, 1)
    for i in range(n):
        page.evaluate("i => kgApp.choose(i)", i)
    for edge in range(2):
        page.evaluate("i => kgApp.selectEdge(i)", edge)
    page.fill("#search", "javascript")
    page.wait_for_selector("#suggestions li")
    page.keyboard.press("Enter")
    page.evaluate("[0, 1].filter(i => kgApp.statement(i).role).forEach(kgApp.selectEdge)")
    page.wait_for_timeout(300)

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert (
        page.evaluate("document.querySelectorAll('img, iframe, svg polygon[onload], a').length")
        == 0
    )
    text = page.text_content("#panel")
    assert HOSTILE["role"] in text and HOSTILE["headline"] in text
    assert HOSTILE["name_script"] in text and HOSTILE["name_img"] in text
    assert visit.clean(), visit
    visit.page.close()


def test_screenshot(sample: Visit) -> None:
    page = sample.page
    page.fill("#search", "张强")
    page.wait_for_selector("#suggestions li")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)  # the focus animation
    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "sample-graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


# --------------------------------------------------------------------------- the seeds graph

#: Names from the seeds the README quotes: a person with a post, a community with evidence.
SEEDS_PERSON = "于昕阳"
SEEDS_COMMUNITY = "悦郡社区"
SEEDS_BODY = "悦郡社区党支部"


@pytest.fixture()
def seeds(browser, seeds_build) -> Iterator[tuple[Visit, nx.MultiDiGraph]]:
    """The page ``kg build seeds`` wrote, open in the browser, with the graph it was made from."""
    result, out = seeds_build
    visit = open_page(browser, out / "graph.html")
    yield visit, result.graph
    visit.page.close()


def node_named(g: nx.MultiDiGraph, name: str) -> str:
    found = [n for n, d in g.nodes(data=True) if d.get("name") == name]
    assert len(found) == 1, f"the seeds graph should have one {name}, not {found}"
    return found[0]


def test_seeds_load_offline_with_every_node(seeds) -> None:
    visit, g = seeds
    page = visit.page
    page.wait_for_timeout(300)
    assert visit.clean(), visit
    assert g.number_of_nodes() > 100  # the real graph, not an empty build
    assert page.evaluate("kgApp.network.body.nodeIndices.length") == g.number_of_nodes()
    statements = "kgApp.network.body.edgeIndices.filter(i => i < kgApp.statementCount).length"
    assert page.evaluate(statements) == g.number_of_edges()
    n, m = g.number_of_nodes(), g.number_of_edges()
    assert f"Showing {n} of {n} entities and {m} of {m} relations" in page.inner_text("#status")
    assert page.evaluate("document.documentElement.dataset.layout") == "settled"


def test_seeds_search_selects_a_person_with_evidence(seeds) -> None:
    visit, g = seeds
    page = visit.page
    person = node_named(g, SEEDS_PERSON)
    page.fill("#search", SEEDS_PERSON[:2])  # a prefix: the suggestion completes it
    page.wait_for_selector("#suggestions li")
    assert SEEDS_PERSON in page.locator("#suggestions li .name").all_inner_texts()
    page.fill("#search", SEEDS_PERSON)
    page.wait_for_selector("#suggestions li")
    page.keyboard.press("Enter")
    assert page.evaluate("kgApp.network.getSelectedNodes()") == [index_of(page, SEEDS_PERSON)]
    text = page.inner_text("#panel")
    documents = g.graph["documents"]
    leads = [(v, d) for _, v, d in g.out_edges(person, data=True) if d["relation"] == "leads"]
    assert leads, f"{SEEDS_PERSON} leads nothing in the seeds graph"
    for body, data in leads:
        assert g.nodes[body]["name"] in text and data["role"] in text
        for ev in data["evidence"]:
            assert ev["text"] in text
            headline = documents[ev["doc"]]["articles"][ev["article"]]["headline"]
            assert f"{ev['doc']} · {headline}" in text
    assert visit.clean(), visit


def test_seeds_search_by_alias(seeds) -> None:
    visit, g = seeds
    page = visit.page
    page.fill("#search", "托县")
    page.wait_for_selector("#suggestions li")
    page.keyboard.press("Enter")
    assert page.evaluate("kgApp.network.getSelectedNodes()") == [index_of(page, "托克托县")]
    text = page.inner_text("#panel")
    assert "150122" in text and "呼和浩特市" in text  # adcode and the chain above it


def test_seeds_body_shows_the_place_it_is_in(seeds) -> None:
    """A body no statement places still shows the place its name carries, and the chain above."""
    visit, g = seeds
    page = visit.page
    page.evaluate("i => kgApp.choose(i)", index_of(page, SEEDS_BODY))
    chain = page.locator("#panel .chain li").all_inner_texts()
    assert chain[:2] == [SEEDS_COMMUNITY, "松州街道"] and "赤峰市" in chain, chain
    heading = (
        "Located in"
        if page.evaluate("i => kgApp.entity(i).chain.length", index_of(page, SEEDS_BODY))
        else "Named after"
    )
    assert heading in page.locator("#panel h3").all_inner_texts()
    page.click(f"#panel .chain li >> text={SEEDS_COMMUNITY}")  # each step selects its place
    assert page.evaluate("kgApp.network.getSelectedNodes()") == [index_of(page, SEEDS_COMMUNITY)]
    assert visit.clean(), visit


def test_seeds_screenshot(seeds) -> None:
    """The picture in the README: a community chosen from search, its neighbourhood and evidence."""
    visit, g = seeds
    page = visit.page
    community = node_named(g, SEEDS_COMMUNITY)
    page.fill("#search", SEEDS_COMMUNITY)
    page.wait_for_selector("#suggestions li")
    page.keyboard.press("Enter")
    page.wait_for_timeout(600)  # the focus animation
    text = page.inner_text("#panel")
    assert g.nodes[community]["mentions"][0]["text"] in text
    assert "Located in" in text
    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "seeds-graph.png"
    page.screenshot(path=str(shot))
    assert 30_000 < shot.stat().st_size < 600_000
    assert visit.clean(), visit


# --------------------------------------------------------------------------- no browser, no pass


def test_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in [
        ("true", True),
        ("1", True),
        ("yes", True),
        ("false", False),
        ("0", False),
        ("", False),
    ]:
        monkeypatch.setenv("CI", value)
        assert in_ci() is expected, value
    monkeypatch.delenv("CI")
    assert in_ci() is False


def test_chromium_missing(tmp_path: Path) -> None:
    assert "not found" in chromium_missing(str(tmp_path / "no-chromium"))
    plain = tmp_path / "chromium"
    plain.write_text("#!/bin/sh\n")
    plain.chmod(0o644)
    assert "not executable" in chromium_missing(str(plain))
    plain.chmod(0o755)
    assert chromium_missing(str(plain)) is None


def run_browser_test(env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run one browser test of this file in a fresh pytest with ``env`` over ours."""
    clean = {k: v for k, v in os.environ.items() if k not in {"CI", "KG_CHROMIUM"}}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            __file__,
            "-q",
            "-p",
            "no:cacheprovider",
            "-k",
            "test_loads_offline_without_errors",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_missing_browser_fails_in_ci(tmp_path: Path) -> None:
    run = run_browser_test({"CI": "true", "KG_CHROMIUM": str(tmp_path / "no-chromium")})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 error" in run.stdout and "skipped" not in run.stdout, run.stdout
    assert "browser tests need Chromium" in run.stdout and "no-chromium not found" in run.stdout


def test_a_missing_browser_skips_outside_ci(tmp_path: Path) -> None:
    run = run_browser_test({"KG_CHROMIUM": str(tmp_path / "no-chromium")})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 skipped" in run.stdout and "no-chromium not found" in run.stdout, run.stdout


ENSURE_CHROMIUM = ROOT / ".ci" / "ensure-chromium"


def ensure_chromium(tmp_path: Path, chromium: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """Run .ci/ensure-chromium for ``chromium`` with an apt-get that only records its call."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    called = tmp_path / "apt-get-called"
    apt = bin_dir / "apt-get"
    apt.write_text(f'#!/bin/sh\necho "$@" >> "{called}"\nexit 1\n')
    apt.chmod(0o755)
    env = {**os.environ, "KG_CHROMIUM": str(chromium), "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    run = subprocess.run(
        ["bash", str(ENSURE_CHROMIUM)], env=env, capture_output=True, text=True, timeout=60
    )
    return run, called


def test_ensure_chromium_fails_for_a_missing_browser(tmp_path: Path) -> None:
    run, apt_called = ensure_chromium(tmp_path, tmp_path / "no-chromium")
    assert run.returncode == 1
    assert "no-chromium" in run.stderr and "KG_CHROMIUM" in run.stderr
    assert not apt_called.exists()  # only Debian's own path is installed with apt


def test_ensure_chromium_accepts_an_executable(tmp_path: Path) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o644)
    run, _ = ensure_chromium(tmp_path, fake)
    assert run.returncode == 1  # there but not executable
    fake.chmod(0o755)
    run, _ = ensure_chromium(tmp_path, fake)
    assert run.returncode == 0, run.stderr


def test_a_hidden_edges_statement_opens_without_errors(sample: Visit) -> None:
    """The panel of a person links to a statement whose relation the filters hide."""
    page = sample.page
    page.uncheck('#relation-filters li[data-relation="leads"] input')
    leads = page.evaluate(
        """(() => { for (let i = 0; ; i++) { const s = kgApp.statement(i);
                    if (s.relation === "leads") return i; } })()"""
    )
    page.evaluate("id => kgApp.selectEdge(id)", leads)
    page.wait_for_selector("#panel:not([hidden])")
    assert "社区党委书记" in page.text_content("#panel")
    assert page.evaluate("kgApp.network.getSelectedEdges()") == []
    assert sample.clean, sample


# --------------------------------------------------------------------------- first sight

OVERLAP = """() => { const ls = kgApp.labels(); let n = 0;
    for (let a = 0; a < ls.length; a++) for (let b = a + 1; b < ls.length; b++) {
      const p = ls[a], q = ls[b];
      if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) n++; }
    return n; }"""


def labelled(page) -> set[str]:
    return {lab["text"] for lab in page.evaluate("kgApp.labels()")}


def test_seeds_labels_at_the_fitted_zoom_never_overlap(seeds) -> None:
    """At the first view, names are drawn, the highest places first, and none touch."""
    visit, g = seeds
    page = visit.page
    page.wait_for_timeout(200)
    labels = page.evaluate("kgApp.labels()")
    assert len(labels) >= 30, labels
    assert page.evaluate(OVERLAP) == 0
    box = page.evaluate("document.getElementById('network').getBoundingClientRect().toJSON()")
    for lab in labels:  # every label drawn lies on the canvas
        assert -110 <= lab["x"] <= box["width"] + 110 and -50 <= lab["y"] <= box["height"] + 50
    top = page.evaluate("""() => { let best = 0; for (let i = 0; i < kgApp.entityCount; i++)
        if (kgApp.entity(i).rank < kgApp.entity(best).rank) best = i;
        return kgApp.entity(best).name; }""")
    assert top in labelled(page)
    provinces = {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Province"}
    assert provinces & labelled(page)


def test_seeds_zooming_in_shows_more_labels(seeds) -> None:
    visit, g = seeds
    page = visit.page
    page.wait_for_timeout(200)
    before = labelled(page)
    scale = page.evaluate("kgApp.network.getScale()")
    page.evaluate(
        "s => { kgApp.network.moveTo({scale: s}); kgApp.network.redraw(); }", scale * 4
    )
    page.wait_for_timeout(200)
    after = labelled(page)
    assert after - before, "zooming in labelled nothing new"
    assert page.evaluate(OVERLAP) == 0
    assert visit.clean(), visit


def test_seeds_bodies_are_drawn_by_their_place(seeds) -> None:
    """kg:basedIn is drawn, and a body sits nearer its place than most of the graph."""
    visit, g = seeds
    page = visit.page
    pairs = page.evaluate("""() => { const out = [];
        for (let i = 0; i < kgApp.entityCount; i++) { const e = kgApp.entity(i);
          if (e.based !== null) out.push([i, e.based]); } return out; }""")
    assert len(pairs) >= 10
    drawn = page.evaluate("""() => kgApp.edges.get().filter(e => e.id >= kgApp.statementCount)
        .map(e => [e.from, e.to])""")
    stated = page.evaluate("""() => kgApp.edges.get().filter(e => e.id < kgApp.statementCount)
        .map(e => [e.from, e.to])""")
    joined = {tuple(p) for p in drawn} | {tuple(p) for p in stated}
    assert all(tuple(p) in joined for p in pairs)
    assert drawn, "no basedIn edge drawn"
    near = page.evaluate("""pairs => { const pos = kgApp.network.getPositions();
        const d = (a, b) => Math.hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y);
        const ids = Object.keys(pos).map(Number);
        return pairs.filter(([b, p]) => ids.filter(k => d(b, k) < d(b, p)).length
                                        < ids.length / 20).length; }""", pairs)
    assert near >= 0.8 * len(pairs), (near, len(pairs))


def test_seeds_place_panel_lists_bodies_leaders_and_mechanisms(seeds) -> None:
    visit, g = seeds
    page = visit.page
    community = node_named(g, SEEDS_COMMUNITY)
    page.evaluate("i => kgApp.choose(i)", index_of(page, SEEDS_COMMUNITY))
    text = page.inner_text("#panel")
    bodies = [n for n, d in g.nodes(data=True) if d.get("place") == community]
    assert bodies and "Bodies based here" in text
    for body in bodies:
        assert g.nodes[body]["name"] in text
        for person, _, d in g.in_edges(body, data=True):
            if d["relation"] == "leads":
                assert g.nodes[person]["name"] in text
    assert visit.clean(), visit


def test_seeds_mechanism_panel_groups_by_county(seeds) -> None:
    visit, g = seeds
    page = visit.page
    mech = max(
        (n for n, d in g.nodes(data=True) if d["type"] == "Mechanism"),
        key=lambda n: (g.in_degree(n), n),
    )
    page.evaluate("i => kgApp.choose(i)", index_of(page, g.nodes[mech]["name"]))
    heading = page.locator("#panel h3", has_text="Implemented in").inner_text()
    assert f"({g.in_degree(mech)})" in heading
    items = page.locator("#panel .by-county > li").count()
    assert items >= 1
    for implementer, _ in g.in_edges(mech):
        assert g.nodes[implementer]["name"] in page.inner_text("#panel .by-county")


# --------------------------------------------------------------------------- explore


def panel_action(page, action: str) -> None:
    page.click(f'#panel [data-action="{action}"]')


def test_hide_expand_and_show_all(sample: Visit) -> None:
    page = sample.page
    body = index_of(page, "新春社区党委")
    page.evaluate("i => kgApp.choose(i)", body)
    panel_action(page, "hide")
    assert not page.evaluate("i => kgApp.shown(i)", body)
    assert body not in page.evaluate("kgApp.network.body.nodeIndices")
    page.evaluate("i => kgApp.choose(i)", index_of(page, "新春社区"))
    page.uncheck('#type-filters li[data-type="Person"] input')
    page.evaluate("i => kgApp.choose(i)", body)  # choosing brings it back
    assert page.evaluate("i => kgApp.shown(i)", body)
    panel_action(page, "expand")  # its leader comes back though Person is off
    assert page.evaluate("i => kgApp.shown(i)", index_of(page, "张强"))
    panel_action(page, "hide")
    assert "hidden by hand" in page.inner_text("#status")
    page.click("#reset")
    assert page.evaluate("i => kgApp.shown(i)", body)
    assert sample.clean(), sample


def test_focus_on_a_neighbourhood(sample: Visit) -> None:
    page = sample.page
    page.evaluate("i => kgApp.choose(i)", index_of(page, "新春社区党委"))
    page.select_option("#focus-depth", "1")
    panel_action(page, "focus")
    names = page.evaluate("kgApp.network.body.nodeIndices.map(i => kgApp.entity(i).name)")
    assert sorted(names) == sorted(["新春社区党委", "张强", "新春社区"])
    assert "Focused on 新春社区党委 (1 step)." in page.inner_text("#status")
    page.select_option("#focus-depth", "2")
    panel_action(page, "focus")
    assert page.evaluate("kgApp.network.body.nodeIndices.length") == 5
    page.click("#reset")
    assert page.evaluate("kgApp.network.body.nodeIndices.length") == 10


def test_shortest_path_between_two_entities(sample: Visit) -> None:
    page = sample.page
    page.evaluate("i => kgApp.choose(i)", index_of(page, "张强"))
    panel_action(page, "path-from")
    page.evaluate("i => kgApp.choose(i)", index_of(page, "四议两公开"))
    panel_action(page, "path-to")
    steps = page.locator("#panel .path li").all_inner_texts()
    names = [s.split(" ")[0] for s in steps]
    assert names == [
        "张强",
        "新春社区党委",
        "新春社区",
        "迎新路街道",
        "新城区",
        "呼和浩特市",
        "托克托县",
        "双河镇",
        "四议两公开",
    ]
    assert "Shortest path (8 steps)" in page.inner_text("#panel")
    assert sample.clean(), sample


def test_place_panel_counts_mechanisms_below(sample: Visit) -> None:
    page = sample.page
    page.evaluate("i => kgApp.choose(i)", index_of(page, "呼和浩特市"))
    text = page.inner_text("#panel")
    assert "Mechanisms implemented here and below (2)" in text
    assert "网格化管理" in text and "四议两公开" in text
    page.evaluate("i => kgApp.choose(i)", index_of(page, "新春社区"))
    text = page.inner_text("#panel")
    assert "Mechanisms implemented here and below (1)" in text
    assert "Bodies based here (1)" in text and "张强" in text and "社区党委书记" in text
    page.evaluate("i => kgApp.choose(i)", index_of(page, "四议两公开"))
    assert page.locator("#panel .by-county > li").all_inner_texts()[0].startswith("托克托县")


def test_place_tree_is_labelled_and_collapsible(sample: Visit) -> None:
    page = sample.page
    tree = page.locator("#place-tree")
    assert tree.locator(":scope > li").all_inner_texts()[0].startswith("呼和浩特市")
    assert tree.locator("details").first.get_attribute("open") is not None
    counties = tree.locator(":scope > li > details > ul > li")
    assert sorted(c.split(" ")[0] for c in counties.all_inner_texts()) == ["托克托县", "新城区"]
    county = tree.locator("summary", has_text="新城区")
    county.click()  # opens the next level (filled in when it opens)
    tree.get_by_role("button", name="迎新路街道").wait_for(state="visible", timeout=5000)
    tree.locator("summary", has_text="呼和浩特市").click()  # closes the whole city
    tree.get_by_role("button", name="新城区").wait_for(state="hidden", timeout=5000)
    tree.locator("summary", has_text="呼和浩特市").click()
    tree.get_by_role("button", name="新城区").click()
    assert page.evaluate("kgApp.network.getSelectedNodes()") == [index_of(page, "新城区")]


# --------------------------------------------------------------------------- table


def test_table_sorts_filters_and_opens_the_panel(sample: Visit) -> None:
    page = sample.page
    page.click("#tab-table")
    assert page.locator("#network").is_hidden()
    rows = page.locator("#table tbody tr")
    assert rows.count() == 10
    page.click('#table th[data-key="confidence"] button')
    page.click('#table th[data-key="confidence"] button')  # descending
    first = rows.first.locator("td").all_inner_texts()
    assert first[0] == "呼和浩特市" and first[3] == "0.99"
    page.fill("#table-filter", "社区")
    assert sorted(r.split("\t")[0] for r in rows.all_inner_texts()) == ["新春社区", "新春社区党委"]
    rows.first.click()
    assert "Bodies based here" in page.inner_text("#panel") or "新春社区" in page.inner_text("#panel h2")
    page.click("#table-facts")
    page.fill("#table-filter", "")
    assert rows.count() == 9
    page.fill("#table-filter", "leads")
    rows.first.click()
    assert "社区党委书记" in page.inner_text("#panel")
    page.uncheck('#type-filters li[data-type="Person"] input')
    assert rows.count() == 0  # the table follows the filters
    assert sample.clean(), sample


# --------------------------------------------------------------------------- hash, picture


def test_hash_round_trip(browser, sample: Visit) -> None:
    page = sample.page
    page.uncheck('#type-filters li[data-type="Mechanism"] input')
    page.select_option("#colour-by", "confidence")
    page.select_option("#size-by", "documents")
    page.evaluate("i => kgApp.choose(i)", index_of(page, "新春社区党委"))
    page.wait_for_timeout(150)
    url = page.url
    assert "#" in url and "hide=Mechanism" in url and "colour=confidence" in url
    again = browser.new_page(viewport={"width": 1400, "height": 860})
    again.goto(url)
    again.wait_for_function(SETTLED)
    assert again.is_checked('#type-filters li[data-type="Mechanism"] input') is False
    assert again.input_value("#colour-by") == "confidence"
    assert again.input_value("#size-by") == "documents"
    assert again.evaluate("kgApp.network.getSelectedNodes()") == [index_of(again, "新春社区党委")]
    assert "新春社区党委" in again.inner_text("#panel h2")
    types = again.evaluate("kgApp.network.body.nodeIndices.map(i => kgApp.entity(i).type)")
    assert "Mechanism" not in types
    again.wait_for_timeout(150)
    assert again.evaluate("kgApp.hash()") == page.evaluate("kgApp.hash()")
    again.close()


def test_png_download_has_the_view_and_its_legend(sample: Visit) -> None:
    page = sample.page
    with page.expect_download() as info:
        page.click("#save-png")
    download = info.value
    assert download.suggested_filename == "graph.png"
    data = Path(download.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    width = int.from_bytes(data[16:20], "big")
    canvas = page.evaluate("document.querySelector('#network canvas').width")
    assert width > canvas  # the canvas and, beside it, the legend
    assert sample.clean(), sample


# --------------------------------------------------------------------------- province scale


def province_graph(cities: int = 3, counties: int = 4, towns: int = 12, villages: int = 15):
    """A made-up province big enough to be clustered: cities, counties, towns, villages."""
    entities = [Entity("Province/900000", "Province", "测试自治区", confidence=1.0)]
    relations = []
    ev = Evidence("p001", 0, 0, 8, "测试用的一句话。", "test", 0)
    for c in range(cities):
        city = f"City/9{c:02d}"
        entities.append(Entity(city, "City", f"第{c}市", confidence=0.9, mentions=[ev]))
        relations.append(Relation(city, "locatedIn", "Province/900000", confidence=0.9))
        for k in range(counties):
            county = f"County/9{c:02d}{k:02d}"
            entities.append(Entity(county, "County", f"第{c}市{k}县", confidence=0.9))
            relations.append(Relation(county, "locatedIn", city, confidence=0.9))
            for t in range(towns):
                town = f"Town/{county[7:]}/{t}镇"
                entities.append(Entity(town, "Town", f"{c}-{k}-{t}镇", confidence=0.8))
                relations.append(Relation(town, "locatedIn", county, confidence=0.8))
                for v in range(villages):
                    village = f"Village/{county[7:]}/{t}镇/{v}村"
                    name = f"{c}-{k}-{t}镇{v}村"
                    entities.append(Entity(village, "Village", name, confidence=0.7))
                    relations.append(Relation(village, "locatedIn", town, confidence=0.7))
    return build_graph(entities, relations, [])


@pytest.fixture(scope="module")
def province(browser, tmp_path_factory) -> Iterator[Visit]:
    g = province_graph()
    assert g.number_of_nodes() > CLUSTER_THRESHOLD
    visit = open_graph(browser, g, tmp_path_factory.mktemp("province") / "graph.html")
    yield visit
    visit.page.close()


def test_province_opens_clustered_and_a_click_opens_a_cluster(province: Visit) -> None:
    page = province.page
    clusters = page.evaluate("kgApp.clusters()")
    shown = [c for c in clusters if c["shown"]]
    assert [c["name"] for c in shown] == ["第0市", "第1市", "第2市"]  # one bubble per city
    assert page.evaluate("kgApp.network.body.nodeIndices.length") == 1 + 3  # province + bubbles
    assert "第0市 (" in " ".join(labelled(page))  # bubbles are labelled with their size
    bubble = shown[0]["id"]
    point = node_point(page, bubble)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("id => !kgApp.shown(id)", arg=bubble)
    names = page.evaluate("kgApp.network.body.nodeIndices.map(i => kgApp.entity(i) && kgApp.entity(i).name)")
    assert "第0市" in names  # the city itself, and its counties as bubbles
    counties = [c for c in page.evaluate("kgApp.clusters()") if c["shown"] and "县" in c["name"]]
    assert len(counties) == 4
    assert page.evaluate(OVERLAP) == 0
    assert province.clean(), province


def test_province_zooming_in_opens_a_cluster(province: Visit) -> None:
    page = province.page
    page.click("#collapse")
    page.evaluate("kgApp.openCluster(kgApp.clusters().findIndex(c => c.name === '第1市'))")
    county = next(c for c in page.evaluate("kgApp.clusters()") if c["name"] == "第1市2县")
    assert county["shown"] and not county["open"]
    page.evaluate(
        """id => { const p = kgApp.network.getPositions([id])[id];
                   kgApp.network.moveTo({position: p, scale: 2.5});
                   kgApp.network.emit("zoom", {}); }""",
        county["id"],
    )
    page.wait_for_function("id => !kgApp.shown(id)", arg=county["id"], timeout=5000)
    assert page.evaluate("kgApp.nodes.length") > 100
    assert province.clean(), province


def test_province_search_opens_the_cluster_of_the_hit(province: Visit) -> None:
    page = province.page
    page.click("#collapse")
    page.fill("#search", "2-3-11镇14村")
    page.wait_for_selector("#suggestions li")
    page.keyboard.press("Enter")
    hit = index_of(page, "2-3-11镇14村")
    assert page.evaluate("kgApp.network.getSelectedNodes()") == [hit]
    assert page.evaluate("i => kgApp.shown(i)", hit)
    assert "2-3-11镇" in page.inner_text("#panel")
    assert province.clean(), province


# --------------------------------------------------------------------------- hostile names


def test_hostile_names_stay_text_everywhere(browser, tmp_path: Path) -> None:
    """Labels, table, place tree, panels, path, the hash and the picture with hostile names."""
    g = hostile_graph()
    visit = open_graph(browser, g, tmp_path / "hostile.html")
    page = visit.page
    page.wait_for_timeout(200)
    assert {lab["text"] for lab in page.evaluate("kgApp.labels()")} >= {HOSTILE["name_img"]}
    n = page.evaluate("kgApp.entityCount")
    page.evaluate("i => kgApp.choose(i)", 0)
    panel_action(page, "path-from")
    page.evaluate("i => kgApp.choose(i)", n - 1)
    panel_action(page, "path-to")
    panel_action(page, "focus")
    panel_action(page, "expand")
    for d in page.locator("#place-tree details").all():
        d.evaluate("d => { d.open = true; }")
    page.click("#tab-table")
    page.click("#table-facts")
    page.click("#table-entities")
    page.locator("#table tbody tr").first.click()
    url = page.url
    with page.expect_download():
        page.click("#save-png")
    again = browser.new_page()
    again.goto(url)
    again.wait_for_function(SETTLED)
    again.wait_for_timeout(200)
    for p in (page, again):
        assert p.evaluate("typeof window.__pwned") == "undefined"
        assert p.evaluate("document.querySelectorAll('img, iframe, svg[onload], a').length") == 0
    assert again.locator("#table-view").is_visible()  # the hash reopened the table view
    assert HOSTILE["name_img"] in page.text_content("#table")
    assert HOSTILE["separators"] in page.text_content("#place-tree")
    assert visit.clean(), visit
    again.close()
    page.close()


# --------------------------------------------------------------------------- dates (issue 16)


@pytest.fixture()
def dated(browser, dated_build) -> Iterator[tuple[Visit, nx.MultiDiGraph]]:
    """The page ``kg build`` wrote for the dated corpus of ``test_html``, with its graph."""
    result, out = dated_build
    visit = open_page(browser, out / "graph.html")
    yield visit, result.graph
    visit.page.close()


def drawn(page) -> tuple[set, set]:
    """The entities and statements on the canvas, by name, as :func:`kept_by_dates` gives them."""
    entities = page.evaluate("kgApp.network.body.nodeIndices.map(i => kgApp.entity(i).name)")
    statements = page.evaluate(
        """kgApp.network.body.edgeIndices.filter(i => i < kgApp.statementCount).map(i => {
             const s = kgApp.statement(i);
             return [kgApp.entity(s.s).name, s.relation, kgApp.entity(s.o).name]; })"""
    )
    return set(entities), {tuple(s) for s in statements}


def set_range(page, start: str, end: str) -> None:
    page.fill("#date-from", start)
    page.fill("#date-to", end)


def test_date_range_keeps_the_facts_dated_in_it(dated) -> None:
    visit, g = dated
    page = visit.page
    everything = kept_by_dates(g, "0000-01-01", "9999-12-31", undated=True)
    assert drawn(page) == everything and len(everything[1]) == g.number_of_edges()
    assert page.locator("#date-controls").is_visible()
    assert "5 dated documents, 2022-05-10 – 2024-09-01; 1 undated." in page.inner_text("#date-note")
    set_range(page, "2024-01-01", "2024-12-31")
    in_2024 = kept_by_dates(g, "2024-01-01", "2024-12-31", undated=True)
    assert drawn(page) == in_2024
    assert {"孔令川", "何立新", "俞晓岚", "民情恳谈会", "前童镇", "说事长廊"} <= in_2024[0]
    assert "方卫东" not in in_2024[0] and ("前童镇", "implements", "说事长廊") not in in_2024[1]
    page.uncheck("#date-undated")
    dated_only = kept_by_dates(g, "2024-01-01", "2024-12-31", undated=False)
    assert drawn(page) == dated_only and "俞晓岚" not in dated_only[0] and "说事长廊" not in dated_only[0]
    assert f"of {g.number_of_edges()} relations" in page.inner_text("#status")
    page.click('#date-years button[data-year="2023"]')
    assert page.input_value("#date-from") == "2023-01-01" and page.input_value("#date-to") == "2023-12-31"
    in_2023 = kept_by_dates(g, "2023-01-01", "2023-12-31", undated=False)
    assert drawn(page) == in_2023 and ("前童镇", "implements", "说事长廊") in in_2023[1]
    assert "孔令川" not in in_2023[0]
    assert page.get_attribute('#date-years button[data-year="2023"]', "aria-pressed") == "true"
    # the facts table follows the range
    page.click("#tab-table")
    page.click("#table-facts")
    rows = page.locator("#table tbody tr").count()
    assert rows == len(in_2023[1])
    page.click("#tab-graph")
    page.click("#date-all")
    assert drawn(page) == everything and page.is_checked("#date-undated")
    assert visit.clean(), visit


def test_date_range_round_trips_through_the_hash(browser, dated) -> None:
    visit, g = dated
    page = visit.page
    set_range(page, "2024-01-01", "2024-12-31")
    page.uncheck("#date-undated")
    page.evaluate("i => kgApp.choose(i)", index_of(page, "孔令川"))
    page.wait_for_timeout(150)
    url = page.url
    for part in ("from=2024-01-01", "to=2024-12-31", "undated=0", "node="):
        assert part in url, part
    again = browser.new_page(viewport={"width": 1400, "height": 860})
    errors: list[str] = []
    again.on("pageerror", lambda e: errors.append(str(e)))
    again.goto(url)
    again.wait_for_function(SETTLED)
    assert again.input_value("#date-from") == "2024-01-01" and again.input_value("#date-to") == "2024-12-31"
    assert again.is_checked("#date-undated") is False
    assert drawn(again) == drawn(page) == kept_by_dates(g, "2024-01-01", "2024-12-31", undated=False)
    assert "孔令川" in again.inner_text("#panel h2")
    again.wait_for_timeout(150)
    assert again.evaluate("kgApp.hash()") == page.evaluate("kgApp.hash()")
    # nonsense in the hash is ignored, not obeyed
    again.goto(url.split("#")[0] + "#from=yesterday&to=2024-13-99<b>")
    again.reload()
    again.wait_for_function(SETTLED)
    assert again.input_value("#date-from") == "" and drawn(again)[1] == kept_by_dates(g, "0", "9", undated=True)[1]
    assert not errors, errors
    again.close()


def test_each_evidence_sentence_shows_its_date_and_title(dated) -> None:
    visit, _ = dated
    page = visit.page
    page.evaluate("i => kgApp.choose(i)", index_of(page, "孔令川"))
    cites = page.locator("#panel .evidence cite").all_text_contents()
    assert cites and all(c == "2024-06-18 · news#3 · " + HOSTILE_TITLE for c in cites), cites
    assert page.get_attribute("#panel .evidence cite time >> nth=0", "datetime") == "2024-06-18"
    page.evaluate("i => kgApp.choose(i)", index_of(page, "何立新"))
    cites = page.locator("#panel .evidence cite").all_text_contents()
    assert cites and all(c == "2024-03-05 · page-0305 · " + DATED_PAGE_TITLE for c in cites), cites
    page.evaluate("i => kgApp.choose(i)", index_of(page, "俞晓岚"))
    cites = page.locator("#panel .evidence cite").all_text_contents()
    assert cites and all(c == "undated · news#4 · 分水镇说事长廊" for c in cites), cites
    # with a range, the sentences outside it are dimmed, those inside are not
    set_range(page, "2024-01-01", "2024-12-31")
    page.evaluate("i => kgApp.choose(i)", index_of(page, "民情恳谈会"))
    out = page.locator("#panel .evidence li.out-of-range cite").all_text_contents()
    inside = page.locator("#panel .evidence li:not(.out-of-range) cite").all_text_contents()
    assert out and all(c.startswith("2022-05-10") for c in out)
    assert inside and all(c.startswith("2024-") for c in inside)
    # a statement's panel too
    leads = page.evaluate(
        """(() => { for (let i = 0; i < kgApp.statementCount; i++) { const s = kgApp.statement(i);
                    if (s.relation === "leads" && kgApp.entity(s.s).name === "何立新") return i; } })()"""
    )
    page.evaluate("i => kgApp.selectEdge(i)", leads)
    assert "2024-03-05 · page-0305 · " + DATED_PAGE_TITLE in page.text_content("#panel")
    assert visit.clean(), visit


def test_a_hostile_title_stays_text(dated) -> None:
    visit, _ = dated
    page = visit.page
    n = page.evaluate("kgApp.entityCount")
    for i in range(n):  # every panel and every tooltip shows a sentence with its title
        page.evaluate("i => kgApp.choose(i)", i)
    page.click("#date-all")
    page.evaluate("kgApp.network.fit({animation: false})")
    for i in range(n):
        point = node_point(page, i)
        page.mouse.move(point["x"], point["y"])
        page.wait_for_selector("#tooltip:not([hidden])")
        page.mouse.move(1, 1)
    page.evaluate("i => kgApp.choose(i)", index_of(page, "孔令川"))
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, a').length") == 0
    assert HOSTILE_TITLE in page.text_content("#panel")
    assert visit.clean(), visit


def test_a_search_hit_outside_the_range_clears_it(dated) -> None:
    visit, _ = dated
    page = visit.page
    set_range(page, "2024-01-01", "2024-12-31")
    assert "方卫东" not in drawn(page)[0]
    page.fill("#search", "方卫东")
    page.wait_for_selector("#suggestions li")
    page.keyboard.press("Enter")
    assert "方卫东" in drawn(page)[0] and page.input_value("#date-from") == ""
    assert visit.clean(), visit


def test_a_graph_without_dates_has_no_date_control(browser, sample: Visit) -> None:
    page = sample.page
    assert page.locator("#date-controls").is_hidden()
    assert "No document has a date" in page.inner_text("#date-note")
    page.evaluate("i => kgApp.choose(i)", index_of(page, "张强"))
    assert page.locator("#panel .evidence cite").all_text_contents() == ["d001 · 新城区：党建引领基层治理见实效"] * 2
    n = page.evaluate("kgApp.network.body.nodeIndices.length")
    again = browser.new_page()
    again.goto(page.url.split("#")[0] + "#from=2024-01-01&undated=0")
    again.wait_for_function(SETTLED)
    assert again.evaluate("kgApp.network.body.nodeIndices.length") == n  # the range is ignored
    assert "from=" not in again.evaluate("kgApp.hash()")
    again.close()
    assert sample.clean(), sample
