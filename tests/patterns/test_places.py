"""Pattern tests, administrative chains, places in context, and words that are no places.

Sentences written for these tests, in the style of the pages: other places of China (real
administrative names), invented people, other posts, full- and half-width punctuation, OCR
line breaks inside words.  Each asserts what a careful human reader takes from the text, as
``../shared/gold/GUIDELINE.md`` says, through the public pipeline (read → extract → resolve
→ graph).
"""

from __future__ import annotations

import pytest
from conftest import closure, edges, entities, graph_of, has_edge, mentions_text, names, summary

pytestmark = pytest.mark.patterns


# ------------------------------------------------------------ 1. administrative chains

CHAINS = [
    pytest.param(
        "近日，鄂尔多斯市准格尔旗薛家湾镇不连沟村党支部组织党员开展义务植树活动。",
        {"鄂尔多斯市": "City", "准格尔旗": "County", "薛家湾镇": "Town", "不连沟村": "Village"},
        [("不连沟村", "薛家湾镇"), ("薛家湾镇", "准格尔旗"), ("准格尔旗", "鄂尔多斯市")],
        id="city-banner-town-village",
    ),
    pytest.param(
        "走进包头市昆都仑区阿尔丁大街街道佳园社区翠林小区，楼道干净整洁，车辆停放有序。",
        {
            "包头市": "City",
            "昆都仑区": "County",
            "阿尔丁大街街道": "Street",
            "佳园社区": "Community",
            "翠林小区": "Neighborhood",
        },
        [
            ("翠林小区", "佳园社区"),
            ("佳园社区", "阿尔丁大街街道"),
            ("阿尔丁大街街道", "昆都仑区"),
            ("昆都仑区", "包头市"),
        ],
        id="street-community-compound",
    ),
    pytest.param(
        "巴图孟和是呼伦贝尔市鄂温克族自治旗锡尼河西苏木好力保嘎查的一名牧民，家里养了300多只羊。",
        {
            "呼伦贝尔市": "City",
            "鄂温克族自治旗": "County",
            "锡尼河西苏木": "Town",
            "好力保嘎查": "Village",
        },
        [
            ("好力保嘎查", "锡尼河西苏木"),
            ("锡尼河西苏木", "鄂温克族自治旗"),
            ("鄂温克族自治旗", "呼伦贝尔市"),
        ],
        id="sumu-gacha",
    ),
    pytest.param(
        "锡林郭勒盟苏尼特左旗满都拉图镇宝拉格社区党委组织辖区党员开展政策宣讲活动。",
        {
            "锡林郭勒盟": "City",
            "苏尼特左旗": "County",
            "满都拉图镇": "Town",
            "宝拉格社区": "Community",
        },
        [("宝拉格社区", "满都拉图镇"), ("满都拉图镇", "苏尼特左旗"), ("苏尼特左旗", "锡林郭勒盟")],
        id="league-banner-town-community",
    ),
    pytest.param(
        "在四川省成都市武侯区玉林街道玉林北路社区,居民们围坐在院坝里商量加装电梯的事。",
        {
            "四川省": "Province",
            "成都市": "City",
            "武侯区": "County",
            "玉林街道": "Street",
            "玉林北路社区": "Community",
        },
        [
            ("玉林北路社区", "玉林街道"),
            ("玉林街道", "武侯区"),
            ("武侯区", "成都市"),
            ("成都市", "四川省"),
        ],
        id="other-province-halfwidth",
    ),
    pytest.param(
        "眼下，巴彦淖尔市五原县隆兴昌\n镇五星村的村民们正忙着春播备耕。",
        {"巴彦淖尔市": "City", "五原县": "County", "隆兴昌镇": "Town", "五星村": "Village"},
        [("五星村", "隆兴昌镇"), ("隆兴昌镇", "五原县"), ("五原县", "巴彦淖尔市")],
        id="ocr-break-in-town",
    ),
    pytest.param(
        "兴安盟乌兰浩特市葛根庙镇南山新区社区组织居民开展义诊活动。",
        {"兴安盟": "City", "乌兰浩特市": "County", "葛根庙镇": "Town", "南山新区社区": "Community"},
        [("南山新区社区", "葛根庙镇"), ("葛根庙镇", "乌兰浩特市"), ("乌兰浩特市", "兴安盟")],
        id="new-district-community-in-a-chain",
    ),
    pytest.param(
        "兴安盟阿尔山市白狼镇依托林俗文化发展乡村旅游，游客络绎不绝。",
        {"兴安盟": "City", "阿尔山市": "County", "白狼镇": "Town"},
        [("白狼镇", "阿尔山市"), ("阿尔山市", "兴安盟")],
        id="town-missing-from-gazetteer-keeps-text-parent",
    ),
    pytest.param(
        "呼和浩特市清水河县城关镇组织党员干部深入田间地头，帮助群众解决生产难题。",
        {"呼和浩特市": "City", "清水河县": "County", "城关镇": "Town"},
        [("城关镇", "清水河县"), ("清水河县", "呼和浩特市")],
        id="ambiguous-town-chosen-by-its-county",
    ),
    pytest.param(
        "鄂尔多斯市东胜区交通街道、公园街道的党员志愿者走上街头，开展文明劝导。",
        {"鄂尔多斯市": "City", "东胜区": "County", "交通街道": "Street", "公园街道": "Street"},
        [("交通街道", "东胜区"), ("公园街道", "东胜区"), ("东胜区", "鄂尔多斯市")],
        id="list-of-streets-share-parent",
    ),
    pytest.param(
        "广西壮族自治区柳州市三江侗族自治县古宜镇城北社区开展民族团结进步宣传活动。",
        {
            "广西壮族自治区": "Province",
            "柳州市": "City",
            "三江侗族自治县": "County",
            "古宜镇": "Town",
            "城北社区": "Community",
        },
        [
            ("城北社区", "古宜镇"),
            ("古宜镇", "三江侗族自治县"),
            ("三江侗族自治县", "柳州市"),
            ("柳州市", "广西壮族自治区"),
        ],
        id="autonomous-county",
    ),
    pytest.param(
        "鄂尔多斯市持续推进城乡基层治理。\n达拉特旗树林召镇组建红色代办员队伍，为群众跑腿办事。",
        {"鄂尔多斯市": "City", "达拉特旗": "County", "树林召镇": "Town"},
        [("树林召镇", "达拉特旗"), ("达拉特旗", "鄂尔多斯市")],
        id="containment-not-stated-in-text",
    ),
    pytest.param(
        "宁夏银川市贺兰县习岗镇太阳城社区的“老年饭桌”每天为50多位老人送餐。",
        {
            "宁夏回族自治区": "Province",
            "银川市": "City",
            "贺兰县": "County",
            "习岗镇": "Town",
            "太阳城社区": "Community",
        },
        [
            ("太阳城社区", "习岗镇"),
            ("习岗镇", "贺兰县"),
            ("贺兰县", "银川市"),
            ("银川市", "宁夏回族自治区"),
        ],
        id="province-short-name",
    ),
    pytest.param(
        "山东省济南市历下区泉城路街道芙蓉街社区把议事会开到了老街巷口。",
        {
            "山东省": "Province",
            "济南市": "City",
            "历下区": "County",
            "泉城路街道": "Street",
            "芙蓉街社区": "Community",
        },
        [
            ("芙蓉街社区", "泉城路街道"),
            ("泉城路街道", "历下区"),
            ("历下区", "济南市"),
            ("济南市", "山东省"),
        ],
        id="shandong-chain",
    ),
    pytest.param(
        "在正镶白旗明安图镇巴彦宝拉格嘎\n\n查，牧民们自发组建了互助小组。",
        {"正镶白旗": "County", "明安图镇": "Town", "巴彦宝拉格嘎查": "Village"},
        [("巴彦宝拉格嘎查", "明安图镇"), ("明安图镇", "正镶白旗")],
        id="ocr-break-in-gacha",
    ),
    pytest.param(
        "浙江省诸暨市枫桥镇是“枫桥经验”的发源地。",
        {"浙江省": "Province", "诸暨市": "County", "枫桥镇": "Town"},
        [("枫桥镇", "诸暨市"), ("诸暨市", "浙江省")],
        id="county-level-city",
    ),
    pytest.param(
        "通辽市科尔沁区建国街道新华社区幸福家园小区的居民自发成立了小区议事会。",
        {
            "通辽市": "City",
            "科尔沁区": "County",
            "建国街道": "Street",
            "新华社区": "Community",
            "幸福家园小区": "Neighborhood",
        },
        [
            ("幸福家园小区", "新华社区"),
            ("新华社区", "建国街道"),
            ("建国街道", "科尔沁区"),
            ("科尔沁区", "通辽市"),
        ],
        id="compound-under-community-under-street",
    ),
    pytest.param(
        "包头市达茂旗百灵庙镇双塔街社区党支部组织党员为居民清理楼道杂物。",
        {
            "包头市": "City",
            "达尔罕茂明安联合旗": "County",
            "百灵庙镇": "Town",
            "双塔街社区": "Community",
        },
        [
            ("双塔街社区", "百灵庙镇"),
            ("百灵庙镇", "达尔罕茂明安联合旗"),
            ("达尔罕茂明安联合旗", "包头市"),
        ],
        id="banner-short-name-inside-body-name",
    ),
    pytest.param(
        "赤峰市林西县林西镇冬不冷村的大棚里，西红柿挂满了枝头。",
        {"赤峰市": "City", "林西县": "County", "林西镇": "Town", "冬不冷村": "Village"},
        [("冬不冷村", "林西镇"), ("林西镇", "林西县"), ("林西县", "赤峰市")],
        id="town-name-shared-with-another-province",
    ),
    pytest.param(
        "乌兰察布市察右前旗三岔口乡组织党员干部开展秸秆禁烧巡查。",
        {"乌兰察布市": "City", "察哈尔右翼前旗": "County", "三岔口乡": "Town"},
        [("三岔口乡", "察哈尔右翼前旗"), ("察哈尔右翼前旗", "乌兰察布市")],
        id="banner-abbreviation-and-xiang",
    ),
    pytest.param(
        "通辽市科尔沁区大林镇前进村村民韩立东把自家的玉米地流转给了合作社。",
        {"通辽市": "City", "科尔沁区": "County", "大林镇": "Town", "前进村": "Village"},
        [("前进村", "大林镇"), ("大林镇", "科尔沁区"), ("科尔沁区", "通辽市")],
        id="village-name-before-cunmin",
    ),
    pytest.param(
        "赤峰市阿鲁科尔沁旗组织干部分别包联全旗天山镇、坤都镇等乡镇苏木的嘎查村。",
        {"赤峰市": "City", "阿鲁科尔沁旗": "County", "天山镇": "Town", "坤都镇": "Town"},
        [("天山镇", "阿鲁科尔沁旗"), ("坤都镇", "阿鲁科尔沁旗"), ("阿鲁科尔沁旗", "赤峰市")],
        id="town-after-quanqi",
    ),
    pytest.param(
        "锡林郭勒盟正蓝旗安排12名法官对接上都镇18个网格，定期开展巡回审判。",
        {"锡林郭勒盟": "City", "正蓝旗": "County", "上都镇": "Town"},
        [("上都镇", "正蓝旗"), ("正蓝旗", "锡林郭勒盟")],
        id="town-after-verb-with-stop-character",
    ),
]


@pytest.mark.parametrize("text, town", [
    ("德宏州芒市勐焕街道团结社区党总支书记杨秀英介绍，社区成立了调解室。", "勐焕街道"),
    ("菏泽市成武县九女集镇党委组织党员开展志愿服务。", "九女集镇"),
])
def test_a_town_the_table_names_after_its_county_is_one_town(gaz, text, town):
    # the division table writes some towns with their county before them (某县某镇): the
    # text's county and town are a chain, not a second town named with the county
    g = graph_of(gaz, text)
    places = {n for t, n in entities(g) if t in ("Town", "Street")}
    assert places == {town}, summary(g)
    assert any(s == town for s, _ in edges(g, "locatedIn")), summary(g)


@pytest.mark.parametrize("text, places, located", CHAINS)
def test_chain(gaz, text, places, located):
    g = graph_of(gaz, text)
    got = entities(g)
    missing = {(t, n) for n, t in places.items()} - got
    assert not missing, f"missing places {sorted(missing)}" + summary(g)
    loc = closure(edges(g, "locatedIn"))
    missing = [p for p in located if p not in loc]
    assert not missing, f"missing locatedIn {missing}" + summary(g)
    # one node per place name in one sentence: no second 城关镇 under another county
    for name in places:
        n = sum(1 for _, d in g.nodes(data=True) if d["name"] == name)
        assert n == 1, f"{n} nodes named {name}" + summary(g)
        parents = {o for s, o in edges(g, "locatedIn") if s == name}
        wrong = {p for p in parents if p in places and (name, p) not in closure(set(located))}
        assert not wrong, f"{name} placed in {wrong}" + summary(g)


