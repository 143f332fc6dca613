"""Learned decisions over the rules' proposals: which candidates become entities and facts.

The rules (:mod:`kg.extract`) propose; :mod:`kg.learn.candidates` adds the alternatives
they passed over; a :class:`Model` trained on annotated articles (:mod:`kg.learn.train`)
decides.  Its probability is the confidence of every mechanism and implements fact it
keeps.  Places, bodies, people and their other facts are the rules' own.

A model is plain JSON (``kg/data/model.json`` ships with the package): per decision a
logistic regression (:class:`kg.learn.logreg.LogReg`) or boosted trees
(:class:`kg.learn.gbdt.Trees`) over named features.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..extract import lexicon as L
from ..extract.posts import TITLE_LIST_OVER, sent_as_first_secretary
from ..extract.spans import TITLE_RE, inside_quote
from ..model import PLACE_TYPES, Evidence, Extraction, Mention, RelationMention
from ..timing import timed
from .candidates import (
    PERSON_CUE,
    Candidate,
    DocView,
    mechanism_candidates,
    org_candidates,
    pair_candidates,
    person_candidates,
)
from .learners import Decider, from_dict
from .tagger import tag_sentences

# ``kg build --profile``: each step of the decisions counted apart (kg/timing.py)
org_candidates = timed("learned: organization candidates")(org_candidates)
person_candidates = timed("learned: person candidates")(person_candidates)
mechanism_candidates = timed("learned: mechanism candidates")(mechanism_candidates)
pair_candidates = timed("learned: implements candidates")(pair_candidates)
tag_sentences = timed("learned: LAC tagger")(tag_sentences)

#: the model that ships with the package (``make model`` writes it)
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "data" / "model.json"
MODEL_FORMAT = 1
#: the decisions a model holds, in the order they are taken
DECISIONS = ("Organization", "Person", "Mechanism", "implements")


@dataclass
class Model:
    decisions: dict[str, Decider] = field(default_factory=dict)
    #: a second actor of one mechanism is kept only at or above this probability
    joint_threshold: float = 0.6
    meta: dict = field(default_factory=dict)

    def to_json(self) -> str:
        d = {
            "format": MODEL_FORMAT,
            "meta": self.meta,
            "joint_threshold": self.joint_threshold,
            "decisions": {k: self.decisions[k].as_dict() for k in DECISIONS if k in self.decisions},
        }
        return json.dumps(d, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        d = json.loads(text)
        if d.get("format") != MODEL_FORMAT:
            raise ValueError(f"model format {d.get('format')!r}, expected {MODEL_FORMAT}")
        return cls({k: from_dict(v) for k, v in d["decisions"].items()},
                   float(d.get("joint_threshold", 0.6)), d.get("meta", {}))


@lru_cache(maxsize=4)
def parse_model(text: str) -> Model:
    return Model.from_json(text)


def model_text(path: str | Path | None) -> str:
    """The bytes of the model at ``path`` (the shipped one for None), as text."""
    return Path(path or DEFAULT_MODEL).read_text(encoding="utf-8")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _evidence(x: Extraction, sent, i: int, j: int, how: str) -> Evidence:
    doc = x.doc
    start, end = sent.span(i, j)
    return Evidence(doc.id, sent.index, start, end, doc.text[sent.start : sent.end], how, sent.article)


#: features that rule a reading out whatever the model says, by decision:
#: - a practice: a plan's period (“十四五”规划), a title of honour (某某示范社区, 四星党支部),
#:   a generic goal or slogan of the lexicon (“乡村振兴”, “三个代表”) and a meeting (某某征集会:
#:   a one-off event), all the guideline's, a shortcoming (就医难、停车难) and a name
#:   something is called by (被人喻为“……”, 称为“……”: a nickname, as a title of honour is), a
#:   party body named whole in quotes (“某某工程党总支委员会”), a quoted name written before
#:   an honour's selection, a contest, a show or a product's kind (“某某”评选, “某某”演讲比赛,
#:   “某某”品种; no annotated practice is), a short quoted piece of a longer quoted name of the
#:   article (“一图” after “一图一册一群一会”工作法: the annotators leave the parts out), a
#:   public account's name in a WeChat page's clutter (点击上方蓝字“某某融媒”关注我们);
#: - a person: a reading that runs into a place's or a body's name (某某|图嘎查; none of
#:   the annotated articles has one), a name hidden by 某 (云某), an idiom or set phrase of
#:   the dictionary (方兴未艾: jieba's i and l; 夏初: its time word t), a post (苏木长), a leader named only in a
#:   slogan or a study phrase (学习|某某|总书记关于……, 以|某某|新时代……思想), as the guideline says,
#:   a reading that ends in a place's kind or holds one of two characters (强村, 陈旗, 某某和苏木: no annotated name does) and the
#:   tagger's reading of a word the dictionary has as a place or another proper noun,
#:   short or common (蒙汉双语, 扬帆; no annotated name is one), and a time's unit after
#:   每, 本, 上 … (每|周研判), and a reading holding a character that is neither Han nor the
#:   middle dot (a byline's 某某/文: no annotated name has one), and a Han name of five
#:   characters or more ending in a word of the dictionary (某某手把手), a reading a post
#:   opens (嘎查达某某: the name after the post is its own candidate), a reading that ends in
#:   a verb of jieba's after a name of two characters or more (某某图雅|兼任), or 和 before a
#:   role, a post or a group (某某图和|村民代表: the conjunction), or words inside a practice's
#:   name (“党员连在户上”), or a reading before 地 and a verb (麻利|地给: an adverb) or before 里
#:   (牛舍|里: where something happens; no annotated name is followed by either), a reading
#:   opened by a verb (包联|楼栋), a reduplicated word (蒙蒙亮) or the second of two words opening
#:   alike (惠民|惠企), a surname called familiarly and an adverb (小|刘刚|进院子: 小刘, then 刚), 任
#:   taking a post read into the name (某某任|共同体党委书记), the first syllables of a long
#:   transliterated name that the page never writes alone (额尔敦|巴雅尔图), a county's or a city's
#:   name or short form (扎鲁特|发布; of the annotated people only 高平, a surname's, is one), a
#:   page's label (上一版 after a byline), a reading after one syllable and 和 (、孟和|某某某:
#:   one syllable alone is no name, the 和 no conjunction: the longer reading is proposed), the
#:   name of a lower place the page names, less its kind (某某 of 某某镇 or 某某小区), a reading
#:   that ends inside one of the dictionary's words before no word that follows names (黄葛|树:
#:   none of 3,571 annotated names does), a trade's word closing it (牛贩子, 老椒农);
#: - a body: counted or said of each of a kind, with no place in its name (楼宇党支部15个,
#:   在每个村成立某某理事会), the publisher a page's source field names (来源：某某融媒体中心);
#:   places' names alone (某市某区某某街道, as the tagger may read them)
VETOES: dict[str, frozenset[str]] = {
    "Mechanism": frozenset({"plan-period", "problem", "honour-title", "slogan", "meeting", "nickname", "body-full-name",
                            "event-after", "part-of-a-quote", "improved-system", "account"}),
    "Person": frozenset({"overlaps:place", "overlaps:Organization", "mou", "word:i", "word:l", "word:t", "is-post",
                         "slogan-only", "place-end", "place-word", "time-unit", "not-han", "word-tail", "post-opens",
                         "verb-tail", "he-then-role", "in-practice", "counted", "complement-after", "adverb-after", "localizer-after",
                         "verb-opens", "reduplicated", "parallel", "he-ends-name",
                         "familiar-then-adverb", "takes-post-tail", "mongolian-cut", "upper-place-name",
                         "opens-a-quoted-name", "page-label", "syllable-he-before",
                         "place-stem", "cuts-a-word", "count-measure", "trade-tail"}),
    "Organization": frozenset({"is-place", "counted", "source-field"}),
}
_NO_VETO: frozenset[str] = frozenset()


#: rules that read a name from a table, as the gazetteer reads places: their readings stand
TABLE_RULES = frozenset({"org-national"})


def _prob(lr: Decider, decision: str, feats: list[str]) -> float:
    """The model's probability of a candidate, 0 where a veto of ``decision`` holds."""
    return 0.0 if not VETOES.get(decision, _NO_VETO).isdisjoint(feats) else lr.prob(feats)


