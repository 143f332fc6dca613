"""Resolution: one entity per real-world thing across all documents.

Identity is decided by a stable key, never by run order:

* a place the gazetteer knows: its adcode, or the path below the nearest division with
  one (``Town/150622/薛家湾镇``); same-named places under different parents stay apart;
* a place it does not know: its parent's key and its name, as the text gives them;
* a body: the key of the place it is named after and the rest of its name
  (``Organization/Community/150203/少先路街道/少先二十社区/党支部``), or its name alone;
* a person: the name; a mechanism: its core name (quotes and width folded).

A body also records the place its name names (``Entity.place``, exported as
``kg:basedIn``), so that "who leads what in this county" needs no string matching.

Known places are completed upwards from the gazetteer (苏尼特右旗 → 锡林郭勒盟 → 内蒙古自治区),
so every county has its city and province above it even when the text leaves them out.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from . import schema
from .extract import lexicon as L
from .gazetteer import Gazetteer
from .model import PLACE_TYPES, Entity, Evidence, Extraction, Mention, Relation

_QUOTES = "“”‘’\"'「」『』《》〈〉"
#: The relations a relation mention may have (another predicate is an extractor's mistake).
STATED = tuple(r.name for r in schema.stated_relations())


@lru_cache(maxsize=1 << 16)  # names recur on every page: each is normalised once
def norm_name(s: str) -> str:
    """Width-folded, quote-free, space-free form of a name, for identity."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if c not in _QUOTES and not c.isspace())


def _combine(confidences: Iterable[float]) -> float:
    """Noisy-or of independent pieces of evidence: more mentions, more confidence."""
    p = 1.0
    for c in confidences:
        p *= 1.0 - max(0.0, min(c, 0.99))
    return round(1.0 - p, 3)


def _mention_key(m: Mention, x: Extraction, by_id: dict[str, Mention], openings: dict[str, str] | None = None) -> str | None:
    """The key of ``m`` by its type's key rule (:attr:`kg.schema.EntityType.key`); a type the
    schema does not declare is an error, not a mention to drop.  ``openings``: the document's
    linked upper places by name (:func:`_upper_places`)."""
    try:
        rule = schema.entity_type(m.type).key
    except ValueError as e:
        raise ValueError(f"{x.doc.path}: mention {m.id} ({m.name!r}, by {m.evidence.extractor}): {e}") from None
    keys = x.keys
    if rule == "place":
        k = keys.get(m.id)
        if k and "//" in k:  # no parent known: keep it to its document
            t, name = k.split("//", 1)
            return f"{t}/~{x.doc.id}/{name}"
        return k
    if rule == "person":
        return f"{m.type}/{norm_name(m.canonical)}"  # refined by _person_keys
    if rule == "mechanism":
        return f"{m.type}/{norm_name(m.canonical)}"
    if rule == "body":
        name = norm_name(m.canonical)
        if m.place and m.place in keys:
            place = by_id[m.place]
            pk = keys[m.place]
            # the rest of the name after the place, however the place was written
            for form in sorted({place.canonical, place.name, *place.aliases}, key=len, reverse=True):
                i = name.find(norm_name(form))
                if i >= 0:
                    rest = name[i + len(norm_name(form)) :]
                    if len(rest) >= 2 and rest[0] == form[-1:] and rest[0] in _LEVEL_REPEATED and rest[1] in "委党政":
                        rest = rest[1:]  # 某某旗旗委 is 某某旗委, 某某镇镇政府 某某镇政府: the level said again
                    if rest:
                        return f"{m.type}/{pk.split('/', 1)[1]}/{rest}"
                    break
        opening = _opening_place(name, openings or {})
        if opening is not None:  # 某自治区党委 however written: keyed by the region's code
            pk, rest = opening
            return f"{m.type}/{pk.split('/', 1)[1]}/{rest}"
        return f"{m.type}/{name}"
    raise AssertionError(f"no key rule {rule!r}")  # the schema's KeyRule names every rule


