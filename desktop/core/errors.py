"""Errors that carry a Chinese message for the user, naming the file and the reason."""

from __future__ import annotations

import os
from pathlib import Path


def has_undecodable_name(path: str | Path) -> bool:
    """True when the path holds bytes that are not UTF-8 (Python keeps them as lone surrogates): a file
    named on an old Windows PC, as a USB stick brings it. Such a name cannot be stored or printed as is."""
    return any("\udc80" <= ch <= "\udcff" for ch in str(path))


def readable(text: str | Path) -> str:
    """A path or name as the writer can read it: undecodable bytes are read as GBK when they are GBK
    (the old Windows code page for Chinese), else shown as escapes (bad_\\xff\\xfe.txt)."""
    text = str(text)
    if not has_undecodable_name(text):
        return text
    parts = []
    for part in text.split(os.sep):
        raw = os.fsencode(part)
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(raw.decode("gbk"))
            except UnicodeDecodeError:
                parts.append(raw.decode("utf-8", "backslashreplace"))
    return os.sep.join(parts)


def readable_name(path: str | Path) -> str:
    """The file's name (or the path itself when it has none, like `/`) in readable form."""
    path = Path(path)
    return readable(path.name or path)


class GongwenError(Exception):
    """Base for errors whose message is shown to the user as it is."""


class InputError(GongwenError):
    """A file that cannot be read, decoded or trusted."""

    def __init__(self, path: str | Path | None, reason: str):
        self.path = Path(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{readable_name(self.path)}：{reason}" if self.path is not None else reason)


class BankError(GongwenError):
    """The phrase bank cannot be opened or written."""
