"""Punctuation and numbers: half-width marks, unpaired marks, heading final marks, repeats, digits."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from desktop.core.lint.model import (
    Diagnostic,
    DocumentContext,
    Edit,
    Example,
    Fix,
    Level,
    ParagraphContext,
    Rule,
    RuleDoc,
    single_fix,
)
from desktop.core.outline import BlockKind

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号"}
_CJKISH = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》…—]")
_URL = re.compile(r"(?:https?://|www\.)\S+")


@lru_cache(maxsize=8)
def _marks_pattern(marks: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(marks) + "]")


def _neighbour(text: str, index: int, step: int) -> str:
    i = index + step
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _skipped_spans(ctx: ParagraphContext) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _URL.finditer(ctx.text)]
    h = ctx.block.heading
    if h is not None and h.family in ("（一）", "（1）"):
        spans.append((ctx.rel(h.marker_start), ctx.rel(h.marker_end)))  # GW103 owns "(1)"
    return spans


def check_halfwidth(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    text = ctx.text
    marks = set(ctx.data.get("halfwidth", {}).get("marks", ",;:?!()"))
    skipped = _skipped_spans(ctx)
    edits: list[Edit] = []
    found: Counter[str] = Counter()
    for m in _marks_pattern("".join(sorted(marks))).finditer(text):
        i, ch = m.start(), m.group()
        if any(a <= i < b for a, b in skipped):
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if ch in ",:" and before.isdigit() and after.isdigit():
            continue  # 1,000 and 10:30
        if not (_CJKISH.match(before or " ") or _CJKISH.match(after or " ")):
            continue
        edits.append(Edit(i, 1, _FULL[ch]))
        found[ch] += 1
    if not edits:
        return
    fix = Fix(tuple(edits), safe=True)
    spots = tuple((e.offset, 1) for e in edits)
    if len(edits) == 1:
        ch = text[edits[0].offset]
        message = f"中文里用了半角{_NAMES[ch]}「{ch}」，应为全角「{_FULL[ch]}」"
    else:
        kinds = "、".join(f"「{ch}」{n}处" for ch, n in found.most_common())
        message = f"本段有 {len(edits)} 处半角标点（{kinds}），中文里应用全角（，；：？！（））"
    yield rule.diagnostic(fix.offset, fix.length, message, fix, spots)


_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_CHARS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


def check_unpaired(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    """Paragraph by paragraph, but seeing the next paragraph: a quotation running over several
    paragraphs opens each with “ and closes only in the last, so a “ left open before a paragraph that
    starts with “ is that convention, not a missing ”."""
    outline = ctx.outline
    text = outline.text
    blocks = [b for b in outline.blocks if not b.boilerplate]
    for index, block in enumerate(blocks):
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        continues = after is not None and text[after.start : after.end].lstrip().startswith("“")
        h = block.heading
        marker = None if h is None else (h.family, h.marker_start - block.start, h.marker_end - block.start)
        key = (text[block.start : block.end], marker, continues)
        problems = ctx.memo.get(key)
        if problems is None:
            paragraph = ParagraphContext(key[0], block, ctx.data, None)
            problems = ctx.memo[key] = _unpaired(paragraph, quote_continues=continues)
        for pos, message in problems:
            yield rule.diagnostic(block.start + pos, 1, f"{message}；请补齐或删去")


def _unpaired(ctx: ParagraphContext, quote_continues: bool) -> list[tuple[int, str]]:
    text = ctx.text
    skipped = _skipped_spans(ctx)
    h = ctx.block.heading
    if h is not None:
        skipped.append((ctx.rel(h.marker_start), ctx.rel(h.marker_end)))
    stacks: dict[str, list[int]] = {opener: [] for opener in _PAIRS}
    problems: list[tuple[int, str]] = []
    for m in _PAIR_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if any(a <= i < b for a, b in skipped):
            continue
        if ch in _PAIRS:
            if ch in ("“", "‘") and stacks[ch]:
                problems.append((stacks[ch].pop(), f"「{ch}」没有对应的「{_PAIRS[ch]}」（又出现了一个「{ch}」）"))
            stacks[ch].append(i)
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            if stacks[opener]:
                stacks[opener].pop()
            else:
                problems.append((i, f"「{ch}」前面没有对应的「{opener}」"))
    if quote_continues and stacks["“"]:
        stacks["“"].pop()  # closed in a later paragraph of the same quotation
    for opener, positions in stacks.items():
        for pos in positions:
            problems.append((pos, f"「{opener}」没有对应的「{_PAIRS[opener]}」"))
    return sorted(problems)[:3]


_FINAL = "。；，：;,:"
_UPPER_FAMILIES = ("第一部分", "第一句话", "一、", "（一）")


def check_heading_final(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    h = ctx.block.heading
    if h is None or h.run_in or ctx.block.kind is not BlockKind.HEADING:
        return
    text = ctx.text.rstrip()
    # a short item line "1.开展排查。" is often a whole sentence: only 。 on the upper levels is flagged
    final = _FINAL if h.family in _UPPER_FAMILIES else _FINAL.replace("。", "")
    if text and text[-1] in final and len(text) > len(h.marker) + 1:
        pos = len(text) - 1
        yield rule.diagnostic(
            pos, 1, f"单独成行的标题末尾不加标点，删去「{text[-1]}」", single_fix(pos, 1, "", safe=True)
        )


_REPEATED = re.compile(r"\.{3,}|。{3,}|…{3,}|(?<!…)…(?!…)|([，、；：])\1+|。。")


def check_repeated(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    for m in _REPEATED.finditer(ctx.text):
        typed = m.group()
        if typed[0] in ".。…":
            if typed == "。。":
                replacement, message = "。", "句号重复，保留一个「。」"
            else:
                replacement, message = "……", f"省略号应写作「……」，不写「{typed}」"
        else:
            replacement, message = typed[0], f"标点「{typed[0]}」重复，保留一个"
        yield rule.diagnostic(
            m.start(), len(typed), message, single_fix(m.start(), len(typed), replacement, safe=True)
        )


_FULLWIDTH_DIGITS = re.compile(r"[０-９][０-９．]*")
_ZERO_PADDED = re.compile(r"(?<![0-9０-９])0([1-9])(?=\s?[月日])")
_PERCENT_RANGE = re.compile(r"(?<![0-9.%])(\d+(?:\.\d+)?)([～~—－-])(\d+(?:\.\d+)?)([%％])")


def check_number_format(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    text = ctx.text
    for m in _FULLWIDTH_DIGITS.finditer(text):
        half = m.group().translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
        yield rule.diagnostic(
            m.start(), len(m.group()), f"数字「{m.group()}」用了全角，应写作「{half}」",
            single_fix(m.start(), len(m.group()), half, safe=True),
        )
    for m in _ZERO_PADDED.finditer(text):
        yield rule.diagnostic(
            m.start(), 2, f"日期不补零：「{m.group()}」应写作「{m.group(1)}」",
            single_fix(m.start(), 2, m.group(1), safe=True),
        )
    for m in _PERCENT_RANGE.finditer(text):
        proper = f"{m.group(1)}{m.group(4)}～{m.group(3)}{m.group(4)}"
        yield rule.diagnostic(
            m.start(), len(m.group()), f"百分数范围两头都要带%：「{m.group()}」应写作「{proper}」",
            single_fix(m.start(), len(m.group()), proper, safe=True),
        )


RULES = (
    Rule(
        "GW201", "halfwidth-punct", Level.WARNING,
        RuleDoc(
            "中文里用了半角标点 , ; : ? ! ( )。",
            "GB/T 15834 规定中文用全角标点；半角标点在 Word 里挤在一起，一眼就看得出是从网上复制的。",
            "改为全角：，；：？！（）（可自动修正）。",
        ),
        (
            Example("同志们:\n今天召开会议,主要是部署工作。", "同志们：\n今天召开会议，主要是部署工作。", "同志们：\n今天召开会议，主要是部署工作。"),
            Example("差距在哪?主要有以下几点。", "差距在哪？主要有以下几点。", "差距在哪？主要有以下几点。"),
        ),
        "paragraph", check_halfwidth, "半角标点",
    ),
    Rule(
        "GW202", "unpaired-marks", Level.ERROR,
        RuleDoc(
            "成对的标点缺了一半或多了一半：“” ‘’ 《》 （） 【】。",
            "缺半个引号或书名号，引文和文件名的范围就错了。",
            "补齐缺的一半，或删去多余的一半。",
        ),
        (
            Example("认真落实《关于推进项目建设的实施意见。", "认真落实《关于推进项目建设的实施意见》。"),
            Example("坚持“抓环境就是抓发展理念。", "坚持“抓环境就是抓发展”理念。"),
            Example(
                "他说：“第一段引文。\n第二段接着说。",
                "他说：“第一段引文。\n“第二段引文，到这里才结束。”",
            ),
        ),
        "document", check_unpaired, "标点不成对",
    ),
    Rule(
        "GW203", "heading-final-punct", Level.WARNING,
        RuleDoc(
            "单独成行的标题末尾加了标点（。；，：；「1.」「（1）」这类条目常是整句，只查；，：）。",
            "单独成行的标题不加句末标点；接排在段首的标题（如「（一）强化责任意识。领导……」）才以句号结束。",
            "删去标题末尾的标点（可自动修正）。",
        ),
        (Example("一、提高政治站位。\n各单位要认真学习。", "一、提高政治站位\n各单位要认真学习。", "一、提高政治站位\n各单位要认真学习。"),),
        "paragraph", check_heading_final, "标题末尾标点",
    ),
    Rule(
        "GW204", "repeated-punct", Level.WARNING,
        RuleDoc(
            "标点重复或省略号写错：，，　。。　、、；「...」「。。。」应为「……」。",
            "多打的标点和错误的省略号在正式文稿里很扎眼。",
            "保留一个标点；省略号写作「……」（可自动修正）。",
        ),
        (
            Example("加强领导，，压实责任。", "加强领导，压实责任。", "加强领导，压实责任。"),
            Example("经济、政治、文化...等方面。", "经济、政治、文化……等方面。", "经济、政治、文化……等方面。"),
        ),
        "paragraph", check_repeated, "标点重复",
    ),
    Rule(
        "GW205", "number-format", Level.INFO,
        RuleDoc(
            "数字写法不合 GB/T 15835：全角数字、补零的日期（08月）、百分数范围缺单位（10～20%）。",
            "统一的数字写法让文稿显得规范，也便于核对。",
            "用半角阿拉伯数字；日期不补零（8月1日）；范围两头都带单位（10%～20%）。",
        ),
        (
            Example("增长１２%。", "增长12%。", "增长12%。"),
            Example("2026年08月1日", "2026年8月1日", "2026年8月1日"),
            Example("提高10～20%。", "提高10%～20%。", "提高10%～20%。"),
        ),
        "paragraph", check_number_format, "数字格式",
    ),
)
