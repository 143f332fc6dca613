"""Dictionaries of general words the extractors read by: suffixes, titles, verbs, surnames.

Nothing here names a particular place, body, person or mechanism: these are the words of
the genre (党建引领基层治理 reporting), so the same patterns work on articles we have never
seen.  Names come from the gazetteer and from the text.
"""

from __future__ import annotations

import re

CJK = r"\u4e00-\u9fff"

# ------------------------------------------------------------------ places

#: Suffix → class for places below the county, longest first.
PLACE_SUFFIXES: list[tuple[str, str]] = [
    ("街道", "Street"),
    ("苏木", "Town"),
    ("嘎查", "Village"),
    ("社区", "Community"),
    ("小区", "Neighborhood"),
    ("镇", "Town"),
    ("乡", "Town"),
    ("村", "Village"),
]

#: Words that end like a place but name a kind of place, not one place.
GENERIC_PLACES: set[str] = set(
    """农村 乡村 城乡 山村 邻村 本村 全村 该村 各村 村村 行政村 自然村 示范村 重点村 贫困村 脱贫村
    城中村 中心村 村集体 嘎查村 集体村 试点村 先进村 薄弱村 软弱涣散村 美丽乡村 新农村
    城市 城市社区 农村社区 新时代社区 新型社区 老旧小区 住宅小区 各小区 各社区 全社区 新社区 该社区 本社区 每个社区 社区
    小区 全镇 该镇 各镇 乡镇 城镇 集镇 小镇 重镇 本镇 全乡 该乡 各乡 本乡 家乡 城乡 返乡 下乡 老乡
    故乡 异乡 他乡 思乡 回乡 同乡 乡乡 在乡 留乡 各街道 该街道 本街道 全街道 街道 苏木 各苏木 全苏木
    该苏木 嘎查 各嘎查 全嘎查 该嘎查 苏木乡镇 旗县 全旗 该旗 各旗 全县 该县 各县 本县 全市 该市
    各市 本市 全区 该区 各区 本区 辖区 城区 园区 景区 牧区 社区村 村社区 边境村 民族村 农牧村
    纯牧业嘎查 易地搬迁小区 安置小区 示范小区 无物业小区 物业小区 商品房小区 网格 居民小区 村镇
    街道社区 新建小区 新建社区 老小区 新小区 老社区 新社区 大型小区 高档小区 封闭小区 开放式小区 镇街道 镇街 苏木乡镇 乡镇街道 乡里 村里 村内 村口 村头 村委 村两委 村民 镇里 镇上
    城镇社区 边境嘎查 牧区嘎查 多民族社区 民族社区 弃管小区 失管小区 老旧社区 平安小区 纯牧业苏木 牧业苏木 专业村 专业嘎查 移民新村 移民村 纯牧业镇 牧业镇 纯牧业乡 牧业乡 半农半牧镇 半农半牧苏木
    纯牧区嘎查 半农半牧区 基层社区 专职社区 标杆社区 示范社区 先进社区 文明社区 互嵌社区 城镇小区 综合性小区 居住小区 楼宇小区
    苏木镇 边境苏木镇 苏木镇场 镇场 嘎查社区
    文明村 文明嘎查 牧业嘎查 农业嘎查 农区嘎查 薄弱小区 村社小区 抵边苏木 抵边嘎查 抵边村 抵边乡镇 边境苏木 边境乡镇
    沿边村 沿边乡镇 半农半牧嘎查 半农半牧村 半农半牧苏木 半农半牧区嘎查 企业社区 智慧社区 数字社区 智慧小区
    数字乡村 智慧乡村 和美乡村 宜居乡村 兄弟社区 兄弟村 兄弟嘎查 兄弟苏木 兄弟乡镇 兄弟街道 试点社区 试点小区 试点嘎查
    先行社区 先行村 优秀社区 优秀村 优秀嘎查 融居社区 民族融居社区 多民族融居社区""".split()
)

#: Verbs that take a place as object and that jieba's dictionary tags as nouns or adjectives
#: (商量嘎查的事, 联系社区, 激活小区治理): next to a place suffix they make no name.
PLACE_VERBS = set("""拓宽 织密 拍下 商量 联系 指导 激活 产生 清理 包联 走访 覆盖 管理 治理 回到 走进 深入 进入 下沉 扎根 搬进
    入住 打造 创建 服务 对接 帮扶 统筹 规范 整治 改造 美化 评为 成为 建成 距离 离开 前往 来到 总结 推广
    担任 兼任 挂任 出任 任职 利用 深化 单靠 依靠 加强 发挥 结合 聚焦 围绕 构建 融入
    商议 商讨 协商 共商 配强 配齐 选优配强 选好 上报 报送 报请 呈报 信任 认识 熟悉 了解 绘就 边聊 聊聊 同属 隶属 属于 地处 位于 探索 推动 推进 引导 培养 鼓励 支持
    落实 健全 充实 壮大 资助 唱响 叫响 下辖 管辖 辖有 压实 压紧 夯实 协助 助力 调度 建强 兑换 调研 通报 分包 张贴 打破 纳入 列入 写入 提交 移交 转交""".split())

