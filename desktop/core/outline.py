"""The draft's structure, parsed once and shared by lint, export, the outline navigator and the highlighter.

Offsets are character offsets into `Outline.text` (line endings already read as \\n); `end` is exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    TITLE = "title"
    SUBTITLE = "subtitle"  # a "——" line under the title
    BYLINE = "byline"  # speaker and date lines under the title
    SALUTATION = "salutation"  # 同志们：
    HEADING = "heading"  # stand-alone or run-in; details in Block.heading
    PARAGRAPH = "paragraph"
    CLOSING = "closing"  # the closing paragraph of a speech


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, as used in this document
    family: str  # marker family, e.g. "一、", "（一）", "1.", "（1）", "①", "第一，", "第一句话", "第一部分"
    number: int
    marker: str  # the marker exactly as typed
    marker_start: int
    marker_end: int
    title_end: int  # end of the heading part: after the first 。 of a run-in heading, else the block end
    run_in: bool


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    line: int  # 0-based line number
    heading: Heading | None = None


@dataclass
class Outline:
    text: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.heading is not None]

    @property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.kind is BlockKind.TITLE), None)


# Interim parser: recognises only the title, 同志们： and the 一、/（一） levels.
_LEVELS = [(re.compile(r"[一二三四五六七八九十]+、"), 1, "一、"), (re.compile(r"（[一二三四五六七八九十]+）"), 2, "（一）")]


def parse_outline(text: str) -> Outline:
    outline = Outline(text)
    offset = 0
    for line_no, line in enumerate(text.split("\n")):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        if not outline.blocks:
            outline.blocks.append(Block(BlockKind.TITLE, start, end, line_no))
            continue
        if line.startswith("同志们"):
            outline.blocks.append(Block(BlockKind.SALUTATION, start, end, line_no))
            continue
        for pattern, level, family in _LEVELS:
            match = pattern.match(line)
            if match:
                full_stop = line.find("。", match.end())
                run_in = 0 <= full_stop < len(line) - 1
                title_end = start + full_stop + 1 if run_in else end
                heading = Heading(level, family, 0, match.group(), start, start + match.end(), title_end, run_in)
                outline.blocks.append(Block(BlockKind.HEADING, start, end, line_no, heading))
                break
        else:
            outline.blocks.append(Block(BlockKind.PARAGRAPH, start, end, line_no))
    return outline