@pytest.mark.parametrize(
    "text, forbidden",
    [
        pytest.param(
            "东胜区交通街道祥和社区地处老城区，老旧小区多。",
            {"老城区", "洛阳市", "河南省"},
            id="laochengqu",
        ),
        pytest.param(
            "包头市昆都仑区少先路街道是典型的老工业区街道。",
            {"老工业区街道"},
            id="lao-gongyequ-jiedao",
        ),
        pytest.param(
            "社区干部走进新建小区，挨家挨户发放明白卡。", {"新建小区"}, id="xinjian-xiaoqu"
        ),
        pytest.param(
            "通过下沉力量，建强社区；通过理顺职责，做大街道。", {"建强社区", "做大街道"}, id="verb-before-suffix"
        ),
        pytest.param(
            "据统计，今年以来街道班子成员共下沉社区接待居民300余人次，重大事项报街道协调。",
            {"今年以来街道", "重大事项报街道", "协调"},
            id="idiom-and-phrase-before-jiedao",
        ),
        pytest.param(
            "社区通过公开招标引入包头市鹿城物业服务有限公司，居民满意度明显提升。",
            {"鹿城", "鹿城区", "温州市"},
            id="short-form-not-contained-by-the-place-before",
        ),
        pytest.param(
            "兴安社区指导锦绣花园小区依法选举业主委员会。",
            {"指导锦绣花园小区"},
            id="verb-between-two-places-ends-the-chain",
        ),
        pytest.param(
            "新营村先后获评“内蒙古自治区级文明村”；这个纯牧业苏木地广人稀。",
            {"级文明村", "纯牧业苏木", "自治区级文明村"},
            id="ranks-and-kinds-of-place",
        ),

        pytest.param(
            "去年全苏木嘎查集体经济收入都超过了15万元，其中宝力格嘎查达到40万元。",
            {"苏木嘎查", "中宝力格嘎查"},
            id="kind-before-kind-and-qizhong",
        ),
        pytest.param(
            "牧民们一边喝奶茶，一边商量嘎查的草场轮牧；320名在职党员回社区报到，帮着联系小区物业。",
            {"商量嘎查", "党员回社区", "联系小区", "员回社区"},
            id="verb-and-its-place-object",
        ),
        pytest.param(
            "“前两年小区可不是这样，物业说走就走。”如今，“撮罗子议事厅”的做法正在全旗城镇社区推广。",
            {"前两年小区", "两年小区", "城镇社区"},
            id="time-and-kind-before-suffix",
        ),
        pytest.param(
            "通辽市不断加强社区网格管理，单靠社区难以解决的难题，就利用嘎查党支部的力量。",
            {"不断加强社区", "单靠社区", "利用嘎查"},
            id="adverb-verb-before-suffix-and-in-a-chain",
        ),
        pytest.param(
            "全市专职社区工作者待遇落实到位，城镇小区和基层社区都建起了党群服务站，这里成了标杆社区。",
            {"专职社区", "城镇小区", "基层社区", "标杆社区"},
            id="descriptions-of-a-kind-of-community",
        ),
        pytest.param(
            "青岛市胶州湾的海水很蓝，包头市公园里游人如织。", {"胶州湾", "包头市公园"}, id="a-bay-and-a-park-after-a-city",
        ),
        pytest.param(
            "东升社区坚持党建引领，充分发挥社区党组织的战斗堡垒作用。", {"充分发挥社区", "发挥社区"},
            id="an-adverb-and-verb-in-one-word",
        ),
        pytest.param(
            "今年全旗选派80名退役军人社区专干，充实到各个社区。",
            {"名退役军人社区", "退役军人社区"},
            id="a-count-and-its-measure-word-before-a-suffix",
        ),
        pytest.param(
            "乔甸镇地处巴丹吉林沙漠边缘，与长白山遥遥相望，金牛镇位于科尔沁沙地南缘，地处大兴安岭深处。",
            {"吉林省", "白山市", "科尔沁区", "大兴安岭地区"},
            id="a-desert-a-mountain-a-sandland-and-a-range-hold-short-forms-of-places",
        ),
    ],
)
def test_common_words_are_no_places(gaz, text, forbidden):
    g = graph_of(gaz, text)
    wrong = names(g) & forbidden
    assert not wrong, f"common words read as places: {sorted(wrong)}" + summary(g)


def test_short_street_name_is_the_street_its_community_is_in(gaz):
    """"阿尔丁街道" shortens 阿尔丁大街街道, the street the gazetteer puts the named
    community in: one street, not two."""
    g = graph_of(gaz, "昆都仑区阿尔丁街道青年八号街坊社区的志愿者每周为老人理发。")
    streets = {n for n in names(g, "Street")}
    assert streets == {"阿尔丁大街街道"}, summary(g)
    assert edges(g, "locatedIn") >= {("青年八号街坊社区", "阿尔丁大街街道")}, summary(g)


def test_street_office_between_street_and_community(gaz):
    """"某某街道办事处某某社区": the street's office stands between the street and the
    community it contains; the chain holds across it."""
    g = graph_of(gaz, "包头市昆都仑区阿尔丁街道办事处青年七号街坊社区组织网格员入户走访独居老人。")
    assert names(g, "Street") == {"阿尔丁大街街道"}, summary(g)
    assert ("青年七号街坊社区", "阿尔丁大街街道") in edges(g, "locatedIn"), summary(g)


def test_town_a_chain_vouched_for_is_a_place_alone_later(gaz):
    """福丰镇 is in no gazetteer: the chain 商都县福丰镇 vouches for it on this page."""
    g = graph_of(gaz, "商都县福丰镇新胜村有村民312户。\n\n此外，福丰镇还推行“干部包村”工作制度。")
    assert has_edge(g, "implements", "福丰镇", "干部包村"), summary(g)


def test_quoted_kind_of_place_is_a_designation(gaz):
    g = graph_of(gaz, "法院在全区开展“无讼社区”创建，网格员通过“乌兰智慧社区”平台一键上报。")
    places = {n for t, n in entities(g) if t not in ("Organization", "Person", "Mechanism")}
    assert not places & {"无讼社区", "乌兰智慧社区", "智慧社区"}, summary(g)


def test_he_opening_a_clause_and_names_holding_he(gaz):
    """和 opens a name after punctuation (，和顺社区), and a dictionary name may hold it (颐和)."""
    g = graph_of(gaz, "在诃额伦街道，和顺社区的志愿服务有声有色，还为和顺家园小区的居民理发；颐和嘉园小区是松青社区的老旧小区。")
    assert {("Community", "和顺社区"), ("Neighborhood", "和顺家园小区"), ("Neighborhood", "颐和嘉园小区")} <= entities(g), summary(g)
    assert not names(g) & {"顺社区", "嘉园小区"}, summary(g)


def test_counted_person_after_a_street_is_no_community(gaz):
    g = graph_of(gaz, "“以前驻区单位和社区是两张皮。”林荫街道一位社区干部说。突泉县六户镇三家村的村民也来了。")
    assert "一位社区" not in names(g), summary(g)
    assert {("Town", "六户镇"), ("Village", "三家村")} <= entities(g), summary(g)


def test_date_unit_and_preposition_before_a_place(gaz):
    g = graph_of(gaz, "2023年巴彦乌拉嘎查集体经济收入达到48万元。扎赉特旗人民法院以音德尔镇为中心开展巡回审判。")
    assert {("Village", "巴彦乌拉嘎查"), ("Town", "音德尔镇")} <= entities(g), summary(g)


def test_community_of_a_common_name_is_the_articles_not_the_gazetteers_elsewhere(gaz):
    """阳光社区 is in the gazetteer under 东胜区 (鄂尔多斯); in an article on 包头 that names no
    such district it is the article's own, under the street the article is about."""
    g = graph_of(gaz, "近日，记者走进包头市昆都仑区少先路街道。针对辖区独居老人较多的实际，阳光社区组建服务队伍，常态化上门服务。")
    up = closure(edges(g, "locatedIn"))
    assert ("阳光社区", "少先路街道") in up and ("阳光社区", "东胜区") not in up, summary(g)


def test_street_named_after_a_county_and_towns_opening_on_function_characters(gaz):
    g = graph_of(gaz, "端午节前夕，回民区海拉尔西路街道云杉社区开展活动。禾润乳业党支部与那吉镇兴旺奶牛养殖专业合作社党支部结成对子。"
                      "\n\n阿拉善右旗额肯呼都格镇推行“牧民诉求直通车”。")
    ents = entities(g)
    assert {("Street", "海拉尔西路街道"), ("Town", "那吉镇")} <= ents, summary(g)
    assert not names(g) & {"西路街道", "海拉尔区", "都格镇"}, summary(g)
    assert "那吉镇兴旺奶牛养殖专业合作社党支部" in names(g, "Organization"), summary(g)


def test_an_outlets_name_names_no_place(gaz):
    g = graph_of(gaz, "人民网>>甘肃频道>>市州  2023年05月09日 | 来源：甘肃日报\n\n"
                      "张掖市甘州区梁家墩镇推行“院落议事”，村民有事坐下来商量。")
    assert mentions_text(g, "甘肃省") == [], summary(g)  # in the graph as 张掖市's province only
    assert {"张掖市", "甘州区", "梁家墩镇"} <= names(g), summary(g)
    g = graph_of(gaz, "来源：宁夏新闻网\n\n宁夏固原市原州区开城镇推行积分制管理。")
    assert mentions_text(g, "宁夏回族自治区"), summary(g)  # the article itself names it
    g = graph_of(gaz, "保山信息港消息（记者李明宇）在隆阳区永昌街道力角社区，居民们围坐议事。")
    assert mentions_text(g, "保山市") == [] and {"隆阳区", "永昌街道", "力角社区"} <= names(g), summary(g)  # a city's portal


def test_a_place_listed_with_others_of_its_kind_stands_though_the_gazetteer_has_it_elsewhere(gaz):
    """东风社区 and 利民社区 are named in many cities; in a list of communities, or right
    after the word for its kind, a name is a place of this page."""
    text = ("乌兰浩特市五一街道下辖红旗社区、东风社区、团结社区。"
            "在和林格尔县城关镇有一个不大的社区——利民社区。")
    g = graph_of(gaz, text)
    assert {"东风社区", "利民社区"} <= names(g), summary(g)


@pytest.mark.parametrize(
    ("text", "place", "type_", "not_"),
    [
        pytest.param("乌兰浩特市兴安街道幸福社区金港一期小区开展议事日活动。", "金港一期小区", "Neighborhood",
                     "金港", id="estate-phase"),
        pytest.param("兴安街道幸福社区上月为金港花园小区更换了路灯。上月金港花园小区业委会换届。", "金港花园小区",
                     "Neighborhood", "上月金港花园小区", id="time-before-estate"),
        pytest.param("走进五一街道红旗社区金源新村小区，道路干净整洁。", "金源新村小区", "Neighborhood", "金源新村",
                     id="new-village-estate"),
        pytest.param("娄山关街道鞍山社区“儿童之家”寒假自习室内，志愿者辅导孩子做作业。", "鞍山社区", "Community", "鞍山",
                     id="city-name-opening-a-community"),
        pytest.param("近日，杜拉尔鄂温克民族乡新时代文明实践所组织开展志愿服务活动。", "杜拉尔鄂温克民族乡", "Town", "鄂温克",
                     id="ethnic-township-whole"),
    ],
)
def test_lower_place_names_hold_their_own_words(gaz, text, place, type_, not_):
    """An estate's phase (一期) is part of its name, a time before it (上月) is not; 某某新村小区
    is an estate, not a village; a city's bare name opening a community's names no city."""
    g = graph_of(gaz, text)
    found = {(d["name"], d["type"]) for _, d in g.nodes(data=True)}
    assert (place, type_) in found, summary(g)
    assert not [n for n, _t in found if n == not_], summary(g)


# ------------------------------------------------------------ former names of divisions


def test_a_former_league_and_banner_are_places_as_written_chained_to_a_town_of_the_successor(gaz):
    """呼伦贝尔盟 (now 呼伦贝尔市) and 喜桂图旗 (now 牙克石市): a page written before the
    renamings keeps their names; the town is the gazetteer's, found under the successor."""
    g = graph_of(gaz, "1980年，呼伦贝尔盟喜桂图旗免渡河镇组织牧民开展防火演练。")
    assert {("City", "呼伦贝尔盟"), ("County", "喜桂图旗"), ("Town", "免渡河镇")} <= entities(g), summary(g)
    up = closure(edges(g, "locatedIn"))
    assert {("免渡河镇", "喜桂图旗"), ("喜桂图旗", "呼伦贝尔盟"), ("呼伦贝尔盟", "内蒙古自治区")} <= up, summary(g)
    assert mentions_text(g, "呼伦贝尔市") == [] and mentions_text(g, "牙克石市") == [], summary(g)  # not what it says


