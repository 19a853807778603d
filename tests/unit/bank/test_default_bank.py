"""The default bank: built from the bundled corpus, read-only, and built on first use when missing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from desktop.core import paths
from desktop.core.errors import BankError
from desktop.core.bank.store import PhraseBank
from desktop.core.bank.banks import (
    build_default_bank,
    ensure_default_bank,
    open_query_banks,
    open_write_bank,
)
from desktop.core.bank.importer import import_paths
from tests.conftest import REPO_ROOT
from tests.unit.bank.conftest import DOC_A, DOC_B, RULES, write


@pytest.fixture
def resources(tmp_path, monkeypatch):
    """A resources folder like the bundled one (cleaning rules and all) with a corpus of two speeches."""
    folder = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), folder, ignore=shutil.ignore_patterns("corpus", "bank"))
    write(folder / "corpus", "a.txt", DOC_A)
    write(folder / "corpus", "b.txt", DOC_B)
    monkeypatch.setenv("GONGWEN_RESOURCES", str(folder))
    return folder


def test_built_default_bank_is_one_portable_read_only_file(tmp_path, resources):
    out = build_default_bank(resources / "corpus", resources / "bank" / "default.sqlite", miner=RULES)
    assert sorted(p.name for p in out.parent.iterdir()) == ["default.sqlite"]  # no journal, no WAL
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("SELECT path FROM documents ORDER BY name")] == [
        "corpus/a.txt",
        "corpus/b.txt",
    ]
    conn.close()
    with PhraseBank.open(out, readonly=True) as bank:
        assert [p.text for p in bank.suggest("jjwg")] == ["久久为功"]


def test_bundled_default_bank_is_used_as_it_is(resources):
    build_default_bank(resources / "corpus", paths.default_bank_path(), miner=RULES)
    assert ensure_default_bank() == paths.default_bank_path()
    assert not (paths.data_dir() / "default-bank.sqlite").exists()


def test_missing_default_bank_is_built_into_the_data_folder_once(resources):
    assert not paths.default_bank_path().exists()
    seen = []
    built = ensure_default_bank(progress=lambda i, n, o: seen.append(o.path.name), miner=RULES)
    assert built == paths.data_dir() / "default-bank.sqlite" and seen == ["a.txt", "b.txt"]
    # the second start finds it and mines nothing
    assert ensure_default_bank(progress=lambda *a: seen.append("again"), miner=RULES) == built
    assert seen == ["a.txt", "b.txt"]
    # a changed bundled corpus makes it stale
    write(resources / "corpus", "c.txt", "防汛工作要真抓实干。\n")
    ensure_default_bank(progress=lambda i, n, o: seen.append(o.path.name), miner=RULES)
    assert seen[2:] == ["a.txt", "b.txt", "c.txt"]
    with PhraseBank.open(built, readonly=True) as bank:
        assert [d.name for d in bank.documents()] == ["a.txt", "b.txt", "c.txt"]


def test_workers_asking_at_once_wait_for_one_build(resources):
    """The window's bank warm-up and its phrase panel both ask for the missing default bank at start-up."""
    seen: list[str] = []

    def slow_progress(i, n, outcome):
        seen.append(outcome.path.name)
        time.sleep(0.2)  # the other worker asks while this one is still building

    results: list[object] = []

    def ask():
        try:
            results.append(ensure_default_bank(progress=slow_progress, miner=RULES))
        except Exception as exc:  # noqa: BLE001 - a failure is what the test looks for
            results.append(exc)

    workers = [threading.Thread(target=ask) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    built = paths.data_dir() / "default-bank.sqlite"
    assert results == [built] * 3
    assert seen == ["a.txt", "b.txt"]  # mined once
    with PhraseBank.open(built, readonly=True) as bank:
        assert [d.name for d in bank.documents()] == ["a.txt", "b.txt"]


BUILD_AT_ONCE = """
import pathlib, sys, time
from desktop.core.bank.banks import ensure_default_bank
folder = pathlib.Path(sys.argv[1])
(folder / f"ready-{sys.argv[2]}").touch()
while not (folder / "go").exists():
    time.sleep(0.005)
print(ensure_default_bank())
"""


def test_two_programs_building_at_once_both_get_a_whole_bank(tmp_path, resources, seeds_dir):
    """Two windows opened together on a checkout without the bundled bank build it side by side."""
    for seed in sorted(seeds_dir.glob("*.txt")):  # a real corpus: a build long enough to overlap
        shutil.copy(seed, resources / "corpus")
    env = {**os.environ, "GONGWEN_RESOURCES": str(resources), "PYTHONPATH": str(REPO_ROOT)}
    programs = [
        subprocess.Popen([sys.executable, "-c", BUILD_AT_ONCE, str(tmp_path), str(i)], env=env, cwd=REPO_ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(2)
    ]  # fmt: skip
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{i}").exists() for i in range(2)) and time.monotonic() < deadline:
        time.sleep(0.01)
    (tmp_path / "go").touch()
    results = [program.communicate(timeout=120) for program in programs]
    built = paths.data_dir() / "default-bank.sqlite"
    for program, (out, err) in zip(programs, results):
        assert program.returncode == 0, err[-2000:]
        assert out.strip() == str(built)
    with PhraseBank.open(built, readonly=True) as bank:
        assert len(bank.documents()) == 2 + len(list(seeds_dir.glob("*.txt")))
    assert [p.name for p in built.parent.iterdir() if ".building" in p.name] == []


def test_a_build_abandoned_long_ago_is_cleared_away(resources):
    folder = paths.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    abandoned, recent = folder / "default-bank.sqlite.building-99999", folder / "default-bank.sqlite.building-99998"
    abandoned.write_bytes(b"half a bank")
    recent.write_bytes(b"another process, building now")
    os.utime(abandoned, (time.time() - 7200, time.time() - 7200))
    ensure_default_bank(miner=RULES)
    assert not abandoned.exists() and recent.exists()


def test_a_bad_bundled_file_fails_the_build_and_leaves_no_file(resources):
    (resources / "corpus" / "broken.txt").write_bytes(b"\x80\x81\xff\xfe\x00" * 50)
    out = paths.default_bank_path()
    with pytest.raises(BankError) as err:
        build_default_bank(resources / "corpus", out, miner=RULES)
    assert "内置语料中有文件无法导入：broken.txt：" in str(err.value)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_missing_corpus_gives_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_RESOURCES", str(tmp_path / "empty"))
    with pytest.raises(BankError) as err:
        ensure_default_bank(miner=RULES)
    assert "找不到内置语料文件夹" in str(err.value)


def test_queries_read_the_user_bank_and_the_default_bank(tmp_path, resources):
    build_default_bank(resources / "corpus", paths.default_bank_path(), miner=RULES)
    with open_write_bank() as user:  # no --bank: the user's bank
        assert user.path == paths.user_bank_path()
        import_paths(user, [write(tmp_path / "mine", "d.txt", "防汛工作要久久为功。\n")], miner=RULES)
    with open_query_banks() as group:
        assert [b.path for b in group.banks] == [paths.user_bank_path(), paths.default_bank_path()]
        assert all(b.readonly for b in group.banks)
        [phrase] = group.suggest("jjwg")
        assert phrase.docs == 3 and {s.doc for s in phrase.sources} == {"a.txt", "b.txt", "d.txt"}
    with open_query_banks(paths.user_bank_path()) as only_user:  # --bank FILE alone
        assert [p.docs for p in only_user.suggest("jjwg")] == [1]


def test_a_broken_user_bank_is_reported_and_the_default_bank_still_answers(resources):
    build_default_bank(resources / "corpus", paths.default_bank_path(), miner=RULES)
    paths.user_bank_path().write_bytes(b"\x00garbage" * 500)
    with open_query_banks() as group:
        assert [b.path for b in group.banks] == [paths.default_bank_path()]
        assert len(group.problems) == 1 and group.problems[0].startswith("bank.sqlite：不是有效的素材库文件")
        assert [p.text for p in group.suggest("jjwg")] == ["久久为功"]
