"""A 100-page draft: opens, re-checks after an edit in the middle, keeps its outline."""

from __future__ import annotations

from desktop.bench.workloads import long_draft
from tests.ui.conftest import ime_commit, wait_analysis


def test_long_draft_opens_and_rechecks_after_an_edit(qtbot, window, tmp_path):
    path = tmp_path / "长稿.txt"
    text = long_draft()
    assert len(text) > 50_000
    path.write_text(text, encoding="utf-8")
    window.open_path(path)
    first = wait_analysis(qtbot, window, timeout=30_000)
    assert len(first.outline.headings) == 10 + 60 + 300
    middle = window.editor.document().findBlockByNumber(window.editor.document().blockCount() // 2)
    window.editor.go_to(middle.position())
    ime_commit(window.editor, "新加XX一句。")
    second = wait_analysis(qtbot, window, timeout=30_000)
    assert any(
        f.code == "GW301" and second.text[f.offset : f.end] == "XX" and f.offset > middle.position()
        for f in second.findings
    )
    assert window.outline_panel.tree.topLevelItemCount() == 1
