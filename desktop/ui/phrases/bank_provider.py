"""Where the phrase widgets get their banks: one read connection set per thread, reopened after writes.

SQLite connections belong to the thread that opened them, so the GUI thread and the query worker each
hold their own BankGroup. `invalidate()` (after an import or an edit) makes every thread reopen on its
next query and tells the widgets to refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.core.errors import GongwenError
from desktop.core.bank.store import BankGroup, PhraseBank
from desktop.core.bank.banks import open_query_banks, open_write_bank
from desktop.core.bank.user_phrases import UserPhrases, read_favourites
from desktop.ui.workers import Task

log = logging.getLogger(__name__)


class BankProvider(QObject):
    changed = Signal()  # the banks were written: lists should be queried again
    problem = Signal(str)  # a bank could not be opened (shown once in the status bar)

    def __init__(self, query_bank: str | Path | None = None, write_bank: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.query_bank = query_bank  # None: the user's bank with the default bank
        self.write_bank_path = write_bank  # None: the user's bank
        self.user_bank_damaged = False  # queries leave the user's bank out until it is repaired
        self.generation = 0
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._tasks: set[Task] = set()  # writes in flight (a Task is kept until its signal arrived)
        self._favourites: tuple[int, set[tuple[str, str]]] = (-1, set())

    def group(self) -> BankGroup:
        """This thread's banks (opened on first use, reopened after `invalidate`)."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == self.generation:
            return held[1]
        if held is not None:
            held[1].close()
        try:
            with self._open_lock:  # two threads must not both build a missing default bank
                group = open_query_banks(self.query_bank, with_user_bank=not self.user_bank_damaged)
        except GongwenError as exc:
            log.warning("no phrase bank: %s", exc)
            self.problem.emit(str(exc))
            group = BankGroup([], [str(exc)])
        for message in group.problems:
            self.problem.emit(message)
        self._local.held = (self.generation, group)
        return group

    def open_write(self) -> PhraseBank:
        """A new connection to the bank writes go to; the caller closes it (in its own thread)."""
        return open_write_bank(self.write_bank_path)

    def favourites(self) -> set[tuple[str, str]]:
        with self._lock:
            if self._favourites[0] == self.generation:
                return self._favourites[1]
        found: set[tuple[str, str]] = set()
        for bank in self.group().banks:
            if not bank.readonly or bank.path == self._write_path():
                found |= read_favourites(bank)
        with self._lock:
            self._favourites = (self.generation, found)
        return found

    def _write_path(self) -> Path:
        from desktop.core import paths

        return Path(self.write_bank_path) if self.write_bank_path else paths.user_bank_path()

    def invalidate(self) -> None:
        self.generation += 1
        self.changed.emit()

    def close(self) -> None:
        held = getattr(self._local, "held", None)
        if held is not None:
            held[1].close()
            self._local.held = None

    # ---- writes --------------------------------------------------------------------------------

    def write(self, job: Callable[[UserPhrases], object], done: Callable[[object], None] | None = None,
              failed: Callable[[str], None] | None = None) -> None:
        """Run job(UserPhrases of the write bank) in a pool thread (it may load pypinyin), then
        invalidate and call done(result) or failed(message) on the GUI thread."""

        def work() -> object:
            try:
                with self.open_write() as bank:
                    return job(UserPhrases(bank))
            except (GongwenError, ValueError):
                raise
            except Exception as exc:  # the writer sees the reason; the traceback goes to the log
                log.exception("writing the phrase bank failed")
                raise GongwenError(f"写入素材库失败（{type(exc).__name__}: {exc}）") from exc

        task = Task(work)
        self._tasks.add(task)

        def finished(result: object) -> None:
            self._tasks.discard(task)
            self.invalidate()
            if done is not None:
                done(result)

        def broken(message: str) -> None:
            self._tasks.discard(task)
            if failed is not None:
                failed(message)

        task.relay.done.connect(finished)
        task.relay.failed.connect(broken)
        QThreadPool.globalInstance().start(task)
