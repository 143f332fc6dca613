"""The graph as one self-contained HTML page: offline, safe with untrusted text, deterministic.

pyvis generates the page: it holds the vis-network nodes, edges and options, and renders
them through a Jinja template.  We replace pyvis's template with our own
(``templates/graph.html.j2``) because its stock one fetches Bootstrap from a CDN and puts
hover titles into the page as HTML.  Ours inlines vis-network from pyvis's own package and
our script and stylesheet, so the file works with no network at all.

Safety rests on three rules, each enough on its own for the cases it covers:

* every string from the input reaches the page only as JSON inside
  ``<script type="application/json">``, with ``<``, ``>``, ``&``, U+2028 and U+2029
  escaped, so no input can close the block or open a tag;
* the script builds the DOM with ``textContent``/``createElement`` only, and draws
  tooltips itself instead of handing vis-network a ``title`` (which it renders as HTML);
* a Content-Security-Policy allows exactly the page's own scripts (by hash), no
  requests of any kind, and no inline event handlers, so even a mistake in the first two
  could neither run an ``onerror=`` nor reach the network.

The same graph always gives byte-identical HTML: ids are node indices in the graph's
(sorted) order, layouts are computed from sorted inputs, and JSON keys are sorted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network

from ..graph import filter_confidence
from ..model import ENTITY_TYPES, PLACE_LEVEL, RELATION_TYPES

__all__ = ["render_html", "write_html", "PRECOMPUTED_LAYOUT_THRESHOLD"]

TEMPLATES = Path(__file__).with_name("templates")
PAGE_TEMPLATE = "graph.html.j2"
#: vis-network as shipped inside pyvis (the version its own template inlines).
VIS_NETWORK_JS = "lib/vis-9.1.2/vis-network.min.js"
PYVIS_TEMPLATES = Path(pyvis.__file__).with_name("templates")

#: Past this many drawn nodes the layout is computed here and physics stays off: a force
#: simulation of thousands of nodes keeps the browser busy for tens of seconds.
PRECOMPUTED_LAYOUT_THRESHOLD = 1500

#: Colour and vis-network shape per entity type; places get the polygons, agents the round
#: shapes.  Colours are the Okabe-Ito and Tableau palettes, distinguishable in print.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Province": ("#7b3294", "hexagon"),
    "City": ("#c2185b", "hexagon"),
    "County": ("#d55e00", "diamond"),
    "Town": ("#e69f00", "triangle"),
    "Street": ("#b8860b", "triangleDown"),
    "Community": ("#009e73", "square"),
    "Village": ("#4daf4a", "square"),
    "Neighborhood": ("#80b1d3", "square"),
    "Organization": ("#0072b2", "dot"),
    "Person": ("#cc79a7", "star"),
    "Mechanism": ("#56606b", "diamond"),
}
UNKNOWN_TYPE_STYLE = ("#999999", "dot")
RELATION_COLOUR: dict[str, str] = {
    "locatedIn": "#9aa5b1",
    "leads": "#c0392b",
    "implements": "#16a085",
}
#: The system fonts that carry CJK glyphs on Linux, macOS and Windows; no web fonts.
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif'
)
#: Mentions kept per entity in the page; the panel says how many there were.
MAX_MENTIONS = 20

_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_CSP_PLACEHOLDER = "KG-CSP-SCRIPT-HASHES"


# --------------------------------------------------------------------------- public API


def render_html(
    g: nx.MultiDiGraph, *, max_nodes: int | None = None, min_confidence: float = 0.0
) -> str:
    """The page for ``g`` as a string.

    ``min_confidence`` drops nodes and edges below it before anything is drawn (the
    page's slider can raise it further).  ``max_nodes`` keeps that many nodes, the most
    connected and then the most confident first, and the page says what was left out.

    >>> from kg.graph import build_graph
    >>> from kg.model import Entity
    >>> page = render_html(build_graph([Entity("City/150100", "City", "呼和浩特市")], [], []))
    >>> "呼和浩特市" in page and 'src="http' not in page and 'href="http' not in page
    True
    """
    if max_nodes is not None and max_nodes < 0:
        raise ValueError(f"max_nodes must be zero or more, not {max_nodes}")
    kept = filter_confidence(g, min_confidence) if min_confidence > 0 else g
    degree = dict(kept.degree())
    drawn = _cap(kept, max_nodes, degree)
    index = {n: i for i, n in enumerate(drawn)}
    net = _network(drawn, index, degree)
    page = _page_data(g, kept, drawn, index, degree, max_nodes, min_confidence)
    return _with_csp(_generate(net, page))


def write_html(g: nx.MultiDiGraph, path: str | Path, **kw: Any) -> Path:
    """Write :func:`render_html` to ``path`` (UTF-8, ``\\n`` line ends) and return the path."""
    path = Path(path)
    path.write_text(render_html(g, **kw), encoding="utf-8", newline="\n")
    return path


# --------------------------------------------------------------------------- selection


def _cap(g: nx.MultiDiGraph, max_nodes: int | None, degree: dict[str, int]) -> nx.MultiDiGraph:
    """The subgraph of the ``max_nodes`` best nodes: highest degree, then confidence, then id.

    Degree first because the hubs (places, organisations) are what holds the picture
    together; the leaves that go are the cheapest to lose.
    """
    if max_nodes is None or max_nodes >= g.number_of_nodes():
        return g
    ranked = sorted(g.nodes, key=lambda n: (-degree[n], -_confidence(g.nodes[n]), n))
    keep = set(ranked[:max_nodes])
    return g.subgraph([n for n in g.nodes if n in keep])


def _confidence(data: dict) -> float:
    value = data.get("confidence")
    return float(value) if value is not None else 0.0


# --------------------------------------------------------------------------- pyvis network


def _network(g: nx.MultiDiGraph, index: dict[str, int], degree: dict[str, int]) -> Network:
    """The pyvis network: one vis node per entity, one vis edge per statement.

    vis ids are indices in the graph's sorted order rather than entity ids: short,
    deterministic, and free of anything the input chose.  No ``title`` is set: the page
    draws its own tooltips from text (vis-network would render a title string as HTML).
    """
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    large = g.number_of_nodes() > PRECOMPUTED_LAYOUT_THRESHOLD
    # Small graphs start the force layout from the tree layout too: a spread-out, untangled
    # start settles in far fewer iterations than vis-network's random one.
    positions = tree_layout(g)
    for node, data in g.nodes(data=True):
        shape = TYPE_STYLE.get(data.get("type", ""), UNKNOWN_TYPE_STYLE)[1]
        x, y = positions[node]
        net.add_node(
            index[node],
            label=data.get("name") or "(unnamed)",
            shape=shape,
            group=data.get("type", "Unknown"),
            size=_node_size(degree.get(node, 0)),
            level=_level(data.get("type", "")),
            x=x,
            y=y,
        )
    for i, (u, v, data) in enumerate(g.edges(data=True)):
        net.add_edge(
            index[u],
            index[v],
            id=i,
            color=RELATION_COLOUR.get(data.get("relation", ""), "#999999"),
            width=round(1 + 2 * _confidence(data), 2),
        )
    # A dict is passed through as-is (pyvis's set_options would strip the spaces out of
    # the font names); pyvis serialises it for the template.
    net.options = _vis_options(g.number_of_nodes(), large)
    return net


def _node_size(degree: int) -> float:
    """Area grows with degree, but a hub must not hide its neighbourhood."""
    return round(min(10 + 4 * math.sqrt(degree), 42), 1)


def _level(entity_type: str) -> int:
    """Row in the hierarchical layout: the place tree on top, agents and practices below."""
    if entity_type in PLACE_LEVEL:
        return PLACE_LEVEL[entity_type]
    return {"Organization": 7, "Person": 8, "Mechanism": 8}.get(entity_type, 9)


def _vis_options(n_nodes: int, large: bool) -> dict[str, Any]:
    """vis-network options: groups give colour and shape; physics settles, then stops."""
    groups = {
        t: {
            "shape": shape,
            "color": {
                "background": colour,
                "border": colour,
                "highlight": {"background": colour, "border": "#111111"},
                "hover": {"background": colour, "border": "#111111"},
            },
        }
        for t, (colour, shape) in TYPE_STYLE.items()
    }
    # Enough iterations to untangle the tree start, few enough to settle in about a second.
    iterations = max(80, min(300, 40_000 // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "borderWidth": 1,
            "font": {
                "face": FONT_STACK,
                "size": 14,
                "color": "#1f2933",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
        },
        "layout": {"randomSeed": 7, "improvedLayout": not large and n_nodes <= 300},
        "physics": {
            "enabled": not large,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "springLength": 90,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 50,
                "fit": True,
            },
        },
    }


# --------------------------------------------------------------------------- layout


def tree_layout(g: nx.MultiDiGraph, *, spacing: float = 40.0) -> dict[str, tuple[float, float]]:
    """A deterministic radial layout: each component as a tree around its top place.

    Linear in the graph's size, so it serves where a force layout is too slow.  The root of
    a component is its highest place (then its best-connected node); every subtree gets an
    angle in proportion to its leaves, and each ring is wide enough for the nodes on it.
    Components are then packed in rows, largest first.

    >>> from kg.graph import build_graph
    >>> from kg.model import Entity, Relation
    >>> g = build_graph([Entity("a", "City", "甲"), Entity("b", "County", "乙")],
    ...                 [Relation("b", "locatedIn", "a")], [])
    >>> tree_layout(g)["a"]
    (0.0, 0.0)
    """
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    placed = [_radial(simple, g, comp, spacing) for comp in components]
    return _pack(placed, spacing)


def _radial(
    simple: nx.Graph, g: nx.MultiDiGraph, comp: list[str], spacing: float
) -> tuple[dict[str, tuple[float, float]], float]:
    """Positions of one component around (0, 0), and the radius it occupies."""
    root = min(
        comp, key=lambda n: (PLACE_LEVEL.get(g.nodes[n].get("type", ""), 99), -simple.degree(n), n)
    )
    children: dict[str, list[str]] = {root: []}
    depth = {root: 0}
    order = [root]
    for node in order:  # breadth first; `order` grows as we go
        for nb in sorted(simple.neighbors(node)):
            if nb not in depth:
                depth[nb] = depth[node] + 1
                children[node].append(nb)
                children[nb] = []
                order.append(nb)
    leaves = {n: 1 for n in order}
    for node in reversed(order):
        if children[node]:
            leaves[node] = sum(leaves[c] for c in children[node])
    per_ring = Counter(depth.values())
    radius = [0.0]
    for d in range(1, max(depth.values()) + 1):
        radius.append(max(radius[-1] + 2 * spacing, per_ring[d] * spacing / (2 * math.pi)))
    angle = {root: (0.0, 2 * math.pi)}
    pos: dict[str, tuple[float, float]] = {}
    for node in order:
        lo, hi = angle[node]
        mid = (lo + hi) / 2
        r = radius[depth[node]]
        pos[node] = (r * math.cos(mid), r * math.sin(mid))
        start = lo
        for c in children[node]:
            share = (hi - lo) * leaves[c] / leaves[node]
            angle[c] = (start, start + share)
            start += share
    return pos, radius[-1] + spacing


def _pack(
    placed: list[tuple[dict[str, tuple[float, float]], float]], spacing: float
) -> dict[str, tuple[float, float]]:
    """Shelf-pack the components (largest first) into rows about as wide as they are tall."""
    total = sum((2 * r) ** 2 for _, r in placed)
    row_width = max(math.sqrt(total), 2 * placed[0][1]) if placed else 0.0
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, r in placed:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        cx, cy = x + r, y + r
        for node, (px, py) in pos.items():
            out[node] = (round(cx + px, 1), round(cy + py, 1))
        x += 2 * r + spacing
        row_height = max(row_height, 2 * r)
    if len(placed) == 1:  # a single component stays centred on its root
        return {
            n: (round(p[0] - placed[0][1], 1), round(p[1] - placed[0][1], 1))
            for n, p in out.items()
        }
    return out


# --------------------------------------------------------------------------- page data


def _page_data(
    g: nx.MultiDiGraph,
    kept: nx.MultiDiGraph,
    drawn: nx.MultiDiGraph,
    index: dict[str, int],
    degree: dict[str, int],
    max_nodes: int | None,
    min_confidence: float,
) -> dict[str, Any]:
    """Everything the panel, tooltips, search and filters read, indexed like the vis data."""
    places = _place_paths(kept)
    return {
        "meta": _meta(g, kept, drawn, max_nodes, min_confidence),
        "types": _type_rows(drawn),
        "relations": _relation_rows(drawn),
        "documents": _documents(g.graph.get("documents", {})),
        "entities": [_entity(kept, n, index, degree, places) for n in drawn.nodes],
        "statements": [_statement(index, u, v, d) for u, v, d in drawn.edges(data=True)],
    }


def _meta(
    g: nx.MultiDiGraph,
    kept: nx.MultiDiGraph,
    drawn: nx.MultiDiGraph,
    max_nodes: int | None,
    min_confidence: float,
) -> dict[str, Any]:
    """What the page shows against what the graph holds, so the page can say what is missing."""
    left_out = Counter(d.get("type", "Unknown") for n, d in kept.nodes(data=True) if n not in drawn)
    return {
        "nodesTotal": g.number_of_nodes(),
        "edgesTotal": g.number_of_edges(),
        "nodesBelowConfidence": g.number_of_nodes() - kept.number_of_nodes(),
        "edgesBelowConfidence": g.number_of_edges() - kept.number_of_edges(),
        "nodesCapped": kept.number_of_nodes() - drawn.number_of_nodes(),
        "edgesCapped": kept.number_of_edges() - drawn.number_of_edges(),
        "nodesDrawn": drawn.number_of_nodes(),
        "edgesDrawn": drawn.number_of_edges(),
        "leftOutByType": dict(sorted(left_out.items())),
        "maxNodes": max_nodes,
        "minConfidence": min_confidence,
        "precomputedLayout": drawn.number_of_nodes() > PRECOMPUTED_LAYOUT_THRESHOLD,
    }


def _type_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Legend and filter rows: every known type (even absent ones) and any unknown ones."""
    found = Counter(t for _, t in g.nodes(data="type", default="Unknown"))
    names = [*ENTITY_TYPES, *sorted(set(found) - set(ENTITY_TYPES))]
    rows = []
    for name in names:
        colour, shape = TYPE_STYLE.get(name, UNKNOWN_TYPE_STYLE)
        rows.append({"name": name, "colour": colour, "shape": shape, "count": found[name]})
    return rows


def _relation_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    found = Counter(r for _, _, r in g.edges(data="relation", default="unknown"))
    names = [*RELATION_TYPES, *sorted(set(found) - set(RELATION_TYPES))]
    return [
        {"name": r, "colour": RELATION_COLOUR.get(r, "#999999"), "count": found[r]} for r in names
    ]


def _documents(documents: dict[str, dict]) -> dict[str, dict[str, Any]]:
    """Per document its title and the headline of each article, keyed by article index."""
    out = {}
    for doc, info in sorted(documents.items()):
        headlines = {}
        for pos, art in enumerate(info.get("articles", [])):
            headlines[str(art.get("index", pos))] = art.get("headline", "")
        out[doc] = {"title": info.get("title", doc), "headlines": headlines}
    return out


def _evidence(items: Iterable[dict]) -> list[list[Any]]:
    """Evidence as compact ``[doc, article, sentence text]`` triples."""
    return [[e.get("doc", ""), e.get("article", 0), e.get("text", "")] for e in items]


def _entity(
    g: nx.MultiDiGraph,
    node: str,
    index: dict[str, int],
    degree: dict[str, int],
    places: dict[str, str | None],
) -> dict[str, Any]:
    data = g.nodes[node]
    mentions = data.get("mentions", [])
    chain = _place_chain(g, node, index)
    named_after = None
    if not chain and data.get("type") == "Organization":
        named_after = _named_after(g, node, index, places)
    return {
        "id": node,
        "type": data.get("type", "Unknown"),
        "name": data.get("name", ""),
        "aliases": list(data.get("aliases", [])),
        "adcode": data.get("adcode"),
        "confidence": data.get("confidence"),
        "degree": degree.get(node, 0),
        "chain": chain,
        "namedAfter": named_after,
        "mentions": _evidence(mentions[:MAX_MENTIONS]),
        "mentionCount": len(mentions),
    }


def _place_chain(g: nx.MultiDiGraph, node: str, index: dict[str, int]) -> list[list[Any]]:
    """The places above ``node`` along locatedIn edges, nearest first.

    Where a place has several parents the most confident edge wins (then the smallest id),
    and a cycle ends the chain.  Each step is ``[vis index or None, name, type]``: None
    when that place is not drawn (capped out), so the panel shows it as text only.
    """
    chain: list[list[Any]] = []
    seen = {node}
    current = node
    while True:
        parents = [
            (-_confidence(d), v)
            for _, v, d in g.out_edges(current, data=True)
            if d.get("relation") == "locatedIn" and v not in seen
        ]
        if not parents:
            return chain
        current = min(parents)[1]
        seen.add(current)
        data = g.nodes[current]
        chain.append([index.get(current), data.get("name", ""), data.get("type", "Unknown")])


def _place_paths(g: nx.MultiDiGraph) -> dict[str, str | None]:
    """Each place's key without its type (``150203/少先路街道/少先二十社区``) -> the place's node.

    Two places with the same path (a town and a street of one name) map to None: a body
    named after that path could be either, so the page names neither.
    """
    out: dict[str, str | None] = {}
    for node, t in g.nodes(data="type"):
        if t in PLACE_LEVEL and "/" in node:
            path = node.split("/", 1)[1]
            out[path] = None if path in out else node
    return out


def _named_after(
    g: nx.MultiDiGraph, node: str, index: dict[str, int], places: dict[str, str | None]
) -> list[list[Any]] | None:
    """The place a body is named after, then the places above it, when no edge says where it is.

    The resolver records that place (the node's ``place``, ``kg:basedIn``); when it is not
    on the page (below the confidence floor, or a graph written before the attribute), the
    key tells: the resolver keys a body by the key of the place in its name and the rest of
    the name (``Organization/150203/少先路街道/少先二十社区/党支部`` for 少先二十社区党支部), so
    the place is the longest leading part of the key, short of the last segment, that is a
    place's key.
    This is read from the name, not stated by the text: the panel says so, and a body with
    a ``locatedIn`` edge shows that chain instead.  Steps are as in :func:`_place_chain`.
    """
    based = g.nodes[node].get("place")  # the resolver's answer (kg:basedIn), when kept
    candidates = [based] if based in g else []
    parts = node.split("/")[1:]
    candidates += [places.get("/".join(parts[:end])) for end in range(len(parts) - 1, 0, -1)]
    for place in candidates:
        if place is not None:
            data = g.nodes[place]
            first = [index.get(place), data.get("name", ""), data.get("type", "Unknown")]
            return [first, *_place_chain(g, place, index)]
    return None


def _statement(index: dict[str, int], u: str, v: str, data: dict) -> dict[str, Any]:
    return {
        "s": index[u],
        "o": index[v],
        "relation": data.get("relation", "unknown"),
        "role": data.get("role"),
        "confidence": data.get("confidence"),
        "evidence": _evidence(data.get("evidence", [])),
    }


# --------------------------------------------------------------------------- rendering


def _generate(net: Network, page: dict[str, Any]) -> str:
    """Render through pyvis with our template in place of its own.

    Our environment autoescapes (pyvis's does not), so a stray ``{{ }}`` of data would come
    out escaped rather than as markup; the JSON blocks go through :func:`script_json`.
    Script and style files are inserted verbatim by :func:`_raw`, never parsed as Jinja.
    """
    net.set_template_dir(str(TEMPLATES), PAGE_TEMPLATE)
    env = Environment(
        loader=FileSystemLoader([str(TEMPLATES), str(PYVIS_TEMPLATES)]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = script_json
    env.filters["script_json_text"] = _escape_json_text
    env.globals.update(raw=_raw, page=page, vis_network_js=VIS_NETWORK_JS)
    net.templateEnv = env
    return net.generate_html()


def script_json(value: Any) -> Markup:
    """``value`` as JSON that is safe inside ``<script type="application/json">``.

    >>> str(script_json({"name": "</script><script>alert(1)</script>"}))
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return _escape_json_text(text)


def _escape_json_text(text: str) -> Markup:
    """Escape already-serialised JSON the same way (pyvis hands us its options as text)."""
    return Markup(text.translate(_JSON_ESCAPES))


def _raw(name: str) -> Markup:
    """A script or style file from our templates or pyvis's, verbatim.

    A file that could close its own ``<script>`` or ``<style>`` element is refused rather
    than inlined.
    """
    for folder in (TEMPLATES, PYVIS_TEMPLATES):
        path = folder / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if re.search(r"</(script|style)", text, re.IGNORECASE):
                raise ValueError(f"{path} contains a closing script or style tag")
            return Markup(text)
    raise FileNotFoundError(f"no template file {name!r} in {TEMPLATES} or {PYVIS_TEMPLATES}")


def _with_csp(html: str) -> str:
    """Fill in the Content-Security-Policy with the hash of every inline script.

    Only the page's own ``<script>`` elements (no ``type``) are executable; JSON data blocks
    are not, so they need no hash and no input can earn one.
    """
    hashes = sorted(
        {
            "'sha256-"
            + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            + "'"
            for body in _INLINE_SCRIPT.findall(html)
        }
    )
    if _CSP_PLACEHOLDER not in html:
        raise RuntimeError(f"{PAGE_TEMPLATE} lacks the {_CSP_PLACEHOLDER} placeholder")
    return html.replace(_CSP_PLACEHOLDER, " ".join(hashes), 1)
