"""The graph as one self-contained HTML page: offline, safe with untrusted text, deterministic.

The page is our Jinja template (``templates/graph.html.j2``) with vis-network inlined from
pyvis's own package (pyvis's stock template fetches Bootstrap from a CDN and puts hover
titles into the page as HTML), our script and our stylesheet, so the file works with no
network at all.  Where each entity is drawn is computed here (:mod:`kg.export.layout`), so
the page opens at once, never moves a node by itself, and looks the same every time.

Safety rests on three rules, each enough on its own for the cases it covers:

* every string from the input reaches the page only as JSON inside
  ``<script type="application/json">``, with ``<``, ``>``, ``&``, U+2028 and U+2029
  escaped, so no input can close the block or open a tag;
* the script builds the DOM with ``textContent``/``createElement`` only, draws labels on
  the canvas itself, and draws tooltips itself instead of handing vis-network a ``title``
  or a ``label`` (it renders a title string as HTML);
* a Content-Security-Policy allows exactly the page's own scripts (by hash), no
  requests of any kind, and no inline event handlers, so even a mistake in the first two
  could neither run an ``onerror=`` nor reach the network.

The same graph always gives byte-identical HTML: ids are node indices in the graph's
(sorted) order, the layout is computed from sorted inputs, and JSON keys are sorted.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import schema
from ..curate.match import line_refs
from ..curate.parse import ACTIONS as CORRECTION_ACTIONS
from ..graph import filter_confidence
from ..model import ENTITY_TYPES, PLACE_TYPES, RELATION_ENDS, RELATION_TYPES
from .layout import based_places, compute_layout

__all__ = ["render_html", "write_html", "CLUSTER_THRESHOLD", "TYPE_STYLE"]

def _package_folder(name: str) -> Path:
    """The folder of installed package ``name``, found without importing it: ``import pyvis``
    imports its ``network`` module and, through it, IPython, which a page does not need."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {name} package is not installed (pip install {name})", name=name)
    return Path(next(iter(spec.submodule_search_locations)))


TEMPLATES = Path(__file__).with_name("templates")
PAGE_TEMPLATE = "graph.html.j2"
#: vis-network as shipped inside pyvis (the version its own template inlines).
VIS_NETWORK_JS = "lib/vis-9.1.2/vis-network.min.js"
PYVIS_TEMPLATES = _package_folder("pyvis") / "templates"

#: Past this many drawn entities the page opens grouped by city and county: one bubble per
#: cluster, opened by a click or by zooming in.
CLUSTER_THRESHOLD = 2000

#: Colour and vis-network shape per entity type, as :mod:`kg.schema` declares them.
TYPE_STYLE: dict[str, tuple[str, str]] = {t.name: (t.colour, t.shape) for t in schema.ENTITY_TYPES}
UNKNOWN_TYPE_STYLE = ("#999999", "dot")
#: ``basedIn`` is drawn though it is not a statement: the place a body's name names.
BASED_IN = schema.relation("basedIn").name
#: Edge colour per relation, as :mod:`kg.schema` declares them.
RELATION_COLOUR: dict[str, str] = {r.name: r.colour for r in schema.RELATIONS}
#: The system fonts that carry CJK glyphs on Linux, macOS and Windows; no web fonts.
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif'
)
#: Mentions kept per entity in the page; the panel says how many there were.
MAX_MENTIONS = 20

#: what JSON inside a script element escapes (one str.replace each: faster than str.translate)
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_CSP_PLACEHOLDER = "KG-CSP-SCRIPT-HASHES"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
    page = _page_data(g, kept, drawn, degree, max_nodes, min_confidence)
    return _with_csp(_generate(page))


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


def _node_size(degree: int) -> float:
    """Area grows with degree, but a hub must not hide its neighbourhood."""
    return round(min(10 + 4 * math.sqrt(degree), 42), 1)


def _vis_options() -> dict[str, Any]:
    """vis-network options: positions come from the page, so physics never runs."""
    return {
        "autoResize": True,
        # no item takes part in physics: vis-network then skips the force bookkeeping it
        # would redo on every change to the data (opening a cluster, a filter)
        "nodes": {"borderWidth": 1, "font": {"face": FONT_STACK, "size": 14}, "physics": False},
        "edges": {
            "physics": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": False,
            "multiselect": False,
        },
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
    }


# --------------------------------------------------------------------------- page data


