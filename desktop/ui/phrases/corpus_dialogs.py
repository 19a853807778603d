"""The 语料 menu: import files or folders with progress and cancel, the corpus manager, sharing the
bank as one file, and input-method phrase lists (Sogou, Rime) as the writer's own phrases."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.corpus.junk_rules import load_junk_rules
from desktop.core.corpus.removals import explain
from desktop.core.errors import GongwenError
from desktop.core.bank.sharing import (
    BANK_FILE_SUFFIX,
    corpus_documents,
    export_bank,
    merge_bank,
    remove_documents,
)
from desktop.core.bank.importer import WAITING, MinerFunctions
from desktop.core.bank.phrase_lists import parse_rime, parse_sogou
from desktop.core.bank.stepwise_import import summary_lines
from desktop.ui import messages
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.bank_worker import ImportWorker

log = logging.getLogger(__name__)

CORPUS_FILTER = "语料文件 (*.txt *.docx *.pdf *.doc *.wps);;所有文件 (*)"
BANK_FILTER = f"公文写作助手素材库 (*{BANK_FILE_SUFFIX} *.sqlite);;所有文件 (*)"


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"


def local_time(stamp: str) -> str:
    """The bank's UTC ISO time as the writer's local time."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class RemovalsDialog(QDialog):
    """What cleaning removed from one imported file, each piece with the rule that removed it (the same
    lines as `gongwen clean --explain`)."""

    def __init__(self, name: str, removals: tuple, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"删去的内容：{name}")
        self.resize(720, 420)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines = explain(removals, load_junk_rules().labels)
        self.text.setPlainText("\n".join(lines) if lines else "清理时没有删去内容。")
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{name}：清理时删去以下内容（第几行、哪条规则、删去了什么）"))
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)