#: Verbs that never sit inside a body's or place's name, though jieba tags some as nouns
#: (嘎查党支部领办某合作社, 街道党工委会同派出所, 第一时间报告嘎查党支部)
NAME_BREAK_VERBS = (PLACE_VERBS - {"服务", "管理", "治理", "覆盖", "规范", "整治", "改造", "美化", "帮扶", "统筹", "资助"}) | set("""领办 创办 兴办 会同 报告 选举 产生 成立 引入 推动 推行 带动 牵头 召开 举办 邀请 协调
    组建 动员 号召 依托 通过 借助 参与 加入 走进 来到 选派 派驻 招募 吸纳 签订 聘请 担任 兼任 挂任 出任 任职
    现任 曾任 时任 原任 历任 升任 调任 转任 当选 选为
    开展 举行 实施 启动 参观 入驻 现有 共有 拥有 设有 建有 下设 命名 授予 表彰 推荐 执行 就是 列席""".split())

#: Verbs that join one body to another (某院联合|镇司法所, 政法委会同|县司法局, 我们将协同|镇政府,
#: 某党委携手某局): after a body's head they end its name, before a body named by its level or kind
#: they open none (联合镇 and 会同县 are also places' names), and the bodies they join act together.
JOINING_VERBS = ("联合", "会同", "协同", "配合", "协调", "指导", "携手")
#: The joining verbs jieba reads as one word with a level's character after them (会同县, 协同区)
JOINING_GLUED_TO_LEVEL = ("会同", "协同")
#: Where a body's or a place's name ends, or an adverb before a verb (某镇党委还|联合镇总工会,
#: 我们将|联合镇政府)
NAME_END_CHARS = frozenset("乡镇村区县旗市院局所委队站部厅办会心社团庭还也又并将要")

#: Verbs of coming no name ends in, which jieba may glue to the name before them (某某到|村)
COMING_CHARS = frozenset("到赴")
#: Adverbs of manner jieba reads as one word with the verb after them (全面推行, 大力推进)
MANNER_ADVERBS = ("全面", "大力", "积极", "持续", "深入", "不断", "逐步", "着力", "广泛", "率先", "严格", "认真", "坚决")

#: Single-character verbs of motion and distance before a place (回社区, 找社区, 距苏木)
PLACE_VERB_CHARS = set("回找进到去来入驻出往至离距赴返帮包联报请当靠听聊跑加议助")
#: the verb that introduces examples (品牌，如|某某社区“某某”): jieba's own word, no name's part (如意 is one word)
SUCH_AS = frozenset("如")
#: adverbs jieba glues to such a verb after them (议定后|报|村党委 read 后报)
PLACE_VERB_ADVERBS = set("后先再并又也就才即已均要想光只仅全单比")

#: Words and characters residential estates and communities are named with (幸福家园小区).
RESIDENTIAL_WORDS = set("家园 花园 嘉园 雅苑 佳苑 名苑 华苑 新村 公寓 华府 名都 小镇 庭院 广场 大厦 家属院 新城 花城 水岸 丽都 山庄".split())
RESIDENTIAL_CHARS = set("苑园府湾邸郡庄阁居城舍墅")
#: what ends an estate's name when the text writes no 小区 after it (某某家园, 某某佳苑, 某某居);
#: a one-character ending needs two characters of name before it.  In a list closed by its
#: kind, 湾 and 园 end names too (某某湾、某某园两个小区); elsewhere they name bays and parks.
ESTATE_WORDS = tuple("家园 花园 嘉园 佳园 雅苑 佳苑 名苑 华苑 雅居 佳居 公寓 华府 名都 水岸 丽都 山庄 院落 家属院 楼院".split())
ESTATE_CHARS = "苑居"
LISTED_ESTATE_CHARS = ESTATE_CHARS + "湾园"
#: endings of an estate's name that a list of estates vouches for, though alone they name
#: other things too (某某新村 a village, 某某家属院 a yard): 甲苑、乙新村等7个小区
LISTED_ESTATE_WORDS = ("小区", "新村", "家属院", "家属楼", "家属区", "大院")
#: (and the last characters of such names: 某某二村, 某某里, 某某楼)
LISTED_ESTATE_ENDS = "村里楼院"

#: Trades a company or cooperative is named by; jieba tags some as verbs (兴农玉米种植专业合作社).
TRADE_WORDS = set("""种植 养殖 加工 销售 开发 经营 运输 服务 管理 制造 生产 建设 投资 发展 咨询 贸易 培训 物流 营销 育肥
    繁育 收购 研发 快递 执法 监管 监督 保障 维修 配送 租赁""".split())

#: Nouns holding a verb of jieba's that name the members or the task of a party body
#: (非公有制经济组织党委, 新就业群体联合党支部, 防汛抢险突击队): inside a body's name, no verb.
BODY_NOUN_PHRASES = ("经济组织", "社会组织", "两新组织", "群众组织", "就业群体", "防汛抢险", "抢险救援", "应急救援",
                     "公共就业", "就业创业", "矛盾调解", "纠纷调解", "人民调解", "综合执法", "行政执法", "社会救助")

#: Characters that cannot start a place name found by its suffix alone.
NOT_NAME_START = set("在的了和与及到是为将把从向对由于等各个全该本这那其共有着被让使给以并或又也都就还所至即于每据距")