class _Sentences:
    """Evidence sentences stored once: ``[doc, article, text]`` rows, referred to by index."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self._index: dict[tuple[str, int, str], int] = {}

    def refs(self, items: Iterable[dict]) -> list[int]:
        out = []
        for e in items:
            key = (e.get("doc", ""), e.get("article", 0), e.get("text", ""))
            if key not in self._index:
                self._index[key] = len(self.rows)
                self.rows.append(list(key))
            out.append(self._index[key])
        return out


def _page_data(
    g: nx.MultiDiGraph,
    kept: nx.MultiDiGraph,
    drawn: nx.MultiDiGraph,
    degree: dict[str, int],
    max_nodes: int | None,
    min_confidence: float,
) -> dict[str, Any]:
    """Everything the canvas, panel, tooltips, search, table and filters read."""
    index = {n: i for i, n in enumerate(drawn.nodes)}
    places = based_places(g, kept)
    layout = compute_layout(drawn, cluster=drawn.number_of_nodes() > CLUSTER_THRESHOLD)
    sentences = _Sentences()
    statements = [_statement(index, u, v, d, sentences) for u, v, d in drawn.edges(data=True)]
    docs = _documents_per_entity(drawn)
    parents = _located_in(kept)
    refs = line_refs(g)
    documents = _documents(g.graph.get("documents", {}))
    date = _dating(documents)
    entities = [
        _entity(kept, n, index, degree, places, layout, docs, sentences, parents, refs, date)
        for n in drawn.nodes
    ]
    clusters = [
        {
            "name": c.name,
            "head": index.get(c.head) if c.head is not None else None,
            "parent": c.parent,
            "count": len(c.members),
            "x": c.x,
            "y": c.y,
            "radius": c.radius,
        }
        for c in layout.clusters
    ]
    return {
        "meta": {
            **_meta(g, kept, drawn, max_nodes, min_confidence, bool(clusters)),
            "dates": _date_meta(documents),
        },
        "types": _type_rows(drawn),
        "relations": _relation_rows(drawn, len(layout.based)),
        "documents": documents,
        "sentences": sentences.rows,
        "entities": entities,
        "statements": statements,
        "clusters": clusters,
        "groups": layout.groups,
        "options": _vis_options(),
        "schema": _schema(),
    }


def _schema() -> dict[str, Any]:
    """What the page's corrections need to know of the project's schema and line format:
    the entity types (retype offers these), the place types, what each relation may join
    (a retype that would orphan a fact is refused), the fields of each action, and the
    characters ``str.split()`` treats as white space (the page writes each line exactly as
    :func:`kg.curate.parse.format_line` would)."""
    return {
        "entityTypes": list(ENTITY_TYPES),
        "placeTypes": list(PLACE_TYPES),
        "relationEnds": {
            r: [sorted(subjects), sorted(objects)] for r, (subjects, objects) in RELATION_ENDS.items()
        },
        "actions": {a: list(fields) for a, fields in CORRECTION_ACTIONS.items()},
        "whitespace": _whitespace(),
    }


@functools.cache
def _whitespace() -> str:
    """Every character ``str.isspace()`` holds true, in code point order.

    Found by the regular expression engine, whose ``\\s`` on text is ``str.isspace()``, over
    every code point at once (built as UTF-32 bytes, the surrogates let through): about
    ten times faster than testing each character in Python.

    >>> _whitespace()[:6] == "\\t\\n\\x0b\\x0c\\r\\x1c" and _whitespace()[-1] == "\\u3000"
    True
    """
    n = sys.maxunicode + 1  # 17 planes of 65,536
    planes = n >> 16
    codes = bytearray(4 * n)  # little-endian UTF-32: low byte, middle byte, plane, 0
    codes[0::4] = bytes(range(256)) * (n >> 8)
    codes[1::4] = b"".join(bytes([m]) * 256 for m in range(256)) * planes
    codes[2::4] = b"".join(bytes([p]) * 65536 for p in range(planes))
    every = codes.decode("utf-32-le", "surrogatepass")
    return "".join(re.findall(r"\s", every))


def _meta(
    g: nx.MultiDiGraph,
    kept: nx.MultiDiGraph,
    drawn: nx.MultiDiGraph,
    max_nodes: int | None,
    min_confidence: float,
    clustered: bool,
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
        "clustered": clustered,
        "font": FONT_STACK,
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


def _relation_rows(g: nx.MultiDiGraph, based: int) -> list[dict[str, Any]]:
    found = Counter(r for _, _, r in g.edges(data="relation", default="unknown"))
    found[BASED_IN] = based
    names = [*RELATION_TYPES, BASED_IN, *sorted(set(found) - {*RELATION_TYPES, BASED_IN})]
    return [
        {"name": r, "colour": RELATION_COLOUR.get(r, "#999999"), "count": found[r]} for r in names
    ]


def _documents(documents: dict[str, dict]) -> dict[str, dict[str, Any]]:
    """Per document its title, the headline of each article (keyed by article index) and
    its dates (:func:`_document_dates`): ``date`` when the document has one, and ``dates``
    for the articles whose own date differs from it."""
    out = {}
    for doc, info in sorted(documents.items()):
        headlines = {}
        for pos, art in enumerate(info.get("articles", [])):
            headlines[str(art.get("index", pos))] = art.get("headline", "")
        out[doc] = {"title": info.get("title", doc), "headlines": headlines,
                    **_document_dates(info)}
    return out


def _iso_date(value: Any) -> str | None:
    """An article's date as ``YYYY-MM-DD``, or None when it has none (or not one in that form)."""
    text = str(value)[:10] if value else ""
    return text if _ISO_DATE.fullmatch(text) else None


