"""禁用词和慎用词: wording that official texts avoid (resources/rules/banned.toml, after the kinds in
新华社《新闻信息报道中的禁用词和慎用词》, extended by the writer's own banned.toml in the config folder)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
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


def _prepare(data: dict[str, Any]) -> list[tuple[re.Pattern[str], tuple[str, ...], dict[str, Any]]]:
    out = []
    for entry in data.get("banned", []):
        hint = entry.get("hint", ())
        out.append((re.compile(entry["pattern"]), (hint,) if isinstance(hint, str) else tuple(hint), entry))
    return out


def check_banned(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    for pattern, hints, entry in prepared(ctx.data, "banned", _prepare):
        if hints and not any(h in ctx.text for h in hints):
            continue  # the words the pattern needs are not here: no need to run it
        for m in pattern.finditer(ctx.text):
            fix = None
            if entry.get("right"):
                fix = single_fix(m.start(), len(m.group()), m.expand(entry["right"]), safe=False)
            kind = "慎用" if entry.get("level") == "info" else "不宜使用"
            found = rule.diagnostic(
                m.start(), len(m.group()),
                f"「{m.group()}」{kind}：{entry['advice']}（{entry.get('source', '禁用词和慎用词')}）", fix,
            )
            yield replace(found, level=Level.INFO) if entry.get("level") == "info" else found


RULES = (
    Rule(
        "GW503", "banned-wording", Level.WARNING,
        RuleDoc(
            "禁用词和慎用词：××省省委书记（应为中共××省委书记），把台湾与国家并列而不写「国家和地区」，"
            "“一带一路”战略（应为倡议），台湾政府，北朝鲜等。慎用的只作提示。词表见 resources/rules/banned.toml。",
            "这些说法涉及政治立场和规范称谓，新华社等权威机构明确不用或慎用。",
            "照提示改用规范说法；本单位的禁用词可写进配置文件夹的 banned.toml。",
        ),
        (
            Example("河南省省委书记出席会议。", "中共河南省委书记出席会议。"),
            Example("产品销往美国、日本、台湾等国家。", "产品销往美国、日本和台湾等国家和地区。"),
            Example("积极参与“一带一路”战略。", "积极参与共建“一带一路”倡议。"),
        ),
        "paragraph", check_banned, "禁用慎用词", quiet_inside="“‘《「",
    ),
)
