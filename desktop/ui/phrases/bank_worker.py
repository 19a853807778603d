"""The corpus import in a worker thread: progress per file, cancel between and inside files."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from desktop.core.errors import GongwenError
from desktop.core.bank.banks import documents_read_with, open_query_banks
from desktop.core.bank.importer import MinerFunctions
from desktop.core.bank.stepwise_import import import_stepwise
from desktop.ui.phrases.bank_provider import BankProvider

log = logging.getLogger(__name__)


class ImportWorker(QThread):
    starting = Signal(int, int, str)  # file number, number of files, file name
    file_done = Signal(int, int, object)  # file number, number of files, FileOutcome
    report_ready = Signal(object)  # StepwiseReport
    failed = Signal(str)
    waiting = Signal()  # another program's import holds the bank; this one waits for it

    def __init__(self, provider: BankProvider, paths: list[str | Path], miner: MinerFunctions | None = None,
                 parent=None, keep_backup: bool = True):
        super().__init__(parent)
        self.provider = provider
        self.paths = [Path(p) for p in paths]
        self.miner = miner
        self.keep_backup = keep_backup  # False when re-importing into a bank just started over
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelling(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            with self.provider.open_write() as bank:
                bank.keeps_backups = bank.keeps_backups and self.keep_backup
                report = import_stepwise(
                    bank,
                    self.paths,
                    starting=lambda n, total, path: self.starting.emit(n, total, path.name),
                    finished=lambda n, total, outcome: self.file_done.emit(n, total, outcome),
                    cancelled=self._cancel.is_set,
                    miner=self.miner,
                    waiting=self.waiting.emit,
                    elsewhere=documents_read_with(self.provider.query_bank),
                )
            with open_query_banks(self.provider.query_bank) as group:
                report.combined = group.totals()
        except GongwenError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # shown to the writer; the bank keeps the files already committed
            log.exception("corpus import failed")
            self.failed.emit(f"导入语料失败（{type(exc).__name__}: {exc}）")
        else:
            self.report_ready.emit(report)
