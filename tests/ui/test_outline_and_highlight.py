"""Outline navigator (sections with 字数, jump, follow the cursor) and semantic highlighting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from desktop.core.textstats import count_zi
from desktop.ui.highlighter import formats
from desktop.ui.main_window import sample_draft_path
from tests.ui.conftest import ime_commit, wait_analysis


def open_sample(qtbot, window):
    assert window.open_path(sample_draft_path())
    return wait_analysis(qtbot, window)


def tree_items(tree):
    items = []

    def walk(item, depth):
        items.append((depth, item))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i), 0)
    return items


def test_outline_shows_headings_as_a_tree_with_section_counts(qtbot, window):
    analysis = open_sample(qtbot, window)
    text = analysis.text
    items = tree_items(window.outline_panel.tree)
    labels = [(depth, item.text(0)) for depth, item in items]
    assert labels[0] == (0, "在全市安全生产工作会议上的讲话")
    assert (1, "一、提高政治站位，切实增强做好安全生产工作的责任感") in labels
    assert (2, "（一）充分认识安全生产的重要意义。") in labels  # a run-in heading shows its heading part
    level_one = [item for depth, item in items if depth == 1]
    assert [i.text(0)[:2] for i in level_one] == ["一、", "二、", "三、"]
    # 字数 of section 二 runs from its heading to the start of 三
    start, end = text.index("二、聚焦重点领域"), text.index("三、压实各方责任")
    assert level_one[1].text(1) == str(count_zi(text[start:end]))
    assert items[0][1].text(1) == str(count_zi(text))


def test_click_and_enter_jump_to_the_heading(qtbot, window):
    analysis = open_sample(qtbot, window)
    tree = window.outline_panel.tree
    items = [item for depth, item in tree_items(tree) if depth == 1]
    rect = tree.visualItemRect(items[2])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    block = window.editor.textCursor().block()
    assert block.text().startswith("三、压实各方责任")

    tree.setCurrentItem(items[1])
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.editor.textCursor().block().text().startswith("二、聚焦重点领域")
    assert analysis.text  # the analysis the tree came from


def test_outline_follows_the_cursor(qtbot, window):
    analysis = open_sample(qtbot, window)
    window.editor.go_to(analysis.text.index("建筑施工领域"))
    current = window.outline_panel.tree.currentItem()
    assert current.text(0).startswith("2、建筑施工领域")
    assert current.parent().text(0).startswith("（一）抓好重点行业领域整治")
    window.editor.go_to(analysis.text.index("企业法定代表人"))
    assert window.outline_panel.tree.currentItem().text(0).startswith("（三）压实企业主体责任")


def test_outline_updates_as_headings_are_typed(qtbot, window):
    ime_commit(window.editor, "关于某事的讲话\n同志们：\n")
    wait_analysis(qtbot, window)
    assert [item.text(0) for _, item in tree_items(window.outline_panel.tree)] == ["关于某事的讲话"]
    ime_commit(window.editor, "一、第一件事\n内容。\n二、第二件事\n")
    wait_analysis(qtbot, window)
    labels = [item.text(0) for _, item in tree_items(window.outline_panel.tree)]
    assert "一、第一件事" in labels and "二、第二件事" in labels


def formats_of(window, line_no):
    block = window.editor.document().findBlockByNumber(line_no)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def test_title_headings_runs_and_placeholders_stand_out(qtbot, window):
    analysis = open_sample(qtbot, window)
    lines = analysis.text.split("\n")

    title = formats_of(window, 0)
    assert title and title[0][2].fontWeight() == QFont.Weight.Bold
    assert title[0][2].foreground().color() == formats()["title"].foreground().color()

    h1 = lines.index(next(line for line in lines if line.startswith("一、")))
    fmt = formats_of(window, h1)
    assert fmt[0][0] == 0 and fmt[0][1] == len(lines[h1])
    assert fmt[0][2].foreground().color() == formats()["heading1"].foreground().color()

    run_in = lines.index(next(line for line in lines if line.startswith("（一）充分认识")))
    heading_part = len("（一）充分认识安全生产的重要意义。")
    spans = formats_of(window, run_in)
    assert (0, heading_part) == spans[0][:2]  # only the heading part of a run-in heading
    assert spans[0][2].foreground().color() == formats()["heading2"].foreground().color()
    marker = lines[run_in].index("一是")
    assert any(
        s == marker and n == 2 and f.foreground().color() == formats()["run_marker"].foreground().color()
        for s, n, f in spans
    )

    speech = lines.index(next(line for line in lines if "XX同志" in line))
    xx = lines[speech].index("XX")
    assert any(
        s == xx and n == 2 and f.background().color() == formats()["placeholder"].background().color()
        for s, n, f in formats_of(window, speech)
    )


def test_a_heading_typed_away_loses_its_colour_at_once(qtbot, window):
    analysis = open_sample(qtbot, window)
    line = analysis.text.split("\n").index(next(x for x in analysis.text.split("\n") if x.startswith("二、")))
    block = window.editor.document().findBlockByNumber(line)
    window.editor.replace_range(block.position(), 2, "")  # delete the marker "二、"
    colours = [f.foreground().color() for _, _, f in formats_of(window, line)]
    assert formats()["heading1"].foreground().color() not in colours


def test_web_copy_junk_is_greyed(qtbot, window, seed_paths):
    window.open_path(seed_paths[0])
    analysis = wait_analysis(qtbot, window)
    junk = [b for b in analysis.outline.blocks if b.boilerplate]
    assert junk
    spans = formats_of(window, junk[0].line)
    assert spans and spans[0][2].foreground().color() == formats()["boilerplate"].foreground().color()


def test_heading_colours_from_a_check_are_not_an_edit(qtbot, window):
    """Colouring the headings a check found changes no text: no new revision, no second check, no
    textChanged for the 素材 list; the coloured lines are still repainted."""
    from PySide6.QtCore import QEvent, QObject

    class PaintRects(QObject):
        def __init__(self):
            super().__init__(window)
            self.rects = []
            window.editor.viewport().installEventFilter(self)

        def eventFilter(self, obj, event):
            shown = window.analysis
            if event.type() == QEvent.Type.Paint and shown is not None and shown.revision == typed:
                self.rects.append(event.region().boundingRect())
            return False

    qtbot.waitExposed(window)
    window.editor.setFocus()
    ime_commit(window.editor, "关于安全生产的讲话\n同志们：\n一、提高站位\n二、压实责任\n")
    typed = window.revision
    edits = []
    window.editor.textChanged.connect(lambda: edits.append(window.revision))
    paints = PaintRects()

    analysis = wait_analysis(qtbot, window)
    assert analysis.revision == typed == window.revision
    assert edits == [] and not window.checker.timer.isActive()  # no check of the same text again
    heading = window.editor.document().findBlockByNumber(2)
    colours = [f.foreground().color() for _, _, f in formats_of(window, 2)]
    assert formats()["heading1"].foreground().color() in colours
    rect = window.editor.blockBoundingGeometry(heading).translated(window.editor.contentOffset()).toRect()
    qtbot.waitUntil(lambda: any(r.intersects(rect) for r in paints.rects))
