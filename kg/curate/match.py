"""Finding the entity a correction names, the way a user names it, in the graph.

A :class:`~kg.curate.parse.Ref` matches the nodes of its type whose canonical name is its
name (width-folded, without quotes or spaces), or, when none is, whose aliases hold it.  A
qualifier keeps those named in that document (a document id of the build) or lying in,
or based in, a place of that name (any level up).  One node is an answer; none or several
is a :class:`Unmatched` with what the user needs to know.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..model import PLACE_TYPES
from ..resolve import norm_name
from .parse import CorrectionsError, Ref, format_line, parse_line


class Unmatched(Exception):
    """A correction that does not apply to this graph: it names nothing, names several
    things, or asks for what the graph already says or cannot hold."""


class Lookup:
    """Nodes by (type, name) and by (type, alias); :meth:`update` after a node's names,
    type or presence changed (so a long corrections file costs a line at a time, not a
    pass over the graph a line).

    ``by_doc``: the nodes by the documents that name them too, for a graph that does not
    change while it is looked up (:func:`line_refs`): a name qualified by a document is then
    one set intersection, not a test of each namesake (a name with a node in each of
    thousands of documents, 习近平's, would cost their square)."""

    def __init__(self, g: nx.MultiDiGraph, *, by_doc: bool = False) -> None:
        self.g = g
        self.names: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.keys: dict[str, tuple[tuple[str, str], list[tuple[str, str]]]] = {}
        for n in g.nodes:
            self._add(n)
        self.in_doc: dict[str, set[str]] | None = None
        if by_doc:
            self.in_doc = defaultdict(set)
            for n, docs in g.nodes(data="docs"):
                for doc in docs or ():
                    self.in_doc[doc].add(n)

    def _add(self, n: str) -> None:
        d = self.g.nodes[n]
        name = (d["type"], norm_name(d["name"]))
        aliases = [(d["type"], norm_name(a)) for a in d.get("aliases") or ()]
        self.names[name].add(n)
        for a in aliases:
            self.aliases[a].add(n)
        self.keys[n] = (name, aliases)

    def update(self, *nodes: str) -> None:
        """Index ``nodes`` again as they are now (a removed node is dropped)."""
        self.in_doc = None  # the graph changes: each node's documents are read again
        for n in nodes:
            old = self.keys.pop(n, None)
            if old is not None:
                self.names[old[0]].discard(n)
                for a in old[1]:
                    self.aliases[a].discard(n)
            if n in self.g:
                self._add(n)

    def candidates(self, ref: Ref) -> list[str]:
        key = (ref.type, norm_name(ref.name))
        found = self.names.get(key) or self.aliases.get(key) or set()
        if ref.qualifier:
            if self.in_doc is not None and ref.qualifier in self.g.graph.get("documents", {}):
                found = found & self.in_doc.get(ref.qualifier, set())  # what _qualifies says of each
            else:
                found = {n for n in found if self._qualifies(n, ref.qualifier)}
        return sorted(found)

    def _qualifies(self, node: str, qualifier: str) -> bool:
        g = self.g
        if qualifier in g.graph.get("documents", {}):
            return qualifier in (g.nodes[node].get("docs") or ())
        return norm_name(qualifier) in self.places_of(node)

    def places_of(self, node: str) -> set[str]:
        """The names of every place ``node`` lies in or is based in, at any level; for a
        person or a practice, those of the bodies and places it is linked to."""
        g = self.g
        start = [node]
        if g.nodes[node]["type"] not in PLACE_TYPES and g.nodes[node]["type"] != "Organization":
            start = [v for _, v in g.out_edges(node)] + [u for u, _ in g.in_edges(node)]
        todo, seen = [], set()
        for n in start:
            todo.append(n)
            if g.nodes[n].get("place") in g:
                todo.append(g.nodes[n]["place"])
        names: set[str] = set()
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            d = g.nodes[n]
            if n != node and d["type"] in PLACE_TYPES:
                names.update(norm_name(x) for x in (d["name"], *(d.get("aliases") or ())))
            todo.extend(v for _, v, k in g.out_edges(n, keys=True) if k == "locatedIn")
        return names

    def one(self, ref: Ref) -> str:
        """The one node ``ref`` names; :class:`Unmatched` otherwise."""
        found = self.candidates(ref)
        if len(found) == 1:
            return found[0]
        if not found:
            raise Unmatched(f"no {ref.type} named {ref.name}" + (f" at {ref.qualifier}" if ref.qualifier else ""))
        docs = sorted({d for n in found for d in self.g.nodes[n].get("docs") or ()})
        raise Unmatched(f"{ref} names {len(found)} entities (in {', '.join(docs[:4]) or 'no document'}"
                        f"{' …' if len(docs) > 4 else ''}): add @DOCUMENT or @PLACE")

    def maybe(self, ref: Ref) -> str | None:
        """The one node ``ref`` names, None if it names none; several is :class:`Unmatched`."""
        if not self.candidates(ref):
            return None
        return self.one(ref)


def entity_refs(g: nx.MultiDiGraph) -> dict[str, str]:
    """How a corrections line names each node: ``Type:Name``, with ``@DOCUMENT`` (the first
    document that names it and none of its namesakes) or ``@PLACE`` where another node has
    the same type and name.  What a page or a report shows so that a line copied from it
    finds the same node (:meth:`Lookup.one`).

    >>> g = nx.MultiDiGraph(documents={"a": {}, "b": {}})
    >>> g.add_node("P/1", type="Person", name="王芳", docs=["a"])
    >>> g.add_node("P/2", type="Person", name="王芳", docs=["a", "b"])
    >>> g.add_node("P/3", type="Person", name="李强", docs=["b"])
    >>> entity_refs(g)
    {'P/1': 'Person:王芳', 'P/2': 'Person:王芳@b', 'P/3': 'Person:李强'}

    (``P/1`` has no document or place of its own: its plain name is the best there is.)
    """
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        groups[(d["type"], norm_name(d["name"]))].append(n)
    # per group of namesakes, how many of them each document names: a document names none
    # of a node's namesakes when it names the node and its count is one (no pass over the
    # namesakes for each node)
    named: dict[tuple[str, str], dict[str, int]] = {}
    for key, nodes in groups.items():
        if len(nodes) > 1:
            count: dict[str, int] = defaultdict(int)
            for m in nodes:
                for doc in set(g.nodes[m].get("docs") or ()):
                    count[doc] += 1
            named[key] = count
    lookup = Lookup(g)
    places: dict[str, set[str]] = {}

    def places_of(m: str) -> set[str]:
        if m not in places:
            places[m] = lookup.places_of(m)
        return places[m]

    out: dict[str, str] = {}
    for n, d in g.nodes(data=True):
        plain = f"{d['type']}:{d['name']}"
        key = (d["type"], norm_name(d["name"]))
        out[n] = plain
        if key not in named:  # no namesake
            continue
        for doc in sorted(d.get("docs") or ()):
            if named[key][doc] == 1:
                out[n] = f"{plain}@{doc}"
                break
        else:
            others = [m for m in groups[key] if m != n]
            mine = places_of(n) - set().union(*(places_of(m) for m in others))
            if mine:
                out[n] = f"{plain}@{min(mine)}"
    return out


def line_refs(g: nx.MultiDiGraph) -> dict[str, str | None]:
    """:func:`entity_refs`, kept only where a corrections line written with it
    (:func:`~kg.curate.parse.format_line`, read back by
    :func:`~kg.curate.parse.parse_line`) finds that very node again; None where it would
    not: namesakes that no document and no place tell apart, or a name the line format
    cannot carry (one with ``@`` in it, an empty one, an unknown type).  What the HTML
    view offers corrections for, so a line it writes never names the wrong entity.

    >>> g = nx.MultiDiGraph(documents={"a": {}})
    >>> g.add_node("P/1", type="Person", name="王芳", docs=["a"])
    >>> g.add_node("P/2", type="Person", name="王芳", docs=["a"])
    >>> g.add_node("P/3", type="Person", name="李@强", docs=["a"])
    >>> g.add_node("P/4", type="Person", name="李强", docs=["a"])
    >>> line_refs(g)
    {'P/1': None, 'P/2': None, 'P/3': None, 'P/4': 'Person:李强'}
    """
    lookup = Lookup(g, by_doc=True)
    out: dict[str, str | None] = {}
    for n, ref in entity_refs(g).items():
        line = format_line("reject-entity", ref, author="page", date="2000-01-01", reason="check")
        try:
            found = lookup.one(parse_line(line, "page", 1).args[0])
        except (CorrectionsError, Unmatched):
            found = None
        out[n] = ref if found == n else None
    return out
