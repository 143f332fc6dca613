"""How well the build reads places of other provinces: the real excerpts with their places
moved, each county to a county of another province and its towns and villages to real towns
and villages of that county, scored against their gold moved the same way.

    .venv/bin/python benchmarks/swap_places.py [--seeds 1 2 3] [--rules-only] [--keep DIR] [TEXTS GOLD]

The corpus defaults to ``../shared/real`` (most of it from Inner Mongolia).  For each seed,
every county the gold names is given a county drawn from the gazetteer outside the
excerpt's province (one with towns that hold villages); the city and province above it
follow it; each town or street the gold places in that county becomes one of the new
county's, each village or community in those one of the new town's (村 for 村 and 嘎查,
社区 for 社区), all drawn from the gazetteer, so the moved chain is a true one.  Every
written form of a moved place (its name and the gold's aliases; a short form becomes the new
place's short form or name) is replaced in the text and in every name of the gold (a body's
name holds its place's: 某旗委组织部), and relations follow.  Places the gold does not chain
to a county are left as written, and so is any excerpt with none.  The texts go to a
temporary folder (never into the repository), are built with ``kg.pipeline.build`` (the
shipped model unless ``--rules-only``) and scored by the referee (``../shared/eval/kgeval.py``;
``--keep DIR`` keeps the corpora and graphs, to read the errors).  One line a run:
Organization, locatedIn, implements and leads F1, entities and relations F1, and the
overall score, first for the texts as written, then for each seed.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from swapped_corpus import arguments, corpus, score

COLUMNS = ("Organization", "locatedIn", "implements", "leads")
#: the last characters of a place's written form that carry its level (旗, 县, 區, 嘎查, 苏木 ...)
_LEVEL_ENDS = "省市盟旗县縣区區镇鎮乡鄉村查木道區"


class Tree:
    """The gazetteer's divisions by parent, for drawing real chains."""

    def __init__(self) -> None:
        from kg import gazetteer

        self.gaz = gazetteer.load()
        self.kids: dict[int, list] = defaultdict(list)
        for row in self.gaz.rows:
            if row.type is not None and row.parent is not None:
                self.kids[row.parent].append(row)
        self.counties = [r for r in self.gaz.rows if r.type == "County" and r.adcode
                         and any(self._villages(t) for t in self.kids[r.id][:3])]
        self.counties_of: dict[int, list] = defaultdict(list)  # city id -> its counties
        for c in self.counties:
            if (city := self.up(c, "City")) is not None:
                self.counties_of[city.id].append(c)
        self.cities = [self.gaz.rows[i] for i, cs in sorted(self.counties_of.items()) if len(cs) >= 3]
        self.provinces = sorted({p for c in self.cities if (p := self.province_of(c))})

    def _villages(self, town) -> list:
        return [v for v in self.kids[town.id] if v.type in ("Village", "Community")]

    def province_of(self, row) -> str | None:
        for up in self.gaz.lineage(row) if hasattr(self.gaz, "lineage") else ():
            if up.type == "Province":
                return up.name
        p = row
        while p is not None and p.type != "Province":
            p = self.gaz.parent(p)
        return p.name if p is not None else None

    def up(self, row, type_: str):
        p = self.gaz.parent(row)
        while p is not None and p.type != type_:
            p = self.gaz.parent(p)
        return p

    def children(self, row, kinds: tuple[str, ...], suffix: str | None = None) -> list:
        out = [k for k in self.kids[row.id] if k.type in kinds]
        if suffix:
            out = [k for k in out if k.name.endswith(suffix)] or out
        return out


def _ancestors(name: str, parents: dict[str, list[str]]) -> list[str]:
    """Every place the gold puts ``name`` in, nearest first."""
    out, todo = [], list(parents.get(name, ()))
    while todo:
        p = todo.pop(0)
        if p not in out:
            out.append(p)
            todo += parents.get(p, ())
    return out


