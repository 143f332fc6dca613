"""Practices named in quotes: a quoted name credited by a verb or closed by a practice head
(推行“积分制”, “三事分流”机制), unless a rejecting rule (an event, an outcome, a figure of
speech, a slogan, a body or a post) says the quote names something else.
"""

from __future__ import annotations

import re

from . import lexicon as L
from .rules import conf
from .spans import HEAD_RE, Span, is_common_word, jieba_tag, tokens

MECH_HEAD_RE = re.compile("|".join(map(re.escape, L.MECH_HEADS)))
#: the patterns :func:`find_mechanisms` tries at every quote, compiled once
_TO_HEAD_4 = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?=" + MECH_HEAD_RE.pattern + ")")
_UP_TO_HEAD_6 = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + MECH_HEAD_RE.pattern + ")")
_UP_TO_HEAD_8 = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:" + MECH_HEAD_RE.pattern + ")")
_TAIL_FILLER = re.compile(r"^(?:等|这|的|[0-9一二两三四五六七八九十]+[大项个种支])*")


VERB_RE = re.compile("(?:" + "|".join(map(re.escape, L.IMPLEMENT_VERBS)) + r")(?:了|起|出|好)?$")


QUOTE_RE = re.compile(r"“([^“”]{1,40})”|‘([^‘’]{1,40})’|\"([^\"]{1,40})\"")


#: a numbered practice: 三个聚焦, 两道防线, 三所共建, 三下乡, 一村一品
_NUMBERED = re.compile(r"^[一二两三四五六七八九十]+(?:个|项|道|所|下|统一|清|联|心|访|到|化|带|进|帮)[\u4e00-\u9fff]{1,5}$|^[一二两三四五六七八九十][\u4e00-\u9fff]{1,2}[一二两三四五六七八九十][\u4e00-\u9fff]{1,2}$")


#: heads a practice's canonical name leaves out: 机制, 模式, 体系, 制度, 工程, 行动, 品牌, 平台, 服务
_DROPPABLE = re.compile(r"(?:机制|模式|体系|制度|工程|行动|品牌|平台|服务|活动|专题教育|项目|工作法|建设|小程序|App|举措|做法)$")


def _word_with_a_described_head(core: str, head: str) -> bool:
    """“一站式”解纷平台: a quoted attribute (a word of jieba's b or a classes: 一站式, 便民),
    then words that say what the practice does before its head: the attribute alone names
    no practice."""
    return (jieba_tag(core) or "x")[:1] in ("a", "b") and MECH_HEAD_RE.fullmatch(head) is None


#: a practice's head after 服务 (“某某”服务机制), which makes the service a named practice
_SERVICE_THEN_HEAD = re.compile("服务(?:机制|模式|体系|平台|品牌|工程|行动|制度)")


def attribute_of_a_service(text: str, core: str, j: int) -> bool:
    """“一站式”服务: a quoted attribute ``core`` (one word of jieba's b class, which only
    modifies) closing at ``j`` before a bare 服务 says how a service is given, and names no
    practice (“一站式”受理, an attribute before what is done, may)."""
    return text.startswith("服务", j) and _SERVICE_THEN_HEAD.match(text, j) is None and (jieba_tag(core) or "x")[:1] == "b"


def _droppable_head(head: str) -> bool:
    return bool(_DROPPABLE.search(head)) and not head.endswith("行动计划")


#: one-off events are no practices (校园招聘, 政策宣讲会, 擂台比武)
_EVENT = re.compile("(?:" + "|".join(sorted(L.EVENT_ENDS, key=len, reverse=True)) + ")$")


#: what follows a quote (or a run of them) that names an event or a topic, not a practice
_EVENT_TAIL = re.compile(
    r"^(?:等)?(?:[0-9一二两三四五六七八九十多]+[大项个种场次])?[\u4e00-\u9fff]{0,6}?"
    r"(?:招聘|宣传|比赛|大赛|竞赛|晚会|演出|主题党日|主题活动)"
)


