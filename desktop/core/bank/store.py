"""The phrase bank: one SQLite file of documents, phrases, their sources and an index of corpus sentences.

Answering a query needs only SQLite and plain Python: no jieba, no pypinyin (initials are stored when a
phrase is inserted, context is matched through stored character bigrams). See docs/BANK.md.
"""

from __future__ import annotations

import heapq
import logging
import math
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop import __version__
from desktop.core.errors import BankError, has_undecodable_name, readable_name
from desktop.core.bank import ranking
from desktop.core.bank.connection import BankBusy, connect
from desktop.core.mining.cancel import Poll, check
from desktop.core.mining.model import KINDS, Phrase, Source, document_label
from desktop.core.bank.schema import (
    SCHEMA_VERSION,
    V0_TABLES,
    create_current,
    delete_text_grams,
    insert_phrases,
    insert_sentences,
    insert_text_grams,
    migrate,
    now_iso,
    phrase_grams_for,
    read_version,
    table_names,
)
from desktop.core.bank.sentences import (
    han_bigram_list,
    is_initials_query,
    normalize_initials,
    split_sentences,
)

log = logging.getLogger(__name__)
# Sentences indexed between two polls of a cancel request (about a tenth of a second of full-text
# indexing; a 16 MB text has some 100 000 sentences).
_SENTENCES_PER_POLL = 2000

REQUIRED_TABLES = {
    "documents",
    "sentences",
    "phrases",
    "occurrences",
    "sources",
    "phrase_grams",
    "gram_stats",
    "text_grams",
}
BUSY_TIMEOUT_MS = 5000
# How often a writer that waits for another program's import looks again (and polls its cancel).
WAIT_POLL_MS = 1000
WRITE_CACHE_KIB = 64 * 1024
# Context ranking reads at most this many postings and scores at most this many phrases per query,
# so its cost stays flat however large the bank grows. Summing a posting costs about 0.7 µs, so the
# budget bounds the worst case; the rarest grams are the cheapest and weigh the most, so more grams
# within a smaller budget agree better with scoring every gram than the reverse (docs/PERFORMANCE.md).
CONTEXT_MAX_GRAMS = 96
CONTEXT_POSTING_BUDGET = 1500
CONTEXT_MAX_CANDIDATES = 100
# Bigrams found in more than this share of phrases (我们, 工作…) say nothing about the topic.
CONTEXT_MAX_DF_SHARE = 0.05
# Source sentences read for a phrase's context grams (a common phrase has hundreds; these say enough).
SOURCES_PER_PHRASE_FOR_GRAMS = 64
_SEARCH_PIECE = 4  # characters in each of the three pieces a long search text is looked up by
_PHRASE_COLUMNS = "id, text, kind, pattern, initials, count, docs"


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    path: str
    content_hash: str
    size: int
    added_at: str
    program_version: str


@dataclass(frozen=True)
class SearchHit:
    doc: str  # document name
    sentence: str
    position: int  # sentence number within the document
    title: str = ""  # the document's title

    @property
    def label(self) -> str:
        return document_label(self.doc, self.title)

    def to_json(self) -> dict:
        return {"doc": self.doc, "sentence": self.sentence, "position": self.position, "title": self.title}


