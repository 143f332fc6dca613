"""Pattern tests, relations across sentences: coreference and who implements a practice.

Sentences written for these tests, in the style of the pages: other places of China (real
administrative names), invented people, other posts, full- and half-width punctuation, OCR
line breaks inside words.  Each asserts what a careful human reader takes from the text, as
``../shared/gold/GUIDELINE.md`` says, through the public pipeline (read → extract → resolve
→ graph).
"""

from __future__ import annotations

import pytest
from conftest import edges, entities, graph_of, has_edge, mentions_text, names, summary

pytestmark = pytest.mark.patterns


# ------------------------------------------------------------------ 4. coreference

COREF = [
    pytest.param(
        "五原县持续深化农村基层党建工作。今年以来，该县全面推行“四议两公开”工作法，村里大事小情都由村民商量着办。",
        {("implements", "五原县", "四议两公开")},
        {"该县"},
        ("五原县", "该县"),
        id="gaixian",
    ),
    pytest.param(
        "乌审旗把抓党建促振兴作为一号工程。截至目前，该旗已选派驻村第一书记86名，实现嘎查村全覆盖。",
        set(),
        {"该旗"},
        ("乌审旗", "该旗"),
        id="gaiqi-evidence",
    ),
    pytest.param(
        "阿荣旗聚焦农村牧区人居环境整治。目前，全旗已建成垃圾收集点1300余个。",
        set(),
        {"全旗"},
        ("阿荣旗", "全旗"),
        id="quanqi-evidence",
    ),
    pytest.param(
        "乌兰察布市着力破解城市基层治理难题。全市376个社区全部建成党群服务中心。",
        set(),
        {"全市"},
        ("乌兰察布市", "全市"),
        id="quanshi-evidence",
    ),
    pytest.param(
        "杭锦后旗陕坝镇中南渠村过去是有名的后进村。近年来，该村探索推行“积分超市”模式，村风民风焕然一新。",
        {("implements", "中南渠村", "积分超市")},
        {"该村"},
        ("中南渠村", "该村"),
        id="gaicun",
    ),
    pytest.param(
        "达拉特旗人民法院坚持把矛盾纠纷化解在基层。该院创新“法官进网格”工作机制，让法官走进村社。",
        {("implements", "达拉特旗人民法院", "法官进网格")},
        {"该院"},
        None,
        id="gaiyuan",
    ),
    pytest.param(
        "走进东胜区交通街道祥和社区，楼道整洁、邻里和睦。本社区推行“楼长议事”制度，小区的事由楼长牵头商量。",
        {("implements", "祥和社区", "楼长议事")},
        {"本社区"},
        None,
        id="benshequ",
    ),
    pytest.param(
        "东胜区交通街道祥和社区地处城区中心，老旧小区多。为此，社区党委推出“邻里帮帮团”服务，为独居老人排忧解难。",
        {("implements", "祥和社区党委", "邻里帮帮团")},
        {"社区党委"},
        None,
        id="bare-community-committee",
    ),
    pytest.param(
        "包头市昆都仑区少先路街道辖区内老旧小区多、老年居民多。“我们把服务窗口开到了楼门口。”街道党工委书记董卫东说。",
        {("leads", "董卫东", "少先路街道党工委")},
        {"街道党工委"},
        None,
        id="bare-street-committee",
    ),
    pytest.param(
        "达拉特旗树林召镇是农业大镇。镇党委书记周建军介绍，全镇已有18个村成立了合作社。",
        {("leads", "周建军", "树林召镇党委")},
        {"镇党委"},
        None,
        id="bare-town-committee",
    ),
    pytest.param(
        "呼伦贝尔市海拉尔区持续推进“两新”组织党建工作。区委组织部副部长郑宇航说，今年新建党组织47个。",
        {("leads", "郑宇航", "海拉尔区委组织部")},
        {"区委组织部"},
        None,
        id="bare-district-committee",
    ),
    pytest.param(
        "包头市坚持把城市基层党建作为重要任务来抓。市委组织部相关负责人介绍，全市已建成红色物业小区500余个。",
        {("entity", "Organization", "包头市委组织部")},
        {"市委组织部"},
        None,
        id="bare-city-committee-baotou",
    ),
    pytest.param(
        "鄂尔多斯市持续推动国有企业党建提质增效。市国资委党委打造“国企先锋”党建品牌，引导党员在项目一线当先锋。",
        {("implements", "鄂尔多斯市国资委党委", "国企先锋")},
        {"市国资委党委", "市国资委"},
        None,
        id="bare-sasac",
    ),
    pytest.param(
        "苏尼特左旗着力破解牧区人才短缺难题。旗委组织部牵头建立“双向培养”机制，把牧民致富能手培养成党员。",
        {("implements", "苏尼特左旗委组织部", "双向培养")},
        {"旗委组织部"},
        None,
        id="bare-banner-committee",
    ),
]


