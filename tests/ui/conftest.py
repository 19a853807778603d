"""Fixtures for the window tests: a real MainWindow, IME-style typing, answered modal dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings


def ime_commit(widget, text: str) -> None:
    """Deliver text the way an input method commits it (qtbot.keyClicks aborts on non-Latin-1)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focus_editor(qtbot, window) -> None:
    """Make the window active with the keyboard focus in its editor, as a writer clicking into it."""
    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)


def wait_analysis(qtbot, window, timeout: int = 10_000):
    """Wait until the window shows the analysis of its current text; return it."""
    qtbot.waitUntil(
        lambda: window.analysis is not None and window.analysis.revision == window.revision, timeout=timeout
    )
    return window.analysis


def close_quietly(window) -> None:
    window.editor.document().setModified(False)
    window.close()
    window.checker.wait()
    for pool in (window.checker.pool, window.background_pool):
        pool.waitForDone(10_000)
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog nobody stubbed would block the run: fail the test instead."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {args[1:3]}")

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: refuse(self, self.windowTitle(), self.text()))
    monkeypatch.setattr(QDialog, "exec", lambda self: refuse(self, self.windowTitle(), ""))


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(settings: Settings | None = None) -> MainWindow:
        window = MainWindow(settings or Settings(lint_delay_ms=50))
        windows.append(window)  # held here, closed by this fixture (before any dialog could block)
        window.show()
        return window

    yield make
    for window in windows:
        close_quietly(window)


@pytest.fixture
def window(make_window):
    return make_window()


KINDS = {
    QMessageBox.Icon.Question: "question",
    QMessageBox.Icon.Warning: "warning",
    QMessageBox.Icon.Information: "information",
    QMessageBox.Icon.Critical: "critical",
}


@pytest.fixture
def answer(monkeypatch):
    """Answer every message box with the given standard button (确定 where the box has only that);
    records (kind, title, text, button labels)."""
    calls = []

    def setup(button=QMessageBox.StandardButton.Discard):
        def fake_exec(box):
            calls.append((KINDS.get(box.icon(), ""), box.windowTitle(), box.text(),
                          [b.text() for b in box.buttons()]))
            chosen = box.button(button) or box.button(QMessageBox.StandardButton.Ok)
            if chosen is None:
                raise AssertionError(f"no {button} in {[b.text() for b in box.buttons()]}")
            chosen.click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        return calls

    return setup


def click_box_button(monkeypatch, label: str, seen: list | None = None) -> None:
    """Make every QMessageBox.exec() click the button labelled label (records the box texts)."""

    def fake_exec(box):
        if seen is not None:
            seen.append((box.text(), box.informativeText()))
        for button in box.buttons():
            if button.text() == label:
                button.click()
                return 0
        raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
