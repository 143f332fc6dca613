"""Where a clause begins and what stands before a span: the tests the stages use to tell a
sentence's subject from the object of a verb.
"""

from __future__ import annotations

import re

from . import lexicon as L
from .spans import tokens

#: a clause opener that may stand before a sentence's subject (近年来, 2023年以来, 目前)
OPENER = re.compile(
    r"^(?:[0-9]{4}年(?:[0-9]{1,2}月)?(?:以来|起|初|底|中)?|近年来|近期|近日|日前|目前|今年以来|今年|去年|"
    r"同时|此外|另外|其中|截至目前|为此|为了[^,，]*|在此基础上|下一步|一方面|另一方面|首先|其次|最后|"
    r"据了解|记者了解到|近两年|近几年|多年来|自[^,，]{1,12}以来)[,，]?"
)

#: what follows a body named as a speaker's affiliation
SPEAKER = re.compile(r"(?:相关)?(?:负责人|工作人员|干部|党员|" + "|".join(L.LEAD_TITLES) + ")")

#: a clause whose subject is 他 or 她, up to the practice
PRONOUN_SUBJECT = re.compile(r"(?:^|[,，。;；])\s*(?:他|她)[^,，。;；“”]{0,14}$")


def is_clause_start(text: str, i: int) -> bool:
    """Does a subject at ``i`` open its clause (after punctuation or an opener)?

    >>> is_clause_start("近年来，幸福社区推行", 4), is_clause_start("帮助幸福社区", 2)
    (True, False)
    >>> is_clause_start("在县委的关心下幸福社区推行", 7)
    True
    """
    head = text[:i]
    cut = max(map(head.rfind, _CLAUSE_MARKS))
    lead = head[cut + 1 :].lstrip("—-－◆◇●■□▲·• ").strip()
    # "在幸福社区,……" and "在街道党委的支持下" place the scene; "由镇党委牵头" names the actor;
    # after a frame 在……下 with no comma (在县委的关心下某社区推行……) the subject opens its clause
    return not lead or bool(OPENER.fullmatch(lead)) or lead == "由" or bool(UNDER_FRAME.fullmatch(lead))


#: a frame 在……下 (在县委的关心和支持下): what it says helped, not who acts
UNDER_FRAME = re.compile(r"在[^,，。;；在]{1,40}?(?:" + "|".join(L.UNDER_FRAME_VERBS) + ")下")


#: the marks a clause starts after
_CLAUSE_MARKS = tuple(",，;；:：。!?“”")


def after_verb(text: str, i: int) -> bool:
    """Does a verb (引入, 成立, 联合) end right before ``i``, so that what starts at ``i``
    is its object?"""
    if i > 0 and text[i - 1] in "了起":
        i -= 1  # 成立了|某某中心: the aspect particle after the verb
    return any(e == i and e - s >= 2 and (f.startswith("v") or text[s:e] in _OBJECT_VERBS) for s, e, f in tokens(text))


#: verbs jieba tags as nouns that take a body as their object (党支部领办|某某合作社)
_OBJECT_VERBS = frozenset({"领办", "创办", "兴办", "联办", "承办", "帮办"})
