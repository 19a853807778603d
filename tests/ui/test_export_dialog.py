"""The export dialog driven by the keyboard: each profile its own file name, findings as Word comments,
the font warning said once while the program runs and shown again on request."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.core.export.fonts import installed_fonts
from desktop.ui import export_adapter
from desktop.ui.dialogs import ExportDialog
from tests.conftest import REPO_ROOT
from tests.ui.conftest import click_box_button, ime_commit, wait_analysis
from tests.unit.export.comment_xml import anchored_text, comment_text, comments, document

REAL_EXEC = QDialog.exec  # taken before the fixture that refuses unexpected dialogs replaces it
DRAFT = "在全县防汛工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、XX工作要抓好,落实到位\n"


def _open_draft(qtbot, window, tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_text(DRAFT, encoding="utf-8")
    assert window.open_path(path)
    return wait_analysis(qtbot, window), path


def _drive_export_dialog(qtbot, window, steps):
    """Press Ctrl+E in the editor and run `steps(dialog)` inside the real, modal export dialog."""
    seen = {}

    def drive():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(20, drive)
            return
        seen["dialog"] = dialog
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
            steps(dialog)
        finally:
            if dialog.isVisible():
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, drive)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    return seen


def _focus(qtbot, dialog, widget, limit=12):
    """Tab through the dialog until `widget` has the focus, as a keyboard user does."""
    for _ in range(limit):
        if widget.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
    assert widget.hasFocus(), f"Tab never reached {widget}"


def _tick_comments(qtbot, dialog):
    """Tab to the box that writes the findings as comments and tick it with Space."""
    _focus(qtbot, dialog, dialog.comments_box)
    qtbot.keyClick(dialog.comments_box, Qt.Key.Key_Space)


def test_profiles_propose_their_own_names_and_findings_become_comments(qtbot, window, tmp_path, monkeypatch, answer):
    analysis, _ = _open_draft(qtbot, window, tmp_path)
    open_findings = list(analysis.findings)
    assert len(open_findings) >= 3
    monkeypatch.setattr(ExportDialog, "exec", REAL_EXEC)
    names = []

    def steps(dialog):
        names.append(dialog.path.name)
        _focus(qtbot, dialog, dialog.profile_box)
        qtbot.keyClick(dialog.profile_box, Qt.Key.Key_Down)  # 讲话稿念稿版式
        names.append((dialog.profile, dialog.path.name))
        qtbot.keyClick(dialog.profile_box, Qt.Key.Key_Up)
        names.append((dialog.profile, dialog.path.name))
        assert dialog.comments_box.text().startswith(f"把检查发现的 {len(open_findings)} 处问题")
        _tick_comments(qtbot, dialog)
        assert dialog.comments
        qtbot.keyClick(dialog.comments_box, Qt.Key.Key_Return)  # the default button: 导出

    calls = answer(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(window.exported, timeout=30_000) as signal:
        _drive_export_dialog(qtbot, window, steps)
    assert names == ["讲话.docx", ("speech", "讲话（念稿）.docx"), ("gongwen", "讲话.docx")]
    out = tmp_path / "讲话.docx"
    assert signal.args == [str(out)] and calls[-1][0] == "question"
    entries = comments(out)
    assert sorted(comment_text(c) for c in entries.values()) == sorted(f"{f.code} {f.message}" for f in open_findings)
    anchored = anchored_text(document(out))
    assert {DRAFT[f.offset:f.offset + f.length] for f in open_findings} == set(anchored.values())


def test_a_name_the_writer_typed_is_kept_and_ignored_findings_are_left_out(qtbot, window, tmp_path, monkeypatch,
                                                                          answer):
    analysis, _ = _open_draft(qtbot, window, tmp_path)
    window.ignore_finding(next(f for f in analysis.findings if f.code == "GW301"))  # 忽略此处
    qtbot.waitUntil(lambda: not any(f.code == "GW301" for f in window.analysis.findings), timeout=10_000)
    monkeypatch.setattr(ExportDialog, "exec", REAL_EXEC)
    target = tmp_path / "mine.docx"

    def steps(dialog):
        _focus(qtbot, dialog, dialog.path_edit)
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.path_edit, str(target))
        _focus(qtbot, dialog, dialog.profile_box)
        qtbot.keyClick(dialog.profile_box, Qt.Key.Key_Down)
        assert dialog.path == target  # typed by the writer: kept
        _tick_comments(qtbot, dialog)
        qtbot.keyClick(dialog.comments_box, Qt.Key.Key_Return)

    answer(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(window.exported, timeout=30_000):
        _drive_export_dialog(qtbot, window, steps)
    texts = [comment_text(c) for c in comments(target).values()]
    assert texts and not any(t.startswith("GW301") for t in texts)


def test_without_the_box_the_export_has_no_comments(qtbot, window, tmp_path, monkeypatch, answer):
    _open_draft(qtbot, window, tmp_path)
    monkeypatch.setattr(ExportDialog, "exec", REAL_EXEC)

    def steps(dialog):
        assert not dialog.comments_box.isChecked()
        qtbot.keyClick(dialog.profile_box, Qt.Key.Key_Return)

    answer(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(window.exported, timeout=30_000):
        _drive_export_dialog(qtbot, window, steps)
    with zipfile.ZipFile(tmp_path / "讲话.docx") as package:
        assert "word/comments.xml" not in package.namelist()


def test_the_font_warning_is_said_once_and_shown_again_on_request(qtbot, window, tmp_path, monkeypatch, answer):
    # a profile naming a font no computer has: the warning is certain on any machine
    profile = tmp_path / "缺字体.toml"
    text = (REPO_ROOT / "resources" / "profiles" / "gongwen.toml").read_text(encoding="utf-8")
    profile.write_text(text.replace('fangsong = ["仿宋_GB2312"', 'fangsong = ["没有这种字体"'), encoding="utf-8")
    monkeypatch.setattr(export_adapter, "said_once", export_adapter.SaidOnce())  # a fresh run of the program
    calls = answer(QMessageBox.StandardButton.No)
    _open_draft(qtbot, window, tmp_path)
    for name in ("一.docx", "二.docx"):
        with qtbot.waitSignal(window.exported, timeout=30_000):
            window.start_export(window.editor.toPlainText(), tmp_path / name, str(profile))
    said = [text for kind, _, text, _ in calls if kind == "question"]
    assert len(said) == 2
    assert "本机未安装以下字体" in said[0] and "没有这种字体" in said[0]
    assert "本机未安装以下字体" not in said[1]

    # 字体情况… in the export dialog shows the fonts whenever asked
    monkeypatch.setattr(ExportDialog, "exec", REAL_EXEC)
    boxes = []
    click_box_button(monkeypatch, "确定", boxes)

    def steps(dialog):
        _focus(qtbot, dialog, dialog.fonts_button)
        qtbot.keyClick(dialog.fonts_button, Qt.Key.Key_Space)

    _drive_export_dialog(qtbot, window, steps)
    assert boxes, "no font box was shown"
    lines = boxes[0][1].split("\n")
    catalog = installed_fonts()
    body = next(line for line in lines if "正文" in line.split("：")[0])
    chain = ("仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋")
    has_fangsong = any(catalog.has(name) for name in chain)
    assert ("本机已安装" in body) == has_fangsong and ("本机未安装" in body) != has_fangsong
    assert any(line.startswith("标题") for line in lines) and any("页码" in line for line in lines)


def test_a_draft_checked_on_f7_only_is_checked_when_its_comments_are_exported(qtbot, window, tmp_path, monkeypatch,
                                                                               answer):
    from desktop.ui import main_window, workers

    monkeypatch.setattr(main_window, "LIVE_CHECK_LIMIT", 20)
    monkeypatch.setattr(workers, "LIVE_CHECK_LIMIT", 20)
    path = tmp_path / "讲话.txt"
    path.write_text(DRAFT, encoding="utf-8")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.checking_on_f7_only, timeout=10_000)
    assert window.analysis is None or window.analysis.revision != window.revision  # nothing checked yet
    monkeypatch.setattr(ExportDialog, "exec", REAL_EXEC)
    labels = []

    def steps(dialog):
        labels.append(dialog.comments_box.text())
        _tick_comments(qtbot, dialog)
        qtbot.keyClick(dialog.comments_box, Qt.Key.Key_Return)

    answer(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(window.exported, timeout=30_000):
        _drive_export_dialog(qtbot, window, steps)
    assert "导出时检查全文" in labels[0]
    from desktop.ui import lint_adapter

    findings = lint_adapter.analyse(0, DRAFT).findings
    out = tmp_path / "讲话.docx"
    assert sorted(comment_text(c) for c in comments(out).values()) == sorted(f"{f.code} {f.message}" for f in findings)
    assert {DRAFT[f.offset:f.offset + f.length] for f in findings} == set(anchored_text(document(out)).values())
