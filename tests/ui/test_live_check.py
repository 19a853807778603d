"""Live check: underlines, tooltips, the 检查 tab, quick fixes, F7/F8, 忽略此处, stale results."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.ui import lint_adapter
from tests.ui.conftest import ime_commit, wait_analysis

DRAFT = "关于安全生产的讲话\n同志们：\n一、提高站位\n今天召开会议,主要任务是部署工作。XX同志作了发言。\n"


def typed(qtbot, window, text=DRAFT):
    window.editor.setFocus()
    ime_commit(window.editor, text)
    return wait_analysis(qtbot, window)


def test_findings_are_underlined_listed_and_counted(qtbot, window):
    analysis = typed(qtbot, window)
    codes = {f.code for f in analysis.findings}
    assert {"GW201", "GW301"} <= codes
    placeholder = next(f for f in analysis.findings if f.code == "GW301")
    assert DRAFT[placeholder.offset : placeholder.end] == "XX"
    assert placeholder.level == "error" and placeholder.line == 3

    underlined = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.editor.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]
    assert (placeholder.offset, placeholder.end) in underlined

    rows = [
        [window.lint_panel.list.topLevelItem(i).text(c) for c in range(4)]
        for i in range(window.lint_panel.list.topLevelItemCount())
    ]
    assert ["错误", "GW301", placeholder.message, "4"] in rows
    assert "错误 1" in window.findings_label.text()


def test_analysis_runs_off_the_gui_thread(qtbot, window, monkeypatch):
    threads = []
    real = lint_adapter.Analyser.analyse

    def spy(self, *args, **kwargs):
        threads.append(threading.get_ident())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(lint_adapter.Analyser, "analyse", spy)
    shown_in = []
    window.analysis_applied.connect(lambda _a: shown_in.append(threading.get_ident()))
    typed(qtbot, window)
    assert threads and threading.get_ident() not in threads
    # results reach the widgets on the GUI thread
    assert shown_in and set(shown_in) == {threading.get_ident()}


def test_stale_results_are_dropped(qtbot, window):
    ime_commit(window.editor, "第一稿XX")
    window.checker.timer.stop()
    seen = []
    window.checker.analysed.connect(lambda a: seen.append(a.revision))
    window.checker.check_now()
    stale = window.revision
    ime_commit(window.editor, "，又改了一句")  # a newer revision while the first check runs
    window.checker.wait()
    QApplication.processEvents()
    assert stale not in seen and window.checker.dropped >= 1
    analysis = wait_analysis(qtbot, window)
    assert analysis.text.endswith("又改了一句")


def test_tooltip_explains_the_finding(qtbot, window):
    analysis = typed(qtbot, window)
    placeholder = next(f for f in analysis.findings if f.code == "GW301")
    window.editor.go_to(placeholder.offset + 1)
    rect = window.editor.cursorRect()
    pos = window.editor.viewport().mapTo(window.editor, rect.center())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, window.editor.mapToGlobal(pos))
    QApplication.sendEvent(window.editor, event)
    assert placeholder.message in QToolTip.text()


def test_enter_and_click_in_the_list_jump_to_the_text(qtbot, window):
    analysis = typed(qtbot, window)
    window.editor.go_to(0)
    listing = window.lint_panel.list
    # moved off the paragraph being written: what waited for the rest of the draft is listed too
    qtbot.waitUntil(lambda: listing.topLevelItemCount() == len(analysis.findings))
    last = listing.topLevelItem(listing.topLevelItemCount() - 1)
    listing.setCurrentItem(last)
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    finding = analysis.findings[-1]
    cursor = window.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (finding.offset, finding.end)

    first = listing.topLevelItem(0)
    rect = listing.visualItemRect(first)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().selectionStart() == analysis.findings[0].offset


def test_quick_fix_applies_a_safe_fix_as_one_undo_step(qtbot, window):
    analysis = typed(qtbot, window)
    comma = next(f for f in analysis.findings if f.code == "GW201")
    assert comma.fix is not None and comma.fix.safe
    window.lint_panel.select(comma)
    assert window.lint_panel.fix_button.isEnabled()
    qtbot.mouseClick(window.lint_panel.fix_button, Qt.MouseButton.LeftButton)
    assert "今天召开会议，主要任务" in window.editor.toPlainText()
    after = wait_analysis(qtbot, window)
    assert not any(f.code == "GW201" for f in after.findings)
    window.editor.undo()
    assert window.editor.toPlainText() == DRAFT

    placeholder = next(f for f in after.findings if f.code == "GW301")
    window.lint_panel.select(placeholder)
    assert not window.lint_panel.fix_button.isEnabled()  # no safe fix for a placeholder


def test_f7_checks_and_jumps_to_the_first_finding(qtbot, window):
    ime_commit(window.editor, DRAFT)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.analysis_applied, timeout=10_000):
        qtbot.keyClick(window.editor, Qt.Key.Key_F7)
    first = window.analysis.findings[0]
    assert window.editor.textCursor().selectionStart() == first.offset
    assert window.side_tabs.currentWidget() is window.lint_panel


def test_f8_and_shift_f8_step_through_findings(qtbot, window):
    analysis = typed(qtbot, window)
    starts = [f.offset for f in analysis.findings]
    window.editor.go_to(0)
    qtbot.waitUntil(lambda: len(window.editor.findings) == len(starts))  # none waits once moved off
    visited = []
    for _ in range(len(starts)):
        qtbot.keyClick(window.editor, Qt.Key.Key_F8)
        visited.append(window.editor.textCursor().selectionStart())
    assert visited == starts
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)  # wraps to the first
    assert window.editor.textCursor().selectionStart() == starts[0]
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectionStart() == starts[-1]


def test_ignore_here_is_kept_with_the_document(qtbot, make_window, tmp_path, answer):
    draft = tmp_path / "讲话.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    window = make_window()
    window.open_path(draft)
    analysis = wait_analysis(qtbot, window)
    placeholder = next(f for f in analysis.findings if f.code == "GW301")
    window.lint_panel.select(placeholder)
    qtbot.mouseClick(window.lint_panel.ignore_button, Qt.MouseButton.LeftButton)
    after = wait_analysis(qtbot, window)
    assert not any(f.code == "GW301" for f in after.findings) and after.ignored == 1
    assert "已忽略 1 处" in window.lint_panel.summary.text()

    # edits elsewhere keep it ignored
    window.editor.go_to(0)
    ime_commit(window.editor, "（修改稿）")
    assert not any(f.code == "GW301" for f in wait_analysis(qtbot, window).findings)

    # kept beside the draft, where `gongwen lint` reads it too
    assert (tmp_path / "讲话.txt.lint-ignore.json").exists()
    # another window opening the same file remembers it
    other = make_window()
    other.open_path(draft)
    assert not any(f.code == "GW301" for f in wait_analysis(qtbot, other).findings)

    # rewriting the spot (the words just before it) brings the finding back
    text = other.editor.toPlainText()
    spot = text.index("部署工作。XX")
    other.editor.replace_range(spot, 2, "研究")
    assert any(f.code == "GW301" for f in wait_analysis(qtbot, other).findings)


def test_disabled_rules_are_not_reported(qtbot, window):
    window.settings.disabled_rules = ["GW301"]
    window.apply_settings(window.settings)
    analysis = typed(qtbot, window)
    assert analysis.findings and not any(f.code == "GW301" for f in analysis.findings)


def test_hovering_clean_text_shows_no_tooltip(qtbot, window):
    typed(qtbot, window)
    QToolTip.hideText()
    window.editor.go_to(2)
    pos = window.editor.viewport().mapTo(window.editor, window.editor.cursorRect().center())
    QApplication.sendEvent(
        window.editor, QHelpEvent(QEvent.Type.ToolTip, pos, window.editor.mapToGlobal(pos))
    )
    assert not QToolTip.isVisible() or "GW" not in QToolTip.text()
    assert QPoint(0, 0) is not None


def test_a_failing_checker_is_reported_and_typing_goes_on(qtbot, window, monkeypatch):
    def broken(self, *args, **kwargs):
        raise IndexError("string index out of range")

    monkeypatch.setattr(lint_adapter.Analyser, "analyse", broken)
    with qtbot.waitSignal(window.checker.failed, timeout=10_000):
        ime_commit(window.editor, "同志们：")
    assert window.findings_label.text() == "检查：出错"
    assert "string index out of range" in window.findings_label.toolTip()
    monkeypatch.undo()
    ime_commit(window.editor, "今天开会XX。")
    assert any(f.code == "GW301" for f in wait_analysis(qtbot, window).findings)
    assert window.findings_label.toolTip() == ""


def test_alt_enter_fixes_the_finding_at_the_cursor(qtbot, window):
    analysis = typed(qtbot, window)
    comma = next(f for f in analysis.findings if f.code == "GW201")
    window.editor.go_to(comma.offset)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert "今天召开会议，主要任务" in window.editor.toPlainText()
    assert window.editor.toPlainText().count("\n") == DRAFT.count("\n")  # no line break was typed
