"""The sentence index of a document stored in blocks holds exactly what a row-by-row index holds."""

from __future__ import annotations

import sqlite3

from desktop.core.bank import store as bank_module
from desktop.core.bank.store import PhraseBank
from desktop.core.bank.schema import SCHEMA_V1
from desktop.core.bank.sentences import split_sentences

BLOCK = bank_module._SENTENCES_PER_POLL
NUMERALS = "〇一二三四五六七八九"


def _numeral(n: int) -> str:
    return "".join(NUMERALS[int(d)] for d in str(n))


def _long_text(count: int) -> str:
    """`count` distinct sentences, a few to a paragraph, spanning several blocks."""
    sentences = [f"第{_numeral(i)}项任务要抓好落实，确保见到实效。" for i in range(count)]
    return "\n".join("".join(sentences[i : i + 3]) for i in range(0, count, 3))


def _store(bank: PhraseBank, text: str) -> None:
    with bank.transaction():
        bank.store_document(
            path="/corpus/long.txt", name="long.txt", title="", text=text, content_hash="h",
            size=len(text.encode()), phrases=[],
        )  # fmt: skip


def _instances(conn: sqlite3.Connection) -> list[tuple]:
    """Every (term, sentence id, offset) of the trigram index: its whole logical content."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, sentences_fts, instance)")
    return conn.execute("SELECT term, doc, offset FROM temp.vocab ORDER BY term, doc, offset").fetchall()


def _row_by_row_instances(rows: list[tuple[int, str]]) -> list[tuple]:
    """The same index built the simple way: one INSERT per sentence through the trigger."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA_V1)
    conn.execute("INSERT INTO documents (id, name, path, text, content_hash, size, added_at) "
                 "VALUES (1, 'x', 'x', '', '', 0, '')")  # fmt: skip
    conn.executemany("INSERT INTO sentences (id, document_id, position, text) VALUES (?, 1, 0, ?)", rows)
    return _instances(conn)


def test_a_document_of_several_blocks_is_indexed_sentence_by_sentence(tmp_path):
    text = _long_text(2 * BLOCK + 37)
    expected = split_sentences(text)
    assert len(expected) > 2 * BLOCK
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        _store(bank, text)
        rows = bank.conn.execute("SELECT id, position, text FROM sentences ORDER BY id").fetchall()
        assert [(position, sentence) for _, position, sentence in rows] == list(enumerate(expected))
        # A sentence from each block is found where it stands.
        for position in (0, BLOCK - 1, BLOCK, 2 * BLOCK + 36):
            needle = expected[position][:-8]  # "第…项任务" names one sentence only
            hits = bank.search(needle)
            assert [(h.position, h.sentence) for h in hits] == [(position, expected[position])]
        assert _instances(bank.conn) == _row_by_row_instances([(i, s) for i, _, s in rows])
        bank.conn.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)")


def test_storing_a_new_version_leaves_no_stale_sentences_in_the_index(tmp_path):
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        _store(bank, _long_text(BLOCK + 5))
        _store(bank, "修订后的讲话只有一句话。")
        assert bank.search("项任务要抓好") == []
        assert [h.sentence for h in bank.search("只有一句")] == ["修订后的讲话只有一句话。"]
        assert len(_instances(bank.conn)) == len("修订后的讲话只有一句话。") - 2
        bank.conn.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)")
