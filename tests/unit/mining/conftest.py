"""Fixtures for the mining tests: the dictionary (loaded once per session) and small documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.corpus.document import CleanDocument
from desktop.core.mining.lexicon import Lexicon, lexicon


@pytest.fixture(scope="session")
def lex() -> Lexicon:
    return lexicon()


@pytest.fixture
def make_doc():
    def make(text: str, name: str = "讲话.txt") -> CleanDocument:
        return CleanDocument(Path(name), name, text.split("\n", 1)[0], text, "0" * 64, "utf-8")

    return make
