"""Putting a phrase into the editor: one undo step, the typed prefix replaced, the first placeholder
(XX, ××, 某某) selected so the writer types over it, and Tab to the next (desktop/ui/placeholder_fields.py)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from desktop.ui.placeholder_fields import track_inserted


def insert_phrase(editor: QPlainTextEdit, text: str, replace_before: int = 0) -> None:
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    if cursor.hasSelection():
        cursor.removeSelectedText()
    if replace_before:
        start = max(cursor.block().position(), cursor.position() - replace_before)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
    start = cursor.selectionStart()
    cursor.insertText(text)
    cursor.endEditBlock()
    editor.setTextCursor(cursor)
    track_inserted(editor, start, cursor.position())  # the first XX selected; Tab goes to the next
    editor.ensureCursorVisible()


def paragraph_at_cursor(editor: QPlainTextEdit) -> tuple[str, str]:
    """(the paragraph's text before the cursor, the whole paragraph)."""
    cursor = editor.textCursor()
    block = cursor.block()
    return block.text()[: cursor.position() - block.position()], block.text()
