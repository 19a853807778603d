"""What cleaning removed and why: every cut piece and dropped line with the rule that took it.

A writer who sees text vanish from an imported speech must be able to find out why; `gongwen clean
--explain` and the import dialog show these records, one line each, with the rule's Chinese label from
resources/corpus_cleaning.toml.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Removal:
    rule: str  # the rule's kind, e.g. "markup", "nav_row", "advert"
    text: str  # the piece as it stood (a dropped line: the whole line)
    line: int  # 1-based line of the text as read, 0 when it cannot be told
    whole_line: bool = False  # the line went entirely, not a piece of it
    count: int = 1  # the same piece cut this many times from this line

    @property
    def chars(self) -> int:
        """Characters removed, spaces not counted."""
        return sum(1 for ch in self.text if not ch.isspace()) * self.count


class Trace:
    """Collects removals while a text is cleaned; the same piece cut repeatedly from one line is one
    record with a count."""

    def __init__(self) -> None:
        self.removals: list[Removal] = []
        self._index: dict[tuple[str, str, int], int] = {}

    def cut(self, rule: str, text: str, line: int) -> None:
        if not text.strip():
            return
        key = (rule, text, line)
        at = self._index.get(key)
        if at is None:
            self._index[key] = len(self.removals)
            self.removals.append(Removal(rule, text, line))
        else:
            previous = self.removals[at]
            self.removals[at] = Removal(rule, text, line, previous.whole_line, previous.count + 1)

    def drop(self, rule: str, text: str, line: int) -> None:
        if text.strip():
            self.removals.append(Removal(rule, text, line, whole_line=True))

    def emptied(self, since: int) -> None:
        """The cuts recorded from index `since` on left nothing of their line: they took the whole line."""
        for index in range(since, len(self.removals)):
            removal = self.removals[index]
            self.removals[index] = Removal(removal.rule, removal.text, removal.line, True, removal.count)


def removed_lines(removals: tuple[Removal, ...] | list[Removal]) -> int:
    """Lines of the text as read that went entirely."""
    numbered = {removal.line for removal in removals if removal.whole_line and removal.line}
    return len(numbered) + sum(1 for removal in removals if removal.whole_line and not removal.line)


class RemovalCounts:
    """What a file's summary says of its `removals`: lines gone, characters removed."""

    removals: tuple[Removal, ...]

    @property
    def removed_lines(self) -> int:
        return removed_lines(self.removals)

    @property
    def removed_chars(self) -> int:
        return sum(removal.chars for removal in self.removals)


@dataclass(frozen=True)
class CleanResult(RemovalCounts):
    paragraphs: list[str]
    removals: tuple[Removal, ...] = field(default=())

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


_SHOWN = 80  # characters of a removed piece shown on its line


def explain(removals: tuple[Removal, ...] | list[Removal], labels: Mapping[str, str]) -> list[str]:
    """One line per removal, in the order of the text: where, which rule, what."""
    lines = []
    for removal in sorted(removals, key=lambda r: (r.line == 0, r.line)):
        where = f"第 {removal.line} 行" if removal.line else "（整理时）"
        what = "整行" if removal.whole_line else "删去"  # a line emptied by several cuts: each 整行
        shown = removal.text if len(removal.text) <= _SHOWN else removal.text[: _SHOWN - 1] + "…"
        times = f"（{removal.count} 处）" if removal.count > 1 else ""
        lines.append(f"{where}　{labels.get(removal.rule, removal.rule)}　{what}：{shown}{times}")
    return lines


def summary(result: RemovalCounts) -> str:
    """“删去 3 行、120 字” for a file, or “未删去内容”."""
    if not result.removals:
        return "未删去内容"
    return f"删去 {result.removed_lines} 行、{result.removed_chars} 字"
