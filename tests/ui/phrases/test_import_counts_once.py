"""Importing copies of the built-in corpus through the 语料 menu: the same text in two banks is one
document, so a phrase's counts stay as they were, and the import summary and the 素材 tab's footer give
the same totals."""

from __future__ import annotations

import re
import shutil

from desktop.ui.phrases.phrase_panel import PhrasePanel


def shown_counts(qtbot, panel: PhrasePanel, text: str) -> str:
    """The 素材 tab's detail line of `text`: 出现 N 次，M 篇."""
    panel.search.setText(text)
    qtbot.waitUntil(lambda: panel.runner.idle() and panel.current_item() is not None
                    and panel.current_item().text == text, timeout=10_000)
    return re.search(r"出现 \d+ 次，\d+ 篇", panel.detail.toPlainText()).group()


def test_copies_of_the_builtin_corpus_are_counted_once(qtbot, window, seed_paths, tmp_path):
    tools = window.phrase_tools
    with qtbot.waitSignal(window.bank_ready, timeout=120_000) as ready:
        window.warm_up_bank()
    before_footer = ready.args[0]
    qtbot.waitUntil(lambda: tools.panel.runner.idle() and bool(tools.panel.items), timeout=10_000)
    first = tools.panel.items[0]
    before = shown_counts(qtbot, tools.panel, first.text)

    copies = tmp_path / "往年讲话"
    copies.mkdir()
    for path in seed_paths:
        shutil.copy(path, copies / f"副本{path.name}")
    with qtbot.waitSignal(window.bank_ready, timeout=300_000) as ready:
        dialog = tools.menu.start_import([copies])
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=300_000)
    summary = dialog.summary.toPlainText()
    assert summary.splitlines()[0] == f"文件：内置库已有 {len(seed_paths)} 个"
    assert ready.args[0] == before_footer  # nothing new: the footer's totals did not move
    documents, phrases = re.search(r"素材库已就绪：(\d+) 条素材，来自 (\d+) 篇语料", ready.args[0]).groups()[::-1]
    assert summary.splitlines()[1] == f"我的素材库现有文档 0 篇、素材 0 条；连同内置素材库共有文档 {documents} 篇、素材 {phrases} 条"
    assert shown_counts(qtbot, tools.panel, first.text) == before
    dialog.close()
