"""The find and replace bar under the editor (Ctrl+F finds, Ctrl+H replaces).

Made for the most common edit after reusing material from another 市/区: replacing names across the draft.
All by keyboard: the bar opens in 查找, holding the selected words; Enter there goes to the next match
(Shift+Enter the previous), Tab moves to 替换为, Enter there replaces the match and goes on, Alt+A replaces
every match as one undo step, Esc closes the bar and returns to the editor. With 仅在选区内 ticked (ticked
by itself when the bar opens on a selection of more than one paragraph) finding and replacing stay inside
that selection."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget

from desktop.core.find_replace import find_all
from desktop.ui.text_edits import DocumentPositions, apply_edits, utf16_length

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class _Replacement:
    offset: int
    length: int
    replacement: str


class _Field(QLineEdit):
    """A line edit that keeps Enter and Esc for itself: no window shortcut may take them from the bar."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (*_ENTER, Qt.Key.Key_Escape):
            event.accept()
            return True
        return super().event(event)


class FindReplaceBar(QWidget):
    closed = Signal()
    replaced = Signal(int)  # how many matches one command replaced

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self._range: QTextCursor | None = None  # the selection 仅在选区内 stays in, following edits

        self.find_edit = _Field()
        self.find_edit.setPlaceholderText("查找（回车：下一处）")
        self.find_edit.setMinimumWidth(180)
        self.replace_label = QLabel("替换为：")
        self.replace_edit = _Field()
        self.replace_edit.setPlaceholderText("替换为（回车：替换并查找下一处）")
        self.replace_edit.setMinimumWidth(180)
        self.in_selection = QCheckBox("仅在选区内")
        self.in_selection.setToolTip("只在打开查找栏时选中的文字中查找和替换")
        self.prev_button = QToolButton()
        self.prev_button.setText("上一处")
        self.next_button = QToolButton()
        self.next_button.setText("下一处")
        self.replace_button = QPushButton("替换(&R)")
        self.replace_all_button = QPushButton("全部替换(&A)")
        self.replace_all_button.setToolTip("替换全部匹配（仅在选区内时只替换选区中的），一步即可撤销")
        self.status = QLabel()
        self.status.setMinimumWidth(110)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip("关闭（Esc）")
        for button in (self.prev_button, self.next_button, self.close_button):
            button.setAutoRaise(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("查找："))
        layout.addWidget(self.find_edit)
        layout.addWidget(self.replace_label)
        layout.addWidget(self.replace_edit)
        layout.addWidget(self.in_selection)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.replace_button)
        layout.addWidget(self.replace_all_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        # Tab goes 查找 → 替换为 → 仅在选区内 → the buttons; the editor is one Esc away
        for a, b in ((self.find_edit, self.replace_edit), (self.replace_edit, self.in_selection)):
            QWidget.setTabOrder(a, b)

        self.find_edit.textChanged.connect(self._update_count)
        self.find_edit.installEventFilter(self)
        self.replace_edit.installEventFilter(self)
        self.in_selection.toggled.connect(self._selection_toggled)
        self.prev_button.clicked.connect(lambda: self.find_next(backwards=True))
        self.next_button.clicked.connect(lambda: self.find_next())
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        # The count follows the writer's edits after a pause: counting a long draft again at every keystroke
        # cost tens of milliseconds each.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(150)
        self._count_timer.timeout.connect(self._update_count_if_shown)
        editor.document().contentsChanged.connect(self._count_timer.start)
        self.set_replacing(False)

    # ---------------------------------------------------------------- opening and closing
    def set_replacing(self, replacing: bool) -> None:
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replacing)

    @property
    def replacing(self) -> bool:
        return not self.replace_edit.isHidden()

    def open(self, replacing: bool) -> None:
        """Show the bar for Ctrl+F (replacing False) or Ctrl+H: the selected words become the search."""
        self.set_replacing(replacing or self.replacing)
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
            self.in_selection.setChecked(False)
        elif "\u2029" in selected:  # a selection of several paragraphs: find within it
            self._range = QTextCursor(cursor)
            self.in_selection.blockSignals(True)
            self.in_selection.setChecked(True)
            self.in_selection.blockSignals(False)
        self.in_selection.setEnabled(self._range is not None)
        self._update_count()
        self.find_edit.setFocus()  # always here, so what is typed is the search; Tab goes on to 替换为
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.closed.emit()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in _ENTER:
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if watched is self.replace_edit and not backwards:
                self.replace_current()
            else:
                self.find_next(backwards)
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- matches
    def _bounds(self, text: str, positions: DocumentPositions) -> tuple[int, int]:
        if self.in_selection.isChecked() and self._range is not None:
            selection = self._range
            return positions.to_text(selection.selectionStart()), positions.to_text(selection.selectionEnd())
        return 0, len(text)

    def matches(self) -> tuple[str, DocumentPositions, list[tuple[int, int]]]:
        text = self.editor.toPlainText()
        positions = DocumentPositions(text)
        start, end = self._bounds(text, positions)
        return text, positions, find_all(text, self.find_edit.text(), start, end)

    def _current_index(self, positions: DocumentPositions, found: list[tuple[int, int]]) -> int | None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = positions.to_text(cursor.selectionStart()), positions.to_text(cursor.selectionEnd())
        for index, (offset, length) in enumerate(found):
            if (offset, offset + length) == (start, end):
                return index
        return None

    def find_next(self, backwards: bool = False) -> bool:
        if not self.find_edit.text():
            self.find_edit.setFocus()
            return False
        _, positions, found = self.matches()
        if not found:
            self._show_count(0, None)
            return False
        cursor = self.editor.textCursor()
        if backwards:
            here = positions.to_text(cursor.selectionStart())
            index = next((i for i in range(len(found) - 1, -1, -1) if found[i][0] < here), len(found) - 1)
        else:
            here = positions.to_text(cursor.selectionEnd() if cursor.hasSelection() else cursor.position())
            index = next((i for i, (offset, _) in enumerate(found) if offset >= here), 0)
        offset, length = found[index]
        self._select(positions, offset, length)
        self._show_count(len(found), index)
        return True

    def _select(self, positions: DocumentPositions, offset: int, length: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(positions.to_document(offset))
        cursor.setPosition(positions.to_document(offset + length), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    def replace_current(self) -> None:
        """Replace the selected match (if the selection is one) and go to the next."""
        text, positions, found = self.matches()
        index = self._current_index(positions, found)
        if index is not None:
            offset, length = found[index]
            apply_edits(self.editor, [_Replacement(offset, length, self.replace_edit.text())], text)
            self.replaced.emit(1)
            cursor = self.editor.textCursor()
            cursor.setPosition(positions.to_document(offset) + utf16_length(self.replace_edit.text()))
            self.editor.setTextCursor(cursor)
        self._count_timer.stop()  # counted by find_next below
        if not self.find_next():
            self._show_count(0, None)

    def replace_all(self) -> int:
        """Every match (in the selection when so ticked) replaced as one undo step."""
        text, _, found = self.matches()
        replacement = self.replace_edit.text()
        count = apply_edits(self.editor, [_Replacement(o, n, replacement) for o, n in found], text)
        self._count_timer.stop()  # what was replaced is the news, not the count after it
        self.status.setText(f"{self._where()}已替换 {count} 处" if count else f"{self._where()}未找到")
        self.replaced.emit(count)
        return count

    # ---------------------------------------------------------------- the count
    def _selection_toggled(self, checked: bool) -> None:
        self._update_count()

    def _update_count_if_shown(self) -> None:
        if self.isVisible() and self.find_edit.text():
            self._update_count()

    def _update_count(self) -> None:
        if not self.find_edit.text():
            self.status.setText("")
            return
        _, positions, found = self.matches()
        self._show_count(len(found), self._current_index(positions, found))

    def _where(self) -> str:
        return "选区内" if self.in_selection.isChecked() and self._range is not None else ""

    def _show_count(self, total: int, index: int | None) -> None:
        where = self._where()
        if not total:
            self.status.setText(f"{where}未找到")
        elif index is None:
            self.status.setText(f"{where}共 {total} 处")
        else:
            self.status.setText(f"第 {index + 1} / {total} 处")
