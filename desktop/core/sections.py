"""The outline navigator's sections: the title and each heading, with the 字数 of what it covers.

A heading's section runs to the next heading of its level or above; the title's to the end. Sections end
where a block starts and only blank text lies between blocks, so a section's 字数 is the sum of its blocks'.
`SectionCounter` keeps each block's count by its text, so a long draft edited in one place is counted
again only there.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.textstats import count_zi

if TYPE_CHECKING:
    from desktop.core.outline import Outline

LABEL_CHARS = 40


@dataclass(frozen=True)
class Section:
    line: int
    level: int  # 0 = the title
    label: str
    zi: int


class SectionCounter:
    def __init__(self) -> None:
        self._zi: dict[str, int] = {}

    def sections(self, outline: Outline) -> list[Section]:
        from desktop.core.outline import BlockKind

        text, blocks = outline.text, outline.blocks
        counts, seen = self._zi, {}
        for block in blocks:
            body = text[block.start : block.end]
            if body not in seen:
                seen[body] = counts[body] if body in counts else count_zi(body)
        self._zi = seen  # only this draft's paragraphs are kept
        before = [0, *itertools.accumulate(seen[text[b.start : b.end]] for b in blocks)]  # 字数 before block i

        marks = []  # (block index, level, label)
        for index, block in enumerate(blocks):
            if block.kind is BlockKind.TITLE:
                marks.append((index, 0, text[block.start : block.end].strip()))
            elif block.heading is not None:
                h = block.heading
                label = text[block.start : (h.title_end if h.run_in else block.end)].strip()
                marks.append((index, max(1, h.level), label))
        ends = [len(blocks)] * len(marks)  # the block each section ends before
        open_marks: list[int] = []
        for i, (index, level, _) in enumerate(marks):
            while open_marks and marks[open_marks[-1]][1] >= level:
                ends[open_marks.pop()] = index
            open_marks.append(i)
        return [
            Section(
                blocks[index].line,
                level,
                label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…",
                before[end] - before[index],
            )
            for (index, level, label), end in zip(marks, ends)
        ]


def sections(outline: Outline) -> list[Section]:
    """Title and headings in order, each with its section's 字数 (a one-off count)."""
    return SectionCounter().sections(outline)
