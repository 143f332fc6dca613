"""The caches' flat files (kg/packed.py): what is written is read back in place, names are
found by bisection exactly as a dict finds them, and a damaged file is refused."""

from __future__ import annotations

import array

import pytest

from kg import gazetteer, packed

WORDS = ["社区", "党委书记", "网格化", "𠀀字", "a", "", "乌兰察布市", "\uffff", "北京市", "北京"]


def _write(tmp_path, words=WORDS):
    order = packed.sorted_order(words)
    blob, offsets = packed.pack_strings(words)
    path = tmp_path / "words.kgpack"
    packed.write(path, "words", 1, {"count": len(words)},
                 {"w": blob, "w_offsets": offsets, "order": order, "n": array.array("q", range(len(words)))})
    return path


def test_strings_are_read_back_and_found_by_bisection(tmp_path):
    header, sec = packed.read(_write(tmp_path), "words", 1)
    words = sec.strings("w", order="order")
    assert header == {"count": len(WORDS)}
    assert [words[i] for i in range(len(words))] == words.all() == WORDS
    assert list(sec.view("n", "q")) == list(range(len(WORDS)))
    for i, w in enumerate(WORDS):
        assert words.find(w) == i, w
    for absent in ("社", "社区党委", "北", "北京市区", "b", "\U0010ffff", "\ud800", "ZZ"):
        assert words.find(absent) == -1, absent


@pytest.mark.parametrize("damage", [
    lambda b: b[:-8],  # truncated
    lambda b: b + b"\0" * 8,  # grown
    lambda b: b.replace(b"kg-packed words 1", b"kg-packed words 2", 1),  # another format
    lambda b: b.replace(b"kg-packed words", b"kg-packed other", 1),  # another kind
    lambda b: b"",
    lambda b: b"not a cache at all\n" * 3,
    lambda b: b.replace(b'"byteorder":"little"', b'"byteorder":"LITTLE"', 1),  # made elsewhere
])
def test_a_damaged_file_is_refused(tmp_path, damage):
    path = _write(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(ValueError):
        packed.read(path, "words", 1)


def test_the_gazetteer_finds_names_the_same_by_bisection_and_as_one_dict(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    gazetteer._base.cache_clear()
    try:
        gazetteer._base()  # parses the table and writes the cache
        rows, index, _ = gazetteer._read_cache(gazetteer._cache_file())
    finally:
        gazetteer._base.cache_clear()
    names = index.keys()
    sample = names[::997] + [n + "某" for n in names[::4999]] + ["", "市", "\uffff", "\ud800"]
    bisected = [index.get(n) for n in sample]
    assert index._table is None and any(v and len(v) > 1 for v in bisected)
    index.make_table()
    assert [index.get(n) for n in sample] == bisected
    assert [n in index for n in sample] == [v is not None for v in bisected]
    assert all(rows[i].name == n for n, v in zip(sample, bisected, strict=True) for i in v or ())
