"""Pattern tests, practices: named mechanisms, and quotes that name no practice.

Sentences written for these tests, in the style of the pages: other places of China (real
administrative names), invented people, other posts, full- and half-width punctuation, OCR
line breaks inside words.  Each asserts what a careful human reader takes from the text, as
``../shared/gold/GUIDELINE.md`` says, through the public pipeline (read → extract → resolve
→ graph).
"""

from __future__ import annotations

import pytest
from conftest import edges, graph_of, has_edge, names, summary

pytestmark = pytest.mark.patterns


# -------------------------------------------------------------------- 5. mechanisms

MECHANISMS = [
    pytest.param(
        "近年来，准格尔旗创新“红色物业”模式，推动物业服务企业融入社区治理。",
        {"红色物业"},
        id="quoted-model",
    ),
    pytest.param(
        "社区构建起“1+3+N”网格化服务体系，实现服务群众零距离。", {"1+3+N"}, id="numeric-system"
    ),
    pytest.param(
        "金牛镇启动干部包户回访机制，每周走访独居老人。",
        {"干部包户回访机制"},
        id="a-system-started-holds-a-verb-in-its-name",
    ),
    pytest.param(
        "上沧村积极探索党建引领村民说事议事机制。",
        {"党建引领村民说事议事机制"},
        id="a-system-explored-runs-from-its-verb",
    ),
    pytest.param(
        "建立县委、乡镇党委、村级党小组三级联动体系，确保诉求有人办。",
        {"县委、乡镇党委、村级党小组三级联动"},
        id="a-list-of-levels-named-as-one-system",
    ),
    pytest.param(
        "宾川县法院以“坐班+巡回+预约”形式入驻县综治中心。",
        {"坐班+巡回+预约"},
        id="a-formula-before-a-verb-and-a-body-names-no-body",
    ),
    pytest.param(
        "县司法局培育“银发老娘舅”“板凳说和人”等百姓认可、口碑良好的解纷品牌。",
        {"银发老娘舅", "板凳说和人"},
        id="quotes-one-after-another-share-the-verb-before-the-first",
    ),
    pytest.param(
        "各村同步建立“诉求、力量、成效”三项清单，逐项销号。",
        {"诉求、力量、成效"},
        id="a-quote-its-count-sums-up",
    ),
    pytest.param(
        "全县80个村成立“大党总支”，吸纳驻村单位党员参与村务。",
        {"大党总支"},
        id="a-party-body-kind-made-big-is-a-model",
    ),
    pytest.param(
        "上沧村通过“院坝管家”“板凳议事”等举措，让邻里琐事在村里就能办好。",
        {"院坝管家", "板凳议事"},
        id="quotes-a-list-of-measures-closes",
    ),
    pytest.param(
        "村里全面推行“四议两公开”工作制度，村务决策更加透明。",
        {"四议两公开"},
        id="quoted-institution",
    ),
    pytest.param(
        "杭锦后旗实施“百名书记领航”工程，每年轮训村党组织书记。",
        {"百名书记领航"},
        id="quoted-programme",
    ),
    pytest.param(
        "全旗开展“清风护航”专项行动，整治群众身边的不正之风。", {"清风护航"}, id="quoted-campaign"
    ),
    pytest.param(
        "苏尼特左旗委组织部打造“草原红帆”党建品牌，引领牧区党员争当先锋。",
        {"草原红帆"},
        id="quoted-brand",
    ),
    pytest.param(
        "街道搭建“掌上社区”服务平台，居民动动手指就能反映诉求。", {"掌上社区"}, id="quoted-platform"
    ),
    pytest.param(
        "社区推出“银发助餐”服务，让辖区老人吃上热乎饭。", {"银发助餐"}, id="quoted-service"
    ),
    pytest.param(
        "五原县隆兴昌镇五星村推行积分制，村民参与环境整治、志愿服务都能攒积分。",
        {"积分制"},
        id="unquoted-points",
    ),
    pytest.param(
        "社区全面落实楼栋长负责制，每栋楼都有人管事。",
        {"楼栋长负责制"},
        id="unquoted-responsibility",
    ),
    pytest.param(
        "隆兴昌镇打造“红色驿站”“邻里食堂”“四点半课堂”三大服务品牌，服务群众2万余人次。",
        {"红色驿站", "邻里食堂", "四点半课堂"},
        id="list-of-quoted-brands",
    ),
    pytest.param(
        "各村普遍推行“一约四会”、“三务公开”等制度，村级治理更加规范。",
        {"一约四会", "三务公开"},
        id="list-with-dunhao",
    ),
    pytest.param(
        '海拉尔区建立"街乡吹哨、部门报到"机制,推动力量下沉.',
        {"街乡吹哨、部门报到"},
        id="halfwidth-quotes",
    ),
    pytest.param(
        "满都拉图镇打造“石榴籽\n家园”服务品牌，促进各族群众交往交流交融。",
        {"石榴籽家园"},
        id="ocr-break-in-quote",
    ),
    pytest.param(
        "针对山高路远的实际，哈日根台苏木党委推出“流动党校”，把课堂搬到草场上。",
        {"流动党校"},
        id="tuichu-then-quote",
    ),
    pytest.param(
        "镇党委推行村务“一张表”，把补贴发放、项目资金等信息张榜公开；社区推行志愿服务“积分储蓄”，时长可兑换服务。",
        {"一张表", "积分储蓄"},
        id="verb-then-what-for-then-name",
    ),
    pytest.param(
        "每个网格实行“早走访、午梳理、晚上报”，今年以来共排查隐患60余处。",
        {"早走访、午梳理、晚上报"},
        id="routine-put-in-force",
    ),
    pytest.param(
        "兴和县同时推行师徒结对制，为每名新任村干部配备1名老支书当师傅。",
        {"师徒结对制"},
        id="unquoted-system-named-by-zhi",
    ),
    pytest.param(
        "白音锡勒社区党委建起“邻里议事亭”，又以“楼长接力”为切口，把居民组织起来。",
        {"邻里议事亭", "楼长接力"},
        id="jianqi-and-qiekou",
    ),
    pytest.param(
        "近年来，嘎查党支部以“牧民之家”建设为牵引；新发村通过“四议两公开”议定建设烘干厂项目。",
        {"牧民之家", "四议两公开"},
        id="jianshe-after-the-quote-is-no-part-of-the-name",
    ),
    pytest.param(
        "旗委组织部建立年轻干部履职全程纪实制，街道建立兼职委员制度，该县严格落实村干部县级备案管理制度。",
        {"年轻干部履职全程纪实制", "兼职委员制度", "村干部县级备案管理制度"},
        id="long-unquoted-systems",
    ),
    pytest.param(
        "以“揭榜挂帅”方式交由年轻干部攻坚；每季度，行业党委都会召开一次“小哥议事会”，社区每月召开一次由物业、业委会参加的“四方协商会”，"
        "镇里坚持和发展新时代“枫桥经验”，还借鉴“积分超市”互助养老模式。",
        {"揭榜挂帅", "小哥议事会", "四方协商会", "枫桥经验", "积分超市"},
        id="approach-scheduled-meeting-model-held-and-borrowed",
    ),
    pytest.param(
        "街道推行社区“两委”成员与业委会成员、物业项目负责人“双向进入、交叉任职”，目前已有9人；镇党委推行“246”矛盾调处工作法。",
        {"双向进入、交叉任职", "246"},
        id="far-enacted-list-and-a-practice-named-by-numbers",
    ),
    pytest.param(
        "村部门前的公示栏上，一张“五彩积分榜”格外醒目；村里梳理出两张清单，一张是“村务办事清单”。",
        {"五彩积分榜", "村务办事清单"},
        id="lists-and-boards-named-by-their-kind",
    ),
    pytest.param(
        "金牛镇党委书记李明宇说：“我们在各村全面推行‘三事分流’机制，还开展‘板凳夜话’。”",
        {"三事分流", "板凳夜话"},
        id="single-quotes-inside-a-speakers-words",
    ),
    pytest.param(
        "宾川县打造“一站式”调处平台，群众少跑腿。推行“三事分流”机制。",
        {"一站式调处平台", "三事分流"},
        id="a-quoted-attribute-keeps-its-described-head",
    ),
    pytest.param(
        "金牛镇建立完善村干部坐班值守制度，群众办事有人管。",
        {"村干部坐班值守制度"},
        id="the-verbs-that-set-a-system-up-are-no-part-of-its-name",
    ),
]


