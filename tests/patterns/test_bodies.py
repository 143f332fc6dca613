"""Pattern tests, bodies: where a name begins and ends, kinds of body, bodies named by their kind.

Sentences written for these tests, in the style of the pages: other places of China (real
administrative names), invented people, other posts, full- and half-width punctuation, OCR
line breaks inside words.  Each asserts what a careful human reader takes from the text, as
``../shared/gold/GUIDELINE.md`` says, through the public pipeline (read → extract → resolve
→ graph).
"""

from __future__ import annotations

import pytest
from conftest import closure, edges, entities, graph_of, has_edge, names, summary

pytestmark = pytest.mark.patterns


@pytest.mark.parametrize(
    "text, forbidden",
    [
        pytest.param(
            "推动链上企业与基层党组织结对共建，实现资源共享。",
            {"链上企业", "党组织", "基层党组织"},
            id="chain-firms",
        ),
        pytest.param(
            "辖区内的企业、商户和社会组织纷纷加入进来。", {"企业", "社会组织"}, id="firms-ngos"
        ),
        pytest.param(
            "“两新”组织党组织覆盖率达到95%以上。",
            {"两新组织", "“两新”组织", "党组织"},
            id="two-new",
        ),
        pytest.param(
            "各村党组织书记轮流到镇里参加培训。", {"村党组织", "党组织"}, id="village-party-orgs"
        ),
        pytest.param(
            "驻村工作队、村“两委”干部每周入户走访，帮群众解决实际困难。", {"驻村工作队"}, id="kind-in-lexicon"
        ),
        pytest.param(
            "构建“1+3+N”体系：“1”即街道党工委，“3”即社区党委、网格党支部、楼栋党小组。",
            {"1即街道党工委", "3即社区党委", "“1”即街道党工委", "楼栋党小组"},
            id="formula-explained-by-ji",
        ),
        pytest.param(
            "宁城县镇两级党委把乡村治理列入重要议事日程。", {"宁城县镇两级党委", "镇两级党委", "两级党委"},
            id="levels-after-a-county",
        ),
        pytest.param(
            "宁城县地处赤峰市南部。近年来，在县镇两级党委、政府的领导下，全县建成了一批示范村。",
            {"宁城县镇两级党委", "县镇两级党委", "宁城县委"},
            id="levels-named-by-their-kinds",
        ),
    ],
)
def test_generic_bodies_are_no_organizations(gaz, text, forbidden):
    g = graph_of(gaz, text)
    wrong = names(g, "Organization") & forbidden
    assert not wrong, f"generic kinds as organizations: {sorted(wrong)}" + summary(g)


def test_body_named_by_its_kind_is_the_articles(gaz):
    """"在镇党委的统筹下": a body named by its place's kind alone, even where it does not
    open the clause, is the body of the place the article speaks of."""
    g = graph_of(gaz, "兴和县城关镇新华村是个半农半牧的村子。在镇党委的统筹下，村里建起了肉牛养殖合作社。")
    assert ("Organization", "城关镇党委") in entities(g), summary(g)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("红山区西屯街道丰泽社区今年新建了两处议事亭。街道各社区党委每月召开一次议事会。", id="each"),
        pytest.param("红山区西屯街道丰泽社区今年新建了两处议事亭。街道、社区党委每月召开一次议事会。", id="listed-kinds"),
        pytest.param("红山区西屯街道丰泽社区今年新建了两处议事亭，依托社区党群服务中心开展活动。", id="venue"),
    ],
)
def test_kinds_of_body_counted_or_listed_stay_kinds(gaz, text):
    g = graph_of(gaz, text)
    wrong = {n for n in names(g, "Organization") if n.startswith("丰泽社区")}
    assert not wrong, f"a kind read as one body: {sorted(wrong)}" + summary(g)


def test_company_prefix_does_not_set_the_scene(gaz):
    """"内蒙古某某有限公司" names where the firm is registered; a 小区 named next is still
    the article's community's, not the region's."""
    g = graph_of(
        gaz,
        "红山区西屯街道丰泽社区党委领办了内蒙古禾丰物业服务有限公司。今年，公司接管了松北小区的物业服务。",
    )
    loc = closure(edges(g, "locatedIn"))
    assert ("松北小区", "丰泽社区") in loc, summary(g)


def test_office_named_by_its_task_keeps_its_place(gaz):
    """安置办 (an office named by the task it does) is part of the body's name, not a verb
    that cuts the place off."""
    g = graph_of(gaz, "鄂尔多斯市东胜区安置办党支部组织党员到社区开展政策宣讲。")
    assert "鄂尔多斯市东胜区安置办党支部" in names(g, "Organization"), summary(g)


def test_adverbial_adjective_ends_a_company_name(gaz):
    """"志愿者骨干密切物业公司与居民的联系": an adjective used as an adverb is no part of a
    company's name, however loosely company names run left."""
    g = graph_of(gaz, "社区发动楼栋长和志愿者骨干密切物业公司与居民的联系。")
    wrong = {n for n in names(g, "Organization") if "密切" in n}
    assert not wrong, summary(g)


@pytest.mark.parametrize(
    "text, full, short",
    [
        pytest.param(
            "敖汉旗人民法院新惠人民法庭推行“法官进村”工作机制。今年以来，新惠人民法庭诉前化解纠纷80件。",
            "敖汉旗人民法院新惠人民法庭",
            "新惠人民法庭",
            id="court-by-the-end-of-its-name",
        ),
        pytest.param(
            "社区通过公开比选引入赤峰市松山区瑞丰物业服务有限公司。“服务好不好，居民说了算。”瑞丰物业公司总经理韩志远说。",
            "赤峰市松山区瑞丰物业服务有限公司",
            "瑞丰物业公司",
            id="company-by-brand-and-trade",
        ),
        pytest.param(
            "青山区住房和城乡建设局牵头整改。“问题不过夜。”青山区住建局局长韩立军说。",
            "青山区住房和城乡建设局",
            "青山区住建局",
            id="abbreviation-picks-characters-in-order",
        ),
    ],
)
def test_shorter_form_of_a_body_on_the_page_is_that_body(gaz, text, full, short):
    g = graph_of(gaz, text)
    orgs = names(g, "Organization")
    assert full in orgs and short not in orgs, f"{short} should be {full}" + summary(g)
    node = next(n for n, d in g.nodes(data=True) if d["name"] == full)
    assert short in g.nodes[node].get("aliases", []), summary(g)


def test_shorter_form_that_fits_two_bodies_stays_apart(gaz):
    g = graph_of(gaz, "东城社区党委和西城社区党委联合开展活动。社区党委书记们交流了经验。")
    assert {"东城社区党委", "西城社区党委"} <= names(g, "Organization"), summary(g)


def test_service_centre_is_a_body_only_where_it_acts_or_is_led(gaz):
    """党群服务中心 names a building as often as a body."""
    g = graph_of(gaz, "在锦绣苑小区党群服务站启用仪式现场，居民们排起了长队。")
    assert not names(g, "Organization"), summary(g)
    g = graph_of(gaz, "“上门服务让老人少跑腿。”五原县隆兴昌镇党群服务中心副主任王丽娟说。")
    assert has_edge(g, "leads", "王丽娟", "隆兴昌镇党群服务中心"), summary(g)


@pytest.mark.parametrize(
    "text, bodies, forbidden",
    [
        pytest.param(
            "检察院向科尔沁右翼前旗林业和草原局制发检察建议，又联合兴安盟人力资源和社会保障局开展维权。",
            {"科尔沁右翼前旗林业和草原局", "兴安盟人力资源和社会保障局"},
            set(),
            id="departments-joining-two-fields-with-he",
        ),
        pytest.param(
            "宝力格嘎查党支部领办西乌珠穆沁旗宝力格牧民专业合作社，由街道党工委会同派出所联审。",
            {"宝力格嘎查党支部", "西乌珠穆沁旗宝力格牧民专业合作社"},
            {"领办西乌珠穆沁旗宝力格牧民专业合作社", "街道党工委会同派出所"},
            id="verbs-jieba-tags-as-nouns-end-names",
        ),
        pytest.param(
            "推行社区“两委”成员与业委会成员交叉任职，指导小区依法选举产生锦绣花园小区业主委员会。",
            {"锦绣花园小区业主委员会"},
            {"两委成员与业委会", "产生锦绣花园小区业主委员会", "指导锦绣花园小区"},
            id="two-bodies-joined-and-elected",
        ),
        pytest.param(
            "2022年，锦绣花园小区原物业公司撤场，小区一度陷入失管状态。",
            set(),
            {"锦绣花园小区原物业公司"},
            id="former-company-of-a-compound-is-a-kind",
        ),
        pytest.param(
            "据克什克腾旗委组织部干部监督科科长李文静介绍，青山区城市管理综合执法局也派人参加。",
            {"克什克腾旗委组织部干部监督科", "青山区城市管理综合执法局"},
            {"克什克腾旗委组织部"},
            id="section-before-its-heads-title-and-bureau-by-its-task",
        ),
        pytest.param(
            "林西县组建“草原轻骑宣讲团”深入各村宣讲；林西县农牧局驻新井村工作队帮着联系销路；"
            "阿拉腾,巴彦塔拉派出所所长,从警20年。",
            {"草原轻骑宣讲团", "林西县农牧局", "林西县农牧局驻新井村工作队", "巴彦塔拉派出所"},
            set(),
            id="quoted-team-sending-body-and-unknown-place-name",
        ),
    ],
)
def test_body_names_end_at_verbs_and_connectors(gaz, text, bodies, forbidden):
    g = graph_of(gaz, text)
    orgs = names(g, "Organization")
    assert bodies <= orgs and not (orgs & forbidden), summary(g)


