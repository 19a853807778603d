"""Schema versions: a version-0 bank is migrated, a newer one refused, a foreign file rejected."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.errors import BankError
from desktop.core.bank.store import PhraseBank
from desktop.core.bank.banks import open_for_reading
from desktop.core.bank.importer import import_paths
from desktop.core.bank.schema import SCHEMA_VERSION
from tests.unit.bank.conftest import RULES, expected_text_grams, write

# The version-0 layout: documents, phrases and sources only; no sentence index, no context grams.
V0_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT, path TEXT UNIQUE, text TEXT, content_hash TEXT);
CREATE TABLE phrases (id INTEGER PRIMARY KEY, text TEXT, kind TEXT, pattern TEXT, initials TEXT,
                      count INTEGER, docs INTEGER, UNIQUE (text, kind));
CREATE TABLE sources (phrase_id INTEGER, document_id INTEGER, sentence TEXT);
"""


def make_v0_bank(path, doc_path: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V0_SCHEMA)
    conn.executemany(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
        [
            (1, "a.txt", doc_path, "抓落实要久久为功。\n优化营商环境是头等大事，久久为功。", "0" * 64),
            (2, "b.txt", "/old/b.txt", "项目建设要攻坚克难、久久为功。", "1" * 64),
        ],
    )
    conn.executemany(
        "INSERT INTO phrases VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "久久为功", "idiom", "", "JJWG", 3, 2),
            (2, "攻坚克难", "idiom", "", "gjkn", 1, 1),
        ],
    )
    conn.executemany(
        "INSERT INTO sources VALUES (?, ?, ?)",
        [
            (1, 1, "抓落实要久久为功。"),
            (1, 1, "优化营商环境是头等大事，久久为功。"),
            (1, 2, "项目建设要攻坚克难、久久为功。"),
            (2, 2, "项目建设要攻坚克难、久久为功。"),
        ],
    )
    conn.commit()
    conn.close()


def test_version_0_bank_is_migrated_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    make_v0_bank(path, str(tmp_path / "a.txt"))
    with PhraseBank.open(path) as bank:
        assert bank.schema_version == SCHEMA_VERSION
        phrases = {p.text: p for p in bank.phrases()}
        assert (phrases["久久为功"].count, phrases["久久为功"].docs) == (3, 2)
        assert phrases["久久为功"].initials == "jjwg"  # normalised on the way
        assert sorted(s.doc for s in phrases["久久为功"].sources) == ["a.txt", "a.txt", "b.txt"]
        # What version 0 lacked is built: the sentence index and the context grams.
        assert [h.doc for h in bank.search("营商环境")] == ["a.txt"]
        assert [p.text for p in bank.suggest("jjwg")] == ["久久为功"]
        ranked = {r.text: r.context for r in bank.rank("", context="进一步优化营商环境", limit=2)}
        assert ranked["久久为功"] > 0 and ranked["攻坚克难"] == 0
        assert bank.conn.execute("SELECT count(*) FROM text_grams").fetchone()[0] > 0
        assert sorted(bank.conn.execute("SELECT gram, docs, count, phrase_id FROM text_grams")) == (
            expected_text_grams(bank.conn)
        )
        assert bank.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert bank.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in bank.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert not any(t.startswith("v0_") for t in tables)


def test_migrated_documents_are_mined_again_on_the_next_import(tmp_path):
    doc = write(tmp_path, "a.txt", "抓落实要久久为功。\n优化营商环境是头等大事，久久为功。\n")
    path = tmp_path / "old.db"
    make_v0_bank(path, str(doc))
    with PhraseBank.open(path) as bank:
        report = import_paths(bank, [doc], miner=RULES)
        assert [o.status for o in report.outcomes] == ["updated"]
        phrases = {p.text: p for p in bank.phrases()}
        # a.txt now counts as mined today (2), b.txt keeps its migrated single occurrence.
        assert (phrases["久久为功"].count, phrases["久久为功"].docs) == (3, 2)


def test_reading_an_old_bank_upgrades_it_first(tmp_path):
    path = tmp_path / "old.db"
    make_v0_bank(path, "/old/a.txt")
    with open_for_reading(path) as bank:
        assert bank.readonly and bank.schema_version == SCHEMA_VERSION
        assert [p.text for p in bank.suggest("gjkn")] == ["攻坚克难"]


def test_a_failed_migration_leaves_the_old_file_untouched(tmp_path):
    path = tmp_path / "old.db"
    make_v0_bank(path, "/old/a.txt")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE sentences (x)")  # a clash the migration cannot get past
    conn.commit()
    conn.close()
    with pytest.raises(BankError) as err:
        PhraseBank.open(path)
    assert "升级失败" in str(err.value) and "保持原样" in str(err.value)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM phrases").fetchone()[0] == 2
    conn.close()


def test_a_newer_bank_is_refused_with_a_clear_message(tmp_path, corpus):
    path = tmp_path / "new.db"
    with PhraseBank.open(path) as bank:
        import_paths(bank, [corpus], miner=RULES)
        bank.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    for opener in (lambda: PhraseBank.open(path), lambda: PhraseBank.open(path, readonly=True)):
        with pytest.raises(BankError) as err:
            opener()
        assert "new.db" in str(err.value) and "较新版本" in str(err.value) and "升级" in str(err.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"this is not a database at all" * 100, "不是有效的素材库文件"), (None, "不是素材库文件")],
)
def test_files_that_are_not_banks_are_rejected(tmp_path, content, reason):
    path = tmp_path / "other.db"
    if content is None:  # some other program's SQLite file
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        conn.commit()
        conn.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(BankError) as err:
        PhraseBank.open(path)
    assert str(err.value).startswith("other.db：") and reason in str(err.value)
    assert path.read_bytes() == before


def test_missing_bank_file_for_reading_is_an_error(tmp_path):
    with pytest.raises(BankError) as err:
        open_for_reading(tmp_path / "nowhere.db")
    assert "找不到素材库文件" in str(err.value)
    assert not (tmp_path / "nowhere.db").exists()


def test_read_only_bank_refuses_writes(tmp_path, corpus):
    path = tmp_path / "b.db"
    PhraseBank.open(path).close()
    with PhraseBank.open(path, readonly=True) as bank:
        with pytest.raises(BankError) as err:
            import_paths(bank, [corpus], miner=RULES)
        assert "只读" in str(err.value)


def make_v2_bank(path, corpus) -> None:
    """A version-2 bank with real imported data: the current layout without what version 3 added."""
    with PhraseBank.open(path) as bank:
        import_paths(bank, [corpus], miner=RULES)
    conn = sqlite3.connect(path)
    conn.executescript(
        """DROP TABLE text_grams; DROP INDEX phrases_text_head; DROP INDEX phrases_initials_head;
           PRAGMA user_version = 2;"""
    )
    conn.close()


def test_version_2_bank_gains_the_ranked_access_paths(tmp_path, corpus):
    path = tmp_path / "v2.db"
    make_v2_bank(path, corpus)
    with open_for_reading(path) as bank:  # reading upgrades it first
        assert bank.schema_version == SCHEMA_VERSION == 3
        rows = sorted(bank.conn.execute("SELECT gram, docs, count, phrase_id FROM text_grams"))
        assert rows and rows == expected_text_grams(bank.conn)
        # Two characters inside a phrase, and one character it starts with, are found again.
        assert "久久为功" in [p.text for p in bank.suggest("为功")]
        assert [p.text for p in bank.suggest("久")] == ["久久为功"]
        assert bank.suggest("j")[0].text == "久久为功"
        assert bank.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
