"""The HTML view in a real browser: Debian's Chromium, headless, with the network cut off.

Every request that is not a ``file:`` URL is aborted and counted, so a page that tried to
fetch anything fails here even though the machine has no network to notice it.  Without
Chromium these tests skip locally and fail when ``CI`` is set (a missing browser must never
pass in CI).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import write_html

try:  # tests/ as a package (tests/__init__.py) or as a plain folder on sys.path
    from tests.test_html import HOSTILE, ZHANG_SENTENCE, hostile_graph, sample_graph
except ImportError:
    from test_html import HOSTILE, ZHANG_SENTENCE, hostile_graph, sample_graph

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
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
# Predicates are functions, not strings: Playwright polls a string with eval(), which the
# page's Content-Security-Policy (rightly) refuses.
SETTLED = "() => window.kgApp && kgApp.timings.settled !== null"


def _unavailable(reason: str) -> None:
    message = f"browser tests need Chromium: {reason} (apt-get install chromium; no download)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # pragma: no cover - depends on the machine
        _unavailable(f"Playwright for Python is not installed ({e})")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _unavailable(f"{CHROMIUM} not found")
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
            const pos = net.getPositions([s.s, s.o]);
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
    shot = OUTPUT / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_place_tree_layout_and_rerun_settle_again(sample: Visit) -> None:
    page = sample.page
    page.check("#hierarchical")
    page.wait_for_function("() => document.documentElement.dataset.layout === 'settled'")
    y = page.evaluate("() => kgApp.network.getPositions()")
    city, county = index_of(page, "呼和浩特市"), index_of(page, "新城区")
    assert y[str(city)]["y"] < y[str(county)]["y"]  # parents above children
    page.uncheck("#hierarchical")
    page.wait_for_function("() => document.documentElement.dataset.layout === 'settled'")
    page.click("#rerun")
    page.wait_for_function("() => document.documentElement.dataset.layout === 'settled'")
    assert page.evaluate("() => kgApp.network.physics.physicsEnabled") is False
    assert sample.clean(), sample
