"""Placeholders for what a reused passage must not carry over: names, dates and figures.

"刚才，李公乐市长……" becomes "刚才，XX市长……"; "8月3日" becomes "X月X日"; "增长8.3%" becomes "增长X%".
"""

from __future__ import annotations

import functools
import re

from desktop.core import paths
from desktop.core.mining.lexicon import Lexicon, lexicon

TITLES = (
    "同志|总书记|副书记|书记|副省长|省长|副市长|市长|副县长|县长|副区长|区长|副主任|主任|副部长|部长|局长|"
    "秘书长|副主席|主席|厅长|处长|镇长|乡长|主任委员|委员长"
)
_CJK = "\u4e00-\u9fff"

# Placeholders the web copies already use, spelled many ways: xx, ××, ＸＸ, ○○.
_EXISTING_RE = re.compile(r"[xX×ＸｘＸ○]{1,3}")
_FULL_DATE_RE = re.compile(r"(?:\d{4}|X+)年(?:\d{1,2}|X+)月(?:\d{1,2}|X+)日")
_MONTH_DAY_RE = re.compile(r"(?:\d{1,2}|X+)月(?:\d{1,2}|X+)日")
_MONTH_RANGE_RE = re.compile(r"(?:\d{1,2}|X+)\s*[-—－~～至]\s*(?:\d{1,2}|X+)月")
_MONTH_RE = re.compile(r"(?<![\dX])\d{1,2}月")
_YEAR_RE = re.compile(r"(?<![\dX])\d{4}年")
_FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)*")
_X_RUN_RE = re.compile(r"X{3,}")


@functools.cache
def surnames() -> frozenset[str]:
    path = paths.resources_dir() / "mining" / "surnames.txt"
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            names.update(line.split())
    return frozenset(names)


@functools.cache
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # Two-character surnames first, then one class for the single ones: the regex engine tests a class at
    # once, but an alternative at a time.
    compound = sorted((name for name in surnames() if len(name) > 1), key=len, reverse=True)
    single = "".join(sorted(name for name in surnames() if len(name) == 1))
    family = "|".join([*compound, f"[{re.escape(single)}]"])
    before_title = re.compile(f"(?:{family})[{_CJK}]{{1,2}}(?=(?:{TITLES}))")
    after_title = re.compile(f"(?<=(?:书记|省长|市长|县长|区长|主任|部长|局长))(?:{family})[{_CJK}]{{1,2}}")
    given_comrade = re.compile(f"(?<=[，、。：；和])[{_CJK}]{{2}}(?=同志)|^[{_CJK}]{{2}}(?=同志)")
    return before_title, after_title, given_comrade


def _is_name(candidate: str, lex: Lexicon) -> bool:
    """A real name is not itself a dictionary word (区委, 代表) and is not a title fragment."""
    if lex.tag(candidate).startswith("nr"):
        return True
    if candidate in lex or candidate[:2] in lex and lex.freq(candidate[:2]) > 200:
        return False
    return not any(ch in candidate for ch in "委政府党级部门各全副总市省县区我你他她们的是在了和与及就要")


def _replace_names(text: str, lex: Lexicon) -> str:
    before_title, after_title, given_comrade = _name_patterns()

    def swap(match: re.Match[str]) -> str:
        return "XX" if _is_name(match.group(0), lex) else match.group(0)

    text = before_title.sub(swap, text)
    text = after_title.sub(swap, text)
    return given_comrade.sub(swap, text)


def placeholderise(text: str, lex: Lexicon | None = None) -> str:
    """Replace names, dates and figures by X-placeholders so the passage can be reused as it stands."""
    lex = lex or lexicon()
    text = _EXISTING_RE.sub(lambda m: "X" * min(len(m.group(0)), 2), text)
    text = _FULL_DATE_RE.sub("X年X月X日", text)
    text = _MONTH_DAY_RE.sub("X月X日", text)
    text = _MONTH_RANGE_RE.sub("X-X月", text)
    text = _MONTH_RE.sub("X月", text)
    text = _YEAR_RE.sub("X年", text)
    text = _FIGURE_RE.sub("X", text)
    text = _replace_names(text, lex)
    return _X_RUN_RE.sub("XX", text)
