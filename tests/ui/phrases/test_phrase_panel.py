"""The 素材 tab: filtering by Chinese and initials, categories, 相关 following the cursor, insertion,
used marks, favourites first, and the writer's own phrases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog

from desktop.ui.phrases.phrase_panel import MINE, PhraseEditDialog, PhrasePanel
from tests.ui.phrases.conftest import commit, in_one_window, set_text


@pytest.fixture
def panel(qtbot, editor, provider):
    panel = PhrasePanel(editor, provider)
    in_one_window(qtbot, editor, panel)
    wait_idle(qtbot, panel)
    yield panel
    panel.runner.wait()


def wait_idle(qtbot, panel) -> None:
    qtbot.waitUntil(panel.runner.idle, timeout=5000)


def shown(panel) -> list[str]:
    return [item.text for item in panel.items]


def test_typing_chinese_filters_the_list(qtbot, panel):
    commit(panel.search, "久久")
    qtbot.waitUntil(lambda: shown(panel) == ["久久为功"])
    assert panel.list.item(0).text().startswith("久久为功　四字格 · ")


def test_pinyin_initials_filter_as_you_type(qtbot, panel):
    qtbot.keyClicks(panel.search, "gj")
    qtbot.waitUntil(lambda: shown(panel) == ["攻坚克难"])
    panel.search.clear()
    qtbot.keyClicks(panel.search, "x")
    qtbot.waitUntil(lambda: shown(panel) == ["行稳致远"])


def test_categories_hold_one_kind(qtbot, panel):
    panel.set_category("parallel")
    qtbot.waitUntil(lambda: panel.items and all(i.kind == "parallel" for i in panel.items))
    assert "我们要早审批、早落地、早建设" in shown(panel)


def test_related_follows_the_paragraph_at_the_cursor(qtbot, editor, panel):
    set_text(editor, "防汛工作要查找漏洞\n乡村振兴要持续用力")
    qtbot.waitUntil(lambda: shown(panel)[:1] == ["久久为功"], timeout=5000)  # d.txt: 乡村振兴要久久为功
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    qtbot.waitUntil(  # d.txt: 防汛工作也要攻坚克难、真抓实干; the flood-control speech: 重整行装
        lambda: {i.text for i in panel.items[:3]} == {"真抓实干", "重整行装", "攻坚克难"},
        timeout=5000,
    )


def test_moving_to_another_paragraph_shows_the_top_of_related(qtbot, editor, panel):
    panel.list.setFixedHeight(70)  # a few rows in view, so the list scrolls
    set_text(editor, "防汛工作要查找漏洞\n乡村振兴要持续用力")
    qtbot.waitUntil(lambda: shown(panel)[:1] == ["久久为功"], timeout=5000)
    wait_idle(qtbot, panel)
    assert len(panel.items) > 5
    # The writer looks down the list, to its last row ...
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_End)
    assert panel.list.currentRow() == len(panel.items) - 1
    assert panel.list.verticalScrollBar().value() > 0
    # ... goes back to the draft and up to the other paragraph: its best phrases are in view, first selected.
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: {i.text for i in panel.items[:3]} == {"真抓实干", "重整行装", "攻坚克难"},
                    timeout=5000)
    wait_idle(qtbot, panel)
    assert panel.list.currentRow() == 0
    assert panel.list.verticalScrollBar().value() == 0
    # Within the same paragraph the selection stays where the writer put it.
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    chosen = panel.current_item()
    panel.refresh(0)
    wait_idle(qtbot, panel)
    assert panel.current_item() == chosen and panel.list.currentRow() == 1


def test_a_phrase_inserted_no_longer_comes_first_in_related(qtbot, editor, panel):
    set_text(editor, "乡村振兴要持续用力")
    qtbot.waitUntil(lambda: shown(panel)[:1] == ["久久为功"], timeout=5000)
    wait_idle(qtbot, panel)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # inserts the first row at the cursor
    assert editor.toPlainText() == "乡村振兴要持续用力久久为功"
    qtbot.waitUntil(lambda: panel.items and panel.items[0].text != "久久为功", timeout=5000)
    wait_idle(qtbot, panel)
    texts = shown(panel)
    assert "久久为功" in texts  # still listed, marked, after every phrase the draft does not hold yet
    at = texts.index("久久为功")
    assert panel.items[at].used and "（已用）" in panel.list.item(at).text()
    assert not any(item.used for item in panel.items[:at])
    assert all(item.used for item in panel.items[at:])
    assert panel.list.currentRow() == 0


def test_selected_item_shows_its_source_and_enter_inserts_and_marks_it_used(qtbot, editor, panel):
    set_text(editor, "我们")
    commit(panel.search, "攻坚")
    qtbot.waitUntil(lambda: shown(panel) == ["攻坚克难"])
    detail = panel.detail.toPlainText()
    assert "出处：项目建设要攻坚克难、真抓实干。" in detail and "——《在项目推进会上的讲话》" in detail
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert editor.toPlainText() == "我们攻坚克难"
    qtbot.waitUntil(editor.hasFocus)
    qtbot.waitUntil(lambda: panel.items and panel.items[0].used, timeout=5000)
    assert "（已用）" in panel.list.item(0).text()


def test_double_click_inserts_at_the_cursor(qtbot, editor, panel):
    set_text(editor, "要，再出发")
    cursor = editor.textCursor()
    cursor.setPosition(1)
    editor.setTextCursor(cursor)
    commit(panel.search, "重整")
    qtbot.waitUntil(lambda: shown(panel) == ["重整行装"])
    rect = panel.list.visualItemRect(panel.list.item(0))
    # as a real double-click arrives: a press (selecting the row), then the double-click
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.toPlainText() == "要重整行装，再出发"


def test_favourites_are_pinned_first_and_listed(qtbot, panel):
    qtbot.waitUntil(lambda: len(panel.items) > 3)
    last = panel.items[-1]
    panel.list.setCurrentRow(len(panel.items) - 1)
    panel.toggle_favourite()
    qtbot.waitUntil(lambda: panel.items and panel.items[0].text == last.text and panel.items[0].favourite)
    assert panel.list.item(0).text().startswith("★ ")
    assert panel.favourite_button.text() == "取消收藏"
    panel.set_category("favourites")
    qtbot.waitUntil(lambda: shown(panel) == [last.text])


def test_selection_becomes_my_phrase_that_can_be_edited_and_deleted(qtbot, editor, panel, monkeypatch):
    set_text(editor, "全力以赴抓好落实")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(8, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    monkeypatch.setattr(PhraseEditDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    panel.add_selection()
    panel.set_category(MINE)
    qtbot.waitUntil(lambda: shown(panel) == ["抓好落实"], timeout=5000)
    item = panel.items[0]
    assert item.mine and item.kind == "idiom" and panel.edit_button.isEnabled()
    qtbot.keyClicks(panel.search, "zhl")
    qtbot.waitUntil(lambda: shown(panel) == ["抓好落实"])
    panel.search.clear()
    panel.edit_user_phrase(item, "狠抓落实", "idiom")
    qtbot.waitUntil(lambda: shown(panel) == ["狠抓落实"], timeout=5000)
    panel.delete_user_phrase(panel.items[0])
    qtbot.waitUntil(lambda: shown(panel) == [], timeout=5000)
    assert panel.status.text() == "没有找到素材"


def test_mined_phrases_cannot_be_edited_or_deleted(qtbot, panel):
    commit(panel.search, "久久")
    qtbot.waitUntil(lambda: shown(panel) == ["久久为功"])
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()


def test_down_from_the_search_box_moves_in_the_list(qtbot, panel):
    qtbot.waitUntil(lambda: len(panel.items) > 2)
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.list.hasFocus() and panel.list.currentRow() == 1