#: Words that pick some of a kind of place (一些|嘎查, 部分|社区), or say where or when (附近|小区,
#: 最近|小区里): no name opens with one.
DETERMINERS = frozenset("一些 这些 那些 部分 大部分 有的 个别 少数 多数 多个 几个 各个 所有 全部 其他 其余 其它 相关 周边 同一 更多 许多 众多"
                        " 附近 最近 以前 之前 以后 之后 期间 当地 一线 上述 前述 新旧".split())

#: A web page's labels, which a page runs into its text where the menu loses its line breaks
#: (正文某某街道, 首页某某社区): no place's or body's name opens with one, and none is a person's
#: (责任编辑：某某  上一版 下一版: the e-paper's links after a byline).
PAGE_LABELS = frozenset("正文 首页 栏目 来源 作者 责编 浏览 阅读 点击 分享 打印 字号 字体 上一篇 下一篇 上一版 下一版 上一页 下一页 当前位置 您的位置".split())

#: what a page's encoding damage leaves in its text (U+FFFD, and its UTF-8 bytes read as GBK,
#: 锟斤拷): no name holds one, and a name read before a kind stops after it
DAMAGE_MARKS = ("锟斤拷", "\ufffd")
#: the last characters of a body's head (某某所, 某某局, 某某委): after one, 和 joins the next body
BODY_END_CHARS = frozenset("所局院委队站室会部")
#: Characters that cannot occur inside a place name found by its suffix alone.
NOT_IN_NAME = set("的了在是和与及把被让使给向从对由等着过地得这那该其每各个共所已将从于为到进出以请找您你访兼")

# ------------------------------------------------------------------ levels

#: The characters of the levels whose bodies are named by the level alone (市委, 旗委, 区人社局).
LEVEL_CHARS = "市旗县区盟"

#: Levels with many bodies of one kind each (全县人民法庭: its tribunals). Below them (镇, 乡,
#: 街道, 村, 社区) 全 speaks of the one place (全镇党委 is the town's).
WIDE_LEVELS = frozenset((*LEVEL_CHARS, "省"))

#: What before a level speaks of every body or place of a kind there (全旗人民法庭, 各县司法局).
EVERY = frozenset("全各")

#: What before a place's kind refers to a place already named (该苏木, 本镇, 全旗).
REFERRING = EVERY | frozenset("该本此")

# ------------------------------------------------------------------ organizations

#: Two-character place kinds, which may stand bare for the article's place (社区推行……)
#: and never open or close a personal name (在嘎查里说).
TWO_CHAR_PLACE_KINDS = ("社区", "街道", "苏木", "嘎查")

#: The words of place kinds and levels only, one after another (苏木镇, 镇村组, 苏木镇嘎查, 旗镇嘎查):
#: every place of those kinds, no one place's or body's name.
KINDS_ONLY = re.compile("(?:苏木|嘎查|社区|街道|[旗县市区盟乡镇村组])+")

#: Kinds of place below the county, by which a place's own committee is named (社区党委).
LOWER_PLACE_KINDS = ("社区", "村", "嘎查", "街道", "苏木", "镇", "乡")

#: A place's kind before a body's head: 嘎查委员会, 社区党委, 镇党委.
BODY_PLACE_KINDS = ("嘎查村", "嘎查", "社区", "街道", "苏木", "小区", "居民", "村民", "村", "镇", "乡", "居")

#: A body named by its place's kind (社区党委 is the article's community's): kind → levels.
KIND_LEVELS = (
    ("嘎查", ("Village",)), ("村民", ("Village",)), ("村", ("Village",)), ("社区", ("Community",)),
    ("居民", ("Community",)), ("居", ("Community",)), ("街道", ("Street",)), ("苏木", ("Town",)),
    ("镇", ("Town",)), ("乡", ("Town",)), ("小区", ("Neighborhood",)),
)
#: Heads of the bodies a place's kind may name (社区党委, 嘎查委员会).
BODY_HEADS = {"党委", "党支部", "党总支", "委员会", "党工委", "居委会", "村委会", "党群服务中心", "服务中心",
              "业委会", "物委会", "业主委员会", "人民调解委员会", "调解委员会", "调委会", "支部",
              "综治中心", "网格中心", "便民服务中心", "矛调中心", "新时代文明实践所", "新时代文明实践站", "办事处",
              "司法所", "派出所", "卫生院", "财政所", "文化站"}
#: Kinds of body a text names bare once it has named one: 公司党支部书记 is the company's.
BARE_BODY_KINDS = ("有限公司", "公司", "专业合作社", "合作社", "集团", "人民法庭", "法庭", "派出所", "司法所",
                   "人民法院", "法院", "人民检察院", "检察院", "协会", "商会", "执行局", "化解中心", "局", "物业", "医院",
                   "院")  # (院|党组: a court's or a procuratorate's, after the longer kinds)
#: The kinds a town's name ends in.
#: kinds of development zone: one alone (高新区, 经开区) names no division, though the
#: gazetteer gives some zones such a short form (a zone's bodies are read by ORG_HEADS)
ZONE_KINDS = frozenset("""高新区 经开区 开发区 新区 园区 工业园区 产业园区 化工园区 物流区 文旅区 保税区 综合保税区
    示范区 管理区 试验区 合作区 自贸区""".split())
