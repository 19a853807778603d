"""Layout, status bar, export, settings, help and keyboard rules of the window."""

from __future__ import annotations

import json
import re
import zipfile

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.core import paths
from desktop.core.textstats import count_zi, format_duration, speaking_seconds
from desktop.ui.dialogs import ExportDialog, HelpDialog
from desktop.ui.main_window import sample_draft_path
from desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import ime_commit, wait_analysis


def test_layout_has_outline_editor_and_the_three_tabs(window):
    tabs = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    assert tabs == ["素材", "检查", "范文"]
    assert window.bank_label.text() == "素材库尚未载入。"
    assert window.material_tab.search.placeholderText().startswith("搜索素材")  # the phrase panel
    assert window.outline_dock.widget() is window.outline_panel
    assert window.centralWidget() is window.editor
    assert window.outline_panel.empty.isVisible()


def test_bank_is_opened_in_the_background_and_reported(qtbot, window):
    with qtbot.waitSignal(window.bank_ready, timeout=120_000) as signal:
        window.warm_up_bank()
    assert re.fullmatch(r"素材库已就绪：[1-9]\d* 条素材，来自 [1-9]\d* 篇语料。", signal.args[0])
    assert window.bank_label.text() == signal.args[0]


def test_status_bar_counts_zi_and_speaking_time(qtbot, window):
    text = "同志们：2026年GDP增长5%。\n一是抓落实，二是促发展。"
    ime_commit(window.editor, text)
    zi = count_zi(text)
    assert zi == 23  # 同志们：4 2026 1 年1 GDP 1 增长2 5 1 。1 + 6 + 6
    qtbot.waitUntil(lambda: window.zi_label.text() == f"字数 {zi}")
    assert format_duration(speaking_seconds(zi, 220)) in window.time_label.text()
    window.settings.speaking_rate = 120
    window.apply_settings(window.settings)
    assert f"{format_duration(speaking_seconds(zi, 120))}（120 字/分钟）" in window.time_label.text()


def test_findings_count_in_status_bar(qtbot, window):
    ime_commit(window.editor, "标题\n正文有XX同志,还有一处。")
    analysis = wait_analysis(qtbot, window)
    errors = sum(f.level == "error" for f in analysis.findings)
    warnings = sum(f.level == "warning" for f in analysis.findings)
    assert errors >= 1 and warnings >= 1
    assert re.search(rf"错误 {errors}.*警告 {warnings}", window.findings_label.text())


def test_export_warns_on_errors_writes_docx_and_offers_the_folder(
    qtbot, window, tmp_path, monkeypatch, answer
):
    window.open_path(sample_draft_path())
    wait_analysis(qtbot, window)
    output = tmp_path / "导出" / "讲话.docx"
    output.parent.mkdir()
    shown = {}

    def accept(dialog):
        shown["warning"] = dialog.warning.isVisibleTo(dialog) and dialog.warning.text()
        shown["profile"] = dialog.profile
        dialog.path_edit.setText(str(output.with_suffix("")))
        dialog.profile_box.setCurrentIndex(dialog.profile_box.findData("speech"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    opened = []
    asked = answer(QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()))
    )
    with qtbot.waitSignal(window.exported, timeout=20_000) as signal:
        window.export_dialog()
    assert shown["profile"] == "gongwen"
    assert "错误级问题" in shown["warning"]
    assert signal.args == [str(output)]
    with zipfile.ZipFile(output) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "在全市安全生产工作会议上的讲话" in xml
    assert str(output) in asked[0][2] and opened == [str(output.parent)]
    assert asked[0][3] == ["是", "否"]


def test_export_failure_is_reported(qtbot, window, tmp_path, answer):
    calls = answer()
    ime_commit(window.editor, "标题\n正文。")
    with qtbot.waitSignal(window.export_failed, timeout=20_000):
        window.start_export(window.editor.toPlainText(), tmp_path / "没有的文件夹" / "x.docx", "gongwen")
    assert calls[-1][0] == "warning" and "导出失败" in calls[-1][2]


