"""The HTML view without a browser: offline, safe with hostile text, deterministic.

The graphs here are built by hand with :func:`kg.graph.build_graph`, so these tests do not
depend on the extractors.  ``test_html_browser.py`` imports them to drive a real browser.
"""

from __future__ import annotations

import hashlib
import json
import re
from base64 import b64encode
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import CLUSTER_THRESHOLD, TEMPLATES, render_html, write_html
from kg.export.layout import compute_layout
from kg.export.rdf import read_graph
from kg.graph import build_graph
from kg.model import Article, Document, Entity, Evidence, Relation

# --------------------------------------------------------------------------- graphs

HEADLINE = "新城区：党建引领基层治理见实效"
ZHANG_SENTENCE = "新春社区党委书记、居委会主任张强介绍……"
CHAIN_SENTENCE = "呼和浩特市新城区迎新路街道新春社区推行“网格化管理”。"


def _doc(doc_id: str, headlines: list[str], text: str = "") -> Document:
    return Document(
        id=doc_id,
        path=f"seeds/{doc_id}.txt",
        text=text,
        articles=[Article(index=i, headline=h) for i, h in enumerate(headlines)],
    )


def _ev(doc: str, sentence: int, text: str, article: int = 0) -> Evidence:
    return Evidence(doc, sentence, 0, len(text), text, "test", article)


def sample_graph() -> nx.MultiDiGraph:
    """A small, realistic neighbourhood: one place chain, a Party committee, its secretary."""
    chain = _ev("d001", 3, CHAIN_SENTENCE)
    zhang = _ev("d001", 7, ZHANG_SENTENCE)
    other = _ev("d002", 2, "托克托县双河镇推行“四议两公开”工作法。")
    entities = [
        Entity("City/150100", "City", "呼和浩特市", ["呼市"], "150100", 0.99, [chain]),
        Entity("County/150102", "County", "新城区", [], "150102", 0.95, [chain]),
        Entity("County/150122", "County", "托克托县", ["托县"], "150122", 0.97, [other]),
        Entity("Street/150102/迎新路街道", "Street", "迎新路街道", [], None, 0.9, [chain]),
        Entity("Town/150122/双河镇", "Town", "双河镇", [], None, 0.9, [other]),
        Entity(
            "Community/150102/迎新路街道/新春社区", "Community", "新春社区", [], None, 0.9, [chain]
        ),
        Entity(
            "Organization/新春社区党委", "Organization", "新春社区党委", [], None, 0.85, [zhang]
        ),
        Entity("Person/张强", "Person", "张强", [], None, 0.9, [zhang]),
        Entity("Mechanism/网格化管理", "Mechanism", "网格化管理", [], None, 0.8, [chain]),
        Entity(
            "Mechanism/四议两公开",
            "Mechanism",
            "四议两公开",
            ["四议两公开工作法"],
            None,
            0.6,
            [other],
        ),
    ]
    relations = [
        Relation(
            "Community/150102/迎新路街道/新春社区",
            "locatedIn",
            "Street/150102/迎新路街道",
            confidence=0.9,
            evidence=[chain],
        ),
        Relation(
            "Street/150102/迎新路街道",
            "locatedIn",
            "County/150102",
            confidence=0.9,
            evidence=[chain],
        ),
        Relation("County/150102", "locatedIn", "City/150100", confidence=0.99, evidence=[chain]),
        Relation("County/150122", "locatedIn", "City/150100", confidence=0.99, evidence=[other]),
        Relation(
            "Town/150122/双河镇", "locatedIn", "County/150122", confidence=0.9, evidence=[other]
        ),
        Relation(
            "Organization/新春社区党委",
            "locatedIn",
            "Community/150102/迎新路街道/新春社区",
            confidence=0.8,
            evidence=[zhang],
        ),
        Relation(
            "Person/张强",
            "leads",
            "Organization/新春社区党委",
            role="社区党委书记",
            confidence=0.9,
            evidence=[zhang],
        ),
        Relation(
            "Community/150102/迎新路街道/新春社区",
            "implements",
            "Mechanism/网格化管理",
            confidence=0.7,
            evidence=[chain],
        ),
        Relation(
            "Town/150122/双河镇",
            "implements",
            "Mechanism/四议两公开",
            confidence=0.5,
            evidence=[other],
        ),
    ]
    docs = [_doc("d001", [HEADLINE]), _doc("d002", ["托克托县：村务公开有章法"])]
    return build_graph(entities, relations, docs)


