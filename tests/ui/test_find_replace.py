"""Find and replace in the real window, by keyboard: Ctrl+H, Enter, Tab, Alt+A, Esc, within a selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ime_commit

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

DRAFT = "在甲市工作会议上的讲话\n同志们：\n甲市今年发展很快。\n一、甲市要抓项目\n二、要学习乙市经验，甲市要争先\n同志们，让我们共同努力！"


def ready(qtbot, window, text: str = DRAFT):
    window.activateWindow()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    ime_commit(window.editor, text)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    window.editor.setTextCursor(cursor)
    return window.editor


def select_first(editor, word: str) -> None:
    cursor = editor.textCursor()
    start = editor.toPlainText().index(word)
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def focused():
    return QApplication.focusWidget()


def test_ctrl_h_on_a_selected_name_replaces_it_everywhere_as_one_undo_step(qtbot, window):
    editor = ready(qtbot, window)
    select_first(editor, "甲市")
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    bar = window.find_panel
    assert window.find_bar.isVisible() and bar.replace_edit.isVisible()
    assert bar.find_edit.text() == "甲市"
    assert focused() is bar.find_edit and bar.find_edit.selectedText() == "甲市"
    assert bar.status.text() == "第 1 / 4 处"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Tab)
    assert focused() is bar.replace_edit
    ime_commit(bar.replace_edit, "丙县")
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_A, ALT)  # 全部替换(&A), clicked as a mnemonic does
    qtbot.waitUntil(lambda: editor.toPlainText() == DRAFT.replace("甲市", "丙县"))
    assert bar.status.text() == "已替换 4 处"
    assert "已替换 4 处" in window.statusBar().currentMessage()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == DRAFT  # one step undoes all four


def test_enter_goes_to_the_next_match_shift_enter_back_tab_to_replace_esc_to_the_editor(qtbot, window):
    editor = ready(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    bar = window.find_panel
    assert focused() is bar.find_edit and not bar.replace_edit.isVisible()
    ime_commit(bar.find_edit, "甲市")
    assert bar.status.text() == "共 4 处"
    starts = [i for i in range(len(DRAFT)) if DRAFT.startswith("甲市", i)]
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().selectionStart() == starts[0] and bar.status.text() == "第 1 / 4 处"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().selectionStart() == starts[1] and bar.status.text() == "第 2 / 4 处"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, SHIFT)
    assert editor.textCursor().selectionStart() == starts[0]
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, SHIFT)
    assert editor.textCursor().selectionStart() == starts[-1]  # wraps round
    assert editor.toPlainText() == DRAFT  # finding never changes the draft
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_H, CTRL)
    assert bar.replace_edit.isVisible() and focused() is bar.find_edit
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Tab)
    assert focused() is bar.replace_edit
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Backtab, SHIFT)
    assert focused() is bar.find_edit
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Tab)
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert focused() is editor
    assert editor.toPlainText() == DRAFT


def test_enter_in_replace_replaces_the_match_and_goes_on(qtbot, window):
    editor = ready(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    bar = window.find_panel
    ime_commit(bar.find_edit, "甲市")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)  # to the first match
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Tab)
    ime_commit(bar.replace_edit, "丁区")
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # replace the first, select the second
    text = editor.toPlainText()
    assert text == DRAFT.replace("甲市", "丁区", 1)
    assert editor.textCursor().selectedText() == "甲市"
    assert bar.status.text() == "第 1 / 3 处"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)  # skip one
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)
    assert editor.toPlainText().count("丁区") == 2 and editor.toPlainText().count("甲市") == 2


def test_replace_within_a_selection_of_paragraphs(qtbot, window):
    editor = ready(qtbot, window)
    cursor = editor.textCursor()
    cursor.setPosition(DRAFT.index("一、"))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_End, SHIFT)  # 一、… and 二、… selected
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    bar = window.find_panel
    assert bar.in_selection.isChecked()
    assert focused() is bar.find_edit
    ime_commit(bar.find_edit, "甲市")
    assert bar.status.text() == "选区内共 2 处"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Tab)
    ime_commit(bar.replace_edit, "丙县")
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_A, ALT)
    expected = DRAFT.replace("一、甲市要抓项目", "一、丙县要抓项目").replace("甲市要争先", "丙县要争先")
    qtbot.waitUntil(lambda: editor.toPlainText() != DRAFT)
    assert editor.toPlainText() == expected
    assert bar.status.text() == "选区内已替换 2 处"
    qtbot.keyClick(bar.in_selection, Qt.Key.Key_Space)  # untick: the whole draft again
    assert bar.status.text() == "共 2 处"


def test_a_name_written_with_a_character_beyond_the_bmp_is_replaced_in_place(qtbot, window):
    text = "𬌗村会议讲话\n𬌗村甲组和𬌗村乙组"
    editor = ready(qtbot, window, text)
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    bar = window.find_panel
    ime_commit(bar.find_edit, "村")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Tab)
    ime_commit(bar.replace_edit, "社区")
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: editor.toPlainText() == text.replace("村", "社区"))
