"""The graph as Turtle: layout, stable IRIs, byte-identical output, round trips, the referee.

``make_graph`` is the small graph the RDF, format and query tests share: the chain
赤峰市 → 松山区 → 松州街道 → 悦郡社区, 于昕阳 leading 悦郡社区党支部 as 党支部书记, and
悦郡社区 implementing 铁三角, as one page of the genre states them.
"""

from __future__ import annotations

import importlib.util
import io
import random
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import InputError
from kg.export.rdf import (
    document_iri,
    entity_iri,
    iri_escape,
    read_graph,
    serialize_turtle,
    statement_iri,
    to_rdf,
    write_turtle,
)
from kg.graph import build_graph
from kg.model import Article, Document, Entity, Evidence, Relation
from kg.vocab import KG

DOC = "000_ce20cefb6ce7de5e"
DOC2 = "003_71ff31bb007b425d"
S_CHAIN = "赤峰市松山区松州街道悦郡社区党支部书记于昕阳介绍，社区推行“铁三角”机制。"
S_OTHER = "于昕阳说，\n“铁三角”让居民的事有人管。"

CITY, COUNTY = "City/150400", "County/150404"
STREET = "Street/150404/松州街道"
COMMUNITY = "Community/150404/松州街道/悦郡社区"
BRANCH = "Organization/悦郡社区党支部"
PERSON = "Person/于昕阳"
MECHANISM = "Mechanism/铁三角"


def ev(start: int, end: int, extractor: str = "chain", *, doc: str = DOC, sentence: int = 3):
    text = S_CHAIN if doc == DOC else S_OTHER
    return Evidence(doc, sentence, start, end, text, extractor, 1)


def entities() -> list[Entity]:
    return [
        Entity(CITY, "City", "赤峰市", ["赤峰"], "150400", 0.95, [ev(0, 3)]),
        Entity(COUNTY, "County", "松山区", [], "150404", 0.9, [ev(3, 6)]),
        Entity(STREET, "Street", "松州街道", ["松州"], None, 0.9, [ev(6, 10)]),
        Entity(COMMUNITY, "Community", "悦郡社区", [], None, 0.85, [ev(10, 14)]),
        Entity(
            BRANCH, "Organization", "悦郡社区党支部", [], None, 0.8, [ev(10, 17, "org")], place=COMMUNITY
        ),
        Entity(
            PERSON,
            "Person",
            "于昕阳",
            [],
            None,
            0.9,
            [ev(21, 24, "post"), ev(0, 3, "post", doc=DOC2, sentence=12)],
        ),
        Entity(
            MECHANISM,
            "Mechanism",
            "铁三角",
            ["“铁三角”机制", "党小组+网格员+楼栋长"],
            None,
            0.7,
            [ev(31, 38, "quote")],
        ),
    ]


def relations() -> list[Relation]:
    return [
        Relation(COUNTY, "locatedIn", CITY, None, 0.95, [ev(0, 6)]),
        Relation(STREET, "locatedIn", COUNTY, None, 0.9, [ev(3, 10)]),
        Relation(COMMUNITY, "locatedIn", STREET, None, 0.9, [ev(6, 14)]),
        Relation(
            PERSON,
            "leads",
            BRANCH,
            "党支部书记",
            0.8,
            [ev(10, 24, "post"), ev(0, 3, "post", doc=DOC2, sentence=12)],
        ),
        Relation(COMMUNITY, "implements", MECHANISM, None, 0.7, [ev(25, 38, "svo")]),
    ]


def documents() -> list[Document]:
    return [
        Document(
            DOC,
            f"seeds/{DOC}.txt",
            S_CHAIN,
            articles=[
                Article(0, "让基层治理有力度更有温度"),
                Article(1, "悦郡社区的“铁三角”", "本报记者 宋爽"),
            ],
        ),
        Document(DOC2, f"seeds/{DOC2}.txt", S_OTHER, articles=[Article(0, "居民的事有人管")]),
    ]


def make_graph(seed: int | None = None) -> nx.MultiDiGraph:
    """The sample graph; ``seed`` shuffles the inputs (build_graph must not care)."""
    ents, rels, docs = entities(), relations(), documents()
    if seed is not None:
        rng = random.Random(seed)
        for items in (ents, rels, docs):
            rng.shuffle(items)
    return build_graph(ents, rels, docs)


