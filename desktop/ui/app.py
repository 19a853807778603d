"""Start the editor (a placeholder window until the writing window lands)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop import APP_TITLE, __version__


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    window = QMainWindow()
    window.setWindowTitle(APP_TITLE)
    window.setCentralWidget(QLabel("公文写作助手"))
    window.resize(1200, 800)
    window.show()
    if args.selftest:
        print("selftest: window ok")
        return 0
    return app.exec()