#: Strings that would run script or load something if they ever became markup or a URL.
#: Each one tries to set ``window.__pwned``, which the browser test watches.
HOSTILE = {
    "name_script": "<script>window.__pwned='name'</script>",
    "name_img": "<img src=x onerror=\"window.__pwned='img'\">",
    "alias_js": "javascript:window.__pwned='alias'",
    "quotes": "\"'`><svg onload=window.__pwned='svg'>",
    "sentence": "</script><script>window.__pwned='sentence'</script>",
    "headline": "<iframe src=\"javascript:window.__pwned='headline'\"></iframe>",
    "role": "<a href=\"javascript:window.__pwned='role'\">书记</a>",
    "doc": "d\"><img src=x onerror=window.__pwned='doc'>",
    "separators": "line\u2028separator\u2029paragraph <!-- --> ]]>",
}


def hostile_graph() -> nx.MultiDiGraph:
    """Every string field the page shows holds something that must stay text."""
    doc = HOSTILE["doc"]
    ev = _ev(doc, 0, HOSTILE["sentence"] + " " + HOSTILE["separators"])
    entities = [
        Entity(
            "Person/" + HOSTILE["name_script"],
            "Person",
            HOSTILE["name_script"],
            [HOSTILE["alias_js"], HOSTILE["quotes"]],
            None,
            0.9,
            [ev],
        ),
        Entity(
            "Organization/x", "Organization", HOSTILE["name_img"], [], HOSTILE["quotes"], 0.9, [ev]
        ),
        Entity("Community/x", "Community", HOSTILE["separators"], [], None, 0.9, [ev]),
    ]
    relations = [
        Relation(
            "Person/" + HOSTILE["name_script"],
            "leads",
            "Organization/x",
            role=HOSTILE["role"],
            confidence=0.9,
            evidence=[ev],
        ),
        Relation("Organization/x", "locatedIn", "Community/x", confidence=0.8, evidence=[ev]),
    ]
    return build_graph(entities, relations, [_doc(doc, [HOSTILE["headline"]])])


