"""数字用法 (GB/T 15835-2011): full-width digits, dates, ranges that keep their units, decimals that keep
their leading 0, and one category of numbers written in one form within a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.lint.model import Diagnostic, Example, Level, ParagraphContext, Rule, RuleDoc, single_fix
from desktop.core.outline import cn_number

_FULLWIDTH_DIGITS = re.compile(r"[０-９](?:[０-９．]|\.(?=[０-９]))*")  # ７.２ is one number too
_TO_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")
_ZERO_PADDED = re.compile(r"(?<![0-9０-９])0([1-9])(?=\s?[月日])")
# 15～30%, 9～16亿, 4.5-5%: the unit (% ‰) or the counting unit (万 亿) belongs on both numbers
_RANGE = re.compile(
    r"(?<![0-9.%％‰万亿])(\d+(?:\.\d+)?)(\s?(?:[～~—－-]|至|到)\s?)(\d+(?:\.\d+)?)([%％‰]|万亿|亿|万)"
)
_LEADING_POINT = re.compile(r"(?:(?<=^)|(?<=[\u3400-\u9fff（(，、：\s]))\.(\d+)(?=[%％‰\u3400-\u9fff])")

_CN_YEAR_DIGITS = "〇○零一二三四五六七八九"
_CN_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
# a date with its parts as typed: 2026年3月5日, 二〇二六年三月五日, 二〇二六年3月5日
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_YEAR_DIGITS}]{{4}})年"
    rf"(?:(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])月(?:(?P<d>\d{{1,2}}|{_CN_DAY})日)?)?"
)
# 百分之五 written out; not an approximation (百分之几十, 百分之二、三), which GB/T 15835 keeps in Chinese numerals
_UNITS = re.compile(r"[%％‰万亿]")
_CN_PERCENT = re.compile(r"百分之[零〇一二三四五六七八九十百点两]+(?![几、])")
_ARABIC_PERCENT = re.compile(r"\d[%％]")


def dates(text: str) -> Iterator[re.Match[str]]:
    """The dates of a text, found from their 年 (a rare character) rather than by trying every position."""
    start = text.find("年", 4)
    while start >= 0:
        m = DATE.match(text, start - 4)
        if m is not None:
            yield m
        start = text.find("年", start + 1)


def _is_arabic(part: str | None) -> bool | None:
    return None if not part else part[0].isdigit()


def date_in_arabic(m: re.Match[str]) -> str:
    """The date as GB/T 9704 writes it: 2026年3月5日, no zero padding."""
    year = m.group("y")
    if not year.isdigit():
        year = "".join(str(max(0, _CN_YEAR_DIGITS.index(ch) - 2)) for ch in year)  # 〇○零 → 0, 一 → 1 …
    out = f"{int(year)}年"
    for key, unit in (("m", "月"), ("d", "日")):
        part = m.group(key)
        if part:
            out += f"{int(part) if part.isdigit() else cn_number(part)}{unit}"
    return out


def date_forms(m: re.Match[str]) -> set[bool]:
    """The forms of a date's parts: {True} all Arabic, {False} all Chinese numerals, both when mixed."""
    return {f for f in (_is_arabic(m.group(k)) for k in ("y", "m", "d")) if f is not None}