TOWN_KINDS = ("镇", "乡", "苏木")
#: Bodies of a township named after the town without its kind (某某派出所 of 某某镇).
TOWNSHIP_BODY_HEADS = ("人民法庭", "法庭", "派出所", "边防派出所", "边境派出所", "司法所", "中心卫生院", "卫生院",
                       "财政所", "供电所", "中心学校", "中心校", "兽医站", "综合文化站", "文化站")
#: Departments of a party committee, named bare (组织部 is the county's or the city's).
PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部", "社会工作部", "政法委", "编办")


#: Heads of an organization's name, longest first.  The head decides where a name ends.
ORG_HEADS: list[str] = sorted(
    set(
        """党委 党工委 党组 党支部 党总支 联合党支部 联合党委 联合党总支 流动党员党支部 功能型党支部 党小组 机关党委
        委员会 居委会 村委会 居民委员会 村民委员会 物委会 业委会 管委会 工委 两新工委 纪委 监委 纪工委
        组织部 宣传部 统战部 社会工作部 政法委 编办 组织二科 组织一科 办公室 办公厅 党建办 党政办
        人民政府 政府 办事处 人民法院 人民检察院 检察院 法院 人民法庭 法庭 公安局 公安分局 分局
        派出所 司法所 司法局 司法厅 财政局 教育局 农牧局 林草局 民政局 卫健委 发改委 国资委 人社局
        人力资源和社会保障局 行政审批政务局 行政审批局 政务服务局 市场监督管理局 税务局 自然资源局
        应急管理局 住建局 交通运输局 文旅局 生态环境局 水利局 科技局 工信局 商务局 退役军人事务局
        农牧厅 教育厅 民政厅 科技厅 财政厅 检察部 指挥中心 服务中心 党群服务中心 便民服务中心
        综治中心 网格中心 矛调中心 新时代文明实践中心 新时代文明实践所 新时代文明实践站 文化站 卫生院 医院 学校 小学 中学 大学 学院 研究院 研究所 科学院
        幼儿园 职业培训学校 培训学校 合作社 专业合作社 股份经济合作社 有限公司 有限责任公司 股份有限公司
        公司 集团 分公司 家庭农场 农场 牧场 协会 商会 联合会 妇联 团委 共青团 工会 总工会 红十字会
        工商联 残联 侨联 科协 文联 法学会
        宣讲团 艺术团 乌兰牧骑 志愿服务队 志愿队 服务队 攻坚队 突击队 工作队 先锋队 宣讲队 巡逻队 轻骑队 小分队 分队 理事会 红白理事会
        巡防队 骑警队 警队 护卫队 护边队 管理大队 高新技术产业开发区 经济技术开发区 高新区 经开区 开发区
        服务团 工作室 调解室 工作站 服务站 驿站 书屋 自习室 电视台 广播电视台 发射中心 报社 出版社
        执法局 综合执法局 城市管理局 城管局 管理局 监管局 医疗保障局 医保局 信访局 统计局 审计局 档案局 体育局
        气象局 粮食局 交通局 公路局 执法大队 消防救援大队 老干部局 农业农村局 文化和旅游局 林业和草原局
        消防救援站 消防站 救援站 供电公司 歌舞剧院 剧院 博物馆 图书馆 纪念馆 领导小组 工作专班
        联盟 俱乐部 基金会 银行 信用社 乳业 酒业 药业 党校 行政学院 社会主义学院 融媒体中心
        人武部 武装部 乡村振兴局 供销社 供销合作社 市场监管所 财政所 调处化解中心 社会治理中心 综合治理中心 联络站
        退役军人服务站 退役军人服务中心 交警大队 农业综合服务中心 农技站 民族宗教局 水务局
        支行 分行 巡察办 网信办 综治办 文明办 扶贫办 作家协会
        卫生健康局 卫健局 发改局 发展和改革局 林业局 畜牧局 畜牧兽医局 农业农村和水利局 数据局 大数据局
        投资促进局 民族宗教事务局 教育体育局 教体局 科学技术局 工业和信息化局 住房和城乡建设局 自然资源和规划局
        文体旅游局 文广局 广电局 人防办 税务所 林业站 兽医站 畜牧站 中心校 中心学校 敬老院 养老院 福利院
        光荣院 综合行政执法队 综合行政执法局 应急救援队 团县委 团市委 团旗委 团区委 调委会 调解委员会 人民调解委员会
        调解队 调解小组 帮帮团 党建联合体 巡护队 护林队 义务巡逻队
        化解中心 多元化解中心 卫生室 律师事务所 会计师事务所 执行局 林场 国有林场 林业局 森林经营所 管护站
        监委会 水利厅 公安厅 自然资源厅 生态环境厅 交通运输厅 商务厅 审计厅 农业农村厅
        住房和城乡建设厅 人力资源和社会保障厅 文化和旅游厅 卫生健康委员会 卫生健康委 文化广电体育和旅游局
        文化广电和旅游局 文化体育广电和旅游局 文体广电和旅游局 文化旅游体育局 文体旅游广电局""".split()
    ),
    key=len,
    reverse=True,
)