#: verbs of rating and naming: 评定了“……”等品牌 credits no one with running them
_RATED = re.compile(r"(?:评定|评选|评为|评出|命名|表彰|授予|认定)(?:了|为|出)?$")


#: what a quote may describe that is no practice: an outcome reached or a principle held
OUTCOME = re.compile(
    r"^(?:的)?[\u4e00-\u9fff]{0,4}?(?:理念|原则|目标|导向|局面|格局|态势|氛围|景象|思路|宗旨|口号|称号|精神|价值观|意识|共识|风尚|风气)(?=[,，。;；、!！]|$)"
)


#: the fixed patterns of :func:`mech_core_ok`, compiled once (not looked up at every call)
_MECH_CORE_OK_RE1 = re.compile(r"[。!?！？]")
_MECH_CORE_OK_RE2 = re.compile(r"[0-9.%]+")


def mech_core_ok(core: str) -> bool:
    c = core.strip()
    if _EVENT.search(c):
        return False
    if len(c) < 2 or L.is_slogan(c):
        return False
    if _MECH_CORE_OK_RE1.search(c):
        return False
    return not _MECH_CORE_OK_RE2.fullmatch(c)


def _core(m: re.Match) -> str:
    """What a quote holds (:data:`QUOTE_RE`'s one group that took part)."""
    return m.group(m.lastindex) if m.lastindex else ""


def _run_end(quotes: list[re.Match], idx: int) -> int:
    """The index of the last quote of the run that starts at ``idx`` (“A”“B”两大品牌)."""
    k = idx
    while k + 1 < len(quotes) and quotes[k + 1].start() - quotes[k].end() <= 1:
        k += 1
    return k


def _head_after(text: str, at: int) -> tuple[re.Match | None, str]:
    """The practice head after a quote (or a run of them) ending at ``at``, and the text after
    the fillers (等, 的, 两项): "……”的服务机制", "……”等评选活动"."""
    tail = _TAIL_FILLER.sub("", text[at:])
    head = MECH_HEAD_RE.match(tail)
    if head is None:
        # "……”的服务机制", "……”等评选活动": the head a few words on
        near = _UP_TO_HEAD_8.match(tail)
        gap = len(near.group()) - len(MECH_HEAD_RE.search(near.group()).group()) if near else 99
        nominal_gap = near and gap <= 4 and near.group().endswith(("模式", "机制", "体系", "制度")) and not any(
            f.startswith(("v", "p", "u", "c")) and f != "vn" for _, _, f in tokens(near.group()[:gap]))
        if near and (text[at : at + 1] in ("的", "等") or gap <= 2 or nominal_gap) \
                and not (gap > 0 and near.group().endswith(("建设", "办理"))) and not tail.startswith(("为", "作为", "成为")):
            # (以“……”为载体: the frame's 为, not a word of the name)
            head = near  # (“四议两公开”议定建设: 建设 is the verb's object there, no head)
    return head, tail


#: what stands between a practice spelled out and its name: “A+B”的“两联”机制, “A、B”——“两心”,
#: 以“A”为主要内容的“五个一”模式
_SPELLED_OUT = ("的", "——", "—", "即", "为主要内容的", "为内容的")
#: what joins the quoted parts of a numbered practice: ‘小网格’、开展‘小帮办’
_PART_JOIN = re.compile(r"、[\u4e00-\u9fff]{0,2}")
_COUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _apposition(text: str, quotes: list[re.Match], idx: int) -> Span | None:
    """“支部+网格+楼栋”的“三级联动”机制, “甲、乙、丙”——“三暖”服务: the first quote spells
    out the second, a numbered practice's name; so do the quoted parts listed before a
    numbered name that counts them (组建‘小网格’、开展‘小帮办’的‘两小’模式)."""
    m = quotes[idx]
    first, last = idx, idx
    while first > 0 and _PART_JOIN.fullmatch(text, quotes[first - 1].end(), quotes[first].start()):
        first -= 1
    while last + 1 < len(quotes) and _PART_JOIN.fullmatch(text, quotes[last].end(), quotes[last + 1].start()):
        last += 1
    if last + 1 >= len(quotes) or text[quotes[last].end() : quotes[last + 1].start()] not in _SPELLED_OUT:
        return None
    nxt = quotes[last + 1]
    name = _core(nxt).strip()
    if L.is_slogan(name):
        return None  # “接地气”的“三农”专题党课: a slogan, no practice's name
    if first < last:
        if _COUNT.get(name[:1]) != last - first + 1:
            return None  # parts that a numbered name does not count
    elif not MECH_HEAD_RE.match(_TO_HEAD_4.sub("", text[nxt.end() :])) and name[:1] not in _COUNT:
        return None
    return Span(m.start(), m.end(), text[m.start() : m.end()], "Mechanism", "mech-apposition",
                conf("mech-apposition"), canonical=name)


