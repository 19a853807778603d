"""A damaged user bank found at start: say so, keep writing with the default bank, offer the way back.

The check (SQLite's quick check, in a pool thread) runs once the window is up. When it finds damage,
the phrase side stops reading the user's bank and a dialog explains which file it is and offers to
restore the newest automatic backup or to rebuild the bank from its corpus files (docs/WINDOW.md).
The editor is usable all along; the dialog does not block it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.corpus_dialogs import CorpusMenu
from desktop.ui.workers import Task

log = logging.getLogger(__name__)

TITLE = "素材库已损坏"


class BankRepair(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, provider: BankProvider, menu: CorpusMenu, host: QWidget):
        super().__init__(host)
        self.provider = provider
        self.menu = menu
        self.host = host
        self.box: QMessageBox | None = None
        self._tasks: set[Task] = set()

    def _run(self, fn, done, failed) -> None:
        task = Task(fn)
        self._tasks.add(task)
        task.relay.done.connect(lambda result, t=task: (self._tasks.discard(t), done(result)))
        task.relay.failed.connect(lambda text, t=task: (self._tasks.discard(t), failed(text)))
        QThreadPool.globalInstance().start(task)

    def check(self) -> None:
        """Check the user's bank in the background (the window uses it only without --bank)."""
        if self.provider.query_bank is not None:
            return
        from desktop.core.bank.banks import user_bank_damage

        self._run(user_bank_damage, self._checked, lambda text: log.warning("bank check failed: %s", text))

    def _checked(self, problem: str | None) -> None:
        if problem is None:
            return
        log.warning("the user's bank is damaged: %s", problem)
        self.provider.user_bank_damaged = True
        self.provider.invalidate()
        self.message.emit("我的素材库已损坏，暂时只使用内置素材库")
        self.offer()

    def offer(self) -> None:
        from desktop.core import paths
        from desktop.core.bank.backups import backup_label, list_backups

        bank = paths.user_bank_path()
        backups = list_backups(bank)
        box = self.box = QMessageBox(
            QMessageBox.Icon.Warning, TITLE, "", QMessageBox.StandardButton.NoButton, self.host
        )
        box.setText("我的素材库文件已损坏，暂时只使用内置素材库；文稿的编辑不受影响。")
        lines = [f"文件：{bank}", ""]
        restore = None
        if backups:
            when = backup_label(backups[0])
            lines.append(f"“用备份恢复”：换回 {when} 自动保存的素材库（之后导入的语料需再导入一次）。")
            restore = box.addButton(f"用 {when} 的备份恢复", QMessageBox.ButtonRole.AcceptRole)
        else:
            lines.append("没有可用的自动备份（导入或合并语料之前才会保存）。")
        lines += [
            "“重建素材库”：重新导入原来的语料文件，保留能读出的“我的素材”和收藏。",
            "两种做法都会先把损坏的文件另存一份，不会删除。",
        ]
        box.setInformativeText("\n".join(lines))
        rebuild = box.addButton("重建素材库", QMessageBox.ButtonRole.ActionRole)
        box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore or rebuild)

        def chosen(button) -> None:
            if button is restore:
                self.restore()
            elif button is rebuild:
                self.rebuild()

        box.buttonClicked.connect(chosen)
        box.open()  # window-modal for the dialog only: the window stays usable behind it

    def restore(self) -> None:
        from desktop.core import paths
        from desktop.core.bank.backups import restore_backup

        self.message.emit("正在从自动备份恢复我的素材库…")
        self._run(lambda: restore_backup(paths.user_bank_path()), self._restored, self._failed)

    def _restored(self, aside) -> None:
        self._repaired(f"已从自动备份恢复我的素材库；恢复前的文件另存为 {aside}")

    def rebuild(self) -> None:
        from desktop.core import paths
        from desktop.core.bank.backups import start_over

        self.message.emit("正在重建我的素材库…")
        self._run(lambda: start_over(paths.user_bank_path()), self._started_over, self._failed)

    def _started_over(self, result) -> None:
        found, aside = result
        lost = [f"{missing}（文件已不在原处）" for missing in found.missing_files] + [
            f"未能读出{what}" for what in found.unreadable
        ]
        self._repaired(f"已重建我的素材库，正在重新导入 {len(found.corpus_files)} 个语料文件；损坏的文件另存为 {aside}")
        if found.corpus_files:
            self.menu.start_import(found.corpus_files, keep_backup=False)
        if lost:
            QMessageBox.information(self.host, "重建素材库", "以下内容未能恢复：\n" + "\n".join(lost[:30]))

    def _repaired(self, text: str) -> None:
        self.provider.user_bank_damaged = False
        self.provider.invalidate()
        self.message.emit(text)

    def _failed(self, text: str) -> None:
        self.message.emit(text)
        QMessageBox.warning(self.host, TITLE, text)
