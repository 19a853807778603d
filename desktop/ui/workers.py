"""Off-thread work: the live checker and one-off tasks such as export.

Workers get plain snapshots (text, revision, rule switches), never widgets, and send results back by
signal. The checker keeps one job in flight: a request made while one runs waits for it and then the
newest snapshot is taken; results whose revision is no longer the editor's are dropped.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop.core.sections import SectionCounter
from desktop.ui import lint_adapter

if TYPE_CHECKING:  # lint's config loads with the first check, after the first paint
    from desktop.core.lint.config import Suppression

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """Run fn() in a pool thread; deliver its result or its error message on the GUI thread."""

    def __init__(self, fn: Callable[[], object]):
        super().__init__()
        self.fn = fn
        self.relay = _Relay()
        self.setAutoDelete(False)  # the owner keeps it until its signal arrived

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the window, which shows it
            log.exception("background task failed")
            self.relay.failed.emit(str(exc) or traceback.format_exc(limit=1))
            return
        self.relay.done.emit(result)


# Beyond this many characters (some 330 pages) the window checks the draft on F7 only: a check of the
# whole draft takes seconds of the interpreter the window types with. Its outline is still parsed after a
# pause in typing, and such jobs run gently (below).
LIVE_CHECK_LIMIT = 200_000
GENTLE_SWITCH_S = 0.0005


def _gently(job: Callable[[], object]) -> Callable[[], object]:
    """The job with the interpreter handing over to the GUI thread every half millisecond instead of every
    5 ms. A keystroke enters Python some ten times (the editor's event, the document's signals, the
    highlighter); behind a job of seconds each entry waited up to one switch interval, so a keystroke
    took 50–120 ms of waiting against 6–11 ms of work."""

    def run() -> object:
        before = sys.getswitchinterval()
        sys.setswitchinterval(GENTLE_SWITCH_S)
        try:
            return job()
        finally:
            sys.setswitchinterval(before)

    return run


class LiveChecker(QObject):
    """Debounced outline + lint of editor snapshots in a private one-thread pool."""

    started = Signal(int)  # a check of this revision was handed to the worker
    analysed = Signal(object)  # lint_adapter.Analysis of the current revision
    outlined = Signal(object)  # an Analysis without findings: the outline alone (a draft checked on F7 only)
    failed = Signal(str)  # the checker raised: the window says so instead of showing stale results

    def __init__(self, delay_ms: int = 400, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._start)
        self.delay_ms = delay_ms
        self._outline_only = False  # what the timer starts: the check, or the outline alone
        self._check_asked = False  # check_now while a job ran: a check, whatever the timer does meanwhile
        self._source: Callable[[], tuple[int, str]] | None = None
        self._revision_now: Callable[[], int] = lambda: self.current_revision
        self.current_revision = -1
        self.disabled: frozenset[str] = frozenset()
        self.ignores: frozenset[Suppression] = frozenset()
        self.properties = None  # the draft's level and place as the writer set them (DraftProperties)
        # The banks for GW306, once the window has them; read when a check starts.
        self.corpus_source: Callable[[], lint_adapter.CorpusSource] | None = None
        self.analyser = lint_adapter.Analyser()  # used only from the pool's one thread
        self.sections = SectionCounter()  # likewise
        self._busy = False
        self._pending = False
        self._tasks: set[Task] = set()
        self.dropped = 0  # stale results thrown away (a measure, shown in the log)

    def set_source(self, source: Callable[[], tuple[int, str]], revision_now: Callable[[], int]) -> None:
        """source() returns (revision, text) of the editor right now; revision_now() just the revision."""
        self._source = source
        self._revision_now = revision_now

    def set_delay(self, delay_ms: int) -> None:
        self.delay_ms = delay_ms
        self.timer.setInterval(delay_ms)

    def schedule(self) -> None:
        """The text changed: check it after a pause in typing."""
        self._outline_only = False
        self.timer.start(self.delay_ms)

    def schedule_outline(self, delay_ms: int) -> None:
        """The text changed and is checked on F7 only: parse its outline after a longer pause."""
        self._outline_only = True
        self.timer.start(delay_ms)

    def check_now(self) -> None:
        self.timer.stop()
        self._check_asked = True
        self._start()

    def outline_now(self) -> None:
        self.timer.stop()
        self._outline_only = True
        self._start()

    def _start(self) -> None:
        if self._source is None:
            return
        if self._busy:
            self._pending = True
            return
        revision, text = self._source()
        self.current_revision = revision
        disabled, ignores, properties = self.disabled, self.ignores, self.properties
        outline_only, analyser = self._outline_only and not self._check_asked, self.analyser
        self._check_asked = False
        corpus = self.corpus_source() if self.corpus_source is not None and not outline_only else None

        def job() -> lint_adapter.Analysis:
            if outline_only:
                return self._for_window(analyser.outline(revision, text))
            return self._for_window(analyser.analyse(revision, text, disabled, ignores, properties, corpus))

        task = Task(_gently(job) if len(text) > LIVE_CHECK_LIMIT else job)
        task.relay.done.connect(self._finished)
        task.relay.failed.connect(self._failed)
        self._tasks.add(task)
        self._busy = True
        self.pool.start(task)
        if not outline_only:
            self.started.emit(revision)

    def _finished(self, analysis: lint_adapter.Analysis) -> None:
        self._release()
        if analysis.revision != self._revision_now():
            self.dropped += 1
            log.debug("dropped stale analysis of revision %s", analysis.revision)
        elif analysis.checked:
            self.analysed.emit(analysis)
        else:
            self.outlined.emit(analysis)
        if self._pending:
            self._pending = False
            self._start()

    def _for_window(self, analysis: lint_adapter.Analysis) -> lint_adapter.Analysis:
        """What the window makes of an outline, worked out here rather than in the GUI thread."""
        from desktop.ui.finding_spans import FindingSpans
        from desktop.ui.highlighter import line_styles

        analysis.sections = self.sections.sections(analysis.outline)
        analysis.styles = line_styles(analysis.outline)
        if analysis.checked:
            analysis.spans = FindingSpans(analysis.findings, analysis.text)
        return analysis

    def _failed(self, message: str) -> None:
        log.error("checker failed: %s", message)
        self._release()
        self.failed.emit(message)
        if self._pending:
            self._pending = False
            self._start()

    def _release(self) -> None:
        self._busy = False
        sender = self.sender()
        self._tasks = {t for t in self._tasks if t.relay is not sender}

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
