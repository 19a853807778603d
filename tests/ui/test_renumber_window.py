"""Renumbering in the real window: the command (Ctrl+Shift+R) and the fix offered on GW101/GW105."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import ime_commit, wait_analysis

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

DRAFT = "\n".join(
    [
        "在全县项目建设推进会上的讲话",
        "同志们：",
        "下面，我讲三点意见。",
        "一、认清形势",
        "（一）看到成绩",
        "（二）正视问题",
        "二、突出重点",
        "一是抓开工。二是抓进度。三是抓质量。",
        "三、强化保障",
        "同志们，让我们共同努力！",
    ]
)


def type_draft(qtbot, window, text: str = DRAFT):
    window.activateWindow()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    ime_commit(window.editor, text)
    return window.editor


def put_cursor(editor, offset: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(offset)
    editor.setTextCursor(cursor)


def delete_line_with_keys(qtbot, editor, line_start: str) -> None:
    put_cursor(editor, editor.toPlainText().index(line_start))
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)


def test_after_deleting_a_section_ctrl_shift_r_renumbers_and_one_undo_restores(qtbot, window):
    editor = type_draft(qtbot, window)
    delete_line_with_keys(qtbot, editor, "（一）看到成绩")
    delete_line_with_keys(qtbot, editor, "二、突出重点")
    delete_line_with_keys(qtbot, editor, "二是抓进度")  # the whole 一是… line goes
    edited = editor.toPlainText()
    assert "（二）正视问题\n三、强化保障" in edited
    put_cursor(editor, edited.index("正视问题") + 2)  # the writer is in the middle of a heading
    qtbot.keyClick(editor, Qt.Key.Key_R, CTRL | SHIFT)
    expected = edited.replace("（二）正视问题", "（一）正视问题").replace("三、强化保障", "二、强化保障")
    expected = expected.replace("我讲三点意见", "我讲两点意见")
    assert editor.toPlainText() == expected
    assert editor.textCursor().position() == expected.index("正视问题") + 2  # the cursor stays put
    message = window.statusBar().currentMessage()
    assert message.startswith("已重新编号 3 处：") and "「（二）」改为「（一）」" in message
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == edited  # one undo step
    analysis = wait_analysis(qtbot, window)
    assert {"GW101", "GW105"} <= {f.code for f in analysis.findings}


def test_a_moved_section_and_a_run_out_of_order(qtbot, window):
    moved = DRAFT.replace("一是抓开工。二是抓进度。三是抓质量。", "一是抓开工。三是抓质量。二是抓进度。")
    moved = moved.replace("一、认清形势\n（一）看到成绩\n（二）正视问题\n二、突出重点", "二、突出重点")
    moved = moved.replace("三、强化保障", "三、强化保障\n一、认清形势\n（一）看到成绩\n（二）正视问题")
    editor = type_draft(qtbot, window, moved)
    qtbot.keyClick(editor, Qt.Key.Key_R, CTRL | SHIFT)
    text = editor.toPlainText()
    assert [line[:2] for line in text.split("\n") if line[1:2] == "、"] == ["一、", "二、", "三、"]
    assert "一、突出重点" in text and "三、认清形势" in text
    assert "一是抓开工。二是抓质量。三是抓进度。" in text


def test_nothing_to_renumber_leaves_the_draft_and_says_so(qtbot, window):
    editor = type_draft(qtbot, window)
    editor.document().setModified(False)
    qtbot.keyClick(editor, Qt.Key.Key_R, CTRL | SHIFT)
    assert editor.toPlainText() == DRAFT
    assert not editor.document().isModified()
    assert window.statusBar().currentMessage().startswith("序号已连续")


def test_alt_enter_on_a_numbering_gap_renumbers_that_list(qtbot, window):
    gap = DRAFT.replace("（二）正视问题", "（三）正视问题")
    editor = type_draft(qtbot, window, gap)
    analysis = wait_analysis(qtbot, window)
    (finding,) = [f for f in analysis.findings if f.code == "GW101"]
    assert finding.fix is not None and finding.fix.label == "重新编号"
    put_cursor(editor, 0)
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    while editor.textCursor().selectionStart() != finding.offset:
        qtbot.keyClick(editor, Qt.Key.Key_F8)
    qtbot.keyClick(editor, Qt.Key.Key_Return, ALT)
    assert editor.toPlainText() == DRAFT
    assert window.statusBar().currentMessage().startswith("已重新编号")


def test_the_count_fix_from_the_check_tab_writes_liang(qtbot, window):
    two = DRAFT.replace("三、强化保障\n", "")
    editor = type_draft(qtbot, window, two)
    analysis = wait_analysis(qtbot, window)
    (count,) = [f for f in analysis.findings if f.code == "GW105"]
    assert "实际有两点" in count.message
    qtbot.keyClick(editor, Qt.Key.Key_2, ALT)  # to the 检查 tab
    listing = window.lint_panel.list
    qtbot.keyClick(listing, Qt.Key.Key_Home)
    while window.lint_panel.selected() != count:
        qtbot.keyClick(listing, Qt.Key.Key_Down)
    assert window.lint_panel.fix_button.isEnabled()
    assert "可改为“两点”（修正后请核对）" in window.lint_panel.detail.text()
    window.lint_panel.fix_button.setFocus()
    qtbot.keyClick(window.lint_panel.fix_button, Qt.Key.Key_Space)
    assert editor.toPlainText() == two.replace("我讲三点意见", "我讲两点意见")