#: More heads a body's name may end in, proposed to the learned decisions (kg.learn) rather
#: than taken by the rules: party committees of a division (包头市委), governments, offices
#: and workrooms, teams and delegations.
CANDIDATE_ORG_HEADS: list[str] = sorted(
    set(
        """市委 县委 旗委 区委 盟委 省委 州委 镇委 乡委 人民代表大会 人大常委会 人大 政协 办事处 街道办
        调解室 调解中心 调解委员会 调解小组 工作组 专家组 会务组 小组 联席会 联席会议 实践所 实践站 实践中心
        警队 骑警队 巡防队 护卫队 大队 中队 支队 义警 代表团 临时党支部 书记工作室 党建联盟 联合会 服务社
        法律服务所 巡回法庭 检察室 警务室 警务站 服务点 工作点 卫生室 合作联社 旅行社 客栈 超市 农家乐""".split()
    ),
    key=len,
    reverse=True,
)

#: Organization names that are kinds, not bodies (guideline: 党组织, 企业, 链上企业).
GENERIC_ORGS: set[str] = set(
    """党组织 党支部 党委 党总支 党小组 企业 链上企业 公司 政府 社区党组织 基层党组织 村党组织
    村党支部 社区党支部 社区党委 镇党委 乡党委 街道党工委 居委会 村委会 物业公司 合作社 专业合作社
    学校 高校 医院 派出所 法院 检察院 组织部 宣传部 机关 单位 部门 职能部门 相关部门 监管部门
    行业协会 金融机构 高等院校 服务中心 党群服务中心 志愿服务队 服务队 攻坚队 党员攻坚队 突击队
    工作队 驻村工作队 服务团 红色服务团 工作室 驿站 联合党组织 流动党支部 产业链党组织 功能型党支部
    临时党支部 联合党支部 行业党委 两新组织 新兴领域 新就业群体 物业服务企业 领导小组 党员服务队
    楼栋党小组 楼道党小组 单元党小组 楼栋党支部 网格党小组 小区党支部 苏木镇党群服务中心
    业委会 物委会 村两委 两委 村集体 集体经济组织 经济合作社 股份经济合作社 家庭农场 农场 社会组织
    工会 妇联 团委 共青团 党校 融媒体中心""".split()
)

#: Characters before an organization name that end its leftward extension.
ORG_STOP = set("的了在是和与及把被让使给向从对由等着过地得这那该其每个共所已将于并或又也都就还以为到经据")

# ------------------------------------------------------------------ people

#: Posts whose holders lead the body or place named before the post (guideline: leads).
LEAD_TITLES: list[str] = sorted(
    set(
        """书记 副书记 第一书记 主任 副主任 部长 副部长 组织部长 队长 副队长 团长 副团长 负责人 主要负责人
        经理 总经理 副经理 宣传部长 统战部长 科长 副科长 主席 副主席 站长 所长 副所长 院长 副院长 局长 副局长 镇长 副镇长
        乡长 副乡长 村长 县长 副县长 旗长 副旗长 市长 副市长 区长 副区长 检察长 庭长 组长 会长 理事长
        董事长 校长 馆长 社长 厅长 副厅长 处长 主管 嘎查达 支书 村支书 总支书记 苏木长 副苏木长 苏木达 副总经理 嘎查长 副嘎查长
        政委 副政委 教导员 股长 副股长 总监 生产总监 行政总监 技术总监 运营总监 财务总监 销售总监""".split()
    ),
    key=len,
    reverse=True,
)

#: Roles that name a person but do not lead anything.
OTHER_ROLES: list[str] = sorted(
    set(
        """党员 村民 居民 牧民 农民 群众 志愿者 网格员 楼栋长 学生 大学生 老党员 退役军人 职工 员工
        干部 队员 民警 辅警 检察官 法官 教师 老师 医生 护士 快递员 外卖员 骑手 代表 委员 常委 成员 工作人员
        社工 专干 指导员 包联干部 网格长 林长 河长 湖长 路长 单元长 联户长 中心户长 十户长 户长 联户党员 助理 检察官助理 法官助理
        调解员 人民调解员 护边员 护林员 巡护员 信息员 奶农 菜农 果农 养殖户 种植户 牧户 驻村干部 创业者 负责人 店主 老人 老兵 讲解员 宣讲员 演员 技术员
        专家 教授 记者 通讯员 见习记者 摄影 主播 网红 致富带头人 带头人 能人 户主 牧户 农户 业主 党员中心户 中心户 浩特长
        脱贫户 贫困户 低保户 困难户 监测户 原告 被告 申请人 当事人
        联络员 联系人 栋长 楼门长 巷长 工程师 社工师 律师 会计 农艺师 兽医 教练 厨师 辅导员 宣传员 楼长 院落长 村医 秘书长 调研员 主任科员
        茶农 林农 药农 花农 瓜农 棉农 渔民 领导""".split()
    ),
    key=len,
    reverse=True,
)

#: Heads of a firm's name (a company, a cooperative, a family farm).
COMPANY_HEADS = {"有限公司", "有限责任公司", "股份有限公司", "公司", "集团", "合作社", "专业合作社", "家庭农场"}
#: Heads of a leading group or a task force, named by its task (森林防火领导小组).
TASK_HEADS = {"领导小组", "工作专班"}
#: Trades a company is named by after its brand (某某乳业): a brand before one is a company.
TRADE_HEADS = {"乳业", "酒业", "药业"}

#: Kinds of team that a quote may name whole (“某某宣讲团”).
TEAM_HEADS = {"宣讲团", "艺术团", "服务团", "志愿服务队", "志愿队", "服务队", "攻坚队", "突击队", "先锋队", "宣讲队",
               "巡逻队", "轻骑队", "小分队", "巡防队", "骑警队", "警队", "护卫队", "护边队"}

