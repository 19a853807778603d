"""本单位领导: a listed name with a title that is not theirs, and a listed group named out of its order of
precedence (the list is the writer's config/leaders.toml, kept in the settings dialog)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.core.lint.leaders import Leader, leaders_from_data
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

# Titles met in official texts; the list's own titles are added to these
_GENERIC_TITLE = (
    r"(?:[省市县区州旗镇乡]委|[省市县区]人大常委会|[省市县区]政协|[省市县区]政府)?(?:常务)?副?"
    r"(?:书记|省长|市长|县长|区长|州长|旗长|盟长|镇长|乡长|主任|主席|部长|局长|厅长|处长|科长|秘书长|院长|检察长|常委)"
)
_SEPARATORS = r"[、，,和及与\s]*"


@dataclass(frozen=True)
class _Prepared:
    leaders: tuple[Leader, ...]
    names: re.Pattern[str] | None
    title_before: re.Pattern[str]  # a title ending where a name starts
    title_after: re.Pattern[str]  # a title starting where a name ends
    between: re.Pattern[str]  # what may stand between two names of one list of people


def _prepare(data: dict[str, Any]) -> _Prepared:
    leaders = tuple(leaders_from_data(data))
    titles = sorted({t for p in leaders for t in (p.title, *p.also)}, key=len, reverse=True)
    title = "(?:" + "|".join([*map(re.escape, titles), _GENERIC_TITLE]) + ")"
    names = sorted({p.name for p in leaders}, key=len, reverse=True)
    return _Prepared(
        leaders,
        re.compile("|".join(map(re.escape, names))) if names else None,
        re.compile(f"(?P<t>{title})\\s*$"),  # 县委书记　王明 in a byline
        re.compile(f"(?:同志)?(?P<t>{title})"),
        re.compile(f"{_SEPARATORS}(?:{title})?(?:同志)?{_SEPARATORS}(?:{title})?"),
    )


def _title_fits(found: str, person: Leader) -> bool:
    """书记 fits 县委书记 (a short form), 县长 does not fit 副县长 (the deputy is not the head)."""
    for own in (person.title, *person.also):
        if own == found or (own.endswith(found) and not own[: -len(found)].endswith("副")):
            return True
    return False


def _people(ctx: ParagraphContext) -> tuple[_Prepared, list[tuple[re.Match[str], Leader]]]:
    prep: _Prepared = prepared(ctx.data, "leaders", _prepare)
    if prep.names is None:
        return prep, []
    by_name = {p.name: p for p in prep.leaders}
    return prep, [(m, by_name[m.group()]) for m in prep.names.finditer(ctx.text)]


def check_titles(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    prep, found = _people(ctx)
    text = ctx.text
    for m, person in found:
        before = prep.title_before.search(text, max(0, m.start() - 16), m.start())
        after = prep.title_after.match(text, m.end())
        for t in (before, after):
            if t is None or _title_fits(t.group("t"), person):
                continue
            typed = t.group("t")
            yield rule.diagnostic(
                t.start("t"), len(typed),
                f"「{person.name}」的职务是「{person.title}」，这里写成了「{typed}」（据本单位领导名单）",
                single_fix(t.start("t"), len(typed), person.title, safe=False),
            )


def check_order(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    prep, found = _people(ctx)
    if len(found) < 2:
        return
    rank = {p.name: i for i, p in enumerate(prep.leaders)}
    text = ctx.text
    group: list[tuple[re.Match[str], Leader]] = [found[0]]
    for item in [*found[1:], None]:
        if item is not None and prep.between.fullmatch(text, group[-1][0].end(), item[0].start()):
            group.append(item)
            continue
        names = [p.name for _, p in group]
        if len(set(names)) >= 2 and names != sorted(names, key=rank.__getitem__):
            start, end = group[0][0].start(), group[-1][0].end()
            expected = "、".join(sorted(dict.fromkeys(names), key=rank.__getitem__))
            yield rule.diagnostic(
                start, end - start, f"领导排序与本单位名单不符：应依次为「{expected}」",
            )
        if item is not None:
            group = [item]


_EXAMPLE_LIST = """
[[leaders]]
name = "王明"
title = "县委书记"
[[leaders]]
name = "李华"
title = "县长"
also = ["县委副书记"]
[[leaders]]
name = "张强"
title = "县委副书记"
"""

RULES = (
    Rule(
        "GW504", "leader-title", Level.WARNING,
        RuleDoc(
            "本单位领导名单中的人配错了职务：名单上王明是县委书记，文中写成「县长王明」。",
            "领导的姓名和职务配错是公文审核的重点差错，名单由本单位在“设置 → 领导名单”中维护。",
            "照名单改正职务；名单有变动时先在设置中更新。",
        ),
        (
            Example("县长王明出席会议并讲话。", "县委书记王明出席会议并讲话。", setup=_EXAMPLE_LIST),
        ),
        "paragraph", check_titles, "领导职务",
    ),
    Rule(
        "GW505", "leader-order", Level.WARNING,
        RuleDoc(
            "本单位领导名单中的几个人并列出现时，先后顺序与名单不符。",
            "领导同志的排序有严格规矩，顺序错了是政治性差错。",
            "按名单的排序书写；名单有变动时先在设置中更新。",
        ),
        (
            Example("县长李华、县委书记王明出席会议。", "县委书记王明、县长李华出席会议。", setup=_EXAMPLE_LIST),
        ),
        "paragraph", check_order, "领导排序",
    ),
)
