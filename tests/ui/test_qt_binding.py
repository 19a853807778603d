"""The installed Qt binding must not drop references to None (PySide6 6.12.0 does, and Python < 3.12
aborts with "deallocating None" after some thousands of calls: a long editing session would crash)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("公文")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"each call on a Qt object loses a reference to None ({lost} per 1000 calls)"