def test_name_closed_by_a_determiner_or_time_word(gaz):
    g = graph_of(gaz, "新胜村村务监督委员会主任韩淑珍每个月都要逐张审核村里的财务票据。")
    assert has_edge(g, "leads", "韩淑珍", "新胜村村务监督委员会"), summary(g)


def test_sub_unit_left_out_is_no_abbreviation(gaz):
    g = graph_of(gaz, "兴安社区第一网格党支部和兴安社区党支部联合开展活动。")
    assert {"兴安社区第一网格党支部", "兴安社区党支部"} <= names(g, "Organization"), summary(g)


def test_verb_between_two_bodies_and_a_long_section(gaz):
    g = graph_of(gaz, "松青社区党委推行社区党委、业委会、物业企业“三方联席”会议制度。"
                      "东胜区委社会工作部新兴领域党建科科长蔺海燕说，新就业群体是网格里的流动探头。")
    orgs = names(g, "Organization")
    assert "松青社区党委推行社区党委" not in orgs, summary(g)
    assert has_edge(g, "leads", "蔺海燕", "东胜区委社会工作部新兴领域党建科"), summary(g)


def test_kinds_and_verbs_between_place_and_body(gaz):
    g = graph_of(gaz, "干部白雪菲到新发村任党支部书记助理。旗里推动边境嘎查党支部与边境派出所结对。骑手帮社区，社区也要帮骑手。")
    assert not names(g) & {"新发村任党支部", "边境嘎查党支部", "骑手帮社区"}, summary(g)


def test_bare_court_or_station_opening_a_clause_is_the_articles(gaz):
    g = graph_of(gaz, "乌拉特后旗人民法院获各琦人民法庭地处牧区。获各琦苏木党委积极配合，组织嘎查干部参与调解。"
                      "法庭还专门推出了“双语普法”服务，用牧民听得懂的话讲法理。"
                      "\n\n巴彦查干边境派出所现有民警12名。派出所依托“智慧守边”平台，将无人机巡查纳入网格。")
    assert has_edge(g, "implements", "乌拉特后旗人民法院获各琦人民法庭", "双语普法"), summary(g)
    assert has_edge(g, "implements", "巴彦查干边境派出所", "智慧守边"), summary(g)


@pytest.mark.parametrize(
    "text, body",
    [
        pytest.param("宾川县着力推进基层党建。县委加强村级组织建设，每年选派驻村干部。", "宾川县委", id="bare-acting"),
        pytest.param("宾川县着力推进基层党建。这项工作列入了县委、县政府年度考核。", "宾川县委", id="bare-listed"),
        pytest.param("宾川县着力推进基层党建。工作由县委牵头，各乡镇落实。", "宾川县委", id="bare-after-you"),
        pytest.param("宾川县委高度重视基层党建，每年选派驻村干部。", "宾川县委", id="named-acting"),
    ],
)
def test_a_levels_committee_named_alone_or_acting(gaz, text, body):
    """县委 written alone is the committee of the county the article is about; 某县委 followed
    by what it does (高度重视, 强化) is that county's committee."""
    g = graph_of(gaz, text)
    assert body in names(g, "Organization"), summary(g)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("宾川县着力推进基层党建。县委书记李明宇到金牛镇调研。", id="post"),
        pytest.param("宾川县着力推进基层党建。县委组织部选派驻村干部。", id="longer-body"),
        pytest.param("宾川县着力推进基层党建，形成“县委统筹、部门牵头、乡镇落实”的工作格局。", id="quoted-formula"),
        pytest.param("宾川县着力推进基层党建，形成县委统揽、部门协同、乡镇落实的格局。", id="formula"),
    ],
)
def test_a_levels_committee_inside_a_post_a_longer_name_or_a_formula_is_none(gaz, text):
    g = graph_of(gaz, text)
    assert "宾川县委" not in names(g, "Organization"), summary(g)


def test_a_short_name_is_the_place_the_article_names_most(gaz):
    """市委 in an article about a county-level city is that city's, not its prefecture's."""
    g = graph_of(gaz, "大理市位于大理白族自治州。近年来，大理市持续推进基层治理，大理市各社区全面推行网格化管理。"
                      "这项工作列入了市委、市政府年度考核。")
    assert "大理市委" in names(g, "Organization"), summary(g)
    assert "大理白族自治州委" not in names(g, "Organization"), summary(g)


def test_civilisation_practice_stations_are_bodies(gaz):
    """新时代文明实践所 (a township's) and 实践站 (a village's) are bodies, as the 中心 is."""
    g = graph_of(gaz, "金牛镇新时代文明实践所组织志愿者走访。上沧村新时代文明实践站开展了义诊活动。")
    assert {"金牛镇新时代文明实践所", "上沧村新时代文明实践站"} <= names(g, "Organization"), summary(g)


def test_party_schools_and_media_centres_are_bodies_and_their_kinds_are_none(gaz):
    """县委党校 and 融媒体中心: a level's party school and media centre are bodies named with
    their place; 到党校, 田间党校 without a place are kinds."""
    g = graph_of(gaz, "宾川县委党校教授王丽芳来到上沧村宣讲。宾川县融媒体中心记者李明宇跟踪报道。"
                      "金牛镇开办田间党校，党员轮流到党校学习。")
    got = names(g, "Organization")
    assert {"宾川县委党校", "宾川县融媒体中心"} <= got and not {"党校", "田间党校"} & got, summary(g)


@pytest.mark.parametrize(
    "text, bodies",
    [
        pytest.param("宾川县自然资源局和县住建局联合执法。", {"宾川县自然资源局", "宾川县住建局"}, id="bureau-and-level-bureau"),
        pytest.param("宾川县发展和改革局和县财政局联合调研。", {"宾川县发展和改革局", "宾川县财政局"}, id="joined-fields-then-a-body"),
        pytest.param("宾川县县委组织部和县委宣传部联合开展活动。", {"宾川县县委组织部", "宾川县委宣传部"}, id="two-departments"),
        pytest.param("宾川县红十字会和县作家协会组织志愿者。", {"宾川县红十字会", "宾川县作家协会"}, id="two-associations"),
        pytest.param("宾川县委巡察办和县委网信办联合督查。", {"宾川县委巡察办", "宾川县委网信办"}, id="two-offices"),
    ],
)
def test_a_conjunction_before_a_levels_body_joins_two_bodies_and_names_no_county(gaz, text, bodies):
    """某局和县某局: 和 joins two bodies, the second named by its level (the page's county);
    it is not 和县, a county of Anhui."""
    g = graph_of(gaz, text)
    assert bodies <= names(g, "Organization"), summary(g)
    assert names(g, "County") == {"宾川县"} and not any("和县" in n for n in names(g, "Organization")), summary(g)


def test_the_offices_of_a_county_and_a_township_are_bodies(gaz):
    """The usual offices of a county and a township, named with their place."""
    g = graph_of(gaz, "宾川县人武部、县乡村振兴局和县供销社联合开展活动。金牛镇市场监管所和金牛镇财政所也派员参加。"
                      "宾川县矛盾纠纷调处化解中心和宾川县交警大队到场服务。中国农业银行宾川县支行发放了贷款。")
    assert {"宾川县人武部", "宾川县乡村振兴局", "宾川县供销社", "金牛镇市场监管所", "金牛镇财政所",
            "宾川县矛盾纠纷调处化解中心", "宾川县交警大队", "中国农业银行宾川县支行"} <= names(g, "Organization"), summary(g)


def test_a_firm_named_in_quotes_whole_is_a_body_not_a_practice(gaz):
    g = graph_of(gaz, "上沧社区通过组建“上沧社区红帆物业公司”，进驻新建小区提供物业服务。")
    assert "上沧社区红帆物业公司" in names(g, "Organization"), summary(g)
    assert "上沧社区红帆物业公司" not in names(g, "Mechanism"), summary(g)


@pytest.mark.parametrize(
    "text, body, wrong",
    [
        pytest.param("宾川县建立“1+N”机制，以“常驻+轮驻+随驻”方式入驻县综治中心，为群众提供服务。",
                     "宾川县综治中心", "常驻+轮驻+随驻方式入驻县综治中心", id="a-quoted-formula-opens-no-name"),
        pytest.param("宾川县的党员沿着河岸参观金沙江渔歌工作室，听取了介绍。",
                     "金沙江渔歌工作室", "参观金沙江渔歌工作室", id="a-visit-is-no-part-of-the-name"),
    ],
)
def test_a_bodys_name_does_not_open_with_a_formula_or_a_verb(gaz, text, body, wrong):
    g = graph_of(gaz, text)
    got = names(g, "Organization")
    assert body in got and wrong not in got, summary(g)


