"""Half-width punctuation inside Chinese text becomes full-width; numbers and Latin text keep theirs.

, ; : ? ! become ，；：？！ when a Chinese character stands next to them; ( ) become （ ） around or beside
Chinese text; "…" around Chinese text becomes “…”. 1,000  3.5  10:30  f(x)  "OK" stay as they are.
Full-width digits and Latin letters (１２３ＡＢＣ) become ASCII, as GB/T 15835 asks.
"""

from __future__ import annotations

import re

from desktop.core.corpus.chars import has_cjk, is_cjk

_MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_FULL_WIDTH_ALNUM = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
_PARENS = re.compile(r"\(([^()\n]{0,300})\)")
_QUOTES = re.compile(r'"([^"\n]{1,300})"')


def ascii_alnum(text: str) -> str:
    """Full-width digits and letters to ASCII."""
    return text.translate(_FULL_WIDTH_ALNUM)


def to_full_width(line: str) -> str:
    line = _convert_pairs(line)
    chars = list(line)
    for i, ch in enumerate(chars):
        if ch not in _MARKS:
            continue
        before, after = _neighbour(chars, i, -1), _neighbour(chars, i, 1)
        touching = (i > 0 and chars[i - 1] == before) and (i + 1 < len(chars) and chars[i + 1] == after)
        if ch in ",:" and touching and before.isdigit() and after.isdigit():
            continue  # 1,000 and 10:30
        if is_cjk(before) or is_cjk(after):
            chars[i] = _MARKS[ch]
    return "".join(chars)


def _convert_pairs(line: str) -> str:
    def parens(match: re.Match[str]) -> str:
        inner = match.group(1)
        start, end = match.start(), match.end()
        before = line[start - 1] if start > 0 else ""
        after = line[end] if end < len(line) else ""
        if has_cjk(inner) or (before and is_cjk(before)) or (after and is_cjk(after)):
            return f"（{inner}）"
        return match.group(0)

    def quotes(match: re.Match[str]) -> str:
        return f"“{match.group(1)}”" if has_cjk(match.group(1)) else match.group(0)

    previous = None
    while previous != line:  # innermost pairs first, then the ones around them
        previous = line
        line = _PARENS.sub(parens, line)
    return _QUOTES.sub(quotes, line)


def _neighbour(chars: list[str], index: int, step: int) -> str:
    """The nearest non-space character before (step -1) or after (step 1) index."""
    index += step
    while 0 <= index < len(chars):
        if not chars[index].isspace():
            return chars[index]
        index += step
    return ""
