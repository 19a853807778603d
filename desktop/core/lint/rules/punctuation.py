"""Punctuation: half-width marks, unpaired marks, heading final marks, repeated marks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from desktop.core.lint.model import (
    HOUSE_STYLE_MIN,
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
from desktop.core.outline import Block, BlockKind

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号"}
_CJKISH = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》…—]")
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./:?#&=_%~+@-]+")  # （www.gov.cn）: the ） is not the address


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


_LOST_BEFORE = re.compile(r"[\u3400-\u9fff0-9、，]")
_LOST_AFTER = re.compile(r"[\u3400-\u9fff。]")


_QUESTION_WORDS = re.compile(r"吗|呢|么|哪|谁|何|怎|几|多少|是否|难道|岂")
_CLAUSE_START = re.compile(r"[，。；：！？、,;:!?\n][^，。；：！？、,;:!?\n]*$")


def _asks(text: str, index: int) -> bool:
    """Whether the clause before a ? has a question word: then the ? is a question mark."""
    head = text[max(0, index - 60) : index]
    m = _CLAUSE_START.search(head)
    return bool(_QUESTION_WORDS.search(head[m.start() + 1 :] if m else head))


_LISTED = re.compile(r"[\u4e00-\u9fff]+(?:[,、][\u4e00-\u9fff]+)+")


def _list_commas(text: str, data: dict) -> set[int]:
    """Offsets of half-width commas that separate listed words (see [halfwidth] in the rule data).

    In a chain of items joined by commas or 、, a comma next to a short middle item (one with a
    separator on both sides) lists: 抓好项目,招商,服务三件事,确保… gives 项目、招商、服务三件事，确保….
    The words on both sides of it must not read as a clause (我, 要, 是 …): the first item is judged by
    its last characters, the last item by its first ones."""
    longest = int(data.get("list_item_max", 4))
    clause = set(data.get("clause_chars", ""))
    found: set[int] = set()
    for m in _LISTED.finditer(text):
        items = re.split(r"([,、])", m.group())[::2]
        last = len(items) - 1
        words = [items[0][-longest:], *items[1:-1], items[-1][:longest]]
        short = [0 < k < last and len(item) <= longest for k, item in enumerate(items)]
        offset = m.start()
        for k in range(last):
            offset += len(items[k])
            if m.group()[offset - m.start()] == "," and not clause & set(words[k] + words[k + 1]):
                if short[k] or short[k + 1] or (
                    last == 1 and re.match(rf"[\u4e00-\u9fff]{{1,{longest}}}等", items[1])
                ):  # two items: only 等 after the second tells a list
                    found.add(offset)
            offset += 1
    return found


def check_halfwidth(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    text = ctx.text
    data = ctx.data.get("halfwidth", {})
    marks = set(data.get("marks", ",;:?!()"))
    listing = _list_commas(text, data) if "," in marks and "," in text else set()
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
        lost = _LOST_BEFORE.match(before or " ") and _LOST_AFTER.match(after or " ")
        if ch == "?" and lost and not _asks(text, i):
            # 前1?。 ?水灌区: a character the copy could not encode, not a question
            yield rule.diagnostic(i, 1, "「?」多半是复制时没能保存下来的字（编码丢失），请对照原文补上")
            continue
        edits.append(Edit(i, 1, "、" if i in listing else _FULL[ch]))
        found[ch] += 1
    if not edits:
        return
    fix = Fix(tuple(edits), safe=True, label=f"逐处改为全角标点（{len(edits)} 处）" if len(edits) > 1 else "")
    spots = tuple((e.offset, 1) for e in edits)
    if len(edits) == 1:
        ch, proper = text[edits[0].offset], edits[0].replacement
        if proper == "、":
            message = f"列举的词语之间用了半角逗号「{ch}」，应为顿号「、」"
        else:
            message = f"中文里用了半角{_NAMES[ch]}「{ch}」，应为全角「{proper}」"
    else:
        kinds = "、".join(f"「{ch}」{n}处" for ch, n in found.most_common())
        message = f"本段有 {len(edits)} 处半角标点（{kinds}），中文里应用全角（，；：？！（））"
        if any(e.replacement == "、" for e in edits):
            message += "，列举的词语之间用顿号「、」"
    yield rule.diagnostic(fix.offset, fix.length, message, fix, spots)


_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_CHARS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


_MAX_WRAPPED = 3
_ENDS_SENTENCE = "。！？；：…”’）》】!?;:)"


def check_unpaired(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    """Paragraph by paragraph, but seeing the next paragraph: a quotation running over several
    paragraphs opens each with “ and closes only in the last, so a “ left open before a paragraph that
    starts with “ is that convention, not a missing ”. A paragraph that stops mid-sentence (a web copy's
    stray line breaks: 市场“双向⏎揭榜⏎挂帅”) is read on into the next ones."""
    outline = ctx.outline
    text = outline.text
    blocks = [b for b in outline.blocks if not b.boilerplate]
    index = 0
    while index < len(blocks):
        unit = [blocks[index]]
        while (
            len(unit) <= _MAX_WRAPPED
            and index + len(unit) < len(blocks)
            and blocks[index + len(unit)].heading is None
            and unit[-1].kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)
            and outline.block_text(unit[-1]).rstrip()[-1:] not in _ENDS_SENTENCE
        ):
            unit.append(blocks[index + len(unit)])
        index += len(unit)
        following = outline.block_text(blocks[index]).lstrip() if index < len(blocks) else ""
        continues = following.startswith("“")
        base = unit[0].start
        # what the unit's marks depend on, with offsets from its start: kept between checks (ctx.memo)
        key = (continues, *((text[b.start : b.end], b.start - base, _marker_at(b)) for b in unit))
        problems = ctx.memo.get(key)
        if problems is None:
            pieces = [ParagraphContext(outline.block_text(b), b, ctx.data, None) for b in unit]
            found = _unpaired(pieces, quote_continues=continues)
            problems = [(pos - base, message) for pos, message in found]
            ctx.memo[key] = problems
        for pos, message in problems:
            yield rule.diagnostic(base + pos, 1, f"{message}；请补齐或删去")


def _marker_at(block: Block) -> tuple[str, int, int] | None:
    h = block.heading
    return None if h is None else (h.family, h.marker_start - block.start, h.marker_end - block.start)


def _unpaired(pieces: list[ParagraphContext], quote_continues: bool) -> list[tuple[int, str]]:
    """Unpaired marks of a paragraph, or of a paragraph and the lines it was broken into (document offsets)."""
    marks: list[tuple[int, str]] = []
    for piece in pieces:
        skipped = _skipped_spans(piece)
        h = piece.block.heading
        if h is not None:
            skipped.append((piece.rel(h.marker_start), piece.rel(h.marker_end)))
        for m in _PAIR_CHARS.finditer(piece.text):
            if not any(a <= m.start() < b for a, b in skipped):
                marks.append((piece.block.start + m.start(), m.group()))
    stacks: dict[str, list[int]] = {opener: [] for opener in _PAIRS}
    problems: list[tuple[int, str]] = []
    for i, ch in marks:
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


def _final_mark(outline, block) -> str | None:
    """The mark a stand-alone heading ends with ("" for none); None when the block is no such heading."""
    h = block.heading
    if h is None or h.run_in or block.kind is not BlockKind.HEADING or block.boilerplate:
        return None
    text = outline.block_text(block).rstrip()
    if len(text) <= len(h.marker) + 1:
        return None
    return text[-1] if text[-1] in _FINAL else ""


def _is_item_list(outline, group) -> bool:
    """Lines each ending in ；, the last in 。 or ；: the items of an enumeration (an agenda, a list of
    measures), which GB/T 15834 punctuates so, not headings."""
    marks = [_final_mark(outline, b) for b in group]
    return len(marks) >= 2 and all(m == "；" for m in marks[:-1]) and marks[-1] in ("；", "。")


def check_heading_final(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    groups = outline.sibling_groups()
    listed = {id(b) for g in groups if _is_item_list(outline, g) for b in g}
    # siblings that run into their paragraphs end their heading in 。: a 。 on one that a line break
    # left alone follows their style
    run_in_style = {id(b) for g in groups if any(s.heading.run_in for s in g) for b in g}
    flagged: list[tuple[Block, str]] = []
    eligible: Counter[tuple[int, str]] = Counter()  # stand-alone headings per (part, family)
    for block in outline.blocks:
        mark = _final_mark(outline, block)
        if mark is None or id(block) in listed:
            continue
        h = block.heading
        eligible[block.part, h.family] += 1
        # a short item line "1.开展排查。" is often a whole sentence: only 。 on the upper levels is flagged
        final = _FINAL if h.family in _UPPER_FAMILIES else _FINAL.replace("。", "")
        if mark == "。" and id(block) in run_in_style:
            continue
        if mark and mark in final:
            flagged.append((block, mark))
    for block, mark in flagged:
        text = outline.block_text(block).rstrip()
        pos = block.start + len(text) - 1
        family = block.heading.family
        population = eligible[block.part, family]
        same = sum(1 for b, _ in flagged if b.part == block.part and b.heading.family == family)
        if mark == "。" and "，" in text and not (same == population >= HOUSE_STYLE_MIN):
            continue  # a numbered sentence (（一）请各单位于3月10日前报送名单，…。) is an item, not a heading
        yield rule.diagnostic(
            pos, 1, f"单独成行的标题末尾不加标点，删去「{mark}」", single_fix(pos, 1, "", safe=True),
            style=(f"在单独成行的「{family}」级标题末尾加「{mark}」", eligible[block.part, family]),
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


RULES = (
    Rule(
        "GW201", "halfwidth-punct", Level.WARNING,
        RuleDoc(
            "中文里用了半角标点 , ; : ? ! ( )。",
            "GB/T 15834 规定中文用全角标点；半角标点在 Word 里挤在一起，一眼就看得出是从网上复制的。",
            "改为全角：，；：？！（），列举的词语之间的逗号改为顿号「、」（可自动修正）。",
        ),
        (
            Example("同志们:\n今天召开会议,主要是部署工作。", "同志们：\n今天召开会议，主要是部署工作。", "同志们：\n今天召开会议，主要是部署工作。"),
            Example("要办好教育,医疗,养老等民生实事。", "要办好教育、医疗、养老等民生实事。", "要办好教育、医疗、养老等民生实事。"),
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
        "document", check_heading_final, "标题末尾标点",
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
)
