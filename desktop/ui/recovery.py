"""Autosave, the restore offer after a crash, and the excepthook that saves before it reports."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui import messages

if TYPE_CHECKING:
    from desktop.core.recovery import RecoveryEntry

log = logging.getLogger(__name__)

RESTORE, DISCARD, LATER = "restore", "discard", "later"


def ask_restore(parent: QWidget, entry: RecoveryEntry) -> str:
    """Ask whether to restore entry; returns RESTORE, DISCARD or LATER."""
    where = entry.path or "未命名文稿"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("恢复文稿")
    box.setText("上次程序没有正常关闭，发现一份自动保存的文稿。是否恢复？")
    box.setInformativeText(
        f"保存时间：{entry.saved_time:%Y-%m-%d %H:%M:%S}\n首行：{entry.first_line[:40]}\n文件：{where}"
    )
    restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("丢弃", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE
    if clicked is discard:
        return DISCARD
    del later
    return LATER


def install_excepthook(
    save_recovery: Callable[[], object], parent_of: Callable[[], QWidget | None]
) -> Callable:
    """Route uncaught errors through a recovery save and a Chinese message; returns the hook."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        detail = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("uncaught error:\n%s", detail)
        saved = ""
        try:
            path = save_recovery()
            if path:
                saved = f"\n\n当前文稿已保存恢复副本：{path}"
        except Exception:  # the hook must never raise
            log.exception("could not write a recovery copy")
            saved = "\n\n（未能写入恢复副本，请立即另存文稿。）"
        try:
            messages.critical(
                parent_of(),
                "程序错误",
                f"发生了意外错误：{exc_type.__name__}: {exc}{saved}\n\n详细信息已写入日志。",
            )
        except Exception:  # noqa: BLE001 - no message box (no display): fall back to the console
            previous(exc_type, exc, tb)

    sys.excepthook = hook
    return hook
