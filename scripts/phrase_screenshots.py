"""Screenshots of the 素材 panel, the completion popup, the palette and the 范文 panel, for a look by eye.

    xvfb-run -a python scripts/phrase_screenshots.py OUT_FOLDER [BANK_FILE]

Without BANK_FILE a small bank is mined from resources/corpus (needs the extractors) into a temporary
folder. Nothing is asserted: this is for people to look at.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QFont, QPainter, QPixmap, QTextCursor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QTabWidget, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.bank.store import PhraseBank  # noqa: E402
from desktop.core.bank.importer import import_paths  # noqa: E402
from desktop.ui.phrases.bank_provider import BankProvider  # noqa: E402
from desktop.ui.phrases.completion_popup import CompletionPopup  # noqa: E402
from desktop.ui.phrases.concordance_panel import ConcordancePanel  # noqa: E402
from desktop.ui.phrases.palette import PhrasePalette  # noqa: E402
from desktop.ui.phrases.phrase_panel import PhrasePanel  # noqa: E402

DRAFT = "同志们：\n今天召开全市优化营商环境工作会议，主要任务是抓落实。\n我们要坚持问题导向，久久"


def settle(app: QApplication, runner=None) -> None:
    """Let debounce timers fire and the query worker deliver (up to five seconds)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        if runner is None or runner.idle():
            break
        time.sleep(0.02)
    app.processEvents()


def main(out: Path, bank_file: Path | None) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setFont(QFont("Noto Sans CJK SC", 10))
    out.mkdir(parents=True, exist_ok=True)
    if bank_file is None:
        bank_file = Path(tempfile.mkdtemp()) / "bank.sqlite"
        with PhraseBank.open(bank_file) as bank:
            import_paths(bank, [ROOT / "resources" / "corpus"])
    provider = BankProvider(query_bank=bank_file, write_bank=bank_file)
    host = QWidget()
    host.setWindowTitle("公文写作助手")
    editor = QPlainTextEdit()
    editor.setFont(QFont("Noto Serif CJK SC", 13))
    tabs = QTabWidget()
    panel = PhrasePanel(editor, provider)
    examples = ConcordancePanel(editor, provider)
    tabs.addTab(panel, "素材")
    tabs.addTab(examples, "范文")
    layout = QHBoxLayout(host)
    layout.addWidget(editor, 3)
    layout.addWidget(tabs, 2)
    host.resize(1100, 640)
    host.show()
    editor.setPlainText(DRAFT)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.setFocus()
    settle(app, panel.runner)
    panel.list.setCurrentRow(0)
    settle(app, panel.runner)
    host.grab().save(str(out / "panel.png"))

    popup = CompletionPopup(editor, provider)
    for name, tail, letters in (("popup.png", "", ""), ("popup-context.png", "，", ""),
                                ("popup-letters.png", "，", "j")):
        editor.moveCursor(QTextCursor.MoveOperation.End)
        editor.insertPlainText(tail)
        host.activateWindow()
        editor.setFocus()
        settle(app)
        if not popup.open():
            print(f"{name}: the popup did not open (focus in editor: {editor.hasFocus()})")
        if letters:
            popup.filter(letters)
        settle(app)
        shot = QPixmap(host.size())
        host.render(shot)
        painter = QPainter(shot)
        painter.drawPixmap(host.mapFromGlobal(popup.pos()), popup.grab())
        painter.end()
        shot.save(str(out / name))
        popup.close_popup()

    palette = PhrasePalette(editor, provider, chord=None)
    palette.open_palette()
    palette.search.setText("发展")
    settle(app, palette.runner)
    shot = QPixmap(host.size())
    host.render(shot)
    painter = QPainter(shot)
    painter.drawPixmap(host.mapFromGlobal(palette.pos()), palette.grab())
    painter.end()
    shot.save(str(out / "palette.png"))
    palette.hide()

    tabs.setCurrentWidget(examples)
    examples.search.setText("营商环境")
    examples.runner.timer.setInterval(0)
    settle(app, examples.runner)
    host.grab().save(str(out / "concordance.png"))
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