#: Chiefs whose title names their department: 组织部长 heads the 组织部.
DEPARTMENT_CHIEFS = {"组织部长": "组织部", "宣传部长": "宣传部", "统战部长": "统战部"}

#: Party bodies inside a unit, whose secretary may also head the unit itself.
PARTY_BODIES = ("党总支", "党支部", "党工委", "党委", "党组")

#: Heads of a unit (a company, a court, a 苏木) rather than of a party body.
UNIT_HEADS = {"经理", "总经理", "副总经理", "副经理", "董事长", "检察长", "院长", "副院长", "局长", "副局长",
              "主任", "副主任", "苏木长", "副苏木长", "镇长", "副镇长", "乡长", "副乡长", "旗长", "副旗长",
              "县长", "副县长", "区长", "副区长", "市长", "副市长", "所长", "站长", "校长", "馆长", "理事长", "社长",
              "庭长", "嘎查达", "政委", "副政委", "教导员", "会长", "副会长", "队长", "副队长",
              "总监", "生产总监", "行政总监", "技术总监", "运营总监", "财务总监", "销售总监"}

#: Heads of a place's government: 苏木长, 镇长 lead the place where no body is named.
PLACE_HEADS = ("苏木长", "镇长", "乡长", "旗长", "县长", "区长", "市长", "嘎查达", "嘎查长", "村长")

#: A team head's bare title → the end of the name of the team it leads (队长 → 某某服务队).
TEAM_HEAD_TITLES = {"队长": "队", "副队长": "队", "团长": "团", "副团长": "团"}

#: The police's branch of a district, named by 公安 before the place's short form (公安某某分局;
#: not 公安局某某分局, which a place opens).
POLICE_BRANCH = re.compile(r"公安(?!局)[\u4e00-\u9fff]{2,4}?分局")

#: A team's name of up to eight characters written whole in quotes (组建“某某普法队”): whatever its
#: task, a 队 with a name of its own is a body; not a count of teams (“三支队伍”, “两支服务队”),
#: a formula of numbers (“一楼一长一队”: a practice), 团队 (a working group) or 排队.
QUOTED_TEAM = re.compile(r"“(?P<name>(?![0-9一二两三四五六七八九十几][支个])(?![^”]*[0-9一二两三四五六七八九十][^”]*[0-9一二两三四五六七八九十])[^“”\s，。、,;；:：!！?？]{2,7}(?<![团排])队)”")

#: Kinds of team named by their kind alone before their head's title (志愿服务队队长).
TEAM_KINDS = ("志愿服务队", "服务队", "志愿队", "宣讲队", "宣讲团", "巡护队", "突击队", "攻坚队", "先锋队")

#: Words that make partners act jointly with a subject (甲与乙联合印发, 甲、乙共同推行).
JOINT_WORDS = ("联合", "共同", "携手", "一起", "一道")

#: Bodies that are also buildings: they count as bodies only where they act or are led.
VENUE_HEADS = ("党群服务中心", "党群服务站", "服务站", "驿站", "服务点")

#: The age or state of the housing before a kind of place (老旧院落社区, 老旧小区) or a
#: district's name that is also a word for housing (老旧平房区): a description, no name.
HOUSING_STATES = ("老旧", "破旧", "低矮")

#: Words a level's character opens that are no level (区域某某联盟, 市场监督管理局, 县域): no body
#: named by its level alone opens with one.
LEVEL_WORDS = ("区域", "市场", "县域", "市域", "区划", "市民", "县城")

#: What stands before or after a public account's name in a WeChat page's clutter (点击上方
#: 蓝字“某某融媒”关注我们): the quote names the account, no practice.
ACCOUNT_BEFORE = ("蓝字", "搜索")
ACCOUNT_AFTER = ("关注我们", "关注", "公众号")

#: Honorifics and kin words: a surname with one of these is no person (张女士, 李大姐).
HONORIFICS = set(
    """女士 先生 大姐 大爷 大妈 大娘 大叔 阿姨 奶奶 爷爷 老人 师傅 老师 同志 书记 主任 哥 姐 叔 婶
    嫂 伯 姨 妈 爸 老汉 老太 大哥 小哥 小妹 小姐 姑娘 老伯 阿婆 阿公 阿伯 阿叔 婆婆 大嫂 嫂子 爹爹 嬢嬢 孃孃
    警官 法官 检察官 医生 大夫 老板 大伯 大婶 婶婶 叔叔 伯伯 大舅 舅舅 姑姑 大姑
    阿嬷 阿爸 阿妈 阿爷 阿奶 阿娘 孃孃 嬢嬢 娘娘""".split()
)

#: Speech and report verbs that typically follow a name.
SPEECH = (
    "说", "介绍", "表示", "告诉", "坦言", "感慨", "笑着", "高兴", "回忆", "认为", "提到", "谈到",
    "讲", "指出", "强调", "称", "激动", "自豪", "感叹", "动情", "开心", "欣慰", "补充", "算",
    "解释", "透露", "向", "在", "带领", "正在", "一边", "拿", "手持", "和", "与", "等", "是",
    "作", "对", "把", "将", "也", "就", "已", "还", "又", "的", "、", "，", ",", "。", ":", "：",
)