#: the levels' characters a body's name may say again after its place's name before its
#: committee, party body or government (某某旗旗委, 某某镇镇政府; 某某村村委会 is read elsewhere)
_LEVEL_REPEATED = frozenset("省市盟县旗区镇乡")


def _upper_places(x: Extraction) -> dict[str, str]:
    """The document's provinces, cities and counties linked to the gazetteer: name → key
    (of the first mention)."""
    out: dict[str, str] = {}
    for m in x.mentions:
        pk = x.keys.get(m.id)
        if m.type in ("Province", "City", "County") and m.adcode and pk and "//" not in pk:
            out.setdefault(norm_name(m.canonical), pk)
    return out


def _opening_place(name: str, places: dict[str, str]) -> tuple[str, str] | None:
    """(key, rest) when a body's name opens with the full name of one of ``places`` and
    something follows it (the longest such name)."""
    for k in range(min(len(name) - 1, 12), 1, -1):
        pk = places.get(name[:k])
        if pk is not None:
            return pk, name[k:]
    return None


def _org_display(names: list[str]) -> str:
    """The most specific full name: the longest form, ties broken by order."""
    return sorted(names, key=lambda s: (-len(s), s))[0]


_PRESS = ("byline", "photo-credit", "brief-credit")


def _person_keys(x: Extraction, by_id: dict[str, Mention], key_of) -> dict[str, str]:
    """Keys for the people of one document.

    A name is one person within a document.  Across documents the same name is the same
    person only when something ties the mentions: the paper's byline (reporters), or the
    same post in the same body.  Otherwise it stays a separate person per document.
    """
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in x.mentions:
        if m.type == "Person":
            by_name[norm_name(m.canonical)].append(m)
    # a piece of a longer name on the same page is that person (巴特尔 of 宝音巴特尔)
    for name in sorted(by_name, key=len):
        if name not in by_name:
            continue  # a glued reading already merged into its name
        longer = [n for n in by_name if n != name and (n.endswith(name) or n.startswith(name))]
        if len(longer) == 1 and _glued(longer[0], name, by_name):
            by_name[name].extend(by_name.pop(longer[0]))  # 某某都 (of 某某|都会), 某某正 (of 某某|正带着) is 某某
        elif len(longer) == 1 and len(name) >= 3:
            by_name[longer[0]].extend(by_name.pop(name))
    led: dict[str, list[str]] = defaultdict(list)
    for r in x.relations:
        if r.predicate == "leads" and r.subject in by_id and r.object in by_id:
            k = key_of(by_id[r.object])
            if k:
                led[norm_name(by_id[r.subject].canonical)].append(k)
    out = {}
    for name, ms in by_name.items():
        if any(m.evidence.extractor in _PRESS for m in ms):
            key = f"Person/{name}"
        elif led.get(name):
            key = f"Person/{name}@{sorted(led[name])[0].split('/', 1)[1]}"
        else:
            key = f"Person/{name}@{x.doc.id}"
        for m in ms:
            out[m.id] = key
    return out


def _glued(long: str, short: str, by_name: dict[str, list[Mention]]) -> bool:
    """Is ``long`` the name ``short``, read more often alone, with a character glued on
    that follows names (某某都 of 某某|都会), or with any character where ``short`` is read
    alone at least three times and twice as often (某某某察 of 某某某|察看)?"""
    if long[:-1] != short:
        return False
    n_short, n_long = len(by_name[short]), len(by_name[long])
    if long[-1] not in L.AFTER_NAME_CHARS:
        # 某某某察|看了 read once where the page names 某某某 alone again and again: the
        # name and the first character of the verb after it
        return n_short >= 2 * n_long and n_short >= 3
    # an adverb glued on (某某正|带着, 某某也|来了) is the short name even read as often
    return n_short > n_long or (long[-1] in _ADVERBS_AFTER_NAME and n_short == n_long)


#: adverbs that jieba glues to a name before a verb (某某正|带着, 某某也|来了)
_ADVERBS_AFTER_NAME = frozenset("正也还又就都便已曾")


