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
from dataclasses import dataclass

def _first_letter(reading: str) -> str:
    base = unicodedata.normalize("NFD", reading)[:1]
    return base.lower() if base.isascii() and base.isalpha() else ""


@dataclass(frozen=True)
class _Tables:
    phrases: dict[str, str]  # phrase → initials of its readings
    chars: dict[str, str]  # character → initial of its first reading
    sizes: dict[str, tuple[int, ...]]  # first two characters → lengths of the phrases they start, longest first
    ambiguous: frozenset[str]  # characters some phrase reads with another initial (重, 行, 长)
    letters: dict[int, str]  # str.translate table: a character's initial ("" drops it)


class _DropOthers(dict):
    """A translate table that drops every character it does not name (punctuation, unknown symbols)."""

    def __missing__(self, code: int) -> str:
        return ""


@functools.cache
def _tables() -> _Tables:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT  # loaded only when mining, never by a query

    phrases = {
        word: "".join(_first_letter(options[0]) for options in readings)
        for word, readings in PHRASES_DICT.items()
    }
    chars = {chr(code): _first_letter(readings.split(",")[0]) for code, readings in PINYIN_DICT.items()}
    sizes: dict[str, set[int]] = {}
    for word in phrases:
        if len(word) >= 2:
            sizes.setdefault(word[:2], set()).add(len(word))
    # Only a phrase whose initials differ from its characters' own can change the result, and it does so at
    # these characters: a text without any of them reads the same whatever the phrases.
    ambiguous = frozenset(
        ch
        for word, initials in phrases.items()
        if len(initials) == len(word)
        for ch, initial in zip(word, initials)
        if chars.get(ch, "") != initial
    )
    letters = _DropOthers({ord(ch): letter for ch, letter in chars.items() if not ch.isascii()})
    letters.update({ord(ch): ch.lower() for ch in map(chr, range(128)) if ch.isalnum()})
    return _Tables(
        phrases, chars, {ch: tuple(sorted(n, reverse=True)) for ch, n in sizes.items()}, ambiguous, letters
    )


@functools.lru_cache(maxsize=1 << 16)  # a corpus mines the same phrases in many documents
def initials_of(text: str) -> str:
    """First letters of the pinyin of every Chinese character; Latin letters and digits kept, lower case.

    Punctuation and characters without a reading are dropped.
    """
    tables = _tables()
    if tables.ambiguous.isdisjoint(text):
        # No character whose initial depends on its word: read them all at once.
        return text.translate(tables.letters)
    phrases, letters, sizes = tables.phrases, tables.letters, tables.sizes
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for size in sizes.get(text[i : i + 2], ()):
            if size <= n - i:
                reading = phrases.get(text[i : i + size])
                if reading is not None and len(reading) == size:
                    out.append(reading)
                    i += size
                    break
        else:
            out.append(letters[ord(text[i])])
            i += 1
    return "".join(out)
