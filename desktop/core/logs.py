"""The program's log file: where details for a developer go, so the writer's terminal shows only the
program's own Chinese messages.

Every record (ours, with tracebacks, and libraries' such as pypdf's English "EOF marker not found") and
every Python warning goes to `<data folder>/gongwen.log` (rotated at 1 MB, one old file kept). When that
file cannot be written (a read-only home), records are dropped rather than printed.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "gongwen.log"
_MAX_BYTES = 1024 * 1024
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_installed: logging.Handler | None = None


def log_path() -> Path:
    from desktop.core import paths

    return paths.data_dir() / LOG_FILE_NAME


def log_to_file(level: int = logging.INFO) -> Path | None:
    """Send all logging and warnings to the log file; returns its path, or None when it cannot be
    written. Calling it again (another data folder, as in tests) moves the handler."""
    global _installed
    root = logging.getLogger()
    try:
        path = log_path()
        with path.open("a", encoding="utf-8"):
            pass
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=1, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter(_FORMAT))
    except OSError:
        path, handler = None, logging.NullHandler()
    if _installed is not None:
        root.removeHandler(_installed)
        _installed.close()
    _installed = handler
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.captureWarnings(True)
    logging.raiseExceptions = False  # a full disk must not print logging's own tracebacks either
    return path


class OwnRecords(logging.Filter):
    """Only the program's own records (for a console beside the log file)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == "desktop" or record.name.startswith("desktop.")
