"""Chinese numerals as writers and Word write them: 一, 十一, 二十一, 一百零五.

Shared by the outline parser (messages such as 「后面实际有一百一十点」) and the .docx import (Word's
chineseCounting list numbers); it imports nothing, so the checker's path stays light."""

from __future__ import annotations

CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int, digits: str = CN_DIGITS, units: str = "十百千万") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (as Word's chineseCounting shows them)."""
    if n <= 0:
        return digits[0]
    if n >= 100000:
        return str(n)
    parts: list[str] = []
    text = str(n)
    zero_pending = False
    for index, ch in enumerate(text):
        power = len(text) - index - 1
        d = int(ch)
        if d == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append(digits[0])
            zero_pending = False
        unit = units[power - 1] if power else ""
        if not (d == 1 and power == 1 and index == 0 and digits is CN_DIGITS):  # 十一, not 一十一
            parts.append(digits[d])
        parts.append(unit)
    return "".join(parts)


def chinese_count(n: int) -> str:
    """A count before a measure word, as Chinese says it: 两点, 两个方面, 十二条. 二 stays for ordinals (第二,
    二是) and inside larger numbers (十二, 二十)."""
    return "两" if n == 2 else chinese_number(n)
