"""A real process killed with SIGKILL in the middle of an import leaves the bank as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths
from tests.conftest import REPO_ROOT
from tests.unit.bank.conftest import RULES, write

# Imports a folder and, after the second file is written into the open transaction, reports and waits
# to be killed: the kill lands mid-import every time, not by luck of timing.
IMPORTER = """
import sys, time
from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths
from tests.unit.bank.conftest import RULES

def progress(index, total, outcome):
    print(index, total, outcome.path.name, outcome.status, flush=True)
    if index == 2:
        time.sleep(600)

import_paths(PhraseBank.open(sys.argv[1]), [sys.argv[2]], miner=RULES, progress=progress)
print("finished", flush=True)
"""


def snapshot(path) -> tuple:
    with PhraseBank.open(path) as bank:
        assert bank.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert bank.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return (
            [(d.name, d.content_hash) for d in bank.documents()],
            [p.to_json() for p in bank.phrases()],
            [h.to_json() for h in bank.search("营商环境")],
            bank.conn.execute("SELECT count(*) FROM sentences_fts").fetchone()[0],
        )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL exists only on POSIX systems")
def test_sigkill_mid_import_leaves_the_bank_as_before(tmp_path, corpus):
    bank_path = tmp_path / "b.db"
    with PhraseBank.open(bank_path) as bank:
        import_paths(bank, [corpus / "a.txt"], miner=RULES)
    before = snapshot(bank_path)
    write(corpus, "a.txt", "在全市工作会议上的讲话\n要攻坚克难，优化营商环境。\n")  # a.txt changes too

    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(bank_path), str(corpus)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        lines = [proc.stdout.readline().split() for _ in range(2)]
        assert lines == [["1", "3", "a.txt", "updated"], ["2", "3", "b.txt", "added"]], proc.stderr.read()
        assert proc.poll() is None  # still inside the import
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    assert snapshot(bank_path) == before
    # The bank is fully usable afterwards: the same import now runs to the end.
    with PhraseBank.open(bank_path) as bank:
        report = import_paths(bank, [corpus], miner=RULES)
        assert [o.status for o in report.outcomes] == ["updated", "added", "added"]
        assert [h.doc for h in bank.search("营商环境")] == ["a.txt", "b.txt"]
