"""The shape of a speech: salutation and closing paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.lint.model import Diagnostic, DocumentContext, Example, Level, Rule, RuleDoc
from desktop.core.outline import BlockKind, Outline

_SPEECH_TITLE = re.compile(r"讲话|致辞|发言|讲稿")


def is_speech(outline: Outline) -> bool:
    title = outline.title
    return title is not None and bool(_SPEECH_TITLE.search(outline.block_text(title)))


def _body_blocks(outline: Outline):
    return [b for b in outline.blocks if not b.boilerplate and b.kind not in (BlockKind.TITLE, BlockKind.BYLINE, BlockKind.SUBTITLE)]


def check_salutation(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    if not is_speech(outline) or outline.salutation is not None or not _body_blocks(outline):
        return
    first = _body_blocks(outline)[0]
    yield rule.diagnostic(first.start, 0, "讲话稿正文前没有称呼；通常在标题下另起一行写「同志们：」")


def check_closing(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    body = _body_blocks(outline)
    if not is_speech(outline) or outline.closing is not None or len(body) < 3:
        return
    last = body[-1]
    yield rule.diagnostic(
        last.start, last.end - last.start,
        "讲话稿没有结束段；通常以「同志们，……」收束，号召、展望或提出希望",
        unfinished=True,
    )


RULES = (
    Rule(
        "GW401", "missing-salutation", Level.INFO,
        RuleDoc(
            "讲话稿没有称呼（同志们：）。",
            "称呼是讲话的开场，缺了显得突兀。",
            "在标题（和署名、日期）之下写「同志们：」。",
        ),
        (
            Example("在全市工作会议上的讲话\n今天召开这次会议。\n一、提高认识\n同志们，让我们共同努力！",
                    "在全市工作会议上的讲话\n同志们：\n今天召开这次会议。\n一、提高认识\n同志们，让我们共同努力！"),
        ),
        "document", check_salutation, "缺少称呼",
    ),
    Rule(
        "GW402", "missing-closing", Level.INFO,
        RuleDoc(
            "讲话稿没有结束段。",
            "没有收束，讲话就停在了半空。",
            "补一段以「同志们，……」开头的结束语。",
        ),
        (
            Example("在全市工作会议上的讲话\n同志们：\n今天召开这次会议。\n一、提高认识\n各单位要认真学习。",
                    "在全市工作会议上的讲话\n同志们：\n今天召开这次会议。\n一、提高认识\n同志们，让我们共同努力！"),
        ),
        "document", check_closing, "缺少结束段",
    ),
)
