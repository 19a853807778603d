"""Debounced bank queries in one worker thread: one job in flight, the newest request wins, stale
results are dropped (each request carries a serial number)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, serial: int, fn: Callable[[], object]):
        super().__init__()
        self.setAutoDelete(False)
        self.serial = serial
        self.fn = fn
        self.relay = _Relay()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # a broken bank must not take the panel down
            log.exception("phrase query failed")
            deliver(self.relay.failed, self.serial, str(exc))
            return
        deliver(self.relay.done, self.serial, result)


def deliver(signal, *args) -> None:
    """Emit from a pool thread; a window closed meanwhile has no one left to tell."""
    try:
        signal.emit(*args)
    except RuntimeError:  # the relay was deleted with its widget
        log.debug("result dropped: its receiver is gone")


class QueryRunner(QObject):
    """request(fn, delay) runs fn() off the GUI thread after `delay` ms of quiet; `ready` gets the
    result of the newest request only."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._start)
        self.serial = 0
        self._fn: Callable[[], object] | None = None
        self._make: Callable[[], Callable[[], object]] | None = None
        self._running: _Job | None = None
        self._queued = False

    def request(self, fn: Callable[[], object], delay_ms: int = 0) -> None:
        self.serial += 1
        self._fn = fn
        self._make = None
        self.timer.start(max(0, delay_ms))

    def request_when_due(self, make: Callable[[], Callable[[], object]], delay_ms: int = 0) -> None:
        """As request, but the job is made by make() in the GUI thread when it starts: a snapshot of the
        draft is then taken once per query, not once per keystroke."""
        self.request(lambda: None, delay_ms)
        self._make = make

    def _start(self) -> None:
        if self._fn is None:
            return
        if self._running is not None:
            self._queued = True  # started when the running job ends
            return
        job = _Job(self.serial, self._make() if self._make is not None else self._fn)
        job.relay.done.connect(self._done)
        job.relay.failed.connect(self._failed)
        self._running = job
        self.pool.start(job)

    def _finish(self) -> None:
        self._running = None
        if self._queued:
            self._queued = False
            self._start()

    def _done(self, serial: int, result: object) -> None:
        current = serial == self.serial
        self._finish()
        if current:
            self.ready.emit(result)

    def _failed(self, serial: int, message: str) -> None:
        current = serial == self.serial
        self._finish()
        if current:
            self.failed.emit(message)

    def idle(self) -> bool:
        return self._running is None and not self.timer.isActive() and not self._queued

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
