"""Fixtures for the phrase widgets: a real bank file mined from a small corpus, an editor, and helpers
that send Chinese the way an input method does (QInputMethodEvent commit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QWidget

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths
from desktop.ui.phrases.bank_provider import BankProvider
from tests.unit.bank.conftest import RULES, write, write_corpus

# More speeches than the bank tests' three, so a paragraph's topic picks out its phrases.
DOC_D = (
    "在乡村振兴工作会议上的讲话\n"
    "乡村振兴要久久为功，持续用力。要强产业、强人才、强治理。\n"
    "防汛工作也要攻坚克难、真抓实干。\n"
)


@pytest.fixture
def bank_file(tmp_path) -> Path:
    corpus = write_corpus(tmp_path / "corpus")
    write(corpus, "d.txt", DOC_D)
    path = tmp_path / "bank.sqlite"
    with PhraseBank.open(path) as bank:
        import_paths(bank, [corpus], miner=RULES)
    return path


@pytest.fixture
def provider(bank_file, qapp):
    provider = BankProvider(query_bank=bank_file, write_bank=bank_file)
    yield provider
    provider.close()


@pytest.fixture
def editor(qtbot):
    editor = QPlainTextEdit()
    editor.resize(600, 400)
    show_focused(qtbot, editor, editor)
    return editor


def show_focused(qtbot, window, editor) -> None:
    """Show a window and wait until its editor has the keyboard focus."""
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)


def in_one_window(qtbot, editor, side):
    """The editor and a side widget in one window, as in the writing window."""
    host = QWidget()
    layout = QHBoxLayout(host)
    layout.addWidget(editor, 2)
    layout.addWidget(side, 1)
    host.resize(1000, 600)
    show_focused(qtbot, host, editor)
    editor.host_window = host  # the host owns the editor: keep it as long as the test holds the editor
    return host


def commit(widget, text: str) -> None:
    """Chinese as an IME delivers it: a commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def compose(widget, preedit: str) -> None:
    """An IME composition in progress (pinyin shown but not committed)."""
    QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))


def set_text(editor: QPlainTextEdit, text: str) -> None:
    """Type `text` through the IME and leave the cursor at its end."""
    editor.clear()
    commit(editor, text)
    editor.moveCursor(QTextCursor.MoveOperation.End)


def key(qtbot, widget, key_code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key_code, modifier)
