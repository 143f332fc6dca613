"""SHACL validation of a graph against ``ontology/shapes.ttl``, with pySHACL.

The ontology (``ontology/kg.ttl``) is mixed into the data graph before validation, so a
shape that asks for ``sh:class kg:Place`` accepts a ``kg:County``: SHACL follows
``rdfs:subClassOf`` in the data graph, and the ontology is where those links are.  No RDFS
or OWL inference is run: the shapes check what the graph states, not what a reasoner
could add to it.

:func:`validate` returns :class:`Violation` records sorted by focus node, so the same
graph always prints the same report; :func:`format_violation` makes one readable line of
each.
"""

from __future__ import annotations

import os
from dataclasses import astuple, dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .errors import InputError
from .query import compact_iri
from .rdfsafety import refuse_entity_declarations
from .resources import ONTOLOGY_DIR, ONTOLOGY_FILE, SHAPES_FILE

__all__ = ["ONTOLOGY_DIR", "ONTOLOGY_FILE", "SHAPES_FILE", "Violation", "format_violation", "is_violation",
           "validate"]


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL validation result, with every IRI kept in full."""

    focus: str
    path: str | None
    constraint: str  # the constraint component, e.g. sh:MinCountConstraintComponent
    message: str
    severity: str  # sh:Violation, sh:Warning or sh:Info
    value: str | None = None
    shape: str | None = None

    @property
    def kind(self) -> str:
        """The constraint's short name (``MinCount``, ``Class``, ``SPARQL``): what was broken."""
        local = self.constraint.rsplit("#", 1)[-1]
        return local.removesuffix("ConstraintComponent")


def _parse(source: str | os.PathLike[str] | Graph, what: str) -> Graph:
    if isinstance(source, Graph):
        return source
    refuse_entity_declarations(source)
    try:
        return Graph().parse(os.fspath(source), format=_rdflib_format(source))
    except FileNotFoundError as e:
        raise InputError(source, f"no such {what} file") from e
    except Exception as e:  # rdflib's parsers raise many unrelated types for bad input
        raise InputError(source, f"not readable as RDF ({type(e).__name__}: {e})") from e


def _rdflib_format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    return {".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".nq": "nquads"}.get(
        suffix, "turtle"
    )


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _results(report: Graph) -> list[Violation]:
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        message = report.value(result, SH.resultMessage)
        found.append(
            Violation(
                focus=str(report.value(result, SH.focusNode)),
                path=_text(report.value(result, SH.resultPath)),
                constraint=str(report.value(result, SH.sourceConstraintComponent)),
                message=str(message) if message is not None else "",
                severity=str(report.value(result, SH.resultSeverity)),
                value=_text(report.value(result, SH.value)),
                shape=_text(report.value(result, SH.sourceShape)),
            )
        )
    # one node can break a property shape (with a path) and a SPARQL one (without): sort
    # with the missing parts as empty text, never comparing text with None
    return sorted(found, key=lambda v: tuple("" if x is None else x for x in astuple(v)))


def validate(
    data: str | os.PathLike[str] | Graph,
    *,
    shapes: str | os.PathLike[str] | Graph = SHAPES_FILE,
    ontology: str | os.PathLike[str] | Graph = ONTOLOGY_FILE,
) -> list[Violation]:
    """Check ``data`` against the shapes; an empty list means the graph conforms.

    ``data`` is a graph file (format from its extension, Turtle if unknown) or an rdflib
    graph; the shapes and the ontology default to the project's.
    """
    import pyshacl  # slow to import (it pulls in owlrl): only when validating

    data_graph = _parse(data, "graph")
    _, report, _ = pyshacl.validate(
        data_graph,
        shacl_graph=_parse(shapes, "shapes"),
        ont_graph=_parse(ontology, "ontology"),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    return _results(report)


def _short(term: str | None) -> str:
    if term is None:
        return ""
    return compact_iri(term) if term.startswith(("http:", "https:", "urn:")) else repr(term)


def format_violation(v: Violation) -> str:
    """One line: severity, focus node, path, what was broken and the shape's message.

    >>> print(format_violation(Violation(
    ...     "https://w3id.org/grassroots-kg/id/Organization/x", None,
    ...     "http://www.w3.org/ns/shacl#ClassConstraintComponent",
    ...     "kg:leads starts from a kg:Person", "http://www.w3.org/ns/shacl#Violation")))
    Violation  kgr:Organization/x  [Class]  kg:leads starts from a kg:Person
    """
    severity = v.severity.rsplit("#", 1)[-1]
    parts = [severity, _short(v.focus)]
    if v.path:
        parts.append(_short(v.path))
    parts.append(f"[{v.kind}]")
    message = v.message
    if v.value is not None and v.value != v.focus:
        message += f" (value: {_short(v.value)})"
    parts.append(message)
    return "  ".join(parts)


def is_violation(v: Violation) -> bool:
    """Whether the result is a violation proper (not a warning or an informational note)."""
    return URIRef(v.severity) == SH.Violation
