"""取消 in the import dialog while a large file is being mined: mining stops at its next poll, not at
the end of the file, and the bank keeps nothing of that file."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from desktop.bench.workloads import corpus_documents
from desktop.core.bank.store import PhraseBank
from desktop.core.mining.cancel import Cancelled
from desktop.core.bank.importer import MinerFunctions, load_miner
from desktop.core.mining.miner import POLL_SENTENCES, mine_document
from desktop.core.mining.text import content_lines, split_sentences
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.corpus_dialogs import ImportDialog

HOLD_AT = 3  # the poll at which mining waits for the button: inside the first extractor


def test_the_cancel_button_stops_mining_inside_a_large_file(qtbot, tmp_path, qapp):
    text = "\n".join(corpus_documents(5_000_000))
    big = tmp_path / "大文件.txt"
    big.write_text(text, encoding="utf-8")
    blocks = len([s for line in content_lines(text) for s in split_sentences(line)]) // POLL_SENTENCES
    bank_path = tmp_path / "user.sqlite"
    provider = BankProvider(query_bank=bank_path, write_bank=bank_path)

    reached, pressed = threading.Event(), threading.Event()
    seen = {"polls": 0, "cancelled": False}

    def mine(doc, cancelled):
        def poll() -> bool:
            seen["polls"] += 1
            if seen["polls"] == HOLD_AT:  # hold mining here until the writer has pressed 取消
                reached.set()
                pressed.wait(20)
            return cancelled()

        try:
            return mine_document(doc, poll)
        except Cancelled:
            seen["cancelled"] = True
            raise

    dialog = ImportDialog(provider, [big], miner=MinerFunctions(mine, load_miner().initials_of, polls_cancel=True))
    qtbot.addWidget(dialog)
    dialog.cancel_button.clicked.connect(pressed.set)  # after the dialog's own handler
    dialog.show()
    dialog.start()
    qtbot.waitUntil(reached.is_set, timeout=20000)
    assert dialog.label.text() == "第 1 / 1 个文件：大文件.txt"
    with qtbot.waitSignal(dialog.done, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    dialog.worker.wait()
    assert blocker.args[0].cancelled  # the poll held by the button saw it: mining stopped there
    assert seen["cancelled"] and seen["polls"] == HOLD_AT < blocks / 10
    assert dialog.label.text() == "导入已取消"
    assert dialog.summary.toPlainText().startswith("导入已取消")
    with PhraseBank.open(bank_path) as bank:
        assert bank.documents() == []
    provider.close()
