"""Candidates the rules did not decide alone, each with the named features a model reads.

The rule extractors (:mod:`kg.extract`) already found mentions and relations.  Here every
plausible alternative is proposed beside them, with what the rules and the text say about it:

* **Mechanism**: every mechanism the rules found, and every quoted phrase of practice
  length that is no place, body or person (“楼道管家”, “院坝议事”): the guideline's
  practices are quoted four times in five.
* **Person**: every person the rules found, and every name the statistical tagger
  (:mod:`kg.learn.tagger`) reads in a sentence that holds a post, a speech verb or a byline.
* **implements**: for each mechanism, every body and place of its sentence and of the two
  before it, the headline's, and the document's most named ones, each a possible actor.

Features are plain strings (``"rule:mech-quoted"``, ``"R2:机制"``, ``"actor:Community"``);
:mod:`kg.learn.logreg` weighs them.  Nothing here decides: :mod:`kg.learn.decide` does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..extract import lexicon as L
from ..extract.spans import token_bounds, tokens
from ..model import PLACE_TYPES, Extraction, Mention, Sentence

#: a quoted phrase: “…”, ‘…’, "…", 「…」
QUOTE_RE = re.compile(r"“([^“”]{1,30})”|‘([^‘’]{1,30})’|\"([^\"\n]{1,30})\"|「([^「」]{1,30})」")
#: what opens a count-named practice: 三治, 五个一, 1+N
_NUMERAL = re.compile(r"^[0-9一二两三四五六七八九十百千]")
_SEP = re.compile(r"[、，,·•+＋—\-]")
_MECH_WORD = re.compile("|".join(map(re.escape, sorted(
    {"机制", "模式", "体系", "制度", "工程", "行动", "品牌", "平台", "服务", "工作法", "积分", "清单", "议事",
     "联动", "网格", "驿站", "课堂", "讲堂", "治理", "共建", "之家", "管家", "小院", "联盟", "书记", "代办"},
    key=len, reverse=True))))
#: cues that a sentence names a person: a post, a speech verb, a byline
PERSON_CUE = re.compile("|".join(map(re.escape, sorted(
    {*L.LEAD_TITLES, "记者", "通讯员", "摄影", "编辑", "说", "介绍", "表示", "告诉", "讲述", "坦言", "同志",
     "原告", "被告", "脱贫户", "网格员", "居民", "村民", "牧民"},
    key=len, reverse=True))) + r"|[0-9一二三四五六七八九十]岁的")
_TITLE_BEFORE = re.compile("(?:" + "|".join(map(re.escape, sorted({*L.LEAD_TITLES, "记者", "通讯员", "摄影", "编辑", "代表", "党员", "村民", "居民", "牧民", "民警", "网格员", "志愿者", "老人", "法官", "检察官", "干警", "队员", "委员", "成员", "原告", "被告", "脱贫户"}, key=len, reverse=True))) + ")$")
_SPEECH_AFTER = re.compile(r"^(?:说|介绍|表示|告诉|讲述|坦言|感慨|笑着|回忆|认为|提到|谈到|指出|强调|高兴|激动|自豪)")


@lru_cache(maxsize=4096)
def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def local(sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """Positions in ``sent.text`` of the original-file span ``start:end`` (None: not inside)."""
    if not sent.offsets:
        i, j = start - sent.start, end - sent.start
    else:
        i = bisect_left(sent.offsets, start)
        j = bisect_right(sent.offsets, end - 1)
    if 0 <= i < j <= len(sent.text):
        return i, j
    return None


@dataclass
class Candidate:
    """A proposed mention (``mention`` is the rules' own, when they found it)."""

    type: str
    sent: Sentence
    start: int  # in sent.text
    end: int
    name: str  # the name a graph would show
    feats: list[str] = field(default_factory=list)
    mention: Mention | None = None
    #: a body named by its kind alone (镇党委): the place of the article it is read as
    place: Mention | None = None

    @property
    def surface(self) -> str:
        return self.sent.text[self.start : self.end]


@dataclass
class Pair:
    """A proposed implements fact between an actor mention and a mechanism mention."""

    actor: Mention
    mech: Mention
    feats: list[str] = field(default_factory=list)


class DocView:
    """One document's extraction indexed for candidates: mentions by sentence, with their
    positions in the sentence text."""

    def __init__(self, x: Extraction):
        self.x = x
        self.sents, self._article_text, self.headings, locs = _doc_index(x.doc)
        self.by_sent: dict[int, list[tuple[int, int, Mention]]] = {}
        for m in x.mentions:
            ev = m.evidence
            s = self.sents.get(ev.sentence)
            if s is None:
                continue
            key = (ev.sentence, ev.start, ev.end)
            loc = locs.get(key, locs)
            if loc is locs:
                loc = locs[key] = local(s, ev.start, ev.end)
            if loc is not None:
                self.by_sent.setdefault(s.index, []).append((loc[0], loc[1], m))
        self.counts = Counter(m.canonical for m in x.mentions)
        self._focal: dict[tuple[int, str], tuple[Mention, int, int] | None] = {}
        self._places_by_article: dict[int, list[Mention]] | None = None
        self._spans: dict[tuple[int, tuple[str, ...] | None], list[tuple[int, int, Mention]]] = {}

    def count(self, sent: Sentence, text: str) -> int:
        """How often ``text`` occurs in the article of ``sent`` (an article, not the whole
        file: a corpus of a thousand pages costs a thousand times one page, not a million)."""
        return self._article_text.get(sent.article, "").count(text)

    def focal(self, sent: Sentence, ending: str) -> tuple[Mention, int, int] | None:
        """The place of the article of ``sent`` whose name ends in ``ending`` (镇, 旗, 社区)
        that it names most (the first named on a tie), with how many such places the article
        names and how often it names that one."""
        key = (sent.article, ending)
        if key not in self._focal:
            if self._places_by_article is None:
                self._places_by_article = {}
                for m in self.x.mentions:
                    s = self.sents.get(m.evidence.sentence)
                    if m.type in PLACE_TYPES and s is not None:
                        self._places_by_article.setdefault(s.article, []).append(m)
            named = Counter()
            first: dict[str, Mention] = {}
            for m in self._places_by_article.get(sent.article, ()):
                if m.canonical.endswith(ending) and len(m.canonical) > len(ending):
                    named[m.canonical] += 1
                    first.setdefault(m.canonical, m)
            best = max(named, key=lambda n: (named[n], -first[n].evidence.start), default=None)
            self._focal[key] = None if best is None else (first[best], len(named), named[best])
        return self._focal[key]

    def last(self, sent: Sentence, at: int, ending: str) -> Mention | None:
        """The place of the article of ``sent`` whose name ends in ``ending`` named last
        before position ``at`` of ``sent`` (the reading a reader gives 镇党委 mid-article)."""
        k, before = sent.index, at
        while k in self.sents and self.sents[k].article == sent.article:
            for a, _b, m in sorted(self.spans(self.sents[k], PLACE_TYPES), key=lambda t: -t[0]):
                if a < before and m.canonical.endswith(ending) and len(m.canonical) > len(ending) \
                        and not _is_reference(m):
                    return m
            k, before = k - 1, len(self.sents[k - 1].text) if k - 1 in self.sents else 0
        return None

    def spans(self, sent: Sentence, types: tuple[str, ...] | None = None) -> list[tuple[int, int, Mention]]:
        """The mentions of ``sent`` (of ``types``) with their positions in its text, in the
        order they were found (one list a sentence and types: the caller reads, never
        changes it)."""
        key = (sent.index, types)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = [t for t in self.by_sent.get(sent.index, []) if types is None or t[2].type in types]
        return found


#: the last document indexed by :func:`_doc_index` and its indexes: a document's decisions
#: build several views of it in turn (each after the one before changed its mentions)
_LAST_DOC: list = []


def _doc_index(doc) -> tuple[dict[int, Sentence], dict[int, str], dict[int, list[Sentence]], dict]:
    """What a view of ``doc`` reads from its sentences alone: the sentences by index, each
    article's text, each article's headlines in order, and a memo of :func:`local`."""
    if _LAST_DOC and _LAST_DOC[0] is doc and _LAST_DOC[1] is doc.sentences:
        return _LAST_DOC[2]
    sents = {s.index: s for s in doc.sentences}
    texts: dict[int, list[str]] = {}
    for s in doc.sentences:
        texts.setdefault(s.article, []).append(s.text)
    headings: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        if s.is_heading:
            headings.setdefault(s.article, []).append(s)
    found = (sents, {a: "".join(t) for a, t in texts.items()}, headings, {})
    _LAST_DOC[:] = [doc, doc.sentences, found]
    return found


# ------------------------------------------------------------------ mechanisms

_PUNCT = re.compile(r"[\s，,。；;：:、！？!?“”‘’\"（）()《》【】\[\]「」·—-]")



_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]?五|[0-9]{4}(?:年|—|-|至)?(?:[0-9]{4}年?)?")
_HONOUR = re.compile(r"(?:评为|荣获|获评|授予|命名|称号|荣誉)")
_STOP = re.compile(r"[。！？!?]")
_PRONOUN = re.compile(r"[我你他她们]")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def mechanism_feats(view: DocView, sent: Sentence, i: int, j: int, core: tuple[int, int], rule: Mention | None) -> list[str]:
    text = sent.text
    ci, cj = core
    q = text[ci:cj]
    left, right = text[max(0, i - 4):i], text[j:j + 4]
    f = ["bias-mech", "len:" + _bucket(len(q), (2, 3, 4, 5, 6, 8, 10, 14))]
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
        f += ["qtag_last:" + inner[-1], "qtag_first:" + inner[0], "qwords:" + _bucket(len(inner), (1, 2, 3, 4, 6))]
    if _NUMERAL.match(q):
        f.append("numeral")
    if _SEP.search(q):
        f.append("sep")
    if m := _MECH_WORD.search(q):
        f += ["mechword", "mechword:" + m.group()]
    if q in L.NOT_MECHANISMS:
        f.append("slogan")
    if _PLAN_PERIOD.fullmatch(q):
        f.append("plan-period")  # “十四五”规划, “2035”: a plan's period, not a practice
    f += sorted({"qc:" + ch for ch in q if "\u4e00" <= ch <= "\u9fff"})
    if any(h in right[:4] for h in ("机制", "模式", "体系", "制度", "工作法", "品牌", "工程", "行动", "平台")):
        f.append("head-after")
    if _HONOUR.search(text[max(0, i - 8):i] + text[j:j + 6]):
        f.append("honour")
    inside = {m.type for a, b, m in view.spans(sent) if a >= ci and b <= cj}
    if inside:
        f += ["has:" + t for t in sorted(inside)]
        if any(b - a == cj - ci for a, b, m in view.spans(sent) if a >= ci and b <= cj and m.type != "Mechanism"):
            f.append("is-entity")
    if sent.is_heading:
        f.append("heading")
    n = view.count(sent, q)
    f.append("repeat:" + _bucket(n, (1, 2, 3)))
    if _STOP.search(q):
        f.append("sentence-quote")
    if _PRONOUN.search(q):
        f.append("pronoun")
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
        for qm in QUOTE_RE.finditer(sent.text):
            i, j = qm.span()
            gi = next(k for k in range(1, 5) if qm.group(k) is not None)
            ci, cj = qm.span(gi)
            core = sent.text[ci:cj].strip()
            if not core or len(core) < 2 or any(a < j and i < b for a, b in taken):
                continue
            if any(a <= ci and cj <= b for a, b, _ in others):
                continue  # inside a body's name: “马背”宣讲团
            out.append(Candidate("Mechanism", sent, i, j, core, mechanism_feats(view, sent, i, j, (ci, cj), None)))
            taken.append((i, j))
        groups.extend(_headed_practices(view, sent, taken))
    return [[c] for c in out] + groups


