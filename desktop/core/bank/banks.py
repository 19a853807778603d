"""Which bank files a command reads and writes: the bundled default bank, the user's bank, or --bank FILE.

- Queries without --bank read the user's bank (if it exists) and the default bank, merged.
- Imports without --bank write the user's bank (paths.user_bank_path()).
- The default bank is resources/bank/default.sqlite, built by `make bank` and read-only at run time.
  When it is missing (a checkout where `make bank` never ran), it is built once from the bundled corpus
  into the user's data folder and rebuilt there only when the bundled corpus changes.

`python -m desktop.core.bank.banks OUT` builds a default bank into OUT (used by `make bank`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core import paths
from desktop.core.errors import BankError, GongwenError
from desktop.core.bank.backups import is_user_bank, quick_check
from desktop.core.bank.store import BankGroup, BankNeedsWriting, PhraseBank
from desktop.core.bank.importer import FileOutcome, MinerFunctions, collect_files, import_paths

log = logging.getLogger(__name__)

FALLBACK_DEFAULT_NAME = "default-bank.sqlite"
# The window asks for the default bank from more than one worker at start-up: one builds it, the others wait.
_FALLBACK_LOCK = threading.Lock()
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
_ABANDONED_AFTER_SECONDS = 3600
Progress = Callable[[int, int, FileOutcome], None]


def corpus_fingerprint(corpus_dir: Path) -> str:
    """A hash over the names and contents of the corpus files: the default bank's freshness mark."""
    digest = hashlib.sha256()
    files, _, _ = collect_files([corpus_dir]) if corpus_dir.is_dir() else ([], [], [])
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_default_bank(
    corpus_dir: Path, out: Path, progress: Progress | None = None, miner: MinerFunctions | None = None
) -> Path:
    """Mine `corpus_dir` into a fresh bank at `out`, then make it a single self-contained file
    (rollback journal, vacuumed) that can be opened read-only from an installed program."""
    if not corpus_dir.is_dir():
        raise BankError(f"找不到内置语料文件夹（{corpus_dir}），无法生成内置素材库")
    try:
        paths.writable_dir(out.parent)
    except GongwenError as exc:
        raise BankError(f"内置素材库缺失，也无法生成到数据文件夹中：{exc}") from exc
    _remove_abandoned_builds(out)
    # One file per process: two programs started at once may both build, and the last rename wins.
    tmp = out.with_name(f"{out.name}.building-{os.getpid()}")
    leftovers = [tmp, *(Path(f"{tmp}{suffix}") for suffix in _SQLITE_SIDE_FILES)]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        with PhraseBank.open(tmp) as bank:
            report = import_paths(bank, [corpus_dir], progress=progress, miner=miner)
            if report.failures:
                reasons = "；".join(o.message for o in report.failures)
                raise BankError(f"内置语料中有文件无法导入：{reasons}")
            with bank.transaction():
                # Paths of the build machine mean nothing where the bank is installed.
                bank.conn.execute("UPDATE documents SET path = 'corpus/' || name")
                bank.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('corpus_fingerprint', ?)",
                    (corpus_fingerprint(corpus_dir),),
                )
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("VACUUM")
        finally:
            conn.close()
        try:
            os.replace(tmp, out)
        except PermissionError:
            if not out.exists():
                raise
            # Windows: another process built it first and has it open; that bank is as good as this one.
            log.info("default bank %s is in use; keeping the one already there", out)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    return out


def _remove_abandoned_builds(out: Path) -> None:
    """Builds left behind by a process that died: a build takes seconds, these are hours old."""
    for leftover in out.parent.glob(f"{out.name}.building*"):
        try:
            if time.time() - leftover.stat().st_mtime > _ABANDONED_AFTER_SECONDS:
                leftover.unlink()
        except OSError:
            pass  # gone already, or still held open by a live build on Windows


def _fingerprint_of(bank_file: Path) -> str | None:
    try:
        with PhraseBank.open(bank_file, readonly=True) as bank:
            row = bank.conn.execute("SELECT value FROM meta WHERE key = 'corpus_fingerprint'").fetchone()
    except BankError:
        return None
    return row[0] if row else None


