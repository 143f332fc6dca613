"""Extractors on real sentences from the pages (and variations of them)."""

from __future__ import annotations

import pytest
from conftest import edges, graph_of, summary


def by_name(g, name, type_=None):
    hits = [n for n, d in g.nodes(data=True) if d["name"] == name and (type_ is None or d["type"] == type_)]
    assert len(hits) == 1, (name, hits, sorted(d["name"] for _, d in g.nodes(data=True)))
    return hits[0]


def test_administrative_chain_gives_four_places_and_three_located_in(gaz):
    g = graph_of(gaz, "近日,赤峰市松山区松州街道悦郡社区“阅享空间”内童声朗朗。")
    city, county = by_name(g, "赤峰市", "City"), by_name(g, "松山区", "County")
    street, comm = by_name(g, "松州街道", "Street"), by_name(g, "悦郡社区", "Community")
    assert g.nodes[city]["adcode"] == "150400" and g.nodes[county]["adcode"] == "150404"
    located = edges(g, "locatedIn")
    assert {("悦郡社区", "松州街道"), ("松州街道", "松山区"), ("松山区", "赤峰市")} <= located
    # evidence points at the sentence, with offsets into the file
    ev = g.edges[comm, street, "locatedIn"]["evidence"][0]
    assert ev["doc"] == "d0" and ev["text"].startswith("近日")


def test_post_before_a_name_gives_a_person_who_leads_the_body(gaz):
    g = graph_of(
        gaz,
        "近日,赤峰市松山区松州街道悦郡社区开展活动。\n“现在这里既是便民服务点,又是社区文化地标。”悦郡社区党支部书记于昕阳说。",
    )
    person = by_name(g, "于昕阳", "Person")
    org = by_name(g, "悦郡社区党支部", "Organization")
    data = g.edges[person, org, "leads"]
    assert data["role"] == "党支部书记"
    assert "于昕阳说" in data["evidence"][0]["text"]
    # the body's community is the one of the chain, not another 悦郡社区
    assert ("悦郡社区", "松州街道") in edges(g, "locatedIn")


@pytest.mark.parametrize(
    "sentence, person, body, role",
    [
        ("赤峰市委组织部副部长张广智介绍。", "张广智", "赤峰市委组织部", "副部长"),
        ("乌海市委组织部组织二科科长马韶昱说。", "马韶昱", "乌海市委组织部组织二科", "科长"),
        ("兴安盟突泉县东杜尔基镇明星村党支部书记宋庆林介绍说。", "宋庆林", "明星村党支部", "党支部书记"),
        ("包头市固阳县金山镇党委书记王建国表示。", "王建国", "金山镇党委", "党委书记"),
    ],
)
def test_posts_in_varied_sentences(gaz, sentence, person, body, role):
    g = graph_of(gaz, sentence)
    p = by_name(g, person, "Person")
    o = [n for n, d in g.nodes(data=True) if d["type"] == "Organization" and d["name"].endswith(body)]
    assert o, sorted(d["name"] for _, d in g.nodes(data=True))
    assert g.edges[p, o[0], "leads"]["role"].endswith(role)


def test_short_county_name_is_canonicalised_with_its_adcode(gaz):
    g = graph_of(gaz, "呼和浩特市持续推进基层治理。\n托县双河镇党委书记李明说。")
    county = by_name(g, "托克托县", "County")
    assert g.nodes[county]["adcode"] == "150122"
    assert "托县" in g.nodes[county]["aliases"]
    assert ("托克托县", "呼和浩特市") in edges(g, "locatedIn")
    assert ("双河镇", "托克托县") in edges(g, "locatedIn")


def test_banner_abbreviation(gaz):
    g = graph_of(gaz, "通辽市科左中旗公安局健康派出所开展活动。")
    banner = by_name(g, "科尔沁左翼中旗", "County")
    assert g.nodes[banner]["adcode"] == "150521"


def test_containment_the_text_leaves_out_is_completed(gaz):
    g = graph_of(gaz, "和林格尔县聚焦优势特色产业。")
    assert ("和林格尔县", "呼和浩特市") in edges(g, "locatedIn")
    assert ("呼和浩特市", "内蒙古自治区") in edges(g, "locatedIn")


