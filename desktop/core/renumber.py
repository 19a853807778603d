"""Renumbering a draft after a section was added, deleted or moved.

Built on the outline parse (desktop/core/outline.py), so it numbers exactly the lists the checker sees:
- headings: each list of siblings (一、 （一） 1. （1） ① 第一， 第一部分 第一句话 under one parent) counts
  1, 2, 3 … in text order; a list that was numbered on from the previous list of its family (1. 2. under
  （一）, 3. 4. under （二）, a house style the checker accepts) stays numbered on;
- inline runs: 一是/二是, 一要/二要, 第一，/第二，, 其一/其二, ①/② count by their place in the run; 首先/其次/
  再次/最后 are words, not numbers, and are left as written (a 第三， that continues them is numbered);
- announced counts: 讲三点意见 says as many as the items that follow, with 两 where Chinese says it (两点, not
  二点; 第二 and 二是 stay ordinals).

Only the numerals change: a marker keeps the form it was typed in (fixing 1、 to 1. is GW103's business).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.numerals import chinese_count
from desktop.core.outline import CIRCLED, MARKERS, Outline, cn_numeral, parse_outline

_SPEC = {spec.family: spec for spec in MARKERS}
_CN_RUN = re.compile(r"[一二三四五六七八九十两]+")


@dataclass(frozen=True)
class NumberChange:
    """One numeral rewritten: text[offset:offset+length] becomes `replacement`."""

    offset: int
    length: int
    replacement: str
    kind: str  # "heading", "run" or "count"
    scope: int  # where the list (or the announcement) this change belongs to starts: changes that go together
    before: str  # the marker or announcement as it reads now, and after the change, for messages
    after: str


@dataclass(frozen=True)
class HeldCount:
    """An announcement that says more items than are written, in a draft with no closing yet: the rest may
    still be coming, so its count is left as it is."""

    offset: int
    phrase: str  # 讲三点意见
    written: int  # the items written so far


@dataclass
class Renumbering:
    changes: list[NumberChange] = field(default_factory=list)
    held: list[HeldCount] = field(default_factory=list)

    def summary(self, limit: int = 3) -> str:
        """A line for the status bar: 已重新编号 3 处：「三、」改为「二、」，…"""
        if self.changes:
            shown = "，".join(f"「{c.before}」改为「{c.after}」" for c in self.changes[:limit])
            more = "等" if len(self.changes) > limit else ""
            line = f"已重新编号 {len(self.changes)} 处：{shown}{more}。"
        else:
            line = "序号已连续，条数与预告相符，无需重新编号。"
        for held in self.held[:1]:
            line += f"「{held.phrase}」后面目前写了{chinese_count(held.written)}项，写完结尾后再核对条数。"
        return line


def plan_renumbering(outline: Outline) -> Renumbering:
    """Every numeral that renumbering would change, in text order."""
    counts, held = _count_changes(outline)
    changes = _heading_changes(outline) + _run_changes(outline) + counts
    return Renumbering(sorted(changes, key=lambda c: c.offset), held)


def renumber_text(text: str) -> tuple[str, Renumbering]:
    """The text renumbered, and what changed."""
    plan = plan_renumbering(parse_outline(text))
    return apply_changes(text, plan.changes), plan


def apply_changes(text: str, changes: list[NumberChange]) -> str:
    out, pos = [], 0
    for change in sorted(changes, key=lambda c: c.offset):
        out.append(text[pos : change.offset])
        out.append(change.replacement)
        pos = change.offset + change.length
    out.append(text[pos:])
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------


def _numeral(family: str, number: int) -> str | None:
    """How `number` is written in a marker of `family`; None when the family has no way to write it."""
    if family == "①":
        return CIRCLED[number - 1] if 0 < number <= len(CIRCLED) else None
    if family in ("1.", "（1）"):
        return str(number)
    return cn_numeral(number)


def _change(
    text: str, kind: str, scope: int, marker: tuple[int, int], numeral: tuple[int, int], new: str
) -> NumberChange:
    """The numeral at `numeral` (inside the marker or announcement at `marker`) rewritten as `new`."""
    start, end = marker
    a, b = numeral
    before = text[start:end]
    after = before[: a - start] + new + before[b - start :]
    return NumberChange(a, b - a, new, kind, scope, before.strip(), after.strip())


def _lists_in(numbers: list[int]) -> list[list[int]]:
    """Split one sibling group into the lists it holds, as indices.

    A group may hold a list inside a list of the same family: 一、二、三、 with a 一、二、三、 of measures
    under 三、, and then 四、 going on. A 1 followed by a 2, after a list of two or more, starts such an
    inner list; a number one past an outer list's last goes back to that list. Anything else (a repeat, a
    gap, a section moved) stays in the list it is in, to be numbered in order."""
    lists: list[list[int]] = []
    open_lists: list[list[int]] = []  # innermost last
    for i, n in enumerate(numbers):
        if not open_lists:
            open_lists.append([i])
            lists.append(open_lists[-1])
            continue
        top = open_lists[-1]
        nested = n == 1 and len(top) >= 2 and i + 1 < len(numbers) and numbers[i + 1] == 2
        if nested:
            open_lists.append([i])
            lists.append(open_lists[-1])
            continue
        if n != numbers[top[-1]] + 1:
            outers = range(len(open_lists) - 2, -1, -1)
            outer = next((k for k in outers if numbers[open_lists[k][-1]] + 1 == n), None)
            if outer is not None:
                del open_lists[outer + 1 :]
        open_lists[-1].append(i)
    return lists


def _heading_changes(outline: Outline) -> list[NumberChange]:
    text = outline.text
    changes: list[NumberChange] = []
    # per family: (number the previous list ended on as typed, as renumbered, the scope it belongs to)
    last: dict[str, tuple[int, int, int]] = {}
    for group in sorted(outline.sibling_groups(), key=lambda g: g[0].start):
        family = group[0].heading.family
        numbers = [b.heading.number for b in group]
        lists = _lists_in(numbers)
        for k, indices in enumerate(lists):
            first = group[indices[0]].heading
            before = last.get(family) if k == 0 else None
            if before is not None and first.number > 1 and first.number == before[0] + 1:
                start, scope = before[1] + 1, before[2]  # numbered on from the previous list
            else:
                start, scope = 1, first.marker_start
            for number, i in enumerate(indices, start):
                h = group[i].heading
                new = _numeral(family, number)
                if h.number != number and new is not None:
                    m = _SPEC[family].pattern.match(text, h.marker_start)
                    if m is not None:
                        changes.append(
                            _change(text, "heading", scope, (h.marker_start, h.marker_end), m.span("n"), new)
                        )
            if k == 0:
                last[family] = (numbers[indices[-1]], start + len(indices) - 1, scope)
    return changes


def _run_changes(outline: Outline) -> list[NumberChange]:
    text = outline.text
    changes: list[NumberChange] = []
    section_of = _sections(outline)
    # per family: (section, number the previous run ended on as typed, as renumbered, its scope)
    last: dict[str, tuple[int, int, int, int]] = {}
    for run in outline.runs:
        first = run.items[0]
        section = section_of[first.block]
        before = last.get(first.family)
        if first.family == "首先":
            base, scope = first.number if first.number > 0 else 1, first.start  # 其次 with no 首先 counts from 2
        elif before is not None and before[0] == section and 1 < first.number == before[1] + 1:
            # a run the parser cut where long paragraphs stand between its items: it numbers on
            base, scope = before[2] + 1, before[3]
        elif first.number > 1 and len(run.items) == 1:
            continue  # a lone 三要 is more likely a quoted slogan (“三要三不要”) than a list missing its start
        else:
            base, scope = 1, first.start
        for place, item in enumerate(run.items, base):
            if item.family == "首先" or item.number == place:
                continue
            if item.family == "①":
                span = (item.start, item.start + 1)
                new = CIRCLED[place - 1] if place <= len(CIRCLED) else None
            else:
                m = _CN_RUN.search(text, item.start, item.end)
                span = m.span() if m else None
                new = cn_numeral(place)
            if span is not None and new is not None:
                changes.append(_change(text, "run", scope, (item.start, item.end), span, new))
        last[first.family] = (section, run.items[-1].number, base + len(run.items) - 1, scope)
    return changes


def _sections(outline: Outline) -> list[int]:
    """For each block, how many headings stand at or before it: blocks with the same value share a section."""
    out, count = [], 0
    for block in outline.blocks:
        count += block.heading is not None
        out.append(count)
    return out


def _count_changes(outline: Outline) -> tuple[list[NumberChange], list[HeldCount]]:
    text = outline.text
    changes: list[NumberChange] = []
    held: list[HeldCount] = []
    finished = outline.closing is not None
    for ann in outline.announcements:
        if ann.count is None or not ann.items or ann.number_start < 0:
            continue  # 讲几点意见 names no number; an announcement with nothing recognisable after it is left
        written = len(ann.items)
        if written < ann.count and not finished:
            held.append(HeldCount(ann.start, ann.phrase, written))
            continue
        new = chinese_count(written)
        if text[ann.number_start : ann.number_end] != new:
            numeral = (ann.number_start, ann.number_end)
            changes.append(_change(text, "count", ann.start, (ann.start, ann.end), numeral, new))
    return changes, held
