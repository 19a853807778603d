"""Two imports into one bank at once, as two real `gongwen mine` processes: the second waits for the
first, says so, and both folders end up complete."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.bank.importer import WAITING
from tests.conftest import REPO_ROOT, SEEDS_DIR

FILES_EACH = 500


def small_speeches(folder: Path, tag: str, count: int) -> Path:
    """`count` short, distinct speeches built from lines of the bundled seeds."""
    lines = [
        line
        for seed in sorted(SEEDS_DIR.glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if len(line) > 20
    ]
    folder.mkdir(parents=True)
    for number in range(count):
        start = (number * 7) % len(lines)
        body = "\n".join(lines[start : start + 3])
        text = f"在第{number}次工作会议上的讲话\n{body}\n这是{tag}组第{number}份材料。\n"
        (folder / f"{tag}{number:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.timeout(1800)
def test_two_imports_of_500_files_into_one_bank_both_finish(tmp_path):
    first = small_speeches(tmp_path / "a", "甲", FILES_EACH)
    second = small_speeches(tmp_path / "b", "乙", FILES_EACH)
    bank = tmp_path / "shared.db"
    command = [sys.executable, "-m", "desktop", "mine", "--bank", str(bank)]
    env = dict(os.environ)
    a = subprocess.Popen([*command, str(first)], cwd=REPO_ROOT, env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        assert a.stderr.readline().startswith(f"[1/{FILES_EACH}]")  # inside its import: it holds the bank
        b = subprocess.run([*command, str(second)], cwd=REPO_ROOT, env=env, text=True, capture_output=True,
                           timeout=1500)  # fmt: skip
        a_err = a.stderr.read()
        a.wait(timeout=1500)
    finally:
        if a.poll() is None:
            a.kill()
    assert a.returncode == 0, a_err[-2000:]
    assert b.returncode == 0, b.stderr[-2000:]
    assert b.stderr.startswith(WAITING), b.stderr[:500]
    conn = sqlite3.connect(bank)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM documents")}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert len(names) == 2 * FILES_EACH
    assert {n[0] for n in names} == {"甲", "乙"}
