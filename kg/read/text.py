"""Splitting decoded text: repair its OCR damage, split it into articles and sentences.

Why this is more than ``open().read()``: the pages are OCR'd newspaper text.  Lines break
inside words ("乡\\n\\n振兴"), half- and full-width punctuation mix, and one page holds
several articles with headlines, bylines and photo captions.  Extractors read a repaired
copy of the text; every character of that copy remembers its offset in the original, so
evidence always points at what the user has on disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import repeat

from ..model import Article, Document, Sentence
from .decoding import Note, _n, sanitize

# ------------------------------------------------------------------ Traditional Chinese

#: Share of Chinese characters that OpenCC's t2s must change for a text to count as
#: Traditional: Simplified text changes almost none (the seeds: zero), Traditional a quarter.
_TRADITIONAL_SHARE = 0.05


_CJK = re.compile("[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json")


#: Corner quotes read as the mainland's: 「三到位」工作法 is “三到位”工作法; and the forms of
#: Hong Kong's and Taiwan's standards that OpenCC's t2s leaves as they are (衞生 is 卫生, 衹 is
#: 只: every character OpenCC's hk2s or tw2s simplifies and t2s does not, but for 著, which
#: :func:`_aspect_zhe` reads, and the rare ones no page writes)
_CORNER_QUOTES = str.maketrans("「」『』衞敍枱粧糭衹", "“”‘’卫叙台妆粽只")


def to_simplified(text: str) -> str | None:
    """``text`` in Simplified characters, one character for one, if it is Traditional
    Chinese; None if it is not.  Phrase conversions that would change the length are
    undone character by character, so every offset still holds.

    >>> to_simplified("鄉村振興")
    '乡村振兴'
    >>> to_simplified("創新「三到位」工作法")
    '创新“三到位”工作法'
    >>> to_simplified("乡村振兴") is None
    True
    """
    if not _CJK.search(text):
        return None
    conv = _t2s().convert(text)
    if conv == text:  # Simplified text, as a rule: its characters need no count
        return None
    cjk = len(text) - len(_CJK.sub("", text))
    if len(conv) != len(text):
        conv = "".join(_t2s_line(line) for line in text.splitlines(keepends=True))
    if "著" in conv:
        conv = _aspect_zhe(text, conv)
    changed = sum(1 for a, b in zip(text, conv, strict=True) if a != b)
    return conv.translate(_CORNER_QUOTES) if changed >= _TRADITIONAL_SHARE * cjk else None


@lru_cache(maxsize=1)
def _tw2s():
    import opencc

    return opencc.OpenCC("tw2s.json")


def _aspect_zhe(text: str, conv: str) -> str:
    """``conv`` with the aspect particle 著 written 着 (隨著 → 随着, 張貼著 → 张贴着; 著名, 顯著,
    土著 and 專著 stay): t2s keeps 著, a character of Simplified too, so 随著 reads as no word;
    OpenCC's Taiwan table tells the particle by its phrases, and only its 着 is taken, one for
    one, except in the words of :data:`_ZHU_WORDS` (土著, 卓著: the Taiwan table writes those
    with 着 too)."""
    tw = _tw2s().convert(text)
    if len(tw) != len(conv):
        return conv
    return "".join("着" if c == "著" and w == "着" and conv[k - 1 : k + 1] not in _ZHU_WORDS else c
                   for k, (c, w) in enumerate(zip(conv, tw, strict=True)))


#: words 著 closes as "a work" or "marked", which OpenCC's Taiwan table writes with 着 too
_ZHU_WORDS = frozenset("土著 专著 编著 卓著 原著 论著 译著 遗著 名著 巨著 新著 拙著 合著 昭著 撰著".split())


def _t2s_line(line: str) -> str:
    out = _t2s().convert(line)
    if len(out) == len(line):
        return out
    chars = []
    for c in line:
        o = _t2s().convert(c)
        chars.append(o if len(o) == 1 else c)
    return "".join(chars)


# ------------------------------------------------------------------ repair

#: Sentence-final punctuation (after width folding).
_FINAL = "。!?;…"
_CLOSERS = "”’\"')）」』】》"
#: A line that ends in one of these is complete; anything else may be broken mid-word.
_LINE_COMPLETE = set(_FINAL + _CLOSERS + ":")
_HEAD_MARK = re.compile(r"^\s*(?:#+\s*)?(?:[■□●◎◆◇▲△★☆▌|]\s*)?")
_BYLINE = re.compile(
    r"^\s*(?:#+\s*)?[■□●◎◆◇▲△★☆]?\s*"
    r"(?:(?:本报|见习|特约|实习)?(?:记者|通讯员|摄影|见习记者|特约记者)\s*[\u4e00-\u9fff·]{2,12}\s*){1,4}(?:摄)?\s*$"
    r"|^\s*[■□●◎◆◇▲△★☆]\s*[\u4e00-\u9fff·]{2,8}\s*$"
    r"|^\s*[\u4e00-\u9fff·]{2,4}\s+摄\s*$"
)


def fold_width(ch: str) -> str:
    """Full-width ASCII to ASCII, the ideographic space to a space and the stroke 丨 to a bar: one char for one,
    so offsets are untouched.  Chinese punctuation (、。“”) is kept as written."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if o == 0x3000 or o == 0xA0:
        return " "
    if o == 0x4E28:
        return "|"  # 丨, the stroke that headlines use as a bar (专访丨某镇党委书记): no part of a name
    return ch


