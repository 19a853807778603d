"""Every main dialog speaks Chinese: no visible button or label is English only.

Our own dialogs and message boxes are opened through the window's actions and looked at while shown;
Qt's file dialogs are the ones the window opens (QFileDialog's static functions, which offscreen are
Qt's own widgets, not a native dialog), read through QApplication.activeModalWidget()."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QToolButton,
    QWidget,
)

from desktop.core.recovery import RecoveryEntry
from desktop.ui.app import _application, create_window
from desktop.ui.recovery import ask_restore
from tests.ui.conftest import close_quietly, ime_commit

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def english_only(text: str) -> bool:
    """Words in Latin letters and not one Chinese character (paths, file names and keys aside)."""
    text = text.replace("&", "").strip()
    if not text or CJK.search(text) or "/" in text or "\\" in text or re.fullmatch(r"[\w.-]+\.\w+", text):
        return False
    return bool(LATIN_WORD.search(text))


def visible_words(dialog: QWidget) -> list[str]:
    """The texts a writer reads: title, labels, buttons (a tool button's tooltip when it has no text)."""
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QToolButton) and not widget.text():
            texts.append(widget.toolTip())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and not widget.pixmap().isNull() is False:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return [t for t in texts if t]


class Inspector:
    """Looks at each dialog while it is shown, then closes it the way Esc would."""

    def __init__(self):
        self.seen: dict[str, list[str]] = {}

    def look(self, dialog: QWidget) -> None:
        QApplication.processEvents()
        name = f"{type(dialog).__name__} {dialog.windowTitle()}"
        self.seen[name] = visible_words(dialog)

    def python_exec(self, dialog: QDialog) -> int:
        dialog.show()
        self.look(dialog)
        if isinstance(dialog, QMessageBox):  # as Esc: 取消, else 否, else the only button
            reject = QMessageBox.ButtonRole.RejectRole
            rejecting = [b for b in dialog.buttons() if dialog.buttonRole(b) == reject]
            answers = [dialog.button(QMessageBox.StandardButton.No)] + rejecting + dialog.buttons()
            next(b for b in answers if b is not None).click()
        dialog.hide()
        return QDialog.DialogCode.Rejected

    def modal_soon(self) -> None:
        """For dialogs Qt opens and runs itself (QFileDialog's static functions)."""

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                QTimer.singleShot(20, poll)
                return
            self.look(modal)
            modal.reject()

        QTimer.singleShot(0, poll)

    def english(self) -> dict[str, list[str]]:
        found = {name: [w for w in words if english_only(w)] for name, words in self.seen.items()}
        return {name: bad for name, bad in found.items() if bad}


@pytest.fixture
def inspector(monkeypatch, qapp):
    seen = Inspector()
    monkeypatch.setattr(QDialog, "exec", lambda dialog: seen.python_exec(dialog))
    monkeypatch.setattr(QMessageBox, "exec", lambda dialog: seen.python_exec(dialog))
    return seen


@pytest.fixture
def window(qtbot, qapp):
    """The window as `gongwen` starts it, once its start-up after the first paint is done."""
    _application()
    window = create_window()
    qtbot.waitUntil(lambda: window.phrase_tools is not None, timeout=30_000)
    yield window
    close_quietly(window)


def test_qt_speaks_chinese_once_the_window_is_up(window):
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："  # from our table
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_no_main_dialog_shows_an_english_only_button_or_label(qtbot, window, inspector, tmp_path):
    tools = window.phrase_tools
    for open_one in (window.open_dialog, window.save_as, tools.menu.import_folder, tools.menu.import_files):
        inspector.modal_soon()
        open_one()
    window.export_dialog()
    window.settings_dialog()
    window.show_help()
    window.show_about()
    tools.menu.manage()
    ask_restore(window, RecoveryEntry(session="s", text="标题\n正文", saved_at=datetime.now().isoformat(),
                                      path=None, pid=1, ignores=[]))
    window.new_speech_dialog()  # opened window-modal, not run: looked at as it stands
    inspector.look(window.speech_dialog)
    window.speech_dialog.reject()
    ime_commit(window.editor, "加入素材的一句话")
    window.editor.selectAll()
    tools.panel.add_selection()
    with qtbot.waitSignal(window.exported, timeout=30_000):
        window.start_export(window.editor.toPlainText(), tmp_path / "讲话.docx", "gongwen")
    assert not window.close()  # unsaved: asked, and 取消 keeps the window
    menu = window.editor.createStandardContextMenu()  # Qt's own words too
    assert not [a.text() for a in menu.actions() if english_only(a.text().split("\t")[0])]

    file_dialogs = [name for name in inspector.seen if name.startswith("QFileDialog")]
    assert len(file_dialogs) == 4, list(inspector.seen)
    assert len(inspector.seen) >= 14, list(inspector.seen)
    assert inspector.english() == {}
    assert {"查找范围(&L)：", "文件类型(&T)：", "取消"} <= set(inspector.seen["QFileDialog 打开文稿"])
    assert {"保存", "不保存", "取消"} <= set(inspector.seen["QMessageBox 保存改动"])
    assert {"是", "否"} <= set(inspector.seen["QMessageBox 导出完成"])


def test_the_checker_itself_catches_english(inspector):
    assert english_only("Look in:") and english_only("&Cancel") and english_only("Don't Save")
    assert not english_only("查找范围：") and not english_only("/home/user/讲话") and not english_only("a.txt")
    assert not english_only("F1") and not english_only("2026")
