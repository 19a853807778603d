"""The draft editor: a QPlainTextEdit with wavy underlines for findings, tooltips and file drops."""

from __future__ import annotations

import bisect
import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from desktop.ui.lint_adapter import LEVEL_NAMES, Finding

log = logging.getLogger(__name__)

LEVEL_COLOURS = {"error": QColor("#d32f2f"), "warning": QColor("#e68a00"), "info": QColor("#1e88e5")}


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
        self._starts: list[int] = []
        self.setAcceptDrops(True)

    # ---- findings ----
    def set_findings(self, findings: list[Finding]) -> None:
        from PySide6.QtGui import QTextCharFormat  # with the first findings, after the first paint
        from PySide6.QtWidgets import QTextEdit

        self.findings = sorted(findings, key=lambda f: f.offset)
        self._starts = [f.offset for f in self.findings]
        selections = []
        length = self.document().characterCount() - 1
        for finding in self.findings:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(LEVEL_COLOURS.get(finding.level, LEVEL_COLOURS["info"]))
            fmt.setToolTip(self.tooltip_for(finding))
            for offset, size in finding.spots or ((finding.offset, finding.length),):
                if offset > length:
                    continue
                cursor = QTextCursor(self.document())
                cursor.setPosition(offset)
                # An empty span (a missing item) is underlined on one character so it can be seen.
                cursor.setPosition(min(length, offset + max(size, 1)), QTextCursor.MoveMode.KeepAnchor)
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
        return [
            f
            for f in self.findings
            if any(o <= position < o + max(n, 1) for o, n in (f.spots or ((f.offset, f.length),)))
        ]

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
        pos = self.textCursor().selectionStart()  # a finding jumped to is selected
        if backwards:
            index = bisect.bisect_left(self._starts, pos) - 1
            return self.findings[index]  # -1 wraps to the last
        index = bisect.bisect_right(self._starts, pos)
        return self.findings[index % len(self.findings)]

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