@pytest.mark.parametrize(
    "text, wrong",
    [
        pytest.param("青羊区组建4个区域服务中心，方便群众办事。", "青羊区域服务中心", id="counted-kind-and-a-level-word"),
        pytest.param("在金牛镇某村委会大院里，法官开庭审理。", "金牛镇某村委会", id="hidden-by-mou"),
        pytest.param("力角社区一位业委会成员告诉记者，楼里的灯都换成了新的。", "力角社区一位业委会",
                     id="a-count-of-members"),
        pytest.param("上沧村党支部每季度安排网格员集中学习政策文件。", "网格员集中学",
                     id="a-head-inside-a-longer-word"),
    ],
)
def test_no_body_is_read_from_a_count_a_level_word_or_a_hidden_name(gaz, text, wrong):
    g = graph_of(gaz, text)
    assert wrong not in names(g, "Organization") and not any("某" in n for n in names(g, "Organization")), summary(g)


def test_a_workroom_named_in_quotes_whole_is_a_body(gaz):
    """打造“某某调解室”: a mediation room or a workroom named in quotes whole is a body, as a
    team is, not a practice."""
    g = graph_of(gaz, "宾川县打造“金沙江和事调解室”，探索基层治理新路径。")
    assert "金沙江和事调解室" in names(g, "Organization") and "金沙江和事调解室" not in names(g, "Mechanism"), summary(g)


def test_a_body_the_sentence_founds_is_named_by_what_it_does(gaz):
    """联合成立了某某调解工作室: a body the text founds is a body of its own, though its name is
    everyday words; a counted kind, a pair or a kind with 的 founded is none."""
    g = graph_of(gaz, "宾川县人民法院与县总工会一起成立了邻里纠纷调解工作室；与县司法局合作成立了全县首家诉前物业纠纷调解中心。"
                      "金牛镇成立了3个党员服务站，上沧村成立了党支部或党小组，还成立了跨村的联合党委。")
    got = names(g, "Organization")
    assert {"邻里纠纷调解工作室", "诉前物业纠纷调解中心"} <= got, summary(g)
    assert not {n for n in got if "或" in n or "的" in n or n.startswith("3个")}, summary(g)


@pytest.mark.parametrize(
    "text, body",
    [
        pytest.param("宾川县金牛镇有一支由退休职工组成的“金沙江护河巡防队”。", "金沙江护河巡防队", id="quoted-patrol"),
        pytest.param("同时，李明宇与马帮警队共同开展巡河。", "马帮警队", id="police-team"),
        pytest.param("“茶马”骑警队常年在山道巡逻。", "茶马骑警队", id="quoted-name-and-head"),
        pytest.param("宾川县边境管理大队常年开展巡逻。", "宾川县边境管理大队", id="brigade"),
    ],
)
def test_patrols_and_police_teams_are_bodies(gaz, text, body):
    g = graph_of(gaz, text)
    assert body in names(g, "Organization"), summary(g)


def test_peoples_associations_by_their_short_names_are_bodies(gaz):
    """工商联, 残联, 科协: the short names of people's associations head bodies' names."""
    g = graph_of(gaz, "宾川县人民法院推进诉源治理。该院与县工商联、县残联共同开展调解工作。")
    assert {"宾川县工商联", "宾川县残联"} <= names(g, "Organization"), summary(g)


def test_a_government_body_listed_after_its_places_committee_is_the_places(gaz):
    """某街道党工委、办事处: the office listed by its head alone after its place's party
    committee is the place's office; 党委、政府办公室 is another body's name."""
    g = graph_of(gaz, "近年来，宾川县金牛街道党工委、办事处以服务群众为主线，推行“板凳夜话”。"
                      "金牛镇党委、政府办公室主任李明宇介绍了情况。")
    got = names(g, "Organization")
    assert "宾川县金牛街道办事处" in got and "金牛镇政府" not in got, summary(g)


def test_a_development_zone_is_a_body_and_its_declared_short_name_is_the_same_body(gaz):
    """某某高新技术产业开发区（以下简称某某高新区）: a zone run by its committee is a body (the
    annotated articles mostly have it so); the short name the text declares is one node with it."""
    g = graph_of(gaz, "保山高新技术产业开发区（以下简称保山高新区）坚持党建引领。去年，保山高新区推出“园区红管家”品牌。")
    assert names(g, "Organization") == {"保山高新技术产业开发区"}, summary(g)
    assert has_edge(g, "implements", "保山高新技术产业开发区", "园区红管家"), summary(g)



def test_places_of_one_level_listed_before_a_bodys_head_each_have_that_body(gaz):
    """宾川县、鹤庆县和永胜县人民法院: each county has its court; a chain of places (某州某县检察院)
    names one body, and places of different levels do not share the head."""
    g = graph_of(gaz, "宾川县、鹤庆县和永胜县人民法院联合开展巡回审判。云南省、保山市检察院派员观摩。")
    got = names(g, "Organization")
    assert {"宾川县人民法院", "鹤庆县人民法院", "永胜县人民法院", "保山市检察院"} <= got, summary(g)
    assert "云南省检察院" not in got, summary(g)


def test_a_police_unit_named_by_its_field_is_part_of_its_bureaus_name(gaz):
    """某县公安局刑事侦查大队, 某市公安局禁毒和治安大队: the unit is one body with its bureau's
    name, its fields joined by 和 or not."""
    g = graph_of(gaz, "宾川县公安局刑事侦查大队破获一起案件。保山市公安局禁毒和治安大队民警走进校园宣讲。")
    got = names(g, "Organization")
    assert {"宾川县公安局刑事侦查大队", "保山市公安局禁毒和治安大队"} <= got, summary(g)
    assert not got & {"宾川县公安局", "保山市公安局"}, summary(g)


def test_a_body_that_runs_another_does_not_open_its_name(gaz):
    """某村党支部领办|合作社: the branch runs the cooperative; the village does not open the
    cooperative's name through the branch and its verb."""
    g = graph_of(gaz, "宾川县金牛镇上沧村党支部领办合作社，带动全村增收。")
    got = names(g, "Organization")
    assert "宾川县金牛镇上沧村党支部" in got and not any(n.endswith("领办合作社") for n in got), summary(g)


def test_a_short_name_stands_as_written_where_the_document_names_no_place_of_its_level(gaz):
    """区委宣传部, 区农业农村局党支部 in an article that names no district: the body as the
    text names it (the reader knows no more); where it names one, the short name is that place's."""
    g = graph_of(gaz, "区农业农村局党支部迅速行动，组织党员下沉一线。区委宣传部随后印发通知。")
    assert {"区农业农村局党支部", "区委宣传部"} <= names(g, "Organization"), summary(g)
    g = graph_of(gaz, "隆阳区是保山市的主城区。区委宣传部随后印发通知。")
    assert "隆阳区委宣传部" in names(g, "Organization") and "区委宣传部" not in names(g, "Organization"), summary(g)


def test_a_circuit_court_and_a_general_office_are_parts_of_their_bodys_name(gaz):
    """某县人民法院巡回法庭 (巡回 is no verb there), 某市政府办公厅: one body each."""
    g = graph_of(gaz, "宾川县人民法院巡回法庭今年审结案件40件。保山市政府办公厅选派李明宇驻村。")
    got = names(g, "Organization")
    assert {"宾川县人民法院巡回法庭", "保山市政府办公厅"} <= got and "保山市政府" not in got, summary(g)


def test_levels_listed_before_a_short_name_each_have_that_body(gaz):
    """与市、区人社局: the city's and the district's bureaus, each its place's."""
    g = graph_of(gaz, "保山市隆阳区法院与市、区人社局共同设立劳动争议调解室。")
    got = names(g, "Organization")
    assert {"保山市人社局", "隆阳区人社局"} <= got, summary(g)


def test_a_brand_before_its_trade_is_a_company(gaz):
    """苍洱酒业, 彩云乳业: a company named by its brand and trade, without 公司; an everyday
    word before a trade (传统酒业) is the trade itself."""
    g = graph_of(gaz, "宾川县引进了苍洱酒业和彩云乳业两家企业，当地传统酒业也在转型。")
    assert {"苍洱酒业", "彩云乳业"} <= names(g, "Organization"), summary(g)
    assert not any("传统" in n for n in names(g)), summary(g)


def test_a_companys_brand_and_trade_later_on_its_page_name_the_company(gaz):
    g = graph_of(gaz, "宾川县彩云乳业有限公司是全县最大的奶源企业。今年，彩云乳业还开通了奶款直通车。")
    orgs = names(g, "Organization")
    assert "宾川县彩云乳业有限公司" in orgs and "彩云乳业" not in orgs, summary(g)


def test_a_tribunal_named_again_without_renmin_and_its_court_is_one_body(gaz):
    g = graph_of(gaz, "宾川县人民法院力角人民法庭有5名干警。力角法庭庭长赵海峰说，今年调解纠纷40件。")
    orgs = names(g, "Organization")
    assert "宾川县人民法院力角人民法庭" in orgs and "力角法庭" not in orgs, summary(g)
    assert has_edge(g, "leads", "赵海峰", "宾川县人民法院力角人民法庭"), summary(g)


def test_a_joint_party_committee_is_a_head_though_jieba_reads_lianhe_as_a_verb(gaz):
    g = graph_of(gaz, "宾川县成立了苍山联合党委，统筹景区的党建。")
    assert "苍山联合党委" in names(g, "Organization"), summary(g)


