"""Cancelling inside one document: mining stops within a few blocks of sentences, and the import
rolls that file back, leaving the bank exactly as it was."""

from __future__ import annotations

import math
import sqlite3

import pytest

from desktop.bench.workloads import corpus_documents, recombined_document
from desktop.core import paths
from desktop.core.corpus import read_document
from desktop.core.bank.store import PhraseBank
from desktop.core.mining.cancel import POLL_EVERY, Cancelled
from desktop.core.mining.miner import POLL_SENTENCES, mine_text
from desktop.core.bank.stepwise_import import import_stepwise
from desktop.core.mining.text import content_lines, split_sentences


class CancelAfter:
    """A cancelled() that turns true once it has been polled `limit` times."""

    def __init__(self, limit: int):
        self.limit = limit
        self.polls = 0

    def __call__(self) -> bool:
        self.polls += 1
        return self.polls > self.limit


@pytest.fixture(scope="module")
def large_text() -> str:
    return "\n".join(corpus_documents(5_000_000))  # some 5 MB: several seconds of mining


def blocks_of(text: str) -> int:
    sentences = [s for line in content_lines(text) for s in split_sentences(line)]
    return math.ceil(len(sentences) / POLL_SENTENCES)


def test_cancel_stops_mining_a_large_text_long_before_its_end(large_text):
    blocks = blocks_of(large_text)
    assert blocks > 100
    poll = CancelAfter(5)
    with pytest.raises(Cancelled):
        mine_text(large_text, "大文件.txt", cancelled=poll)
    assert poll.polls == 6  # stopped at the first poll after cancel was asked for
    assert poll.polls < blocks / 10


def test_polling_changes_nothing_and_every_pass_over_the_document_polls():
    """Every loop over the whole document polls every POLL_EVERY items: that is where a compiled miner
    lets the window have the GIL (cancel.py). Per item of a pass, never per phrase found."""
    text = recombined_document(120_000)
    poll = CancelAfter(10**9)
    phrases = mine_text(text, "新文本.txt", cancelled=poll)
    assert phrases == mine_text(text, "新文本.txt")
    lines = content_lines(text)
    sentences = [s for line in lines for s in split_sentences(line)]
    raw_lines = len(text.split("\n"))
    assert len(lines) >= 3 * POLL_EVERY and len(sentences) >= 10 * POLL_EVERY

    def passes(items: int) -> int:
        return math.ceil(items / POLL_EVERY)

    # One at the start and one per kind; reading, splitting, closing and headings pass over the lines;
    # the three block extractors and transitions over the sentences.
    least = 1 + 7 + passes(raw_lines) + 3 * passes(len(lines)) + 4 * passes(len(sentences))
    # Merging polls every POLL_EVERY candidates of a kind (a phrase's count is its candidates), and the
    # headings found are gone over once more.
    kinds = {p.kind for p in phrases}
    most = least + sum(passes(sum(p.count for p in phrases if p.kind == k)) for k in kinds) + 1
    assert least <= poll.polls <= most


def dump(path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


# Polls before mining starts: the one before the file and the one after reading it.
BEFORE_MINING = 2


def mining_polls(text: str) -> int:
    poll = CancelAfter(10**9)
    mine_text(text, "计数.txt", cancelled=poll)
    return poll.polls


@pytest.mark.parametrize("stage", ["mining", "indexing"])
def test_cancel_inside_a_large_file_leaves_the_bank_exactly_as_before(tmp_path, large_text, stage):
    bank_path = tmp_path / "bank.sqlite"
    seed = sorted(paths.bundled_corpus_dir().glob("*.txt"))[0]
    big = tmp_path / "大文件.txt"
    big.write_text(large_text, encoding="utf-8")
    with PhraseBank.open(bank_path) as bank:
        first = import_stepwise(bank, [seed])
        assert [o.status for o in first.outcomes] == ["added"]
    before = dump(bank_path)
    # Inside mining (its tenth poll), or once mining is done, while the sentences are being indexed.
    limit = BEFORE_MINING + (10 if stage == "mining" else mining_polls(large_text) + 3)
    poll = CancelAfter(limit)
    with PhraseBank.open(bank_path) as bank:
        report = import_stepwise(bank, [big], cancelled=poll)
        assert report.cancelled and report.outcomes == []
        assert [d.name for d in bank.documents()] == [seed.name]
    assert poll.polls == limit + 1
    if stage == "mining":
        assert poll.polls < blocks_of(large_text) / 10
    assert dump(bank_path) == before