def test_a_short_form_of_a_former_league_is_its_name(gaz):
    g = graph_of(gaz, "那时的巴盟，冬天格外冷。")
    node = [d for _, d in g.nodes(data=True) if d["name"] == "巴彦淖尔盟"]
    assert node and node[0]["type"] == "City" and "巴盟" in node[0]["aliases"], summary(g)
    assert "巴彦淖尔市" not in names(g), summary(g)


def test_a_town_of_the_successor_is_in_the_former_division_the_page_names(gaz):
    """成吉思汗镇 is in 扎兰屯市, which was 布特哈旗: on a page about 布特哈旗 it is in 布特哈旗."""
    g = graph_of(gaz, "1982年的布特哈旗地广人稀。那年冬天，成吉思汗镇的牧民赶着羊群转场。")
    assert ("成吉思汗镇", "布特哈旗") in edges(g, "locatedIn"), summary(g)
    assert ("布特哈旗", "呼伦贝尔盟") in edges(g, "locatedIn"), summary(g)


def test_a_former_city_of_another_province_contains_its_successors_district(gaz):
    g = graph_of(gaz, "2003年，思茅市思茅区南屏镇组织干部下乡。")
    assert {("City", "思茅市"), ("County", "思茅区"), ("Town", "南屏镇")} <= entities(g), summary(g)
    up = closure(edges(g, "locatedIn"))
    assert {("思茅区", "思茅市"), ("思茅市", "云南省"), ("南屏镇", "思茅区")} <= up, summary(g)


@pytest.mark.parametrize(("line", "problem"), [
    ("某某盟\tCity\t1509", "line 1: expected"),
    ("某某盟\tTown\t150900", "line 1: expected"),
    ("某某盟\tCity\t999999", "某某盟: no City has the code 999999"),
    ("呼和浩特市\tCity\t150100", "呼和浩特市: the name is in use"),
    ("某某县\tCounty\t150121\t没有这个盟", "某某县: the division it was in, 没有这个盟"),
])
def test_a_bad_row_of_a_table_of_former_names_is_a_one_line_error_naming_the_file(tmp_path, line, problem):
    from kg.errors import InputError
    from kg.gazetteer import Gazetteer, _base, read_former_names

    path = tmp_path / "former.tsv"
    path.write_text("# a table written for this test\n" + line + "\n", encoding="utf-8")
    rows, by_name, small = _base()
    g = Gazetteer.__new__(Gazetteer)
    g.__dict__.update({k: {a: list(v) for a, v in t.items()} if k == "by_alias" else t.copy() if isinstance(t, (set, dict)) else t
                       for k, t in small.items()})
    g.rows, g.by_name, g.nicknames = rows, by_name, set()
    with pytest.raises(InputError) as e:
        g.add_former(read_former_names(path), str(path))
    assert str(path) in str(e.value) and problem.replace("line 1", "line 2") in str(e.value) and "\n" not in str(e.value)


# ------------------------------------------------------------ estates, lists and names a chain vouches for


def test_an_estate_without_xiaoqu_after_its_town(gaz):
    g = graph_of(gaz, "走进杭锦旗锡尼镇金泰家园，楼道干净整洁。")
    assert ("Neighborhood", "金泰家园") in entities(g), summary(g)
    assert ("金泰家园", "锡尼镇") in edges(g, "locatedIn"), summary(g)


def test_courtyards_and_staff_yards_after_their_community(gaz):
    """A courtyard (院落), a block's yard (楼院) and a staff compound (家属院) right after their
    community are estates; one the text points at by its count (一处老院落) is none."""
    g = graph_of(gaz, "在昆明市五华区华山街道滇槐社区桃源院落，居民们围坐喝茶。苍坡社区铁路家属院成立了自治小组，"
                      "银杏坡社区翠竹楼院的楼道亮了起来。滇槐社区一处老院落里还堆着杂物。")
    ents = entities(g)
    assert {("Neighborhood", "桃源院落"), ("Neighborhood", "铁路家属院"), ("Neighborhood", "翠竹楼院")} <= ents, summary(g)
    assert {("桃源院落", "滇槐社区"), ("铁路家属院", "苍坡社区"), ("翠竹楼院", "银杏坡社区")} <= edges(g, "locatedIn"), summary(g)
    assert not {n for t, n in ents if "老院落" in n}, summary(g)


def test_estates_opening_their_bodies_names_and_a_chengzhongcun(gaz):
    """翠湖佳苑第一党支部, 锦绣居党支部: estates named by their party bodies; 柳林花园（城中村）
    is a village.  Items of one list contain none of the others: all are in 东园社区."""
    g = graph_of(gaz, "东园社区既有商品房，也有城中村。翠湖佳苑第一党支部、锦绣居党支部相继成立，"
                      "柳林花园（城中村）党支部带头清理垃圾。")
    assert {("Neighborhood", "翠湖佳苑"), ("Neighborhood", "锦绣居"), ("Village", "柳林花园")} <= entities(g), summary(g)
    assert {("翠湖佳苑", "东园社区"), ("锦绣居", "东园社区"), ("柳林花园", "东园社区")} <= edges(g, "locatedIn"), summary(g)
    assert not {("锦绣居", "翠湖佳苑"), ("锦绣居", "柳林花园")} & edges(g, "locatedIn"), summary(g)


def test_items_of_a_list_closed_by_their_kind(gaz):
    g = graph_of(gaz, "这一做法已在青山湾、明德家园、朝阳小区等多个社区推广。")
    assert {("Community", "青山湾"), ("Community", "明德家园"), ("Neighborhood", "朝阳小区")} <= entities(g), summary(g)
    g = graph_of(gaz, "社区把服务延伸到教育、医疗、养老等多个社区服务领域。")
    assert not names(g) & {"教育", "医疗", "养老"}, summary(g)
    g = graph_of(gaz, "全市推行“一村一书屋”，力角社区、东丁坳村等村（社区）创新“村社同治”做法。")
    assert ("Village", "东丁坳村") in entities(g), summary(g)


ESTATE_LISTS = [
    pytest.param(
        "宾川县金牛镇力角社区辖区有青岗苑、东丁二村、粮站家属院等7个住宅小区，常住居民4100余人。",
        {"青岗苑", "东丁二村", "粮站家属院"},
        id="opened-by-you-closed-by-a-count-of-residential-estates",
    ),
    pytest.param(
        "昆明市五华区拓东街道力角社区辖区内有丰禾湾、海棠里、海棠新村3个老旧小区，无物业管理的占一半。",
        {"丰禾湾", "海棠里", "海棠新村"},
        id="a-count-without-deng-and-old-estates",
    ),
]


@pytest.mark.parametrize("text, estates", ESTATE_LISTS)
def test_a_list_the_text_counts_as_estates_names_estates_in_the_community(gaz, text, estates):
    """辖区有甲苑、乙二村、丙家属院等7个住宅小区: the text says what each item is, so an item
    ending like a village (二村, 新村) or a yard (家属院) is an estate, in the community."""
    g = graph_of(gaz, text)
    assert {("Neighborhood", n) for n in estates} <= entities(g), summary(g)
    assert {(n, "力角社区") for n in estates} <= edges(g, "locatedIn"), summary(g)


def test_an_estate_named_with_and_without_xiaoqu_is_one_estate(gaz):
    """力角社区青岗苑小区 in a chain, 青岗苑 in the list of the community's estates, then 在海棠新村
    alone: one node each, estates both (海棠新村 is no village here)."""
    g = graph_of(gaz, "拓东街道力角社区青岗苑小区的议事会上，居民纷纷发言。力角社区辖区有青岗苑、丰禾湾、"
                      "海棠新村等8个小区。在海棠新村，小区党支部带领居民清理楼道。")
    hoods = {n for t, n in entities(g) if t == "Neighborhood"}
    assert len(hoods & {"青岗苑", "青岗苑小区"}) == 1, summary(g)
    assert "海棠新村" in hoods and ("Village", "海棠新村") not in entities(g), summary(g)


def test_he_inside_an_estates_name_in_a_chain_and_a_bare_phase(gaz):
    g = graph_of(gaz, "铁西街道光明社区永和二期小区开展议事活动。")
    assert ("永和二期小区", "光明社区") in edges(g, "locatedIn"), summary(g)
    assert "二期小区" not in names(g), summary(g)


def test_a_chained_village_whose_name_ends_in_a_word(gaz):
    """榆树林山村: jieba reads 山村 as a word; the chain 新惠镇 vouches for the name, not for
    贫困山村 (a kind of village)."""
    g = graph_of(gaz, "敖汉旗新惠镇榆树林山村的村民正在春耕。新惠镇贫困山村的面貌变了。")
    assert ("榆树林山村", "新惠镇") in edges(g, "locatedIn"), summary(g)
    assert not names(g) & {"贫困山村", "山村"}, summary(g)


def test_villages_listed_with_others_of_their_kind(gaz):
    """Villages in no gazetteer and no chain, vouched for by the list they are items of
    (鹿山村 too, though jieba reads 山村 as a word); kinds of village in a list
    (文明村、卫生村) and 小山村 are none."""
    g = graph_of(gaz, "2005年，新丰村由李家洼村、赵家坪村和鹿山村合并而成。")
    assert {"李家洼村", "赵家坪村", "鹿山村"} <= names(g, "Village"), summary(g)
    g = graph_of(gaz, "这里曾是文明村、卫生村和先进村，如今是大山深处的小山村和山村里的新样板。")
    assert not names(g, "Village"), summary(g)


def test_short_names_of_leagues_and_a_city_jieba_reads_as_a_verb(gaz):
    """锡盟, 阿盟: the usual short names of two leagues; 包头 alone is the city, though jieba
    tags it as a verb (to wrap one's head)."""
    g = graph_of(gaz, "锡盟正蓝旗上都镇组织牧民学习。包头的游客来到阿盟。")
    assert {"锡林郭勒盟", "阿拉善盟", "包头市"} <= names(g, "City"), summary(g)
    assert ("正蓝旗", "锡林郭勒盟") in edges(g, "locatedIn"), summary(g)


def test_a_place_named_before_its_town_is_placed_by_the_whole_page(gaz):
    """A headline names a 嘎查 that two towns of the region hold; the body then says which
    town it lies in: every mention takes that town's 嘎查, and no county is named."""
    g = graph_of(gaz, "哈沙图嘎查:党建引领促发展\n哈沙图嘎查位于大沁他拉镇东部,全嘎查共有牧户120户。")
    assert ("哈沙图嘎查", "大沁他拉镇") in edges(g, "locatedIn"), summary(g)
    assert ("大沁他拉镇", "奈曼旗") in edges(g, "locatedIn"), summary(g)


def test_a_town_named_by_its_stem_before_a_township_body(gaz):
    """力角人民法庭, 乔甸司法所: a township's body named after its town without 镇; the
    gazetteer's town of that name is the place, and the body is based in it.  A stem the
    gazetteer has as no town (上沧, a village's) names none, and 司法所长 is the body's head."""
    g = graph_of(gaz, "宾川县力角人民法庭的法官来到村里。乔甸司法所长赵海峰说，调解很顺利。上沧派出所民警也到了。")
    assert {"力角镇", "乔甸镇"} <= names(g, "Town"), summary(g)
    assert ("力角镇", "宾川县") in edges(g, "locatedIn"), summary(g)
    assert has_edge(g, "leads", "赵海峰", "乔甸司法所"), summary(g)
    assert not any("上沧" in n for n in names(g, "Town") | names(g, "Village")), summary(g)
    g = graph_of(gaz, "宾川县整合乔甸派出所和乔甸司法所的力量。")  # a verb right before the stem
    assert "乔甸镇" in names(g, "Town") and {"乔甸派出所", "乔甸司法所"} <= names(g, "Organization"), summary(g)


@pytest.mark.parametrize(
    "text, wrong",
    [
        pytest.param("宾川县金牛镇带领“上访村”变身“五星村”，村民日子越过越好。", "五星村", id="a-quoted-title"),
        pytest.param("宾川县的做法已推广到52个小区和3个向阳区。", "向阳区", id="a-counted-kind-of-area"),
        pytest.param("金牛镇地处山区，下辖多个牧业嘎查和设施薄弱小区。", "牧业嘎查", id="a-kind-of-gacha"),
        pytest.param("宾川县组织抵边嘎查党支部书记开展巡边。", "抵边嘎查", id="a-kind-of-town-by-the-border"),
    ],
)
def test_a_title_a_count_or_a_kind_is_no_place(gaz, text, wrong):
    g = graph_of(gaz, text)
    got = {n for t in ("Village", "County", "Neighborhood", "Town") for n in names(g, t)}
    assert wrong not in got and "设施薄弱小区" not in got, summary(g)



