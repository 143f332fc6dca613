"""SHACL: the seeds graph conforms to ontology/shapes.ttl; broken graphs show what broke."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import conftest
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from test_rdf import BRANCH, CITY, COMMUNITY, MECHANISM, PERSON, make_graph

from kg.errors import InputError
from kg.export.rdf import entity_iri, statement_iri, to_rdf
from kg.validate import Violation, format_violation, is_violation, validate
from kg.vocab import KG


@pytest.fixture
def rdf() -> Graph:
    return to_rdf(make_graph())


def kinds(violations: list[Violation]) -> set[str]:
    return {v.kind for v in violations if is_violation(v)}


# The three breakages the issue names, each with the kind of violation it must cause.
def containment_cycle(g: Graph) -> None:
    """赤峰市 located in 悦郡社区, which is (three steps up) in 赤峰市."""
    g.add((entity_iri(CITY), KG.locatedIn, entity_iri(COMMUNITY)))


def body_leads(g: Graph) -> None:
    """A body leading a body: kg:leads must start from a person."""
    g.add((entity_iri(BRANCH), KG.leads, entity_iri(COMMUNITY)))


def statement_without_evidence(g: Graph) -> None:
    """The leads statement loses its sentences."""
    g.remove((statement_iri(PERSON, "leads", BRANCH), KG.evidence, None))


BREAKAGES: dict[str, tuple[Callable[[Graph], None], str]] = {
    "cycle": (containment_cycle, "SPARQL"),
    "leads from a body": (body_leads, "Class"),
    "no evidence": (statement_without_evidence, "MinCount"),
}


def test_the_sample_graph_conforms(rdf):
    assert validate(rdf) == []


def test_the_seeds_graph_conforms(seeds_build):
    violations = validate(seeds_build[1] / "graph.ttl")
    assert [format_violation(v) for v in violations] == []


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_each_breakage_is_its_own_kind_of_violation(rdf, name):
    breakage, kind = BREAKAGES[name]
    breakage(rdf)
    assert kinds(validate(rdf)) == {kind}


def test_three_breakages_three_kinds(rdf):
    for breakage, _ in BREAKAGES.values():
        breakage(rdf)
    violations = validate(rdf)
    assert kinds(violations) == {"SPARQL", "Class", "MinCount"}
    by_kind = {v.kind: v for v in violations}
    assert by_kind["Class"].focus == str(entity_iri(BRANCH))
    assert by_kind["MinCount"].focus == str(statement_iri(PERSON, "leads", BRANCH))
    assert by_kind["MinCount"].path == str(KG.evidence)
    cycle = {v.focus for v in violations if v.kind == "SPARQL"}
    assert str(entity_iri(CITY)) in cycle and str(entity_iri(COMMUNITY)) in cycle


@pytest.mark.parametrize(
    ("breakage", "kind"),
    [
        (
            lambda g: g.set((entity_iri(PERSON), RDFS.label, Literal("Yu Xinyang", lang="en"))),
            "LanguageIn",
        ),
        (lambda g: g.add((entity_iri(PERSON), RDF.type, KG.Organization)), "QualifiedMaxCount"),
        (lambda g: g.add((entity_iri(COMMUNITY), KG.implements, entity_iri(PERSON))), "Class"),
        (lambda g: g.add((entity_iri(MECHANISM), KG.locatedIn, entity_iri(CITY))), "Class"),
        (lambda g: g.remove((entity_iri(PERSON), RDFS.label, None)), "MinCount"),
        (lambda g: g.add((entity_iri(BRANCH), KG.basedIn, entity_iri(PERSON))), "Class"),
        (lambda g: g.add((entity_iri(BRANCH), KG.basedIn, entity_iri(CITY))), "MaxCount"),
        (lambda g: g.add((entity_iri(COMMUNITY), KG.basedIn, entity_iri(CITY))), "Class"),
    ],
    ids=[
        "label not Chinese",
        "two classes",
        "implements a person",
        "mechanism located",
        "no label",
        "based in a person",
        "based in two places",
        "a place based in a place",
    ],
)
def test_other_shapes(rdf, breakage, kind):
    breakage(rdf)
    assert kind in kinds(validate(rdf))


def test_violations_print_one_readable_line_each(rdf):
    body_leads(rdf)
    [line] = [format_violation(v) for v in validate(rdf)]
    assert line == (
        "Violation  kgr:Organization/悦郡社区党支部  [Class]  kg:leads starts from a kg:Person"
    )


def test_an_unreadable_graph_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        validate(bad)


run_kg = partial(conftest.run_kg, cwd=None, timeout=120)


def test_kg_validate_exit_codes(rdf, tmp_path: Path):
    good = tmp_path / "good.ttl"
    rdf.serialize(good, format="turtle")
    ok = run_kg("validate", str(good))
    assert ok.returncode == 0 and ok.stdout.strip().endswith("conforms"), ok.stderr
    for breakage, _ in BREAKAGES.values():
        breakage(rdf)
    bad = tmp_path / "bad.ttl"
    rdf.serialize(bad, format="turtle")
    out = run_kg("validate", str(bad))
    assert out.returncode == 1
    assert "[SPARQL]" in out.stdout and "[Class]" in out.stdout and "[MinCount]" in out.stdout
    assert out.stderr.strip().endswith("violation(s) of Class, MinCount, SPARQL")


def test_one_node_breaking_a_property_shape_and_a_sparql_shape_lists_both(rdf):
    """A node with a violation that has a path (no label) and one that has none (a cycle)."""
    containment_cycle(rdf)
    rdf.remove((entity_iri(CITY), RDFS.label, None))
    violations = validate(rdf)
    on_city = {v.kind for v in violations if v.focus == str(entity_iri(CITY))}
    assert {"SPARQL", "MinCount"} <= on_city