def test_same_village_name_under_two_parents_stays_two_nodes(gaz):
    g = graph_of(
        gaz,
        "行走在兴安盟突泉县东杜尔基镇明星村,道路平坦通畅。",
        "近日,兴安盟乌兰浩特市葛根庙镇明星村召开大会。",
    )
    villages = [n for n, d in g.nodes(data=True) if d["name"] == "明星村"]
    assert len(villages) == 2
    parents = {g.nodes[v]["name"] for u in villages for _, v, k in g.out_edges(u, keys=True) if k == "locatedIn"}
    assert parents == {"东杜尔基镇", "葛根庙镇"}


@pytest.mark.parametrize(
    "line, names",
    [
        ("□本报记者 宋爽 通讯员 任希悦", {"宋爽", "任希悦"}),
        ("●本报记者 阿柔娜", {"阿柔娜"}),
        ("□见习记者 郝佳丽", {"郝佳丽"}),
        ("◎李晗", {"李晗"}),
        ("本报记者 刘沙沙 摄", {"刘沙沙"}),
    ],
)
def test_bylines_name_reporters(gaz, line, names):
    g = graph_of(gaz, "初心如磐\n\n社区来了大学生党员\n\n" + line + "\n\n近日,社区开展活动。")
    assert {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Person"} == names


def test_photo_credit_and_honorifics(gaz):
    g = graph_of(gaz, "党员们为群众义务理发。赵婧 摄\n张女士说:“服务很周到。”李大姐也很高兴。")
    people = {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Person"}
    assert people == {"赵婧"}


def test_quoted_mechanism_and_its_implementer(gaz):
    g = graph_of(gaz, "近年来,回民区新华西路街道通道北街社区创新“铁三角”机制,把服务送到居民家门口。")
    mech = by_name(g, "铁三角", "Mechanism")
    assert "“铁三角”机制" in g.nodes[mech]["aliases"]
    assert ("通道北街社区", "铁三角") in edges(g, "implements")


def test_slogans_and_generic_bodies_are_not_entities(gaz):
    g = graph_of(gaz, "和林格尔县坚持党建引领,织密产业集群“一张网”,推动链上企业与党组织互联互通,打破“两张皮”困局。")
    names = {d["name"] for _, d in g.nodes(data=True)}
    assert not names & {"一张网", "两张皮", "党建引领", "链上企业", "党组织"}


def test_same_name_is_one_reporter_but_two_unrelated_people(gaz):
    g = graph_of(
        gaz,
        "社区来了大学生党员\n\n□本报记者 宋爽\n\n近日,社区开展活动。村民王建华说:“很好。”",
        "异乡筑堡垒\n\n□本报记者 宋爽\n\n近日,某村召开大会。党员王建华介绍,大家都很积极。",
    )
    people = [d["name"] for _, d in g.nodes(data=True) if d["type"] == "Person"]
    assert people.count("宋爽") == 1  # the paper's byline ties the two pages
    assert people.count("王建华") == 2  # nothing ties the villager and the party member
    reporter = by_name(g, "宋爽", "Person")
    assert g.nodes[reporter]["docs"] == ["d0", "d1"]


def test_user_alias_table_extends_the_gazetteer(tmp_path):
    from kg.gazetteer import load

    table = tmp_path / "aliases.tsv"
    table.write_text("# our own short names\n呼市\t呼和浩特市\tCity\n", encoding="utf-8")
    text = "近年来,呼市持续推进基层治理。"
    assert "呼市" not in {d["name"] for _, d in graph_of(load(), text).nodes(data=True)}
    g = graph_of(load((str(table),)), text)
    city = by_name(g, "呼和浩特市", "City")
    assert g.nodes[city]["adcode"] == "150100" and "呼市" in g.nodes[city]["aliases"]


def test_a_bad_alias_table_is_one_clear_error(tmp_path):
    from kg.errors import InputError
    from kg.gazetteer import read_aliases

    table = tmp_path / "bad.tsv"
    table.write_text("呼市 呼和浩特市\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv: line 1: expected 'alias<TAB>canonical"):
        read_aliases(table)


def test_a_speakers_we_is_the_speakers_body(gaz):
    g = graph_of(
        gaz,
        "包头市昆都仑区少先路街道推进党建引领基层治理。\n"
        "“我们通过网格轮值制度确保服务不断档。”少先路街道党工委副书记刘晓梅介绍道。",
    )
    assert ("少先路街道党工委", "网格轮值制度") in edges(g, "implements")
    assert ("刘晓梅", "少先路街道党工委") in edges(g, "leads")


@pytest.mark.parametrize(
    "text, implementer, mechanism",
    [
        ("达拉特旗王爱召镇推行组织联建、资源共享、发展共谋工作机制，村企联系更紧密。", "王爱召镇", "组织联建、资源共享、发展共谋"),
        ("近年来，准格尔旗突出“三个融入”，推动机关党建与业务深度融合。", "准格尔旗", "三个融入"),
        ("鄂尔多斯市东胜区以“红色物业”为抓手，推动物业服务提质增效。", "东胜区", "红色物业"),
        ("乌拉特前旗以“四级联动”助推矛盾纠纷就地化解。", "乌拉特前旗", "四级联动"),
        ("杭锦后旗建立驻村干部与包联单位双向考评制度，压实帮扶责任。", "杭锦后旗", "驻村干部与包联单位双向考评制度"),
    ],
)
def test_practice_patterns(gaz, text, implementer, mechanism):
    g = graph_of(gaz, text)
    assert (implementer, mechanism) in edges(g, "implements"), sorted(edges(g, "implements"))


def test_a_practice_named_in_full_then_by_its_end_is_one_node(gaz):
    g = graph_of(
        gaz,
        "巴林右旗推行“农村牧区党员积分制管理”，把党员表现量化。党员积分制让大家比着干。"
        "如今积分制已成为村里的“指挥棒”。该旗还探索“党支部+合作社+农户”和“龙头企业+党支部+合作社+农户”模式。",
    )
    mechs = {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Mechanism"}
    assert "农村牧区党员积分制管理" in mechs
    assert not mechs & {"党员积分制", "积分制"}
    assert {"党支部+合作社+农户", "龙头企业+党支部+合作社+农户"} <= mechs


@pytest.mark.parametrize(
    "text, not_practices",
    [
        ("今年以来，达拉特旗开展“校园招聘”“专场招聘”等活动，帮助企业招工。", {"校园招聘", "专场招聘"}),
        ("该镇组织村支书开展“擂台比武”，比一比谁的村集体经济发展得好。", {"擂台比武"}),
        ("我们坚持“纵向到底、横向到边”，把服务送到每一户。", {"纵向到底、横向到边"}),
    ],
)
def test_events_and_unnamed_slogans_are_no_practices(gaz, text, not_practices):
    g = graph_of(gaz, text)
    mechs = {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Mechanism"}
    assert not mechs & not_practices


def test_central_bodies_are_named_by_their_table_and_kinds_posts_and_titles_are_not(gaz):
    """民政部, 中宣部, 国家卫健委 come from ontology/national_bodies.tsv; 民政部门 is a kind
    of office, 全国人大代表 a post, a document's title names no body, and a city's bureau
    named after a national one stays the city's."""
    g = graph_of(gaz, "2023年，中宣部、民政部联合印发通知，国家卫健委也作出部署。\n"
                      "各地民政部门认真学习《中共中央 国务院关于进一步加强农村工作的决定》。\n"
                      "全国人大代表、嘎查党支部书记巴特尔说，国家税务总局包头市税务局也来了。")
    bodies = {d["name"] for _, d in g.nodes(data=True) if d["type"] == "Organization"}
    assert {"中宣部", "民政部", "国家卫健委"} <= bodies, summary(g)
    assert not bodies & {"民政部门", "国务院", "中共中央", "全国人大", "国家税务总局"}, summary(g)
    assert any(b.endswith("包头市税务局") for b in bodies), summary(g)


def test_a_central_body_is_one_node_across_documents_and_the_model_keeps_it(gaz):
    from kg.extract.document import extract
    from kg.learn.decide import decide, model_text, parse_model
    from kg.read import split

    g = graph_of(gaz, "水利部公布了典型案例。", "某村入选水利部典型案例。")
    assert [d["name"] for _, d in g.nodes(data=True) if d["type"] == "Organization"] == ["水利部"]
    x = decide(extract(split("d0", "d0.txt", "近日，国家乡村振兴局公布了试点项目名单。"), gaz), parse_model(model_text(None)))
    assert "国家乡村振兴局" in {m.canonical for m in x.mentions if m.type == "Organization"}


def test_a_bad_table_of_national_bodies_is_one_clear_error(tmp_path):
    from kg.errors import InputError
    from kg.extract.national import read_national_bodies

    bad = tmp_path / "national.tsv"
    bad.write_text("# comment\n民政部\n民政部\t民政\textra\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_national_bodies(bad)
    assert str(bad) in str(e.value) and "line 3" in str(e.value)
