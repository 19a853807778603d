"""Autosave, restore after a crash (with a real killed process), clean exit, excepthook."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core import paths
from desktop.core.recovery import RecoveryEntry, RecoveryStore
from desktop.ui import main_window as main_window_module
from desktop.ui import recovery as recovery_ui
from desktop.ui.settings import Settings, save_settings
from tests.conftest import REPO_ROOT
from tests.ui.conftest import click_box_button, close_quietly, ime_commit

DRAFT = "在全市防汛工作会议上的讲话\n同志们：\n一、思想上要高度重视\n汛期将至，各地要XX。\n"


def recovery_files():
    return sorted(paths.recovery_dir().glob("*.json"))


def test_autosave_writes_a_recovery_copy_and_clean_exit_removes_it(qtbot, make_window):
    window = make_window(Settings(autosave_seconds=1, lint_delay_ms=50))
    ime_commit(window.editor, DRAFT)
    with qtbot.waitSignal(window.autosaved, timeout=5_000) as signal_info:
        pass
    path = signal_info.args[0]
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    assert data["text"] == DRAFT and data["pid"] == os.getpid()
    assert "已自动保存" in window.autosave_label.text()
    window.editor.document().setModified(False)
    window.close()
    assert recovery_files() == []


def test_saving_the_file_removes_the_recovery_copy(qtbot, make_window, tmp_path):
    window = make_window(Settings(autosave_seconds=1, lint_delay_ms=50))
    target = tmp_path / "稿.txt"
    target.write_text("", encoding="utf-8")
    window.open_path(target)
    ime_commit(window.editor, DRAFT)
    window.autosave()
    qtbot.waitUntil(lambda: len(recovery_files()) == 1)  # written in a thread
    assert window.save()
    assert recovery_files() == []


def test_restore_prompt_shows_time_and_first_line(qtbot, make_window, monkeypatch):
    store = RecoveryStore(paths.recovery_dir())
    store.write(RecoveryEntry("old-session", DRAFT, "2026-05-01T09:30:15", None, 0, []))
    seen = []
    click_box_button(monkeypatch, "恢复", seen)
    window = make_window()
    window.offer_recovery()
    text, info = seen[0]
    assert "没有正常关闭" in text
    assert "2026-05-01 09:30:15" in info and "在全市防汛工作会议上的讲话" in info
    assert window.editor.toPlainText() == DRAFT and window.isWindowModified()
    assert not store.path_for("old-session").exists()
    assert [p.stem for p in recovery_files()] == [window.session]  # held under the new session


def test_discard_and_later(qtbot, make_window, monkeypatch):
    store = RecoveryStore(paths.recovery_dir())
    store.write(RecoveryEntry("kept", "稿一\n", "2026-05-01T09:30:15"))
    click_box_button(monkeypatch, "以后再说")
    window = make_window()
    window.offer_recovery()
    assert store.path_for("kept").exists() and window.editor.toPlainText() == ""
    click_box_button(monkeypatch, "丢弃")
    window.offer_recovery()
    assert not store.path_for("kept").exists()


@pytest.fixture
def hooked_window(make_window, monkeypatch):
    """A window with a draft typed, the excepthook installed and its message box recorded."""
    window = make_window()
    ime_commit(window.editor, DRAFT)
    reported: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: reported.append(box.text()))
    previous = sys.excepthook
    hook = recovery_ui.install_excepthook(window.write_recovery, lambda: window)
    yield hook, reported
    sys.excepthook = previous


def test_excepthook_writes_a_recovery_copy_before_reporting(hooked_window):
    hook, reported = hooked_window
    try:
        raise RuntimeError("模拟的故障")
    except RuntimeError:
        hook(*sys.exc_info())
    files = recovery_files()
    assert len(files) == 1 and json.loads(files[0].read_text(encoding="utf-8"))["text"] == DRAFT
    assert "模拟的故障" in reported[0] and str(files[0]) in reported[0]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL exists only on POSIX")
def test_sigkilled_process_is_restored_on_next_start(qtbot, tmp_path, isolated_data_dir, monkeypatch):
    """A real app process types, autosaves, is killed with SIGKILL; the next start restores the text."""
    save_settings(Settings(autosave_seconds=1))
    text_file = tmp_path / "typed.txt"
    text_file.write_text(DRAFT, encoding="utf-8")
    env = dict(os.environ, GONGWEN_DATA_DIR=str(isolated_data_dir), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "tests" / "ui" / "crash_driver.py"), str(text_file)],
        cwd=REPO_ROOT,
        env={**env, "PYTHONPATH": str(REPO_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        autosaved = None
        while time.monotonic() < deadline and autosaved is None:
            line = process.stdout.readline()
            if line.startswith("autosaved "):
                autosaved = line.split(" ", 1)[1].strip()
            elif not line and process.poll() is not None:
                break
        assert autosaved, "the app never autosaved"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    left = recovery_files()
    assert len(left) == 1 and json.loads(left[0].read_text(encoding="utf-8"))["pid"] == process.pid

    offered = []

    def restore(parent, entry):
        offered.append(entry)
        return recovery_ui.RESTORE

    monkeypatch.setattr(main_window_module, "ask_restore", restore)
    window = main_window_module.MainWindow(Settings(lint_delay_ms=50))
    try:
        window.show()
        window.offer_recovery()
        assert window.editor.toPlainText() == DRAFT
        assert offered[0].first_line == "在全市防汛工作会议上的讲话"
        assert abs((datetime.now() - offered[0].saved_time).total_seconds()) < 600
    finally:
        close_quietly(window)
    assert recovery_files() == []  # the clean exit of the second start removed its copy


def test_an_error_inside_a_qt_slot_reaches_the_hook(qtbot, hooked_window):
    from PySide6.QtCore import QTimer

    _, reported = hooked_window

    def broken_slot():
        raise ValueError("槽函数里的故障")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(reported))
    assert "槽函数里的故障" in reported[0]
    assert json.loads(recovery_files()[0].read_text(encoding="utf-8"))["text"] == DRAFT
