"""Word's automatic list numbering (numbering.xml), turned into the literal markers Word displays.

A paragraph with w:numPr (directly or through its style) shows a marker built from its level's
w:lvlText ("%1、", "（%2）", "%3.") with each %N formatted in that level's w:numFmt (chineseCounting →
一, decimal → 1 …). Counters belong to the abstract list, so separate w:num entries of one list continue
its numbering, unless a w:num overrides a level's start (Word's "restart numbering").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from lxml import etree

from desktop.core.export.wordml import W, w_attr
from desktop.core.numerals import chinese_number

log = logging.getLogger(__name__)

_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographDigital"):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _CN_LEGAL, "拾佰仟万")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal and anything unknown


def _roman(n: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
              (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in values:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    is_legal: bool = False
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never


@dataclass
class _Num:
    abstract_id: str
    overrides: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)


class ListNumbering:
    """Reads numbering.xml once; `marker(num_id, ilvl)` returns the next marker of that list level."""

    def __init__(self, numbering_root: etree._Element | None, style_num: dict[str, tuple[str, int]] | None = None):
        self._abstract: dict[str, dict[int, Level]] = {}
        self._abstract_link: dict[str, str] = {}  # numStyleLink name → style id resolved later
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started_nums: set[str] = set()
        self._style_num = style_num or {}
        if numbering_root is not None:
            self._read(numbering_root)

    def _read(self, root: etree._Element) -> None:
        for abstract in root.iter(W + "abstractNum"):
            abs_id = w_attr(abstract, "abstractNumId")
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(W + "lvl"):
                levels[int(w_attr(lvl, "ilvl") or 0)] = _level(lvl)
            self._abstract[abs_id] = levels
            link = abstract.find(W + "numStyleLink")
            if link is not None:
                self._abstract_link[abs_id] = w_attr(link, "val")
        for num in root.iter(W + "num"):
            num_id = w_attr(num, "numId")
            ref = num.find(W + "abstractNumId")
            entry = _Num(w_attr(ref, "val") if ref is not None else "")
            for override in num.iter(W + "lvlOverride"):
                ilvl = int(w_attr(override, "ilvl") or 0)
                start = override.find(W + "startOverride")
                if start is not None:
                    entry.start_overrides[ilvl] = int(w_attr(start, "val") or 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    entry.overrides[ilvl] = _level(lvl)
            self._nums[num_id] = entry

    def _levels(self, num: _Num) -> tuple[str, dict[int, Level]]:
        abs_id = num.abstract_id
        for _ in range(5):  # a list defined by a numbering style: follow w:numStyleLink to its list
            link = self._abstract_link.get(abs_id)
            if not link or link not in self._style_num:
                break
            linked = self._nums.get(self._style_num[link][0])
            if linked is None:
                break
            abs_id = linked.abstract_id
        return abs_id, self._abstract.get(abs_id, {})

    def marker(self, num_id: str, ilvl: int) -> str:
        num = self._nums.get(num_id)
        if num is None or num_id == "0":  # numId 0 switches numbering off
            return ""
        abs_id, levels = self._levels(num)
        level = num.overrides.get(ilvl) or levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abs_id, {})
        if num_id not in self._started_nums:
            self._started_nums.add(num_id)
            for lvl_index, start in num.start_overrides.items():
                counters.pop(lvl_index, None)
                counters[-1 - lvl_index] = start  # pending start value for that level
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            pending = counters.pop(-1 - ilvl, None)
            counters[ilvl] = pending if pending is not None else level.start
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = num.overrides.get(deeper) or levels.get(deeper)
            if deeper_level is None or deeper_level.restart != 0:
                del counters[deeper]

        def substitute(match: re.Match) -> str:
            ref = int(match.group(1)) - 1
            ref_level = num.overrides.get(ref) or levels.get(ref) or Level()
            value = counters.get(ref, ref_level.start)
            fmt = "decimal" if level.is_legal and ref_level.fmt != "none" else ref_level.fmt
            return format_number(value, fmt)

        if level.fmt == "bullet":
            return _bullet(level.text)
        return re.sub(r"%([1-9])", substitute, level.text)


def _bullet(text: str) -> str:
    # Symbol/Wingdings bullets live in the private-use area; show the usual bullet instead
    if not text or any(0xE000 <= ord(ch) <= 0xF8FF for ch in text):
        return "•"
    return text


def _level(lvl: etree._Element) -> Level:
    def val(tag: str) -> str | None:
        element = lvl.find(W + tag)
        return w_attr(element, "val") if element is not None else None

    restart = val("lvlRestart")
    return Level(
        start=int(val("start") or 1), fmt=val("numFmt") or "decimal",
        text=val("lvlText") if val("lvlText") is not None else "",
        is_legal=lvl.find(W + "isLgl") is not None, restart=int(restart) if restart is not None else None,
    )
