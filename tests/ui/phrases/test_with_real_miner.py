"""With the real extractors and the bundled bank: what a writer does on the first day."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.completion_popup import CompletionPopup
from desktop.ui.phrases.corpus_dialogs import ImportDialog
from desktop.ui.phrases.phrase_panel import PhrasePanel
from tests.ui.phrases.conftest import key, set_text


def test_type_jiujiu_press_alt_slash_and_1_then_undo_once(qtbot, editor):
    provider = BankProvider()  # the user's bank (none yet) and the bundled default bank
    popup = CompletionPopup(editor, provider)
    set_text(editor, "抓落实要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.AltModifier)
    assert popup.isVisible() and popup.candidates[0].text == "久久为功"
    key(qtbot, editor, Qt.Key.Key_1)
    assert editor.toPlainText() == "抓落实要久久为功"
    key(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "抓落实要久久"
    provider.close()


def test_importing_the_seed_folder_grows_the_bank_and_the_panel_shows_it(qtbot, tmp_path, editor, seeds_dir):
    bank = tmp_path / "user.sqlite"
    provider = BankProvider(query_bank=bank, write_bank=bank)
    with provider.open_write():
        pass
    panel = PhrasePanel(editor, provider)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "jjwg")
    qtbot.waitUntil(lambda: panel.runner.idle() and panel.status.text() == "没有找到素材", timeout=5000)
    dialog = ImportDialog(provider, [seeds_dir])  # the real extractors
    qtbot.addWidget(dialog)
    names: list[str] = []
    dialog.worker.starting.connect(lambda n, total, name: names.append(f"{n}/{total} {name}"))
    with qtbot.waitSignal(dialog.done, timeout=120_000) as blocker:
        dialog.start()
    dialog.worker.wait()
    report = blocker.args[0]
    seeds = sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert names == [f"{n}/{len(seeds)} {name}" for n, name in enumerate(seeds, 1)]
    assert report.count("added") == len(seeds) and not report.failures
    assert sum(report.phrases_by_kind.values()) > 100
    qtbot.waitUntil(lambda: panel.runner.idle() and [i.text for i in panel.items][:1] == ["久久为功"], timeout=10000)
    panel.runner.wait()
    provider.close()
