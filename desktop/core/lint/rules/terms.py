"""Easily confused words: a small, high-precision list, extended by the user's own file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from desktop.core.lint.model import Diagnostic, Example, Level, ParagraphContext, Rule, RuleDoc, single_fix


@lru_cache(maxsize=64)
def _pattern(wrong: str, before: str, after: str) -> re.Pattern[str]:
    lead = f"(?<={after})" if after else ""
    return re.compile(lead + re.escape(wrong) + (f"(?={before})" if before else ""))


def check_terms(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    for term in ctx.data.get("terms", []):
        wrong, right = term.get("wrong", ""), term.get("right", "")
        if not wrong or not right:
            continue
        pattern = _pattern(wrong, term.get("before", ""), term.get("after", ""))
        why = term.get("why", "")
        for m in pattern.finditer(ctx.text):
            yield rule.diagnostic(
                m.start(), len(wrong),
                f"「{wrong}」应为「{right}」" + (f"：{why}" if why else ""),
                single_fix(m.start(), len(wrong), right, safe=bool(term.get("safe", False))),
            )


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