#: heads that close an unquoted practice's name (文化惠民工程, 专人跟踪机制, 一站式解纷平台)
_PRACTICE_HEAD = re.compile("|".join(map(re.escape, sorted(
    {"机制", "制度", "体系", "模式", "平台", "工程", "计划", "行动", "品牌", "联盟", "讲堂", "驿站", "工作法", "积分制",
     "负责制", "责任制", "联动", "服务队", "宣讲团", "大走访", "示范点"}, key=len, reverse=True))))
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
            if _PUNCT.search(text[a:b]):
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



# ------------------------------------------------------------------ implements

_ACTORS = (*PLACE_TYPES, "Organization")
_VERB_RE = re.compile("|".join(map(re.escape, L.IMPLEMENT_VERBS)))


_COMMA = re.compile(r"[，,；;]")
_FULL_STOP = re.compile(r"[。！？]")


def _between_feats(text: str) -> list[str]:
    f = []
    if _VERB_RE.search(text):
        f.append("verb-between")
    if _COMMA.search(text):
        f.append("comma-between")
    if _FULL_STOP.search(text):
        f.append("stop-between")
    return f


_LEVELS = {"Province": 1, "City": 2, "County": 3, "Town": 4, "Street": 4, "Community": 5, "Village": 5, "Neighborhood": 6}
_CLAUSE_MARKS = "，,。；;：:"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARKS}]")


