"""Extraction in context: one document's spans turned into mentions and relations.

The span finders (:mod:`kg.extract.places`, :mod:`~kg.extract.bodies`, :mod:`~kg.extract.people`,
:mod:`~kg.extract.practices`) see one sentence at a time.  Here the article
is the context a reader uses: which of China's many 太平镇 the text means (the places
around it), what a bare 社区 or 居委会 refers to, who the subject of a sentence without one
is ("创新实施……机制" credits the article's current subject), and which body a post belongs
to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import chain

from ..gazetteer import Division, Gazetteer
from ..model import PLACE_LEVEL, Document, Evidence, Extraction, Mention, RelationMention, Sentence
from ..timing import timed
from . import lexicon as L
from .bodies import _COMPANY_HEADS, _extend_right, find_orgs
from .people import find_people, plausible_name
from .places import find_places
from .practices import find_mechanisms
from .spans import Span, _jieba_tag, tokens

#: a clause opener that may stand before a sentence's subject (近年来, 2023年以来, 目前)
_OPENER = re.compile(
    r"^(?:[0-9]{4}年(?:[0-9]{1,2}月)?(?:以来|起|初|底|中)?|近年来|近期|近日|日前|目前|今年以来|今年|去年|"
    r"同时|此外|另外|其中|截至目前|为此|为了[^,，]*|在此基础上|下一步|一方面|另一方面|首先|其次|最后|"
    r"据了解|记者了解到|近两年|近几年|多年来|自[^,，]{1,12}以来)[,，]?"
)


#: 该县, 全旗, 本社区; a bare 社区 or 街道 opening a clause; 该院 for a court or procuratorate
_COREF = re.compile(
    r"(?P<det>该|全|本|此)?(?P<kind>苏木|嘎查|街道|社区|县|旗|市|区|盟|镇|乡|村|院|局|所|中心|公司|集团|合作社|支部|党委)"
    r"(?![\u4e00-\u9fff]{0,1}(?:委|长|民|级|里|内|外|域|党组织))"
)
_PLACE_COREF = {
    "县": ("County",), "旗": ("County",), "区": ("County",), "市": ("City", "County"), "盟": ("City",),
    "镇": ("Town",), "乡": ("Town",), "苏木": ("Town",), "街道": ("Street",), "社区": ("Community",),
    "村": ("Village",), "嘎查": ("Village",),
}
_ORG_COREF = {"院": "院", "局": "局", "所": "所", "中心": "中心", "公司": "公司", "集团": "集团",
              "合作社": "合作社", "支部": "支部", "党委": "党委"}
#: kinds of body a text names bare once it has named one: 公司党支部书记 is the company's
_BARE_BODY_KINDS = ("有限公司", "公司", "专业合作社", "合作社", "集团", "人民法庭", "法庭", "派出所", "司法所",
                    "人民法院", "法院", "人民检察院", "检察院")

_TITLES_RE = "|".join(map(re.escape, L.LEAD_TITLES))
#: chiefs whose title names their department: 组织部长 heads the 组织部
_DEPT_CHIEFS = {"组织部长": "组织部", "宣传部长": "宣传部", "统战部长": "统战部"}
#: a post that stands before another in a list: "……党委书记、居委会主任王建华"
_TITLE_LIST = re.compile(f"({_TITLES_RE})、$")
#: a leading post before a plain role of the same person: 队长、退休干部
_TITLE_BEFORE_ROLE = re.compile(f"({_TITLES_RE})、(?:退休|离退休|原|老|在职|兼职)?$")
#: a name, a comma, then a body and its post, closed by punctuation
_APPOSITION = re.compile(
    r"(?P<name>[\u4e00-\u9fff·]{2,8})[,，][^,，。;；:：]{2,40}?(?P<title>" + _TITLES_RE + r")(?=[,，。;；])"
)

#: heads that a place's kind may stand before (社区党委, 嘎查委员会)
#: bodies that are also buildings: they count as bodies only where they act or are led
_VENUE_HEADS = ("党群服务中心", "党群服务站", "服务站", "驿站", "服务点")
#: a post taken on after the name: 同时担任某某居委会主任
_LATER_POST = re.compile(r"(?:同时|还|也|并)?(?:担任|兼任)(?P<body>[^,，。;；、]{2,30}?)(?P<title>" + _TITLES_RE + ")")
#: a clause whose subject is 他 or 她, up to the practice
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,，。;；])\s*(?:他|她)[^,，。;；“”]{0,14}$")
#: party bodies inside a unit, whose secretary may also head the unit itself
_PARTY_BODIES = ("党总支", "党支部", "党工委", "党委", "党组")
#: heads of a unit (a company, a court, a 苏木) rather than of a party body
_UNIT_HEADS = {"经理", "总经理", "副总经理", "副经理", "董事长", "检察长", "院长", "副院长", "局长", "副局长",
               "主任", "副主任", "苏木长", "副苏木长", "镇长", "副镇长", "乡长", "副乡长", "旗长", "副旗长",
               "县长", "副县长", "区长", "副区长", "市长", "副市长", "所长", "站长", "校长", "馆长", "理事长", "社长",
               "庭长", "嘎查达"}
#: heads of a place's government: 苏木长, 镇长 lead the place where no body is named
_PLACE_HEADS = ("苏木长", "镇长", "乡长", "旗长", "县长", "区长", "市长", "嘎查达", "嘎查长", "村长")
_BODY_HEADS = {"党委", "党支部", "党总支", "委员会", "党工委", "居委会", "村委会", "党群服务中心", "服务中心",
               "业委会", "物委会", "业主委员会"}
#: a body named by its place's kind: 社区党委 is the article's community's
_KIND_LEVELS = (
    ("嘎查", ("Village",)), ("村民", ("Village",)), ("村", ("Village",)), ("社区", ("Community",)),
    ("居民", ("Community",)), ("居", ("Community",)), ("街道", ("Street",)), ("苏木", ("Town",)),
    ("镇", ("Town",)), ("乡", ("Town",)), ("小区", ("Neighborhood",)),
)

#: what follows a body named as a speaker's affiliation
_SPEAKER = re.compile(r"(?:相关)?(?:负责人|工作人员|干部|党员|" + "|".join(L.LEAD_TITLES) + ")")


def _listed_with_its_kind(text: str, sp: Span, spans: list[Span]) -> bool:
    """A name the gazetteer has only elsewhere, vouched for by its neighbours: an item of
    a list of places of its kind (某某社区、东风社区、某某社区) or named after its kind
    (一个社区——某某社区)."""
    for other in spans:
        if other is not sp and other.type == sp.type and text[min(other.end, sp.end):max(other.start, sp.start)] in ("、", "，", ","):
            return True
    kind = next((suf for suf, _ in L.PLACE_SUFFIXES if sp.text.endswith(suf)), None)
    return kind is not None and re.search(re.escape(kind) + r"(?:——|—|:|：)$", text[:sp.start]) is not None


@dataclass
class _Ctx:
    """What the reader knows at a point in the document."""

    region: dict[int, float] = field(default_factory=dict)  # division id → weight
    place_keys: dict[str, str] = field(default_factory=dict)  # surface/canonical → entity key
    place_rows: dict[str, Division | None] = field(default_factory=dict)  # entity key → row
    recent_places: list[tuple[str, str, str]] = field(default_factory=list)  # (key, type, name) in the article
    subject: str | None = None  # mention id of the article's current subject


def _evidence(doc: Document, sent: Sentence, span: Span | None, how: str) -> Evidence:
    if span is None:
        start, end = sent.start, sent.end
    else:
        start, end = sent.span(span.start, span.end)
    return Evidence(doc.id, sent.index, start, end, doc.text[sent.start : sent.end], how, sent.article)


def _region(doc: Document, gaz: Gazetteer, per_sentence: list[list[Span]]) -> dict[int, float]:
    """The divisions a document is about: the ancestors of every place it names without
    ambiguity, weighted by how often.  Used to choose among same-named places."""
    weight: dict[int, float] = {}
    for spans in per_sentence:
        for sp in spans:
            if sp.how == "gazetteer-common":
                continue  # 老城区 speaks for its region only when something else does
            uppers = {d.id for d in sp.candidates if d.type in ("Province", "City", "County")}
            if len(uppers) == 1:
                d = next(d for d in sp.candidates if d.id in uppers)
                for a in [d, *gaz.ancestors(d)]:
                    weight[a.id] = weight.get(a.id, 0.0) + 1.0
    return weight


def _choose(sp: Span, gaz: Gazetteer, parent: Division | None, ctx: _Ctx) -> Division | None:
    """The gazetteer row a place span means, or None when the context cannot tell."""
    cands = sp.candidates
    if not cands:
        return None
    if parent is not None:
        under = [d for d in cands if gaz.is_within(d, parent)]
        if under:
            return under[0]
        if PLACE_LEVEL.get(sp.type, 9) > PLACE_LEVEL.get(parent.type or "", 0):
            return None  # a place the gazetteer lacks under this parent keeps the text's parent
    # a municipality is a City in the text (北京 is 北京市, the city)
    if len({d.adcode for d in cands}) == 1 and any(d.type == "City" for d in cands):
        cands = [d for d in cands if d.type == "City"] or cands
    if len(cands) == 1 and cands[0].type in ("Province", "City", "County"):
        return cands[0]

    def score(d: Division) -> float:
        return sum(ctx.region.get(a.id, 0.0) for a in gaz.ancestors(d))

    scored = sorted(((score(d), -i, d) for i, d in enumerate(cands)), key=lambda t: (t[0], t[1]), reverse=True)
    best, second = scored[0], scored[1] if len(scored) > 1 else None
    if best[0] <= 0:
        return None
    if second is not None and second[0] == best[0]:
        return None
    if PLACE_LEVEL.get(sp.type, 0) >= 5:
        # a community or village of that name somewhere in the region is not the one the
        # article means unless the article names its county, town or street (阳光社区 in an
        # article on 包头 is not 东胜区's)
        named = {name for _, t, name in ctx.recent_places if t in ("County", "Town", "Street")}
        if named and not any(a.name in named for a in gaz.ancestors(best[2])):
            return None
    return best[2]


def _chain_head(o: Span, pspans: list[Span]) -> int:
    """Where the chain of places that ends where ``o`` begins (or that opens ``o``) starts:
    九原区沙河街道康乐社区党委 starts at 九原区."""
    start = o.start
    while True:
        prev = next((p for p in pspans if p.end == start or (p.start < start and p.end > start)), None)
        if prev is None or prev.start >= start:
            return start
        start = prev.start


def _chain_stop(sp: Span, pspans: list[Span]) -> int:
    """Where the chain of places that opens with ``sp`` ends (乌县某某镇某某村 → after 村)."""
    if sp not in pspans:
        return sp.end
    k = pspans.index(sp)
    while True:
        nxt = next((j for j, q in enumerate(pspans) if q.chain_prev == k), None)
        if nxt is None:
            return pspans[k].end
        k = nxt


#: what follows a place's name in the name of a news outlet or site (内蒙古日报, 内蒙古新闻网,
#: 新华网内蒙古频道): the place names the outlet, it is not a place the article speaks of
_OUTLET_AFTER = re.compile(r"(?:日报|晚报|新闻|频道|电视台|广播|融媒|[\u4e00-\u9fff]{0,2}网(?![格络点上下民])|发布)")


def _without_outlets(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the places that open an outlet's name, chain links renumbered."""
    drop = {k for k, sp in enumerate(spans) if _OUTLET_AFTER.match(text, sp.end)}
    if not drop:
        return spans
    kept = [k for k in range(len(spans)) if k not in drop]
    new_index = {k: n for n, k in enumerate(kept)}
    return [replace(spans[k], chain_prev=new_index.get(spans[k].chain_prev)) if spans[k].chain_prev is not None
            else spans[k] for k in kept]