def test_the_under_of_a_frame_is_no_part_of_the_place_after_it(gaz):
    """在县委的关心下力角社区……: jieba glues the frame's 下 to an unknown name (下力角); the
    community's name starts after it.  A 下 that opens a name after other words stays."""
    g = graph_of(gaz, "在宾川县委的关心下力角社区办起了邻里节。在镇党委帮助下上沧社区建起了议事厅。")
    got = names(g, "Community")
    assert {"力角社区", "上沧社区"} <= got and not {"下力角社区", "下上沧社区"} & got, summary(g)


def test_a_seat_office_between_two_places_is_a_body_and_no_part_of_the_lower_place(gaz):
    """某某街道办事处某某社区: the street's office is a body named with its places; the community
    (a name the gazetteer lacks) starts after it and is in the street; 某某镇人民政府某某村 too."""
    g = graph_of(gaz, "李明宇是保山市隆阳区永昌街道办事处力角社区党委书记。宾川县金牛镇人民政府乔甸村开展义诊。")
    assert {"力角社区"} <= names(g, "Community") and "乔甸村" in names(g, "Village"), summary(g)
    assert not {n for n in names(g, "Community") | names(g, "Village") if "办事处" in n or "政府" in n}, summary(g)
    assert {"保山市隆阳区永昌街道办事处", "宾川县金牛镇人民政府"} <= names(g, "Organization"), summary(g)
    assert has_edge(g, "locatedIn", "力角社区", "永昌街道") and has_edge(g, "locatedIn", "乔甸村", "金牛镇"), summary(g)


def test_a_kind_of_estate_is_no_estate(gaz):
    """辖内多是花园小区和公寓小区: kinds of estate, not names; 新城小区 stays a name."""
    g = graph_of(gaz, "力角社区辖内多是花园小区和公寓小区。宾川县金牛镇新城小区组织了一场义诊。")
    got = names(g, "Neighborhood")
    assert not {"花园小区", "公寓小区"} & got and "新城小区" in got, summary(g)


def test_an_estate_named_with_its_communitys_stem_lies_in_that_community(gaz):
    """某某尚城社区 …… 在某县某某尚城小区: the estate named with the community's stem lies in
    the community, though its chain named only the county; an estate of another name does not."""
    g = graph_of(gaz, "宾川县金牛镇锦绣尚城社区推行“板凳夜话”。在宾川县锦绣尚城小区，大家跳起了广场舞。"
                      "宾川县金牛镇新华小区也来取经。")
    assert has_edge(g, "locatedIn", "锦绣尚城小区", "锦绣尚城社区"), summary(g)
    assert not has_edge(g, "locatedIn", "新华小区", "锦绣尚城社区"), summary(g)


def test_a_new_era_community_is_a_kind_and_a_word_cut_open_opens_no_name(gaz):
    """建设共建共享新时代社区: a kind of community (not the gazetteer's one of that name), and the
    last character of a longer word cut open at a stop character opens no name (乐居共|居)."""
    g = graph_of(gaz, "力角社区致力于建设共建共享新时代社区，打造新型社区。")
    assert names(g, "Community") == {"力角社区"}, summary(g)
    g = graph_of(gaz, "上沧村的安置点成为乐居共居幸福小区。")
    assert "居幸福小区" not in names(g, "Neighborhood"), summary(g)


def test_a_kind_of_zone_names_a_zone_only_after_a_place_that_holds_one(gaz):
    """The gazetteer gives many development zones the short form 高新区 or 经开区: after its
    city's name (郑州|高新区) it is that city's zone; alone, or after a county that holds no
    zone, it is a kind of zone and names none (the body 某县高新区 is read as such)."""
    g = graph_of(gaz, "宾川县委组织部赴郑州高新区学习。宾川县高新区推行“板凳夜话”，经开区也学了起来。")
    assert has_edge(g, "locatedIn", "郑州高新技术产业开发区", "郑州市"), summary(g)
    assert names(g, "County") == {"宾川县", "郑州高新技术产业开发区"}, summary(g)
    assert "宾川县高新区" in names(g, "Organization"), summary(g)


def test_a_street_a_zone_runs_is_one_street_with_the_county_the_gazetteer_puts_it_in(gaz):
    """呼和浩特经开区巴彦街道某社区: the gazetteer lists the street under its county (赛罕区), not
    under the zone the page names above it, and knows the community under the street: one
    street, in the zone as the page says and in its county as the gazetteer says, and the
    community in it (not a second street of that name for the community's row)."""
    g = graph_of(gaz, "呼和浩特经开区巴彦街道益华社区党委书记柏文骏介绍，社区今年组建了12支志愿服务队。")
    streets = [n for n, d in g.nodes(data=True) if d["type"] == "Street"]
    assert len(streets) == 1, summary(g)
    assert has_edge(g, "locatedIn", "巴彦街道", "呼和浩特经济技术开发区"), summary(g)
    assert has_edge(g, "locatedIn", "巴彦街道", "赛罕区"), summary(g)
    assert has_edge(g, "locatedIn", "益华社区", "巴彦街道"), summary(g)


def test_towns_whose_names_end_in_a_word_and_a_district_named_like_an_area(gaz):
    """临泉县陈集镇, 九村镇七江村: a town whose name ends in a word (集镇, 村镇) is a town where
    the county before it or the village after it holds it in the gazetteer (推进新型城镇化 names
    none); 亭湖区 alone is the district (亭 is no modifier: 老城区 describes part of a town);
    滨江镇江北村 holds no 镇江."""
    g = graph_of(gaz, "安徽省阜阳市临泉县陈集镇朝阳社区推行“积分制”。在九村镇七江村，村党支部书记带头。"
                      "近年来，亭湖区坚持党建引领。在江西鹰潭市贵溪市滨江镇江北村，村里推进新型城镇化。")
    assert {"陈集镇", "九村镇", "滨江镇"} <= names(g, "Town"), summary(g)
    assert has_edge(g, "locatedIn", "陈集镇", "临泉县") and has_edge(g, "locatedIn", "七江村", "九村镇"), summary(g)
    assert has_edge(g, "locatedIn", "江北村", "滨江镇") and "亭湖区" in names(g, "County"), summary(g)
    assert "镇江市" not in names(g, "City"), summary(g)


def test_a_short_form_opening_a_lower_name_and_a_gazetteer_name_after_a_seat_office(gaz):
    """二道江区二道江乡二道江村: the district's short form (二道江) opens the township's and the
    village's names and names no district there; 某某街道办事处龙锦苑五区社区: the community
    the gazetteer has, after the street's office, is no estate (办事处龙锦苑)."""
    g = graph_of(gaz, "在吉林通化市二道江区二道江乡二道江村，村民办起了合作社。"
                      "王丽芳是昌平区龙泽园街道办事处龙锦苑五区社区党委书记。")
    assert has_edge(g, "locatedIn", "二道江村", "二道江乡") and has_edge(g, "locatedIn", "二道江乡", "二道江区"), summary(g)
    assert has_edge(g, "locatedIn", "龙锦苑五区社区", "龙泽园街道"), summary(g)
    assert not names(g, "Neighborhood"), summary(g)


def test_a_county_before_a_town_whose_name_opens_like_an_outlet_and_a_township_before_gan(gaz):
    """监利市网市镇: 网 opens the town's name, not an outlet (某市网: a website); 某县金牙瑶族乡
    干存村: 乡 before 干 closes the township's name (乡干部 is a word elsewhere); a county's
    media centre and its cyberspace office keep the county named."""
    g = graph_of(gaz, "我们来到湖北监利市网市镇庙三村。河池市凤山县金牙瑶族乡干存村办起了合作社。"
                      "宾川县融媒体中心和宾川县网信办联合开展活动。")
    assert has_edge(g, "locatedIn", "网市镇", "监利市") and has_edge(g, "locatedIn", "干存村", "金牙瑶族乡"), summary(g)
    assert {"监利市", "凤山县", "宾川县"} <= names(g, "County"), summary(g)


def test_a_big_county_and_a_kind_of_county_name_no_county(gaz):
    """农业大县, 人口大县, 这类县: common words, not the one-character short forms of the long
    county names that open with 大 or 类 (a county's own short form, 托县, still names it)."""
    g = graph_of(gaz, "宾川县是一个农业大县，也是人口大县。这类县的财力有限，当地检察院开展普法宣传。")
    assert names(g, "County") == {"宾川县"}, summary(g)


def test_a_village_before_its_own_heads_post(gaz):
    """某村村主任, 某村村支书 (jieba reads 村村 as one word): the village ends at its own 村,
    the second opens the post, and its head leads it."""
    g = graph_of(gaz, "宾川县金牛镇上沧村村主任付强说，路修好了。")
    assert names(g, "Village") == {"上沧村"}, summary(g)
    assert has_edge(g, "locatedIn", "上沧村", "金牛镇"), summary(g)


def test_a_countys_short_form_before_its_own_town_and_a_villages_committee(gaz):
    """宾川|金牛镇, 信阳|新县: a two-character short form (a word as often as a place) names
    the county before one of its own towns, the city before one of its own counties (not
    another province's 阳新县); 某某村委会 names the village too; 网格员张|保山: a
    given name after a role and a surname is no city's short form."""
    g = graph_of(gaz, "宾川金牛镇开展活动。临泉县陈集镇油店村委会组织村民修缮道路。网格员张保山每天入户走访。"
                      "信阳新县开展活动。")
    assert {"宾川县", "临泉县", "新县"} <= names(g, "County") and "阳新县" not in names(g, "County"), summary(g)
    assert "信阳市" in names(g, "City"), summary(g)
    assert has_edge(g, "locatedIn", "金牛镇", "宾川县"), summary(g)
    assert "油店村" in names(g, "Village") and has_edge(g, "locatedIn", "油店村", "陈集镇"), summary(g)
    assert "保山市" not in names(g, "City"), summary(g)


def test_an_autonomous_county_or_banner_named_by_its_place_and_level(gaz):
    """石柱县委, 巴马县, 鄂伦春旗: the news names an autonomous county or banner by its place
    and its level alone; the county, its committee and its township are read."""
    g = graph_of(gaz, "石柱县委副书记梁海鸥到中益乡调研。巴马县推行“长寿驿站”服务。鄂伦春旗托扎敏乡开展活动。")
    assert {"石柱土家族自治县", "巴马瑶族自治县", "鄂伦春自治旗"} <= names(g, "County"), summary(g)
    assert "石柱县委" in names(g, "Organization"), summary(g)
    assert has_edge(g, "locatedIn", "托扎敏乡", "鄂伦春自治旗"), summary(g)


def test_a_people_named_like_an_autonomous_banner_is_no_place(gaz):
    """鄂伦春族聚居村, 鄂温克族群众: the people the banner is named after, not the banner (nor a
    village 族聚居村 after it); the banner named whole is."""
    g = graph_of(gaz, "上沧村是鄂伦春族聚居村。鄂温克族群众载歌载舞。鄂伦春自治旗人民法院开展巡回审判。")
    assert names(g, "County") == {"鄂伦春自治旗"}, summary(g)
    assert not any(n.startswith("族") for n in names(g)), summary(g)


def test_a_mongolian_name_holding_the_syllable_du_is_read_whole(gaz):
    """都 is also the adverb "all" (jieba: 宝格|都|查干): inside a run of Mongolian syllables
    before a 嘎查 or a station it is a syllable of the name, and after a 苏木 it opens one."""
    g = graph_of(gaz, "宝格都查干嘎查党支部组织党员学习。查干苏木都日格嘎查党支部书记图门介绍了情况。")
    assert {"宝格都查干嘎查", "都日格嘎查"} <= names(g, "Village"), summary(g)
    assert not {"查干嘎查", "日格嘎查"} & names(g, "Village"), summary(g)
    g = graph_of(gaz, "满都胡日查派出所开展入户走访。")
    assert names(g, "Organization") == {"满都胡日查派出所"}, summary(g)


def test_a_place_the_sentence_says_lies_in_another_is_placed_there(gaz):
    """某村位于某镇北部, 某村隶属某县某镇: the verb of lying states the parent (the chain's last
    place after it), where the gazetteer gives the village none."""
    g = graph_of(gaz, "龙潭湾村位于乔甸镇北部，全村有农户300户。")
    assert has_edge(g, "locatedIn", "龙潭湾村", "乔甸镇"), summary(g)


def test_a_street_named_after_a_road_of_everyday_words_is_a_street(gaz):
    """某区光明北路街道翠湖社区: 光明 and 北路 are everyday words, but a street is named after
    its road; the community lies in it, not a community called 东路街道翠湖社区."""
    g = graph_of(gaz, "家住赛罕区光明北路街道翠湖社区的居民说，楼道干净了。")
    assert "光明北路街道" in names(g, "Street") and "翠湖社区" in names(g, "Community"), summary(g)
    assert has_edge(g, "locatedIn", "翠湖社区", "光明北路街道"), summary(g)