def test_settings_dialog_changes_and_stores_settings(qtbot, window, monkeypatch):
    def edit(dialog):
        dialog.size_box.setValue(20)
        dialog.rate_box.setValue(180)
        dialog.autosave_box.setValue(45)
        dialog.profile_box.setCurrentIndex(dialog.profile_box.findData("speech"))
        for i in range(dialog.rules_list.count()):
            item = dialog.rules_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "GW301":
                item.setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", edit)
    ime_commit(window.editor, "标题\n正文XX。")
    window.settings_dialog()
    stored = json.loads((paths.config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert (stored["font_size"], stored["speaking_rate"], stored["autosave_seconds"]) == (20, 180, 45)
    assert stored["export_profile"] == "speech" and stored["disabled_rules"] == ["GW301"]
    assert window.editor.font().pointSize() == 20
    assert window.autosave_timer.interval() == 45_000
    assert not any(f.code == "GW301" for f in wait_analysis(qtbot, window).findings)


FORBIDDEN = {"Ctrl+Space", "Shift+Space", "Ctrl+.", "Ctrl+Shift+F", "Meta+Space"}


def test_no_shortcut_belongs_to_the_input_method(window):
    for action in window.actions():
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in FORBIDDEN, (action.text(), text)
            combo = key[0]
            mods = combo.keyboardModifiers()
            assert mods != Qt.KeyboardModifier.ShiftModifier or not combo.key().name.startswith("Key_Shift")
            if mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                # bare keys only where typing is not affected: F-keys, Delete, Insert and the like
                assert not (0x20 <= combo.key().value <= 0x7E), (action.text(), text)


def test_standard_shortcuts_and_check_keys(window):
    assert window.act_open.shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.act_save.shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.act_undo.shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.act_find.shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.act_check.shortcut() == QKeySequence("F7")
    assert window.act_next.shortcut() == QKeySequence("F8")
    assert window.act_prev.shortcut() == QKeySequence("Shift+F8")


def test_help_lists_every_shortcut_and_the_zi_rule(window):
    help_text = HelpDialog(window.shortcut_table(), window).text
    for action in window.actions():
        if action.shortcuts():
            primary = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
            assert primary in help_text, (action.text(), primary)
    assert "每个汉字计 1 字" in help_text and "220" in help_text


def test_find_bar_finds_and_wraps(qtbot, window):
    ime_commit(window.editor, "第一处目标，中间文字，第二处目标。")
    window.show_find()
    assert window.find_bar.isVisible()
    window.find_edit.setText("目标")
    assert window.find_text(False)
    first = window.editor.textCursor().selectionStart()
    assert window.find_text(False)
    assert window.editor.textCursor().selectionStart() > first
    assert window.find_text(False) and window.editor.textCursor().selectionStart() == first  # wrapped
    window.find_edit.setText("没有的词")
    assert not window.find_text(False)


def test_about_shows_version_folders_and_banks(window, monkeypatch):
    from desktop import __version__
    from desktop.ui.dialogs import AboutDialog

    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self.text) or 0)
    window.act_about.trigger()
    assert len(shown) == 1
    text = shown[0]
    assert f"公文写作助手 {__version__}" in text
    assert f"数据文件夹：{paths.data_dir()}" in text and f"设置文件夹：{paths.config_dir()}" in text
    assert "内置素材库：" in text and "个人素材库：" in text


def test_a_bank_given_on_the_command_line_is_the_one_the_window_uses(qtbot, tmp_path, monkeypatch):
    from desktop.core.bank.store import PhraseBank
    from desktop.core.mining.model import Phrase, Source
    from desktop.ui.dialogs import AboutDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from tests.ui.conftest import close_quietly

    bank_file = tmp_path / "科室素材.sqlite"
    with PhraseBank.open(bank_file) as bank, bank.transaction():
        touched = bank.store_document(
            path="科室.txt", name="科室.txt", title="科室", text="要久久为功。", content_hash="h", size=18,
            phrases=[Phrase("久久为功", "idiom", "久久为功", "jjwg", 1, 1, [Source("科室.txt", "要久久为功。")])],
        )  # fmt: skip
        bank.refresh_phrases(touched)
    window = MainWindow(Settings(lint_delay_ms=50), bank=bank_file)
    qtbot.addWidget(window)
    try:
        tools = window.install_phrase_tools()
        assert tools.provider.query_bank == bank_file and tools.provider.write_bank_path == bank_file
        window.warm_up_bank()
        qtbot.waitUntil(lambda: "已就绪" in window.bank_label.text(), timeout=10_000)
        assert "1 条素材，来自 1 篇语料" in window.bank_label.text()  # this bank alone, not the default one
        shown = []
        monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self.text) or 0)
        window.act_about.trigger()
        assert f"当前素材库：{bank_file}" in shown[0]
    finally:
        close_quietly(window)
