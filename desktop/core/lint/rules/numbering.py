"""Numbering: heading sequences, marker format, skipped levels, announced counts, inline runs."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

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
from desktop.core.numerals import chinese_count
from desktop.core.outline import CN_NUM, FAMILY_RANK, Block, InlineRun, Outline, cn_numeral, numeral_list_at
from desktop.core.renumber import NumberChange, plan_renumbering

_HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；"})


def _label(family: str, number: int) -> str:
    """How a number of a family is said: 三、 / （三） / 3. / 第三， / 三是."""
    n_cn, n = cn_numeral(number), str(number)
    return {
        "第一部分": f"第{n_cn}部分",
        "第一句话": f"第{n_cn}句话",
        "一、": f"{n_cn}、",
        "（一）": f"（{n_cn}）",
        "第一，": f"第{n_cn}",
        "1.": f"{n}.",
        "（1）": f"（{n}）",
        "①": "①②③④⑤⑥⑦⑧⑨⑩"[number - 1] if 0 < number <= 10 else n,
        "一是": f"{n_cn}是",
        "一要": f"{n_cn}要",
        "其一": f"其{n_cn}",
        "首先": {1: "首先", 2: "其次", 3: "再次", 0: "最后"}.get(number, n_cn),
    }[family]


def _line(outline: Outline, offset: int) -> int:
    return outline.line_at(offset)


class _Renumbering:
    """The renumbering plan of a document (made on the first finding that needs it): the fix for a gap, a
    repeat or a wrong count is renumbering the list it is in. Not safe: the writer may have meant to add the
    missing section rather than close the gap, so it is applied only when asked."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self._changes: list[NumberChange] | None = None
        self._offsets: list[int] = []
        self._scopes: list[int] = []
        self._by_scope: dict[int, list[Edit]] | None = None

    @property
    def changes(self) -> list[NumberChange]:
        if self._changes is None:
            self._changes = plan_renumbering(self.outline).changes
        return self._changes

    def fix_at(self, offset: int, end: int) -> Fix | None:
        """Renumbering the whole list whose numeral lies in [offset, end)."""
        if self._by_scope is None:  # indexed once: a long draft asks for thousands of fixes
            self._by_scope = {}
            for c in sorted(self.changes, key=lambda c: c.offset):
                self._offsets.append(c.offset)
                self._scopes.append(c.scope)
                self._by_scope.setdefault(c.scope, []).append(Edit(c.offset, c.length, c.replacement))
        at = bisect.bisect_left(self._offsets, offset)
        if at == len(self._offsets) or self._offsets[at] >= end:
            return None
        return Fix(tuple(self._by_scope[self._scopes[at]]), safe=False, label="重新编号")


_last_plan: tuple[Outline, _Renumbering] | None = None


def _renumbering(outline: Outline) -> _Renumbering:
    """One plan per check: the four rules whose fix is renumbering share it rather than make it four times."""
    global _last_plan
    last = _last_plan  # read once: another thread's check may replace it meanwhile
    if last is not None and last[0] is outline:
        return last[1]
    plan = _Renumbering(outline)
    _last_plan = (outline, plan)
    return plan


