"""Child of `gongwen bench --only phrases` (run offscreen by desktop.bench.ui_suites): what the phrase
widgets cost on every update — the 素材 panel's list and the completion popup — beside the same bank
queries made directly, measured in the same process.

    python -m desktop.bench.phrases_probe CASES.json

CASES.json names the bank, the draft and paragraph at the cursor, and the panel and popup cases. Prints
one JSON object: for each case the median seconds of the widget and of its bank queries, and how many
queries and rows it took.
"""

from __future__ import annotations

import json
import statistics
import string
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.bench.measure import timed


class RecordingRanker:
    """A BankGroup stand-in that notes every rank call, so the same calls can be replayed directly."""

    def __init__(self, group):
        self.group = group
        self.banks = group.banks
        self.calls: list[tuple[str, dict]] = []

    def rank(self, query: str = "", **options):
        self.calls.append((query, options))
        return self.group.rank(query, **options)


def median_of(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm: page cache, lazily built tables
    return statistics.median([timed(fn) for _ in range(repeat)])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    spec = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    repeat = max(int(spec["repeat"]), 1)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from desktop.core.bank.completion import complete, filter_by_letters
    from desktop.ui.phrases.bank_provider import BankProvider
    from desktop.ui.phrases.completion_popup import CompletionPopup
    from desktop.ui.phrases.phrase_panel import PanelQuery, PhrasePanel, panel_items

    app = QApplication(sys.argv[:1])
    provider = BankProvider(query_bank=spec["bank"], write_bank=spec["bank"])  # favourites live in it
    group = provider.group()
    favourites = provider.favourites()

    def replay(calls: list[tuple[str, dict]]) -> Callable[[], None]:
        def run() -> None:
            for query, options in calls:
                group.rank(query, **options)

        return run

    def at_end(editor: QPlainTextEdit, text: str) -> None:
        editor.setPlainText(text)
        editor.moveCursor(QTextCursor.MoveOperation.End)

    # The panel: from a request to the list shown, through its query worker, as after a keystroke.
    editor = QPlainTextEdit()
    at_end(editor, spec["draft"] + "\n" + spec["paragraph"])
    panel = PhrasePanel(editor, provider)
    panel.show()

    def round_trip() -> None:
        loop = QEventLoop()
        panel.runner.ready.connect(loop.quit)  # after the panel's own slot, which fills the list
        QTimer.singleShot(60_000, loop.quit)
        panel.refresh(0)
        loop.exec()
        panel.runner.ready.disconnect(loop.quit)

    round_trip()  # the worker opens its banks on its first query
    out: dict[str, dict] = {}
    for key, category, query in spec["panel"]:
        for widget, text in ((panel.category, None), (panel.search, query)):
            widget.blockSignals(True)  # set both, then ask once
            if text is None:
                panel.set_category(category)
            else:
                panel.search.setText(text)
            widget.blockSignals(False)
        recorder = RecordingRanker(group)
        snapshot = PanelQuery(category, query, spec["paragraph"], editor.toPlainText())  # as refresh() takes it
        panel_items(recorder, snapshot, favourites)
        value = median_of(round_trip, repeat)
        out[f"panel.{key}"] = {
            "value": value, "baseline": median_of(replay(recorder.calls), repeat),
            "queries": len(recorder.calls), "rows": len(panel.items),
        }  # fmt: skip

    # The popup: opened at the end of a paragraph, in the GUI thread, until it is painted.
    writing = QPlainTextEdit()
    writing.resize(800, 500)
    writing.show()
    popup = CompletionPopup(writing, provider, chord=None)

    def open_popup() -> None:
        popup.close_popup()
        popup.open()
        app.processEvents()

    for key, before in spec["popup"]:
        at_end(writing, before)
        recorder = RecordingRanker(group)
        mode = complete(recorder, before, before).mode
        out[f"popup.{key}"] = {
            "value": median_of(open_popup, repeat), "baseline": median_of(replay(recorder.calls), repeat),
            "queries": len(recorder.calls), "rows": len(popup.candidates), "mode": mode,
        }  # fmt: skip

    # Letters typed into the open popup: a letter none of its candidates starts with, so the filter
    # falls through to the bank (the costly way; a letter that matches filters in memory).
    at_end(writing, spec["popup"][-1][1])
    open_popup()
    taken = {c.initials[:1] for c in popup.completion.candidates}
    letter = next((c for c in string.ascii_lowercase if c not in taken and c not in "iuv"), "q")
    recorder = RecordingRanker(group)
    filter_by_letters(recorder, popup.completion, letter, writing.toPlainText())

    def filter_popup() -> None:
        popup.filter(letter)
        app.processEvents()

    out["popup.letters"] = {
        "value": median_of(filter_popup, repeat), "baseline": median_of(replay(recorder.calls), repeat),
        "queries": len(recorder.calls), "rows": len(popup.candidates), "letter": letter,
    }  # fmt: skip
    popup.close_popup()
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
