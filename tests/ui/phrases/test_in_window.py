"""The phrase side inside the writing window: tabs, the 语料 menu, the chords and their settings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from desktop.ui.phrases.completion_popup import CompletionPopup
from desktop.ui.phrases.phrase_panel import PhrasePanel
from desktop.ui.settings import Settings
from tests.ui.conftest import focus_editor, ime_commit

ALT = Qt.KeyboardModifier.AltModifier


def test_jiujiu_alt_slash_1_and_one_undo_in_the_window(qtbot, make_window):
    window = make_window()
    focus_editor(qtbot, window)
    ime_commit(window.editor, "抓落实要久久")
    qtbot.keyClick(window.editor, Qt.Key.Key_Slash, ALT)
    popup = window.phrase_tools.popup
    assert isinstance(popup, CompletionPopup) and popup.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_1)
    assert window.editor.toPlainText() == "抓落实要久久为功"
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == "抓落实要久久"


def test_tabs_menu_and_shortcuts_are_in_the_window(qtbot, make_window):
    window = make_window()
    assert isinstance(window.material_tab, PhrasePanel)
    assert [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())] == ["素材", "检查", "范文"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert "语料(&L)" in menus
    table = dict(window.shortcut_table())
    assert table["补全素材"] == "Alt+/" and table["查找素材"] == "Ctrl+K"
    window.act_focus_material.trigger()
    qtbot.waitUntil(window.material_tab.search.hasFocus)


def test_the_chords_follow_the_settings(qtbot, make_window):
    window = make_window(Settings(lint_delay_ms=50, completion_chord="Ctrl+J", palette_chord="Ctrl+Shift+P"))
    assert window.phrase_tools.act_complete.shortcut().toString() == "Ctrl+J"
    window.apply_settings(replace(window.settings, completion_chord="Ctrl+Space"))
    assert window.phrase_tools.act_complete.shortcut().toString() == "Alt+/"  # refused: an IME chord
    assert "输入法" in window.statusBar().currentMessage()


def test_the_settings_dialog_refuses_an_ime_chord(qtbot, make_window, monkeypatch):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui import export_adapter, lint_adapter
    from desktop.ui.settings_dialog import SettingsDialog

    window = make_window()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()))
    dialog = SettingsDialog(window.settings, export_adapter.profiles(), lint_adapter.rule_catalogue(),
                            window.editor.font(), window)
    qtbot.addWidget(dialog)
    dialog.completion_chord_box.setKeySequence(QKeySequence("Ctrl+Space"))
    dialog._check_and_accept()
    assert warnings and "输入法" in warnings[-1] and dialog.result() != dialog.DialogCode.Accepted
    dialog.completion_chord_box.setKeySequence(QKeySequence("Ctrl+J"))
    dialog._check_and_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_settings().completion_chord == "Ctrl+J"