def ensure_default_bank(progress: Progress | None = None, miner: MinerFunctions | None = None) -> Path:
    """The default bank's file, building it into the user's data folder if the bundled one is missing."""
    bundled = paths.default_bank_path()
    if bundled.exists():
        return bundled
    corpus = paths.bundled_corpus_dir()
    fallback = paths.data_dir() / FALLBACK_DEFAULT_NAME
    with _FALLBACK_LOCK:
        fingerprint = corpus_fingerprint(corpus)
        if fallback.exists() and _fingerprint_of(fallback) == fingerprint:
            return fallback
        log.warning("bundled default bank %s is missing; building it into %s", bundled, fallback)
        return build_default_bank(corpus, fallback, progress, miner)


def open_for_reading(path: str | Path) -> PhraseBank:
    """Open a bank read-only; an older layout is first upgraded in place (that needs write access)."""
    path = Path(path)
    try:
        return PhraseBank.open(path, readonly=True)
    except BankNeedsWriting:
        # An empty or older file: the writable open creates or migrates it, or explains why it cannot.
        PhraseBank.open(path, create=False).close()
        return PhraseBank.open(path, readonly=True)


def open_query_banks(
    bank: str | Path | None = None, progress: Progress | None = None, with_user_bank: bool = True
) -> BankGroup:
    """The banks a query reads: --bank FILE alone, or the user's bank merged with the default bank
    (without the user's bank when it was found damaged and the writer has not repaired it yet)."""
    if bank is not None:
        return BankGroup([open_for_reading(bank)])
    banks: list[PhraseBank] = []
    problems: list[str] = []
    user = paths.user_bank_path()
    if user.exists() and with_user_bank:
        try:
            banks.append(open_for_reading(user))
        except BankError as exc:  # a broken user bank must not take the default bank down with it
            log.warning("user bank unusable: %s", exc)
            problems.append(f"{exc}（本次只使用内置素材库）")
    try:
        banks.append(PhraseBank.open(ensure_default_bank(progress), readonly=True))
    except BaseException:
        for opened in banks:
            opened.close()
        raise
    return BankGroup(banks, problems)


def user_bank_damage() -> str | None:
    """What SQLite's quick check of every page found wrong in the user's bank (about 0.3 s for a
    25 MB bank), or None when it is sound or absent."""
    user = paths.user_bank_path()
    return quick_check(user) if user.exists() else None


def documents_read_with(bank: str | Path | None = None) -> dict[str, str]:
    """Content hash → label of the documents an import into the user's bank must not repeat: those of
    the built-in bank, which every query reads beside it. Empty for `--bank FILE`, read alone, and
    while no built-in bank is there (nothing is built for this)."""
    if bank is not None:
        return {}
    for candidate in (paths.default_bank_path(), paths.data_dir() / FALLBACK_DEFAULT_NAME):
        if candidate.exists():
            try:
                with PhraseBank.open(candidate, readonly=True) as default:
                    return default.document_labels_by_hash()
            except BankError as exc:
                log.warning("built-in bank unreadable, imports are not checked against it: %s", exc)
                return {}
    return {}


def open_write_bank(bank: str | Path | None = None) -> PhraseBank:
    """The bank an import writes: --bank FILE, or the user's bank (which keeps automatic backups)."""
    opened = PhraseBank.open(bank if bank is not None else paths.user_bank_path())
    opened.keeps_backups = is_user_bank(opened.path)
    return opened


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("用法：python -m desktop.core.bank.banks 输出文件.sqlite", file=sys.stderr)
        return 2

    def show(index: int, total: int, outcome: FileOutcome) -> None:
        print(f"[{index}/{total}] {outcome.path.name}：{outcome.phrases} 条素材", file=sys.stderr)

    try:
        out = build_default_bank(paths.bundled_corpus_dir(), Path(args[0]), show)
    except BankError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    print(f"内置素材库已生成：{out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
