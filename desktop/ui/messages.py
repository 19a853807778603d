"""The window's message boxes, with Chinese buttons whatever language Qt's own translation gives.

Qt names standard buttons in English unless its zh_CN translation is loaded, and even then "Discard"
becomes 丢弃, which reads as throwing the draft away rather than not saving it. These boxes say
保存 / 不保存 / 取消, 是 / 否 and 确定 themselves. Same arguments as QMessageBox's static functions.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
BUTTON_TEXTS = {
    Button.Save: "保存",
    Button.Discard: "不保存",
    Button.Cancel: "取消",
    Button.Yes: "是",
    Button.No: "否",
    Button.Ok: "确定",
    Button.Close: "关闭",
}


def _show(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str, buttons, default) -> Button:
    box = QMessageBox(icon, title, text, buttons, parent)
    for button in box.buttons():
        label = BUTTON_TEXTS.get(box.standardButton(button))
        if label:
            button.setText(label)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()  # Esc and the title bar's close: the escape button (取消, 否)
    return box.standardButton(clicked) if clicked is not None else Button.NoButton


def question(parent: QWidget | None, title: str, text: str, buttons=Button.Yes | Button.No,
             default=Button.NoButton) -> Button:
    return _show(QMessageBox.Icon.Question, parent, title, text, buttons, default)


def information(parent: QWidget | None, title: str, text: str) -> Button:
    return _show(QMessageBox.Icon.Information, parent, title, text, Button.Ok, Button.Ok)


def warning(parent: QWidget | None, title: str, text: str) -> Button:
    return _show(QMessageBox.Icon.Warning, parent, title, text, Button.Ok, Button.Ok)


def critical(parent: QWidget | None, title: str, text: str) -> Button:
    return _show(QMessageBox.Icon.Critical, parent, title, text, Button.Ok, Button.Ok)
