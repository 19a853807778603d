"""Sources of corpus sentences for GW306 (corpus-copy): the phrase bank's sentence index, or corpus
texts held in memory."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SPLIT = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def sentence_key(sentence: str) -> str:
    return re.sub(r"\s+", "", sentence).rstrip("。！？!?；;")


@dataclass(frozen=True)
class SentenceHit:
    source: str


class SentenceIndex:
    """Corpus sentences held in memory (a folder of corpus files given to `gongwen lint --bank`)."""

    def __init__(self) -> None:
        self._sentences: dict[str, str] = {}

    def add_document(self, source: str, text: str, min_chars: int = 20) -> None:
        for m in _SPLIT.finditer(text):
            key = sentence_key(m.group())
            if len(key) >= min_chars:
                self._sentences.setdefault(key, source)

    def find_sentence(self, sentence: str) -> SentenceHit | None:
        source = self._sentences.get(sentence_key(sentence))
        return SentenceHit(source) if source is not None else None


class BankSentenceIndex:
    """The phrase bank's full-text sentence index: anything with `search(text, limit=)` returning hits
    that carry `.label` (how the document is named to the writer) and `.sentence`."""

    def __init__(self, bank: Any, limit: int = 5):
        self.bank = bank
        self.limit = limit

    def find_sentence(self, sentence: str) -> SentenceHit | None:
        key = sentence_key(sentence)
        if not key:
            return None
        for hit in self.bank.search(key, limit=self.limit):
            if sentence_key(hit.sentence) == key:
                return SentenceHit(hit.label)
        return None
