"""The phrase side installed into a main window: the 素材 and 范文 tabs, the popup, the palette, the
语料 menu with the two chords as window actions (so the help's shortcut list shows them)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.bank_repair import BankRepair
from desktop.ui.phrases.chords import DEFAULT_COMPLETION_CHORD, DEFAULT_PALETTE_CHORD, chord_problem
from desktop.ui.phrases.completion_popup import CompletionPopup
from desktop.ui.phrases.concordance_panel import ConcordancePanel
from desktop.ui.phrases.corpus_dialogs import CorpusMenu
from desktop.ui.phrases.palette import PhrasePalette
from desktop.ui.phrases.phrase_panel import PhrasePanel

log = logging.getLogger(__name__)


class PhraseTools(QObject):
    def __init__(self, window: QMainWindow, editor: QPlainTextEdit, provider: BankProvider | None = None,
                 completion_chord: str = DEFAULT_COMPLETION_CHORD, palette_chord: str = DEFAULT_PALETTE_CHORD):
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.provider = provider or BankProvider(parent=self)
        self.panel = PhrasePanel(editor, self.provider)
        self.examples = ConcordancePanel(editor, self.provider)
        self.popup = CompletionPopup(editor, self.provider, chord=None)
        self.palette = PhrasePalette(editor, self.provider, chord=None)
        self.menu = CorpusMenu(self.provider, window)
        self.repair = BankRepair(self.provider, self.menu, window)
        self.menu.addSeparator()
        self.act_complete = self._action("补全素材", self.popup.open)
        self.act_palette = self._action("查找素材…", self.palette.open_palette)
        self.act_add = self._action("把选中文字加入素材…", self.panel.add_selection)
        self.set_chords(completion_chord, palette_chord)
        for source in (self.panel.message, self.examples.message, self.menu.message, self.provider.problem,
                       self.repair.message):
            source.connect(self.show_message)

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.menu.addAction(action)
        self.window.addAction(action)
        return action

    def set_chords(self, completion: str, palette: str) -> str | None:
        """Apply the chords from the settings; a refused one keeps its default and the reason is
        returned (and shown)."""
        problems = []
        for action, chord, default in ((self.act_complete, completion, DEFAULT_COMPLETION_CHORD),
                                       (self.act_palette, palette, DEFAULT_PALETTE_CHORD)):
            problem = chord_problem(chord) if chord else None
            if problem:
                problems.append(problem)
            action.setShortcut(QKeySequence(default if problem or not chord else chord))
        if problems:
            self.show_message("；".join(problems))
            return "；".join(problems)
        return None

    def show_message(self, text: str) -> None:
        bar = self.window.statusBar()
        bar.showMessage(text, 8000)

    def close(self) -> None:
        """Before the window closes: stop queued queries, let running ones finish, close the banks."""
        self.popup.close_popup()
        for runner in (self.panel.runner, self.examples.runner, self.palette.runner):
            runner.timer.stop()
            runner.wait()
        for dialog in list(self.menu.dialogs):
            dialog.worker.cancel()
            dialog.worker.wait()
        self.provider.close()