class _Actors:
    """What the document says of its bodies and places as actors: how often each is named,
    which are named most, and how many practices the rules already credit to each."""

    def __init__(self, view: DocView, rule_pairs: dict[tuple[str, str], str]):
        x = view.x
        self.view, self.rule_pairs = view, rule_pairs
        self.all = [m for m in x.mentions if m.type in _ACTORS]
        places = Counter(m.canonical for m in self.all if m.type in PLACE_TYPES)
        orgs = Counter(m.canonical for m in self.all if m.type == "Organization")
        self.top_place = {n for n, c in places.items() if c == max(places.values(), default=0)}
        self.top_org = {n for n, c in orgs.items() if c == max(orgs.values(), default=0)}
        top = self.top_place | self.top_org
        #: the most named bodies and places, each by its first mention (a candidate an
        #: actor's name: later mentions of a name already proposed add nothing)
        self.top: list[Mention] = []
        for m in self.all:
            if m.canonical in top:
                self.top.append(m)
                top.discard(m.canonical)
        by_id = {m.id: m for m in x.mentions}
        self.credits = Counter(by_id[s].canonical for s, _ in rule_pairs if s in by_id)

    def pair(self, m: Mention, mm: Mention, where: list[str], verb: str) -> Pair:
        f = ["bias-pair", "actor:" + m.type, *where]
        if m.type == "Organization":
            f += ["head:" + m.canonical[-2:], "ohead1:" + m.canonical[-1:]]
        else:
            f.append("level:" + str(_LEVELS.get(m.type, 0)))
        f.append("count:" + _bucket(self.view.counts[m.canonical], (1, 2, 4, 8)))
        if m.canonical in self.top_place:
            f.append("top-place")
        if m.canonical in self.top_org:
            f.append("top-org")
        f.append("actor-credited:" + _bucket(self.credits.get(m.canonical, 0), (0, 1, 3)))
        if verb:
            f.append("mech-Lw:" + verb)
        how = self.rule_pairs.get((m.id, mm.id))
        if how:
            f += ["rule-pair", "rule:" + how]
        return Pair(m, mm, f)