@timed("learned: decisions")
def decide(x: Extraction, model: Model) -> Extraction:
    """``x`` with its mechanisms and implements facts as the model decides them."""
    words = tag_sentences(x.doc.sentences, PERSON_CUE.search) if model.decisions.keys() & {"Organization", "Person"} else {}
    if "Organization" in model.decisions:
        decide_groups(x, model.decisions["Organization"], org_candidates(DocView(x), words), "O")
        _outer_bodies_only(x)
    if "Person" in model.decisions:
        decide_groups(x, model.decisions["Person"], person_candidates(DocView(x), words), "P")
    _posts_held(x)
    _posts_of_a_kind(x)
    mech_model = model.decisions.get("Mechanism")
    pair_model = model.decisions.get("implements")
    if mech_model is None:
        return x
    view = DocView(x)
    kept: list[tuple] = []
    mech_p: dict[str, float] = {}  # a kept mechanism's probability
    dropped: set[str] = set()
    added: list[Mention] = []
    n = 0
    for group in mechanism_candidates(view):
        p, c = max(((_prob(mech_model, "Mechanism", c.feats), c) for c in group), key=lambda t: t[0])
        if p < mech_model.threshold:
            dropped.update(c.mention.id for c in group if c.mention is not None)
            continue
        m = c.mention
        if m is None:
            n += 1
            m = learned_mention(x, c, n, p)
            added.append(m)
        else:
            m.confidence = round(p, 3)
        kept.append((c.sent, c.start, c.end, m))
        mech_p[m.id] = p
    x.mentions = [m for m in x.mentions if m.id not in dropped] + added
    if pair_model is None:
        x.relations = [r for r in x.relations if r.subject not in dropped and r.object not in dropped]
        return x
    rule_pairs = {}
    rule_ev = {}
    for r in x.relations:
        if r.predicate == "implements":
            rule_pairs[(r.subject, r.object)] = r.evidence.extractor
            rule_ev.setdefault((r.subject, r.object), r.evidence)
    x.relations = [r for r in x.relations if r.subject not in dropped and r.object not in dropped]
    # where the rules credited a mechanism, their actors stand (their subject logic reads
    # the clause); the model chooses the actor of every mechanism they left without one
    credited = {r.object for r in x.relations if r.predicate == "implements"}
    rule_pairs.update(quoted_actors(x, added, kept))
    view = DocView(x)
    by_mech: dict[str, list] = {}
    for p in pair_candidates(view, [k for k in kept if k[3].id not in credited], rule_pairs):
        # the pair model learned actors of true mechanisms: a fact is as sure as both
        by_mech.setdefault(p.mech.id, []).append((pair_model.prob(p.feats) * mech_p[p.mech.id], p))
    where = {m.id: (s, i, j) for s, i, j, m in kept}
    for mech_id, scored in by_mech.items():
        scored.sort(key=lambda t: (-t[0], t[1].actor.id))
        for rank, (prob, p) in enumerate(scored):
            if prob < (pair_model.threshold if rank == 0 else max(pair_model.threshold, model.joint_threshold)):
                break
            ev = rule_ev.get((p.actor.id, mech_id))
            if ev is None:
                s, i, j = where[mech_id]
                ev = _evidence(x, s, i, j, "learned-implements")
            x.relations.append(RelationMention(p.actor.id, "implements", mech_id, ev, round(prob, 3)))
    _coordinated_actors(x, view)
    _most_specific_actor(x)
    return x