def test_a_leading_group_and_a_task_force_are_named_by_their_task(gaz):
    g = graph_of(gaz, "宾川县成立了森林防火领导小组，并组建森林防火(应急处置)工作专班，由县委与县政府牵头。")
    orgs = names(g, "Organization")
    assert {"森林防火领导小组", "森林防火(应急处置)工作专班"} <= orgs, summary(g)


def test_a_government_listed_bare_after_a_levels_committee_is_that_levels(gaz):
    """县委、政府: the county's committee and its government (named in full, 人民政府, as
    the text gives no form of its own), which 县政府 later names too; 沿边县委、政府 are kinds."""
    g = graph_of(gaz, "宾川县这十年\n在县委、政府的支持下，金牛镇发展很快。县政府还出台了新政策。沿边县委、政府组织了巡边。")
    orgs = names(g, "Organization")
    assert {"宾川县委", "宾川县人民政府"} <= orgs and "宾川县政府" not in orgs, summary(g)
    assert not any(n.startswith(("沿边", "县人民")) for n in orgs), summary(g)


@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param("宾川县在城市党委的架构里增设片区党委。", "城市党委", id="urban-committees"),
        pytest.param("宾川县共组建了3千余个楼院党小组。", "楼院党小组", id="counted-with-yu"),
    ],
)
def test_a_kind_of_party_body_is_no_body(gaz, text, kind):
    """城市党委 (城市: an everyday word, though jieba tags it a place) and 3千余个楼院党小组
    (counted) name kinds of body."""
    g = graph_of(gaz, text)
    assert kind not in names(g, "Organization"), summary(g)


@pytest.mark.parametrize(
    "text, bodies, wrong",
    [
        pytest.param("金牛镇上沧村\n今年镇党委政府多方筹资，为上沧村修通了水渠。",
                     {"金牛镇党委", "金牛镇政府"}, "镇党委政府", id="town-committee-and-government"),
        pytest.param("金牛镇上沧村\n镇党委、政府多方筹资，为上沧村修通了水渠。",
                     {"金牛镇党委", "金牛镇政府"}, "镇党委、政府", id="listed"),
        pytest.param("宾川县金牛街道\n金牛街道党工委办事处一同走访了商户。",
                     {"金牛街道党工委", "金牛街道办事处"}, "金牛街道党工委办事处", id="street-committee-and-office"),
        pytest.param("宾川县这十年\n在县委政府的带领下，金牛镇发展很快。",
                     {"宾川县委", "宾川县人民政府"}, "县委政府", id="county-committee-and-government"),
    ],
)
def test_a_committee_and_its_government_named_as_a_pair_are_two_bodies(gaz, text, bodies, wrong):
    """镇党委政府, 镇党委、政府, 街道党工委办事处, 县委政府: the committee and the government
    (or office) it is named with, each the article's place's; no body named by both."""
    g = graph_of(gaz, text)
    orgs = names(g, "Organization")
    assert bodies <= orgs and wrong not in orgs, summary(g)


def test_a_level_character_ending_the_word_before_opens_no_short_name(gaz):
    """某某产业园|区某某临时党支部: the 区 of 园区 is no district's; the name the window
    reads runs on from after it, and no district of the article takes its place."""
    g = graph_of(gaz, "宾川县隆阳区这十年\n有机农业产业园区绿色建材产业园项目临时党支部近日挂牌成立。")
    orgs = names(g, "Organization")
    assert "绿色建材产业园项目临时党支部" in orgs and not any(n.startswith(("隆阳区绿", "区绿")) for n in orgs), summary(g)


def test_a_department_written_bare_after_a_placed_body_and_a_conjunction_is_that_places(gaz):
    """宾川县委宣传部和文化旅游局, 县委组织部和人社局: the department after the conjunction is
    the same place's; a company or another level's body after it is not; a kind of body
    (检察院) named so is the place's too."""
    g = graph_of(gaz, "宾川县委宣传部和文化旅游局联合举办乡村文艺汇演。"
                      "宾川县人民法院和检察院派员参加调解。"
                      "宾川县民政局和云南某某科技有限公司签约，县委组织部和人社局派员参加。")
    got = names(g, "Organization")
    assert {"宾川县委宣传部", "宾川县文化旅游局", "宾川县人民法院", "宾川县检察院", "宾川县人社局"} <= got, summary(g)
    assert not {"宾川县云南某某科技有限公司", "文化旅游局", "检察院"} & got, summary(g)


def test_a_places_party_body_written_with_de_before_a_post(gaz):
    """某村的党委书记某某, 某社区的居委会主任某某, 某镇的老支部书记: the place's body, named
    as the place's (支部 its party branch)."""
    g = graph_of(gaz, "宾川县金牛镇上沧村的党委书记李明宇说，村里的路修好了。力角社区的居委会主任杨秀英也来了。"
                      "她的外公是金牛镇的老支部书记。")
    assert {"上沧村党委", "力角社区居委会", "金牛镇党支部"} <= names(g, "Organization"), summary(g)
    assert has_edge(g, "leads", "李明宇", "上沧村党委") and has_edge(g, "leads", "杨秀英", "力角社区居委会"), summary(g)


def test_a_gloss_in_brackets_before_a_bodys_head_is_no_part_of_its_name(gaz):
    """某某花园(城中村)党支部, 某社区某某家园（网格）党支部: the body is named as if the gloss were
    not written; the evidence keeps it."""
    g = graph_of(gaz, "上沧村老年协会党支部和金牛花园(城中村)党支部先后组建。力角社区幸福家园（网格）党支部推行“板凳夜话”。")
    got = names(g, "Organization")
    assert {"金牛花园党支部", "力角社区幸福家园党支部"} <= got, summary(g)
    assert not {n for n in got if "城中村" in n or "网格" in n}, summary(g)


def test_county_bureaus_and_homes_of_more_kinds(gaz):
    """卫生健康局, 教育体育局, 应急救援队, 敬老院, 调委会: bodies of the county, the township and
    the community."""
    g = graph_of(gaz, "宾川县卫生健康局组织医生下乡义诊。隆阳区教育体育局、区卫生健康局和区应急管理局联合检查。"
                      "金牛镇应急救援队队长韩立东介绍了情况。金牛镇敬老院的老人们过上了好日子。"
                      "力角社区调委会调解了一起纠纷。")
    assert {"宾川县卫生健康局", "隆阳区教育体育局", "隆阳区卫生健康局", "金牛镇应急救援队",
            "金牛镇敬老院", "力角社区调委会"} <= names(g, "Organization"), summary(g)
    assert has_edge(g, "leads", "韩立东", "金牛镇应急救援队"), summary(g)


def test_the_youth_leagues_committee_is_not_the_partys(gaz):
    """共青团某市委, 团某县委书记某某: the Youth League's committee of the place, not the
    party's committee."""
    g = graph_of(gaz, "共青团保山市委开展青年志愿服务活动。团宾川县委书记周晓燕到乔甸镇调研。")
    assert {"共青团保山市委", "团宾川县委"} <= names(g, "Organization"), summary(g)
    assert not {"保山市委", "宾川县委"} & names(g, "Organization"), summary(g)


def test_a_body_founded_has_no_particle_in_its_name(gaz):
    """成立了某某党支部: the particle after the verb is no part of the body's name."""
    g = graph_of(gaz, "力角社区成立了新业态党支部，吸纳快递员入党。上沧村成立了乡贤议事会，调解邻里纠纷。")
    assert not any(n.startswith("了") for n in names(g, "Organization")), summary(g)


def test_a_body_of_a_kind_is_read_against_the_places_named_before_it(gaz):
    """某社区党委书记、居委会主任某某……由某县某某有限公司总经理某某……: the 居委会 is the
    community's, named before it, not undone by a county the sentence names after it; 联合|会宁县:
    a place opening inside 联合会 leaves no body named 联合会."""
    g = graph_of(gaz, "力角社区党委书记、居委会主任杨秀英介绍，社区成立了功能型党支部，"
                      "由宾川县安顺物业服务有限公司总经理钱华担任支部副书记。力角社区联合会宁县人民检察院成立检察工作站。")
    assert has_edge(g, "leads", "杨秀英", "力角社区居委会") and has_edge(g, "leads", "杨秀英", "力角社区党委"), summary(g)
    assert "会宁县人民检察院" in names(g, "Organization"), summary(g)
    assert not any("联合会" in n for n in names(g, "Organization")), summary(g)


def test_teams_named_in_quotes_before_their_kind_and_a_body_before_a_preposition(gaz):
    """组建“某某”调解队, 成立“某某”帮帮团: a team named in quotes before its kind; 某镇党委|以村
    党支部为核心: the preposition ends the committee's name, and no village 党委以村 is read."""
    g = graph_of(gaz, "金牛镇人民法庭组建“法润金牛”调解队，化解矛盾纠纷。力角社区成立“邻里互助”帮帮团。"
                      "金牛镇党委以村党支部为核心，推行“院坝协商”。")
    assert {"法润金牛调解队", "邻里互助帮帮团", "金牛镇党委"} <= names(g, "Organization"), summary(g)
    assert not any("以" in n for n in names(g)), summary(g)


