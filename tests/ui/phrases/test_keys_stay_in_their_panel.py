"""Keys meant for one panel act in that panel only: with the 范文 tab listing sentences and one of 我的素材
selected, Enter in the find bar searches, Enter in the outline jumps, Delete and Ctrl+C in the outline
do nothing to the phrases, and the draft stays byte for byte as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShortcut
from PySide6.QtWidgets import QMessageBox

from desktop.ui.main_window import MainWindow
from desktop.ui.phrases.phrase_panel import MINE
from desktop.ui.settings import Settings
from tests.ui.conftest import close_quietly, focus_editor, ime_commit, wait_analysis

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
DRAFT = (
    "在全市营商环境工作会议上的讲话\n"
    "同志们：\n"
    "今天召开会议，部署营商环境工作。\n"
    "一、提高认识\n"
    "营商环境关系发展全局。\n"
    "二、压实责任\n"
    "各部门要各负其责。"
)
OWN_PHRASE = "把营商环境当作生命线"


@pytest.fixture(params=["范文", "素材"], ids=["examples_in_front", "phrases_in_front"])
def busy_window(request, qtbot, bank_file, monkeypatch):
    """The writing window on a draft, the 范文 tab listing sentences, 我的素材 holding one selected phrase,
    either tab in front; questions are recorded (and answered 否)."""
    asked: list[str] = []

    def refuse(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    window = MainWindow(Settings(lint_delay_ms=50), bank=bank_file)
    window.show()
    focus_editor(qtbot, window)
    ime_commit(window.editor, DRAFT)
    wait_analysis(qtbot, window)
    tools = window.phrase_tools
    with qtbot.waitSignal(tools.provider.changed, timeout=10_000):
        tools.panel.add_user_phrase(OWN_PHRASE, "quote")
    tools.panel.set_category(MINE)
    qtbot.waitUntil(lambda: [i.text for i in tools.panel.items] == [OWN_PHRASE], timeout=10_000)
    window.focus_tab(tools.examples)
    ime_commit(tools.examples.search, "营商环境")
    qtbot.waitUntil(lambda: tools.examples.table.rowCount() >= 2, timeout=10_000)
    window.focus_tab(tools.examples if request.param == "范文" else tools.panel)
    assert tools.examples.current_hit() is not None and tools.panel.current_item() is not None
    window.asked = asked
    yield window
    close_quietly(window)


def test_every_shortcut_of_a_panel_belongs_to_its_widget(busy_window):
    shortcuts = busy_window.findChildren(QShortcut)
    assert shortcuts, "the panels have keys of their own"
    for shortcut in shortcuts:
        owner = shortcut.parent()
        if owner is busy_window:
            continue  # a window's own shortcut is meant window-wide
        assert shortcut.context() == Qt.ShortcutContext.WidgetShortcut, (
            type(owner).__name__, [k.toString() for k in shortcut.keys()], shortcut.context()
        )


def test_enter_in_the_find_bar_searches_and_inserts_nothing(qtbot, busy_window):
    window = busy_window
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    qtbot.keyClick(window.editor, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(window.find_edit.hasFocus)
    ime_commit(window.find_edit, "压实责任")
    qtbot.keyClick(window.find_edit, Qt.Key.Key_Return)
    assert window.editor.toPlainText() == DRAFT
    assert window.editor.textCursor().selectedText() == "压实责任"  # the search ran


def test_enter_in_the_outline_jumps_and_pastes_nothing(qtbot, busy_window):
    window = busy_window
    qtbot.keyClick(window.editor, Qt.Key.Key_1, ALT)
    qtbot.waitUntil(window.outline_panel.tree.hasFocus)
    window.editor.go_to(0)
    window.outline_panel.tree.setFocus()
    qtbot.keyClick(window.outline_panel.tree, Qt.Key.Key_Down)
    qtbot.keyClick(window.outline_panel.tree, Qt.Key.Key_Return)
    assert window.editor.toPlainText() == DRAFT
    assert window.editor.textCursor().block().text() == "一、提高认识"


def test_delete_and_ctrl_c_in_the_outline_leave_the_phrases_alone(qtbot, busy_window):
    window = busy_window
    QGuiApplication.clipboard().setText("剪贴板原有的文字")
    qtbot.keyClick(window.editor, Qt.Key.Key_1, ALT)
    qtbot.waitUntil(window.outline_panel.tree.hasFocus)
    qtbot.keyClick(window.outline_panel.tree, Qt.Key.Key_Delete)
    qtbot.keyClick(window.outline_panel.tree, Qt.Key.Key_C, CTRL)
    assert window.asked == []  # nothing asked to delete one of 我的素材
    heading = window.outline_panel.tree.currentItem().text(0)
    assert QGuiApplication.clipboard().text() == heading  # the tree's own copy, not a 范文 sentence
    assert window.editor.toPlainText() == DRAFT
    assert [i.text for i in window.phrase_tools.panel.items] == [OWN_PHRASE]


def test_the_panels_keys_still_work_where_they_belong(qtbot, busy_window):
    window = busy_window
    window.focus_tab(window.phrase_tools.examples)
    examples, panel = window.phrase_tools.examples, window.phrase_tools.panel
    examples.table.setFocus()
    qtbot.waitUntil(examples.table.hasFocus)
    qtbot.keyClick(examples.table, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == examples.current_hit().sentence
    window.focus_tab(panel)
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert window.asked and OWN_PHRASE in window.asked[0]
    window.focus_tab(examples)
    examples.table.setFocus()
    qtbot.waitUntil(examples.table.hasFocus)
    sentence = examples.current_hit().sentence
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(examples.table, Qt.Key.Key_Return)
    assert window.editor.toPlainText() == DRAFT + sentence  # asked for: inserted at the cursor
