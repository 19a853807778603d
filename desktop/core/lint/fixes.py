"""Apply fixes: safe ones only by default, in one pass that never lets two edits overlap; and what each fix
is called where it is offered (the window, `gongwen lint --json`)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.lint.model import Diagnostic, Edit, Fix

_SHOWN = 16  # characters of a replacement quoted in a label; longer ones end in …


def fix_label(fix: Fix, text: str) -> str:
    """The fix in a few Chinese words (改为“其他”, 删去“的”, 重新编号): the rule's own label when it gave one,
    else what the one edit does to the text the finding was made on."""
    if fix.label:
        return fix.label
    if len(fix.edits) != 1:
        return f"逐处改正（{len(fix.edits)} 处）"
    edit = fix.edits[0]
    if not edit.replacement:
        return "删去" + _quoted(text[edit.offset : edit.offset + edit.length])
    if not edit.length:
        return "插入" + _quoted(edit.replacement)
    return "改为" + _quoted(edit.replacement)


def _quoted(part: str) -> str:
    """“part”, shortened to _SHOWN characters; 「part」 when it holds double quotes of its own."""
    if len(part) > _SHOWN:
        part = part[: _SHOWN - 1] + "…"
    return f"「{part}」" if "“" in part or "”" in part else f"“{part}”"


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