def test_clinics_law_firms_and_a_courts_enforcement_bureau_are_bodies(gaz):
    """村卫生室, 律师事务所, 人民法院执行局: bodies by the head their name ends in."""
    g = graph_of(gaz, "上沧村卫生室的村医上门服务。云南宾诚律师事务所律师参与调解。"
                      "宾川县人民法院执行局联合金牛镇党委开展活动。")
    assert {"上沧村卫生室", "云南宾诚律师事务所", "宾川县人民法院执行局"} <= names(g, "Organization"), summary(g)


def test_a_preposition_or_verb_jieba_glues_before_a_body_named_by_its_kind_opens_no_name(gaz):
    """听县|林业局 (jieba: 听县), 夜校由村|党支部 (由村), 嘎查距|法庭 (查距), 并联合|镇农业服务中心:
    the body is named by its level or head alone; no body is named 听县林业局 or 嘎查距法庭."""
    g = graph_of(gaz, "村民坐在教室里，听县林业局技术员讲病虫害防治。最远的嘎查距法庭140多公里。"
                      "夜校由村党支部牵头，联合宾川县林业局开展培训。镇党委并联合镇农业服务中心开展“地头课堂”。")
    bodies = names(g, "Organization")
    assert "宾川县林业局" in bodies, summary(g)
    assert not any(w in n for n in bodies for w in ("听", "距", "由", "联合")), summary(g)


def test_departments_of_a_province_and_long_department_names_are_bodies(gaz):
    """某省水利厅, 某县文化广电体育和旅游局, 某嘎查监委会: bodies by their heads."""
    g = graph_of(gaz, "云南省水利厅派出工作组。宾川县文化广电体育和旅游局组织演出。乔甸镇龙潭湾村监委会主任毛志说，账目每月公开。")
    assert {"云南省水利厅", "宾川县文化广电体育和旅游局"} <= names(g, "Organization"), summary(g)
    assert any(n.endswith("监委会") for n in names(g, "Organization")), summary(g)


def test_a_body_whose_name_joins_two_kinds_of_members_is_one_body(gaz):
    """某镇非公有制经济组织和社会组织综合党委(简称“镇两新综合党委”): 和 joins two kinds of
    members inside one name; its short name and 综合党委书记 are that body."""
    g = graph_of(gaz, "金牛镇非公有制经济组织和社会组织综合党委(简称“镇两新综合党委”)推行“一企一专员”制度。"
                      "综合党委书记庞海燕介绍，今年以来成效明显。")
    body = "金牛镇非公有制经济组织和社会组织综合党委"
    assert body in names(g, "Organization"), summary(g)
    assert has_edge(g, "leads", "庞海燕", body) and has_edge(g, "implements", body, "一企一专员"), summary(g)
    assert "金牛镇党委" not in names(g, "Organization"), summary(g)


def test_sums_and_towns_together_and_a_verb_before_an_estate_name_no_body(gaz):
    """苏木镇党委 (the committees of the sumus and towns), 选优配强|小区党支部书记, 商议|小区公共事务:
    a collective kind of place and a verb before 小区 name no body and no estate."""
    g = graph_of(gaz, "宾川县在4个边境苏木镇全面推行“强边固防”，由苏木镇党委牵头。从退休干部中选优配强小区党支部书记。"
                      "居民代表共同商议小区公共事务。")
    assert not names(g, "Organization") and not names(g, "Neighborhood"), summary(g)


def test_public_service_centres_and_mediation_committees_named_in_full(gaz):
    """县公共法律服务中心 (公共 holds 共), 某县公共就业服务中心, 某县人民调解委员会 (就业, 调解 are
    verbs to jieba): bodies, named with their county."""
    g = graph_of(gaz, "宾川县司法局推动县公共法律服务中心建设。宾川县公共就业服务中心开展招聘。宾川县人民调解委员会开展调解。")
    assert {"宾川县公共法律服务中心", "宾川县公共就业服务中心", "宾川县人民调解委员会"} <= names(g, "Organization"), summary(g)


def test_which_bodies_of_a_kind_and_a_verb_glued_before_a_head_name_none(gaz):
    """周边旗县检察院 (the surrounding banners' procuratorates), 牧户离|派出所 (jieba: 离 the verb):
    no body named."""
    g = graph_of(gaz, "该院将加强与周边旗县检察院的跨区域协作。最远的牧户离派出所有150多公里。")
    assert not names(g, "Organization"), summary(g)


def test_a_station_then_zai_then_a_centre_named_by_its_kind_are_two_bodies(gaz):
    """某镇司法所在|镇综治中心设立……: 在 (jieba: 所在) opens no name; the station is a body."""
    g = graph_of(gaz, "乔甸镇司法所在镇综治中心设立“老李调解室”。")
    assert "乔甸镇司法所" in names(g, "Organization"), summary(g)
    assert not any("所在" in n for n in names(g)), summary(g)


def test_a_company_before_a_word_opening_with_a_heads_forbidden_character_is_a_body(gaz):
    """某某有限公司|生产车间: 生 after 公司 opens a word of its own (生产), unlike 大学|生; the company's
    party committee named by its kind (公司党委) is then that company's."""
    g = graph_of(gaz, "走进宾川县金牛镇的云南林海木业有限公司生产车间，机器轰鸣。公司党委书记、董事长罗文涛介绍，"
                      "公司党委推行“支部建在车间”工作法。")
    assert {"云南林海木业有限公司", "云南林海木业有限公司党委"} <= names(g, "Organization"), summary(g)
    assert has_edge(g, "implements", "云南林海木业有限公司党委", "支部建在车间"), summary(g)


def test_a_courts_party_group_named_by_the_units_last_character_is_the_courts(gaz):
    """院党组书记、检察长某某 (局党组书记、局长某某) opening a paragraph: the party group of the
    procuratorate (bureau) the article named, and the head's post is the unit's."""
    for unit, chief in (("宾川县人民检察院", "院党组书记、检察长"), ("宾川县人民法院", "院党组书记、院长"),
                        ("宾川县农业农村局", "局党组书记、局长")):
        g = graph_of(gaz, f"{unit}推行“田间课堂”。{chief}罗文涛介绍，今年已走访农户300户。")
        got = edges(g, "leads")
        assert {("罗文涛", unit), ("罗文涛", unit + "党组")} <= got, summary(g)


def test_a_centre_named_by_its_places_kind_after_a_verb_is_that_places(gaz):
    """依托|镇综治中心, 纳入|街道综治中心, 街道网格中心主任某某: a verb of the dictionary before
    the place's kind is no part of a name, and the centre is the town's (the street's)."""
    g = graph_of(gaz, "宾川县金牛镇地处滇西。三家单位依托镇综治中心，统一受理群众诉求。")
    assert "金牛镇综治中心" in names(g), summary(g)
    g = graph_of(gaz, "昆明市五华区拓东街道地处城区。街道把联络站纳入街道综治中心统一调度。街道网格中心主任罗文涛介绍了做法。")
    assert {"拓东街道综治中心", "拓东街道网格中心"} <= names(g), summary(g)
    assert ("罗文涛", "拓东街道网格中心") in edges(g, "leads"), summary(g)


def test_a_companys_brand_jieba_cuts_or_tags_as_an_adjective_is_part_of_its_name(gaz):
    """宾川县顺达同城快递有限公司: jieba cuts 同城 into a preposition and a noun; 昆明市便捷同城
    配送有限公司: and tags the brand after the place (便捷) an adjective; both are the company's name."""
    g = graph_of(gaz, "在宾川县金牛镇，宾川县顺达同城快递有限公司成立党支部。街道联合昆明市便捷同城配送有限公司、"
                      "昆明市云帆网络科技有限公司等企业成立联合党支部。")
    assert {"宾川县顺达同城快递有限公司", "昆明市便捷同城配送有限公司"} <= names(g), summary(g)


def test_taking_a_post_is_no_part_of_the_bodys_name(gaz):
    """某某任|联合党委书记, 镇领导班子成员任|联合党支部书记: 任 takes the post (jieba reads it alone or
    guesses it into the name before); the body is the article's 联合党委, which the person leads,
    no 某某任联合党委."""
    g = graph_of(gaz, "拓东街道成立了兴华商圈联合党委。街道党工委副书记罗文涛任联合党委书记。金牛镇选派镇领导班子成员任联合党支部书记。")
    assert not [n for n in names(g) if "任联合" in n], summary(g)
    assert ("罗文涛", "兴华商圈联合党委") in edges(g, "leads"), summary(g)


def test_a_towns_offices_named_by_its_kind_after_a_verb_are_the_towns(gaz):
    """宾川县金牛镇召集|镇司法所、派出所: the town acts on its own offices named by its kind (no
    body called 金牛镇召集镇司法所); 镇司法所所长某某 leads the town's office."""
    g = graph_of(gaz, "宾川县金牛镇召集镇司法所、派出所的干部研究调解工作。镇司法所所长罗建明通报了案件情况。")
    assert "金牛镇司法所" in names(g, "Organization"), summary(g)
    assert not any("召集" in n for n in names(g, "Organization")), summary(g)
    assert ("罗建明", "金牛镇司法所") in edges(g, "leads"), summary(g)


