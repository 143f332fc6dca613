"""Encodings the reader must tell apart without a marker: Big5 from GB18030, UTF-16/32 without
a byte-order mark from binary, text with a stray NUL byte from binary data."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from kg.errors import InputError
from kg.pipeline import build
from kg.read import decode, decode_lenient, read_bytes

PAGE = (
    "基层治理\n\n"
    "乌审旗：“红色议事会”让居民的事居民办\n\n"
    "●本报记者 王晓燕\n\n"
    "乌审旗嘎鲁图镇萨如拉社区推行“红色议事会”，社区党委书记张明亮说：“大事小事都拿到议事会上商量，居民的事居民自己定。”\n\n"
    "近年来，萨如拉社区组织党员和居民代表每月议事，解决了停车难、环境差等问题。\n"
)
#: the same page as Taiwan and Hong Kong write it
TRADITIONAL = (
    "基層治理\n\n"
    "烏審旗：「紅色議事會」讓居民的事居民辦\n\n"
    "●本報記者 王曉燕\n\n"
    "烏審旗嘎魯圖鎮薩如拉社區推行「紅色議事會」，社區黨委書記張明亮說：「大事小事都拿到議事會上商量，居民的事居民自己定。」\n\n"
    "近年來，薩如拉社區組織黨員和居民代表每月議事，解決了停車難、環境差等問題。\n"
)
#: the Traditional page with the curly quotes of the Simplified one: the extractors take a
#: practice from “…” (corner brackets 「…」 give none, in any encoding)
TRADITIONAL_CURLY = TRADITIONAL.replace("「", "“").replace("」", "”")
#: what a build of PAGE or TRADITIONAL_CURLY finds (rules alone)
NAMES = {"乌审旗", "嘎鲁图镇", "萨如拉社区", "红色议事会", "张明亮", "萨如拉社区党委"}
EDGES = {("萨如拉社区", "implements", "红色议事会"), ("萨如拉社区", "locatedIn", "嘎鲁图镇"),
         ("嘎鲁图镇", "locatedIn", "乌审旗"), ("张明亮", "leads", "萨如拉社区党委")}


def _build(tmp_path, data: bytes, name: str = "p"):
    src = tmp_path / f"{name}-in"
    src.mkdir()
    (src / "p.txt").write_bytes(data)
    result = build([src], tmp_path / f"{name}-out", cache=False, rules_only=True)
    g = result.graph
    names = {d["name"] for _, d in g.nodes(data=True)}
    edges = {(g.nodes[a]["name"], k, g.nodes[b]["name"]) for a, b, k in g.edges(keys=True)}
    return result, names, edges


# ------------------------------------------------------------------ Big5


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs"])
def test_a_big5_page_decodes_as_big5(codec):
    data = TRADITIONAL.encode(codec)
    text, enc, notes = decode_lenient(data, "p.txt")
    assert text == TRADITIONAL
    assert enc in ("cp950", "big5hkscs")
    assert any("Big5" in n.problem for n in notes), notes
    assert decode(data, "p.txt") == (TRADITIONAL, enc)


def test_a_big5_page_cut_off_mid_character_is_still_big5():
    data = TRADITIONAL.rstrip().encode("big5")[:-1]
    text, enc, notes = decode_lenient(data, "p.txt")
    assert enc == "cp950" and TRADITIONAL.startswith(text) and len(text) == len(TRADITIONAL.rstrip()) - 1
    assert [n.problem for n in notes if "cut off" in n.problem]


def test_a_big5_page_with_a_bad_byte_is_still_big5():
    lines = TRADITIONAL.encode("big5").split(b"\n")
    lines[6] = lines[6][:20] + b"\xff" + lines[6][20:]
    text, enc, notes = decode_lenient(b"\n".join(lines), "p.txt")
    assert enc == "cp950" and "薩如拉社區" in text and "\ufffd" in text
    assert any("undecodable" in n.problem for n in notes)


def test_a_big5_build_finds_the_places_and_the_quoted_practice(tmp_path):
    result, names, edges = _build(tmp_path, TRADITIONAL_CURLY.encode("big5"))
    assert NAMES <= names and EDGES <= edges
    # the same as from the page in UTF-8: nothing lost to the encoding
    _, names8, edges8 = _build(tmp_path, TRADITIONAL_CURLY.encode("utf-8"), "utf8")
    assert (names, edges) == (names8, edges8)
    problems = [p.problem for p in result.report.problems]
    assert any("Big5" in p for p in problems) and "Traditional Chinese" in problems
    doc = result.graph.graph["documents"]["p"]
    assert doc["articles"][0]["headline"] == "烏審旗:“紅色議事會”讓居民的事居民辦"  # as written, not garbled


def test_a_mixed_utf8_and_big5_page_reads_each_line_in_its_own():
    lines = TRADITIONAL.splitlines(keepends=True)
    data = b"".join(x.encode("utf-8" if i % 4 == 0 else "big5") for i, x in enumerate(lines))
    text, enc, notes = decode_lenient(data, "p.txt")
    assert text == TRADITIONAL and enc == "mixed"
    assert notes[0].problem.startswith("mixed encodings") and "Big5" in notes[0].problem


@pytest.mark.parametrize(
    "text",
    [PAGE, "社区党支部", "党支部", "乡村振兴", "党委书记", "松州街道悦郡社区党支部", "书记说"],
)
def test_gbk_text_stays_gb18030_even_where_big5_could_decode_it(text):
    # "社区党支部" in GBK is valid Big5 too ("扦⑹絨盓窒"): its characters tell them apart
    data = text.encode("gbk")
    assert decode(data, "p.txt") == (text, "gb18030")
    got, enc, notes = decode_lenient(data, "p.txt")
    assert (got, enc, notes) == (text, "gb18030", [])


# ------------------------------------------------------------------ NUL and control bytes


def test_a_page_with_a_nul_byte_in_the_middle_is_read_with_a_note(tmp_path):
    raw = PAGE.encode()
    cut = raw.index("近年来".encode())
    data = raw[:cut] + b"\x00" + raw[cut:]
    doc, notes = read_bytes(data, "p.txt", "p")
    assert len(doc.text) == len(PAGE) + 1 and doc.text[len(PAGE[: PAGE.index("近年来")])] == "\ufffd"  # one for one
    assert any("NUL" in n.problem for n in notes), notes
    assert any("萨如拉社区推行" in s.text for s in doc.sentences)
    result, names, edges = _build(tmp_path, data)
    assert NAMES <= names and EDGES <= edges
    assert any("NUL" in p.problem for p in result.report.problems)


def test_a_few_nul_and_control_bytes_in_gb18030_text_are_read_past():
    data = PAGE.encode("gb18030").replace("。".encode("gb18030"), "。".encode("gb18030") + b"\x00\x07", 1)
    data = data.replace(b"\n\n", b"\n\x1b\n", 1)
    doc, notes = read_bytes(data, "p.txt", "p")
    assert doc.encoding == "gb18030" and "张明亮" in doc.text
    assert any("NUL" in n.problem for n in notes) and any("control character" in n.problem for n in notes)


# ------------------------------------------------------------------ UTF-16 and UTF-32 without BOM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [PAGE, TRADITIONAL, "社区党委书记张明亮说。", "Sarula community, Uxin Banner: 红色议事会.\n"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_read(codec, text):
    data = text.encode(codec)
    assert decode(data, "p.txt") == (text, codec)
    got, enc, notes = decode_lenient(data, "p.txt")
    assert (got, enc) == (text, codec)
    assert [n.problem for n in notes] == [f"{codec.upper()} without a byte-order mark (told by its characters)"]


def test_a_utf16_page_cut_off_at_an_odd_byte_is_read():
    data = PAGE.encode("utf-16-le")[:-1]
    text, enc, notes = decode_lenient(data, "p.txt")
    assert enc == "utf-16-le" and text == PAGE[:-1]
    assert any("cut off" in n.problem for n in notes)


def test_a_utf16_build_finds_what_the_utf8_one_does(tmp_path):
    _, names, edges = _build(tmp_path, PAGE.encode("utf-16-be"))
    assert NAMES <= names and EDGES <= edges


# ------------------------------------------------------------------ binary stays binary


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("p.txt", PAGE * 20)
    return buf.getvalue()


def _binaries() -> dict[str, bytes]:
    rnd = random.Random(20240611)
    noise = bytes(rnd.randrange(256) for _ in range(4096))
    return {
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise[:600],
        "zip": _zip(),
        "random": noise,
        "elf": b"\x7fELF\x02\x01\x01" + bytes(9) + noise[:300],
        "records": b"".join(i.to_bytes(4, "little") + "社区".encode() for i in range(200)),
        "nul-padded text": PAGE.encode() + bytes(2000),
        "tiny": b"\x00\x01binary",
    }


@pytest.mark.parametrize("name", list(_binaries()))
def test_real_binary_data_is_still_refused_as_binary(name):
    data = _binaries()[name]
    with pytest.raises(InputError) as e:
        read_bytes(data, "x.txt", "x")
    assert e.value.problem == "binary file, not text"
    with pytest.raises(InputError, match="binary"):
        decode(data, "x.txt")
