"""Export a bank as one file and merge a colleague's file into one's own."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.errors import BankError
from desktop.core.bank.store import PhraseBank
from desktop.core.bank.sharing import corpus_documents, export_bank, merge_bank, remove_documents
from desktop.core.bank.user_phrases import UserPhrases


def test_export_then_merge_brings_documents_phrases_user_phrases_and_favourites(bank, tmp_path):
    UserPhrases(bank).add("功成不必在我", "quote")
    UserPhrases(bank).set_favourite("久久为功", "idiom", True)
    shared = export_bank(bank, tmp_path / "share" / "我的素材库.gwbank")
    assert not (tmp_path / "share" / "我的素材库.gwbank-wal").exists()
    assert sqlite3.connect(shared).execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    with PhraseBank.open(tmp_path / "colleague.sqlite") as theirs:
        report = merge_bank(theirs, shared)
        assert (report.documents_added, report.documents_skipped) == (3, 0)
        assert report.user_phrases_added == 1 and report.favourites_added == 1
        assert report.phrases_added == bank.conn.execute("SELECT count(*) FROM phrases").fetchone()[0]
        mine = sorted((r.text, r.kind, r.count, r.docs) for r in bank.rank("", limit=100))
        assert sorted((r.text, r.kind, r.count, r.docs) for r in theirs.rank("", limit=100)) == mine
        assert theirs.search("营商环境") == bank.search("营商环境")
        assert [p.text for p in UserPhrases(theirs).list()] == ["功成不必在我"]
        again = merge_bank(theirs, shared)
        assert (again.documents_added, again.documents_skipped, again.phrases_added) == (0, 3, 0)


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_a_file_that_is_not_a_bank_is_refused_and_nothing_changes(bank, tmp_path, content):
    bad = tmp_path / "bad.gwbank"
    bad.write_bytes(content)
    before = bank.conn.execute("SELECT count(*) FROM phrases").fetchone()[0]
    with pytest.raises(BankError, match="bad.gwbank"):
        merge_bank(bank, bad)
    assert bank.conn.execute("SELECT count(*) FROM phrases").fetchone()[0] == before
    assert bad.read_bytes() == content


def test_documents_list_their_contribution_and_can_be_removed(bank):
    docs = {d.name: d for d in corpus_documents(bank)}
    assert docs["a.txt"].phrases == 4 and docs["a.txt"].size > 0
    remove_documents(bank, [docs["c.txt"].id])
    assert [d.name for d in corpus_documents(bank)] == ["a.txt", "b.txt"]
    assert "重整行装" not in [r.text for r in bank.rank("", limit=100)]
    assert "真抓实干" in [r.text for r in bank.rank("", limit=100)]  # b.txt has it too
