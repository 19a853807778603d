"""The window when the bank is in trouble: another program's import holds it (the window's import waits
and says so), or the user's bank is damaged (explained at start, repaired on request, the editor usable
all along). Real bank files, a real second process holding SQLite's write lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core import paths
from desktop.core.bank.backups import list_backups, quick_check
from desktop.core.bank.banks import open_write_bank
from desktop.core.bank.importer import WAITING, import_paths
from desktop.ui.phrases.corpus_dialogs import ImportDialog
from tests.conftest import REPO_ROOT
from tests.hostile import BAD_NAME_SHOWN, bad_name_file, damage_pages, document_names
from tests.ui.conftest import close_quietly, ime_commit
from tests.unit.bank.conftest import DOC_A, DOC_B, RULES, write, write_corpus

# Holds the bank's write lock, as `gongwen mine` does for its whole run, until told to finish.
HOLDER = """
import sys
from desktop.core.bank.store import PhraseBank
with PhraseBank.open(sys.argv[1]) as bank, bank.transaction():
    print("holding", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture
def holder(bank_file):
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(bank_file)], cwd=REPO_ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )  # fmt: skip
    assert proc.stdout.readline().strip() == "holding"
    yield proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def waiting_import(qtbot, provider, corpus: Path) -> ImportDialog:
    """An import dialog started while the holder has the bank: it shows that it waits."""
    dialog = ImportDialog(provider, [corpus], miner=RULES)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: WAITING in dialog.label.text(), timeout=20_000)
    return dialog


def test_an_import_waits_for_another_programs_import_and_then_finishes(qtbot, tmp_path, provider, bank_file,
                                                                        holder):
    corpus = tmp_path / "more"
    write(corpus, "e.txt", DOC_A + "新的一年要再接再厉。\n")
    write(corpus, "f.txt", DOC_B + "新的一年要乘势而上。\n")
    before = document_names(bank_file)
    dialog = waiting_import(qtbot, provider, corpus)
    assert dialog.label.text().startswith("第 1 / 2 个文件：e.txt")
    assert dialog.worker.isRunning() and document_names(bank_file) == before
    holder.stdin.write("done\n")  # the other import ends
    holder.stdin.flush()
    with qtbot.waitSignal(dialog.done, timeout=30_000):
        pass
    dialog.worker.wait()
    assert dialog.summary.toPlainText().splitlines()[0] == "文件：新增 2 个"
    assert document_names(bank_file) == sorted([*before, "e.txt", "f.txt"])


def test_cancel_while_waiting_leaves_the_bank_as_it_was(qtbot, tmp_path, provider, bank_file, holder):
    corpus = tmp_path / "more"
    write(corpus, "e.txt", DOC_A + "新的一年要再接再厉。\n")
    before = document_names(bank_file)
    dialog = waiting_import(qtbot, provider, corpus)
    with qtbot.waitSignal(dialog.done, timeout=10_000):  # answered within a poll, not when the other ends
        dialog.cancel()
    dialog.worker.wait()
    assert dialog.report.cancelled and holder.poll() is None
    assert document_names(bank_file) == before


def test_the_window_import_reports_a_name_that_is_not_utf8_and_imports_the_rest(qtbot, tmp_path, provider,
                                                                              bank_file):
    corpus = tmp_path / "usb"
    write(corpus, "e.txt", DOC_A + "新的一年要再接再厉。\n")
    bad_name_file(corpus)
    dialog = ImportDialog(provider, [corpus], miner=RULES)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.done, timeout=30_000):
        dialog.start()
    dialog.worker.wait()
    lines = dialog.summary.toPlainText().splitlines()
    assert lines[0] == "文件：新增 1 个，失败 1 个"
    assert f"· {BAD_NAME_SHOWN}：文件名（或所在文件夹名）不是 UTF-8 编码" in "\n".join(lines)
    assert "e.txt" in document_names(bank_file)


@pytest.fixture
def damaged_user_bank(tmp_path) -> Path:
    """A user bank with one backup (from before its second import), then damaged where its sentences
    are (its list of corpus files can still be read)."""
    corpus = write_corpus(tmp_path / "corpus")
    with open_write_bank() as bank:
        import_paths(bank, [corpus / "a.txt"], miner=RULES)
    with open_write_bank() as bank:
        import_paths(bank, [corpus], miner=RULES)
    assert [document_names(b) for b in list_backups(paths.user_bank_path())] == [["a.txt"]]
    return damage_pages(paths.user_bank_path(), tables=("sentences",))


def start_window(qtbot):
    from desktop.ui.app import create_window

    window = create_window()
    qtbot.waitUntil(lambda: window.phrase_tools is not None, timeout=20_000)
    repair = window.phrase_tools.repair
    qtbot.waitUntil(lambda: repair.box is not None and repair.box.isVisible(), timeout=20_000)
    return window, repair


def press(repair, label_start: str) -> None:
    button = next(b for b in repair.box.buttons() if b.text().startswith(label_start))
    button.click()


def test_a_damaged_user_bank_is_explained_at_start_and_restored_from_its_backup(qtbot, damaged_user_bank):
    window, repair = start_window(qtbot)
    try:
        box = repair.box
        assert box.text().startswith("我的素材库文件已损坏，暂时只使用内置素材库")
        assert f"文件：{damaged_user_bank}" in box.informativeText()
        assert sorted(b.text()[:2] for b in box.buttons()) == sorted(["用 ", "重建", "以后"])
        assert window.phrase_tools.provider.user_bank_damaged
        # The editor is there and takes typing while the explanation is shown.
        window.editor.setFocus()
        ime_commit(window.editor, "同志们：")
        assert window.editor.toPlainText() == "同志们："
        press(repair, "用 ")
        qtbot.waitUntil(lambda: not window.phrase_tools.provider.user_bank_damaged, timeout=20_000)
        assert quick_check(damaged_user_bank) is None and document_names(damaged_user_bank) == ["a.txt"]
        assert list(damaged_user_bank.parent.glob("bank.damaged-*.sqlite"))
        assert "已从自动备份恢复我的素材库" in window.statusBar().currentMessage()
    finally:
        close_quietly(window)


def test_a_damaged_user_bank_is_rebuilt_from_its_corpus_files(qtbot, damaged_user_bank):
    window, repair = start_window(qtbot)
    try:
        menu = window.phrase_tools.menu
        press(repair, "重建")
        qtbot.waitUntil(lambda: bool(menu.dialogs), timeout=20_000)
        dialog = menu.dialogs[0]
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        dialog.worker.wait()
        assert not window.phrase_tools.provider.user_bank_damaged
        assert quick_check(damaged_user_bank) is None
        assert document_names(damaged_user_bank) == ["a.txt", "b.txt", "c.txt"]
        dialog.close()
        QApplication.processEvents()
    finally:
        close_quietly(window)
