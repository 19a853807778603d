"""Automatic backups of the user's bank, and the two ways back from a damaged one. Real files, real
SQLite, a real process killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.core.bank.backups import (
    BACKUPS_KEPT,
    list_backups,
    quick_check,
    restore_backup,
    start_over,
)
from desktop.core.bank.banks import open_write_bank
from desktop.core.bank.importer import import_paths, remove_paths
from desktop.core.bank.sharing import export_bank, merge_bank
from desktop.core.bank.store import PhraseBank
from desktop.core.bank.user_phrases import UserPhrases
from desktop.core.errors import BankError
from tests.conftest import REPO_ROOT
from tests.hostile import damage_pages, document_names
from tests.unit.bank.conftest import DOC_A, DOC_B, DOC_C, RULES, write


def import_into_user_bank(*files: Path) -> None:
    with open_write_bank() as bank:
        import_paths(bank, list(files), miner=RULES)


def test_each_import_that_changes_the_user_bank_keeps_the_one_before(tmp_path):
    a = write(tmp_path, "a.txt", DOC_A)
    b = write(tmp_path, "b.txt", DOC_B)
    c = write(tmp_path, "sub/c.txt", DOC_C)
    import_into_user_bank(a)
    assert list_backups(paths.user_bank_path()) == []  # the bank was new and empty: nothing to keep
    import_into_user_bank(b)
    import_into_user_bank(a, b)  # nothing changes: no backup
    backups = list_backups(paths.user_bank_path())
    assert [document_names(f) for f in backups] == [["a.txt"]]
    import_into_user_bank(c)
    write(tmp_path, "a.txt", DOC_A + "又及：要真抓实干。\n")
    import_into_user_bank(a)
    backups = list_backups(paths.user_bank_path())
    assert len(backups) == BACKUPS_KEPT
    assert [document_names(f) for f in backups] == [["a.txt", "b.txt", "c.txt"], ["a.txt", "b.txt"]]
    for backup in backups:  # self-contained and sound
        assert quick_check(backup) is None and not Path(f"{backup}-wal").exists()


def test_removing_and_merging_keep_a_backup_too(tmp_path):
    import_into_user_bank(write(tmp_path, "a.txt", DOC_A))
    with open_write_bank() as bank:
        remove_paths(bank, [tmp_path / "a.txt"])
    assert [document_names(f) for f in list_backups(paths.user_bank_path())] == [["a.txt"]]
    shared = tmp_path / "shared.db"
    with PhraseBank.open(shared) as other:
        import_paths(other, [write(tmp_path / "colleague", "b.txt", DOC_B)], miner=RULES)
    with open_write_bank() as bank:
        UserPhrases(bank).set_favourite("久久为功", "idiom", True)  # so the bank is worth a backup
        merge_bank(bank, shared)
    assert [document_names(f) for f in list_backups(paths.user_bank_path())] == [[], ["a.txt"]]
    assert document_names(paths.user_bank_path()) == ["b.txt"]


def test_a_bank_named_with_bank_keeps_no_backups(tmp_path):
    other = tmp_path / "other.db"
    for doc in ("a.txt", "b.txt"):
        with open_write_bank(other) as bank:
            import_paths(bank, [write(tmp_path, doc, DOC_A if doc == "a.txt" else DOC_B)], miner=RULES)
    assert not (paths.data_dir() / "backups").exists()


def test_a_damaged_bank_never_pushes_out_a_sound_backup(tmp_path):
    import_into_user_bank(write(tmp_path, "a.txt", DOC_A))
    import_into_user_bank(write(tmp_path, "b.txt", DOC_B))
    sound = list_backups(paths.user_bank_path())
    damage_pages(paths.user_bank_path())
    with pytest.raises(BankError, match="素材库文件已损坏"), open_write_bank() as bank:
        import_paths(bank, [write(tmp_path, "sub/c.txt", DOC_C)], miner=RULES)
    assert list_backups(paths.user_bank_path()) == sound and quick_check(sound[0]) is None


# Imports into the user's bank and, once the second file is in the open transaction, waits to be killed.
IMPORTER = """
import sys, time
from desktop.core.bank.banks import open_write_bank
from desktop.core.bank.importer import import_paths
from tests.unit.bank.conftest import RULES

def progress(index, total, outcome):
    print(index, outcome.status, flush=True)
    if index == 2:
        time.sleep(600)

with open_write_bank() as bank:
    import_paths(bank, [sys.argv[1]], miner=RULES, progress=progress)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL exists only on POSIX systems")
def test_sigkill_mid_import_leaves_the_bank_and_a_sound_backup_of_it(tmp_path):
    import_into_user_bank(write(tmp_path / "first", "a.txt", DOC_A))
    corpus = tmp_path / "corpus"
    write(corpus, "b.txt", DOC_B)
    write(corpus, "c.txt", DOC_C)
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(corpus)], cwd=REPO_ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )  # fmt: skip
    try:
        assert [proc.stdout.readline().split() for _ in range(2)] == [["1", "added"], ["2", "added"]]
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert document_names(paths.user_bank_path()) == ["a.txt"]
    assert quick_check(paths.user_bank_path()) is None
    backups = list_backups(paths.user_bank_path())
    assert [document_names(f) for f in backups] == [["a.txt"]] and quick_check(backups[0]) is None


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file(tmp_path):
    import_into_user_bank(write(tmp_path, "a.txt", DOC_A))
    import_into_user_bank(write(tmp_path, "b.txt", DOC_B))
    user = paths.user_bank_path()
    damage_pages(user)
    damaged = user.read_bytes()
    aside = restore_backup(user)
    assert aside.read_bytes() == damaged and aside.parent == user.parent
    assert quick_check(user) is None and document_names(user) == ["a.txt"]
    with open_write_bank() as bank:  # usable again: the next import goes through
        import_paths(bank, [tmp_path / "b.txt"], miner=RULES)
    assert document_names(user) == ["a.txt", "b.txt"]


def test_restore_refuses_a_damaged_backup(tmp_path):
    import_into_user_bank(write(tmp_path, "a.txt", DOC_A))
    with PhraseBank.open(paths.user_bank_path(), readonly=True) as bank:
        broken = damage_pages(export_bank(bank, tmp_path / "x.db"))
    with pytest.raises(BankError, match="备份文件本身已损坏"):
        restore_backup(paths.user_bank_path(), broken)


def test_starting_over_keeps_the_writers_own_phrases_and_lists_the_corpus(tmp_path):
    import_into_user_bank(write(tmp_path, "a.txt", DOC_A), write(tmp_path, "b.txt", DOC_B))
    with open_write_bank() as bank:
        UserPhrases(bank).add("撸起袖子加油干", "quote", initials="lqxzjyg")
        UserPhrases(bank).set_favourite("久久为功", "idiom", True)
    (tmp_path / "b.txt").unlink()
    user = damage_pages(paths.user_bank_path(), tables=("sentences",))  # the rest can still be read
    assert quick_check(user) is not None
    found, aside = start_over(user)
    assert aside.exists()
    assert found.corpus_files == [tmp_path / "a.txt"] and found.missing_files == [str(tmp_path / "b.txt")]
    assert quick_check(user) is None and document_names(user) == ["我的素材"]
    with PhraseBank.open(user, readonly=True) as bank:
        mine = UserPhrases(bank)
        assert [p.text for p in mine.list()] == ["撸起袖子加油干"] and mine.favourites() == [("久久为功", "idiom")]
