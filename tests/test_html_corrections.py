"""Corrections from the HTML view: the panel's "Wrong", "Same as…", "Rename" and "Retype"
write lines for the corrections file, and ``kg build --corrections`` applies them.

The page names each entity as a corrections line does (:func:`kg.curate.match.line_refs`)
and writes each line exactly as :func:`kg.curate.parse.format_line` would.  The browser
tests do every action in Debian's Chromium with the network cut off, download the file,
build the seeds again with it and find each correction in the new graph.  Targets are
chosen from the graph by what they are (a person who leads a body, a practice a body
implements ...), never by name.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from conftest import ROOT

from kg.curate.match import Lookup, entity_refs, line_refs
from kg.curate.parse import ACTIONS, format_line, parse_line, read_file
from kg.export.html import render_html
from kg.export.rdf import read_graph
from kg.graph import build_graph
from kg.model import ENTITY_TYPES, PLACE_TYPES, RELATION_ENDS, Entity, Relation

try:  # tests/ as a package or as a plain folder on sys.path
    from tests.test_html import HOSTILE, _doc, _ev, json_block, sample_graph
    from tests.test_html_browser import SETTLED, Visit, browser, open_graph, open_page  # noqa: F401
except ImportError:
    from test_html import HOSTILE, _doc, _ev, json_block, sample_graph
    from test_html_browser import SETTLED, Visit, browser, open_graph, open_page  # noqa: F401

AUTHOR = "审校员乙"


# --------------------------------------------------------------------------- graphs


def namesakes_graph() -> nx.MultiDiGraph:
    """Two people of one name in one document, nothing to tell them apart, and a third."""
    ev = _ev("d001", 0, "某甲和某甲都是网格员，某乙是书记。")
    people = [
        Entity("Person/某甲#1", "Person", "某甲", [], None, 0.8, [ev]),
        Entity("Person/某甲#2", "Person", "某甲", [], None, 0.8, [ev]),
        Entity("Person/某乙", "Person", "某乙", [], None, 0.8, [ev]),
    ]
    return build_graph(people, [], [_doc("d001", ["标题"])])


def hostile_corrections_graph() -> nx.MultiDiGraph:
    """Every name something that must stay text, and two of each kind a merge needs."""
    doc = HOSTILE["doc"]
    ev = _ev(doc, 0, HOSTILE["sentence"])
    person, other = "Person/" + HOSTILE["name_script"], "Person/" + HOSTILE["quotes"]
    entities = [
        Entity(person, "Person", HOSTILE["name_script"], [HOSTILE["alias_js"]], None, 0.9, [ev]),
        Entity(other, "Person", HOSTILE["quotes"], [], None, 0.9, [ev]),
        Entity("Organization/x", "Organization", HOSTILE["name_img"], [], None, 0.9, [ev]),
        Entity("Community/x", "Community", HOSTILE["separators"], [], None, 0.9, [ev]),
        Entity("Mechanism/x", "Mechanism", HOSTILE["headline"], [], None, 0.9, [ev]),
    ]
    relations = [
        Relation(person, "leads", "Organization/x", role=HOSTILE["role"], confidence=0.9, evidence=[ev]),
        Relation("Organization/x", "implements", "Mechanism/x", confidence=0.9, evidence=[ev]),
    ]
    return build_graph(entities, relations, [_doc(doc, [HOSTILE["headline"]])])


# --------------------------------------------------------------------------- the page's data


def test_each_entity_carries_the_name_a_line_finds_it_by() -> None:
    for g in (sample_graph(), namesakes_graph(), hostile_corrections_graph()):
        data = json_block(render_html(g), "page")
        refs = {e["id"]: e["ref"] for e in data["entities"]}
        assert refs == line_refs(g)
        lookup = Lookup(g)
        for node, ref in refs.items():
            if ref is None:
                continue
            assert ref == entity_refs(g)[node]
            line = format_line("reject-entity", ref, author="a", date="2026-12-05", reason="r")
            assert lookup.one(parse_line(line, "page", 1).args[0]) == node
    refs = {e["id"]: e["ref"] for e in json_block(render_html(namesakes_graph()), "page")["entities"]}
    assert refs == {"Person/某甲#1": None, "Person/某甲#2": None, "Person/某乙": "Person:某乙"}


def test_the_page_takes_types_and_line_format_from_the_schema() -> None:
    schema = json_block(render_html(sample_graph()), "page")["schema"]
    assert schema["entityTypes"] == list(ENTITY_TYPES)
    assert schema["placeTypes"] == list(PLACE_TYPES)
    assert schema["actions"] == {a: list(f) for a, f in ACTIONS.items()}
    assert {r: [set(s), set(o)] for r, (s, o) in schema["relationEnds"].items()} == {
        r: [set(s), set(o)] for r, (s, o) in RELATION_ENDS.items()
    }
    assert [c for c in map(chr, range(0x110000)) if c.isspace()] == list(schema["whitespace"])


# --------------------------------------------------------------------------- browser helpers


def index_of_id(page, node: str) -> int:
    i = page.evaluate(
        "id => { for (let i = 0; i < kgApp.entityCount; i++) if (kgApp.entity(i).id === id) return i; return -1; }",
        node,
    )
    assert i >= 0, node
    return i


def statement_index(page, s: int, relation: str, o: int) -> int:
    k = page.evaluate(
        """([s, r, o]) => { for (let k = 0; k < kgApp.statementCount; k++) {
               const x = kgApp.statement(k); if (x.s === s && x.o === o && x.relation === r) return k; }
             return -1; }""",
        [s, relation, o],
    )
    assert k >= 0, (s, relation, o)
    return k


def fill_and_add(page, reason: str, author: str | None = None) -> None:
    """Give the open form its reason (and author), add it, and see it added."""
    form = page.locator("#panel .correction-form")
    form.locator('[data-field="reason"]').fill(reason)
    if author is not None:
        form.locator('[data-field="author"]').fill(author)
    before = len(page.evaluate("kgApp.corrections()"))
    form.locator("[data-submit]").click()
    assert page.locator("#panel .correction-slot .added").count() == 1, page.inner_text("#panel")
    assert len(page.evaluate("kgApp.corrections()")) == before + 1


def entity_action(page, i: int, action: str) -> None:
    page.evaluate("i => kgApp.choose(i)", i)
    page.click(f'#panel [data-action="{action}"]')
    page.wait_for_selector(f'#panel form[data-form="{action}"]')


def merge_into(page, i: int, j: int, name: str) -> None:
    """From i's panel, "Same as…" j, found by typing j's name into the form's search."""
    entity_action(page, i, "merge")
    page.fill('#panel [data-field="other"]', name)
    page.click(f'#panel [data-pick="{j}"]')
    assert page.evaluate("j => kgApp.entity(j).ref", j) in page.inner_text("#panel .picked")


