"""文件 → 新建讲话稿 (Ctrl+Shift+N): choose the kind of meeting, its name, the level and the speaker, see the
skeleton as it will be written, and start a new draft with it (desktop/core/skeleton.py writes the text)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from desktop.core.bank.completion import Ranker
from desktop.core.skeleton import LEVELS, MAX_SECTIONS, SpeechRequest, Template, compose, date_line
from desktop.ui.widgets import ok_cancel_buttons

_COUNT_LABEL = {"heading": "讲几点意见：", "agenda": "议程项数："}


class NewSpeechDialog(QDialog):
    def __init__(
        self, templates: list[Template], bank: Callable[[], Ranker | None], today: date, parent=None
    ):
        super().__init__(parent)
        self.setWindowTitle("新建讲话稿")
        self.templates = templates
        self._bank = bank
        self.today = today

        self.kind_box = QComboBox()
        for template in templates:
            self.kind_box.addItem(template.name)
        self.meeting_edit = QLineEdit()
        self.meeting_edit.setPlaceholderText("如：全县安全生产工作（种类会自动接在后面）")
        self.meeting_edit.setMinimumWidth(320)
        self.level_box = QComboBox()
        self.level_box.addItems(list(LEVELS))
        self.speaker_edit = QLineEdit()
        self.speaker_edit.setPlaceholderText("如：县委书记 张三（可空，留作 XX）")
        self.count_label = QLabel()
        self.count_box = QSpinBox()
        self.count_box.setRange(1, MAX_SECTIONS)
        self.count_box.setValue(3)
        self.use_bank = QCheckBox("优先用素材库中的开头、过渡和结尾")
        self.use_bank.setChecked(True)

        form = QFormLayout()
        form.addRow("种类：", self.kind_box)
        form.addRow("会议名称：", self.meeting_edit)
        form.addRow("层级：", self.level_box)
        form.addRow("讲话人：", self.speaker_edit)
        form.addRow(self.count_label, self.count_box)
        form.addRow("日期：", QLabel(date_line(today) + "　今天"))
        form.addRow("", self.use_bank)

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from field to field, not in here
        self.preview.setMinimumSize(440, 380)
        font = QFont(self.preview.font())
        font.setPointSize(max(font.pointSize(), 11))
        self.preview.setFont(font)
        self.source_note = QLabel()
        self.source_note.setWordWrap(True)
        self.source_note.setStyleSheet("color: #555;")
        hint = QLabel("新建后第一个 XX 已选中，直接输入即可替换；按 Tab 到下一个 XX。")
        hint.setWordWrap(True)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(hint)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel("预览："))
        right.addWidget(self.preview, 1)
        right.addWidget(self.source_note)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(ok_cancel_buttons(self, "新建"))

        self.kind_box.currentIndexChanged.connect(self._update)
        self.meeting_edit.textChanged.connect(self._update)
        self.level_box.currentIndexChanged.connect(self._update)
        self.speaker_edit.textChanged.connect(self._update)
        self.count_box.valueChanged.connect(self._update)
        self.use_bank.toggled.connect(self._update)
        self.kind_box.setFocus()
        self._update()

    @property
    def template(self) -> Template:
        return self.templates[max(0, self.kind_box.currentIndex())]

    def request(self) -> SpeechRequest:
        return SpeechRequest(
            kind=self.template.name,
            meeting=self.meeting_edit.text(),
            level=self.level_box.currentText(),
            speaker=self.speaker_edit.text(),
            sections=self.count_box.value(),
            day=self.today,
            use_bank=self.use_bank.isChecked(),
        )

    def skeleton_text(self) -> str:
        return self.preview.toPlainText()

    def _update(self) -> None:
        template = self.template
        self.count_label.setText(_COUNT_LABEL.get(template.form, "部分数：") if template.announce else "部分数：")
        bank = self._bank() if self.use_bank.isChecked() else None
        skeleton = compose(self.request(), template, bank)
        self.preview.setPlainText(skeleton.text)
        if skeleton.from_bank:
            self.source_note.setText(f"{'、'.join(skeleton.from_bank)}取自素材库，其余为模板。")
        elif bank is not None and (template.bank_opening or template.bank_closing):
            self.source_note.setText("素材库中没有适合这种会议的开头和结尾，全部用模板。")
        else:
            self.source_note.setText("全部用模板。")
