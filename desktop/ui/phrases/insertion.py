"""Putting a phrase into the editor: one undo step, the typed prefix replaced, the first placeholder
(XX, ××, 某某) selected so the writer types over it."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from desktop.core.bank.completion import first_placeholder


def insert_phrase(editor: QPlainTextEdit, text: str, replace_before: int = 0) -> None:
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    if cursor.hasSelection():
        cursor.removeSelectedText()
    if replace_before:
        start = max(cursor.block().position(), cursor.position() - replace_before)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    cursor.endEditBlock()
    end = cursor.position()
    placeholder = first_placeholder(text)
    if placeholder is not None:
        start = end - len(text) + placeholder[0]
        cursor.setPosition(start)
        cursor.setPosition(start + placeholder[1], QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()


def paragraph_at_cursor(editor: QPlainTextEdit) -> tuple[str, str]:
    """(the paragraph's text before the cursor, the whole paragraph)."""
    cursor = editor.textCursor()
    block = cursor.block()
    return block.text()[: cursor.position() - block.position()], block.text()
