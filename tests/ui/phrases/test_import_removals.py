"""The import dialog tells, per imported file, what cleaning removed, and shows the pieces on request."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.phrases.corpus_dialogs import ImportDialog, RemovalsDialog
from tests.ui.phrases.test_corpus_dialogs import fresh, run_import  # noqa: F401 (fixture)

# Three copies from one made-up site: the line 资料分享专区 stands in all three (chrome by evidence); the
# first also carries a breadcrumb, two tags and a preview's truncation notice.
SITE_LINE = "资料分享专区"
A = (
    "首页 > 讲话稿 > 领导讲话\n"
    f"{SITE_LINE}\n"
    "在全市工作会议上的讲话\n"
    "同志们：\n"
    "抓落实要久久为功，一抓到底。<p>要早审批、早落地、早建设。</p>\n"
    "(未完,全文共1971字,当前显示613字)\n"
)
B = f"{SITE_LINE}\n在项目推进会上的讲话\n同志们：\n我们要早审批、早落地、早建设。\n"
C = f"在防汛工作会议上的讲话\n{SITE_LINE}\n同志们：\n防汛工作要攻坚克难、真抓实干。\n"


def test_each_file_shows_what_was_removed_and_the_pieces_on_enter(qtbot, tmp_path, fresh):  # noqa: F811
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C)):
        (corpus / name).write_text(text, encoding="utf-8")
    dialog: ImportDialog = run_import(qtbot, fresh, [corpus])
    table = dialog.cleaned
    assert table.isVisible() and dialog.removals_button.isVisible()
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    # a.txt: breadcrumb 11 + site line 6 + notice 22 characters, three whole lines; <p> and </p> 7 more.
    assert rows == [["a.txt", "3", "46"], ["b.txt", "1", "6"], ["c.txt", "1", "6"]]

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # b.txt
    qtbot.keyClick(table, Qt.Key.Key_Up)  # back to a.txt
    qtbot.keyClick(table, Qt.Key.Key_Return)
    shown = dialog.findChildren(RemovalsDialog)
    assert len(shown) == 1 and shown[0].windowTitle() == "删去的内容：a.txt"
    assert shown[0].text.toPlainText().splitlines() == [
        "第 1 行　网页导航或按钮　整行：首页 > 讲话稿 > 领导讲话",
        "第 2 行　多篇语料共有的网站内容　整行：资料分享专区",
        "第 5 行　网页标记（HTML/CSS）　删去：<p>",
        "第 5 行　网页标记（HTML/CSS）　删去：</p>",
        "第 6 行　截断或付费阅读提示　整行：(未完,全文共1971字,当前显示613字)",
    ]
    shown[0].close()

    qtbot.keyClick(table, Qt.Key.Key_Down)  # c.txt, through the button this time
    dialog.removals_button.click()
    last = dialog.findChildren(RemovalsDialog)[-1]
    assert last.text.toPlainText() == "第 1 行　多篇语料共有的网站内容　整行：资料分享专区"
    assert "第 2 行" not in last.text.toPlainText() and dialog.report.count("added") == 3