@pytest.mark.parametrize("text, facts, anaphors, evidence", COREF)
def test_coreference(gaz, text, facts, anaphors, evidence):
    g = graph_of(gaz, text)
    wrong = names(g) & anaphors
    assert not wrong, f"anaphor kept as an entity: {wrong}" + summary(g)
    for rel, s, o in facts:
        if rel == "entity":
            assert (s, o) in entities(g), f"expected {s} {o}" + summary(g)
        else:
            assert has_edge(g, rel, s, o), f"expected {s} -{rel}-> {o}" + summary(g)
    if evidence:
        entity, word = evidence
        assert any(word in t for t in mentions_text(g, entity)), (
            f"{entity}'s mentions do not include the sentence with {word}: {mentions_text(g, entity)}"
            + summary(g)
        )


def test_gaixian_stays_inside_its_article(gaz):
    page = (
        "北疆党旗红\n\n村里的事大家议\n\n□本报记者 郭佳\n\n"
        "五原县着力提升村级组织议事能力。今年以来，该县推行“村民说事”制度，群众的事群众议。\n\n"
        "乡村振兴\n\n小院里的大变化\n\n□本报记者 吴桐\n\n"
        "武川县着力改善农村人居环境。近年来，该县创新“美丽小院”评比机制，带动家家户户清洁庭院。"
    )
    g = graph_of(gaz, page)
    assert has_edge(g, "implements", "五原县", "村民说事"), summary(g)
    assert has_edge(g, "implements", "武川县", "美丽小院"), summary(g)
    assert not has_edge(g, "implements", "五原县", "美丽小院"), summary(g)


# ------------------------------------------------------------------ 6. implementers

