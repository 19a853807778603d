"""Odd files and broken banks on the command line: a Chinese message naming the file and the reason,
exit 2, the rest of the work done, and never a traceback. Each case is a real process on real files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.logs import LOG_FILE_NAME
from tests.conftest import SEEDS_DIR
from tests.hostile import (
    document_names,
    BAD_NAME_SHOWN,
    SPEECH,
    as_normal_user,
    bad_name_file,
    broken_pdf,
    damage_pages,
    fifo,
    gongwen,
    is_damaged,
    random_middle,
    read_only,
    seed_bank,
    side_files,
    symlink_loop,
    unreadable_folder,
)


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr)


def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_imported(tmp_path):
    folder = tmp_path / "usb"
    (folder / "good.txt").parent.mkdir(parents=True)
    (folder / "good.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "also_good.txt").write_text(SPEECH + "要查隐患、堵漏洞、强弱项。\n", encoding="utf-8")
    bad_name_file(folder)
    bank = tmp_path / "b.db"
    result = gongwen("mine", str(folder), "--bank", str(bank), "--json")
    no_traceback(result)
    assert result.returncode == 2
    assert f"{BAD_NAME_SHOWN}：文件名（或所在文件夹名）不是 UTF-8 编码" in result.stderr
    assert document_names(bank) == ["also_good.txt", "good.txt"]
    failed = [o for o in json.loads(result.stdout)["outcomes"] if o["status"] == "failed"]
    assert [Path(o["file"]).name for o in failed] == [BAD_NAME_SHOWN]


def test_removing_a_symlink_loop_says_what_it_is(tmp_path):
    link = symlink_loop(tmp_path / "LINK")
    result = gongwen("mine", "--remove", str(link), "--bank", str(tmp_path / "b.db"))
    no_traceback(result)
    assert result.returncode == 2 and "LINK：符号链接循环" in result.stderr, result.stderr
    again = gongwen("mine", str(link), "--bank", str(tmp_path / "b.db"))
    assert again.returncode == 2 and "LINK：符号链接循环" in again.stderr, again.stderr


def test_mining_a_fifo_says_it_is_not_a_regular_file(tmp_path):
    pipe = fifo(tmp_path / "FIFO.txt")
    result = gongwen("mine", str(pipe), "--bank", str(tmp_path / "b.db"), timeout=60)
    no_traceback(result)
    assert result.returncode == 2 and "FIFO.txt：不是普通文件" in result.stderr, result.stderr


def test_an_unreadable_subfolder_is_reported_and_its_documents_kept(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "open.txt").write_text(SPEECH, encoding="utf-8")
    bank = tmp_path / "b.db"
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_text(SPEECH + "重整行装再出发。\n", encoding="utf-8")
    assert gongwen("mine", str(folder), "--bank", str(bank)).returncode == 0
    assert document_names(bank) == ["inside.txt", "open.txt"]
    shutil.rmtree(folder / "locked")
    unreadable_folder(folder, "locked")
    try:
        result = gongwen("mine", str(folder), "--bank", str(bank), normal_user=True)
    finally:
        (folder / "locked").chmod(0o755)
    no_traceback(result)
    assert result.returncode == 2
    assert "locked：文件夹无法读取（没有读取权限），其中的文件未导入" in result.stderr, result.stderr
    # A folder that cannot be read now is not a folder whose files were deleted.
    assert document_names(bank) == ["inside.txt", "open.txt"]


def test_pypdf_warnings_go_to_the_log_not_the_terminal(tmp_path, isolated_data_dir):
    pdf = broken_pdf(tmp_path / "broken.pdf")
    result = gongwen("mine", str(pdf), "--bank", str(tmp_path / "b.db"))
    no_traceback(result)
    assert result.returncode == 2 and "broken.pdf：PDF 文件已损坏" in result.stderr
    assert "EOF marker" not in result.stderr and "pypdf" not in result.stderr, result.stderr
    assert "EOF marker not found" in (isolated_data_dir / LOG_FILE_NAME).read_text(encoding="utf-8")


@pytest.fixture
def bank(tmp_path) -> Path:
    return seed_bank(tmp_path / "bank.db")


@pytest.mark.parametrize(
    "command",
    [["phrases"], ["suggest", "jjwg"], ["search", "营商环境"], ["lint", "DRAFT"], ["mine", "NEW"]],
    ids=lambda c: c[0],
)
def test_random_bytes_in_the_middle_of_a_bank(tmp_path, bank, command):
    random_middle(bank)
    assert is_damaged(bank)
    draft = tmp_path / "draft.txt"
    draft.write_text(SPEECH, encoding="utf-8")
    new = tmp_path / "new"
    new.mkdir()
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        (new / seed.name).write_text(seed.read_text(encoding="utf-8") + "\n另附说明。\n", encoding="utf-8")
    args = [{"DRAFT": str(draft), "NEW": str(new)}.get(a, a) for a in command]
    result = gongwen(*args, "--bank", str(bank))
    no_traceback(result)
    # Each command either never reads the damaged pages, or says so: which file, and what to do.
    if result.returncode == 2:
        assert f"素材库文件已损坏：{bank}。" in result.stderr and "gongwen restore --rebuild" in result.stderr
    else:
        assert result.returncode in (0, 1) and "错误" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    "command", [["phrases"], ["search", "营商环境"], ["lint", "DRAFT"], ["mine", "NEW"]], ids=lambda c: c[0]
)
def test_a_bank_with_damaged_pages_that_still_opens(tmp_path, bank, command):
    conn = sqlite3.connect(bank)
    copied = conn.execute("SELECT text FROM sentences WHERE length(text) > 30 ORDER BY id").fetchone()[0]
    conn.close()  # a corpus sentence in the draft: lint looks it up in the bank
    damage_pages(bank)
    assert is_damaged(bank)
    draft = tmp_path / "draft.txt"
    draft.write_text(SPEECH + copied + "\n", encoding="utf-8")
    new = tmp_path / "new"
    new.mkdir()
    (new / "new.txt").write_text(SPEECH + "持续优化营商环境。\n", encoding="utf-8")
    before = bank.read_bytes()
    args = [{"DRAFT": str(draft), "NEW": str(new)}.get(a, a) for a in command]
    result = gongwen(*args, "--bank", str(bank))
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert f"素材库文件已损坏：{bank}。" in result.stderr, result.stderr
    assert "cannot rollback" not in result.stderr
    # Not a page changed; opening it for writing may turn on WAL (bytes 18-19 of the 100-byte header).
    assert bank.read_bytes()[100:] == before[100:]


def test_mine_into_a_damaged_user_bank_names_its_backup(tmp_path, isolated_data_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SPEECH, encoding="utf-8")
    assert gongwen("mine", str(corpus)).returncode == 0
    (corpus / "b.txt").write_text(SPEECH + "重整行装再出发。\n", encoding="utf-8")
    assert gongwen("mine", str(corpus)).returncode == 0  # changes a bank that has a document: a backup
    backups = sorted((isolated_data_dir / "backups").glob("bank-*.sqlite"))
    assert len(backups) == 1
    user = isolated_data_dir / "bank.sqlite"
    damage_pages(user)
    (corpus / "c.txt").write_text(SPEECH + "要查隐患、堵漏洞、强弱项。\n", encoding="utf-8")
    result = gongwen("mine", str(corpus))
    no_traceback(result)
    assert result.returncode == 2
    assert f"素材库文件已损坏：{user}。" in result.stderr
    assert str(backups[0]) in result.stderr and "gongwen restore" in result.stderr


def test_a_read_only_bank_is_refused_for_writing_and_read_without_leftovers(tmp_path, bank):
    """444 for a normal user: the process really cannot write the file (checked first), and neither
    mining into it nor reading it leaves -wal/-shm files beside it."""
    read_only(bank)
    before = bank.read_bytes()
    denied = subprocess.run(
        [*as_normal_user(), sys.executable, "-c", f"open({str(bank)!r}, 'r+b')"],
        capture_output=True, text=True,
    )
    assert denied.returncode != 0 and "PermissionError" in denied.stderr
    new = tmp_path / "new"
    new.mkdir()
    (new / "new.txt").write_text(SPEECH, encoding="utf-8")
    result = gongwen("mine", str(new), "--bank", str(bank), normal_user=True)
    no_traceback(result)
    assert result.returncode == 2
    assert f"bank.db：素材库文件是只读的，不能写入（{bank}）" in result.stderr, result.stderr
    assert side_files(bank) == [] and bank.read_bytes() == before
    listed = gongwen("phrases", "--bank", str(bank), "--json", normal_user=True)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) and side_files(bank) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may set the immutable attribute")
def test_an_immutable_bank_is_refused_for_writing(tmp_path, bank):
    """chattr +i: not even root may write it."""
    if subprocess.run(["chattr", "+i", str(bank)], capture_output=True).returncode != 0:
        pytest.fail("chattr +i failed: this test needs a file system with immutable files")
    try:
        with pytest.raises(PermissionError):
            bank.open("r+b")
        new = tmp_path / "new"
        new.mkdir()
        (new / "new.txt").write_text(SPEECH, encoding="utf-8")
        result = gongwen("mine", str(new), "--bank", str(bank))
        no_traceback(result)
        assert result.returncode == 2 and "素材库文件是只读的" in result.stderr, result.stderr
        assert gongwen("suggest", "jjwg", "--bank", str(bank)).returncode == 0
        assert side_files(bank) == []
    finally:
        subprocess.run(["chattr", "-i", str(bank)])


def test_a_read_only_data_folder_is_named_and_what_needs_no_writing_still_works(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    data = home / "gongwen"  # not there yet, and its parent cannot be written: it cannot be made
    home.chmod(0o555)
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(data))
    draft = tmp_path / "稿.txt"
    draft.write_text(SPEECH, encoding="utf-8")
    env = dict(os.environ)
    checked = gongwen("lint", str(draft), env=env, normal_user=True)
    no_traceback(checked)
    assert checked.returncode in (0, 1) and "PermissionError" not in checked.stderr, checked.stderr
    cleaned = gongwen("clean", str(draft), env=env, normal_user=True)
    assert cleaned.returncode == 0 and "久久为功" in cleaned.stdout, cleaned.stderr
    mined = gongwen("mine", str(draft), env=env, normal_user=True)
    no_traceback(mined)
    assert mined.returncode == 2 and str(data) in mined.stderr, mined.stderr
    assert "程序内部错误" not in mined.stderr
    assert not data.exists()


def test_clean_into_a_folder_prints_a_name_that_is_not_utf8_readably(tmp_path):
    source = bad_name_file(tmp_path / "usb")
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")  # a strict UTF-8 stream, as a pipe on Windows is
    result = gongwen("clean", str(source), "-o", str(out), "--explain", env=env)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert f"{BAD_NAME_SHOWN} → " in result.stdout and "UnicodeEncodeError" not in result.stderr
    assert [p.name for p in out.iterdir()] == [source.name]  # written under its own name
    assert "久久为功" in (out / source.name).read_text(encoding="utf-8")
    printed = gongwen("clean", str(source), str(source), env=env)  # to standard output, with headers
    assert printed.returncode == 0 and f"==> {BAD_NAME_SHOWN} <==" in printed.stdout, printed.stderr