def _spots(view: DocView, sents: list[Sentence], k: int, i: int, j: int):
    """Every body and place that may act for the practice at ``i:j`` of sentence ``k``, with
    where it stands: before it in the sentence (nearest first), after it, in the two
    sentences before, in the headline."""
    sent = sents[k]
    text = sent.text
    here = sorted(view.spans(sent, _ACTORS), key=lambda t: (t[0], -t[1]))
    bodies = [(a, b) for a, b, m in here if m.type == "Organization"]
    for rank, (a, b, m) in enumerate(reversed([t for t in here if t[1] <= i]), 1):
        f = ["same-sent", "before", "rank:" + _bucket(rank, (1, 2, 3)), "dist:" + _bucket(i - b, (0, 2, 5, 10, 20, 40))]
        f += _between_feats(text[b:i])
        if not _CLAUSE_MARK.search(text[b:i]):
            f.append("same-clause")
        if any(oa <= a and b <= ob and (oa, ob) != (a, b) for oa, ob in bodies):
            f.append("inside-body")  # a place inside a body's name speaks through the body
        if a == 0 or text[a - 1] in _CLAUSE_MARKS:
            f.append("clause-start")
        if text[max(0, a - 1):a] == "在" or text[max(0, a - 2):a] in ("来到", "走进", "深入"):
            f.append("venue")
        if text[b:b + 1] == "的":
            f.append("of-after")
        yield m, f
    for rank, (a, _b, m) in enumerate([t for t in here if t[0] >= j], 1):
        f = ["same-sent", "after", "rank:" + _bucket(rank, (1, 2)), "dist:" + _bucket(a - j, (0, 2, 5, 10, 20, 40))]
        yield m, f + _between_feats(text[j:a])
    for back in (1, 2):
        if k - back < 0 or sents[k - back].article != sent.article:
            break
        prev = sents[k - back]
        for rank, (a, _b, m) in enumerate(sorted(view.spans(prev, _ACTORS), key=lambda t: -t[1]), 1):
            f = [f"prev{back}", "rank:" + _bucket(rank, (1, 2, 3))]
            if a == 0 or prev.text[a - 1] in _CLAUSE_MARKS:
                f.append("clause-start")
            yield m, f
    for s in view.headings.get(sent.article, ()):
        if s.index < sent.index:
            for _a, _b, m in view.spans(s, _ACTORS):
                yield m, ["headline"]


