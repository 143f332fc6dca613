"""Mechanism candidates: the rules' practices, quoted phrases, and unquoted names closed by a practice's head."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ...extract import lexicon as L
from ...extract import segment
from ...extract.quoted import OUTCOME, attribute_of_a_service
from ...extract.spans import token_bounds, tokens
from ...model import PLACE_TYPES, Mention, Sentence
from .view import PUNCT, Candidate, DocView, bucket

#: a quoted phrase: “…”, ‘…’, "…", 「…」
QUOTE_RE = re.compile(r"“([^“”]{1,30})”|‘([^‘’]{1,30})’|\"([^\"\n]{1,30})\"|「([^「」]{1,30})」")
#: what opens a count-named practice: 三治, 五个一, 1+N
_NUMERAL = re.compile(r"^[0-9一二两三四五六七八九十百千]")
_SEP = re.compile(r"[、，,·•+＋—\-]")
_MECH_WORD = re.compile("|".join(map(re.escape, sorted(
    {"机制", "模式", "体系", "制度", "工程", "行动", "品牌", "平台", "服务", "工作法", "积分", "清单", "议事",
     "联动", "网格", "驿站", "课堂", "讲堂", "治理", "共建", "之家", "管家", "小院", "联盟", "书记", "代办"},
    key=len, reverse=True))))
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]?五|[0-9]{4}(?:年|—|-|至)?(?:[0-9]{4}年?)?")
_HONOUR = re.compile(r"(?:评为|荣获|获评|授予|命名|称号|荣誉)")
_STOP = re.compile(r"[。！？!?]")
#: what gives the name a person, a body or a place is called by (喻为, 誉为, 称为, 称作)
_CALLED = re.compile(r"(?:喻为|誉为|称为|称作|号称|称之为)[^“‘]{0,2}$")
_PRONOUN = re.compile(r"[我你他她们]")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
#: a shortcoming named (停车难, 技能不足, 缺人手) and the verbs that tackle one (破解, 攻克)
_PROBLEM = re.compile(r"难|缺|不足|不够|不强|不高|不畅|不到位|不规范")
_SOLVING = re.compile(r"解|破|治|消除|攻克|克服")
_ITEM_SEP = re.compile(r"[、，,；;]")
#: the end of a meeting's name (某某征集会, 座谈会): a one-off event, the guideline's
_MEETING = re.compile("(?:" + "|".join(sorted({*L.EVENT_ENDS, *L.MEETING_ENDS}, key=len, reverse=True)) + ")$")
#: a post's title ending the quote (某某书记, 某某主任)
_TITLE_END = re.compile("(?:" + "|".join(map(re.escape, sorted(L.LEAD_TITLES, key=len, reverse=True))) + ")$")
#: the time a campaign is named by (议事日, 报到周, 服务月, 规范年), not a date (9月22日)
_CAMPAIGN_TIME = re.compile(r"[\u4e00-\u9fff](?:日|周|月|年)(?:活动)?$")
#: the end of a party body's name, which a practice's name of six characters or more never has
_PARTY_BODY_END = re.compile(r"(?:委员会|党支部|党总支|党委|党工委)$")
#: the end of a body's name (某某委员会, 某某党支部): a body, not a practice
#: a verb that sets up, names or puts in force what follows, a count between (设有33个)
_SET_UP_BEFORE = re.compile("(?:" + "|".join(map(re.escape, sorted({*L.IMPLEMENT_VERBS, "成立", "设有", "实现", "创新", "建立起"},
                                                                       key=len, reverse=True)))
                            + r")(?:了|起|出)?(?:[0-9一二两三四五六七八九十百]+[个支家处项])?$")
#: a verb that sets up or improves a system, right before an unquoted name
_IMPROVE_BEFORE = re.compile("(?:" + "|".join(L.IMPROVE_VERBS) + ")[了起]?$")
#: the heads of a system such a verb improves
_GENERIC_SYSTEM = re.compile(r"(?:机制|体系|制度)$")
#: what a practice's name is written before: its work, its activities, a list of measures
_WORK_AFTER = re.compile(r"(?:“[^”]{1,20}”)*(?:等)?(?:工作|活动|举措|措施|做法|项目|建设|创建|运行机制|工作法)")
_BODY_END = re.compile(r"(?:委员会|党支部|党总支|党委|党工委|工作室|调解室)$")
#: what a quoted name is written before when it names an honour chosen, a one-off event, a
#: product or a paper's column (the guideline: none is a practice)
_EVENT_AFTER = re.compile(r"(?:等)?(?:评选|比赛|竞赛|大赛|知识竞答|演讲|晚会|联欢|汇演|运动会|征文|品种|打卡点|表彰|栏目|专栏|系列报道)")


def mechanism_feats(view: DocView, sent: Sentence, i: int, j: int, core: tuple[int, int], rule: Mention | None) -> list[str]:
    text = sent.text
    ci, cj = core
    q = text[ci:cj]
    left, right = text[max(0, i - 4):i], text[j:j + 4]
    f = ["bias-mech", "len:" + bucket(len(q), (2, 3, 4, 5, 6, 8, 10, 14))]
    f.append("quoted" if (ci, cj) != (i, j) else "unquoted")
    if rule is not None:
        f += ["rule", "rule:" + rule.evidence.extractor]
    else:
        f.append("norule")
    f += ["end1:" + q[-1:], "end2:" + q[-2:], "start1:" + q[:1], "start2:" + q[:2]]
    f += ["R1:" + right[:1], "R2:" + right[:2], "R3:" + right[:3], "L1:" + left[-1:], "L2:" + left[-2:]]
    toks = tokens(text)
    starts, ends = token_bounds(text)
    k = bisect_right(ends, i)  # the words ending by i
    before = [text[a:b] for a, b, _ in toks[max(0, k - 2):k]]
    k = bisect_left(starts, j)  # the words from j on
    after = [text[a:b] for a, b, _ in toks[k:k + 2]]
    if before:
        f.append("Lw:" + before[-1])
        if len(before) > 1:
            f.append("Lw2:" + before[-2])
    if after:
        f.append("Rw:" + after[0])
    inner = [fl for a, b, fl in tokens(q)]
    if inner:
        f += ["qtag_last:" + inner[-1], "qtag_first:" + inner[0], "qwords:" + bucket(len(inner), (1, 2, 3, 4, 6))]
    if _NUMERAL.match(q):
        f.append("numeral")
    if _SEP.search(q):
        f.append("sep")
    if m := _MECH_WORD.search(q):
        f += ["mechword", "mechword:" + m.group()]
    if L.is_slogan(q):
        f.append("slogan")
    if _PLAN_PERIOD.fullmatch(q):
        f.append("plan-period")  # “十四五”规划, “2035”: a plan's period, not a practice
    f += sorted({"qc:" + ch for ch in q if "\u4e00" <= ch <= "\u9fff"})
    if any(h in right[:4] for h in ("机制", "模式", "体系", "制度", "工作法", "品牌", "工程", "行动", "平台")):
        f.append("head-after")
    if (ci, cj) != (i, j) and _EVENT_AFTER.match(text, j):
        f.append("event-after")  # “某某”评选, “某某”演讲比赛, “某某”品种: an honour, a one-off event, a product
    if (ci, cj) != (i, j) and OUTCOME.match(text[j:]):
        f.append("outcome-after")  # “……”的原则, “……”的良好局面: a principle held, an outcome reached
    if _HONOUR.search(text[max(0, i - 8):i] + text[j:j + 6]):
        f.append("honour")
    if _CALLED.search(text, max(0, i - 4), i):
        f.append("nickname")  # 被人喻为“……”, 被称作“……”: what someone or something is called
    if text.endswith(L.ACCOUNT_BEFORE, 0, i) or text.startswith(L.ACCOUNT_AFTER, j):
        f.append("account")  # 点击上方蓝字“某某融媒”关注我们: a public account's name
    inside = {m.type for a, b, m in view.spans(sent) if a >= ci and b <= cj}
    if inside:
        f += ["has:" + t for t in sorted(inside)]
        if any(b - a == cj - ci for a, b, m in view.spans(sent) if a >= ci and b <= cj and m.type != "Mechanism"):
            f.append("is-entity")
    if sent.is_heading:
        f.append("heading")
    if _SET_UP_BEFORE.search(text, 0, i):
        f.append("set-up-before")  # 成立“某某”, 设有33个“某某”, 全面推行“某某”
    if (ci, cj) == (i, j) and _IMPROVE_BEFORE.search(text, max(0, i - 5), i) and _GENERIC_SYSTEM.search(q) \
            and all(segment.freq(q[a:b]) > 0 and not fl.startswith(("nr", "ns", "nz")) for a, b, fl in tokens(q)):
        f.append("improved-system")  # 进一步完善|网格服务运行机制, 建立|积分考核机制: a system described in dictionary words, no practice named
    if _WORK_AFTER.match(text, j):
        f.append("work-after")  # “某某”工作, “某某”活动, “某某”等举措
    n = view.count(sent, q)
    f.append("repeat:" + bucket(n, (1, 2, 3)))
    if _STOP.search(q):
        f.append("sentence-quote")
    if _PRONOUN.search(q):
        f.append("pronoun")
    if L.HONOUR_TITLE.search(q):
        f.append("honour-title")  # 某某示范社区, 光荣在党50年: a title of honour (the guideline: no practice)
    if _CAMPAIGN_TIME.search(q) and len(q) >= 4 and not _NUMERAL.match(q):
        f.append("campaign-time")  # 某某服务日, 某某报到周, 某某规范年: a campaign named by its time
    if (ci, cj) != (i, j) and (rule is None or rule.canonical == q) and view.part_of_a_quote(sent, q):
        f.append("part-of-a-quote")  # “一图” after “一图一册一群一会”工作法: a part the practice spells out
        # (“一某”即开办某某: a rule that reads the part as the name it stands for keeps it)
    if _MEETING.search(q):
        f.append("meeting")  # 某某征集会: a one-off event
    if (t := _TITLE_END.search(q)) and t.start() > 0 and not _MECH_WORD.search(q[:t.start()]):
        f.append("title-end")  # “田坎书记”, “板凳主任”: what holders of a post are called
    if _BODY_END.search(q) and not _NUMERAL.match(q):
        f.append("body-name")  # 某某委员会: a body (but 四星党支部 is a title, 大党委 a model)
        if len(q) >= 6 and not _SEP.search(q) and _PARTY_BODY_END.search(q):
            f.append("body-full-name")  # “某某工程党总支委员会”: a body named whole, no practice
    items = [t for t in _ITEM_SEP.split(q) if t]
    if items and all(_PROBLEM.search(t) for t in items) and not _SOLVING.search(q):
        f.append("problem")  # 就医难、停车难, 有热情缺方法: what is wrong, not what is done about it
    if _HAN_ONLY.fullmatch(q) is None and not _SEP.search(q) and not _NUMERAL.match(q):
        f.append("mixed")
    return f


def mechanism_candidates(view: DocView) -> list[list[Candidate]]:
    """Groups of readings of one practice's name (at most one of a group is taken): the
    rules' mechanisms, and every other quoted phrase not already a name of a place, body
    or person, each alone."""
    out: list[Candidate] = []
    groups: list[list[Candidate]] = []
    for sent in view.x.doc.sentences:
        rule = view.spans(sent, ("Mechanism",))
        taken: list[tuple[int, int]] = []
        for i, j, m in rule:
            core = (i + 1, j - 1) if j - i > 2 and sent.text[i] in "“‘\"「" and sent.text[j - 1] in "”’\"」" else (i, j)
            out.append(Candidate("Mechanism", sent, i, j, m.canonical, mechanism_feats(view, sent, i, j, core, m), m))
            taken.append((i, j))
        others = view.spans(sent, PLACE_TYPES + ("Organization", "Person"))
        quotes = list(QUOTE_RE.finditer(sent.text))
        # a quote inside a quote (“……我们的‘某某’。”): a practice named in someone's words
        quotes += [q for qm in quotes if qm.end() - qm.start() > 8
                   for q in QUOTE_RE.finditer(sent.text, qm.start() + 1, qm.end() - 1)]
        for qm in quotes:
            i, j = qm.span()
            gi = next(k for k in range(1, 5) if qm.group(k) is not None)
            ci, cj = qm.span(gi)
            core = sent.text[ci:cj].strip()
            if not core or len(core) < 2 or any(a < j and i < b and not (a < i and j < b) for a, b in taken):
                continue  # (a quote inside one taken is read on its own too)
            if any(a <= ci and cj <= b for a, b, _ in others):
                continue  # inside a body's name: “马背”宣讲团
            if attribute_of_a_service(sent.text, core, j):
                continue  # “一站式”服务: how a service is given, no practice
            out.append(Candidate("Mechanism", sent, i, j, core, mechanism_feats(view, sent, i, j, (ci, cj), None)))
            taken.append((i, j))
        groups.extend(_headed_practices(view, sent, taken))
    return [[c] for c in out] + groups


#: heads that close an unquoted practice's name (文化惠民工程, 专人跟踪机制, 一站式解纷平台)
_PRACTICE_HEAD = re.compile("|".join(map(re.escape, sorted(
    {"机制", "制度", "体系", "模式", "平台", "工程", "计划", "行动", "品牌", "联盟", "讲堂", "驿站", "工作法", "积分制",
     "负责制", "责任制", "联动", "服务队", "宣讲团", "大走访", "示范点", "中心户", "堡垒户"}, key=len, reverse=True))))
_IMPLEMENT_BEFORE = re.compile("(?:" + "|".join(map(re.escape, L.IMPLEMENT_VERBS)) + ")$")


def _headed_practices(view: DocView, sent: Sentence, taken: list[tuple[int, int]]) -> list[list[Candidate]]:
    """Unquoted names closed by a practice head, the rules' or not: one group a head, its
    readings opening one to five words before it (the model chooses the left edge)."""
    text = sent.text
    toks = tokens(text)
    ends = token_bounds(text)[1]
    others = view.spans(sent, PLACE_TYPES + ("Organization", "Person"))
    out = []
    for hm in _PRACTICE_HEAD.finditer(text):
        h, e = hm.start(), hm.end()
        if any(a < e and h < b for a, b in taken):
            continue
        group = []
        n = 0
        before = toks[:bisect_right(ends, h)]
        for k in range(len(before) - 1, -1, -1):
            a, b, flag = before[k]
            if PUNCT.search(text[a:b]):
                break
            n += 1
            if n > 5 or e - a > 16:
                break
            if any(pa <= a < pb < e for pa, pb, _ in others):
                continue  # opens inside a place's or body's name
            q = text[a:e]
            f = mechanism_feats(view, sent, a, e, (a, e), None)
            f += ["src:head-span", "head:" + hm.group(), "hwords:" + str(n), "hs-first:" + flag[:1],
                  "hs-prev:" + (before[k - 1][2][:1] if k else "^")]
            if _IMPLEMENT_BEFORE.search(text, 0, b) and b - a > 1:
                f.append("hs-opens-with-verb")
            if _IMPLEMENT_BEFORE.search(text, 0, a):
                f.append("verb-before")
            if a > 0 and text[a - 1] in "、，,":
                f.append("after-sep")
            if len(q) > len(hm.group()):
                group.append(Candidate("Mechanism", sent, a, e, q, f))
        if group:
            out.append(group)
    return out
