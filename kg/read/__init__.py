"""Reading input: any source's bytes to articles and sentences with offsets.

One module per job: :mod:`~kg.read.files` finds the inputs, :mod:`~kg.read.formats` picks
the reader by content and extension (:mod:`~kg.read.decoding` for text files,
:mod:`~kg.read.html` web pages, :mod:`~kg.read.pdf` PDFs, :mod:`~kg.read.ocr` scans,
:mod:`~kg.read.office` Word files, :mod:`~kg.read.corpus` JSON Lines and CSV corpora),
:mod:`~kg.read.text` repairs and splits the text, :mod:`~kg.read.meta` and
:mod:`~kg.read.dates` give each article its title, date, source and reporters.
"""

from .corpus import CorpusFields, is_corpus, records
from .decoding import (
    Note,
    _decodes,
    _legacy_encoding,
    _looks_binary,
    _wide_unicode,
    decode,
    decode_lenient,
    sanitize,
)
from .files import (
    INPUT_SUFFIXES,
    MAX_FILE_BYTES,
    SYMLINK_OUT_FILE,
    SYMLINK_OUT_FOLDER,
    find_inputs,
    printable,
    read_capped,
    wanted_file,
)
from .formats import kind_of, read_bytes, read_document, read_input
from .text import (
    MAX_SENTENCE,
    _is_heading_line,
    _joins,
    fold_width,
    is_byline,
    repair,
    split,
    split_noting,
    to_simplified,
)

__all__ = [
    "INPUT_SUFFIXES", "MAX_FILE_BYTES", "MAX_SENTENCE", "SYMLINK_OUT_FILE", "SYMLINK_OUT_FOLDER", "CorpusFields",
    "Note", "_decodes", "_is_heading_line", "_joins", "_legacy_encoding", "_looks_binary", "_wide_unicode",
    "decode", "decode_lenient", "find_inputs", "fold_width", "is_byline", "is_corpus", "kind_of", "printable",
    "read_bytes", "read_capped", "read_document", "read_input", "records", "repair", "sanitize", "split",
    "split_noting", "to_simplified", "wanted_file",
]