def pair_candidates(view: DocView, mechs: list[tuple[Sentence, int, int, Mention]],
                    rule_pairs: dict[tuple[str, str], str]) -> list[Pair]:
    """For each mechanism mention, the bodies and places that may carry it out (one
    candidate an actor's name: its nearest mention)."""
    sents = view.x.doc.sentences
    pos = {s.index: k for k, s in enumerate(sents)}
    actors = _Actors(view, rule_pairs)
    out: list[Pair] = []
    for sent, i, j, mm in mechs:
        k = bisect_right(token_bounds(sent.text)[1], i)  # the words ending by i: the last is the verb
        a, b, _ = tokens(sent.text)[k - 1] if k else (0, 0, "")
        verb = sent.text[a:b]
        seen: set[str] = set()
        spots = list(_spots(view, sents, pos[sent.index], i, j))
        spots += [(m, ["doc-top"]) for m in actors.top]
        for m, where in spots:
            if m.canonical not in seen:
                seen.add(m.canonical)
                out.append(actors.pair(m, mm, where, verb))
    return out


# ------------------------------------------------------------------ people

_PLACE_END = set("村镇旗县市区乡盟省街")
#: characters that follow a name far more often than they end one
_AFTER_NAME = set("从便手刚说在也就又都还把被给和与向对正已将才却曾每带领来去到是为等的了着过时")
_NOT_NAME = re.compile(r"[^\u4e00-\u9fff·]")


#: a leader named only in a slogan or a study phrase: 学习|贯彻|以 某某 总书记关于……, 某某新时代……思想
_SLOGAN_BEFORE = re.compile(r"(?:学习|贯彻|落实|以|遵循|践行|《)$")
_SLOGAN_AFTER = re.compile(r"(?:总书记|同志)?(?:关于|新时代|重要|“|《|的重要|治国理政)")


_AGE_BEFORE = re.compile(r"[0-9一二三四五六七八九十]岁的$")
_BYLINE_WORDS = re.compile(r"记者|通讯员|摄影|编辑|来源")


def person_feats(view: DocView, sent: Sentence, i: int, j: int, rule: Mention | None, lac: str | None,
                 lac_exact: bool) -> list[str]:
    text = sent.text
    name = text[i:j]
    f = ["bias-person", "len:" + _bucket(len(name), (1, 2, 3, 4, 5, 6))]
    if rule is not None:
        f += ["src:rule", "rule:" + rule.evidence.extractor]
    if lac in ("EXT", "TRIM"):
        f.append("src:extended" if lac == "EXT" else "src:trimmed")
    elif lac is not None:
        f.append("src:lac")
    if lac_exact:
        f.append("agree")
    if name[:2] in L.SURNAMES_2:
        f.append("sur2")
    elif name[:1] in L.SURNAMES_1:
        f.append("sur1")
    else:
        f.append("nosur")
    if all(c in L.MONGOLIAN_CHARS for c in name):
        f.append("mongolian")
    left, right = text[max(0, i - 6):i], text[j:j + 6]
    f += ["L1:" + left[-1:], "L2:" + left[-2:], "R1:" + right[:1], "R2:" + right[:2]]
    if _TITLE_BEFORE.search(left):
        f.append("title-before")
    if _AGE_BEFORE.search(left):
        f.append("age-before")  # 78岁的|某某
    if _SPEECH_AFTER.match(right):
        f.append("speech-after")
    if right[:2] in L.HONORIFICS or right[:1] in L.HONORIFICS:
        f.append("honorific-after")
    if any(name.endswith(h) and len(name) > len(h) for h in L.HONORIFICS):
        f.append("surname-and-honorific")  # 赵先生, 李大姐: no full name
    if name[-1] in _PLACE_END:
        f.append("place-end")
    if "某" in name:
        f.append("mou")
    if name[-1] in _AFTER_NAME:
        f.append("ends-in-function-char")  # 张伟从, 杨阳便: a word after the name glued to it
    if _NOT_NAME.search(name):
        f.append("not-han")
    starts, ends = token_bounds(text)
    k = bisect_left(starts, i)  # the word opening at i, if one does
    first = tokens(text)[k][2] if k < len(starts) and starts[k] == i and ends[k] <= j else None
    if first is not None:
        f.append("ptag-first:" + first[:1])  # 了解|到: a verb of the dictionary opens no name
    for a, b, m in view.spans(sent, PLACE_TYPES + ("Organization",)):
        if a < j and i < b:
            f.append("overlaps:" + ("Organization" if m.type == "Organization" else "place"))
            break
    if _SLOGAN_BEFORE.search(text, max(0, i - 8), i) or _SLOGAN_AFTER.match(text, j):
        f.append("named-in-a-slogan")  # 学习习近平总书记关于……的重要论述: a leader quoted, not acting
    if sent.is_heading:
        f.append("heading")
    if _BYLINE_WORDS.search(text):
        f.append("byline-words")
    n = view.count(sent, name)
    f.append("count:" + _bucket(n, (1, 2, 3)))
    return f


