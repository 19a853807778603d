"""Candidates for the completion popup, from the text before the cursor.

In order: the first item of a parallel run (早审批、 → 早审批、早落地、早建设), a phrase begun at the cursor
(久久 → 久久为功, the longest begun part wins), and otherwise the phrases the paragraph is about. Each
candidate says how many characters before the cursor it replaces. Letters typed while the popup is
open filter by pinyin initials (of the whole phrase, or of the part after what is already typed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from desktop.core.bank.store import RankedPhrase

MAX_BEGUN = 6  # characters of a begun phrase looked at
_RUN_ITEM = re.compile(r"([\u3400-\u9fff]{1,8})、$")
_HAN_TAIL = re.compile(r"[\u3400-\u9fff]{1,12}$")


class Ranker(Protocol):
    def rank(
        self, query: str = "", *, kind: str | None = None, context: str = "", limit: int = 10
    ) -> list[RankedPhrase]: ...


@dataclass(frozen=True)
class Candidate:
    text: str
    kind: str
    initials: str
    pattern: str
    replace: int  # characters before the cursor this candidate replaces
    count: int = 0


@dataclass
class Completion:
    mode: str  # "parallel", "begun", "context" or "initials"
    typed: str  # the text before the cursor the candidates replace ("" in context mode)
    candidates: list[Candidate]


def _candidate(r: RankedPhrase, replace: int) -> Candidate:
    return Candidate(r.text, r.kind, r.initials, r.pattern, replace, r.count)


def complete(bank: Ranker, before: str, paragraph: str = "", limit: int = 45) -> Completion:
    """Candidates for the cursor after `before` (the paragraph's text up to the cursor)."""
    run = _RUN_ITEM.search(before)
    if run:
        item = run.group(1)
        # First runs that start with the typed item, then runs that contain it.
        for size, starts in [(n, True) for n in range(min(len(item), MAX_BEGUN), 0, -1)] + [
            (n, False) for n in range(min(len(item), MAX_BEGUN), 0, -1)
        ]:
            typed = item[-size:] + "、"
            # A run mined with its lead-in (我们要早审批、早落地…) is offered from the typed item on.
            found: dict[str, Candidate] = {}
            # Filtered here, not by rank(kind=...): a kind filter on a text range makes SQLite walk
            # every phrase of that kind (13 ms a query on 100k phrases instead of 0.1 ms).
            for r in (r for r in bank.rank(typed, limit=limit * 2) if r.kind == "parallel"):
                at = r.text.find(typed)
                rest = r.text[at:] if at == 0 or (at > 0 and not starts) else ""
                if rest and rest != typed and rest not in found:
                    found[rest] = Candidate(rest, r.kind, r.initials[at:] if at else r.initials, r.pattern,
                                            len(typed), r.count)
            if found:
                return Completion("parallel", typed, list(found.values()))
    tail = _HAN_TAIL.search(before)
    if tail:
        han = tail.group(0)
        for size in range(min(len(han), MAX_BEGUN), 0, -1):
            typed = han[-size:]
            found = [
                r
                for r in bank.rank(typed, context=paragraph, limit=limit)
                if r.match == 2 and r.text != typed
            ]
            if found:
                return Completion("begun", typed, [_candidate(r, size) for r in found])
    # 相关 as the 素材 tab ranks it: context blended with how widespread a phrase is (ranking.py).
    ranked = bank.rank("", context=paragraph, limit=limit)
    return Completion("context", "", [_candidate(r, 0) for r in ranked])


def filter_by_letters(
    bank: Ranker, completion: Completion, letters: str, paragraph: str = "", limit: int = 45
) -> list[Candidate]:
    """The candidates whose initials start with `letters` — or continue with them after the part
    already typed; when none does, phrases of the whole bank with these initials."""
    letters = letters.lower()
    if not letters:
        return completion.candidates
    typed_len = len(completion.typed.rstrip("、"))
    kept = [
        c
        for c in completion.candidates
        if c.initials.startswith(letters) or (typed_len and c.initials[typed_len:].startswith(letters))
    ]
    if kept:
        return kept
    return [_candidate(r, 0) for r in bank.rank(letters, context=paragraph, limit=limit)]


# XX, ××, 某某, and the single X the miner writes for a date or a figure (X月X日, X%), not a Latin word's X
_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])[XＸ]{1,4}(?![A-Za-z])|(?<![A-Za-z0-9])x{2,3}(?![A-Za-z])|×{2,}|○{2,}|某某"
)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, length) of every placeholder in inserted text, in order: what Tab selects one by one."""
    return [(m.start(), m.end() - m.start()) for m in _PLACEHOLDER.finditer(text)]


def first_placeholder(text: str) -> tuple[int, int] | None:
    """(start, length) of the first placeholder (XX, ××, 某某 …) in an inserted phrase."""
    spans = placeholder_spans(text)
    return spans[0] if spans else None
