"""Start-up path and `gongwen --selftest`, in real processes."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

PROBE = """
import sys
from desktop.ui.app import _application, create_window
app = _application()
window = create_window(None)
# Built and shown, before the first event is processed: none of the checker, the corpus cleaner or lxml
print("early", sorted(m for m in ("desktop.core.lint.engine", "desktop.core.corpus.cleaning", "lxml") if m in sys.modules))
# nor what the first frame does not show: dialogs, the phrase side, the outline parser, lint's config
LATER = (
    "desktop.ui.dialogs", "desktop.ui.settings_dialog", "desktop.ui.phrases.window_tools",
    "desktop.ui.phrases.completion_popup", "desktop.ui.phrases.palette", "desktop.ui.phrases.corpus_dialogs",
    "desktop.core.outline", "desktop.core.lint.config", "desktop.core.recovery", "desktop.core.files", "sqlite3",
)
print("deferred", sorted(m for m in LATER if m in sys.modules))
app.processEvents()
print("visible", window.isVisible())
print("slow", sorted(m for m in ("jieba", "pypinyin", "docx") if m in sys.modules))
window.close()
"""


def run(args, data_dir, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "GONGWEN_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_window_shows_without_loading_jieba_pypinyin_or_docx(isolated_data_dir):
    result = run(["-c", PROBE], isolated_data_dir)
    assert result.returncode == 0, result.stderr
    assert "visible True" in result.stdout
    assert "slow []" in result.stdout
    assert "early []" in result.stdout
    assert "deferred []" in result.stdout


PAINT_PROBE = """
import sys
from PySide6.QtCore import QEvent, QObject
from desktop.ui.app import _application, create_window
app = _application()
window = create_window(None)
painted = []

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(obj.objectName() or type(obj).__name__)
        return False

watch = Watch()
window.editor.viewport().installEventFilter(watch)
order = []
install = window.install_phrase_tools
def recorded():
    order.append("painted" if painted else "not painted")
    return install()
window.install_phrase_tools = recorded
print("tabs", [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())])
while not order:
    app.processEvents()
app.processEvents()
print("installed", order[0])
print("tabs", [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())])
print("menus", [a.text() for a in window.menuBar().actions()][-2:])
print("current", window.side_tabs.tabText(window.side_tabs.currentIndex()))
window.editor.document().setModified(False)
window.close()
"""


def test_phrase_side_and_checker_start_after_the_first_paint(isolated_data_dir):
    result = run(["-c", PAINT_PROBE], isolated_data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "tabs ['检查']" in lines  # the first frame: the editor, the outline and the checks
    assert "installed painted" in lines
    assert "tabs ['素材', '检查', '范文']" in lines
    assert any(line.startswith("menus [") and line.endswith("'帮助(&H)']") and "语料" in line for line in lines)
    assert "current 检查" in lines


FILE_PROBE = """
import sys
from PySide6.QtCore import QEvent, QObject
from desktop.ui.app import _application, create_window
app = _application()
window = create_window(sys.argv[1])
order = []

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.editor.document().firstBlock().text() == "关于安全生产的讲话":
            if "draft painted" not in order:
                order.append("draft painted")
        return False

watch = Watch()
window.editor.viewport().installEventFilter(watch)
window.checker.started.connect(lambda revision: order.append("check started"))
install = window.install_phrase_tools
def recorded():
    if "phrase side" not in order:
        order.append("phrase side")
    return install()
window.install_phrase_tools = recorded
while "phrase side" not in order:
    app.processEvents()
app.processEvents()
print("order", order)
print("tabs", [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())])
print("shown", window.analysis is not None and window.analysis.revision == window.revision)
window.editor.document().setModified(False)
window.close()
"""


def test_a_draft_named_on_the_command_line_is_painted_then_checked_then_the_phrase_side_built(
    isolated_data_dir, tmp_path
):
    draft = tmp_path / "讲话.txt"
    draft.write_text("关于安全生产的讲话\n同志们：\n一、提高站位\n今天召开会议。XX同志作了发言。\n" * 30, "utf-8")
    result = run(["-c", FILE_PROBE, str(draft)], isolated_data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "order ['draft painted', 'check started', 'phrase side']" in lines, lines
    assert "tabs ['素材', '检查', '范文']" in lines
    assert "shown True" in lines  # the draft's check is on screen when the phrase side is built


def test_after_next_paint_runs_once_and_also_without_a_paint(qtbot):
    from PySide6.QtWidgets import QLabel

    from desktop.ui.after_paint import after_next_paint

    shown, hidden, cancelled = QLabel("已显示"), QLabel("从未显示"), QLabel("已取消")
    for label in (shown, hidden, cancelled):
        qtbot.addWidget(label)
    calls = []
    after_next_paint(shown, lambda: calls.append("shown"), fallback_ms=60_000)
    after_next_paint(hidden, lambda: calls.append("hidden"), fallback_ms=50)
    cancel = after_next_paint(cancelled, lambda: calls.append("cancelled"), fallback_ms=50)
    cancel()
    assert calls == []
    shown.show()
    cancelled.show()
    qtbot.waitUntil(lambda: "shown" in calls)
    qtbot.waitUntil(lambda: "hidden" in calls)  # never painted: the fallback still runs it
    shown.update()
    qtbot.wait(100)
    cancel()  # after it was cancelled and deleted: nothing happens
    assert sorted(calls) == ["hidden", "shown"]


def test_selftest_passes_and_prints_one_line_per_step(isolated_data_dir):
    result = run(["-m", "desktop", "--selftest"], isolated_data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("selftest:")]
    assert [line.split()[1] for line in lines[:6]] == ["window", "bank", "open", "lint", "mining", "export"]
    assert all(" ok " in line for line in lines[:6]) and lines[-1] == "selftest: all steps passed"


def test_selftest_names_the_failing_step(isolated_data_dir, tmp_path):
    empty = tmp_path / "resources"
    empty.mkdir()
    result = run(["-m", "desktop", "--selftest"], isolated_data_dir, GONGWEN_RESOURCES=str(empty))
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if "FAILED" in line]
    assert len(failed) == 1 and failed[0].split()[1] in ("bank", "open")