def _contest(a: int, b: int, by_rule: bool, spans: dict) -> list[str]:
    """How the other source reads the same words: a longer or a shorter name (王林 | 王林涛)."""
    f = []
    for (c, d), (m, _) in spans.items():
        if (c, d) == (a, b) or not (c < b and a < d):
            continue
        other = "rule" if m is not None else "lac"
        me = "rule" if by_rule else "lac"
        if other != me:
            f.append(f"{me}-vs-{other}:" + ("longer" if d - c > b - a else "shorter" if d - c < b - a else "shifted"))
    return f


def person_candidates(view: DocView, lac_words: dict[int, list[tuple[int, int, str]]]) -> list[list[Candidate]]:
    """Groups of overlapping person candidates (the rules' and the tagger's), one group a
    name: at most one of a group is taken."""
    groups: list[list[Candidate]] = []
    for sent in view.x.doc.sentences:
        rule = view.spans(sent, ("Person",))
        lac = [(a, b) for a, b, t in lac_words.get(sent.index, []) if t == "PER"]
        spans: dict[tuple[int, int], tuple[Mention | None, str | None]] = {}
        for a, b, m in rule:
            spans[(a, b)] = (m, None)
        for a, b in lac:
            while a < b and sent.text[a].isspace():
                a += 1
            while b > a and sent.text[b - 1].isspace():
                b -= 1
            if b - a < 2 or b - a > 12:
                continue
            if any(sent.text[a:b].endswith(h) and b - a - len(h) <= 2 for h in L.HONORIFICS):
                continue  # 赵大姐, 李师傅: a surname and an honorific is no full name (the guideline)
            m, _ = spans.get((a, b), (None, None))
            spans[(a, b)] = (m, "PER")
        lac_set = {(a, b) for a, b in lac}
        ends = set(token_bounds(sent.text)[1])
        for a, b in list(spans):
            if b - a > 2 and sent.text[b - 1] in _AFTER_NAME and b - 1 in ends:
                spans.setdefault((a, b - 1), (None, "TRIM"))  # 赵某某|刚当选: a word after the name glued to it
            # a long Mongolian name read short (某某|乐图): its run of name characters goes on,
            # to the end of one of jieba's words
            e = b
            if not all(ch in L.MONGOLIAN_CHARS for ch in sent.text[a:b]):
                continue  # (孟某某|和被告: a Han name goes on no further)
            while e < len(sent.text) and e - a < 8 and sent.text[e] in L.MONGOLIAN_CHARS:
                e += 1
                if e in ends:
                    spans.setdefault((a, e), (None, "EXT"))
        cands = [Candidate("Person", sent, a, b, sent.text[a:b],
                           person_feats(view, sent, a, b, m, t, m is not None and (a, b) in lac_set)
                           + _contest(a, b, m is not None, spans), m)
                 for (a, b), (m, t) in sorted(spans.items())]
        # overlapping candidates form one group; the longest reading of a group is marked
        here: list[list[Candidate]] = []
        for c in cands:
            if not any(o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
                       for o in cands):
                c.feats.append("longest")
            for g in here:
                if any(o.start < c.end and c.start < o.end for o in g):
                    g.append(c)
                    break
            else:
                here.append([c])
        for g in here:
            _nested_readings(view, sent, g)
        groups.extend(here)
    return groups


