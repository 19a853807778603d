"""The 检查 tab: the findings of the draft, with jump, quick fix and 忽略此处."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.editor import LEVEL_COLOURS
from desktop.ui.lint_adapter import LEVEL_NAMES, Finding
from desktop.ui.widgets import JumpTree

INDEX_ROLE = Qt.ItemDataRole.UserRole
# Built once: or-ing the flags for every row trips a reference-count bug in PySide6 6.12 on long lists.
RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LISTED = 500  # findings listed at a time; a draft with more says how many more there are


class LintPanel(QWidget):
    jump_requested = Signal(object)  # Finding
    fix_requested = Signal(object)
    ignore_requested = Signal(object)
    check_requested = Signal()
    entered = Signal()  # the writer went into the list: to read the findings, all of them

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.first_row = 0  # the index of the first listed finding
        self._ignored = self._held = 0
        self._index_of: dict[int, int] = {}
        self._counts = ""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = JumpTree()
        self.list.setColumnCount(4)
        self.list.setHeaderLabels(["级别", "代码", "说明", "行"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.setWordWrap(True)
        self.list.jump_requested.connect(self._emit_jump)
        self.list.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.detail = QLabel()  # the selected finding's whole message: the column elides long ones
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("padding: 4px; background: #f5f5f5; border-radius: 3px;")

        self.fix_button = QPushButton("修正")
        self.fix_button.setToolTip("应用这一条的修正（Alt+Enter，可撤销）")
        self.fix_button.clicked.connect(lambda: self._emit(self.fix_requested))
        self.ignore_button = QPushButton("忽略此处")
        self.ignore_button.setToolTip("此处不再提示这一条（随文稿保存）")
        self.ignore_button.clicked.connect(lambda: self._emit(self.ignore_requested))
        self.check_button = QPushButton("全部检查 (F7)")
        self.check_button.clicked.connect(self.check_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.ignore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.set_findings([], 0)

    def set_findings(self, findings: list[Finding], ignored: int, held: int = 0) -> None:
        """held: findings that wait until the writer leaves the paragraph (or presses F7)."""
        current = self.selected()
        self.findings = list(findings)
        self._ignored, self._held = ignored, held
        self._index_of = {id(f): i for i, f in enumerate(self.findings)}
        self._counts = " ".join(
            f"{LEVEL_NAMES[level]} {n}"
            for level in ("error", "warning", "info")
            if (n := sum(1 for f in self.findings if f.level == level))
        )
        keep = None
        if current is not None:
            was = (current.code, current.offset)
            keep = next((i for i, f in enumerate(self.findings) if (f.code, f.offset) == was), None)
        self._show_rows(0 if keep is None else self._first_row_for(keep))
        if keep is not None:
            self.list.setCurrentItem(self.list.topLevelItem(keep - self.first_row))
        self._update_buttons()

    def set_unchecked(self, why: str) -> None:
        """No findings because nothing was checked yet (a draft checked on F7 only): say so, not 未发现问题."""
        self.set_findings([], 0)
        self.summary.setText(why)

    def _first_row_for(self, index: int) -> int:
        """The first listed finding when `index` must be listed: the list moves by half its length."""
        if self.first_row <= index < self.first_row + LISTED:
            return self.first_row
        return max(0, min(index - LISTED // 2, len(self.findings) - LISTED))

    def _show_rows(self, first: int) -> None:
        """List LISTED findings from `first` on: building a row for each of tens of thousands of findings
        took seconds and most of a gigabyte. The summary says how many are not listed."""
        self.first_row = first
        self.list.clear()
        items = []
        for index, f in enumerate(self.findings[first : first + LISTED], first):
            item = QTreeWidgetItem([LEVEL_NAMES.get(f.level, f.level), f.code, f.message, str(f.line + 1)])
            item.setData(0, INDEX_ROLE, index)
            item.setForeground(0, QBrush(LEVEL_COLOURS.get(f.level, LEVEL_COLOURS["info"])))
            item.setToolTip(2, f"{f.name}：{f.message}")
            item.setTextAlignment(3, RIGHT_ALIGNED)
            items.append(item)
        self.list.addTopLevelItems(items)
        total, ignored = len(self.findings), self._ignored
        waiting = f"写作中暂缓提示 {self._held} 处（离开此段或按 F7 显示）。" if self._held else ""
        if not total:
            self.summary.setText("未发现问题。" + (f"（已忽略 {ignored} 处）" if ignored else "") + waiting)
            return
        extra = f"，已忽略 {ignored} 处" if ignored else ""
        text = f"共 {total} 处：{self._counts}{extra}。回车或单击跳到原文。{waiting}"
        if total > LISTED:
            shown = f"列出第 {first + 1}–{first + len(items)} 处" if first else f"列出前 {len(items)} 处"
            text += f"\n{shown}，另有 {total - len(items)} 处未列出（F8 / Shift+F8 逐处查看，列表随之移动）。"
        self.summary.setText(text)

    def selected(self) -> Finding | None:
        item = self.list.currentItem()
        if item is None:
            return None
        index = item.data(0, INDEX_ROLE)
        return self.findings[index] if 0 <= index < len(self.findings) else None

    def select(self, finding: Finding) -> None:
        index = self._index_of.get(id(finding))
        if index is not None:
            first = self._first_row_for(index)
            if first != self.first_row:
                self._show_rows(first)
            item = self.list.topLevelItem(index - self.first_row)
            self.list.blockSignals(True)
            self.list.setCurrentItem(item)
            self.list.blockSignals(False)
            self.list.scrollToItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        f = self.selected()
        self.detail.setVisible(f is not None)
        if f is not None:
            fix = ""
            if f.fix is not None:
                fix = f"　可{f.fix.label or '修正'}" + ("" if f.fix.safe else "（修正后请核对）")
            self.detail.setText(f"{f.code} {f.name}（第 {f.line + 1} 行）：{f.message}{fix}")
        self.fix_button.setEnabled(f is not None and f.fix is not None)
        self.ignore_button.setEnabled(f is not None)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.list and event.type() == QEvent.Type.FocusIn:
            self.entered.emit()
        return super().eventFilter(watched, event)

    def _emit_jump(self, index: int) -> None:
        if 0 <= index < len(self.findings):
            self.jump_requested.emit(self.findings[index])

    def _emit(self, signal) -> None:
        f = self.selected()
        if f is not None:
            signal.emit(f)
