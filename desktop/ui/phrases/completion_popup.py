"""The completion popup: an input-method style candidate window at the text cursor.

It never takes focus: the editor keeps it (and with it any IME composition), and the popup reads the
editor's keys through an event filter. While it is open the editor's input method is switched off, so
letters arrive raw and filter the candidates by pinyin initials; it is switched back on when the popup
closes. It does not open while the IME is composing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout

from desktop.core.bank.completion import Candidate, Completion, complete, filter_by_letters
from desktop.core.mining.model import KIND_NAMES
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.chords import DEFAULT_COMPLETION_CHORD, apply_chord
from desktop.ui.phrases.insertion import insert_phrase, paragraph_at_cursor

log = logging.getLogger(__name__)

PAGE_SIZE = 9
_PAGE_KEYS_BACK = (Qt.Key.Key_PageUp, Qt.Key.Key_Minus)
_PAGE_KEYS_NEXT = (Qt.Key.Key_PageDown, Qt.Key.Key_Equal)


class CompletionPopup(QFrame):
    accepted = Signal(str)  # the inserted phrase
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, provider: BankProvider, chord: str | None = DEFAULT_COMPLETION_CHORD):
        """chord None: no shortcut of its own (a window action calls `open`)."""
        super().__init__(editor, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.editor = editor
        self.provider = provider
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("completionPopup")
        self.setStyleSheet(
            "#completionPopup { background: #ffffff; border: 1px solid #8aa4c8; }"
            "QListWidget { border: none; font-size: 15px; }"
            "QListWidget::item { padding: 2px 6px; }"
            "QListWidget::item:selected { background: #2f6fd1; color: white; }"
            "QLabel#head { color: #2f6fd1; padding: 2px 6px; border-bottom: 1px solid #e1e7f0; }"
            "QLabel#foot { color: #777; font-size: 11px; padding: 1px 6px; }"
        )
        self.head = QLabel()
        self.head.setObjectName("head")
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(lambda item: self.accept_row(self.list.row(item)))
        self.foot = QLabel()
        self.foot.setObjectName("foot")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.head)
        layout.addWidget(self.list)
        layout.addWidget(self.foot)

        self.completion = Completion("context", "", [])
        self.candidates: list[Candidate] = []
        self.letters = ""
        self.index = 0  # highlighted candidate, over all pages
        self.composing = False
        self._ime_was_enabled = True
        self.shortcut = QShortcut(editor)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.shortcut.activated.connect(self.open)
        if chord is not None:
            self.set_chord(chord)
        editor.installEventFilter(self)

    # ---- chord ---------------------------------------------------------------------------------

    def set_chord(self, chord: str) -> None:
        apply_chord(self.shortcut, chord)

    def chord(self) -> str:
        return self.shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)

    # ---- opening and closing -------------------------------------------------------------------

    def open(self) -> bool:
        """Show candidates for the text before the cursor; False (and nothing shown) while the IME
        is composing or when the bank has nothing."""
        if self.composing or self.editor.isReadOnly():
            return False
        if not self.editor.hasFocus():  # the chord came from a menu or another pane: complete in the editor
            self.editor.activateWindow()
            self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        before, paragraph = paragraph_at_cursor(self.editor)
        self.completion = complete(self.provider.group(), before, paragraph)
        self.letters = ""
        self._set_candidates(self.completion.candidates)
        if not self.isVisible():
            self._ime_was_enabled = self.editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
            self.editor.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled)
        self._place()
        self.show()
        return True

    def close_popup(self) -> None:
        if not self.isVisible():
            return
        self.hide()
        self.editor.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, self._ime_was_enabled)
        QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled)
        self.closed.emit()

    def _place(self) -> None:
        self.adjustSize()
        rect = self.editor.cursorRect()
        below = self.editor.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))
        screen = QGuiApplication.screenAt(below) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(below.x(), area.right() - self.width())
        y = below.y()
        if y + self.height() > area.bottom():  # no room below the line: open above it
            y = self.editor.viewport().mapToGlobal(QPoint(0, rect.top() - 4)).y() - self.height()
        self.move(max(area.left(), x), max(area.top(), y))

    # ---- candidates ----------------------------------------------------------------------------

    def _set_candidates(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self.index = 0
        self._render()

    def page(self) -> int:
        return self.index // PAGE_SIZE

    def pages(self) -> int:
        return max(1, -(-len(self.candidates) // PAGE_SIZE))

    def page_candidates(self) -> list[Candidate]:
        start = self.page() * PAGE_SIZE
        return self.candidates[start : start + PAGE_SIZE]

    def _render(self) -> None:
        typed = self.completion.typed
        head = {"parallel": f"排比：{typed}…", "begun": f"{typed}…", "context": "与本段相关"}.get(
            self.completion.mode, ""
        )
        if self.letters:
            head += f"　{self.letters}"
        self.head.setText(head)
        self.list.clear()
        for number, candidate in enumerate(self.page_candidates(), 1):
            kind = KIND_NAMES.get(candidate.kind, candidate.kind)
            self.list.addItem(QListWidgetItem(f"{number}. {candidate.text}　{kind}"))
        if not self.candidates:
            self.list.addItem(QListWidgetItem("没有匹配的素材"))
        else:
            self.list.setCurrentRow(self.index % PAGE_SIZE)
        self.foot.setText(f"1-9 选择  ↑↓ 移动  PgUp/PgDn 翻页  Enter 确认  Esc 关闭　{self.page() + 1}/{self.pages()}")
        rows = max(1, len(self.page_candidates()))
        row_height = self.list.sizeHintForRow(0) if self.list.count() else 22
        self.list.setFixedHeight(rows * row_height + 4)
        width = max(self.list.sizeHintForColumn(0) + 16, self.foot.sizeHint().width(), 260)
        self.list.setFixedWidth(min(width, 560))
        self.adjustSize()

    def move_to(self, index: int) -> None:
        if self.candidates:
            self.index = max(0, min(index, len(self.candidates) - 1))
            self._render()

    def turn_page(self, step: int) -> None:
        if self.candidates:
            page = max(0, min(self.page() + step, self.pages() - 1))
            self.move_to(page * PAGE_SIZE)

    def filter(self, letters: str) -> None:
        self.letters = letters
        _before, paragraph = paragraph_at_cursor(self.editor)
        self._set_candidates(filter_by_letters(self.provider.group(), self.completion, letters, paragraph))

    def accept_row(self, row: int) -> None:
        """Insert the candidate at `row` of the current page."""
        page = self.page_candidates()
        if 0 <= row < len(page):
            self.accept_candidate(page[row])

    def accept_candidate(self, candidate: Candidate) -> None:
        self.close_popup()
        insert_phrase(self.editor, candidate.text, candidate.replace)
        self.accepted.emit(candidate.text)

    def current(self) -> Candidate | None:
        return self.candidates[self.index] if self.candidates else None

    # ---- keys from the editor ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.editor:
            return False
        kind = event.type()
        if kind == QEvent.Type.InputMethod:
            self.composing = bool(event.preeditString())
            if self.isVisible():
                commit = event.commitString()
                if commit and commit.isascii() and commit.isalpha():  # an IME passing letters through
                    self.filter(self.letters + commit.lower())
                    return True
                self.close_popup()
            return False
        if kind in (QEvent.Type.FocusOut, QEvent.Type.Hide, QEvent.Type.Resize):
            self.close_popup()
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self.close_popup()
            return False
        if kind == QEvent.Type.ShortcutOverride and self.isVisible():
            event.accept()  # every key goes to the popup while it is open, not to window shortcuts
            return True
        if kind == QEvent.Type.KeyPress and self.isVisible():
            return self._key(event)
        return False

    def _key(self, event) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                        | Qt.KeyboardModifier.MetaModifier):
            self.close_popup()
            return False
        if key == Qt.Key.Key_Escape:
            self.close_popup()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.accept_row(key - Qt.Key.Key_1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Space):
            candidate = self.current()
            if candidate is None:  # nothing to take: the key only closes the popup
                self.close_popup()
                return True
            self.accept_candidate(candidate)
        elif key == Qt.Key.Key_Down:
            self.move_to(self.index + 1)
        elif key == Qt.Key.Key_Up:
            self.move_to(self.index - 1)
        elif key in _PAGE_KEYS_NEXT:
            self.turn_page(1)
        elif key in _PAGE_KEYS_BACK:
            self.turn_page(-1)
        elif key == Qt.Key.Key_Backspace:
            if self.letters:
                self.filter(self.letters[:-1])
            else:
                self.close_popup()
        elif len(text) == 1 and text.isascii() and text.isalpha():
            self.filter(self.letters + text.lower())
        else:  # any other key closes the popup and does its usual work
            self.close_popup()
            return False
        return True