IMPLEMENTERS = [
    pytest.param(
        "杭锦后旗陕坝镇中南渠村创新推行“积分超市”模式，村民用积分就能兑换生活用品。",
        {("中南渠村", "积分超市")},
        {("陕坝镇", "积分超市"), ("杭锦后旗", "积分超市")},
        id="explicit-village",
    ),
    pytest.param(
        "杭锦后旗委组织部实施“头雁领航”工程，选优配强村党组织带头人。",
        {("杭锦后旗委组织部", "头雁领航")},
        {("杭锦后旗", "头雁领航")},
        id="explicit-department",
    ),
    pytest.param(
        "阿荣旗聚焦农村基层治理难题，持续深化抓党建促乡村振兴。创新实施“村村有数”机制，把村情民情摸清摸透。",
        {("阿荣旗", "村村有数")},
        set(),
        id="subject-carried-one-sentence",
    ),
    pytest.param(
        "乌审旗把抓党建促振兴作为重要任务。今年以来，先后选派120名干部驻村帮扶。同时，建立“驻村干部积分”考核制度，激励干部担当作为。",
        {("乌审旗", "驻村干部积分")},
        set(),
        id="subject-carried-two-sentences",
    ),
    pytest.param(
        "敖汉旗新惠镇党委牵头推行“三联三帮”机制，组织机关党员结对帮扶困难群众。",
        {("新惠镇党委", "三联三帮")},
        {("敖汉旗", "三联三帮"), ("新惠镇", "三联三帮")},
        id="most-specific-body",
    ),
    pytest.param(
        "阿荣旗那吉镇推行“党员中心户”制度。亚东镇则探索“产业联盟”模式，带动农户抱团发展。",
        {("那吉镇", "党员中心户"), ("亚东镇", "产业联盟")},
        {("那吉镇", "产业联盟"), ("亚东镇", "党员中心户")},
        id="subject-changes",
    ),
    pytest.param(
        "内蒙古青禾农牧业发展有限公司党支部推出“企村联建”模式，与周边8个村结对共建。",
        {("内蒙古青禾农牧业发展有限公司党支部", "企村联建")},
        set(),
        id="company-party-branch",
    ),
    pytest.param(
        "近年来，成都市武侯区玉林街道玉林北路社区探索“院落自治”模式，居民的事居民自己议。",
        {("玉林北路社区", "院落自治")},
        {("玉林街道", "院落自治"), ("武侯区", "院落自治")},
        id="community-at-end-of-chain",
    ),
    pytest.param(
        "五原县隆兴昌镇打造“红色驿站”“暖心食堂”两大服务品牌，服务群众2万余人次。",
        {("隆兴昌镇", "红色驿站"), ("隆兴昌镇", "暖心食堂")},
        {("五原县", "红色驿站")},
        id="one-subject-two-brands",
    ),
    pytest.param(
        "达拉特旗树林召镇辖区面积大、人口分散。为此，该镇创新“微网格”管理模式，把服务送到群众家门口。",
        {("树林召镇", "微网格")},
        {("达拉特旗", "微网格")},
        id="gaizhen-carried",
    ),
    pytest.param(
        "察右前旗依托“智慧草原”平台，实现农牧民办事“一网通办”。",
        {("察哈尔右翼前旗", "智慧草原")},
        set(),
        id="banner-abbreviation-yituo",
    ),
    pytest.param(
        "2023年以来，贺兰县习岗镇太阳城社区党委推行“五事联办”机制，居民诉求办结率达98%。",
        {("太阳城社区党委", "五事联办")},
        {("贺兰县", "五事联办")},
        id="community-committee-after-time",
    ),
    pytest.param(
        "包头市聚焦老旧小区治理难题，深入昆都仑区、青山区调研走访。创新推行“小区党建+物业服务”模式，推动物业服务提质增效。",
        {("包头市", "小区党建+物业服务")},
        {("昆都仑区", "小区党建+物业服务"), ("青山区", "小区党建+物业服务")},
        id="topic-not-last-named-place",
    ),
    pytest.param(
        "武川县可可以力更镇持续推进移风易俗。由镇党委牵头，推行“喜事新办、丧事简办”承诺制度，各村成立红白理事会。",
        {("可可以力更镇党委", "喜事新办、丧事简办")},
        set(),
        id="led-by-bare-town-committee",
    ),
    pytest.param(
        "为方便群众办事，五原县新禾乡集中开展“流动课堂”服务，把政策讲到田间地头。",
        {("新禾乡", "流动课堂")},
        {("五原县", "流动课堂")},
        id="town-before-jizhong",
    ),
    pytest.param(
        "信息快递\n\n◆近日，磴口县补隆淖镇建立“田间夜校”，组织农技人员为种植户讲解节水技术。（王立新）",
        {("补隆淖镇", "田间夜校")},
        set(),
        id="news-brief-after-a-mark",
    ),
    pytest.param(
        "近年来，乌拉特前旗委组织部培育评定了“草原先锋”“牧野红帆”等一批优秀党建品牌。",
        set(),
        {("乌拉特前旗委组织部", "草原先锋"), ("乌拉特前旗委组织部", "牧野红帆")},
        id="rater-does-not-implement",
    ),
    pytest.param(
        "磴口县民政局与磴口县委组织部联合印发通知，推行“邻里帮帮团”积分制度。",
        {("磴口县民政局", "邻里帮帮团"), ("磴口县委组织部", "邻里帮帮团")},
        set(),
        id="joint-actors",
    ),
    pytest.param(
        "五原县常态化开展理论宣讲、“田埂议事”、送医上门等活动，把服务送到农户身边。",
        {("五原县", "田埂议事")},
        {("五原县", "送医上门"), ("五原县", "理论宣讲")},
        id="quoted-name-inside-a-list",
    ),
    pytest.param(
        "杭锦后旗以30个村级党群服务站、12个“红色加油站”为阵地，为货车司机提供热水、充电等服务。",
        {("杭锦后旗", "红色加油站")},
        set(),
        id="quoted-last-of-a-yi-list",
    ),
    pytest.param(
        "五原县供电公司党委以“2·3·5”电力抢修服务标准创建党建品牌，故障抢修更快了。",
        {("五原县供电公司党委", "2·3·5")},
        set(),
        id="numbered-formula-with-dots",
    ),
    pytest.param(
        "“现在办事方便多了，不用再跑腿。”五原县新禾乡新光村的大娘开心地说。据了解，五原县新禾乡组建了帮办队伍。"
        "\n\n每周，工作人员到各村开展“上门问需”服务。",
        {("新禾乡", "上门问需")},
        {("新光村", "上门问需")},
        id="speaker-village-is-no-subject",
    ),
    pytest.param(
        "磴口县补隆淖镇新光村地处黄河岸边，村民以种植为主。磴口县持续推进抓党建促乡村振兴。"
        "\n\n创新推行“红旗网格”机制，推动力量下沉。",
        {("磴口县", "红旗网格")},
        {("新光村", "红旗网格")},
        id="new-paragraph-keeps-latest-of-equal-subjects",
    ),
    pytest.param(
        "扎鲁特旗鲁北镇的金谷粮油有限公司有职工120人。“企业发展到哪里，党组织就覆盖到哪里。”赵文博介绍，"
        "公司党支部推行“党员示范岗”，带动职工比技能。",
        {("金谷粮油有限公司党支部", "党员示范岗")},
        {("金谷粮油有限公司", "党员示范岗")},
        id="bare-company-branch-is-the-articles",
    ),
    pytest.param(
        "商都县七台镇在外出务工人员集中的乌兰察布市集宁区、呼和浩特市赛罕区设立“流动党员之家”，为流动党员提供服务。",
        {("七台镇", "流动党员之家")},
        {("赛罕区", "流动党员之家"), ("呼和浩特市", "流动党员之家"), ("集宁区", "流动党员之家")},
        id="places-after-zai-are-where",
    ),
    pytest.param(
        "为此，康宁社区党委牵头成立小区党支部，通过公开招标引入包头市瑞丰物业服务有限公司，推行“红色管家”服务模式。",
        {("康宁社区党委", "红色管家")},
        {("包头市瑞丰物业服务有限公司", "红色管家")},
        id="object-of-a-verb-does-not-act",
    ),
    pytest.param(
        # the subject acts, the body it joins (联合) helps: the annotated pages credit the subject alone
        "去年以来，友谊街道联合青山区公安分局友谊派出所推行“网格+警格”融合机制，警力下沉到网格。",
        {("友谊街道", "网格+警格")},
        {("青山区公安分局友谊派出所", "网格+警格")},
        id="body-joined-by-lianhe-helps",
    ),
    pytest.param(
        "近年来，乌达区坚持和发展新时代“枫桥经验”。宝日胡舒派出所所长阿古拉从警22年。他带领全所民警推行“警格联网”工作模式，派出所与社区共用一张网格图。",
        {("宝日胡舒派出所", "警格联网")},
        {("乌达区", "警格联网")},
        id="he-acts-for-the-body-he-leads",
    ),
    pytest.param(
        "鄂温克族自治旗巴彦托海镇辉河嘎查有牧户120户。在积分管理上，苏木推行“一户一档”管理办法，每户建立档案。",
        set(),
        {("辉河嘎查", "一户一档")},
        id="bare-sumu-opening-a-clause-is-no-gacha",
    ),
    pytest.param(
        "在兴胜街道，驻区单位与社区推行“双向认领”，社区列出需求清单，单位列出资源清单。",
        {("兴胜街道", "双向认领")},
        set(),
        id="scene-place-when-the-actors-go-unnamed",
    ),
    pytest.param(
        "金谷粮油有限公司党支部与九原区沙河街道康乐社区党委签订结对共建协议，每月最后一个星期六开展“红色星期六”志愿服务。",
        {("金谷粮油有限公司党支部", "红色星期六")},
        {("康乐社区", "红色星期六"), ("康乐社区党委", "红色星期六")},
        id="partner-after-yu-by-its-chain-does-not-act",
    ),
    pytest.param(
        "临河区新华街道锦华园小区有居民600户。与此同时，小区业委会建立物业费收支公示制度，每季度公示一次。",
        {("锦华园小区业委会", "物业费收支公示制度")},
        set(),
        id="compound-committee-by-its-kind",
    ),
    pytest.param(
        "村里的面貌变了，得益于宾川县施行“三访三问”工作法。",
        {("宾川县", "三访三问")},
        set(),
        id="subject-of-a-clause-a-verb-takes-acts",
    ),
    pytest.param(
        "华坪县供电公司赴永胜县期纳镇清水村开展“电力红管家”志愿服务活动。",
        {("华坪县供电公司", "电力红管家")},
        {("清水村", "电力红管家"), ("期纳镇", "电力红管家")},
        id="where-the-actor-went-does-not-act",
    ),
    pytest.param(
        "祥云县人民检察院与大理白族自治州弥渡县、南涧彝族自治县人民检察院召开联席会议，建立“三方巡河”制度。",
        {("祥云县人民检察院", "三方巡河")},
        {("南涧彝族自治县人民检察院", "三方巡河")},
        id="partners-listed-after-yu-do-not-act",
    ),
    pytest.param(
        "《法治日报》专题介绍了鹤庆县人民法院“一庭两所”工作机制。",
        {("鹤庆县人民法院", "一庭两所")},
        set(),
        id="owner-written-before-its-practice-acts",
    ),
    pytest.param(
        "剑川县甸南镇党委建立甸南镇司法所、甸南派出所“两所联动”调解机制。",
        {("剑川县甸南镇党委", "两所联动")},
        {("甸南派出所", "两所联动"), ("甸南镇司法所", "两所联动")},
        id="last-of-a-list-before-a-practice-is-no-owner",
    ),
    pytest.param(
        "洱源县每月举办的“炕头夜话”和永平县以“桦树皮课堂”进村入户的做法，都受到群众欢迎。",
        {("永平县", "桦树皮课堂")},
        {("洱源县", "桦树皮课堂")},
        id="he-after-a-practice-opens-a-second-clause",
    ),
    pytest.param(
        "宾川县金牛镇党委书记李明宇说：“近年来，镇里在各组全面推行‘三事分流’机制，群众反映的事有人管。”",
        {("金牛镇", "三事分流")},
        set(),
        id="zhen-li-in-a-speakers-words-is-the-town",
    ),
    pytest.param(
        "金牛镇党委坚持党建引领。组建多名党员在内的“金牛红”志愿服务队，推出“送医送学”服务。",
        {("金牛镇党委", "送医送学")},
        {("金牛红志愿服务队", "送医送学")},
        id="a-body-a-clause-opening-on-its-verb-makes-does-not-act",
    ),
    pytest.param(
        "宾川县推行“一村一品”行动。比如，金牛镇“绣花小院”带动妇女就业。同时，推行“庭院+电商”模式，带动群众增收。",
        {("宾川县", "庭院+电商")},
        {("金牛镇", "庭院+电商")},
        id="an-example-place-is-not-what-the-article-speaks-of",
    ),
    pytest.param(
        "宾川县积极探索“金牛模式”和“上沧模式”。其中，“金牛模式”的开创地——金牛镇上沧村，位于县城以东。",
        {("上沧村", "金牛模式")},
        set(),
        id="a-practices-birthplace-carries-it-out",
    ),
    pytest.param(
        "村里的面貌变了，得益于宾川县施行“上门问暖、代办解忧、结对帮困”的“三暖”工作法，"
        "依照“干部包片、党员包户、群众自治”原则，搭建起“1+N”网格服务体系。",
        {("宾川县", "1+N")},
        set(),
        id="one-actor-goes-on-through-a-long-sentence",
    ),
]


