"""Property tests: random Unicode and random mixes of real sentences into the reader and the
extractors.  Nothing raises; every offset is inside the text; every sentence maps back onto
the file character for character; every piece of evidence is the text at its offsets."""

from __future__ import annotations

import re

import opencc
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract.document import extract
from kg.read import fold_width, read_bytes, split

_SENTENCES = sorted({s for p in sorted(SEEDS.glob("*.txt")) for s in re.split(r"(?<=[。！？!?；;\n])", p.read_text(encoding="utf-8")) if s.strip()})
_T2S = opencc.OpenCC("t2s.json")
_S2T = opencc.OpenCC("s2t.json")

unicode_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
pieces = st.sampled_from(_SENTENCES) | st.sampled_from(["\n", "\n\n", "\r\n", " ", "\u3000", "“", "”", "，", "\x07", "\ud800", "■", "本报记者 宋爽", "摄"])
real_mix = st.lists(pieces, min_size=1, max_size=25).map("".join)
traditional_mix = real_mix.map(lambda t: _S2T.convert(t.replace("\ud800", "")))

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\U00020000" <= c <= "\U0003ffff"


def _read_as(c: str, ch: str) -> bool:
    """May the extractors read the original character ``c`` as ``ch``?  Width folded, a
    control character or lone surrogate replaced, or a Traditional character simplified
    (in a phrase, 瞭解 → 了解, the character alone may convert otherwise)."""
    return ch in (fold_width(c), "\ufffd") or (_cjk(c) and _cjk(ch))


def check_document(doc) -> None:
    n = len(doc.text)
    assert not re.search("[\ud800-\udfff]", doc.text)
    last = -1
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
        assert len(s.offsets) == len(s.text) > 0
        assert s.offsets[0] == s.start and s.offsets[-1] + 1 == s.end
        for ch, o in zip(s.text, s.offsets, strict=True):
            assert o > last  # offsets increase through the document
            last = o
            assert _read_as(doc.text[o], ch), (ch, doc.text[o])
    for a in doc.articles:
        assert 0 <= a.start <= a.end <= n


def check_extraction(gaz, doc) -> None:
    x = extract(doc, gaz)
    n = len(doc.text)
    by_index = {s.index: s for s in doc.sentences}
    evidence = [m.evidence for m in x.mentions] + [r.evidence for r in x.relations]
    for ev in evidence:
        s = by_index[ev.sentence]
        assert 0 <= ev.start <= ev.end <= n
        assert s.start <= ev.start and ev.end <= s.end
        assert ev.text == doc.text[s.start : s.end]  # the sentence as written
    for m in x.mentions:
        ev = m.evidence
        # the span, as the file has it, is the mention's name (line breaks the reader
        # joined, widths it folded and Traditional characters it read aside)
        written = re.sub(r"\s", "", doc.text[ev.start : ev.end])
        name = re.sub(r"\s", "", m.name)
        assert len(written) == len(name), (m.name, doc.text[ev.start : ev.end])
        assert all(_read_as(a, b) for a, b in zip(written, name, strict=True)), (m.name, written)
    ids = {m.id for m in x.mentions}
    for r in x.relations:
        assert r.subject in ids and r.object in ids


@SETTINGS
@given(unicode_text)
def test_random_unicode_splits_with_offsets_into_the_text(text):
    check_document(split("r", "r.txt", text))


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_are_read_or_refused_with_a_reason(data):
    try:
        doc, notes = read_bytes(data, "r.txt", "r")
    except InputError as e:
        assert e.problem and "\n" not in e.problem
        return
    check_document(doc)
    for n in notes:
        assert n.problem and n.kept


@SETTINGS
@given(unicode_text)
def test_extractors_survive_random_unicode(gaz, text):
    check_extraction(gaz, split("r", "r.txt", text))


@SETTINGS
@given(real_mix)
def test_extractors_on_random_mixes_of_real_sentences(gaz, text):
    doc = split("m", "m.txt", text)
    check_document(doc)
    check_extraction(gaz, doc)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(traditional_mix)
def test_extractors_on_traditional_chinese_keep_evidence_as_written(gaz, text):
    doc = split("t", "t.txt", text)
    check_document(doc)
    check_extraction(gaz, doc)
