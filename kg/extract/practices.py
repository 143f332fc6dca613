"""Named practices in one sentence: quoted names credited by a verb or closed by a head, and
unquoted systems closed by 机制, 制度, 体系, 制 after the verb that sets them up.
"""

from __future__ import annotations

import re

from ..timing import timed
from . import lexicon as L
from . import segment
from .quoted import QUOTE_RE, VERB_RE, mech_core_ok, quoted_practice
from .rules import conf
from .spans import (
    VERB_START,
    Span,
    left_name_start,
    tokens,
)

_UNQUOTED_HEADS = ("积分制管理", "积分制", "负责制", "机制", "制度", "体系", "模式", "平台", "系统", "数据库", "服务网络")
_UNQUOTED_HEAD_RE = re.compile("|".join(_UNQUOTED_HEADS))


#: words that end in 制 and name no system of their own (体制, 编制, 控制)
_WORDS_IN_ZHI = {"体制", "机制", "编制", "控制", "限制", "建制", "学制", "税制", "法制", "专制", "管制", "强制",
                 "抵制", "节制", "牵制", "遏制", "压制", "克制", "研制", "绘制", "复制", "印制", "定制", "录制"}


@timed("mechanisms")
def find_mechanisms(text: str, *, heading: bool = False) -> list[Span]:
    """Named practices: quoted names credited by a verb or closed by a practice head
    (“三事分流”机制, 推行“积分制”), unquoted names closed by 机制/制度/体系/负责制 right after an
    implementing verb, and the items of a list closed by "N项工作机制"."""
    out: list[Span] = []
    quoted_in_list: set[int] = set()
    quotes = list(QUOTE_RE.finditer(text))
    # a speaker's words quote their practices in single quotes: “我们推行‘三事分流’机制”
    runs = [quotes] + [inner for q in quotes if q.group(1) is not None and "‘" in q.group(1)
                       and (inner := list(QUOTE_RE.finditer(text, q.start() + 1, q.end() - 1)))]
    for run in runs:
        for idx in range(len(run)):
            sp, mid_list = quoted_practice(text, run, idx, heading)
            if sp is not None:
                out.append(sp)
            if mid_list:
                # 理论宣讲、“田埂议事”、送医上门等: quoted mid-list, the quotes single out the name
                quoted_in_list.add(run[idx].start())
    taken = {k for s in out for k in range(s.start, s.end)}
    _unquoted(text, out, taken)
    _in_force(text, out, taken)
    _projects(text, out, taken)
    _lists(text, out, taken, quoted_in_list)
    return sorted(out, key=lambda s: s.start)


#: the verb that sets a system up, and the run from it to the system's head (建立|驻村干部…考评制度)
_SET_UP = re.compile(r"(?:建立健全|建立|健全|推行|实行|落实|启动|探索|构建)([^,，。;；、“”]{4,16})$")
#: a run that describes a kind of system rather than naming one: 建立了|完善的…机制, 健全|各项…制度
_DESCRIBED = re.compile(r"[了着起]|.*的|各项|各类|各种|一系列|相关|有关|一套|一批|新型")


#: the fixed patterns of :func:`_unquoted`, compiled once (not looked up at every call)
_UNQUOTED_RE1 = re.compile("(?:" + "|".join(L.MANNER_ADVERBS) + ")$")
_UNQUOTED_RE2 = re.compile(r"[一二两三四五六七八九十0-9]+[级个大项种支张]")
_UNQUOTED_RE3 = re.compile(r"(?:通过|借助|依托)$")


def _unquoted(text: str, out: list[Span], taken: set[int]) -> None:
    """Unquoted names closed by a practice head, right after a verb (建立某某工作机制)."""
    for m in _UNQUOTED_HEAD_RE.finditer(text):
        if m.start() in taken:
            continue
        s = left_name_start(text, m.start(), max_len=8, loose=True, verbs_break=False)  # 包联工作机制
        if m.group() in ("制度", "机制"):
            # a long system's name runs from the verb that sets it up: 建立驻村干部与派出单位双向考评制度
            lv = _SET_UP.search(text, max(0, m.start() - 20), m.start())
            if lv and not _DESCRIBED.match(lv.group(1)):
                s = min(s, m.start() - len(lv.group(1)))
        while (v := VERB_START.match(text, s, m.start())) is not None and v.end() < m.start():
            s = v.end()  # 健全|完善|某某制度: the verbs that set it up are no part of its name
        if s >= m.start() and m.group() not in ("积分制", "负责制"):
            continue
        if s > 0 and text[s - 1] in "”’":
            continue  # “甲、乙、丙”三级联动机制: the kind the quoted practice is, not another one
        name = text[s : m.end()]
        pre = _UNQUOTED_RE1.sub("", text[max(0, s - 8) : s])
        numbered = bool(_UNQUOTED_RE2.match(name))
        by_means = bool(_UNQUOTED_RE3.search(pre)) and m.group() in ("制度", "机制", "体系")
        if not (VERB_RE.search(pre) or numbered or by_means or m.group() in ("积分制", "负责制")):
            continue
        core = name
        short_ok = m.group() in ("积分制", "负责制") and VERB_RE.search(pre)
        if (len(core) < 4 and not short_ok) or any(k in taken for k in range(s, m.end())):
            continue
        if L.is_slogan(core):
            continue  # 基层群众自治制度: the state's institution, no practice of the place
        if core[: -len(m.group())] in ("工作", "长效", "管理", "服务", "运行", "联动", "保障", "激励", "协调", "考核", "评价", "组织", "治理"):
            continue
        body = core[: -len(m.group())]
        if body.endswith("新") or (
            len(tokens(body)) == 1 and segment.freq(body) >= 300 and not numbered
        ):
            continue  # 探索养老服务新模式, 创新销售模式: a kind of practice described, not one named
        out.append(Span(s, m.end(), name, "Mechanism", "mech-head", conf("mech-head"), canonical=core))
        taken.update(range(s, m.end()))