#: the fixed patterns of :func:`_figure_or_change`, compiled once (not looked up at every call)
_FIGURE_OR_CHANGE_RE1 = re.compile(r"把$")
_FIGURE_OR_CHANGE_RE2 = re.compile(r"(?:变成|变为|化为|转化为|转化成)")
_FIGURE_OR_CHANGE_RE3 = re.compile(r"(?:打破|摒弃|改变|告别|破除|避免|防止|杜绝|扭转)[\u4e00-\u9fff]{0,4}$")
_FIGURE_OR_CHANGE_RE4 = re.compile(r"从$")
_FIGURE_OR_CHANGE_RE5 = re.compile(r"^到“")
_FIGURE_OR_CHANGE_RE6 = re.compile(r"”到$")


def _figure_or_change(text: str, m: re.Match) -> bool:
    """把“……”变成“……”, 打破“……”的传统模式, 从“……”到“……”: a figure of speech, a practice
    left behind or a change described, not a practice carried out (rule ``practice-figure``)."""
    after = text[m.end() :]
    if _FIGURE_OR_CHANGE_RE1.search(text[: m.start()]) and _FIGURE_OR_CHANGE_RE2.match(after):
        return True
    if _FIGURE_OR_CHANGE_RE3.search(text[max(0, m.start() - 8) : m.start()]):
        return True
    return bool(_FIGURE_OR_CHANGE_RE4.search(text[max(0, m.start() - 1) : m.start()]) or _FIGURE_OR_CHANGE_RE5.match(after)
                or _FIGURE_OR_CHANGE_RE6.search(text[: m.start()]))


#: the fixed patterns of :func:`_not_a_practice`, compiled once (not looked up at every call)
_NOT_A_PRACTICE_RE1 = re.compile(r"^(?:等)?[0-9一二两三四五六七八九十]+[大项个种支][\u4e00-\u9fff]")
_NOT_A_PRACTICE_RE2 = re.compile(r"^等[\u4e00-\u9fff]{0,6}?(?:事项|业务|问题|难题|领域|行业|环节|产品|手续)")
_NOT_A_PRACTICE_RE3 = re.compile(r"(?:代表|委员)$")


def _not_a_practice(text: str, m: re.Match, core: str, run_end: int, head: re.Match | None) -> bool:
    """Does what follows or fills the quote make it an event, an outcome, counted things, a
    post, a team or two things related rather than a practice?  (Rules ``practice-event``,
    ``practice-outcome``.)"""
    raw_tail = text[run_end:]
    if _EVENT_TAIL.match(raw_tail) or OUTCOME.match(raw_tail):
        return True  # “……”主题党日, 形成“……”的良好局面: events, topics, outcomes, principles
    if not head and _NOT_A_PRACTICE_RE1.match(raw_tail) and not _counted_items(text, m, core):
        return True  # 建立“……”和“……”两个台账: counted things of a kind that is no practice
    if not head and _NOT_A_PRACTICE_RE2.match(raw_tail):
        return True  # “……”“……”等便民审批事项: matters of business, not practices
    if _NOT_A_PRACTICE_RE3.search(core) or core.endswith(tuple(L.TEAM_HEADS)) or (head is None and L.QUOTED_TEAM.fullmatch(f"“{core}”")):
        return True  # “五星代表”, “两委委员”: posts; “马背宣讲团”: a team, a body
    paired = (text[m.end() : m.end() + 2] == "与“") or (m.start() >= 2 and text[m.start() - 2 : m.start()] == "”与")
    return paired and not head  # 推动“……”与“……”深度融合: two things related, not practices


