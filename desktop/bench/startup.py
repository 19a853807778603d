"""Start-up time to the first painted frame and resident memory, for the writing window and for a bare
PySide6 window started the same way (the baseline): both are fresh processes, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from desktop.bench.measure import Measurement, median

# Runs in the child. argv[1] is "bare" or "app". Prints "painted" at the main window's first paint,
# then the resident memory once idle, then after the default bank is opened and queried.
_CHILD = r"""
import sys, time
kind = sys.argv[1]

def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            print("painted", flush=True)
            QTimer.singleShot(1500, idle)  # let deferred start-up work finish before measuring
        return False

def idle():
    print(f"rss_idle {rss_mb():.1f}", flush=True)
    from desktop.core.bank.banks import open_query_banks
    banks = open_query_banks()
    banks.rank("jjwg", limit=10)
    banks.rank("", context="要坚持久久为功，推动工作落实", limit=10)
    print(f"rss_bank {rss_mb():.1f}", flush=True)
    app.quit()

# The filter sits on the main window, not the application: an application-wide Python filter is
# called for every event of every child widget and would slow the richer window it measures.
watcher = FirstPaint()
if kind == "bare":
    window = QMainWindow()
    window.resize(1200, 800)
    window.installEventFilter(watcher)
    window.show()
else:
    from desktop.ui.app import create_window

    window = create_window()  # shown; its first paint comes from the event loop below
    window.installEventFilter(watcher)
app.exec()
"""


def _run_child(kind: str, data_dir: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGWEN_DATA_DIR=str(data_dir))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, kind], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    values: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        name, _, value = line.strip().partition(" ")
        if name == "painted":
            values["startup_s"] = time.perf_counter() - start
        elif name in ("rss_idle", "rss_bank"):
            values[name] = float(value)
    proc.wait(timeout=120)
    if proc.returncode != 0 or len(values) < 3:
        raise RuntimeError(f"启动测量的子进程（{kind}）异常退出（退出码 {proc.returncode}）")
    return values


def _data_dir_with_default_bank(workdir: Path) -> Path:
    """A data folder in which the default bank is ready, as on a user's machine: a checkout without
    `make bank` would otherwise mine the corpus during the measurement."""
    from desktop.core.bank.banks import ensure_default_bank

    data_dir = workdir / "startup-data"
    previous = os.environ.get("GONGWEN_DATA_DIR")
    os.environ["GONGWEN_DATA_DIR"] = str(data_dir)
    try:
        ensure_default_bank()
    finally:
        if previous is None:
            del os.environ["GONGWEN_DATA_DIR"]
        else:
            os.environ["GONGWEN_DATA_DIR"] = previous
    return data_dir


def bench_startup(runs: int, workdir: Path) -> list[Measurement]:
    data_dir = _data_dir_with_default_bank(workdir)
    results: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}
    for _ in range(max(runs, 1)):
        for kind in results:  # interleaved, so both see the same state of the machine
            results[kind].append(_run_child(kind, data_dir))

    def mid(kind: str, key: str) -> float:
        return median([r[key] for r in results[kind]])

    app_s, bare_s = mid("app", "startup_s"), mid("bare", "startup_s")
    app_idle, bare_idle = mid("app", "rss_idle"), mid("bare", "rss_idle")
    app_bank, bare_bank = mid("app", "rss_bank"), mid("bare", "rss_bank")
    return [
        Measurement(
            "startup.first_paint_s", "冷启动到首次绘制", app_s, "s", bare_s, "空白 PySide6 窗口",
            "≤ 2 × 空白窗口", app_s <= 2 * bare_s,
        ),
        Measurement("startup.rss_idle_mb", "空闲常驻内存", app_idle, "MB", bare_idle, "空白 PySide6 窗口"),
        Measurement(
            "startup.rss_with_bank_mb", "载入内置素材库后的常驻内存", app_bank, "MB", bare_bank,
            "空白窗口同样载入素材库", "≤ 150 MB", app_bank <= 150,
        ),
    ]  # fmt: skip
