"""Find and replace over the draft's text: every match of a literal string, within a range.

Letters match regardless of case, as the editor's own find does (GDP finds gdp); everything else matches
exactly. Offsets are characters of the text (line endings as \\n), matches never overlap.
"""

from __future__ import annotations

import re


def find_all(text: str, needle: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(offset, length) of every match of `needle` lying wholly in text[start:end], in order."""
    if not needle or "\n" in needle:
        return []
    stop = len(text) if end is None else min(end, len(text))
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return [(m.start(), m.end() - m.start()) for m in pattern.finditer(text, max(0, start), stop)]


def replace_all(text: str, needle: str, replacement: str, start: int = 0, end: int | None = None) -> str:
    """The text with every match in [start, end) replaced (what the window's 全部替换 does, as a string)."""
    out, pos = [], 0
    for offset, length in find_all(text, needle, start, end):
        out.append(text[pos:offset])
        out.append(replacement)
        pos = offset + length
    out.append(text[pos:])
    return "".join(out)