def download(page) -> bytes:
    with page.expect_download() as info:
        page.click("#corrections-download")
    assert info.value.suggested_filename == f"corrections-{page.evaluate('kgApp.today()')}.tsv"
    return Path(info.value.path()).read_bytes()


def allowed_types(g: nx.MultiDiGraph, node: str) -> list[str]:
    """The types ``node`` could take and keep every fact (what retype accepts)."""
    out = []
    for t in ENTITY_TYPES:
        ok = all(t in RELATION_ENDS[k][0] for _, _, k in g.out_edges(node, keys=True))
        ok = ok and all(t in RELATION_ENDS[k][1] for _, _, k in g.in_edges(node, keys=True))
        if ok and t != g.nodes[node]["type"]:
            out.append(t)
    return out


# --------------------------------------------------------------------------- browser: the line format


def test_lines_are_written_as_format_line_writes_them(browser, tmp_path: Path) -> None:
    visit = open_graph(browser, sample_graph(), tmp_path / "graph.html")
    page = visit.page
    odd = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    cases = [
        ("rename", ["Village:某村@某县", " 某\t新\n村 "], "ann", "2026-12-05", "a reason"),
        ("merge", ["Person:甲", "Person:乙"], f"{odd}an{odd}n{odd}", "2026-01-31", f"x{odd}y"),
        ("retype", ["Mechanism:某中心", "Organization"], "b\u200bob\ufeff", "2026-12-05", "zero\u200bwidth stays"),
        ("reject-fact", ["Person:甲", "leads", "Organization:某党支部"], "c", "2026-12-05", "\u3000全角\u3000空格\u3000"),
    ]
    for action, fields, author, date, reason in cases:
        got = page.evaluate("([a, f, w, d, r]) => kgApp.formatLine(a, f, w, d, r)", [action, fields, author, date, reason])
        assert got == format_line(action, *fields, author=author, date=date, reason=reason)
    with pytest.raises(Exception, match="no rename line with 1 fields"):
        page.evaluate("kgApp.formatLine('rename', ['Person:甲'], 'a', '2026-12-05', 'r')")
    today = page.evaluate("kgApp.today()")
    near = {datetime.date.today() + datetime.timedelta(days=d) for d in (-1, 0, 1)}
    assert datetime.date.fromisoformat(today) in near and len(today) == 10
    parse_line(format_line("rename", "Person:甲", "乙", author="a", date=today, reason="r"), "x", 1)
    visit.page.close()


