"""Small dialogs of the window: export to Word, the draft's properties, help."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import ok_cancel_buttons


class DraftPropertiesDialog(QDialog):
    """文稿属性: the administrative level the draft speaks for and its place name; empty means "infer from
    the title and opening"."""

    def __init__(self, properties, parent=None):
        from desktop.core.lint.properties import LEVELS

        super().__init__(parent)
        self.setWindowTitle("文稿属性")
        self.level_box = QComboBox()
        self.level_box.addItem("自动（从标题推断）", "")
        for level in LEVELS:
            self.level_box.addItem(f"{level}（全{level}、我{level}）", level)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText("如 民权县；留空则从标题推断")
        if properties is not None:
            self.level_box.setCurrentIndex(max(0, self.level_box.findData(properties.level)))
            self.place_edit.setText(properties.place)
        form = QFormLayout()
        form.addRow("层级：", self.level_box)
        form.addRow("地名：", self.place_edit)
        note = QLabel("检查“层级口吻”和“地名不符”时以此为准：全县的讲话里出现「我市」「全市上下」或别县的地名会被指出。")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(ok_cancel_buttons(self))
        self.setMinimumWidth(440)

    def result_properties(self):
        from desktop.core.lint.properties import DraftProperties

        return DraftProperties(self.level_box.currentData(), self.place_edit.text().strip())


