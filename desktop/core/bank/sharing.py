"""Sharing a bank as one file: export a consistent copy, and merge a colleague's copy into one's own.

Merging adds the documents the receiving bank does not have yet (by content), with their sentences and
phrases, plus the sender's own phrases (我的素材) and favourites. Nothing already there is replaced.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import BankError
from desktop.core.bank.store import PhraseBank
from desktop.core.bank.user_phrases import USER_DOCUMENT_PATH, UserPhrases

log = logging.getLogger(__name__)

BANK_FILE_SUFFIX = ".gwbank"


@dataclass
class MergeReport:
    documents_added: int = 0
    documents_skipped: int = 0  # already in the bank (same content)
    phrases_before: int = 0
    phrases_after: int = 0
    user_phrases_added: int = 0
    favourites_added: int = 0

    @property
    def phrases_added(self) -> int:
        return self.phrases_after - self.phrases_before


def export_bank(bank: PhraseBank, out: str | Path) -> Path:
    """Write a self-contained copy of `bank` (no -wal file needed) to `out`, atomically."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            bank.conn.backup(target)  # a consistent snapshot even while the bank is in WAL mode
            target.execute("PRAGMA journal_mode = DELETE")
            target.execute("VACUUM")
        finally:
            target.close()
        tmp.replace(out)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BankError(f"{out.name}：导出素材库失败（{exc}）") from exc
    return out


def _opened_copy(source: Path, folder: Path) -> Path:
    """A private copy of the shared file, checked and upgraded to the current layout."""
    if not source.is_file():
        raise BankError(f"{source.name}：文件不存在")
    if source.stat().st_size == 0:
        raise BankError(f"{source.name}：文件是空的，不是素材库")
    copy = folder / source.name  # so the opening code's messages name the writer's file
    shutil.copyfile(source, copy)
    PhraseBank.open(copy, create=False).close()  # refuses foreign or newer files, migrates older ones
    return copy


def merge_bank(bank: PhraseBank, source: str | Path) -> MergeReport:
    """Merge the bank file `source` into the writable `bank`, in one transaction."""
    source = Path(source)
    report = MergeReport()
    with tempfile.TemporaryDirectory(prefix="gongwen-merge-") as folder:
        copy = _opened_copy(source, Path(folder))
        c = bank.conn
        c.execute("ATTACH DATABASE ? AS incoming", (str(copy),))
        try:
            report.phrases_before = c.execute("SELECT count(*) FROM phrases").fetchone()[0]
            with bank.transaction():
                bank.before_change()
                touched = _merge_documents(bank, report)
                touched |= _merge_user_phrases(bank, report)
                report.favourites_added = c.execute(
                    """INSERT OR IGNORE INTO favourites (text, kind, added_at)
                       SELECT text, kind, added_at FROM incoming.favourites"""
                ).rowcount
                bank.refresh_phrases(touched)
            report.phrases_after = c.execute("SELECT count(*) FROM phrases").fetchone()[0]
        finally:
            c.execute("DETACH DATABASE incoming")
    return report


def _phrase_id(bank: PhraseBank, text: str, kind: str, pattern: str, initials: str) -> int:
    return bank.conn.execute(
        """INSERT INTO phrases (text, kind, pattern, initials) VALUES (?, ?, ?, ?)
           ON CONFLICT (text, kind) DO UPDATE SET
               pattern = CASE WHEN phrases.pattern = '' THEN excluded.pattern ELSE phrases.pattern END,
               initials = CASE WHEN phrases.initials = '' THEN excluded.initials ELSE phrases.initials END
           RETURNING id""",
        (text, kind, pattern, initials),
    ).fetchone()[0]