def test_a_short_form_read_across_a_words_end_and_a_town_whose_name_holds_a_kind(gaz):
    """依托|县委党校 (jieba: 依托): no 托县 (托克托县's short form) read across the word's end;
    六苏木镇 (the gazetteer's town, its name holding 苏木) is one town, not 六苏木 and 镇某村."""
    g = graph_of(gaz, "宾川县委组织部依托县委党校开展培训。凉城县六苏木镇南沟村党支部开展活动。")
    assert "托克托县" not in names(g, "County") and "宾川县委党校" in names(g, "Organization"), summary(g)
    assert names(g, "Town") == {"六苏木镇"} and "南沟村" in names(g, "Village"), summary(g)


def test_a_verb_before_a_sumu_and_a_gazetteer_town_named_alone(gaz):
    """旗级领导包|苏木镇 (包 the verb of taking charge) opens no town's name; 六苏木镇 named
    without its county is still the gazetteer's town, its village after it."""
    g = graph_of(gaz, "宾川县推行“县级领导包苏木镇、乡镇干部包村”机制。六苏木镇南沟村村民王丽芳成为示范户。")
    assert names(g, "Town") == {"六苏木镇"} and has_edge(g, "locatedIn", "南沟村", "六苏木镇"), summary(g)


def test_a_village_whose_first_character_jieba_glues_to_the_town_before_is_read_whole(gaz):
    """某镇长石沟村 (jieba: 镇长|石沟|村): the gazetteer's 石沟村 is another county's, so the chain's
    longer name stands; 打个|电话社区 names no community (个 is a measure word)."""
    g = graph_of(gaz, "宾川县乔甸镇长石沟村依托村集体经济组织成立合作社。老人们说，有事打个电话社区就来人了。")
    assert names(g, "Village") == {"长石沟村"} and has_edge(g, "locatedIn", "长石沟村", "乔甸镇"), summary(g)
    assert not names(g, "Community"), summary(g)


def test_a_village_opening_its_clause_as_the_subject_of_a_practice_is_a_place(gaz):
    """在某镇的农村地区，某某村探索“……”: no chain and no gazetteer vouches for the village, but
    opening its clause before the verb of a practice it is the scene, a place wherever the page
    names it again; words before a kind that are no name stay none (今年|社区, 定期进|村,
    公司帮助|嘎查, 利用整|村推进)."""
    g = graph_of(gaz, "在金牛镇的农村地区，东丁屯村探索“院坝议事会”，每月组织村民议事。"
                      "村党支部书记、村委会主任罗文涛说，大家心气顺了。")
    assert "东丁屯村" in names(g, "Village"), summary(g)
    assert has_edge(g, "implements", "东丁屯村", "院坝议事会"), summary(g)
    assert has_edge(g, "leads", "罗文涛", "东丁屯村党支部"), summary(g)
    g = graph_of(gaz, "今年社区推行“院坝议事会”。定期进村开展宣讲。公司帮助嘎查建立合作社。利用整村推进项目资金建设棚圈。")
    assert not names(g, "Village") and not names(g, "Community"), summary(g)


def test_a_village_opening_a_streets_name_the_gazetteer_has_is_the_street(gaz):
    """碑林区张家村街道翠华园社区: the gazetteer's street 张家村街道 holds a village's name, but
    here it is the street the community lies in, not a village 张家村 and a community
    街道翠华园社区; a speaker after the chain names no compound (居民某某说起小区)."""
    g = graph_of(gaz, "10月12日，碑林区张家村街道翠华园社区居民罗文涛说起小区的变化。")
    assert names(g, "Street") == {"张家村街道"} and names(g, "Community") == {"翠华园社区"}, summary(g)
    assert not names(g, "Village") and not names(g, "Neighborhood"), summary(g)
    assert has_edge(g, "locatedIn", "翠华园社区", "张家村街道"), summary(g)


@pytest.mark.parametrize("text", [
    pytest.param("在全旗苏木镇打造“草原书记工作室”。", id="a-level-before-the-townships"),
    pytest.param("首页 > 政务公开 > 镇乡街道动态 > 枫桥镇", id="towns-and-streets"),
    pytest.param("下一步将引导辖区企业设立社区慈善基金，拓宽社区服务资金来源。", id="a-verb-before-the-kind"),
    pytest.param("推行院坝会商会，每月在不同小区的院坝召开。", id="a-determiner"),
    pytest.param("对两条街道交界处的夜市开展联合巡逻。", id="a-count-with-tiao"),
    pytest.param("辖39个社区，村改居后社区治理面临新课题。街道已聚焦村改居社区的特点。", id="villages-made-communities"),
])
def test_words_about_kinds_of_place_name_no_place(gaz, text):
    g = graph_of(gaz, text)
    assert not names(g, "Town") - {"枫桥镇"} and not names(g, "Street") and not names(g, "Community") \
        and not names(g, "Neighborhood"), summary(g)


def test_a_community_named_after_a_mongolian_name_with_he_after_a_town_is_a_place(gaz):
    """金牛镇图和社区: 和 is the second syllable of a Mongolian name (图和, 孟和), not a
    conjunction, so the chain runs on to the community."""
    g = graph_of(gaz, "金牛镇图和社区党委书记罗文涛说，服务站设在社区党群服务中心。")
    assert "图和社区" in names(g, "Community") and has_edge(g, "locatedIn", "图和社区", "金牛镇"), summary(g)


def test_a_places_people_after_it_open_no_estates_name(gaz):
    """某社区居民混居: the community's residents live mixed, no estate called 居民混居 (居 is
    an estate's last character)."""
    g = graph_of(gaz, "宾川县金牛镇力角社区居民混居，老旧楼院多。")
    assert not names(g, "Neighborhood"), summary(g)


def test_a_village_vouched_for_where_a_secretary_is_stationed_is_a_place_wherever_the_page_names_it(gaz):
    """派驻到某某村担任第一书记 vouches for the village the gazetteer lacks; named again with no
    chain (在某某村的大棚里, 在某某村村委会的墙上) it is still the place, and its committee is its."""
    g = graph_of(gaz, "2021年5月，罗文涛从宾川县农业农村局派驻到东丁屯村担任第一书记。"
                      "在东丁屯村的一块蔬菜大棚里，罗文涛正在查看。在东丁屯村村委会的墙上，贴着一张民情联系表。")
    assert names(g, "Village") == {"东丁屯村"}, summary(g)
    assert len(mentions_text(g, "东丁屯村")) >= 3, mentions_text(g, "东丁屯村")


def test_a_sites_column_run_into_the_headline_names_no_place(gaz):
    """当前位置:首页 > 工作动态 > 街道动态, then the headline 某某街道:……: the column's 街道
    opens no street's name (街道动态某某街道); the headline's street stands."""
    g = graph_of(gaz, "昆明市五华区人民政府\n首页 | 走进五华 | 政务公开 | 政务服务 | 互动交流\n"
                      "当前位置:首页 > 政务公开 > 工作动态 > 街道动态\n拓东街道:党建引领商圈治理 激活老街“烟火气”\n"
                      "来源:拓东街道  发布时间:2024-08-27  浏览次数:  字体:[大 中 小]")
    assert "拓东街道" in names(g, "Street") and not [n for n in names(g, "Street") if "动态" in n], summary(g)


@pytest.mark.parametrize(
    "text, place",
    [
        pytest.param("他常去力角社区看望独居老人。", "力角社区", id="a-pronoun-jieba-glued-to-a-verb"),
        pytest.param("拓东街道每月第二周社区都会召开居民议事会。", None, id="an-ordinal-week"),
    ],
)
def test_a_pronoun_or_a_time_before_a_kind_opens_no_places_name(gaz, text, place):
    """他常去|某某社区 (jieba guesses 他常去 one word), 每月第二周|社区: the community's name starts
    after them, or there is none."""
    g = graph_of(gaz, text)
    communities = {n for t, n in entities(g) if t == "Community"}
    assert communities == ({place} if place else set()), summary(g)


def test_a_village_after_its_town_and_de_is_vouched_for_a_ranked_one_is_no_name(gaz):
    """去年我们和金牛镇的东丁屯村结成对子: the town, then 的, vouches for the village as a chain
    does (and contains it); 上沧村是金牛镇的人口大村, 宾川县的农业大镇: a rank of its kind, no name."""
    g = graph_of(gaz, "去年我们还和宾川县金牛镇的东丁屯村结成了对子。上沧村是金牛镇的人口大村。金牛镇是宾川县的农业大镇。")
    assert ("Village", "东丁屯村") in entities(g), summary(g)
    assert ("东丁屯村", "金牛镇") in edges(g, "locatedIn"), summary(g)
    assert not {"人口大村", "农业大镇"} & names(g), summary(g)


def test_a_verb_after_a_chain_and_a_street_by_its_kind_open_no_communitys_name(gaz):
    """某街道积极探索|社区、社会组织联动: a verb and its object, no community 积极探索社区; 在街道|某某路
    社区: the article's street named by its kind, then the community's own name."""
    g = graph_of(gaz, "昆明市五华区拓东街道积极探索社区、社会组织、社会工作者联动。在街道青岗路社区的粮站家属院，居民自发议事。")
    communities = {n for t, n in entities(g) if t == "Community"}
    assert communities == {"青岗路社区"}, summary(g)


def test_a_village_its_own_body_follows_is_vouched_for_but_not_a_post_taken(gaz):
    """宾川县金牛镇……北湖营子村党支部牵头……: the village's own body right after its name
    vouches for it (and the article's town holds it); 前任|村党支部书记, 高票当选|村党支部书记:
    the words of a post held or taken, no village's name."""
    g = graph_of(gaz, "宾川县金牛镇把产业发展和乡村治理结合起来。北湖营子村党支部牵头成立了养殖合作社。"
                      "罗某是前任村党支部书记，去年高票当选村党支部书记的是苏某。")
    assert ("Village", "北湖营子村") in entities(g), summary(g)
    assert ("北湖营子村", "金牛镇") in edges(g, "locatedIn"), summary(g)
    assert not {"前任村", "高票当选村"} & names(g), summary(g)


def test_a_measure_of_time_opens_no_communitys_name(gaz):
    """建设10分钟社区养老圈: 分钟 measures the time to walk, no community is named 分钟社区."""
    g = graph_of(gaz, "昆明市五华区拓东街道建设10分钟社区养老圈，老人下楼就能吃上饭。")
    assert not names(g, "Community"), summary(g)


def test_a_count_or_the_verb_of_a_list_opens_no_estates_name(gaz):
    """拿着一张|小区平面图: a count, no estate called 一张小区; 辖区|内有|某某小区 (jieba: 内有):
    the list's verb, no part of the estate's name."""
    g = graph_of(gaz, "昆明市五华区拓东街道力角社区，辖区内有翠柏苑小区等3个小区。几位居民拿着一张小区平面图商量停车位的事。")
    assert names(g, "Neighborhood") == {"翠柏苑小区"}, summary(g)


def test_a_word_of_time_or_nearness_opens_no_estates_name(gaz):
    """罗师傅，最近|小区门口……, 附近|小区居民, 国庆期间|小区门口: when and where, no estate called
    最近小区, 附近小区 or 期间小区."""
    g = graph_of(gaz, "罗师傅，最近小区门口乱停车的少了吧？附近小区居民也来这里下棋。国庆期间小区门口还摆起了便民点。")
    assert not names(g, "Neighborhood"), summary(g)


def test_a_verb_jieba_tags_an_adjective_opens_no_places_name(gaz):
    """落实|社区减负清单, 健全|小区议事规则: jieba tags 落实 and 健全 adjectives, but they take the
    place's kind as their object; no community called 落实社区, no estate called 健全小区."""
    g = graph_of(gaz, "宾川县金牛镇下一步将落实社区减负清单，健全小区议事规则。")
    assert not names(g, "Community") and not names(g, "Neighborhood"), summary(g)


def test_a_he_jieba_reads_into_the_name_opens_it(gaz):
    """拓东街道|和祥居|社区: jieba reads 和 with the syllables after it as one word, so the community
    is 和祥居社区, not 祥居社区 (a name the gazetteer has in other provinces) after a conjunction;
    a 和 jieba reads alone still joins two places (五华区|和|盘龙区)."""
    g = graph_of(gaz, "昆明市五华区拓东街道和祥居社区，80岁的段奶奶正在网格员帮助下填表。")
    assert names(g, "Community") == {"和祥居社区"}, summary(g)
    assert ("和祥居社区", "拓东街道") in edges(g, "locatedIn"), summary(g)
    g = graph_of(gaz, "昆明市五华区和盘龙区今年一起办起了邻里节。")
    assert {"五华区", "盘龙区"} <= names(g, "County"), summary(g)


