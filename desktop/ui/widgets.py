"""Small widgets shared by the panels and dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QTreeWidget, QWidget


class JumpTree(QTreeWidget):
    """A tree whose Enter key, like a click, asks to jump to the current row's target (column 0 user data)."""

    jump_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.itemClicked.connect(
            lambda item, _column: self.jump_requested.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.jump_requested.emit(self.currentItem().data(0, Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)


def widget_shortcut(widget: QWidget, keys: QKeySequence | QKeySequence.StandardKey, slot) -> QShortcut:
    """A key that acts only while `widget` has the focus. The context is set after construction:
    PySide6 (6.11) ignores QShortcut's `context=` keyword and makes the key window-wide, where it
    would act on whatever the writer is doing elsewhere in the window."""
    shortcut = QShortcut(keys, widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def ok_cancel_buttons(dialog, ok_text: str = "确定") -> QDialogButtonBox:
    """OK/Cancel in Chinese, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
