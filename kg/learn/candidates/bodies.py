"""Organization candidates: names closed by a body's head, bodies named by their kind, listed heads."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ...extract import lexicon as L
from ...extract.bodies import (
    credits_page,
    in_formula,
    in_source_field,
    labels_a_byline,
    names_a_seat,
)
from ...extract.context import committee_name
from ...extract.spans import token_bounds, tokens
from ...model import PLACE_TYPES, Mention, Sentence
from .view import PUNCT, Candidate, DocView, bucket, is_reference

_ORG_HEAD_RE = re.compile("|".join(map(re.escape, sorted({*L.ORG_HEADS, *L.CANDIDATE_ORG_HEADS}, key=len, reverse=True))))


@lru_cache(maxsize=64)
def _org_heads(text: str) -> tuple[re.Match, ...]:
    """The organisational heads of a sentence, in order (the body candidates and the bodies
    named by their kind alone read the same ones)."""
    return tuple(_ORG_HEAD_RE.finditer(text))


_NATIONAL = re.compile("中央|国家|国务院|全国|中共中央|中[组宣]部")
_ORG_HEAD_END = re.compile("(?:" + _ORG_HEAD_RE.pattern + ")$")
_TITLE_AFTER = re.compile("(?:党委|党支部|党总支)?(?:" + "|".join(map(re.escape, L.LEAD_TITLES)) + ")")
_KIND_PREFIX = {"社区", "村", "镇", "乡", "街道", "县", "旗", "市", "区", "苏木", "嘎查", "该", "本", "全", "各", "小区", "我"}


#: what no one body's name holds: levels named together (两级, 各级) or a list's plus sign
_NO_ONE_BODY = re.compile(r"[一二两三四五六七八九十各]级|[+＋]")
#: a verb that founds a body right before its name (成立了, 组建起, 设立)
_FOUNDED_BEFORE = re.compile(r"(?:成立|组建|设立|建立|组成|挂牌|揭牌|筹建|打造)[了起]?$")


#: a verb that breaks a body's name, or one that carries out a practice (one set)
_BREAK_OR_IMPLEMENT = frozenset(L.NAME_BREAK_VERBS) | frozenset(L.IMPLEMENT_VERBS)
_LIST_MARK = re.compile(r"[+＋、]")
_NUMERAL_IN = re.compile(r"[0-9一二三四五六七八九十]")
_HEAD_AHEAD = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:" + _ORG_HEAD_RE.pattern + ")")
_DIVISION_END = re.compile(r"[市旗县区盟省]$")


#: a count right after a body's name, or each/every before it: a kind of body, not one
_COUNT_AFTER = re.compile(r"[0-9一二两三四五六七八九十百千万余多]+(?:个|家|支|所|处)")
_EACH_BEFORE = re.compile(r"(?:每个|每一个|各个|每|各)(?:[\u4e00-\u9fff]{1,3}(?:都|均)?(?:成立|建立|组建|设立|建有|设有)(?:了)?)?$")


def org_feats(view: DocView, sent: Sentence, i: int, j: int, head: str, rule: Mention | None, overlap: bool) -> list[str]:
    text = sent.text
    name = text[i:j]
    prefix = name[: len(name) - len(head)] if name.endswith(head) else name
    starts, ends = token_bounds(text)
    all_toks = tokens(text)
    toks = all_toks[bisect_left(starts, i):bisect_right(ends, j)]  # the words inside i:j
    f = ["bias-org", "head:" + head, "hlen:" + str(min(len(head), 5)), "len:" + bucket(len(name), (2, 3, 4, 5, 6, 8, 10, 14)),
         "ntok:" + bucket(len(toks), (1, 2, 3, 4, 6))]
    if rule is not None:
        f += ["rule", "rule:" + rule.evidence.extractor]
    elif overlap:
        f.append("rule-other-span")
    else:
        f.append("norule")
    places = [(a, b) for a, b, m in view.spans(sent, PLACE_TYPES) if a >= i and b <= j]
    if any(a == i for a, b in places):
        f.append("start-place")
    covered = i
    for a, b in sorted(places):
        if a == covered:
            covered = b
    if places and covered == j:
        f.append("is-place")  # the tagger's body that is places' names alone (某市某区某某街道)
    if covered >= j - len(head) and places:
        f.append("places+head")
    if places:
        f.append("has-place")
    k = bisect_right(ends, i)  # the words ending by i
    if not k:
        f.append("Ltag:BOS")
    else:
        a, b, fl = all_toks[k - 1]
        f += ["Ltag:" + fl[:1], "L1:" + text[i - 1]]
        if PUNCT.match(text[i - 1]):
            f.append("L:punct")
        elif b - a > 1:
            f.append("Lw:" + text[a:b])
        if _FOUNDED_BEFORE.search(text, max(0, i - 6), i):
            f.append("founded")  # 联合成立了|某某调解工作室: a body the text introduces
    if toks:
        f += ["first-tag:" + toks[0][2][:2], "first-char:" + name[0]]
    f.append("last-char:" + name[-1])
    if _NATIONAL.match(name):
        f.append("national")  # 中央…, 国家…, 国务院…: a body of the state, named without a place
    if any(fl.startswith("v") and fl != "vn" for a, b, fl in toks if b <= j - len(head)):
        f.append("has-verb")
    if any(c in L.ORG_STOP for c in prefix):
        f.append("has-stop")
    if any(text[a:b] in _BREAK_OR_IMPLEMENT for a, b, _ in toks if b <= j - len(head)):
        f.append("break-verb")  # 党支部领办|合作社, 参观|某工作室: a verb and its object
    if _LIST_MARK.search(name):
        f.append("has-list-mark")
    if name in L.GENERIC_ORGS:
        f.append("generic")
    if in_source_field(text, i) or credits_page(text, i, j, name) or labels_a_byline(text, j):
        f.append("source-field")  # 来源：某某融媒体中心, 某县融媒体中心讯, 县委|报道组: the page's publisher, no entity the text names
    if not places and (_COUNT_AFTER.match(text, j) or _EACH_BEFORE.search(text, max(0, i - 5), i)) \
            or (len(name) > len(head) and name[-len(head) - 1] in L.EVERY):
        # 楼宇党支部15个, 在每个村成立某某理事会, 某区分局各|派出所: bodies of a kind, counted or
        # each of them, no one named
        f.append("counted")
    if prefix in _KIND_PREFIX or not prefix:
        f.append("kind-prefix")
    if _NUMERAL_IN.search(prefix):
        f.append("numeral")
    after = text[j:j + 6]
    f.append("R1:" + after[:1])
    if _ORG_HEAD_RE.match(text, j) or _HEAD_AHEAD.match(after):
        f.append("continues")  # 某市委 in 某市委社会工作部
    if prefix and _DIVISION_END.search(prefix) and head in ("委", "市委", "旗委", "县委", "区委", "盟委", "省委"):
        f.append("division-committee")
    if _TITLE_AFTER.match(after):
        f.append("title-after")
    if text[:i].count("“") > text[:i].count("”"):
        f.append("in-quote")
    if sent.is_heading:
        f.append("heading")
    f.append("count:" + bucket(view.count(sent, name), (1, 2, 3)))
    return f


def org_candidates(view: DocView, lac_words: dict[int, list[tuple[int, int, str]]] | None = None) -> list[list[Candidate]]:
    """Groups of body names ending at one place: the rules', the tagger's bodies (ORG, in
    the sentences it read) and, for every organisational head in a sentence, the names
    opening one to five words before it."""
    groups: list[list[Candidate]] = []
    for sent in view.x.doc.sentences:
        text = sent.text
        rule = view.spans(sent, ("Organization",))
        spans: dict[tuple[int, int], tuple[Mention | None, str]] = {}
        for a, b, m in rule:
            h = _ORG_HEAD_RE.search(m.canonical[-8:])
            spans[(a, b)] = (m, h.group() if h else m.canonical[-2:])
        tagged = {(a, b) for a, b, t in (lac_words or {}).get(sent.index, ()) if t == "ORG" and b - a >= 3}
        for a, b in sorted(tagged):
            h = _ORG_HEAD_END.search(text, a, b)
            spans.setdefault((a, b), (None, h.group() if h else "-"))
        toks = tokens(text)
        ends = token_bounds(text)[1]
        places = view.spans(sent, PLACE_TYPES)
        for hm in _org_heads(text):
            h, e = hm.start(), hm.end()
            if any(a <= h and e < b for a, b, _ in places):
                continue  # the head is inside a place's name: 某某区|学院|路街道
            before = toks[:bisect_right(ends, h)]
            n = 0
            for a, b, _ in reversed(before):
                if PUNCT.search(text[a:b]) or b - a == 1 and text[a] in L.ORG_STOP:
                    break
                n += 1
                if n > 5 or e - a > 20:
                    break
                spans.setdefault((a, e), (None, hm.group()))
        rule_spans = [(a, b) for a, b, _ in rule]
        cands = _kind_only_candidates(view, sent) + _listed_heads(view, sent, spans, tagged)
        proposed = {(c.start, c.end) for c in cands}
        for (a, b), (m, head) in sorted(spans.items()):
            if (a, b) in proposed:
                continue
            overlap = m is None and any(ra < b and a < rb for ra, rb in rule_spans)
            name = m.canonical if m is not None else text[a:b]
            if m is None and _NO_ONE_BODY.search(name):
                continue  # 某县镇两级党委, 甲+乙方式入驻某中心: bodies of several levels, a list, no one body
            if names_a_seat(text, name, b):
                continue  # 某县政府所在地: the town the government sits in, no body
            if m is None and any(pa < b < pb for pa, pb, _ in places):
                continue  # 某市某某联合|旗: the reading ends inside a place's name, no body's
            feats = org_feats(view, sent, a, b, head, m, overlap)
            if (a, b) in tagged:
                feats.append("src:tagger-org")
            cands.append(Candidate("Organization", sent, a, b, name, feats, m))
        # the readings of one head are the left edges of the name it closes: one group an end
        # (a body inside another, 某市委 in 某市委社会工作部, is a decision of its own)
        by_end: dict[int, list[Candidate]] = {}
        for c in cands:
            by_end.setdefault(c.end, []).append(c)
        groups.extend(by_end[e] for e in sorted(by_end))
    return groups


#: what may follow the last head of a list of one place's bodies (某街道党工委、办事处|联合…)
_LIST_END = re.compile(r"[^\u4e00-\u9fff]|[的在和与及将把对为以共联等]|$")


def _listed_heads(view: DocView, sent: Sentence, spans: dict, tagged: set[tuple[int, int]]) -> list[Candidate]:
    """Bodies of one place listed after the first with their heads alone (某街道党工委、
    办事处; 某旗委、政府): each head read with the first body's places."""
    text = sent.text
    places = view.spans(sent, PLACE_TYPES)
    out = []
    for (a, b), (m, head) in sorted(spans.items()):
        if m is None and (a, b) not in tagged:
            continue  # the list's first body is one the rules or the tagger read (not 该镇整合|派出所, across a verb)
        covered, last = a, None
        for pa, pb, pm in sorted(places, key=lambda t: (t[0], t[1])):
            if pa == covered:
                covered, last = pb, pm
        if last is None or covered >= b:
            continue  # the body does not open with a place
        k = b
        while text[k:k + 1] == "、":
            hm = _ORG_HEAD_RE.match(text, k + 1)
            if hm is None or not _LIST_END.match(text, hm.end()) and text[hm.end():hm.end() + 1] != "、":
                break
            name = text[a:covered] + hm.group()
            if not any(c.name == name for c in out):
                f = ["bias-org", "listed-head", "head:" + hm.group(), "listed-after:" + head, "last-char:" + name[-1]]
                if sent.is_heading:
                    f.append("heading")
                out.append(Candidate("Organization", sent, hm.start(), hm.end(), name, f, None, last))
            k = hm.end()
    return out