def _most_specific_actor(x: Extraction) -> None:
    """A practice credited both to a place and to a body named after it (某区 and 某区委组织部,
    某社区 and 某社区党委) anywhere in the document: the body, the most specific actor the text
    credits (the guideline), not the place too, as the annotated pages credit one.  But where
    the body is credited only as a post's body (某镇党委书记某某介绍，……) and the place by a
    sentence of its own (某镇推行……), the place stands and the body's credit goes.  (A body and
    one of its units, 某区委 and 某区委社会工作部, both stand: the pages credit both as often.)
    A city or a province credited where a place within it, by the document's chains, is credited
    with the same practice goes too, unless a sentence of its own credits it (在某市某区某街道某社区
    的……: the place the text says acts, not the chain's top)."""
    by_id = {m.id: m for m in x.mentions}
    sents = {s.index: s for s in x.doc.sentences}

    def practice(r: RelationMention) -> str | None:
        o = by_id.get(r.object)
        return o.canonical if o is not None else None

    def as_a_post(r: RelationMention, a: Mention) -> bool:
        # the body's mention in the credit's sentence, a post's title right after it
        s = sents.get(r.evidence.sentence)
        return s is not None and a.evidence.sentence == s.index and TITLE_RE.match(s.text, a.evidence.end - s.start) is not None

    bodies: dict[str | None, list[tuple[str, bool]]] = {}
    own: set[tuple[str, str | None]] = set()  # (place, practice) credited by a sentence of its own
    for r in x.relations:
        if r.predicate != "implements" or (a := by_id.get(r.subject)) is None:
            continue
        if a.type == "Organization":
            bodies.setdefault(practice(r), []).append((a.canonical, as_a_post(r, a)))
        elif a.type in PLACE_TYPES and a.evidence.sentence == r.evidence.sentence and a.evidence.extractor != "coreference":
            own.add((a.canonical, practice(r)))

    # the places each place lies in, as the document's chains say (canonical names)
    up: dict[str, set[str]] = {}
    for r in x.relations:
        if r.predicate == "locatedIn" and (s_ := by_id.get(r.subject)) is not None and (o_ := by_id.get(r.object)) is not None:
            up.setdefault(s_.canonical, set()).add(o_.canonical)

    def above(name: str) -> set[str]:
        seen, todo = set(), [name]
        while todo:
            for z in up.get(todo.pop(), ()):
                if z not in seen:
                    seen.add(z)
                    todo.append(z)
        return seen

    lower_credited: dict[str | None, set[str]] = {}  # practice → the upper places a credited place lies in
    ruled_within: dict[str | None, set[str]] = {}  # practice → the places an actor the rules credit lies in
    for r in x.relations:
        if r.predicate != "implements" or (a := by_id.get(r.subject)) is None:
            continue
        if a.type in PLACE_TYPES:
            lower_credited.setdefault(practice(r), set()).update(above(a.canonical))
        if r.evidence.extractor != _LEARNED_ACTOR:
            home = a if a.type in PLACE_TYPES else by_id.get(a.place) if a.place else None
            if home is not None:
                ruled_within.setdefault(practice(r), set()).update(above(home.canonical) | ({home.canonical} - {a.canonical}))

    def dropped(r: RelationMention) -> bool:
        a = by_id.get(r.subject)
        if r.predicate != "implements" or a is None:
            return False
        if a.type in _UPPER_TYPES and a.canonical in lower_credited.get(practice(r), ()) and (a.canonical, practice(r)) not in own:
            return True  # 某市 where a place in it (某市某区某街道) is credited: the place the text says acts
        if r.evidence.extractor == _LEARNED_ACTOR and a.type in PLACE_TYPES and a.canonical in ruled_within.get(practice(r), ()):
            return True  # the model's guess of a place where the rules credit an actor within it (某区|某社区党委推出)
        named = [(b, post) for b, post in bodies.get(practice(r), ()) if a.canonical in b and b != a.canonical] \
            if a.type in PLACE_TYPES else []
        if named:  # a place: it goes, unless its own sentence credits it and its bodies only hold posts
            return not ((a.canonical, practice(r)) in own and all(post for _, post in named))
        if a.type == "Organization" and as_a_post(r, a):  # a body as a post's: it goes where its place stands
            return any(p in a.canonical and p != a.canonical for p, m in own if m == practice(r))
        return False

    x.relations = [r for r in x.relations if not dropped(r)]


#: the levels of place that go where a place within them is credited with the same practice
_UPPER_TYPES = ("Province", "City")
#: the rule id of an actor the model chose (not the rules)
_LEARNED_ACTOR = "learned-implements"


#: what joins two actors listed in one clause (某村和某村, 某院、某局)
_JOINS = frozenset("、和与及同")
#: of those, what joins a partner to the subject (甲与乙), and what makes them act jointly
_PARTNER_JOINS = frozenset("与同")
_JOINTLY = re.compile("(?:还|又)?(?:" + "|".join(L.JOINT_WORDS) + ")")


def _coordinated_actors(x: Extraction, view: DocView) -> None:
    """某村和某村推行……, 某法院、某检察院、某司法局联合建立……: each body (or place) listed
    with an actor credited with a practice, in the clause that credits it, is credited too,
    where the list comes before the practice and is no list of examples (……等).  (``view``:
    the document's view as the decisions left its mentions.)"""
    by_id = {m.id: m for m in x.mentions}
    have = {(r.subject, r.object) for r in x.relations if r.predicate == "implements"}
    for r in [r for r in x.relations if r.predicate == "implements"]:
        actor = by_id.get(r.subject)
        sent = view.sents.get(r.evidence.sentence)
        if actor is None or sent is None or actor.evidence.sentence != r.evidence.sentence:
            continue
        body = actor.type == "Organization"
        spans = [t for t in view.spans(sent) if (t[2].type == "Organization") == body
                 and (body or t[2].type in PLACE_TYPES)]
        at = next((t for t in spans if t[2].id == actor.id), None)
        mech = next((t for t in view.spans(sent) if t[2].id == r.object), None)
        if at is None or mech is None:
            continue
        listed = []
        end = at[1]
        partner = False  # a 与 or 同 in the list: partners, unless they act jointly (与乙联合建立)
        for step in (-1, 1):  # leftward, then rightward, through the list
            a, b = at[0], at[1]
            while True:
                if step < 0:
                    nxt = max((t for t in spans if t[1] + 1 == a and sent.text[t[1]] in _JOINS), key=lambda t: t[1] - t[0], default=None)
                else:
                    nxt = max((t for t in spans if t[0] == b + 1 and sent.text[b] in _JOINS), key=lambda t: t[1] - t[0], default=None)
                if nxt is None:
                    break
                partner = partner or sent.text[nxt[1] if step < 0 else b] in _PARTNER_JOINS
                a, b = nxt[0], nxt[1]
                if not body:  # 某县某镇和某县某镇: the chain's last place is the one listed
                    while (on := next((t for t in spans if t[0] == b), None)) is not None:
                        nxt, b = on, on[1]
                    while (before := next((t for t in spans if t[1] == a), None)) is not None:
                        a = before[0]
                listed.append(nxt[2])
                end = max(end, b)
        if end > mech[0] or sent.text.startswith("等", end):
            continue  # the list after the practice, or closed by 等 (examples of what it made)
        if partner and not _JOINTLY.match(sent.text, end):
            continue  # 甲院与乙局建立……: the subject acts, its partner helps (the annotated pages' reading)
        for m in listed:
            if (m.id, r.object) not in have:
                x.relations.append(RelationMention(m.id, "implements", r.object, r.evidence, r.confidence))
                have.add((m.id, r.object))


