"""公文要素 (党政机关公文处理工作条例 第九条, GB/T 9704-2012 第7章) for drafts that look like a notice
rather than a speech: 主送机关 ends with ：; the 附件说明 lists names without final punctuation, numbered
1. 2.; 发文机关署名 and 成文日期 close the document, the date in Arabic numerals."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.lint.model import Diagnostic, DocumentContext, Example, Level, Rule, RuleDoc, single_fix
from desktop.core.lint.rules.numbers import DATE, date_forms, date_in_arabic, dates
from desktop.core.lint.rules.speech import is_speech
from desktop.core.outline import Block, BlockKind, Outline

_NOTICE_TITLE = re.compile(
    r"(?:通知|通报|请示|批复|的函|公告|通告)$|关于.+的(?:意见|决定|方案|办法|规定|报告|纪要|批复|请示|函|通知|通报)$"
)
_SPEAKER_SALUTATION = re.compile(r"^(?:同志们|各位|尊敬的|女士们)")
_ORGAN = re.compile(r"各|人民政府|单位|部门|机关|委员会|党委|党组|局|厅|办公室|中心|公司|学校|乡镇|街道|[省市县区]委")
_WRONG_END = "，,；;:.。、"
_ATTACHMENTS = re.compile(r"^附件[：:]\s*")
_ITEM_MARK = re.compile(r"(?P<n>\d{1,2})(?P<sep>[.．、,，]|\s)\s*|[（(](?P<b>\d{1,2})[）)]\s*")
_FINAL_MARKS = "。；;，,.、：:"
_DATE_LINE = re.compile(rf"^\s*{DATE.pattern}\s*$")
_SIGNATURE = re.compile(r"^[^。，；：:,;]{2,40}$")


def looks_like_notice(outline: Outline) -> bool:
    """A 公文 with a title such as 关于……的通知 and no speaker's salutation (同志们：, 各位代表：)."""
    title = outline.title
    if title is None or is_speech(outline):
        return False
    salutation = outline.salutation
    if salutation is not None and _SPEAKER_SALUTATION.match(outline.block_text(salutation).strip()):
        return False
    return bool(_NOTICE_TITLE.search(outline.block_text(title).strip()))


def _body(outline: Outline) -> list[Block]:
    return [b for b in outline.blocks if not b.boilerplate and b.part == 0]


