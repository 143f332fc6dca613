"""The resolver's bodies and their places: ``Entity.place``, exported as ``kg:basedIn``."""

from __future__ import annotations

from conftest import graph_of, names

from kg.extract.document import extract
from kg.graph import filter_confidence
from kg.read import split
from kg.resolve import resolve


def place_of(g, body: str) -> str | None:
    node = next(n for n, d in g.nodes(data=True) if d["type"] == "Organization" and d["name"] == body)
    place = g.nodes[node]["place"]
    return place and g.nodes[place]["name"]


def test_a_body_is_based_in_the_most_specific_place_its_name_names(gaz):
    g = graph_of(
        gaz,
        "兰州市城关区东岗镇党委书记李明远介绍，全镇推行“网格员日巡”制度。"
        "城关区委组织部在东岗镇召开现场会。",
    )
    assert place_of(g, "兰州市城关区东岗镇党委") == "东岗镇"
    assert place_of(g, "城关区委组织部") == "城关区"
    # a fact read from the name, not a relation: no locatedIn edge leaves a body
    assert not [e for e in g.edges(keys=True) if e[2] == "locatedIn" and e[0].startswith("Organization/")]


def test_township_bodies_go_by_the_bare_name(gaz):
    g = graph_of(
        gaz,
        "兰州市城关区东岗镇地处城郊。东岗派出所、东岗司法所联合开展“法律进村”活动。",
    )
    assert place_of(g, "东岗派出所") == "东岗镇"
    assert place_of(g, "东岗司法所") == "东岗镇"


def test_a_body_naming_no_place_has_none(gaz):
    g = graph_of(gaz, "兰州市城关区东岗镇与兰州大学签订协议，兰州大学派出师生驻村服务。")
    assert place_of(g, "兰州大学") == "兰州市"  # a city's bodies drop 市 too
    g = graph_of(gaz, "中国农业科学院专家来到东岗镇，指导农户种植。")
    assert place_of(g, "中国农业科学院") is None


def test_a_place_below_the_confidence_floor_takes_its_body_link_with_it(gaz):
    g = graph_of(gaz, "兰州市城关区东岗镇党委书记李明远介绍，全镇推行“网格员日巡”制度。")
    body = next(n for n, d in g.nodes(data=True) if d["name"] == "兰州市城关区东岗镇党委")
    town = g.nodes[body]["place"]
    floor = g.nodes[town]["confidence"] + 0.001
    g.nodes[body]["confidence"] = 1.0
    h = filter_confidence(g, floor)
    assert body in h and town not in h and h.nodes[body]["place"] is None
    assert g.nodes[body]["place"] == town  # the original graph is untouched


def test_forms_read_only_in_context_are_no_aliases(gaz):
    doc = split("d", "d.txt", "标题\n\n乌审旗嘎鲁图镇萨如拉社区推行“红色议事会”。该社区党委书记张明亮说，全旗社区都在学。"
                              "社区党委还组织党员走访。\n")
    entities, _ = resolve([extract(doc, gaz)], gaz)
    aliases = {a for e in entities for a in e.aliases}
    assert not aliases & {"全旗", "该社区", "社区", "社区党委", "该社区党委"}, aliases


def test_a_body_named_before_its_region_is_keyed_by_the_regions_code(gaz):
    """自治区党委组织部 read before the article names 宁夏回族自治区 is keyed by the region's
    code, as it is where the region was named first: one node however the text orders it."""
    g = graph_of(
        gaz,
        "近日，自治区党委组织部印发通知，要求各地推广“网格员日巡”制度。"
        "宁夏回族自治区银川市兴庆区率先在全区推行这一制度。",
    )
    bodies = sorted(n for n, d in g.nodes(data=True) if d["type"] == "Organization" and "组织部" in d["name"])
    assert bodies == ["Organization/640000/党委组织部"]