@pytest.mark.parametrize("text, mechanisms", MECHANISMS)
def test_mechanism(gaz, text, mechanisms):
    g = graph_of(gaz, text)
    got = names(g, "Mechanism")
    missing = mechanisms - got
    assert not missing, f"missing mechanisms {sorted(missing)}" + summary(g)


def test_single_quotes_inside_a_speakers_words_leave_the_name(gaz):
    g = graph_of(gaz, "金牛镇党委书记李明宇说：“我们在各村全面推行‘三事分流’机制。”")
    assert names(g, "Mechanism") == {"三事分流"}, summary(g)


def test_quoted_mechanism_keeps_its_written_form_as_alias(gaz):
    g = graph_of(gaz, "近年来，准格尔旗创新“红色物业”模式，推动物业服务企业融入社区治理。")
    node = [
        d for _, d in g.nodes(data=True) if d["type"] == "Mechanism" and d["name"] == "红色物业"
    ]
    assert node and "“红色物业”模式" in node[0]["aliases"], summary(g)


NOT_MECHANISMS = [
    pytest.param(
        "金牛社区推行“楼长制”、增设电梯扶手等，还推行“板凳会”、坚持以群众满意为标准。",
        {"增设电梯扶手", "坚持以群众满意为标准"},
        id="clauses-of-doing-in-a-list",
    ),
    pytest.param(
        "金牛镇党委坚持以“三个代表”重要思想为指导，围绕“三农”工作打通服务群众“最后100米”。",
        {"三个代表", "三农", "最后100米"},
        id="national-slogans-and-metaphors",
    ),
    pytest.param(
        "近年来，社区建立了完善的党建运行机制，进一步建立健全各项党务工作规章制度。",
        {"了完善的党建运行机制", "完善的党建运行机制", "健全各项党务工作规章制度", "各项党务工作规章制度"},
        id="described-systems",
    ),
    pytest.param(
        "准格尔旗坚持党建引领，以乡村振兴为抓手，推动县域经济高质量发展。", None, id="slogans"
    ),
    pytest.param(
        "金牛镇扎实推进“法治建设”和“平安建设”，提升“基层治理”水平。“十四五”期间，宾川县搭起治理的“四梁八柱”。",
        {"法治建设", "平安建设", "基层治理", "十四五", "四梁八柱"},
        id="national-goals-in-quotes",
    ),
    pytest.param(
        "金牛镇的队员们践行“守望、互助、奉献”的志愿精神，坚持“群众至上”的价值观。",
        {"守望、互助、奉献", "群众至上"},
        id="a-spirit-and-values",
    ),
    pytest.param(
        "金牛社区着力打造“创新型社区”，上沧村争创“四星党支部”。",
        {"创新型社区", "四星党支部"},
        id="a-kind-of-unit-aimed-at-and-a-rating",
    ),
    pytest.param("宾川县不断完善基层群众自治制度。", {"基层群众自治制度"}, id="the-states-institution"),
    pytest.param(
        "绘就基层治理“同心圆”\n\n五原县持续完善基层治理体系，推动治理重心下移。",
        {"同心圆"},
        id="heading-metaphor-circle",
    ),
    pytest.param(
        "架起干群“连心桥”\n\n阿荣旗组织干部进村入户，倾听群众心声。",
        {"连心桥"},
        id="heading-metaphor-bridge",
    ),
    pytest.param(
        "村“两委”认真贯彻《中华人民共和国村民委员会组织法》和《关于加强基层治理体系和治理能力现代化建设的意见》。",
        None,
        id="laws-and-documents",
    ),
    pytest.param(
        "着力解决群众“急难愁盼”问题，打通服务群众“最后一公里”。", None, id="quoted-idioms"
    ),
    pytest.param(
        "五星村先后荣获“全国民主法治示范村”“自治区文明村”等称号。", None, id="titles-of-honour"
    ),
    pytest.param("7月1日，祥和社区举办“颂党恩 跟党走”主题党日活动。", None, id="one-off-event"),
    pytest.param(
        "乌拉特前旗各村坚持“街巷工作法”的理念，形成“有事好商量”的生动局面。",
        {"街巷工作法", "有事好商量"},
        id="outcome-and-principle",
    ),
    pytest.param(
        "旗司法局开展“法律明白人”“普法轻骑兵”等多种普法宣传活动。社区党委联合驻区单位开展了“邻里一家亲”主题党日。",
        {"法律明白人", "普法轻骑兵", "邻里一家亲"},
        id="publicity-topics-and-theme-day",
    ),
    pytest.param(
        "镇党委推动“人才链”与“资金链”深度融合。",
        {"人才链", "资金链"},
        id="two-things-related",
    ),
    pytest.param(
        "旗委组织部建立“履职档案”和“问题清单”两个台账，定期跟踪干部表现。",
        {"履职档案", "问题清单"},
        id="counted-things-of-another-kind",
    ),
    pytest.param(
        "下一步，乌拉特中旗将继续探索养老服务新模式，创新销售模式，带动牧民增收。",
        {"养老服务新模式", "销售模式"},
        id="kind-of-practice-not-a-name",
    ),
    pytest.param(
        "旗政务服务局开通“不动产登记”“社保转移”等便民审批事项。",
        {"不动产登记", "社保转移"},
        id="matters-of-business",
    ),
    pytest.param(
        "该村推行积分管理，从积分高的党员中培育“五星代表”。",
        {"五星代表"},
        id="posts-people-are-chosen-for",
    ),
    pytest.param(
        "社区用心打造老年人家门口的“幸福港湾”，让老人们老有所乐。",
        {"幸福港湾"},
        id="figure-of-speech-after-de",
    ),
    pytest.param(
        "镇党委坚持“先民生、后发展、再提升”，推动各项工作落地见效。",
        {"先民生、后发展、再提升"},
        id="list-slogan-held-not-enacted",
    ),
    pytest.param(
        "街道不断健全管理体制，推行编制动态调整。",
        {"管理体制", "编制"},
        id="words-ending-in-zhi",
    ),
    pytest.param(
        "一些地方热衷于打造“盆景”，通过“一对一”谈心谈话了解诉求，以“小网格”撬动“大治理”。",
        {"盆景", "一对一", "小网格", "大治理"},
        id="figures-manners-and-small-great-slogans",
    ),
    pytest.param(
        "5月20日，该院举办“检察开放日”活动，邀请群众代表走进检察院。",
        {"检察开放日"},
        id="open-day-is-an-event",
    ),
    pytest.param(
        "培训打破“台上讲、台下听”的传统模式，以“小积分”撬动牧区基层治理“大能量”。",
        {"台上讲、台下听", "小积分", "大能量"},
        id="practice-left-behind-and-far-small-great",
    ),
    pytest.param(
        "通过开展村支书后备力量培训、评选“担当作为好支书”，提升村干部能力。",
        {"担当作为好支书"},
        id="a-title-rated-after-a-far-verb",
    ),
    pytest.param(
        "唯有以钉钉子精神抓好每一件小事，才能把“惠民清单”变成群众的“幸福账单”。",
        {"惠民清单", "幸福账单"},
        id="ba-x-biancheng-y-is-a-figure",
    ),
    pytest.param(
        "该旗以扁平化、透明化、可视化为抓手，推动“暖心驿家”服务提质。",
        {"扁平化", "透明化", "可视化"},
        id="manners-of-working-listed-are-no-practices",
    ),
    pytest.param(
        "金牛镇构建新型邻里帮扶机制，让独居老人有人照应。",
        {"新型邻里帮扶机制", "邻里帮扶机制"},
        id="a-new-kind-of-system-is-none-named",
    ),
    pytest.param(
        "宾川县建立周例会、月通报、季考评等工作制度，推动任务落实。",
        {"周例会、月通报、季考评等", "周例会、月通报、季考评等工作制度", "周例会、月通报、季考评"},
        id="systems-given-as-examples-are-no-one-named-practice",
    ),
]