def _merge_documents(bank: PhraseBank, report: MergeReport) -> set[int]:
    c = bank.conn
    touched: set[int] = set()
    docs = c.execute(
        """SELECT id, name, path, title, text, content_hash, size, added_at, program_version
           FROM incoming.documents WHERE path != ? ORDER BY id""",
        (USER_DOCUMENT_PATH,),
    ).fetchall()
    for old_id, name, path, title, text, content_hash, size, added_at, version in docs:
        if bank.document_by_hash(content_hash) is not None:
            report.documents_skipped += 1
            continue
        unique_path = path
        while bank.document_by_path(unique_path) is not None:
            unique_path += "（共享）"
        new_id = c.execute(
            """INSERT INTO documents (name, path, title, text, content_hash, size, added_at, program_version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (name, unique_path, title, text, content_hash, size, added_at, version),
        ).lastrowid
        c.execute(
            """INSERT INTO sentences (document_id, position, text)
               SELECT ?, position, text FROM incoming.sentences WHERE document_id = ? ORDER BY position""",
            (new_id, old_id),
        )
        ids: dict[int, int] = {}
        for pid, ptext, kind, pattern, initials, count in c.execute(
            """SELECT p.id, p.text, p.kind, p.pattern, p.initials, o.count FROM incoming.occurrences o
               JOIN incoming.phrases p ON p.id = o.phrase_id WHERE o.document_id = ?""",
            (old_id,),
        ).fetchall():
            ids[pid] = _phrase_id(bank, ptext, kind, pattern, initials)
            c.execute(
                "INSERT INTO occurrences (phrase_id, document_id, count) VALUES (?, ?, ?)",
                (ids[pid], new_id, count),
            )
        for pid, sentence in c.execute(
            "SELECT phrase_id, sentence FROM incoming.sources WHERE document_id = ? ORDER BY id", (old_id,)
        ).fetchall():
            if pid in ids:
                c.execute(
                    "INSERT INTO sources (phrase_id, document_id, sentence) VALUES (?, ?, ?)",
                    (ids[pid], new_id, sentence),
                )
        touched |= set(ids.values())
        report.documents_added += 1
    return touched


def _merge_user_phrases(bank: PhraseBank, report: MergeReport) -> set[int]:
    rows = bank.conn.execute(
        """SELECT p.text, p.kind, p.initials, o.count FROM incoming.documents d
           JOIN incoming.occurrences o ON o.document_id = d.id
           JOIN incoming.phrases p ON p.id = o.phrase_id WHERE d.path = ?""",
        (USER_DOCUMENT_PATH,),
    ).fetchall()
    if not rows:
        return set()
    mine = UserPhrases(bank)
    doc_id = mine.document_id(create=True)
    touched: set[int] = set()
    for text, kind, initials, count in rows:
        phrase_id = _phrase_id(bank, text, kind, "", initials)
        report.user_phrases_added += bank.conn.execute(
            "INSERT OR IGNORE INTO occurrences (phrase_id, document_id, count) VALUES (?, ?, ?)",
            (phrase_id, doc_id, count),
        ).rowcount
        touched.add(phrase_id)
    return touched


@dataclass(frozen=True)
class CorpusDocument:
    id: int
    name: str
    path: str
    size: int  # bytes of the original file
    phrases: int  # phrases this document contributed
    added_at: str
    title: str


def corpus_documents(bank: PhraseBank) -> list[CorpusDocument]:
    """The imported documents of a bank (not the writer's own phrases), by name."""
    rows = bank.conn.execute(
        """SELECT d.id, d.name, d.path, d.size, count(o.phrase_id), d.added_at, d.title FROM documents d
           LEFT JOIN occurrences o ON o.document_id = d.id WHERE d.path != ?
           GROUP BY d.id ORDER BY d.name, d.id""",
        (USER_DOCUMENT_PATH,),
    ).fetchall()
    return [CorpusDocument(*row) for row in rows]


def remove_documents(bank: PhraseBank, ids: list[int]) -> int:
    """Remove documents and what they alone contributed, in one transaction."""
    touched: set[int] = set()
    with bank.transaction():
        if ids:
            bank.before_change()
        for doc_id in ids:
            touched |= bank.delete_document(doc_id)
        bank.refresh_phrases(touched)
    return len(ids)