_GENERIC_TAIL = ("管理", "制度", "机制", "模式", "体系", "工作")


def _without_generic_tail(name: str) -> str:
    """清单制管理 → 清单制: a practice's name without the generic words that may end it."""
    core = name
    for tail in _GENERIC_TAIL:
        if core.endswith(tail) and len(core) > len(tail) + 1:
            core = core[: -len(tail)]
    return core


def _mechanism_keys(x: Extraction) -> dict[str, str]:
    """Within a page a practice named in full and then by the end of its name is one
    practice: 清单制 and 小微权力清单制 after 村级小微权力清单制管理.  Across pages the short
    name stands for itself."""
    names = {norm_name(m.canonical) for m in x.mentions if m.type == "Mechanism"}
    # the names by each end of their core of three characters or more: the fuller names a
    # shorter one may stand for, found by one look-up rather than a pass over all names
    by_end: dict[str, list[str]] = defaultdict(list)
    for long in names:
        core = _without_generic_tail(long)
        for k in range(len(core) - 2):
            by_end[core[k:]].append(long)
    target: dict[str, str] = {}
    for short in names:
        if len(short) < 3 or "+" in short:  # 公司+基地+农户 is its own formula
            continue
        fuller = [long for long in by_end.get(short, ()) if len(long) > len(short)]
        if fuller:
            target[short] = max(fuller, key=lambda n: (len(n), n))
    out = {}
    for m in x.mentions:
        if m.type == "Mechanism":
            n = norm_name(m.canonical)
            while n in target:
                n = target[n]
            out[m.id] = f"Mechanism/{n}"
    return out


#: trades a company's short name may end in (某某乳业 for 某旗某某乳业有限公司)
_TRADES = tuple(sorted(L.TRADE_HEADS))


#: a company's party bodies, named after the company's short name as after its full one (某某公司党委)
_COMPANY_PARTY = ("党委", "党总支", "党支部")
#: a company's party body by its party body's name: 公司党委, 有限公司党委, …
_COMPANY_SUFFIXES_PARTY = {p: ("公司" + p, "集团" + p) for p in _COMPANY_PARTY}


#: committees said short, and their full heads (某村调委会 after 某村人民调解委员会)
_COMMITTEES_SAID_SHORT = (("调委会", "人民调解委员会"), ("调委会", "调解委员会"), ("居委会", "居民委员会"),
                          ("村委会", "村民委员会"), ("业委会", "业主委员会"), ("监委会", "监督委员会"))


