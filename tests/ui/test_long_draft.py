"""A 100-page draft: opens, re-checks after an edit in the middle, keeps its outline."""

from __future__ import annotations

from desktop.ui.main_window import sample_draft_path
from tests.ui.conftest import ime_commit, wait_analysis

CN = "一二三四五六七八九十"


def long_draft() -> str:
    """About 100 pages (22 × 28 characters a page): ten parts, six sections each, five points each."""
    sentences = [
        line for line in sample_draft_path().read_text(encoding="utf-8").split("\n") if len(line) > 60
    ]
    lines = [
        "在全市高质量发展大会上的讲话",
        "同志们：",
        "今天召开大会，主要任务是部署工作。下面，我讲十个方面的意见。",
    ]
    for i in range(10):
        lines.append(f"{CN[i]}、第{CN[i]}方面的工作要求")
        for j in range(6):
            lines.append(f"（{CN[j]}）第{CN[j]}项重点任务。{sentences[(i + j) % len(sentences)]}")
            for k in range(5):
                pair = sentences[(i + j + k) % len(sentences)] + sentences[(i + k) % len(sentences)]
                lines.append(f"{k + 1}. 具体措施。{pair}")
    lines.append("同志们，让我们团结一心，真抓实干，奋力开创工作新局面！")
    return "\n".join(lines)


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
