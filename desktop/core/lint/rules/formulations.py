"""规范表述: fixed political formulations written word for word, in their fixed order (resources/rules/
formulations.toml, extended by the writer's own formulations.toml in the config folder)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.core.lint.model import (
    Diagnostic,
    Example,
    Level,
    ParagraphContext,
    Rule,
    RuleDoc,
    prepared,
    single_fix,
)
from desktop.core.lint.wordsearch import literal_pattern

_JOINER = re.compile(r"[、，,；\s“”]*(?:和|及|以及|与)?[、，,\s“”]*")  # what may stand between two items of a run
_SENTENCE_END = re.compile(r"[。！？；\n]")


@dataclass(frozen=True)
class _Prepared:
    wrong: re.Pattern[str] | None
    entry_of_wrong: dict[str, dict[str, Any]]
    items: re.Pattern[str] | None
    ordered: tuple[dict[str, Any], ...]  # the entries with items


def _prepare(data: dict[str, Any]) -> _Prepared:
    entries = data.get("formulations", [])
    entry_of_wrong = {w: e for e in entries for w in e.get("wrong", ())}
    ordered = tuple(e for e in entries if e.get("items"))
    words = {i for e in ordered for i in e["items"]}
    return _Prepared(literal_pattern(entry_of_wrong), entry_of_wrong, literal_pattern(words), ordered)


def _message(entry: dict[str, Any], typed: str) -> str:
    return f"「{typed}」不是规范表述，应为「{entry['right']}」（{entry.get('source', '规范表述')}）"


def check_formulations(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    prep: _Prepared = prepared(ctx.data, "formulations", _prepare)
    text = ctx.text
    if prep.wrong is not None:
        for m in prep.wrong.finditer(text):
            entry = prep.entry_of_wrong[m.group()]
            fix = single_fix(m.start(), len(m.group()), entry["right"], safe=bool(entry.get("safe", False)))
            yield rule.diagnostic(m.start(), len(m.group()), _message(entry, m.group()), fix)
    if prep.items is not None:
        yield from _misordered(rule, text, prep)


def _runs(text: str, pattern: re.Pattern[str]) -> Iterator[list[re.Match[str]]]:
    """Items standing next to each other, joined only by 、，和 and the like."""
    run: list[re.Match[str]] = []
    for m in pattern.finditer(text):
        if run and not _JOINER.fullmatch(text, run[-1].end(), m.start()):
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def _misordered(rule: Rule, text: str, prep: _Prepared) -> Iterator[Diagnostic]:
    for run in _runs(text, prep.items):
        typed = [m.group() for m in run]
        for entry in prep.ordered:
            if entry.get("whole") and 2 <= len(set(typed) & set(entry["items"])) < len(entry["items"]):
                start, end = run[0].start(), run[-1].end()
                yield rule.diagnostic(
                    start, end - start,
                    f"「{'、'.join(typed)}」少了几项：规范表述是「{entry['right']}」（{entry.get('source', '规范表述')}）",
                )
                continue
            items = list(entry["items"])
            n = len(items)
            for k in range(len(typed) - n + 1):
                window = typed[k : k + n]
                if sorted(window) != sorted(items) or window == items:
                    continue
                start, end = run[k].start(), run[k + n - 1].end()
                near = entry.get("near")
                if near and not _in_sentence(text, start, end, near):
                    continue
                slots = run[k : k + n]
                fixed = text[start:end]
                for slot, item in sorted(zip(slots, items), key=lambda p: p[0].start(), reverse=True):
                    fixed = fixed[: slot.start() - start] + item + fixed[slot.end() - start :]
                yield rule.diagnostic(
                    start, end - start,
                    f"「{'、'.join(window)}」的顺序是固定的，应为「{'、'.join(items)}」（{entry.get('source', '规范表述')}）",
                    single_fix(start, end - start, fixed, safe=False),
                )


def _in_sentence(text: str, start: int, end: int, word: str) -> bool:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    return word in text[left : stop.start() if stop else len(text)]


RULES = (
    Rule(
        "GW502", "formulation", Level.WARNING,
        RuleDoc(
            "规范表述写走了样：少了顿号（不忘初心牢记使命）、缩写或改字（不敢、不能、不想腐；打铁还需自身硬）、"
            "固定顺序颠倒（不能腐、不敢腐、不想腐）。词表见 resources/rules/formulations.toml，每条注明出处。",
            "党章、党代会报告等确定的表述要一字不差地引用，审稿逐字核对；写走样是政治性差错。",
            "照规范表述改正；本单位常用的表述可写进配置文件夹的 formulations.toml。",
        ),
        (
            Example("深入开展不忘初心牢记使命主题教育。", "深入开展“不忘初心、牢记使命”主题教育。"),
            Example("一体推进不能腐、不敢腐、不想腐。", "一体推进不敢腐、不能腐、不想腐。"),
            Example("打铁还需自身硬。", "打铁必须自身硬。", "打铁必须自身硬。"),
        ),
        "paragraph", check_formulations, "规范表述", quiet_inside="《",
    ),
)
