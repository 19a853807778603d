"""Start the writing window, or run the offscreen self-test (`gongwen --selftest`).

The window is shown before anything slow is loaded: the checker, export and the phrase bank are
imported or started only after the first paint (no jieba or pypinyin on this path).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from desktop import APP_NAME, APP_TITLE, __version__

log = logging.getLogger(__name__)


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    from desktop.ui.qt_translation import install_qt_translation

    install_qt_translation(app)
    return app


def create_window(file: str | None = None, bank: str | None = None):
    """Build and show the window. Once it is painted, open FILE; once the opened draft is checked (or
    at once without a file), build the phrase side, offer a restore and warm up the bank."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.after_paint import after_next_paint
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qt_translation import install_qt_translation, install_translation_gaps

    install_qt_translation(QApplication.instance())  # before any widget: Qt's words in Chinese
    window = MainWindow(phrases_after_paint=True, bank=Path(bank) if bank else None)
    window.show()

    def open_file() -> None:
        assert file
        if not Path(file).exists() and Path(file).suffix.lower() in ("", ".txt"):
            window.start_new_file(Path(file))  # `gongwen 新稿.txt`: a new draft that saves there
        elif not window.open_path(Path(file)):
            start_up()  # nothing opened, nothing to check
            return
        # The phrase side's imports and widgets, its first bank query and the bank's warm-up would
        # hold up the draft's first frame and then its check (the GUI thread, the interpreter lock),
        # and its tabs are not the one shown: they wait for the check (docs/PERFORMANCE.md, 长稿窗口).
        _after_check(window, start_up)

    def start_up() -> None:
        install_translation_gaps(QApplication.instance())
        tools = window.install_phrase_tools()
        if not file:
            window.checker.check_now()
        window.offer_recovery()
        window.warm_up_bank()
        tools.repair.check()  # a damaged user bank is explained and repair offered

    def first_frame() -> None:
        # Without a window manager (a kiosk session, Xvfb) nothing gives the new window the keyboard: keys
        # would go nowhere. Asking for it once it is on screen is what a window manager would do.
        window.raise_()
        window.activateWindow()
        (open_file if file else start_up)()

    after_next_paint(window, first_frame)  # the first paint: not shown before
    return window


def _after_check(window, fn, fallback_ms: int = 3000) -> None:
    """Call fn once, when the window shows the result of a check or the check fails (or after
    fallback_ms, for a check that takes that long)."""
    from PySide6.QtCore import QTimer

    shown = window.analysis
    if shown is not None and shown.revision == window.revision:  # checked already (behind a dialog)
        fn()
        return
    done = False

    def fire(*_args) -> None:
        nonlocal done
        if done:
            return
        done = True
        window.analysis_applied.disconnect(fire)
        window.checker.failed.disconnect(fire)
        fn()

    window.analysis_applied.connect(fire)
    window.checker.failed.connect(fire)
    QTimer.singleShot(fallback_ms, window, fire)


def run_app(args: argparse.Namespace) -> int:
    from desktop.core.logs import OwnRecords, log_to_file

    log_to_file()  # everything, libraries' warnings included; the console shows only the program's own
    console = logging.StreamHandler()
    console.addFilter(OwnRecords())
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(console)
    if getattr(args, "selftest", False):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return run_selftest(getattr(args, "bank", None))
    app = _application()
    from desktop.ui.recovery import install_excepthook

    window = create_window(getattr(args, "file", None), getattr(args, "bank", None))
    install_excepthook(window.write_recovery, lambda: window)
    return app.exec()


class SelftestFailure(Exception):
    pass


def _wait_for(predicate, timeout: float = 30.0) -> bool:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if predicate():
            return True
        time.sleep(0.01)
    return False


def _load_bank(bank: str | None) -> str:
    from desktop.core.bank.banks import open_query_banks

    group = open_query_banks(bank)
    try:
        total = sum(b.phrase_total() for b in group.banks)
        names = "、".join(b.path.name for b in group.banks)
    finally:
        group.close()
    if total == 0:
        raise SelftestFailure(f"素材库是空的（{names}）")
    return f"{names}，{total} 条素材"


def _refuse_dialogs() -> None:
    """Nobody answers dialogs in a self-test: any message box becomes the failure of the running step."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(box):
        raise SelftestFailure(f"{box.windowTitle()}：{box.text()}")

    QMessageBox.exec = refuse


def run_selftest(bank: str | None = None) -> int:
    """One line per step; exit 0 when every step passed, else name the failing step and exit 1."""
    state: dict = {}

    def step_window() -> str:
        state["app"] = _application()
        _refuse_dialogs()
        from desktop.ui.main_window import MainWindow

        state["window"] = window = MainWindow()
        window.show()
        from desktop.ui.qt_translation import install_qt_translation, install_translation_gaps

        translation = install_qt_translation(state["app"])
        install_translation_gaps(state["app"])
        if translation is None:
            raise SelftestFailure("缺少 Qt 中文翻译 qtbase_zh_CN.qm：文件对话框等会显示英文")
        return f"{window.width()}×{window.height()}，{translation.name}"

    def step_open() -> str:
        from desktop.ui.main_window import sample_draft_path

        path = sample_draft_path()
        if not state["window"].open_path(path):
            raise SelftestFailure(f"无法打开 {path}")
        return f"{path.name}，{len(state['window'].editor.toPlainText())} 字符"

    def step_lint() -> str:
        window = state["window"]
        window.checker.check_now()
        if not _wait_for(lambda: window.analysis is not None and window.analysis.revision == window.revision):
            raise SelftestFailure("检查超时")
        findings = window.analysis.findings
        headings = len(window.analysis.outline.headings)
        return f"{len(findings)} 处问题，{headings} 个标题"

    def step_mining() -> str:
        from desktop.core.mining import native
        from desktop.core.mining.miner import mine_text

        phrases = mine_text(state["window"].editor.toPlainText(), "selftest")
        if not phrases:
            raise SelftestFailure("示例文稿未挖掘出素材")
        compiled = native.loaded_compiled()
        return f"{len(phrases)} 条素材，挖掘模块 {len(compiled)}/{len(native.MODULES)} 个已编译"

    def step_export() -> str:
        import tempfile
        import zipfile

        from desktop.ui import export_adapter

        window = state["window"]
        with tempfile.TemporaryDirectory(prefix="gongwen-selftest-") as folder:
            output = Path(folder) / "selftest.docx"
            export_adapter.export_docx(window.editor.toPlainText(), output, window.settings.export_profile)
            if not zipfile.is_zipfile(output):
                raise SelftestFailure("导出的文件不是有效的 .docx")
            return f"{output.stat().st_size} 字节"

    steps = [
        ("window", step_window),
        ("bank", lambda: _load_bank(bank)),
        ("open", step_open),
        ("lint", step_lint),
        ("mining", step_mining),
        ("export", step_export),
    ]
    for name, run in steps:
        try:
            detail = run()
        except Exception as exc:  # noqa: BLE001 - report any failure as the failing step
            print(f"selftest: {name} FAILED: {exc}", flush=True)
            window = state.get("window")
            if window is not None:
                window.editor.document().setModified(False)
                window.close()
            return 1
        print(f"selftest: {name} ok ({detail})", flush=True)
    state["window"].editor.document().setModified(False)
    state["window"].close()
    print("selftest: all steps passed", flush=True)
    return 0
