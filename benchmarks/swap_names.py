"""How well the build reads people it has never seen: the real excerpts with every Han
person's name swapped for an invented one, scored against their gold swapped the same way.

    .venv/bin/python benchmarks/swap_names.py [--seeds 1 2 3] [--rules-only] [TEXTS GOLD]

The corpus defaults to ``../shared/real``.  For each seed, every gold person whose name is a
Han surname and one or two given characters gets an invented name of the same length (a
common surname and given characters drawn from generic tables, never a name of the corpus or
one the text already holds); the name and its aliases are replaced in the text, the gold's
entities and its relations.  Transliterated (Mongolian) names are left as written unless
``--mongolian`` (then each becomes one of a table of such names none of the corpora holds);
names of other shapes always are.  The texts go to a temporary folder (never into the repository), are built
with ``kg.pipeline.build`` (the shipped model unless ``--rules-only``) and scored by the
referee, ``../shared/eval/kgeval.py`` (``--keep DIR`` keeps the corpora and graphs, to read
the errors).  One line a run: Person and leads F1 and the overall
score, first for the texts as written, then for each seed.

The shipped model learned from these very excerpts, so the line as written is an in-sample
ceiling; swapping the names takes away what it may remember of them (and what the rules'
dictionaries happen to know of them), which is what new articles bring: every drop from the
first line to the others is a name shape or context that only the original names carried.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from pathlib import Path

from swapped_corpus import arguments, corpus, score

#: common surnames and given-name characters (generic tables, no person of any corpus)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏海波宇浩然欣怡俊峰雪梅晓燕春林文斌琳颖佳慧"
_HAN_NAME = re.compile(f"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}")
#: transliterated Mongolian names (none of them a name of the corpora), for ``--mongolian``
MONGOLIAN = ("巴雅尔", "图门", "朝格图", "宝力道", "乌兰图雅", "额尔德木图", "苏日娜", "萨仁高娃", "达古拉",
             "那仁满都拉", "孟和巴雅尔", "乌日根", "布仁巴雅尔", "格日乐图",
             "斯琴高娃", "敖特根", "满都拉", "乌力吉", "特木尔", "苏和", "巴特尔", "宝音", "孟和")


def swapped(texts: Path, gold: Path, out: Path, seed: int, mongolian: bool = False) -> None:
    """Write ``out/texts`` and ``out/gold``: every Han person's name swapped (see above), and
    with ``mongolian`` every name made of Mongolian syllables too, for one of :data:`MONGOLIAN`."""
    from kg.extract.lexicon import MONGOLIAN_CHARS

    rnd = random.Random(seed)
    (out / "texts").mkdir(parents=True)
    (out / "gold").mkdir()
    for g in sorted(gold.glob("*.json")):
        d = json.loads(g.read_text(encoding="utf-8"))
        text = (texts / f"{d['doc']}.txt").read_text(encoding="utf-8")
        forms: dict[str, str] = {}
        for e in d["entities"]:
            name = e["name"]
            if e["type"] != "Person" or name not in text:
                continue
            if mongolian and len(name) >= 2 and all(c in MONGOLIAN_CHARS for c in name):
                pool = [m for m in MONGOLIAN if m not in text and m not in forms.values()]
                if not pool:
                    continue
                new = rnd.choice(pool)
            elif _HAN_NAME.fullmatch(name):
                while True:
                    new = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(len(name) - 1))
                    if new not in text and new not in forms.values():
                        break
            else:
                continue
            for form in (name, *e.get("aliases", ())):
                if len(form) >= 2:
                    forms[form] = new
        order = sorted(forms, key=len, reverse=True)

        def swap(s: str, order: list[str] = order, forms: dict[str, str] = forms) -> str:
            for form in order:
                s = s.replace(form, forms[form])
            return s

        for e in d["entities"]:
            e["name"] = swap(e["name"])
            if "aliases" in e:
                e["aliases"] = [swap(a) for a in e["aliases"]]
        for r in d["relations"]:
            r["s"], r["o"] = swap(r["s"]), swap(r["o"])
        (out / "texts" / f"{d['doc']}.txt").write_text(swap(text), encoding="utf-8")
        (out / "gold" / g.name).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    args = arguments(__doc__, lambda ap: ap.add_argument(
        "--mongolian", action="store_true", help="swap transliterated Mongolian names too"))
    if (given := corpus(args, "swap_names")) is None:
        return 2
    texts, gold = given
    with tempfile.TemporaryDirectory(prefix="kg-swap-") as scratch:
        tmp = args.keep or scratch
        runs = [("as written", texts, gold)]
        for seed in args.seeds:
            swapped(texts, gold, Path(tmp) / f"s{seed}", seed, args.mongolian)
            runs.append((f"names swapped, seed {seed}", Path(tmp) / f"s{seed}" / "texts", Path(tmp) / f"s{seed}" / "gold"))
        print(f"{'':28s} {'Person':>7s} {'leads':>7s} {'overall':>8s}")
        for label, t, g in runs:
            got = score(t, g, Path(tmp) / "build" / label.replace(" ", "-").replace(",", ""), args.rules_only)
            print(f"{label:28s} {got.get('Person', '-'):>7s} {got.get('leads', '-'):>7s} {got.get('overall', '-'):>8s}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
