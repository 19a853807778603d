"""Child of `gongwen bench --only window` (run offscreen by desktop.bench.ui_suites): the writing window
on a long draft, each step beside its baseline, measured in the same process.

    python -m desktop.bench.window_probe --parts 10 --repeat 5 --typing 21 --workdir DIR

Prints one JSON object: medians (and the slowest keystroke) in seconds, and the draft's size.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

from desktop.bench.measure import timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parts", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--typing", type=int, default=21)
    parser.add_argument("--workdir", type=Path, required=True)
    args = parser.parse_args(argv)

    from PySide6.QtGui import QInputMethodEvent, QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

    from desktop.bench.workloads import long_draft
    from desktop.core.lint import Linter
    from desktop.ui import lint_adapter
    from desktop.ui.editor import LEVEL_COLOURS
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    text = long_draft(args.parts)
    path = args.workdir / "长稿.txt"
    path.write_text(text, encoding="utf-8")
    out: dict[str, float] = {"chars": len(text)}
    repeat = max(args.repeat, 1)

    # The check, as the window's worker runs it, beside the core linter alone on the same text.
    middle = text.index("。", len(text) // 2)
    edited = text[:middle] + "改" + text[middle:]
    analysis = lint_adapter.Analyser().analyse(1, text)  # imports and rule tables load once
    full, core, edit = [], [], []
    for _ in range(repeat):
        gc.collect()
        full.append(timed(lambda: lint_adapter.Analyser().analyse(1, text)))
        core.append(timed(lambda: Linter().lint(text)))
    analyser = lint_adapter.Analyser()
    analyser.analyse(1, text)
    for _ in range(repeat):
        edit.append(timed(lambda: analyser.analyse(2, edited)))
        analyser.analyse(3, text)  # back to the original, untimed
    out.update(check_full=statistics.median(full), check_core=statistics.median(core),
               check_edit=statistics.median(edit), findings=len(analysis.findings),
               headings=len(analysis.outline.headings))  # fmt: skip

    # The window without the phrase side (measured by the phrases suite), beside a bare
    # QPlainTextEdit of the same size and font doing the same thing.
    window = MainWindow(Settings(), phrases_after_paint=True)
    window.show()
    bare = QPlainTextEdit()
    bare.setFont(window.editor.font())
    bare.resize(window.editor.size())
    bare.show()
    app.processEvents()

    def settle() -> None:
        """Until the window shows the check of its current text (the check runs in a worker) and its
        debounced timers have run, then 50 ms more of events (the results' repaint and what it posts),
        so none of it lands in the next timing, the bare editor's included."""
        deadline = time.monotonic() + 120
        while (
            window.analysis is None
            or window.analysis.revision != window.revision
            or window.checker.timer.isActive()
            or window.stats_timer.isActive()
        ):
            if time.monotonic() > deadline:
                raise RuntimeError("window check did not finish")
            app.processEvents()
            time.sleep(0.002)
        quiet = time.monotonic() + 0.05
        while time.monotonic() < quiet:
            app.processEvents()
            time.sleep(0.002)

    def open_window() -> None:
        window.open_path(path)
        app.processEvents()

    def open_bare() -> None:
        bare.setPlainText(text)
        app.processEvents()

    opens, bare_opens = [], []
    for _ in range(repeat):
        # Each open starts from an empty window and an empty editor, as a writer opens a draft.
        window.new_document()
        bare.clear()
        settle()
        gc.collect()
        opens.append(timed(open_window))
        settle()
        bare_opens.append(timed(open_bare))

    def underline_bare() -> None:
        # The same wavy underlines on the same spans, with nothing else: Qt's own cost of showing them.
        selections = []
        for finding in analysis.findings:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(LEVEL_COLOURS["info"])
            for offset, size in finding.spots or ((finding.offset, finding.length),):
                cursor = QTextCursor(bare.document())
                cursor.setPosition(offset)
                cursor.setPosition(min(len(text), offset + max(size, 1)), QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        bare.setExtraSelections(selections)
        app.processEvents()

    shown = window.analysis
    applies, bare_applies = [], []
    for _ in range(repeat):
        gc.collect()
        applies.append(timed(lambda: (window.apply_analysis(shown), app.processEvents())))
        bare_applies.append(timed(underline_bare))

    # Typing in the middle of the draft, as an input method commits a character.
    document = window.editor.document()
    position = document.findBlockByNumber(document.blockCount() // 2).position()
    window.editor.go_to(position)
    cursor = bare.textCursor()
    cursor.setPosition(position)
    bare.setTextCursor(cursor)
    app.processEvents()  # both scroll there and paint it now, not inside the first keystroke timed

    def commit(widget) -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString("字")
        QApplication.sendEvent(widget, event)
        app.processEvents()

    typing, bare_typing = [], []
    for _ in range(max(args.typing, 1)):
        typing.append(timed(lambda: commit(window.editor)))
        bare_typing.append(timed(lambda: commit(bare)))
    out.update(
        open=statistics.median(opens), open_bare=statistics.median(bare_opens),
        apply=statistics.median(applies), apply_bare=statistics.median(bare_applies),
        typing=statistics.median(typing), typing_bare=statistics.median(bare_typing),
        typing_max=max(typing), typing_bare_max=max(bare_typing),
    )  # fmt: skip
    document.setModified(False)  # no question on close
    window.close()
    bare.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