def check_number_format(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    text = ctx.text
    for m in _FULLWIDTH_DIGITS.finditer(text):
        half = m.group().translate(_TO_HALF)
        yield rule.diagnostic(
            m.start(), len(m.group()), f"数字「{m.group()}」用了全角，应写作「{half}」",
            single_fix(m.start(), len(m.group()), half, safe=True),
        )
    for m in _ZERO_PADDED.finditer(text):
        yield rule.diagnostic(
            m.start(), 2, f"日期不补零：「{m.group()}」应写作「{m.group(1)}」",
            single_fix(m.start(), 2, m.group(1), safe=True),
        )


def check_range_units(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    if not _UNITS.search(ctx.text):
        return
    for m in _RANGE.finditer(ctx.text):
        first, joiner, second, unit = m.groups()
        joiner = joiner.strip()
        joiner = joiner if joiner in ("至", "到") else "～"
        proper = f"{first}{unit}{joiner}{second}{unit}"
        yield rule.diagnostic(
            m.start(), len(m.group()), f"数值范围两头都要带「{unit}」：「{m.group()}」应写作「{proper}」",
            single_fix(m.start(), len(m.group()), proper, safe=True),
        )


def check_leading_zero(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    if "." not in ctx.text:
        return
    for m in _LEADING_POINT.finditer(ctx.text):
        yield rule.diagnostic(
            m.start(), len(m.group()), f"小数点前的 0 不能省：「{m.group()}」应写作「0{m.group()}」",
            single_fix(m.start(), 0, "0", safe=True),
        )


def check_mixed_date(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    for m in dates(ctx.text):
        if len(date_forms(m)) == 2:
            proper = date_in_arabic(m)
            yield rule.diagnostic(
                m.start(), len(m.group()),
                f"日期「{m.group()}」混用了汉字和阿拉伯数字，应统一写作「{proper}」",
                single_fix(m.start(), len(m.group()), proper, safe=True),
            )


def check_one_form(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    text = ctx.text
    cn_pct = _CN_PERCENT.search(text) if "百分之" in text else None
    ar_pct = _ARABIC_PERCENT.search(text) if cn_pct else None
    if cn_pct and ar_pct:
        yield rule.diagnostic(
            cn_pct.start(), len(cn_pct.group()),
            f"同一段里的百分数有的写「{cn_pct.group()}」，有的写成阿拉伯数字；宜统一用阿拉伯数字（如 3.5%）",
        )
    forms: dict[bool, re.Match[str]] = {}
    for m in dates(text):
        kinds = date_forms(m)
        if len(kinds) == 1 and m.group("m"):
            forms.setdefault(kinds.pop(), m)
    if len(forms) == 2:
        cn = forms[False]
        yield rule.diagnostic(
            cn.start(), len(cn.group()),
            f"同一段里的日期有的用汉字（「{cn.group()}」），有的用阿拉伯数字；宜统一写作「{date_in_arabic(cn)}」",
        )


RULES = (
    Rule(
        "GW205", "number-format", Level.WARNING,
        RuleDoc(
            "数字写法不合 GB/T 15835：全角数字（１２）、补零的日期（08月）。",
            "统一的数字写法让文稿显得规范，也便于核对；全角数字多半是从别处复制来的。",
            "用半角阿拉伯数字；日期不补零（8月1日）（可自动修正）。",
        ),
        (
            Example("增长１２%。", "增长12%。", "增长12%。"),
            Example("2026年08月1日", "2026年8月1日", "2026年8月1日"),
        ),
        "paragraph", check_number_format, "数字格式",
    ),
    Rule(
        "GW206", "range-units", Level.WARNING,
        RuleDoc(
            "数值范围只在后一个数上带了 %、‰ 或万、亿：10～20%，9～16亿。",
            "GB/T 15835 规定百分数和以万、亿为单位的数值范围两头都带单位，否则「10～20%」可读作 10 到 20%。",
            "两头都写上：10%～20%，9亿～16亿（可自动修正）。",
        ),
        (
            Example("提高10～20%。", "提高10%～20%。", "提高10%～20%。"),
            Example("总投资9～16亿元。", "总投资9亿～16亿元。", "总投资9亿～16亿元。"),
        ),
        "paragraph", check_range_units, "范围缺单位",
    ),
    Rule(
        "GW207", "leading-zero", Level.WARNING,
        RuleDoc(
            "小数省了整数位的 0：.5、增长.8%。",
            "GB/T 15835 规定纯小数必须写出小数点前的 0，「.5」念稿时也容易看漏。",
            "写作 0.5、0.8%（可自动修正）。",
        ),
        (Example("利率下调.5个百分点。", "利率下调0.5个百分点。", "利率下调0.5个百分点。"),),
        "paragraph", check_leading_zero, "小数缺0",
    ),
    Rule(
        "GW208", "mixed-date", Level.WARNING,
        RuleDoc(
            "一个日期里混用了汉字和阿拉伯数字：二〇二六年3月5日。",
            "GB/T 15835 和 GB/T 9704（7.3.5.4）规定公历日期用阿拉伯数字；半汉字半数字是改稿改了一半。",
            "整个日期统一用阿拉伯数字：2026年3月5日（可自动修正）。",
        ),
        (Example("二〇二六年3月5日召开会议。", "2026年3月5日召开会议。", "2026年3月5日召开会议。"),),
        "paragraph", check_mixed_date, "日期混写",
    ),
    Rule(
        "GW209", "number-forms", Level.INFO,
        RuleDoc(
            "同一段里同一类数字写法不一：百分数既有「百分之五」又有「5%」；日期既有汉字又有阿拉伯数字。",
            "GB/T 15835 要求同类数字在同一文稿（至少同一段）中写法一致。",
            "统一用阿拉伯数字：5%、2026年3月5日。",
        ),
        (
            Example("收入增长百分之五，支出增长3%。", "收入增长5%，支出增长3%。"),
            Example("二〇二六年三月五日开工，2026年6月1日竣工。", "2026年3月5日开工，2026年6月1日竣工。"),
        ),
        "paragraph", check_one_form, "数字写法不一",
    ),
)