def _org_fuller(names: list[str], key: dict[str, str] | None = None) -> dict[str, str]:
    """Within a page a body named in full and then by a shorter form is one body: the
    end of its name (某某路派出所 after 某某区公安分局某某路派出所; 某某法庭 after
    某旗人民法院某某人民法庭, 人民 left out), or a company's brand and trade before 公司
    (某某物业公司 after 某市某某物业服务有限公司, 某某公司党委 after 某某精密机械有限公司党委;
    某某乳业 after 某旗某某乳业有限公司), or a village's committee with the village's 村 left out
    (某某村委会 for 某某村村委会), or a committee named short (某区委政法委 for 某区委政法委员会).
    Only a shorter form that fits one fuller name on the page is read so (or several that
    are one body, ``key``: name → the body's key: 某区人民检察院 and 某市某区人民检察院; or
    several that this reading itself leads to one: 某某人民法庭 and 某县人民法院某某人民法庭)."""
    out: dict[str, str] = {}
    several: dict[str, list[str]] = {}  # shorter forms that fit more than one fuller name
    by_last: dict[str, list[str]] = defaultdict(list)  # each reading below keeps the last character
    for n in names:
        by_last[n[-1:]].append(n)
    for short in names:
        party = next((p for p in _COMPANY_PARTY if short.endswith("公司" + p)), "") if "公司" in short else ""
        stem = short[: len(short) - len(party)]
        core = stem[:-2] if stem.endswith("公司") and not stem.endswith("有限公司") else None
        traded = len(short) >= 4 and short.endswith(_TRADES)
        # 某某焦化党委 after 某市某某焦化有限公司党委: the brand and trade, then the company's party body
        branded = next((p for p in _COMPANY_PARTY if short.endswith(p)), "") if "公司" not in short else ""
        brand = short[: len(short) - len(branded)] if branded and len(short) - len(branded) >= 3 else ""
        fuller = [
            n for n in (by_last[short[-1:]] + by_last["司"] + by_last["团"] if traded
                        else by_last[short[-1:]] + by_last["会"] if short.endswith("委") else by_last[short[-1:]])
            if len(n) > len(short) and (
                (len(short) >= 4 and (n.endswith(short) or ("人民" in n and n.replace("人民", "").endswith(short))))
                or (core is not None and len(core) >= 2 and n.endswith("公司" + party) and core in n[: len(n) - len(party)])
                or (traded and short in n and n.endswith(("公司", "集团")))
                or _abbreviates(short, n)
                or short.endswith("村委会") and n == short[:-3] + "村村委会"  # 某某村委会 is 某某村村委会
                or short.endswith("委") and n == short + "员会"  # 某区委政法委 is 某区委政法委员会
                or any(short.endswith(a) and len(short) > len(a) + 1 and n.endswith(short[: -len(a)] + f)
                       for a, f in _COMMITTEES_SAID_SHORT)  # 某村调委会 is 某村人民调解委员会
                or (brand and n.endswith(_COMPANY_SUFFIXES_PARTY[branded]) and brand in n[: len(n) - len(branded)])
            )
        ]
        if len(set(fuller)) == 1:
            out[short] = fuller[0]
        elif fuller and key is not None and len({key[f] for f in fuller}) == 1:
            out[short] = min(fuller)
        elif fuller:
            several[short] = fuller
    for short, fuller in several.items():
        # 某某法庭 after 某旗人民法院某某人民法庭 and 某某人民法庭: fuller names that are one body
        # (the shorter of them read as the longest) are one
        ends = {_fullest(out, f) for f in fuller}
        if len(ends) == 1:
            out[short] = ends.pop()
    return out


def _fullest(out: dict[str, str], name: str) -> str:
    """The fullest name the shorter forms ``out`` lead ``name`` to."""
    seen = {name}
    while name in out and out[name] not in seen:
        name = out[name]
        seen.add(name)
    return name


def _abbreviates(short: str, long: str) -> bool:
    """住建局 for 住房和城乡建设局, 陈旗检察院 for 陈巴尔虎旗人民检察院: the short name keeps the
    first and last characters and picks the rest in order from the long one."""
    if len(short) < 4 or len(long) < len(short) + 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    gaps, j = 0, 0
    for c in short:
        k = long.find(c, j)
        if k < 0:
            return False
        gaps += k > j
        j = k + 1
    gaps += j < len(long)
    # one cut is a sub-unit left out (某社区党委 / 某社区第一网格党委), not an abbreviation
    return gaps >= 2


def _org_keys(x: Extraction, key_of) -> dict[str, str]:
    """Keys of the bodies of one page, with shorter forms led to the full name's key."""
    keys = {m.id: key_of(m) for m in x.mentions if m.type == "Organization"}
    by_name: dict[str, str] = {}
    for m in x.mentions:  # a short name the page declares (以下简称……) names the same body
        if m.type == "Organization" and keys[m.id]:
            for a in m.aliases:
                by_name.setdefault(norm_name(a), keys[m.id])
    for m in x.mentions:
        if m.type == "Organization" and keys[m.id]:
            by_name.setdefault(norm_name(m.canonical), keys[m.id])
    fuller = _org_fuller(sorted(by_name), by_name)
    out = {}
    for m in x.mentions:
        if m.type == "Organization" and keys[m.id]:
            n = norm_name(m.canonical)
            out[m.id] = by_name[fuller[n]] if n in fuller else by_name.get(n, keys[m.id])
    return out