@pytest.mark.parametrize("text, forbidden", NOT_MECHANISMS)
def test_not_a_mechanism(gaz, text, forbidden):
    g = graph_of(gaz, text)
    got = names(g, "Mechanism")
    if forbidden is None:
        assert not got, f"no mechanism expected, got {sorted(got)}" + summary(g)
    else:
        assert not got & forbidden, f"not mechanisms: {sorted(got & forbidden)}" + summary(g)


def test_apps_and_shared_homes_are_practices(gaz):
    g = graph_of(gaz, "骑手们通过“青禾随手拍”小程序随手上传问题。社区还与快递物流行业党委共建“流动党员之家”，让骑手党员就近参加组织生活。")
    assert {"青禾随手拍", "流动党员之家"} <= names(g, "Mechanism"), summary(g)


@pytest.mark.parametrize(
    "text, practice, parts",
    [
        pytest.param("他说：“镇里通过组建‘小网格’、开展‘小帮办’、实行‘小积分’的‘三小’模式，让治理更精细。”",
                     "三小", {"小网格", "小帮办", "小积分"}, id="quoted-parts-counted-by-the-name"),
        pytest.param("金牛镇推出“上门问暖、代办解忧、结对帮困”——“三暖”服务。",
                     "三暖", {"上门问暖、代办解忧、结对帮困"}, id="spelled-out-before-a-dash"),
        pytest.param("金牛镇深化以“一村一警一员”为主要内容的“三个一”治理模式。",
                     "三个一", {"一村一警一员"}, id="spelled-out-as-its-content"),
        pytest.param("宾川县推行“县统一调度、镇分片包干、村逐户走访”三级联动机制。",
                     "县统一调度、镇分片包干、村逐户走访", {"三级联动机制"}, id="a-numbered-kind-after-the-quote"),
    ],
)
def test_a_numbered_practice_spelled_out_is_one_practice(gaz, text, practice, parts):
    """The parts a numbered practice's name counts (‘微组织’、‘微服务’ … 的‘三微’模式) and a
    quote that spells it out are written forms of that one practice, not practices of their own."""
    g = graph_of(gaz, text)
    got = names(g, "Mechanism")
    assert practice in got and not got & parts, summary(g)


