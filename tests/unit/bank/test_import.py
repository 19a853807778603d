"""Incremental import: unchanged files skipped, changed files replaced, removed files dropped."""

from __future__ import annotations

import sqlite3

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths, remove_paths
from desktop.core.bank.schema import SCHEMA_VERSION
from tests.unit.bank.conftest import DOC_A, RULES, expected_text_grams, write


def statuses(report) -> dict[str, str]:
    return {o.path.name: o.status for o in report.outcomes}


def phrase_table(bank: PhraseBank) -> dict[tuple[str, str], tuple[int, int, list[str]]]:
    return {(p.text, p.kind): (p.count, p.docs, sorted(s.doc for s in p.sources)) for p in bank.phrases()}


def test_first_import_records_documents_phrases_and_sources(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        report = import_paths(bank, [corpus], miner=RULES)
        assert statuses(report) == {"a.txt": "added", "b.txt": "added", "c.txt": "added"}
        table = phrase_table(bank)
        # 久久为功: twice in a.txt, once in b.txt.
        assert table[("久久为功", "idiom")] == (3, 2, ["a.txt", "a.txt", "b.txt"])
        assert table[("我们要早审批、早落地、早建设", "parallel")] == (2, 2, ["a.txt", "b.txt"])
        assert table[("重整行装", "idiom")] == (1, 1, ["c.txt"])
        assert report.phrases_by_kind["idiom"] == 6 and report.documents == 3
        names = [d.name for d in bank.documents()]
        assert names == ["a.txt", "b.txt", "c.txt"]
        assert all(len(d.content_hash) == 64 and d.size > 0 for d in bank.documents())


def test_unchanged_files_are_skipped_without_reading(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        import_paths(bank, [corpus], miner=RULES)
        before = phrase_table(bank)

        def reader_must_not_run(path):
            raise AssertionError(f"{path} was read although unchanged")

        report = import_paths(bank, [corpus], miner=RULES, reader=reader_must_not_run)
        assert set(statuses(report).values()) == {"unchanged"}
        assert phrase_table(bank) == before


def test_changed_file_replaces_its_contributions(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        import_paths(bank, [corpus], miner=RULES)
        write(corpus, "b.txt", "在项目推进会上的讲话\n项目建设要一抓到底。\n")
        report = import_paths(bank, [corpus], miner=RULES)
        assert statuses(report) == {"a.txt": "unchanged", "b.txt": "updated", "c.txt": "unchanged"}
        table = phrase_table(bank)
        assert table[("久久为功", "idiom")] == (2, 1, ["a.txt", "a.txt"])
        assert table[("我们要早审批、早落地、早建设", "parallel")] == (1, 1, ["a.txt"])
        assert table[("一抓到底", "idiom")] == (2, 2, ["a.txt", "b.txt"])
        assert ("攻坚克难", "idiom") not in table  # only the old b.txt had it
        assert table[("真抓实干", "idiom")] == (1, 1, ["c.txt"])
        assert bank.search("营商环境")[0].doc == "a.txt" and len(bank.search("营商环境")) == 1


def test_file_removed_from_folder_takes_its_phrases(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        import_paths(bank, [corpus], miner=RULES)
        (corpus / "sub" / "c.txt").unlink()
        report = import_paths(bank, [corpus], miner=RULES)
        assert statuses(report)["c.txt"] == "removed"
        table = phrase_table(bank)
        assert ("重整行装", "idiom") not in table and ("要查隐患、堵漏洞、强弱项", "parallel") not in table
        assert table[("真抓实干", "idiom")] == (1, 1, ["b.txt"])
        assert bank.search("防汛") == []
        # Nothing left behind: no orphan rows in any table.
        conn = bank.conn
        assert (
            conn.execute(
                "SELECT count(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM phrase_grams WHERE phrase_id NOT IN (SELECT id FROM phrases)"
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM gram_stats WHERE gram NOT IN (SELECT gram FROM phrase_grams)"
            ).fetchone()[0]
            == 0
        )
        # The ranked bigram keys follow the phrases' new totals: none stale, none missing.
        rows = sorted(conn.execute("SELECT gram, docs, count, phrase_id FROM text_grams"))
        assert rows and rows == expected_text_grams(conn)


def test_remove_paths_removes_a_document_explicitly(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        import_paths(bank, [corpus], miner=RULES)
        report = remove_paths(bank, [corpus / "a.txt", tmp_path / "never-imported.txt"])
        assert statuses(report) == {"a.txt": "removed", "never-imported.txt": "failed"}
        table = phrase_table(bank)
        assert table[("久久为功", "idiom")] == (1, 1, ["b.txt"])
        assert ("一抓到底", "idiom") not in table and ("行稳致远", "idiom") not in table
        assert [d.name for d in bank.documents()] == ["b.txt", "c.txt"]


def test_same_content_under_another_name_is_not_counted_twice(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        import_paths(bank, [corpus], miner=RULES)
        copy = write(tmp_path / "elsewhere", "a-copy.txt", DOC_A)
        report = import_paths(bank, [copy], miner=RULES)
        assert statuses(report) == {"a-copy.txt": "duplicate"}
        assert "a.txt" in report.outcomes[0].message
        assert phrase_table(bank)[("久久为功", "idiom")][:2] == (3, 2)


def test_moved_file_keeps_one_copy_of_its_phrases(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        import_paths(bank, [corpus / "b.txt"], miner=RULES)
        moved = corpus / "b.txt"
        target = tmp_path / "archive" / "b-2024.txt"
        target.parent.mkdir()
        moved.rename(target)
        report = import_paths(bank, [target], miner=RULES)
        assert statuses(report) == {"b-2024.txt": "added"}
        assert [d.name for d in bank.documents()] == ["b-2024.txt"]
        assert phrase_table(bank)[("久久为功", "idiom")] == (1, 1, ["b-2024.txt"])


def test_bad_files_are_reported_and_the_others_imported(tmp_path, corpus):
    binary = tmp_path / "corpus" / "garbled.txt"
    binary.write_bytes(b"\x80\x81\xff\xfe\x00" * 50)
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    (tmp_path / "corpus" / "empty-too.txt").write_bytes(b"")
    with PhraseBank.open(tmp_path / "b.db") as bank:
        report = import_paths(bank, [corpus, tmp_path / "missing-folder"], miner=RULES)
        outcome = statuses(report)
        assert outcome["garbled.txt"] == "failed" and outcome["missing-folder"] == "failed"
        assert outcome["empty.txt"] == outcome["empty-too.txt"] == "failed"
        assert {outcome[n] for n in ("a.txt", "b.txt", "c.txt")} == {"added"}
        messages = {o.path.name: o.message for o in report.failures}
        # the reason is the reader's to word; it names the file and says something after it
        assert messages["garbled.txt"].startswith("garbled.txt：") and len(messages["garbled.txt"]) > 14
        assert "不存在" in messages["missing-folder"]
        assert messages["empty.txt"] == "empty.txt：文件是空的"
        assert len(bank.documents()) == 3
        assert bank.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert bank.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_miner_crash_on_one_file_skips_only_that_file(tmp_path, corpus):
    def fragile(doc):
        if doc.name == "b.txt":
            raise ValueError("unexpected layout")
        return RULES.mine(doc)

    with PhraseBank.open(tmp_path / "b.db") as bank:
        report = import_paths(bank, [corpus], miner=type(RULES)(fragile))
        assert statuses(report) == {"a.txt": "added", "b.txt": "failed", "c.txt": "added"}
        assert "b.txt：处理失败" in report.failures[0].message
        assert [d.name for d in bank.documents()] == ["a.txt", "c.txt"]


def test_an_exception_mid_import_rolls_everything_back(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as bank:
        import_paths(bank, [corpus / "a.txt"], miner=RULES)
        before = phrase_table(bank)
        calls = []

        def interrupted(index, total, outcome):
            calls.append(outcome.path.name)
            if len(calls) == 2:
                raise KeyboardInterrupt

        try:
            import_paths(bank, [corpus], miner=RULES, progress=interrupted)
        except KeyboardInterrupt:
            pass
        assert calls == ["a.txt", "b.txt"]
        assert phrase_table(bank) == before
        assert [d.name for d in bank.documents()] == ["a.txt"]


def test_the_bank_is_one_self_contained_sqlite_file(tmp_path, corpus):
    path = tmp_path / "b.db"
    with PhraseBank.open(path) as bank:
        import_paths(bank, [corpus], miner=RULES)
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT name, length(text) > 0, content_hash, size, added_at FROM documents WHERE name = 'a.txt'"
    ).fetchone()
    assert (
        row[0] == "a.txt" and row[1] == 1 and len(row[2]) == 64 and row[3] == len(DOC_A.encode()) and row[4]
    )
    assert (
        conn.execute(
            "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '\"营商环境\"'"
        ).fetchone()[0]
        == 2
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_queries_keep_working_while_an_import_is_open(tmp_path, corpus):
    path = tmp_path / "b.db"
    with PhraseBank.open(path) as bank:
        import_paths(bank, [corpus / "a.txt"], miner=RULES)
    with PhraseBank.open(path) as writer, PhraseBank.open(path, readonly=True) as reader:
        seen = []

        def query_midway(index, total, outcome):
            seen.append([h.doc for h in reader.search("营商环境")])

        import_paths(writer, [corpus], miner=RULES, progress=query_midway)
        # the reader sees the bank as committed before the import, never a half-written one
        assert seen == [["a.txt"]] * 3
        assert [h.doc for h in reader.search("营商环境")] == ["a.txt", "b.txt"]


def test_files_already_in_the_builtin_bank_are_one_document_not_two(tmp_path, corpus):
    """The user's bank is read beside the built-in bank: importing copies of the built-in corpus is
    skipped and said so, and a copy imported before is taken out again, so counts stay single."""
    from desktop.core.bank.store import BankGroup

    with PhraseBank.open(tmp_path / "builtin.db") as builtin:
        import_paths(builtin, [corpus / "a.txt", corpus / "b.txt"], miner=RULES)
        elsewhere = builtin.document_labels_by_hash()
    copies = tmp_path / "我的语料"
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        write(copies, name.removeprefix("sub/"), (corpus / name).read_text(encoding="utf-8"))
    with PhraseBank.open(tmp_path / "user.db") as user:
        import_paths(user, [copies / "a.txt"], miner=RULES)  # imported before the built-in bank had it
        report = import_paths(user, [copies], miner=RULES, elsewhere=elsewhere)
        assert statuses(report) == {"a.txt": "builtin", "b.txt": "builtin", "c.txt": "added"}
        assert "内置素材库中已有（《在全市工作会议上的讲话》）" in report.outcomes[0].message
        assert [d.name for d in user.documents()] == ["c.txt"]
    with BankGroup([PhraseBank.open(tmp_path / "user.db", readonly=True),
                    PhraseBank.open(tmp_path / "builtin.db", readonly=True)]) as group:
        # 久久为功: twice in a.txt and once in b.txt, in the built-in bank only
        assert [(r.count, r.docs) for r in group.rank("久久为功") if r.text == "久久为功"] == [(3, 2)]
        builtin_phrases = {(p.text, p.kind) for p in group.banks[1].phrases()}
        user_phrases = {(p.text, p.kind) for p in group.banks[0].phrases()}
        assert group.totals() == (3, len(builtin_phrases | user_phrases))
