"""Text helpers shared by the extractors: normalising, junk lines, sentences and clauses.

Everything here is regex- and punctuation-driven so that mining stays much faster than word segmentation.
"""

from __future__ import annotations

import functools
import re

from desktop.core.mining.cancel import POLL_EVERY, Poll, check
from desktop.core.mining.speech import find_salutation

CJK = "\u4e00-\u9fff"
_CJK_RE = re.compile(f"[{CJK}]")
_CJK_PUNCT = "，。、；：！？“”‘’（）《》【】—…"

# PDF line wraps leave spaces between Chinese characters ("重 点工作"); a space between Chinese text and a
# figure ("X 个街道") is just as meaningless in Chinese prose.
_WRAP_SPACE_RE = re.compile(
    f"(?<=[{CJK}{_CJK_PUNCT}])[ \t\u3000\u00a0]+(?=[{CJK}{_CJK_PUNCT}A-Za-z0-9%])"
    f"|(?<=[A-Za-z0-9%])[ \t\u3000\u00a0]+(?=[{CJK}{_CJK_PUNCT}])"
)
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Half-width punctuation touching Chinese text is a typing slip of the web copy: read it as full-width.
_HALF_PUNCT_RE = re.compile(f"(?<=[{CJK}”）])([,;:?!])|([,;:?!])(?=[{CJK}“（])|(?<=[{CJK}])\\(|\\)(?=[{CJK}])")

# Lines a web copy carries that are not the speech: adverts, watermarks, banners, link lists. The words are
# searched anywhere; the shapes of a bare file size, page count or date only at the line's start (one
# anchored match: a search would try the whole line). Every word opens with a plain character, so that the
# search skips ahead to those characters.
_JUNK_WORD_RE = re.compile(
    r"QQ|h[Tt][Tt][Pp][Ss]?:|H[Tt][Tt][Pp][Ss]?:|www\.|\.com|版权|Copyright|©|会员|举报|倒卖|订阅|仅供学习|禁止外传|"
    r"整理发布|由用户上传|文档由|本文档|淘文库|客服|付费|下载|扩展阅读|推荐阅读|相关阅读|小编|供大家参考"
)
_JUNK_SHAPE_RE = re.compile(r"\W*\d+(\.\d+)?\s*[KkMm]B\W*$|\W*\d+\s*页\W*$|\W*\d{4}-\d{1,2}-\d{1,2}\s*发布")
# After "看过…的人还看了" comes a list of related links: nothing after it is speech.
_RELATED_RE = re.compile(r"的人还看了|相关推荐|猜你喜欢")
_SALUTATION_WITHIN = 30
_NEEDS_NORMALISING_RE = re.compile(r"[ \t\u3000\u00a0,;:?!()]")
_INJECTED = "当前隐藏"
_INJECTED_RE = re.compile(r"\s*当前隐藏内容免费查看\s*")

SENTENCE_END = "。！？"
_SENTENCE_RE = re.compile(f"[^{SENTENCE_END}]*(?:[{SENTENCE_END}]+[”’」』）]*|$)")
CLAUSE_SEPARATORS = "，；：。！？"
# A clause and the closing quotes right after its separators (they end the clause: 要“抓落实。”).
_CLAUSE_SPLIT_RE = re.compile(f"([^{CLAUSE_SEPARATORS}]*)(?:[{CLAUSE_SEPARATORS}]+([”’]*)|$)")


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def cjk_count(text: str) -> int:
    return len(_CJK_RE.findall(text))


def normalise(text: str) -> str:
    """Repair PDF wrap spaces and half-width punctuation inside Chinese text (idempotent)."""
    if _NEEDS_NORMALISING_RE.search(text) is None and _INJECTED not in text:
        return text
    text = _INJECTED_RE.sub("", text)
    text = _HALF_PUNCT_RE.sub(lambda m: _HALF_TO_FULL[m.group(0)], text)
    return _WRAP_SPACE_RE.sub("", text)


def is_junk_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or not has_cjk(stripped):
        return True
    return _JUNK_WORD_RE.search(stripped) is not None or _JUNK_SHAPE_RE.match(stripped) is not None


def content_lines(text: str, cancelled: Poll | None = None) -> list[str]:
    """The speech's lines, normalised, with web junk and the related-links tail left out.

    When the speech opens with a salutation (同志们：) near the top, what stands before it is a title or a
    site's banner: the lines start at the salutation. `cancelled` is polled (see cancel.py).
    """
    lines: list[str] = []
    for number, raw in enumerate(text.split("\n")):
        if number % POLL_EVERY == 0:
            check(cancelled)
        if _RELATED_RE.search(raw):
            break
        line = normalise(raw.strip())
        if not is_junk_line(line):
            lines.append(line)
    for index, line in enumerate(lines[:_SALUTATION_WITHIN]):
        match = find_salutation(line)
        if match:
            return [line[match.start() :], *lines[index + 1 :]]
    return lines


MAX_SENTENCE = 600  # longer "sentences" (text without full stops) are read in pieces of about this size


def split_sentences(line: str) -> list[str]:
    """Sentences of one line, each keeping its final punctuation (and a closing quote after it).

    A sentence longer than MAX_SENTENCE is cut into pieces at a comma where it can be, so that a file
    without full stops is still mined in bounded memory.
    """
    out: list[str] = []
    for sentence in _SENTENCE_RE.findall(line):
        sentence = sentence.strip()
        while len(sentence) > MAX_SENTENCE:
            cut = max(sentence.rfind("，", 0, MAX_SENTENCE), sentence.rfind("；", 0, MAX_SENTENCE))
            cut = cut + 1 if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
            out.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if sentence:
            out.append(sentence)
    return out


@functools.lru_cache(maxsize=4096)  # every extractor reads the same sentences' clauses
def split_clauses(sentence: str) -> tuple[str, ...]:
    """Clauses of a sentence, split at ，；：。！？ (separators dropped, closing quotes kept)."""
    clauses = []
    for clause, quotes in _CLAUSE_SPLIT_RE.findall(sentence):
        clause = (clause + quotes).strip()
        if clause:
            clauses.append(clause)
    return tuple(clauses)


_CLAUSE_RE = re.compile(f"[^{CLAUSE_SEPARATORS}]+")


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of every clause of a sentence, whitespace and stray closing quotes left out."""
    spans = []
    for match in _CLAUSE_RE.finditer(sentence):
        start, end = match.span()
        while start < end and sentence[start] in " \t”’":
            start += 1
        while end > start and sentence[end - 1] in " \t":
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans
