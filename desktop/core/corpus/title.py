"""Find a speech's title among its first lines: "在……上的讲话", or a short line naming a speech."""

from __future__ import annotations

import re

from desktop.core.corpus.chars import PARAGRAPH_END
from desktop.core.corpus.reflow import HEADING_START

# Simplified and traditional forms: a speech copied in 繁體 keeps its script (docs/CORPUS.md).
_KINDS = (
    r"(?:讲话|发言|致辞|讲话稿|讲话材料|讲话提纲|讲稿|发言稿|发言材料"
    r"|主持词|报告|工作报告|总结讲话|动员讲话|党课"
    r"|講話|發言|致辭|講話稿|講話材料|講稿|發言稿|主持詞|報告|工作報告|黨課)"
)
# 在全市重点工作推进会上的讲话 / 在……座谈会上的发言
_SPEECH_TITLE = re.compile(rf"^(?:——)?在[^。！？；：]{{2,60}}(?:上|中|时|時|之际|之際|前夕)的{_KINDS}(?:稿|材料)?$")
# 工作推进会领导讲话材料 / 市政府重点工作推进会讲话
_NAMED_SPEECH = re.compile(rf"^[^。！？；：，]{{2,50}}{_KINDS}(?:稿|材料)?$")
_SALUTATION = re.compile(r"^(?:同志们|同志們|各位|尊敬的)")
# The subtitle under a report's title: ——2026年1月26日在……第五次会议上 (or in brackets)
_SUBTITLE = re.compile(r"^(?:——|[（(])[^。！？；：]{0,24}在[^。！？；：]{2,60}(?:上|中|时|時)(?:的" + _KINDS + r")?[）)]?$")
_UNFINISHED = re.compile(r"[。！？；：，、]")
_WRAPPED_PART = 40  # the longest line a wrapped title leaves
MAX_TITLE_LENGTH = 60
_WINDOW = 15


def find_title_index(lines: list[str], window: int = _WINDOW) -> int | None:
    """Index of the speech title among the first lines, or None when none looks like one."""
    head = lines[:window]
    for pattern in (_SPEECH_TITLE, _NAMED_SPEECH):
        for index, line in enumerate(head):
            if len(line) <= MAX_TITLE_LENGTH and pattern.match(line):
                # "——在……上的报告" is a subtitle: the title stands on the line before it.
                if line.startswith("——") and index and _could_be_title(head[index - 1]):
                    return index - 1
                return index
    return None


def _could_be_title(line: str) -> bool:
    return (
        len(line) <= MAX_TITLE_LENGTH and line[-1] not in PARAGRAPH_END + "，" and not HEADING_START.match(line)
    )


def looks_like_title(line: str) -> bool:
    """A line shaped like a speech's title: 在……上的讲话, or a short line naming a speech."""
    return len(line) <= MAX_TITLE_LENGTH and bool(_SPEECH_TITLE.match(line) or _NAMED_SPEECH.match(line))


def choose_title(lines: list[str], fallback: str) -> str:
    """The title: a recognised speech title, else a short first line that is not a sentence, salutation or
    numbered heading, else fallback."""
    index = find_title_index(lines)
    if index is not None:
        return lines[index]
    if lines:
        first = lines[0]
        if (
            len(first) <= 40
            and first[-1] not in PARAGRAPH_END + "，"
            and not _SALUTATION.match(first)
            and not HEADING_START.match(first)  # 一、关于经济工作 is a section, not the title
        ):
            return first
    return fallback


def join_wrapped_title(lines: list[str]) -> list[str]:
    """A title or subtitle a page wrapped onto two lines (——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上;
    在全县经济工作会议上的 / 讲话) is one line again: two short lines among the first, neither a sentence,
    that together have a title's shape which the first alone has not."""
    for index in range(min(len(lines), _WINDOW) - 1):
        first, second = lines[index], lines[index + 1]
        if _SALUTATION.match(first) or _SALUTATION.match(second):
            break  # the speech has begun
        if (
            len(first) <= _WRAPPED_PART
            and len(second) <= _WRAPPED_PART
            and not _UNFINISHED.search(first + second)
            and not HEADING_START.match(second)
            and not _titled(first)
            and not _titled(second)
            and _titled(first + second)
        ):
            return [*lines[:index], first + second, *lines[index + 2 :]]
    return lines


def _titled(line: str) -> bool:
    return bool(_SPEECH_TITLE.match(line) or _SUBTITLE.match(line))