#: :func:`fold_width` as a translation table (the same mapping, for whole lines at once)
_FOLD = {o: fold_width(chr(o)) for o in (*range(0xFF01, 0xFF5F), 0x3000, 0xA0, 0x4E28)}
#: the same folding as a table indexed by code point (``str.translate`` reads a list about twice
#: as fast as a dict): every code point below the last folded one, itself where it does not
#: fold; a code point past the table raises IndexError, which ``translate`` reads as "itself"
_FOLD_TABLE: list[int | str] = list(range(max(_FOLD) + 1))
for _o, _to in _FOLD.items():
    _FOLD_TABLE[_o] = _to
#: a character :data:`_FOLD` changes (most lines of Chinese news hold none)
_FOLDABLE = re.compile("[" + "".join(map(chr, sorted(_FOLD))) + "]")


def _fold(s: str) -> str:
    """``s.translate(_FOLD_TABLE)``, without the per-character walk where nothing folds."""
    return s.translate(_FOLD_TABLE) if _FOLDABLE.search(s) else s


def _is_heading_line(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    if s.startswith("#"):
        return True
    if s[0] in "■□●◎◆◇▲△★☆":
        return "。" not in s  # ◆近年来，……。: a brief's paragraph, not a title
    if "。" in s or s.endswith(("!”", "?”", "…”")):
        return False  # a short sentence, not a title
    if _CREDIT_LINE.search(s):
        return False  # 某报记者 某某 通讯员 某某: who wrote the page, no title
    return len(s) <= 32 and s[-1] not in _FINAL and s[-1] not in ",、"


#: words a line break can fall inside: a place's or a body's suffix (嘎⏎查, 社⏎区)
_SPLIT_WORDS = {"街道", "社区", "苏木", "嘎查", "小区", "党委", "支部", "委员会", "居委会", "村委会"}


#: the opening of a news brief
_BRIEF = re.compile(r"^\s*(?:[(（]?本报讯|[◆◇])")


#: the fixed patterns of :func:`_joins`, compiled once (not looked up in the module's cache
#: at every line)
_CAPTION_END = re.compile(r"\s摄$")
_HAN_END = re.compile(r"[\u4e00-\u9fff]$")
_HAN_OR_COMMA_END = re.compile(r"[\u4e00-\u9fff,、]$")
_FULL_STOP = re.compile(r"[。!?;]")
_COMMA = re.compile(r"[,，]")
#: a line crediting the page's writers (某某报记者 某某, 通讯员 某某, 作者：某某)
_CREDIT_LINE = re.compile(r"(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,8}|(?:^|\s)作者\s*[:：]")
#: a web page's field of its own (来源：, 作者：, 发布时间：, 责任编辑：, 分享到：, 【字体：, a portal's notice's
#: 索引号：, 发布机构：, 成文日期：), with its label
_PAGE_FIELD = re.compile(r"(?:^|\s|【)(?:本版)?(?:来源|信息来源|作者|发布时间|发布日期|发布机构|成文日期|公开日期|主题分类|索\s*引\s*号|文\s*号|发文字号"
                         r"|浏览次数|责任编辑|编辑|供稿|稿源|分享到|字体|字号)\s*[:：]")
#: the end of a public account's post line: the time it was posted, and the region its IP was in
#: (某某发布 2025-03-02 18:20 发表于内蒙古)
_POSTED_AT = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*发表于\s*[\u4e00-\u9fff]{2,8})?$")
#: a web page's menu or breadcrumb (首页 | 政务公开 | 政务服务, 当前位置:首页 > 部门动态 > 某局):
#: two or more of the marks that part its items, a line of its own
_NAV_MARKS = re.compile(r"(?:[|>»›].*){2,}")
_WORD_TAIL = re.compile(r"^[\u4e00-\u9fff]{1,2}[，,、。”]")
#: any mark that ends or parts a sentence, which no headline line needs
_ANY_STOP = re.compile(r"[。，,;；！!？?]")
#: the number opening a section's title (一、 二、 (三) 四是)
_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
_LIST_COMMA = re.compile(r"[，,、]")


