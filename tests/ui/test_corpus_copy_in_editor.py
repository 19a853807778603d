"""照搬范文 (GW306) in the editor: the window's checker looks sentences up in the same banks as the 素材
and 范文 tabs, as `gongwen lint --bank` does, in its worker thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.core import paths
from desktop.core.bank.importer import import_paths
from desktop.core.bank.store import PhraseBank
from desktop.core.lint.corpus_index import sentence_key
from tests.ui.conftest import focus_editor, wait_analysis
from tests.unit.bank.conftest import RULES, write

CTRL = Qt.KeyboardModifier.ControlModifier


def paste(qtbot, editor, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)


def press_f7(qtbot, window):
    qtbot.keyClick(window.editor, Qt.Key.Key_F7)
    return wait_analysis(qtbot, window)


def a_long_sentence_of_the_default_bank() -> str:
    with PhraseBank.open(paths.default_bank_path(), readonly=True) as bank:
        hits = bank.search("要", limit=200)
    return next(h.sentence for h in hits if len(sentence_key(h.sentence)) >= 24)


def test_a_pasted_sentence_of_the_builtin_corpus_is_found_on_f7(qtbot, window):
    sentence = a_long_sentence_of_the_default_bank()
    focus_editor(qtbot, window)
    paste(qtbot, window.editor, "关于工作的几点意见\n" + sentence)
    analysis = press_f7(qtbot, window)
    copies = [f for f in analysis.findings if f.code == "GW306"]
    assert len(copies) == 1, [f.code for f in analysis.findings]
    start = window.editor.toPlainText().index(sentence)
    assert copies[0].offset == start and "范文" in copies[0].message
    assert window.lint_panel.findings and any(f.code == "GW306" for f in window.lint_panel.findings)


def test_sentences_of_a_new_import_are_found_after_it(qtbot, window, tmp_path):
    own = "我们要把优化营商环境作为全面深化改革的重要抓手常抓不懈。"
    focus_editor(qtbot, window)
    paste(qtbot, window.editor, "关于营商环境的几点意见\n" + own)
    assert not any(f.code == "GW306" for f in press_f7(qtbot, window).findings)
    write(tmp_path / "corpus", "往年讲话.txt", "在全县工作会议上的讲话\n同志们：\n" + own + "\n")
    with PhraseBank.open(paths.user_bank_path()) as bank:
        import_paths(bank, [tmp_path / "corpus"], miner=RULES)
    provider = window.phrase_tools.provider
    with qtbot.waitSignal(window.analysis_applied, timeout=10_000):
        provider.invalidate()  # as an import through the 语料 menu ends: the check runs again
    copies = [f for f in window.analysis.findings if f.code == "GW306"]
    assert len(copies) == 1 and "在全县工作会议上的讲话" in copies[0].message