def check_gap(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    renumbering = _renumbering(ctx.outline)
    last_of_family: dict[str, int] = {}
    for group in sorted(ctx.outline.sibling_groups(), key=lambda g: g[0].start):
        family = group[0].heading.family
        seen: set[int] = set()
        prev = 0
        if group[0].heading.number > 1 and group[0].heading.number == last_of_family.get(family, -1) + 1:
            prev = group[0].heading.number - 1  # numbered on from the previous section: a house style
        last_of_family[family] = group[-1].heading.number
        for block in group:
            h = block.heading
            if h.number in seen or h.number == prev:
                prev = max(prev, h.number)
                continue  # GW102
            if h.number > prev + 1:
                missing = "、".join(_label(family, n) for n in range(prev + 1, h.number))
                before = f"「{_label(family, prev)}」之后" if prev else "开头"
                yield rule.diagnostic(
                    h.marker_start,
                    h.marker_end - h.marker_start,
                    f"标题序号不连续：{before}是「{h.marker}」，缺少「{missing}」；请补上或顺延编号",
                    renumbering.fix_at(h.marker_start, h.marker_end),
                )
            elif h.number < prev:
                yield rule.diagnostic(
                    h.marker_start,
                    h.marker_end - h.marker_start,
                    f"标题序号倒退：「{_label(family, prev)}」之后又出现「{h.marker}」；请按顺序编号",
                    renumbering.fix_at(h.marker_start, h.marker_end),
                )
            seen.add(h.number)
            prev = max(prev, h.number)


def check_duplicate(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    renumbering = _renumbering(outline)
    for group in outline.sibling_groups():
        seen: dict[int, Block] = {}
        for block in group:
            h = block.heading
            if h.number in seen:
                first = seen[h.number]
                yield rule.diagnostic(
                    h.marker_start,
                    h.marker_end - h.marker_start,
                    f"同一层级的序号「{h.marker}」重复（第{_line(outline, first.start)}行已用过）；请顺延编号",
                    renumbering.fix_at(h.marker_start, h.marker_end),
                )
            else:
                seen[h.number] = block
    # 第三 heard twice in a row: a 第N， inside a paragraph (often ending a 首先…其次… run) next to the
    # heading 第N， of the same number
    stream: list[tuple[int, int, int, bool, object]] = []  # (offset, end, number, is_heading, run)
    for block in outline.blocks:
        if block.heading is not None and block.heading.family == "第一，":
            stream.append((block.heading.marker_start, block.heading.marker_end, block.heading.number, True, None))
    for run in outline.runs:
        for item in run.items:
            if item.family == "第一，":
                stream.append((item.start, item.end, item.number, False, run))
    stream.sort(key=lambda entry: entry[0])
    for (a_start, a_end, a_num, a_head, a_run), (b_start, b_end, b_num, b_head, b_run) in itertools.pairwise(stream):
        if a_num != b_num or a_head == b_head:
            continue
        inner_start, inner_end, run = (a_start, a_end, a_run) if not a_head else (b_start, b_end, b_run)
        other = b_start if not a_head else a_start
        in_seq = isinstance(run, InlineRun) and run.items[0].family == "首先"
        fix = single_fix(inner_start, inner_end - inner_start, "再次，", safe=False) if in_seq and a_num == 3 else None
        instead = "段内可改用「再次」「最后」" if in_seq else "段内可改用「一是」「二是」"
        yield rule.diagnostic(
            inner_start,
            inner_end - inner_start,
            f"段内的「{outline.text[inner_start:inner_end]}」与第{_line(outline, other)}行的标题"
            f"「第{cn_numeral(a_num)}，」撞号，听者会以为讲了两个第{cn_numeral(a_num)}；{instead}",
            fix,
        )


# An ordinal with 、 where GB/T 15834 B.3 wants another mark: 第一/首先/其一 take ，; 一是…二是… take none.
# Found by the ordinal first (a rare sight), then checked to open a sentence or clause.
_INLINE_ORDINAL = re.compile(
    rf"(?P<comma>第[{CN_NUM}]{{1,3}}|首先|其次|再次|其[{CN_NUM}])、|(?P<bare>[{CN_NUM}]{{1,3}}是)、"
)
_OPENS_AFTER = "。！？；：\n \t　"


def check_marker_format(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    h = ctx.block.heading
    if h is not None:
        typed = h.marker if h.family in ("（一）", "（1）") else h.marker.translate(_HALF_TO_FULL)
        if typed != h.proper_marker:
            start = ctx.rel(h.marker_start)
            yield rule.diagnostic(
                start,
                len(h.marker),
                f"序号「{h.marker}」格式不规范，应写作「{h.proper_marker}」",
                single_fix(start, len(h.marker), h.proper_marker, safe=True),
            )
    skip = ctx.rel(h.marker_end) if h is not None else 0
    text = ctx.text
    for m in _INLINE_ORDINAL.finditer(text, skip):
        before = text[m.start() - 1] if m.start() > 0 else "\n"
        if m.group("comma"):
            if before not in _OPENS_AFTER or (m.group()[0] == "第" and numeral_list_at(text, m.end())):
                continue  # 全省第一、全国第三; 第一、二轮督察: the numbers of a name
            yield _comma_not_dunhao(rule, m)
        elif before in _OPENS_AFTER or before == "，":
            bare = m.group("bare")
            yield rule.diagnostic(
                m.start(), len(m.group()), f"「{bare}」后不加顿号，写作「{bare}」",
                single_fix(m.end() - 1, 1, "", safe=True),
            )


def _comma_not_dunhao(rule: Rule, m: re.Match[str]) -> Diagnostic:
    proper = m.group()[:-1] + "，"
    return rule.diagnostic(
        m.start(),
        len(m.group()),
        f"「{m.group()}」后应用逗号，写作「{proper}」",
        single_fix(m.start(), len(m.group()), proper, safe=True),
    )


def check_level_skip(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    ladder = [f for f in outline.families if f not in ("第一，", "①")]
    stack: list[Block] = []
    for block in outline.blocks:
        h = block.heading
        if h is None or h.family not in ladder:
            continue
        if stack and stack[-1].part != block.part:
            stack = []  # an appendix is numbered on its own
        rank = FAMILY_RANK[h.family]
        while stack and FAMILY_RANK[stack[-1].heading.family] >= rank:
            stack.pop()
        position = ladder.index(h.family)
        if stack and position > 0:
            parent = stack[-1].heading
            expected = ladder[position - 1]
            if parent.family != expected:
                yield rule.diagnostic(
                    h.marker_start,
                    h.marker_end - h.marker_start,
                    f"层级跳跃：「{h.marker}」直接放在「{parent.marker}」之下，而本文的下一级是「{expected}」；"
                    f"请补上「{expected}」一级或改用「{expected}」编号",
                )
        stack.append(block)


_LADDER = ("一、", "（一）", "1.", "（1）", "①")


def check_climb_back(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    """一、 > （一） > 1. > （1） > ①: a higher level that starts again under a lower one turns it upside down."""
    previous: Block | None = None
    for block in ctx.outline.blocks:
        h = block.heading
        if h is None or h.family not in _LADDER:
            continue
        if previous is not None and previous.part != block.part:
            previous = None
        if previous is not None and h.number == 1:
            above = previous.heading
            if FAMILY_RANK[above.family] > FAMILY_RANK[h.family]:
                yield rule.diagnostic(
                    h.marker_start, h.marker_end - h.marker_start,
                    f"「{h.marker}」放在了「{above.marker}」之下：层次序号依次为「一、（一）1.（1）①」，"
                    f"不能倒过来；请把这一层改用比「{above.marker}」低的序号，或调整结构",
                )
        previous = block


def check_count(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    renumbering = _renumbering(outline)
    for ann in outline.announcements:
        if ann.count is None:
            continue
        if not ann.items:
            continue
        actual = len(ann.items)
        label = "、".join(outline.text[a:b].rstrip("，,、") for a, b in ann.items)
        if actual != ann.count:
            said = chinese_count(actual) + ann.unit
            fix = renumbering.fix_at(ann.number_start, ann.number_end)
            if fix is not None and len(fix.edits) == 1:  # only the count changes: say to what
                fix = replace(fix, label=f"改为“{said}”")
            yield rule.diagnostic(
                ann.start,
                ann.end - ann.start,
                f"前面说「{ann.phrase}」，后面实际有{said}（{label}）；请改为「{said}」或核对条目",
                fix,
                unfinished=actual < ann.count,  # the rest may not be written yet
            )


def check_run_sequence(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    renumbering = _renumbering(ctx.outline)
    for run in ctx.outline.runs:
        family = run.items[0].family
        first = run.items[0]
        if first.number > 1:
            expected = _label(family, 1)
            yield rule.diagnostic(
                first.start,
                first.end - first.start,
                f"「{first.marker}」前面没有「{expected}」；请补上「{expected}」或改正序号",
                renumbering.fix_at(first.start, first.end),
            )
        prev = first.number
        for item in run.items[1:]:
            if item.number == 0:  # 最后
                continue
            if item.number != prev + 1:
                fam = item.family if item.family == family else family
                if item.number == prev:
                    message = f"「{item.marker}」重复；请顺延为「{_label(fam, prev + 1)}」"
                elif item.number < prev:
                    message = f"「{item.marker}」出现在「{_label(fam, prev)}」之后，顺序颠倒"
                else:
                    missing = "、".join(_label(fam, n) for n in range(prev + 1, item.number))
                    message = f"「{_label(fam, prev)}」之后是「{item.marker}」，缺少「{missing}」"
                fix = renumbering.fix_at(item.start, item.end)
                yield rule.diagnostic(item.start, item.end - item.start, message, fix)
            prev = item.number


_CONTINUATION = re.compile(r"(?:^|(?<=[。！？；：\s]))(?:下面|接下来|接着|然后|随后|其次|再次|最后)")


def check_run_incomplete(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    text = outline.text
    for run in outline.runs:
        if len(run.items) != 1 or run.items[0].number != 1:
            continue
        item = run.items[0]
        if item.family == "首先":
            # 首先 may be followed by 下面/接着 instead of 其次: look a little further
            nearby = [b for b in outline.blocks[item.block : item.block + 4] if not b.boilerplate]
            if any(_CONTINUATION.search(text, max(item.end, b.start), b.end) for b in nearby):
                continue
            message = "有「首先」却没有「其次」「再次」「最后」；请补全，或把「首先」删去"
        else:
            message = f"有「{item.marker}」却没有「{_label(item.family, 2)}」；请补全，或去掉「{item.marker}」"
        yield rule.diagnostic(item.start, item.end - item.start, message, unfinished=True)


def check_mixed(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    for run in ctx.outline.runs:
        if len(run.families) < 2:
            continue
        markers = "、".join(item.marker.rstrip("，,、") for item in run.items)
        spots = tuple((i.start, i.end - i.start) for i in run.items)
        yield rule.diagnostic(
            run.start,
            run.end - run.start,
            f"同一组序列混用了不同的说法（{markers}）；宜统一为「首先、其次、再次、最后」或「第一、第二、第三」",
            spots=spots,
        )


RULES = (
    Rule(
        "GW101", "numbering-gap", Level.ERROR,
        RuleDoc(
            "标题序号跳号：一、二、四，（一）（二）（四），1. 2. 4.。",
            "跳号让听众和读者以为漏了一部分，也是审稿最先看的地方。",
            "按顺序编号；删去一部分后把后面的序号顺延。编辑器中的“重新编号”（Ctrl+Shift+R，或在此处按 Alt+Enter）一次改好，可撤销。",
        ),
        (Example("一、提高认识\n二、压实责任\n四、强化保障", "一、提高认识\n二、压实责任\n三、强化保障"),),
        "document", check_gap, "标题跳号",
    ),
    Rule(
        "GW102", "numbering-duplicate", Level.ERROR,
        RuleDoc(
            "同一层级的序号重复（第三 … 第三；（二）出现两次），包括段内的「第三，」紧挨着同号的标题「第三，」。",
            "重复的序号让人分不清讲到了哪一点。",
            "顺延编号（编辑器中的“重新编号”可一次改好）；段内的小序列改用「首先、其次、再次」或「一是、二是」。",
        ),
        (
            Example("（一）提高认识\n（二）压实责任\n（二）强化保障", "（一）提高认识\n（二）压实责任\n（三）强化保障"),
            Example(
                "第二，要抓好项目。首先，要明确目标。其次，要加快进度。第三，要提质增效。\n第三，要抓住矛盾。",
                "第二，要抓好项目。首先，要明确目标。其次，要加快进度。再次，要提质增效。\n第三，要抓住矛盾。",
            ),
        ),
        "document", check_duplicate, "序号重复",
    ),
    Rule(
        "GW103", "marker-format", Level.WARNING,
        RuleDoc(
            "序号格式不规范：1、→1.　（一）、→（一）　一.→一、　(1)→（1）　第一、→第一，　首先、→首先，　一是、→一是。",
            "GB/T 15834 附录 B.3：「第一」「首先」「其一」后用逗号，汉字数字后用顿号，阿拉伯数字后用下脚点，"
            "括号序号后不再加标点，「一是」「二是」后不加标点。",
            "照规范的写法改正序号（可自动修正）。",
        ),
        (
            Example("1、加强领导。各单位要落实责任。", "1.加强领导。各单位要落实责任。", "1.加强领导。各单位要落实责任。"),
            Example("（一）、提高认识", "（一）提高认识", "（一）提高认识"),
            Example("(1)明确目标。", "（1）明确目标。", "（1）明确目标。"),
            Example("首先、要明确目标。其次、要抓好落实。", "首先，要明确目标。其次，要抓好落实。", "首先，要明确目标。其次，要抓好落实。"),
            Example("一是、加强领导。二是、压实责任。", "一是加强领导。二是压实责任。", "一是加强领导。二是压实责任。"),
        ),
        "paragraph", check_marker_format, "序号格式",
    ),
    Rule(
        "GW104", "level-skip", Level.WARNING,
        RuleDoc(
            "跳过了一级标题：本文用了「（一）」，却有「1.」直接放在「一、」之下。",
            "层次应逐级展开，跳级让结构看不清，排版时样式也会错。",
            "补上中间一级，或把这些条目改用中间一级的序号。",
        ),
        (
            Example("一、总体要求\n（一）提高认识\n1.学习文件\n二、重点任务\n1.抓好项目", "一、总体要求\n（一）提高认识\n1.学习文件\n二、重点任务\n（一）抓好项目"),
        ),
        "document", check_level_skip, "层级跳跃",
    ),
    Rule(
        "GW109", "level-inverted", Level.WARNING,
        RuleDoc(
            "层次序号倒用：「（一）」放在「1.」之下，「一、」放在「（一）」之下。",
            "GB/T 15834 附录 B.3.8：层次序号依次为「一、」「（一）」「1.」「（1）」「①」，不能越级倒用；"
            "倒过来，读者分不清哪一层管哪一层，排版时样式也会错。",
            "下一层改用更低一级的序号，或把这一层提上去。",
        ),
        (
            Example("一、总体要求\n1.提高认识\n（一）学习文件\n（二）开展培训\n2.压实责任", "一、总体要求\n（一）提高认识\n1.学习文件\n2.开展培训\n（二）压实责任"),
        ),
        "document", check_climb_back, "层次倒用",
    ),
    Rule(
        "GW105", "count-mismatch", Level.ERROR,
        RuleDoc(
            "预告的条数与后文不符：说「讲三点意见」却讲了四点，说「强调三个方面」却列了两个。",
            "开头报了数，听众就会数；数不对是讲话稿最难堪的错误之一。",
            "改正预告的数字（两项说「两点」，不说「二点」），或补齐、合并条目。编辑器中的“重新编号”让预告的数字随条目走。",
        ),
        (
            Example("我讲三点意见。\n一、提高认识\n二、压实责任\n三、强化保障\n四、严格考核", "我讲四点意见。\n一、提高认识\n二、压实责任\n三、强化保障\n四、严格考核"),
            Example("主要有三个方面：一是认识不足。二是措施不实。", "主要有两个方面：一是认识不足。二是措施不实。"),
        ),
        "document", check_count, "条数不符",
    ),
    Rule(
        "GW106", "run-sequence", Level.ERROR,
        RuleDoc(
            "段内序列顺序不对：一是、二是、四是；一要之后直接三要；「其次」出现在「首先」之前。",
            "段内的序列同样是给听众的路标，缺号、倒序会让人以为漏听了。",
            "按顺序排列，缺的补上；编辑器中的“重新编号”可一次改好。",
        ),
        (
            Example("一是提高认识。二是压实责任。四是强化保障。", "一是提高认识。二是压实责任。三是强化保障。"),
            Example("一要超前谋划。三要用好政策。", "一要超前谋划。二要用好政策。"),
        ),
        "document", check_run_sequence, "序列错序",
    ),
    Rule(
        "GW107", "run-incomplete", Level.WARNING,
        RuleDoc(
            "序列有头无尾：有「一是」没有「二是」，有「首先」后面没有「其次」「最后」。",
            "只有开头的序列让听众等着下文；多半是改稿时删掉了后面的条目。",
            "补全序列，或去掉孤立的「一是」「首先」。",
        ),
        (
            Example("首先要解决好发展不充分的问题。要突出解决效益问题。", "首先要解决好发展不充分的问题。其次要突出解决效益问题。"),
            Example("一是提高认识。要压实责任。", "一是提高认识。二是压实责任。"),
        ),
        "document", check_run_incomplete, "序列不全",
    ),
    Rule(
        "GW108", "mixed-run-markers", Level.INFO,
        RuleDoc(
            "同一组序列混用不同说法：首先、其次、第三；首先、其次、其三。",
            "成套的说法念起来更顺，也不会和外层的「第三」撞号。",
            "统一为「首先、其次、再次、最后」，或统一用「第一、第二、第三」。",
        ),
        (Example("首先，要明确目标。其次，要转型升级。第三，要提质增效。", "首先，要明确目标。其次，要转型升级。再次，要提质增效。"),),
        "document", check_mixed, "序列混用",
    ),
)