def test_a_form_asks_for_what_a_line_needs_and_the_list_removes(browser, tmp_path: Path) -> None:
    g = sample_graph()
    visit = open_graph(browser, g, tmp_path / "graph.html")
    page = visit.page
    page.evaluate("() => localStorage.clear()")
    person = next(n for n, d in g.nodes(data=True) if d["type"] == "Person")
    i = index_of_id(page, person)
    entity_action(page, i, "rename")
    form = page.locator("#panel .correction-form")
    form.locator("[data-submit]").click()
    assert "Type the new name" in form.locator(".form-error").inner_text()
    form.locator('[data-field="name"]').fill("新名字")
    form.locator("[data-submit]").click()
    assert "Reason" in form.locator(".form-error").inner_text()
    form.locator('[data-field="reason"]').fill("改名")
    form.locator("[data-submit]").click()
    assert "Author" in form.locator(".form-error").inner_text()
    assert page.evaluate("kgApp.corrections()") == [] and page.locator("#corrections").is_hidden()
    form.locator('[data-field="author"]').fill(AUTHOR)
    form.locator("[data-submit]").click()
    assert len(page.evaluate("kgApp.corrections()")) == 1 and page.locator("#corrections").is_visible()
    assert page.evaluate("() => localStorage.getItem('kg-corrections-author')") == AUTHOR
    # the same correction twice is refused; the author is remembered
    entity_action(page, i, "rename")
    assert page.input_value('#panel [data-field="author"]') == AUTHOR
    page.fill('#panel [data-field="name"]', "新名字")
    page.fill('#panel [data-field="reason"]', "again")
    page.click("#panel [data-submit]")
    assert "on the list already" in page.inner_text("#panel .form-error")
    page.click('#panel .correction-form button:text("Cancel")')
    assert page.locator("#panel .correction-form").count() == 0
    entity_action(page, i, "reject-entity")
    fill_and_add(page, "不是人名")
    assert [line.split("\t")[0] for line in page.evaluate("kgApp.corrections()")] == ["rename", "reject-entity"]
    page.click('#corrections [data-remove="0"]')
    assert [line.split("\t")[0] for line in page.evaluate("kgApp.corrections()")] == ["reject-entity"]
    assert page.locator("#corrections-list li").count() == 1
    page.click('#corrections [data-remove="0"]')
    assert page.locator("#corrections").is_hidden()
    # namesakes nothing tells apart are offered no correction, and say why
    visit2 = open_graph(browser, namesakes_graph(), tmp_path / "namesakes.html")
    p2 = visit2.page
    p2.evaluate("i => kgApp.choose(i)", index_of_id(p2, "Person/某甲#1"))
    assert p2.locator('#panel [data-action="rename"]').count() == 0
    assert "cannot name this entity" in p2.inner_text("#panel")
    p2.evaluate("i => kgApp.choose(i)", index_of_id(p2, "Person/某乙"))
    assert p2.locator('#panel [data-action="rename"]').count() == 1
    assert visit.clean(), visit
    assert visit2.clean(), visit2
    p2.close()
    page.close()


# --------------------------------------------------------------------------- browser: the seeds


def _targets(g: nx.MultiDiGraph, refs: dict[str, str | None]) -> dict[str, tuple[str, ...]]:
    """One target per action, chosen by what it is, no two touching the same entity."""
    used: set[str] = set()

    def first(candidates, *, width: int = 1):
        for c in candidates:
            nodes = c if isinstance(c, tuple) else (c,)
            if len(set(nodes)) == len(nodes) and all(refs[n] and n not in used for n in nodes[:width]):
                used.update(nodes[:width])
                return nodes
        raise AssertionError("the seeds graph has no such target")

    typed = lambda t: [n for n, d in g.nodes(data=True) if d["type"] == t]  # noqa: E731
    edges = lambda rel: [(u, v) for u, v, k in g.edges(keys=True) if k == rel]  # noqa: E731
    out = {
        "leads": first(edges("leads"), width=2),
        "implements": first(edges("implements"), width=2),
        "reject-entity": first([n for n in typed("Mechanism") if g.degree(n) >= 1]),
        "rename": first(typed("Organization")),
        "retype": first([n for n in typed("Organization") if any(t in PLACE_TYPES for t in allowed_types(g, n))]),
        "removed": first(typed("Organization")),
    }
    people = [n for n in typed("Person") if g.degree(n) >= 1]
    out["merge"] = first([(a, b) for a in people for b in people if g.nodes[a]["name"] != g.nodes[b]["name"]], width=2)
    return out