@pytest.mark.parametrize("text, expected, forbidden", IMPLEMENTERS)
def test_implementer(gaz, text, expected, forbidden):
    g = graph_of(gaz, text)
    missing = [(s, o) for s, o in expected if not has_edge(g, "implements", s, o)]
    assert not missing, f"missing implements {missing}" + summary(g)
    wrong = [(s, o) for s, o in forbidden if (s, o) in edges(g, "implements")]
    assert not wrong, f"wrongly credited {wrong}" + summary(g)


def test_a_practice_named_again_without_quotes_is_credited_where_its_clause_names_who_acts(gaz):
    """A page that names “小区议事日” once in quotes and then reports each compound holding
    it (某小区开展小区议事日活动): each compound implements it; a later mention with no one
    acting before it in its clause credits no one more."""
    g = graph_of(gaz, "宾川县金牛镇推行“邻里议事日”制度。\n金牛镇上沧村开展邻里议事日活动，会上通报了卫生问题。\n"
                      "邻里议事日让居民说事有了去处。")
    assert has_edge(g, "implements", "上沧村", "邻里议事日"), summary(g)
    assert edges(g, "implements") == {("金牛镇", "邻里议事日"), ("上沧村", "邻里议事日")}, summary(g)


def test_a_verb_before_an_estate_word_opens_no_compound(gaz):
    """某村开展小区清洁活动, 某社区建设乐居……: a verb after the place opens no estate's name;
    宾川县金牛镇幸福家园住户: an estate right after its places stands."""
    g = graph_of(gaz, "宾川县金牛镇上沧村开展小区清洁活动。力角社区建设乐居共享的幸福社区。")
    assert not names(g, "Neighborhood"), summary(g)
    g = graph_of(gaz, "宾川县金牛镇幸福家园住户参加议事。")
    assert names(g, "Neighborhood") == {"幸福家园"}, summary(g)


