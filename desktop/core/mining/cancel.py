"""Stopping a long import from inside: the user pressed 取消 while a document was being mined."""

from __future__ import annotations

from collections.abc import Callable

Poll = Callable[[], bool]  # true once the user asked to stop; cheap, polled between blocks of work


class Cancelled(Exception):
    """Raised from deep inside reading or mining so the enclosing transaction rolls the file back."""


def check(cancelled: Poll | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled
