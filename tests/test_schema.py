"""kg/schema.py declares the entity types and relations once: the ontology and the shapes
agree with it, what is derived from it follows it, and an undeclared type fails loudly."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg import model, schema
from kg.evaluate import Score
from kg.export.formats import jsonld_context
from kg.export.html import RELATION_COLOUR, TYPE_STYLE
from kg.extract.document import extract
from kg.read import split
from kg.resolve import resolve
from kg.vocab import KG

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
ENTITY_NAMES = [t.name for t in schema.ENTITY_TYPES]
STATED_NAMES = [r.name for r in schema.stated_relations()]


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def local(term) -> str:
    assert isinstance(term, URIRef) and term.startswith(str(KG)), term
    return term[len(str(KG)):]


def classes(g: Graph, node) -> set[str]:
    """A class, or the members of an ``owl:unionOf`` class, by local name."""
    union = g.value(node, OWL.unionOf)
    return {local(c) for c in Collection(g, union)} if union is not None else {local(node)}


def expand(names: set[str]) -> frozenset[str]:
    return frozenset(t for n in names for t in (schema.PLACE_TYPES if n == schema.PLACE else (n,)))


# ------------------------------------------------------------------ against the ontology


def test_every_entity_type_is_a_class_under_place_exactly_when_it_is_a_place(onto):
    for t in schema.ENTITY_TYPES:
        assert (KG[t.name], RDF.type, OWL.Class) in onto, t.name
        assert ((KG[t.name], RDFS.subClassOf, KG.Place) in onto) == t.is_place, t.name
    places = {local(c) for c in onto.subjects(RDFS.subClassOf, KG.Place)}
    assert places == set(schema.PLACE_TYPES)


def test_every_relation_has_the_ontologys_domain_and_range(onto):
    for r in schema.RELATIONS:
        prop = KG[r.name]
        assert (prop, RDF.type, OWL.ObjectProperty) in onto, r.name
        assert classes(onto, onto.value(prop, RDFS.domain)) == set(r.domain), r.name
        assert classes(onto, onto.value(prop, RDFS.range)) == set(r.range), r.name


def test_every_property_between_entities_in_the_ontology_is_declared(onto):
    entity_classes = {*ENTITY_NAMES, schema.PLACE}
    between = set()
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        domain, range_ = onto.value(prop, RDFS.domain), onto.value(prop, RDFS.range)
        if domain is not None and range_ is not None and classes(onto, domain) | classes(onto, range_) <= entity_classes:
            between.add(local(prop))
    assert between == {r.name for r in schema.RELATIONS}


# ------------------------------------------------------------------ against the shapes


def test_the_shapes_in_lists_are_the_entity_classes_and_the_stated_relations(shapes):
    found = {}
    for node in shapes.objects(None, SH["in"]):
        members = list(Collection(shapes, node))
        if all(isinstance(m, URIRef) and m.startswith(str(KG)) for m in members):
            names = [local(m) for m in members]
            kind = "entities" if set(names) & set(ENTITY_NAMES) else "relations"
            found.setdefault(kind, []).append(names)
    assert found == {"entities": [ENTITY_NAMES], "relations": [STATED_NAMES]}


def _node_constraint(shapes: Graph, shape) -> frozenset[str] | None:
    """What a node shape's ``sh:class`` or ``sh:or`` of ``sh:class`` allows, expanded."""
    direct = {local(c) for c in shapes.objects(shape, SH["class"])}
    for alternatives in shapes.objects(shape, SH["or"]):
        direct |= {local(shapes.value(a, SH["class"])) for a in Collection(shapes, alternatives)}
    return expand(direct) if direct else None


def test_the_shapes_check_both_ends_of_every_relation(shapes):
    for r in schema.RELATIONS:
        prop = KG[r.name]
        starts = [_node_constraint(shapes, s) for s in shapes.subjects(SH.targetSubjectsOf, prop)]
        ends = [_node_constraint(shapes, s) for s in shapes.subjects(SH.targetObjectsOf, prop)]
        for s in shapes.subjects(SH.targetSubjectsOf, prop):  # a property shape on the relation
            for p in shapes.objects(s, SH.property):
                if shapes.value(p, SH.path) == prop and shapes.value(p, SH["class"]) is not None:
                    ends.append(expand({local(shapes.value(p, SH["class"]))}))
        starts, ends = [c for c in starts if c], [c for c in ends if c]
        assert starts and all(c == r.subjects for c in starts), (r.name, starts)
        assert ends and all(c == r.objects for c in ends), (r.name, ends)


def test_the_entity_shape_targets_both_ends_of_every_relation(shapes):
    entity_shapes = set(shapes.subjects(SH.targetSubjectsOf, KG.mentionedIn))
    assert entity_shapes
    for shape in entity_shapes:
        for r in schema.RELATIONS:
            assert (shape, SH.targetSubjectsOf, KG[r.name]) in shapes, r.name
            assert (shape, SH.targetObjectsOf, KG[r.name]) in shapes, r.name


# ------------------------------------------------------------------ what derives from it


def test_the_model_html_jsonld_and_evaluator_follow_the_schema():
    assert model.ENTITY_TYPES == tuple(ENTITY_NAMES)
    assert model.RELATION_TYPES == tuple(STATED_NAMES)
    assert set(model.PLACE_LEVEL) == set(model.PLACE_TYPES)
    assert list(TYPE_STYLE) == ENTITY_NAMES
    assert len({colour for colour, _ in TYPE_STYLE.values()}) == len(TYPE_STYLE)  # told apart by colour
    assert set(RELATION_COLOUR) == {r.name for r in schema.RELATIONS}
    context = jsonld_context()
    for name in (*(r.name for r in schema.RELATIONS), *schema.SOURCE_LINKS):
        assert context[name] == {"@id": f"kg:{name}", "@type": "@id"}, name
    assert list(Score().relations) == [r.name for r in schema.stated_relations() if r.scoring]
    assert all(r.scoring for r in schema.stated_relations())  # the gold format has them all


def test_an_undeclared_name_fails_and_names_the_declared_ones():
    with pytest.raises(ValueError, match="unknown entity type 'Planet'.*Province, City"):
        schema.entity_type("Planet")
    with pytest.raises(ValueError, match="unknown relation 'memberOf'.*locatedIn, leads"):
        schema.relation("memberOf")


# ------------------------------------------------------------------ the resolver


TEXT = "青松村党支部书记李明远说，全村推行“院落议事”制度，村民踊跃参加。"


def test_the_resolver_refuses_a_mention_of_an_undeclared_type(gaz):
    x = extract(split("d0", "d0.txt", TEXT), gaz)
    resolve([x], gaz)  # as extracted: fine
    person = next(m for m in x.mentions if m.type == "Person")
    x.mentions[x.mentions.index(person)] = dataclasses.replace(person, type="Planet")
    with pytest.raises(ValueError, match=r"d0\.txt: mention .*李明远.*unknown entity type 'Planet'"):
        resolve([x], gaz)


def test_the_resolver_refuses_a_relation_the_schema_does_not_state(gaz):
    x = extract(split("d0", "d0.txt", TEXT), gaz)
    assert x.relations, json.dumps([m.name for m in x.mentions], ensure_ascii=False)
    x.relations[0] = dataclasses.replace(x.relations[0], predicate="basedIn")
    with pytest.raises(ValueError, match=r"d0\.txt: relation .* basedIn .*not a relation sentences state"):
        resolve([x], gaz)
