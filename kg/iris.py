"""The ontology's term names and the namespaces' IRIs, as plain strings.

What writing Turtle needs, without importing rdflib (about 0.1 s of a one-page build's
start): :mod:`kg.vocab` makes rdflib's namespaces from these same strings, and its tests
check them against ``ontology/kg.ttl`` and rdflib's own namespaces.

>>> PREFIXES["kg"] + ONTOLOGY_TERMS[0]
'https://w3id.org/grassroots-kg/ontology#Place'
"""

from __future__ import annotations

from . import schema

BASE = "https://w3id.org/grassroots-kg/"
ONTOLOGY = BASE + "ontology"

#: Every term of ``ontology/kg.ttl`` (``kg:`` + name); :class:`kg.vocab.KG` is the closed
#: namespace of exactly these.  The types of entities and the relations come from
#: :mod:`kg.schema`, where they are declared once (adding a relation does not touch this).
ONTOLOGY_TERMS: tuple[str, ...] = (
    # classes: places, agents and practices
    schema.PLACE, *(t.name for t in schema.ENTITY_TYPES),
    # classes: sources and provenance
    "Document", "Article", "Statement", "Evidence", "Correction",
    # relations between entities, stated or read from a name (basedIn)
    *(r.name for r in schema.RELATIONS),
    # links to sources
    "mentionedIn", "attestedBy", "correctedBy",
    # attributes
    "adcode", "inGazetteer", "role", "evidence", "confidence", "sentenceIndex", "evidenceStart", "evidenceEnd",
    "articleIndex", "extractor", "byline", "sourcePath", "action", "reason", "page",
)

#: Prefixes bound in every serialisation and predeclared in every SPARQL query, in the
#: order they are listed.  ``schema`` is https, as rdflib and schema.org itself use it.
PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY + "#",
    "kgr": BASE + "id/",
    "kgd": BASE + "doc/",
    "kgs": BASE + "statement/",
    "kge": BASE + "evidence/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
#: corrections and the people who made them (not bound as prefixes)
KGC = BASE + "correction/"
KGA = BASE + "agent/"
