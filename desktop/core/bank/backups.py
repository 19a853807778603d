"""Automatic backups of the user's bank, the health check, and the two ways back from a damaged bank.

- Before an import, a removal or a merge first changes the user's bank, a copy of the bank as it was
  is kept in `<data folder>/backups/` (SQLite's backup API, from a second connection inside the
  writer's transaction, so it is exactly the state the change starts from). The copy is checked with
  `PRAGMA quick_check`: a damaged bank never pushes a sound backup out. The last two are kept.
- A damaged bank is either restored from the newest sound backup, or started over: the writer's own
  phrases and favourites that can still be read are carried into a new, empty bank and the corpus files
  it had imported are listed for importing again. Either way the damaged file is first copied aside
  (`bank.damaged-<time>.sqlite`), so nothing the writer had is deleted.
- The new content is written into the existing file through SQLite (the backup API), so other programs
  that have the bank open see an ordinary change instead of a file swapped under them. Only a file
  SQLite cannot open at all is replaced on disk.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import paths
from desktop.core.bank.store import PhraseBank, read_only_uri
from desktop.core.bank.user_phrases import USER_DOCUMENT_PATH, NewPhrase, UserPhrases
from desktop.core.errors import BankError, has_undecodable_name, readable, readable_name

log = logging.getLogger(__name__)

BACKUP_FOLDER_NAME = "backups"
BACKUPS_KEPT = 2
_SIDE_FILES = ("-wal", "-shm", "-journal")
# A backup takes seconds; a part file this old was left by a process that died while writing it.
_ABANDONED_AFTER_SECONDS = 3600


def backup_folder() -> Path:
    return paths.data_dir() / BACKUP_FOLDER_NAME


def is_user_bank(path: str | Path) -> bool:
    try:
        return Path(path).resolve() == paths.user_bank_path().resolve()
    except (OSError, RuntimeError):
        return False


def list_backups(bank_path: str | Path) -> list[Path]:
    """The automatic backups of this bank, newest first (only the user's bank has them)."""
    if not is_user_bank(bank_path):
        return []
    folder = backup_folder()
    stem = Path(bank_path).stem
    found = [p for p in folder.glob(f"{stem}-*.sqlite") if p.is_file()] if folder.is_dir() else []
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}.sqlite"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.sqlite"
        number += 1
    return candidate


def quick_check(path: str | Path) -> str | None:
    """None when SQLite finds the file's pages sound, else what it found (in SQLite's words)."""
    path = Path(path)
    if not path.is_file():  # SQLite would wait forever on a pipe
        return "不是普通文件"
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    return None if rows == ["ok"] else "; ".join(rows[:3])


def keep_backup(bank_path: Path) -> Path | None:
    """Copy the bank as it is now into the backups folder and keep the last BACKUPS_KEPT; returns the
    copy, or None when the bank's copy is not sound (or cannot be written: the change goes on)."""
    folder = backup_folder()
    part = folder / f".{bank_path.stem}-{os.getpid()}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for left in folder.glob(f".{bank_path.stem}-*.part"):
            if left == part or time.time() - left.stat().st_mtime > _ABANDONED_AFTER_SECONDS:
                left.unlink(missing_ok=True)
        source = sqlite3.connect(read_only_uri(bank_path), uri=True)
        target = sqlite3.connect(part)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problem = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
            source.close()
        if problem != "ok":
            log.warning("not keeping a backup of %s: the bank is damaged (%s)", bank_path, problem)
            part.unlink(missing_ok=True)
            return None
        kept = _free_name(folder, f"{bank_path.stem}-{_stamp()}")
        os.replace(part, kept)
    except (sqlite3.Error, OSError) as exc:
        log.warning("could not back up %s: %s", bank_path, exc)
        part.unlink(missing_ok=True)
        return None
    for old in list_backups(bank_path)[BACKUPS_KEPT:]:
        old.unlink(missing_ok=True)
    log.info("kept a backup of %s as %s", bank_path, kept)
    return kept


def backup_label(backup: Path) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(backup.stat().st_mtime))


def damage_advice(bank_path: Path) -> str:
    """What the writer can do about a damaged bank, naming the backup there is to restore."""
    backups = list_backups(bank_path)
    rebuild = "gongwen restore --rebuild" + ("" if is_user_bank(bank_path) else f" --bank {bank_path}")
    in_editor = "，或在编辑器中按提示操作" if is_user_bank(bank_path) else ""
    keeps = "损坏的文件会另存一份，不会删除。"
    if backups:
        newest = backups[0]
        return (
            f"可以用 {backup_label(newest)} 的自动备份恢复（{newest}）：运行 gongwen restore{in_editor}；"
            f"也可以运行 {rebuild} 重建素材库（重新导入原来的语料文件）。{keeps}"
        )
    return (
        f"没有可用的自动备份；可以运行 {rebuild} 重建素材库（重新导入原来的语料文件，"
        f"保留能读出的“我的素材”和收藏）{in_editor}。{keeps}"
    )


def _regular_file(path: str | Path) -> Path:
    path = Path(path)
    if has_undecodable_name(path):
        raise BankError(f"{readable_name(path)}：文件名（或所在文件夹名）不是 UTF-8 编码，请改名后再用")
    if not path.is_file():
        what = "不存在" if not path.exists() else "不是普通文件（是文件夹、管道或设备）"
        raise BankError(f"{readable_name(path)}：{what}（{readable(path)}）")
    return path