def test_quoted_parts_a_numbered_name_does_not_count_stay_practices(gaz):
    g = graph_of(gaz, "金牛镇组建‘红色驿站’、开展‘板凳夜话’的‘三小’模式。")
    assert {"红色驿站", "板凳夜话"} <= names(g, "Mechanism"), summary(g)


def test_a_numbered_part_defined_by_what_it_sets_up_is_that_practice(gaz):
    """“一站”即设立“牧区流动服务站”: the part is the practice it sets up, quoted or not;
    a part defined by a list of what it joins (“三联”即甲、乙、丙) is not renamed."""
    g = graph_of(gaz, "金牛镇推行“一站一队”服务模式。“一站”即设立“牧区流动服务站”。“一队”即组建牧民调解服务队。")
    got = names(g, "Mechanism")
    assert {"牧区流动服务站", "牧民调解服务队"} <= got and not got & {"一站", "一队"}, summary(g)



def test_a_programme_put_in_hand_and_the_programmes_it_spells_out_are_practices(gaz):
    """实施|某某工程 names a programme from its verb to its 工程; 四大工程，即甲工程、乙工程 spells out
    four more, each carried out by the town; a kind of programme (重点工程) is none."""
    g = graph_of(gaz, "金牛镇党委实施青年人才引凤工程。金牛镇实施山乡提质四大工程，即书香润村工程、庭院美化工程、果蔬增收工程、"
                      "技能培训工程，并推进一批重点工程。")
    got = names(g, "Mechanism")
    programmes = {"青年人才引凤工程", "山乡提质四大工程", "书香润村工程", "庭院美化工程", "果蔬增收工程", "技能培训工程"}
    assert programmes <= got and "重点工程" not in got and "一批重点工程" not in got, summary(g)
    assert ("金牛镇", "庭院美化工程") in edges(g, "implements"), summary(g)