def test_a_verb_jieba_tags_a_noun_or_the_front_line_opens_no_communitys_name(gaz):
    """资助|社区改造项目 (jieba: 资助 a noun), 走进|一线|社区: a verb and its object, and the front
    line, no communities called 资助社区 or 一线社区."""
    g = graph_of(gaz, "宾川县金牛镇安排资金资助社区改造工程12处。镇干部常到一线社区了解需求。")
    assert not names(g, "Community"), summary(g)


def test_a_scenes_frame_holds_no_clause(gaz):
    """现在|律师就在|社区，: the 在 of 现在 opens no scene, and a clause with its own 在 names no
    community (no 律师就在社区)."""
    g = graph_of(gaz, "“过去遇到纠纷就得往城里跑。现在律师就在社区，有事当面就问清楚了。”力角社区居民说。")
    assert names(g, "Community") == {"力角社区"}, summary(g)


def test_a_he_jieba_reads_into_a_word_of_two_opens_the_name_after_a_place(gaz):
    """拓东街道|和煦|苑社区: jieba's word of two opened by 和, right after the street, opens the
    community's name (和煦苑社区)."""
    g = graph_of(gaz, "昆明市五华区拓东街道和煦苑社区开展“楼栋议事”。")
    assert names(g, "Community") == {"和煦苑社区"}, summary(g)


def test_a_towns_kind_inside_a_communitys_name_is_no_town(gaz):
    """金牛镇|柑乡苑社区: 乡 before 苑 and 社区 is a syllable of the community's name, no town 柑乡."""
    g = graph_of(gaz, "宾川县金牛镇柑乡苑社区党委成立了志愿服务队。")
    assert names(g, "Town") == {"金牛镇"}, summary(g)
    assert "柑乡苑社区" in names(g, "Community"), summary(g)


def test_a_county_that_is_the_tail_of_a_longer_word_is_none(gaz):
    """全省示|范县 (jieba: 示范县): a county's name that is the tail of a longer word of the dictionary
    names no county; but one that a word only opens into (社区联合|会泽县: jieba's 联合会 ends inside
    the name) stands."""
    g = graph_of(gaz, "宾川县被列为全省示范县，金牛镇是其中的示范镇。")
    assert names(g, "County") == {"宾川县"}, summary(g)
    g = graph_of(gaz, "宾川县金牛镇力角社区联合会泽县人民检察院开展普法宣传。")
    assert "会泽县人民检察院" in names(g, "Organization"), summary(g)


def test_a_verb_after_a_place_opens_no_name_of_the_kind_it_takes(gaz):
    """宾川县|设立|社区微基金: a verb of putting in force (jieba's v) right after a county takes a
    kind of place as its object; no community called 设立社区 (but 金牛镇|建设社区, a noun, is one)."""
    g = graph_of(gaz, "宾川县设立社区微基金，扶持居民自治项目。宾川县金牛镇建设社区党委书记钟立群说。")
    assert names(g, "Community") == {"建设社区"}, summary(g)


def test_a_full_name_read_across_a_words_end_is_no_place(gaz):
    """帮新市民适|应城市|节奏 (jieba: 适应/城市): 应城市 is a county-level city, but not where its
    first character ends a word; 湖北省应城市 is one."""
    g = graph_of(gaz, "力角社区帮新市民尽快适应城市节奏。")
    assert "应城市" not in names(g), summary(g)
    g = graph_of(gaz, "湖北省应城市东马坊街道推行网格化管理。")
    assert "应城市" in names(g, "County"), summary(g)
    from kg.extract.document import extract
    from kg.read import read_bytes

    doc, _ = read_bytes("眼下，甘肃兰州市城关区推行网格化管理。".encode(), "t.txt", "t")  # (jieba: 甘肃兰州|市)
    assert "兰州市" in {m.name for m in extract(doc, gaz).mentions if m.type == "City"}, "the city's own word"


def test_kinds_of_place_one_after_another_name_no_place_or_body(gaz):
    """平川镇等苏木镇嘎查党支部, “嘎查事嘎查管”: the kinds of place, every one of them, or a
    slogan about such places; no village called 苏木镇嘎查 or 嘎查事嘎查, no body of theirs."""
    g = graph_of(gaz, "宾川县金牛镇党委组织平川镇等苏木镇嘎查党支部开展联学。宾川县推行“嘎查事嘎查管”机制。")
    assert not [n for n in names(g) - names(g, "Mechanism") if n.startswith(("苏木镇", "嘎查事"))], summary(g)
    assert "嘎查事嘎查管" in names(g, "Mechanism"), summary(g)


def test_a_pages_label_run_into_the_text_opens_no_name(gaz):
    """正文|拓东街道…: a web page's label, its line break lost, is no part of the street's name;
    边远|嘎查 (remote ones) names none."""
    g = graph_of(gaz, "昆明市五华区\n正文拓东街道力角社区推行“楼栋议事会”。街道党工委每月去边远社区听取意见。")
    assert "拓东街道" in names(g, "Street") and not [n for n in names(g) if n.startswith(("正文", "边远"))], summary(g)


@pytest.mark.parametrize(
    "text, bad",
    [
        pytest.param("县领导到金牛镇部分社区走访。", "部分社区", id="determiner-after-chain"),
        pytest.param("现拟命名金牛镇上沧村党支部为先进基层党组织。", "现拟命名", id="naming-verb"),
        pytest.param("经苏木镇党委推荐、县委考核，评出先进集体。", "经苏木", id="kinds-of-township"),
        pytest.param("要深化“旗镇社区联动”排查化解矛盾纠纷。", "旗镇", id="levels-only"),
        pytest.param("拓东街道下辖社区都有了议事厅。", "下辖", id="governs-after-chain"),
        pytest.param("拓东街道力角社区楼栋长发现小区路灯坏了，及时上报。", "楼栋长", id="role-after-chain"),
        pytest.param("居民反映的路灯问题，经苏木协调县供电部门，很快修好了。", "经苏木", id="preposition-before-the-kind"),
        pytest.param("拓东街道入选首批试点街道。", "试点", id="which-ones"),
    ],
)
def test_words_before_a_kind_that_name_no_place(gaz, text, bad):
    """某镇|部分社区 (some of its communities), 拟命名|某镇 (a verb of naming, in a notice), 经|苏木镇
    (the kinds of township), 旗镇社区 (levels and kinds one after another): no place's name."""
    g = graph_of(gaz, "宾川县\n" + text)
    assert not [n for n in names(g) - names(g, "Mechanism") if n.startswith(bad)], summary(g)


def test_what_an_area_holds_and_a_verb_of_promotion_open_no_name(gaz):
    """力角社区辖区|内有|某某小区 (what the area holds), “某某”|唱响|社区新风尚 (a verb of promotion,
    jieba's noun): no part of a place's name."""
    g = graph_of(gaz, "宾川县金牛镇力角社区辖区内有玉禾小区、翠柳苑小区等5个小区。拓东街道：“银龄议事会”唱响社区新风尚。")
    assert {"玉禾小区", "翠柳苑小区"} <= names(g, "Neighborhood"), summary(g)
    assert not [n for n in names(g) if n.startswith(("内有", "唱响"))], summary(g)


def test_a_word_of_the_community_sector_names_no_community(gaz):
    """年轻|社区工作者, 备案|社区社会组织: 社区 opens a word of the sector after an everyday word,
    no community called 年轻社区; 力角社区工作者 keeps the community."""
    g = graph_of(gaz, "宾川县为年轻社区工作者配备导师。全县已备案社区社会组织80余家。"
                      "宾川县金牛镇力角社区工作者钟立群说，居民的事要商量着办。")
    assert names(g, "Community") == {"力角社区"}, summary(g)


def test_a_community_named_after_a_village_or_an_estate_is_one_community(gaz):
    """上沧村|社区, 某某新村|社区: a community named after the village it was or after its estate
    (新村); no village of that name there (各村社区 is every village and community)."""
    g = graph_of(gaz, "宾川县金牛镇上沧村社区党委书记钟立群说。纺织新村社区开设了老年食堂。各村社区要抓好落实。")
    assert {"上沧村社区", "纺织新村社区"} <= names(g, "Community"), summary(g)
    assert not names(g, "Village"), summary(g)


def test_a_citys_short_form_opening_an_estates_name_is_no_city(gaz):
    """在昆明湾小区: the city's short form and an estate's one-character ending (湾) before 小区 are
    the estate's name; no city there (昆明市五华区 is one)."""
    g = graph_of(gaz, "宾川县金牛镇\n在昆明湾小区，居民们围坐议事。")
    assert "昆明湾小区" in names(g, "Neighborhood") and "昆明市" not in names(g), summary(g)


def test_encoding_damage_ends_any_name_read_before_a_kind(gaz):
    """……办成了。”锟斤拷锟斤拷⏎⏎社区又成立了……: the damage a page's encoding left (U+FFFD's UTF-8
    read as GBK) runs into the next paragraph's 社区; no community is named 锟斤拷锟斤拷社区."""
    g = graph_of(gaz, "居民们说：“大家一商量，难事就办成了。”锟斤拷锟斤拷\n\n社区又成立了巡逻队，锟斤拷党支部开了会。")
    assert not any("锟" in n for n in names(g)), summary(g)


def test_a_short_form_after_a_street_opens_the_name_of_a_place_below_it(gaz):
    """某街道|昆明坪社区: after a street's name the city's short form opens the community's name;
    a chain runs from the higher place down, so no city lies there."""
    g = graph_of(gaz, "在五华街道昆明坪社区，居民推行积分制。")
    assert "昆明坪社区" in names(g, "Community") and "昆明市" not in names(g, "City"), summary(g)


def test_a_word_jieba_guesses_holding_shi_or_opened_by_he_opens_no_place_name(gaz):
    """某某荣是|某某苑小区 (jieba's guess 荣是), 经法官|和某某|社区 (its guess 和某某): the copula
    and the conjunction end the words before the name, which starts after them."""
    g = graph_of(gaz, "退休教师苏建荣是沁园苑小区的楼栋长。经法官和润晖社区人民调解委员会联合调解。")
    assert {"沁园苑小区", "润晖社区"} <= names(g), summary(g)
    places = names(g, "Neighborhood") | names(g, "Community") | names(g, "Organization")
    assert not any(n.startswith(("苏建", "经法官")) for n in places), summary(g)


def test_an_interviews_speaker_label_is_no_citys_short_form(gaz):
    """【对话村支书】张保山:…… and 张保山:…… lines: a surname and a given name that a city's short
    form spells, then the interview's colon, name the speaker, no 保山市."""
    g = graph_of(gaz, "【对话村支书】张保山:把合作社办成村民的靠山\n张保山:关键是把党支部的作用发挥出来。")
    assert "保山市" not in names(g, "City"), summary(g)


def test_a_districts_stem_on_its_own_page_is_that_district_not_a_province(gaz):
    """天津市河北区人民政府 …… 走进河北: on the district's page its stem is the district, not the
    province the page never names."""
    g = graph_of(gaz, "天津市河北区人民政府\n首页 | 政务公开 | 走进河北 | 专题专栏\n河北区推行“街巷议事”机制。")
    assert "河北省" not in names(g, "Province") and "河北区" in names(g, "County"), summary(g)


def test_an_estate_word_after_a_city_inside_a_firms_name_is_the_firms_brand(gaz):
    """某市某某宜居|物业服务有限公司: the words after the city are the firm's brand, no estate."""
    g = graph_of(gaz, "小区引入了昆明市金湾宜居物业服务有限公司。")
    assert "昆明市金湾宜居物业服务有限公司" in names(g, "Organization"), summary(g)
    assert not names(g, "Neighborhood"), summary(g)


def test_he_after_de_or_a_verb_opens_an_estates_name(gaz):
    """辖区的|和馨苑小区, 进驻|和馨苑小区: no conjunction follows 的 or a verb, so 和 is the
    estate's first character (one estate, not 馨苑小区)."""
    g = graph_of(gaz, "力角社区辖区的和馨苑小区、松苑小区都是老楼。物业公司进驻和馨苑小区。")
    assert names(g, "Neighborhood") == {"和馨苑小区", "松苑小区"}, summary(g)


def test_an_estate_named_a_compounds_north_yard_is_an_estate(gaz):
    """水电北院小区: an estate's name may end in 院 (a compound's yard); no body's name ends there."""
    g = graph_of(gaz, "力角社区辖区共有小区7个,其中康乐园小区、水电北院小区均建成于上世纪九十年代。")
    assert {"康乐园小区", "水电北院小区"} <= names(g, "Neighborhood"), summary(g)