def _copy_aside(bank_path: Path) -> Path:
    """A copy of the damaged bank (and its -wal) beside it, so nothing is lost by repairing it."""
    aside = _free_name(bank_path.parent, f"{bank_path.stem}.damaged-{_stamp()}")
    shutil.copyfile(bank_path, aside)
    wal = Path(f"{bank_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{aside}-wal"))
    return aside


def _overwrite(bank_path: Path, source: Path) -> None:
    """Make the bank file hold what `source` holds, through SQLite when it can still open the bank."""
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        dest = sqlite3.connect(bank_path, timeout=10)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = WAL")
            problem = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
            src.close()
        if problem == "ok":
            return
        log.warning("writing into the damaged bank %s left it unsound (%s): replacing it", bank_path, problem)
    except sqlite3.Error as exc:
        log.warning("SQLite cannot write into the damaged bank %s (%s): replacing the file", bank_path, exc)
    staged = bank_path.with_name(f"{bank_path.name}.restoring-{os.getpid()}")
    shutil.copyfile(source, staged)
    for suffix in _SIDE_FILES:
        Path(f"{bank_path}{suffix}").unlink(missing_ok=True)
    os.replace(staged, bank_path)


def restore_backup(bank_path: str | Path, backup: str | Path | None = None) -> Path:
    """Put the backup (the newest by default) in place of the bank; returns where the bank as it was
    has been copied."""
    bank_path = _regular_file(bank_path)
    if backup is None:
        backups = list_backups(bank_path)
        if not backups:
            raise BankError(f"{bank_path.name}：没有自动备份可以恢复（备份在导入或合并改动素材库之前保存于 {backup_folder()}）")
        backup = backups[0]
    backup = _regular_file(backup)
    problem = quick_check(backup)
    if problem is not None:
        raise BankError(f"{backup.name}：备份文件本身已损坏（{problem}），不能用来恢复")
    aside = _copy_aside(bank_path)
    _overwrite(bank_path, backup)
    log.info("restored %s from %s (the bank as it was: %s)", bank_path, backup, aside)
    return aside


@dataclass
class Salvage:
    """What could still be read from a damaged bank."""

    corpus_files: list[Path] = field(default_factory=list)  # documents whose files are still on disk
    missing_files: list[str] = field(default_factory=list)  # documents whose files are gone
    user_phrases: list[tuple[str, str, str, int]] = field(default_factory=list)  # text, kind, initials, count
    favourites: list[tuple[str, str, str]] = field(default_factory=list)  # text, kind, added_at
    unreadable: list[str] = field(default_factory=list)  # what could not be read


def salvage(bank_path: Path) -> Salvage:
    """Read what can be read, one table at a time: a damaged page loses only what is on it."""
    found = Salvage()
    try:
        conn = sqlite3.connect(read_only_uri(bank_path), uri=True)
    except sqlite3.Error as exc:
        found.unreadable.append(f"素材库（{exc}）")
        return found

    def rows(what: str, query: str, params: tuple = ()) -> list[tuple]:
        try:
            return conn.execute(query, params).fetchall()
        except sqlite3.Error as exc:
            found.unreadable.append(f"{what}（{exc}）")
            return []

    try:
        for (doc_path,) in rows(
            "语料文件清单", "SELECT path FROM documents WHERE path != ? ORDER BY id", (USER_DOCUMENT_PATH,)
        ):
            if Path(doc_path).is_file():
                found.corpus_files.append(Path(doc_path))
            else:
                found.missing_files.append(doc_path)
        found.user_phrases = rows(
            "我的素材",
            """SELECT p.text, p.kind, p.initials, o.count FROM documents d
               JOIN occurrences o ON o.document_id = d.id JOIN phrases p ON p.id = o.phrase_id
               WHERE d.path = ? ORDER BY p.id""",
            (USER_DOCUMENT_PATH,),
        )
        found.favourites = rows("收藏", "SELECT text, kind, added_at FROM favourites ORDER BY added_at")
    finally:
        conn.close()
    return found


def start_over(bank_path: str | Path) -> tuple[Salvage, Path]:
    """Replace a damaged bank by a new, empty one holding the writer's own phrases and favourites that
    could be read; returns what was salvaged (its `corpus_files` are to be imported again) and where the
    damaged bank was copied."""
    bank_path = _regular_file(bank_path)
    found = salvage(bank_path)
    aside = _copy_aside(bank_path)
    fresh = bank_path.with_name(f"{bank_path.name}.new-{os.getpid()}")
    for suffix in ("", *_SIDE_FILES):
        Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    try:
        with PhraseBank.open(fresh) as bank:
            _put_back(bank, found)
        conn = sqlite3.connect(fresh)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        _overwrite(bank_path, fresh)
    finally:
        for suffix in ("", *_SIDE_FILES):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    log.info("started %s over (the damaged bank: %s); %d files to import again",
             bank_path, aside, len(found.corpus_files))
    return found, aside


def _put_back(bank: PhraseBank, found: Salvage) -> None:
    if found.user_phrases:
        UserPhrases(bank).add_many(NewPhrase(*row) for row in found.user_phrases)
    with bank.transaction():
        bank.conn.executemany(
            "INSERT OR IGNORE INTO favourites (text, kind, added_at) VALUES (?, ?, ?)", found.favourites
        )