def test_a_campaign_named_after_its_place_is_carried_out_by_that_place(gaz):
    """平安某市建设, 法治某县建设: 平安保山 is the city's campaign, named after it; 平安建设 alone
    names none."""
    g = graph_of(gaz, "保山市扎实推进平安保山建设，深化法治保山建设。宾川县持续推进平安建设。")
    assert {"平安保山", "法治保山"} <= names(g, "Mechanism") and "平安建设" not in names(g, "Mechanism"), summary(g)
    assert has_edge(g, "implements", "保山市", "平安保山") and has_edge(g, "implements", "保山市", "法治保山"), summary(g)


def test_a_chief_system_and_a_system_after_a_verb_jieba_glues_to_its_adverb(gaz):
    """推行河长制, 全面推行林长制 (three characters: a chief for each river or forest); 全面推行
    is one word of jieba's, a verb, no part of the name after it."""
    g = graph_of(gaz, "力角社区推行河长制。宾川县全面推行林长制，每片林子都有人管。金牛镇全面推行首接负责制，群众满意。")
    assert {"河长制", "林长制", "首接负责制"} <= names(g, "Mechanism"), summary(g)
    assert not any("推行" in n for n in names(g, "Mechanism")), summary(g)
    assert has_edge(g, "implements", "力角社区", "河长制"), summary(g)