#: the word for a level of division that opens a body named by its kind alone (镇党委,
#: 旗委, 社区党支部), and the ending of the place names of that level
_KIND_WORDS = ("社区", "街道", "苏木", "嘎查", "村", "镇", "乡", "旗", "县", "区", "市", "盟", "省")
_KIND_WORD = re.compile("|".join(_KIND_WORDS))
_KIND_RE = re.compile("(?:" + "|".join(_KIND_WORDS) + ")委?$")


def _kind_only_candidates(view: DocView, sent: Sentence) -> list[Candidate]:
    """Bodies the text names by their kind inside one place (镇党委, 旗委, 社区党支部 in an
    article about one town, banner or community): read as the full name, the article's
    place of that level before the kind (the guideline: 该院 is 杭锦旗人民检察院)."""
    text = sent.text
    out = []
    places = view.spans(sent, PLACE_TYPES)
    for hm in _org_heads(text):
        h, e = hm.start(), hm.end()
        head = hm.group()
        if text[e:e + 1] == "织":
            continue  # 社区党组织: a kind of body, not 党组
        km = _KIND_RE.search(text, max(0, h - 3), h)
        if km is not None:
            s, word = km.start(), km.group().removesuffix("委")  # 区委|组织部: 委 is the rest's
        elif (km := _KIND_WORD.match(head)) is not None and len(head) > len(km.group()) and not head.startswith(L.LEVEL_WORDS):
            s, word = h, km.group()
        else:
            continue
        if any(a < s + len(word) and s < b and not is_reference(m) for a, b, m in places):
            continue  # 某某镇党委: the place is named, not the kind (该村党支部 names the kind)
        if s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in "在由和与及、的是对向经从为各该本全":
            continue  # inside a longer word
        if s > 0 and text[s - 1] in L.EVERY and word in L.WIDE_LEVELS:
            continue  # 全县|人民法庭, 各旗|司法局: the bodies of that kind all over the level, not one body
        if in_formula(text, s):
            continue  # “县委统揽、部门协同……”: a formula of roles names kinds of body
        focal = view.focal(sent, word)
        if focal is None:
            continue
        place, n_places, n_named = focal
        last = view.last(sent, s, word)
        if last is None or last.canonical == place.canonical:
            readings = [(place, "focal-only" if last is None else "both")]
        else:
            readings = [(place, "focal"), (last, "last")]
        rest = text[s + len(word):e]
        if _NO_ONE_BODY.search(rest):
            continue  # 县镇两级党委: the bodies of two levels, not the county's one
        for place, how in readings:
            f = ["bias-org", "kind-only", "kind-only:" + word, "head:" + head, "kind-places:" + bucket(n_places, (1, 2)),
                 "kind-named:" + bucket(n_named, (1, 2, 4)), "kind-L1:" + text[s - 1:s], "kind-reading:" + how]
            name = view.written(sent, place, word[-1]) + committee_name(word, rest)
            if view.count(sent, name):
                f.append("kind-full-in-text")
            if text[s - 1 : s] in L.EVERY:
                f.append("counted")  # 各街道党工委: the bodies of every street, no one body
            if _TITLE_AFTER.match(text[e:e + 6]):
                f.append("title-after")
            if sent.is_heading:
                f.append("heading")
            if labels_a_byline(text, e):
                f.append("source-field")  # 县委|报道组 某某: a byline's label, no committee the page names
            out.append(Candidate("Organization", sent, s, e, name, f, None, place))
    return out
