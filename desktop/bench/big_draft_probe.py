"""Child of `gongwen bench --only window` (run offscreen by desktop.bench.ui_suites): typing in a very large
draft (5 MB, some 1.7 million characters, tens of thousands of findings), as the writer meets it.

    python -m desktop.bench.big_draft_probe --draft FILE --typing 21 [--bare] [--f7] [--settled]

The window (or with --bare a plain QPlainTextEdit of the same font and size, the baseline) opens the draft,
lets 5 s pass with events processed, then takes keystrokes in the middle of the draft. With --f7 it then
checks the whole draft (F7), waits for the findings to be shown, and takes the keystrokes again. With
--settled it then waits until the window has nothing left to do in the background, takes the keystrokes
once more, and measures the CPU time one keystroke costs until the window is idle again. Peak memory is
the process's maximum resident set. Prints one JSON object, times in seconds.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

from desktop.bench.measure import timed

SETTLE_S = 5.0  # the targets are for keystrokes 5 s after opening


def _peak_rss_mb() -> float:
    """This process's own peak: ru_maxrss survives exec, so it would report the bench's parent when that
    was larger (the full bench holds a 100,000-phrase bank by then); VmHWM starts afresh with the program."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draft", type=Path, required=True)
    parser.add_argument("--typing", type=int, default=21)
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--f7", action="store_true")
    parser.add_argument("--settled", action="store_true")
    args = parser.parse_args(argv)

    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication(sys.argv[:1])
    out: dict[str, float] = {}

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    if args.bare:
        from desktop.ui.main_window import MainWindow
        from desktop.ui.settings import Settings

        font_of = MainWindow(Settings(), phrases_after_paint=True)  # only for its editor's font and size
        editor = QPlainTextEdit()
        editor.setFont(font_of.editor.font())
        editor.resize(font_of.editor.size())
        font_of.deleteLater()
        editor.show()
        app.processEvents()
        text = args.draft.read_text(encoding="utf-8")
        out["open"] = timed(lambda: (editor.setPlainText(text), app.processEvents()))
        del text
        window = None
    else:
        from desktop.ui.main_window import MainWindow
        from desktop.ui.settings import Settings

        window = MainWindow(Settings(), phrases_after_paint=True)
        window.show()
        app.processEvents()
        editor = window.editor
        out["open"] = timed(lambda: (window.open_path(args.draft), app.processEvents()))
        out["f7_only"] = float(getattr(window, "checking_on_f7_only", False))  # absent: before the limit
    pump(SETTLE_S)

    document = editor.document()
    cursor = editor.textCursor()
    cursor.setPosition(document.findBlockByNumber(document.blockCount() // 2).position())
    editor.setTextCursor(cursor)
    editor.centerCursor()
    pump(0.2)  # the scroll there and its paint, not inside the first keystroke timed

    def keystrokes() -> list[float]:
        def commit() -> None:
            event = QInputMethodEvent("", [])
            event.setCommitString("字")
            QApplication.sendEvent(editor, event)
            app.processEvents()

        times = []
        for _ in range(max(args.typing, 1)):
            times.append(timed(commit))
            pump(0.03)  # a brisk typist: some 15 characters a second
        return times

    if window is not None:  # whether the outline of the opened draft was still being parsed meanwhile
        out["worker_busy"] = float(window.checker._busy)
    typing = keystrokes()
    out.update(typing=statistics.median(typing), typing_max=max(typing))
    if args.f7 and window is not None:
        start = time.perf_counter()
        window.full_check()
        deadline = time.monotonic() + 600
        while window.analysis is None or window.analysis.revision != window.revision:
            if time.monotonic() > deadline:
                raise RuntimeError("F7 check did not finish")
            app.processEvents()
            time.sleep(0.01)
        out["f7"] = time.perf_counter() - start
        out["findings"] = len(window.analysis.findings)
        pump(1.0)
        editor.setFocus()
        typing = keystrokes()
        out.update(typing_f7=statistics.median(typing), typing_f7_max=max(typing))
    if args.settled:

        def busy() -> bool:
            return window is not None and (window.checker._busy or window.checker.timer.isActive())

        def until_idle() -> float:
            start = time.perf_counter()
            deadline = time.monotonic() + 900
            while busy() or time.monotonic() < start + 0.1:
                if time.monotonic() > deadline:
                    raise RuntimeError("the window did not become idle")
                app.processEvents()
                time.sleep(0.01)
            pump(0.5)
            return time.perf_counter() - start

        out["settle"] = until_idle()
        editor.setFocus()
        typing = keystrokes()
        out.update(typing_settled=statistics.median(typing), typing_settled_max=max(typing))
        until_idle()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        before = usage.ru_utime + usage.ru_stime
        args.typing = 1
        keystrokes()
        out["idle_after_keystroke"] = until_idle()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        out["cpu_per_keystroke"] = usage.ru_utime + usage.ru_stime - before
    out["peak_mb"] = _peak_rss_mb()
    document.setModified(False)  # no question on close
    if window is not None:
        window.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
