"""Run a Qt measurement in a child process, offscreen: the bench process itself never loads Qt.

The child is a module of this package run with `python -m`; it prints one JSON object as the last line
of its standard output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run_qt_child(module: str, args: list[str], data_dir: Path, timeout: float = 600) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGWEN_DATA_DIR=str(data_dir))
    proc = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, env=env, timeout=timeout
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = proc.stderr.strip().splitlines()[-5:]
        raise RuntimeError(f"测量子进程 {module} 异常退出（退出码 {proc.returncode}）：{' / '.join(tail)}")
    return json.loads(lines[-1])
