"""The writing window: editor in the centre, outline on the left, 素材/检查/范文 on the right."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desktop import APP_TITLE
from desktop.core import paths
from desktop.core.errors import GongwenError
from desktop.core.textstats import format_duration, speaking_seconds
from desktop.ui import export_adapter, lint_adapter, messages
from desktop.ui.after_paint import after_next_paint
from desktop.ui.draft_count import DraftCount
from desktop.ui.editor import DraftEditor
from desktop.ui.highlighter import OutlineHighlighter
from desktop.ui.lint_adapter import LEVEL_NAMES, Analysis, Finding
from desktop.ui.lint_panel import LintPanel
from desktop.ui.outline_panel import OutlinePanel
from desktop.ui.recovery import DISCARD, RESTORE, ask_restore
from desktop.ui.settings import Settings, load_settings, save_settings
from desktop.ui.workers import LIVE_CHECK_LIMIT, LiveChecker, Task

if TYPE_CHECKING:  # the phrase side is imported when it is installed, lint's config after the first paint
    from desktop.core.files import FileStamp
    from desktop.core.lint.config import Suppression
    from desktop.core.recovery import RecoveryStore
    from desktop.ui.phrases.window_tools import PhraseTools

log = logging.getLogger(__name__)

PREFERRED_FONTS = (
    "仿宋",
    "FangSong",
    "仿宋_GB2312",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "宋体",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
)
_KEYBOARD_KEY = r"^((Ctrl|Shift|Alt|Meta)\+)*(.|F([1-9]|1[0-2])|Return|Enter|Del|Ins|Backspace|Esc)$"
OPEN_FILTER = "文稿 (*.txt *.docx);;文本文件 (*.txt);;Word 文档 (*.docx);;所有文件 (*)"
CHECK_PAINT_FALLBACK_MS = 1000  # a shown editor that is somehow not repainted is checked anyway
OUTLINE_PAUSE_MS = 2000  # a draft checked on F7 only has its outline parsed after this pause in typing


class MainWindow(QMainWindow):
    analysis_applied = Signal(object)  # Analysis shown in the window
    exported = Signal(str)  # path of a finished export
    export_failed = Signal(str)
    autosaved = Signal(str)  # path of the recovery file
    bank_ready = Signal(str)  # the 素材 tab's status line once the banks are open

    def __init__(
        self, settings: Settings | None = None, phrases_after_paint: bool = False, bank: Path | None = None
    ):
        """phrases_after_paint: leave the phrase side (素材/范文 tabs, 语料 menu, popup) to a call of
        install_phrase_tools once the window is painted; it is the slowest part to import and build.
        bank: one bank file to read and write instead of the user's bank with the default bank."""
        super().__init__()
        self.bank_path = bank
        self.settings = settings or load_settings()
        self.path: Path | None = None
        self.encoding, self.newline, self.bom = "utf-8", "\n", False
        self.stamp: FileStamp | None = None
        self.imported_from: Path | None = None  # a .docx opened through import: saving asks for a .txt
        self.revision = 0
        self.autosaved_revision = 0
        self._settings_unsaved = False  # saving the settings failed once already (a read-only folder)
        self.ignores: set[Suppression] = set()
        self.properties = None  # DraftProperties the writer set in 文稿属性, kept beside the draft
        self.analysis: Analysis | None = None
        self._jump_after_check = False
        self.checking_on_f7_only = False  # a draft beyond LIVE_CHECK_LIMIT
        # The paragraph the writer is writing (the last edit's). Findings that may only mean the draft
        # is unfinished wait while it is at or after them; moving elsewhere or F7 shows them.
        self._writing_block: int | None = None
        self._held = 0  # findings of the analysis shown that wait so
        self._findings_from: Analysis | None = None  # the analysis whose findings the editor has
        self._status_finding: Finding | None = None  # the finding the status bar names
        self._cancel_check_after_paint: Callable[[], None] | None = None
        self._tasks: set[Task] = set()

        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.editor = DraftEditor()
        self.editor.setPlaceholderText("在此输入或粘贴文稿。第一行为标题；“一、”“（一）”“1.”起行为各级标题。")
        self.setCentralWidget(self.editor)
        self.highlighter = OutlineHighlighter(self.editor.document())

        self.outline_panel = OutlinePanel()
        self.outline_dock = self._dock(
            "大纲", "outline", self.outline_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.lint_panel = LintPanel()
        self.phrase_tools: PhraseTools | None = None
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.lint_panel, "检查")
        self.side_dock = self._dock(
            "素材与检查", "side", self.side_tabs, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.resizeDocks([self.outline_dock, self.side_dock], [260, 380], Qt.Orientation.Horizontal)

        self._build_status_bar()
        self._build_find_bar()
        self._build_actions()

        self.checker = LiveChecker(self.settings.lint_delay_ms, self)
        self.checker.set_source(lambda: (self.revision, self.editor.toPlainText()), lambda: self.revision)
        self.checker.analysed.connect(self.apply_analysis)
        self.checker.outlined.connect(self.apply_outline)
        self.checker.failed.connect(self._check_failed)
        self.background_pool = QThreadPool(self)  # slow loads that must not hold up the checker
        self.background_pool.setMaxThreadCount(1)
        self.autosave_pool = QThreadPool(self)  # recovery copies, one at a time
        self.autosave_pool.setMaxThreadCount(1)
        self._apply_rule_switches()

        self.stats_timer = QTimer(self)
        self.stats_timer.setSingleShot(True)
        self.stats_timer.setInterval(150)
        self.stats_timer.timeout.connect(self._update_stats)
        # A cursor move is read once the event that made it is over: typing moves the cursor before
        # the text changes, and only a move without an edit leaves the paragraph being written.
        self.left_paragraph_timer = QTimer(self)
        self.left_paragraph_timer.setSingleShot(True)
        self.left_paragraph_timer.setInterval(0)
        self.left_paragraph_timer.timeout.connect(self._check_left_paragraph)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)

        doc = self.editor.document()
        self.draft_count = DraftCount(doc)
        doc.contentsChanged.connect(self._text_changed)
        doc.modificationChanged.connect(self.setWindowModified)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.editor.files_dropped.connect(lambda files: self.open_path(Path(files[0])))
        self.outline_panel.jump_requested.connect(self.editor.go_to_line)
        self.lint_panel.jump_requested.connect(self.jump_to_finding)
        self.lint_panel.fix_requested.connect(self.apply_fix)
        self.lint_panel.ignore_requested.connect(self.ignore_finding)
        self.lint_panel.check_requested.connect(self.full_check)
        self.lint_panel.entered.connect(self.release_held_findings)

        self.apply_settings(self.settings)
        self._update_title()
        self._update_stats()
        self._cursor_moved()
        self.resize(1280, 820)
        if not phrases_after_paint:
            self.install_phrase_tools()

    # ---------------------------------------------------------------- building
    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.zi_label = QLabel()
        self.time_label = QLabel()
        self.position_label = QLabel()
        self.findings_label = QLabel("检查：—")
        self.autosave_label = QLabel("自动保存：尚无改动")
        for label in (
            self.position_label,
            self.zi_label,
            self.time_label,
            self.findings_label,
            self.autosave_label,
        ):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def _build_find_bar(self) -> None:
        from desktop.ui.find_bar import FindReplaceBar

        self.find_bar = QToolBar("查找与替换", self)
        self.find_bar.setObjectName("find")
        self.find_bar.setMovable(False)
        self.find_panel = FindReplaceBar(self.editor)
        self.find_edit, self.find_status = self.find_panel.find_edit, self.find_panel.status
        self.find_panel.closed.connect(self.find_bar.hide)
        self.find_panel.replaced.connect(
            lambda n: self.statusBar().showMessage(f"已替换 {n} 处（Ctrl+Z 撤销）", 5000) if n else None
        )
        self.find_bar.addWidget(self.find_panel)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_bar)
        self.find_bar.hide()

    def _action(self, menu, text: str, slot, keys=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)
        elif keys:
            action.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        bar = self.menuBar()
        m = bar.addMenu("文件(&F)")
        self.act_new = self._action(m, "新建", self.new_document, sk.New)
        self.act_new_speech = self._action(
            m, "新建讲话稿…", self.new_speech_dialog, "Ctrl+Shift+N",
            "按会议种类写好标题、称呼、开头、各部分与结尾的骨架",
        )
        self.act_open = self._action(m, "打开…", self.open_dialog, sk.Open)
        self.recent_menu = m.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addSeparator()
        self.act_save = self._action(m, "保存", self.save, sk.Save)
        self.act_save_as = self._action(
            m, "另存为…", self.save_as, sk.SaveAs if QKeySequence.keyBindings(sk.SaveAs) else "Ctrl+Alt+S"
        )
        self.act_export = self._action(
            m, "导出 Word…", self.export_dialog, "Ctrl+E", "按公文格式或讲话稿版式导出 .docx"
        )
        self.act_properties = self._action(
            m, "文稿属性…", self.properties_dialog, tip="指定文稿的层级和地名，供层级口吻和地名检查使用"
        )
        m.addSeparator()
        self.act_settings = self._action(
            m,
            "设置…",
            self.settings_dialog,
            sk.Preferences if QKeySequence.keyBindings(sk.Preferences) else None,
        )
        m.addSeparator()
        self.act_quit = self._action(
            m, "退出", self.close, sk.Quit if QKeySequence.keyBindings(sk.Quit) else "Ctrl+Q"
        )

        m = bar.addMenu("编辑(&E)")
        e = self.editor
        self.act_undo = self._action(m, "撤销", e.undo, sk.Undo)
        self.act_redo = self._action(m, "重做", e.redo, sk.Redo)
        m.addSeparator()
        self.act_cut = self._action(m, "剪切", e.cut, sk.Cut)
        self.act_copy = self._action(m, "复制", e.copy, sk.Copy)
        self.act_paste = self._action(m, "粘贴", e.paste, sk.Paste)
        self.act_select_all = self._action(m, "全选", e.selectAll, sk.SelectAll)
        m.addSeparator()
        self.act_find = self._action(m, "查找…", self.show_find, sk.Find)
        self.act_replace = self._action(
            m, "替换…", self.show_replace, sk.Replace if QKeySequence.keyBindings(sk.Replace) else "Ctrl+H",
            "查找并替换，可全部替换或只在选区内替换",
        )
        self.act_find_next = self._action(m, "查找下一处", lambda: self.find_text(False), sk.FindNext)
        self.act_find_prev = self._action(m, "查找上一处", lambda: self.find_text(True), sk.FindPrevious)
        m.addSeparator()
        self.act_renumber = self._action(
            m, "重新编号", self.renumber, "Ctrl+Shift+R",
            "标题序号、一是/二是、第一/第二按顺序重排，预告的条数随之改正",
        )
        for action in (
            self.act_undo,
            self.act_redo,
            self.act_cut,
            self.act_copy,
            self.act_paste,
            self.act_select_all,
        ):
            # the editor handles these keys itself; the menu entries stay for the mouse
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        m = bar.addMenu("检查(&C)")
        self.act_check = self._action(m, "全部检查", self.full_check, "F7", "检查全文并跳到第一处问题")
        self.act_next = self._action(m, "下一处问题", lambda: self.step_finding(False), "F8")
        self.act_prev = self._action(m, "上一处问题", lambda: self.step_finding(True), "Shift+F8")
        self.act_fix = self._action(
            m, "修正光标处问题", self.fix_at_cursor, "Alt+Return", "应用光标处这一条的修正（可撤销）"
        )
        self.act_ignore = self._action(m, "忽略光标处问题", self.ignore_at_cursor)

        m = bar.addMenu("视图(&V)")
        self.act_focus_editor = self._action(m, "转到编辑区", lambda: self.editor.setFocus(), "Alt+0")
        self.act_focus_outline = self._action(m, "转到大纲", self.focus_outline, "Alt+1")
        self.act_focus_lint = self._action(m, "转到检查", lambda: self.focus_tab(self.lint_panel), "Alt+2")
        self.act_focus_material = self._action(
            m, "转到素材", lambda: self.focus_tab(self.install_phrase_tools().panel), "Alt+3"
        )
        self.act_focus_examples = self._action(
            m, "转到范文", lambda: self.focus_tab(self.install_phrase_tools().examples), "Alt+4"
        )
        m.addSeparator()
        m.addAction(self.outline_dock.toggleViewAction())
        m.addAction(self.side_dock.toggleViewAction())

        m = self.help_menu = bar.addMenu("帮助(&H)")
        self.act_help = self._action(m, "帮助", self.show_help, sk.HelpContents)
        self.act_sample = self._action(m, "打开示例文稿", self.open_sample)
        self.act_about = self._action(m, "关于公文写作助手", self.show_about)

    def install_phrase_tools(self) -> PhraseTools:
        """The phrase side: 素材 and 范文 tabs around 检查, the 语料 menu before 帮助, popup and palette."""
        if self.phrase_tools is not None:
            return self.phrase_tools
        from desktop.ui.phrases.bank_provider import BankProvider
        from desktop.ui.phrases.window_tools import PhraseTools

        provider = None
        if self.bank_path is not None:
            provider = BankProvider(query_bank=self.bank_path, write_bank=self.bank_path, parent=self)
        tools = self.phrase_tools = PhraseTools(
            self, self.editor, provider, completion_chord=self.settings.completion_chord,
            palette_chord=self.settings.palette_chord,
        )
        self.material_tab = tools.panel
        self.bank_label = tools.panel.bank_status  # warm_up_bank reports the banks' state here
        self.examples_tab = tools.examples
        tools.provider.changed.connect(self.warm_up_bank)  # recount after imports and edits
        # GW306 (照搬范文) looks sentences up in the same banks, from the checker's worker thread.
        provider = tools.provider
        self.checker.corpus_source = lambda: lint_adapter.CorpusSource(provider.generation, provider.group)
        provider.changed.connect(self._schedule_check)
        self._schedule_check()  # what was checked before the banks were there is checked with them
        current = self.side_tabs.currentWidget()
        self.side_tabs.insertTab(0, self.material_tab, "素材")
        self.side_tabs.addTab(self.examples_tab, "范文")
        self.side_tabs.setCurrentWidget(current)
        self.menuBar().insertMenu(self.help_menu.menuAction(), tools.menu)
        return tools

    def shortcut_table(self) -> list[tuple[str, str]]:
        """Every action that has a shortcut, as (name, keys) — the help lists exactly this."""
        rows = []
        for action in self.actions():
            # Told apart by their English names (NativeText is translated: Alt+回车), shown natively;
            # media keys such as "Open" and F14 are skipped.
            keys = [
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if re.match(_KEYBOARD_KEY, k.toString(QKeySequence.SequenceFormat.PortableText))
            ][:2]
            if keys:
                rows.append((action.text().rstrip("…"), " / ".join(keys)))
        return rows

    # ---------------------------------------------------------------- settings
    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        family = settings.font_family
        if not family:
            installed = set(QFontDatabase.families())
            family = next((f for f in PREFERRED_FONTS if f in installed), self.editor.font().family())
        font = QFont(family, settings.font_size)
        self.editor.setFont(font)
        self.editor.setTabStopDistance(self.editor.fontMetrics().horizontalAdvance("字") * 2)
        self.autosave_timer.start(max(1, settings.autosave_seconds) * 1000)
        self.checker.set_delay(settings.lint_delay_ms)
        if self.phrase_tools is not None:
            self.phrase_tools.set_chords(settings.completion_chord, settings.palette_chord)
        self._apply_rule_switches()
        self._schedule_check()
        self._update_stats()

    def _apply_rule_switches(self) -> None:
        # Different inputs make earlier results stale, as an edit does.
        self.revision += 1
        self.checker.disabled = frozenset(self.settings.disabled_rules)
        self.checker.ignores = frozenset(self.ignores)
        self.checker.properties = self.properties

    def settings_dialog(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.settings, export_adapter.profiles(), lint_adapter.rule_catalogue(), self.editor.font(), self,
            lint_adapter.load_leaders(),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog.result_settings())
        self._save_settings()
        if dialog.leaders_changed():
            try:
                lint_adapter.save_leaders(dialog.result_leaders())
            except GongwenError as exc:
                messages.warning(self, "领导名单", f"领导名单未能保存：{exc}")
        if not self.checking_on_f7_only:
            self.checker.check_now()

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except GongwenError as exc:
            # Said once in a box; after that (each file opened saves the recent list) in the status bar.
            if self._settings_unsaved:
                self.statusBar().showMessage(f"设置未能保存：{exc}", 8000)
            else:
                self._settings_unsaved = True
                messages.warning(self, "设置", f"设置未能保存：{exc}")

    # ---------------------------------------------------------------- text and analysis
    def _text_changed(self) -> None:
        self.revision += 1
        self._writing_block = self.editor.textCursor().blockNumber()
        self._schedule_check()
        self.stats_timer.start()

    def _schedule_check(self) -> None:
        """After a pause in typing: the check, or beyond LIVE_CHECK_LIMIT the outline alone."""
        big = self.editor.document().characterCount() > LIVE_CHECK_LIMIT
        if big != self.checking_on_f7_only:
            self.checking_on_f7_only = big
            self._say_check_mode()
        if big:
            self.checker.schedule_outline(OUTLINE_PAUSE_MS)
        else:
            self.checker.schedule()

    def _say_check_mode(self, before: str = "") -> None:
        if self.checking_on_f7_only:
            limit = f"{LIVE_CHECK_LIMIT // 10_000} 万"
            self.findings_label.setText("检查：按 F7")
            self.findings_label.setToolTip(f"文稿超过 {limit}字符，只在按 F7 时检查全文；大纲在停顿后更新。")
            self.statusBar().showMessage(
                f"{before}文稿超过 {limit}字符：自动检查已改为按 F7 时检查全文（打字不受影响），大纲在停顿后更新。",
                15000,
            )
        else:
            self.findings_label.setToolTip("")
            if self.editor.document().isUndoAvailable():  # cut down by the writer, not another draft opened
                self.statusBar().showMessage("文稿已不足上限，恢复边写边检查。", 5000)

    def _update_stats(self) -> None:
        zi = self.draft_count.total
        seconds = speaking_seconds(zi, self.settings.speaking_rate)
        self.zi_label.setText(f"字数 {zi}")
        self.time_label.setText(f"讲话约 {format_duration(seconds)}（{self.settings.speaking_rate} 字/分钟）")

    def _cursor_moved(self) -> None:
        cursor = self.editor.textCursor()
        line = cursor.blockNumber()
        self.position_label.setText(f"第 {line + 1} 行")
        self.outline_panel.follow_line(line)
        if self._writing_block is not None and line != self._writing_block:
            self.left_paragraph_timer.start()

    def _check_left_paragraph(self) -> None:
        if self._writing_block is not None and self.editor.textCursor().blockNumber() != self._writing_block:
            self.release_held_findings()

    def release_held_findings(self) -> None:
        """The writer has moved on (or pressed F7): findings held back while writing are shown."""
        self._writing_block = None
        if self.analysis is not None and self._held:
            self._show_findings(self.analysis)

    def apply_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        if self._jump_after_check:
            self._writing_block = None  # F7 asks for everything
        self._show_findings(analysis)
        self.apply_outline(analysis)
        if analysis.problems:
            self.statusBar().showMessage("；".join(analysis.problems), 10000)
        if self._jump_after_check:
            self._jump_after_check = False
            if analysis.findings:
                self.jump_to_finding(analysis.findings[0])
            else:
                self.statusBar().showMessage("全部检查完毕，未发现问题。", 5000)
        self.analysis_applied.emit(analysis)

    def apply_outline(self, analysis: Analysis) -> None:
        """A snapshot's outline (a check's, or past LIVE_CHECK_LIMIT a parse alone): navigator, colours."""
        if analysis.sections is None:
            self.outline_panel.set_outline(analysis.outline)
        else:
            self.outline_panel.set_sections(analysis.sections)
        self.outline_panel.follow_line(self.editor.textCursor().blockNumber())
        self.highlighter.set_outline(analysis.outline, analysis.styles)

    def held_back(self, finding: Finding) -> bool:
        """An unfinished-draft finding at or before the paragraph being written waits."""
        return finding.unfinished and self._writing_block is not None and finding.line <= self._writing_block

    def _show_findings(self, analysis: Analysis) -> None:
        shown = [f for f in analysis.findings if not self.held_back(f)]
        held = self._held = len(analysis.findings) - len(shown)
        if analysis is self._findings_from:  # held ones released: the underlines keep the edits made since
            self.editor.show_only(shown)
        else:
            self.editor.set_findings(analysis.findings, analysis.text, analysis.spans, shown)
            self._findings_from = analysis
        self.lint_panel.set_findings(shown, analysis.ignored, held)
        counts = [
            f"{LEVEL_NAMES[level]} {n}"
            for level in ("error", "warning", "info")
            if (n := sum(1 for f in shown if f.level == level))
        ]
        self.findings_label.setText("检查：" + (" · ".join(counts) if counts else "无问题"))
        if held:
            self.findings_label.setToolTip(f"写作中暂缓提示 {held} 处：离开此段或按 F7 显示")
        else:
            self.findings_label.setToolTip("按 F7 再次检查全文" if self.checking_on_f7_only else "")
        named = self._status_finding
        if named is not None and not any(_same_spot(named, f) for f in shown):
            self._status_finding = None
            if self.statusBar().currentMessage() == _finding_message(named):
                self.statusBar().clearMessage()  # it named a finding that is fixed (or gone) now

    def _check_failed(self, message: str) -> None:
        self._jump_after_check = False
        self.findings_label.setText("检查：出错")
        self.findings_label.setToolTip(message)
        self.statusBar().showMessage(f"检查时出错，结果可能不全（{message}）。文稿未受影响。", 10000)

    def full_check(self) -> None:
        self._jump_after_check = True
        self.side_dock.show()
        self.side_tabs.setCurrentWidget(self.lint_panel)
        self.checker.check_now()

    def jump_to_finding(self, finding: Finding) -> None:
        self.editor.go_to_finding(finding)
        self.lint_panel.select(finding)
        self.statusBar().showMessage(_finding_message(finding), 8000)
        self._status_finding = finding

    def step_finding(self, backwards: bool) -> None:
        finding = self.editor.next_finding(backwards)
        if finding is None:
            self.statusBar().showMessage("没有待处理的问题。按 F7 全部检查。", 4000)
            return
        self.jump_to_finding(finding)

    def _finding_at_cursor(self, need_fix: bool) -> Finding | None:
        cursor = self.editor.textCursor()
        for position in (cursor.selectionStart(), cursor.position()):
            for f in self.editor.findings_at(position):
                if not need_fix or f.fix is not None:
                    return f
        return None

    def fix_at_cursor(self) -> None:
        finding = self._finding_at_cursor(need_fix=True) or self.lint_panel.selected()
        if finding is None or finding.fix is None:
            self.statusBar().showMessage("光标处没有可自动修正的问题。", 4000)
            return
        self.apply_fix(finding)

    def ignore_at_cursor(self) -> None:
        finding = self._finding_at_cursor(need_fix=False) or self.lint_panel.selected()
        if finding is not None:
            self.ignore_finding(finding)

    def apply_fix(self, finding: Finding) -> None:
        """The writer asked for this finding's fix (修正, Alt+Enter): safe or not, it is theirs to apply."""
        fix = finding.fix
        if fix is None or self.analysis is None:
            return
        current = self.editor.toPlainText()
        expected = self.analysis.text[fix.offset : fix.offset + fix.length]
        if current[fix.offset : fix.offset + fix.length] != expected:
            self.statusBar().showMessage("文稿已改动，已重新检查，请再试一次。", 5000)
            self.checker.check_now()
            return
        from desktop.ui.text_edits import apply_edits

        apply_edits(self.editor, fix.edits or (fix,), current)
        done = f"已{fix.label}" if fix.label else f"已修正：{finding.name}"
        self.statusBar().showMessage(done + ("" if fix.safe else "，请核对") + "（Ctrl+Z 撤销）。", 8000)
        if self.checking_on_f7_only:  # a check of the whole draft is the writer's to ask for
            self.statusBar().showMessage(f"{done}。按 F7 重新检查全文。", 8000)
        else:
            self.checker.check_now()

    def renumber(self) -> None:
        """编辑 → 重新编号: headings, inline runs and announced counts in order, as one undo step."""
        from desktop.core.outline import parse_outline
        from desktop.core.renumber import plan_renumbering
        from desktop.ui.text_edits import apply_edits

        text = self.editor.toPlainText()
        plan = plan_renumbering(parse_outline(text))
        apply_edits(self.editor, plan.changes, text)
        undo = "（Ctrl+Z 撤销）" if plan.changes else ""
        self.statusBar().showMessage(plan.summary() + undo, 10000)
        if plan.changes:
            self.checker.check_now()

    def ignore_finding(self, finding: Finding) -> None:
        if self.analysis is None:
            return
        self.ignores.add(finding.suppression(self.analysis.text))
        self._apply_rule_switches()
        self._store_ignores()
        self.checker.check_now()

    def _store_ignores(self) -> None:
        if self.path is not None:
            try:
                lint_adapter.save_ignores(self.path, self.ignores)
            except (
                GongwenError
            ) as exc:  # a read-only folder: the list stays in memory and in the recovery copy
                self.statusBar().showMessage(str(exc), 8000)

    def properties_dialog(self) -> None:
        """The draft's level and place (文稿属性), kept beside the draft; empty fields mean "infer"."""
        from desktop.ui.dialogs import DraftPropertiesDialog

        dialog = DraftPropertiesDialog(self.properties, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.properties = dialog.result_properties()
        self._store_properties()
        self._apply_rule_switches()
        self.checker.check_now()

    def _store_properties(self) -> None:
        if self.path is not None and self.properties is not None:
            try:
                lint_adapter.save_properties(self.path, self.properties)
            except GongwenError as exc:  # a read-only folder: the properties stay in memory
                self.statusBar().showMessage(str(exc), 8000)

    # ---------------------------------------------------------------- files
    def _update_title(self) -> None:
        name = self.path.name if self.path else (self.imported_from.name if self.imported_from else "未命名")
        self.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(self.editor.document().isModified())

    def _set_text(self, text: str) -> None:
        self.editor.setPlainText(text)  # also clears undo history: a new document
        self._writing_block = None  # opened, not being written
        self.editor.document().setModified(False)
        self.editor.go_to(0)
        self.autosaved_revision = self.revision
        self._check_after_paint()

    def _check_after_paint(self) -> None:
        """Check a newly set text once the editor has painted it.

        Started at once, the check's worker thread would hold the interpreter lock the first frame's
        highlighter and event calls wait for (a 54,792-character draft: often ~200 ms to the first
        frame instead of ~20 ms, see docs/PERFORMANCE.md)."""
        self.checker.timer.stop()  # the debounced check scheduled by the new text is this one
        if self.checking_on_f7_only:  # no findings until F7; the outline after the first paint
            self.analysis, self._findings_from, self._held = None, None, 0
            self.editor.set_findings([], "")
            self.outline_panel.set_waiting()
            self.lint_panel.set_unchecked(f"尚未检查：文稿超过 {LIVE_CHECK_LIMIT // 10_000} 万字符，按 F7（或“全部检查”）检查全文。")
            self._say_check_mode()
        viewport = self.editor.viewport()
        handle = self.windowHandle()
        if not viewport.isVisible() or handle is None or not handle.isExposed():
            self._check_or_outline_now()  # no frame is coming: nothing to wait for
            return
        if self._cancel_check_after_paint is not None:
            return  # already waiting: that check takes the newest text

        def start() -> None:
            self._cancel_check_after_paint = None
            self._check_or_outline_now()

        self._cancel_check_after_paint = after_next_paint(viewport, start, CHECK_PAINT_FALLBACK_MS)
        viewport.update()  # a frame even when the new text looks like the old one (empty to empty)

    def _check_or_outline_now(self) -> None:
        if self.checking_on_f7_only:
            self.checker.outline_now()
        else:
            self.checker.check_now()

    def maybe_save(self) -> bool:
        """True when the current document may be replaced (saved, discarded or unchanged)."""
        if not self.editor.document().isModified():
            return True
        name = self.path.name if self.path else "未命名文稿"
        answer = messages.question(
            self,
            "保存改动",
            f"“{name}”有未保存的改动，是否保存？",
            messages.Button.Save | messages.Button.Discard | messages.Button.Cancel,
            messages.Button.Save,
        )
        if answer == messages.Button.Save:
            return self.save()
        return answer == messages.Button.Discard

    def new_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.path, self.imported_from, self.stamp = None, None, None
        self.encoding, self.newline, self.bom = "utf-8", "\n", False
        self.ignores = set()
        self.properties = None
        self._apply_rule_switches()
        self._set_text("")
        self._update_title()
        return True

    def new_speech_dialog(self) -> None:
        from datetime import date

        from desktop.core.skeleton import load_templates
        from desktop.ui.new_speech_dialog import NewSpeechDialog

        try:
            templates = load_templates()
        except GongwenError as exc:
            messages.warning(self, "新建讲话稿", str(exc))
            return
        provider = self.install_phrase_tools().provider
        dialog = NewSpeechDialog(templates, provider.group, date.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_speech(dialog.skeleton_text()))
        self.speech_dialog = dialog
        dialog.open()

    def start_speech(self, text: str) -> None:
        """A new, unsaved draft holding `text`, its first placeholder selected and Tab to the next."""
        if not self.new_document():
            return
        cursor = self.editor.textCursor()
        cursor.insertText(text)  # an edit, not a file opened: the draft is unsaved and autosaved
        from desktop.ui.placeholder_fields import track_inserted

        track_inserted(self.editor, 0, cursor.position())
        self.activateWindow()  # the dialog is gone: typing goes to the draft
        self.editor.setFocus()
        self.statusBar().showMessage("已按骨架新建讲话稿：输入替换选中的 XX，按 Tab 到下一个。", 8000)

    def start_new_file(self, path: Path) -> None:
        """A new, empty draft that 保存 writes to path (created only then)."""
        self.new_document()
        self.path = path.with_suffix(".txt") if not path.suffix else path
        self._update_title()
        self.statusBar().showMessage(f"新文稿，保存时写入 {self.path}", 8000)

    def open_dialog(self) -> None:
        start = str(self.path.parent) if self.path else _documents_dir()
        name, _ = QFileDialog.getOpenFileName(self, "打开文稿", start, OPEN_FILTER)
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        if not self.maybe_save():
            return False
        warnings: list[str] = []
        try:
            if path.suffix.lower() in (".docx", ".doc", ".wps"):
                imported = export_adapter.import_draft(path)
                text, warnings = imported.text, imported.warnings
                encoding, newline, bom, stamp, own, source = "utf-8", "\n", False, None, None, path
            else:
                from desktop.core.corpus import read_text_file
                from desktop.core.files import stamp_of

                decoded = read_text_file(path)
                text, encoding, newline, bom = decoded.text, decoded.encoding, decoded.newline, decoded.bom
                stamp, own, source = stamp_of(path), path, None
        except GongwenError as exc:
            messages.warning(self, "无法打开", str(exc))
            return False
        self.path, self.imported_from, self.stamp = own, source, stamp
        self.encoding, self.newline, self.bom = encoding, newline, bom
        self.ignores = lint_adapter.load_ignores(path) if own else set()
        self.properties = lint_adapter.load_properties(path) if own else None
        self._apply_rule_switches()
        self._set_text(text)
        self._update_title()
        self.settings.add_recent(path)
        self._save_settings()
        if self.checking_on_f7_only:
            self._say_check_mode(f"已打开 {path.name}（{encoding}）。")
        else:
            self.statusBar().showMessage(f"已打开 {path}（{encoding}）", 5000)
        if warnings:
            messages.information(self, "导入提示", "\n".join(warnings))
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        from desktop.core.files import changed_on_disk

        if changed_on_disk(self.path, self.stamp):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "文件已被改动",
                f"“{self.path.name}”在打开后已被其他程序修改。\n覆盖它会丢失那些改动。",
                parent=self,
            )
            overwrite = box.addButton("仍然覆盖", QMessageBox.ButtonRole.DestructiveRole)
            save_as = box.addButton("另存为…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(save_as)
            box.exec()
            if box.clickedButton() is save_as:
                return self.save_as()
            if box.clickedButton() is not overwrite:
                return False
        return self._write(self.path, self.encoding, self.newline, self.bom)

    def save_as(self) -> bool:
        if self.path is not None:
            start = str(self.path)
        else:
            stem = (self.imported_from.stem if self.imported_from else self._first_line()[:20]) or "未命名"
            folder = self.imported_from.parent if self.imported_from else Path(_documents_dir())
            start = str(folder / f"{stem}.txt")
        name, _ = QFileDialog.getSaveFileName(self, "另存为", start, "文本文件 (*.txt)")
        if not name:
            return False
        path = Path(name if name.lower().endswith(".txt") else name + ".txt")
        if self._write(path, "utf-8", self.newline, False):
            self.imported_from = None
            self._update_title()
            self.settings.add_recent(path)
            self._save_settings()
            return True
        return False

    def _write(self, path: Path, encoding: str, newline: str, bom: bool) -> bool:
        from desktop.core.files import atomic_write_text

        try:
            stamp = atomic_write_text(path, self.editor.toPlainText(), encoding, newline, bom)
        except GongwenError as exc:
            messages.warning(self, "保存失败", str(exc))
            return False
        self.path, self.stamp = path, stamp
        self.encoding, self.newline, self.bom = encoding, newline, bom
        self.editor.document().setModified(False)
        self._store_ignores()
        self._store_properties()
        self.autosave_pool.waitForDone(10_000)  # an autosave under way must not bring the copy back
        self.recovery.remove(self.session)  # the file on disk holds it all now
        self.autosaved_revision = self.revision
        self.autosave_label.setText(f"已保存 {datetime.now():%H:%M:%S}")
        self._update_title()
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def _first_line(self) -> str:
        return next((line.strip() for line in self.editor.toPlainText().split("\n") if line.strip()), "")

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for index, name in enumerate(self.settings.recent_files, 1):
            action = self.recent_menu.addAction(f"&{index % 10} {name}")
            action.triggered.connect(lambda _=False, p=name: self.open_path(Path(p)))
        if not self.settings.recent_files:
            self.recent_menu.addAction("（无）").setEnabled(False)

    def open_sample(self) -> None:
        self.open_path(sample_draft_path())

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(Path(files[0]))

    # ---------------------------------------------------------------- phrase bank
    def warm_up_bank(self) -> None:
        """Open the default and user banks in the background (after the window is up) and say so."""

        def work() -> str:
            from desktop.core.bank.banks import open_query_banks

            with open_query_banks(self.bank_path) as group:
                documents, phrases = group.totals()  # as the import summary counts them
            return f"素材库已就绪：{phrases} 条素材，来自 {documents} 篇语料。"

        task = Task(work)
        self._tasks.add(task)
        task.relay.done.connect(lambda text, t=task: self._bank_status(t, text))
        task.relay.failed.connect(lambda message, t=task: self._bank_status(t, f"素材库未能载入：{message}"))
        self.install_phrase_tools().panel.bank_status.setText("正在载入素材库…")
        self.background_pool.start(task)

    def _bank_status(self, task: Task, text: str) -> None:
        self._tasks.discard(task)
        self.bank_label.setText(text)
        self.bank_ready.emit(text)

    # ---------------------------------------------------------------- export
    def export_dialog(self) -> None:
        text = self.editor.toPlainText()
        analysis = self.analysis
        if (analysis is None or analysis.revision != self.revision) and not self.checking_on_f7_only:
            disabled, ignores = frozenset(self.settings.disabled_rules), frozenset(self.ignores)
            analysis = lint_adapter.analyse(self.revision, text, disabled, ignores, self.properties)
        # beyond LIVE_CHECK_LIMIT the last F7's count: a check here would hold the window for seconds
        errors = sum(1 for f in analysis.findings if f.level == "error") if analysis is not None else 0
        fresh = analysis is not None and analysis.revision == self.revision
        base = self.path or self.imported_from
        stem = base.stem if base else (self._first_line()[:20] or "未命名")
        folder = base.parent if base else Path(_documents_dir())
        names = export_adapter.file_names(stem)
        profile = self.settings.export_profile
        default = folder / names.get(profile, f"{stem}.docx")
        from desktop.ui.dialogs import ExportDialog

        dialog = ExportDialog(
            export_adapter.profiles(), profile, default, errors, self,
            file_names=names, fonts=export_adapter.font_report,
            findings=len(analysis.findings) if fresh else None,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        findings = None
        if dialog.comments:  # the open findings: the ignored ones are not in the analysis
            if fresh:
                found = analysis.findings
                findings = lambda: found  # noqa: E731
            else:  # checking on F7 only and the draft changed since: checked in the export's thread
                disabled, ignores = frozenset(self.settings.disabled_rules), frozenset(self.ignores)
                revision, properties = self.revision, self.properties
                findings = lambda: lint_adapter.analyse(  # noqa: E731
                    revision, text, disabled, ignores, properties
                ).findings
        self.start_export(text, dialog.path, dialog.profile, findings)

    def start_export(
        self, text: str, output: Path, profile: str, findings: Callable[[], list] | None = None
    ) -> None:
        """Export in a worker; `findings`, when given, yields the findings to write as comments there."""

        def export() -> list[str]:
            comments = tuple(
                export_adapter.Comment(f.code, f.message, f.offset, f.length) for f in (findings or list)()
            )
            return export_adapter.export_docx(text, output, profile, comments)

        task = Task(export)
        self._tasks.add(task)
        task.relay.done.connect(lambda warnings, t=task: self._export_done(t, output, warnings))
        task.relay.failed.connect(lambda message, t=task: self._export_failed(t, message))
        self.statusBar().showMessage(f"正在导出 {output.name}…")
        self.checker.pool.start(task)

    def _export_done(self, task: Task, output: Path, warnings: list[str]) -> None:
        self._tasks.discard(task)
        self.statusBar().showMessage(f"已导出 {output}", 8000)
        self.exported.emit(str(output))
        # the missing fonts are the same every time: said once while the program runs (字体情况… shows them)
        notes = "".join(f"\n注意：{w}" for w in export_adapter.said_once.new(warnings))
        answer = messages.question(
            self,
            "导出完成",
            f"已导出到：\n{output}{notes}\n\n是否打开所在文件夹？",
            messages.Button.Yes | messages.Button.No,
            messages.Button.No,
        )
        if answer == messages.Button.Yes:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(output.parent)))

    def _export_failed(self, task: Task, message: str) -> None:
        self._tasks.discard(task)
        self.statusBar().clearMessage()
        self.export_failed.emit(message)
        messages.warning(self, "导出失败", f"导出失败：{message}")

    # ---------------------------------------------------------------- autosave and recovery
    @cached_property
    def session(self) -> str:
        """This run's name in the recovery folder (made on first use: uuid is not on the start-up path)."""
        from desktop.core.recovery import new_session_id

        return new_session_id()

    @cached_property
    def recovery(self) -> RecoveryStore:
        from desktop.core.recovery import RecoveryStore

        return RecoveryStore(paths.recovery_dir())

    def write_recovery(self) -> Path:
        return self.recovery.write(self._recovery_entry())

    def _recovery_entry(self):
        from desktop.core.recovery import RecoveryEntry

        return RecoveryEntry(
            session=self.session,
            text=self.editor.toPlainText(),
            saved_at=datetime.now().isoformat(timespec="seconds"),
            path=str(self.path) if self.path else None,
            pid=os.getpid(),
            ignores=lint_adapter.ignores_to_json(self.ignores),
        )

    def autosave(self) -> None:
        if not self.editor.document().isModified():
            self.autosave_label.setText("自动保存：无未保存改动")
            return
        if self.revision == self.autosaved_revision or self.autosave_pool.activeThreadCount():
            return
        # The snapshot is taken here; encoding and writing it (with fsync: some 0.2 s for 5 MB) in a thread.
        entry, revision = self._recovery_entry(), self.revision
        task = Task(lambda: self.recovery.write(entry))
        self._tasks.add(task)
        task.relay.done.connect(lambda path, t=task: self._autosaved(t, revision, path))
        task.relay.failed.connect(lambda message, t=task: self._autosave_failed(t, message))
        self.autosave_pool.start(task)

    def _autosaved(self, task: Task, revision: int, path: Path) -> None:
        self._tasks.discard(task)
        self.autosaved_revision = revision
        self.autosave_label.setText(f"已自动保存 {datetime.now():%H:%M:%S}")
        self.autosave_label.setToolTip("")
        self.autosaved.emit(str(path))

    def _autosave_failed(self, task: Task, message: str) -> None:
        self._tasks.discard(task)
        self.autosave_label.setText("自动保存失败")
        self.autosave_label.setToolTip(message)

    def offer_recovery(self) -> None:
        leftovers = self.recovery.leftovers(own_session=self.session)
        if not leftovers:
            return
        entry = leftovers[0]
        choice = ask_restore(self, entry)
        if choice == DISCARD:
            self.recovery.remove(entry.session)
        if choice != RESTORE or not self.maybe_save():
            return
        path = Path(entry.path) if entry.path else None
        self.path, self.imported_from = path, None
        from desktop.core.corpus import read_text_file
        from desktop.core.files import stamp_of

        self.stamp = stamp_of(path) if path else None
        self.encoding, self.newline, self.bom = "utf-8", "\n", False
        if path is not None and path.exists():
            try:
                decoded = read_text_file(path)
                self.encoding, self.newline, self.bom = decoded.encoding, decoded.newline, decoded.bom
            except GongwenError:
                pass
        self.ignores = lint_adapter.ignores_from_json(entry.ignores)
        self._apply_rule_switches()
        self._set_text(entry.text)
        self.editor.document().setModified(True)  # restored text is not on disk yet
        self._update_title()
        self.write_recovery()  # held under this session before the old copy goes
        self.recovery.remove(entry.session)
        self.statusBar().showMessage(
            f"已恢复 {entry.saved_time:%H:%M:%S} 自动保存的文稿，请及时保存。", 10000
        )

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.checker.timer.stop()
        if self._cancel_check_after_paint is not None:
            self._cancel_check_after_paint()
            self._cancel_check_after_paint = None
        self.checker.wait()
        self.background_pool.waitForDone(10_000)
        self.autosave_pool.waitForDone(10_000)
        if self.phrase_tools is not None:
            self.phrase_tools.close()
        self.recovery.remove(self.session)
        event.accept()

    # ---------------------------------------------------------------- focus, find, help
    def focus_outline(self) -> None:
        self.outline_dock.show()
        self.outline_panel.tree.setFocus()

    def focus_tab(self, widget: QWidget) -> None:
        self.side_dock.show()
        self.side_tabs.setCurrentWidget(widget)
        (self.lint_panel.list if widget is self.lint_panel else widget).setFocus()

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_panel.open(replacing=False)

    def show_replace(self) -> None:
        self.find_bar.show()
        self.find_panel.open(replacing=True)

    def find_text(self, backwards: bool) -> bool:
        if not self.find_edit.text():
            self.show_find()
            return False
        return self.find_panel.find_next(backwards)

    def show_help(self) -> None:
        from desktop.ui.dialogs import HelpDialog

        HelpDialog(self.shortcut_table(), self).exec()

    def show_about(self) -> None:
        from desktop.core.about import about_info, about_lines
        from desktop.ui.dialogs import AboutDialog

        AboutDialog(about_lines(about_info(self.bank_path)), self).exec()


def _finding_message(finding: Finding) -> str:
    """How the status bar names a finding the writer jumped to."""
    return f"{finding.code} {finding.message}"


def _same_spot(a: Finding, b: Finding) -> bool:
    return (a.code, a.offset, a.message) == (b.code, b.offset, b.message)


def sample_draft_path() -> Path:
    return paths.resources_dir() / "samples" / "示例讲话稿.txt"


def _documents_dir() -> str:
    from PySide6.QtCore import QStandardPaths  # only when a file dialog opens

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
