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


def test_keyword_in_context_trims_long_sides():
    left, key, right = keyword_in_context("一" * 30 + "营商环境" + "二" * 30, "营商环境", width=5)
    assert (left, key, right) == ("…一一一一一", "营商环境", "二二二二二…")
