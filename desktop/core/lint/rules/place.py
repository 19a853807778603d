"""层级与地名: a draft for 全县 that says 我市 or 市委研究决定, or names another county as if it were its
own — the classic slip of material reused from another office's draft (or a phrase from the bank)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.core.lint.model import Diagnostic, DocumentContext, Example, Level, Rule, RuleDoc, single_fix
from desktop.core.lint.properties import LEVELS
from desktop.core.outline import BlockKind, Outline

_LEVEL = "[" + "".join(LEVELS) + "]"
_SUFFIXES = "自治区|自治州|自治县|省|市|州|盟|县|旗|区|镇|乡"
# the draft speaking of itself: 全县 / 我县 / 本县, 县委 / 县政府
_SELF = re.compile(rf"(?:全|我|本)(?P<c>{_LEVEL})(?![域场间划别分位块])")
# another level speaking of itself: 我市, 本区 (never said of a level one merely belongs to) …
_PRONOUN = re.compile(rf"(?:我|本)(?P<c>{_LEVEL})(?![域场间划别分位块级])")
# … 全市 said as one's own (全市上下, 全市共完成投资) …
_WHOLE = re.compile(rf"(?<![健完安齐保周成万顾不求双])全(?P<c>{_LEVEL})(?![域场间划别分位块级村镇])")  # not 健全乡村
# … but not a mention of the higher level one belongs to: 居全市第二, 高于全市平均, 全市经济工作会议精神
_MENTION_BEFORE = re.compile(
    r"(?:居|在|占|列|于|为|向|比|较|与|和|及|对|到|跟|随|达到|高于|低于|超过|位居|排名|领先|带动|服务|融入|支撑|助力|贡献|代表|贯彻|落实)$"
)
_MENTION_AFTER = re.compile(
    r"的|第|前列|前[一二三四五六七八九十0-9]|平均|率先|唯一|首位|之首|排名|排位|领先|范围|统一|各[县区地]|县区|县（市|"
    r"大局|总量|的比重|比重|占比|水平|份额|[^。；！？\n]{0,14}?(?:会议|大会|推进会|现场会|部署会|动员会|工作会|精神|要求|部署|安排|决策)"
)
# … and 市委研究决定 (a decision only the city takes)
_DECIDED = re.compile(rf"(?:经)?(?P<c>{_LEVEL})(?:委|政府|委、(?P=c)政府)(?:常委会)?(?:研究)?决定")
# a place name: 1–4 characters and the level's word; 全县, 本市, 各区 and the like are not names
_NOT_A_NAME = set("全本我各该每这那此外邻省市县区乡镇村州盟旗和与及的在是为对把向将从到等")
_TITLE_PLACE = re.compile(
    rf"(?:^|(?<=[在于、《“（\s]))(?:中共)?(?=(?P<name>[\u4e00-\u9fff]{{1,5}}?(?:{_SUFFIXES})))"
)
_GENERIC_PLACES = re.compile(r"(?:开发|示范|试验|高新|新|城|社|园|景|片|辖|市|县|城乡|功能|保护|核心|自贸|经济|工业|产业)区$")
_SELF_CONTEXT = "上下|各级|广大|干部群众|党员干部|人民群众|县委|县政府|市委|市政府|区委|区政府"
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_LEFT_WORDS = ("我们", "召开", "推动", "推进", "促进", "实现", "建设", "全力", "为", "在", "是", "把", "让", "使", "对", "全")


_SET_BY_WRITER = "文稿属性"  # the fix is safe only when the writer said which level and place the draft is


@dataclass(frozen=True)
class _Self:
    level: str  # the character the draft calls itself by
    place: str  # its place name, "" when unknown
    how: str  # how it was found, for messages


def _title_place(outline: Outline) -> str:
    title = outline.title
    if title is None:
        return ""
    for m in _TITLE_PLACE.finditer(outline.block_text(title).strip()):
        name = m.group("name")
        if name[0] not in _NOT_A_NAME and not _GENERIC_PLACES.search(name) and len(name) >= 2:
            return name
    return ""


def _level_of(place: str) -> str:
    for suffix, level in (("自治区", "区"), ("自治州", "州"), ("自治县", "县")):
        if place.endswith(suffix):
            return level
    return place[-1] if place and place[-1] in LEVELS else ""


# (outline, properties, answer) of the last draft asked about: GW601 and GW602 ask about the same one; a
# thread reads the tuple once, so another thread's draft never answers for its own
_last: list[tuple | None] = [None]


def _draft_self(ctx: DocumentContext) -> _Self | None:
    memo = _last[0]
    if memo is None or memo[0] is not ctx.outline or memo[1] != ctx.properties:
        memo = (ctx.outline, ctx.properties, _infer_self(ctx))
        _last[0] = memo
    return memo[2]


def _infer_self(ctx: DocumentContext) -> _Self | None:
    outline = ctx.outline
    props = ctx.properties
    place = props.place if props and props.place else _title_place(outline)
    if props and props.level:
        return _Self(props.level, place, _SET_BY_WRITER)
    title = outline.block_text(outline.title) if outline.title is not None else ""
    m = _SELF.search(title)
    if m:
        return _Self(m.group("c"), place, "标题")
    if place and _level_of(place):
        return _Self(_level_of(place), place, "标题")
    counts = Counter(m.group("c") for m in _SELF.finditer(outline.text))
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    if n >= 3 and (not rest or n >= 3 * rest[0][1]):
        return _Self(top, place, "全文的自称")
    return None


def _body_spans(outline: Outline) -> Iterator[tuple[int, int]]:
    for block in outline.blocks:
        front = block.kind in (BlockKind.TITLE, BlockKind.BYLINE)
        if not block.boilerplate and block.part == 0 and not front:
            yield block.start, block.end


def _foreign(level: str, own: str) -> bool:
    """Whether a self-reference of `level` is out of place in a draft of `own`: everyone in a province says
    我省 and 全省上下 of it, so only the province is spared."""
    return level != own and level != "省"


def _mentions_higher(text: str, m: re.Match[str], start: int, end: int) -> bool:
    before = text[max(start, m.start() - 2) : m.start()]
    return bool(_MENTION_BEFORE.search(before) or _MENTION_AFTER.match(text, m.end(), end))


def check_level(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    me = _draft_self(ctx)
    if me is None:
        return
    text = ctx.outline.text
    for start, end in _body_spans(ctx.outline):
        found: list[re.Match[str]] = []
        for pattern in (_PRONOUN, _WHOLE, _DECIDED):
            found += [m for m in pattern.finditer(text, start, end) if _foreign(m.group("c"), me.level)]
        found = [m for m in found if not (m.group()[0] == "全" and _mentions_higher(text, m, start, end))]
        for m in sorted(found, key=lambda m: m.start()):
            other = m.group("c")
            typed = m.group()
            proper = typed.replace(other, me.level)
            yield rule.diagnostic(
                m.start(), len(typed),
                f"本文是{me.level}级的稿子（据{me.how}），「{typed}」却是{other}的口吻；"
                f"若是沿用别的稿子，应改为「{proper}」",
                single_fix(m.start(), len(typed), proper, safe=me.how == _SET_BY_WRITER),
            )


def _name_before(text: str, end: int, floor: int) -> tuple[int, str] | None:
    """The place name ending at `end` (its level word included): the longest 1–3 characters before the level
    word that follow a clear left edge (a mark, the start, or a word such as 我们 or 召开)."""
    suffix_at = end - 1
    for size in (3, 2, 1):
        start = suffix_at - size
        if start < floor:
            continue
        name = text[start:end]
        core = text[start:suffix_at]
        if not _CJK.fullmatch(core) or any(ch in _NOT_A_NAME for ch in core):
            continue
        left = text[max(floor, start - 2) : start]
        if start == floor or not re.match(r"[\u4e00-\u9fff]", left[-1:]) or left.endswith(_LEFT_WORDS):
            return start, name
    return None


def check_place(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    me = _draft_self(ctx)
    if me is None or not me.place:
        return
    suffix = me.place[-1]
    place_set = me.how == _SET_BY_WRITER and bool(ctx.properties.place)
    text = ctx.outline.text
    speaks = re.compile(rf"{re.escape(suffix)}(?=(?:{_SELF_CONTEXT})|经济社会|高质量发展)")
    for start, end in _body_spans(ctx.outline):
        for m in speaks.finditer(text, start, end):
            found = _name_before(text, m.end(), start)
            if found is None:
                continue
            at, name = found
            if name == me.place or me.place.endswith(name) or name.endswith(me.place):
                continue
            yield rule.diagnostic(
                at, len(name),
                f"本文是「{me.place}」的稿子（据{me.how}），这里却写着「{name}」；若是沿用别的稿子，应改为「{me.place}」",
                single_fix(at, len(name), me.place, safe=place_set),
            )


RULES = (
    Rule(
        "GW601", "level-mismatch", Level.WARNING,
        RuleDoc(
            "层级口吻不一致：全县的讲话里出现「我市」「本区」「全市上下」「市委研究决定」。本文的层级从标题和开头推断，"
            "也可在“文稿属性”中指定；引号、书名号里的文字不查，「全市第一」「全市经济工作会议」这类提到上级的说法不算。",
            "沿用上级或兄弟单位的稿子、插入别处的素材时最容易留下别人的口吻，念出来就是事故。",
            "逐处改成本级的说法（每处各有修正；在“文稿属性”中指定了层级时为安全修正）。",
        ),
        (
            Example(
                "在全县经济工作会议上的讲话\n同志们：\n今年全县经济稳中向好。我市要抓住机遇，全市上下要凝心聚力。",
                "在全县经济工作会议上的讲话\n同志们：\n今年全县经济稳中向好，增速居全市第二。我县要抓住机遇，全县上下要凝心聚力。",
            ),
        ),
        "document", check_level, "层级口吻", quiet_inside="“‘《「",
    ),
    Rule(
        "GW602", "place-mismatch", Level.WARNING,
        RuleDoc(
            "地名与本文不符：民权县的稿子里写着「睢县上下」「推动宁陵县经济社会发展」。本文的地名取自标题，"
            "也可在“文稿属性”中指定。",
            "改用别县的稿子时漏改的地名，是最难堪的差错之一。",
            "改成本地的地名（每处各有修正；在“文稿属性”中指定了地名时为安全修正）。",
        ),
        (
            Example(
                "在民权县2026年经济工作会议上的讲话\n同志们：\n过去一年，全县上下团结奋斗。今年，睢县上下要再接再厉。",
                "在民权县2026年经济工作会议上的讲话\n同志们：\n过去一年，全县上下团结奋斗。今年，民权县上下要再接再厉，多向睢县学习。",
            ),
        ),
        "document", check_place, "地名不符", quiet_inside="“‘《「",
    ),
)
