"""Child of `gongwen bench --only import` (run offscreen by desktop.bench.ui_suites): a corpus imported
through the window's 语料 → 导入 dialog into an empty bank, beside reading, cleaning and mining the same
files without a bank, measured in the same process.

    python -m desktop.bench.import_probe FILES.json BANK

FILES.json lists the files to import. Prints one JSON object: the dialog's wall and CPU seconds from
start to its report, the progress it showed, what landed in the bank, and the baseline's seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    files = [Path(p) for p in json.loads(Path(argv[0]).read_text(encoding="utf-8"))]
    bank = Path(argv[1])

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.corpus import read_document
    from desktop.core.mining.miner import clear_caches, mine_document, mine_text
    from desktop.ui.phrases.bank_provider import BankProvider
    from desktop.ui.phrases.corpus_dialogs import ImportDialog

    app = QApplication(sys.argv[:1])
    mine_text("在全市工作会议上的讲话\n同志们：\n要早审批、早落地、早建设。\n", "warm-up")  # jieba's tables load once
    clear_caches()
    provider = BankProvider(query_bank=bank, write_bank=bank)
    dialog = ImportDialog(provider, files)
    dialog.show()
    shown: list[str] = []
    dialog.worker.starting.connect(lambda *_: QTimer.singleShot(0, lambda: shown.append(dialog.label.text())))
    loop = QEventLoop()
    dialog.done.connect(lambda _report: loop.quit())
    wall, cpu = time.perf_counter(), time.process_time()
    dialog.start()
    loop.exec()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    report = dialog.report
    dialog.worker.wait()
    app.processEvents()
    out = {
        "seconds": wall,
        "cpu": cpu,
        "files": len(files),
        "chars": sum(len(p.read_text(encoding="utf-8")) for p in files),
        "progress_shown": len(set(shown)),
        "added": report.count("added") if report is not None else 0,
        "documents": report.documents if report is not None else 0,
    }
    provider.close()

    clear_caches()
    wall, cpu = time.perf_counter(), time.process_time()
    for path in files:
        mine_document(read_document(path))
    out["baseline"], out["baseline_cpu"] = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
