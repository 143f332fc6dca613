"""A word list as a trie-shaped pattern (kg.extract.wordre) matches what the plain
alternation of its words matches, at the same places, on every text at hand and on random
text made of the words' own characters; where a list's order forbids it, the list is joined
as it is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import lexicon as L
from kg.extract import national
from kg.extract.wordre import alternation
from kg.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real" / "texts"

#: the project's word lists read this way, in the order the patterns give them
LISTS = {
    "heads of bodies": list(L.ORG_HEADS),
    "posts": sorted(set(L.LEAD_TITLES + L.OTHER_ROLES), key=len, reverse=True),
    "leading posts": list(L.LEAD_TITLES),
    "central bodies": sorted(national.read_national_bodies(national.require(national.NATIONAL_BODIES_FILE)),
                             key=len, reverse=True),
}
#: what may follow a word: nothing, and a look-ahead a match can backtrack into
TAILS = ("", "(?![织生员委会])")


def _pairs(words: list[str], tail: str) -> tuple[re.Pattern, re.Pattern]:
    plain = re.compile("(?:" + "|".join(map(re.escape, words)) + ")" + tail)
    return plain, re.compile("(?:" + alternation(words) + ")" + tail)


def _found(p: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in p.finditer(text)]


def _texts() -> list[str]:
    out = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "pages", REAL):
        for p in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            doc, _ = read_bytes(p.read_bytes(), str(p), p.stem)
            out.extend(s.text for s in doc.sentences)
    return out


@pytest.mark.parametrize("name", sorted(LISTS))
def test_the_trie_finds_what_the_alternation_finds_on_every_corpus(name):
    texts = _texts()
    assert len(texts) > 500
    for tail in TAILS:
        plain, trie = _pairs(LISTS[name], tail)
        assert trie.pattern != plain.pattern  # (the list is longest first: made a trie)
        assert [t for t in texts if _found(plain, t) != _found(trie, t)] == []
        hits = sum(len(_found(trie, t)) for t in texts)
        assert hits > 10  # the corpora do hold these words


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_trie_finds_what_the_alternation_finds_on_random_text(data):
    name = data.draw(st.sampled_from(sorted(LISTS)))
    words = LISTS[name]
    chars = sorted({c for w in words for c in w} | set("的，。织员"))
    # text made of whole words, their pieces and the characters around them
    piece = st.one_of(st.sampled_from(words), st.sampled_from(chars),
                      st.sampled_from(words).map(lambda w: w[: len(w) // 2 + 1]))
    text = "".join(data.draw(st.lists(piece, max_size=30)))
    for tail in TAILS:
        plain, trie = _pairs(words, tail)
        assert _found(plain, text) == _found(trie, text)
        for i in range(len(text)):  # a match at each position, as the finders ask
            a, b = plain.match(text, i), trie.match(text, i)
            assert (a and a.span()) == (b and b.span())


def test_a_list_whose_order_prefers_a_shorter_word_is_joined_as_it_is():
    # "党" before "党委": the plain alternation takes 党 in 党委, a trie would take 党委
    words = ["党", "党委", "支部"]
    assert alternation(words) == "党|党委|支部"
    assert re.match(alternation(words), "党委").group() == "党"
    assert alternation(["党委", "党", "支部"]) == "(?:党委?|支部)"
    assert alternation([]) == "" and alternation(["甲", ""]) == "甲|"