#: words for a kind of place or a level, which open a form read only in its article's context
_LEVEL_WORDS = ("自治区", "苏木", "嘎查", "街道", "社区", "小区", "市委", "县委", "旗委", "区委", "盟委",
                "市", "县", "旗", "区", "盟", "镇", "乡", "村", "省")
_KINDS = frozenset({*L.GENERIC_ORGS, *L.ORG_HEADS, *(s for s, _ in L.PLACE_SUFFIXES), "委", "政府"})


def vague_alias(form: str) -> bool:
    """Is ``form`` a way of referring that only its article resolves (全县, 该村, 社区, 镇党委,
    市委组织部, 组织部长), not another name of the entity?  Such forms are kept out of the
    aliases: they would match every county, village or department in a search.

    >>> [vague_alias(f) for f in ("全县", "该村", "社区", "镇党委", "市委组织部", "组织部长", "市国资委")]
    [True, True, True, True, True, True, True]
    >>> [vague_alias(f) for f in ("托县", "科左中旗", "杭锦旗人民检察院", "“铁三角”机制", "明星村党支部")]
    [False, False, False, False, False]
    """
    if form[:1] in "全该本此各" and len(form) <= 5:
        return True
    if any(form.endswith(t) and form != t for t in L.LEAD_TITLES) and not form.endswith(("委员会", "部长制")):
        return True  # a post (组织部长), not a body
    rest = form
    while True:
        level = next((w for w in _LEVEL_WORDS if rest.startswith(w) and len(rest) > len(w)), None)
        if level is None:
            break
        rest = rest[len(level):]
    return rest in _KINDS

def mention_keys(x: Extraction) -> tuple[str | None, ...]:
    """The entity key of each mention of ``x`` (None: no entity), in the order of its
    mentions: what resolution decides from one document alone."""
    by_id = {m.id: m for m in x.mentions}
    uppers = _upper_places(x)

    def key_of(m: Mention) -> str | None:
        return _mention_key(m, x, by_id, uppers)

    people = _person_keys(x, by_id, key_of)
    people.update(_mechanism_keys(x))
    people.update(_org_keys(x, key_of))
    one: dict[str | None, str | None] = {}  # each key one string (a worker sends each once)
    return tuple(one.setdefault(k, k) for k in (people.get(m.id) or key_of(m) for m in x.mentions))


def document_part(x: Extraction) -> tuple[tuple[str | None, ...], tuple[tuple[str, str, int], ...]]:
    """What :func:`resolve` reads of ``x`` alone: :func:`mention_keys` and the votes of its
    bodies for the places they are named after (:func:`_body_places`).  A build works it
    out in the worker that extracted the document (:attr:`Extraction.resolved`), so that
    the one process that resolves the whole corpus has less to do; it is the same answer
    either way."""
    keys = mention_keys(x)
    return keys, tuple(_document_votes(x, dict(zip((m.id for m in x.mentions), keys, strict=True))))


def _document_part(x: Extraction) -> tuple[tuple[str | None, ...], tuple[tuple[str, str, int], ...]]:
    """:attr:`Extraction.resolved` where it was worked out for these mentions, else worked out."""
    if x.resolved is not None and len(x.resolved[0]) == len(x.mentions):
        return x.resolved
    return document_part(x)