def _nested_readings(view: DocView, sent: Sentence, group: list[Candidate]) -> None:
    """How two readings of one name, one inside the other, compare over the article: the
    short one never stands alone (王林 always in 王林涛), or the long one only adds a word
    that follows names (张伟|从2018年)."""
    for short in group:
        for long in group:
            if long is short or not (long.start <= short.start and short.end <= long.end) or long.end - long.start <= short.end - short.start:
                continue
            if view.count(sent, short.surface) == view.count(sent, long.surface):
                short.feats.append("always-continued")
                long.feats.append("covers-every-use")
            if long.start == short.start and long.end == short.end + 1 and long.surface[-1] in _AFTER_NAME:
                short.feats.append("drops-function-char")
                long.feats.append("adds-function-char")


# ------------------------------------------------------------------ bodies

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


def org_feats(view: DocView, sent: Sentence, i: int, j: int, head: str, rule: Mention | None, overlap: bool) -> list[str]:
    text = sent.text
    name = text[i:j]
    prefix = name[: len(name) - len(head)] if name.endswith(head) else name
    starts, ends = token_bounds(text)
    all_toks = tokens(text)
    toks = all_toks[bisect_left(starts, i):bisect_right(ends, j)]  # the words inside i:j
    f = ["bias-org", "head:" + head, "hlen:" + str(min(len(head), 5)), "len:" + _bucket(len(name), (2, 3, 4, 5, 6, 8, 10, 14)),
         "ntok:" + _bucket(len(toks), (1, 2, 3, 4, 6))]
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
        if _PUNCT.match(text[i - 1]):
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
    f.append("count:" + _bucket(view.count(sent, name), (1, 2, 3)))
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
        for hm in _org_heads(text):
            h, e = hm.start(), hm.end()
            before = toks[:bisect_right(ends, h)]
            n = 0
            for a, b, _ in reversed(before):
                if _PUNCT.search(text[a:b]) or b - a == 1 and text[a] in L.ORG_STOP:
                    break
                n += 1
                if n > 5 or e - a > 20:
                    break
                spans.setdefault((a, e), (None, hm.group()))
        rule_spans = [(a, b) for a, b, _ in rule]
        cands = _kind_only_candidates(view, sent) + _listed_heads(view, sent, spans)
        proposed = {(c.start, c.end) for c in cands}
        for (a, b), (m, head) in sorted(spans.items()):
            if (a, b) in proposed:
                continue
            overlap = m is None and any(ra < b and a < rb for ra, rb in rule_spans)
            name = m.canonical if m is not None else text[a:b]
            if m is None and _NO_ONE_BODY.search(name):
                continue  # 某县镇两级党委, 甲+乙方式入驻某中心: bodies of several levels, a list, no one body
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


def _listed_heads(view: DocView, sent: Sentence, spans: dict) -> list[Candidate]:
    """Bodies of one place listed after the first with their heads alone (某街道党工委、
    办事处; 某旗委、政府): each head read with the first body's places."""
    text = sent.text
    places = view.spans(sent, PLACE_TYPES)
    out = []
    for (a, b), (_m, head) in sorted(spans.items()):
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


def _is_reference(m: Mention) -> bool:
    """A place named by a reference to it (该村, 本镇), not by its name."""
    return m.name[:1] in "该本此" and m.name != m.canonical


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
        elif (km := _KIND_WORD.match(head)) is not None and len(head) > len(km.group()):
            s, word = h, km.group()
        else:
            continue
        if any(a < s + len(word) and s < b and not _is_reference(m) for a, b, m in places):
            continue  # 某某镇党委: the place is named, not the kind (该村党支部 names the kind)
        if s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in "在由和与及、的是对向经从为各该本全":
            continue  # inside a longer word
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
            f = ["bias-org", "kind-only", "kind-only:" + word, "head:" + head, "kind-places:" + _bucket(n_places, (1, 2)),
                 "kind-named:" + _bucket(n_named, (1, 2, 4)), "kind-L1:" + text[s - 1:s], "kind-reading:" + how]
            if view.count(sent, place.canonical + rest):
                f.append("kind-full-in-text")
            if _TITLE_AFTER.match(text[e:e + 6]):
                f.append("title-after")
            if sent.is_heading:
                f.append("heading")
            out.append(Candidate("Organization", sent, s, e, place.canonical + rest, f, None, place))
    return out
