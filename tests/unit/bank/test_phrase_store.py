"""A document's phrases are stored in one batch: the rows, ids and phrase index are what storing them one
statement per phrase gives, and a phrase already in the bank keeps its pattern and initials."""

from __future__ import annotations

import sqlite3

from desktop.core.bank.store import PhraseBank
from desktop.core.mining.model import Phrase, Source

TABLES = ("phrases", "occurrences", "sources")

DOCS = {
    "a.txt": [
        Phrase("久久为功", "idiom", "", "jjwg", 2, 1, [Source("a.txt", "要久久为功。"), Source("a.txt", "久久为功。")]),
        Phrase("早审批、早落地、早建设", "parallel", "早X、早X、早X", "zspzldzjs", 1, 1, [Source("a.txt", "促进项目早审批、早落地、早建设。")]),
    ],
    "b.txt": [
        Phrase("真抓实干", "idiom", "", "", 1, 1, [Source("b.txt", "真抓实干。")]),
        Phrase("久久为功", "idiom", "久久为功", "", 3, 1, [Source("b.txt", "贵在久久为功。")]),
    ],
    "c.txt": [
        Phrase("早审批、早落地、早建设", "parallel", "早X", "zzz", 1, 1, [Source("c.txt", "做到早审批、早落地、早建设。")]),
        Phrase("真抓实干", "idiom", "", "zzsg", 1, 1, []),
    ],
}  # fmt: skip


def _store_all(bank: PhraseBank) -> None:
    for name, phrases in DOCS.items():
        with bank.transaction():
            touched = bank.store_document(
                path=f"/corpus/{name}", name=name, title="", text="", content_hash=name, size=1, phrases=phrases
            )
            bank.refresh_phrases(touched)


def _store_one_by_one(conn: sqlite3.Connection) -> None:
    """The reference: one statement per phrase, occurrence and source sentence."""
    for doc_id, (name, phrases) in enumerate(DOCS.items(), start=1):
        conn.execute(
            """INSERT INTO documents (id, name, path, text, content_hash, size, added_at)
               VALUES (?, ?, ?, '', ?, 1, '')""",
            (doc_id, name, f"/corpus/{name}", name),
        )
        for phrase in phrases:
            (phrase_id,) = conn.execute(
                """INSERT INTO phrases (text, kind, pattern, initials) VALUES (?, ?, ?, ?)
                   ON CONFLICT (text, kind) DO UPDATE SET
                       pattern = CASE WHEN phrases.pattern = '' THEN excluded.pattern ELSE phrases.pattern END,
                       initials = CASE WHEN phrases.initials = '' THEN excluded.initials ELSE phrases.initials END
                   RETURNING id""",
                (phrase.text, phrase.kind, phrase.pattern, phrase.initials),
            ).fetchone()
            conn.execute("INSERT INTO occurrences VALUES (?, ?, ?)", (phrase_id, doc_id, phrase.count))
            conn.executemany(
                "INSERT INTO sources (phrase_id, document_id, sentence) VALUES (?, ?, ?)",
                [(phrase_id, doc_id, s.sentence) for s in phrase.sources],
            )


def _rows(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    columns = {"phrases": "id, text, kind, pattern, initials", "occurrences": "*", "sources": "*"}
    rows = {t: conn.execute(f"SELECT {columns[t]} FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, phrases_fts, instance)")
    rows["phrases_fts"] = conn.execute("SELECT term, doc, offset FROM temp.vocab ORDER BY 1, 2, 3").fetchall()
    return rows


def test_a_batch_stores_what_one_statement_per_phrase_stores(tmp_path):
    with PhraseBank.open(tmp_path / "batch.sqlite") as bank:
        _store_all(bank)
        batch = _rows(bank.conn)
        bank.conn.execute("INSERT INTO phrases_fts (phrases_fts, rank) VALUES ('integrity-check', 1)")
    with PhraseBank.open(tmp_path / "reference.sqlite") as reference:
        _store_one_by_one(reference.conn)
        assert batch == _rows(reference.conn)
    assert len(batch["phrases"]) == 3 and len(batch["sources"]) == 6


def test_a_phrase_met_again_keeps_its_pattern_and_takes_missing_initials(tmp_path):
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        _store_all(bank)
        stored = {text: (pattern, initials) for text, pattern, initials in bank.conn.execute(
            "SELECT text, pattern, initials FROM phrases")}  # fmt: skip
        counts = dict(bank.conn.execute("SELECT text, count FROM phrases"))
    assert stored == {
        "久久为功": ("久久为功", "jjwg"),  # pattern from b.txt, where a.txt had none
        "早审批、早落地、早建设": ("早X、早X、早X", "zspzldzjs"),  # c.txt's differ: the first stay
        "真抓实干": ("", "zzsg"),  # initials from c.txt, where b.txt had none
    }
    assert counts == {"久久为功": 5, "早审批、早落地、早建设": 2, "真抓实干": 2}
