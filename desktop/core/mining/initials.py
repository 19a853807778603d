"""Pinyin initials of a phrase (久久为功 → jjwg), phrase-aware for polyphones (银行 → yh, 行动 → xd).

The readings come from pypinyin's data: its phrase dictionary decides polyphones from the word a
character stands in (重 in 重要/重复, 行 in 银行/行动, 长 in 长期/增长), read by forward maximum matching
as pypinyin itself does; other characters take their first reading. Reading the tables directly is some
fifty times faster than calling pypinyin once per phrase, which matters when a corpus yields tens of
thousands of phrases. The bank stores the result so that a query never has to load pypinyin.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def _first_letter(reading: str) -> str:
    base = unicodedata.normalize("NFD", reading)[:1]
    return base.lower() if base.isascii() and base.isalpha() else ""


def _by_opening(words: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First two characters → the lengths of the words they open, longest first."""
    sizes: dict[str, set[int]] = {}
    for word in words:
        if len(word) >= 2:
            sizes.setdefault(word[:2], set()).add(len(word))
    return {opening: tuple(sorted(lengths, reverse=True)) for opening, lengths in sizes.items()}


@dataclass(frozen=True)
class _Tables:
    letters: dict[int, str]  # str.translate table: a character's initial on its own ("" drops it)
    phrases: dict[str, str]  # phrase → its initials (phrases with one initial per character)
    sizes: dict[str, tuple[int, ...]]  # of the phrases, by their first two characters
    # Phrases read otherwise than their characters on their own (重要 zy, not cy), and what they share:
    differing: frozenset[str]
    differing_sizes: dict[str, tuple[int, ...]]
    ambiguous: frozenset[str]  # the characters those phrases read otherwise (重, 行, 长)


class _DropOthers(dict):
    """A translate table that drops every character it does not name (punctuation, unknown symbols)."""

    def __missing__(self, code: int) -> str:
        return ""


@functools.cache
def _tables() -> _Tables:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT  # loaded only when mining, never by a query

    letters = _DropOthers(
        {code: _first_letter(readings.split(",")[0]) for code, readings in PINYIN_DICT.items() if code > 127}
    )
    letters.update({ord(ch): ch.lower() for ch in map(chr, range(128)) if ch.isalnum()})
    # Punctuation is named too, so that reading a phrase's marks does not go through __missing__.
    for code in (*range(128), *range(0x2000, 0x2070), *range(0x3000, 0x3040), *range(0xFF00, 0xFF66)):
        letters.setdefault(code, "")
    phrases = {}
    for word, readings in PHRASES_DICT.items():
        initials = "".join(_first_letter(options[0]) for options in readings)
        if len(initials) == len(word):  # the others are never taken for a phrase
            phrases[word] = initials
    differing = frozenset(word for word, initials in phrases.items() if word.translate(letters) != initials)
    ambiguous = frozenset(
        ch
        for word in differing
        for ch, initial in zip(word, phrases[word])
        if letters[ord(ch)] != initial
    )
    return _Tables(letters, phrases, _by_opening(phrases), differing, _by_opening(differing), ambiguous)


def _holds_differing(text: str, tables: _Tables) -> bool:
    for i in range(len(text) - 1):
        for size in tables.differing_sizes.get(text[i : i + 2], ()):
            if text[i : i + size] in tables.differing:
                return True
    return False


@functools.lru_cache(maxsize=1 << 16)  # a corpus mines the same phrases in many documents
def initials_of(text: str) -> str:
    """First letters of the pinyin of every Chinese character; Latin letters and digits kept, lower case.

    Punctuation and characters without a reading are dropped.
    """
    tables = _tables()
    # Phrases decide only where one read otherwise than its characters stands in the text; elsewhere
    # the characters' own initials are the phrases' too, whichever phrases matching would pick.
    if tables.ambiguous.isdisjoint(text) or not _holds_differing(text, tables):
        return text.translate(tables.letters)
    phrases, letters, sizes = tables.phrases, tables.letters, tables.sizes
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for size in sizes.get(text[i : i + 2], ()):
            if size <= n - i:
                reading = phrases.get(text[i : i + size])
                if reading is not None:
                    out.append(reading)
                    i += size
                    break
        else:
            out.append(letters[ord(text[i])])
            i += 1
    return "".join(out)
