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
from rdflib.namespace import DefinedNamespace, Namespace

from . import iris

BASE = iris.BASE
ONTOLOGY_IRI = URIRef(iris.ONTOLOGY)

KGR = Namespace(iris.PREFIXES["kgr"])
KGD = Namespace(iris.PREFIXES["kgd"])
KGS = Namespace(iris.PREFIXES["kgs"])
KGE = Namespace(iris.PREFIXES["kge"])
KGC = Namespace(iris.KGC)
KGA = Namespace(iris.KGA)


class KG(DefinedNamespace):
    """The grassroots-kg ontology (``ontology/kg.ttl``): the terms :data:`kg.iris.ONTOLOGY_TERMS` names."""

    _NS = Namespace(iris.PREFIXES["kg"])
    _fail = True
    __annotations__ = dict.fromkeys(iris.ONTOLOGY_TERMS, "URIRef")


def terms() -> frozenset[URIRef]:
    """Every term :class:`KG` declares, as full IRIs."""
    return frozenset(dir(KG))


#: Prefixes bound in every serialisation and predeclared in every SPARQL query, in the
#: order they are listed (:data:`kg.iris.PREFIXES`; the tests check them against rdflib's).
PREFIXES: dict[str, str] = iris.PREFIXES