def test_a_practice_summed_up_or_piloted_is_put_in_force(gaz):
    """总结出“某某调解法”, 摸索出“某某”工作法, 试点“某某”模式: the place arrived at the
    practice or tries it, and implements it."""
    g = graph_of(gaz, "力角社区总结出“杨大姐调解法”，矛盾纠纷少了。金牛镇摸索出“院坝协商”工作法。")
    assert has_edge(g, "implements", "力角社区", "杨大姐调解法"), summary(g)
    assert has_edge(g, "implements", "金牛镇", "院坝协商"), summary(g)



def test_the_body_guided_carries_the_practice_out_where_it_tries_it(gaz):
    """某县委组织部指导某镇党委在某村试点建设“某某”: the town's committee runs the pilot (the
    village after 在 is where it does, not a nearer actor), not the department that guides it."""
    g = graph_of(gaz, "宾川县委组织部指导金牛镇党委在上沧村试点建设“云上党员之家”。")
    assert {(s, o) for s, o in edges(g, "implements")} == {("金牛镇党委", "云上党员之家")}, summary(g)


def test_the_nations_formula_for_grassroots_governance_is_no_practice(gaz):
    """健全党组织领导的自治、法治、德治相结合的乡村治理体系: the nation's formula, which pages quote whole
    or cut (the guideline: a generic goal), names no practice of the place, rules alone or learned."""
    from kg.extract.document import extract
    from kg.learn.decide import decide, model_text, parse_model
    from kg.read import split

    text = "宾川县坚持党建引领，进一步健全党组织领导的自治、法治、德治相结合的乡村治理体系。"
    assert not [n for n in names(graph_of(gaz, text), "Mechanism") if "相结合" in n or "法治" in n]
    learned = decide(extract(split("d0", "d0.txt", text), gaz), parse_model(model_text(None)))
    assert not [m.canonical for m in learned.mentions if m.type == "Mechanism"]


def test_the_parts_a_quoted_practice_joins_are_no_practices(gaz):
    """以村民、党员、乡贤、驻村工作队“四方共议”为抓手: the list names who the quoted practice joins;
    the practice is the quoted name, its parts are people and bodies, no practices."""
    g = graph_of(gaz, "近年来，宾川县委坚持党建引领，以村民、党员、乡贤、驻村工作队“四方共议”为抓手，推动服务力量向村集聚。")
    assert names(g, "Mechanism") == {"四方共议"}, summary(g)


def test_a_verbs_aspect_or_complement_opens_no_list_named_practice(gaz):
    """建立了|街道、社区、楼栋三级联动机制, 构建起|……: 了 and 起 go with the verb, no part of
    the practice's name."""
    g = graph_of(gaz, "拓东街道党工委建立了街道、社区、楼栋三级联动机制，构建起镇、社区、网格、楼院四级贯通的治理体系。")
    assert not any(n.startswith(("了", "起")) for n in names(g, "Mechanism")), summary(g)
    assert any(n.startswith("街道、社区、楼栋") for n in names(g, "Mechanism")), summary(g)



def test_a_cases_title_names_the_practice_and_who_carries_it_out(gaz):
    """一、某镇党委：“某某同议”激活……: a list of cases, each titled by its body, a colon and the
    practice's quoted name: the practice, carried out by that body (not by the one before)."""
    g = graph_of(gaz, "宾川县第三批基层治理典型案例公布\n\n一、金牛镇党委：“院坝同议”盘活山区村组议事。镇干部按片包联。"
                      "\n\n二、宾川县公安局：“警网同守”守好群众平安。民警编入网格。")
    assert {("金牛镇党委", "院坝同议"), ("宾川县公安局", "警网同守")} <= edges(g, "implements"), summary(g)
    assert ("金牛镇党委", "警网同守") not in edges(g, "implements"), summary(g)


def test_a_quoted_attribute_of_a_service_names_no_practice(gaz):
    """为群众提供“一站式”服务: the quote says how the service is given (一站式, a word that only
    modifies), no practice; a practice with its own name beside it is kept."""
    g = graph_of(gaz, "金牛镇党群服务中心为群众提供“一站式”服务，并推出“院坝茶叙”议事机制。")
    assert names(g, "Mechanism") == {"院坝茶叙"}, summary(g)


def test_target_groups_and_a_role_named_in_quotes_are_no_practices(gaz):
    """聚焦“一老一小”, 培养“法律明白人”: whom a service is for and a role people are trained
    for; the guideline's generic goals, not practices."""
    g = graph_of(gaz, "金牛镇聚焦“一老一小”，在各村培养“法律明白人”86名，推出“院坝茶叙”议事机制。")
    assert names(g, "Mechanism") == {"院坝茶叙"}, summary(g)