def _document_dates(info: dict) -> dict[str, Any]:
    """A document's date (its earliest article's) and the articles dated otherwise.

    An article without a date of its own takes its document's: the articles of one
    newspaper page share the date its first article's date line gives.  Only what differs
    from the document's date is listed, so a corpus of one-article records costs one key
    per record.

    >>> _document_dates({"articles": [{"index": 0, "date": "2024-03-08"},
    ...                               {"index": 1, "date": "2024-03-05"}, {"index": 2}]})
    {'date': '2024-03-05', 'dates': {'0': '2024-03-08'}}
    >>> _document_dates({"articles": [{"index": 0}]})
    {}
    """
    own = {}
    for pos, art in enumerate(info.get("articles", [])):
        date = _iso_date(art.get("date"))
        if date:
            own[str(art.get("index", pos))] = date
    if not own:
        return {}
    first = min(own.values())
    out: dict[str, Any] = {"date": first}
    differs = {k: d for k, d in own.items() if d != first}
    if differs:
        out["dates"] = differs
    return out


#: ``date(doc, article)``: the ISO date an evidence sentence is read under, "" when none.
Dating = Callable[[str, Any], str]


def _dating(documents: dict[str, dict[str, Any]]) -> Dating:
    """The :data:`Dating` of a page's documents table (:func:`_documents`)."""

    def date(doc: str, article: Any) -> str:
        info = documents.get(doc)
        if info is None:
            return ""
        return info.get("dates", {}).get(str(article)) or info.get("date", "")

    return date


