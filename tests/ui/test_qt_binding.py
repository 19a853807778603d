"""Guard against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 on Python 3.11 releases a reference to None on every call of a method returning void;
after some ten thousand calls (a long draft's underlines) the interpreter aborts with "deallocating
None". pyproject.toml excludes that release; this test fails if such a binding is ever installed."""

import sys

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument


def test_void_qt_calls_keep_the_reference_count_of_none():
    document = QTextDocument("公文写作助手")
    cursor = QTextCursor(document)
    text_format = QTextCharFormat()
    colour = QColor("#d32f2f")
    before = sys.getrefcount(None)
    for _ in range(2000):
        cursor.setPosition(1)
        text_format.setUnderlineColor(colour)
        text_format.setToolTip("提示")
    # A few references may come and go with caches; a binding with the bug loses 6000 here.
    assert sys.getrefcount(None) - before > -100
