"""The real `gongwen` window under Xvfb with no window manager takes the keyboard at start: keys typed with
xdotool reach the draft, and Ctrl+S saves them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_keys_reach_the_draft_without_a_window_manager(tmp_path):
    if not shutil.which("Xvfb") or not shutil.which("xdotool"):
        pytest.skip("needs Xvfb and xdotool (scripts/install-system-deps.sh installs them)")
    draft = tmp_path / "讲话.txt"
    draft.write_text("在会议上的讲话\n同志们：\n", encoding="utf-8")
    read, write = os.pipe()  # Xvfb picks a free display and writes its number here
    screen = ["-screen", "0", "1280x800x24", "-nolisten", "tcp"]
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), *screen], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as number:
        display = ":" + number.readline().strip()
    env = dict(os.environ, GONGWEN_DATA_DIR=str(tmp_path / "data"), DISPLAY=display)
    env.pop("QT_QPA_PLATFORM", None)

    def xdotool(*args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=60)
        return done.stdout.strip()

    app = subprocess.Popen([sys.executable, "-m", "desktop", str(draft)], env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        window = xdotool("search", "--sync", "--name", "讲话.txt").split()[0]
        deadline = time.monotonic() + 30
        while xdotool("getwindowfocus") != window and time.monotonic() < deadline:
            time.sleep(0.2)
        assert xdotool("getwindowfocus") == window, "the window did not take the keyboard"
        xdotool("type", "--delay", "50", "abc")
        xdotool("key", "ctrl+s")
        deadline = time.monotonic() + 30
        while not draft.read_text(encoding="utf-8").startswith("abc") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert draft.read_text(encoding="utf-8") == "abc在会议上的讲话\n同志们：\n"
    finally:
        app.kill()
        app.wait(timeout=30)
        xvfb.kill()
        xvfb.wait(timeout=30)
