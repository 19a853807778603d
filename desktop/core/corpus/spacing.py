"""Spaces in Chinese text: none between Chinese characters or between Chinese and Latin/digits.

Web and PDF copies carry spaces that are not the author's: line-wrap spaces ("会 议"), Word's automatic
gap around Latin letters and digits ("对 X 个街道", "5 月 23 日"), indents of full-width spaces. Printed
Chinese official text has none of them ("X个街道", "5月23日"), so every space next to a Chinese character
or Chinese punctuation goes; a space between two Latin words or numbers ("GDP growth", "3 000") stays,
collapsed to one.
"""

from __future__ import annotations

import re

from desktop.core.corpus.chars import is_cjk

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def tidy_spaces(line: str) -> str:
    def keep_or_drop(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        if start == 0 or end == len(line):
            return ""
        if is_cjk(line[start - 1]) or is_cjk(line[end]):
            return ""
        return " "

    return _SPACES.sub(keep_or_drop, line)
