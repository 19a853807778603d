"""The 检查 tab: the findings of the draft, with jump, quick fix and 忽略此处."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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


class LintPanel(QWidget):
    jump_requested = Signal(object)  # Finding
    fix_requested = Signal(object)
    ignore_requested = Signal(object)
    check_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings: list[Finding] = []
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

    def set_findings(self, findings: list[Finding], ignored: int) -> None:
        current = self.selected()
        self.findings = list(findings)
        self.list.clear()
        items = []
        for index, f in enumerate(self.findings):
            item = QTreeWidgetItem([LEVEL_NAMES.get(f.level, f.level), f.code, f.message, str(f.line + 1)])
            item.setData(0, INDEX_ROLE, index)
            item.setForeground(0, QBrush(LEVEL_COLOURS.get(f.level, LEVEL_COLOURS["info"])))
            item.setToolTip(2, f"{f.name}：{f.message}")
            item.setTextAlignment(3, RIGHT_ALIGNED)
            items.append(item)
        self.list.addTopLevelItems(items)
        if not findings:
            self.summary.setText("未发现问题。" + (f"（已忽略 {ignored} 处）" if ignored else ""))
        else:
            counts = " ".join(
                f"{LEVEL_NAMES[level]} {n}"
                for level in ("error", "warning", "info")
                if (n := sum(1 for f in findings if f.level == level))
            )
            extra = f"，已忽略 {ignored} 处" if ignored else ""
            self.summary.setText(f"共 {len(findings)} 处：{counts}{extra}。回车或单击跳到原文。")
        if current is not None:
            for index, f in enumerate(self.findings):
                if (f.code, f.offset) == (current.code, current.offset):
                    self.list.setCurrentItem(self.list.topLevelItem(index))
                    break
        self._update_buttons()

    def selected(self) -> Finding | None:
        item = self.list.currentItem()
        if item is None:
            return None
        index = item.data(0, INDEX_ROLE)
        return self.findings[index] if 0 <= index < len(self.findings) else None

    def select(self, finding: Finding) -> None:
        for index, f in enumerate(self.findings):
            if f == finding:
                self.list.blockSignals(True)
                self.list.setCurrentItem(self.list.topLevelItem(index))
                self.list.blockSignals(False)
                self.list.scrollToItem(self.list.topLevelItem(index))
                break
        self._update_buttons()

    def _update_buttons(self) -> None:
        f = self.selected()
        self.detail.setVisible(f is not None)
        if f is not None:
            fix = ""
            if f.fix is not None and f.fix.label:
                fix = f"　可{f.fix.label}（修正后请核对）"
            elif f.fix is not None and f.fix.replacement:
                fix = f"　可修正为“{f.fix.replacement}”" + ("" if f.fix.safe else "（请核对）")
            self.detail.setText(f"{f.code} {f.name}（第 {f.line + 1} 行）：{f.message}{fix}")
        self.fix_button.setEnabled(f is not None and f.fix is not None)
        self.ignore_button.setEnabled(f is not None)

    def _emit_jump(self, index: int) -> None:
        if 0 <= index < len(self.findings):
            self.jump_requested.emit(self.findings[index])

    def _emit(self, signal) -> None:
        f = self.selected()
        if f is not None:
            signal.emit(f)