def test_a_headlines_place_counts_as_the_article_coming_back_to_it(gaz):
    """宾川县： opens the headline and the first paragraph; a later paragraph about a village
    branch does not make the branch the article's subject for a practice no sentence credits."""
    g = graph_of(gaz, "宾川县：\n服务直通边远村\n\n宾川县着力破解边远村服务难题。\n\n"
                      "金牛镇上沧村党支部组织党员结对帮扶困难户。\n\n同时，开通“便民直通车”，每周进村一次。")
    assert has_edge(g, "implements", "宾川县", "便民直通车"), summary(g)
    assert ("金牛镇上沧村党支部", "便民直通车") not in edges(g, "implements"), summary(g)



def test_a_body_named_by_its_head_alone_opening_a_clause_is_the_articles_body_of_that_kind(gaz):
    """调解室推行……: a bare head acting is the article's 调解室, not the body named before it;
    where the article named none of that kind, nothing is read."""
    g = graph_of(gaz, "宾川县司法局帮助金牛镇设立安宁调解室。去年，小区纠纷增多。对此，调解室推行“三老”调解法，邻里纠纷少了。")
    assert has_edge(g, "implements", "安宁调解室", "三老"), summary(g)
    assert not has_edge(g, "implements", "宾川县司法局", "三老"), summary(g)
    g = graph_of(gaz, "去年，宾川县小区纠纷增多。对此，服务队推行“板凳议事”机制。")
    assert "服务队" not in names(g, "Organization"), summary(g)
    # 这支志愿服务队 is the team named before, no body of its own
    g = graph_of(gaz, "金牛镇银龄志愿服务队推行“时间银行”。后来，他带着十几名老党员组建了这支志愿服务队。服务队推行“三帮三送”。")
    assert names(g, "Organization") == {"金牛镇银龄志愿服务队"}, summary(g)
    assert has_edge(g, "implements", "金牛镇银龄志愿服务队", "三帮三送"), summary(g)


