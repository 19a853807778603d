"""The phrase palette: a keyboard-only search over the whole bank (Ctrl+K by default).

Type Chinese (through the IME) or pinyin initials; ↑/↓ move, Enter inserts at the editor's cursor,
Esc closes. The palette is a small dialog: it takes focus for its search box, then gives it back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout

from desktop.core.mining.model import KIND_NAMES
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.chords import DEFAULT_PALETTE_CHORD, apply_chord
from desktop.ui.phrases.insertion import insert_phrase, paragraph_at_cursor
from desktop.ui.phrases.query_runner import QueryRunner

PALETTE_LIMIT = 60


class PhrasePalette(QDialog):
    accepted_phrase = Signal(str)

    def __init__(self, editor: QPlainTextEdit, provider: BankProvider, chord: str | None = DEFAULT_PALETTE_CHORD):
        """chord None: no shortcut of its own (a window action calls `open_palette`)."""
        super().__init__(editor.window(), Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.editor = editor
        self.provider = provider
        self.setObjectName("phrasePalette")
        self.setStyleSheet("#phrasePalette { border: 1px solid #8aa4c8; background: white; }")
        self.search = QLineEdit()
        self.search.setPlaceholderText("查找素材：文字或拼音首字母，Enter 插入，Esc 关闭")
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #777")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(520, 360)
        self.runner = QueryRunner(self)
        self.runner.ready.connect(self._show)
        self.search.textChanged.connect(lambda: self.refresh(40))
        self.search.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept_current())
        self.shortcut = QShortcut(editor.window())
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.open_palette)
        if chord is not None:
            self.set_chord(chord)
        self.results: list = []

    def set_chord(self, chord: str) -> None:
        apply_chord(self.shortcut, chord)

    def open_palette(self) -> None:
        editor_rect = self.editor.rect()
        top_left = self.editor.mapToGlobal(editor_rect.topLeft())
        self.move(top_left.x() + max(0, (editor_rect.width() - self.width()) // 2), top_left.y() + 40)
        self.search.clear()
        self.refresh(0)
        self.show()
        self.activateWindow()
        self.search.setFocus()

    def refresh(self, delay_ms: int = 0) -> None:
        query = self.search.text().strip()
        _before, paragraph = paragraph_at_cursor(self.editor)
        provider = self.provider
        self.runner.request(lambda: provider.group().rank(query, context=paragraph, limit=PALETTE_LIMIT), delay_ms)

    def _show(self, results) -> None:
        self.results = results
        self.list.clear()
        for r in results:
            self.list.addItem(QListWidgetItem(f"{r.text}　{KIND_NAMES.get(r.kind, r.kind)} · {r.count} 次"))
        if results:
            self.list.setCurrentRow(0)
        self.hint.setText(f"{len(results)} 条" if results else "没有找到素材")

    def accept_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.results):
            text = self.results[row].text
            self.hide()
            insert_phrase(self.editor, text)
            self.editor.activateWindow()
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.accepted_phrase.emit(text)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                self.list.setCurrentRow(max(0, min(self.list.currentRow() + step, self.list.count() - 1)))
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = 8 if key == Qt.Key.Key_PageDown else -8
                self.list.setCurrentRow(max(0, min(self.list.currentRow() + step, self.list.count() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if not self.runner.idle():
                    self.runner.wait(2000)  # the list may lag one keystroke: insert what was asked for
                    from PySide6.QtCore import QCoreApplication

                    QCoreApplication.processEvents()
                self.accept_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