class ImportDialog(QDialog):
    """Progress of one import: 'file n of N, name', a cancel button, then the summary and, per imported
    file, what cleaning removed (lines and characters; 查看删去的内容 lists them)."""

    done = Signal(object)  # the StepwiseReport

    def __init__(self, provider: BankProvider, paths: list[str | Path], parent: QWidget | None = None,
                 miner: MinerFunctions | None = None, keep_backup: bool = True):
        super().__init__(parent)
        self.setWindowTitle("导入语料")
        self.setMinimumWidth(460)
        self.provider = provider
        self.report = None
        self.label = QLabel("正在准备…")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.hide()
        self.cleaned_label = QLabel("清理时各文件删去的内容（选中一行，按回车或点“查看删去的内容…”逐条查看）：")
        self.cleaned_label.hide()
        self.cleaned = QTableWidget(0, 3)
        self.cleaned.setHorizontalHeaderLabels(["文件", "删去行数", "删去字数"])
        self.cleaned.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cleaned.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cleaned.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cleaned.verticalHeader().hide()
        self.cleaned.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cleaned.hide()
        self.cleaned_outcomes: list = []
        self.removals_button = QPushButton("查看删去的内容…")
        self.removals_button.setAutoDefault(False)
        self.removals_button.hide()
        self.cancel_button = QPushButton("取消")
        self.close_button = QPushButton("关闭")
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.removals_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.cleaned_label)
        layout.addWidget(self.cleaned, 2)
        layout.addLayout(buttons)
        self.removals_button.clicked.connect(self.show_removals)
        self.cleaned.itemActivated.connect(lambda _item: self.show_removals())
        self.cleaned.itemSelectionChanged.connect(self._selection_changed)
        self.worker = ImportWorker(provider, list(paths), miner, self, keep_backup=keep_backup)
        self.worker.starting.connect(self._starting)
        self.worker.waiting.connect(self._waiting)
        self.worker.report_ready.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

    def start(self) -> None:
        self.worker.start()

    def cancel(self) -> None:
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.label.text() + "（正在取消…）")

    def _starting(self, number: int, total: int, name: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(number - 1)
        self.label.setText(f"第 {number} / {total} 个文件：{name}")

    def _waiting(self) -> None:
        if not self.worker.is_cancelling() and WAITING not in self.label.text():
            self.label.setText(f"{self.label.text()}\n{WAITING}")

    def _finish_ui(self, lines: list[str]) -> None:
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.summary.setPlainText("\n".join(lines))
        self.summary.setMinimumHeight(160)
        self.summary.show()
        self.resize(max(self.width(), 560), max(self.height(), 320))
        self.provider.invalidate()

    def _finished(self, report) -> None:
        self.report = report
        if report.total_files:
            self.bar.setRange(0, report.total_files)
            self.bar.setValue(report.total_files if not report.cancelled else self.bar.value())
        else:
            self.bar.setRange(0, 1)
        self.label.setText("导入已取消" if report.cancelled else "导入完成")
        self._finish_ui(summary_lines(report))
        self._show_cleaning(report.outcomes)
        self.done.emit(report)

    def _show_cleaning(self, outcomes: list) -> None:
        """One row per file read and stored: what cleaning removed from it."""
        self.cleaned_outcomes = [o for o in outcomes if o.status in ("added", "updated")]
        if not self.cleaned_outcomes:
            return
        self.cleaned.setRowCount(len(self.cleaned_outcomes))
        for row, outcome in enumerate(self.cleaned_outcomes):
            cells = [outcome.path.name, str(outcome.removed_lines), str(outcome.removed_chars)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(outcome.path))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.cleaned.setItem(row, column, item)
        self.cleaned.resizeColumnsToContents()
        self.cleaned.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cleaned_label.show()
        self.cleaned.show()
        self.removals_button.show()
        self.cleaned.selectRow(0)
        self.resize(max(self.width(), 640), max(self.height(), 520))

    def _selection_changed(self) -> None:
        self.removals_button.setEnabled(self._selected_outcome() is not None)

    def _selected_outcome(self):
        rows = self.cleaned.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.cleaned_outcomes):
            return None
        return self.cleaned_outcomes[rows[0].row()]

    def show_removals(self) -> RemovalsDialog | None:
        outcome = self._selected_outcome()
        if outcome is None:
            return None
        dialog = RemovalsDialog(outcome.path.name, outcome.removals, self)
        dialog.show()
        return dialog

    def _failed(self, message: str) -> None:
        self.bar.setRange(0, 1)
        self.label.setText("导入未能完成")
        self._finish_ui([message])
        self.done.emit(None)

    def reject(self) -> None:  # Esc or the window's close button: cancel first, close when done
        if self.worker.isRunning():
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.worker.isRunning():
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


