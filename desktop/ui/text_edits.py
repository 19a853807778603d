"""Applying edits computed on the draft's text to the editor, as one undo step.

The core computes offsets in Python characters; QTextDocument counts UTF-16 code units, so a character
beyond the BMP (names are sometimes written with one: 𬌗) takes two positions. `DocumentPositions` maps one
to the other.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

WIDE = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 code units each


class TextEdit(Protocol):
    offset: int
    length: int
    replacement: str


class DocumentPositions:
    """Python offsets of a text ↔ QTextDocument positions of the same text."""

    def __init__(self, text: str):
        self._wide = [m.start() for m in WIDE.finditer(text)]  # usually empty

    def to_document(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._wide, offset)

    def to_text(self, position: int) -> int:
        lo, hi = 0, len(self._wide)
        while lo < hi:  # the number of wide characters wholly before `position`
            mid = (lo + hi) // 2
            if self._wide[mid] + mid + 2 <= position:
                lo = mid + 1
            else:
                hi = mid
        return position - lo


def utf16_length(text: str) -> int:
    """How many QTextDocument positions `text` takes."""
    return len(text) + len(WIDE.findall(text))


def apply_edits(editor: QPlainTextEdit, edits: Iterable[TextEdit], text: str | None = None) -> int:
    """Apply edits (offsets into `text`, the editor's text by default) as one undo step; returns how many.

    Applied from the last to the first, each on its own span, so the text between them, the writer's
    cursor and the findings' places stay where they were."""
    ordered = sorted(edits, key=lambda e: e.offset, reverse=True)
    if not ordered:
        return 0
    positions = DocumentPositions(editor.toPlainText() if text is None else text)
    cursor = QTextCursor(editor.document())
    cursor.beginEditBlock()
    for edit in ordered:
        cursor.setPosition(positions.to_document(edit.offset))
        cursor.setPosition(positions.to_document(edit.offset + edit.length), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(edit.replacement)
    cursor.endEditBlock()
    return len(ordered)