class ExportDialog(QDialog):
    """Choose the profile and the output path, and whether findings go into the file as comments; warns
    when error-level findings remain. Each profile proposes its own file name (讲话.docx, 讲话（念稿）.docx),
    so exporting with both never overwrites one with the other; a name the writer typed is kept."""

    def __init__(self, profiles: dict[str, str], profile: str, path: Path, errors: int, parent=None, *,
                 file_names: dict[str, str] | None = None, findings: int | None = 0,
                 fonts: Callable[[str], list[str]] | None = None):
        super().__init__(parent)
        self.setWindowTitle("导出 Word")
        self.file_names = file_names or {}
        self.fonts = fonts
        self.profile_box = QComboBox()
        for key, label in profiles.items():
            self.profile_box.addItem(label, key)
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(profile)))
        self._shown_profile = self.profile
        self.profile_box.currentIndexChanged.connect(self._profile_changed)
        self.path_edit = QLineEdit(str(path))
        self.path_edit.setMinimumWidth(360)
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        if findings is None:  # a draft checked on F7 only, changed since: checked when it is exported
            label = "把检查发现的问题作为批注写入文档（供审阅；导出时检查全文）"
        elif findings:
            label = f"把检查发现的 {findings} 处问题作为批注写入文档（供审阅）"
        else:
            label = "检查未发现问题，没有可写的批注"
        self.comments_box = QCheckBox(label)
        self.comments_box.setEnabled(findings is None or findings > 0)
        self.fonts_button = QPushButton("字体情况…")
        self.fonts_button.setToolTip("本版式用到的字体，以及本机是否已安装")
        self.fonts_button.clicked.connect(self.show_fonts)
        form = QFormLayout()
        form.addRow("版式：", self.profile_box)
        form.addRow("保存到：", path_row)
        form.addRow("", self.comments_box)
        self.warning = QLabel(
            f"⚠ 文稿中还有 {errors} 处错误级问题（如遗留占位符、序号错误）。仍可导出，建议先在“检查”中处理。"
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b71c1c; padding: 6px; background: #fdecea; border-radius: 4px;")
        self.warning.setVisible(errors > 0)
        buttons = ok_cancel_buttons(self, "导出")
        buttons.addButton(self.fonts_button, QDialogButtonBox.ButtonRole.HelpRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.font_text = ""  # what the 字体情况 box said last (tests read it)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "导出 Word", self.path_edit.text(), "Word 文档 (*.docx)")
        if name:
            self.path_edit.setText(name if name.lower().endswith(".docx") else name + ".docx")

    def _profile_changed(self) -> None:
        """Propose the new profile's file name, unless the writer has typed a name of their own."""
        old, new = self.file_names.get(self._shown_profile), self.file_names.get(self.profile)
        self._shown_profile = self.profile
        current = self.path
        if old and new and current.name == old:
            self.path_edit.setText(str(current.with_name(new)))

    def show_fonts(self) -> None:
        lines = self.fonts(self.profile) if self.fonts else []
        self.font_text = "\n".join(lines)
        box = QMessageBox(QMessageBox.Icon.Information, "字体情况", f"{self.profile_box.currentText()}用到的字体：",
                          QMessageBox.StandardButton.Ok, self)
        box.button(QMessageBox.StandardButton.Ok).setText("确定")
        box.setInformativeText(self.font_text or "（无）")
        box.exec()

    @property
    def profile(self) -> str:
        return self.profile_box.currentData()

    @property
    def path(self) -> Path:
        text = self.path_edit.text().strip()
        return Path(text if text.lower().endswith(".docx") else text + ".docx")

    @property
    def comments(self) -> bool:
        return self.comments_box.isEnabled() and self.comments_box.isChecked()


ZI_RULE = (
    "字数按机关通行的算法统计（与 Word“字数统计”中的“字数”一致）：每个汉字计 1 字，每个中文标点"
    "（，。、；：？！“”‘’（）《》……——等）计 1 字；连续的阿拉伯数字或西文字母（如 2026、GDP）合计 1 字；"
    "空格和换行不计。讲话时长按“设置”中的语速（默认每分钟 220 字）估算。大纲中每个标题后的数字是该部分"
    "（含下级标题）的字数。"
)


class HelpDialog(QDialog):
    def __init__(self, shortcuts: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle("帮助")
        rows = "".join(
            f"<tr><td style='padding:2px 16px 2px 0'>{name}</td><td><b>{keys}</b></td></tr>"
            for name, keys in shortcuts
        )
        html = (
            "<h3>快捷键</h3>"
            f"<table>{rows}</table>"
            "<p>为避免与中文输入法冲突，本程序不占用 Ctrl+空格、Shift+空格、Ctrl+.、Ctrl+Shift、"
            "Ctrl+Shift+F 和单独的 Shift。</p>"
            "<h3>字数怎么算</h3>"
            f"<p>{ZI_RULE}</p>"
            "<h3>检查</h3>"
            "<p>输入停顿片刻后自动检查，问题以波浪线标出（红：错误，橙：警告，蓝：提示），鼠标停留可看说明。"
            "“检查”页列出全部问题；“修正”只用于安全的自动修正，可撤销；“忽略此处”记在文稿旁的"
            "“文稿名.lint-ignore.json”中（命令行检查也照此忽略），该处文字改动后会重新提示。</p>"
            "<h3>自动保存与恢复</h3>"
            "<p>未保存的改动按“设置”中的间隔（默认 30 秒）自动保存到用户数据目录的 recovery 文件夹，不会改动原文件。"
            "程序意外退出后再次启动时会提示恢复（显示保存时间与首行）；正常关闭时删除这些副本。</p>"
        )
        browser = QTextBrowser()
        browser.setHtml(html)
        browser.setOpenExternalLinks(False)
        self.text = browser.toPlainText()
        _close_only_layout(self, browser)
        self.resize(560, 640)


class AboutDialog(QDialog):
    """Version, where the user's data and settings live, and the banks in use (desktop.core.about)."""

    def __init__(self, lines: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("关于")
        self.text = "\n".join(lines)
        label = QLabel(
            f"<h3>{html.escape(lines[0])}</h3>" + "<br>".join(html.escape(line) for line in lines[1:])
        )
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        _close_only_layout(self, label)
        self.resize(620, 260)


def _close_only_layout(dialog: QDialog, content: QWidget) -> None:
    """The content above a single 关闭 button: the layout of the read-only dialogs."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)
