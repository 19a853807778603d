"""The phrase side installed in a main window: tabs, the 语料 menu, the chords as window actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QTabWidget

from desktop.ui.phrases.window_tools import PhraseTools
from tests.ui.phrases.conftest import key, set_text, show_focused


@pytest.fixture
def window(qtbot, provider):
    window = QMainWindow()
    editor = QPlainTextEdit()
    window.setCentralWidget(editor)
    tools = PhraseTools(window, editor, provider)
    tabs = QTabWidget()
    tabs.addTab(tools.panel, "素材")
    tabs.addTab(tools.examples, "范文")
    window.setMenuWidget(None)
    window.menuBar().addMenu(tools.menu)
    window.window_tabs = tabs
    window.tools = tools
    window.editor = editor
    show_focused(qtbot, window, editor)
    yield window
    tools.close()


def test_alt_slash_and_ctrl_k_are_window_actions(qtbot, window):
    tools, editor = window.tools, window.editor
    set_text(editor, "要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.AltModifier)
    assert tools.popup.isVisible()
    key(qtbot, editor, Qt.Key.Key_1)
    assert editor.toPlainText() == "要久久为功"
    key(qtbot, editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert tools.palette.isVisible()
    tools.palette.hide()
    names = [a.text() for a in tools.menu.actions()]
    assert "导入语料文件夹…" in names and "补全素材" in names and "查找素材…" in names


def test_refused_chords_keep_the_default_and_say_why(qtbot, window):
    tools = window.tools
    assert tools.set_chords("Ctrl+J", "Ctrl+Shift+P") is None
    assert tools.act_complete.shortcut().toString() == "Ctrl+J"
    problem = tools.set_chords("Ctrl+Space", "Ctrl+K")
    assert "输入法" in problem and tools.act_complete.shortcut().toString() == "Alt+/"
    assert "输入法" in window.statusBar().currentMessage()