#: Characters that follow a name far more often than they end one (某某|都会, 某某|在).
AFTER_NAME_CHARS = frozenset("从便手刚说在也就又都还把被给和与向对正已将才却曾每带领来去到是为等的了着过时则帮用")

#: The directional complements after a verb (富|起来, 张罗|起来, 走|出去): never a given name,
#: and no name comes before one.
DIRECTIONAL_COMPLEMENTS = frozenset("起来 出来 下来 上来 过来 回来 进来 开来 下去 出去 上去 过去 回去 进去".split())

#: The words a frame 在……下 closes with (在某某的关心下, 在某某支持下).
UNDER_FRAME_VERBS = ("重视", "指导", "帮助", "支持", "带领", "引领", "领导", "推动", "关心", "关怀", "协调", "组织",
                     "号召", "倡导", "努力", "作用", "牵头", "陪同", "主持", "见证", "帮扶", "配合", "统筹", "协助")

#: Speech verbs that close a name even when its shape is unknown (某某说).
SAYS_AFTER_NAME = ("说", "介绍", "表示", "告诉", "坦言", "感慨", "回忆", "认为")

#: Speech verbs after a speaker whose body a quote's "we" is (…书记某某介绍道).
SPEAKER_SAYS = ("说", "介绍", "表示", "告诉", "坦言", "谈到")

#: Speech verbs after 的 that make a place say whose the speaker is (某某村的大娘说).
PLACE_SPEAKER_SAYS = ("说", "介绍", "表示", "告诉", "感慨", "坦言")

#: What follows a name in running text: speech and action verbs.
NAME_FOLLOWERS = ("说", "介绍", "表示", "告诉", "坦言", "感慨", "笑着", "高兴", "回忆", "认为", "谈起", "谈到",
                   "带领", "得到", "接到", "深有感触", "细心", "激动", "自豪", "感叹", "动情", "指出", "强调", "等一批")

#: Common Chinese surnames (single and compound): a Han name starts with one.
SURNAMES_2 = set(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 独孤 南宫 西门 左丘 澹台 公冶 呼延 万俟 闻人 东郭 申屠 太史 濮阳 赫连 拓跋 淳于 仲孙 公羊 梁丘 宗政 羊舌 巫马 谷梁".split()
)
SURNAMES_1 = set(
    """王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈
    傅萧洪阎赖凤昌酆贲钮荀羿汲邴隗宓蓬郗钭蓟苍莘逄郦璩郏宦禄殳沃蔚訾毋乜巢蒯竺桓拓庾厍濮
    姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤
    常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴
    霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑
    景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟
    邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹
    井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印
    逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由喇""".replace(
        "\n", ""
    ).replace(" ", "")
)

#: Characters common in transliterated Mongolian names (巴特尔, 其木格, 乌日娜): a name
#: made only of these, after a post or in a byline, is a person even without a Han surname.
#: the kinds of place whose names are transliterated from Mongolian (某某嘎查, 某某苏木)
MONGOLIAN_PLACE_KINDS = ("嘎查", "苏木")

MONGOLIAN_CHARS = set(
    "丽乌乐云仁仓代们伊伦克兰其冷力勒包卓古吉吐呼和哈哲喜嘎图坦塔增多央奇姆娃娅娜孙孟宁宝尔尼巴布干庆德思恩扎托拉敖敦斯日旦旭曲照蒙策希莫"
    "曼曾朗朝木来杰查根格桑楚楞次毕沁涛满特玛珍珠琪琴瓦登白索胡腾花苏荣萨赖赫达道那都鄂金钦锡门阿陶雅音顺额高鲁如赛罕汗麦素泰丁沙乙信迪松赉僧诺敏浩贺林贡温茹热很森岱彦奥色纳乎莱盖新青穆淖劳贵套米顿嫩齐棍夫双旺昆郎必更丹固亚"
)

#: Mongolian words of the steppe's culture and life, made of name syllables but naming no one
#: (a storytelling art, songs and dances, a festival, a cairn, a fiddle, a yurt, a herders' camp)
MONGOLIAN_COMMON_NOUNS = frozenset("""乌力格尔 好来宝 安代 安代舞 那达慕 敖包 祭敖包 马头琴 呼麦 蒙古包
    浩特 乌兰牧骑 查干萨日 祖拉""".split())

# ------------------------------------------------------------------ mechanisms

#: Generic heads of a named practice (guideline: 机制, 模式, 体系, 制度, 工程, 行动, 品牌, 平台, 服务).
MECH_HEADS: list[str] = sorted(
    set(
        """机制 工作机制 服务机制 长效机制 模式 工作模式 服务模式 治理模式 发展模式 管理模式 体系 工作体系
        服务体系 组织体系 培养体系 制度 工作制度 学习制度 工程 品牌工程 行动 专项行动 行动计划 品牌
        党建品牌 特色品牌 服务品牌 平台 服务平台 服务 活动 实践活动 专题教育 工作法 项目 课堂
        载体 架构 治理架构 闭环 计划 网络 数据库 机制建设 建设年 示范区 模式创新 App 场景 应用场景 宣讲 微宣讲 评选活动 任务 专项服务行动 系统 读书活动 标准 服务标准 书屋 建设 办理 小程序
        课堂项目 教育实践活动 举措 做法""".split()
    ),
    key=len,
    reverse=True,
)