def resolve(extractions: list[Extraction], gaz: Gazetteer) -> tuple[list[Entity], list[Relation]]:
    """Merge mentions into entities and relation mentions into facts."""
    entities: dict[str, Entity] = {}
    names: dict[str, list[str]] = defaultdict(list)
    confs: dict[str, list[float]] = defaultdict(list)
    mention_entity: dict[str, str] = {}
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for x in extractions:
        keys, body_votes = _document_part(x)
        for body, place, weight in body_votes:
            votes[body][place] += weight
        for m, key in zip(x.mentions, keys, strict=True):
            if key is None:
                continue
            mention_entity[m.id] = key
            e = entities.get(key)
            if e is None:
                e = entities[key] = Entity(id=key, type=m.type, name=m.canonical, adcode=m.adcode)
            e.mentions.append(m.evidence)
            names[key].append(norm_name(m.canonical))
            for a in (m.name, *m.aliases):
                if a and a not in e.aliases:
                    e.aliases.append(a)
            confs[key].append(m.confidence)
    for key, e in entities.items():
        if e.type == "Organization":
            e.name = _org_display(names[key])
        elif e.type == "Person":  # the full name: pieces of it may also be mentioned
            e.name = key.split("/", 1)[1].split("@", 1)[0]  # the fullest name read on its page
        elif e.type == "Mechanism":  # the name its key was made from: the fullest on the page
            e.name = key.split("/", 1)[1]
        e.aliases = sorted({a for a in e.aliases if norm_name(a) != e.name and not vague_alias(a)})
        e.confidence = _combine(confs[key])

    relations: dict[tuple[str, str, str], Relation] = {}
    rconfs: dict[tuple, list[float]] = defaultdict(list)

    def add(s: str, p: str, o: str, ev: Evidence, conf: float, role: str | None = None) -> None:
        if s == o:
            return
        k = (s, p, o)
        r = relations.get(k)
        if r is None:
            r = relations[k] = Relation(s, p, o, role=role)
        if role and not r.role:
            r.role = role
        r.evidence.append(ev)
        rconfs[k].append(conf)

    for x in extractions:
        for rm in x.relations:
            if rm.predicate not in STATED:
                raise ValueError(f"{x.doc.path}: relation {rm.subject} {rm.predicate} {rm.object} (by "
                                 f"{rm.evidence.extractor}): not a relation sentences state; the schema's "
                                 f"are {', '.join(STATED)}")
            s, o = mention_entity.get(rm.subject), mention_entity.get(rm.object)
            if s and o:
                add(s, rm.predicate, o, rm.evidence, rm.confidence, rm.role)

    _body_places(votes, entities)
    _complete_containment(entities, gaz, add)
    for k, r in relations.items():
        r.confidence = _combine(rconfs[k])
    return sorted(entities.values(), key=lambda e: e.id), sorted(relations.values(), key=lambda r: (r.subject, r.predicate, r.object))


def _document_votes(x: Extraction, mention_entity: dict[str, str | None]) -> list[tuple[str, str, int]]:
    """(body key, place key, weight) for each body of one document whose name contains a
    place of it (:func:`_body_places`)."""
    votes = []
    forms = _PlaceForms()
    for m in x.mentions:
        key = mention_entity.get(m.id)
        if m.type in PLACE_TYPES and key:
            for n in {norm_name(n) for n in (m.canonical, m.name, *m.aliases)}:
                forms.add(n, key)
    for m in x.mentions:
        body = mention_entity.get(m.id)
        if m.type != "Organization" or not body:
            continue
        if m.place and mention_entity.get(m.place) is not None:
            votes.append((body, mention_entity[m.place], 2))
        else:
            place = _place_in_name(norm_name(m.canonical), forms)
            if place is not None:
                votes.append((body, place, 1))
    return votes


def _body_places(votes: dict[str, dict[str, int]], entities: dict[str, Entity]) -> None:
    """Set ``Entity.place`` of every body whose name contains a place of its document.

    The extractor's own choice (``Mention.place``, the place whose key the body's key was
    made from) counts twice; otherwise :func:`_place_in_name` reads it from the name
    (:func:`_document_votes`).  Across documents the most frequent answer wins, ties
    broken by id, so the result does not depend on order.  This is what the name says, not
    a fact the text states: it is exported as ``kg:basedIn``, never as ``kg:locatedIn``.
    """
    for body, tally in votes.items():
        entities[body].place = min(tally.items(), key=lambda kv: (-kv[1], kv[0]))[0]


#: Suffixes a division's bodies often drop: 东岗派出所 for 东岗镇's, 兰州大学 for 兰州市's.
_BARE_SUFFIXES = ("自治区", "省", "市", "盟", "自治州", "自治县", "自治旗", "县", "区", "旗", "镇", "乡", "苏木", "街道")