def test_seeds_every_action_downloaded_and_built_again(browser, seeds_build, tmp_path: Path) -> None:
    result, out = seeds_build
    g = result.graph
    refs = line_refs(g)
    assert all(refs.values()), "every seeds entity can be named by a line"
    t = _targets(g, refs)
    visit = open_page(browser, out / "graph.html")
    page = visit.page
    page.evaluate("() => localStorage.clear()")
    ix = {n: index_of_id(page, n) for nodes in t.values() for n in nodes}
    today = page.evaluate("kgApp.today()")
    expected: list[str] = []

    def expect(action: str, *fields: str, reason: str) -> None:
        expected.append(format_line(action, *fields, author=AUTHOR, date=today, reason=reason))

    # a fact, from its subject's panel (the author is typed once, then remembered)
    (u, v) = t["leads"]
    k = statement_index(page, ix[u], "leads", ix[v])
    page.evaluate("i => kgApp.choose(i)", ix[u])
    page.click(f'#panel [data-action="reject-fact"][data-statement="{k}"]')
    fill_and_add(page, "不是他领导的  机构", author=AUTHOR)
    expect("reject-fact", refs[u], "leads", refs[v], reason="不是他领导的 机构")
    # a fact, from its own panel
    (x, m) = t["implements"]
    k = statement_index(page, ix[x], "implements", ix[m])
    page.evaluate("k => kgApp.selectEdge(k)", k)
    page.click(f'#panel [data-action="reject-fact"][data-statement="{k}"]')
    assert page.input_value('#panel [data-field="author"]') == AUTHOR
    fill_and_add(page, "没有推行")
    expect("reject-fact", refs[x], "implements", refs[m], reason="没有推行")
    # an entity that is no entity
    (bad,) = t["reject-entity"]
    entity_action(page, ix[bad], "reject-entity")
    fill_and_add(page, "一个小标题")
    expect("reject-entity", refs[bad], reason="一个小标题")
    # one person under two names: the first joins the second
    (a, b) = t["merge"]
    merge_into(page, ix[a], ix[b], g.nodes[b]["name"])
    fill_and_add(page, "同一个人")
    expect("merge", refs[a], refs[b], reason="同一个人")
    # a new canonical name
    (body,) = t["rename"]
    new_name = g.nodes[body]["name"] + "（新）"
    entity_action(page, ix[body], "rename")
    page.fill('#panel [data-field="name"]', new_name)
    fill_and_add(page, "改了名")
    expect("rename", refs[body], new_name, reason="改了名")
    # another type: the options the facts forbid are disabled, as retype would refuse them
    (moved,) = t["retype"]
    entity_action(page, ix[moved], "retype")
    options = page.locator('#panel [data-field="type"] option')
    enabled = [o.get_attribute("value") for o in options.all() if o.get_attribute("value") and o.is_enabled()]
    assert enabled == allowed_types(g, moved)
    new_type = next(t_ for t_ in enabled if t_ in PLACE_TYPES)
    page.select_option('#panel [data-field="type"]', new_type)
    fill_and_add(page, "是社区，不是机构")
    expect("retype", refs[moved], new_type, reason="是社区，不是机构")
    # one added, then taken off the list again
    (gone,) = t["removed"]
    entity_action(page, ix[gone], "reject-entity")
    fill_and_add(page, "added by mistake")
    page.click(f'#corrections [data-remove="{len(expected)}"]')

    assert page.evaluate("kgApp.corrections()") == expected
    shown = page.inner_text("#corrections-list")
    assert refs[body] in shown and "改了名" in shown and refs[gone] not in shown
    data = download(page)
    assert data == "".join(line + "\n" for line in expected).encode("utf-8")
    assert visit.clean(), visit
    page.close()

    fixes = tmp_path / "fixes.tsv"
    fixes.write_bytes(data)
    assert [c.action for c in read_file(fixes)] == [
        "reject-fact", "reject-fact", "reject-entity", "merge", "rename", "retype"]
    again = tmp_path / "again"
    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--corrections", str(fixes),
         "-o", str(again), "--strict"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "not applied" not in run.stderr
    report = json.loads((again / "build-report.json").read_text(encoding="utf-8"))["corrections"]
    assert report["applied"] == 6 and report["stale"] == [], report

    h = read_graph(again / "graph.ttl")
    by_author = lambda attrs: {r["author"] for r in attrs.get("corrections") or ()}  # noqa: E731
    assert u in h and v in h and not h.has_edge(u, v, "leads")
    assert x in h and m in h and not h.has_edge(x, m, "implements")
    assert bad not in h and gone in h
    assert a not in h and g.nodes[a]["name"] in h.nodes[b]["aliases"] and AUTHOR in by_author(h.nodes[b])
    assert h.nodes[body]["name"] == new_name and g.nodes[body]["name"] in h.nodes[body]["aliases"]
    assert AUTHOR in by_author(h.nodes[body])
    assert h.nodes[moved]["type"] == new_type and AUTHOR in by_author(h.nodes[moved])
    reasons = {r["reason"] for _, d in h.nodes(data=True) for r in d.get("corrections") or ()}
    assert {"同一个人", "改了名", "是社区，不是机构"} <= reasons
    # and the new page names what changed as the graph does
    page2 = open_page(browser, again / "graph.html")
    names = page2.page.evaluate("Array.from({length: kgApp.entityCount}, (_, i) => kgApp.entity(i).ref)")
    assert refs[a] not in names and f"Organization:{new_name}" in names
    assert page2.clean(), page2
    page2.page.close()


