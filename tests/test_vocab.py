"""kg/vocab.py and ontology/kg.ttl declare the same terms, and the ontology says what it should."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, RDF, RDFS, SDO, SKOS

from kg.model import ENTITY_TYPES, PLACE_TYPES, RELATION_TYPES
from kg.vocab import KG, ONTOLOGY_IRI, PREFIXES, terms

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def declared(onto: Graph) -> set[URIRef]:
    """Every kg: term the ontology declares as a class or property."""
    return {
        s
        for kind in DECLARATIONS
        for s in onto.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and s.startswith(str(KG))
    }


def test_every_vocab_term_is_declared_in_the_ontology(onto):
    assert terms() - declared(onto) == set()


def test_every_ontology_term_is_in_vocab(onto):
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and t.startswith(str(KG))}
    assert used - terms() == set()
    assert declared(onto) - terms() == set()


def test_a_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError):
        KG.lead  # noqa: B018
    with pytest.raises(AttributeError):
        KG["Countie"]


def test_the_model_types_and_relations_are_all_terms():
    for name in (*ENTITY_TYPES, *RELATION_TYPES):
        assert KG[name] in terms()


def test_pyoxigraph_parses_the_ontology(onto):
    store = ox.Store()
    store.load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(onto)


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert (
        ONTOLOGY_IRI,
        DCTERMS.license,
        URIRef("https://www.apache.org/licenses/LICENSE-2.0"),
    ) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    titles = {t.language for t in onto.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert titles == {"en", "zh"}


@pytest.mark.parametrize("term", sorted(terms()))
def test_every_term_is_labelled_in_chinese_and_english_and_explained(onto, term):
    labels = {label.language for label in onto.objects(term, RDFS.label)}
    assert labels == {"en", "zh"}
    comments = list(onto.objects(term, RDFS.comment))
    assert comments and all(isinstance(c, Literal) and c.language == "en" for c in comments)


def test_class_hierarchy(onto):
    assert (KG.Place, RDFS.subClassOf, SDO.Place) in onto
    for t in PLACE_TYPES:
        assert (KG[t], RDFS.subClassOf, KG.Place) in onto
    assert (KG.Organization, RDFS.subClassOf, ORG.Organization) in onto
    assert (KG.Mechanism, RDFS.subClassOf, SKOS.Concept) in onto
    assert (KG.Statement, RDFS.subClassOf, RDF.Statement) in onto


def test_property_axioms(onto):
    assert (KG.locatedIn, RDF.type, OWL.TransitiveProperty) in onto
    assert (KG.locatedIn, RDFS.subPropertyOf, SDO.containedInPlace) in onto
    assert (KG.locatedIn, RDFS.domain, KG.Place) in onto
    assert (KG.leads, RDFS.subPropertyOf, ORG.headOf) in onto
    assert (KG.leads, RDFS.domain, KG.Person) in onto
    assert (KG.implements, RDFS.range, KG.Mechanism) in onto
    assert (KG.mentionedIn, RDFS.range, KG.Document) in onto


def test_prefixes_match_the_namespaces():
    """kg.iris writes them as plain strings (no rdflib on a build's path): rdflib's own."""
    import rdflib.namespace as ns

    from kg.vocab import KGA, KGC, KGD, KGE, KGR, KGS

    assert PREFIXES["kg"] == str(KG)
    assert PREFIXES["schema"] == str(SDO)
    for prefix, namespace in {"rdf": ns.RDF, "rdfs": ns.RDFS, "owl": ns.OWL, "xsd": ns.XSD, "skos": ns.SKOS,
                              "dcterms": ns.DCTERMS, "prov": ns.PROV, "org": ns.ORG, "foaf": ns.FOAF}.items():
        assert PREFIXES[prefix] == str(namespace), prefix
    assert [PREFIXES[p] for p in ("kgr", "kgd", "kgs", "kge")] == [str(KGR), str(KGD), str(KGS), str(KGE)]
    assert str(KGC).endswith("/correction/") and str(KGA).endswith("/agent/")
    assert len(set(PREFIXES.values())) == len(PREFIXES)