#: the fixed patterns of :func:`_in_force`, compiled once (not looked up at every call)
_IN_FORCE_RE1 = re.compile(r"(?:推行|实行|落实|建立|实施|探索|推广|健全|全面推行)([\u4e00-\u9fff]{2,10}?制)(?=[,，。;；、]|$)")


def _in_force(text: str, out: list[Span], taken: set[int]) -> None:
    """An unquoted system named by its 制, right after the verb that puts it in force:
    推行导师帮带制, 实行坐班值守制."""
    if "制" not in text:
        return
    for m in _IN_FORCE_RE1.finditer(text):
        st, en = m.start(1), m.end(1)
        name = m.group(1)
        if any(k in taken for k in range(st, en)) or name[-2:] in _WORDS_IN_ZHI or (len(name) < 4 and not name.endswith("长制")):
            continue  # (河长制, 林长制, 路长制: a chief for each river, forest or road, three characters)
        out.append(Span(st, en, name, "Mechanism", "mech-head", conf("mech-head"), canonical=name))
        taken.update(range(st, en))


#: a programme put in hand, named from its verb to its 工程 (实施|青年人才引凤工程), and the
#: programmes a counted one spells out after 即 (四大工程，即|甲工程、乙工程、丙工程)
_PROJECT = re.compile(r"(?:实施|推进|启动|推出|打造|开展)(?:了)?([\u4e00-\u9fff]{4,12}?工程)")
_SPELLED_OUT = re.compile(r"[,，]?即([\u4e00-\u9fff、]+)")
#: programmes of every kind of work, not one named (重点工程, 民生工程, 一批配套工程)
_KIND_OF_PROJECT = re.compile(r"^(?:[一二两三四五六七八九十0-9]+[批个项些])|(?:的.*|[性类项]|重点|民生|基础|示范|系统|主体|单体|建设|配套|改造)工程$")


def _projects(text: str, out: list[Span], taken: set[int]) -> None:
    """Programmes named by their 工程 right after the verb that puts them in hand."""
    if "工程" not in text:
        return
    for m in _PROJECT.finditer(text):
        st, en = m.start(1), m.end(1)
        if any(k in taken for k in range(st, en)) or _KIND_OF_PROJECT.search(m.group(1)):
            continue
        out.append(Span(st, en, m.group(1), "Mechanism", "mech-head", conf("mech-head"), canonical=m.group(1)))
        taken.update(range(st, en))
        if (spelled := _SPELLED_OUT.match(text, en)) is None:
            continue
        pos = spelled.start(1)
        for item in spelled.group(1).split("、"):
            if item.endswith("工程") and len(item) >= 4 and not any(k in taken for k in range(pos, pos + len(item))):
                out.append(Span(pos, pos + len(item), item, "Mechanism", "mech-list", conf("mech-list"), canonical=item))
                taken.update(range(pos, pos + len(item)))
            pos += len(item) + 1


def _lists(text: str, out: list[Span], taken: set[int], quoted_in_list: set[int]) -> None:
    """Practices named in lists: going on from a practice, named as one, worked through, counted."""
    if "、" not in text:
        return  # no list (each of these reads items joined by 、)
    _list_after(text, out, taken, quoted_in_list)
    _list_named(text, out, taken)
    _list_worked_through(text, out, taken)
    if _COUNT_AND_HEAD.search(text):  # (the list's own scan tries every character)
        _list_counted(text, out, taken)


#: what closes a counted list: a number, its measure word and the kind of practice
_COUNT_AND_HEAD = re.compile(r"[0-9一二两三四五六七八九十][项个种大](?:工作)?(?:机制|制度|品牌|举措|行动)")


#: a manner of working (扁平化, 可视化): a quality the list names, not a practice
_MANNER = re.compile(r"[\u4e00-\u9fff]{1,3}化")


#: what opens a clause of doing, not a practice's name (增设某某设施, 坚持以……为主线)
_DOING = re.compile(r"(?:增设|坚持|加强|强化|提升|持续|不断|积极|着力|围绕|聚焦|做好|抓好|加大|加快|确保|实现)")
#: the fixed patterns of :func:`_list_after`, compiled once (not looked up at every call)
_LIST_AFTER_RE1 = re.compile(r"、“?([\u4e00-\u9fff+]{2,12}?)”?(?=[、等,，。;；]|$)")


