"""How fast the HTML view draws and settles, against pyvis's default page, in headless Chromium.

    .venv/bin/python benchmarks/bench_html.py [GRAPH.ttl|GRAPH.json ...] [--nodes 5000 --edges 10000]

For each graph (a synthetic one of 5,000 nodes and 10,000 edges, built deterministically,
plus any graph given on the command line) it opens two pages offline:

* ours: :func:`kg.export.html.render_html`;
* the baseline: a pyvis ``Network`` of the same nodes and edges with pyvis's own template,
  ``cdn_resources="in_line"``, physics on, no cap (its Bootstrap requests are aborted).

and prints, in milliseconds from navigation start: the first frame vis-network drew, the
moment the layout settled (for ours: physics switched off; for the baseline: vis-network's
``stabilized`` event), and for ours how long choosing a search hit takes to select the node
and fill the panel.  Reading ``.ttl`` needs ``kg.export.rdf.read_graph``; ``.json`` is
networkx node-link data.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.export.html import render_html
from kg.graph import build_graph
from kg.model import Article, Document, Entity, Evidence, Relation

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

#: Catches vis-network's Network class as the inlined library defines it, and records the
#: first frame and the settling events of every network the page makes.  Works for both
#: pages without touching either.
HOOK = """
(() => {
  const marks = (window.__bench = { firstDraw: null, iterationsDone: null, stabilized: null });
  const watch = (net) => {
    net.once("afterDrawing", () => { marks.firstDraw = marks.firstDraw ?? performance.now(); });
    net.on("stabilizationIterationsDone", () => { marks.iterationsDone = performance.now(); });
    net.on("stabilized", () => { marks.stabilized = marks.stabilized ?? performance.now(); });
  };
  const wrap = (Original) => {
    function Network(...args) { const net = new Original(...args); watch(net); return net; }
    Network.prototype = Original.prototype;
    return Network;
  };
  let visObject;
  Object.defineProperty(window, "vis", {
    configurable: true,
    get() { return visObject; },
    set(value) {
      let network = value.Network ? wrap(value.Network) : undefined;
      Object.defineProperty(value, "Network", {
        configurable: true, enumerable: true,
        get() { return network; },
        set(N) { network = wrap(N); },
      });
      visObject = value;
    },
  });
})();
"""


# --------------------------------------------------------------------------- graphs


def synthetic_graph(
    n_nodes: int = 5000, n_edges: int = 10000, seed: int = 20240501
) -> nx.MultiDiGraph:
    """A place tree with organisations, people and mechanisms hung on it, always the same.

    Shaped like ours: about 60% places (a province, cities, counties, towns, communities),
    then organisations located in places, people leading them, and practices implemented;
    extra ``leads``/``implements`` edges bring the total up to ``n_edges``.
    """
    rng = random.Random(seed)
    doc = Document("synthetic", "synthetic.txt", "", [Article(0, "合成数据：基层治理")])
    ev = lambda i: Evidence("synthetic", i, 0, 10, f"第{i}句：合成的证据句子。", "bench")  # noqa: E731
    shares = [
        ("City", 0.004),
        ("County", 0.03),
        ("Town", 0.12),
        ("Community", 0.45),
        ("Organization", 0.2),
        ("Person", 0.16),
    ]
    entities = [
        Entity("Province/150000", "Province", "内蒙古自治区", adcode="150000", confidence=1.0)
    ]
    for t, share in shares:
        entities += [
            Entity(f"{t}/{i:05d}", t, f"{t[:2]}{i:05d}", confidence=round(rng.uniform(0.3, 1), 2))
            for i in range(int(n_nodes * share))
        ]
    entities += [
        Entity(
            f"Mechanism/{i:05d}",
            "Mechanism",
            f"机制{i:05d}",
            confidence=round(rng.uniform(0.3, 1), 2),
        )
        for i in range(n_nodes - len(entities))
    ]
    by_type: dict[str, list[str]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e.id)
    parent = {
        "City": "Province",
        "County": "City",
        "Town": "County",
        "Community": "Town",
        "Organization": "Community",
    }
    facts: set[tuple[str, str, str]] = set()
    for child, up in parent.items():
        facts |= {(c, "locatedIn", rng.choice(by_type[up])) for c in by_type[child]}
    facts |= {(p, "leads", rng.choice(by_type["Organization"])) for p in by_type["Person"]}
    while len(facts) < n_edges:
        if rng.random() < 0.5:
            facts.add((rng.choice(by_type["Person"]), "leads", rng.choice(by_type["Organization"])))
        else:
            facts.add(
                (
                    rng.choice(by_type["Organization"]),
                    "implements",
                    rng.choice(by_type["Mechanism"]),
                )
            )
    relations = [
        Relation(
            s,
            p,
            o,
            role="书记" if p == "leads" else None,
            confidence=round(rng.uniform(0.3, 1), 2),
            evidence=[ev(i)],
        )
        for i, (s, p, o) in enumerate(sorted(facts))
    ]
    return build_graph(entities, relations, [doc])


def load_graph(path: Path) -> nx.MultiDiGraph:
    """A graph from Turtle (through kg.export.rdf, when it exists) or node-link JSON."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        edges = "links" if "links" in data else "edges"
        return nx.node_link_graph(data, directed=True, multigraph=True, edges=edges)
    try:
        from kg.export.rdf import read_graph  # written by another change; optional here
    except ImportError as e:
        raise SystemExit(f"{path}: reading Turtle needs kg.export.rdf.read_graph ({e})") from e
    return read_graph(path)