class CorpusManagerDialog(QDialog):
    """The documents of the user's bank: title, file, size, phrases contributed; remove."""

    def __init__(self, provider: BankProvider, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("管理语料")
        self.resize(820, 420)
        self.provider = provider
        self.documents = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["标题", "文件", "大小", "素材数", "导入时间"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.remove_button = QPushButton("移除所选")
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        close.setDefault(True)  # Enter closes; removing always asks first anyway
        self.remove_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reload()

    def reload(self) -> None:
        try:
            with self.provider.open_write() as bank:
                self.documents = corpus_documents(bank)
        except GongwenError as exc:
            self.documents = []
            self.status.setText(str(exc))
        self.table.setRowCount(len(self.documents))
        for row, doc in enumerate(self.documents):
            cells = [doc.title, doc.name, human_size(doc.size), str(doc.phrases), local_time(doc.added_at)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(doc.path)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if not self.status.text() or self.documents:
            self.status.setText(f"共 {len(self.documents)} 篇文档" if self.documents else "还没有导入语料")

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.documents[r].id for r in rows if r < len(self.documents)]

    def remove(self, ids: list[int]) -> int:
        with self.provider.open_write() as bank:
            removed = remove_documents(bank, ids)
        self.provider.invalidate()
        self.reload()
        return removed

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = messages.question(self, "移除语料", f"从素材库中移除所选的 {len(ids)} 篇文档及其素材？")
        if answer == messages.Button.Yes:
            self.remove(ids)


class CorpusMenu(QMenu):
    """The 语料 menu. Each action asks for files, then runs; messages go to `message`."""

    message = Signal(str)

    def __init__(self, provider: BankProvider, parent: QWidget):
        super().__init__("语料(&L)", parent)
        self.provider = provider
        self.host = parent
        self.dialogs: list[QDialog] = []
        self.act_import_files = self.addAction("导入语料文件…", self.import_files)
        self.act_import_folder = self.addAction("导入语料文件夹…", self.import_folder)
        self.act_manage = self.addAction("管理语料…", self.manage)
        self.addSeparator()
        self.act_export_bank = self.addAction("导出素材库…", self.export_bank)
        self.act_import_bank = self.addAction("导入他人共享的素材库…", self.import_bank)
        self.addSeparator()
        self.act_sogou = self.addAction("导入搜狗自定义短语（PhraseEdit.txt）…", lambda: self.import_list("sogou"))
        self.act_rime = self.addAction("导入 Rime 自定义短语（custom_phrase.txt）…", lambda: self.import_list("rime"))

    def start_import(self, paths: list[str | Path], miner: MinerFunctions | None = None,
                     keep_backup: bool = True) -> ImportDialog:
        dialog = ImportDialog(self.provider, paths, self.host, miner, keep_backup)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        dialog.done.connect(lambda report: self.message.emit("语料导入已结束"))
        dialog.show()
        dialog.start()
        return dialog

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.host, "导入语料文件", "", CORPUS_FILTER)
        if files:
            self.start_import(files)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host, "导入语料文件夹")
        if folder:
            self.start_import([folder])

    def manage(self) -> None:
        CorpusManagerDialog(self.provider, self.host).exec()

    def export_bank(self) -> None:
        out, _ = QFileDialog.getSaveFileName(self.host, "导出素材库", f"我的素材库{BANK_FILE_SUFFIX}", BANK_FILTER)
        if out:
            self.provider.write(lambda up: export_bank(up.bank, out),
                                lambda path: self._tell(f"素材库已导出到 {path}"), self._warn)

    def import_bank(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self.host, "导入共享的素材库", "", BANK_FILTER)
        if source:
            self.provider.write(lambda up: merge_bank(up.bank, source), self._merged, self._warn)

    def _merged(self, report) -> None:
        self._tell(f"新增文档 {report.documents_added} 篇（已有而跳过 {report.documents_skipped} 篇），"
                   f"新增素材 {report.phrases_added} 条，我的素材 {report.user_phrases_added} 条，"
                   f"收藏 {report.favourites_added} 条")

    def import_list(self, which: str) -> None:
        name = "PhraseEdit.txt" if which == "sogou" else "custom_phrase.txt"
        source, _ = QFileDialog.getOpenFileName(self.host, f"导入 {name}", "", "文本文件 (*.txt);;所有文件 (*)")
        if source:
            self.load_phrase_list(Path(source), which)

    def load_phrase_list(self, path: Path, which: str) -> None:
        try:
            parsed = (parse_sogou if which == "sogou" else parse_rime)(path)
        except GongwenError as exc:
            self._warn(str(exc))
            return
        problems = parsed.problems

        def done(added: int) -> None:
            lines = [f"从 {path.name} 导入 {len(parsed.phrases)} 条短语，其中新增 {added} 条到“我的素材”。"]
            if problems:
                lines += [f"跳过 {len(problems)} 行："] + problems[:20]
            self._tell("\n".join(lines))

        self.provider.write(lambda up: up.add_many(parsed.phrases), done, self._warn)

    def _tell(self, text: str) -> None:
        self.message.emit(text.splitlines()[0])
        messages.information(self.host, "语料", text)

    def _warn(self, text: str) -> None:
        self.message.emit(text)
        messages.warning(self.host, "语料", text)
