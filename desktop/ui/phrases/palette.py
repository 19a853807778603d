"""The phrase palette: a keyboard-only search over the whole bank (Ctrl+K by default).

Type Chinese (through the IME) or pinyin initials; ↑/↓ move, Enter inserts at the editor's cursor,
Esc closes. The palette is a small dialog: it takes focus for its search box, then gives it back.
Each row shows the phrase with its category and count, and under it a preview: the phrase in its
first source sentence, a clause each side.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
)

from desktop.core.mining.model import KIND_NAMES, Phrase
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.chords import DEFAULT_PALETTE_CHORD, apply_chord
from desktop.ui.phrases.concordance_panel import keyword_in_context
from desktop.ui.phrases.insertion import insert_phrase, paragraph_at_cursor
from desktop.ui.phrases.query_runner import QueryRunner

PALETTE_LIMIT = 60
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1  # 四字格 · 12 次
PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 2  # …the phrase in its source sentence…


def preview_of(phrase: Phrase) -> str:
    """The phrase in its first source sentence, a clause each side (the writer's own phrases have no
    source: no preview)."""
    if not phrase.sources:
        return ""
    left, middle, right = keyword_in_context(phrase.sources[0].sentence, phrase.text)
    return left + middle + right


class _RowDelegate(QStyledItemDelegate):
    """Two lines a row: the phrase with its category on the right, the preview under it in grey."""

    def sizeHint(self, option, index) -> QSize:
        return QSize(1, option.fontMetrics.height() * 2 + 8)  # as wide as the list, never wider

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        text, option.text = option.text, ""
        style = option.widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ink, grey = option.palette.color(role), QColor("#dddddd" if selected else "#777777")
        metrics, rect = option.fontMetrics, option.rect.adjusted(6, 3, -6, -3)
        line = metrics.height()
        category = index.data(CATEGORY_ROLE) or ""
        room = rect.width() - metrics.horizontalAdvance(category) - 12
        painter.save()
        painter.setPen(ink)
        painter.drawText(rect.x(), rect.y(), room, line, Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
        painter.setPen(grey)
        painter.drawText(rect.x(), rect.y(), rect.width(), line, Qt.AlignmentFlag.AlignRight, category)
        preview = index.data(PREVIEW_ROLE) or ""
        indent = 12
        painter.drawText(rect.x() + indent, rect.y() + line + 2, rect.width() - indent, line,
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(preview, Qt.TextElideMode.ElideRight, rect.width() - indent))
        painter.restore()


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
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(_RowDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #777")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(560, 420)
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
        # suggest: ranked as before, with the sources the previews are cut from
        self.runner.request(
            lambda: provider.group().suggest(query, context=paragraph, limit=PALETTE_LIMIT), delay_ms
        )

    def _show(self, results: list[Phrase]) -> None:
        self.results = results
        self.list.clear()
        for phrase in results:
            row = QListWidgetItem(phrase.text)
            row.setData(CATEGORY_ROLE, f"{KIND_NAMES.get(phrase.kind, phrase.kind)} · {phrase.count} 次")
            row.setData(PREVIEW_ROLE, preview_of(phrase))
            if phrase.sources:
                source = phrase.sources[0]
                row.setToolTip(f"{source.sentence}\n——《{source.label}》")
            self.list.addItem(row)
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
