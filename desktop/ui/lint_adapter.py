"""The one place the window talks to the structure checker.

The window needs: analyse(text) -> outline + findings, and the rule catalogue for the settings dialog.
`desktop.core.lint` is used when it is installed; until then a small interim checker here covers the
rules the window's behaviour depends on (placeholders, half-width punctuation, marker format), with
the codes and messages of the rule table, so the window works and is tested end to end either way.
Runs in worker threads: pure Python, no Qt.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass

from desktop.core.ignores import IgnoreKey
from desktop.core.outline import Outline, parse_outline

log = logging.getLogger(__name__)

LEVELS = ("error", "warning", "info")
LEVEL_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Fix:
    offset: int
    length: int
    replacement: str
    safe: bool


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    level: str  # error / warning / info
    message: str
    offset: int
    length: int
    line: int  # 0-based
    fix: Fix | None = None

    @property
    def end(self) -> int:
        return self.offset + self.length


@dataclass
class Analysis:
    revision: int
    text: str
    outline: Outline
    findings: list[Finding]
    ignored: int = 0


def _engine():
    try:
        return importlib.import_module("desktop.core.lint")
    except ImportError:
        return None


def _convert(d, text: str) -> Finding:
    fix = getattr(d, "fix", None)
    if fix is not None and not isinstance(fix, Fix):
        fix = Fix(fix.offset, fix.length, fix.replacement, bool(getattr(fix, "safe", False)))
    level = str(getattr(d.level, "value", d.level))
    return Finding(d.code, getattr(d, "name", d.code), level, d.message, d.offset, d.length,
                   text.count("\n", 0, d.offset), fix)


def rule_catalogue() -> list[tuple[str, str]]:
    """(code, Chinese description) of every rule, for the settings dialog."""
    engine = _engine()
    rules = getattr(engine, "RULES", None) if engine else None
    if rules:
        return [(r.code, getattr(r, "title", None) or getattr(r, "name", r.code)) for r in rules]
    return list(_INTERIM_RULES.items())


def analyse(revision: int, text: str, disabled: frozenset[str] = frozenset(),
            ignores: frozenset[IgnoreKey] = frozenset()) -> Analysis:
    """Parse the outline and check the text; drop disabled rules and spots the writer ignored."""
    outline = parse_outline(text)
    engine = _engine()
    lint_text = getattr(engine, "lint_text", None) if engine else None
    if lint_text is not None:
        raw = [_convert(d, text) for d in lint_text(text)]
    else:
        raw = _interim_lint(text)
    findings, ignored = [], 0
    for f in sorted(raw, key=lambda f: (f.offset, f.code)):
        if f.code in disabled:
            continue
        if ignores and IgnoreKey.at(text, f.code, f.offset, f.length) in ignores:
            ignored += 1
            continue
        findings.append(f)
    return Analysis(revision, text, outline, findings, ignored)


# ---- interim checker (replaced by desktop.core.lint when it is present) ----

_INTERIM_RULES = {
    "GW103": "序号格式（如 1、→1.）",
    "GW201": "中文中的半角标点",
    "GW301": "遗留占位符（XX、×、某某）",
}
_PLACEHOLDER = re.compile(r"[Xx]{2,}|×{1,}(?![\d０-９])|○○|\*{3,}|某某|【待补】|[xX]年[xX]月")
_HAN = r"[\u4e00-\u9fff“”‘’（）《》，。：；？！、]"
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_RE = re.compile(rf"(?<={_HAN})[,;:?!]|[,;:?!](?={_HAN})|\((?=[^()\n]*{_HAN})|(?<={_HAN})\)")
_MARKER_RE = re.compile(r"^(\s*)(\d{1,2})、", re.M)


def _interim_lint(text: str) -> list[Finding]:
    out: list[Finding] = []

    def add(code, level, message, start, end, fix=None):
        out.append(Finding(code, _INTERIM_RULES[code], level, message, start, end - start,
                           text.count("\n", 0, start), fix))

    for m in _PLACEHOLDER.finditer(text):
        if m.group() == "×" and text[max(0, m.start() - 2):m.start()] == "要素":
            continue  # 数据要素× is a policy term, not a placeholder
        add("GW301", "error", f"遗留占位符“{m.group()}”，请填写实际内容", m.start(), m.end())
    for m in _HALF_RE.finditer(text):
        full = _HALF[m.group()]
        add("GW201", "warning", f"中文中使用了半角“{m.group()}”，应为全角“{full}”", m.start(), m.end(),
            Fix(m.start(), 1, full, True))
    for m in _MARKER_RE.finditer(text):
        start = m.start(2)
        add("GW103", "warning", f"序号“{m.group(2)}、”格式不规范，应为“{m.group(2)}.”", start, m.end(),
            Fix(m.end() - 1, 1, ".", True))
    return out