def _is_clause_start(text: str, i: int) -> bool:
    """Does a subject at ``i`` open its clause (after punctuation or an opener)?"""
    head = text[:i]
    cut = max(head.rfind(c) for c in ",，;；:：。!?“”")
    lead = head[cut + 1 :].lstrip("—-－◆◇●■□▲·• ")
    # "在幸福社区,……" and "在街道党委的支持下" place the scene; "由镇党委牵头" names the actor
    return not lead.strip() or bool(_OPENER.fullmatch(lead.strip())) or lead.strip() == "由"


def _after_verb(text: str, i: int) -> bool:
    """Does a verb (引入, 成立, 联合) end right before ``i``, so that what starts at ``i``
    is its object?"""
    return any(e == i and e - s >= 2 and f.startswith("v") for s, e, f in tokens(text))


class _DocExtractor:
    def __init__(self, doc: Document, gaz: Gazetteer):
        self.doc, self.gaz = doc, gaz
        self.out = Extraction(doc)
        self.ctx = _Ctx()
        self._n = 0
        self._last_led: Mention | None = None
        self._by_id: dict[str, Mention] = {}  # every mention made, by id
        self._led: dict[str, str] = {}  # person mention id → the last body or place it leads
        # the places of the document's earlier articles, each place once at its last mention
        # (every lookup wants the latest of equal places), so lookups cost the number of
        # distinct places, not of mentions: (type, name, key) → (mention id, type, name)
        self.doc_places: dict[tuple[str, str, str], tuple[str, str, str]] = {}

    # ---------------------------------------------------------- mentions
    def _mention(self, sent: Sentence, sp: Span, type_: str, canonical: str, **kw) -> Mention:
        self._n += 1
        kw.setdefault("confidence", sp.confidence)
        m = Mention(
            id=f"{self.doc.id}:{sent.index}:{self._n}",
            type=type_,
            name=sp.text,
            canonical=canonical,
            evidence=_evidence(self.doc, sent, sp, sp.how),
            **kw,
        )
        self.out.mentions.append(m)
        self._by_id[m.id] = m
        return m

    def _relation(self, sent: Sentence, s: Mention, p: str, o: Mention, how: str, conf: float,
                  span: Span | None = None, role: str | None = None) -> None:
        if p == "leads":
            self._last_led = o  # who "他" or "她" later acts for
            self._led[s.id] = o.id
        self.out.relations.append(
            RelationMention(s.id, p, o.id, _evidence(self.doc, sent, span, how), round(conf, 3), role)
        )

    # ---------------------------------------------------------- places
    def place_key(self, sp: Span, row: Division | None, parent_key: str | None) -> str:
        if row is not None:
            return self.gaz.key(row)
        known = self.ctx.place_keys.get(sp.text)
        if known:
            return known
        base = parent_key.split("/", 1)[1] if parent_key else ""
        return f"{sp.type}/{base}/{sp.text}" if base else f"{sp.type}//{sp.text}"

    @timed("places: linking")
    def link_places(self, sent: Sentence, spans: list[Span]) -> dict[int, Mention]:
        """Mentions for the place spans of one sentence; chains link child to parent."""
        made: dict[int, Mention] = {}
        rows: dict[int, Division | None] = {}
        for k, sp in enumerate(spans):
            parent_row = rows.get(sp.chain_prev) if sp.chain_prev is not None else None
            parent_m = made.get(sp.chain_prev) if sp.chain_prev is not None else None
            # a chain parent must be higher: 少先路街道少先二十社区, not 少先二十社区少先路街道
            if parent_m is not None and PLACE_LEVEL[parent_m.type] >= PLACE_LEVEL[sp.type]:
                parent_m, parent_row = None, None
            known_key = self.ctx.place_keys.get(sp.text) if parent_m is None else None
            if sp.how == "gazetteer-common" and known_key is None and parent_m is None and not any(
                self.ctx.region.get(a.id) for d in sp.candidates for a in self.gaz.ancestors(d)
            ) and not any(other.chain_prev == k for other in spans):
                rows[k] = None
                continue
            if sp.how == "gazetteer-alias" and parent_row is not None and not any(
                parent_row in self.gaz.ancestors(d) for d in sp.candidates
            ):
                # 包头市鹿城物业公司: a short form right after a place that does not contain
                # it (鹿城区 is in 温州市) is part of another name, not the place
                rows[k] = None
                continue
            if known_key is not None:
                row = self.ctx.place_rows.get(known_key)
            else:
                row = _choose(sp, self.gaz, parent_row, self.ctx)
            if (
                row is None and known_key is None and parent_m is None and sp.how == "gazetteer"
                and PLACE_LEVEL[sp.type] >= 4 and not self._near_known(sp) and not _listed_with_its_kind(sent.text, sp, spans)
            ):
                # a village or town name the gazetteer has somewhere in China but not in the
                # region this document is about, with no chain to place it: a word, not a
                # place (发展村, 联系村)
                rows[k] = None
                continue
            rows[k] = row
            if parent_m is not None and parent_row is None and row is not None:
                self._confirm_short_parent(parent_m, row, rows, sp.chain_prev)
            if parent_m is None and row is None and known_key is None and PLACE_LEVEL[sp.type] >= 4:
                # a new place below the county that the gazetteer cannot place: the nearest
                # higher place of the article contains it (a 小区 of the 社区 being described)
                for key, t, _ in reversed(self.ctx.recent_places):
                    if PLACE_LEVEL[t] < PLACE_LEVEL[sp.type]:
                        parent_m = self._by_id.get(key)
                        break
            key = known_key or self.place_key(sp, row, self._key_of(parent_m))
            name = row.name if row is not None else sp.text
            type_ = row.type if row is not None and row.type else sp.type
            m = self._mention(
                sent, sp, type_, name,
                adcode=row.adcode if row is not None else None,
                parent=parent_m.id if parent_m is not None else None,
                aliases=(sp.text,) if sp.text != name else (),
            )
            m.canonical = name
            self._keys[m.id] = key
            self.ctx.place_keys.setdefault(sp.text, key)
            self.ctx.place_keys.setdefault(name, key)
            self.ctx.place_rows[key] = row
            self.ctx.recent_places.append((m.id, type_, name))
            made[k] = m
            if parent_m is not None and sp.chain_prev is not None:
                self._relation(sent, m, "locatedIn", parent_m, "chain", 0.9, sp)
            elif parent_m is not None:
                self._relation(sent, m, "locatedIn", parent_m, "context", 0.5, sp)
        return made

    def _confirm_short_parent(self, parent_m: Mention, row: Division, rows: dict, k: int | None) -> None:
        """某某路街道赛某社区: a chain parent the gazetteer did not know (a short form of a
        street's name) is the gazetteer parent of the child it knows, when the written name
        shortens that parent's (same kind, same first character, its characters in order)."""
        anc = self.gaz.ancestors(row)
        if not anc or k is None:
            return
        up = anc[0]
        short, full = parent_m.name, up.name
        if up.type != parent_m.type or short == full or len(short) >= len(full) or short[0] != full[0]:
            return
        suffix = next((x for x, _ in L.PLACE_SUFFIXES if short.endswith(x)), None)
        if suffix is None or not full.endswith(suffix):
            return
        it = iter(full)
        if not all(c in it for c in short):
            return
        old, key = self._keys.get(parent_m.id), self.gaz.key(up)
        self._keys[parent_m.id] = key
        parent_m.canonical, parent_m.adcode, parent_m.aliases = up.name, up.adcode, (short,)
        for name, v in list(self.ctx.place_keys.items()):
            if v == old:
                self.ctx.place_keys[name] = key
        self.ctx.place_keys.setdefault(up.name, key)
        self.ctx.place_rows[key] = up
        self.ctx.recent_places = [(i, t, up.name if i == parent_m.id else n) for i, t, n in self.ctx.recent_places]
        rows[k] = up

    def _near_known(self, sp: Span) -> bool:
        """Does a bare lower-level name have support beyond the gazetteer: a body named
        after it in the same sentence (不连沟村党支部) or a proper name as its stem?"""
        body = sp.text
        for suf, _ in L.PLACE_SUFFIXES:
            if body.endswith(suf):
                body = body[: -len(suf)]
                break

        if body in L.IMPLEMENT_VERBS:
            return False  # 建强社区: a verb and its object, whatever village bears the name elsewhere
        tag = _jieba_tag(body)
        return tag is None or tag.startswith(("nr", "ns", "nz"))

    def _key_of(self, m: Mention | None) -> str | None:
        return self._keys.get(m.id) if m is not None else None

    # ---------------------------------------------------------- bodies
    def _recent(self, levels: tuple[str, ...]) -> tuple[str, str] | None:
        """(mention id, name) of the place of one of ``levels`` most recently named: in
        the article first, then anywhere before in the document."""
        for mid, t, name in chain(reversed(self.ctx.recent_places), reversed(self.doc_places.values())):
            if t in levels:
                return mid, name
        return None

    def expand_short(self, name: str) -> tuple[str, str | None] | None:
        """市国资委 in an Urumqi article is 乌鲁木齐市国资委; 区委组织部 the district's.
        Returns the full name and the mention of the place it is named after."""
        if name.startswith("自治区"):
            if self.region is None:
                return None
            found = self._recent(("Province",))
            return self.region.name + name[3:], found[0] if found and found[1] == self.region.name else None
        levels = {"市": ("City", "County"), "盟": ("City",), "旗": ("County",), "县": ("County",), "区": ("County",)}.get(name[:1])
        if levels is None:
            return None  # the level word is not where the name begins (a quote or a place before it)
        place = self._main_place(levels, name[0])
        return (place[1] + name[1:], place[0]) if place else None

    def _main_place(self, levels: tuple[str, ...], suffix: str) -> tuple[str, str] | None:
        """The place of those levels the document is most about (the gazetteer region's
        weight), the article's own places first: 市 in an Urumqi article that also names
        重庆 in passing is 乌鲁木齐市."""
        best: tuple[float, int, str, str] | None = None
        for i, (mid, t, name) in enumerate(chain(self.doc_places.values(), self.ctx.recent_places)):
            if t not in levels or not name.endswith(suffix):
                continue
            row = self.ctx.place_rows.get(self._keys.get(mid, ""))
            weight = self.ctx.region.get(row.id, 0.0) if row is not None else 0.0
            local = i >= len(self.doc_places)
            cand = (weight + (0.5 if local else 0.0), i, mid, name)
            if best is None or cand[:2] > best[:2]:
                best = cand
        return (best[2], best[3]) if best else None

    def contextual_org(self, sp: Span, post: bool = False) -> tuple[str, str] | None:
        """A body named by its kind alone (居委会, 社区党委, 组织部) gets the fitting place the
        article is speaking of as its prefix: 幸福社区居委会, 苏尼特右旗委组织部.  Returns the
        full name and the mention of that place."""
        head = sp.text
        for kind, levels in _KIND_LEVELS:
            rest = head[len(kind) :]
            if head.startswith(kind) and rest in _BODY_HEADS:
                found = self._recent_in_article(levels)
                return (found[1] + rest, found[0]) if found else None
        if head in ("组织部", "宣传部", "统战部", "社会工作部", "政法委", "编办"):
            found = self._recent(("County", "City"))
            return (found[1] + "委" + head, found[0]) if found else None
        wanted = {"居委会": ("Community",), "村委会": ("Village",), "党工委": ("Street",),
                  "党委": ("Community", "Town", "Street"), "党支部": ("Community", "Village"),
                  "党总支": ("Community", "Village"), "办事处": ("Street",)}.get(head)
        kind = next((k for k in _BARE_BODY_KINDS if head.startswith(k)), None)
        if kind is not None and head[len(kind) :] in ("", "党支部", "党总支", "党委"):
            # 公司党支部书记、经理某某, 合作社负责人某某, 公司党支部推行……: the company (or
            # cooperative) the article has named, and its party body
            for mid, name in reversed(self.recent_orgs):
                if name.endswith(kind):
                    src = self._by_id[mid]
                    return name + head[len(kind) :], src.place
            return None
        if wanted is None and post and head in ("物委会", "业委会"):
            # the post of a property or owners' committee (物业管理委员会, 业主委员会): the
            # committee of the 小区 the article speaks of (as a bare subject it stays a kind),
            # even when a community was named since
            found = self._recent_in_article(("Neighborhood",))
            return (found[1] + head, found[0]) if found else None
        if wanted is None:
            return None
        for mid, t, name in reversed(self.ctx.recent_places):
            if t in wanted:
                return name + head, mid
            if PLACE_LEVEL[t] < min(PLACE_LEVEL[w] for w in wanted):
                return None
        return None

    @staticmethod
    def _kind_body(text: str, g: Span) -> bool:
        """Is ``g`` one body named by its place's kind (街道党委, 社区居委会), not a kind of
        body counted or listed (各社区党委, 两个村党支部, 社区党委等)?"""
        kind = next((k for k, _ in _KIND_LEVELS if g.text.startswith(k)), None)
        if kind is None or g.text[len(kind) :] not in _BODY_HEADS or g.text.endswith("服务中心"):
            return False  # 社区党群服务中心 is as often the kind of venue as one body
        before = text[max(0, g.start - 2) : g.start]
        if before[-1:] in "各每全该本此个级类些等名支家所、" or before in ("所有", "一些", "广大"):
            return False
        return not re.match(r"(?:等|们|之间|书记|主任)", text[g.end :])

    def _recent_in_article(self, levels: tuple[str, ...]) -> tuple[str, str] | None:
        for mid, t, name in reversed(self.ctx.recent_places):
            if t in levels:
                return mid, name
        return None

    # ---------------------------------------------------------- the document
    def run(self) -> Extraction:
        doc, gaz = self.doc, self.gaz
        self._keys: dict[str, str] = {}
        self._pending_quote: list = []
        place_spans = [find_places(s.text, gaz) for s in doc.sentences]
        # towns and villages a chain has vouched for are places wherever the page names them
        known = frozenset(sp.text for spans in place_spans for sp in spans
                          if sp.type in ("Town", "Village") and sp.how == "suffix" and sp.chain_prev is not None)
        if known:
            place_spans = [find_places(s.text, gaz, known) if any(k in s.text for k in known) else spans
                           for s, spans in zip(doc.sentences, place_spans, strict=True)]
        self.ctx.region = _region(doc, gaz, place_spans)
        # 内蒙古日报, 新华网内蒙古频道: an outlet's name tells the region, but names no place
        place_spans = [_without_outlets(s.text, spans) for s, spans in zip(doc.sentences, place_spans, strict=True)]
        region_province = self._region_province()
        self.region = region_province
        article = -1
        for sent, pspans in zip(doc.sentences, place_spans, strict=True):
            sent_first = len(self.out.mentions)  # where this sentence's mentions begin
            if sent.article != article:
                article = sent.article
                self._keep_doc_places()
                self.ctx.recent_places = []
                self.ctx.subject = None
                self.recent_orgs: list[tuple[str, str]] = []
                self._last_led: Mention | None = None
                self.subject_counts: dict[str, list] = {}
                self._flush_pending()
            elif self._paragraph_start(sent) and self.subject_counts:
                # a new paragraph without a subject of its own speaks of what the article
                # keeps coming back to, not of the example the last paragraph gave
                self.ctx.subject = max(self.subject_counts.values(), key=lambda v: (v[0], v[1]))[2]
            text = sent.text
            # a news brief opened by a mark (◆……。) is set as a heading line but reads as body
            heading = sent.is_heading and not re.search(r"[。!?！？]", text)
            places = self.link_places(sent, pspans)
            # 自治区 alone: the autonomous region the document is about
            if region_province is not None:
                for mm in re.finditer("自治区", text):
                    if not any(p.start <= mm.start() < p.end for p in pspans):
                        sp = Span(mm.start(), mm.end(), "自治区", "Province", "region-alias", 0.7, [region_province])
                        m = self._mention(sent, sp, "Province", region_province.name,
                                          adcode=region_province.adcode, aliases=("自治区",))
                        self._keys[m.id] = gaz.key(region_province)
                        # kept out of pspans: chain links index into that list
                        places[len(pspans) + 1000] = m
            place_by_span = {(m.evidence.start, m.evidence.end): m for m in places.values()}
            orgs = find_orgs(text, pspans)
            org_mentions: list[tuple[Span, Mention]] = []
            generic: list[Span] = []
            for sp in orgs:
                if sp.how == "org-generic":
                    generic.append(sp)
                    continue
                canonical = sp.canonical or sp.text
                short_place = None
                if sp.how == "org-short":
                    found = self.expand_short(sp.text)
                    if not found:
                        continue
                    canonical, short_place = found
                m = self._mention(sent, sp, "Organization", canonical, confidence=sp.confidence)
                m.place = short_place
                # the place a body is named after: the last of the chain that opens its name
                inner = [p for p in pspans if p.start >= sp.start and p.end <= sp.end]
                chain_end = sp.start
                for p in inner:
                    if p.start == chain_end:
                        chain_end = p.end
                        pm = place_by_span.get(sent.span(p.start, p.end))
                        if pm is not None:
                            m.place = pm.id
                org_mentions.append((sp, m))
            # a company's registered name opens with its province or city (内蒙古某某有限公司):
            # that is where it is registered, not the scene the next places are in
            for sp in orgs:
                if sp.head in _COMPANY_HEADS:
                    opened = {place_by_span[k].id for p in pspans if p.start == sp.start
                              and (k := sent.span(p.start, p.end)) in place_by_span
                              and place_by_span[k].type in ("Province", "City")}
                    self.ctx.recent_places = [r for r in self.ctx.recent_places if r[0] not in opened]
            self._generic = generic
            for g in generic:
                # "社区党委推出……", "由镇党委牵头": the article's body of that kind acts
                if _is_clause_start(text, g.start) and not heading:
                    found = self.contextual_org(g)
                    if found:
                        gm = self._mention(sent, g, "Organization", found[0], confidence=0.55)
                        gm.place = found[1]
                        org_mentions.append((g, gm))
                elif not heading and self._kind_body(text, g):
                    # "在街道党委的支持下": the body of the article's street, named though it
                    # does not act here (no subject, so it credits nothing)
                    found = self.contextual_org(g)
                    if found:
                        gm = self._mention(sent, g, "Organization", found[0], confidence=0.5)
                        gm.place = found[1]
            # 该县, 全旗, 该院, 社区 (as a subject): mentions of what the article is about
            for sp, m in self.coreference(sent, pspans, orgs):
                # a body found inside the reference (院第二检察部 in 该院第二检察部) is the same one
                inside = {id(o) for o, _ in org_mentions if sp.start < o.start < sp.end}
                org_mentions = [(o, om) for o, om in org_mentions if id(o) not in inside]
                # (only this sentence's mentions can go: they are the list's tail)
                a, b = sent.span(sp.start, sp.end)
                tail = self.out.mentions[sent_first:]
                kept = [x for x in tail if not (
                    x.type == "Organization" and x.evidence.sentence == sent.index and a < x.evidence.start < b)]
                if len(kept) < len(tail):
                    self.out.mentions[sent_first:] = kept
                orgs = [o for o in orgs if not (sp.start < o.start < sp.end)]
                org_mentions.append((sp, m))
            for _, m in org_mentions:
                if m.type == "Organization":
                    self.recent_orgs.append((m.id, m.canonical))
            people = find_people(text, orgs, pspans, heading=heading)
            person_mentions = []
            for sp in people:
                if any(o.start <= sp.start < o.end for o in orgs) or any(p.start <= sp.start < p.end for p in pspans):
                    continue  # never a name inside a body's or a place's name
                pm = self._mention(sent, sp, "Person", sp.text)
                person_mentions.append((sp, pm))
                if sp.role:
                    self._leads(sent, sp, pm, org_mentions, pspans, place_by_span)
                self._later_post(sent, sp, pm, org_mentions, pspans, place_by_span)
            self._appositive_posts(sent, org_mentions, pspans, place_by_span)
            mechs = find_mechanisms(text, heading=heading)
            # the sentence's own subject, if it opens a clause
            subject, subject_at = None, 0
            inside_body = [p for p in pspans if any(o.start <= p.start and p.end <= o.end for o, _ in org_mentions)]
            for sp, m in sorted(
                [*org_mentions, *((p, place_by_span[sent.span(p.start, p.end)]) for p in pspans
                                  if sent.span(p.start, p.end) in place_by_span and p not in inside_body)],
                key=lambda t: (t[0].start, -t[0].end),
            ):
                if _SPEAKER.match(text, sp.end) or any(p.start == sp.end for p, _ in person_mentions):
                    continue  # "……街道办事处相关负责人介绍说": a speaker's body is no subject
                if _is_clause_start(text, sp.start) and not heading:
                    if re.match(r"的[^,，。;；]{0,8}?(?:说|介绍|表示|告诉|感慨|坦言)", text[_chain_stop(sp, pspans) :]):
                        break  # "某某村的大娘开心地说": the place says whose the speaker is
                    subject = self._chain_end(sent, sp, m, pspans, place_by_span)
                    subject_at = sp.start
                    break
            if heading and not self.ctx.subject:
                # "准格尔旗:" / "乌县水西沟镇：" headlines name the article's subject
                cands = [m for m in places.values()]
                if cands and re.search(r"[:：]\s*$", text):
                    self.ctx.subject = cands[-1].id
            # "“我们通过轮值坐班制度……”少先路街道党工委副书记刘晓梅介绍道": what a speaker's
            # quote says "we" do is done by the speaker's body
            speaker = self._speaker_body(sent, person_mentions)
            if self._pending_quote:
                for q_sent, q_sp, q_mm, fallback in self._pending_quote:
                    actor = speaker or fallback
                    if actor is not None:
                        s_m = self._by_id[actor]
                        how = "implements-speaker" if speaker else "implements-article"
                        self._relation(q_sent, s_m, "implements", q_mm, how, 0.6 * q_sp.confidence + 0.2, q_sp)
                self._pending_quote = []
            quote_only = text.startswith("“") and text.endswith("”") and not heading
            for sp in mechs:
                mm = self._mention(sent, sp, "Mechanism", sp.canonical or sp.text, aliases=(sp.text,))
                if not sp.credit:
                    continue  # 评定了“……”品牌: the rater does not run them
                subj = self._subject_for(sent, sp, org_mentions, pspans, place_by_span)
                if subj is None and subject is not None and subject_at < sp.start:
                    subj = subject
                if subj is None and self._last_led is not None and _PRONOUN_SUBJECT.search(text[: sp.start]):
                    subj = self._last_led  # 他带领全所民警推行“……”: he acts for the body he leads
                if subj is None:
                    subj = self._scene(sent, sp, pspans, place_by_span)
                if subj is None:
                    subj = subject  # a subject later in the sentence acts for all of it
                if subj is None and quote_only:
                    self._pending_quote.append((sent, sp, mm, self.ctx.subject))
                    continue
                subj_id = subj.id if subj is not None else self.ctx.subject
                if subj_id is not None:
                    s_m = self._by_id[subj_id]
                    conf = 0.7 if subj is not None else 0.5
                    self._relation(sent, s_m, "implements", mm, "implements-" + ("sentence" if subj else "article"), conf * sp.confidence + 0.2, sp)
                    if subj is not None:
                        for co in self._co_actors(sent, subj, sp, org_mentions, pspans, place_by_span):
                            self._relation(sent, co, "implements", mm, "implements-joint", conf * sp.confidence + 0.2, sp)
            if subject is not None and not heading:
                self.ctx.subject = subject.id
                k = self._keys.get(subject.id) or subject.canonical
                entry = self.subject_counts.setdefault(k, [0, sent.index, subject.id])
                entry[0] += 1
            elif self.ctx.subject is None and not heading:
                firsts = [m for _, m in org_mentions] + list(places.values())
                if firsts:
                    self.ctx.subject = firsts[0].id
        self._flush_pending()
        self._drop_idle_venues()
        self.out.keys = dict(self._keys)
        return self.out

    def _keep_doc_places(self) -> None:
        """Move the closing article's places into the document's, each at its latest mention."""
        for mid, t, name in self.ctx.recent_places:
            ident = (t, name, self._keys.get(mid, ""))
            self.doc_places.pop(ident, None)
            self.doc_places[ident] = (mid, t, name)

    def _drop_idle_venues(self) -> None:
        """A 党群服务中心 or 服务站 is as often a building as a body: it counts as a body only
        where the page has it act or has someone lead it (在某小区党群服务站启用仪式现场 names
        the building)."""
        used = {r.subject for r in self.out.relations} | {r.object for r in self.out.relations}
        acting = {m.canonical for m in self.out.mentions if m.type == "Organization" and m.id in used}
        self.out.mentions = [m for m in self.out.mentions if not (
            m.type == "Organization" and m.canonical.endswith(_VENUE_HEADS) and m.canonical not in acting
        )]

    def _speaker_body(self, sent: Sentence, person_mentions) -> str | None:
        """The body of the person this sentence opens with as a speaker (…书记刘晓梅介绍道)."""
        for sp, pm in person_mentions:
            if sp.start > 30 or not re.match(r"[^。!?]{0,4}?(?:说|介绍|表示|告诉|坦言|谈到)", sent.text[sp.end :]):
                continue
            if pm.id in self._led:
                return self._led[pm.id]
        return None

    def _flush_pending(self) -> None:
        """Quotes whose speaker never came: credit the article's subject."""
        for q_sent, q_sp, q_mm, fallback in getattr(self, "_pending_quote", []):
            if fallback is not None:
                s_m = self._by_id[fallback]
                self._relation(q_sent, s_m, "implements", q_mm, "implements-article", 0.5 * q_sp.confidence + 0.2, q_sp)
        self._pending_quote = []

    def _paragraph_start(self, sent: Sentence) -> bool:
        text, i = self.doc.text, sent.start
        while i > 0 and text[i - 1] in " \t\u3000":
            i -= 1  # (never a copy of all the text before the sentence)
        return i == 0 or text[i - 1] in "\n\r"

    # ---------------------------------------------------------- coreference
    @timed("coreference")
    def coreference(self, sent: Sentence, pspans: list[Span], orgs: list[Span]) -> list[tuple[Span, Mention]]:
        """Mentions for 该县 / 全旗 / 本社区 / 该院 and a bare 社区 or 街道 opening a clause:
        each is the entity of that kind the article last named."""
        text = sent.text
        out: list[tuple[Span, Mention]] = []
        busy = [(p.start, p.end) for p in pspans] + [(o.start, o.end) for o in orgs]
        for m in _COREF.finditer(text):
            if any(a <= m.start() < b for a, b in busy):
                continue
            word = m.group("kind")
            bare = m.group("det") is None
            if bare and (word not in ("社区", "街道", "苏木", "嘎查") or not _is_clause_start(text, m.start())):
                continue  # (苏木推行……, 嘎查随即……: the article's 苏木 or 嘎查 as a subject)
            nxt = text[m.end() : m.end() + 1]
            if bare and (not nxt or nxt in "、和与及" or not ("\u4e00" <= nxt <= "\u9fff")):
                continue  # 街道、社区……, “社区—网格—楼栋”: kinds named, not the place
            if word in _ORG_COREF and m.group("det") not in ("该", "本"):
                continue
            if bare and text[m.end() : m.end() + 1] in ("党", "居", "网", "干", "工", "服", "治", "内", "里", "的"):
                continue  # 社区党委, 社区居民: a compound, not the place
            target = self._coref_target(word)
            if target is None:
                continue
            mid, canonical, type_ = target
            sp = Span(m.start(), m.end(), m.group(), type_, "coreference", 0.6)
            if type_ == "Organization":
                # 该院第二检察部: the reference opens a longer name
                end = _extend_right(text, m.end())
                if end > m.end():
                    sp = Span(m.start(), end, text[m.start() : end], type_, "coreference", 0.6)
                    canonical += text[m.end() : end]
                src = self._by_id[mid]
                mm = self._mention(sent, sp, "Organization", canonical, confidence=0.6)
                mm.place = src.place
            else:
                key = self._keys.get(mid)
                if key is None:
                    continue
                src = self._by_id[mid]
                mm = self._mention(sent, sp, type_, canonical, adcode=src.adcode)
                self._keys[mm.id] = key
            out.append((sp, mm))
        return out

    def _coref_target(self, word: str) -> tuple[str, str, str] | None:
        """The (mention id, name, type) a pronoun-like reference points at."""
        if word in _ORG_COREF:
            for mid, name in reversed(self.recent_orgs):
                if name.endswith(_ORG_COREF[word]):
                    return mid, name, "Organization"
            return None
        types = _PLACE_COREF[word]
        suffix_matters = word in ("县", "旗", "区", "市", "盟")
        for mid, t, name in reversed(self.ctx.recent_places):
            if t in types and (not suffix_matters or name.endswith(word)):
                return mid, name, t
        if word == "区" and self.region is not None:  # 全区 in a regional paper: the region
            for mid, t, name in chain(reversed(self.ctx.recent_places), reversed(self.doc_places.values())):
                if t == "Province":
                    return mid, name, t
        return None

    def _region_province(self) -> Division | None:
        provinces = [(w, i) for i, w in self.ctx.region.items() if self.gaz.rows[i].type == "Province"]
        if not provinces:
            return None
        w, i = max(provinces)
        d = self.gaz.rows[i]
        return d if d.name.endswith("自治区") else None

    def _chain_end(self, sent: Sentence, sp: Span, m: Mention, pspans, place_by_span) -> Mention:
        """The most specific place of a chain that opens with ``sp``: in "昆都仑区少先路街道
        少先二十社区创新……" the community acts, not the district."""
        if sp not in pspans:
            return m
        k = pspans.index(sp)
        while True:
            nxt = next((j for j, q in enumerate(pspans) if q.chain_prev == k), None)
            if nxt is None:
                return m
            key = sent.span(pspans[nxt].start, pspans[nxt].end)
            if key not in place_by_span:
                return m
            k, m = nxt, place_by_span[key]

    def _subject_for(self, sent, sp: Span, org_mentions, pspans, place_by_span) -> Mention | None:
        """The body or place the sentence credits with the practice at ``sp``: the nearest
        one before it in the same clause that opens its clause or directly precedes a verb."""
        text = sent.text
        cands = []
        for o, m in org_mentions:
            if o.end <= sp.start:
                cands.append((o, m))
        for p in pspans:
            key = sent.span(p.start, p.end)
            if p.end <= sp.start and key in place_by_span and not any(
                o.start <= p.start and p.end <= o.end and (o.start, o.end) != (p.start, p.end) for o, _ in org_mentions
            ):  # (某社区党委: the body acts, not the place in its name)
                cands.append((p, place_by_span[key]))
        cands.sort(key=lambda t: t[0].end)
        for o, m in reversed(cands):
            between = text[o.end : sp.start]
            if re.search(r"[。!?;；]", between) or len(between) > 40:
                continue
            if any(o2.start >= o.end and o2.end <= sp.start for o2, _ in cands):
                continue
            if text[max(0, o.start - 1) : o.start] in ("在", "到", "与", "和", "为", "对", "向", "帮", "给") :
                continue
            head_at = _chain_head(o, pspans)
            if text[max(0, head_at - 1) : head_at] in ("与", "和", "同", "对", "向", "帮", "给"):
                continue  # 公司党支部与九原区沙河街道康乐社区党委签订……: the partner, by its chain
            loc = re.search(r"在[^,，。;；:：在]*$", text[: o.start])
            if loc and any(o0.end <= loc.start() and not re.search(r"[,，。;；:：]", text[o0.end : loc.start()])
                           for o0, _ in cands):
                continue  # 某镇在务工人员集中的甲市、乙市设立……: the places after 在 are where, not who
            if not _is_clause_start(text, o.start) and _after_verb(text, o.start):
                continue  # 社区党委……引入某物业公司,推行……: the object of a verb does not act
            if re.match(r"^(?:的|等|和|与)", between):
                continue
            verb = re.search("(?:" + "|".join(L.IMPLEMENT_VERBS) + ")", between)
            if verb or _is_clause_start(text, o.start):
                return m
        return None

    def _co_actors(self, sent: Sentence, subj: Mention, sp: Span, org_mentions, pspans, place_by_span) -> list[Mention]:
        """"甲党委与乙组织部联合印发……": the bodies a subject acts jointly with (与/和/会同 …
        联合/共同/携手) carry out the practice too."""
        text = sent.text
        named = [*org_mentions, *((p, place_by_span[sent.span(p.start, p.end)]) for p in pspans
                                  if sent.span(p.start, p.end) in place_by_span)]
        at = next((o for o, m in named if m is subj), None)
        if at is None:
            return []
        # 甲街道联合乙派出所推行……: the body joined by 联合 (会同, 携手) acts too
        joined = next(((o, m) for o, m in named if o.end <= sp.start
                       and re.fullmatch(r"(?:联合|会同|携手|协同)", text[at.end : o.start])), None)
        if joined is not None and joined[1] is not subj:
            return [joined[1]]
        out = []
        end = at.end
        while True:
            nxt = next(((o, m) for o, m in named if o.start > end and o.end <= sp.start
                        and re.fullmatch(r"与|和|同|及|会同|、", text[end : o.start])), None)
            if nxt is None:
                break
            out.append(nxt)
            end = nxt[0].end
        if out and re.match(r"(?:联合|共同|携手|一起|一道)", text[end:]):
            return [m for _, m in out if m is not subj]
        return []

    def _holder_of(self, sent: Sentence, pos: int, org_mentions, pspans, place_by_span):
        """The body (or place) whose post starts at ``pos``: the nearest one ending right
        before it, with at most a qualifier between (专职, “一肩挑”).  A body named by its
        kind alone (居委会) is read in context only when it is the nearest."""
        text = sent.text
        cands = []
        for o, m in org_mentions:
            cands.append((o, m, 0))
        for g in self._generic:
            cands.append((g, None, 1))
        for p in pspans:
            key = sent.span(p.start, p.end)
            if key in place_by_span:
                cands.append((p, place_by_span[key], 2))
        best = None
        for o, m, rank in cands:
            gap = text[o.end : pos]
            if o.end > pos or len(gap) > 6 or re.search(r"[,，。;；、:：]", gap):
                continue
            if best is None or (o.end, -rank) > (best[0].end, -best[2]):
                best = (o, m, rank)
        if best is None:
            return None
        o, m, rank = best
        if m is None:
            found = self.contextual_org(o, post=True)
            if not found:
                return None
            m = self._mention(sent, o, "Organization", found[0], confidence=0.6)
            m.place = found[1]
        return o, m, text[o.end : pos]

    def _leads(self, sent, sp: Span, pm: Mention, org_mentions, pspans, place_by_span) -> None:
        """Person → the body (or place) whose post stands right before the name, for each
        post of a list: 光明社区党委书记、居委会主任孙丽娟 leads both."""
        text = sent.text
        pos, title = sp.start - len(sp.role), sp.role
        if title not in L.LEAD_TITLES:
            # 志愿服务队队长、退休干部某某: a leading post listed before a plain role
            mt = _TITLE_BEFORE_ROLE.search(text[:pos])
            if not mt:
                return
            pos, title = mt.start(1), mt.group(1)
        if text[pos : sp.start] != title and text[pos - 1 : sp.start - 1] == title and text[sp.start - 1] == "的":
            pos -= 1  # "担任村委会主任的王某某": the post, 的, then the name
        if title in _DEPT_CHIEFS and self._holder_of(sent, pos, org_mentions, pspans, place_by_span) is None:
            # 市委常委、组织部长杜文涛: the post names its department
            dept = Span(pos, pos + 2, _DEPT_CHIEFS[title], "Organization", "post-department", 0.6)
            found = self.contextual_org(dept)
            if found:
                dm = self._mention(sent, Span(pos, pos + len(title), title, "Organization", "post-department", 0.6),
                                   "Organization", found[0], confidence=0.6)
                dm.place = found[1]
                self._relation(sent, pm, "leads", dm, "post", 0.7, sp, role=title)
            return
        for _ in range(4):
            hit = self._holder_of(sent, pos, org_mentions, pspans, place_by_span)
            if hit is None:
                # 公司党支部书记、经理某某: the head's post has no body of its own; the
                # party post before it still names one
                self._unit_head(sent, pos, title, sp, pm, org_mentions, pspans, place_by_span)
                self._team_head(sent, pos, title, sp, pm)
                mt = _TITLE_LIST.search(text[:pos])
                if not mt:
                    break
                pos, title = mt.start(1), mt.group(1)
                continue
            o, m, gap = hit
            head = o.head or "" if m.type == "Organization" else ""
            self._relation(sent, pm, "leads", m, "post", 0.85, sp, role=(head + gap + title).strip())
            mt = _TITLE_LIST.search(text[: o.start])
            if not mt:
                break
            pos, title = mt.start(1), mt.group(1)

    def _unit_head(self, sent, pos: int, title: str, sp: Span, pm: Mention, org_mentions, pspans, place_by_span) -> None:
        """公司党支部书记、副总经理某某, 检察院党组书记、检察长某某, 苏木党委副书记、苏木长某某:
        a head's post after a party post, with no body of its own, is a post in the unit
        the party body belongs to (the company, the procuratorate, the 苏木 itself)."""
        mt = _TITLE_LIST.search(sent.text[:pos])
        if not mt or title not in _UNIT_HEADS:
            return
        prev = self._holder_of(sent, mt.start(1), org_mentions, pspans, place_by_span)
        if prev is None or prev[1].type != "Organization":
            return
        o, m, _ = prev
        party = next((h for h in _PARTY_BODIES if m.canonical.endswith(h) and len(m.canonical) > len(h) + 1), None)
        if party is None:
            return
        base_end = o.end - len(party) if o.text.endswith(party) else o.end
        base = next((place_by_span[k] for p in pspans if (k := sent.span(p.start, p.end)) in place_by_span
                     and p.end == base_end and p.start >= o.start), None)
        if base is not None and base.type in ("Town", "Street", "Village", "Community", "County", "City"):
            if not title.endswith(_PLACE_HEADS) and title not in ("主任", "副主任"):
                return  # 村党支部书记、会计: not a head of the place
        elif title.endswith(_PLACE_HEADS):
            return
        else:
            if m.canonical[: -len(party)].endswith(("社区", "村", "嘎查", "街道", "苏木", "镇", "乡")):
                return  # 社区党委书记、主任: the place's committee, which the text does not name
            bspan = Span(o.start, base_end, sent.text[o.start : base_end], "Organization", "post-unit", 0.6)
            base = self._mention(sent, bspan, "Organization", m.canonical[: -len(party)], confidence=0.6)
            base.place = m.place
        self._relation(sent, pm, "leads", base, "post", 0.7, sp, role=title)

    def _scene(self, sent, sp: Span, pspans, place_by_span) -> Mention | None:
        """在林荫街道，驻区单位与社区推行“……”: where the actors go unnamed, the place the
        sentence opens on carries the practice."""
        m = re.match(r"\s*在", sent.text)
        if m is None:
            return None
        p = next((p for p in pspans if p.start == m.end()), None)
        if p is None or p.end > sp.start:
            return None
        end = _chain_stop(p, pspans)
        if not re.match(r"[,，]", sent.text[end:]):
            return None
        last = max((q for q in pspans if q.end == end), key=lambda q: q.start, default=p)
        return place_by_span.get(sent.span(last.start, last.end))

    def _later_post(self, sent, sp: Span, pm: Mention, org_mentions, pspans, place_by_span) -> None:
        """郭某某同时担任钢苑社区居委会主任: a post the person takes on after the name."""
        m = _LATER_POST.match(sent.text, sp.end)
        if m is None or m.group("title") not in L.LEAD_TITLES:
            return
        pos = m.start("title")
        named = [(o, om) for o, om in org_mentions if m.start("body") <= o.start and o.end <= pos and len(sent.text[o.end : pos]) <= 6
                 and not re.search(r"[,，。;；、:：]", sent.text[o.end : pos])]
        if named:  # a body the text names (兼任党支部书记 leaves unsaid which branch)
            o, holder = max(named, key=lambda t: t[0].end)
            gap = sent.text[o.end : pos]
            head = o.head or "" if holder.type == "Organization" else ""
            self._relation(sent, pm, "leads", holder, "post", 0.75, sp, role=(head + gap + m.group("title")).strip())

    def _team_head(self, sent, pos: int, title: str, sp: Span, pm: Mention) -> None:
        """”队长白福生说: a team's head named by the bare title leads the team the article
        last named (某某志愿服务队), when the title opens its clause."""
        kind = {"队长": "队", "副队长": "队", "团长": "团", "副团长": "团"}.get(title)
        if kind is None:
            return
        if not _is_clause_start(sent.text, pos):
            # 志愿服务队队长康某某说: the team named by its kind, opening the clause
            team = re.search(r"(?:志愿服务队|服务队|志愿队|宣讲队|宣讲团|巡护队|突击队|攻坚队|先锋队)$", sent.text[:pos])
            if team is None or not _is_clause_start(sent.text, team.start()):
                return
            kind = team.group()
        for mid, name in reversed(self.recent_orgs):
            if name.endswith(kind):
                src = self._by_id[mid]
                tm = self._mention(sent, Span(pos, pos + len(title), title, "Organization", "post-team", 0.55),
                                   "Organization", name, confidence=0.55)
                tm.place = src.place
                self._relation(sent, pm, "leads", tm, "post", 0.6, sp, role=title)
                return

    def _appositive_posts(self, sent: Sentence, org_mentions, pspans, place_by_span) -> None:
        """"王守成，杭锦后旗陕坝镇中南渠村党支部书记，……": a name, then its post as an apposition."""
        text = sent.text
        for m in _APPOSITION.finditer(text):
            name = m.group("name")
            if not plausible_name(name) or not _is_clause_start(text, m.start("name")):
                continue
            # 胡某某，某村党支部书记、村委会主任，……: each post of the list, back to the first
            # body, which must open the apposition
            pos, title, hits = m.start("title"), m.group("title"), []
            for _ in range(4):
                hit = self._holder_of(sent, pos, org_mentions, pspans, place_by_span)
                if hit is None:
                    break
                hits.append((hit, title))
                mt = _TITLE_LIST.search(text[: hit[0].start])
                if not mt or mt.start(1) <= m.end("name"):
                    break
                pos, title = mt.start(1), mt.group(1)
            if not hits or hits[-1][0][0].start != m.end("name") + 1:
                continue
            sp = Span(m.start("name"), m.end("name"), name, "Person", "apposition", 0.8, role=m.group("title"))
            pm = self._mention(sent, sp, "Person", name)
            for (o, holder, gap), title in hits:
                head = o.head or "" if holder.type == "Organization" else ""
                self._relation(sent, pm, "leads", holder, "post", 0.8, sp, role=(head + gap + title).strip())


@timed("document")
def extract(doc: Document, gaz: Gazetteer) -> Extraction:
    """All mentions and relations of one document."""
    return _DocExtractor(doc, gaz).run()
