"""Semantic highlighting from the outline: title, headings by level, run-in headings, 一是/二是, placeholders.

The outline arrives from the live checker with the line numbers of the snapshot it parsed. Until the
next analysis a line keeps its format only while its text still starts with the marker that was parsed,
so a heading typed away loses its colour at once and never paints the wrong line. Placeholders are
found per line, so they show while typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter

from desktop.ui.text_edits import WIDE, DocumentPositions

if TYPE_CHECKING:  # formats are made, and outlines arrive from the checker, after the first paint
    from PySide6.QtGui import QTextCharFormat

    from desktop.core.outline import Outline

PLACEHOLDER = re.compile(r"[Xx]{2,}|×+(?![\d０-９])|○○|\*{3,}|某某|【待补】|[xX]年[xX]月")


def _fmt(
    colour: str,
    bold: bool = False,
    size_delta: float = 0,
    background: str | None = None,
    italic: bool = False,
) -> QTextCharFormat:
    from PySide6.QtGui import QTextCharFormat

    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


@cache
def formats() -> dict[str, QTextCharFormat]:
    """The format of each role, made at the first use (after the first paint: a new draft has none)."""
    return {
        "title": _fmt("#8b0000", bold=True),
        "subtitle": _fmt("#8b0000"),
        "byline": _fmt("#5d4037", italic=True),
        "salutation": _fmt("#5d4037", bold=True),
        "heading1": _fmt("#0d47a1", bold=True),
        "heading2": _fmt("#1565c0", bold=True),
        "heading3": _fmt("#00695c", bold=True),
        "heading4": _fmt("#2e7d32", bold=True),
        "run_marker": _fmt("#6a1b9a", bold=True),
        "placeholder": _fmt("#ffffff", bold=True, background="#e53935"),
        "boilerplate": _fmt("#9e9e9e"),
    }


@dataclass(frozen=True)
class Span:
    start: int  # in the line
    length: int
    role: str
    expect: (
        str  # the text the line must still have at start for the span to apply (a marker, the line's head)
    )


def line_styles(outline: Outline) -> dict[int, tuple[Span, ...]]:
    """Spans to paint, by line number, from one outline."""
    from desktop.core.lint.report import Positions
    from desktop.core.outline import BlockKind

    text = outline.text
    positions = Positions(text)
    styles: dict[int, list[Span]] = {}

    def add(offset: int, length: int, role: str, expect_len: int) -> None:
        line, column = positions.line_column(offset)
        line, rel = line - 1, column - 1
        styles.setdefault(line, []).append(
            Span(rel, length, role, text[offset : offset + min(length, expect_len)])
        )

    for block in outline.blocks:
        length = block.end - block.start
        if block.boilerplate:
            add(block.start, length, "boilerplate", 8)
        elif block.kind in (BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.BYLINE, BlockKind.SALUTATION):
            add(block.start, length, block.kind.value, 8)
        elif block.heading is not None:
            h = block.heading
            end = h.title_end if h.run_in else block.end
            add(
                h.marker_start,
                end - h.marker_start,
                f"heading{min(4, max(1, h.level))}",
                h.marker_end - h.marker_start,
            )
    for run in getattr(outline, "runs", []):
        for item in run.items:
            add(item.start, item.end - item.start, "run_marker", item.end - item.start)
    return {line: tuple(spans) for line, spans in styles.items()}


class OutlineHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
        self.styles: dict[int, tuple[Span, ...]] = {}

    def set_outline(self, outline: Outline, styles: dict[int, tuple[Span, ...]] | None = None) -> None:
        """Colours from an outline; `styles` when line_styles was already run (in the checker's thread)."""
        new = line_styles(outline) if styles is None else styles
        changed = {n for n in set(new) | set(self.styles) if new.get(n) != self.styles.get(n)}
        self.styles = new
        doc = self.document()
        # New colours are not an edit: without this each restyled line emits contentsChanged, which
        # counts as a new revision (the analysis just shown goes stale and the whole draft is checked
        # again) and refreshes the 素材 list once per heading. The layout still repaints the lines.
        was_blocked = doc.blockSignals(True)
        try:
            for number in sorted(changed):
                block = doc.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
        finally:
            doc.blockSignals(was_blocked)

    def highlightBlock(self, text: str) -> None:
        # setFormat counts UTF-16 code units: a character beyond the BMP (𬌗) before a span takes two
        at = DocumentPositions(text).to_document if WIDE.search(text) else None

        def paint(start: int, end: int, role: str) -> None:
            if at is not None:
                start, end = at(start), at(end)
            self.setFormat(start, end - start, formats()[role])

        for span in self.styles.get(self.currentBlock().blockNumber(), ()):
            # Until the next analysis, a span applies only where its text is still there.
            if text.startswith(span.expect, span.start):
                paint(span.start, min(span.start + span.length, len(text)), span.role)
        for m in PLACEHOLDER.finditer(text):
            if m.group() == "×" and text[max(0, m.start() - 2) : m.start()] == "要素":
                continue
            paint(m.start(), m.end(), "placeholder")