# --------------------------------------------------------------------------- pages


def baseline_html(g: nx.MultiDiGraph) -> str:
    """pyvis as shipped: its template, inline vis-network, physics on, every node."""
    net = Network(directed=True, cdn_resources="in_line")
    simple = nx.DiGraph()
    for n, d in g.nodes(data=True):
        simple.add_node(n, label=d.get("name", n), group=d.get("type", ""), title=d.get("type", ""))
    for u, v, d in g.edges(data=True):
        simple.add_edge(u, v, title=d.get("relation", ""))
    net.from_nx(simple)
    return net.generate_html()


@dataclass
class Figures:
    first_draw: float | None
    settled: float | None
    choose: float | None
    blocked: int
    errors: int


def measure(browser, html: str, *, ours: bool, timeout_s: float) -> Figures:
    """Open ``html`` offline and wait for the layout to settle, or for ``timeout_s``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        blocked: list[str] = []
        errors: list[str] = []

        def route(r) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.add_init_script(HOOK)
        page.goto(path.as_uri(), timeout=timeout_s * 1000)
        settled_js = (
            "() => window.kgApp && kgApp.timings.settled !== null"
            if ours
            else "() => window.__bench.stabilized !== null"
        )
        try:
            page.wait_for_function(settled_js, timeout=timeout_s * 1000, polling=50)
        except Exception:  # noqa: BLE001 - a page that never settles is a figure, not an error
            pass
        marks = page.evaluate("() => window.__bench")
        settled = page.evaluate("() => kgApp.timings.settled") if ours else marks["stabilized"]
        choose = _choose_latency(page) if ours and settled is not None else None
        page.close()
    return Figures(marks["firstDraw"], settled, choose, len(blocked), len(errors))


def _choose_latency(page) -> float:
    """Milliseconds from choosing a search hit to the next frame with the panel filled."""
    return page.evaluate(
        """() => new Promise((done) => {
            const hit = kgApp.search(kgApp.entity(0).name)[0];
            const t0 = performance.now();
            kgApp.choose(hit);
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const filled = !document.getElementById("panel").hidden;
              done(filled ? performance.now() - t0 : -1);
            }));
        })"""
    )


# --------------------------------------------------------------------------- report


def _ms(value: float | None, timeout_s: float) -> str:
    return f">{timeout_s * 1000:,.0f}" if value is None else f"{value:,.0f}"


def _ratio(baseline: float | None, ours: float | None) -> str:
    if ours is None or ours <= 0:
        return "n/a"
    if baseline is None:
        return "baseline not done before the timeout"
    return (
        f"{baseline / ours:.1f}x faster" if baseline >= ours else f"{ours / baseline:.1f}x slower"
    )


def bench(browser, name: str, g: nx.MultiDiGraph, timeout_s: float) -> None:
    t0 = time.perf_counter()
    ours_html = render_html(g)
    t_render = time.perf_counter() - t0
    t0 = time.perf_counter()
    base_html = baseline_html(g)
    t_base = time.perf_counter() - t0
    ours = measure(browser, ours_html, ours=True, timeout_s=timeout_s)
    base = measure(browser, base_html, ours=False, timeout_s=timeout_s)
    print(f"\n{name}: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges")
    print(
        f"  HTML generation (Python)   ours {t_render:6.2f} s ({len(ours_html) / 1e6:.1f} MB)"
        f"   pyvis default {t_base:6.2f} s ({len(base_html) / 1e6:.1f} MB)"
    )
    print(f"  {'ms from navigation':26} {'ours':>10} {'pyvis default':>14}  ratio")
    print(
        f"  {'first render':26} {_ms(ours.first_draw, timeout_s):>10} "
        f"{_ms(base.first_draw, timeout_s):>14}  {_ratio(base.first_draw, ours.first_draw)}"
    )
    print(
        f"  {'layout settled':26} {_ms(ours.settled, timeout_s):>10} "
        f"{_ms(base.settled, timeout_s):>14}  {_ratio(base.settled, ours.settled)}"
    )
    choose = "n/a" if ours.choose is None else f"{ours.choose:,.0f}"
    print(f"  {'search hit -> panel':26} {choose:>10} {'(no search)':>14}")
    print(
        f"  requests blocked: ours {ours.blocked}, pyvis default {base.blocked};"
        f" page errors: ours {ours.errors}, pyvis default {base.errors}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graphs", nargs="*", type=Path, help=".ttl or node-link .json graphs")
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait per page")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    graphs = [(f"synthetic {args.nodes}/{args.edges}", synthetic_graph(args.nodes, args.edges))]
    graphs += [(str(p), load_graph(p)) for p in args.graphs]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, g in graphs:
                bench(browser, name, g, args.timeout)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
