"""A real bank mined (by the bank tests' rule miner) from the bank tests' small corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths
from tests.unit.bank.conftest import RULES, write_corpus


@pytest.fixture
def bank(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with PhraseBank.open(tmp_path / "bank.sqlite") as opened:
        import_paths(opened, [corpus], miner=RULES)
        yield opened


@pytest.fixture
def empty_bank(tmp_path) -> PhraseBank:
    with PhraseBank.open(tmp_path / "empty.sqlite") as opened:
        yield opened


def texts(ranked) -> list[str]:
    return [r.text for r in ranked]


__all__ = ["Path", "texts"]
