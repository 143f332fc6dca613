"""The catalogue of extraction rules: every rule that proposes or rejects a span or a fact, by id.

A rule's id is what the graph records as the extractor of its evidence (``kg:attestedBy`` →
``kg:extractor``): the learned decisions (:mod:`kg.learn`) read it as a feature, so an id,
once used, stays.  A proposing rule carries its confidence (and named variants where the same
rule is surer in one setting than another); a rejecting rule has none.  The finders and the
stages take their confidences from here (:func:`conf`); ``kg rules`` lists the catalogue with
how often each rule fired in a graph (:mod:`kg.rulestats`).

>>> conf("suffix"), conf("org-head", "placed")
(0.6, 0.85)
>>> RULES["chain"].kind
'locatedIn'
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    id: str  # the extractor name the evidence carries
    kind: str  # what it proposes (an entity type, a relation) or "reject …"
    does: str  # one line, with an example
    confidence: float | None = None  # None for a rule that only rejects
    variants: dict[str, float] = field(default_factory=dict)  # surer or less sure settings

    @property
    def proposes(self) -> bool:
        return self.confidence is not None


#: implements: a fact's confidence is the rule's weight times the practice's, plus this
IMPLEMENTS_BASE = 0.2

_CATALOGUE: tuple[Rule, ...] = (
    # ------------------------------------------------------------ places
    Rule("gazetteer", "Place", "a gazetteer name: 鄂尔多斯市 anywhere (upper), 某某镇 by its suffix (lower)", 0.95,
         {"lower": 0.8}),
    Rule("gazetteer-alias", "Place", "a short form of an upper place: 包头 for 包头市, 九原 for 九原区", 0.85),
    Rule("gazetteer-common", "Place", "a gazetteer name that is also a word (老城区): a place only in its region", 0.95),
    Rule("suffix", "Place", "a name closed by a place suffix that a chain or the words vouch for: 某某嘎查", 0.6),
    Rule("chained", "Place", "a place right after the one that contains it (某县某某镇) is surer", 0.1,
         {"cap": 0.95}),
    Rule("region-alias", "Place", "自治区 alone: the autonomous region the document is about", 0.7),
    Rule("chain", "locatedIn", "a place written right after its parent: 九原区沙河街道 → 沙河街道 in 九原区", 0.9),
    Rule("context", "locatedIn", "a new place below the county in the article's nearest higher place", 0.5),
    Rule("place-outlet", "reject Place", "a place naming an outlet is none: 内蒙古日报, 新华网内蒙古频道"),
    Rule("place-generic", "reject Place", "a kind of place, not one: 农村, 各社区, 老旧小区, 两个村"),
    Rule("place-unplaced-word", "reject Place",
         "a village or town name the gazetteer has only outside the region, unchained: 发展村"),
    Rule("place-verb-object", "reject Place", "a verb and its object: 联系社区, 回社区报到, 建强社区"),
    # ------------------------------------------------------------ bodies
    Rule("org-head", "Organization", "a name closed by a body's head: 红星村党支部, 某某有限公司", 0.65,
         {"placed": 0.85, "joined": 0.8, "sender": 0.75, "committee": 0.8}),
    Rule("org-short", "Organization", "a body named by its level: 市国资委, 区委组织部 (the article's 市, 区)", 0.6),
    Rule("org-generic", "Organization",
         "a body named by its kind, read in context: 社区党委推出…… (acting), 居委会主任 (post)", 0.3,
         {"acting": 0.55, "named": 0.5, "post": 0.6}),
    Rule("org-quoted", "Organization", "a team named whole in quotes: 组建“马背宣讲团”", 0.7),
    Rule("coreference", "Place, Organization", "该县, 全旗, 本社区, 该院: what the article last named", 0.6),
    Rule("post-department", "Organization", "组织部长某某: the department the post names", 0.6),
    Rule("post-unit", "Organization", "公司党支部书记、经理某某: the company the party body belongs to", 0.6),
    Rule("post-team", "Organization", "队长某某说: the team the article last named", 0.55),
    Rule("body-kind", "reject Organization", "a kind of body, not one: 党组织, 驻村工作队, 旗县区两级党委"),
    Rule("body-idle-venue", "reject Organization",
         "a 党群服务中心 or 服务站 nobody leads and that does nothing is a building"),
    # ------------------------------------------------------------ people
    Rule("byline", "Person", "a name in a byline: 本报记者 某某 通讯员 某某, □某某", 0.95, {"mark": 0.9}),
    Rule("brief-credit", "Person", "the writer of a brief in parentheses at its end: ……。(某某)", 0.8),
    Rule("photo-credit", "Person", "a photographer: 某某 摄", 0.9),
    Rule("post", "Person, leads",
         "a name after a post (社区党委书记某某说), and the post's body as what the person leads", 0.85,
         {"role": 0.75, "leads": 0.85, "apposition": 0.8, "later": 0.75, "department": 0.7, "unit": 0.7,
          "team": 0.6}),
    Rule("apposition", "Person", "某某，某村党支部书记，……: a name with its post as an apposition", 0.8),
    Rule("quote-speaker", "Person", "the speaker after a closing quote: “……。”某某说", 0.7),
    Rule("according-to", "Person", "据某某介绍", 0.7),
    Rule("name-honorific", "Person", "a full name before an honorific or kin word: 某某大爷, 某某老人", 0.7),
    Rule("jieba-name", "Person", "a name jieba proposes that a speech verb or a descriptor confirms", 0.6),
    Rule("person-common-word", "reject Person", "a surname and a word are no name: 干部可, 和群众, 楼长"),
    # ------------------------------------------------------------ practices
    Rule("mech-quoted", "Mechanism",
         "a quoted name closed by a practice head or credited by a verb: 推行“三事分流”机制", 0.55,
         {"head": 0.8, "verb": 0.65}),
    Rule("mech-apposition", "Mechanism", "“支部+网格”的“三级联动”机制: the first quote spells out the second", 0.6),
    Rule("mech-head", "Mechanism", "an unquoted system after its verb: 建立双向考评制度, 推行导师帮带制", 0.6),
    Rule("mech-list", "Mechanism", "the items of a list of practices: 健全承诺制、容缺受理、延时服务", 0.55,
         {"counted": 0.6}),
    Rule("mech-list-name", "Mechanism", "a list named as one practice: 推行问题共商、活动共办、成果共享工作机制", 0.55),
    Rule("practice-event", "reject Mechanism", "a one-off event or topic: “……”主题党日, 政策宣讲会"),
    Rule("practice-outcome", "reject Mechanism", "an outcome or principle: 形成“……”的良好局面"),
    Rule("practice-figure", "reject Mechanism",
         "a figure of speech or a change: 把“……”变成“……”, 从“……”到“……”, 打破“……”"),
    Rule("practice-slogan", "reject Mechanism", "a slogan of parallel phrases or a long title: “选、育、管、用”"),
    Rule("practice-rated", "reject implements", "评定了“……”等品牌: who rates practices does not run them"),
    # ------------------------------------------------------------ implements
    Rule("implements-sentence", "implements", "the sentence's actor before the practice: 某社区推行“……”", 0.7),
    Rule("implements-article", "implements", "the article's subject, where the sentence names no actor", 0.5,
         {"quote": 0.6}),
    Rule("implements-joint", "implements", "甲党委与乙组织部联合印发……: the partners act too", 0.7),
    Rule("implements-speaker", "implements", "“我们推行……”某某书记介绍: the speaker's body", 0.6,
         {"quote": 0.6}),
)

#: every rule, by id
RULES: dict[str, Rule] = {r.id: r for r in _CATALOGUE}


def conf(rule_id: str, variant: str = "") -> float:
    """The confidence of rule ``rule_id`` (in setting ``variant``); an unknown id or variant
    is an error that lists those there are."""
    rule = RULES.get(rule_id)
    if rule is None or rule.confidence is None:
        raise KeyError(f"no proposing rule {rule_id!r}; the rules are {', '.join(r.id for r in _CATALOGUE if r.proposes)}")
    if not variant:
        return rule.confidence
    if variant not in rule.variants:
        raise KeyError(f"rule {rule_id!r} has no setting {variant!r}; it has {', '.join(rule.variants) or 'none'}")
    return rule.variants[variant]


def implements_confidence(rule_id: str, practice: float, variant: str = "") -> float:
    """An ``implements`` fact's confidence: the rule's weight times the practice's, plus a base."""
    return conf(rule_id, variant) * practice + IMPLEMENTS_BASE