#: the fixed patterns of :func:`_enacted`, compiled once (not looked up at every call)
_ENACTED_RE1 = re.compile(r"(?:推行|实行|实施|推出|建立)(?:了)?$")
_ENACTED_RE2 = re.compile(r"(?:推行|实行|实施|建立|推动|落实)(?:(?!的)[\u4e00-\u9fff、“”]){1,24}$")
_ENACTED_RE3 = re.compile(r"(?:[,，。;；]|$)")


def _enacted(text: str, m: re.Match, run_end: int) -> bool:
    """实行“日巡查、周研判、月通报”: a routine put in force, though its name is a list."""
    before = text[max(0, m.start() - 6) : m.start()]
    return bool(_ENACTED_RE1.search(before)) or bool(
        _ENACTED_RE2.search(text[max(0, m.start() - 32) : m.start()]) and _ENACTED_RE3.match(text[run_end:]))


#: the fixed patterns of :func:`_said_or_body`, compiled once (not looked up at every call)
_SAID_OR_BODY_RE1 = re.compile(r"[说道]:?$")


def _said_or_body(text: str, m: re.Match) -> bool:
    """A quote after 说 or 表示 is speech; one right before a body's head names the body
    (“科技助农”党员攻坚队, “红马甲”党员志愿服务队)."""
    before, after = text[max(0, m.start() - 6) : m.start()], text[m.end() :]
    if (before.endswith(("说", "说:", "道", ":", "：", "表示")) or _SAID_OR_BODY_RE1.search(before)) and not _titled(text, m):
        return True
    if before.endswith(L.ACCOUNT_BEFORE) or after.startswith(L.ACCOUNT_AFTER):
        return True  # 点击上方蓝字“某某融媒”关注我们: a public account's name, no practice
    if _core(m).endswith(_FIRM_OR_TEAM):
        return True  # 组建“某某物业公司”: a firm or a team named in quotes whole is a body
    body = _UP_TO_BODY_HEAD.match(after)
    if body is None or MECH_HEAD_RE.match(after):
        return False
    gap = body.group()[: -len(HEAD_RE.search(body.group()).group())]
    # “甲+乙”形式入驻|某中心: a verb between the quote and the head, the body is its object
    return not any(gap[a:b] in L.NAME_BREAK_VERBS for a, b, _ in tokens(gap))


_FIRM_OR_TEAM = tuple(sorted(L.COMPANY_HEADS | L.TEAM_HEADS | {"工作室", "调解室"}, key=len, reverse=True))
#: a body's head within six characters (“科技助农”党员攻坚队)
_UP_TO_BODY_HEAD = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + HEAD_RE.pattern + ")")


#: the fixed patterns of :func:`_framed`, compiled once (not looked up at every call)
_FRAMED_RE1 = re.compile(r"以$")
_FRAMED_RE2 = re.compile(r"^(?:为(?:核心|牵引|抓手|载体|契机|引领|主线|龙头|依托|平台|统领|切口|突破口|切入点)|方式|助推|推动|促进|带动|引领|撬动)")
_FRAMED_RE3 = re.compile(r"发挥[\u4e00-\u9fff]{0,6}$")
_FRAMED_RE4 = re.compile(r"^(?:的)?(?:作用|功能|优势)")
_FRAMED_RE5 = re.compile(r"以[^,，。;；:：以]{2,40}、[0-9一二两三四五六七八九十百千万余多个家处]*$")
_FRAMED_RE6 = re.compile(r"^为(?:核心|牵引|抓手|载体|阵地|依托|平台)")