@dataclass(frozen=True)
class RankedPhrase:
    """A phrase row with the parts of its rank; sorted descending by `key`."""

    text: str
    kind: str
    pattern: str
    initials: str
    count: int
    docs: int
    exact: int  # the query is the whole text or the whole initials
    context: float  # weight of the bigrams shared with the paragraph at the cursor
    match: int  # 2 prefix, 1 substring, 0 no query
    score: float = 0.0  # 相关 (a paragraph, no query): context blended with the prior (ranking.py); else context
    quality: float = ranking.UNJUDGED  # the judged quality 0..1, where the bank stores one

    @property
    def key(self) -> tuple:
        return (self.exact, round(self.score, 6), self.match, self.docs, self.count, -len(self.text))


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _after(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix` (for index range scans)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class BankNeedsWriting(BankError):
    """A bank opened for reading that must first be created or upgraded (that needs write access)."""


def read_only_uri(path: Path) -> str:
    """A read-only connection. A file nobody may write (444, chattr +i, a read-only folder) is opened
    as immutable: SQLite then needs no -wal/-shm beside it and leaves none behind. A WAL file still
    holding changes is read the ordinary way, so none of them is missed."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    wal = Path(f"{path}-wal")
    unwritable = not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
    if unwritable and not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return uri


def _check_writable(path: Path) -> None:
    """Refuse before SQLite opens a file it could only read (it would open it read-only without a
    word, leave empty -wal/-shm files and fail at the first write)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BankError(f"{path.name}：无法创建素材库所在的文件夹（{path.parent}：{exc.strerror or exc}）") from exc
    if path.exists() and not os.access(path, os.W_OK):
        raise BankError(
            f"{path.name}：素材库文件是只读的，不能写入（{path}）；请检查该文件的写入权限（或“只读”属性），素材库未改动"
        )
    if not os.access(path.parent, os.W_OK):
        raise BankError(
            f"{path.name}：素材库所在的文件夹不能写入（{path.parent}）；SQLite 需要在其中写日志文件，请检查权限，素材库未改动"
        )


class PhraseBank:
    """One bank file. Open with `PhraseBank.open`; use as a context manager or call `close()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool):
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.keeps_backups = False  # set for the user's bank by banks.open_write_bank
        self._backed_up = False
        self._has_quality: bool | None = None  # a judged quality per phrase (read if present)
        self._count_range: tuple[int, int, int] | None = None  # (phrases, largest docs, largest count)

    # ---- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, create: bool = True) -> PhraseBank:
        path = Path(path)
        if has_undecodable_name(path):
            raise BankError(f"{readable_name(path)}：素材库文件名（或所在文件夹名）不是 UTF-8 编码，请改名后再用")
        if not path.exists() and (readonly or not create):
            raise BankError(f"{path.name}：找不到素材库文件（{path}）")
        if path.exists() and not path.is_file():  # SQLite would wait forever on a pipe
            raise BankError(f"{path.name}：不是素材库文件（是文件夹、管道或设备）")
        try:
            if readonly:
                conn = connect(path, read_only_uri(path), uri=True)
            else:
                _check_writable(path)
                conn = connect(path, path)
        except BankError:
            raise
        except (sqlite3.Error, OSError) as exc:
            raise BankError(f"{path.name}：无法打开素材库（{exc}）") from exc
        conn.isolation_level = None  # transactions are explicit
        try:
            cls._prepare(conn, path, readonly)
        except BankError:  # damaged, locked, newer, not a bank: the message says so
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise BankError(f"{path.name}：不是有效的素材库文件（{exc}）") from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, readonly)

    @staticmethod
    def _prepare(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = read_version(conn)
        if version is not None and version > SCHEMA_VERSION:
            raise BankError(
                f"{path.name}：素材库由较新版本的公文写作助手创建（格式版本 {version}，"
                f"本程序支持到 {SCHEMA_VERSION}），请升级程序后再打开。"
            )
        if version == 0 and not V0_TABLES <= table_names(conn):
            raise BankError(f"{path.name}：不是素材库文件（其中没有素材表）")
        if readonly:
            if version is None:
                raise BankNeedsWriting(f"{path.name}：素材库文件是空的")
            if version < SCHEMA_VERSION:
                raise BankNeedsWriting(f"{path.name}：素材库格式较旧（版本 {version}），需要可写权限才能升级")
        else:
            # WAL lets the editor keep querying while an import writes; a larger page cache keeps a
            # big import from spilling index pages to disk again and again.
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() == "wal":
                # In WAL mode a commit stays atomic and the file consistent without an fsync of its own
                # (the log is synced at checkpoints): a power cut may undo the last commits, nothing
                # more. The window's import commits as it goes, and an fsync each time cost tens of ms.
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
            if version is None:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    if read_version(conn) is None:
                        create_current(conn)
                        conn.execute(
                            "INSERT INTO meta (key, value) VALUES ('created_by', ?), ('created_at', ?)",
                            (f"gongwen {__version__}", now_iso()),
                        )
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            elif version < SCHEMA_VERSION:
                try:
                    migrate(conn, version)
                except BankError:
                    raise
                except sqlite3.Error as exc:
                    raise BankError(
                        f"{path.name}：素材库从格式版本 {version} 升级失败（{exc}），文件保持原样"
                    ) from exc
        missing = REQUIRED_TABLES - table_names(conn)
        if missing:
            raise BankError(f"{path.name}：不是有效的素材库文件（缺少表 {', '.join(sorted(missing))}）")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PhraseBank:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ---- writing -------------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self.readonly:
            raise BankError(f"{self.path.name}：素材库以只读方式打开，不能写入")

    @contextmanager
    def transaction(self, waiting: Callable[[], None] | None = None) -> Iterator[None]:
        """One write transaction: everything inside lands, or nothing does. While another program
        holds the bank's write lock, `waiting()` is called about once a second and the wait goes on
        (it may raise to give up); without it the bank is reported busy after BUSY_TIMEOUT_MS."""
        self._require_writable()
        self._begin(waiting)
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _begin(self, waiting: Callable[[], None] | None) -> None:
        if waiting is None:
            self.conn.execute("BEGIN IMMEDIATE")
            return
        self.conn.execute(f"PRAGMA busy_timeout = {WAIT_POLL_MS}")
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except BankBusy:
                    waiting()
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _rollback(self, to_savepoint: bool = False) -> None:
        """Undo what is open. SQLite may have rolled back already (after a damaged page or a full
        disk), and a rollback that fails must not hide the error that made it necessary."""
        if not self.conn.in_transaction:
            return
        try:
            if to_savepoint:
                self.conn.execute("ROLLBACK TO step")
                self.conn.execute("RELEASE step")
            else:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.warning("rollback on %s failed", self.path, exc_info=True)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested step inside `transaction()` that can fail alone."""
        self.conn.execute("SAVEPOINT step")
        try:
            yield
        except BaseException:
            self._rollback(to_savepoint=True)
            raise
        self.conn.execute("RELEASE step")

    def before_change(self) -> None:
        """Called inside the write transaction before an import, a removal or a merge first changes
        the bank: the first call on this connection keeps a backup of the bank as it is, when the
        bank is the user's (see backups.py)."""
        if self.keeps_backups and not self._backed_up:
            self._backed_up = True
            if self.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM favourites)"
            ).fetchone()[0]:  # a new, empty bank is not worth one of the kept backups
                from desktop.core.bank.backups import keep_backup

                keep_backup(self.path)

    def store_document(
        self,
        *,
        path: str,
        name: str,
        title: str,
        text: str,
        content_hash: str,
        size: int,
        phrases: Iterable[Phrase],
        initials_of: Callable[[str], str] | None = None,
        cancelled: Poll | None = None,
    ) -> set[int]:
        """Insert a document with its sentences and phrases, replacing an older version at the same
        path. Returns the ids of the phrases whose totals must be refreshed (see `refresh_phrases`).
        `cancelled()` is polled between blocks of sentences (indexing a 16 MB text takes seconds); once
        true, `cancel.Cancelled` is raised and the caller's transaction must be rolled back."""
        touched: set[int] = set()
        old = self.document_by_path(path)
        if old is not None:
            touched |= self.delete_document(old.id)
        doc_id = self.conn.execute(
            """INSERT INTO documents (name, path, title, text, content_hash, size, added_at, program_version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (name, path, title, text, content_hash, size, now_iso(), __version__),
        ).lastrowid
        sentences = split_sentences(text)
        for start in range(0, len(sentences), _SENTENCES_PER_POLL):
            check(cancelled)
            insert_sentences(self.conn, doc_id, start, sentences[start : start + _SENTENCES_PER_POLL])
        check(cancelled)
        rows: list[tuple[int, str, str, str, str, int]] = []
        source_rows: list[tuple[int, str]] = []
        for phrase in _merge_duplicates(phrases):
            if phrase.kind not in KINDS or not phrase.text.strip():
                log.warning("skipping phrase %r of unknown kind %r", phrase.text, phrase.kind)
                continue
            initials = normalize_initials(phrase.initials)
            if not initials and initials_of is not None:
                initials = normalize_initials(initials_of(phrase.text))
            order = len(rows)
            rows.append((order, phrase.text, phrase.kind, phrase.pattern, initials, max(phrase.count, 1)))
            its_sentences = dict.fromkeys(source.sentence for source in phrase.sources if source.sentence)
            source_rows += [(order, sentence) for sentence in its_sentences]
        return touched | insert_phrases(self.conn, doc_id, rows, source_rows)

    def delete_document(self, doc_id: int) -> set[int]:
        """Remove a document and everything it contributed; returns the phrases to refresh."""
        touched = {
            row[0]
            for row in self.conn.execute("SELECT phrase_id FROM occurrences WHERE document_id = ?", (doc_id,))
        }
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return touched

    def refresh_phrases(self, phrase_ids: Iterable[int]) -> None:
        """Recompute count, docs and context grams of these phrases; drop those no document still has."""
        ids = list(set(phrase_ids))
        if not ids:
            return
        c = self.conn
        c.execute("CREATE TEMP TABLE IF NOT EXISTS touched_phrases (id INTEGER PRIMARY KEY)")
        c.execute("CREATE TEMP TABLE IF NOT EXISTS touched_grams (gram TEXT PRIMARY KEY)")
        c.execute("DELETE FROM touched_phrases")
        c.execute("DELETE FROM touched_grams")
        c.executemany("INSERT INTO touched_phrases (id) VALUES (?)", [(i,) for i in ids])
        c.execute(
            """INSERT OR IGNORE INTO touched_grams (gram) SELECT gram FROM phrase_grams
               WHERE phrase_id IN (SELECT id FROM touched_phrases)"""
        )
        delete_text_grams(c, "SELECT id FROM touched_phrases")
        c.execute("DELETE FROM phrase_grams WHERE phrase_id IN (SELECT id FROM touched_phrases)")
        c.execute(
            """UPDATE phrases SET
                   count = coalesce((SELECT sum(count) FROM occurrences o WHERE o.phrase_id = phrases.id), 0),
                   docs = (SELECT count(*) FROM occurrences o WHERE o.phrase_id = phrases.id)
               WHERE id IN (SELECT id FROM touched_phrases)"""
        )
        c.execute("DELETE FROM phrases WHERE id IN (SELECT id FROM touched_phrases) AND docs = 0")
        sentences: dict[int, list[str]] = {}
        for phrase_id, sentence in c.execute(
            """SELECT phrase_id, sentence FROM sources
               WHERE phrase_id IN (SELECT id FROM touched_phrases) ORDER BY phrase_id, id"""
        ):
            bucket = sentences.setdefault(phrase_id, [])
            if len(bucket) < SOURCES_PER_PHRASE_FOR_GRAMS:
                bucket.append(sentence)
        rows = c.execute(
            "SELECT id, text FROM phrases WHERE id IN (SELECT id FROM touched_phrases)"
        ).fetchall()
        grams = [
            (g, pid, own) for pid, text in rows for g, own in phrase_grams_for(text, sentences.get(pid, []))
        ]
        grams.sort()  # in key order the B-tree fills sequentially
        c.executemany("INSERT INTO phrase_grams (gram, phrase_id, own) VALUES (?, ?, ?)", grams)
        insert_text_grams(c, "SELECT id FROM touched_phrases")
        c.execute(
            """INSERT OR IGNORE INTO touched_grams (gram) SELECT gram FROM phrase_grams
               WHERE phrase_id IN (SELECT id FROM touched_phrases)"""
        )
        c.execute("DELETE FROM gram_stats WHERE gram IN (SELECT gram FROM touched_grams)")
        c.execute(
            """INSERT INTO gram_stats (gram, df) SELECT gram, count(*) FROM phrase_grams
               WHERE gram IN (SELECT gram FROM touched_grams) GROUP BY gram"""
        )
        c.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('phrase_total', (SELECT count(*) FROM phrases))"
        )

    # ---- documents -----------------------------------------------------------------------------

    def _document(self, where: str, value: object) -> DocumentInfo | None:
        row = self.conn.execute(
            f"""SELECT id, name, path, content_hash, size, added_at, program_version FROM documents
                WHERE {where} = ? ORDER BY id LIMIT 1""",
            (value,),
        ).fetchone()
        return DocumentInfo(*row) if row else None

    def document_by_path(self, path: str) -> DocumentInfo | None:
        return self._document("path", path)

    def document_by_hash(self, content_hash: str) -> DocumentInfo | None:
        return self._document("content_hash", content_hash)

    def documents(self) -> list[DocumentInfo]:
        return [
            DocumentInfo(*row)
            for row in self.conn.execute(
                """SELECT id, name, path, content_hash, size, added_at, program_version
                   FROM documents ORDER BY name"""
            )
        ]

    def document_labels_by_hash(self) -> dict[str, str]:
        """Content hash → how the document is named to the writer (its title, else its file name)."""
        rows = self.conn.execute("SELECT content_hash, name, title FROM documents")
        return {content_hash: document_label(name, title or "") for content_hash, name, title in rows}

    def document_text(self, name: str) -> str | None:
        row = self.conn.execute(
            "SELECT text FROM documents WHERE name = ? ORDER BY id LIMIT 1", (name,)
        ).fetchone()
        return row[0] if row else None

    # ---- reading phrases -----------------------------------------------------------------------

    def kind_counts(self) -> dict[str, int]:
        counts = dict(self.conn.execute("SELECT kind, count(*) FROM phrases GROUP BY kind"))
        return {kind: counts.get(kind, 0) for kind in KINDS}

    def phrase_total(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'phrase_total'").fetchone()
        return int(row[0]) if row else self.conn.execute("SELECT count(*) FROM phrases").fetchone()[0]

    def sources_of(self, texts_kinds: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Source]]:
        """The sources of the given phrases, by (text, kind)."""
        result: dict[tuple[str, str], list[Source]] = {}
        for text, kind in texts_kinds:
            result[(text, kind)] = [
                Source(*row)
                for row in self.conn.execute(
                    """SELECT d.name, s.sentence, d.title FROM phrases p
                       JOIN sources s ON s.phrase_id = p.id JOIN documents d ON d.id = s.document_id
                       WHERE p.text = ? AND p.kind = ? ORDER BY d.name, s.id""",
                    (text, kind),
                )
            ]
        return result

    def phrases(self, kind: str | None = None) -> list[Phrase]:
        """Every phrase (of one kind), in kind order, most widespread first, with its sources."""
        where, params = ("WHERE p.kind = ?", (kind,)) if kind else ("", ())
        sources: dict[int, list[Source]] = {}
        for phrase_id, doc, sentence, title in self.conn.execute(
            f"""SELECT s.phrase_id, d.name, s.sentence, d.title FROM sources s
                JOIN documents d ON d.id = s.document_id JOIN phrases p ON p.id = s.phrase_id {where}
                ORDER BY s.phrase_id, d.name, s.id""",
            params,
        ):
            sources.setdefault(phrase_id, []).append(Source(doc, sentence, title))
        rows = self.conn.execute(f"SELECT {_PHRASE_COLUMNS} FROM phrases p {where}", params).fetchall()
        order = {k: i for i, k in enumerate(KINDS)}
        rows.sort(key=lambda r: (order.get(r[2], len(order)), -r[6], -r[5], r[1]))
        return [
            Phrase(text, kind_, pattern, initials, count, docs, sources.get(pid, []))
            for pid, text, kind_, pattern, initials, count, docs in rows
        ]

    def rank(
        self, query: str = "", *, kind: str | None = None, context: str = "", limit: int = 10
    ) -> list[RankedPhrase]:
        """The best `limit` phrases for a query (text prefix/substring or pinyin initials) and the
        paragraph at the cursor, best first."""
        query = query.strip()
        initials_mode = is_initials_query(query)
        if initials_mode:
            query = query.lower()
        fetch = max(limit, 1)
        kind_sql, kind_params = (" AND kind = ?", (kind,)) if kind else ("", ())
        order = f" ORDER BY docs DESC, count DESC LIMIT {fetch}"
        # Beside a range (text, initials) or the trigram index the kind is only a filter, but with a
        # plain `kind = ?` SQLite walks the whole kind in phrases_rank instead (4–6 ms at 100,000
        # phrases, against 0.1 ms). The unary + keeps it off that index; `id` keeps the order that
        # index gave to phrases of equal docs and count, so the same ones are cut at the limit.
        range_kind_sql, range_order = kind_sql, order
        if kind:
            range_kind_sql = " AND +kind = ?"
            range_order = f" ORDER BY docs DESC, count DESC, id LIMIT {fetch}"
        ids: dict[int, None] = {}

        def collect(sql: str, params: tuple) -> None:
            ids.update((row[0], None) for row in self.conn.execute(sql, params))

        select = "SELECT id FROM phrases WHERE "
        if not query:
            collect(select + "1" + kind_sql + order, kind_params)
        elif initials_mode:
            collect(select + "initials = ?" + kind_sql + order, (query, *kind_params))
            if len(query) == 1:  # an equality on the first letter: its index is already in rank order
                collect(select + "substr(initials, 1, 1) = ?" + kind_sql + order, (query, *kind_params))
            else:
                collect(
                    select + "initials >= ? AND initials < ?" + range_kind_sql + range_order,
                    (query, _after(query), *kind_params),
                )
        else:
            prefix = (query, _after(query))
            # The phrase itself ranks first whatever its counts: fetch it even when more widespread
            # phrases starting with it fill the prefix fetch.
            collect(select + "text = ?" + kind_sql, (query, *kind_params))
            if len(query) == 1:
                collect(select + "substr(text, 1, 1) = ?" + kind_sql + order, (query, *kind_params))
            else:
                collect(
                    select + "text >= ? AND text < ?" + range_kind_sql + range_order, (*prefix, *kind_params)
                )
            # Substring matches rank after prefix matches, so fetch only those that are not prefixes.
            # A single character matches by prefix only: as a substring it is in too many phrases.
            inner = " AND NOT (text >= ? AND text < ?)"
            if len(query) >= 3:  # the trigram index answers substrings of three characters or more
                collect(
                    select
                    + "id IN (SELECT rowid FROM phrases_fts WHERE phrases_fts MATCH ?)"
                    + inner
                    + range_kind_sql
                    + range_order,
                    (_fts_phrase(query), *prefix, *kind_params),
                )
            elif len(query) == 2:  # two characters: the phrases' own bigrams, read in rank order
                if kind:
                    sql = """SELECT t.phrase_id FROM text_grams t JOIN phrases p ON p.id = t.phrase_id
                             WHERE t.gram = ? AND p.kind = ? ORDER BY t.docs DESC, t.count DESC"""
                else:
                    sql = "SELECT phrase_id FROM text_grams WHERE gram = ? ORDER BY docs DESC, count DESC"
                collect(sql + f" LIMIT {fetch}", (query, *kind_params))

        context_parts = self.context_parts(context) if context else {}
        weights = ranking.load_weights()
        blend = bool(context) and not query
        if blend and not kind and 0 < limit < len(context_parts):
            ids.update(dict.fromkeys(self._placing(context_parts, list(ids), limit, weights)))
        else:
            ids.update(dict.fromkeys(context_parts))
        # Context candidates that do not match the query or the kind are dropped below anyway:
        # let SQLite drop them before their rows are built.
        if not query:
            match_sql, match_params = "", ()
        elif initials_mode:
            match_sql, match_params = " AND initials >= ? AND initials < ?", (query, _after(query))
        elif len(query) == 1:
            match_sql, match_params = " AND substr(text, 1, 1) = ?", (query,)
        else:  # a prefix is also a substring
            match_sql, match_params = " AND instr(text, ?) > 0", (query,)
        rows = []
        wanted = list(ids)
        columns = f"{_PHRASE_COLUMNS}, {self._quality_column()}"
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows += self.conn.execute(
                f"SELECT {columns} FROM phrases WHERE id IN ({','.join('?' * len(chunk))})"
                + match_sql
                + range_kind_sql,  # the ids are the access path
                (*chunk, *match_params, *kind_params),
            ).fetchall()

        # Rank plain tuples (RankedPhrase.key, then text) and build records for the winners only:
        # with context there are up to CONTEXT_MAX_CANDIDATES rows for `limit` places.
        keyed = []
        for row in rows:
            pid, text, kind_, _pattern, initials, count, docs, quality = row
            if kind and kind_ != kind:
                continue
            if not query:
                exact, match = 0, 0
            elif initials_mode:
                if not initials.startswith(query):
                    continue
                exact, match = int(initials == query), 2
            else:
                if not (text.startswith(query) or (len(query) > 1 and query in text)):
                    continue
                exact, match = int(text == query), 2 if text.startswith(query) else 1
            own, sources = context_parts.get(pid, (0.0, 0.0))
            context_score = sources + weights.own * own
            # 相关 (a paragraph, no query) blends the context with the prior (ranking.py): context alone
            # puts first whatever shares one incidental bigram with it. With a query, what was typed
            # decides first (prefix before substring among equal context), as before.
            score = context_score + ranking.prior(weights, docs, count, quality) if blend else context_score
            key = (exact, round(score, 6), match, docs, count, -len(text))
            keyed.append((key, text, context_score, row))
        best = heapq.nlargest(max(limit, 0), keyed, key=lambda item: (item[0], item[1]))
        return [
            RankedPhrase(text, kind_, pattern, initials, count, docs, key[0], context_score, key[2], key[1], quality)
            for key, _text, context_score, (_pid, text, kind_, pattern, initials, count, docs, quality) in best
        ]

    def _placing(self, parts: dict[int, tuple[float, float]], widespread: list[int], limit: int,
                 weights: ranking.RankingWeights) -> list[int]:
        """The context candidates that can still be among the first `limit` of 相关, so only their rows
        are read (each a random lookup: 100 of them cost about 1 ms at 100,000 phrases). The scores
        surely reached are the widespread phrases' (fetched anyway) and each candidate's context plus the
        least prior; a candidate whose context plus the largest prior in the bank falls short of the
        `limit`-th of those cannot place. Exact: the ranking is what reading every candidate gives."""
        low, high = self._prior_range(weights)
        contexts = {pid: sources + weights.own * own for pid, (own, sources) in parts.items()}
        reached = {pid: context + low for pid, context in contexts.items()}
        marks = ",".join("?" * len(widespread))
        for pid, docs, count, quality in self.conn.execute(
            f"SELECT id, docs, count, {self._quality_column()} FROM phrases WHERE id IN ({marks})", widespread
        ):
            reached[pid] = contexts.get(pid, 0.0) + ranking.prior(weights, docs, count, quality)
        if len(reached) < limit:
            return list(parts)
        floor = heapq.nlargest(limit, reached.values())[-1] - 1e-6  # ties are broken by the key's rest
        return [pid for pid, context in contexts.items() if context + high >= floor]

    def _prior_range(self, weights: ranking.RankingWeights) -> tuple[float, float]:
        """The least and the largest prior a phrase of this bank can have (its largest counts are read
        once per number of phrases, so an import seen through this connection reads them again)."""
        total = self.phrase_total()
        if self._count_range is None or self._count_range[0] != total:
            docs, count = self.conn.execute("SELECT max(docs), max(count) FROM phrases").fetchone()
            self._count_range = (total, docs or 1, count or 1)
        _total, docs, count = self._count_range
        judged = self._quality_column() != str(ranking.UNJUDGED)
        spread = abs(weights.quality) * ranking.QUALITY_MIDDLE if judged else 0.0
        return (ranking.prior(weights, 1, 1) - spread, ranking.prior(weights, docs, count) + spread)

    def _quality_column(self) -> str:
        """`quality` where the bank stores a judged quality per phrase, else unjudged (-1)."""
        if self._has_quality is None:
            names = {row[1] for row in self.conn.execute("PRAGMA table_info(phrases)")}
            self._has_quality = "quality" in names
        return f"coalesce(quality, {ranking.UNJUDGED})" if self._has_quality else str(ranking.UNJUDGED)

    def most_widespread_ids(self, limit: int) -> list[int]:
        """The phrases an empty query fetches first (by documents, then occurrences)."""
        sql = f"SELECT id FROM phrases ORDER BY docs DESC, count DESC LIMIT {max(limit, 1)}"
        return [row[0] for row in self.conn.execute(sql)]

    def rows_for_ranking(self, ids: list[int]) -> list[tuple]:
        """(id, text, kind, docs, count, quality) of these phrases."""
        rows: list[tuple] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows += self.conn.execute(
                f"""SELECT id, text, kind, docs, count, {self._quality_column()} FROM phrases
                    WHERE id IN ({','.join('?' * len(chunk))})""",
                chunk,
            ).fetchall()
        return rows

    def context_parts(self, context: str) -> dict[int, tuple[float, float]]:
        """Phrases whose text or source sentences share rare character bigrams with `context`: phrase
        id → (weight shared with its own text, weight shared with its source sentences only), each
        bigram weighing its inverse document frequency over phrases."""
        grams = list(dict.fromkeys(han_bigram_list(context)))[:256]
        if not grams:
            return {}
        total = max(self.phrase_total(), 1)
        dfs = self.conn.execute(
            f"SELECT gram, df FROM gram_stats WHERE gram IN ({','.join('?' * len(grams))})", grams
        ).fetchall()
        max_df = max(3, int(total * CONTEXT_MAX_DF_SHARE))
        # In units of the rarest gram's weight, so the blend's weights mean the same in a bank of a
        # hundred phrases and one of a hundred thousand.
        scale = math.log(total + 1)
        weighted = sorted(
            ((math.log((total + 1) / df) / scale, gram, df) for gram, df in dfs if df <= max_df), reverse=True
        )
        chosen: dict[str, float] = {}
        budget = CONTEXT_POSTING_BUDGET
        for idf, gram, df in weighted[:CONTEXT_MAX_GRAMS]:
            if df > budget:
                continue
            chosen[gram] = idf
            budget -= df
        if not chosen:
            return {}
        # Summing in SQL walks the postings in C; ties at the cut go to the older phrase.
        weights = ",".join("(?, ?)" for _ in chosen)
        return {
            pid: (own, score - own)
            for pid, score, own in self.conn.execute(
                f"""WITH weight (gram, idf) AS (VALUES {weights})
                    SELECT g.phrase_id, sum(weight.idf) AS score, total(weight.idf * g.own)
                    FROM weight JOIN phrase_grams g ON g.gram = weight.gram
                    GROUP BY g.phrase_id ORDER BY score DESC, g.phrase_id LIMIT {CONTEXT_MAX_CANDIDATES}""",
                [value for item in chosen.items() for value in item],
            )
        }

    def suggest(
        self, query: str = "", *, kind: str | None = None, context: str = "", limit: int = 10
    ) -> list[Phrase]:
        return attach_sources([self], self.rank(query, kind=kind, context=context, limit=limit))

    # ---- concordance ---------------------------------------------------------------------------

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Corpus sentences containing `text`, in document and reading order."""
        text = text.strip()
        if not text:
            return []
        head = """SELECT d.name, s.text, s.position, d.title
                  FROM sentences s JOIN documents d ON d.id = s.document_id"""
        tail = f" ORDER BY d.name, s.position LIMIT {max(limit, 0)}"
        fts = " WHERE s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)"
        if len(text) >= 3 * _SEARCH_PIECE:
            # A whole sentence (GW306 looks up every sentence of a draft): one phrase of all its
            # trigrams makes FTS5 match the positions of every one of them, about 8.5 ms a sentence
            # among 110,000; three short pieces find a few candidates and instr keeps those holding the
            # whole text, the same rows in about 1.4 ms (docs/PERFORMANCE.md). lower(): the trigram
            # index ignores case.
            n, half = len(text), _SEARCH_PIECE // 2
            pieces = dict.fromkeys((text[:_SEARCH_PIECE], text[n // 2 - half : n // 2 - half + _SEARCH_PIECE],
                                    text[-_SEARCH_PIECE:]))
            sql = head + fts + " AND instr(lower(s.text), lower(?)) > 0" + tail
            params: tuple = (" AND ".join(_fts_phrase(p) for p in pieces), text)
        elif len(text) >= 3:
            sql = head + fts + tail
            params = (_fts_phrase(text),)
        else:  # one or two characters: below the trigram index, scan
            sql = head + " WHERE instr(s.text, ?) > 0" + tail
            params = (text,)
        return [SearchHit(*row) for row in self.conn.execute(sql, params)]


def _merge_duplicates(phrases: Iterable[Phrase]) -> list[Phrase]:
    """One record per (text, kind) from one document: counts add up, sources are joined."""
    merged: dict[tuple[str, str], Phrase] = {}
    for phrase in phrases:
        key = (phrase.text, phrase.kind)
        if key not in merged:
            merged[key] = Phrase(
                phrase.text,
                phrase.kind,
                phrase.pattern,
                phrase.initials,
                phrase.count,
                1,
                list(phrase.sources),
            )
        else:
            seen = merged[key]
            seen.count += phrase.count
            seen.sources.extend(phrase.sources)
            seen.pattern = seen.pattern or phrase.pattern
            seen.initials = seen.initials or phrase.initials
    return list(merged.values())


def attach_sources(banks: list[PhraseBank], ranked: list[RankedPhrase]) -> list[Phrase]:
    keys = [(r.text, r.kind) for r in ranked]
    sources: dict[tuple[str, str], list[Source]] = {key: [] for key in keys}
    for bank in banks:
        for key, found in bank.sources_of(keys).items():
            sources[key].extend(found)
    return [
        Phrase(r.text, r.kind, r.pattern, r.initials, r.count, r.docs, sources[(r.text, r.kind)])
        for r in ranked
    ]


class BankGroup:
    """Several banks read as one (the user's bank and the bundled default bank)."""

    def __init__(self, banks: list[PhraseBank], problems: list[str] | None = None):
        self.banks = banks
        self.problems = problems or []  # banks that could not be opened, as messages for the user

    def close(self) -> None:
        for bank in self.banks:
            bank.close()

    def __enter__(self) -> BankGroup:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def rank(
        self, query: str = "", *, kind: str | None = None, context: str = "", limit: int = 10
    ) -> list[RankedPhrase]:
        merged: dict[tuple[str, str], RankedPhrase] = {}
        weights = ranking.load_weights()
        blend = bool(context) and not query.strip()
        for bank in self.banks:
            for r in bank.rank(query, kind=kind, context=context, limit=limit):
                seen = merged.get((r.text, r.kind))
                if seen is None:
                    merged[(r.text, r.kind)] = r
                else:
                    count, docs, quality = seen.count + r.count, seen.docs + r.docs, max(seen.quality, r.quality)
                    best_context = max(seen.context, r.context)
                    score = best_context + ranking.prior(weights, docs, count, quality) if blend else best_context
                    merged[(r.text, r.kind)] = RankedPhrase(
                        r.text, r.kind, seen.pattern or r.pattern, seen.initials or r.initials, count, docs,
                        max(seen.exact, r.exact), best_context, max(seen.match, r.match), score, quality,
                    )  # fmt: skip
        ranked = sorted(merged.values(), key=lambda r: (r.key, r.text), reverse=True)
        return ranked[:limit]

    def suggest(
        self, query: str = "", *, kind: str | None = None, context: str = "", limit: int = 10
    ) -> list[Phrase]:
        return attach_sources(self.banks, self.rank(query, kind=kind, context=context, limit=limit))

    def phrases(self, kind: str | None = None) -> list[Phrase]:
        merged: dict[tuple[str, str], Phrase] = {}
        for bank in self.banks:
            for p in bank.phrases(kind):
                seen = merged.get((p.text, p.kind))
                if seen is None:
                    merged[(p.text, p.kind)] = p
                else:
                    seen.count += p.count
                    seen.docs += p.docs
                    seen.sources.extend(p.sources)
        order = {k: i for i, k in enumerate(KINDS)}
        return sorted(
            merged.values(), key=lambda p: (order.get(p.kind, len(order)), -p.docs, -p.count, p.text)
        )

    def totals(self) -> tuple[int, int]:
        """(documents, phrases) as the writer meets them: the same text in two banks is one document
        (by content hash), the same phrase is one phrase (by text and kind, as the lists merge them).
        The 素材 tab's footer and the import summary both say these."""
        if len(self.banks) == 1:
            return len(self.banks[0].documents()), self.banks[0].phrase_total()
        documents: set[str] = set()
        phrases: set[tuple[str, str]] = set()
        for bank in self.banks:
            documents.update(row[0] for row in bank.conn.execute("SELECT content_hash FROM documents"))
            phrases.update(bank.conn.execute("SELECT text, kind FROM phrases"))
        return len(documents), len(phrases)

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        hits: dict[tuple[str, str], SearchHit] = {}
        for bank in self.banks:
            for hit in bank.search(text, limit=limit):
                hits.setdefault((hit.doc, hit.sentence), hit)
        return sorted(hits.values(), key=lambda h: (h.doc, h.position))[:limit]