def test_a_preposition_glued_to_a_kind_or_one_syllable_before_a_sums_kind_names_no_place(gaz):
    """记者就|嘎查 (jieba: 就嘎查), 建立起|苏木、嘎查: an adverb glued to the kind, or one
    character before 苏木 (a sum's name has two syllables at least), names no place; nor does a
    matter before 社区 in a run of who settles what (大事|社区解决)."""
    g = graph_of(gaz, "日前，记者就嘎查集体经济发展采访了她。全旗建立起苏木、嘎查、网格三级联动格局。"
                      "做到小事不出网格、大事社区解决。")
    assert not names(g, "Village") | names(g, "Town") | names(g, "Community"), summary(g)


def test_a_short_form_inside_a_villages_name_the_sentence_names_is_no_city(gaz):
    """在某镇西保山子村 …… 宾川县西保山子果蔬种植专业合作社: the village's name holds 保山, a
    city's short form; where the cooperative is named after the village, no city is named."""
    g = graph_of(gaz, "在金牛镇西保山子村,县委书记实地查看村党支部领办的宾川县西保山子果蔬种植专业合作社。")
    assert "保山市" not in names(g, "City"), summary(g)
    assert "宾川县西保山子果蔬种植专业合作社" in names(g, "Organization"), summary(g)


def test_he_between_two_syllables_after_a_verb_and_a_gachas_name_is_part_of_it(gaz):
    """走进敖日|和|陶勒盖嘎查: two Mongolian syllables right after the verb name no gacha alone, so
    和 is a syllable of the gacha's name, no conjunction."""
    g = graph_of(gaz, "近日，宣讲小分队走进敖日和陶勒盖嘎查，开展政策宣讲。")
    assert names(g, "Village") == {"敖日和陶勒盖嘎查"}, summary(g)


def test_a_verbs_count_before_a_kind_opens_no_estates_name(gaz):
    """网格员每天走一遍|小区, 在会上说了一句|小区门口……: a count of a verb's doings (一遍, 一句)
    before 小区 opens no estate's name."""
    g = graph_of(gaz, "网格员每天走一遍小区、每月收一次意见。居民在议事会上说了一句小区门口的路灯坏了。")
    assert not names(g, "Neighborhood"), summary(g)


def test_a_two_character_proper_word_after_a_verb_opens_a_longer_name_than_the_gazetteers(gaz):
    """家住|查干|敖包社区: after the verb, the proper word opens the community's name; the
    gazetteer's shorter 敖包社区 (elsewhere) is not the one named."""
    g = graph_of(gaz, "家住查干敖包社区的老人说，网格员用蒙古语讲政策，一听就懂。")
    assert names(g, "Community") == {"查干敖包社区"}, summary(g)


def test_a_verb_glued_to_a_kind_opens_no_place_name(gaz):
    """一边讲起|嘎查这几年的变化 (jieba: 讲/起嘎查): the verb's complement glued to the kind names no gacha."""
    g = graph_of(gaz, "老党员一边倒茶，一边讲起嘎查这几年的变化。")
    assert not names(g, "Village"), summary(g)


def test_a_province_in_a_firms_name_sets_no_scene_for_a_community_after_it(gaz):
    """金牛镇 …… 云南某某化工有限公司党支部与某某社区党支部结成共建对子: the community the gazetteer
    lacks lies in the town the article is about, not in the province a firm's name opens with."""
    g = graph_of(gaz, "金牛镇地处宾川县东部，是工业园区镇。金牛镇党委牵头成立园区党建联盟。"
                      "云南金禾化工有限公司党支部与沁湾社区党支部结成共建对子。")
    assert has_edge(g, "locatedIn", "沁湾社区", "金牛镇"), summary(g)
    assert not has_edge(g, "locatedIn", "沁湾社区", "云南省"), summary(g)


def test_a_place_the_gazetteer_lacks_lies_in_the_articles_town_though_its_county_is_named_again(gaz):
    """金牛镇 …… 宾川县委组织部 …… 沁湾社区: the community lies in the town the article is about,
    the lowest place above it the article names, not in the county named last."""
    g = graph_of(gaz, "宾川县金牛镇推行积分制。今年以来，宾川县委组织部多次到镇里调研。沁湾社区推行“板凳议事”。")
    assert has_edge(g, "locatedIn", "沁湾社区", "金牛镇"), summary(g)


def test_the_regions_level_as_an_adjective_is_no_place(gaz):
    """全镇有示范单位12个，其中自治区级以上3个: 自治区级 is a level, no region the text speaks of."""
    g = graph_of(gaz, "鄂尔多斯市东胜区有民族团结示范单位12个，其中自治区级以上3个。")
    assert not mentions_text(g, "内蒙古自治区"), summary(g)  # (the region only as the city's parent)


def test_a_lists_count_vouches_for_each_of_its_items(gaz):
    """辖区有惠和、金岭、阳光里3个小区: the count of the list's kind numbers its items, each an
    estate, though no item ends like one (and 金岭小区 later is the list's 金岭); a slogan (党建引领|小区治理) or a verb (压实|街道党工委)
    before a kind names none."""
    g = graph_of(gaz, "力角社区位于金牛镇中心，辖区有惠和、金岭、阳光里3个小区和2个老旧院落。在金岭小区，"
                      "社区推行楼栋长制。拓东街道党建引领小区治理。要压紧压实街道党工委抓基层治理的主体责任。")
    assert names(g, "Neighborhood") == {"惠和", "金岭", "阳光里"}, summary(g)  # (金岭小区: the list's 金岭)
    assert not any(n.startswith(("党建", "压实")) for n in names(g)), summary(g)


def test_kinds_of_place_paired_or_described_are_no_place(gaz):
    """由强村带弱村 (strong villages lead weak ones), 典型的老旧院落社区 (a kind of community):
    no village or community named."""
    g = graph_of(gaz, "金牛镇把全镇村划分为3个联建片区,由强村带弱村、大村带小村。力角社区是一个老旧院落社区。")
    assert not names(g, "Village"), summary(g)
    assert names(g, "Community") == {"力角社区"}, summary(g)


def test_a_short_form_inside_a_gachas_syllables_is_no_province(gaz):
    """在巴音|吉林|图嘎查: 吉林 is two syllables of the gacha's transliterated name, no province."""
    g = graph_of(gaz, "在巴音吉林图嘎查,记者见到了两位护边员。")
    assert names(g, "Village") == {"巴音吉林图嘎查"} and not names(g, "Province"), summary(g)


def test_one_of_a_pair_of_villages_is_named_whole(gaz):
    """西|龙潭村: the gazetteer has 龙潭村 elsewhere; 西 opens one of a pair of villages (东/西龙潭村)."""
    g = graph_of(gaz, "院坝说事会每月开一次。西龙潭村的院坝说事会上,村民议定了修路的事。")
    assert names(g, "Village") == {"西龙潭村"}, summary(g)


def test_a_gachas_name_holds_du_after_a_syllable(gaz):
    """阿拉坦昆都楞嘎查 (jieba: 阿拉坦昆/都/楞): 都 after a syllable, with one more before the kind, is the name's."""
    g = graph_of(gaz, "在阿拉坦昆都楞嘎查,嘎查党支部领办了合作社。")
    assert names(g, "Village") == {"阿拉坦昆都楞嘎查"}, summary(g)


def test_a_two_character_estate_name_in_he_after_a_chain(gaz):
    """拓东街道青云社区秋和小区: 和 is the estate's name's second character, after the chain."""
    g = graph_of(gaz, "五华区拓东街道青云社区秋和小区,新装的健身器材前围满了居民。")
    assert "秋和小区" in names(g, "Neighborhood"), summary(g)


def test_a_verb_of_going_after_bi_opens_no_sum(gaz):
    """比去|苏木开会方便: than going to the sum, no sum called 比去苏木."""
    g = graph_of(gaz, "老人们说,在蒙古包里听宣讲,比去苏木赶集还热闹。")
    assert not names(g, "Town"), summary(g)


def test_towns_listed_by_their_names_before_one_kind(gaz):
    """宾川县在金牛、州城等镇: each item is the gazetteer's town of the county, named with its
    kind; a list of everyday words before a kind (教育、医疗等乡镇) names none."""
    g = graph_of(gaz, "宾川县已在金牛、州城等镇推广“院坝议事”。")
    assert {"金牛镇", "州城镇"} <= names(g, "Town"), summary(g)
    assert has_edge(g, "locatedIn", "州城镇", "宾川县"), summary(g)
    g = graph_of(gaz, "近年来,教育、医疗等乡镇服务全面提升。")
    assert not names(g, "Town"), summary(g)


def test_words_asking_which_or_saying_main_name_no_place(gaz):
    """问到哪名|社区干部, 主要|街道: which one, or the main ones, no place's name."""
    g = graph_of(gaz, "群众不管问到哪名社区干部,都能得到答复。党员在主要街道设立了服务岗。")
    assert not names(g, "Community") and not names(g, "Street"), summary(g)


def test_a_verb_of_staffing_a_place_read_with_an_adverb_names_no_place(gaz):
    """要选优配强|社区班子 (jieba: 要选/优配/强): the verb takes the community's team."""
    g = graph_of(gaz, "会议强调,要选优配强社区班子,加强业务培训。")
    assert not names(g, "Community"), summary(g)


@pytest.mark.parametrize("text", [
    "以前牧民办个证明往往要跑苏木甚至旗里,一来一回就是一天。",
    "苏木党委安排致富带头人结对帮扶薄弱嘎查。",
    "他刚回来那时候嘎查连一条硬化路都没有。",
])
def test_a_verb_of_going_a_weak_one_or_a_time_before_a_kind_names_no_place(gaz, text):
    """要跑|苏木, 帮扶薄弱|嘎查, 那时候|嘎查: going there, the weak ones, a time, no place's name."""
    g = graph_of(gaz, text)
    assert not names(g, "Town") and not names(g, "Village"), summary(g)


def test_syllables_before_a_gachas_name_the_gazetteer_has_are_its_own(gaz):
    """把乌力|根|敖包嘎查 (jieba: 根/p), 某苏木巴音呼|和|陶勒盖嘎查: a syllable jieba tags a
    function word, and 和 among syllables, are the gacha's name's, longer than the gazetteer's
    敖包嘎查 or 陶勒盖嘎查 elsewhere."""
    g = graph_of(gaz, "镇里把乌力根敖包嘎查的做法写进了年度计划。")
    assert names(g, "Village") == {"乌力根敖包嘎查"}, summary(g)
    g = graph_of(gaz, "走进巴彦宝力格苏木巴音呼和陶勒盖嘎查,牧民们正忙着转场。")
    assert names(g, "Village") == {"巴音呼和陶勒盖嘎查"}, summary(g)


def test_a_gacha_the_page_named_is_read_whole_where_jieba_cuts_it(gaz):
    """阿木古|顺道|布嘎查党支部 after the page named 阿木古顺道布嘎查: the branch is that gacha's."""
    g = graph_of(gaz, "走进科尔沁右翼中旗巴彦呼舒镇阿木古顺道布嘎查的扶贫车间。阿木古顺道布嘎查党支部牵头成立合作社。")
    assert names(g, "Organization") == {"阿木古顺道布嘎查党支部"}, summary(g)


def test_a_kinds_localizer_opens_no_name(gaz):
    """社区|内某某|家园小区 (jieba: 内某某), 某镇|镇内|某某社区: 内 says where, the name starts after it."""
    g = graph_of(gaz, "住在社区内翠屏家园小区的杨大爷笑着说,楼道灯当天就修好了。")
    assert names(g, "Neighborhood") == {"翠屏家园小区"}, summary(g)
    g = graph_of(gaz, "金牛镇内翠屏社区党支部开展活动。")
    assert names(g, "Community") == {"翠屏社区"}, summary(g)


def test_a_verb_before_a_kind_of_place_names_none(gaz):
    """某社区辖有|小区8个: the verb and the kind, no estate called 辖有小区."""
    g = graph_of(gaz, "力角社区辖有小区8个,居民2100余户。")
    assert not names(g, "Neighborhood"), summary(g)


def test_a_northern_villages_name_ending_stands_without_a_chain(gaz):
    """。某某营子村 at a clause's start: no everyday word ends in 营子, so the village stands."""
    g = graph_of(gaz, "村里的大事都要上会商量。松岭营子村通过“村事夜谈”,解决了难题。")
    assert names(g, "Village") == {"松岭营子村"}, summary(g)


def test_a_days_name_opens_a_places_name(gaz):
    """。八一|北社区: a day's name (a numeral to jieba) names the community with what follows."""
    g = graph_of(gaz, "今年街道新建楼栋党小组9个。八一北社区在老楼院里办起“周末议事会”。")
    assert names(g, "Community") == {"八一北社区"}, summary(g)


def test_a_grassland_named_after_a_county_is_no_county(gaz):
    """科尔沁|草原: the grassland the short form names is wider than 科尔沁区."""
    g = graph_of(gaz, "深秋时节,科尔沁草原上的牧民们忙着打草储草。")
    assert not names(g, "County"), summary(g)


