"""A bank's SQLite connection that turns SQLite's storage failures into the writer's Chinese messages.

Every statement and every fetch goes through `BankConnection` and `BankCursor`, so a damaged page met
in the middle of a query, a read-only file, a full disk or a locked bank raises a `BankFault` naming
the file and saying what to do, wherever in the program it happens. A fault is both a `BankError`
(shown to the writer as it is) and a `sqlite3.DatabaseError` (so code that rolls back on SQLite errors
still does). Errors that are the program's own (a wrong statement, a broken constraint) pass unchanged.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.core.errors import BankError

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_MAGIC = b"SQLite format 3\x00"

# Python before 3.11 gives only the message.
_CODES_BY_MESSAGE = (
    ("malformed", SQLITE_CORRUPT),
    ("file is not a database", SQLITE_NOTADB),
    ("readonly database", SQLITE_READONLY),
    ("database or disk is full", SQLITE_FULL),
    ("disk i/o error", SQLITE_IOERR),
    ("unable to open database file", SQLITE_CANTOPEN),
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
)


class BankFault(BankError, sqlite3.DatabaseError):
    """SQLite could not use the bank file; the message names the file and what to do."""

    def __init__(self, path: Path, message: str):
        self.path = path
        super().__init__(message)


class BankDamaged(BankFault):
    """The file is a SQLite database whose pages are damaged."""


class BankBusy(BankFault):
    """Another connection holds the bank's write lock."""


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(exc).lower()
    return next((code for words, code in _CODES_BY_MESSAGE if words in text), None)


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def damage_message(path: Path) -> str:
    from desktop.core.bank.backups import damage_advice  # names the backup to restore, if there is one

    return f"素材库文件已损坏：{path}。{damage_advice(path)}"


def fault_for(path: Path, exc: sqlite3.Error) -> BankFault | None:
    """The writer's message for a storage failure of the bank at `path`; None for the program's own
    errors, and for a file that is not SQLite at all (opening says "not a bank" for that)."""
    code = primary_code(exc)
    name = path.name
    if code == SQLITE_CORRUPT or (code == SQLITE_NOTADB and looks_like_sqlite(path)):
        return BankDamaged(path, damage_message(path))
    if code == SQLITE_READONLY:
        return BankFault(
            path, f"{name}：素材库文件是只读的，不能写入（{path}）；请检查该文件及所在文件夹的写入权限，素材库未改动"
        )
    if code == SQLITE_FULL:
        return BankFault(path, f"{name}：磁盘空间不足，素材库未能写入（{path}）；请清理磁盘后再试，素材库保持原样")
    if code == SQLITE_IOERR:
        return BankFault(path, f"{name}：读写素材库文件时出错（{path}）；请检查磁盘或存储设备")
    if code == SQLITE_CANTOPEN:
        return BankFault(path, f"{name}：无法打开素材库文件（{path}）；请检查该文件及所在文件夹的权限")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return BankBusy(path, f"{name}：素材库正被另一个程序写入，请稍后再试")
    return None


def _raise_translated(path: Path, exc: sqlite3.Error) -> None:
    fault = fault_for(path, exc) if not isinstance(exc, BankFault) else None
    if fault is not None:
        raise fault from exc


def _translating(method: Callable) -> Callable:
    """A cursor method whose storage failures become the bank's faults."""

    @functools.wraps(method)
    def call(cursor: sqlite3.Cursor, *args):
        try:
            return method(cursor, *args)
        except sqlite3.DatabaseError as exc:
            _raise_translated(cursor.connection.bank_path, exc)  # type: ignore[attr-defined]
            raise

    return call


class BankCursor(sqlite3.Cursor):
    execute = _translating(sqlite3.Cursor.execute)
    executemany = _translating(sqlite3.Cursor.executemany)
    executescript = _translating(sqlite3.Cursor.executescript)
    fetchone = _translating(sqlite3.Cursor.fetchone)
    fetchmany = _translating(sqlite3.Cursor.fetchmany)
    fetchall = _translating(sqlite3.Cursor.fetchall)
    __next__ = _translating(sqlite3.Cursor.__next__)


class BankConnection(sqlite3.Connection):
    """Open with `connect()`; statements run through `BankCursor`."""

    bank_path: Path

    def cursor(self, factory: Callable[..., sqlite3.Cursor] = BankCursor):  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql: str, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, seq_of_parameters, /):
        return self.cursor().executemany(sql, seq_of_parameters)

    def executescript(self, sql_script: str, /):
        return self.cursor().executescript(sql_script)


def connect(path: Path, target: str | Path, *, uri: bool = False) -> BankConnection:
    """A connection to the bank file `path` (`target` is what SQLite opens: the path or a URI)."""
    try:
        conn = sqlite3.connect(target, uri=uri, factory=BankConnection)
    except sqlite3.DatabaseError as exc:
        _raise_translated(path, exc)
        raise
    conn.bank_path = path
    return conn