def test_a_central_bodys_short_form_inside_other_words_names_no_body(gaz):
    """中办 is the central office only as a word of its own (经中办、国办同意): not inside 集中|办结
    (a word jieba reads over its end), nor where 中 closes a locative frame (在村中|办, 在院中|办);
    a longer form after a 在 stands (在大会上|中央组织部)."""
    g = graph_of(gaz, "经中办、国办同意，宾川县开展试点。")
    assert "中共中央办公厅" in names(g, "Organization") or "中办" in names(g, "Organization"), summary(g)
    g = graph_of(gaz, "在大会上中央组织部通报了情况。")
    assert "中央组织部" in names(g, "Organization") or "中共中央组织部" in names(g, "Organization"), summary(g)
    for text in ("宾川县金牛镇把社保、户籍等十项业务合并到一个窗口，集中办结。", "宾川县金牛镇做到群众的事在村中办。",
                 "宾川县力角社区的大小事都在院中办，居民不出楼。"):
        g = graph_of(gaz, text)
        assert not names(g, "Organization"), summary(g)


def test_a_verb_between_a_quote_and_a_head_opens_no_body_with_the_quote(gaz):
    """“院坝茶叙”|搭起|党委: the quoted practice is the subject of a verb, no body's name; “两委”委员|兼任|
    楼栋党小组组长, “两委”干部|走进|派出所: a post or a verb between the quote and the head ends
    any name there."""
    for text in ("宾川县金牛镇：“院坝茶叙”搭起党委与群众的沟通桥梁", "宾川县力角社区安排“两委”委员兼任楼栋党小组组长。",
                 "宾川县金牛镇“两委”干部走进派出所学习调解。"):
        g = graph_of(gaz, text)
        assert not [n for n in names(g, "Organization") if "两委" in n or "茶叙" in n], summary(g)


def test_the_first_of_its_kind_is_no_part_of_a_bodys_or_places_name(gaz):
    """成立了镇里首家|社区物业服务中心: 首家 counts it first, no community called 镇里首家社区 and no
    body of that name."""
    g = graph_of(gaz, "宾川县金牛镇力角社区党委去年成立了镇里首家社区物业服务中心。")
    assert not [n for n in names(g) if "首家" in n], summary(g)
    assert names(g, "Community") == {"力角社区"}, summary(g)


def test_a_kind_of_firm_before_its_name_is_no_part_of_it(gaz):
    """引入合作企业|金泽物业服务有限公司, 驻镇企业|金泽焦化有限公司党委: the kind of firm is a
    description; the firm's own name starts after 企业 (but 某某企业管理有限公司 keeps it: a trade)."""
    g = graph_of(gaz, "宾川县金牛镇力角社区引入合作企业金泽物业服务有限公司入驻小区。驻镇企业金泽焦化有限公司党委认领了5个项目。"
                      "宾川县金华企业管理有限公司成立了党支部。")
    got = names(g, "Organization")
    assert {"金泽物业服务有限公司", "金泽焦化有限公司党委", "宾川县金华企业管理有限公司"} <= got, summary(g)
    assert not [n for n in got if n.startswith(("联盟", "驻镇"))], summary(g)


def test_an_adjectives_character_before_a_names_word_opens_the_name(gaz):
    """领办了|新|盛源|蔬菜种植专业合作社: jieba tags 新 an adjective, but before a word it tags a name
    it is the name's first character (an adjective still ends a body's name elsewhere)."""
    g = graph_of(gaz, "宾川县金牛镇上沧村党支部领办了新盛源蔬菜种植专业合作社，村民们都入了股。")
    assert "新盛源蔬菜种植专业合作社" in names(g, "Organization"), summary(g)


def test_every_tribunal_of_a_banner_is_no_one_body(gaz):
    """全旗|人民法庭: jieba reads the level's character alone after 全; the tribunals all over the
    banner, no body called 旗人民法庭."""
    g = graph_of(gaz, "全旗人民法庭共有法官20名，都配备了巡回审判车。")
    assert not names(g, "Organization"), summary(g)


def test_a_team_named_whole_in_quotes_is_a_body_whatever_its_task(gaz):
    """组建了“金牛普法队”: a 队 with a name of its own is a body, though 普法队 is no head of the
    lexicon's; a formula of numbers (“一楼一长一队”) and a practice named after a team (“某某队”模式)
    stay practices."""
    g = graph_of(gaz, "宾川县金牛镇司法所组建了“金牛普法队”，到村里讲法律。"
                      "力角社区推行“一楼一长一队”，上沧村推广“银龄调解队”模式。")
    assert "金牛普法队" in names(g, "Organization"), summary(g)
    assert "金牛普法队" not in names(g, "Mechanism"), summary(g)
    assert {"一楼一长一队", "银龄调解队"} <= names(g, "Mechanism"), summary(g)


def test_the_polices_branch_named_with_gongan_before_its_place_keeps_it(gaz):
    """公安|五华|分局: the police's branch of a district is named by 公安 before the place; the
    name keeps it, and in a list after 区司法局、 it is no bare department of that 区."""
    g = graph_of(gaz, "昆明市五华区人民检察院、区司法局、公安五华分局派员到区综治中心值班。"
                      "在拓东街道，公安五华分局拓东派出所推行“警格进网格”。")
    got = names(g, "Organization")
    assert {"公安五华分局", "公安五华分局拓东派出所"} <= got, summary(g)
    assert not {"五华分局", "五华区公安五华分局", "五华分局拓东派出所"} & got, summary(g)
    g = graph_of(gaz, "迪庆藏族自治州香格里拉市：在建塘镇，公安香格里拉分局建塘派出所推行“警格进网格”。")
    got = names(g, "Organization")  # (香格里拉 read as the city's short form: the longer name keeps 公安 too)
    assert "公安香格里拉分局建塘派出所" in got and "香格里拉分局建塘派出所" not in got, summary(g)


def test_a_firms_brand_jieba_cuts_into_a_function_word_after_its_place_is_part_of_its_name(gaz):
    """昆明市|安|和|养老服务有限公司 (jieba: 和/c): the two characters between the firm's place and
    its trade are its brand; but a verb or a determiner there (宾川县|共有|…, 宾川县|各类|…) names none."""
    g = graph_of(gaz, "昆明市安和养老服务有限公司入驻力角社区。宾川县共有专业合作社30家，各类专业合作社发展壮大。"
                      "上沧村党总支与昆明金禾食品有限公司党支部结对共建。")
    got = names(g, "Organization")
    assert {"昆明市安和养老服务有限公司", "上沧村党总支"} <= got, summary(g)
    assert not [n for n in got if "共有" in n or "各类" in n or "总支与" in n or n.startswith(("养老", "家政"))], summary(g)


def test_a_firms_brand_in_mongolian_syllables_after_its_place_is_part_of_its_name(gaz):
    """宾川县|宝日和都|肉牛养殖专业合作社: jieba cuts the brand into function words (和, 都); the
    syllables between the firm's place and its trade are its brand, and the place opens the name."""
    g = graph_of(gaz, "上沧村党支部牵头成立了宾川县宝日和都肉牛养殖专业合作社。")
    assert "宾川县宝日和都肉牛养殖专业合作社" in names(g, "Organization"), summary(g)
    assert "肉牛养殖专业合作社" not in names(g, "Organization"), summary(g)
    g = graph_of(gaz, "宾川县\n塔都日海关党支部与上沧村党支部结对共建。")  # (jieba: 塔|都|日海关: the syllables open the name)
    assert "塔都日海关党支部" in names(g, "Organization") and "日海关党支部" not in names(g, "Organization"), summary(g)


def test_a_set_phrase_opened_by_an_adverb_between_a_place_and_a_department_names_no_body(gaz):
    """某镇积极争取|县某局 (jieba: 积极争取, one set phrase): the town acts on the county's
    department, no body 某镇积极争取县某局."""
    g = graph_of(gaz, "宾川县金牛镇积极争取县民政局、县妇联等部门支持。")
    assert not any("积极" in n for n in names(g, "Organization")), summary(g)
    assert "宾川县民政局" in names(g, "Organization"), summary(g)


def test_a_bureau_before_its_districts_branch_and_its_station_is_one_body(gaz):
    """某市公安局|某区分局某派出所: the city's bureau, its district's branch and the station are
    one body, not the bureau and a branch named apart."""
    g = graph_of(gaz, "街道联合包头市公安局昆都仑区分局沼潭派出所等部门建立联调机制。")
    assert names(g, "Organization") == {"包头市公安局昆都仑区分局沼潭派出所"}, summary(g)


def test_a_conjunction_jieba_glues_to_the_next_name_joins_two_bodies(gaz):
    """某法庭与|某某派出所 (jieba: 与州城): 与 joins the tribunal and the town's police station,
    no body's name holds it; the town's stem after it still names the town."""
    g = graph_of(gaz, "宾川县人民法院州城人民法庭与州城派出所、州城司法所共同建立联调机制。")
    orgs = names(g, "Organization")
    assert "州城派出所" in orgs and not any("与" in n for n in orgs), summary(g)


