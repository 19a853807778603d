"""Stopping a long import from inside: the user pressed 取消 while a document was being mined.

Each poll is also where a mining thread lets the window run. The mining modules are compiled and run no
bytecode, and the interpreter hands the GIL to a waiting thread only while running bytecode, at a call
such as `check` (kept uncompiled for that). So every loop of mining that can run over a whole document
polls at least every POLL_EVERY items, with or without a `cancelled`."""

from __future__ import annotations

from collections.abc import Callable

Poll = Callable[[], bool]  # true once the user asked to stop; cheap, polled between blocks of work
POLL_EVERY = 200  # lines, sentences or candidates between two polls: well under a millisecond compiled


class Cancelled(Exception):
    """Raised from deep inside reading or mining so the enclosing transaction rolls the file back."""


def check(cancelled: Poll | None) -> None:
    """Raise Cancelled once `cancelled()` is true; a point where a waiting thread gets the GIL either way."""
    if cancelled is not None and cancelled():
        raise Cancelled
