"""Reports of the development corpus imported through the 语料 → 导入 dialog with the real miner: the
dialog names each file as it goes and moves its bar, and every report lands in the bank, its page chrome
left behind. (How long the whole corpus takes is `gongwen bench --only import`.)"""

from __future__ import annotations

from desktop.core.bank.store import PhraseBank
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.corpus_dialogs import ImportDialog

CHROME = ("下载 打印", "【字号", "当前位置")  # controls and breadcrumbs these web copies begin with


def test_reports_imported_through_the_dialog_show_progress_and_land(qtbot, tmp_path, qapp, devcorpus):
    reports = sorted((devcorpus / "provincial_2026").glob("*.txt"))[:4]
    files = reports + sorted((devcorpus / "national").glob("*.txt"))[-2:]
    assert any(marker in f.read_text(encoding="utf-8") for f in files for marker in CHROME)  # chrome to clean
    bank = tmp_path / "user.sqlite"
    provider = BankProvider(query_bank=bank, write_bank=bank)
    dialog = ImportDialog(provider, files)  # the real miner, as the window imports
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[tuple[str, int, int]] = []
    dialog.worker.starting.connect(  # after the dialog's own slot: what the writer sees at that moment
        lambda *_: seen.append((dialog.label.text(), dialog.bar.value(), dialog.bar.maximum()))
    )
    with qtbot.waitSignal(dialog.done, timeout=120_000):
        dialog.start()
    dialog.worker.wait()

    total = len(files)
    assert seen == [(f"第 {n} / {total} 个文件：{f.name}", n - 1, total) for n, f in enumerate(files, 1)]
    assert dialog.label.text() == "导入完成" and dialog.bar.value() == total
    assert dialog.summary.toPlainText().startswith(f"文件：新增 {total} 个")
    assert dialog.cleaned.rowCount() == total
    with PhraseBank.open(bank, readonly=True) as opened:
        stored = {d.name: opened.document_text(d.name) for d in opened.documents()}
        assert opened.phrase_total() > 100 * total
    assert sorted(stored) == sorted(f.name for f in files)
    for name, text in stored.items():
        assert len(text) > 10_000, name
        assert not any(marker in text for marker in CHROME), name
    provider.close()
