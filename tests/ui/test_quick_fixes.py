"""Quick fixes in the window: a half-width comma between listed words becomes 、, and the status bar
stops naming a finding once it is fixed, by Alt+Enter or by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import focus_editor, ime_commit, wait_analysis

ALT = Qt.KeyboardModifier.AltModifier


def test_alt_enter_puts_a_dunhao_between_listed_words_and_the_status_bar_lets_go(qtbot, window):
    focus_editor(qtbot, window)
    ime_commit(window.editor, "今年要办好教育,医疗,养老等民生实事。")
    wait_analysis(qtbot, window)
    window.editor.go_to(0)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.statusBar().currentMessage().startswith("GW201 ")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, ALT)
    assert window.editor.toPlainText() == "今年要办好教育、医疗、养老等民生实事。"
    after = wait_analysis(qtbot, window)
    assert after.findings == []
    assert "GW201" not in window.statusBar().currentMessage()


def test_a_finding_fixed_by_hand_leaves_the_status_bar(qtbot, window):
    focus_editor(qtbot, window)
    ime_commit(window.editor, "会议要求XX局牵头。")
    wait_analysis(qtbot, window)
    window.editor.go_to(0)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)  # jumps to XX and selects it
    assert window.statusBar().currentMessage().startswith("GW301 ")
    ime_commit(window.editor, "发改")  # typed over the selected placeholder
    assert window.editor.toPlainText() == "会议要求发改局牵头。"
    wait_analysis(qtbot, window)
    assert window.statusBar().currentMessage() == ""