def learned_mention(x: Extraction, c: Candidate, n: int, p: float = 0.5) -> Mention:
    """The mention of a practice the model takes where the rules took none (the ``n``-th)."""
    surface = c.sent.text[c.start : c.end]
    return Mention(f"{x.doc.id}:{c.sent.index}:L{n}", "Mechanism", surface, c.name,
                   _evidence(x, c.sent, c.start, c.end, "learned-mechanism"), round(p, 3), aliases=(surface,))


def quoted_actors(x: Extraction, added: list[Mention], kept: list[tuple]) -> dict[tuple[str, str], str]:
    """The actor the rules' reading of the clause gives each quoted practice the model took
    (``Extraction.actors``), as a pair of the rules: every mention of that actor's name."""
    new = {m.id for m in added}
    by_name: dict[str, list[str]] = {}
    for m in x.mentions:
        by_name.setdefault(m.canonical, []).append(m.id)
    names = {m.id: m.canonical for m in x.mentions}
    out = {}
    for s, i, j, m in kept:
        hint = x.actors.get(f"{s.index}:{i}:{j}") if m.id in new else None
        if hint is None:
            continue
        actor, how = hint.split("|")
        for aid in by_name.get(names.get(actor, ""), ()):
            out[(aid, m.id)] = how
    return out


def _place_of(x: Extraction, view: DocView, c: Candidate) -> str | None:
    """The place a body is named after: the last of the chain of places that opens its name."""
    end, place = c.start, None
    for a, b, m in sorted(view.spans(c.sent), key=lambda t: (t[0], -t[1])):
        if a == end and b <= c.end and m.type != "Organization" and m.type != "Person" and m.type != "Mechanism":
            end, place = b, m.id
    return place


def _named_for_its_place(x: Extraction, body: Mention) -> None:
    """镇里派出所: a body whose name opens with a reference to its place (镇里, 该村) is named
    with the place's own name (某某镇派出所), as the rules name it."""
    place = next((m for m in x.mentions if m.id == body.place), None) if body.place else None
    if place is not None and place.evidence.extractor == "coreference" and place.name.endswith("里") \
            and body.canonical.startswith(place.name) and place.canonical != place.name:
        body.canonical = place.canonical + body.canonical[len(place.name):]


#: a leading post right before a name: 某村党支部书记|田某
_POST_BEFORE = re.compile("(?:" + "|".join(map(re.escape, L.LEAD_TITLES)) + ")$")


def _post_before(x: Extraction, view: DocView, c: Candidate, person: Mention) -> None:
    """A name the rules missed, right after a body's or a place's name and a leading post
    (某村党支部书记|田某, 某嘎查嘎查达|某某): the person leads that body or place; a first
    secretary, the village the clause sends them to (驻村第一书记|某某|来到|某村)."""
    m = _POST_BEFORE.search(c.sent.text, 0, c.start)
    if m is None:
        return
    holders = [t for t in view.spans(c.sent, (*PLACE_TYPES, "Organization")) if t[1] == m.start()]
    if not holders and m.group() == "第一书记" and (sent_to := _SENT_TO.match(c.sent.text, c.end)):
        # 驻村第一书记|某某|来到|某村: the village the clause sends them to
        holders = [t for t in view.spans(c.sent, ("Village", "Community")) if t[0] == sent_to.end()]
    if not holders:
        return
    a, b, holder = max(holders, key=lambda t: (t[2].type == "Organization", t[1] - t[0]))
    ev = _evidence(x, c.sent, c.start, c.end, "post-before-learned-name")
    x.relations.append(RelationMention(person.id, "leads", holder.id, ev, round(0.9 * person.confidence, 3), m.group()))


def _post_slot(x: Extraction, c: Candidate, person: Mention) -> bool:
    """A name the rules missed right after a leading post they read for it
    (:attr:`Extraction.posts`: 社区党委书记、居委会主任|某某话音刚落): the person takes the
    post's ``leads`` facts, and the bodies made for them.  Was there such a post?"""
    slot = x.posts.get(f"{c.sent.index}:{c.start}")
    if slot is None:
        return False
    have = {m.id for m in x.mentions}
    x.mentions.extend(m for m in slot.mentions if m.id not in have)
    for r in slot.leads:
        ev = _evidence(x, c.sent, c.start, c.end, r.evidence.extractor)
        x.relations.append(RelationMention(person.id, r.predicate, r.object, ev,
                                           round(r.confidence * person.confidence, 3), r.role))
    return True


#: what takes a first secretary to the village they are sent to, right after the name
_SENT_TO = re.compile(r"(?:来到|到了|进驻|走进|驻|到)")
#: a leading post (and a second one: 书记兼居委会主任) between a body and a person's name
_POST_BETWEEN = re.compile("(?:" + "|".join(map(re.escape, L.LEAD_TITLES)) + r")(?:兼[\u4e00-\u9fff]{0,8}?(?:"
                           + "|".join(map(re.escape, L.LEAD_TITLES)) + "))?$")


