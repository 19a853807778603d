"""Presenting diagnostics: positions, text and JSON lines, and gathering a defect that runs through the
whole file (a web copy with half-width commas everywhere) into one finding instead of a hundred."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence

from desktop.core.lint.fixes import fix_label
from desktop.core.lint.model import Diagnostic, Fix

GATHERED_CODES = ("GW103", "GW201", "GW301")
GATHER_OVER = 5

_GATHERED_WHAT = {"GW103": "处序号格式不规范", "GW201": "处半角标点", "GW301": "处遗留占位符"}
_GATHERED_DO = {
    "GW103": "应照「一、（一）1.（1）」的规范写法",
    "GW201": "中文里应用全角（，；：？！（））",
    "GW301": "请逐一填上实际内容",
}
_GATHERED_FIX = {"GW103": "逐处改正序号写法", "GW201": "逐处改为全角标点", "GW301": "逐处改正"}


class Positions:
    """1-based line and column of an offset, by binary search over line starts."""

    def __init__(self, text: str):
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line_column(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def gather(text: str, diagnostics: Sequence[Diagnostic], over: int = GATHER_OVER) -> list[Diagnostic]:
    """Merge each gathered code's findings into one when a file has more than `over` of them."""
    out: list[Diagnostic] = []
    positions = Positions(text)
    for code in GATHERED_CODES:
        group = [d for d in diagnostics if d.code == code]
        if len(group) <= over:
            continue
        spots = tuple(s for d in group for s in (d.spots or ((d.offset, d.length),)))
        edits = tuple(e for d in group if d.fix is not None for e in d.fix.edits)
        safe = all(d.fix is not None and d.fix.safe for d in group)
        label = f"{_GATHERED_FIX[code]}（共 {len(edits)} 处）"
        fix = Fix(edits, safe, label) if edits and all(d.fix is not None for d in group) else None
        lines = sorted({positions.line_column(o)[0] for o, _ in spots})
        shown = "、".join(str(n) for n in lines[:12]) + ("等" if len(lines) > 12 else "")
        first = group[0]
        message = f"全文共 {len(spots)} {_GATHERED_WHAT[code]}（第{shown}行），{_GATHERED_DO[code]}"
        if code == "GW103":
            message += f"；如{first.message}"
        span_end = max(o + n for o, n in spots)
        out.append(
            Diagnostic(first.code, first.name, first.level, message, first.offset, span_end - first.offset, fix, spots)
        )
    kept = [d for d in diagnostics if not any(g.code == d.code for g in out)]
    return sorted([*kept, *out], key=lambda d: (d.offset, d.code))


def to_json_obj(file: str, text: str, d: Diagnostic, positions: Positions) -> dict:
    line, column = positions.line_column(d.offset)
    fix = None
    if d.fix is not None:
        fix = {
            "offset": d.fix.offset,
            "length": d.fix.length,
            "replacement": d.fix.replacement_in(text),
            "label": fix_label(d.fix, text),
            "safe": d.fix.safe,
        }
    obj = {
        "file": file,
        "code": d.code,
        "name": d.name,
        "level": d.level.value,
        "message": d.message,
        "line": line,
        "column": column,
        "offset": d.offset,
        "length": d.length,
        "fix": fix,
    }
    if d.spots:
        obj["spots"] = [{"offset": o, "length": n} for o, n in d.spots]
    return obj


def format_text(file: str, d: Diagnostic, positions: Positions) -> str:
    line, column = positions.line_column(d.offset)
    return f"{file}:{line}:{column}: {d.code} {d.message}"


def dumps(objs: list[dict]) -> str:
    return json.dumps(objs, ensure_ascii=False, indent=1)
