"""Stage: places and chains.  Each place span of the sentence becomes a mention of the
gazetteer row the article's context chooses (which of China's many 太平镇), or of a new
place under the one its chain or the article gives; chains make ``locatedIn`` facts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import chain

from ...gazetteer import Division, Gazetteer
from ...model import PLACE_LEVEL, Document, Mention, RelationMention
from ...timing import timed
from .. import lexicon as L
from ..context import region_province
from ..place_words import generic_place, without_kind
from ..places import STEM_RULES, WORD_BEFORE_TOWN, find_places
from ..rules import conf
from ..sentence import SentenceView
from ..spans import Span, is_common_word, jieba_tag, tokens, without_spans
from ..state import DocState

#: what follows a place's name in the name of a news outlet or site (内蒙古日报, 内蒙古新闻网,
#: 新华网内蒙古频道, an organisation department's account 某某组工): the place names the outlet, it is not a place the article speaks of
_OUTLET_AFTER = re.compile(r"(?:日报|晚报|新闻|频道|电视台|广播|融媒(?!体中心)|信息港|客户端|报业|[\u4e00-\u9fff]{0,2}网(?![格络点上下民信])|发布"
                           r"|法制报|法治报|农民报|商报|晨报|都市报|青年报|时报|周报|组工(?!干部|队伍|工作))")
#: where the mention of 自治区 alone is kept in a sentence's places: past every span index
REGION_SLOT = 1000


#: sentences segmented one after the other before their places are read: the segmenter's
#: tables stay in the processor's caches (a page's words cost about a fifth less than
#: segmented between the finders' work), and the words wait in :func:`tokens`' cache, which
#: holds four times as many
_SEGMENT_AHEAD = 1024


def prepare(st: DocState) -> list[list[Span]]:
    """Every sentence's place spans, and the document's region (set on ``st``)."""
    doc, gaz = st.doc, st.gaz
    place_spans: list[list[Span]] = []
    for i in range(0, len(doc.sentences), _SEGMENT_AHEAD):
        chunk = doc.sentences[i : i + _SEGMENT_AHEAD]
        for s in chunk:  # (kept by tokens' cache for the finders: see _SEGMENT_AHEAD)
            tokens(s.text)
        place_spans += [find_places(s.text, gaz) for s in chunk]
    # towns, villages, streets and communities a chain has vouched for are places wherever
    # the page names them, by the name the chain gave them (拉布|大林街道 alone: 拉布大林街道)
    # (a town or a village the finder took without a chain was vouched for otherwise: listed
    # with others, or where a team is stationed, 派驻到|某某村)
    known = frozenset(sp.text for spans in place_spans for sp in spans
                      if sp.type in ("Town", "Village", "Street", "Community") and sp.how == "suffix"
                      and (sp.chain_prev is not None or sp.type in ("Town", "Village"))) | _villages_by_their_bodies(doc) \
        | frozenset(sp.text for spans in place_spans for sp in spans  # 某县委书记到|昌城镇: a town whose name ends in a word
                    if sp.type == "Town" and sp.how == "gazetteer" and len(sp.text) >= 3 and sp.text[-2] in WORD_BEFORE_TOWN)
    if known:
        place_spans = [find_places(s.text, gaz, known) if any(k in s.text for k in known) else spans
                       for s, spans in zip(doc.sentences, place_spans, strict=True)]
    st.region = document_region(doc, gaz, place_spans)
    st.province = region_province(st)
    # 内蒙古日报, 新华网内蒙古频道: an outlet's name tells the region, but names no place
    place_spans = [without_outlets(s.text, spans) for s, spans in zip(doc.sentences, place_spans, strict=True)]
    for s, spans in zip(doc.sentences, place_spans, strict=True):
        for sp in spans:
            if sp.how in ("gazetteer", "gazetteer-alias") and sp.type in ("City", "County") \
                    and len({d.id for d in sp.candidates}) == 1:
                st.article_uppers.setdefault(s.article, []).append((sp.type, sp.candidates[0].name))
    return place_spans


#: a village's name opening its clause before one of its bodies (，某某村党总支书记……)
_VILLAGE_BEFORE_ITS_BODY = re.compile(r"(?<![\u4e00-\u9fff“])([\u4e00-\u9fff]{2,3}村)(?=党支部|党总支|党委|村委会|村民委员会)")


def _villages_by_their_bodies(doc: Document) -> frozenset[str]:
    """Villages a page names again and again and, opening a clause, by one of their bodies
    (，南某坞村党总支书记…… and 南某坞村村口), and villages and towns named as a scene (在某某村，):
    places wherever the page names them, though no chain and no gazetteer vouches for them (a
    scene's name holds no 在: 现在|律师就在|社区， is a clause, its frame's 在 a word's)."""
    text = "\n".join(s.text for s in doc.sentences)
    found = {m.group(1) for m in _VILLAGE_BEFORE_ITS_BODY.finditer(text)}
    scenes = {m.group(1) for m in chain(_SCENE.finditer(text), _SAYS_WHERE_IT_LIES.finditer(text))
              if m.group(1)[0] not in _NO_SCENE_OPENING and "在" not in m.group(1)}
    scenes |= {m.group(1) for m in chain(_OPENS_BY_ACTING.finditer(text), _SCENE_AMONG_OTHERS.finditer(text))
               if _plain_name(m.group(1)) and not generic_place(m.group(1))}
    return frozenset(v for v in found if text.count(v) >= 2) | frozenset(scenes)


#: a village or a town opening its clause and saying where it lies (，某某村位于某镇东部, 某某村隶属于某镇): a place
_SAYS_WHERE_IT_LIES = re.compile(r"(?:^|(?<=[，,。；;\n]))([\u4e00-\u9fff]{2,4}(?:村|镇|乡|嘎查))(?:位于|地处|坐落于|地处于|隶属于|隶属)")
#: a village or a community opening its clause as the subject of a practice (，某某村探索“……”,
#: 。某某嘎查推行……): the verb vouches for the name as a scene does
_OPENS_BY_ACTING = re.compile(r"(?:^|(?<=[，,。；;\n]))([\u4e00-\u9fff]{2,4}(?:村|嘎查|社区))(?="
                              # (an adverb, or where it acts, may come first: 某某村则推行, 某某村在村部设立)
                              r"(?:则|也|还|又|就|便|率先|积极|先后|同样|在[\u4e00-\u9fff]{1,8}?)?(?:"
                              + "|".join(v for v in L.IMPLEMENT_VERBS if len(v) == 2) + "))")
#: a village or a community named as the first of the scenes of its kind (在某某村等城郊村): a place
_SCENE_AMONG_OTHERS = re.compile(r"在([\u4e00-\u9fff]{2,4}(?:村|嘎查|社区))等")
#: verbs that open a clause before a kind of place (利用|整村推进, 带动|全村): no name's start
_VERBS_BEFORE_A_KIND = tuple(L.PLACE_VERBS | L.NAME_BREAK_VERBS | set(L.IMPLEMENT_VERBS)
                             | {"利用", "借助", "通过", "围绕", "结合", "按照", "针对", "带动", "帮助", "组织", "动员"})
def _plain_name(name: str) -> bool:
    """Could ``name``, a clause's opening words before a kind of place, be the place's name:
    no pronoun, count or determiner first, no function word, verb, time word or adverb inside
    (今年|社区, 定期进|村, 介绍了|社区, 公司帮助|嘎查)?"""
    body = name[: -2 if name.endswith(("嘎查", "社区")) else -1]
    if name[0] in _NO_SCENE_OPENING or _COUNTED.search(body) or any(c in L.NOT_IN_NAME or c in L.PLACE_VERB_CHARS for c in body):
        return False
    if any(v in body for v in _VERBS_BEFORE_A_KIND):
        return False
    return not any(tag[:1] in ("t", "d", "v", "p", "c", "u") for _, _, tag in tokens(body) if tag)


#: a count inside the words before the kind (十二个村, 两委村): no name
_COUNTED = re.compile(r"[个名些委级]")
#: what opens a pronoun, a determiner or a count before a place's kind (在这个村，在我们村，在每个镇，)
_NO_SCENE_OPENING = frozenset("这那哪该本此全各每整一两几多我你他她咱其某邻外附周")
#: a village, a community or a town named as the scene of what follows (在某某村，……; 在镇区的某某
#: 社区，; 在旗府所在地某某镇，): the frame vouches for the name, as a chain would (a kind, 在全村，,
#: stays a kind)
_SCENE = re.compile(r"在(?:[^，,。；;：:“”]{1,8}(?:的|所在地))?([\u4e00-\u9fff]{2,4}(?:村|镇|乡|社区|嘎查|街道))[，,]")


def document_region(doc: Document, gaz: Gazetteer, per_sentence: list[list[Span]]) -> dict[int, float]:
    """The divisions a document is about: the ancestors of every place it names without
    ambiguity, weighted by how often.  Used to choose among same-named places."""
    weight: dict[int, float] = {}
    for spans in per_sentence:
        for sp in spans:
            if sp.how == "gazetteer-common":
                continue  # 老城区 speaks for its region only when something else does
            uppers = [d for d in sp.candidates if d.type in ("Province", "City", "County")]
            if len({d.id for d in uppers}) == 1:
                for a in gaz.lineage(uppers[0]):  # (a former name: its successor's too)
                    weight[a.id] = weight.get(a.id, 0.0) + 1.0
    return weight


def without_outlets(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the places that open an outlet's name, chain links renumbered (rule
    ``place-outlet``).  (Where a post was published from, 发表于某省, stays a place: the
    annotators differ, and a province dropped costs its chain's links too.)"""
    starts = {sp.start for sp in spans}
    # (某市网|市镇 is no outlet: a place's name starts where the outlet's word would)
    return without_spans(spans, {k for k, sp in enumerate(spans) if sp.end not in starts and _OUTLET_AFTER.match(text, sp.end)})


#: what opens the name of an honour given (评为, 荣获 …, or the opening quote of its name)
_HONOUR_BEFORE = re.compile(r"(?:评为|荣获|获评|获得|授予|命名为|入选|“)[^，,。；;“”]{0,3}$")


def run(st: DocState, view: SentenceView) -> None:
    """Mentions for the sentence's places (and 自治区 alone), their chains as ``locatedIn``."""
    view.places = link_places(st, view)
    province = st.province
    if province is not None and "自治区" in view.text:
        # 自治区 alone: the autonomous region the document is about
        for mm in re.finditer("自治区", view.text):
            if _HONOUR_BEFORE.search(view.text, max(0, mm.start() - 6), mm.start()):
                continue  # 被评为自治区民族团结进步示范镇: the honour's name, no place the text speaks of
            if view.text.startswith("级", mm.end()):
                continue  # 自治区级示范单位: a level, no place the text speaks of
            if not any(p.start <= mm.start() < p.end for p in view.pspans):
                sp = Span(mm.start(), mm.end(), "自治区", "Province", "region-alias", conf("region-alias"), [province])
                m = st.mention(view.sent, sp, "Province", province.name, adcode=province.adcode, aliases=("自治区",))
                st.keys[m.id] = st.gaz.key(province)
                # kept out of pspans: chain links index into that list
                view.places[len(view.pspans) + REGION_SLOT] = m
    view.place_by_span = {(m.evidence.start, m.evidence.end): m for m in view.places.values()}
    _stated_parents(st, view)


#: words that state where a place lies: 某村位于|某镇北部, 某嘎查隶属于|某苏木
_LIES_IN = re.compile(r"(?:位于|地处|坐落于|坐落在|地处于|隶属于|隶属|归属于|属于)")


def _stated_parents(st: DocState, view: SentenceView) -> None:
    """某村位于某镇北部: a place the sentence says lies in a higher one, where its chain gave it
    no parent (rule ``chain``, variant ``stated``)."""
    if not _LIES_IN.search(view.text):
        return
    spans = sorted((sp for k, sp in enumerate(view.pspans) if k in view.places), key=lambda sp: sp.start)
    by_span = dict(zip((id(sp) for sp in view.pspans), range(len(view.pspans)), strict=True))
    placed = {r.subject for r in st.out.relations if r.predicate == "locatedIn"}
    for i, (a, b) in enumerate(zip(spans, spans[1:], strict=False)):
        lie = _LIES_IN.match(view.text, a.end)
        if lie is None or lie.end() != b.start:
            continue
        for c in spans[i + 2 :]:  # 位于某县某镇: the chain's last place
            if c.start != b.end:
                break
            b = c
        child, parent = view.places[by_span[id(a)]], view.places[by_span[id(b)]]
        if child.id in placed or PLACE_LEVEL[parent.type] >= PLACE_LEVEL[child.type]:
            continue
        st.relation(view.sent, child, "locatedIn", parent, "chain", conf("chain", "stated"), a)


def _listed_with_its_kind(text: str, sp: Span, spans: list[Span]) -> bool:
    """A name the gazetteer has only elsewhere, vouched for by its neighbours: an item of
    a list of places of its kind (某某社区、东风社区、某某社区) or named after its kind
    (一个社区——某某社区)."""
    for other in spans:
        if other is not sp and other.type == sp.type and text[min(other.end, sp.end):max(other.start, sp.start)] in ("、", "，", ","):
            return True
    kind = next((suf for suf, _ in L.PLACE_SUFFIXES if sp.text.endswith(suf)), None)
    return kind is not None and re.search(re.escape(kind) + r"(?:——|—|:|：)$", text[:sp.start]) is not None


def choose(sp: Span, gaz: Gazetteer, parent: Division | None, st: DocState) -> Division | None:
    """The gazetteer row a place span means, or None when the context cannot tell."""
    cands = sp.candidates
    if not cands:
        return None
    if parent is not None:
        # under a former name (喜桂图旗免渡河镇): the row under its successor (牙克石市)
        succ = gaz.successor.get(parent.id)
        under = [d for d in cands if gaz.is_within(d, parent) or (succ is not None and gaz.is_within(d, gaz.rows[succ]))]
        if under:
            return under[0]
        if PLACE_LEVEL.get(sp.type, 9) > PLACE_LEVEL.get(parent.type or "", 0):
            return None  # a place the gazetteer lacks under this parent keeps the text's parent
    # a municipality is a City in the text (北京 is 北京市, the city)
    if len({d.adcode for d in cands}) == 1 and any(d.type == "City" for d in cands):
        cands = [d for d in cands if d.type == "City"] or cands
    if len(cands) == 1 and cands[0].type in ("Province", "City", "County"):
        return cands[0]
    scored = sorted(((sum(st.region.get(a.id, 0.0) for a in gaz.ancestors(d)), -i, d) for i, d in enumerate(cands)),
                    key=lambda t: (t[0], t[1]), reverse=True)
    best, second = scored[0], scored[1] if len(scored) > 1 else None
    if best[0] <= 0 or (second is not None and second[0] == best[0]):
        return None
    if PLACE_LEVEL.get(sp.type, 0) >= 5:
        # a community or village of that name somewhere in the region is not the one the
        # article means unless the article names its county, town or street (阳光社区 in an
        # article on 包头 is not 东胜区's)
        named = {name for _, t, name in st.recent_places if t in ("County", "Town", "Street")}
        if named and not any(a.name in named for a in gaz.ancestors(best[2])):
            return None
    return best[2]


def _dropped(st: DocState, view: SentenceView, k: int, sp: Span, parent_row: Division | None,
             parent_m: Mention | None, known_key: str | None) -> bool:
    """Is the place span ``k`` a word rather than a place, or part of another name?"""
    spans = view.pspans
    if sp.how == "gazetteer-common" and known_key is None and parent_m is None and not any(
        st.region.get(a.id) for d in sp.candidates for a in st.gaz.ancestors(d)
    ) and not any(other.chain_prev == k for other in spans):
        return True
    # 包头市鹿城物业公司: a short form right after a place that does not contain
    # it (鹿城区 is in 温州市) is part of another name, not the place; 厦门老城区: a word
    # first after a place that does not contain it, the word
    return sp.how in ("gazetteer-alias", "gazetteer-common") and parent_row is not None and not any(
        parent_row in st.gaz.ancestors(d) for d in sp.candidates)


def _unplaced_word(st: DocState, view: SentenceView, sp: Span, row, known_key, parent_m) -> bool:
    """A village or town name the gazetteer has somewhere in China but not in the region
    this document is about, with no chain to place it: a word, not a place (发展村, 联系村;
    rule ``place-unplaced-word``); a community whose name is no word (在某某社区) is named as one
    in a sentence (a headline's lone community waits for the chain that names it).  A place that opens a chain of places it contains
    (某某街道某某社区) is named as a place."""
    return (row is None and known_key is None and parent_m is None and sp.how == "gazetteer"
            and PLACE_LEVEL[sp.type] >= 4 and not near_known(sp) and not _listed_with_its_kind(view.text, sp, view.pspans)
            and (sp.type != "Community" or view.heading or is_common_word(stem := without_kind(sp.text)) or stem in L.PLACE_VERBS)
            and not any(o.chain_prev is not None and view.pspans[o.chain_prev] is sp and PLACE_LEVEL[o.type] > PLACE_LEVEL[sp.type]
                        for o in view.pspans))


@timed("places: linking")
def link_places(st: DocState, view: SentenceView) -> dict[int, Mention]:
    """Mentions for the place spans of one sentence; chains link child to parent."""
    made: dict[int, Mention] = {}
    rows: dict[int, Division | None] = {}
    for k, sp in enumerate(view.pspans):
        parent_row = rows.get(sp.chain_prev) if sp.chain_prev is not None else None
        parent_m = made.get(sp.chain_prev) if sp.chain_prev is not None else None
        # a chain parent must be higher: 少先路街道少先二十社区, not 少先二十社区少先路街道
        if parent_m is not None and PLACE_LEVEL[parent_m.type] >= PLACE_LEVEL[sp.type]:
            parent_m, parent_row = None, None
        known_key = _known_key(st, sp) if parent_m is None else None
        rows[k] = None
        if _dropped(st, view, k, sp, parent_row, parent_m, known_key):
            continue
        row = st.place_rows.get(known_key) if known_key is not None else choose(sp, st.gaz, parent_row, st)
        if _unplaced_word(st, view, sp, row, known_key, parent_m):
            continue
        rows[k] = row
        if parent_m is not None and parent_row is None and row is not None:
            _confirm_parent(st, parent_m, row, rows, sp.chain_prev)
        if parent_m is None and row is None and known_key is None and PLACE_LEVEL[sp.type] >= 4:
            parent_m = _containing_place(st, sp)
        made[k] = _place_mention(st, view, sp, row, parent_m, known_key)
    return made


def _named_before(st: DocState, sp: Span) -> str | None:
    """The key of the place the page has named before by these words, or, for an estate, by
    the same words with or without 小区 (某某苑 in a list, 某某苑小区 in a chain: one estate)."""
    key = st.place_keys.get(sp.text)
    if key is None and sp.type == "Neighborhood":
        other = sp.text[:-2] if sp.text.endswith("小区") and len(sp.text) >= 4 else sp.text + "小区"
        key = st.place_keys.get(other)
        if key is not None and not key.startswith("Neighborhood/"):
            key = None
    return key


def _known_key(st: DocState, sp: Span) -> str | None:
    """The key of a place the page has named before by these words; a town named by its
    stem (某某|派出所) is the page's town of that name with its kind (某某镇)."""
    key = _named_before(st, sp)
    if key is None and sp.how in STEM_RULES:
        key = next((k for kind in (*L.TOWN_KINDS, "街道") if (k := st.place_keys.get(sp.text + kind))), None)
    if key is None and sp.how == "gazetteer-alias" and (stem := st.stems.get(sp.text)) is not None \
            and not any(c.name in st.place_keys for c in sp.candidates):
        key = stem  # 某市海南区 …… 走进海南: the page's district by its stem, not the province the page never names
    return key


def _containing_place(st: DocState, sp: Span) -> Mention | None:
    """A new place below the county that the gazetteer cannot place: the nearest higher
    place of the article contains it (a 小区 of the 社区 being described)."""
    # a 城中村 (某某花园（城中村）) is a village inside a city's community
    level = PLACE_LEVEL["Village"] + 1 if sp.how == "estate" and sp.type == "Village" else PLACE_LEVEL[sp.type]
    best, best_level = None, -1
    for key, t, _ in reversed(st.recent_places):
        if PLACE_LEVEL[t] < level and t != sp.type:
            m = st.by_id.get(key)
            if m is not None and m.evidence.extractor in ("estate", "place-list"):
                continue  # an item of a list of estates (某某花园（城中村）、某某居) contains none of the others
            if PLACE_LEVEL[t] > best_level:
                best, best_level = m, PLACE_LEVEL[t]
    # the article's last place of the lowest level above it: a province or a city named last (in
    # a firm's name, 内蒙古某某有限公司; in a page's location line), or the banner a town's article
    # names again, sets no scene where the article has named a town
    return best


def _place_mention(st: DocState, view: SentenceView, sp: Span, row: Division | None,
                   parent_m: Mention | None, known_key: str | None) -> Mention:
    """The mention of one place span, remembered by its names, with its ``locatedIn``."""
    key = known_key or place_key(st, sp, row, st.key_of(parent_m))
    name = row.name if row is not None else sp.text
    type_ = row.type if row is not None and row.type else sp.type
    if row is None and known_key is not None and (known := known_key.split("/", 1)[0]) in PLACE_LEVEL:
        type_ = known  # 某某新村: the estate the page's list of 小区 named, not a village
    m = st.mention(
        view.sent, sp, type_, name,
        adcode=row.adcode if row is not None else None,
        parent=parent_m.id if parent_m is not None else None,
        aliases=(sp.text,) if sp.text != name else (),
    )
    st.keys[m.id] = key
    if row is None and sp.candidates and "//" in key:
        st.unplaced.setdefault(key, sp)
    st.place_keys.setdefault(sp.text, key)
    st.place_keys.setdefault(name, key)
    st.place_rows[key] = row
    if row is not None and type_ in ("City", "County") and len(name) >= 3 and name[-1] in _LEVEL_ENDS:
        st.stems.setdefault(name[:-1], key)
    st.recent_places.append((m.id, type_, name))
    if parent_m is not None and sp.chain_prev is not None:
        st.relation(view.sent, m, "locatedIn", parent_m, "chain", conf("chain"), sp)
    elif parent_m is not None:
        st.relation(view.sent, m, "locatedIn", parent_m, "context", conf("context"), sp)
    return m


#: the level a county's or a city's full name ends in (某某区, 某某旗): the rest is its stem
_LEVEL_ENDS = frozenset("区县市旗盟")


def place_key(st: DocState, sp: Span, row: Division | None, parent_key: str | None) -> str:
    """The key of a place: its gazetteer row's, the one it had before, or one under its parent."""
    if row is not None:
        return st.gaz.key(row)
    known = _named_before(st, sp)
    if known:
        return known
    base = parent_key.split("/", 1)[1] if parent_key else ""
    return f"{sp.type}/{base}/{sp.text}" if base else f"{sp.type}//{sp.text}"


def _confirm_parent(st: DocState, parent_m: Mention, row: Division, rows: dict, k: int | None) -> None:
    """A chain parent the gazetteer did not place is the gazetteer parent of the child it
    knows (rule ``chain``), when the written name is that parent's:

    - a short form of it (某某路街道赛某社区: same kind, same first character, its characters
      in order);
    - or the name itself, where the page puts the parent under another county than the
      gazetteer does (a development zone's street, which the gazetteer lists under the
      county it lies in): one street, whichever county the page names above it."""
    anc = st.gaz.ancestors(row)
    if not anc or k is None:
        return
    up = anc[0]
    short, full = parent_m.name, up.name
    if up.type != parent_m.type or len(short) > len(full) or short[0] != full[0]:
        return
    if short != full:
        suffix = next((x for x, _ in L.PLACE_SUFFIXES if short.endswith(x)), None)
        if suffix is None or not full.endswith(suffix):
            return
        it = iter(full)
        if not all(c in it for c in short):
            return
    old, key = st.keys.get(parent_m.id), st.gaz.key(up)
    st.keys[parent_m.id] = key
    parent_m.canonical, parent_m.adcode = up.name, up.adcode
    if short != full:
        parent_m.aliases = (short,)
    for name, v in list(st.place_keys.items()):
        if v == old:
            st.place_keys[name] = key
    st.place_keys.setdefault(up.name, key)
    st.place_rows[key] = up
    st.recent_places = [(i, t, up.name if i == parent_m.id else n) for i, t, n in st.recent_places]
    rows[k] = up


def near_known(sp: Span) -> bool:
    """Does a bare lower-level name have support beyond the gazetteer: a body named
    after it in the same sentence (不连沟村党支部) or a proper name as its stem?"""
    body = sp.text
    for suf, _ in L.PLACE_SUFFIXES:
        if body.endswith(suf):
            body = body[: -len(suf)]
            break
    if body in L.IMPLEMENT_VERBS:
        return False  # 建强社区: a verb and its object, whatever village bears the name elsewhere
    tag = jieba_tag(body)
    return tag is None or tag.startswith(("nr", "ns", "nz"))


def former_name_links(st: DocState) -> None:
    """On a page that names a division by a former name (布特哈旗, now 扎兰屯市), the places
    the gazetteer puts in its successor are in it as the page names it: 某某镇 (in 扎兰屯市)
    is in 布特哈旗 (rule ``former-name``).  Each place once, from its first mention, and only where
    no place between it and the successor is named (that one carries the link)."""
    gaz = st.gaz
    if not gaz.successor:
        return
    firsts: dict[str, tuple[Mention, Division]] = {}
    for m in st.out.mentions:
        key = st.keys.get(m.id)
        row = st.place_rows.get(key) if key is not None else None
        if row is not None and key not in firsts:
            firsts[key] = (m, row)
    former = {gaz.successor[row.id]: m for m, row in reversed(list(firsts.values())) if row.id in gaz.successor}
    if not former:
        return
    named = {row.id for _, row in firsts.values()}
    for m, row in firsts.values():
        if row.id in gaz.successor:
            continue
        for a in gaz.ancestors(row):
            f = former.get(a.id)
            if f is not None:
                if PLACE_LEVEL[f.type] < PLACE_LEVEL[m.type]:
                    st.out.relations.append(RelationMention(
                        m.id, "locatedIn", f.id, replace(m.evidence, extractor="former-name"), conf("former-name")))
                break
            if a.id in named:
                break  # a nearer named place links to the former name, or its chain does


def late_places(st: DocState) -> None:
    """Places the gazetteer has that the text named before it named their county or town
    (a headline's 某某嘎查 above a body saying it lies in 某某镇): chosen again with what
    the whole document names, and every mention of the name takes the row."""
    open_ = {key: sp for key, sp in st.unplaced.items() if st.place_rows.get(key) is None}
    # two such places of which exactly one reading of each nests in the other's confirm
    # each other (a 嘎查 of that name lies in a 镇 of that name, and only one does)
    nested: dict[str, Division] = {}
    for kb, sb in open_.items():
        for ka, sa in open_.items():
            pairs = [(da, db) for db in sb.candidates for da in sa.candidates if ka != kb and st.gaz.is_within(db, da)]
            if len(pairs) == 1:
                nested.setdefault(kb, pairs[0][1])
                nested.setdefault(ka, pairs[0][0])
    for key, sp in open_.items():
        row = nested.get(key) or choose(sp, st.gaz, None, st)
        if row is None:
            continue
        new = st.gaz.key(row)
        for mid, k in list(st.keys.items()):
            if k == key:
                st.keys[mid] = new
                m = st.by_id[mid]
                m.canonical, m.adcode = row.name, row.adcode
                if m.name != row.name and m.name not in m.aliases:
                    m.aliases = (*m.aliases, m.name)
        for name, k in list(st.place_keys.items()):
            if k == key:
                st.place_keys[name] = new
        st.place_rows[new] = row


def estates_of_their_community(st: DocState) -> None:
    """某某花苑小区, 某某花苑西区 on a page that names 某某花苑社区: an estate named with the
    community's stem (three characters or more) lies in that community, whatever place its
    chain put it in (rule ``context``, variant ``stem``)."""
    communities = [m for m in st.out.mentions if m.type == "Community" and len(m.canonical) >= 5 and m.canonical.endswith("社区")]
    if not communities:
        return
    placed = {(r.subject, r.object) for r in st.out.relations if r.predicate == "locatedIn"}
    by_key: dict[str, Mention] = {}
    for c in communities:
        by_key.setdefault(st.keys.get(c.id, c.id), c)
    for m in list(st.out.mentions):
        if m.type != "Neighborhood":
            continue
        home = [c for c in by_key.values() if m.canonical.startswith(c.canonical[:-2]) and m.canonical != c.canonical]
        if len(home) != 1 or (m.id, home[0].id) in placed:
            continue
        st.out.relations.append(RelationMention(m.id, "locatedIn", home[0].id, replace(m.evidence, extractor="context"),
                                                round(conf("context", "stem"), 3)))
