"""The 范文 tab: concordance search over the corpus sentences, keyword in context.

Each row shows the text before the keyword (right-aligned), the keyword, the text after it, and the
document. Enter (or double-click) inserts the sentence at the editor's cursor; Ctrl+C copies it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.bank.store import SearchHit
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.insertion import insert_phrase
from desktop.ui.phrases.query_runner import QueryRunner
from desktop.ui.widgets import widget_shortcut

SEARCH_LIMIT = 300
CONTEXT_CLAUSES = 1  # whole clauses shown on each side of the keyword's own clause
_CLAUSE_END = re.compile(r"[，、；：。！？,;:!?]")


def keyword_in_context(sentence: str, keyword: str, clauses: int = CONTEXT_CLAUSES) -> tuple[str, str, str]:
    """The text before the keyword, the keyword, the text after it: the keyword's own clause and
    `clauses` whole clauses on each side, with … where the sentence goes on (the columns elide the
    rest to their width)."""
    at = sentence.find(keyword)
    if at < 0:
        return "", sentence, ""
    after = at + len(keyword)
    starts = [0] + [m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)]  # clause starts before it
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence, after)] + [len(sentence)]
    start = starts[max(0, len(starts) - 1 - clauses)]
    end = ends[min(clauses, len(ends) - 1)]
    left = ("…" if start > 0 else "") + sentence[start:at]
    right = sentence[after:end] + ("…" if end < len(sentence) else "")
    return left, keyword, right


class _ElideDelegate(QStyledItemDelegate):
    """Elides a column's text on a chosen side: the text before the keyword loses its start."""

    def __init__(self, mode: Qt.TextElideMode, parent=None):
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.mode


class ConcordancePanel(QWidget):
    inserted = Signal(str)
    message = Signal(str)

    def __init__(self, editor: QPlainTextEdit, provider: BankProvider, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.provider = provider
        self.hits: list[SearchHit] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText("在语料中查找句子，如：营商环境")
        self.search.setClearButtonEnabled(True)
        self.setFocusProxy(self.search)  # "转到素材/范文" lands in the search box
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["前文", "关键词", "后文", "文档"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 110)
        self.table.setItemDelegateForColumn(0, _ElideDelegate(Qt.TextElideMode.ElideLeft, self.table))
        self.status = QLabel("输入关键词查找范文句子；Enter 插入，Ctrl+C 复制")
        self.status.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.runner = QueryRunner(self)
        self.runner.ready.connect(self._show)
        self.runner.failed.connect(lambda m: self.status.setText(f"查找失败：{m}"))
        self.search.textChanged.connect(lambda: self.refresh(200))
        self.search.returnPressed.connect(self._enter_from_search)
        self.table.activated.connect(lambda _index: self.insert_current())
        for sequence, slot in ((QKeySequence.StandardKey.Copy, self.copy_current),
                               (QKeySequence(Qt.Key.Key_Return), self.insert_current),
                               (QKeySequence(Qt.Key.Key_Enter), self.insert_current)):
            widget_shortcut(self.table, sequence, slot)
        provider.changed.connect(lambda: self.refresh(0))

    def refresh(self, delay_ms: int = 0) -> None:
        keyword = self.search.text().strip()
        provider = self.provider
        self.runner.request(lambda: (keyword, provider.group().search(keyword, limit=SEARCH_LIMIT) if keyword else []),
                            delay_ms)

    def _show(self, result) -> None:
        keyword, hits = result
        self.hits = hits
        self.table.setRowCount(len(hits))
        bold = QFont()
        bold.setBold(True)
        for row, hit in enumerate(hits):
            left, middle, right = keyword_in_context(hit.sentence, keyword)
            label = hit.label
            cells = [QTableWidgetItem(left), QTableWidgetItem(middle), QTableWidgetItem(right),
                     QTableWidgetItem(label)]
            cells[0].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[1].setFont(bold)
            cells[1].setForeground(QColor("#b3261e"))
            cells[3].setForeground(QColor("#666666"))
            for column, cell in enumerate(cells):
                cell.setToolTip(f"{hit.sentence}\n——《{label}》" + (f"（{hit.doc}）" if label != hit.doc else ""))
                self.table.setItem(row, column, cell)
        if hits:
            self.table.selectRow(0)
        if keyword:
            more = "（只显示前 %d 条）" % SEARCH_LIMIT if len(hits) >= SEARCH_LIMIT else ""
            self.status.setText(f"找到 {len(hits)} 句{more}" if hits else f"语料中没有含“{keyword}”的句子")

    def current_hit(self) -> SearchHit | None:
        row = self.table.currentRow()
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def insert_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            insert_phrase(self.editor, hit.sentence)
            self.editor.activateWindow()
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.inserted.emit(hit.sentence)

    def copy_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            QGuiApplication.clipboard().setText(hit.sentence)
            self.message.emit("已复制句子")

    def _enter_from_search(self) -> None:
        if self.hits:
            self.table.setFocus()
