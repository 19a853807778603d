"""The `gongwen` command and `python -m desktop` answer as documented."""

import subprocess
import sys

from desktop import __version__
from tests.conftest import REPO_ROOT


def run_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )


def test_version():
    result = run_module("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"gongwen {__version__}"


def test_usage_error_is_chinese_and_exits_2():
    result = run_module("suggest")
    assert result.returncode == 2
    assert "用法错误" in result.stderr


def test_unknown_option_for_the_editor_is_a_usage_error():
    result = run_module("--no-such-option")
    assert result.returncode == 2
    assert "用法错误" in result.stderr
