"""The recovery store (desktop.core.recovery), without Qt."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop.core.recovery import RecoveryEntry, RecoveryStore


def test_leftovers_newest_first_skipping_live_and_own_sessions(tmp_path):
    store = RecoveryStore(tmp_path)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=False
    )
    dead_pid = int(dead.stdout)
    store.write(RecoveryEntry("a", "旧\n", "2026-05-01T09:00:00", pid=dead_pid))
    store.write(RecoveryEntry("b", "\n\n  新的首行  \n正文", "2026-05-02T09:00:00", pid=dead_pid))
    store.write(RecoveryEntry("mine", "我自己的", "2026-05-03T09:00:00", pid=os.getpid()))
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        store.write(RecoveryEntry("running", "另一个窗口", "2026-05-04T09:00:00", pid=live.pid))
        (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
        left = store.leftovers(own_session="mine")
    finally:
        live.kill()
        live.wait()
    assert [e.session for e in left] == ["b", "a"]
    assert left[0].first_line == "新的首行"
    store.remove("b")
    store.remove("b")  # removing twice is harmless
    assert not store.path_for("b").exists()


def test_blank_draft_has_a_readable_first_line(tmp_path):
    assert RecoveryEntry("x", "  \n", "2026-05-01T09:00:00").first_line == "（空白文稿）"
