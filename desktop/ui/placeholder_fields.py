"""Tab through the placeholders of text just put into the editor (a phrase, a new speech's skeleton).

The first placeholder (XX, ××, 某某 …) is selected at once, so typing replaces it; Tab selects the next one
and Shift+Tab the previous, within the text that was inserted (its bounds follow the writer's edits).
When none is left there, or the cursor leaves that text, Tab is a plain Tab again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from desktop.core.bank.completion import placeholder_spans
from desktop.ui.text_edits import DocumentPositions


class PlaceholderFields(QObject):
    """One per editor (a child of it); `track_inserted` finds or makes it."""

    def __init__(self, editor: QPlainTextEdit):
        super().__init__(editor)
        self.setObjectName("placeholder_fields")
        self.editor = editor
        self._start: QTextCursor | None = None
        self._end: QTextCursor | None = None
        editor.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._start is not None

    def track(self, start: int, end: int) -> bool:
        """Watch the document span [start, end) and select its first placeholder; False when it has none."""
        document = self.editor.document()
        self._start, self._end = QTextCursor(document), QTextCursor(document)
        self._start.setPosition(start)
        self._start.setKeepPositionOnInsert(True)  # text typed just before the span is not part of it
        self._end.setPosition(end)
        if not self.step(backwards=False, from_position=start):
            self.clear()
            return False
        return True

    def clear(self) -> None:
        self._start = self._end = None

    def _spans(self) -> list[tuple[int, int]]:
        """(document position, length) of each placeholder left in the watched span."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._start.position())
        cursor.setPosition(self._end.position(), QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selectedText().replace("\u2029", "\n")
        positions = DocumentPositions(text)
        base = self._start.position()
        return [
            (base + positions.to_document(o), positions.to_document(o + n) - positions.to_document(o))
            for o, n in placeholder_spans(text)
        ]

    def step(self, backwards: bool, from_position: int | None = None) -> bool:
        """Select the next (or previous) placeholder of the span, wrapping round; False when none is left."""
        if self._start is None:
            return False
        spans = self._spans()
        if not spans:
            return False
        cursor = self.editor.textCursor()
        if backwards:
            here = cursor.selectionStart()
            chosen = next((s for s in reversed(spans) if s[0] < here), spans[-1])
        else:
            here = cursor.selectionEnd() if from_position is None else from_position
            chosen = next((s for s in spans if s[0] >= here), spans[0])
        cursor.setPosition(chosen[0])
        cursor.setPosition(chosen[0] + chosen[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        return True

    def eventFilter(self, watched, event) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress and self._start is not None:
            key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            tab = key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier
            backtab = key == Qt.Key.Key_Backtab
            if tab or backtab:
                cursor = self.editor.textCursor()
                inside = self._start.position() <= cursor.selectionStart() <= self._end.position()
                if inside and self.step(backwards=backtab):
                    return True
                self.clear()  # nothing left to fill here: Tab types a tab again
        return super().eventFilter(watched, event)


def track_inserted(editor: QPlainTextEdit, start: int, end: int) -> bool:
    """Select the first placeholder of the text at document positions [start, end) and let Tab go on."""
    fields = editor.findChild(PlaceholderFields, "placeholder_fields") or PlaceholderFields(editor)
    return fields.track(start, end)
