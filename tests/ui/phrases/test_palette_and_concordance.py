"""The phrase palette (Ctrl+K) and the 范文 concordance panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.ui.phrases.concordance_panel import ConcordancePanel, keyword_in_context
from desktop.ui.phrases.palette import PhrasePalette
from tests.ui.phrases.conftest import commit, in_one_window, set_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def palette(qtbot, editor, provider):
    palette = PhrasePalette(editor, provider)
    yield palette
    palette.runner.wait()
    palette.hide()


def test_ctrl_k_opens_the_palette_and_enter_inserts_the_found_phrase(qtbot, editor, palette):
    set_text(editor, "我们要")
    qtbot.keyClick(editor, Qt.Key.Key_K, CTRL)
    assert palette.isVisible()
    qtbot.waitUntil(lambda: palette.runner.idle() and len(palette.results) > 3)
    qtbot.keyClicks(palette.search, "yzdd")
    qtbot.waitUntil(lambda: [r.text for r in palette.results] == ["一抓到底"])
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert editor.toPlainText() == "我们要一抓到底"


def test_palette_takes_chinese_and_arrows_choose(qtbot, editor, palette):
    set_text(editor, "")
    palette.open_palette()
    commit(palette.search, "行")
    qtbot.waitUntil(lambda: palette.runner.idle() and [r.text for r in palette.results][:1] == ["行稳致远"])
    palette.search.clear()
    qtbot.waitUntil(lambda: palette.runner.idle() and len(palette.results) > 3)
    second = palette.results[1].text
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert editor.toPlainText() == second


def test_escape_closes_the_palette_without_inserting(qtbot, editor, palette):
    set_text(editor, "原文")
    palette.open_palette()
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)
    assert not palette.isVisible() and editor.toPlainText() == "原文"


def test_concordance_shows_the_keyword_in_context_and_inserts_or_copies(qtbot, editor, provider):
    panel = ConcordancePanel(editor, provider)
    in_one_window(qtbot, editor, panel)
    set_text(editor, "")
    commit(panel.search, "营商环境")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5000)
    rows = [[panel.table.item(r, c).text() for c in range(4)] for r in range(2)]
    # Documents are named by their titles, their file names in the tooltip.
    assert rows == [
        ["优化", "营商环境", "是头等大事。", "在全市工作会议上的讲话"],
        ["持续优化", "营商环境", "，久久为功。", "在项目推进会上的讲话"],
    ]
    assert panel.table.item(0, 3).toolTip().endswith("——《在全市工作会议上的讲话》（a.txt）")
    assert panel.status.text() == "找到 2 句"
    panel.table.setFocus()
    panel.table.selectRow(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "持续优化营商环境，久久为功。"
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert editor.toPlainText() == "持续优化营商环境，久久为功。"
    commit(panel.search, "不存在的词")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=5000)
    assert "没有" in panel.status.text()
    panel.runner.wait()


def test_keyword_in_context_shows_a_whole_clause_each_side():
    sentence = "第一句话开头，第二个分句在此，关键的营商环境要优化，后面一个分句，再后面的分句。"
    assert keyword_in_context(sentence, "营商环境") == (
        "…第二个分句在此，关键的", "营商环境", "要优化，后面一个分句，…"
    )
    assert keyword_in_context(sentence, "第一句") == ("", "第一句", "话开头，第二个分句在此，…")
    assert keyword_in_context(sentence, "再后面") == ("…后面一个分句，", "再后面", "的分句。")
    assert keyword_in_context("短句中的营商环境。", "营商环境") == ("短句中的", "营商环境", "。")
    assert keyword_in_context("没有这个词。", "营商环境") == ("", "没有这个词。", "")


def test_palette_rows_show_the_category_and_a_preview_from_the_source(qtbot, editor, palette):
    from desktop.ui.phrases.palette import CATEGORY_ROLE, PREVIEW_ROLE

    set_text(editor, "")
    palette.open_palette()
    commit(palette.search, "一抓到底")
    qtbot.waitUntil(lambda: palette.runner.idle() and [r.text for r in palette.results] == ["一抓到底"])
    row = palette.list.item(0)
    assert row.text() == "一抓到底"
    assert row.data(CATEGORY_ROLE) == "四字格 · 1 次"
    # its source sentence in the bank: 抓落实要久久为功，一抓到底。
    assert row.data(PREVIEW_ROLE) == "抓落实要久久为功，一抓到底。"
    assert row.toolTip() == "抓落实要久久为功，一抓到底。\n——《在全市工作会议上的讲话》"
    assert palette.list.visualItemRect(row).height() >= 2 * palette.list.fontMetrics().height()  # two lines