#: a leading post closing the clause: 是某社区党委书记。
_POST_AFTER = re.compile("(?:" + "|".join(map(re.escape, L.LEAD_TITLES))
                         + r")(?=[。，,；;！!、）)]|$|已|以来|期间|至今|多年|[0-9一二三四五六七八九十两]+年|时|后|和|兼)")


#: a body's last character that is also its head's title's first (某司法所长某某: 所长)
_SHARED_HEAD = set("所局院站队庭")


#: what joins a person to the post they hold or take: 是, 刚当选, 担任, 被选为, (，)现任,
#: and a parenthesis (某某（某村党支部书记）)
_CLAUSE_END = re.compile(r"[，,。；;！!？?]")
_TAKE_VERB = (r"(?:刚刚|刚|已经|已|又|再次|先后|曾|一直|高票|全票|满票|顺利)?"
              r"(?:是|当选为?|担任|兼任|出任|成为|被选为|被推选为|被选举为|被任命为|现任|现为|系|任|当上了?|接任)")
#: between the name and the verb: 同志, a short biography (，男，1978年出生，中共党员，),
#: when (2019年, 自2018年起, 今年)
_BIOGRAPHY = r"(?:[，,](?:男|女|[\u4e00-\u9fff]{1,3}族|[0-9]{4}年(?:[0-9]{1,2}月)?(?:出生|生)?|中共党员|[\u4e00-\u9fff]{1,4}学历))*"
_WHEN = r"(?:(?:自|于)?[0-9]{4}年(?:[0-9]{1,2}月)?(?:起|以来|底|初)?|今年|去年|前年|目前)?"
_TAKES_POST = re.compile(r"(?:同志)?" + _BIOGRAPHY + r"[，,]?" + _WHEN + r"[，,]?" + _TAKE_VERB + r"|[（(]")
#: a village or community's first secretary, after its name (某村的驻村第一书记)
_FIRST_SECRETARY_AFTER = re.compile(r"(?:的)?(?:驻村)?第一书记")
#: 作为某村党支部书记，|某某: a post held, then the name after a comma
_AS_POST = re.compile(r"(?:作为|身为)$")
_POST_THEN_COMMA = re.compile("(?:" + "|".join(map(re.escape, L.LEAD_TITLES)) + r")[，,]$")


def _posts_held(x: Extraction) -> None:
    """某社区党委书记|某某 after the decisions: a person named right after a body and a
    leading post (or two: 书记兼居委会主任) leads that body; so does one said to hold or
    take the post (某某是|刚当选 某村党支部书记)."""
    view = DocView(x)
    led = {(r.subject, r.object) for r in x.relations if r.predicate == "leads"}
    for sent in x.doc.sentences:
        spans = view.spans(sent)
        for a, b, person in spans:
            if person.type != "Person":
                continue
            m = _POST_BETWEEN.search(sent.text, max(0, a - 16), a)
            holders = [t for t in spans if m is not None and t[2].type == "Organization" and (
                t[1] == m.start() or t[1] == m.start() + 1 and sent.text[m.start()] in _SHARED_HEAD)]
            if m is None and (c := _POST_THEN_COMMA.search(sent.text, max(0, a - 12), a)) is not None:
                # 作为某村党支部书记，某某……
                holders = [t for t in spans if t[2].type == "Organization" and t[1] == c.start()
                           and _AS_POST.search(sent.text, 0, t[0])]
                m = _POST_AFTER.match(sent.text, c.start()) if holders else None
            verb = _TAKES_POST.match(sent.text, b)
            place = None
            if m is None and verb is not None:  # 某某是某社区党委书记。 某某刚当选某村党支部书记，
                for t in spans:
                    if t[0] < verb.end() or _CLAUSE_END.search(sent.text, verb.end(), t[0]):
                        continue
                    if t[2].type == "Organization" and (m := _POST_AFTER.match(sent.text, t[1])):
                        holders = [t]
                        break
                    if t[2].type in ("Village", "Community") and _FIRST_SECRETARY_AFTER.match(sent.text, t[1]):
                        place = t[2]  # 某某担任某村第一书记, 某某是某村的驻村第一书记
                        break
            _post_by(x, view, sent, (a, b, person), led)
            if m is not None and verb is not None:
                _kind_post_taken(x, view, sent, (a, b, person), verb.end(), led)  # 某村书记某某是合作社理事长
            if m is None and verb is not None and not holders and place is None \
                    and (kind := _KIND_POST.match(sent.text, verb.end())) is not None:
                # 由某某担任党支部书记, 某某是合作社理事长, 由某某担任队长: the body of that kind the
                # article named last, up to here
                named = [t[2] for t in _orgs_so_far(view, x, sent, a) if _of_kind(kind, t[2].canonical)]
                if named:
                    holders, m = [(0, 0, named[-1])], _POST_AFTER.match(sent.text, kind.start("title" if kind.group("kind") else "bare"))
            if not holders and m is not None and place is None and (
                    first := _first_secretary_at(sent.text, m)) is not None:
                # 某村(驻村)第一书记(、驻村工作队队长)某某 (a name the rules did not read): the
                # village the post is of
                place = next((t[2] for t in spans if t[1] == first[0] and t[2].type in ("Village", "Community")), None) \
                    or _scene_village(sent.text, spans, first[0])
                if place is not None:
                    _lead(x, sent, (a, b, person), place, first[1], led, "post-after-body", 0.8)
                    continue
            if not holders and m is None and (place or (place := sent_as_first_secretary(sent.text, b, spans))):
                # 某某被选派到某村任第一书记
                _lead(x, sent, (a, b, person), place, "第一书记", led, "post-sent", 0.8)
                continue
            if not holders:
                continue
            holder = max(holders, key=lambda t: t[1] - t[0])[2]
            _lead(x, sent, (a, b, person), holder, m.group(), led)
            if verb is not None and m.end() > b:
                _second_post(x, sent, spans, (a, b, person), holder, m.end(), led)
            elif (jm := _JIAN_COMMITTEE.search(m.group())) is not None and holder.place is not None:
                _committee_post(x, sent, (a, b, person), holder, m, jm, led)
    _pronoun_posts(x, view, led)