def _framed(text: str, m: re.Match) -> bool:
    """以“一网通办”为核心, 发挥“……”的作用, 以……、20个“红色加油站”为阵地: the practice a
    body builds its work on."""
    after = text[m.end() :]
    return (bool(_FRAMED_RE1.search(text[max(0, m.start() - 1) : m.start()])) and bool(_FRAMED_RE2.match(after))) or (bool(_FRAMED_RE3.search(text[max(0, m.start() - 9) : m.start()]))
           and bool(_FRAMED_RE4.match(after))) or (
        bool(_FRAMED_RE5.search(text[max(0, m.start() - 45) : m.start()]))
        and bool(_FRAMED_RE6.match(after)))


#: the fixed patterns of :func:`_far_verb`, compiled once (not looked up at every call)
_FAR_VERB_RE1 = re.compile(r"(?:每[月周季年]|每季度|定期|常态化|按月|按季)[^。;；]{0,24}?召开[^,，。;；]{0,24}$")
_FAR_VERB_RE2 = re.compile(r"(?:推行|实行|实施|推出|建立|探索|开设|设立|开展|打造|搭建|创设|坚持和发展|借鉴)(?:(?!的)[\u4e00-\u9fff、“”]){1,24}$")
_FAR_VERB_RE3 = re.compile(r"(?:[,，。;；]|$)")


def _far_verb(text: str, m: re.Match, run_end: int, verb: bool) -> bool:
    """推行嘎查事务“明白卡”: the verb, then who or what the practice is for, then its name
    closing the clause; 每季度召开一次“骑手恳谈会”: a meeting held on a schedule."""
    before = text[max(0, m.start() - 6) : m.start()]
    scheduled = bool(_FAR_VERB_RE1.search(text[max(0, m.start() - 50) : m.start()]))
    return scheduled or not verb and bool(_FAR_VERB_RE2.search(text[max(0, m.start() - 32) : m.start()])) \
        and bool(_FAR_VERB_RE3.match(text[run_end:])) and not _RATED.search(before)


#: the fixed patterns of :func:`_shaped`, compiled once (not looked up at every call)
_SHAPED_RE1 = re.compile(r"[+＋]|[一二两三四五六七八九十百千万0-9]{1,2}[\u4e00-\u9fff]{1,3}[一二两三四五六七八九十0-9]")
_SHAPED_RE2 = re.compile(r"[0-9]{1,2}(?:·[0-9]{1,2}){2,}")


def _shaped(core: str) -> bool:
    """A name by its shape: 党建+网格, 三个聚焦, “3·2·1”, and a party body's kind made big
    (“大支部”, “大党总支”: a way of organising that draws other bodies in, no one body)."""
    return bool(_SHAPED_RE1.search(core)) or bool(
        _NUMBERED.match(core)) or bool(_SHAPED_RE2.fullmatch(core)) or bool(_MADE_BIG.fullmatch(core))


#: a party body's kind made big (the model of organising named after it)
_MADE_BIG = re.compile(r"大(?:党委|党工委|工委|支部|党支部|党总支|党组织)")


#: the fixed patterns of :func:`_rejected`, compiled once (not looked up at every call)
_REJECTED_RE1 = re.compile(r"[0-9]{2,4}")
_REJECTED_RE2 = re.compile(r"^[\u4e00-\u9fff]{1,10}[“\"]大")
_REJECTED_RE3 = re.compile(r"[、,，]")
_REJECTED_RE4 = re.compile(r"(?:制|制度|机制|管理|模式|体系|工程|行动|计划|平台)$")
_REJECTED_RE5 = re.compile(r"[、,，+·]")