class _PlaceForms:
    """The names of a document's places, indexed for :func:`_place_in_name`: by the whole
    form, and by the form without its level suffix (东岗镇 → 东岗).  Looking a body's name up
    costs the square of its length, not the number of places the document names."""

    def __init__(self) -> None:
        self.whole: dict[str, str] = {}  # form → the least key that has it
        self.bare: dict[str, tuple[int, str]] = {}  # form less its suffix → (-length, key)

    def add(self, form: str, key: str) -> None:
        if len(form) >= 2 and (form not in self.whole or key < self.whole[form]):
            self.whole[form] = key
        for stem in _bare_stems(form):
            cand = (-len(stem), key)
            if stem not in self.bare or cand < self.bare[stem]:
                self.bare[stem] = cand


@lru_cache(maxsize=1 << 16)  # the same places on page after page
def _bare_stems(form: str) -> tuple[str, ...]:
    """``form`` without each of the level suffixes it ends in, where two characters or more
    are left (东岗镇 → 东岗; 某某自治区 → 某某自治, 某某)."""
    return tuple(form[: -len(suffix)] for suffix in _BARE_SUFFIXES
                 if form.endswith(suffix) and len(form) - len(suffix) >= 2)


def _place_in_name(name: str, forms: _PlaceForms) -> str | None:
    """The place a body's name names, among a document's place ``forms``.

    The place named last wins, the longest name first (城关区东岗镇党委 → 东岗镇, not 城关区);
    failing that, a division whose name without its 市/县/区/旗/镇/乡/苏木/街道 begins the body's
    name, the longest first (东岗派出所 → 东岗镇, 兰州大学 → 兰州市).

    >>> f = _PlaceForms()
    >>> for form, key in (("城关区", "County/1"), ("东岗镇", "Town/2"), ("兰州市", "City/3")):
    ...     f.add(form, key)
    >>> _place_in_name("城关区东岗镇党委", f), _place_in_name("东岗派出所", f), _place_in_name("兰州大学", f)
    ('Town/2', 'Town/2', 'City/3')
    """
    n = len(name)
    for end in range(n, 1, -1):  # the place named last, then the longest
        for start in range(0, end - 1):
            if end - start < n:
                key = forms.whole.get(name[start:end])
                if key is not None:
                    return key
    bare = [forms.bare[name[:k]] for k in range(2, n + 1) if name[:k] in forms.bare]
    return min(bare)[1] if bare else None


def _complete_containment(entities: dict[str, Entity], gaz: Gazetteer, add) -> None:
    """Add the gazetteer's parents of every linked place, up to the province."""
    rows_by_key = {}
    for d_id in _linked_rows(entities, gaz):
        rows_by_key[gaz.key(gaz.rows[d_id])] = gaz.rows[d_id]
    for key, row in sorted(rows_by_key.items()):
        child = entities[key]
        child.linked = True
        ev = child.mentions[0] if child.mentions else None
        current = row
        for parent in gaz.ancestors(row):
            if parent.name == current.name:
                continue  # a municipality's city row under its province row
            pkey = gaz.key(parent)
            if pkey not in entities:
                entities[pkey] = Entity(id=pkey, type=parent.type, name=parent.name, adcode=parent.adcode,
                                        confidence=1.0, linked=True)
            if ev is not None:
                add(gaz.key(current), "locatedIn", pkey,
                    Evidence(ev.doc, ev.sentence, ev.start, ev.end, ev.text, "gazetteer", ev.article), 0.95)
            current = parent
            if pkey in rows_by_key and pkey != key:
                break  # that parent completes its own chain


def _linked_rows(entities: dict[str, Entity], gaz: Gazetteer) -> list[int]:
    """Gazetteer rows of the places whose key came from the gazetteer."""
    out = []
    for key, e in entities.items():
        if e.type not in PLACE_TYPES or "~" in key:
            continue
        for d in gaz.lookup(e.name, aliases=False):
            if gaz.key(d) == key:
                out.append(d.id)
                break
    return sorted(out)
