"""Measure the window on a long draft (about 90 pages): open, apply a check's results, type.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/measure_window.py

Prints timings; it asserts nothing (timings vary with the machine's load).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GONGWEN_DATA_DIR", tempfile.mkdtemp(prefix="gongwen-measure-"))


def main() -> int:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from desktop.core.textstats import count_zi
    from desktop.ui import lint_adapter
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from tests.ui.test_long_draft import long_draft

    app = QApplication.instance() or QApplication(sys.argv[:1])
    text = long_draft()
    print(f"draft: {len(text)} characters, 字数 {count_zi(text)}")

    analyser = lint_adapter.Analyser()
    start = time.perf_counter()
    analysis = analyser.analyse(1, text)
    full = time.perf_counter() - start
    middle = len(text) // 2
    start = time.perf_counter()
    analyser.analyse(2, text[:middle] + "改" + text[middle:])
    edit = time.perf_counter() - start
    print(
        f"check: whole draft {1000 * full:.0f} ms, after a one-character edit {1000 * edit:.0f} ms, "
        f"{len(analysis.findings)} findings"
    )

    window = MainWindow(Settings(lint_delay_ms=50))
    window.show()
    path = Path(tempfile.mkdtemp()) / "长稿.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    window.open_path(path)
    app.processEvents()
    print(f"open and first paint {1000 * (time.perf_counter() - start):.0f} ms")
    while window.analysis is None or window.analysis.revision != window.revision:
        app.processEvents()
        time.sleep(0.005)
    start = time.perf_counter()
    window.apply_analysis(window.analysis)
    print(f"show results in the window {1000 * (time.perf_counter() - start):.0f} ms")

    document = window.editor.document()
    window.editor.go_to(document.findBlockByNumber(document.blockCount() // 2).position())
    times = []
    for _ in range(21):
        event = QInputMethodEvent("", [])
        event.setCommitString("字")
        start = time.perf_counter()
        QApplication.sendEvent(window.editor, event)
        app.processEvents()
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"typing one character: median {1000 * times[10]:.1f} ms, slowest {1000 * times[-1]:.1f} ms")
    document.setModified(False)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
