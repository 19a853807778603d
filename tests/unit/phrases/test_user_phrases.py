"""The writer's own phrases and favourites in the user's bank."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths
from desktop.core.bank.schema import SCHEMA_VERSION
from desktop.core.bank.user_phrases import (
    UserPhrases,
    guess_kind,
    initials_for,
    matches_query,
    read_user_phrases,
)
from tests.unit.bank.conftest import RULES


def test_added_phrase_is_found_by_text_and_initials_and_survives_a_reimport(bank, tmp_path):
    mine = UserPhrases(bank)
    assert mine.add("重整行装再出发", "quote")
    assert not mine.add("重整行装再出发", "quote")  # already there
    assert [p.text for p in mine.list()] == ["重整行装再出发"]
    initials = initials_for("重整行装再出发")
    assert len(initials) == 7 and [r.text for r in bank.rank(initials)] == ["重整行装再出发"]
    assert "重整行装再出发" in [r.text for r in bank.rank("重整行装")]
    import_paths(bank, [tmp_path / "corpus"], miner=RULES)
    assert [p.text for p in read_user_phrases(bank)] == ["重整行装再出发"]


def test_a_user_phrase_that_is_also_mined_keeps_the_mined_one_when_deleted(bank):
    mine = UserPhrases(bank)
    before = next(r for r in bank.rank("久久为功") if r.text == "久久为功")
    mine.add("久久为功", "idiom")
    assert next(r for r in bank.rank("久久为功") if r.text == "久久为功").docs == before.docs + 1
    assert mine.delete("久久为功", "idiom")
    again = next(r for r in bank.rank("久久为功") if r.text == "久久为功")
    assert (again.docs, again.count) == (before.docs, before.count)
    assert mine.list() == []


def test_deleting_a_phrase_only_the_writer_had_removes_it(bank):
    mine = UserPhrases(bank)
    mine.add("XX同志", "quote")
    assert bank.rank("XX同志")
    assert mine.delete("XX同志", "quote")
    assert not bank.rank("XX同志")
    assert not mine.delete("XX同志", "quote")


def test_edit_replaces_the_phrase_and_carries_its_favourite(bank):
    mine = UserPhrases(bank)
    mine.add("抓落实", "quote")
    mine.set_favourite("抓落实", "quote", True)
    mine.edit("抓落实", "quote", "抓好落实", "idiom")
    assert [(p.text, p.kind) for p in mine.list()] == [("抓好落实", "idiom")]
    assert mine.favourites() == [("抓好落实", "idiom")]
    assert not bank.rank("抓落实")
    with pytest.raises(ValueError, match="不是我的素材"):
        mine.edit("久久为功", "idiom", "久久", "idiom")


@pytest.mark.parametrize("text", ["", "   ", "字" * 201])
def test_empty_or_overlong_phrases_are_refused(bank, text):
    with pytest.raises(ValueError):
        UserPhrases(bank).add(text)
    assert UserPhrases(bank).list() == []


def test_favourites_toggle_and_may_name_phrases_of_other_banks(empty_bank):
    mine = UserPhrases(empty_bank)
    mine.set_favourite("久久为功", "idiom", True)
    mine.set_favourite("久久为功", "idiom", True)
    mine.set_favourite("早审批、早落地、早建设", "parallel", True)
    assert mine.favourites() == [("久久为功", "idiom"), ("早审批、早落地、早建设", "parallel")]
    mine.set_favourite("久久为功", "idiom", False)
    assert not mine.is_favourite("久久为功", "idiom")


def test_the_user_document_is_not_pruned_or_listed_as_corpus(bank, tmp_path):
    from desktop.core.bank.sharing import corpus_documents

    UserPhrases(bank).add("真抓实干", "idiom")
    names = [d.name for d in corpus_documents(bank)]
    assert "我的素材" not in names and names == ["a.txt", "b.txt", "c.txt"]


@pytest.mark.parametrize(
    "text, kind",
    [("早审批、早落地、早建设", "parallel"), ("久久为功", "idiom"), ("功成不必在我", "quote")],
)
def test_kind_is_guessed_from_the_shape(text, kind):
    assert guess_kind(text) == kind


def test_initials_know_polyphones_from_the_phrase():
    assert initials_for("银行") == "yh"
    assert initials_for("行稳致远") == "xwzy"


def test_matches_query_takes_initials_or_text():
    assert matches_query("jjwg", "久久为功", "jjwg")
    assert matches_query("JJ", "久久为功", "jjwg")
    assert matches_query("为功", "久久为功", "jjwg")
    assert not matches_query("wg", "久久为功", "jjwg")


def test_version_1_bank_gains_the_favourites_table(tmp_path, bank):
    """A version-1 file (no favourites, no ranked access paths) is migrated to the current version
    with its data."""
    path = bank.path
    bank.close()
    conn = sqlite3.connect(path)
    conn.executescript(
        """DROP TABLE favourites; DROP TABLE text_grams; DROP INDEX phrases_text_head;
           DROP INDEX phrases_initials_head; PRAGMA user_version = 1;"""
    )
    phrases = conn.execute("SELECT count(*) FROM phrases").fetchone()[0]
    conn.close()
    with PhraseBank.open(path) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION == 3
        assert upgraded.conn.execute("SELECT count(*) FROM phrases").fetchone()[0] == phrases
        UserPhrases(upgraded).set_favourite("久久为功", "idiom", True)
        assert UserPhrases(upgraded).favourites() == [("久久为功", "idiom")]
