"""Start-up path and `gongwen --selftest`, in real processes."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

PROBE = """
import sys
from desktop.ui.app import _application, create_window
app = _application()
window = create_window(None)
app.processEvents()
print("visible", window.isVisible())
print("slow", sorted(m for m in ("jieba", "pypinyin", "docx") if m in sys.modules))
window.close()
"""


def run(args, data_dir, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "GONGWEN_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_window_shows_without_loading_jieba_pypinyin_or_docx(isolated_data_dir):
    result = run(["-c", PROBE], isolated_data_dir)
    assert result.returncode == 0, result.stderr
    assert "visible True" in result.stdout
    assert "slow []" in result.stdout


def test_selftest_passes_and_prints_one_line_per_step(isolated_data_dir):
    result = run(["-m", "desktop", "--selftest"], isolated_data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("selftest:")]
    assert [line.split()[1] for line in lines[:5]] == ["window", "bank", "open", "lint", "export"]
    assert all(" ok " in line for line in lines[:5]) and lines[-1] == "selftest: all steps passed"


def test_selftest_names_the_failing_step(isolated_data_dir, tmp_path):
    empty = tmp_path / "resources"
    empty.mkdir()
    result = run(["-m", "desktop", "--selftest"], isolated_data_dir, GONGWEN_RESOURCES=str(empty))
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if "FAILED" in line]
    assert len(failed) == 1 and failed[0].split()[1] in ("bank", "open")
