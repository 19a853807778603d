"""Files in the window: open any encoding and .docx, save atomically, save as, recent, drops, prompts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui.settings import load_settings
from tests.ui.conftest import click_box_button, ime_commit, wait_analysis

TEXT = "关于做好安全生产工作的讲话\n同志们：\n一、提高站位\n要切实担负起责任。\n"


def test_open_gb18030_and_save_keeps_encoding_and_line_endings(qtbot, window, tmp_path):
    path = tmp_path / "旧稿.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert window.open_path(path)
    assert window.editor.toPlainText() == TEXT
    assert "旧稿.txt" in window.windowTitle() and not window.isWindowModified()
    ime_commit(window.editor, "补充")
    assert window.isWindowModified()
    assert window.save()
    data = path.read_bytes()
    assert data.decode("gb18030") == ("补充" + TEXT).replace("\n", "\r\n")
    assert not window.isWindowModified()
    assert [p.name for p in tmp_path.iterdir()] == ["旧稿.txt"]  # no temporary file left behind
    assert str(path.resolve()) in load_settings().recent_files


def test_save_as_writes_utf8_txt(qtbot, window, tmp_path, monkeypatch):
    ime_commit(window.editor, TEXT)
    target = tmp_path / "新稿"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.save()  # untitled: save asks where
    saved = tmp_path / "新稿.txt"
    assert saved.read_bytes() == TEXT.encode("utf-8")
    assert window.path == saved and "新稿.txt" in window.windowTitle()


def test_open_docx_through_import_and_save_as_txt(qtbot, window, tmp_path, monkeypatch):
    import docx

    source = tmp_path / "领导讲话.docx"
    document = docx.Document()
    for line in TEXT.strip().split("\n"):
        document.add_paragraph(line)
    document.save(str(source))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    window.open_dialog()
    assert window.editor.toPlainText().strip() == TEXT.strip()
    assert "领导讲话.docx" in window.windowTitle()
    asked = []

    def save_dialog(parent, title, start, *args):
        asked.append(start)
        return str(tmp_path / "领导讲话.txt"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    assert window.save()  # never writes text over the .docx
    assert asked == [str(tmp_path / "领导讲话.txt")]
    assert (tmp_path / "领导讲话.txt").read_text(encoding="utf-8").strip() == TEXT.strip()
    assert source.read_bytes()[:2] == b"PK"


def test_unreadable_file_gets_a_chinese_message_naming_it(qtbot, window, tmp_path, answer):
    calls = answer()
    bad = tmp_path / "损坏.docx"
    bad.write_bytes(b"not a zip")
    assert not window.open_path(bad)
    assert calls and calls[0][0] == "warning" and "损坏.docx" in calls[0][2]
    missing = tmp_path / "没有这个文件.txt"
    assert not window.open_path(missing)
    assert "没有这个文件.txt" in calls[1][2]


def test_save_never_overwrites_a_file_changed_on_disk_without_asking(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "稿.txt"
    path.write_text(TEXT, encoding="utf-8")
    window.open_path(path)
    ime_commit(window.editor, "我的改动")
    path.write_text("同事的改动\n", encoding="utf-8")
    seen = []
    click_box_button(monkeypatch, "取消", seen)
    assert not window.save()
    assert path.read_text(encoding="utf-8") == "同事的改动\n"
    assert "稿.txt" in seen[0][0]
    click_box_button(monkeypatch, "仍然覆盖")
    assert window.save()
    assert path.read_text(encoding="utf-8").startswith("我的改动")


def test_recent_files_menu_reopens(qtbot, window, tmp_path):
    first, second = tmp_path / "甲.txt", tmp_path / "乙.txt"
    first.write_text("甲稿\n", encoding="utf-8")
    second.write_text("乙稿\n", encoding="utf-8")
    window.open_path(first)
    window.open_path(second)
    window._fill_recent_menu()
    actions = window.recent_menu.actions()
    assert [a.text().split(" ", 1)[1] for a in actions[:2]] == [str(second.resolve()), str(first.resolve())]
    actions[1].trigger()
    assert window.editor.toPlainText() == "甲稿\n"


def test_dropping_a_file_opens_it(qtbot, window, tmp_path):
    path = tmp_path / "拖入.txt"
    path.write_text("拖进来的文稿\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.editor.dropEvent(event)
    assert window.editor.toPlainText() == "拖进来的文稿\n"
    assert window.path == path


def test_close_with_unsaved_changes_asks(qtbot, window, answer):
    ime_commit(window.editor, "还没保存的一句话")
    calls = answer(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and "未保存" in calls[0][2]
    answer(QMessageBox.StandardButton.Discard)
    assert window.close()


def test_new_document_asks_then_clears(qtbot, window, answer):
    ime_commit(window.editor, "一句话")
    answer(QMessageBox.StandardButton.Discard)
    window.new_document()
    assert window.editor.toPlainText() == "" and "未命名" in window.windowTitle()
    assert wait_analysis(qtbot, window).findings == []


def test_gongwen_file_opens_the_file(qtbot, tmp_path):
    from desktop.ui.app import create_window
    from tests.ui.conftest import close_quietly

    path = tmp_path / "命令行.txt"
    path.write_text("从命令行打开\n", encoding="utf-8")
    window = create_window(str(path))
    try:
        qtbot.waitUntil(lambda: window.path == path)
        assert window.editor.toPlainText() == "从命令行打开\n"
    finally:
        close_quietly(window)
    assert Path(path).exists()


def test_gongwen_with_a_new_file_name_starts_that_draft(qtbot, tmp_path):
    from desktop.ui.app import create_window
    from tests.ui.conftest import close_quietly

    path = tmp_path / "新稿.txt"
    window = create_window(str(path))
    try:
        qtbot.waitUntil(lambda: window.path == path)
        assert "新稿.txt" in window.windowTitle() and not path.exists()
        ime_commit(window.editor, "新写的一句。")
        assert window.save()
        assert path.read_text(encoding="utf-8") == "新写的一句。"
    finally:
        close_quietly(window)


def test_dropping_on_a_side_panel_opens_too(qtbot, window, tmp_path):
    path = tmp_path / "拖到大纲.txt"
    path.write_text("拖到大纲上的文稿\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.path == path and window.editor.toPlainText() == "拖到大纲上的文稿\n"
