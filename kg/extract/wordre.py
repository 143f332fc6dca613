"""Word lists as regular expressions: one trie-shaped alternation instead of a branch per word.

``"|".join(words)`` makes Python's regular expression engine try every word at every
position where one could start; a list of 200 heads of bodies' names is 200 tries.  The same
words as a trie (``党(?:委|支部|组)``, a branch per distinct next character) are tried one
character at a time.  The two match the same text at the same places, provided the list
puts a longer word before any shorter word that begins it (``机关党委`` before ``机关``, as
a list sorted longest first does): at a position, both try the words that begin there
longest first, so even a pattern that backtracks into them (a look-ahead after the word
that fails) takes the same word.  A list in another order is joined as it is.

>>> import re
>>> words = ["党支部", "党委", "党", "支部"]
>>> alternation(words)
'(?:党(?:委|支部)?|支部)'
>>> [m.group() for m in re.finditer(alternation(words), "党委支部党支部党员")]
['党委', '支部', '党支部', '党']
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A pattern matching exactly what ``"|".join(map(re.escape, words))`` matches, where it
    matches, as a trie when the list allows it (see the module's docstring)."""
    words = list(words)
    if not words or "" in words or not _longest_first(words):
        return "|".join(map(re.escape, words))
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    return _pattern(trie)


def _longest_first(words: list[str]) -> bool:
    """Does every word come before the words that begin it?"""
    seen: set[str] = set()
    for w in words:
        if any(w[:k] in seen for k in range(1, len(w) + 1)):
            return False  # a word that begins w (or w itself) came first
        seen.add(w)
    return True


def _pattern(node: dict[str, dict]) -> str:
    """The alternation below ``node``: longer words first, so each branch's end is optional."""
    branches = [re.escape(c) + _pattern(node[c]) for c in sorted(node) if c]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    if len(branches) == 1 and len(branches[0]) == 1:
        return branches[0] + "?"  # one character, or none
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")
