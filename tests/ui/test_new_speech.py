"""文件 → 新建讲话稿 in the real window, by keyboard: the dialog, the skeleton, Tab through the XX."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.bank.store import PhraseBank
from desktop.core.mining.model import Phrase, Source
from desktop.core.skeleton import date_line
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.ui.conftest import close_quietly, ime_commit

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

OPENING = "同志们：今天召开这次推进会，主要是通报项目进展，查找问题，推进全市重点项目建设再提速。"
CLOSING = "同志们，项目建设只有进行时、没有完成时。让我们推进各项工作再上新台阶！"


@pytest.fixture
def window(qtbot, tmp_path):
    """The window with a bank of passages written for these tests (a real SQLite file)."""
    phrases = [Phrase(OPENING, "opening"), Phrase(CLOSING, "closing")]
    for p in phrases:
        p.sources.append(Source("往年讲话.txt", p.text))
    bank_file = tmp_path / "素材.sqlite"
    with PhraseBank.open(bank_file) as bank, bank.transaction():
        touched = bank.store_document(
            path="往年讲话.txt", name="往年讲话.txt", title="往年讲话", text=OPENING + CLOSING,
            content_hash="h", size=1, phrases=phrases,
        )  # fmt: skip
        bank.refresh_phrases(touched)
    window = MainWindow(Settings(lint_delay_ms=50), bank=bank_file)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    yield window
    close_quietly(window)


def focused():
    return QApplication.focusWidget()


def open_dialog(qtbot, window):
    qtbot.keyClick(window.editor, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = window.speech_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and QApplication.activeWindow() is dialog)
    return dialog


def test_a_progress_meeting_speech_by_keyboard(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert focused() is dialog.kind_box and dialog.kind_box.currentText() == "动员会"
    qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Down)  # 推进会
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.meeting_edit
    ime_commit(dialog.meeting_edit, "全市重点项目建设")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.level_box, Qt.Key.Key_Down)  # 市
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.speaker_edit
    ime_commit(dialog.speaker_edit, "市长 李某")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.count_box
    qtbot.keyClick(dialog.count_box, Qt.Key.Key_Down)  # 3 → 2
    preview = dialog.preview.toPlainText()
    assert "下面，我讲两点意见。" in preview
    assert "开头、结尾取自素材库" in dialog.source_note.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    editor = window.editor
    text = editor.toPlainText()
    assert text == preview
    lines = text.split("\n")
    assert lines[:4] == ["在全市重点项目建设推进会上的讲话", "市长 李某", date_line(date.today()), "同志们："]
    assert lines[4] == OPENING.removeprefix("同志们：")  # from the bank
    assert lines[5].startswith("刚才，XX同志通报了")  # the template's, the bank has none
    assert lines[7:11] == ["一、肯定成绩，正视XX工作中的差距和不足", "XX。", "二、聚焦重点，推动XX工作提速增效", "XX。"]
    assert lines[-1] == CLOSING
    assert editor.document().isModified() and window.windowTitle().startswith("未命名")

    # the first XX is selected: typing replaces it; Tab selects the next, Shift+Tab goes back
    qtbot.waitUntil(lambda: focused() is editor)  # back in the window once the dialog is gone
    first = text.index("XX")
    assert (editor.textCursor().selectionStart(), editor.textCursor().selectedText()) == (first, "XX")
    ime_commit(editor, "张副市长")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    after = editor.toPlainText()
    second = after.index("XX")
    assert editor.textCursor().selectionStart() == second and editor.textCursor().selectedText() == "XX"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    third = after.index("XX", second + 2)
    assert editor.textCursor().selectionStart() == third
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.textCursor().selectionStart() == second
    assert "\t" not in editor.toPlainText()
    assert editor.toPlainText().startswith("在全市重点项目建设推进会上的讲话\n市长 李某")


def test_a_host_script_has_its_own_shape(qtbot, window):
    dialog = open_dialog(qtbot, window)
    qtbot.keyClick(dialog.kind_box, Qt.Key.Key_End)  # 主持词, the last kind
    assert dialog.kind_box.currentText() == "主持词" and dialog.count_label.text() == "议程项数："
    qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    text = window.editor.toPlainText()
    assert text.split("\n")[0] == "XX会议主持词"
    assert "今天的会议共有三项议程。" in text and "讲三点意见" not in text
    assert OPENING[4:] not in text and CLOSING not in text  # a host does not speak a leader's lines


def test_esc_leaves_the_draft_alone(qtbot, window):
    ime_commit(window.editor, "已经写了一半的稿子")
    dialog = open_dialog(qtbot, window)
    qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.editor.toPlainText() == "已经写了一半的稿子"


def test_an_unsaved_draft_is_offered_for_saving_first(qtbot, window, answer):
    calls = answer(QMessageBox.StandardButton.Cancel)
    ime_commit(window.editor, "已经写了一半的稿子")
    dialog = open_dialog(qtbot, window)
    qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [c[1] for c in calls] == ["保存改动"]
    assert window.editor.toPlainText() == "已经写了一半的稿子"  # cancelled: nothing lost


def test_tab_is_a_tab_again_once_no_placeholder_is_left(qtbot, window):
    from desktop.ui.phrases.insertion import insert_phrase

    editor = window.editor
    insert_phrase(editor, "请XX同志讲话，XX参加")
    assert editor.textCursor().selectedText() == "XX"
    ime_commit(editor, "王")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "XX"
    ime_commit(editor, "李")
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "请王同志讲话，李参加\t"