def _joins(prev: str, nxt: str, continuing: bool = False) -> bool:
    """Does the line ``prev`` continue, mid-sentence, on the line ``nxt``?

    OCR breaks fall inside body paragraphs: the line before is long and stops without
    closing punctuation; the next one starts with text, not a heading or byline mark.
    ``continuing``: ``prev`` itself went on from the line before it, so it is inside a
    paragraph broken into short lines, and no title, however short it is.
    """
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n:
        return False
    if nxt[:1] == "\u3000" and len(p) < 50 and not _ANY_STOP.search(p):
        return False  # a headline with no stop in it, then an indented paragraph: the headline ends
    if "(" in p or "（" in p:
        p = _PINYIN_GLOSS.sub("", p)  # 某某单(dān)一账: a mirror's reading glosses are no part of the line's length
    if p[-1] in _LINE_COMPLETE:
        return False
    if n[0] in "#■□●◎◆◇▲△★☆" or _BYLINE.match(n):
        return False
    if _CAPTION_END.search(p):  # a photo caption ends its paragraph
        return False
    if _PAGE_FIELD.search(p):  # 来源：某某　作者：某某: a page's fields, a line of their own
        return False
    if _POSTED_AT.search(p):  # 某某发布 2025-03-02 18:20 发表于内蒙古: an account's post line, a line of its own
        return False
    pf, nf = _fold(p), _fold(n)
    if len(pf) < 40 and _SECTION_NUMBER.match(pf) and not _FULL_STOP.search(pf):
        return False  # 二、建强一支队伍，让服务暖人心: a numbered section's title, a line of its own
    if "。" not in pf and _NAV_MARKS.search(pf) or "。" not in nf and _NAV_MARKS.search(nf):
        return False  # a menu or a breadcrumb runs on into no sentence, nor a sentence into it
    if nf[0] in ",、。;:!?”’)" and _HAN_END.search(pf):
        return True  # ……村集体经济项目⏎、土地流转: a line cannot open on a comma
    if len(p) < 30 and _HAN_OR_COMMA_END.search(pf) and (
        _FULL_STOP.search(pf[:-1]) or (len(pf) >= 22 and _COMMA.search(pf[:-1]))
    ):
        # a title is short and has no full stop; a comma alone marks a sentence in a line
        # longer than titles run (议事有章,牧民的事牧民商量着办 stays a title)
        return True  # 说了算,现在必须严格按照'四议两公开'来。"西⏎河村: a sentence, not a title, runs on
    if len(p) < 30 and not continuing:
        # a short line may be a heading; it goes on only when it visibly cannot end there:
        # an open quote (打造“同心⏎家园”), or a next line that starts with a word's tail
        # right before punctuation (巴彦宝拉格嘎⏎查，牧民们)
        open_quote = p.count("“") > p.count("”") or (p[-1] + n[:2]) in _SPLIT_WORDS or (p[-1] + n[:1]) in _SPLIT_WORDS
        tail = _WORD_TAIL.match(n) and _HAN_END.search(p) and _LIST_COMMA.search(p)
        if not (open_quote or tail):
            return False
    return True