def check_addressee(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    if not looks_like_notice(outline) or outline.salutation is not None:
        return
    after_title = [b for b in _body(outline) if b.start > outline.title.start]
    if not after_title:
        return
    first = after_title[0]
    line = outline.block_text(first).rstrip()
    if len(line) > 80 or "。" in line[:-1] or first.heading is not None:
        return
    if _SPEAKER_SALUTATION.match(line) or not _ORGAN.search(line):
        return
    if line[-1] in _WRONG_END:
        pos, length, message = first.start + len(line) - 1, 1, f"主送机关末尾应为全角冒号「：」，不是「{line[-1]}」"
    else:
        pos, length, message = first.start + len(line), 0, "主送机关末尾缺少全角冒号「：」"
    yield rule.diagnostic(pos if length else pos - 1, 1, message, single_fix(pos, length, "：", safe=True))


def _attachment_items(outline: Outline) -> Iterator[tuple[int, str]]:
    """(offset, text) of each attachment name in the 附件说明: after 附件： and on the lines below it."""
    blocks = _body(outline)
    for index, block in enumerate(blocks):
        text = outline.block_text(block)
        m = _ATTACHMENTS.match(text)
        if m is None:
            continue
        yield block.start + m.end(), text[m.end() :]
        for nxt in blocks[index + 1 :]:
            item = outline.block_text(nxt)
            if nxt.heading is not None or not _ITEM_MARK.match(item):
                break
            yield nxt.start, item
        return


def check_attachments(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    if not looks_like_notice(outline):
        return
    for offset, item in _attachment_items(outline):
        name = item.rstrip()
        if not name:
            continue
        mark = _ITEM_MARK.match(name)
        if mark is not None:
            number = mark.group("n") or mark.group("b")
            if mark.group().strip() != f"{number}.":
                yield rule.diagnostic(
                    offset, len(mark.group()), f"附件序号应写作「{number}.」，不写「{mark.group().strip()}」",
                    single_fix(offset, len(mark.group()), f"{number}.", safe=True),
                )
        if name[-1] in _FINAL_MARKS:
            pos = offset + len(name) - 1
            yield rule.diagnostic(
                pos, 1, f"附件名称后不加标点，删去「{name[-1]}」", single_fix(pos, 1, "", safe=True),
            )


def check_signature(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    if not looks_like_notice(outline):
        return
    blocks = [b for b in _body(outline) if b.kind is not BlockKind.TITLE]
    if not blocks:
        return
    tail = blocks[-3:]
    dated = next((b for b in reversed(tail) if _DATE_LINE.match(outline.block_text(b))), None)
    if dated is None:
        last = blocks[-1]
        yield rule.diagnostic(last.end, 0, "文末缺少成文日期（如「2026年3月5日」），应写在发文机关署名之下")
        return
    line = outline.block_text(dated).strip()
    m = next(dates(line), None)
    if m is not None and m.group("d") and date_forms(m) == {False}:
        start = dated.start + outline.block_text(dated).index(m.group())
        proper = date_in_arabic(m)
        yield rule.diagnostic(
            start, len(m.group()), f"成文日期用阿拉伯数字，写作「{proper}」（GB/T 9704-2012 7.3.5.4）",
            single_fix(start, len(m.group()), proper, safe=True),
        )
    elif m is not None and not m.group("d"):
        yield rule.diagnostic(dated.start, len(line), "成文日期要写全年、月、日")
    index = blocks.index(dated)
    above = outline.block_text(blocks[index - 1]).strip() if index > 0 else ""
    if not _SIGNATURE.match(above) or above.startswith(("附件", "联系")) or blocks[index - 1].heading is not None:
        yield rule.diagnostic(dated.start, len(line), "成文日期之上缺少发文机关署名")


RULES = (
    Rule(
        "GW701", "addressee-colon", Level.WARNING,
        RuleDoc(
            "通知等公文的主送机关末尾没有全角冒号：「各乡镇人民政府，县直各单位」后缺「：」，或写成了逗号、句号。",
            "GB/T 9704-2012 7.3.2：主送机关“最后一个机关名称后标全角冒号”。",
            "在主送机关末尾写「：」（可自动修正）。",
        ),
        (
            Example(
                "关于做好防汛工作的通知\n各乡镇人民政府，县直各单位\n现将有关事项通知如下。",
                "关于做好防汛工作的通知\n各乡镇人民政府，县直各单位：\n现将有关事项通知如下。",
                "关于做好防汛工作的通知\n各乡镇人民政府，县直各单位：\n现将有关事项通知如下。",
            ),
        ),
        "document", check_addressee, "主送机关",
    ),
    Rule(
        "GW702", "attachment-list", Level.WARNING,
        RuleDoc(
            "附件说明不合格式：附件名称后加了标点，序号写成「1、」「（1）」。",
            "GB/T 9704-2012 7.3.4：附件名称后不加标点符号，有多个附件时用阿拉伯数字加下脚点标注序号（如“1.XXXXX”）。",
            "删去名称后的标点，序号写作「1.」（可自动修正）。",
        ),
        (
            Example(
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。\n附件：1、防汛责任表；\n2.值班安排表。",
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。\n附件：1.防汛责任表\n2.值班安排表",
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。\n附件：1.防汛责任表\n2.值班安排表",
            ),
        ),
        "document", check_attachments, "附件说明",
    ),
    Rule(
        "GW703", "signature-date", Level.WARNING,
        RuleDoc(
            "通知等公文文末缺少发文机关署名或成文日期，或成文日期写成了汉字（二〇二六年三月五日）、缺了月日。",
            "党政机关公文处理工作条例第九条把署名和成文日期列为公文要素；GB/T 9704-2012 7.3.5.4 规定成文日期"
            "用阿拉伯数字将年、月、日标全。",
            "在文末写发文机关署名，其下写成文日期，如「2026年3月5日」。",
        ),
        (
            Example(
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。\n县防汛指挥部\n二〇二六年六月一日",
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。\n县防汛指挥部\n2026年6月1日",
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。\n县防汛指挥部\n2026年6月1日",
            ),
            Example(
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。",
                "关于做好防汛工作的通知\n各单位：\n请认真贯彻执行。\n县防汛指挥部\n2026年6月1日",
            ),
        ),
        "document", check_signature, "署名和日期",
    ),
)
