"""The 素材 tab: categories, a search box (Chinese or pinyin initials), a 相关 list that follows the
cursor, details of the selected phrase (source sentence, document, pattern), insertion, favourites and
the writer's own phrases."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.bank.store import BankGroup
from desktop.core.mining.model import KIND_NAMES, KINDS
from desktop.core.bank.user_phrases import guess_kind, matches_query, read_user_phrases
from desktop.ui import messages
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.insertion import insert_phrase, paragraph_at_cursor
from desktop.ui.phrases.query_runner import QueryRunner
from desktop.ui.widgets import ok_cancel_buttons, widget_shortcut

log = logging.getLogger(__name__)

RELATED, FAVOURITES, MINE = "related", "favourites", "mine"
CATEGORIES: list[tuple[str, str]] = (
    [(RELATED, "相关")] + [(k, KIND_NAMES[k]) for k in KINDS] + [(FAVOURITES, "收藏"), (MINE, "我的素材")]
)
LIST_LIMIT = 200
CURSOR_DELAY_MS = 250  # the cursor rests this long before 相关 is ranked again
TYPING_DELAY_MS = 60


@dataclass(frozen=True)
class PanelItem:
    text: str
    kind: str
    pattern: str
    initials: str
    count: int
    docs: int
    favourite: bool = False
    used: bool = False  # already in the draft
    mine: bool = False  # one of the writer's own phrases

    def label(self) -> str:
        mark = "★ " if self.favourite else ""
        used = "（已用）" if self.used else ""
        return f"{mark}{self.text}{used}　{KIND_NAMES.get(self.kind, self.kind)} · {self.count} 次"


@dataclass(frozen=True)
class PanelQuery:
    category: str
    query: str
    paragraph: str
    draft: str


def panel_items(
    group: BankGroup, q: PanelQuery, favourites: set[tuple[str, str]], limit: int = LIST_LIMIT
) -> list[PanelItem]:
    """The list for one category, favourites pinned first, phrases already in the draft marked.
    Runs in the query worker."""
    mine_rows = [p for bank in group.banks for p in read_user_phrases(bank)]
    mine = {(p.text, p.kind) for p in mine_rows}
    if q.category == MINE:
        rows = [(p.text, p.kind, p.pattern, p.initials, p.count, p.docs) for p in mine_rows
                if matches_query(q.query, p.text, p.initials)]
    elif q.category == FAVOURITES:
        rows = []
        for text, kind in sorted(favourites):
            found = [r for r in group.rank(text, limit=10) if r.text == text and r.kind == kind]
            r = found[0] if found else None
            initials = r.initials if r else ""
            if matches_query(q.query, text, initials):
                rows.append((text, kind, r.pattern if r else "", initials, r.count if r else 0, r.docs if r else 0))
    else:
        kind = None if q.category == RELATED else q.category
        ranked = group.rank(q.query, kind=None if q.query else kind, context=q.paragraph, limit=limit)
        if kind and q.query:
            # Keep the kind's rows of the unfiltered ranking; ask with the kind only when that was cut
            # short and few survive. (Asking with the kind at once is now the cheaper query, but where
            # many survive it would list more rows than this: docs/PERFORMANCE.md, 素材面板与补全框.)
            full = len(ranked) >= limit
            ranked = [r for r in ranked if r.kind == kind]
            if full and len(ranked) < limit // 4:
                ranked = group.rank(q.query, kind=kind, context=q.paragraph, limit=limit)
        rows = [(r.text, r.kind, r.pattern, r.initials, r.count, r.docs) for r in ranked]
    items = [
        PanelItem(*row, favourite=(row[0], row[1]) in favourites, used=bool(q.draft) and row[0] in q.draft,
                  mine=(row[0], row[1]) in mine)
        for row in rows
    ]
    if q.category == RELATED and not q.query:
        # What the draft already holds is still shown, after what it does not (favourites stay first).
        items.sort(key=lambda item: (not item.favourite, item.used))  # stable: keeps the rank within
    else:
        items.sort(key=lambda item: not item.favourite)
    return items


class PhraseEditDialog(QDialog):
    """Text and kind of one of the writer's own phrases."""

    def __init__(self, text: str, kind: str, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.text_edit = QLineEdit(text)
        self.text_edit.setMinimumWidth(320)
        self.kind_box = QComboBox()
        for key in KINDS:
            self.kind_box.addItem(KIND_NAMES[key], key)
        self.kind_box.setCurrentIndex(KINDS.index(kind) if kind in KINDS else KINDS.index(guess_kind(text)))
        form.addRow("素材：", self.text_edit)
        form.addRow("类别：", self.kind_box)
        form.addRow(QLabel("可用 XX 作占位，插入后会自动选中它。"))
        form.addRow(ok_cancel_buttons(self))

    def values(self) -> tuple[str, str]:
        return self.text_edit.text().strip(), self.kind_box.currentData()


class PhrasePanel(QWidget):
    inserted = Signal(str)  # a phrase went into the editor
    message = Signal(str)  # for the status bar

    def __init__(self, editor: QPlainTextEdit, provider: BankProvider, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.provider = provider
        self.items: list[PanelItem] = []
        self._paragraph_key: tuple[int, str] | None = None
        self._shown_for: tuple[int, str] | None = None  # the paragraph the list was ranked for
        self.runner = QueryRunner(self)
        self.runner.ready.connect(self._show_items)
        self.runner.failed.connect(lambda m: self.message.emit(f"素材查询失败：{m}"))

        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索素材：文字或拼音首字母（如 jjwg）")
        self.search.setClearButtonEnabled(True)
        self.setFocusProxy(self.search)  # "转到素材/范文" lands in the search box
        self.category = QComboBox()
        for key, name in CATEGORIES:
            self.category.addItem(name, key)
        self.category.setToolTip("素材类别")
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps the kind and count in view
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = QTextBrowser()
        self.detail.setMaximumHeight(140)
        self.detail.setOpenLinks(False)
        self.status = QLabel()
        self.status.setStyleSheet("color: #666")
        self.bank_status = QLabel("素材库尚未载入。")  # the window reports the banks' state here
        self.bank_status.setStyleSheet("color: #666")
        self.bank_status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.insert_button = QPushButton("插入")
        self.favourite_button = QPushButton("收藏")
        self.add_button = QPushButton("加入素材")
        self.add_button.setToolTip("把编辑区选中的文字加入“我的素材”")
        self.edit_button = QPushButton("编辑")
        self.delete_button = QPushButton("删除")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.category)
        buttons = QHBoxLayout()
        for button in (self.insert_button, self.favourite_button, self.add_button, self.edit_button,
                       self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.bank_status, 1)
        layout.addLayout(status_row)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

        self.search.textChanged.connect(lambda: self.refresh(TYPING_DELAY_MS))
        self.search.returnPressed.connect(self.insert_current)
        self.search.installEventFilter(self)
        self.category.currentIndexChanged.connect(lambda: self.refresh(0))
        self.list.itemActivated.connect(lambda _item: self.insert_current())  # Enter and double-click
        self.list.currentRowChanged.connect(self._show_detail)
        self.insert_button.clicked.connect(self.insert_current)
        self.favourite_button.clicked.connect(self.toggle_favourite)
        self.add_button.clicked.connect(self.add_selection)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        widget_shortcut(self.list, QKeySequence.StandardKey.Delete, self.delete_current)
        editor.cursorPositionChanged.connect(self._cursor_moved)
        editor.textChanged.connect(lambda: self.refresh(CURSOR_DELAY_MS * 2))
        provider.changed.connect(lambda: self.refresh(0))
        self._update_buttons()
        self.refresh(0)

    # ---- querying ------------------------------------------------------------------------------

    def current_category(self) -> str:
        return self.category.currentData()

    def set_category(self, key: str) -> None:
        self.category.setCurrentIndex([k for k, _ in CATEGORIES].index(key))

    def _cursor_moved(self) -> None:
        block = self.editor.textCursor().block()
        key = (block.blockNumber(), block.text())
        if key != self._paragraph_key:
            self._paragraph_key = key
            self.refresh(CURSOR_DELAY_MS)

    def refresh(self, delay_ms: int = 0) -> None:
        """Query the list again (in the worker) from a snapshot of the search box and the editor."""
        provider = self.provider

        def job():  # made when the query starts, not at each keystroke that asks for it
            _before, paragraph = paragraph_at_cursor(self.editor)
            snapshot = PanelQuery(self.current_category(), self.search.text().strip(), paragraph,
                                  self.editor.toPlainText())
            context = (self.editor.textCursor().blockNumber(), paragraph)
            # The banks are opened in the worker too: the first opening may have to build the default bank.
            return lambda: (context, panel_items(provider.group(), snapshot, provider.favourites()))

        self.runner.request_when_due(job, delay_ms)

    def _show_items(self, result: tuple[tuple[int, str], list[PanelItem]]) -> None:
        context, items = result
        # Ranked for another paragraph: the best rows are at the top, so show the top (an old selection
        # kept would hold the list scrolled down to it). For the same paragraph the selection stays.
        keep = self.current_item() if context == self._shown_for else None
        self._shown_for = context
        self.items = items
        self.list.blockSignals(True)
        self.list.clear()
        used_colour = QColor("#888888")
        for item in items:
            row = QListWidgetItem(item.label())
            row.setData(Qt.ItemDataRole.UserRole, item)
            row.setToolTip(item.text + ("\n（草稿中已经用过）" if item.used else ""))
            if item.used:
                row.setForeground(used_colour)
            self.list.addItem(row)
        self.list.blockSignals(False)
        index = next((i for i, it in enumerate(items) if keep and (it.text, it.kind) == (keep.text, keep.kind)), 0)
        if items:
            self.list.setCurrentRow(index)
        if keep is None:
            self.list.scrollToTop()
        self._show_detail(self.list.currentRow())
        self.status.setText(f"{len(items)} 条" if items else "没有找到素材")

    # ---- the selected phrase -------------------------------------------------------------------

    def current_item(self) -> PanelItem | None:
        row = self.list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row is not None else None

    def _show_detail(self, _row: int = -1) -> None:
        self._update_buttons()
        item = self.current_item()
        if item is None:
            self.detail.clear()
            return
        sources = []
        for bank in self.provider.group().banks:
            sources += bank.sources_of([(item.text, item.kind)]).get((item.text, item.kind), [])
        parts = [f"<b>{_html(item.text)}</b>　{KIND_NAMES.get(item.kind, item.kind)}，"
                 f"出现 {item.count} 次，{item.docs} 篇"]
        if item.pattern:
            parts.append(f"句式：{_html(item.pattern)}")
        if sources:
            first = sources[0]
            sentence = _html(first.sentence).replace(_html(item.text), f"<b>{_html(item.text)}</b>")
            parts.append(f"出处：{sentence}<br>——《{_html(first.label)}》")
            if len(sources) > 1:
                parts.append(f"另有 {len(sources) - 1} 处出处")
        elif item.mine:
            parts.append("出处：我的素材")
        self.detail.setHtml("<br>".join(parts))

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.insert_button.setEnabled(item is not None)
        self.favourite_button.setEnabled(item is not None)
        self.favourite_button.setText("取消收藏" if item is not None and item.favourite else "收藏")
        self.edit_button.setEnabled(item is not None and item.mine)
        self.delete_button.setEnabled(item is not None and item.mine)

    # ---- actions -------------------------------------------------------------------------------

    def insert_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        insert_phrase(self.editor, item.text)
        self.editor.activateWindow()  # the panel may be floating in its own window
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.inserted.emit(item.text)

    def toggle_favourite(self) -> None:
        item = self.current_item()
        if item is not None:
            on = not item.favourite
            self.provider.write(lambda up: up.set_favourite(item.text, item.kind, on),
                                lambda _r: self.message.emit("已收藏" if on else "已取消收藏"), self._failed)

    def add_user_phrase(self, text: str, kind: str = "") -> None:
        self.provider.write(lambda up: up.add(text, kind),
                            lambda new: self.message.emit("已加入我的素材" if new else "我的素材中已有这一条"),
                            self._failed)

    def add_selection(self) -> None:
        text = self.editor.textCursor().selectedText().replace("\u2029", "").strip()
        if not text:
            self.message.emit("请先在编辑区选中要加入素材的文字")
            messages.information(self, "加入素材", "请先在编辑区选中要加入素材的文字。")
            return
        dialog = PhraseEditDialog(text, guess_kind(text), "加入素材", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_user_phrase(*dialog.values())

    def edit_user_phrase(self, item: PanelItem, text: str, kind: str) -> None:
        self.provider.write(lambda up: up.edit(item.text, item.kind, text, kind),
                            lambda _r: self.message.emit("已修改"), self._failed)

    def edit_current(self) -> None:
        item = self.current_item()
        if item is None or not item.mine:
            return
        dialog = PhraseEditDialog(item.text, item.kind, "编辑素材", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edit_user_phrase(item, *dialog.values())

    def delete_user_phrase(self, item: PanelItem) -> None:
        self.provider.write(lambda up: up.delete(item.text, item.kind),
                            lambda _r: self.message.emit(f"已删除“{item.text}”"), self._failed)

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None or not item.mine:
            return
        answer = messages.question(self, "删除素材", f"从我的素材中删除“{item.text}”？")
        if answer == messages.Button.Yes:
            self.delete_user_phrase(item)

    def _failed(self, message: str) -> None:
        self.message.emit(message)
        messages.warning(self, "素材", message)

    # ---- keys ----------------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.list.setFocus()
                self.list.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
