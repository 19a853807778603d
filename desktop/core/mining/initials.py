"""Pinyin initials of a phrase (久久为功 → jjwg), phrase-aware for polyphones (银行 → yh, 行动 → xd).

The bank stores the result so that a query never has to load pypinyin.
"""

from __future__ import annotations

import re

_LATIN_RE = re.compile(r"[A-Za-z0-9]+")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def initials_of(text: str) -> str:
    """First letters of the pinyin of every Chinese character; Latin letters and digits kept, lower case.

    pypinyin reads whole words from its phrase dictionary first, so 重 in 重要/重复, 行 in 银行/行动 and
    长 in 长期/增长 get the reading of the word they stand in. Punctuation is dropped.
    """
    from pypinyin import Style, lazy_pinyin  # loaded only when mining, never by a query

    letters: list[str] = []
    for syllable in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default"):
        if _CJK_RE.search(syllable):
            continue  # a character pypinyin does not know
        letters.extend(_LATIN_RE.findall(syllable))
    return "".join(letters).lower()
