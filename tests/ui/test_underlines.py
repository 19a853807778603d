"""Underlines that do not shout: an error is never painted over by a hint, and findings that may only
mean the draft is unfinished (no closing yet, 讲三点意见 with only 一、 so far, 一是 without 二是) wait
while the writer writes on, and show once the writer moves to another paragraph or presses F7."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.ui.editor import LEVEL_COLOURS
from tests.ui.conftest import focus_editor, ime_commit, wait_analysis

OPENING = "在全县项目建设推进会上的讲话\n同志们：\n今天召开会议，部署项目建设。"


def write(qtbot, window, paragraphs: list[str]):
    """Type paragraphs as a writer does: the text through the input method, Enter between them."""
    focus_editor(qtbot, window)
    for number, paragraph in enumerate(paragraphs):
        if number:
            qtbot.keyClick(window.editor, Qt.Key.Key_Return)
        ime_commit(window.editor, paragraph)
    return wait_analysis(qtbot, window)


def codes(findings) -> set[str]:
    return {f.code for f in findings}


def test_an_announced_count_waits_for_the_sections_while_they_are_written(qtbot, window):
    analysis = write(qtbot, window, [OPENING, "下面，我讲三点意见。", "一、提高认识", "项目是发展的生命线"])
    assert "GW105" in codes(analysis.findings)  # the checker sees it …
    assert "GW105" not in codes(window.editor.findings)  # … the writer, still writing, does not
    assert "错误" not in window.findings_label.text()
    assert "暂缓提示" in window.lint_panel.summary.text()
    qtbot.keyClick(window.editor, Qt.Key.Key_Up)  # moved to another paragraph
    qtbot.waitUntil(lambda: "GW105" in codes(window.editor.findings))
    assert "错误 1" in window.findings_label.text()

    qtbot.keyClick(window.editor, Qt.Key.Key_Down)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    ime_commit(window.editor, "二、压实责任")
    wait_analysis(qtbot, window)
    assert "GW105" not in codes(window.editor.findings)  # writing on: waiting again
    qtbot.keyClick(window.editor, Qt.Key.Key_F7)  # asked for: everything
    qtbot.waitUntil(lambda: "GW105" in codes(window.editor.findings))


def test_a_real_mismatch_and_other_errors_do_not_wait(qtbot, window):
    analysis = write(qtbot, window, [OPENING, "下面，我讲两点意见。", "一、提高认识", "二、压实责任",
                                     "三、强化保障", "要落实XX责任"])
    assert {"GW105", "GW301"} <= codes(window.editor.findings) and "GW105" in codes(analysis.findings)


def test_no_closing_yet_waits_while_the_last_paragraph_is_written(qtbot, window):
    write(qtbot, window, [OPENING, "一、提高认识", "项目是发展的生命线。", "二、压实责任", "各部门要各负其责"])
    assert "GW402" not in codes(window.editor.findings)
    window.editor.go_to(0)
    qtbot.waitUntil(lambda: "GW402" in codes(window.editor.findings))


def underline_colours(qtbot, window, start: int, end: int) -> set[str]:
    """The findings' colours mostly painted in the band under the characters [start, end), told apart
    by hue (the wavy line is antialiased, so its pixels are lighter than the colour itself). A line
    drawn under another leaves a few pixels at its edges: a colour counts from a fifth of the pixels."""
    editor = window.editor
    image = editor.viewport().grab().toImage()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    left = editor.cursorRect(cursor)
    cursor.setPosition(end)
    right = editor.cursorRect(cursor)
    hues = {level: colour.hslHue() for level, colour in LEVEL_COLOURS.items()}
    found: Counter[str] = Counter()
    for y in range(left.top() + left.height() * 2 // 3, left.bottom() + 4):
        for x in range(left.left() + 2, right.left() - 3):
            pixel = image.pixelColor(x, y)
            if pixel.hslSaturation() < 80:
                continue  # black text, white paper, grey
            level = min(hues, key=lambda name: min(abs(pixel.hslHue() - hues[name]),
                                                    360 - abs(pixel.hslHue() - hues[name])))
            found[level] += 1
    return {level for level, n in found.items() if n * 5 >= sum(found.values())}


def test_an_error_beneath_a_hint_is_painted_red(qtbot, window):
    last = "“局要牵头抓总，逐项抓好落实"  # an unpaired quote: an error on the paragraph's first character
    write(qtbot, window, [OPENING, "一、提高认识", "项目是发展的生命线。", "二、压实责任", last])
    qtbot.keyClick(window.editor, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: {"GW202", "GW402"} <= codes(window.editor.findings))
    start = window.editor.toPlainText().index(last)
    error = next(f for f in window.editor.findings if f.code == "GW202")
    hint = next(f for f in window.editor.findings if f.code == "GW402")
    assert error.offset == hint.offset == start and error.level == "error" and hint.level == "info"
    window.editor.go_to(0)  # the selection made by F7's jump must not cover the underlines
    qtbot.wait(50)
    assert underline_colours(qtbot, window, start, start + 1) == {"error"}
    assert underline_colours(qtbot, window, start + 2, start + 8) == {"info"}  # the hint is still there


def test_going_into_the_check_list_shows_what_waited(qtbot, window):
    write(qtbot, window, [OPENING, "下面，我讲三点意见。", "一、提高认识", "项目是发展的生命线"])
    assert "GW105" not in codes(window.lint_panel.findings)
    qtbot.keyClick(window.editor, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # 转到检查
    qtbot.waitUntil(lambda: "GW105" in codes(window.lint_panel.findings))