def test_owners_joined_by_he_each_carry_out_the_practice_written_after_them(gaz):
    """甲社区“……”项目和乙社区“……”项目: 和 joins two owners, each before its practice; 甲与乙“……”
    still makes 乙 a partner."""
    g = graph_of(gaz, "去年，宾川县金牛镇上沧社区“邻里守望”项目和保山市隆阳区永昌街道青华社区“银发课堂”项目同获全省表彰。")
    assert has_edge(g, "implements", "上沧社区", "邻里守望") and has_edge(g, "implements", "青华社区", "银发课堂"), summary(g)
    assert not has_edge(g, "implements", "上沧社区", "银发课堂"), summary(g)


def test_the_subject_after_a_frame_of_help_carries_out_the_practice(gaz):
    """近年来，在县委的关心和支持下力角社区以“板凳夜话”为载体……: the community after the frame
    (no comma between) is the clause's subject; the frame's 为载体 is no part of the name."""
    g = graph_of(gaz, "宾川县金牛镇有个力角社区。近年来，在县委的关心和支持下力角社区以“板凳夜话”为载体，"
                      "把居民的事办在家门口。")
    assert names(g, "Mechanism") == {"板凳夜话"}, summary(g)
    assert has_edge(g, "implements", "力角社区", "板凳夜话"), summary(g)


