"""The 语料 menu: import with progress, a corrupt file among good ones, cancel; the corpus manager;
bank export and import; Sogou and Rime phrase lists."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.sharing import corpus_documents
from desktop.core.bank.importer import MinerFunctions
from desktop.core.bank.user_phrases import UserPhrases
from desktop.ui.phrases.bank_provider import BankProvider
from desktop.ui.phrases.corpus_dialogs import CorpusManagerDialog, CorpusMenu, ImportDialog
from desktop.ui.phrases.phrase_panel import PhrasePanel
from tests.ui.phrases.conftest import commit
from tests.unit.bank.conftest import RULES, rule_miner, write_corpus


@pytest.fixture
def fresh(tmp_path, qapp):
    """A provider over an empty user bank."""
    path = tmp_path / "user.sqlite"
    provider = BankProvider(query_bank=path, write_bank=path)
    with provider.open_write():
        pass
    yield provider
    provider.close()


@pytest.fixture
def messages(monkeypatch):
    """Message boxes are recorded instead of shown."""
    shown: list[str] = []

    def record(box):
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def run_import(qtbot, provider, paths, miner=RULES) -> ImportDialog:
    dialog = ImportDialog(provider, paths, miner=miner)
    qtbot.addWidget(dialog)
    dialog.show()
    starts: list[str] = []
    dialog.worker.starting.connect(lambda n, total, name: starts.append(dialog.label.text()))
    with qtbot.waitSignal(dialog.done, timeout=20000):
        dialog.start()
    dialog.worker.wait()
    dialog.starts = starts
    return dialog


def test_import_shows_each_file_reports_the_corrupt_one_and_new_phrases_reach_the_panel(
    qtbot, tmp_path, fresh, editor
):
    panel = PhrasePanel(editor, fresh)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.runner.idle() and panel.status.text() == "没有找到素材")
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "损坏.docx").write_bytes(b"PK\x03\x04 broken")
    dialog = run_import(qtbot, fresh, [corpus])
    assert dialog.starts == [f"第 {n} / 4 个文件：{name}" for n, name in
                             enumerate(["a.txt", "b.txt", "c.txt", "损坏.docx"], 1)]
    assert dialog.bar.value() == dialog.bar.maximum() == 4
    summary = dialog.summary.toPlainText()
    assert summary.splitlines()[0] == "文件：新增 3 个，失败 1 个"
    assert "· 损坏.docx：" in summary
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    commit(panel.search, "久久")
    qtbot.waitUntil(lambda: [i.text for i in panel.items] == ["久久为功"], timeout=5000)
    panel.runner.wait()


def test_cancel_keeps_the_bank_as_it_was_before_the_current_file(qtbot, tmp_path, fresh):
    corpus = write_corpus(tmp_path / "corpus")
    holder: dict = {}

    def mine_and_press_cancel_on_b(doc):
        if doc.name == "b.txt":
            holder["dialog"].worker.cancel()  # as if the writer pressed 取消 while b.txt is mined
        return rule_miner(doc)

    dialog = ImportDialog(fresh, [corpus], miner=MinerFunctions(mine_and_press_cancel_on_b))
    holder["dialog"] = dialog
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.done, timeout=20000) as blocker:
        dialog.start()
    dialog.worker.wait()
    assert blocker.args[0].cancelled
    assert dialog.label.text() == "导入已取消"
    assert dialog.summary.toPlainText().startswith("导入已取消")
    with PhraseBank.open(fresh.query_bank) as bank:
        assert [d.name for d in corpus_documents(bank)] == ["a.txt"]
        assert "攻坚克难" not in [r.text for r in bank.rank("", limit=50)]


def test_the_cancel_button_stops_the_import(qtbot, tmp_path, fresh):
    corpus = write_corpus(tmp_path / "corpus")
    dialog = ImportDialog(fresh, [corpus], miner=RULES)
    qtbot.addWidget(dialog)
    dialog.cancel_button.click()  # pressed before the first file
    assert not dialog.cancel_button.isEnabled() and "正在取消" in dialog.label.text()
    with qtbot.waitSignal(dialog.done, timeout=20000) as blocker:
        dialog.start()
    dialog.worker.wait()
    assert blocker.args[0].cancelled and blocker.args[0].count("added") == 0


def test_the_manager_lists_documents_and_removes_them(qtbot, tmp_path, fresh):
    run_import(qtbot, fresh, [write_corpus(tmp_path / "corpus")])
    manager = CorpusManagerDialog(fresh)
    qtbot.addWidget(manager)
    table = [[manager.table.item(r, c).text() for c in range(4)] for r in range(manager.table.rowCount())]
    assert [row[1] for row in table] == ["a.txt", "b.txt", "c.txt"]
    assert [row[0] for row in table] == ["在全市工作会议上的讲话", "在项目推进会上的讲话", "在防汛工作会议上的讲话"]
    assert table[0][3] == "4" and table[0][2].endswith("B")
    assert manager.status.text() == "共 3 篇文档"
    manager.table.selectRow(2)
    assert manager.remove(manager.selected_ids()) == 1
    assert manager.table.rowCount() == 2
    with PhraseBank.open(fresh.query_bank) as bank:
        assert "重整行装" not in [r.text for r in bank.rank("", limit=50)]


def test_export_and_import_the_bank_through_the_menu(qtbot, tmp_path, fresh, messages, monkeypatch):
    run_import(qtbot, fresh, [write_corpus(tmp_path / "corpus")])
    host = QWidget()
    qtbot.addWidget(host)
    menu = CorpusMenu(fresh, host)
    out = tmp_path / "共享" / "素材库.gwbank"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu.act_export_bank.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert out.exists() and messages[-1].startswith("素材库已导出到")

    other_path = tmp_path / "colleague.sqlite"
    colleague = BankProvider(query_bank=other_path, write_bank=other_path)
    other_menu = CorpusMenu(colleague, host)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(colleague.changed, timeout=10000):
        other_menu.act_import_bank.trigger()
    qtbot.waitUntil(lambda: messages[-1].startswith("新增文档"), timeout=5000)
    assert messages[-1].startswith("新增文档 3 篇（已有而跳过 0 篇）")
    with PhraseBank.open(other_path) as bank:
        assert len(corpus_documents(bank)) == 3
    colleague.close()


def test_bad_bank_file_is_reported_by_name(qtbot, tmp_path, fresh, messages, monkeypatch):
    bad = tmp_path / "坏文件.gwbank"
    bad.write_bytes(b"this is no database")
    menu = CorpusMenu(fresh, QWidget())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    menu.act_import_bank.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[-1].startswith("坏文件.gwbank：")


@pytest.mark.parametrize(
    "which, name, content",
    [
        ("sogou", "PhraseEdit.txt", "jjwg,1=久久为功\nqqq\ngcbb,2=功成不必在我\n".encode("utf-16")),
        ("rime", "custom_phrase.txt", "久久为功\tjjwg\t10\n功成不必在我\tgcbb\n坏行\n".encode()),
    ],
)
def test_phrase_lists_become_my_phrases(qtbot, tmp_path, fresh, messages, which, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    menu = CorpusMenu(fresh, QWidget())
    with qtbot.waitSignal(fresh.changed, timeout=10000):
        menu.load_phrase_list(path, which)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[-1].startswith(f"从 {name} 导入 2 条短语，其中新增 2 条到“我的素材”。")
    assert "跳过 1 行" in messages[-1]
    with PhraseBank.open(fresh.query_bank) as bank:
        assert sorted(p.text for p in UserPhrases(bank).list()) == ["久久为功", "功成不必在我"]
        assert [r.text for r in bank.rank("gcbb")] == ["功成不必在我"]


def test_a_file_that_is_no_phrase_list_is_reported(qtbot, tmp_path, fresh, messages):
    path = tmp_path / "PhraseEdit.txt"
    path.write_text("这不是短语文件", encoding="utf-8")
    CorpusMenu(fresh, QWidget()).load_phrase_list(path, "sogou")
    assert messages and messages[-1].startswith("PhraseEdit.txt：没有找到")
