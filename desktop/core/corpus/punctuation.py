"""Half-width punctuation inside Chinese text becomes full-width; numbers and Latin text keep theirs.

, ; : ? ! become ，；：？！ when a Chinese character stands next to them (or they sit in a short
run of ASCII between Chinese characters: 下降x%,xx总收入); ( ) become （ ） around Chinese
text or after a Chinese character; "…" around Chinese text becomes “…”.
1,000  3.5  10:30  f(x)  "OK" stay as they are.
Full-width digits and Latin letters (１２３ＡＢＣ) become ASCII, as GB/T 15835 asks.
"""

from __future__ import annotations

import re

from desktop.core.corpus.chars import cjk_class, has_cjk, is_cjk

_MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_FULL_WIDTH_ALNUM = {
    code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_FULL_WIDTH_RUN = re.compile("[０-９Ａ-Ｚａ-ｚ]+")
_SHORT_RUN = 12
_MARK_RE = re.compile(r"[,;:?!]")
# The common case in C, without a call per mark: a mark right beside a Chinese character.
_BESIDE_CHINESE = tuple(
    (re.compile(rf"{re.escape(mark)}(?:(?<={cjk_class()}{re.escape(mark)})|(?={cjk_class()}))"), wide)
    for mark, wide in _MARKS.items()
)
_PARENS = re.compile(r"\(([^()\n]{0,300})\)")
_QUOTES = re.compile(r'"([^"\n]{1,300})"')


def ascii_alnum(text: str) -> str:
    """Full-width digits and letters to ASCII."""
    return _FULL_WIDTH_RUN.sub(lambda match: match.group(0).translate(_FULL_WIDTH_ALNUM), text)


def to_full_width(line: str) -> str:
    line = _convert_pairs(line)
    for pattern, wide in _BESIDE_CHINESE:
        line = pattern.sub(wide, line)
    previous = None
    while previous != line and _MARK_RE.search(line):  # a run like "::一" converts from its Chinese end
        previous = line
        line = _MARK_RE.sub(lambda match: _convert_mark(match.string, match.start()), line)
    return line


def _convert_mark(line: str, index: int) -> str:
    mark = line[index]
    before, after = _neighbour(line, index, -1), _neighbour(line, index, 1)
    touching = index > 0 and line[index - 1] == before and index + 1 < len(line) and line[index + 1] == after
    if mark in ",:" and touching and before.isdigit() and after.isdigit():
        return mark  # 1,000 and 10:30
    if is_cjk(before) or is_cjk(after) or _inside_chinese(line, index):
        return _MARKS[mark]
    return mark


def _inside_chinese(line: str, index: int) -> bool:
    """The mark sits in a short run of ASCII without spaces between Chinese characters: 下降x%,xx总收入."""
    start, end = index, index + 1
    while start > 0 and line[start - 1].isascii() and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and line[end].isascii() and not line[end].isspace():
        end += 1
    return (
        end - start <= _SHORT_RUN
        and start > 0
        and end < len(line)
        and is_cjk(line[start - 1])
        and is_cjk(line[end])
    )


def _convert_pairs(line: str) -> str:
    def parens(match: re.Match[str]) -> str:
        inner = match.group(1)
        start = match.start()
        before = line[start - 1] if start > 0 else ""
        # 湘西(x) and (占 X%) are Chinese parentheses; f(x) is a formula even when Chinese follows it.
        if has_cjk(inner) or (before and is_cjk(before)):
            return f"（{inner}）"
        return match.group(0)

    def quotes(match: re.Match[str]) -> str:
        return f"“{match.group(1)}”" if has_cjk(match.group(1)) else match.group(0)

    if "(" not in line and '"' not in line:
        return line
    previous = None
    while previous != line:  # innermost pairs first, then the ones around them
        previous = line
        line = _PARENS.sub(parens, line)
    return _QUOTES.sub(quotes, line)


def _neighbour(line: str, index: int, step: int) -> str:
    """The nearest non-space character before (step -1) or after (step 1) index, or ""."""
    index += step
    while 0 <= index < len(line):
        if not line[index].isspace():
            return line[index]
        index += step
    return ""