def test_an_area_the_table_names_by_its_committee_is_the_area():
    """A county-level area the division table names by its administrative committee
    (某某管委会) is the place 某某管理区, found by its short form too; the committee stays a body."""
    from kg import gazetteer as G

    table = "内蒙古自治区\t150000\n\t青岩盟\t159900\n\t\t白泉管委会\t159971\t白泉\n\t\t\t石桥镇\t159971100000\n"
    gaz = G.Gazetteer(G._parse(table.encode("utf-8")))
    (area,) = gaz.lookup("白泉管理区")
    assert (area.type, area.adcode) == ("County", "159971")
    assert gaz.lookup("白泉") == [area]
    assert gaz.lookup("白泉管委会", aliases=False) == []
    (town,) = gaz.lookup("石桥镇")
    assert gaz.parent(town) == area
    x = extract(split("d0", "d0.txt", "白泉管理区石桥镇推行积分制。白泉管委会主任王海峰说。"), gaz)
    assert ("County", "白泉管理区") in {(m.type, m.canonical) for m in x.mentions}
    assert ("Organization", "白泉管委会") in {(m.type, m.canonical) for m in x.mentions}


def test_what_the_workers_work_out_of_each_page_resolves_as_the_resolver_would():
    """A build's workers hand each extraction its share of resolution (``Extraction.resolved``);
    the entities and facts are the same as with the resolver working it all out itself."""
    from pathlib import Path

    from kg import gazetteer
    from kg.parallel import Task, run_task

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    xs = []
    for i, p in enumerate(seeds):
        data = p.read_bytes()
        xs.append(run_task(Task(i, p.stem, str(p), data, len(data))).extraction)
    assert all(x.resolved is not None and len(x.resolved[0]) == len(x.mentions) for x in xs)
    assert sum(len(x.resolved[1]) for x in xs) > 10  # bodies named after places: votes to compare
    gaz = gazetteer.with_aliases(())
    given = resolve(xs, gaz)
    for x in xs:
        x.resolved = None
    assert resolve(xs, gaz) == given
    # a share that does not fit the mentions (an older cache entry, say) is worked out again
    xs[0].resolved = ((None,), ())
    assert resolve(xs, gaz) == given


