"""The completion popup: candidates at the cursor, every key, one undo step, placeholders, the IME."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.bank.user_phrases import UserPhrases
from desktop.ui.phrases.completion_popup import CompletionPopup
from tests.ui.phrases.conftest import commit, compose, key, set_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def popup(editor, provider):
    popup = CompletionPopup(editor, provider)
    yield popup
    popup.close_popup()


def add_phrases(provider, phrases: list[tuple[str, str]]) -> None:
    with provider.open_write() as bank:
        for text, kind in phrases:
            UserPhrases(bank).add(text, kind)
    provider.invalidate()


def test_alt_slash_then_1_inserts_and_one_undo_takes_it_back(qtbot, editor, popup):
    set_text(editor, "抓落实要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert popup.isVisible() and editor.hasFocus()  # the popup never takes the focus
    assert popup.completion.typed == "久久" and popup.candidates[0].text == "久久为功"
    assert popup.list.item(0).text().startswith("1. 久久为功")
    key(qtbot, editor, Qt.Key.Key_1)
    assert not popup.isVisible()
    assert editor.toPlainText() == "抓落实要久久为功"
    key(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "抓落实要久久"


def test_the_first_item_of_a_run_brings_the_rest(qtbot, editor, popup):
    set_text(editor, "项目上早审批、")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert popup.completion.mode == "parallel"
    key(qtbot, editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "项目上早审批、早落地、早建设"
    editor.undo()
    assert editor.toPlainText() == "项目上早审批、"


def test_tab_accepts_and_escape_closes_without_change(qtbot, editor, popup):
    set_text(editor, "要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    key(qtbot, editor, Qt.Key.Key_Escape)
    assert not popup.isVisible() and editor.toPlainText() == "要久久"
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    key(qtbot, editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "要久久为功"


def test_arrows_and_pages_move_and_the_number_picks_on_the_page(qtbot, editor, provider, popup):
    add_phrases(provider, [(f"坚持{c}进", "quote") for c in "一二三四五六七八九十百千"])
    set_text(editor, "我们要坚持")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert len(popup.candidates) == 12 and popup.pages() == 2
    assert popup.list.count() == 9
    key(qtbot, editor, Qt.Key.Key_Down)
    key(qtbot, editor, Qt.Key.Key_Down)
    key(qtbot, editor, Qt.Key.Key_Up)
    assert popup.index == 1 and popup.list.currentRow() == 1
    key(qtbot, editor, Qt.Key.Key_PageDown)
    assert popup.page() == 1 and popup.list.count() == 3
    key(qtbot, editor, Qt.Key.Key_PageUp)
    assert popup.page() == 0
    key(qtbot, editor, Qt.Key.Key_PageDown)
    third = popup.page_candidates()[2].text
    key(qtbot, editor, Qt.Key.Key_3)
    assert editor.toPlainText() == "我们要" + third
    set_text(editor, "我们要坚持")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    second = popup.candidates[1].text
    key(qtbot, editor, Qt.Key.Key_Down)
    key(qtbot, editor, Qt.Key.Key_Enter)
    assert editor.toPlainText() == "我们要" + second


def test_letters_filter_by_initials_even_through_an_ime(qtbot, editor, popup):
    set_text(editor, "同志们")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert not editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # raw letters while open
    qtbot.keyClicks(editor, "gj")
    assert popup.letters == "gj" and [c.text for c in popup.candidates] == ["攻坚克难"]
    key(qtbot, editor, Qt.Key.Key_Backspace)
    key(qtbot, editor, Qt.Key.Key_Backspace)
    assert popup.letters == "" and len(popup.candidates) > 1
    commit(editor, "zzsg")  # an input method that still passes the letters on as a commit
    assert [c.text for c in popup.candidates] == ["真抓实干"]
    assert editor.toPlainText() == "同志们"
    key(qtbot, editor, Qt.Key.Key_1)
    assert editor.toPlainText() == "同志们真抓实干"
    assert editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # given back


def test_it_never_opens_during_an_ime_composition(qtbot, editor, popup):
    set_text(editor, "要久久")
    compose(editor, "wei")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert not popup.isVisible()
    commit(editor, "为")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert popup.isVisible()


def test_chinese_committed_while_open_closes_it_and_is_typed(qtbot, editor, popup):
    set_text(editor, "要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    commit(editor, "为")
    assert not popup.isVisible() and editor.toPlainText() == "要久久为"


def test_inserted_placeholder_is_selected_to_type_over(qtbot, editor, provider, popup):
    add_phrases(provider, [("请XX同志讲话", "quote")])
    set_text(editor, "下面请")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert popup.candidates[0].text == "请XX同志讲话"
    key(qtbot, editor, Qt.Key.Key_1)
    assert editor.toPlainText() == "下面请XX同志讲话"
    assert editor.textCursor().selectedText() == "XX"
    commit(editor, "李明")
    assert editor.toPlainText() == "下面请李明同志讲话"


def test_other_keys_close_and_do_their_work(qtbot, editor, popup):
    set_text(editor, "要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    key(qtbot, editor, Qt.Key.Key_Left)
    assert not popup.isVisible()
    assert editor.textCursor().position() == 2


def test_the_chord_is_configurable_but_never_an_ime_chord(qtbot, editor, popup):
    popup.set_chord("Ctrl+J")
    set_text(editor, "要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert not popup.isVisible()
    key(qtbot, editor, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert popup.isVisible()
    for chord in ("Ctrl+Space", "Shift+Space", "Ctrl+.", "Ctrl+Shift+F", "A", "Shift+A", "Ctrl+Shift"):
        with pytest.raises(ValueError):
            popup.set_chord(chord)
    assert popup.chord() == "Ctrl+J"


def test_with_an_empty_bank_it_says_so(qtbot, editor, tmp_path):
    from desktop.ui.phrases.bank_provider import BankProvider

    empty = BankProvider(query_bank=tmp_path / "empty.sqlite", write_bank=tmp_path / "empty.sqlite")
    with empty.open_write():
        pass
    popup = CompletionPopup(editor, empty)
    set_text(editor, "要久久")
    key(qtbot, editor, Qt.Key.Key_Slash, ALT)
    assert popup.isVisible() and popup.list.item(0).text() == "没有匹配的素材"
    key(qtbot, editor, Qt.Key.Key_Return)
    assert not popup.isVisible() and editor.toPlainText() == "要久久"
    popup.close_popup()
    empty.close()
