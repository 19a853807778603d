"""The phrase bank's SQLite layout, its version and the migrations from older layouts.

The version lives in PRAGMA user_version. Version 0 is the first draft layout (documents, phrases and
sources only, no sentence index, no context grams); version 1 added the sentence index and context
grams; version 2 adds the writer's favourites; version 3 (current) adds indexes that hand out the best
matches of a one-character prefix or a two-character substring in rank order, so those queries read
`limit` rows however large the bank. See docs/BANK.md.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from desktop.core.bank.sentences import han_bigram_list, split_sentences

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3

# Context grams kept per phrase: enough to tell topics apart, small enough for 100k phrases.
MAX_GRAMS_PER_PHRASE = 48


def _trigram_index(table: str) -> str:
    """An FTS5 trigram index over `table.text` (external content), kept in step by triggers.
    Rows are only inserted and deleted, never updated, so no update trigger is needed."""
    return f"""CREATE VIRTUAL TABLE {table}_fts USING fts5 (
    text, content = '{table}', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
    INSERT INTO {table}_fts ({table}_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""


SCHEMA_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    program_version TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_hash ON documents (content_hash);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences (document_id, position);
{sentences_fts}
CREATE TABLE phrases (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    pattern TEXT NOT NULL DEFAULT '',
    initials TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 0,
    docs INTEGER NOT NULL DEFAULT 0,
    UNIQUE (text, kind)
);
-- Covering indexes: a prefix range is ranked by docs and count without reading the table.
CREATE INDEX phrases_initials ON phrases (initials, docs, count, kind);
CREATE INDEX phrases_text ON phrases (text, docs, count, kind);
CREATE INDEX phrases_rank ON phrases (kind, docs DESC, count DESC);
CREATE INDEX phrases_popular ON phrases (docs DESC, count DESC);
{phrases_fts}
CREATE TABLE occurrences (
    phrase_id INTEGER NOT NULL REFERENCES phrases (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    PRIMARY KEY (phrase_id, document_id)
) WITHOUT ROWID;
CREATE INDEX occurrences_document ON occurrences (document_id);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    phrase_id INTEGER NOT NULL REFERENCES phrases (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence TEXT NOT NULL
);
CREATE INDEX sources_phrase ON sources (phrase_id);
CREATE INDEX sources_document ON sources (document_id);

-- own = 1: the bigram is in the phrase's text (answers two-character substring queries);
-- own = 0: it is only in a source sentence (context ranking uses both).
CREATE TABLE phrase_grams (
    gram TEXT NOT NULL,
    phrase_id INTEGER NOT NULL REFERENCES phrases (id) ON DELETE CASCADE,
    own INTEGER NOT NULL,
    PRIMARY KEY (gram, phrase_id)
) WITHOUT ROWID;
CREATE INDEX phrase_grams_phrase ON phrase_grams (phrase_id);
CREATE TABLE gram_stats (
    gram TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;
""".format(sentences_fts=_trigram_index("sentences"), phrases_fts=_trigram_index("phrases"))


# Version 2: phrases the writer pinned (收藏). Keyed by text and kind rather than phrase id, so a
# favourite survives the re-import that deletes and re-creates its phrase, and can name a phrase that
# lives only in the read-only default bank.
SCHEMA_V2_ADDITIONS = """
CREATE TABLE favourites (
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (text, kind)
) WITHOUT ROWID;
"""


# Version 3: ranked access paths. A one-character prefix (or one initial letter) is an equality on the
# first character, so an expression index serves ORDER BY docs, count within it. A two-character
# substring reads text_grams: the bigrams inside each phrase's text (not the one it starts with: that
# is a prefix match), keyed by the phrase's rank. refresh_phrases is the one writer of docs and count,
# and it rewrites these rows with them, deleting the old ones by their full key (so no index by phrase).
SCHEMA_V3_ADDITIONS = """
CREATE INDEX phrases_text_head ON phrases (substr(text, 1, 1), docs, count, kind);
CREATE INDEX phrases_initials_head ON phrases (substr(initials, 1, 1), docs, count, kind);
CREATE TABLE text_grams (
    gram TEXT NOT NULL,
    docs INTEGER NOT NULL,
    count INTEGER NOT NULL,
    phrase_id INTEGER NOT NULL,
    PRIMARY KEY (gram, docs, count, phrase_id)
) WITHOUT ROWID;
"""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_version(conn: sqlite3.Connection) -> int | None:
    """The layout version of an open file, or None for a file without any table (a new bank)."""
    if not table_names(conn):
        return None
    return conn.execute("PRAGMA user_version").fetchone()[0]


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run DDL statement by statement: executescript() would commit the caller's transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending!r}")


def create_current(conn: sqlite3.Connection) -> None:
    """Create the current layout in an empty file, inside the caller's transaction."""
    execute_script(conn, SCHEMA_V1)
    execute_script(conn, SCHEMA_V2_ADDITIONS)
    execute_script(conn, SCHEMA_V3_ADDITIONS)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def phrase_grams_for(text: str, sentences: list[str]) -> list[tuple[str, int]]:
    """The grams of a phrase as (gram, own): every bigram of its own text, then bigrams of the
    sentences it came from up to MAX_GRAMS_PER_PHRASE in all: those found in the most of its sentences
    first (what the phrase's company is, not what one sentence happened to say), among equals taken in
    turn from each sentence, so a phrase met in several places is known by all of them. Chosen so, the
    leave-out test's hit@10 of 相关 rose from 0.22 to 0.32 (docs/MINING.md, 相关)."""
    grams: dict[str, int] = dict.fromkeys(han_bigram_list(text), 1)
    spread: dict[str, int] = {}  # gram -> sentences holding it
    turn: dict[str, tuple[int, int]] = {}  # gram -> (its place in its sentence, the sentence)
    for number, sentence in enumerate(sentences):
        place = 0
        for gram in dict.fromkeys(han_bigram_list(sentence)):
            if gram in grams:
                continue
            spread[gram] = spread.get(gram, 0) + 1
            if gram not in turn:
                turn[gram] = (place, number)
                place += 1
    room = MAX_GRAMS_PER_PHRASE - len(grams)
    if room > 0:
        for gram in sorted(spread, key=lambda g: (-spread[g], turn[g]))[:room]:
            grams[gram] = 0
    return list(grams.items())


def insert_sentences(conn: sqlite3.Connection, doc_id: int, first: int, sentences: list[str]) -> None:
    """Insert a block of a document's sentences, numbered from `first`, in one statement.
    Each statement that fires the FTS5 trigger opens a statement savepoint, and FTS5 writes its pending
    terms to disk as a new segment at every savepoint: row by row that is one segment per sentence and
    endless merging (half the time of storing a large file). Staged in a temporary table and copied
    with one INSERT … SELECT, a block is indexed in memory and written once."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS sentence_block (position INTEGER PRIMARY KEY, text TEXT NOT NULL)"
    )
    conn.execute("DELETE FROM temp.sentence_block")
    conn.executemany(
        "INSERT INTO temp.sentence_block (position, text) VALUES (?, ?)",
        zip(range(first, first + len(sentences)), sentences),
    )
    conn.execute(
        """INSERT INTO sentences (document_id, position, text)
           SELECT ?, position, text FROM temp.sentence_block ORDER BY position""",
        (doc_id,),
    )
    conn.execute("DELETE FROM temp.sentence_block")


def insert_phrases(
    conn: sqlite3.Connection, doc_id: int, phrases: list[tuple[int, str, str, str, str, int]],
    sources: list[tuple[int, str]],
) -> set[int]:
    """Insert a document's phrases (order, text, kind, pattern, initials, count) with their occurrences
    and source sentences (order of the phrase, sentence); returns the phrases' ids. Staged like the
    sentences, so the phrases' FTS5 index is written once, not once per phrase; rows and ids come out as
    one statement per phrase in that order would make them. A phrase already in the bank keeps its row
    and takes a pattern or initials only where it had none."""
    conn.execute(
        """CREATE TEMP TABLE IF NOT EXISTS phrase_block (
               position INTEGER PRIMARY KEY, text TEXT NOT NULL, kind TEXT NOT NULL, pattern TEXT NOT NULL,
               initials TEXT NOT NULL, count INTEGER NOT NULL)"""
    )
    conn.execute(
        """CREATE TEMP TABLE IF NOT EXISTS source_block (
               id INTEGER PRIMARY KEY, position INTEGER NOT NULL, sentence TEXT NOT NULL)"""
    )
    conn.executemany("INSERT INTO temp.phrase_block VALUES (?, ?, ?, ?, ?, ?)", phrases)
    conn.executemany("INSERT INTO temp.source_block (position, sentence) VALUES (?, ?)", sources)
    # WHERE true: an upsert after a SELECT needs it (SQLite would read ON CONFLICT as a join's ON).
    conn.execute(
        """INSERT INTO phrases (text, kind, pattern, initials)
           SELECT text, kind, pattern, initials FROM temp.phrase_block WHERE true ORDER BY position
           ON CONFLICT (text, kind) DO UPDATE SET
               pattern = CASE WHEN phrases.pattern = '' THEN excluded.pattern ELSE phrases.pattern END,
               initials = CASE WHEN phrases.initials = '' THEN excluded.initials ELSE phrases.initials END"""
    )
    block = "temp.phrase_block b JOIN phrases p ON p.text = b.text AND p.kind = b.kind"
    conn.execute(
        f"""INSERT INTO occurrences (phrase_id, document_id, count)
            SELECT p.id, ?, b.count FROM {block} ORDER BY b.position""",
        (doc_id,),
    )
    conn.execute(
        f"""INSERT INTO sources (phrase_id, document_id, sentence)
            SELECT p.id, ?, s.sentence FROM temp.source_block s
            JOIN temp.phrase_block b ON b.position = s.position
            JOIN phrases p ON p.text = b.text AND p.kind = b.kind ORDER BY s.id""",
        (doc_id,),
    )
    ids = {row[0] for row in conn.execute(f"SELECT p.id FROM {block}")}
    conn.execute("DELETE FROM temp.phrase_block")
    conn.execute("DELETE FROM temp.source_block")
    return ids


def _text_gram_keys(phrase_ids: str) -> str:
    """SELECT of the text_grams keys of the phrases whose ids `phrase_ids` (an SQL subquery) lists:
    their own bigrams but the one each text starts with. A Chinese bigram found in the text is one
    of its own (own = 1); testing that with instr keeps the scan inside the phrase_grams_phrase index."""
    return f"""SELECT g.gram, p.docs, p.count, p.id FROM phrases p
               JOIN phrase_grams g ON g.phrase_id = p.id
               WHERE p.id IN ({phrase_ids}) AND instr(p.text, g.gram) > 1"""


def insert_text_grams(conn: sqlite3.Connection, phrase_ids: str) -> None:
    """Write the text_grams rows of these phrases (their phrase_grams must be written already)."""
    conn.execute(
        "INSERT OR IGNORE INTO text_grams (gram, docs, count, phrase_id) "
        + _text_gram_keys(phrase_ids)
        + " ORDER BY 1, 2, 3, 4"  # in key order the B-tree fills sequentially
    )


def delete_text_grams(conn: sqlite3.Connection, phrase_ids: str) -> None:
    """Remove the text_grams rows of these phrases, found by their full key from the totals they
    still carry (so before those totals or their phrase_grams change)."""
    conn.execute(
        "DELETE FROM text_grams WHERE (gram, docs, count, phrase_id) IN ("
        + _text_gram_keys(phrase_ids)
        + " AND p.docs > 0)"  # a phrase without documents yet has no rows
    )


def _migrate_v0_to_v1(conn: sqlite3.Connection) -> None:
    """Version 0: documents(name, path, text, content_hash), phrases, sources(phrase_id, document_id,
    sentence). Move them into the v1 tables and build what v0 lacked: sizes, per-document
    occurrences, the sentence index and the context grams."""
    for name in ("documents", "phrases", "sources"):
        conn.execute(f"ALTER TABLE {name} RENAME TO v0_{name}")
    execute_script(conn, SCHEMA_V1)
    stamp = now_iso()
    # program_version '' makes the next import of the same file mine it again with the current miner.
    conn.execute(
        """INSERT INTO documents (id, name, path, title, text, content_hash, size, added_at, program_version)
           SELECT id, name, path, '', text, content_hash, length(CAST(text AS BLOB)), ?, ''
           FROM v0_documents""",
        (stamp,),
    )
    conn.execute(
        """INSERT INTO phrases (id, text, kind, pattern, initials, count, docs)
           SELECT id, text, kind, coalesce(pattern, ''), lower(coalesce(initials, '')), count, docs
           FROM v0_phrases"""
    )
    conn.execute(
        """INSERT INTO sources (phrase_id, document_id, sentence)
           SELECT s.phrase_id, s.document_id, s.sentence FROM v0_sources s
           JOIN phrases p ON p.id = s.phrase_id JOIN documents d ON d.id = s.document_id"""
    )
    # v0 kept only totals: a phrase in one document keeps its count there, otherwise one per source.
    conn.execute(
        """INSERT INTO occurrences (phrase_id, document_id, count)
           SELECT s.phrase_id, s.document_id,
                  CASE WHEN p.docs = 1 THEN max(p.count, 1) ELSE count(*) END
           FROM sources s JOIN phrases p ON p.id = s.phrase_id
           GROUP BY s.phrase_id, s.document_id"""
    )
    conn.execute("DELETE FROM phrases WHERE id NOT IN (SELECT phrase_id FROM occurrences)")
    conn.execute(
        """UPDATE phrases SET
               count = (SELECT sum(count) FROM occurrences o WHERE o.phrase_id = phrases.id),
               docs = (SELECT count(*) FROM occurrences o WHERE o.phrase_id = phrases.id)"""
    )
    for doc_id, text in conn.execute("SELECT id, text FROM documents").fetchall():
        insert_sentences(conn, doc_id, 0, split_sentences(text))
    sentences_by_phrase: dict[int, list[str]] = {}
    for phrase_id, sentence in conn.execute("SELECT phrase_id, sentence FROM sources ORDER BY id"):
        sentences_by_phrase.setdefault(phrase_id, []).append(sentence)
    for phrase_id, text in conn.execute("SELECT id, text FROM phrases").fetchall():
        grams = phrase_grams_for(text, sentences_by_phrase.get(phrase_id, []))
        conn.executemany(
            "INSERT INTO phrase_grams (gram, phrase_id, own) VALUES (?, ?, ?)",
            [(gram, phrase_id, own) for gram, own in grams],
        )
    conn.execute("INSERT INTO gram_stats (gram, df) SELECT gram, count(*) FROM phrase_grams GROUP BY gram")
    for name in ("sources", "phrases", "documents"):
        conn.execute(f"DROP TABLE v0_{name}")


def _migrate_v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 1 had no favourites table; nothing else changes."""
    execute_script(conn, SCHEMA_V2_ADDITIONS)


def _migrate_v2_to_v3(conn: sqlite3.Connection) -> None:
    """Add the ranked access paths and fill text_grams from the phrases."""
    execute_script(conn, SCHEMA_V3_ADDITIONS)
    insert_text_grams(conn, "SELECT id FROM phrases")


V0_TABLES = frozenset({"documents", "phrases", "sources"})

# MIGRATIONS[v] turns a version-v bank into a version v+1 bank, inside the caller's transaction.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _migrate_v0_to_v1, 1: _migrate_v1_to_v2, 2: _migrate_v2_to_v3}


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring a bank of an older version up to SCHEMA_VERSION, all in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        while version < SCHEMA_VERSION:
            log.info("migrating phrase bank from version %d to %d", version, version + 1)
            MIGRATIONS[version](conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite rolls back by itself after some errors
            conn.execute("ROLLBACK")
        raise