def _list_after(text: str, out: list[Span], taken: set[int], quoted_in_list: set[int]) -> None:
    """A list that goes on from a practice: "健全服务承诺制、容缺受理、延时服务", "抓好“主题党日”、组织生活会、谈心谈话等"."""
    for sp in list(out):
        if sp.start in quoted_in_list:
            continue
        pos = sp.end
        while True:
            m2 = _LIST_AFTER_RE1.match(text[pos:])
            if not m2 or m2.start(1) + pos in taken:
                break
            item = m2.group(1)
            st = pos + m2.start(1)
            if not mech_core_ok(item) or VERB_START.match(item) or _MANNER.fullmatch(item) or _DOING.match(item):
                break
            out.append(Span(st, st + len(item), item, "Mechanism", "mech-list", conf("mech-list"), canonical=item))
            taken.update(range(st, st + len(item)))
            pos += m2.end()


#: the fixed patterns of :func:`_list_named`, compiled once (not looked up at every call)
_LIST_NAMED_RE1 = re.compile(r"(?:推行|建立|健全|形成|构建|实行|完善|创新|探索)(?:起|了)?+((?:[\u4e00-\u9fff]{2,8}、){2,}[\u4e00-\u9fff]{2,10}?)(?:的)?(?:工作|服务|治理|管理)?(?:机制|模式|体系|制度|联席会议)")


def _list_named(text: str, out: list[Span], taken: set[int]) -> None:
    """A list named as one practice: "推行问题共商、活动共办、成果共享工作机制" (the verb's
    complement or aspect, 构建起|……, 建立了|……, no part of it)."""
    for m in _LIST_NAMED_RE1.finditer(text):
        st, en = m.start(1), m.end(1)
        if any(k in taken for k in range(st, en)) or m.group(1).endswith("等") or L.is_slogan(m.group(1)):
            continue  # (甲、乙、丙等工作制度: systems given as examples, not one named; the nation's formula)
        out.append(Span(st, m.end(), text[st : m.end()], "Mechanism", "mech-list-name", conf("mech-list-name"), canonical=m.group(1)))
        taken.update(range(st, m.end()))


def _items(m: re.Match) -> list[tuple[int, str]]:
    """The items of the list in ``m``'s first group, each with where it starts."""
    found, pos = [], m.start(1)
    for item in m.group(1).split("、"):
        found.append((pos, item))
        pos += len(item) + 1
    return found


#: the fixed patterns of :func:`_list_worked_through`, compiled once (not looked up at every call)
_LIST_WORKED_THROUGH_RE1 = re.compile(r"(?:以|依托|通过)((?:[\u4e00-\u9fff“”+]{2,12}、)+[\u4e00-\u9fff“”+]{2,12}?)(?:等)?(?:为|等)(?:载体|抓手|平台|依托|支撑)")


def _list_worked_through(text: str, out: list[Span], taken: set[int]) -> None:
    """A list a body works through: "以主题党日、志愿服务站、党员活动室为载体"."""
    for m in _LIST_WORKED_THROUGH_RE1.finditer(text):
        if any("为" in item or item.startswith(("以", "依托", "通过")) for _, item in _items(m)):
            continue  # 以乡情为纽带、以项目为载体: frames of their own in a row, no list of practices
        st, last = _items(m)[-1]
        if last.endswith("”") and not last.startswith("“") and "“" in last:
            # 以甲、乙、丙“五社联动”为抓手: the parts the quoted practice joins, which is the one practice
            q = st + last.index("“")
            core = text[q + 1 : st + len(last) - 1]
            if mech_core_ok(core) and not any(k in taken for k in range(q, st + len(last))):
                out.append(Span(q, st + len(last), text[q : st + len(last)], "Mechanism", "mech-list", conf("mech-list"),
                                canonical=core))
                taken.update(range(q, st + len(last)))
            continue
        for st, item in _items(m):
            core = item.strip("“”")
            if any(k in taken for k in range(st, st + len(item))) or not mech_core_ok(core) or _MANNER.fullmatch(core):
                continue
            out.append(Span(st, st + len(item), item, "Mechanism", "mech-list", conf("mech-list"), canonical=core))
            taken.update(range(st, st + len(item)))


#: the fixed patterns of :func:`_list_counted`, compiled once (not looked up at every call)
_LIST_COUNTED_RE1 = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})(?:等)?[0-9一二两三四五六七八九十]+[项个种大](?:工作)?(?:机制|制度|品牌|举措|行动)")


def _list_counted(text: str, out: list[Span], taken: set[int]) -> None:
    """The items of a list closed by "N项工作机制"."""
    for m in _LIST_COUNTED_RE1.finditer(text):
        for st, item in _items(m):
            if st in taken or not mech_core_ok(item) or _MANNER.fullmatch(item):
                continue
            out.append(Span(st, st + len(item), item, "Mechanism", "mech-list", conf("mech-list", "counted"), canonical=item))
