"""Start the real window in this process and type into it as an input method does; run until killed.

Used by the crash-recovery test: argv[1] is a UTF-8 file whose text is committed into the editor
once the window is up. Prints "autosaved PATH" whenever the autosave writes its recovery copy.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.ui import app as app_module


def main() -> int:
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    application = app_module._application()
    window = app_module.create_window(None)
    window.autosaved.connect(lambda path: print(f"autosaved {path}", flush=True))

    def type_text() -> None:
        window.editor.setFocus()
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(window.editor, event)
        print("typed", flush=True)

    QTimer.singleShot(100, type_text)
    return application.exec()


if __name__ == "__main__":
    sys.exit(main())
