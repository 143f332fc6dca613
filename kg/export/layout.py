"""Where the HTML view draws each entity, and how it groups them, computed once at build time.

The picture is a forest in which every entity hangs from the one it belongs beside (its
*anchor*): a place from the place it is located in, a body from the place it is based in
(``kg:basedIn``, else a ``locatedIn`` statement, else the place its key names), a person
from the body they lead, a mechanism from one place or body that implements it.  Each tree
is drawn radially around its root, the trees are packed in rows, and the entities with no
relation at all go into one labelled grid per type below them.

Province-scale graphs are grouped by city and county: every entity below a county belongs
to that county's cluster, every other entity below a city to the city's, what hangs under
a province but no city to the province's, and what hangs under no place to one cluster
per type.  The page shows a cluster as one bubble until it is
opened.

Everything here is a plain function of the graph, computed from sorted inputs, so the same
graph always gets the same positions (no random start, no iteration to convergence).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from ..model import ENTITY_TYPES, PLACE_LEVEL

__all__ = ["Layout", "Cluster", "compute_layout", "based_places"]

#: Distance between neighbours on a ring, and between rings: room for a short label.
SPACING = 56.0
#: Cells of the grid that holds the entities with no relation (wide enough for a name).
GRID_CELL = (96.0, 34.0)


@dataclass
class Cluster:
    """A group of entities the page can draw as one bubble."""

    key: str  # the head entity's id, or ``unplaced/<type>``
    name: str  # what the bubble says
    head: str | None  # the city or county the cluster hangs from (None: unplaced)
    parent: int | None  # index of the enclosing cluster (a county's city), or None
    members: list[str] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    radius: float = 0.0


@dataclass
class Layout:
    positions: dict[str, tuple[float, float]]
    anchor: dict[str, str]  # entity -> the entity it is drawn beside
    based: dict[str, str]  # body -> the place it is based in
    groups: list[dict]  # the labelled grids of unrelated entities: type, count, x, y
    clusters: list[Cluster]
    cluster_of: dict[str, int]  # entity -> index in ``clusters``
    rank: dict[str, int]  # label priority: 0 is labelled first


# --------------------------------------------------------------------------- anchors


def based_places(g: nx.MultiDiGraph, shown: nx.MultiDiGraph | None = None) -> dict[str, str]:
    """Each body of ``shown`` (default ``g``) -> the place it is based in (the resolver's
    ``place``, exported as ``kg:basedIn``), or, where that place is not shown (below the
    page's confidence floor), the nearest place above it along ``g``'s locatedIn edges that
    is.  Identity is never read back out of a body's key.
    """
    shown = g if shown is None else shown
    out: dict[str, str] = {}
    for node, t in sorted(shown.nodes(data="type")):
        if t != "Organization":
            continue
        place, seen = g.nodes[node].get("place"), set()
        while place is not None and place in g and place not in shown and place not in seen:
            seen.add(place)
            ups = sorted(v for _, v, r in g.out_edges(place, data="relation") if r == "locatedIn")
            place = ups[0] if ups else None
        if place is not None and place in shown and place != node:
            out[node] = place
    return out


def _best(candidates: list[tuple[float, str]]) -> str | None:
    """The most confident candidate, then the smallest id."""
    return min(candidates)[1] if candidates else None


def _anchors(g: nx.MultiDiGraph, based: dict[str, str]) -> dict[str, str]:
    """Every entity's anchor, when it has one; never a cycle."""
    wanted: dict[str, str] = {}
    for node in sorted(g.nodes):
        t = g.nodes[node].get("type", "")
        out_edges = [(v, d) for _, v, d in g.out_edges(node, data=True) if v != node]
        in_edges = [(u, d) for u, _, d in g.in_edges(node, data=True) if u != node]

        def pick(edges, relation):
            return _best([(-_conf(d), v) for v, d in edges if d.get("relation") == relation])

        choice = None
        if t in PLACE_LEVEL:
            choice = _best(
                [
                    (-_conf(d), v)
                    for v, d in out_edges
                    if d.get("relation") == "locatedIn" and g.nodes[v].get("type") in PLACE_LEVEL
                ]
            )
        elif t == "Organization":
            choice = based.get(node) or pick(out_edges, "locatedIn")
        elif t == "Person":
            choice = pick(out_edges, "leads")
        elif t == "Mechanism":
            choice = pick(in_edges, "implements")
        if choice is None:  # anything else: its best-connected neighbour
            nbs = sorted({v for v, _ in out_edges} | {u for u, _ in in_edges})
            if nbs and t not in PLACE_LEVEL:
                choice = min(nbs, key=lambda n: (_type_order(g, n), -g.degree(n), n))
        if choice is not None:
            wanted[node] = choice
    anchor: dict[str, str] = {}
    for node in sorted(wanted):  # keep an anchor only if it closes no cycle
        up, seen = wanted[node], {node}
        while up is not None and up not in seen:
            seen.add(up)
            up = anchor.get(up)
        if up is None:
            anchor[node] = wanted[node]
    return anchor


def _type_order(g: nx.MultiDiGraph, node: str) -> int:
    t = g.nodes[node].get("type", "")
    return ENTITY_TYPES.index(t) if t in ENTITY_TYPES else len(ENTITY_TYPES)


def _conf(data: dict) -> float:
    value = data.get("confidence")
    return float(value) if value is not None else 0.0


# --------------------------------------------------------------------------- layout


def compute_layout(g: nx.MultiDiGraph, *, cluster: bool) -> Layout:
    """Positions, anchors, groups, clusters and label ranks for every node of ``g``.

    >>> from kg.graph import build_graph
    >>> from kg.model import Entity, Relation
    >>> g = build_graph([Entity("a", "City", "甲"), Entity("b", "County", "乙")],
    ...                 [Relation("b", "locatedIn", "a")], [])
    >>> pos = compute_layout(g, cluster=False).positions
    >>> pos == compute_layout(g, cluster=False).positions and pos["a"] != pos["b"]
    True
    """
    based = based_places(g)
    anchor = _anchors(g, based)
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in anchor.items():
        children[parent].append(child)
    for kids in children.values():
        kids.sort(key=lambda n: (_type_order(g, n), n))
    roots = [n for n in sorted(g.nodes) if n not in anchor]
    lonely = [n for n in roots if not children.get(n) and g.degree(n) == 0]
    lonely_set = set(lonely)
    trees = [n for n in roots if n not in lonely_set]
    trees.sort(key=lambda n: (-_size(n, children), _type_order(g, n), n))
    placed = [_balloon(root, children) for root in trees]
    positions, bottom = _pack(placed)
    groups = _grids(g, lonely, positions, bottom)
    rank = _ranks(g, anchor, children)
    clusters, cluster_of = (
        _clusters(g, anchor, positions, lonely_set) if cluster else ([], {})
    )
    return Layout(positions, anchor, based, groups, clusters, cluster_of, rank)


def _size(root: str, children: dict[str, list[str]]) -> int:
    count, stack = 0, [root]
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(children.get(node, ()))
    return count


def _balloon(
    root: str, children: dict[str, list[str]]
) -> tuple[dict[str, tuple[float, float]], float]:
    """One tree as nested discs (a balloon layout): every entity at the centre of its own.

    Children without children of their own sit on rings close around their parent (a
    person by the body it leads, a body by its place); each child with a subtree gets a
    disc, and the discs are set on a ring outside those.  So what hangs under a city or a
    county lies around it, which is what lets a cluster's bubble stand in its place.
    Returns positions relative to ``root`` and the radius of the disc.  Linear in the tree.
    """
    order = [root]
    for node in order:  # breadth first; `order` grows as we go
        order.extend(children.get(node, ()))
    local: dict[str, dict[str, tuple[float, float]]] = {}
    radius: dict[str, float] = {}
    for step, node in enumerate(reversed(order)):  # children before parents
        kids = children.get(node, ())
        # each node turns its rings by the golden angle: no chain of only children is drawn
        # as one straight line with its edges running through the nodes
        phase = (step * 2.399963) % (2 * math.pi)
        pos: dict[str, tuple[float, float]] = {node: (0.0, 0.0)}
        leaves = [c for c in kids if not children.get(c)]
        leaf_set = set(leaves)
        discs: list[tuple[float, float, float]] = []
        subtrees = [c for c in kids if children.get(c)]
        ring, r, start = 0, 1.4 * SPACING, 0
        outer = SPACING / 2
        while start < len(leaves):  # concentric rings of leaves
            room = max(1, int(2 * math.pi * r / SPACING))
            batch = leaves[start : start + room]
            for k, c in enumerate(batch):
                a = phase + 2 * math.pi * (k + 0.5 * (ring % 2)) / len(batch)
                pos[c] = (r * math.cos(a), r * math.sin(a))
            outer = r + SPACING / 2
            start += room
            ring += 1
            r += SPACING
        if subtrees:  # rings of discs, smallest nearest: a big subtree pushes out no small one
            gap = SPACING / 2
            subtrees.sort(key=lambda c: (radius[c], c))
            rings: list[tuple[float, list[str]]] = []
            members: list[str] = []
            ring_r = inner = outer
            for c in subtrees:
                trial = inner + radius[c] + gap
                if members and _arc(members + [c], trial, radius, gap) > 2 * math.pi:
                    rings.append((ring_r, members))
                    inner = ring_r + radius[members[-1]]
                    members, trial = [], inner + radius[c] + gap
                members.append(c)
                ring_r = trial
            rings.append((ring_r, members))
            for k, (rr, ring_members) in enumerate(rings):
                widths = [_width(radius[c], rr, gap) for c in ring_members]
                slack = (2 * math.pi - sum(widths)) / len(ring_members)
                a = phase + math.pi / 2 + 0.6 * k  # rings turned apart, away from the leaves
                for c, w in zip(ring_members, widths, strict=True):
                    mid = a + (w + max(slack, 0.0)) / 2
                    cx, cy = rr * math.cos(mid), rr * math.sin(mid)
                    for n, (x, y) in local.pop(c).items():
                        pos[n] = (cx + x, cy + y)
                    a += w + max(slack, 0.0)
                    discs.append((cx, cy, radius[c]))
                outer = max(outer, rr + radius[ring_members[-1]])
        # the disc is drawn around everything it holds, not around `node`: a county with one
        # town keeps the town's size instead of doubling it
        discs.extend((x, y, SPACING / 2) for n, (x, y) in pos.items() if n == node or n in leaf_set)
        mx = (min(x - r for x, _, r in discs) + max(x + r for x, _, r in discs)) / 2
        my = (min(y - r for _, y, r in discs) + max(y + r for _, y, r in discs)) / 2
        outer = max(math.dist((mx, my), (x, y)) + r for x, y, r in discs)
        pos = {n: (x - mx, y - my) for n, (x, y) in pos.items()}
        local[node] = pos
        radius[node] = outer
    return local[root], radius[root]


def _width(r: float, ring: float, gap: float) -> float:
    """The angle a disc of radius ``r`` takes on a ring of radius ``ring``."""
    return 2 * math.asin(min(1.0, (r + gap / 2) / ring))


def _arc(members: list[str], ring: float, radius: dict[str, float], gap: float) -> float:
    return sum(_width(radius[c], ring, gap) for c in members)


def _pack(
    placed: list[tuple[dict[str, tuple[float, float]], float]],
) -> tuple[dict[str, tuple[float, float]], float]:
    """Shelf-pack the trees (largest first) in rows about as wide as they are tall.

    Returns the positions and the lowest y used.
    """
    out: dict[str, tuple[float, float]] = {}
    if not placed:
        return out, 0.0
    if len(placed) == 1:
        pos, r = placed[0]
        return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}, r
    total = sum((2 * r) ** 2 for _, r in placed)
    row_width = max(math.sqrt(total) * 1.3, 2 * placed[0][1])
    x = y = row_height = 0.0
    for pos, r in placed:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING, 0.0
        cx, cy = x + r, y + r
        for node, (px, py) in pos.items():
            out[node] = (round(cx + px, 1), round(cy + py, 1))
        x += 2 * r + SPACING
        row_height = max(row_height, 2 * r)
    return out, y + row_height


