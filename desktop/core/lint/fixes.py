"""Apply fixes: safe ones only by default, in one pass that never lets two edits overlap."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.lint.model import Diagnostic, Edit


def choose_fixes(diagnostics: Iterable[Diagnostic], safe_only: bool = True) -> list[Diagnostic]:
    """The fixes to apply together: each whole, none touching another, earlier ones first."""
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    candidates = [d for d in diagnostics if d.fix is not None and (d.fix.safe or not safe_only)]
    for d in sorted(candidates, key=lambda d: (d.fix.offset, d.fix.length)):
        spans = [(e.offset, e.offset + e.length) for e in d.fix.edits]
        if any(_touches(a, b, x, y) for a, b in spans for x, y in taken):
            continue
        chosen.append(d)
        taken.extend(spans)
    return chosen


def _touches(a: int, b: int, x: int, y: int) -> bool:
    if a == b or x == y:  # an insertion touches what starts or ends where it is
        return x <= a <= y or a <= x <= b
    return a < y and x < b


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    out = text
    for edit in sorted(edits, key=lambda e: e.offset, reverse=True):
        out = out[: edit.offset] + edit.replacement + out[edit.offset + edit.length :]
    return out


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], safe_only: bool = True) -> tuple[str, list[Diagnostic]]:
    chosen = choose_fixes(diagnostics, safe_only)
    return apply_edits(text, [e for d in chosen for e in d.fix.edits]), chosen
