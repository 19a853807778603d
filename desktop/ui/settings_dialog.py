"""The settings dialog: editor font and size, speaking rate, autosave interval, export profile, rules, and
the office's leader list (names, titles, order of precedence) the checker compares drafts with."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.lint.leaders import Leader
from desktop.ui import messages
from desktop.ui.phrases.chords import chord_problem
from desktop.ui.settings import Settings
from desktop.ui.widgets import ok_cancel_buttons


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        profiles: dict[str, str],
        rules: list[tuple[str, str]],
        current_font: QFont,
        parent=None,
        leaders: list[Leader] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("设置")
        self._settings = settings
        self.font_box = QFontComboBox()
        self.font_box.setCurrentFont(QFont(settings.font_family) if settings.font_family else current_font)
        self.size_box = QSpinBox()
        self.size_box.setRange(8, 40)
        self.size_box.setSuffix(" 磅")
        self.size_box.setValue(settings.font_size)
        self.rate_box = QSpinBox()
        self.rate_box.setRange(60, 600)
        self.rate_box.setSingleStep(10)
        self.rate_box.setSuffix(" 字/分钟")
        self.rate_box.setValue(settings.speaking_rate)
        self.autosave_box = QSpinBox()
        self.autosave_box.setRange(5, 600)
        self.autosave_box.setSuffix(" 秒")
        self.autosave_box.setValue(settings.autosave_seconds)
        self.profile_box = QComboBox()
        for key, label in profiles.items():
            self.profile_box.addItem(label, key)
        index = self.profile_box.findData(settings.export_profile)
        self.profile_box.setCurrentIndex(max(0, index))

        form = QFormLayout()
        form.addRow("编辑器字体：", self.font_box)
        form.addRow("字号：", self.size_box)
        form.addRow("讲话语速：", self.rate_box)
        form.addRow("自动保存间隔：", self.autosave_box)
        form.addRow("默认导出版式：", self.profile_box)
        self.completion_chord_box = QKeySequenceEdit(QKeySequence(settings.completion_chord))
        self.palette_chord_box = QKeySequenceEdit(QKeySequence(settings.palette_chord))
        form.addRow("素材补全快捷键：", self.completion_chord_box)
        form.addRow("查找素材快捷键：", self.palette_chord_box)

        self.rules_list = QListWidget()
        for code, name in rules:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Unchecked if code in settings.disabled_rules else Qt.CheckState.Checked
            )
            self.rules_list.addItem(item)
        rules_box = QGroupBox("检查规则（勾选表示启用）")
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(self.rules_list)

        buttons = ok_cancel_buttons(self, "确定")
        buttons.accepted.disconnect(self.accept)
        buttons.accepted.connect(self._check_and_accept)
        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(rules_box, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, "常规")
        self.tabs.addTab(self._leaders_page(leaders or []), "领导名单")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(560, 600)

    # ------------------------------------------------------------ leader list
    _LEADER_COLUMNS = ("姓名", "职务", "其他职务（用、分隔）")

    def _leaders_page(self, leaders: list[Leader]) -> QWidget:
        page = QWidget()
        self.leaders_table = QTableWidget(0, len(self._LEADER_COLUMNS))
        self.leaders_table.setHorizontalHeaderLabels(self._LEADER_COLUMNS)
        self.leaders_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for leader in leaders:
            self._add_leader_row(leader.name, leader.title, "、".join(leader.also))
        self._initial_leaders = self.result_leaders()
        add, remove = QPushButton("添加"), QPushButton("删除")
        up, down = QPushButton("上移"), QPushButton("下移")
        add.clicked.connect(lambda: self._add_leader_row("", "", "", edit=True))
        remove.clicked.connect(self._remove_leader_row)
        up.clicked.connect(lambda: self._move_leader_row(-1))
        down.clicked.connect(lambda: self._move_leader_row(1))
        row = QHBoxLayout()
        for button in (add, remove, up, down):
            row.addWidget(button)
        row.addStretch(1)
        note = QLabel(
            "按排序先后填写本单位领导的姓名和现任职务。检查时，名单上的人配错职务、几位领导并列时顺序不对，都会提示。"
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.leaders_table, 1)
        layout.addLayout(row)
        return page

    def _add_leader_row(self, name: str, title: str, also: str, edit: bool = False) -> None:
        table = self.leaders_table
        index = table.rowCount()
        table.insertRow(index)
        for column, value in enumerate((name, title, also)):
            table.setItem(index, column, QTableWidgetItem(value))
        if edit:
            table.setCurrentCell(index, 0)
            table.editItem(table.item(index, 0))

    def _remove_leader_row(self) -> None:
        index = self.leaders_table.currentRow()
        if index >= 0:
            self.leaders_table.removeRow(index)

    def _move_leader_row(self, step: int) -> None:
        table = self.leaders_table
        index = table.currentRow()
        target = index + step
        if index < 0 or not 0 <= target < table.rowCount():
            return
        values = [self._row(index), self._row(target)]
        for r, row_values in zip((target, index), values):
            for c, value in enumerate(row_values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.setCurrentCell(target, table.currentColumn())

    def result_leaders(self) -> list[Leader]:
        """The rows with a name and a title, in the table's order (the order of precedence)."""
        out = []
        for r in range(self.leaders_table.rowCount()):
            name, title, also = (value.strip() for value in self._row(r))
            titles = tuple(t.strip() for t in also.replace("，", "、").split("、") if t.strip())
            if name and title:
                out.append(Leader(name, title, titles))
        return out

    def _row(self, r: int) -> list[str]:
        table = self.leaders_table
        return [table.item(r, c).text() if table.item(r, c) else "" for c in range(len(self._LEADER_COLUMNS))]

    def leaders_changed(self) -> bool:
        return self.result_leaders() != self._initial_leaders

    def chord_texts(self) -> tuple[str, str]:
        return tuple(box.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
                     for box in (self.completion_chord_box, self.palette_chord_box))

    def _check_and_accept(self) -> None:
        """Refuse chords that input methods own (Ctrl+Space, Shift+Space …) before closing."""
        completion, palette = self.chord_texts()
        problems = [p for p in (chord_problem(completion), chord_problem(palette)) if p]
        if not problems and completion == palette:
            problems.append("两个快捷键不能相同")
        if problems:
            messages.warning(self, "快捷键", "；".join(problems))
            return
        self.accept()

    def result_settings(self) -> Settings:
        disabled = [
            self.rules_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.rules_list.count())
            if self.rules_list.item(i).checkState() != Qt.CheckState.Checked
        ]
        return replace(
            self._settings,
            font_family=self.font_box.currentFont().family(),
            font_size=self.size_box.value(),
            speaking_rate=self.rate_box.value(),
            autosave_seconds=self.autosave_box.value(),
            export_profile=self.profile_box.currentData(),
            disabled_rules=disabled,
            completion_chord=self.chord_texts()[0],
            palette_chord=self.chord_texts()[1],
        )
