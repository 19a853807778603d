"""Keys meant for one panel stay in it: the real `gongwen` window under Xvfb, driven by xdotool.

    .venv/bin/python scripts/check_panel_keys.py [OUT]

With the 范文 tab listing sentences, then with the 素材 tab showing one of 我的素材, it presses Enter in
the find bar, Down and Enter in the outline, Delete and Ctrl+C in the outline, and checks that no
question was asked, the clipboard holds no 范文 sentence and the draft on disk is byte for byte what it
was after Ctrl+S. No window manager runs: the window must take the keyboard at start by itself.
Screenshots of each step go to OUT (default out/panel-keys/). Needs Xvfb and xdotool
(installed by scripts/install-system-deps.sh). Exit 0 when every check passed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
DRAFT = (
    "在全市营商环境工作会议上的讲话\n"
    "同志们：\n"
    "今天召开会议，部署营商环境工作。全市GDP增长6%。\n"
    "一、提高认识\n"
    "营商环境关系发展全局。\n"
    "二、压实责任\n"
    "各部门要各负其责。\n"
)
OWN_PHRASE = "把营商环境当作生命线"
# Run in a Qt client of the same display: a screenshot of the screen, or the clipboard's text.
_QT = "from PySide6.QtWidgets import QApplication; a = QApplication([]); "
_GRAB = _QT + "a.primaryScreen().grabWindow(0).save({!r})"
_CLIPBOARD = _QT + "print(a.clipboard().text(), end='')"


class Session:
    def __init__(self, out: Path, env: dict[str, str]):
        self.out, self.env, self.shots, self.failures = out, env, 0, []

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True).stdout.strip()

    def keys(self, *keys: str, pause: float = 0.4) -> None:
        for key in keys:
            self.xdotool("key", key)
            time.sleep(pause)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "60", text)
        time.sleep(1.0)

    def shot(self, name: str) -> None:
        self.shots += 1
        path = self.out / f"{self.shots:02d}-{name}.png"
        subprocess.run([str(PYTHON), "-c", _GRAB.format(str(path))], env=self.env, capture_output=True)

    def clipboard(self) -> str:
        return subprocess.run([str(PYTHON), "-c", _CLIPBOARD], env=self.env, capture_output=True,
                              text=True).stdout

    def windows(self, name: str) -> list[str]:
        return self.xdotool("search", "--name", name).split()

    def check(self, ok: bool, what: str) -> None:
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if not ok:
            self.failures.append(what)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gongwen-keys-"))
    draft = work / "讲话.txt"
    draft.write_bytes(DRAFT.encode("utf-8"))
    read, write = os.pipe()  # Xvfb picks a free display and writes its number here
    screen = ["-screen", "0", "1400x900x24", "-nolisten", "tcp"]
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), *screen], pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as number:
        display = ":" + number.readline().strip()
    env = dict(os.environ, GONGWEN_DATA_DIR=str(work / "data"), DISPLAY=display)
    env.pop("QT_QPA_PLATFORM", None)
    subprocess.run([str(PYTHON), "-c", "from desktop.core.bank.banks import open_write_bank\n"
                    "from desktop.core.bank.user_phrases import UserPhrases\n"
                    f"with open_write_bank() as b: UserPhrases(b).add({OWN_PHRASE!r}, 'quote')"],
                   env=env, check=True, cwd=ROOT)
    app = None
    try:
        app = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gongwen"), str(draft)], env=env, cwd=work)
        s = Session(out, env)
        s.xdotool("search", "--sync", "--name", "讲话.txt")
        time.sleep(6)  # start-up: the draft checked, the phrase side installed, the banks warmed up
        # no window manager here: the window must take the keyboard itself, or the keys below go nowhere
        focused = s.xdotool("getwindowfocus")
        s.check(focused == s.windows("讲话.txt")[0], f"the window has the keyboard at start ({focused})")
        s.xdotool("windowsize", s.windows("讲话.txt")[0], "1380", "860")
        time.sleep(1)
        sentences = []
        # xdotool cannot type Chinese reliably (it remaps a key for each character): Latin queries,
        # and 我的素材 found by its pinyin initials.
        for tab, key, query in (("范文", "alt+4", "PPP"), ("素材", "alt+3", "byshjdzsmx")):
            s.keys(key)
            s.type(query)
            s.shot(f"{tab}-showing")
            if tab == "范文":
                s.keys("Return", "ctrl+c")  # into the list, copy the selected sentence: the panel's own keys
                sentences.append(s.clipboard())
                s.check(query in sentences[-1], f"{tab}: Ctrl+C in the list copies its sentence")
            s.keys("alt+0", "ctrl+f")
            s.type("GDP")
            s.keys("Return")
            s.shot(f"{tab}-find-enter")
            s.keys("Escape", "alt+1", "ctrl+Home", "Down", "Return")
            s.shot(f"{tab}-outline-enter")
            s.keys("alt+1", "Delete")
            s.check(not s.windows("删除素材"), f"{tab}: Delete in the outline asks nothing about 我的素材")
            s.shot(f"{tab}-outline-delete")
            s.keys("ctrl+c")
            copied = s.clipboard()
            s.check(copied not in sentences, f"{tab}: Ctrl+C in the outline copies no 范文 sentence ({copied})")
            title = s.xdotool("getwindowname", s.windows("讲话.txt")[0])
            s.check("*" not in title, f"{tab}: the draft is not marked changed ({title})")
        s.keys("alt+0", "ctrl+s", pause=1.0)
        unchanged = draft.read_bytes() == DRAFT.encode("utf-8")
        s.check(unchanged, "the draft saved is byte for byte the one opened")
        s.keys("ctrl+q", pause=1.5)
        print(f"screenshots in {out}")
        return 1 if s.failures else 0
    finally:
        if app is not None and app.poll() is None:
            app.kill()
        xvfb.kill()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "panel-keys"))