#: a villagers' or residents' committee's post after 兼 (书记兼村委会主任)
_JIAN_COMMITTEE = re.compile(r"兼(村委会|居委会|村民委员会|居民委员会|嘎查委员会)(" + "|".join(map(re.escape, L.LEAD_TITLES)) + ")$")


def _committee_post(x: Extraction, sent, at: tuple[int, int, Mention], holder: Mention, m: re.Match, jm: re.Match,
                    led: set) -> None:
    """某村党支部书记兼村委会主任某某 (the branch named by reference or by kind): the person
    leads the committee of the branch's place too, named as the annotated pages name it."""
    place = next((mm for mm in x.mentions if mm.id == holder.place), None)
    if place is None or place.type not in ("Village", "Community"):
        return
    kind = jm.group(1)
    name = place.canonical + (kind if kind != "嘎查委员会" or not place.canonical.endswith("嘎查") else "委员会")
    body = next((mm for mm in x.mentions if mm.type == "Organization" and mm.canonical == name), None)
    if body is None:
        i = m.start() + jm.start(1)
        body = Mention(f"{x.doc.id}:{sent.index}:J{len(x.mentions)}", "Organization", kind, name,
                       _evidence(x, sent, i, i + len(kind), "post-after-body"), holder.confidence, place=place.id)
        x.mentions.append(body)
    _lead(x, sent, at, body, jm.group(2), led)


def _lead(x: Extraction, sent, at: tuple[int, int, Mention], body: Mention, role: str, led: set,
          how: str = "post-after-body", weight: float = 0.9) -> None:
    """The person named at ``at`` (start, end, mention) leads ``body`` with the post ``role``,
    unless that fact is already read."""
    a, b, person = at
    if (person.id, body.id) in led:
        return
    x.relations.append(RelationMention(person.id, "leads", body.id, _evidence(x, sent, a, b, how),
                                       round(weight * person.confidence, 3), role))
    led.add((person.id, body.id))


#: what joins a second post to the one a person takes (当选某村党支部书记、村委会主任)
_SECOND_POST_JOIN = re.compile(r"[、和]|兼任?")
#: a place's head (嘎查达, 村长): the second post leads the place
_PLACE_HEAD_AT = re.compile("|".join(sorted(L.PLACE_HEADS, key=len, reverse=True)))


def _second_post(x: Extraction, sent, spans, at: tuple[int, int, Mention], holder: Mention, e: int, led: set) -> None:
    """A second post named after the one a person takes (某某当选某村党支部书记、村委会主任;
    某某兼任某嘎查党支部书记和嘎查达): a body named there and its post, or a place's head
    (the place the first body's name opens with)."""
    j = _SECOND_POST_JOIN.match(sent.text, e)
    if j is None:
        return
    target, role = None, None
    body = next((t for t in spans if t[0] == j.end() and t[2].type == "Organization"), None)
    if body is not None and (pm := _POST_AFTER.match(sent.text, body[1])) is not None:
        target, role = body[2], pm.group()
    elif (hm := _PLACE_HEAD_AT.match(sent.text, j.end())) is not None and holder.place is not None \
            and _POST_AFTER.match(sent.text, j.end()):
        target = next((mm for mm in x.mentions if mm.id == holder.place), None)
        role = hm.group()
    if target is not None:
        _lead(x, sent, at, target, role, led)


def _scene_village(text: str, spans: list[tuple[int, int, Mention]], before: int) -> Mention | None:
    """The village (or community) the sentence opens on, 在某村，……, before ``before``."""
    return next((t[2] for t in spans if t[0] == 1 and t[1] < before and text[:1] == "在"
                 and text[t[1] : t[1] + 1] in "，," and t[2].type in ("Village", "Community")), None)


def _first_secretary_at(text: str, m: re.Match) -> tuple[int, str] | None:
    """Where a first secretary's post before a name starts, and the post: the post at ``m``,
    or the first of a list closed by a team's post (第一书记、驻村工作队队长)."""
    if m.group().endswith("第一书记"):
        return m.start(), m.group()
    over = TITLE_LIST_OVER.search(text, 0, m.start())
    if over is not None and over.group(1).endswith("第一书记"):
        return over.start(1), over.group(1)
    return None


def _post_by(x: Extraction, view: DocView, sent, at: tuple[int, int, Mention], led: set) -> None:
    """联合党委书记由镇党委副书记某某兼任: the person named before 兼任 (担任) holds the post
    named before 由, of the body of that kind the article named last."""
    a, b, _ = at
    by = _POST_BY.search(sent.text, max(0, a - 24), a)
    if by is None or not _TAKEN_AFTER.match(sent.text, b) or _CLAUSE_END.search(sent.text, by.end(), a):
        return
    named = [t[2] for t in _orgs_so_far(view, x, sent, by.start()) if _of_kind(by, t[2].canonical)]
    if named:
        _lead(x, sent, at, named[-1], by.group("kind") + by.group("title") if by.group("kind") else by.group("bare"), led)


#: kinds of body a post names without the body's name (党支部书记, 合作社理事长, 服务队队长)
_POST_KINDS = sorted({*L.BODY_HEADS, "合作社", "协会", "商会", "服务队", "志愿队", "突击队", "宣讲团", "宣讲队",
                      "巡逻队", "工作室", "调解室", "理事会", "服务站", "驿站"}, key=len, reverse=True)
#: a bare post and the ends of the kinds of body it heads (队长: a team's; 理事长: a cooperative's)
_BARE_POSTS = {"队长": ("队",), "副队长": ("队",), "团长": ("团",), "理事长": ("合作社", "理事会", "协会"),
               "会长": ("会",), "站长": ("站",)}