def _date_meta(documents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The span of the page's dates, for the date range control (no dates: ``first`` is None)."""
    dates = sorted(
        {d for info in documents.values() for d in [info.get("date"), *info.get("dates", {}).values()] if d}
    )
    dated = sum(1 for info in documents.values() if info.get("date"))
    return {
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "documents": dated,
        "undatedDocuments": len(documents) - dated,
    }


def _mention_dates(mentions: Iterable[dict], date: Dating) -> list[str]:
    """The distinct dates of an entity's mentions, sorted; ``""`` first when one is undated."""
    return sorted({date(m.get("doc", ""), m.get("article", 0)) for m in mentions})


def _documents_per_entity(g: nx.MultiDiGraph) -> dict[str, int]:
    """How many documents speak of each entity: its mentions and its statements' evidence."""
    seen: dict[str, set[str]] = {n: {m.get("doc", "") for m in d.get("mentions", [])}
                                 for n, d in g.nodes(data=True)}
    for u, v, d in g.edges(data=True):
        docs = {e.get("doc", "") for e in d.get("evidence", [])}
        seen[u] |= docs
        seen[v] |= docs
    return {n: len(s - {""}) for n, s in seen.items()}


def _entity(
    g: nx.MultiDiGraph,
    node: str,
    index: dict[str, int],
    degree: dict[str, int],
    places: dict[str, str],
    layout: Any,
    docs: dict[str, int],
    sentences: _Sentences,
    parents: dict[str, list],
    refs: dict[str, str | None],
    date: Dating,
) -> dict[str, Any]:
    data = g.nodes[node]
    mentions = data.get("mentions", [])
    chain = _place_chain(g, node, index, parents)
    named_after = None
    if not chain and data.get("type") == "Organization":
        named_after = _named_after(g, node, index, places, parents)
    x, y = layout.positions[node]
    based = layout.based.get(node)
    anchor = layout.anchor.get(node)
    return {
        "id": node,
        "ref": refs.get(node),
        "type": data.get("type", "Unknown"),
        "name": data.get("name", ""),
        "aliases": list(data.get("aliases", [])),
        "adcode": data.get("adcode"),
        "confidence": data.get("confidence"),
        "degree": degree.get(node, 0),
        "docs": docs[node],
        "chain": chain,
        "namedAfter": named_after,
        "based": index.get(based) if based is not None else None,
        "anchor": index.get(anchor) if anchor is not None else None,
        "cluster": layout.cluster_of.get(node),
        "rank": layout.rank[node],
        "size": _node_size(degree.get(node, 0)),
        "x": x,
        "y": y,
        "mentions": sentences.refs(mentions[:MAX_MENTIONS]),
        "mentionCount": len(mentions),
        # every mention's date, not only the kept ones': the date range filter reads them
        "dates": _mention_dates(mentions, date),
    }


def _place_chain(
    g: nx.MultiDiGraph, node: str, index: dict[str, int], parents: dict[str, list]
) -> list[list[Any]]:
    """The places above ``node`` along locatedIn edges, nearest first.

    Where a place has several parents the most confident edge wins (then the smallest id),
    and a cycle ends the chain.  Each step is ``[vis index or None, name, type]``: None
    when that place is not drawn (capped out), so the panel shows it as text only.
    """
    chain: list[list[Any]] = []
    seen = {node}
    current = node
    while True:
        current = next((v for _, v in parents.get(current, ()) if v not in seen), None)
        if current is None:
            return chain
        seen.add(current)
        data = g.nodes[current]
        chain.append([index.get(current), data.get("name", ""), data.get("type", "Unknown")])


def _located_in(g: nx.MultiDiGraph) -> dict[str, list[tuple[float, str]]]:
    """Per node its locatedIn parents, best first (then the smallest id)."""
    parents: dict[str, list[tuple[float, str]]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("relation") == "locatedIn":
            parents.setdefault(u, []).append((-_confidence(d), v))
    for row in parents.values():
        row.sort()
    return parents


def _named_after(
    g: nx.MultiDiGraph,
    node: str,
    index: dict[str, int],
    places: dict[str, str],
    parents: dict[str, list],
) -> list[list[Any]] | None:
    """The place a body is named after, then the places above it, when no edge says where it is.

    The resolver records that place (the node's ``place``, ``kg:basedIn``); when it is not
    on the page (below the confidence floor), the nearest place above it that is
    (:func:`kg.export.layout.based_places`).  This is read from the name, not stated by the
    text: the panel says so, and a body with a ``locatedIn`` edge shows that chain instead.
    Steps are as in :func:`_place_chain`.
    """
    place = places.get(node)
    if place is None:
        return None
    data = g.nodes[place]
    first = [index.get(place), data.get("name", ""), data.get("type", "Unknown")]
    return [first, *_place_chain(g, place, index, parents)]


def _statement(
    index: dict[str, int], u: str, v: str, data: dict, sentences: _Sentences
) -> dict[str, Any]:
    evidence = data.get("evidence", [])
    return {
        "s": index[u],
        "o": index[v],
        "relation": data.get("relation", "unknown"),
        "role": data.get("role"),
        "confidence": data.get("confidence"),
        "docs": len({e.get("doc", "") for e in evidence} - {""}),
        "evidence": sentences.refs(evidence),
    }


# --------------------------------------------------------------------------- rendering


def _generate(page: dict[str, Any]) -> str:
    """Render our template.

    The environment autoescapes, so a stray ``{{ }}`` of data would come out escaped rather
    than as markup; the JSON block goes through :func:`script_json`.  Script and style files
    are inserted verbatim by :func:`_raw`, never parsed as Jinja.
    """
    env = Environment(
        loader=FileSystemLoader([str(TEMPLATES)]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = script_json
    env.globals.update(raw=_raw, page=page, vis_network_js=VIS_NETWORK_JS)
    return env.get_template(PAGE_TEMPLATE).render()


def script_json(value: Any) -> Markup:
    """``value`` as JSON that is safe inside ``<script type="application/json">``.

    >>> str(script_json({"name": "</script><script>alert(1)</script>"}))
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    for char, escaped in _JSON_ESCAPES:
        text = text.replace(char, escaped)
    return Markup(text)


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
