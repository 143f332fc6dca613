"""How fast the HTML view opens and answers, against pyvis's default page, in headless Chromium.

    .venv/bin/python benchmarks/bench_html.py [--real ../shared/real/texts] [--sizes 20000 100000]
                                              [GRAPH.ttl|GRAPH.json ...]

The graphs are made from a real corpus: ``kg build`` runs once over ``--real`` (the
72-document development corpus by default), and the graph it gives is replicated with
renamed copies (every entity but the provinces gets a copy number in its key and name, so
the copies hang under the same provinces, as a province's many cities and counties do)
until it holds each of ``--sizes`` entities.  Graphs given on the command line are added.

For each graph it opens our page (:func:`kg.export.html.render_html`) offline and prints,
in milliseconds from navigation start, the first useful render (the first frame drawn,
labels included: positions come with the page), the time from choosing a search hit to
the next frame with the panel filled, and how many entities and cluster bubbles the first
view draws.  For graphs up to ``--baseline-max`` entities it also opens the baseline, a
pyvis ``Network`` of the same nodes and edges with pyvis's own template,
``cdn_resources="in_line"``, physics on (its Bootstrap requests are aborted), and prints
its first frame and the moment vis-network said it had stabilised.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.export.html import render_html

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


def real_graph(texts: Path) -> nx.MultiDiGraph:
    """``kg build`` over ``texts`` once, into a temporary folder; the graph it made."""
    from kg.pipeline import build

    with tempfile.TemporaryDirectory() as out:
        return build([texts], out, cache=False).graph


def _renamed(node: str, copy: int) -> str:
    kind, _, rest = node.partition("/")
    return f"{kind}/c{copy}.{rest}" if rest else f"c{copy}.{node}"


def replicate(g: nx.MultiDiGraph, n_entities: int) -> nx.MultiDiGraph:
    """Copies of ``g`` until it holds at least ``n_entities``; provinces are shared.

    Copy ``k`` renames every other entity's key (``City/c3.150100``) and name (``呼和浩特市·3``)
    and carries its attributes, statements and evidence over, so the result is shaped like
    the real graph, only bigger.
    """
    shared = sum(1 for _, t in g.nodes(data="type") if t == "Province")
    per_copy = max(1, g.number_of_nodes() - shared)
    copies = max(1, math.ceil((n_entities - shared) / per_copy))
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    for copy in range(copies):

        def name(node: str, copy: int = copy) -> str:
            if copy == 0 or g.nodes[node].get("type") == "Province":
                return node
            return _renamed(node, copy)

        for node, data in g.nodes(data=True):
            new = name(node)
            if new in out:
                continue
            d = dict(data)
            if copy and d.get("type") != "Province":
                d["name"] = f"{d.get('name', '')}·{copy}"
                d["aliases"] = [f"{a}·{copy}" for a in d.get("aliases", [])]
                if d.get("place") is not None:
                    d["place"] = name(d["place"])
            out.add_node(new, **d)
        for u, v, k, data in g.edges(keys=True, data=True):
            out.add_edge(name(u), name(v), key=k, **data)
    return out


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
    drawn: tuple[int, int] | None = None  # entities and cluster bubbles in the first view


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
        drawn = None
        if ours and settled is not None:
            drawn = tuple(page.evaluate("() => kgApp.drawnAtFirstView"))
        page.close()
    return Figures(marks["firstDraw"], settled, choose, len(blocked), len(errors), drawn)


def _choose_latency(page) -> float:
    """Milliseconds from choosing a search hit to the next frame with the panel filled."""
    return page.evaluate(
        """() => new Promise((done) => {
            const last = kgApp.entity(kgApp.entityCount - 1);
            const hit = kgApp.search(last.name)[0];
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


def bench(browser, name: str, g: nx.MultiDiGraph, timeout_s: float, baseline: bool) -> None:
    t0 = time.perf_counter()
    ours_html = render_html(g)
    t_render = time.perf_counter() - t0
    ours = measure(browser, ours_html, ours=True, timeout_s=timeout_s)
    base = None
    if baseline:
        t0 = time.perf_counter()
        base_html = baseline_html(g)
        t_base = time.perf_counter() - t0
        base = measure(browser, base_html, ours=False, timeout_s=timeout_s)
    print(f"\n{name}: {g.number_of_nodes():,} entities, {g.number_of_edges():,} statements")
    line = f"  HTML generation (Python)   ours {t_render:6.2f} s ({len(ours_html) / 1e6:.1f} MB)"
    if base is not None:
        line += f"   pyvis default {t_base:6.2f} s ({len(base_html) / 1e6:.1f} MB)"
    print(line)
    other = "pyvis default" if base is not None else "(no baseline)"
    print(f"  {'ms from navigation':26} {'ours':>10} {other:>14}  ratio")
    b_first = base.first_draw if base else None
    b_settled = base.settled if base else None
    print(
        f"  {'first useful render':26} {_ms(ours.first_draw, timeout_s):>10} "
        f"{_ms(b_first, timeout_s) if base else '':>14}  "
        f"{_ratio(b_first, ours.first_draw) if base else ''}"
    )
    print(
        f"  {'layout settled':26} {_ms(ours.settled, timeout_s):>10} "
        f"{_ms(b_settled, timeout_s) if base else '':>14}  "
        f"{_ratio(b_settled, ours.settled) if base else ''}"
    )
    choose = "n/a" if ours.choose is None else f"{ours.choose:,.0f}"
    print(f"  {'search hit -> panel':26} {choose:>10} {'(no search)' if base else '':>14}")
    if ours.drawn:
        print(f"  first view draws {ours.drawn[0]:,} entities and {ours.drawn[1]:,} cluster bubbles")
    print(
        f"  requests blocked: ours {ours.blocked}"
        + (f", pyvis default {base.blocked}" if base else "")
        + f"; page errors: ours {ours.errors}"
        + (f", pyvis default {base.errors}" if base else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graphs", nargs="*", type=Path, help=".ttl or node-link .json graphs")
    parser.add_argument("--real", type=Path, default=Path("../shared/real/texts"),
                        help="the corpus to build and replicate")
    parser.add_argument("--sizes", type=int, nargs="*", default=[20_000, 100_000])
    parser.add_argument("--baseline-max", type=int, default=5_000,
                        help="open pyvis's default page only for graphs up to this size")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait per page")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    t0 = time.perf_counter()
    real = real_graph(args.real)
    print(f"built {args.real}: {real.number_of_nodes():,} entities in "
          f"{time.perf_counter() - t0:.1f} s")
    graphs = [(f"{args.real} as built", real)]
    graphs += [(f"{args.real} replicated to {n:,}", replicate(real, n)) for n in args.sizes]
    graphs += [(str(p), load_graph(p)) for p in args.graphs]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, g in graphs:
                baseline = g.number_of_nodes() <= args.baseline_max
                bench(browser, name, g, args.timeout, baseline)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
