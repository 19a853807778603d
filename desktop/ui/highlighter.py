"""Semantic highlighting from the outline: title, headings by level, run-in headings, 一是/二是, placeholders.

The outline arrives from the live checker with the line numbers of the snapshot it parsed. Until the
next analysis a line keeps its format only while its text still starts with the marker that was parsed,
so a heading typed away loses its colour at once and never paints the wrong line. Placeholders and
inline run markers are found per line, so they show while typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from desktop.core.outline import BlockKind, Outline

PLACEHOLDER = re.compile(r"[Xx]{2,}|×+(?![\d０-９])|○○|\*{3,}|某某|【待补】|[xX]年[xX]月")
RUN_MARKER = re.compile(r"(?:^|(?<=[。；，：！？\s]))(?:[一二三四五六七八九十]+[是要来]|第[一二三四五六七八九十]+[，、]|首先|其次|再次|最后)(?=[，、：]|[^\s])")


def _fmt(colour: str, bold: bool = False, size_delta: float = 0, background: str | None = None,
         italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


FORMATS = {
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
}


@dataclass(frozen=True)
class LineStyle:
    expect: str  # the text the line must start with for the style to apply (the marker, or the line)
    spans: tuple[tuple[int, int, str], ...]  # (start in line, length, role)


def line_styles(outline: Outline) -> dict[int, LineStyle]:
    text = outline.text
    styles: dict[int, LineStyle] = {}
    for block in outline.blocks:
        line_start = text.rfind("\n", 0, block.start) + 1
        rel = block.start - line_start
        length = block.end - block.start
        if block.kind in (BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.BYLINE, BlockKind.SALUTATION):
            styles[block.line] = LineStyle(text[block.start:block.end][:12], ((rel, length, block.kind.value),))
        elif block.heading is not None:
            h = block.heading
            role = f"heading{min(4, max(1, h.level))}"
            end = h.title_end if h.run_in else block.end
            styles[block.line] = LineStyle(h.marker, ((h.marker_start - line_start, end - h.marker_start, role),))
    return styles


class OutlineHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
        self.styles: dict[int, LineStyle] = {}

    def set_outline(self, outline: Outline) -> None:
        new = line_styles(outline)
        changed = {n for n in set(new) | set(self.styles) if new.get(n) != self.styles.get(n)}
        self.styles = new
        doc = self.document()
        for number in sorted(changed):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:
        style = self.styles.get(self.currentBlock().blockNumber())
        if style is not None and text.lstrip().startswith(style.expect.strip()):
            for start, length, role in style.spans:
                self.setFormat(start, min(length, len(text) - start), FORMATS[role])
        for m in RUN_MARKER.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), FORMATS["run_marker"])
        for m in PLACEHOLDER.finditer(text):
            if m.group() == "×" and text[max(0, m.start() - 2):m.start()] == "要素":
                continue
            self.setFormat(m.start(), m.end() - m.start(), FORMATS["placeholder"])