def test_a_district_that_is_also_a_word_names_none_where_nothing_places_it(gaz):
    """某市|老城区 where that city holds no 老城区, 老旧|平房区 and 楼房小区: words for parts of
    town and kinds of housing, no districts (洛阳's 老城区, 哈尔滨's 平房区) and no estate."""
    g = graph_of(gaz, "望湖社区在昆明老城区,巷子窄、老人多。")
    assert "老城区" not in names(g, "County"), summary(g)
    g = graph_of(gaz, "社区里既有老旧平房区,也有楼房小区,老人占比高。")
    assert not names(g, "County") and not names(g, "Neighborhood"), summary(g)


def test_a_transliterated_gachas_name_may_end_in_he(gaz):
    """在某某巴日|和|嘎查: the name's last syllable; 党员巴特尔|和|嘎查党支部书记: a person and a kind."""
    g = graph_of(gaz, "在查干乌苏巴日和嘎查,党员们轮流上哨巡边。")
    assert names(g, "Village") == {"查干乌苏巴日和嘎查"}, summary(g)
    g = graph_of(gaz, "党员巴特尔和嘎查党支部书记一起巡边。")
    assert not names(g, "Village") and "巴特尔" in names(g, "Person"), summary(g)


def test_a_kind_of_township_by_its_economy_or_a_rivers_course_names_no_place(gaz):
    """某县的纯牧业镇之一: a kind of town; 地处黑河|下游: the river, not 黑河市."""
    g = graph_of(gaz, "宾川县有三个纯牧业镇,力角镇是其中之一。")
    assert names(g, "Town") == {"力角镇"}, summary(g)
    g = graph_of(gaz, "牧民们的草场大多在黑河下游,沿岸多是沙枣林。")
    assert not names(g, "City"), summary(g)


def test_an_organisation_departments_account_names_no_place(gaz):
    """原创 某某组工: the WeChat account of a city's organisation department, an outlet."""
    g = graph_of(gaz, "原创 昆明组工\n\n金牛镇推行院坝议事。")
    assert "昆明市" not in names(g, "City"), summary(g)


def test_the_places_spoken_of_before_or_a_kind_by_its_trade_name_none(gaz):
    """上述|小区 (the estates named above), 养殖专业|嘎查 (a kind of gacha by its trade): no names."""
    g = graph_of(gaz, "上述小区全部配齐了楼栋长,翠屏家园小区率先挂牌。")
    assert names(g, "Neighborhood") == {"翠屏家园小区"}, summary(g)
    g = graph_of(gaz, "如今这里已是全旗有名的肉牛育肥专业嘎查。")
    assert not names(g, "Village"), summary(g)


def test_a_resettlement_village_or_an_app_named_after_a_kind_is_no_place(gaz):
    """住进了移民新村 (a kind of village), 在“某某社区通”里报修 (an app): no places."""
    g = graph_of(gaz, "搬迁群众住进了移民新村,村里配齐了网格员。")
    assert "移民新村" not in names(g, "Village"), summary(g)
    g = graph_of(gaz, "居民在“暖阳里社区通”里报修,物业当天上门。")
    assert not names(g, "Community"), summary(g)


def test_kinds_of_place_said_together_or_by_a_formula_or_a_verb_name_none(gaz):
    """新旧|社区 (new and old ones), “一企一|社区” (a formula), 助力|社区治理 (a verb): no places;
    某镇|某某其勒图嘎查: a syllable jieba reads as a pronoun (其) inside a gacha's name is the name's."""
    g = graph_of(gaz, "推动新旧社区融合发展,新旧业委会顺利完成交接。")
    assert not names(g, "Community") and not names(g, "Organization"), summary(g)
    g = graph_of(gaz, "金牛镇和辖区企业结对,按“一企一社区”的办法共建。")
    assert not names(g, "Community"), summary(g)
    g = graph_of(gaz, "五华区团委发动青年志愿者助力社区减负。")
    assert not names(g, "Community"), summary(g)
    g = graph_of(gaz, "在阿巴嘎旗查干诺尔镇巴彦其勒图嘎查,牧民们正在转场。")
    assert names(g, "Village") == {"巴彦其勒图嘎查"}, summary(g)


def test_verbs_before_a_kind_of_place_name_no_place(gaz):
    """调度|小区改造, 调研|社区养老: a verb whose object is the kind of place, no place named 调度小区."""
    g = graph_of(gaz, "五华区每月调度小区改造进度。县领导到金牛镇调研社区养老服务。")
    assert not {"调度小区", "调研社区"} & names(g), summary(g)


def test_a_town_the_gazetteer_has_after_de_opens_with_its_own_first_character(gaz):
    """单位的|向家镇: a town the gazetteer has, after 的, though 向 often opens no name."""
    g = graph_of(gaz, "这次交流会上，县直单位的向家镇石板沟村第一书记谈了体会。")
    assert ("Town", "向家镇") in entities(g), summary(g)
    assert "家镇" not in names(g), summary(g)


def test_he_after_a_preposition_opens_an_estates_name(gaz):
    """由|和风家园小区党支部出面: after a preposition 和 joins nothing, it opens the estate's name."""
    g = graph_of(gaz, "居民代表提议后，由和风家园小区党支部出面，联系物业维修。")
    assert ("Neighborhood", "和风家园小区") in entities(g), summary(g)


def test_a_community_the_gazetteer_has_elsewhere_is_named_when_its_name_is_no_word(gaz):
    """在穹窿社区: a community's name the gazetteer has only in another province, no common word
    (as 发展村 is), in a sentence about a town of the page: the community, not a word."""
    g = graph_of(gaz, "宾川县金牛镇党委推动结对共建。在穹窿社区，结对企业出资修路。")
    assert ("Community", "穹窿社区") in entities(g), summary(g)


def test_a_post_before_the_gacha_heads_post_names_no_gacha(gaz):
    """党支部书记|嘎查达某某: the secretary is also the gacha head (嘎查达); no gacha named 书记嘎查."""
    g = graph_of(gaz, "乌兰嘎查党支部书记嘎查达巴特尔朝鲁告诉记者。")
    assert not any(n.endswith("书记嘎查") for n in names(g)), summary(g)


def test_syllables_before_a_community_the_gazetteer_has_are_its_name(gaz):
    """提起|阿木古|乌拉社区: Mongolian syllables before a community the gazetteer has (乌拉社区)
    open the longer name the page writes; syllables before a township body's head (乌日图|都格|
    边境派出所) are no town of the gazetteer's (都格镇)."""
    g = graph_of(gaz, "在锡林浩特市，提起阿木古乌拉社区党委书记，居民们都认识。嘎查党支部与辖区乌日图都格边境派出所党支部开展共建。")
    assert ("Community", "阿木古乌拉社区") in entities(g), summary(g)
    assert not {"乌拉社区", "都格"} & names(g), summary(g)


def test_a_northern_villages_ending_takes_the_rare_word_before_it(gaz):
    """像|永立|窝堡村: 窝堡 ends northern villages' names; the rare word of jieba's before it opens the
    name, however jieba tags it; a verb said twice (聊一聊|小区) names no estate."""
    g = graph_of(gaz, "像永立窝堡村，去年修了路。大家常坐在一起聊一聊小区停车的难处。")
    assert ("Village", "永立窝堡村") in entities(g), summary(g)
    assert not any("聊" in n for n in names(g)), summary(g)


def test_a_town_whose_name_ends_in_a_word_after_a_preposition_in_its_countys_sentence(gaz):
    """宾川县委书记到|州城镇、金牛镇调研: a town of the county the sentence names, though its name
    ends in a word (城镇); named again later (在|州城镇|小板社区) it is that town again."""
    g = graph_of(gaz, "宾川县委书记到州城镇、金牛镇调研。在州城镇小板社区，他走进党群服务中心。")
    assert ("Town", "州城镇") in entities(g), summary(g)
    assert ("小板社区", "州城镇") in edges(g, "locatedIn"), summary(g)


def test_verbs_jieba_tags_as_nouns_and_kinds_of_estate_name_no_place(gaz):
    """通报|社区事务, 分包|小区楼栋: verbs jieba tags as nouns before a kind; 居住小区: a kind of
    estate, no estate's name."""
    g = graph_of(gaz, "每月通报社区事务进展。干部分包小区楼栋。党员在居住小区亮身份。")
    assert not {"通报社区", "分包小区", "居住小区"} & names(g), summary(g)


def test_a_verb_before_a_kind_opens_no_village_the_gazetteer_has_elsewhere(gaz):
    """议定事项提交|村党支部: the gazetteer has a village 提交村 somewhere, but here the verb's
    object is the village's party branch, named by its kind."""
    g = graph_of(gaz, "宾川县金牛镇推行院坝议事。议定事项提交村党支部研究后公示。")
    assert not any(n.startswith("提交") for n in names(g)), summary(g)


def test_such_as_before_a_community_opens_no_name(gaz):
    """打造特色服务品牌，如|竹园里社区“……”: 如 introduces the example, the community is 竹园里社区."""
    g = graph_of(gaz, "五华区指导各社区打造特色服务品牌，如竹园里社区“巷口说事”、松坪社区“邻里茶叙”。")
    assert {"竹园里社区", "松坪社区"} <= names(g, "Community"), summary(g)
    assert not any(n.startswith("如") for n in names(g)), summary(g)


def test_a_village_vouched_for_by_its_people_after_its_name(gaz):
    """柏树湾村|两户村民, 柏树湾村|一位老党员: the village's people, counted or named by what they
    are, vouch for the name as its party branch would."""
    g = graph_of(gaz, "8月初，柏树湾村两户村民因宅基地边界问题发生争执。")
    assert "柏树湾村" in names(g, "Village"), summary(g)


def test_a_village_opening_its_clause_acts_after_an_adverb_or_where_it_acts(gaz):
    """，柏枝营村在村委会大院设立“……”, 青松沟村则推行“……”模式: the village acts (after where it
    does, or an adverb), which vouches for its name as a verb right after it does; and each
    carries out its own practice."""
    g = graph_of(gaz, "宾川县金牛镇各村成立人民调解委员会。柏枝营村在村委会大院设立“石榴说事堂”，每月开放两次。"
                      "青松沟村则推行“网格嵌调”模式。")
    assert {"柏枝营村", "青松沟村"} <= names(g, "Village"), summary(g)
    assert {("柏枝营村", "金牛镇"), ("青松沟村", "金牛镇")} <= edges(g, "locatedIn"), summary(g)


def test_the_first_of_the_scenes_of_its_kind_is_a_village(gaz):
    """在梨园坡村等城郊村探索……: the village named first of the villages of its kind is a place."""
    g = graph_of(gaz, "宾川县金牛镇推广小区的经验，在梨园坡村等城郊村探索开展物业化管理服务。")
    assert "梨园坡村" in names(g, "Village"), summary(g)


def test_a_town_right_after_damaged_text_is_named(gaz):
    """服务群众300余人次锟斤拷|宾居镇将……: the damage ends whatever stood before, the town's name
    opens after it."""
    g = graph_of(gaz, "服务队开展流动服务47次，服务群众300余人次锟斤拷宾居镇将每月10日确定为“院坝说事日”。")
    assert "宾居镇" in names(g, "Town"), summary(g)


def test_a_village_said_to_belong_to_a_town_is_a_place_of_it(gaz):
    """后沟坊村简介 …… 后沟坊村隶属于宾川县金牛镇: a village profile's own village, which the sentence
    places in its town; 张贴|村干部的联系方式: the verb's object is the village's cadres."""
    g = graph_of(gaz, "后沟坊村简介\n\n一、基本情况\n后沟坊村隶属于宾川县金牛镇，位于镇东部，辖6个村民小组。"
                      "每户村民家中都张贴村干部和网格员的联系方式。")
    assert ("后沟坊村", "金牛镇") in edges(g, "locatedIn"), summary(g)
    assert not any(n.startswith("张贴") for n in names(g)), summary(g)


def test_breaking_down_the_walls_between_villages_names_none(gaz):
    """某镇打破|村与村之间的壁垒: the verb's object is villages in general, no village 打破村 after
    the town's chain."""
    g = graph_of(gaz, "宾川县金牛镇打破村与村、村与企业之间的壁垒，组建联合党委。")
    assert not any(n.startswith("打破") for n in names(g)), summary(g)


def test_a_level_word_after_a_verb_names_no_county(gaz):
    """高标准建成|县级综治中心: 县级 (county-level) after the verb's 成, no county 成县 (甘肃省成县
    is one, after its chain)."""
    g = graph_of(gaz, "宾川县委政法委整合部门力量，高标准建成县级综治中心。")
    assert "成县" not in names(g), summary(g)
    assert not any(n.startswith("成县") for n in names(g, "Organization")), summary(g)
    g = graph_of(gaz, "甘肃省陇南市成县县级综治中心挂牌运行。")
    assert "成县" in names(g, "County"), summary(g)