def star_graph(n: int) -> nx.MultiDiGraph:
    """``n`` people who all lead one committee: degree decides what a cap keeps."""
    hub = Entity("Organization/hub", "Organization", "中心党委", confidence=0.9)
    people = [Entity(f"Person/{i:05d}", "Person", f"人员{i:05d}", confidence=0.5) for i in range(n)]
    leads = [Relation(p.id, "leads", hub.id, confidence=0.5) for p in people[: n // 2]]
    return build_graph([hub, *people], leads, [])


def named_graph() -> nx.MultiDiGraph:
    """Bodies keyed by the place in their name and based in it (as the resolver does), one
    placed by a statement too, one keyed after a path that two places share."""
    places = [
        Entity("City/150100", "City", "呼和浩特市", adcode="150100", confidence=0.99),
        Entity("County/150102", "County", "新城区", adcode="150102", confidence=0.95),
        Entity("Street/150102/迎新路街道", "Street", "迎新路街道", confidence=0.9),
        Entity("Community/150102/迎新路街道/新春社区", "Community", "新春社区", confidence=0.9),
        # A town and a street of one name: a body named after it could be either.
        Entity("Town/150102/同名", "Town", "同名镇", confidence=0.9),
        Entity("Street/150102/同名", "Street", "同名街道", confidence=0.9),
    ]
    community = "Community/150102/迎新路街道/新春社区"
    bodies = [
        Entity("Organization/150102/迎新路街道/新春社区/党委", "Organization", "新春社区党委", place=community),
        Entity("Organization/150102/迎新路街道/新春社区/居委会", "Organization", "新春社区居委会", place=community),
        # keyed after a path two places share, and not based in either by the resolver
        Entity("Organization/150102/同名/党委", "Organization", "同名党委"),
        Entity("Organization/自治区党委组织部", "Organization", "自治区党委组织部"),
        Entity("Person/150102/迎新路街道/张三", "Person", "张三"),
    ]
    relations = [
        Relation("Community/150102/迎新路街道/新春社区", "locatedIn", "Street/150102/迎新路街道"),
        Relation("Street/150102/迎新路街道", "locatedIn", "County/150102"),
        Relation("County/150102", "locatedIn", "City/150100"),
        Relation("Town/150102/同名", "locatedIn", "County/150102"),
        Relation("Street/150102/同名", "locatedIn", "County/150102"),
        # This one is placed by a statement, which wins over its name.
        Relation("Organization/150102/迎新路街道/新春社区/居委会", "locatedIn", "County/150102"),
    ]
    return build_graph([*places, *bodies], relations, [])


# --------------------------------------------------------------------------- helpers


def json_block(page: str, block: str) -> object:
    """The JSON data block ``kg-<block>`` of a rendered page."""
    m = re.search(rf'<script type="application/json" id="kg-{block}">(.*?)</script>', page, re.S)
    assert m, f"no kg-{block} block"
    return json.loads(m.group(1))


def without_data(page: str) -> str:
    """The page with the contents of its JSON data blocks removed."""
    return re.sub(
        r'(<script type="application/json"[^>]*>).*?(</script>)', r"\1\2", page, flags=re.S
    )


def without_vis(page: str) -> str:
    """The page without the inlined vis-network library (which handles images itself)."""
    start = page.index("<script>", page.index('id="kg-page"'))
    end = page.index("</script>", start)
    assert "vis-network" in page[start:end]
    return page[:start] + page[end:]


class _Tags(HTMLParser):
    """Every start tag with its attributes, as the browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_graph())


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_html(hostile_graph())


# --------------------------------------------------------------------------- offline


def test_no_remote_src_or_href(page: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    for tag, attrs in tags(page):
        for name in ("src", "href"):
            assert attrs.get(name) is None, f"<{tag} {name}=...> would load something"
        assert tag not in {"link", "iframe", "img", "object", "embed"}


def test_everything_is_inline(page: str) -> None:
    scripts = [attrs for tag, attrs in tags(page) if tag == "script"]
    assert [s.get("type") for s in scripts] == ["application/json", None, None]
    assert "vis.Network" in page and "new vis.DataSet" in page  # vis-network is inlined
    assert "@font-face" not in page and "@import" not in page


def test_csp_allows_exactly_the_inline_scripts(page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline' " not in csp.split("script-src")[1]
    bodies = re.findall(r"<script>(.*?)</script>", page, re.S)
    for body in bodies:
        digest = b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# --------------------------------------------------------------------------- content


def test_every_node_name_is_in_the_page(page: str) -> None:
    g = sample_graph()
    for _, name in g.nodes(data="name"):
        assert name in page
    names = [e["name"] for e in json_block(page, "page")["entities"]]
    assert sorted(names) == sorted(name for _, name in g.nodes(data="name"))


def test_panel_data_carries_evidence_headline_and_chain(page: str) -> None:
    data = json_block(page, "page")
    entities = data["entities"]
    by_name = {e["name"]: i for i, e in enumerate(entities)}
    leads = [s for s in data["statements"] if s["relation"] == "leads"]
    assert len(leads) == 1
    assert entities[leads[0]["s"]]["name"] == "张强"
    assert entities[leads[0]["o"]]["name"] == "新春社区党委"
    assert leads[0]["role"] == "社区党委书记"
    assert [data["sentences"][k] for k in leads[0]["evidence"]] == [["d001", 0, ZHANG_SENTENCE]]
    assert data["documents"]["d001"]["headlines"]["0"] == HEADLINE
    chain = [name for _, name, _ in entities[by_name["新春社区"]]["chain"]]
    assert chain == ["迎新路街道", "新城区", "呼和浩特市"]
    assert entities[by_name["呼和浩特市"]]["adcode"] == "150100"
    assert entities[by_name["呼和浩特市"]]["aliases"] == ["呼市"]


def test_a_body_without_a_place_shows_the_place_it_is_named_after() -> None:
    entities = json_block(render_html(named_graph()), "page")["entities"]
    by_name = {e["name"]: e for e in entities}
    index = {e["name"]: i for i, e in enumerate(entities)}

    def names(steps):
        return None if steps is None else [name for _, name, _ in steps]

    committee = by_name["新春社区党委"]
    assert committee["chain"] == []
    assert names(committee["namedAfter"]) == ["新春社区", "迎新路街道", "新城区", "呼和浩特市"]
    first = committee["namedAfter"][0]
    assert first == [index["新春社区"], "新春社区", "Community"]  # a link to the drawn node
    # A statement places the residents' committee: its chain, and no guess from the name.
    placed = by_name["新春社区居委会"]
    assert names(placed["chain"]) == ["新城区", "呼和浩特市"] and placed["namedAfter"] is None
    # No kg:basedIn: nothing is read back out of the key, whatever place it seems to name.
    assert by_name["同名党委"]["namedAfter"] is None
    assert by_name["自治区党委组织部"]["namedAfter"] is None
    assert by_name["张三"]["namedAfter"] is None  # only bodies are named after places
    assert by_name["新春社区"]["namedAfter"] is None


def test_named_after_falls_back_to_a_kept_place() -> None:
    """With the community under the page's confidence floor, the body names the street above
    it (along locatedIn, from the place the resolver based it in)."""
    g = named_graph()
    g.nodes["Community/150102/迎新路街道/新春社区"]["confidence"] = 0.1
    entities = json_block(render_html(g, min_confidence=0.5), "page")["entities"]
    committee = next(e for e in entities if e["name"] == "新春社区党委")
    assert [name for _, name, _ in committee["namedAfter"]] == [
        "迎新路街道",
        "新城区",
        "呼和浩特市",
    ]


def test_types_have_colour_shape_and_counts(page: str) -> None:
    types = json_block(page, "page")["types"]
    assert [t["name"] for t in types][:3] == ["Province", "City", "County"]
    assert {t["name"]: t["count"] for t in types}["County"] == 2
    assert len({(t["colour"], t["shape"]) for t in types}) == len(types)
    entities = json_block(page, "page")["entities"]
    assert {e["type"] for e in entities} <= {t["name"] for t in types}
    hub = max(entities, key=lambda e: e["size"])
    assert hub["name"] in {"新春社区", "呼和浩特市"}  # size grows with degree


def test_vis_gets_no_title_and_no_label() -> None:
    """vis-network renders a string ``title`` as HTML, so the page draws tooltips and labels."""
    js = (TEMPLATES / "graph.js").read_text(encoding="utf-8")
    for item in ("nodeItem", "clusterItem", "edgeItem"):
        body = js[js.index(f"function {item}(") :]
        body = body[: body.index("\n  }\n")]
        assert "title" not in body and "label" not in body, item


def test_interface_script_never_parses_markup() -> None:
    js = (TEMPLATES / "graph.js").read_text(encoding="utf-8")
    sinks = r"\.(innerHTML|outerHTML|insertAdjacentHTML|write|writeln)\b|\beval\(|new Function"
    assert not re.search(sinks, js)
    # the one link the script makes: what it made itself (the PNG, the corrections), as a
    # blob: URL to download
    png = "const url = URL.createObjectURL(blob);\n    const a = document.createElement(\"a\");\n    a.href = url;"
    assert js.count(png) == 1 and js.count("href") == 1
    for attribute in ('setAttribute("on', "href", "src", "</script"):
        assert attribute not in js.replace(png, ""), attribute


# --------------------------------------------------------------------------- hostile input


def test_hostile_strings_stay_inside_escaped_json(hostile_page: str, page: str) -> None:
    # Outside the data blocks the two pages are the same bytes: nothing from the input leaks.
    assert without_data(hostile_page) == without_data(page)
    ours = without_vis(without_data(hostile_page))
    assert "__pwned" not in ours
    assert "onerror" not in ours.lower() and "javascript:" not in ours.lower()
    for needle in (
        "<script>window",
        "<img",
        "<iframe",
        "<svg",
        "<a href",
        "<!--",
        "]]>",
        "\u2028",
        "\u2029",
    ):
        assert needle not in hostile_page, repr(needle)


def test_hostile_page_has_only_its_own_tags(hostile_page: str, page: str) -> None:
    assert [t for t, _ in tags(hostile_page)] == [t for t, _ in tags(page)]


def test_hostile_strings_round_trip_exactly(hostile_page: str) -> None:
    data = json_block(hostile_page, "page")
    names = {e["name"] for e in data["entities"]}
    assert {HOSTILE["name_script"], HOSTILE["name_img"], HOSTILE["separators"]} == names
    person = next(e for e in data["entities"] if e["type"] == "Person")
    assert person["aliases"] == sorted([HOSTILE["alias_js"], HOSTILE["quotes"]])
    leads = next(s for s in data["statements"] if s["relation"] == "leads")
    assert leads["role"] == HOSTILE["role"]
    assert data["sentences"][leads["evidence"][0]][0] == HOSTILE["doc"]
    assert data["documents"][HOSTILE["doc"]]["headlines"]["0"] == HOSTILE["headline"]


# --------------------------------------------------------------------------- determinism


def test_byte_identical_across_renders() -> None:
    assert render_html(sample_graph()) == render_html(sample_graph())
    assert render_html(hostile_graph()) == render_html(hostile_graph())


def test_byte_identical_for_a_clustered_page() -> None:
    big = star_graph(CLUSTER_THRESHOLD + 10)
    first, second = render_html(big), render_html(big)
    assert first == second
    data = json_block(first, "page")
    assert all("x" in e and "y" in e for e in data["entities"])
    assert data["options"]["physics"]["enabled"] is False
    assert data["meta"]["clustered"] is True and data["clusters"]


def test_small_pages_are_not_clustered_and_never_run_physics(page: str) -> None:
    data = json_block(page, "page")
    assert data["options"]["physics"]["enabled"] is False
    assert data["meta"]["clustered"] is False and data["clusters"] == []


def test_layout_places_every_node_apart_and_is_stable() -> None:
    g = sample_graph()
    pos = compute_layout(g, cluster=False).positions
    assert set(pos) == set(g.nodes)
    assert len(set(pos.values())) == len(pos)
    assert pos == compute_layout(g, cluster=False).positions


def _distance(pos: dict, a: str, b: str) -> float:
    return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5


def test_layout_puts_a_body_by_its_place_and_a_leader_by_the_body() -> None:
    """basedIn and leads decide where a body and a person are drawn: beside what they belong to."""
    g = named_graph()
    layout = compute_layout(g, cluster=False)
    pos = layout.positions
    community = "Community/150102/迎新路街道/新春社区"
    committee = "Organization/150102/迎新路街道/新春社区/党委"
    assert layout.based[committee] == community and layout.anchor[committee] == community
    others = [n for n in g if n not in (community, committee)]
    nearest = min(others + [community], key=lambda n: _distance(pos, committee, n))
    assert nearest == community
    s = sample_graph()
    spos = compute_layout(s, cluster=False).positions
    person, body = next(n for n in s if s.nodes[n]["type"] == "Person"), "Organization/新春社区党委"
    assert min((n for n in s if n != person), key=lambda n: _distance(spos, person, n)) == body


def test_unrelated_entities_are_gathered_in_one_labelled_group_per_type() -> None:
    people = [Entity(f"Person/p{i}", "Person", f"人{i:02d}") for i in range(12)]
    mechs = [Entity(f"Mechanism/m{i}", "Mechanism", f"机制{i}") for i in range(3)]
    g = build_graph([*people, *mechs, Entity("City/150100", "City", "呼和浩特市")], [], [])
    layout = compute_layout(g, cluster=False)
    assert [(grp["type"], grp["count"]) for grp in layout.groups] == [
        ("City", 1),
        ("Person", 12),
        ("Mechanism", 3),
    ]
    tops = {grp["type"]: grp["y"] for grp in layout.groups}
    assert all(layout.positions[e.id][1] >= tops["Person"] for e in people)
    assert all(layout.positions[e.id][1] >= tops["Mechanism"] > tops["Person"] for e in mechs)


def test_clusters_by_city_and_county() -> None:
    g = sample_graph()
    layout = compute_layout(g, cluster=True)
    names = {c.name: c for c in layout.clusters}
    city, county = names["呼和浩特市"], names["新城区"]
    assert county.parent == layout.clusters.index(city) and city.parent is None
    cluster_of = {n: layout.clusters[c].name for n, c in layout.cluster_of.items()}
    assert cluster_of["Community/150102/迎新路街道/新春社区"] == "新城区"
    assert cluster_of["County/150102"] == "呼和浩特市"
    assert "City/150100" not in cluster_of  # a city is drawn, as its bubble while closed
    assert (county.x, county.y) == layout.positions["County/150102"]


def test_evidence_sentences_are_stored_once() -> None:
    data = json_block(render_html(sample_graph()), "page")
    rows = [tuple(r) for r in data["sentences"]]
    assert len(rows) == len(set(rows))
    assert ("d001", 0, CHAIN_SENTENCE) in rows


# --------------------------------------------------------------------------- cap and floor


def test_max_nodes_keeps_the_best_connected_and_says_what_went() -> None:
    g = star_graph(40)
    page = render_html(g, max_nodes=21)
    data = json_block(page, "page")
    names = [e["name"] for e in data["entities"]]
    assert len(names) == 21 and "中心党委" in names
    assert all(e["degree"] == 1 for e in data["entities"] if e["type"] == "Person")
    meta = data["meta"]
    assert meta["nodesTotal"] == 41 and meta["nodesDrawn"] == 21 and meta["nodesCapped"] == 20
    assert meta["leftOutByType"] == {"Person": 20}
    assert len(data["entities"]) == 21


def test_max_nodes_zero_and_negative() -> None:
    assert json_block(render_html(sample_graph(), max_nodes=0), "page")["entities"] == []
    with pytest.raises(ValueError):
        render_html(sample_graph(), max_nodes=-1)


def test_min_confidence_drops_before_drawing() -> None:
    data = json_block(render_html(sample_graph(), min_confidence=0.75), "page")
    names = {e["name"] for e in data["entities"]}
    assert "四议两公开" not in names and "张强" in names
    assert all(s["confidence"] >= 0.75 for s in data["statements"])
    assert data["meta"]["nodesBelowConfidence"] == 1
    assert data["meta"]["minConfidence"] == 0.75


def test_write_html(tmp_path: Path) -> None:
    out = write_html(sample_graph(), tmp_path / "graph.html", max_nodes=5)
    assert out.read_text(encoding="utf-8") == render_html(sample_graph(), max_nodes=5)


def test_named_after_follows_the_resolvers_place_first() -> None:
    """A body the resolver based in a place (``place``, kg:basedIn) shows it, whatever its key."""
    g = named_graph()
    g.nodes["Organization/自治区党委组织部"]["place"] = "Street/150102/迎新路街道"
    entities = json_block(render_html(g), "page")["entities"]
    body = next(e for e in entities if e["name"] == "自治区党委组织部")
    assert [name for _, name, _ in body["namedAfter"]] == ["迎新路街道", "新城区", "呼和浩特市"]


# --------------------------------------------------------------------------- dates (issue 16)

#: A title that would run script if the page ever made markup of it; the browser test
#: watches ``window.__pwned``.
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='title'\">岩头镇恳谈会"
#: A crawler's export: four towns, four dates and one record without a date.
DATED_RECORDS = [
    {"text": "德清县莫干山镇推行“民情恳谈会”机制。莫干山镇党委书记方卫东介绍，恳谈会每月召开一次，群众的事情大家商量着办。",
     "title": "莫干山镇的民情恳谈会", "date": "2022-05-10", "source": "湖畔日报"},
    {"text": "宁海县前童镇推行“说事长廊”机制。前童镇党委书记叶青禾说，村民在长廊里说事，村干部现场办理。",
     "title": "前童镇说事长廊", "date": "2023年11月2日", "source": "甬上晚报"},
    {"text": "永嘉县岩头镇推行“民情恳谈会”机制。岩头镇党委书记孔令川介绍，全镇已召开恳谈会二十余场。",
     "title": HOSTILE_TITLE, "date": "2024-06-18", "source": "瓯江新闻"},
    {"text": "桐庐县分水镇推行“说事长廊”机制。分水镇党委书记俞晓岚介绍，说事长廊让群众有了说话的地方。",
     "title": "分水镇说事长廊"},
    # 前童镇 again, a year on, without its mechanism: in 2024 the town is drawn, and so is
    # 说事长廊 (while undated is on), but not the 2023 statement that joins them
    {"text": "宁海县前童镇党委书记叶青禾介绍，全镇今年新建了三个村级服务站。",
     "title": "前童镇建起村级服务站", "date": "2024-09-01", "source": "甬上晚报"},
]
#: A newspaper page as plain text, dated by its date line.
DATED_PAGE_TITLE = "武义县柳城镇推行“民情恳谈会”机制"
DATED_PAGE = (
    f"{DATED_PAGE_TITLE}\n\n"
    "　　本报讯（2024年3月5日）武义县柳城镇推行“民情恳谈会”机制。柳城镇党委书记何立新介绍，"
    "恳谈会让群众的事情有人管、有人办。\n"
)
#: Who leads in the documents, and those documents' dates ("" for none).
LEADERS_DATED = {"方卫东": ["2022-05-10"], "叶青禾": ["2023-11-02", "2024-09-01"],
                 "孔令川": ["2024-06-18"], "俞晓岚": [""], "何立新": ["2024-03-05"]}


def write_dated_corpus(folder: Path) -> Path:
    """The sources folder of :data:`DATED_RECORDS` and :data:`DATED_PAGE`."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in DATED_RECORDS]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "page-0305.txt").write_text(DATED_PAGE, encoding="utf-8")
    return folder


def evidence_date(g: nx.MultiDiGraph, ev: dict) -> str:
    """The date of an evidence dict's article, read from the graph itself ("" when none)."""
    articles = g.graph["documents"].get(ev["doc"], {}).get("articles", [])
    own = [a.get("date") for a in articles if a["index"] == ev["article"]]
    return own[0] if own and own[0] else min((a["date"] for a in articles if a.get("date")), default="")


def kept_by_dates(g: nx.MultiDiGraph, start: str, end: str, undated: bool) -> tuple[set, set]:
    """What a date range should keep, worked out from the graph: (entity names, statements).

    A statement as ``(subject name, relation, object name)``: kept when one of its evidence
    sentences is dated in the range (or undated, with ``undated``); an entity when one of its
    mentions is, or one of its statements is kept (with neither, it counts as undated).
    """
    def ok(dates: set[str]) -> bool:
        return any(start <= d <= end if d else undated for d in dates or {""})

    name = {n: d["name"] for n, d in g.nodes(data=True)}
    statements, entities = set(), set()
    for u, v, d in g.edges(data=True):
        if ok({evidence_date(g, e) for e in d.get("evidence", [])}):
            statements.add((name[u], d["relation"], name[v]))
            entities |= {name[u], name[v]}
    for n, d in g.nodes(data=True):
        mentions = d.get("mentions", [])
        if mentions or not g.degree(n):  # no mention and no statement: undated
            if ok({evidence_date(g, m) for m in mentions}):
                entities.add(name[n])
    return entities, statements


def dated_graph() -> nx.MultiDiGraph:
    """By hand: a page of two articles (the second with a later date of its own, a third with
    none), a document without a date, and one entity spoken of in both."""
    first = _ev("page", 0, "托克托县双河镇推行“四议两公开”工作法。", article=0)
    later = _ev("page", 1, "托克托县双河镇召开议事会。", article=1)
    third = _ev("page", 2, "双河镇党委书记李青介绍……", article=2)
    plain = _ev("plain", 0, "双河镇的村务公开栏更新了。")
    town = Entity("Town/150122/双河镇", "Town", "双河镇", [], None, 0.9, [first, later, plain])
    mech = Entity("Mechanism/四议两公开", "Mechanism", "四议两公开", [], None, 0.8, [first])
    person = Entity("Person/李青", "Person", "李青", [], None, 0.9, [third])
    docs = [
        Document("page", "seeds/page.txt", "", articles=[
            Article(index=0, headline="双河镇：四议两公开", date="2024-03-05"),
            Article(index=1, headline="议事会", date="2024-03-08"),
            Article(index=2, headline="村里来了新书记"),
        ]),
        Document("plain", "seeds/plain.txt", "", articles=[Article(index=0, headline="村务公开")]),
    ]
    relations = [Relation(town.id, "implements", mech.id, confidence=0.8, evidence=[first])]
    return build_graph([town, mech, person], relations, docs)


def test_page_data_dates_each_document_once() -> None:
    data = json_block(render_html(dated_graph()), "page")
    # the page's date is its earliest article's; only an article dated otherwise is listed
    assert data["documents"]["page"] == {
        "title": "双河镇：四议两公开",
        "headlines": {"0": "双河镇：四议两公开", "1": "议事会", "2": "村里来了新书记"},
        "date": "2024-03-05",
        "dates": {"1": "2024-03-08"},
    }
    assert "date" not in data["documents"]["plain"] and "dates" not in data["documents"]["plain"]
    assert data["meta"]["dates"] == {"first": "2024-03-05", "last": "2024-03-08",
                                     "documents": 1, "undatedDocuments": 1}
    by_name = {e["name"]: e for e in data["entities"]}
    # every mention's date, "" first for the undated document; the undated article takes
    # its page's date
    assert by_name["双河镇"]["dates"] == ["", "2024-03-05", "2024-03-08"]
    assert by_name["李青"]["dates"] == ["2024-03-05"]
    # dates are not repeated per fact or sentence: sentences stay [doc, article, text]
    assert all(len(row) == 3 for row in data["sentences"])
    assert "2024-03-08" not in json.dumps(data["statements"])


def test_a_graph_without_dates_says_so(page: str) -> None:
    data = json_block(page, "page")
    assert data["meta"]["dates"] == {"first": None, "last": None, "documents": 0, "undatedDocuments": 2}
    assert all(e["dates"] in ([], [""]) for e in data["entities"])


def test_a_date_that_is_not_iso_is_no_date() -> None:
    g = dated_graph()
    g.graph["documents"]["plain"]["articles"][0]["date"] = "去年春天"
    assert "date" not in json_block(render_html(g), "page")["documents"]["plain"]


@pytest.fixture(scope="module")
def dated(dated_build) -> tuple[nx.MultiDiGraph, str, Path]:
    """The corpus's graph, the page ``kg build`` wrote for it, and the output folder."""
    result, out = dated_build
    return result.graph, (out / "graph.html").read_text(encoding="utf-8"), out


def test_a_built_corpus_carries_its_dates_and_titles_to_the_page(dated) -> None:
    g, page, out = dated
    data = json_block(page, "page")
    docs = data["documents"]
    assert docs["page-0305"]["date"] == "2024-03-05"  # from the date line 本报讯（2024年3月5日）
    assert docs["page-0305"]["headlines"]["0"] == DATED_PAGE_TITLE
    assert (docs["news#2"]["date"], docs["news#3"]["date"]) == ("2023-11-02", "2024-06-18")
    assert docs["news#3"]["title"] == HOSTILE_TITLE and "date" not in docs["news#4"]
    assert data["meta"]["dates"] == {"first": "2022-05-10", "last": "2024-09-01",
                                     "documents": 5, "undatedDocuments": 1}
    by_name = {e["name"]: e for e in data["entities"]}
    for person, dates in LEADERS_DATED.items():
        assert by_name[person]["dates"] == dates, person
    # the same bytes from the graph in memory and from the graph read back from Turtle
    assert render_html(g) == page == render_html(read_graph(out / "graph.ttl"))


def test_a_hostile_title_stays_inside_the_json(dated) -> None:
    _, page, _ = dated
    assert "window.__pwned" in page  # it is there, escaped
    ours = without_vis(without_data(page))
    assert "__pwned" not in ours and "<img" not in page
    assert [t for t, _ in tags(page)] == [t for t, _ in tags(render_html(sample_graph()))]


def test_kept_by_dates_is_what_the_corpus_says(dated) -> None:
    """The browser test compares the page with kept_by_dates: check it against the texts."""
    g, _, _ = dated
    entities, statements = kept_by_dates(g, "2024-01-01", "2024-12-31", undated=False)
    leads = {s for s, r, _ in statements if r == "leads"}
    assert leads == {"孔令川", "何立新", "叶青禾"}
    assert "方卫东" not in entities and "民情恳谈会" in entities and "说事长廊" not in entities
    entities, statements = kept_by_dates(g, "2024-01-01", "2024-12-31", undated=True)
    assert {s for s, r, _ in statements if r == "leads"} == {"孔令川", "何立新", "叶青禾", "俞晓岚"}
    # both ends kept, by other documents, and the 2023 statement between them not
    assert {"前童镇", "说事长廊"} <= entities and ("前童镇", "implements", "说事长廊") not in statements
    assert ("分水镇", "implements", "说事长廊") in statements  # undated
