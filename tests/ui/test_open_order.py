"""Opening a draft: its text is painted before the check starts (a check running beside the first
paint holds the interpreter lock the paint needs), and the check still follows, once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from desktop.ui import main_window
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.ui.conftest import close_quietly, wait_analysis

FIRST = "关于安全生产的讲话\n同志们：\n一、提高站位\n今天召开会议,主要任务是部署工作。XX同志作了发言。\n"
SECOND = "在年度工作会议上的讲话\n同志们：\n一、总结成绩\n二、部署任务\n三、压实责任\n"


class PaintLog(QObject):
    """Appends ("paint", revision, first line) for every paint of the editor's viewport."""

    def __init__(self, window: MainWindow, events: list):
        super().__init__(window)
        self.window, self.events = window, events
        window.editor.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            first = self.window.editor.document().firstBlock().text()
            self.events.append(("paint", self.window.revision, first))
        return False


def watch(window: MainWindow) -> list:
    events: list = []
    PaintLog(window, events)
    window.checker.started.connect(lambda revision: events.append(("check", revision)))
    return events


def draft(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_opened_draft_is_painted_before_its_check_starts(qtbot, window, tmp_path):
    path = draft(tmp_path, "讲话.txt", FIRST * 40)
    qtbot.waitExposed(window)
    wait_analysis(qtbot, window)  # the empty draft's check is over: the checker is idle
    events = watch(window)

    assert window.open_path(path)
    opened = window.revision
    assert ("check", opened) not in events  # not started inside open_path
    assert wait_analysis(qtbot, window).revision == opened

    assert window.analysis.text == FIRST * 40
    assert any(f.code == "GW301" for f in window.analysis.findings)  # live results, as before
    check = events.index(("check", opened))
    painted = [i for i, e in enumerate(events) if e == ("paint", opened, "关于安全生产的讲话")]
    assert painted and painted[0] < check, events
    assert [e for e in events if e[0] == "check"] == [("check", opened)]  # one check of the draft


def test_two_drafts_opened_before_a_paint_start_one_check_of_the_second(qtbot, window, tmp_path):
    first, second = draft(tmp_path, "一.txt", FIRST), draft(tmp_path, "二.txt", SECOND)
    qtbot.waitExposed(window)
    wait_analysis(qtbot, window)
    events = watch(window)

    assert window.open_path(first) and window.open_path(second)  # no event processed in between
    opened = window.revision
    assert wait_analysis(qtbot, window).revision == opened

    assert window.analysis.text == SECOND
    assert [e for e in events if e[0] == "check"] == [("check", opened)]  # none of the first draft
    assert window.outline_panel.tree.topLevelItemCount() > 0  # the outline follows the check, as before


def test_a_window_that_is_not_shown_checks_an_opened_draft_at_once(qtbot, tmp_path):
    window = MainWindow(Settings(lint_delay_ms=50))
    try:
        events = watch(window)
        assert window.open_path(draft(tmp_path, "讲话.txt", FIRST))
        assert events == [("check", window.revision)]  # no frame will come to wait for
        assert wait_analysis(qtbot, window).text == FIRST
    finally:
        close_quietly(window)


def test_closing_before_the_paint_starts_no_check(qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "CHECK_PAINT_FALLBACK_MS", 20)
    window = make_window()
    qtbot.waitExposed(window)
    wait_analysis(qtbot, window)
    events = watch(window)
    assert window.open_path(draft(tmp_path, "讲话.txt", FIRST))
    close_quietly(window)  # no event processed between the open and the close
    qtbot.wait(200)  # well past the fallback, which would have started the check
    assert [e for e in events if e[0] == "check"] == []