def _rejected(text: str, quotes: list[re.Match], idx: int, head: re.Match | None) -> bool:
    """Does a rejecting rule (``practice-event``, ``-outcome``, ``-figure``, ``-slogan``) refuse the quote?"""
    m = quotes[idx]
    core, run_end = _core(m), quotes[_run_end(quotes, idx)].end()
    numbered_head = bool(_REJECTED_RE1.fullmatch(core.strip())) and bool(_UP_TO_HEAD_6.match(text[m.end() :]))
    if not mech_core_ok(core) and not numbered_head:
        return True  # (but “135”工作法 is a practice named by its numbers)
    if core.startswith("小") and _REJECTED_RE2.match(text[m.end() :]):
        return True  # 以“小网格”撬动“大治理”: a slogan of small and great, not a practice
    if _figure_or_change(text, m) or _not_a_practice(text, m, core, run_end, head) or _said_or_body(text, m):
        return True
    if L.HONOUR_TITLE.search(core.strip()):
        return True  # 创建“某某型社区”, “四星党支部”: a title or a kind of unit aimed at, not a practice
    if len(_REJECTED_RE3.split(core)) >= 2 and not head and not _enacted(text, m, run_end) \
            and not _counted_items(text, m, core):
        return True  # a slogan of parallel phrases (选、育、管、用) without a practice's name
    practice_word = bool(_REJECTED_RE4.search(core))
    # 深植红色基因汇聚团结力量: a slogan or a title, not a practice's name
    return len(core) > 10 and not _REJECTED_RE5.search(core) and not (head and _droppable_head(head.group())) \
        and not practice_word


#: the fixed patterns of :func:`quoted_practice`, compiled once (not looked up at every call)
_QUOTED_PRACTICE_RE1 = re.compile(r"(?:的|了|以|出|起|[，,、])$")


#: “一站”即设立某某服务站, “一车”即开通“某某直通车”: a numbered part defined by what is
#: set up, the practice's own name (quoted or not, to the end of the clause)
_DEFINED = re.compile(r"即(?:" + "|".join(map(re.escape, L.IMPLEMENT_VERBS)) + r"|开办)了?"
                      r"(?:“([^“”]{2,20})”|([\u4e00-\u9fff]{3,12}))(?=[，。；,;！!]|$)")


def _defined(text: str, m: re.Match) -> Span | None:
    """A quoted part defined right after it by the practice it sets up: that practice."""
    d = _DEFINED.match(text, m.end())
    if d is None or not _NUMBERED_PART.match(_core(m).strip()):
        return None
    return Span(m.start(), m.end(), text[m.start() : m.end()], "Mechanism", "mech-apposition",
                conf("mech-apposition"), canonical=d.group(1) or d.group(2))


#: a count of what a quote lists and the kind it closes: “甲、乙、丙”三项清单
_COUNTED_KIND = re.compile(r"([一二两三四五六七八九十])(?:项|个|张|类|大)(?:工作)?(?:清单|台账|机制|制度|体系|举措)")


def _counted_items(text: str, m: re.Match, core: str) -> bool:
    """Does a count of its items and their kind follow a quote that lists them (“甲、乙、丙”三项
    清单): the quote names the practice the count sums up."""
    c = _COUNTED_KIND.match(text, m.end())
    return c is not None and _COUNT.get(c.group(1)) == len([x for x in core.split("、") if x]) > 1


#: a part of a numbered practice: 一站, 一车, 一核, 两翼
_NUMBERED_PART = re.compile(r"^[一两二三四五六七八九十][\u4e00-\u9fff]{1,2}$")


#: the fixed patterns of :func:`quoted_practice`, compiled once (not joined and looked up
#: in the module's cache at every quote)
#: a body or a place opening a case's title, then a colon (一、某镇党委：“……”, 某某社区:“……”)
_TITLED_BY = re.compile(r"(?:^|(?<=[\n、。；;]))[^，,。；;、：:“”\n]{2,20}(?:" + HEAD_RE.pattern
                        + r"|社区|村|嘎查|镇|苏木|街道|乡|旗|县|区|市)[:：]$")