# --------------------------------------------------------------------------- browser: hostile names


def test_hostile_names_stay_text_in_every_correction(browser, tmp_path: Path) -> None:
    g = hostile_corrections_graph()
    refs = line_refs(g)
    visit = open_graph(browser, g, tmp_path / "hostile.html")
    page = visit.page
    person, other = "Person/" + HOSTILE["name_script"], "Person/" + HOSTILE["quotes"]
    ix = {n: index_of_id(page, n) for n in g.nodes}
    today = page.evaluate("kgApp.today()")
    author, reason, new_name = HOSTILE["name_img"], HOSTILE["role"], HOSTILE["alias_js"] + HOSTILE["name_img"]

    def expect(action: str, *fields: str) -> str:
        return format_line(action, *fields, author=author, date=today, reason=reason)

    k = statement_index(page, ix[person], "leads", ix["Organization/x"])
    page.evaluate("i => kgApp.choose(i)", ix["Organization/x"])
    page.click(f'#panel [data-action="reject-fact"][data-statement="{k}"]')
    fill_and_add(page, reason, author=author)
    merge_into(page, ix[person], ix[other], HOSTILE["quotes"][:4])
    fill_and_add(page, reason)
    entity_action(page, ix["Organization/x"], "rename")
    page.fill('#panel [data-field="name"]', new_name)
    fill_and_add(page, reason)
    entity_action(page, ix["Community/x"], "retype")
    page.select_option('#panel [data-field="type"]', "Village")
    fill_and_add(page, reason)
    # the mechanism's panel lists who implements it: a fact, so it can be rejected there
    k = statement_index(page, ix["Organization/x"], "implements", ix["Mechanism/x"])
    page.evaluate("i => kgApp.choose(i)", ix["Mechanism/x"])
    page.locator(f'#panel [data-action="reject-fact"][data-statement="{k}"]').first.click()
    fill_and_add(page, reason)
    entity_action(page, ix["Mechanism/x"], "reject-entity")
    fill_and_add(page, reason)
    expected = [
        expect("reject-fact", refs[person], "leads", refs["Organization/x"]),
        expect("merge", refs[person], refs[other]),
        expect("rename", refs["Organization/x"], new_name),
        expect("retype", refs["Community/x"], "Village"),
        expect("reject-fact", refs["Organization/x"], "implements", refs["Mechanism/x"]),
        expect("reject-entity", refs["Mechanism/x"]),
    ]
    assert page.evaluate("kgApp.corrections()") == expected
    data = download(page)
    assert data == "".join(line + "\n" for line in expected).encode("utf-8")
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, svg[onload], a').length") == 0
    listed = page.text_content("#corrections-list")
    assert HOSTILE["name_script"] in listed and new_name in listed and reason in listed
    assert visit.clean(), visit
    page.close()
    # every line reads back and applies to the graph it was written from
    from kg.curate import apply_corrections
    from kg.curate.parse import parse_text

    fixes = parse_text(data.decode("utf-8"), "hostile.tsv")
    outcome = apply_corrections(g, fixes)
    assert outcome.skipped == [] and len(outcome.applied) == 6
    assert g.nodes["Organization/x"]["name"] == new_name and g.nodes["Community/x"]["type"] == "Village"