def reinserted(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in reverse order."""
    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    for n, data in reversed(list(g.nodes(data=True))):
        h.add_node(n, **data)
    for s, o, k, data in reversed(list(g.edges(keys=True, data=True))):
        h.add_edge(s, o, key=k, **data)
    return h


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return make_graph()


@pytest.fixture
def ttl(graph: nx.MultiDiGraph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    return path


def parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


# ------------------------------------------------------------------------------ determinism


def test_same_graph_gives_byte_identical_turtle(graph):
    assert serialize_turtle(graph) == serialize_turtle(graph)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_insertion_order_does_not_change_the_bytes(graph, seed):
    expected = serialize_turtle(graph)
    assert serialize_turtle(make_graph(seed)) == expected
    assert serialize_turtle(reinserted(graph)) == expected


def test_file_and_stream_get_the_same_bytes(graph, ttl):
    buffer = io.StringIO()
    write_turtle(graph, buffer)
    assert ttl.read_bytes() == buffer.getvalue().encode("utf-8")


def test_no_blank_nodes(ttl):
    rdf = parse(ttl)
    assert not [t for triple in rdf for t in triple if isinstance(t, BNode)]


def test_only_our_prefixes_are_declared(ttl):
    declared = {
        line.split()[1].rstrip(":")
        for line in ttl.read_text(encoding="utf-8").splitlines()
        if line.startswith("@prefix")
    }
    assert declared <= {
        "kg",
        "kgr",
        "kgd",
        "kgs",
        "kge",
        "rdf",
        "rdfs",
        "xsd",
        "skos",
        "dcterms",
        "prov",
    }
    assert {"kg", "rdf", "rdfs", "skos", "dcterms", "prov"} <= declared


# ------------------------------------------------------------------------------ round trips


def test_rdflib_reads_back_an_isomorphic_graph(graph, ttl):
    assert isomorphic(parse(ttl), to_rdf(graph))


def test_pyoxigraph_reads_the_same_triples(ttl):
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(parse(ttl))


def test_read_graph_gives_back_the_same_networkx_graph(graph, ttl):
    back = read_graph(ttl)
    assert back.graph == graph.graph
    assert list(back.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_turtle_read_back_and_rewritten_is_byte_identical(ttl, tmp_path):
    again = tmp_path / "again.ttl"
    write_turtle(read_graph(ttl), again)
    assert again.read_bytes() == ttl.read_bytes()


def test_read_graph_names_the_bad_file(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl") as info:
        read_graph(bad)
    assert "\n" not in str(info.value)


def test_read_graph_keeps_direct_triples_without_statements(tmp_path):
    path = tmp_path / "plain.ttl"
    path.write_text(
        "@prefix kg: <https://w3id.org/grassroots-kg/ontology#> .\n"
        "@prefix kgr: <https://w3id.org/grassroots-kg/id/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        'kgr:a a kg:County ; rdfs:label "托克托县"@zh ; kg:locatedIn kgr:b .\n'
        'kgr:b a kg:City ; rdfs:label "呼和浩特市"@zh .\n',
        encoding="utf-8",
    )
    g = read_graph(path)
    assert g.nodes["a"]["name"] == "托克托县"
    assert list(g.edges(keys=True)) == [("a", "b", "locatedIn")]
    assert g.edges["a", "b", "locatedIn"]["evidence"] == []


# ------------------------------------------------------------------------------ IRIs

AWKWARD_IDS = [
    "Mechanism/1+6+X",
    "Mechanism/党小组 网格员",  # ASCII space
    "Mechanism/党小组\u3000网格员",  # ideographic space
    'Organization/"引号"<尖括号>{花括号}|竖线^`反引号\\',
    "Village/150123/明星村%20",  # a literal percent sign
    "Mechanism/“铁三角”（试点）",  # full-width punctuation stays readable
    "Person/line\nbreak",
    "Mechanism/😀表情",
]


@pytest.mark.parametrize("entity_id", AWKWARD_IDS)
def test_awkward_ids_make_iris_every_parser_accepts(entity_id, tmp_path):
    g = build_graph([Entity(entity_id, "Mechanism", "铁三角", confidence=0.5)], [], [])
    path = tmp_path / "awkward.ttl"
    write_turtle(g, path)
    assert len(parse(path)) > 0
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    nt = to_rdf(g).serialize(format="nt")
    assert len(list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))) == len(store)
    assert list(read_graph(path).nodes) == [entity_id]


@pytest.mark.parametrize("doc_id", ["page.v2.", "2024-01-01 版面", "报纸(1)", ".hidden", "a%b"])
def test_awkward_file_stems_survive_as_document_ids(doc_id, tmp_path):
    evidence = Evidence(doc_id, 0, 0, 2, "张强说", "post", 0)
    person = Entity("Person/张强", "Person", "张强", mentions=[evidence])
    g = build_graph([person], [], [Document(doc_id, f"{doc_id}.txt", "张强说")])
    path = tmp_path / "stems.ttl"
    write_turtle(g, path)
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    back = read_graph(path)
    assert list(back.graph["documents"]) == [doc_id]
    assert back.nodes["Person/张强"]["docs"] == [doc_id]


@pytest.mark.parametrize("entity_id", AWKWARD_IDS)
def test_iri_escape_is_reversible_and_never_blank(entity_id):
    from urllib.parse import unquote

    escaped = iri_escape(entity_id)
    assert unquote(escaped) == entity_id
    assert not any(ch.isspace() for ch in escaped)
    assert not set(escaped) & set('<>"{}|^`\\')


def test_readable_chinese_iris():
    assert entity_iri(STREET) == URIRef("https://w3id.org/grassroots-kg/id/Street/150404/松州街道")
    assert document_iri(DOC) == URIRef(f"https://w3id.org/grassroots-kg/doc/{DOC}")


def test_statement_iri_depends_only_on_the_fact():
    a = statement_iri(PERSON, "leads", BRANCH)
    assert a == statement_iri(PERSON, "leads", BRANCH)
    assert a != statement_iri(BRANCH, "leads", PERSON)
    assert a != statement_iri(PERSON, "implements", BRANCH)
    # pinned: a published statement IRI must not change with a refactoring
    assert a == URIRef("https://w3id.org/grassroots-kg/statement/9220c924f3384adc7322")


# ------------------------------------------------------------------------------ layout


def test_entities_have_type_labels_codes_and_documents(ttl):
    rdf = parse(ttl)
    city = entity_iri(CITY)
    assert (city, RDF.type, KG.City) in rdf
    assert (city, RDFS.label, Literal("赤峰市", lang="zh")) in rdf
    assert (city, SKOS.altLabel, Literal("赤峰", lang="zh")) in rdf
    assert (city, KG.adcode, Literal("150400")) in rdf
    assert (city, KG.mentionedIn, document_iri(DOC)) in rdf
    person = entity_iri(PERSON)
    assert set(rdf.objects(person, KG.mentionedIn)) == {document_iri(DOC), document_iri(DOC2)}
    assert len(set(rdf.objects(person, KG.attestedBy))) == 2


def test_documents_are_identified_by_stem_and_titled_by_first_headline(ttl):
    rdf = parse(ttl)
    doc = document_iri(DOC)
    assert (doc, RDF.type, KG.Document) in rdf
    assert rdf.value(doc, DCTERMS.identifier) == Literal(DOC)
    assert rdf.value(doc, DCTERMS.title) == Literal("让基层治理有力度更有温度", lang="zh")
    assert len(set(rdf.objects(doc, DCTERMS.hasPart))) == 2


def test_relations_are_direct_triples_and_statements_with_evidence(ttl):
    rdf = parse(ttl)
    person, branch = entity_iri(PERSON), entity_iri(BRANCH)
    assert (person, KG.leads, branch) in rdf
    st = statement_iri(PERSON, "leads", BRANCH)
    assert (st, RDF.type, KG.Statement) in rdf
    assert (
        rdf.value(st, RDF.subject),
        rdf.value(st, RDF.predicate),
        rdf.value(st, RDF.object),
    ) == (
        person,
        KG.leads,
        branch,
    )
    assert rdf.value(st, KG.role) == Literal("党支部书记", lang="zh")
    assert set(rdf.objects(st, PROV.wasDerivedFrom)) == {document_iri(DOC), document_iri(DOC2)}
    assert set(rdf.objects(st, KG.evidence)) == {
        Literal(S_CHAIN, lang="zh"),
        Literal(S_OTHER, lang="zh"),
    }
    spans = {
        (
            int(rdf.value(e, KG.sentenceIndex)),
            int(rdf.value(e, KG.evidenceStart)),
            int(rdf.value(e, KG.evidenceEnd)),
        )
        for e in rdf.objects(st, KG.attestedBy)
    }
    assert spans == {(3, 10, 24), (12, 0, 3)}
    assert len(list(rdf.subjects(RDF.type, KG.Statement))) == 5


def test_an_undeclared_type_fails_loudly():
    g = build_graph([Entity("X/1", "Hamlet", "某屯")], [], [])
    with pytest.raises(AttributeError, match="Hamlet"):
        to_rdf(g)


# ------------------------------------------------------------------------------ the referee

REFEREE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "kgeval.py"


@pytest.fixture
def built(ttl):
    if not REFEREE.exists():
        pytest.skip(f"referee not found at {REFEREE}")
    spec = importlib.util.spec_from_file_location("kgeval", REFEREE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Built(ttl)


def test_referee_reads_labels_types_and_mentions(built):
    by_label = {label: node for node, labels in built.labels.items() for label in labels}
    assert built.types[by_label["悦郡社区"]] == {"Community"}
    assert built.types[by_label["于昕阳"]] == {"Person"}
    assert built.types[by_label["铁三角"]] == {"Mechanism"}
    assert len(built.mentions[DOC]) == 7
    assert {n for n in built.mentions[DOC2]} == {by_label["于昕阳"]}


def test_referee_reads_the_three_relations_and_their_evidence(built):
    assert {rel: len(pairs) for rel, pairs in built.edges.items()} == {
        "locatedIn": 3,
        "leads": 1,
        "implements": 1,
    }
    with_evidence = {(s, p, o) for s, p, o, has in built.statements if has}
    for rel in ("locatedIn", "leads", "implements"):
        for s, o in built.edges[rel]:
            assert (s, rel, o) in with_evidence


# ------------------------------------------------------------------------------ the Turtle writer
#
# write_turtle writes Turtle straight from the NetworkX graph; to_rdf (an rdflib graph) is the
# reference it must agree with, triple for triple, as read by rdflib and by pyoxigraph.


def ox_triples(data: str) -> Graph:
    """The triples pyoxigraph reads from Turtle text, as an rdflib graph."""

    def term(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        assert isinstance(t, ox.Literal), t  # never a blank node
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == str(XSD.string):  # rdflib's plain literal
            return Literal(t.value)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    rdf = Graph()
    for q in ox.parse(data.encode("utf-8"), format=ox.RdfFormat.TURTLE):
        rdf.add((term(q.subject), term(q.predicate), term(q.object)))
    return rdf


def assert_same_triples(g: nx.MultiDiGraph) -> str:
    """The Turtle of ``g`` is to_rdf(g) for rdflib and pyoxigraph alike; returns the text."""
    text = serialize_turtle(g)
    reference = to_rdf(g)
    assert isomorphic(Graph().parse(data=text, format="turtle"), reference)
    assert isomorphic(ox_triples(text), reference)
    return text


def test_seeds_turtle_is_the_graph_of_to_rdf(seeds_build):
    result, out = seeds_build
    text = assert_same_triples(result.graph)
    assert (out / "graph.ttl").read_bytes() == text.encode("utf-8")
    assert serialize_turtle(reinserted(result.graph)) == text


def test_seeds_turtle_reads_back_to_the_same_networkx_graph(seeds_build):
    result, out = seeds_build
    back = read_graph(out / "graph.ttl")
    assert back.graph == result.graph.graph
    assert list(back.nodes(data=True)) == list(result.graph.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(result.graph.edges(keys=True, data=True))


HOSTILE = [
    'say "hi" and \'bye\'',
    "back\\slash \\n \\u0041 \\\\",
    "line\nbreak\r\nand\ttab",
    "controls \x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f end",
    "replacement \ufffd\ufffd for lone surrogates and bad bytes",
    "<script>alert('x')</script> & </body>",
    '"""triple""" quotes ending in a quote"',
    "ends in a backslash\\",
    "",
    "emoji 😀 and ideographic\u3000space, U+2028\u2028 U+FEFF\ufeff",
    "长" * 20000 + "\n" + "x" * 5000,
]


def hostile_graph() -> nx.MultiDiGraph:
    doc = "报纸 2024\"版面\"\\1"
    other = "page.v2."

    def evid(k: int, text: str, d: str = doc) -> Evidence:
        return Evidence(d, k, k, k + 3, text, HOSTILE[k % len(HOSTILE)], k % 3)

    ents = [
        Entity(
            f"Mechanism/机制{i}<{s[:20]}>",
            "Mechanism",
            s,
            [a for a in HOSTILE if a and a != s][:3],
            None,
            [0.5, 1.0, 0.0, 1e-7, 0.123456789, 0.85, 1e20, 1][i % 8],
            [evid(i, s), evid(i + 1, s, other)],
        )
        for i, s in enumerate(HOSTILE)
    ]
    ents.append(Entity("Village/150123/明星村%20 空格", "Village", "明星村", [], "150123", 0.9,
                       [evid(3, HOSTILE[2])], linked=True))
    ids = [e.id for e in ents]
    rels = [
        Relation(ids[i], "implements", ids[i + 1], HOSTILE[i] or None, 0.7,
                 [evid(i, HOSTILE[i]), evid(i + 2, HOSTILE[-1], other)])
        for i in range(len(ids) - 1)
    ] + [Relation(ids[-1], "locatedIn", ids[0], None, 1.0, [])]
    docs = [
        Document(doc, f"seeds/{doc}\t\n.txt", "", articles=[Article(0, HOSTILE[0], HOSTILE[2]),
                                                             Article(1, HOSTILE[5])]),
        Document(other, f"{other}.txt", "", articles=[Article(2, HOSTILE[3], HOSTILE[4])]),
    ]
    return build_graph(ents, rels, docs)


def test_hostile_strings_and_iris_give_the_triples_of_to_rdf():
    text = assert_same_triples(hostile_graph())
    # one line per literal: every control character is escaped
    assert not any(ch in text for ch in "\r\t\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f")
    assert "明星村%2520%20空格" in text  # iri_escape: readable Chinese, the rest percent-encoded


def test_hostile_strings_read_back_to_the_same_networkx_graph(tmp_path):
    g = hostile_graph()
    path = tmp_path / "hostile.ttl"
    write_turtle(g, path)
    back = read_graph(path)
    assert back.graph == g.graph
    assert list(back.nodes(data=True)) == list(g.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(g.edges(keys=True, data=True))


def test_literal_forms():
    text = serialize_turtle(hostile_graph())
    assert "kg:confidence 0.85 ;" in text  # xsd:decimal bare where Turtle allows
    assert 'kg:confidence "100000000000000000000"^^xsd:decimal' in text  # no dot: typed
    assert "kg:inGazetteer true ;" in text
    assert "kg:evidenceStart 3 ;" in text
    assert r'"line\nbreak\r\nand\ttab"@zh' in text
    assert r'"controls \u0000\u0001\u0007\b\u000B\f\u001B\u001F\u007F end"' in text
    assert r'"back\\slash \\n \\u0041 \\\\"' in text
    assert r'"say \"hi\" and ' + "'bye'\"" in text


@pytest.mark.parametrize("seed", [1, 2])
def test_hostile_graph_bytes_do_not_depend_on_insertion_order(seed):
    g = hostile_graph()
    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    nodes, edges = list(g.nodes(data=True)), list(g.edges(keys=True, data=True))
    random.Random(seed).shuffle(nodes)
    random.Random(seed).shuffle(edges)
    h.add_nodes_from(nodes)
    for s, o, k, data in edges:
        h.add_edge(s, o, key=k, **data)
    assert serialize_turtle(h) == serialize_turtle(g)


def test_an_undeclared_type_fails_before_the_file_is_written(tmp_path):
    g = build_graph([Entity("X/1", "Hamlet", "某屯")], [], [])
    with pytest.raises(AttributeError, match="Hamlet"):
        write_turtle(g, tmp_path / "g.ttl")
    assert not (tmp_path / "g.ttl").exists()


# ------------------------------------------------------------------ literals without rdflib

@pytest.mark.parametrize("value", ["2024-05-16", "0001-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "2024-5-6",
                                   "20240516", "2024-05-16T10:00", "2024-05-16Z", "2024-05-16+08:00", "+2024-05-16",
                                   "2024-13-01", "二〇二四年五月", " 2024-05-16", "2024-05-16\n"])
def test_a_date_is_written_as_rdflib_writes_it(value):
    """kg.export.turtle writes a plain date itself and asks rdflib about every other form."""
    from kg.export import turtle

    assert turtle._t_date(value) == turtle._t_rdflib_literal(Literal(value, datatype=XSD.date))


def test_a_confidence_and_a_url_are_written_as_rdflib_writes_them():
    import random

    from kg.export import turtle
    from kg.export.rdf import _decimal

    rng = random.Random(19)
    values = [i / 1000 for i in range(1001)] + [rng.random() for _ in range(2000)]
    values += [1e-7, 1e22, 0.1 + 0.2, 5e-324, -0.0, 123456789.123456789, float("inf"), float("nan"), 1, True]
    for x in values:
        assert turtle._t_decimal(x) == turtle._t_rdflib_literal(_decimal(x)), x
    for url in ["http://example.org/a?b=1&c=2", "https://例子.中国/新闻 1", 'http://a/"q"\\', "a b", "\n"]:
        assert turtle._t_any_uri(url) == turtle._t_rdflib_literal(Literal(url, datatype=XSD.anyURI)), url
