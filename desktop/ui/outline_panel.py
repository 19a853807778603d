"""The outline navigator: the draft's headings as a tree, each with its section's 字数."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.core.sections import Section, sections
from desktop.ui.widgets import JumpTree

if TYPE_CHECKING:  # outlines arrive from the checker after the first paint; the parser loads with it
    from desktop.core.outline import Outline

LINE_ROLE = Qt.ItemDataRole.UserRole
NO_HEADINGS = "文稿中还没有标题。\n\n按“一、”“（一）”“1.”等序号起行，\n大纲会显示在这里。"
RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # built once, see lint_panel


def _headings(items) -> list[tuple[int, int, str]]:
    return [(s.line, s.level, s.label) for s in items]


class OutlinePanel(QWidget):
    jump_requested = Signal(object)  # the line to go to

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = JumpTree()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["标题", "字数"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.jump_requested.connect(self.jump_requested)
        self.empty = QLabel(NO_HEADINGS)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #777; padding: 12px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        self._lines: list[int] = []
        self._items: list[QTreeWidgetItem] = []
        self._signature: tuple = ()
        self.set_sections([])

    def set_outline(self, outline: Outline) -> None:
        self.set_sections(sections(outline))

    def set_sections(self, items: list[Section]) -> None:
        signature = tuple(items)
        if signature == self._signature and self._items:
            return
        old, self._signature = self._signature, signature
        if self._items and _headings(old) == _headings(items):
            # the same headings, only 字数 changed (typing in a long draft): rebuilding thousands of rows
            # at every pause in typing is the GUI thread's time
            for item, before, now in zip(self._items, old, items):
                if before.zi != now.zi:
                    item.setText(1, str(now.zi))
            return
        current_line = self.tree.currentItem().data(0, LINE_ROLE) if self.tree.currentItem() else None
        self.tree.clear()
        self._lines, self._items = [], []
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for section in items:
            while stack and stack[-1][0] >= section.level:
                stack.pop()
            item = QTreeWidgetItem([section.label, str(section.zi)])
            item.setData(0, LINE_ROLE, section.line)
            item.setToolTip(0, section.label)
            item.setTextAlignment(1, RIGHT_ALIGNED)
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            stack.append((section.level, item))
            self._lines.append(section.line)
            self._items.append(item)
        self.tree.expandAll()
        self.tree.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.empty.setText(NO_HEADINGS)
        if current_line is not None:
            self.follow_line(current_line)

    def set_waiting(self) -> None:
        """A large draft just opened: its outline is being parsed in the background."""
        self.set_sections([])
        self.empty.setText("正在整理大纲……")

    def follow_line(self, line: int) -> None:
        """Select the heading whose section holds line, without jumping the editor."""
        index = bisect.bisect_right(self._lines, line) - 1
        if index < 0:
            self.tree.clearSelection()
            return
        item = self._items[index]
        if self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
            self.tree.scrollToItem(item)

    def current_line(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, LINE_ROLE)
