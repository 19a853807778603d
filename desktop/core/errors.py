"""Errors that carry a Chinese message for the user, naming the file and the reason."""

from __future__ import annotations

from pathlib import Path


class GongwenError(Exception):
    """Base for errors whose message is shown to the user as it is."""


class InputError(GongwenError):
    """A file that cannot be read, decoded or trusted."""

    def __init__(self, path: str | Path | None, reason: str):
        self.path = Path(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path.name}：{reason}" if self.path is not None else reason)


class BankError(GongwenError):
    """The phrase bank cannot be opened or written."""