def _titled(text: str, m: re.Match) -> bool:
    """一、某镇党委：“某某同议”激活……: a case's title, the body or place that carries the practice
    out, a colon and the practice's short quoted name (no speaker's words)."""
    return len(_core(m)) <= 12 and _TITLED_BY.search(text, max(0, m.start() - 24), m.start()) is not None


_NAMED_BY_HEAD = re.compile("(?:" + MECH_HEAD_RE.pattern + r"|[建强提攻推落服][设化升坚进实务]年|清单|积分榜|红黑榜)$")
_LISTED_BEFORE_HEAD = re.compile(
    r"^(?:、[^、,，。;；“”]{2,12}){1,4}等(?:[0-9一二两三四五六七八九十多]+[项个种类])?(?:" + MECH_HEAD_RE.pattern + ")")


def quoted_practice(text: str, quotes: list[re.Match], idx: int, heading: bool) -> tuple[Span | None, bool]:
    """The practice a quote names, if it names one, and whether it stands quoted mid-list."""
    appos = _apposition(text, quotes, idx) or _defined(text, quotes[idx])
    if appos is not None:
        return appos, False
    m = quotes[idx]
    core, k = _core(m), _run_end(quotes, idx)
    head, tail = _head_after(text, quotes[k].end())
    if _rejected(text, quotes, idx, head) or (heading and not head):
        return None, False
    first = idx
    while first > 0 and quotes[first].start() == quotes[first - 1].end():
        first -= 1  # 打造“甲”“乙”等……品牌: quotes written one after another share the verb before the first
    if first != idx and not text.startswith("等", quotes[k].end()):
        first = idx  # (but only a list closed by 等 is one list)
    before = text[max(0, quotes[first].start() - 6) : quotes[first].start()]
    # 推出“……”, 推行了“……”: the verb right before the quote, after an aspect particle
    verb = bool(VERB_RE.search(before) or VERB_RE.search(_QUOTED_PRACTICE_RE1.sub("", before)))
    named_by_head = len(core) > 3 and bool(_NAMED_BY_HEAD.search(core))  # “村务事项清单”
    # 开展理论宣讲、“田埂议事”、送医上门等活动: the quote marks the name in a list that
    # a practice head closes
    listed = not head and bool(_LISTED_BEFORE_HEAD.match(text[quotes[k].end() :]))
    framed, far_verb = _framed(text, m), _far_verb(text, m, quotes[k].end(), verb)
    counted = _counted_items(text, m, core)
    verb = verb or _titled(text, quotes[first])
    if not (head or verb or _shaped(core) or named_by_head or framed or listed or far_verb or counted) \
            or (len(core) > 24 and not head):
        return None, False
    variant = "head" if head else "verb" if verb or framed or listed else ""
    end, canonical = m.end(), core.strip()
    if head and k == idx:
        end = quotes[k].end() + (len(text[quotes[k].end():]) - len(tail)) + head.end()
        # the generic head goes (“三事分流”机制 → 三事分流) unless the rest is no name on its
        # own (“贴心”服务) or the head is part of the name (“乡土人才”数据库); a head
        # shared by a list (“A”“B”等应用场景) stays with the list
        attached = text[quotes[k].end() : end] == head.group()
        if attached and head.group() == "服务" and attribute_of_a_service(text, canonical, quotes[k].end()):
            return None, False
        if attached and (not _droppable_head(head.group()) or is_common_word(canonical)
                         or _word_with_a_described_head(canonical, head.group())):
            canonical = (canonical + text[quotes[k].end() : end]).replace("“", "").replace("”", "")
    # 评定了“A”“B”等品牌: who rates or names practices does not carry them out (practice-rated)
    j = idx
    while j > 0 and quotes[j].start() - quotes[j - 1].end() <= 1:
        j -= 1
    rated = bool(_RATED.search(text[max(0, quotes[j].start() - 6) : quotes[j].start()]))
    sp = Span(m.start(), end, text[m.start() : end], "Mechanism", "mech-quoted", conf("mech-quoted", variant),
              canonical=canonical, credit=not rated)
    return sp, listed and text[m.start() - 1 : m.start()] == "、"
