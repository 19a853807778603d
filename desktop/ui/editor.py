"""The draft editor: a QPlainTextEdit with wavy underlines for findings, tooltips and file drops."""

from __future__ import annotations

import bisect
import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from desktop.ui.finding_spans import FindingSpans
from desktop.ui.lint_adapter import LEVEL_NAMES, Finding
from desktop.ui.text_edits import DocumentPositions

log = logging.getLogger(__name__)

LEVEL_COLOURS = {"error": QColor("#d32f2f"), "warning": QColor("#e68a00"), "info": QColor("#1e88e5")}
LEVEL_RANKS = {"info": 0, "warning": 1, "error": 2}
UNDERLINED_ABOVE = 30  # paragraphs above the screen whose findings are underlined too


class DraftEditor(QPlainTextEdit):
    files_dropped = Signal(list)  # local file paths dropped on the editor

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(12)
        self.document().setModified(False)  # the margin change counts as a modification
        self.findings: list[Finding] = []
        self._starts: list[int] = []  # the findings' offsets in the checked text, for F8
        self._spans = FindingSpans()
        self._all = 0  # the findings of the last check
        self._showing: set[int] | None = None  # ids of those shown, when not all are
        self._checked_text: str | None = None
        self._positions: DocumentPositions | None = None
        self._shown: tuple[int, int, int] | None = None  # the range whose underlines are shown
        self._revision = self.document().revision()  # an edit changes it, new formats alone do not
        self.setAcceptDrops(True)
        self.document().contentsChange.connect(self._document_changed)
        # Underlines follow the screen: after a scroll, a resize or lines added, once events settle.
        self._underline_timer = QTimer(self)
        self._underline_timer.setSingleShot(True)
        self._underline_timer.setInterval(0)
        self._underline_timer.timeout.connect(self.refresh_underlines)
        self.verticalScrollBar().valueChanged.connect(self._underlines_later)
        self.blockCountChanged.connect(self._underlines_later)

    # ---- findings ----
    def set_findings(
        self,
        findings: list[Finding],
        text: str | None = None,
        spans: FindingSpans | None = None,
        shown: list[Finding] | None = None,
    ) -> None:
        """Findings of a check of `text` (the editor's text by default), offsets in Python characters;
        `spans` when the checker's thread already made them; `shown`: those of them to show (all)."""
        if spans is None:
            spans = FindingSpans(findings, self.toPlainText() if text is None else text)
        self._spans = spans
        self._checked_text = text
        self._positions = None
        self._all = len(findings)
        self.show_only(findings if shown is None else shown)

    def show_only(self, findings: list[Finding]) -> None:
        """Of the last check's findings, underline and step through these (the others wait)."""
        self.findings = sorted(findings, key=lambda f: f.offset)
        self._starts = [f.offset for f in self.findings]
        self._showing = None if len(findings) == self._all else {id(f) for f in findings}
        self._shown = None
        self.refresh_underlines()

    def _showing_it(self, finding: Finding) -> bool:
        return self._showing is None or id(finding) in self._showing

    def _document_changed(self, position: int, removed: int, added: int) -> None:
        revision = self.document().revision()
        self._spans.record(position, removed, added, revision != self._revision)
        self._revision = revision

    def _underlines_later(self, *_args) -> None:
        if self.findings and not self._underline_timer.isActive():
            self._underline_timer.start()

    def visible_range(self) -> tuple[int, int]:
        """Document positions from some paragraphs above the screen to a screen below it (a small scroll
        then finds its underlines already there)."""
        block = self.firstVisibleBlock()
        first = block
        for _ in range(UNDERLINED_ABOVE):
            if not first.previous().isValid():
                break
            first = first.previous()
        last, bottom, height = block, self.contentOffset().y(), self.viewport().height()
        while bottom < 2 * height and last.next().isValid():
            bottom += self.blockBoundingRect(last).height()
            last = last.next()
        return first.position(), last.position() + last.length()

    def refresh_underlines(self) -> None:
        """Wavy underlines for the findings on and near the screen only: with tens of thousands of findings,
        one selection each made every keystroke and every paint walk them all."""
        from PySide6.QtGui import QTextCharFormat  # with the first findings, after the first paint
        from PySide6.QtWidgets import QTextEdit

        start, end = self.visible_range() if self.findings else (0, 0)
        if (start, end, len(self._spans)) == self._shown:
            return
        self._shown = (start, end, len(self._spans))
        length = self.document().characterCount() - 1
        selections = []
        # Where underlines overlap the later one is drawn: hints first, errors last.
        spans = (s for s in self._spans.in_range(start, end) if self._showing_it(s[2]))
        shown = sorted(spans, key=lambda s: LEVEL_RANKS.get(s[2].level, 0))
        formats: dict[int, QTextCharFormat] = {}
        for a, b, finding in shown:
            if a > length:
                continue
            fmt = formats.get(id(finding))
            if fmt is None:
                fmt = formats[id(finding)] = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(LEVEL_COLOURS.get(finding.level, LEVEL_COLOURS["info"]))
                fmt.setToolTip(self.tooltip_for(finding))
            cursor = QTextCursor(self.document())
            cursor.setPosition(a)
            # An empty span (a missing item) is underlined on one character so it can be seen.
            cursor.setPosition(min(length, max(b, a + 1)), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    @staticmethod
    def tooltip_for(finding: Finding) -> str:
        text = f"{LEVEL_NAMES.get(finding.level, finding.level)} {finding.code}：{finding.message}"
        if finding.fix is not None:
            what = finding.fix.label or "修正"
            text += f"\n（按 Alt+Enter 或在“检查”中{what}）"
        return text

    def findings_at(self, position: int) -> list[Finding]:
        """Findings underlined at a document position."""
        return [f for f in self._spans.at(position) if self._showing_it(f)]

    def finding_span(self, finding: Finding) -> tuple[int, int] | None:
        """Where a finding is in the document now (QTextDocument positions), None if edited away."""
        return self._spans.where(finding)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._underlines_later()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(self.viewport().mapFrom(self, event.pos()))
            found = self.findings_at(cursor.position())
            if found:
                QToolTip.showText(event.globalPos(), "\n".join(self.tooltip_for(f) for f in found), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def next_finding(self, backwards: bool = False) -> Finding | None:
        """The finding after (or before) the cursor, wrapping around the document."""
        if not self.findings:
            return None
        # a finding jumped to is selected; compared in the checked text's Python offsets
        pos = self._checked_offset(self._spans.to_checked(self.textCursor().selectionStart()))
        if backwards:
            index = bisect.bisect_left(self._starts, pos) - 1
            return self.findings[index]  # -1 wraps to the last
        index = bisect.bisect_right(self._starts, pos)
        return self.findings[index % len(self.findings)]

    def _checked_offset(self, position: int) -> int:
        if self._positions is None:
            self._positions = DocumentPositions(
                self.toPlainText() if self._checked_text is None else self._checked_text
            )
        return self._positions.to_text(position)

    def go_to_finding(self, finding: Finding) -> None:
        span = self.finding_span(finding)
        if span is not None:
            self.go_to(span[0], span[1] - span[0])

    # ---- navigation ----
    def go_to(self, offset: int, length: int = 0) -> None:
        size = self.document().characterCount() - 1
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(offset, size)))
        if length:
            cursor.setPosition(max(0, min(offset + length, size)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(max(0, line))
        if block.isValid():
            self.go_to(block.position())

    def replace_range(self, offset: int, length: int, replacement: str) -> None:
        """One undo step that replaces text[offset:offset+length]."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(offset)
        cursor.setPosition(offset + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        cursor.endEditBlock()

    # ---- drops: files open, text is inserted as usual ----
    def _local_files(self, mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if self._local_files(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._local_files(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        files = self._local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
            return
        super().dropEvent(event)
