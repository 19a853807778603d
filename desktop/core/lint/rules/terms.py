"""Easily confused words: a high-precision list with the source of each entry (resources/rules/
confusables.toml), extended by the writer's own confusables.toml in the config folder."""

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


@dataclass(frozen=True)
class _Term:
    wrong: str
    right: str
    before: re.Pattern[str] | None  # what must follow the word for it to be wrong
    after: re.Pattern[str] | None  # what must precede it
    safe: bool
    why: str


def _prepare(data: dict[str, Any]) -> tuple[re.Pattern[str] | None, dict[str, list[_Term]]]:
    by_word: dict[str, list[_Term]] = {}
    for term in data.get("terms", []):
        wrong, right = term.get("wrong", ""), term.get("right", "")
        before, after = term.get("before", ""), term.get("after", "")
        follows = re.compile(before) if before else None
        precedes = re.compile(f"(?:{after})$") if after else None
        entry = _Term(wrong, right, follows, precedes, bool(term.get("safe", False)), term.get("why", ""))
        by_word.setdefault(wrong, []).append(entry)
    return literal_pattern(by_word), by_word


def check_terms(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    pattern, by_word = prepared(ctx.data, "terms", _prepare)
    if pattern is None:
        return
    text = ctx.text
    for m in pattern.finditer(text):
        for term in by_word[m.group()]:
            if term.before is not None and not term.before.match(text, m.end()):
                continue
            if term.after is not None and not term.after.search(text, 0, m.start()):
                continue
            yield rule.diagnostic(
                m.start(), len(term.wrong),
                f"「{term.wrong}」应为「{term.right}」" + (f"：{term.why}" if term.why else ""),
                single_fix(m.start(), len(term.wrong), term.right, safe=term.safe),
            )
            break


RULES = (
    Rule(
        "GW501", "term", Level.WARNING,
        RuleDoc(
            "易混用词和常见错字：其它→其他，交待→交代，截止→截至（后接时间时），再接再励→再接再厉等。"
            "词表见 resources/rules/confusables.toml，每条注明出处；引号和书名号里的文字不查。",
            "这些词在公文里有规范写法，审稿会逐个改。",
            "改用规范写法；自己的词表写在配置文件夹的 confusables.toml 中（[[terms]] wrong/right/why/source）。",
        ),
        (
            Example("与其它市区相比。", "与其他市区相比。", "与其他市区相比。"),
            Example("截止6月底，完成投资10亿元。", "截至6月底，完成投资10亿元。", "截至6月底，完成投资10亿元。"),
        ),
        "paragraph", check_terms, "易混用词", quiet_inside="“‘《「",
    ),
)
