"""Where the findings of the last check are in the editor now, without a cursor per finding.

A check's findings come with Python offsets into the text it checked. The editor underlines only what is
on screen, so it needs, for any part of the document as it is now, the findings there; and for a finding,
where it is now. `FindingSpans` keeps the findings' spans in QTextDocument positions (UTF-16: a character
beyond the BMP such as 𬌗 takes two) of the checked text, and the edits made since, and maps through them.
Nothing here walks all findings per keystroke: an edit is appended to the log (typing merges into the last
entry), and a look-up costs a bisection plus the edits since the check.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop.ui.lint_adapter import Finding
from desktop.ui.text_edits import DocumentPositions

LONG_SPAN = 4000  # longer spans (a whole paragraph flagged) are kept aside and always considered


@dataclass
class _Edit:
    position: int
    removed: int
    added: int


class FindingSpans:
    def __init__(self, findings: Sequence[Finding] = (), text: str = ""):
        positions = DocumentPositions(text)
        spans = []  # (start, end, finding) in document positions of `text`
        for finding in findings:
            for offset, size in finding.spots or ((finding.offset, finding.length),):
                start = positions.to_document(offset)
                spans.append((start, positions.to_document(offset + size), finding))
        spans.sort(key=lambda s: s[0])
        self._short = [s for s in spans if s[1] - s[0] <= LONG_SPAN]
        self._long = [s for s in spans if s[1] - s[0] > LONG_SPAN]
        self._starts = [s[0] for s in self._short]
        self._edits: list[_Edit] = []
        self._first_positions: dict[int, tuple[int, int]] = {}  # id(finding) -> its first span, as checked
        for start, end, finding in spans:
            self._first_positions.setdefault(id(finding), (start, end))

    def __len__(self) -> int:
        return len(self._short) + len(self._long)

    # ---- edits since the check ----
    def record(self, position: int, removed: int, added: int, text_changed: bool = True) -> None:
        """QTextDocument.contentsChange. A change of formats alone reports equal counts and leaves the
        document's revision as it was: it moves nothing."""
        if removed == added == 0 or (removed == added and not text_changed):
            return
        last = self._edits[-1] if self._edits else None
        if last is not None and last.removed == 0:
            if removed == 0 and position == last.position + last.added:
                last.added += added  # typing on
                return
            if added == 0 and position + removed == last.position + last.added and removed <= last.added:
                last.added -= removed  # taking back what was just typed
                return
        self._edits.append(_Edit(position, removed, added))

    def _forward(self, x: int, end: bool) -> int:
        """A position of the checked text → now. Text typed at a span's start or end stays outside it; a span
        whose edge was removed or replaced keeps what is left of it."""
        for e in self._edits:
            p, removed, added = e.position, e.removed, e.added
            if end:
                if x > p + removed:
                    x += added - removed
                elif x > p:
                    x = p
            elif x >= p + removed:
                x += added - removed
            elif x >= p:
                x = p + added
        return x

    def _backward(self, x: int, end: bool) -> int:
        """Now → the checked text, for choosing candidates: may widen, never narrows."""
        for e in reversed(self._edits):
            if x >= e.position + e.added:
                x -= e.added - e.removed
            elif x > e.position:
                x = e.position + (e.removed if end else 0)
        return x

    def now(self, start: int, end: int) -> tuple[int, int] | None:
        """A span of the checked text where it is now; None when the edits removed it all."""
        if not self._edits:
            return start, end
        new_start, new_end = self._forward(start, False), self._forward(end, True)
        if new_end <= new_start and end > start:
            return None
        return new_start, max(new_start, new_end)

    # ---- look-ups ----
    def in_range(self, start: int, end: int) -> Iterator[tuple[int, int, Finding]]:
        """Spans (now) that touch [start, end) of the document now, with their findings."""
        a, b = self._backward(start, False), self._backward(end, True)
        lo = bisect.bisect_left(self._starts, a - LONG_SPAN)
        hi = bisect.bisect_right(self._starts, b)
        for s, e, finding in (*self._short[lo:hi], *self._long):
            if e < a or s > b:
                continue
            span = self.now(s, e)
            if span is not None and span[0] <= end and max(span[1], span[0] + 1) > start:
                yield span[0], span[1], finding

    def at(self, position: int) -> list[Finding]:
        """Findings whose span (at least one character) holds `position` now."""
        found: list[Finding] = []
        for s, e, finding in self.in_range(position, position + 1):
            if s <= position < max(e, s + 1) and all(f is not finding for f in found):
                found.append(finding)
        return found

    def where(self, finding: Finding) -> tuple[int, int] | None:
        """The finding's (first) span now, in document positions."""
        span = self._first_positions.get(id(finding))
        return None if span is None else self.now(*span)

    def to_checked(self, position: int) -> int:
        """A document position now → the matching position in the checked text (for F8 from the cursor)."""
        return self._backward(position, False)