def _kind_or_bare(bare_before: str) -> str:
    """A post named by its kind of body, or a bare post after ``bare_before``."""
    return ("(?:(?P<kind>" + "|".join(_POST_KINDS) + ")(?P<title>" + "|".join(map(re.escape, L.LEAD_TITLES))
            + ")|" + bare_before + "(?P<bare>" + "|".join(sorted(_BARE_POSTS, key=len, reverse=True)) + "))")


#: a body named by its kind and its post, then 由 (联合党委书记由|某某兼任; 某服务队，队长由|某某担任):
#: who holds it follows
_POST_BY = re.compile(_kind_or_bare("(?<=[，,])") + "由")
#: the verb after the holder's name in that frame
_TAKEN_AFTER = re.compile(r"(?:同志)?(?:兼任|担任|出任|兼)")
#: a body named by its kind and its post, closing the clause (担任|党支部书记。; 担任|队长，)
_KIND_POST = re.compile(_kind_or_bare("") + r"(?=[。，,；;！!]|$)")


def _kind_post_taken(x: Extraction, view: DocView, sent, at: tuple[int, int, Mention], e: int, led: set) -> None:
    """A post named by its kind after the verb a person named with another post takes it by
    (某村党支部书记某某是合作社理事长; 由执行局局长某某担任队长): the body of that kind the
    article named last, up to here, is led too."""
    kind = _KIND_POST.match(sent.text, e)
    if kind is None:
        return
    named = [t[2] for t in _orgs_so_far(view, x, sent, at[0]) if _of_kind(kind, t[2].canonical)]
    if named:
        _lead(x, sent, at, named[-1], kind.group(), led)


#: the bodies a bare post is never of, though their names end as its bodies' do (会长: no
#: 居委会's, whose head is its 主任)
_NOT_OF_BARE_POST = {"会长": ("委会", "委员会")}


def _of_kind(m: re.Match, name: str) -> bool:
    """Is the body ``name`` one the post at ``m`` is of (its kind's, or a bare post's)?"""
    if m.group("kind"):
        return name.endswith(m.group("kind"))
    bare = m.group("bare")
    return name.endswith(_BARE_POSTS[bare]) and not name.endswith(_NOT_OF_BARE_POST.get(bare, ()))


def _orgs_so_far(view: DocView, x: Extraction, sent, at: int) -> list[tuple[int, int, Mention]]:
    """The bodies the article of ``sent`` names before position ``at`` of it, in order."""
    out = []
    for s in x.doc.sentences:
        if s.article != sent.article or s.index > sent.index:
            continue
        out += [t for t in view.spans(s, ("Organization",)) if s.index < sent.index or t[1] <= at]
    return out


#: a pronoun for a person opening what they hold or take: 他当选为|某村的党委书记
_PRONOUN_TAKES = re.compile(r"(?:^|[，,。；;：:”])(?:他|她)" + _TAKE_VERB)


def _pronoun_posts(x: Extraction, view: DocView, led: set[tuple[str, str]]) -> None:
    """某某……，他当选为|某村党委书记: the person a pronoun stands for, the last one the article
    named before it, leads the body whose post the clause gives them."""
    last: dict[int, Mention] = {}  # article → the person named last so far
    for sent in x.doc.sentences:
        spans = view.spans(sent)
        for verb in _PRONOUN_TAKES.finditer(sent.text):
            if inside_quote(sent.text, verb.end() - 1):
                continue  # 某某说：“他是……书记”: a pronoun in someone's words is someone else
            before = [t for t in spans if t[2].type == "Person" and t[1] <= verb.start()]
            person = before[-1][2] if before else last.get(sent.article)
            holder = next(((t, m) for t in spans if t[2].type == "Organization" and t[0] >= verb.end()
                           and not _CLAUSE_END.search(sent.text, verb.end(), t[0])
                           and (m := _POST_AFTER.match(sent.text, t[1]))), None)
            if person is None or holder is None or (person.id, holder[0][2].id) in led:
                continue
            (a, b, body), m = holder
            _lead(x, sent, (a, b, person), body, m.group(), led, weight=0.8)
        people = [t for t in spans if t[2].type == "Person"]
        if people:
            last[sent.article] = max(people, key=lambda t: t[1])[2]


#: a post named by its kind alone before a name (镇长|某某, 庭长|某某): the post of the one
#: place of that level the article names (guideline: a place leads where no body is named),
#: or of the one body whose name ends in the post's kind
_PLACE_TITLES = {"镇长": "镇", "副镇长": "镇", "乡长": "乡", "副乡长": "乡", "苏木达": "苏木", "苏木长": "苏木",
                 "副苏木长": "苏木", "嘎查达": "嘎查", "嘎查长": "嘎查", "副嘎查长": "嘎查", "村长": "村",
                 "旗长": "旗", "副旗长": "旗", "县长": "县", "副县长": "县", "盟长": "盟", "支书": "村", "村支书": "村"}
_BODY_TITLES = {"庭长": "法庭", "副庭长": "法庭", "检察长": "检察院", "所长": "所", "副所长": "所", "站长": "站",
                "副站长": "站", "队长": "队", "副队长": "队", "馆长": "馆", "校长": "学校", "院长": "院", "副院长": "院"}
_KIND_TITLE = re.compile("(?:" + "|".join(sorted({*_PLACE_TITLES, *_BODY_TITLES}, key=len, reverse=True)) + ")$")
#: what may stand before such a post: nothing, a mark, or a word that joins (与镇长某某)
_OPENS_POST = set("与和同跟向对让请由在是的及、，,。；;：:“”（(老")


