"""Stretches of a paragraph enclosed by paired marks: quotations “…” ‘…’ 「…」 and titles 《…》."""

from __future__ import annotations

import re
from functools import lru_cache

PAIRS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉"}


@lru_cache(maxsize=16)
def _marks(openers: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(openers + "".join(PAIRS[o] for o in openers)) + "]")


def enclosed(text: str, openers: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch from one of `openers` to its closing mark, both marks included.
    A mark left open encloses nothing: a missing ” must not silence the rest of the paragraph."""
    closer_of = {o: PAIRS[o] for o in openers}
    opener_of = {c: o for o, c in closer_of.items()}
    open_at: dict[str, list[int]] = {o: [] for o in openers}
    spans: list[tuple[int, int]] = []
    for m in _marks(openers).finditer(text):
        ch = m.group()
        if ch in closer_of:
            open_at[ch].append(m.start())
        elif open_at[opener_of[ch]]:
            spans.append((open_at[opener_of[ch]].pop(), m.end()))
    return spans


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)