def test_a_name_read_once_with_a_character_glued_on_is_the_name_read_more_often(gaz):
    """某某|都会: a reading of a person's name with a character that follows names glued on
    (a tagger's 赵海峰都) is that person, keyed and shown by the name the page uses."""
    from dataclasses import replace

    from kg.graph import build_graph

    text = ("宾川县金牛镇上沧村党支部书记赵海峰谈起上沧的新气象。"
            "遇到难事，赵海峰都会第一个赶到。赵海峰说，这是分内事。\n")
    doc = split("d0", "d0.txt", text)
    x = extract(doc, gaz)
    people = [m for m in x.mentions if m.type == "Person"]
    assert len(people) == 2 and {m.canonical for m in people} == {"赵海峰"}
    # the tagger's reading of the middle sentence, as the learned decisions would add it
    middle = doc.sentences[1]
    at = middle.text.index("赵海峰都")
    glued = replace(people[0], id="d0:1:99", name="赵海峰都", canonical="赵海峰都",
                    evidence=replace(people[0].evidence, sentence=1, start=middle.start + at,
                                     end=middle.start + at + 4, text=middle.text))
    x.mentions.append(glued)
    entities, relations = resolve([x], gaz)
    persons = [e for e in entities if e.type == "Person"]
    assert [e.name for e in persons] == ["赵海峰"] and persons[0].id.startswith("Person/赵海峰@"), persons
    assert len(persons[0].mentions) == 3
    g = build_graph(entities, relations, [doc])
    assert {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Person"} == {"赵海峰"}


def test_a_name_read_as_often_with_an_adverb_glued_on_is_the_short_name(gaz):
    """党支部书记某某正|带领……“……”某某说: jieba reads 正 into the name once, the name alone
    once; an adverb glued on, the person is the short name (one node)."""
    from kg.graph import build_graph

    text = "上沧村党支部书记钱华正带领党员巡河。“河道干净了。”钱华说。\n"
    doc = split("d0", "d0.txt", text)
    x = extract(doc, gaz)
    assert {m.canonical for m in x.mentions if m.type == "Person"} == {"钱华正", "钱华"}
    entities, relations = resolve([x], gaz)
    assert [e.name for e in entities if e.type == "Person"] == ["钱华"]
    g = build_graph(entities, relations, [doc])
    assert {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Person"} == {"钱华"}


def test_a_procuratorate_named_short_in_a_headline_is_the_one_the_page_names_in_full(gaz):
    """某市某区人民检察院 (the site's header), 某区检察院 (the headline), 某区人民检察院 (the
    text): one body, though the short form fits two full forms of it."""
    g = graph_of(gaz, "吴忠市利通区人民检察院\n利通区检察院：“检察+枸杞”护航特色产业\n"
                      "今年以来，利通区人民检察院围绕特色产业推行“检察+枸杞”服务机制。")
    assert {n for n in names(g, "Organization") if "检察院" in n} == {"吴忠市利通区人民检察院"}, names(g, "Organization")


def test_a_courts_unit_named_by_the_level_is_the_unit_of_the_court_the_page_names(gaz):
    """某县人民法院……县法院党组书记: the party group of that court (人民 as the page wrote it)."""
    g = graph_of(gaz, "围场满族蒙古族自治县人民法院推行“庭审进村”。县法院党组书记、院长杜春生介绍了情况。")
    assert "围场满族蒙古族自治县人民法院党组" in names(g, "Organization"), names(g, "Organization")


def test_a_company_and_its_committee_named_by_the_companys_short_name_are_one_body_each(gaz):
    """某某公司, 某某公司党委 after 宾川县某某精密机械有限公司 (a brand of two characters): the
    company and its committee, not two more bodies."""
    g = graph_of(gaz, "走进宾川县金牛镇的宾川县澄光精密机械有限公司装配车间。澄光公司是一家民营企业。"
                      "澄光公司党委书记罗文涛说，党员在车间挂牌上岗。宾川县澄光精密机械有限公司党委成立于2019年。")
    bodies = names(g, "Organization")
    assert {"宾川县澄光精密机械有限公司", "宾川县澄光精密机械有限公司党委"} <= bodies, bodies
    assert not {"澄光公司", "澄光公司党委"} & bodies, bodies


def test_a_name_read_once_with_a_verbs_first_character_is_the_name_read_often(gaz):
    """某某某察|看了: a tagger's reading of the name with the first character of the verb after it
    (杨建华察), where the page names 杨建华 alone three times and more, is that person."""
    from dataclasses import replace

    text = ("宾川县委副书记杨建华到金牛镇调研。“议事要做实。”杨建华说。"
            "在院坝里,杨建华察看了议事台账。“台账要清楚。”杨建华说。\n")
    doc = split("d0", "d0.txt", text)
    x = extract(doc, gaz)
    people = [m for m in x.mentions if m.type == "Person" and m.canonical == "杨建华"]
    assert len(people) >= 3, [m.canonical for m in x.mentions if m.type == "Person"]
    third = next(s for s in doc.sentences if "杨建华察" in s.text)
    at = third.text.index("杨建华察")
    glued = replace(people[0], id="d0:2:99", name="杨建华察", canonical="杨建华察",
                    evidence=replace(people[0].evidence, sentence=third.index, start=third.start + at,
                                     end=third.start + at + 4, text=third.text))
    x.mentions.append(glued)
    entities, _ = resolve([x], gaz)
    assert [e.name for e in entities if e.type == "Person"] == ["杨建华"]


def test_a_body_whose_name_says_its_level_again_is_the_body_named_once(gaz):
    """某某县县委组织部 is 某某县委组织部: the level said again after the place, one body."""
    g = graph_of(gaz, "宾川县委组织部在金牛镇试点“院坝同议”。宾川县县委组织部还选派干部驻村。")
    assert len({n for n in names(g, "Organization") if n.endswith("组织部")}) == 1, names(g, "Organization")