def _grids(
    g: nx.MultiDiGraph,
    lonely: list[str],
    positions: dict[str, tuple[float, float]],
    bottom: float,
) -> list[dict]:
    """The unrelated entities: one labelled grid per type, one under another below the trees."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for n in lonely:
        by_type[g.nodes[n].get("type", "Unknown")].append(n)
    xs = [p[0] for p in positions.values()]
    left = min(xs) if xs else 0.0
    top = bottom + 3 * SPACING
    groups = []
    cw, ch = GRID_CELL
    for t in sorted(by_type, key=lambda t: (_type_index(t), t)):
        members = sorted(by_type[t], key=lambda n: (g.nodes[n].get("name", ""), n))
        cols = max(6, math.ceil(math.sqrt(len(members) * 4)))
        for i, n in enumerate(members):
            positions[n] = (round(left + (i % cols) * cw, 1), round(top + (i // cols) * ch, 1))
        groups.append(
            {"type": t, "count": len(members), "x": round(left - cw / 4, 1), "y": round(top, 1)}
        )
        top += (math.ceil(len(members) / cols) + 2) * ch + SPACING
    return groups


def _type_index(t: str) -> int:
    return ENTITY_TYPES.index(t) if t in ENTITY_TYPES else len(ENTITY_TYPES)


# --------------------------------------------------------------------------- labels


def _ranks(
    g: nx.MultiDiGraph, anchor: dict[str, str], children: dict[str, list[str]]
) -> dict[str, int]:
    """Label priority: higher places first, then the better connected, then the name.

    A place's weight is the size of what hangs under it, so a city with a hundred
    communities is labelled before one with two.
    """
    below = {n: _size(n, children) for n in g.nodes}

    def key(n: str):
        t = g.nodes[n].get("type", "")
        level = PLACE_LEVEL.get(t, 7 if t == "Organization" else 8)
        return (level, -below[n], -g.degree(n), g.nodes[n].get("name", ""), n)

    return {n: i for i, n in enumerate(sorted(g.nodes, key=key))}


# --------------------------------------------------------------------------- clusters


def _clusters(
    g: nx.MultiDiGraph,
    anchor: dict[str, str],
    positions: dict[str, tuple[float, float]],
    lonely: set[str],
) -> tuple[list[Cluster], dict[str, int]]:
    """City, county and province clusters (and one per type for what lies under no place)."""
    clusters: list[Cluster] = []
    index: dict[str, int] = {}

    def cluster_for(head: str, parent: int | None) -> int:
        if head not in index:
            index[head] = len(clusters)
            clusters.append(Cluster(head, g.nodes[head].get("name", ""), head, parent))
        return index[head]

    def unplaced(t: str) -> int:
        key = f"unplaced/{t}"
        if key not in index:
            index[key] = len(clusters)
            clusters.append(Cluster(key, t, None, None))
        return index[key]

    cluster_of: dict[str, int] = {}
    for node in sorted(g.nodes):
        t = g.nodes[node].get("type", "")
        if t == "Province":
            continue  # a province heads the cluster of what lies under it in no city
        province = city = county = None
        up = anchor.get(node)
        while up is not None:
            ut = g.nodes[up].get("type")
            if ut == "County" and county is None:
                county = up
            elif ut == "City" and city is None:
                city = up
            elif ut == "Province" and province is None:
                province = up
            up = anchor.get(up)
        if t == "City":
            continue  # a city heads its cluster; its bubble is drawn in its place
        city_cluster = cluster_for(city, None) if city is not None else None
        if county is not None:
            outer = city_cluster
            if outer is None and province is not None:
                outer = cluster_for(province, None)
            cluster_of[node] = cluster_for(county, outer)
        elif city_cluster is not None:
            cluster_of[node] = city_cluster
        elif province is not None:
            cluster_of[node] = cluster_for(province, None)
        elif t == "County":
            continue  # a county under no city and no province heads its own cluster
        else:
            root = node
            while root in anchor:
                root = anchor[root]
            rt = g.nodes[root].get("type", "Unknown")
            if rt in ("Province", "City", "County"):
                continue
            cluster_of[node] = unplaced("no relation: " + t if node in lonely else rt)
    for node, c in sorted(cluster_of.items()):
        clusters[c].members.append(node)
    for c in clusters:  # a bubble sits where its head is drawn, else amid its members
        pts = [positions[m] for m in c.members]
        if c.head is not None:
            c.x, c.y = positions[c.head]
        elif pts:
            c.x = round(sum(p[0] for p in pts) / len(pts), 1)
            c.y = round(sum(p[1] for p in pts) / len(pts), 1)
        c.radius = round(max((math.dist((c.x, c.y), p) for p in pts), default=0.0), 1)
    return clusters, cluster_of
