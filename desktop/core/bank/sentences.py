"""Plain-Python text helpers the bank needs at import and at query time (no jieba, no pypinyin).

Sentences feed the concordance index; character bigrams stand in for words when ranking phrases by
the paragraph at the cursor, so a query never has to load a word segmenter.
"""

from __future__ import annotations

import re

# A sentence ends at 。！？； or an ellipsis, with any closing quotes or brackets that follow it.
_SENTENCE_END = re.compile(r"(?:[。！？!?；;]|……)+[”’」』）)]*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")


def split_sentences(text: str) -> list[str]:
    """Split cleaned text (one paragraph a line) into sentences, keeping their final punctuation."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            piece = paragraph[start : match.end()].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def han_bigram_list(text: str) -> list[str]:
    """Pairs of adjacent Chinese characters in reading order: a segmenter-free stand-in for words."""
    return [run[i : i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1)]


def han_bigrams(text: str) -> set[str]:
    return set(han_bigram_list(text))


def is_initials_query(query: str) -> bool:
    """A query of Latin letters only is read as pinyin initials (jjwg → 久久为功)."""
    return bool(_ASCII_LETTERS.fullmatch(query))


def normalize_initials(initials: str) -> str:
    return "".join(ch for ch in initials.lower() if "a" <= ch <= "z")