def _posts_of_a_kind(x: Extraction) -> None:
    """镇长|某某 and 庭长|某某 with no place or body named before the post: the person leads
    the article's one place of that level (or one body of that kind), if it names just one."""
    view = DocView(x)
    # a person who already leads by this post (镇长) is not given it again; one who leads by
    # another post (镇党委副书记、|镇长某某) may be
    roles: dict[str, list[str]] = {}
    for r in x.relations:
        if r.predicate == "leads":
            roles.setdefault(r.subject, []).append(r.role or "")
    bodies: dict[int, set[str]] = {}
    first: dict[tuple[int, str], Mention] = {}
    for sent in x.doc.sentences:
        for _a, _b, m in view.spans(sent, ("Organization",)):
            bodies.setdefault(sent.article, set()).add(m.canonical)
            first.setdefault((sent.article, m.canonical), m)
    for sent in x.doc.sentences:
        for a, b, person in view.spans(sent, ("Person",)):
            m = _KIND_TITLE.search(sent.text, max(0, a - 4), a)
            if m is None or m.start() > 0 and sent.text[m.start() - 1] not in _OPENS_POST:
                continue
            title = m.group()
            if any(not role or role.endswith(title) for role in roles.get(person.id, ())):
                continue
            holder = None
            if title in _PLACE_TITLES:
                focal = view.focal(sent, _PLACE_TITLES[title])
                if focal is not None and focal[1] == 1:
                    holder = focal[0]
            else:
                kinds = [n for n in bodies.get(sent.article, ()) if n.endswith(_BODY_TITLES[title])]
                if len(kinds) == 1:
                    holder = first[(sent.article, kinds[0])]
            if holder is None:
                continue
            ev = _evidence(x, sent, a, b, "post-of-a-kind")
            x.relations.append(RelationMention(person.id, "leads", holder.id, ev, round(0.8 * person.confidence, 3), title))
            roles.setdefault(person.id, []).append(title)


def _outer_bodies_only(x: Extraction) -> None:
    """A body written inside a longer body's name (某旗人民法院|某某人民法庭) is named by it:
    the longer name stands for the words, the one inside is no mention of its own there,
    unless a fact holds it (某检察院党组书记、检察长某某: the procurator leads the 检察院) or it
    is the seat office of a division the longer name runs through (某街道办事处某社区党委)."""
    spans: dict[int, list[tuple[int, int, Mention]]] = {}
    for m in x.mentions:
        if m.type == "Organization":
            spans.setdefault(m.evidence.sentence, []).append((m.evidence.start, m.evidence.end, m))
    held = {r.subject for r in x.relations if r.predicate != "locatedIn"} | {r.object for r in x.relations if r.predicate != "locatedIn"}
    inner = set()
    for found in spans.values():
        for a, b, m in found:
            if m.id not in held and not m.canonical.endswith(_SEAT_OFFICE_HEADS) \
                    and any(c <= a and b <= d and (c, d) != (a, b) for c, d, _ in found):
                inner.add(m.id)  # (某街道办事处|某社区党委: the seat office the name runs through is a body of its own)
    if inner:
        x.mentions = [m for m in x.mentions if m.id not in inner]
        x.relations = [r for r in x.relations if r.subject not in inner and r.object not in inner]


#: the heads of a division's seat office, whose name a body of a place below it may run through
_SEAT_OFFICE_HEADS = ("办事处", "人民政府")


def _overlap(a: Candidate, b: Candidate) -> bool:
    return a.sent.index == b.sent.index and a.start < b.end and b.start < a.end


def decide_groups(x: Extraction, lr: Decider, groups: list[list[Candidate]], tag: str) -> None:
    """Of each group of overlapping names (the rules' and the other candidates'), keep the
    likeliest if it is likely enough.  A rule's name that loses to a longer or shorter
    reading of the same words takes that reading and keeps its facts (王林 → 王林涛); a
    rule's name read from context (该院 → the full name) or from a table (:data:`TABLE_RULES`)
    is left as the rules read it."""
    view = DocView(x)
    dropped: set[str] = set()
    n = 0
    for group in groups:
        rules = [c.mention for c in group if c.mention is not None]
        if any(m.canonical != m.name or m.evidence.extractor in TABLE_RULES for m in rules):
            continue
        scored = sorted(((_prob(lr, c.type, c.feats), k, c) for k, c in enumerate(group)), key=lambda t: (-t[0], t[1]))
        p, _, best = scored[0]
        if p < lr.threshold or best.mention is None and p < lr.keep_threshold:
            # no new reading is likely enough: the rules' own stands if likely enough itself
            own = [(q, c) for q, _, c in scored if c.mention is not None and q >= lr.keep_threshold]
            if not own:
                dropped.update(m.id for m in rules)
                continue
            p, best = own[0]
        kept: list[Mention] = []
        kept_ids: set[int] = set()
        while True:
            if best.mention is not None:
                best.mention.confidence = round(p, 3)
                keep = best.mention
            else:
                # a rule's name under the reading takes it and keeps its facts (the group's
                # first rule where none lies under it: a reading of the same words)
                under = [c.mention for c in group if c.mention is not None and id(c.mention) not in kept_ids
                         and _overlap(c, best)] or ([] if kept else rules[:1])
                how = under[0].evidence.extractor if under else f"learned-{best.type.lower()}"
                ev = _evidence(x, best.sent, best.start, best.end, how)
                if under:
                    keep = under[0]
                    keep.name, keep.canonical = best.surface, best.name
                    keep.evidence = ev
                    keep.confidence = round(p, 3)
                else:
                    n += 1
                    keep = Mention(f"{x.doc.id}:{best.sent.index}:{tag}{n}", best.type, best.surface, best.name, ev, round(p, 3))
                    x.mentions.append(keep)
                    if best.type == "Person" and not _post_slot(x, best, keep):
                        _post_before(x, view, best, keep)
                if best.type == "Organization":
                    keep.place = best.place.id if best.place is not None else _place_of(x, view, best)
                    _named_for_its_place(x, keep)
            kept.append(keep)
            kept_ids.add(id(keep))
            # a second name the group holds beside the first (某某和|苏木达某某: one reading
            # overlapping both chained them into one group), likely enough on its own
            taken = [c for c in group if id(c.mention) in kept_ids or c is best]
            rest = [(q, c) for q, _, c in scored if q >= lr.threshold and not any(_overlap(c, t) for t in taken)]
            if not rest:
                break
            p, best = rest[0]
        dropped.update(m.id for m in rules if id(m) not in kept_ids)
    if dropped:
        x.mentions = [m for m in x.mentions if m.id not in dropped]
        x.relations = [r for r in x.relations if r.subject not in dropped and r.object not in dropped]
