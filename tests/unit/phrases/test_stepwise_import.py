"""The editor's import: file by file, with progress, a corrupt file among good ones, and cancel."""

from __future__ import annotations

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.sharing import corpus_documents
from desktop.core.bank.stepwise_import import import_stepwise, summary_lines
from tests.unit.bank.conftest import RULES, write, write_corpus


def test_progress_names_each_file_and_a_corrupt_file_does_not_stop_the_others(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    started, finished = [], []
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        report = import_stepwise(
            bank, [corpus], miner=RULES,
            starting=lambda n, total, path: started.append((n, total, path.name)),
            finished=lambda n, total, outcome: finished.append((n, outcome.status)),
        )
        assert started == [(1, 4, "a.txt"), (2, 4, "b.txt"), (3, 4, "broken.docx"), (4, 4, "c.txt")]
        assert finished == [(1, "added"), (2, "added"), (3, "failed"), (4, "added")]
        assert [d.name for d in corpus_documents(bank)] == ["a.txt", "b.txt", "c.txt"]
    lines = summary_lines(report)
    assert lines[0] == "文件：新增 3 个，失败 1 个"
    assert lines[-1].startswith("· broken.docx：")


def test_cancel_keeps_the_files_before_and_rolls_back_the_current_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        state = {"current": ""}

        def starting(n, total, path):
            state["current"] = path.name

        # Cancel is pressed while b.txt is being mined: its transaction is rolled back.
        report = import_stepwise(bank, [corpus], miner=RULES, starting=starting,
                                 cancelled=lambda: state["current"] == "b.txt")
        assert report.cancelled
        assert [d.name for d in corpus_documents(bank)] == ["a.txt"]
        assert "攻坚克难" not in [r.text for r in bank.rank("", limit=100)]  # only b.txt has it
        assert "久久为功" in [r.text for r in bank.rank("", limit=100)]
        assert summary_lines(report)[0].startswith("导入已取消")
        again = import_stepwise(bank, [corpus], miner=RULES)  # the next run picks up where it stopped
        assert [o.status for o in again.outcomes] == ["unchanged", "added", "added"]


def test_a_file_that_changed_is_replaced(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        import_stepwise(bank, [corpus], miner=RULES)
        write(corpus, "c.txt", "要坚持久久为功。")  # a new file, top level
        write(corpus, "sub/c.txt", "要坚持一抓到底。")
        report = import_stepwise(bank, [corpus], miner=RULES)
        assert sorted(o.status for o in report.outcomes) == ["added", "unchanged", "unchanged", "updated"]
        assert "重整行装" not in [r.text for r in bank.rank("", limit=100)]


def test_a_file_gone_from_an_imported_folder_leaves_with_its_phrases(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        import_stepwise(bank, [corpus], miner=RULES)
        assert "攻坚克难" in [r.text for r in bank.rank("", limit=100)]  # b.txt's
        (corpus / "b.txt").unlink()
        report = import_stepwise(bank, [corpus], miner=RULES)
        assert sorted(o.status for o in report.outcomes) == ["removed", "unchanged", "unchanged"]
        assert [d.name for d in corpus_documents(bank)] == ["a.txt", "c.txt"]
        assert "攻坚克难" not in [r.text for r in bank.rank("", limit=100)]
        assert summary_lines(report)[0] == "文件：未变 2 个，删除 1 个"


def test_a_cancelled_import_removes_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with PhraseBank.open(tmp_path / "bank.sqlite") as bank:
        import_stepwise(bank, [corpus], miner=RULES)
        (corpus / "b.txt").unlink()
        report = import_stepwise(bank, [corpus], miner=RULES, cancelled=lambda: True)
        assert report.cancelled
        assert [d.name for d in corpus_documents(bank)] == ["a.txt", "b.txt", "c.txt"]
