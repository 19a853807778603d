"""Run work right after a widget's next frame is painted.

Work started before a paint competes with it for the interpreter: a worker thread running Python
(the checker, the bank) holds the interpreter lock for up to a switch interval (5 ms) each time the
paint needs it for a Python call (the highlighter, the editor's event handler), and a frame of a long
draft makes hundreds of such calls. So start-up and opening a draft show their text first and start
the background work once it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaintWatcher(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None], fallback_ms: int):
        super().__init__(widget)
        self.widget = widget
        self.fn: Callable[[], None] | None = fn
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self.fire)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self.fire)  # once the frame is on screen
        return False

    def fire(self) -> None:
        fn = self.fn
        self.cancel()
        if fn is not None:
            fn()

    def cancel(self) -> None:
        if self.fn is None:  # already run or cancelled
            return
        self.fn = None
        self.widget.removeEventFilter(self)
        self.deleteLater()


def after_next_paint(widget: QWidget, fn: Callable[[], None], fallback_ms: int = 2000) -> Callable[[], None]:
    """Call fn once, in the event-loop turn after widget's next Paint event (or after fallback_ms if the
    widget is never painted, e.g. hidden or minimised). Returns a function that cancels the call."""
    return _PaintWatcher(widget, fn, fallback_ms).cancel
