"""The native segmenter (rjieba) gives jieba's words on every text at hand, and the build
made with it is the build made with jieba, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import segment
from kg.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real" / "texts"

native = pytest.mark.skipif(segment.backend() != "rjieba", reason="rjieba is not installed (KG_SEGMENTER=jieba?)")


def _sentences(folder: Path) -> list[str]:
    """Every sentence the extractors would segment, and every whole line of the files."""
    out: list[str] = []
    for p in sorted(folder.glob("*.txt")):
        data = p.read_bytes()
        doc, _ = read_bytes(data, str(p), p.stem)
        out.extend(s.text for s in doc.sentences)
        out.extend(doc.text.splitlines())
    return out


def _differences(texts: list[str]) -> list[tuple[str, list[str], list[str]]]:
    return [(t, segment.cut(t), segment.cut_jieba(t)) for t in texts if segment.cut(t) != segment.cut_jieba(t)]


@native
@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "pages", REAL],
                         ids=["seeds", "dev", "real"])
def test_the_native_segmenter_gives_jiebas_words_on_every_corpus(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (the real corpus lives in ../shared/real)")
    texts = _sentences(folder)
    assert len(texts) > 50
    assert _differences(texts) == []


@native
def test_where_jieba_rs_parts_from_jieba_the_segmenter_follows_jieba():
    """The two known differences: a run of digits and signs (jieba's HMM cuts it at every
    sign), and a character jieba does not count as Chinese (U+9FEA, an extension block)."""
    import rjieba

    date = "发布时间2024-05-16记者报道"
    assert rjieba.cut(date) != segment.cut_jieba(date)  # the difference is real ...
    assert segment.cut(date) == segment.cut_jieba(date)  # ... and made good
    assert "-" in segment.cut(date)
    rare = "村里的\u9fea\U00020001字和会议"
    assert rjieba.cut(rare) != segment.cut_jieba(rare)
    assert segment.cut(rare) == segment.cut_jieba(rare)


_ALPHABET = list("社区党委书记组织部街道嘎查牧民宝音在的了是和合作社推进基层治理") + list(
    "abXZ059.-+#&_%/: ，。、（）()\n\t\r\u3000·—“”é") + ["\u9fea", "\u3400", "\U00020001", "\uf900", "１", "Ａ"]


@native
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), min_size=1, max_size=40))
def test_the_native_segmenter_gives_jiebas_words_on_any_mix_of_scripts(text):
    assert segment.cut(text) == segment.cut_jieba(text)


def test_frequencies_and_tags_are_jiebas_own():
    import jieba.posseg as pseg

    jb = segment._jieba()
    words = {w for t in _sentences(ROOT / "seeds") for w in segment.cut_jieba(t)}
    assert len(words) > 500
    for w in sorted(words):
        assert segment.freq(w) == jb.dt.FREQ.get(w, 0), w
        assert segment.tag(w) == pseg.dt.word_tag_tab.get(w), w


def test_a_damaged_dictionary_cache_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))

    def fresh():
        monkeypatch.setattr(segment, "_LEXICON", None)
        segment.dictionary.cache_clear()
        return segment.dictionary()

    try:
        first = fresh()
        (cache,) = tmp_path.glob("jieba-dict-*.kgpack")
        assert fresh() == first  # read back from the cache
        cache.write_bytes(b"not a cache")
        assert fresh() == first  # rebuilt from jieba's tables
        assert cache.read_bytes() != b"not a cache"
    finally:
        segment.dictionary.cache_clear()


def test_the_lexicon_answers_the_same_by_bisection_and_as_one_dict():
    """A one-page build looks words up by bisection; a long one makes the lexicon one dict."""
    import jieba.posseg as pseg

    jb = segment._jieba()
    segment._lexicon()  # the cache file made, if it was not
    lex = segment._read_cache(segment._cache_file())
    words = sorted({w for t in _sentences(ROOT / "tests" / "data" / "dev" / "pages") for w in segment.cut_jieba(t)})
    words += ["", "某某某某", "\uffff", "一"]  # absent, and the edges of the bisection
    bisected = [lex.packed(w) for w in words]
    assert lex.table is None
    lex.make_table()
    assert [lex.packed(w) for w in words] == bisected
    for w, v in zip(words, bisected, strict=True):
        assert (v >> 8 if v >= 0 else 0) == jb.dt.FREQ.get(w, 0), w
        assert (lex.names[v & 0xFF] if v >= 0 else None) == pseg.dt.word_tag_tab.get(w), w


@native
def test_the_graph_built_with_jieba_is_the_graph_built_with_rjieba(tmp_path, monkeypatch):
    pages = ROOT / "tests" / "data" / "dev" / "pages"
    outs = {}
    for name in ("jieba", "rjieba"):
        env = {**os.environ, "KG_SEGMENTER": name}
        out = tmp_path / name
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(pages), "-o", str(out), "-q", "--no-cache",
                        "-j", "1"], check=True, env=env, cwd=ROOT)
        outs[name] = (out / "graph.ttl").read_bytes()
    assert len(outs["jieba"]) > 1000
    assert outs["jieba"] == outs["rjieba"]


def _plain_layout(text: str) -> tuple[tuple[int, int, str], ...]:
    """What :func:`kg.extract.spans.tokens` gives, written plainly: each word's pieces one
    after the other."""
    from kg.extract import spans

    out, pos = [], 0
    for w in segment.cut(text):
        for n, flag in spans._word_flags(w):
            out.append((pos, pos + n, flag))
            pos += n
    return tuple(out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="的了在和嘎拉是社区党委书记巴特尔乌兰2024-05ab,，。“”\n %", max_size=40))
def test_the_words_are_laid_out_as_each_word_reads(text):
    from kg.extract import spans

    spans.tokens.cache_clear()
    spans.token_bounds.cache_clear()
    toks = spans.tokens(text)
    assert toks == _plain_layout(text)
    assert spans.token_bounds(text) == ([a for a, _, _ in toks], [b for _, b, _ in toks])


def test_the_words_of_every_corpus_are_laid_out_as_each_word_reads():
    from kg.extract import spans

    texts = [t for folder in (ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "pages", REAL)
             if folder.is_dir() for t in _sentences(folder)]
    assert len(texts) > 500
    split = 0
    for t in texts:
        spans.tokens.cache_clear()
        assert spans.tokens(t) == _plain_layout(t)
        split += any(len(spans._word_flags(w)) > 1 for w in segment.cut(t))
    assert split > 0  # (some sentence holds a word read as two: both ways are tried)