#: what ``str.splitlines`` breaks lines at
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_NON_SPACE = re.compile(r"\S")


def _text_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(start offset, line)`` for each line of ``text`` that is not blank, as
    ``str.splitlines`` cuts them; runs of blank lines are skipped without a look at each
    (a file of millions of empty lines costs no more than its size)."""
    pos = 0
    while True:
        m = _NON_SPACE.search(text, pos)
        if m is None:
            return
        i = m.start()
        # the last break in the white space before the line (one rfind per kind of break, in C)
        start = max(map(text.rfind, _BREAK_CHARS, repeat(pos), repeat(i))) + 1 if i > pos else pos
        start = max(start, pos)
        end = _LINE_BREAK.search(text, i)
        yield start, text[start : end.start() if end else len(text)]
        if end is None:
            return
        pos = end.end()


#: a pinyin reading in brackets right after a character, with its tone mark: 乡(xiāng), 个（gè）
_PINYIN_GLOSS = re.compile(
    "(?<=[\u4e00-\u9fff])[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]{0,6}[)）]"
)


#: a quote opened with one kind of mark and closed with another: “五个一" or "五个一”
_MISMATCHED_QUOTE = re.compile('“([^“”"\n]{1,30})"|"([^“”"\n]{1,30})”')


def _pair_quotes(line: str) -> str:
    """Web pages close a Chinese quote with an ASCII one (“五个一"): read the pair as “”,
    one character for one.

    >>> _pair_quotes('以“三联"工作为载体,"五个一”')
    '以“三联”工作为载体,“五个一”'
    """
    if '"' not in line:
        return line
    return _MISMATCHED_QUOTE.sub(lambda m: "“" + (m.group(1) or m.group(2)) + "”", line)


def repair(text: str) -> tuple[str, list[int]]:
    """Fold widths and re-join lines broken inside a sentence.

    Returns the repaired text and, for each of its characters, the offset of that
    character in ``text``.  Paragraphs stay separated by one newline.

    >>> t, off = repair("将乡\\n\\n振兴等融入主题党日活动" + "。" )
    >>> t  # short lines are not joined (they may be headings)
    '将乡\\n振兴等融入主题党日活动。'
    >>> repair("白石乡(xiāng)新时代文明实践站。")[0]  # a web page's pinyin gloss
    '白石乡新时代文明实践站。'
    >>> repair('以“三联"工作为载体。')[0]  # a quote closed with an ASCII mark
    '以“三联”工作为载体。'
    """
    # paragraphs: lists of (offset, line); blank lines separate them unless a join applies
    out_chars: list[str] = []
    out_offsets: list[int] = []
    prev_line: str | None = None
    continuing = False
    for start, line in _text_lines(text):
        if prev_line is not None:
            if _joins(prev_line, line, continuing):
                continuing = True  # glue: drop the break and the blank lines
            else:
                continuing = False
                out_chars.append("\n")
                out_offsets.append(start - 1 if start > 0 else 0)
        # strip the line's surrounding white space but keep offsets exact
        lstrip = len(line) - len(line.lstrip())
        body = line.strip()
        kept = range(start + lstrip, start + lstrip + len(body))
        if ("(" in body or "（" in body) and _PINYIN_GLOSS.search(body):  # (a gloss opens with a bracket)
            # 乡(xiāng)村: the reading a web page glosses a character with is no part of the text
            cut = {i for m in _PINYIN_GLOSS.finditer(body) for i in range(m.start(), m.end())}
            kept = [start + lstrip + i for i in range(len(body)) if i not in cut]
            body = "".join(ch for i, ch in enumerate(body) if i not in cut)
        out_chars.append(_pair_quotes(_fold(body)))
        out_offsets.extend(kept)
        prev_line = line
    return "".join(out_chars), out_offsets


# ------------------------------------------------------------------ splitting

_SENT_END = re.compile(r"[。!?;]+[”’\"')）」』]*|…{1,2}[”’\"')）」』]+")


def _split_sentences(line: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of one paragraph line (end punctuation and closing quotes
    stay with their sentence)."""
    start = 0
    for m in _SENT_END.finditer(line):
        end = m.end()
        if line[start:end].strip():
            yield start, end
        start = end
    if line[start:].strip():
        yield start, len(line)


def is_byline(line: str) -> bool:
    """A byline or credit line: "本报记者 刘晓梅 通讯员 张立新", "●本报记者 乌日娜", "李文静 摄"."""
    return bool(_BYLINE.match(line))


#: Longest sentence the extractors are given: a longer run without sentence punctuation
#: (the seeds' longest sentence has 285 characters) is read in pieces of at most this size.
MAX_SENTENCE = 1000
_SOFT_BREAK = re.compile(r"[,，、:：;；\s]")


def _pieces(line: str, s0: int, s1: int) -> Iterator[tuple[int, int]]:
    """``line[s0:s1]`` in pieces of at most :data:`MAX_SENTENCE` characters, cut after a
    comma or a space in the last fifth of each piece when there is one."""
    while s1 - s0 > MAX_SENTENCE:
        end = s0 + MAX_SENTENCE
        cut = None
        for m in _SOFT_BREAK.finditer(line, end - MAX_SENTENCE // 5, end):
            cut = m.end()
        yield s0, cut or end
        s0 = cut or end
    yield s0, s1


def split(doc_id: str, path: str, text: str, encoding: str = "utf-8") -> Document:
    """Split decoded ``text`` into articles and sentences (see :class:`kg.model.Document`).

    An article starts at a group of heading lines that is followed by a byline, or at a
    group of two or more heading lines (a column label and a headline); single headings
    inside a body are sub-headings of the current article.

    Control characters and lone surrogates become U+FFFD; Traditional Chinese is read in
    Simplified characters (headlines, bylines and evidence stay as written); runs longer
    than :data:`MAX_SENTENCE` are read in pieces.  :func:`split_noting` also says so.
    """
    return split_noting(doc_id, path, text, encoding)[0]


def split_noting(doc_id: str, path: str, text: str, encoding: str = "utf-8", *,
                 single: bool = False) -> tuple[Document, list[Note]]:
    """:func:`split`, and a :class:`Note` for each thing about the text it had to work around.

    ``single``: the text is one article (a web page's, a corpus record's), never split."""
    text, notes = sanitize(text)
    simplified = to_simplified(text)  # one character for one: the offsets hold for both
    reading = simplified
    if reading is None and ("「" in text or "『" in text):
        reading = text.translate(_CORNER_QUOTES)  # 「某某」工作法 in Simplified text, read as “某某”
    clean, offsets = repair(text if reading is None else reading)
    written = clean
    if reading is not None:  # the repaired text as written, for headlines and bylines
        written = "".join("\n" if c == "\n" else fold_width(text[o]) for c, o in zip(clean, offsets, strict=True))
    if simplified is not None:
        notes.append(Note("Traditional Chinese", "all text; extracted from a Simplified reading (OpenCC t2s), evidence as written"))
    doc = Document(id=doc_id, path=path, text=text, encoding=encoding)
    # the paragraph lines of the repaired text with their start in ``clean``
    paras: list[tuple[int, str]] = []
    pos = 0
    for line in clean.split("\n"):
        paras.append((pos, line))
        pos += len(line) + 1
    as_written = (lambda p0, line: line) if simplified is None else (lambda p0, line: written[p0 : p0 + len(line)])
    cut_lines, longest = 0, 0
    kinds = ["byline" if is_byline(t) else "heading" if _is_heading_line(t) else "body" for _, t in paras]

    # find article starts
    starts = [0]
    i = 0
    while i < len(paras):
        if kinds[i] != "heading":
            i += 1
            continue
        j = i
        while j < len(paras) and kinds[j] == "heading":
            j += 1
        group = j - i
        followed_by_byline = j < len(paras) and kinds[j] == "byline"
        if (followed_by_byline or group >= 2) and i > 0:
            starts.append(i)
        i = j
    # a brief opens its own article: "本报讯(记者 …)……", "◆近年来，……"
    for i, (_, line) in enumerate(paras):
        if i > 0 and kinds[i] == "body" and _BRIEF.match(line):
            k = i
            while k > 0 and kinds[k - 1] == "heading" and k - 1 not in starts:
                k -= 1
            starts.append(k)
    starts = [0] if single else sorted(set(starts))
    bounds = list(zip(starts, [*starts[1:], len(paras)], strict=True))

    sent_index = 0
    for a_index, (a, b) in enumerate(bounds):
        heads = [as_written(*paras[k]) for k in range(a, b) if kinds[k] == "heading"]
        # the headline is the last heading of the opening group (the first ones are column labels)
        opening = []
        for k in range(a, b):
            if kinds[k] != "heading":
                break
            opening.append(_HEAD_MARK.sub("", as_written(*paras[k])).strip())
        headline = opening[-1] if opening else (_HEAD_MARK.sub("", heads[0]).strip() if heads else "")
        bylines = [as_written(*paras[k]).strip() for k in range(a, b) if kinds[k] == "byline"]
        a_start = offsets[paras[a][0]] if paras[a][1] else 0
        last_pos, last_line = paras[b - 1]
        a_end = offsets[last_pos + len(last_line) - 1] + 1 if last_line else a_start
        doc.articles.append(
            Article(index=a_index, headline=headline, byline=" ".join(bylines), start=a_start, end=a_end)
        )
        for k in range(a, b):
            p0, line = paras[k]
            if not line.strip():
                continue
            heading = kinds[k] != "body"
            spans = [(0, len(line))] if heading else list(_split_sentences(line))
            if any(s1 - s0 > MAX_SENTENCE for s0, s1 in spans):
                cut_lines, longest = cut_lines + 1, max(longest, max(s1 - s0 for s0, s1 in spans))
                spans = [piece for s0, s1 in spans for piece in _pieces(line, s0, s1)]
            for s0, s1 in spans:
                # trim white space inside the span
                while s0 < s1 and line[s0].isspace():
                    s0 += 1
                while s1 > s0 and line[s1 - 1].isspace():
                    s1 -= 1
                if s0 >= s1:
                    continue
                offs = offsets[p0 + s0 : p0 + s1]
                doc.sentences.append(
                    Sentence(
                        index=sent_index,
                        text=line[s0:s1],
                        start=offs[0],
                        end=offs[-1] + 1,
                        offsets=offs,
                        article=a_index,
                        is_heading=heading,
                    )
                )
                sent_index += 1
    if cut_lines:
        notes.append(Note(f"{_n(cut_lines, 'line')} with over {MAX_SENTENCE:,} characters without sentence punctuation "
                          f"(the longest {longest:,})", f"all text, read in pieces of at most {MAX_SENTENCE:,} characters"))
    return doc, notes