def test_a_firm_its_own_place_opens_takes_no_place_before_it(gaz):
    """某社区还与|某县某某文化旅游发展有限公司: the firm's name opens with its own county; the
    community and 还与 before it are no part of it."""
    g = graph_of(gaz, "宾川县金牛镇力角社区还与宾川县金湾文化旅游发展有限公司开展共建。")
    assert "宾川县金湾文化旅游发展有限公司" in names(g, "Organization"), summary(g)
    assert not any("还与" in n for n in names(g, "Organization")), summary(g)


def test_a_quoted_name_then_de_then_a_kind_is_the_body_without_the_de(gaz):
    """一支名为“某某”的志愿服务队: the team is 某某志愿服务队, the 的 between the quoted name
    and the kind no part of its name."""
    g = graph_of(gaz, "一支名为“金湾红马甲”的志愿服务队活跃在大街小巷。")
    assert "金湾红马甲志愿服务队" in names(g, "Organization"), summary(g)


def test_a_committee_named_short_is_the_committee_named_in_full(gaz):
    """某县委政法委员会关于……的通知 …… 县委政法委在总结……: 政法委 is 政法委员会 said short,
    one body, not two."""
    g = graph_of(gaz, "宾川县委政法委员会关于推广“板凳议事”工作机制的通知\n各镇党委：\n"
                      "县委政法委在总结金牛镇、平川镇试点经验的基础上，决定在全县推广。")
    assert names(g, "Organization") == {"宾川县委政法委员会"}, summary(g)


def test_a_body_then_he_then_another_body_of_the_same_town_are_two_bodies(gaz):
    """某镇由力角派出所、力角司法所和|力角律师事务所 (jieba: 所和力): 和 after a body's head joins
    the next body, whose name opens after it."""
    g = graph_of(gaz, "宾川县力角镇由力角派出所、力角司法所和力角律师事务所共同参与调解。")
    orgs = names(g, "Organization")
    assert {"力角派出所", "力角司法所", "力角律师事务所"} <= orgs and not any("和" in n for n in orgs), summary(g)


def test_a_towns_stem_jieba_glues_to_the_conjunction_before_it_still_names_the_town(gaz):
    """某司法所和|宾居派出所 (jieba: 所和宾): the stem after 和 is the town's, and its station a body."""
    g = graph_of(gaz, "宾川县由宾居司法所和宾居派出所共同参与调解。")
    assert "宾居派出所" in names(g, "Organization") and "宾居镇" in names(g, "Town"), summary(g)


def test_a_determiner_before_a_kind_of_body_is_no_part_of_a_name(gaz):
    """同苏木干部和部分|嘎查党支部书记开座谈会: some of the gachas' branches, no body 部分嘎查党支部."""
    g = graph_of(gaz, "旗委书记同苏木干部和部分嘎查党支部书记开座谈会。")
    assert not any(n.startswith("部分") for n in names(g, "Organization")), summary(g)


def test_the_area_a_body_works_in_is_no_part_of_its_name(gaz):
    """拓东街道联合辖区|金湾志愿者协会: 辖区 is the street's area, the association is 金湾志愿者协会."""
    g = graph_of(gaz, "拓东街道联合辖区金湾志愿者协会开展义诊活动。")
    assert "金湾志愿者协会" in names(g, "Organization"), summary(g)
    assert not any(n.startswith("辖区") for n in names(g, "Organization")), summary(g)


def test_a_department_chief_after_a_committees_seat_heads_that_committees_department(gaz):
    """昆明市委常委、组织部部长某某深入五华区: the department is the city committee's, named
    before the post, not the district's the visit goes to."""
    g = graph_of(gaz, "昆明市委常委、组织部部长鲁定坤深入五华区拓东街道,察看社区议事厅建设情况。")
    bodies = names(g, "Organization")
    assert "昆明市委组织部" in bodies and "五华区委组织部" not in bodies, summary(g)


def test_a_joining_verb_before_a_streets_body_opens_no_street(gaz):
    """派出所联合|街道司法所: 联合 joins the station to the street's office, no street called 联合."""
    g = graph_of(gaz, "金牛镇派出所联合街道司法所和律师事务所推行“警所联调”。")
    assert not any(n.startswith("联合") for n in names(g, "Organization")), summary(g)


def test_one_of_a_kind_after_a_place_is_no_bodys_name(gaz):
    """走进宾川县一家|社区卫生服务中心: one such centre, no body named 宾川县一家社区卫生服务中心."""
    g = graph_of(gaz, "记者走进宾川县一家社区卫生服务中心,看到居民正在排队体检。")
    assert not any("一家" in n for n in names(g, "Organization")), summary(g)


def test_the_areas_places_of_a_kind_name_no_body(gaz):
    """与辖区村党支部开展共建: the branches of the area's villages, no body 辖区村党支部 (nor
    the town's 辖区村党支部)."""
    g = graph_of(gaz, "金牛镇派出所党支部与辖区村党支部开展“警民联建”。")
    bodies = names(g, "Organization")
    assert "金牛镇派出所党支部" in bodies and not any("辖区" in n for n in bodies), summary(g)
    g = graph_of(gaz, "哈达图边境派出所党支部与辖区嘎查党支部开展“边户联建”。")
    assert not any("辖区" in n for n in names(g, "Organization")), summary(g)


def test_a_post_taken_of_a_body_named_by_its_kind_leads_the_articles_place_body(gaz):
    """某村位于……。某某当选村党支部书记: the post is in the branch of the village the article
    speaks of."""
    g = graph_of(gaz, "金牛镇力角村位于宾川县东部。2018年,鲁定坤当选村党支部书记,带领群众发展产业。")
    assert has_edge(g, "leads", "鲁定坤", "力角村党支部"), summary(g)


def test_a_court_named_short_in_a_headline_is_the_courts_full_name(gaz):
    """金牛法庭 (a headline), 某县人民法院金牛人民法庭 and 金牛人民法庭: one body, though the
    short form fits two of the longer names."""
    g = graph_of(gaz, "金牛法庭:“法润乡村”让纠纷就地化解\n\n近年来,宾川县人民法院金牛人民法庭打造“法润乡村”品牌。"
                      "金牛人民法庭辖金牛镇、平川镇两个镇。")
    courts = {n for n in names(g, "Organization") if n.endswith("法庭")}
    assert courts == {"宾川县人民法院金牛人民法庭"}, summary(g)


def test_a_committee_said_short_is_the_committee_named_in_full(gaz):
    """某村人民调解委员会 …… 村调委会主任: one body."""
    g = graph_of(gaz, "宾川县金牛镇力角村人民调解委员会成立于2015年,现有调解员9名。近年来,村调委会主任鲁定坤带领调解员走家串户化解矛盾。")
    assert {n for n in names(g, "Organization") if "调" in n} == {"宾川县金牛镇力角村人民调解委员会"}, summary(g)


def test_the_state_grids_local_company_opens_with_its_short_name(gaz):
    """国网某县供电公司: the State Grid's local company is named with 国网; 中国网 (a site) holds no 国网."""
    g = graph_of(gaz, "国网宾川县供电公司党支部派出电力服务小分队,帮村民检修线路。")
    assert "国网宾川县供电公司党支部" in names(g, "Organization"), summary(g)
    g = graph_of(gaz, "中国网昆明8月27日讯 初秋时节,宾川县金牛镇的葡萄园里一片繁忙。")
    assert not names(g, "Organization"), summary(g)


def test_a_firms_brand_may_open_with_he_after_its_region(gaz):
    """内蒙古|和泰建筑工程有限公司: 和 opens the brand after the region, no conjunction."""
    g = graph_of(gaz, "小区改造时,内蒙古和泰建筑工程有限公司派来了施工队。")
    assert "内蒙古和泰建筑工程有限公司" in names(g, "Organization"), summary(g)


def test_more_of_a_kind_names_no_body(gaz):
    """引导更多|村党支部领办合作社 (jieba: 更多村): more villages' branches, no body."""
    g = graph_of(gaz, "下一步,县里鼓励更多村党支部创办种植合作社。")
    assert not any(n.startswith("更多") for n in names(g, "Organization")), summary(g)


def test_one_syllable_and_he_open_a_firms_mongolian_name(gaz):
    """。阿|和|乌苏富民……合作社: one syllable and 和 at a clause's start open the gacha's name the
    cooperative bears, no conjunction; 力角村和|金牛……合作社 keeps its 和 a conjunction."""
    g = graph_of(gaz, "牧户说,入社后收入翻了番。阿和乌苏富民肉牛养殖专业合作社带动牧户增收。")
    assert "阿和乌苏富民肉牛养殖专业合作社" in names(g, "Organization"), summary(g)
    g = graph_of(gaz, "力角村和金牛肉牛养殖专业合作社签订了协议。")
    assert "金牛肉牛养殖专业合作社" in names(g, "Organization"), summary(g)


def test_who_make_up_a_body_after_a_quote_are_no_part_of_its_name(gaz):
    """由党员、乡贤、“三老”人员等组成的|红白理事会: the members, no name 三老人员等组成的红白理事会."""
    g = graph_of(gaz, "村里成立由党员、乡贤、“三老”人员等组成的红白理事会,倡导婚事新办。")
    assert not any("组成" in n for n in names(g, "Organization")), summary(g)