def test_the_model_a_body_takes_is_not_who_carries_out_the_practice(gaz):
    """某镇党委以|某村|为样板，在全镇推行……: the village is the model the committee named before
    it takes; the committee acts.  以 glued by jieba to the name after a town (以力角|社区) opens
    no name of its own."""
    g = graph_of(gaz, "金牛镇党委以上沧村为样板，在全镇推行“一村一品”模式。乔甸镇以力角社区为试点，推行“红色管家”机制。")
    assert has_edge(g, "implements", "金牛镇党委", "一村一品"), summary(g)
    assert not has_edge(g, "implements", "上沧村", "一村一品"), summary(g)
    assert "力角社区" in names(g, "Community") and has_edge(g, "implements", "乔甸镇", "红色管家"), summary(g)


def test_a_units_party_body_named_by_the_units_kind_carries_out_the_practice(gaz):
    """执行局党支部, 协会党支部, 局机关党支部 (the bureau named only with its 党组): the party body
    of the unit of that kind the article named, named in full, carries out the practice; a
    多元化解中心 is a body."""
    g = graph_of(gaz, "宾川县人民法院执行局负责执行工作。执行局党支部还推行“执行事务公开日”。"
                      "宾川县家政服务协会成立于2020年。协会党支部推出“党员诚信经营户”亮牌行动。")
    assert has_edge(g, "implements", "宾川县人民法院执行局党支部", "执行事务公开日"), summary(g)
    assert has_edge(g, "implements", "宾川县家政服务协会党支部", "党员诚信经营户"), summary(g)
    g = graph_of(gaz, "宾川县人力资源和社会保障局党组书记、局长罗文涛说。局机关党支部开展“支部包村、党员帮户”行动。"
                      "金牛镇矛盾纠纷多元化解中心整合各方力量。化解中心还推行“一事一跟踪”制度。")
    assert has_edge(g, "implements", "宾川县人力资源和社会保障局机关党支部", "支部包村、党员帮户"), summary(g)
    assert has_edge(g, "implements", "金牛镇矛盾纠纷多元化解中心", "一事一跟踪"), summary(g)
    g = graph_of(gaz, "力角社区由宾川县安泰物业公司管理。“过去各说各话。”安泰物业公司党支部书记庞海燕说。"
                      "物业党支部还推出“物业管家认楼”做法。")
    assert has_edge(g, "implements", "宾川县安泰物业公司党支部", "物业管家认楼"), summary(g)