#: Verbs that credit their subject with a practice (implements).
IMPLEMENT_VERBS: list[str] = sorted(
    set(
        """创新 推行 实施 构建 建立 打造 开展 探索 推出 形成 落实 实行 搭建 依托 用好 深化 健全 完善
        创建 推进 启动 运用 采取 采用 设立 推广 建成 创设 首创 试行 擦亮 叫响 开通 上线 引入 发起 培育
        构筑 建设 做实 做优 抓好 推动 全面推行 大力推行 持续深化 深入开展 常态化开展 积极开展 组建
        做强 做大 做精 做细 建强 抓实 抓细 抓牢 开设 开办 设置 建起 办起 借鉴 学习借鉴 引进 坚持和发展 执行 严格执行 共建 施行 推开 铺开
        总结出 提炼出 摸索出 探索出 总结提炼出 试点""".split()
    ),
    key=len,
    reverse=True,
)

#: The verbs among them that set up or improve a system (建立|积分考核机制, 完善|运行机制): before a
#: system written in dictionary words they describe the work, and name no practice.
IMPROVE_VERBS = ("完善", "健全", "构建", "建立")
assert set(IMPROVE_VERBS) <= set(IMPLEMENT_VERBS)

#: What a one-off event's name ends in (校园招聘, 政策宣讲会, 擂台比武): no practice (the
#: guideline: one-off events on a single day).
EVENT_ENDS = tuple("""招聘 招聘会 宣讲会 座谈会 培训班 比赛 大赛 比武 论坛 晚会 仪式 典礼 运动会 联欢会 研讨会 现场会
    推进会 开放日 宣传日 宣传周 宣传月""".split())
#: What a meeting's name ends in (某某征集会, 观摩会): an event too where the model decides; the
#: rules keep a meeting held again and again as a practice (民情恳谈会, 邻里交流会).
MEETING_ENDS = tuple("征集会 座谈会 推进会 现场会 观摩会 研讨会 交流会 恳谈会 见面会 动员会 表彰会 启动仪式".split())

#: Quoted words that are slogans, goals or figures of speech, not practices.
NOT_MECHANISMS = set(
    """党建引领 乡村振兴 高质量发展 红火 火红 两张皮 一张网 一池水 一盘棋 组合拳 最后一公里 最后一米
    急难愁盼 主心骨 领头雁 火车头 排头兵 压舱石 金钥匙 金扁担 最优解 大舞台 加速度 硬骨头 绊脚石
    主阵地 生力军 主力军 桥头堡
    指尖 耳边 关切点 需求点 信息员 监督员 示范员 移动探头 流动哨兵 末梢治理 关键少数 绝大多数 一老一小 法律明白人 一把手工程
    能人效应 大奖 造血 输血 微党课 链 两新 新 链上 盆景 亮点 风景 一对一 手把手 面对面 点对点 零距离
    心连心 肩并肩 最后100米 最后一百米 最后一厘米
    三个代表 三农 四个意识 四个自信 两个维护 两个确立 中国梦 五位一体 四个全面 不忘初心 牢记使命 初心使命
    平安建设 法治建设 基层党建 基层治理 社会治理 乡村治理 共同富裕 全面从严治党 四梁八柱
    十二五 十三五 十四五 十五五 基层群众自治制度 民族区域自治制度 人民代表大会制度""".split()
)

#: the nation's formula for grassroots governance, which pages quote whole or cut
#: (健全党组织领导的自治、法治、德治相结合的城乡基层治理体系): a goal, no practice of a place
NATIONAL_FORMULA = re.compile(r"自治、?法治、?德治相结合")

_SLOGAN_JOINS = re.compile(r"[+＋、，,·和与]")
_LONG_SLOGANS = sorted((w for w in NOT_MECHANISMS if len(w) >= 4), key=len, reverse=True)


def is_slogan(q: str) -> bool:
    """A slogan of :data:`NOT_MECHANISMS`, or two or more of its longer ones written together
    (乡村振兴共同富裕, 平安建设+法治建设), or the nation's formula (:data:`NATIONAL_FORMULA`): a
    goal, not a practice."""
    if q in NOT_MECHANISMS or NATIONAL_FORMULA.search(q):
        return True
    rest = _SLOGAN_JOINS.sub("", q)
    if len(rest) < 8:
        return False
    while rest:
        w = next((w for w in _LONG_SLOGANS if rest.startswith(w)), None)
        if w is None:
            return False
        rest = rest[len(w):]
    return True


#: the end of a title of honour: 某某示范社区, 某某试点村, 某某先进集体, 某某奖章, 五星级党支部, and
#: of a kind of unit aimed at (学习型党组织, 服务型社区)
HONOUR_TITLE = re.compile(r"(?:示范(?:单位|村|社区|嘎查)|试点(?:村|单位)|特色村寨|先进(?:集体|个人|单位)|模范(?:单位|集体)"
                           r"|文明(?:单位|村)|奖章|勋章|光荣在党[0-9]+年|(?:星级|[一二三四五六七]星)(?:党支部|党组织|支部)"
                           r"|型(?:社区|村|嘎查|党组织|机关|政府))$")
QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"', "「": "」", "『": "』"}


def has_cjk(s: str) -> bool:
    return bool(re.search(f"[{CJK}]", s))