def test_the_committees_of_every_sum_town_and_farm_are_no_one_body(gaz):
    """各苏木乡镇场党委: the committees of every sum, township and state farm, no one body."""
    g = graph_of(gaz, "旗委组织部要求,各苏木乡镇场党委组织辖区嘎查开展自查。")
    assert not any("乡镇场" in n for n in names(g, "Organization")), summary(g)


def test_a_tribunal_named_by_its_towns_name_after_its_court_is_one_body(gaz):
    """某区人民法院|红土地|人民法庭: the court's tribunal named by the town the page reads as a
    place (jieba cuts 红土|地, and 地 stops a name elsewhere): one body, the court's tribunal."""
    g = graph_of(gaz, "县委政法委整合东川区人民法院红土地人民法庭、红土地派出所等力量,设立调处中心。")
    assert "东川区人民法院红土地人民法庭" in names(g, "Organization"), summary(g)
    assert "东川区人民法院" not in names(g, "Organization"), summary(g)


def test_a_police_branch_named_by_its_district_is_not_the_listed_levels(gaz):
    """区人社局、区信访局和五华|公安分局: the branch is named by its district, no field of the 区's."""
    g = graph_of(gaz, "区人社局、区信访局和五华公安分局签了联动协议。五华区召开会议部署。")
    assert "五华公安分局" in names(g, "Organization"), summary(g)
    assert not any(n.startswith("区五华") for n in names(g, "Organization")), summary(g)


def test_a_firms_brand_may_hold_he_right_after_its_region(gaz):
    """某县|鸿远和|物业服务有限公司: 和 inside the brand, then the firm's trade: one name."""
    g = graph_of(gaz, "去年,小区选聘宾川县鸿远和物业服务有限公司接手管理。")
    assert "宾川县鸿远和物业服务有限公司" in names(g, "Organization"), summary(g)


def test_a_joining_verb_before_a_body_named_by_its_kind_opens_no_town(gaz):
    """社区将联合|镇政府: the verb and the town's government named by its kind, no 联合镇."""
    g = graph_of(gaz, "胡建峰说,接下来社区将联合镇政府、派出所排查隐患。")
    assert not any("联合" in n for n in names(g, "Organization") | names(g, "Town")), summary(g)


def test_a_body_said_by_its_level_takes_the_place_as_the_page_writes_it(gaz):
    """禄劝县委政法委会同|县司法局: the page writes the county short (禄劝县, for
    禄劝彝族苗族自治县), and so is the body said by its level alone named, as the annotated pages
    do; 会同 joins the two bodies (no 会同县, a county of Hunan, jieba's 会同县)."""
    g = graph_of(gaz, "禄劝县委政法委会同县司法局、县信访局建起调处中心。")
    assert {"禄劝县司法局", "禄劝县信访局"} <= names(g, "Organization"), summary(g)
    assert not names(g, "County") - {"禄劝彝族苗族自治县"}, summary(g)


def test_a_transliterated_name_may_end_in_he_before_a_body(gaz):
    """与某某巴日|和|边境派出所: 和 after three syllables and more, opened after a preposition, is
    the name's last syllable, no conjunction."""
    g = graph_of(gaz, "今年,苏木与巴音乌苏巴日和边境派出所结成了共建对子。")
    assert "巴音乌苏巴日和边境派出所" in names(g, "Organization"), summary(g)
    assert not names(g, "Person"), summary(g)


def test_a_courts_division_is_named_after_its_court(gaz):
    """某县人民法院民事审判庭庭长某某: the court's division is the body the judge leads."""
    g = graph_of(gaz, "审理\n\n负责审理该案的宾川县人民法院民事审判庭庭长杨建华说,调解效果很好。")
    assert "宾川县人民法院民事审判庭" in names(g, "Organization"), summary(g)
    assert has_edge(g, "leads", "杨建华", "宾川县人民法院民事审判庭"), summary(g)


def test_a_conjunction_between_two_heads_joins_no_sub_unit(gaz):
    """某某派出所辖区既有|县政府所在地: 既有 (a conjunction) between the station and the
    government; no body 某某派出所辖区既有县政府."""
    g = graph_of(gaz, "金牛派出所辖区既有县政府所在地金牛镇,也有城郊农村。")
    assert not any("辖区" in n for n in names(g, "Organization")), summary(g)


def test_a_verb_glued_before_a_department_of_a_levels_committee_opens_no_name(gaz):
    """将情况报|县委组织部 (jieba: 况报): the report goes to the county's department, whose name
    the verb does not open."""
    g = graph_of(gaz, "宾川县部署院坝议事工作。请各乡镇于月底前将工作开展情况报县委组织部备案。")
    assert "宾川县委组织部" in names(g, "Organization"), summary(g)
    assert not any("报" in n for n in names(g, "Organization")), summary(g)


def test_a_comprehensive_governance_centre_and_a_liaison_station_are_bodies(gaz):
    """社会治安综合治理中心, 人大代表联络站: bodies by their heads; a company said to be one of a
    station's partners (某某有限公司是|联络站的……) is no body named 某某有限公司是联络站."""
    g = graph_of(gaz, "在宾川县社会治安综合治理中心，县委书记听取了汇报。金牛镇铁路社区人大代表联络站每月接待群众。"
                      "云南滇宏农机有限责任公司是联络站的第一家结对企业。")
    bodies = names(g, "Organization")
    assert {"宾川县社会治安综合治理中心", "金牛镇铁路社区人大代表联络站", "云南滇宏农机有限责任公司"} <= bodies, summary(g)
    assert not any("是" in n for n in bodies), summary(g)


def test_a_verb_of_enforcing_opens_no_bodys_name(gaz):
    """严格执行|护边队召回制度: the verb enforces a rule about a team, no body named 严格执行护边队."""
    g = graph_of(gaz, "对不合格的，严格执行护边队轮换办法。")
    assert not any("执行" in n for n in names(g, "Organization")), summary(g)


def test_a_copula_opens_no_bodys_name(gaz):
    """“一轴”就是|街道党工委: what the formula's part is, no body named 一轴就是街道党工委."""
    g = graph_of(gaz, "“一轴”就是街道党工委，“两翼”就是驻区单位。")
    assert not any("就是" in n for n in names(g)), summary(g)


def test_a_governments_seat_names_a_place_not_the_body(gaz):
    """金牛镇是宾川县政府所在地, 距离镇政府驻地: the town the government sits in, or the distance to
    it, names a place; the government does nothing there and is no body of the page."""
    g = graph_of(gaz, "金牛镇是宾川县政府所在地，辖12个社区。最远的村民小组距离镇政府驻地40公里。宾川县司法局出台了办法。")
    assert names(g, "Organization") == {"宾川县司法局"}, summary(g)


def test_a_verb_after_a_quoted_name_ends_it_before_a_kind(gaz):
    """将“牧户巡边组”纳入|边境村党支部考核: the verb between the quote and the kind ends the
    quoted name; no body named 牧户巡边组纳入边境村党支部."""
    g = graph_of(gaz, "宾川县推广金牛镇的做法，并将“牧户巡边组”纳入边境村党支部年度考核内容。")
    assert not any("纳入" in n or "巡边组" in n for n in names(g, "Organization")), summary(g)


def test_a_verb_between_two_bodies_heads_ends_the_second_name(gaz):
    """推行村党支部|带|合作社、合作社带农户: the branch leads the cooperative, no body named
    村党支部带合作社; 委员|列席|业委会会议: a member attends, no body named 委员列席业委会."""
    g = graph_of(gaz, "金牛镇新庄村推行村党支部带合作社、合作社带农户的模式。由社区党委委员列席业委会会议。")
    assert not any("带" in n or "列席" in n for n in names(g, "Organization")), summary(g)


def test_a_quoted_formula_of_partners_is_no_body(gaz):
    """推行“支部+农户+合作社”的发展模式: the formula names who works together (a practice), not
    a cooperative named 支部+农户+合作社."""
    g = graph_of(gaz, "金牛镇新庄村推行“支部+蒜农+合作社”的发展模式，统一收购大蒜。")
    assert not any("+" in n for n in names(g, "Organization")), summary(g)


def test_a_firms_brand_after_its_city_may_hold_a_word_tagged_a_verb(gaz):
    """引进了普洱市|巧手|织坊服饰有限公司, 由普洱市|惠邻居|家政服务有限公司: the brand (巧手, 邻居: verbs
    to jieba) is the company's, opened by its city; a verb that acts (引进) opens none."""
    g = graph_of(gaz, "金牛镇还引进了普洱市巧手织坊服饰有限公司在社区设立就业点。小区保洁由普洱市惠邻居家政服务有限公司负责。"
                      "宾川县引进宏达物流有限公司。")
    bodies = names(g, "Organization")
    assert {"普洱市巧手织坊服饰有限公司", "普洱市惠邻居家政服务有限公司", "宏达物流有限公司"} <= bodies, summary(g)


def test_the_bodies_of_every_place_of_a_level_are_no_one_body(gaz):
    """深化与昆明市各县市区检察院的协作: the procuratorates of every county, city and district, a
    kind, no body (neither 昆明市各县市区检察院 nor 昆明市区检察院)."""
    g = graph_of(gaz, "下一步，宾川县人民检察院将深化与昆明市各县市区检察院的跨区协作。")
    assert names(g, "Organization") == {"宾川县人民检察院"}, summary(g)