def test_places_listed_after_zai_are_where_the_body_acts(gaz):
    """同时在甲镇、乙镇设立“……”: the towns listed after 在 are where; the body of the clause before
    acts (not the nearer town, the list's second item)."""
    g = graph_of(gaz, "宾川县人民检察院与县林业局建立协作机制。同时在金牛镇、乔甸镇设立“生态检察联络点”，聘请护林员担任联络员。")
    assert not has_edge(g, "implements", "乔甸镇", "生态检察联络点"), summary(g)
    assert not has_edge(g, "implements", "金牛镇", "生态检察联络点"), summary(g)


def test_a_row_of_a_table_of_names_leads_its_bodies(gaz):
    """A notice's table: 某某某  某镇某村党支部书记 on a line of its own, the name, spaces, then the
    body and the post (and a list of posts): the person leads each body."""
    g = graph_of(gaz, "关于表扬先进支部书记的通报\n\n以下同志被评为先进支部书记。\n"
                      "钟立群  宾川县金牛镇上沧村党支部书记\n范秋菊  宾川县金牛镇力角社区党委书记、居委会主任\n")
    assert has_edge(g, "leads", "钟立群", "宾川县金牛镇上沧村党支部"), summary(g)
    assert has_edge(g, "leads", "范秋菊", "宾川县金牛镇力角社区党委") and has_edge(g, "leads", "范秋菊", "力角社区居委会"), summary(g)


def test_the_head_of_a_places_government_written_bare_leads_the_place(gaz):
    """某镇党委书记某某，镇长某某: the town's head leads the town; 区委副书记、区长某某: the
    district's committee and the district, though 区委 is said by its level alone."""
    g = graph_of(gaz, "调研\n\n金牛镇党委书记郜立斌,镇长温晓鹏陪同调研。")
    assert has_edge(g, "leads", "温晓鹏", "金牛镇", role="镇长"), summary(g)
    g = graph_of(gaz, "调研\n\n五华区委书记郜立斌,区委副书记、区长温晓鹏陪同调研。")
    assert has_edge(g, "leads", "温晓鹏", "五华区", role="区长"), summary(g)
    assert has_edge(g, "leads", "温晓鹏", "五华区委"), summary(g)


def test_a_committee_said_by_its_level_before_the_article_names_its_place_is_that_places(gaz):
    """旗委副|书记 (jieba), 旗长某某深入…… on a page that names its banner only later: the
    banner's committee, which the deputy secretary leads."""
    g = graph_of(gaz, "调研\n\n9月23日,旗委副书记、旗长杨建华深入查干诺尔镇,就基层治理工作进行调研。\n\n"
                      "近年来,阿巴嘎旗推行网格化管理。")
    assert has_edge(g, "leads", "杨建华", "阿巴嘎旗委"), summary(g)


def test_a_department_after_a_seat_in_a_levels_committee_is_that_levels(gaz):
    """市委常委、政法委书记某某到某区调研: the department of the city's committee (the seat says
    市), not of the district visited and named before it in the headline."""
    g = graph_of(gaz, "郜立斌到五华区调研基层治理工作\n\n9月11日,市委常委、政法委书记郜立斌到五华区调研基层治理工作。"
                      "昆明市持续推进网格化管理。")
    assert has_edge(g, "leads", "郜立斌", "昆明市委政法委"), summary(g)
    assert "五华区委政法委" not in names(g, "Organization"), summary(g)


def test_a_body_whose_deployment_a_notice_follows_carries_out_none_of_its_practices(gaz):
    """为深入贯彻某市委政法委关于……的部署要求, 决定在全县开展……: the county follows the city
    committee's deployment; the practices the notice sets out are not the city committee's."""
    g = graph_of(gaz, "关于在全县开展“院坝平安”行动的通知\n\n各乡镇党委，县直各有关部门：\n\n"
                      "为深入贯彻昆明市委政法委关于平安建设的部署要求，经研究，决定在全县开展“院坝平安”行动。\n\n"
                      "一、工作目标\n\n各乡镇要依托网格，推行“一组一和事员”制度，力争年底前矛盾纠纷化解率达到95%以上。")
    assert not {s for s, _ in edges(g, "implements")} & {"昆明市委政法委"}, summary(g)
