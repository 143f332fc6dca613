"""The ontology's terms, declared once, and the namespaces of the data.

:class:`KG` mirrors ``ontology/kg.ttl`` term for term (a test checks both directions).
It is a closed :class:`~rdflib.namespace.DefinedNamespace`, so ``KG.lead`` or
``KG["Countie"]`` raises instead of quietly minting an IRI nobody declared.

>>> KG.leads
rdflib.term.URIRef('https://w3id.org/grassroots-kg/ontology#leads')
>>> KG["County"] == KG.County
True

The data namespaces (the IRI scheme, see :mod:`kg.export.rdf` for how ids map into them):

* ``KGR`` entities: ``https://w3id.org/grassroots-kg/id/<entity id>``
* ``KGD`` documents: ``https://w3id.org/grassroots-kg/doc/<file stem>``
* ``KGS`` statements: ``https://w3id.org/grassroots-kg/statement/<hash of s, p, o>``
* ``KGE`` evidence: ``https://w3id.org/grassroots-kg/evidence/<hash>``
* ``KGC`` corrections: ``https://w3id.org/grassroots-kg/correction/<hash of the line>``
* ``KGA`` the people who made them: ``https://w3id.org/grassroots-kg/agent/<author>``
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)

BASE = "https://w3id.org/grassroots-kg/"
ONTOLOGY_IRI = URIRef(BASE + "ontology")

KGR = Namespace(BASE + "id/")
KGD = Namespace(BASE + "doc/")
KGS = Namespace(BASE + "statement/")
KGE = Namespace(BASE + "evidence/")
KGC = Namespace(BASE + "correction/")
KGA = Namespace(BASE + "agent/")


class KG(DefinedNamespace):
    """The grassroots-kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes: places
    Place: URIRef
    Province: URIRef
    City: URIRef
    County: URIRef
    Town: URIRef
    Street: URIRef
    Community: URIRef
    Village: URIRef
    Neighborhood: URIRef
    # classes: agents, practices, sources and provenance
    Organization: URIRef
    Person: URIRef
    Mechanism: URIRef
    Document: URIRef
    Article: URIRef
    Statement: URIRef
    Evidence: URIRef
    Correction: URIRef

    # relations between entities
    locatedIn: URIRef
    leads: URIRef
    implements: URIRef
    # read from a name, not stated by the text
    basedIn: URIRef
    # links to sources
    mentionedIn: URIRef
    attestedBy: URIRef
    correctedBy: URIRef

    # attributes
    adcode: URIRef
    inGazetteer: URIRef
    role: URIRef
    evidence: URIRef
    confidence: URIRef
    sentenceIndex: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    articleIndex: URIRef
    extractor: URIRef
    byline: URIRef
    sourcePath: URIRef
    action: URIRef
    reason: URIRef
    page: URIRef


def terms() -> frozenset[URIRef]:
    """Every term :class:`KG` declares, as full IRIs."""
    return frozenset(dir(KG))


#: Prefixes bound in every serialisation and predeclared in every SPARQL query, in the
#: order they are listed.  ``schema`` is https, as rdflib and schema.org itself use it.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgr": str(KGR),
    "kgd": str(KGD),
    "kgs": str(KGS),
    "kge": str(KGE),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": str(SDO),
    "org": str(ORG),
    "foaf": str(FOAF),
}