def moved(texts: Path, gold: Path, out: Path, seed: int, tree: Tree) -> int:
    """Write ``out/texts`` and ``out/gold`` with the places moved (see above); how many
    excerpts had a place moved."""
    rnd = random.Random(seed)
    (out / "texts").mkdir(parents=True)
    (out / "gold").mkdir()
    n_moved = 0
    for g in sorted(gold.glob("*.json")):
        d = json.loads(g.read_text(encoding="utf-8"))
        text = (texts / f"{d['doc']}.txt").read_text(encoding="utf-8")
        ents = {e["name"]: e for e in d["entities"]}
        parents: dict[str, list[str]] = defaultdict(list)
        for r in d["relations"]:
            if r["p"] == "locatedIn":
                parents[r["s"]].append(r["o"])
        new: dict[str, object] = {}  # gold place name -> gazetteer row it becomes

        def ancestor(name: str, type_: str, parents: dict = parents, ents: dict = ents) -> str | None:
            return next((p for p in _ancestors(name, parents) if ents.get(p, {}).get("type") == type_), None)

        home = None
        for e in d["entities"]:
            if e["type"] in ("City", "County") and (rows := tree.gaz.lookup(e["name"])):
                home = tree.province_of(rows[0])
                break
        # a city the gold names becomes a city of another province; its counties, that city's
        # one other province for the excerpt: its cities and counties stand for the gold's
        province = rnd.choice(sorted(p for p in tree.provinces if p != home))
        for name, e in ents.items():
            if e["type"] == "City" and (not home or tree.gaz.lookup(name) and tree.province_of(tree.gaz.lookup(name)[0]) == home):
                pool = [c for c in tree.cities if tree.province_of(c) == province and c not in new.values()]
                if pool:
                    new[name] = rnd.choice([c for c in pool if c.name not in text] or pool)
        for name, e in ents.items():
            if e["type"] != "County":
                continue
            city = ancestor(name, "City")
            pool = [c for c in tree.counties_of.get(new[city].id, ()) if c not in new.values()] if city in new else []
            if not pool:
                pool = [c for c in tree.counties if tree.province_of(c) == province and c not in new.values()]
            new[name] = rnd.choice([c for c in pool if c.name not in text] or pool)
        # the home province becomes the province of what was moved
        moved_up = next((r for n, r in new.items() if ents[n]["type"] == "City"), next(iter(new.values()), None))
        for name, e in ents.items():
            if e["type"] == "Province" and moved_up is not None and name == home:
                new[name] = tree.up(moved_up, "Province") or moved_up
        # towns and streets, then villages and communities, under what was moved
        for level, kinds in ((("Town", "Street"), ("Town", "Street")), (("Village", "Community"), ("Village", "Community"))):
            for name, e in ents.items():
                if e["type"] not in level or name in new:
                    continue
                p = next((a for a in _ancestors(name, parents) if a in new and ents[a]["type"] in ("County", "Town", "Street")), None)
                if p is None:
                    continue
                suffix = "社区" if e["type"] == "Community" else ("街道" if e["type"] == "Street" else None)
                pool = [k for k in tree.children(new[p], kinds, suffix) if k.type == e["type"]
                        and k.name not in text and k not in new.values()]
                if pool:
                    new[name] = rnd.choice(pool)
        if not new:
            (out / "texts" / f"{d['doc']}.txt").write_text(text, encoding="utf-8")
            (out / "gold" / g.name).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
            continue
        n_moved += 1
        forms: dict[str, str] = {}
        for name, row in new.items():
            forms[name] = row.name
            for a in ents[name].get("aliases", ()):
                if len(a) < 2 or a == name:
                    continue
                # a form with its level (某某旗, a Traditional 某某區) becomes the new name; a bare
                # short form (保山 for 保山市) the new place's short form, where it has one
                bare = a[-1] not in _LEVEL_ENDS and len(a) < len(name) and row.short and len(row.short) >= 2
                forms.setdefault(a, row.short if bare else row.name)
        pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))

        def swap(s: str, pattern: re.Pattern = pattern, forms: dict[str, str] = forms) -> str:
            return pattern.sub(lambda m: forms[m.group()], s)

        for e in d["entities"]:
            row = new.get(e["name"])
            e["name"] = swap(e["name"])
            if "aliases" in e:
                e["aliases"] = [swap(a) for a in e["aliases"]]
            if row is not None and e.get("adcode"):
                if row.adcode:
                    e["adcode"] = row.adcode
                else:
                    del e["adcode"]
        for r in d["relations"]:
            r["s"], r["o"] = swap(r["s"]), swap(r["o"])
        (out / "texts" / f"{d['doc']}.txt").write_text(swap(text), encoding="utf-8")
        (out / "gold" / g.name).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return n_moved


def main() -> int:
    args = arguments(__doc__)
    if (given := corpus(args, "swap_places")) is None:
        return 2
    texts, gold = given
    tree = Tree()
    with tempfile.TemporaryDirectory(prefix="kg-swap-") as scratch:
        tmp = args.keep or scratch
        runs = [("as written", texts, gold, None)]
        for seed in args.seeds:
            n = moved(texts, gold, Path(tmp) / f"p{seed}", seed, tree)
            runs.append((f"places moved, seed {seed}", Path(tmp) / f"p{seed}" / "texts", Path(tmp) / f"p{seed}" / "gold", n))
        cols = (*COLUMNS, "entities", "relations", "overall")
        print(f"{'':26s} {'moved':>5s} " + " ".join(f"{c[:12]:>12s}" for c in cols))
        for label, t, g, n in runs:
            got = score(t, g, Path(tmp) / "build" / label.replace(" ", "-").replace(",", ""), args.rules_only)
            print(f"{label:26s} {'' if n is None else n:>5} " + " ".join(f"{got.get(c, '-'):>12s}" for c in cols), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
