"""The settings dialog: editor font and size, speaking rate, autosave interval, export profile, rules."""

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
    QKeySequenceEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rules_box, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

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
