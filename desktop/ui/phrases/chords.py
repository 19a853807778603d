"""Keyboard chords for the phrase tools, and the ones never to take because Chinese input methods own
them (see FORMAT.md: keyboard conventions on Chinese desktops)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

DEFAULT_COMPLETION_CHORD = "Alt+/"
DEFAULT_PALETTE_CHORD = "Ctrl+K"
# Chords that IMEs use on Windows and Linux: on/off, full/half width, punctuation mode, switching,
# 简繁 and the soft keyboard.
IME_CHORDS = frozenset(
    QKeySequence(s).toString(QKeySequence.SequenceFormat.PortableText)
    for s in ("Ctrl+Space", "Shift+Space", "Ctrl+.", "Ctrl+,", "Ctrl+Shift+F", "Meta+Space", "Ctrl+Shift+K",
              "Ctrl+Alt+Space", "Ctrl+Shift+Space")
)


def chord_problem(text: str) -> str | None:
    """Why a chord cannot be used (in Chinese), or None when it is fine."""
    sequence = QKeySequence(text)
    if sequence.isEmpty() or sequence.count() != 1:
        return f"“{text}”不是有效的快捷键"
    portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    if portable in IME_CHORDS:
        return f"{portable} 是输入法使用的快捷键，不能占用"
    combo = sequence[0]
    modifiers = combo.keyboardModifiers()
    key = combo.key()
    if key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
        return "单独的 Ctrl、Shift、Alt 键由输入法使用，不能占用"
    plain = modifiers & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.NoModifier
    if plain and (Qt.Key.Key_Space <= key <= Qt.Key.Key_AsciiTilde):
        return "不带 Ctrl 或 Alt 的按键用于输入文字，不能作快捷键"
    return None


def apply_chord(shortcut: QShortcut, chord: str) -> None:
    """Give the shortcut this chord; ValueError (with the reason, in Chinese) when it cannot be used."""
    problem = chord_problem(chord)
    if problem:
        raise ValueError(problem)
    shortcut.setKey(QKeySequence(chord))
