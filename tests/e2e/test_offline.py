"""Offline guarantee: mining, linting, exporting and the editor's self-test never reach for the network.

Each step runs `python -m desktop …` inside tests/e2e/offline.py's guard (no network namespace when
root, strace on connect/sendto, a Python audit hook) and must succeed with no attempt recorded.
A step whose command is not on this branch yet is skipped with the reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import pytest

from tests.conftest import REPO_ROOT, SEEDS_DIR
from tests.e2e.offline import AUDIT_RUNNER, available_layers, run_offline

DRAFT = """在全市安全生产工作会议上的讲话

同志们：

今天召开这次会议，主要任务是部署安全生产工作。下面，我讲三点意见。

一、提高思想认识
一是压实责任。二是排查隐患。三是强化考核。

二、抓好重点工作
（一）强化源头治理。要把风险管控挺在隐患前面。
（二）严格执法检查。

三、加强组织领导
各级各部门要久久为功，确保各项工作落到实处。
"""


# Modules a command needs besides its own (mining is loaded by the importer with importlib).
NEEDS = {"mine": ["desktop/core/mining/miner.py"], "export": ["desktop/core/export/__init__.py"]}


def missing_parts(name: str) -> list[str]:
    """What of `gongwen NAME` is not on this branch yet (empty when it can run)."""
    parts = [f"desktop/commands/{name}.py", *NEEDS.get(name, [])]
    return [part for part in parts if not (REPO_ROOT / part).is_file()]


def _require_command(name: str) -> None:
    missing = missing_parts(name)
    if missing:
        pytest.skip(f"`gongwen {name}` cannot run on this branch yet ({', '.join(missing)} missing)")


@pytest.fixture
def workdir(tmp_path, isolated_data_dir):
    (tmp_path / "讲话稿.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module", autouse=True)
def report_layers():
    layers, missing = available_layers()
    for reason in missing:
        warnings.warn(f"offline guard weaker here: {reason}", stacklevel=1)
    return layers


def _assert_offline(run, allowed_codes=(0,)):
    output = run.result.stdout + run.result.stderr
    assert run.result.returncode in allowed_codes, (
        f"exit {run.result.returncode} under {run.layers}:\n{output}"
    )
    assert run.network_attempts == [], "network attempted:\n" + "\n".join(run.network_attempts)


def test_guard_catches_an_attempt(workdir):
    layers, _ = available_layers()
    if "strace" not in layers:
        pytest.skip("strace missing: only the audit hook is active, which this check does not cover")
    probe = (
        "import socket\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass\n"
    )
    run = run_offline([sys.executable, "-c", probe], workdir)
    assert any("127.0.0.1" in line for line in run.network_attempts), run.network_attempts


def test_guard_audit_hook_catches_a_python_lookup(workdir):
    log = workdir / "probe.log"
    probe = (
        f"import sys, socket; sys.path.insert(0, {str(AUDIT_RUNNER.parent)!r}); import audit_runner\n"
        "audit_runner.install()\n"
        "try:\n    socket.getaddrinfo('localhost', 9)\nexcept OSError:\n    pass\n"
    )
    env = {**os.environ, "GONGWEN_AUDIT_LOG": str(log)}
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=60)
    assert "socket.getaddrinfo" in log.read_text(encoding="utf-8")


def test_mine_offline(workdir):
    _require_command("mine")
    bank = workdir / "bank.sqlite"
    run = run_offline(["mine", str(SEEDS_DIR), "--bank", str(bank)], workdir, python_source=True)
    _assert_offline(run)
    assert bank.is_file() and bank.stat().st_size > 0


def test_lint_offline(workdir):
    _require_command("lint")
    run = run_offline(["lint", "讲话稿.txt"], workdir, python_source=True)
    _assert_offline(run, allowed_codes=(0, 1))  # 1 = findings reported


def test_export_offline(workdir):
    _require_command("export")
    out = workdir / "讲话稿.docx"
    run = run_offline(["export", "讲话稿.txt", "-o", str(out)], workdir, python_source=True)
    _assert_offline(run)
    assert out.is_file() and out.read_bytes()[:2] == b"PK"


def test_selftest_offline(workdir):
    run = run_offline(["--selftest"], workdir, python_source=True, env={"QT_QPA_PLATFORM": "offscreen"})
    _assert_offline(run)
