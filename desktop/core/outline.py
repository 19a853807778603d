"""The draft's structure, parsed once and shared by lint, export, the outline navigator and the highlighter.

Offsets are character offsets into `Outline.text` (line endings already read as \\n); `end` is exclusive.

The parser reads drafts as people type them and as web copies arrive: headings that run into their
paragraph ("（一）强化责任意识。领导是什么……"), half-width punctuation, a whole body pasted as one line with
the page's wrap spaces left in (split only where it is reliable: a heading marker or 同志们： after a space),
and the junk lines of web copies (marked `boilerplate`, so checks leave them alone).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from desktop.core.numerals import chinese_number


class BlockKind(str, Enum):
    TITLE = "title"
    SUBTITLE = "subtitle"  # a "——" line under the title
    BYLINE = "byline"  # speaker and date lines under the title
    SALUTATION = "salutation"  # 同志们：
    HEADING = "heading"  # stand-alone or run-in; details in Block.heading
    PARAGRAPH = "paragraph"
    CLOSING = "closing"  # the closing paragraph of a speech


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, as used in this document
    family: str  # marker family, e.g. "一、", "（一）", "1.", "（1）", "①", "第一，", "第一句话", "第一部分"
    number: int
    marker: str  # the marker exactly as typed
    marker_start: int
    marker_end: int
    title_end: int  # end of the heading part: after the first 。 of a run-in heading, else the block end
    run_in: bool
    proper_marker: str = ""  # the marker as the convention writes it ("1、" typed → "1.")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    line: int  # 0-based line number
    heading: Heading | None = None
    boilerplate: bool = False  # web-copy junk, a repeated title, a separator line: checks skip it
    part: int = 0  # 0 = the document; 1, 2 … = the appendices after 附件1, 附件2 (numbered on their own)


@dataclass(frozen=True)
class RunItem:
    """One item of an inline run: 一是 / 二要 / 第三， / 首先 / 其次 / ② …"""

    family: str  # "一是", "一要", "第一，", "首先", "其一", "①"
    number: int  # 首先 = 1, 其次 = 2, 再次 = 3, 最后 = 0 (the last, whatever its number)
    marker: str
    start: int
    end: int
    block: int  # index into Outline.blocks


@dataclass
class InlineRun:
    items: list[RunItem]

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end

    @property
    def families(self) -> list[str]:
        return list(dict.fromkeys(item.family for item in self.items))


@dataclass(frozen=True)
class Announcement:
    """An announced count: 讲三点意见, 讲三句话, 强调三个方面的问题 (count None = 几点, unspecified)."""

    start: int
    end: int
    count: int | None
    unit: str  # 点 / 句话 / 个方面 / 条 / 类
    block: int
    phrase: str
    # the markers of the items that follow (sibling headings or an inline run), as (start, end); empty when
    # nothing recognisable follows
    items: tuple[tuple[int, int], ...] = ()
    number_start: int = -1  # where the numeral (三, 两, 几) stands in the text
    number_end: int = -1


@dataclass
class Outline:
    text: str
    blocks: list[Block] = field(default_factory=list)
    runs: list[InlineRun] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    families: list[str] = field(default_factory=list)  # heading families in level order, as used here
    # Worked out on first use and kept: rules ask for them once per finding, and a long draft has thousands.
    _groups: list[list[Block]] | None = field(default=None, repr=False, compare=False)
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.heading is not None]

    @property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.kind is BlockKind.TITLE), None)

    @property
    def salutation(self) -> Block | None:
        return next((b for b in self.blocks if b.kind is BlockKind.SALUTATION), None)

    @property
    def closing(self) -> Block | None:
        return next((b for b in self.blocks if b.kind is BlockKind.CLOSING), None)

    def sibling_groups(self) -> list[list[Block]]:
        """Headings of one family under one parent heading, in order: the lists that are numbered together.
        Computed once per outline (made when the blocks are all there); callers must not change the lists."""
        if self._groups is None:
            self._groups = self._sibling_groups()
        return self._groups

    def line_at(self, offset: int) -> int:
        """The 1-based line number of `offset`."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return bisect.bisect_right(self._line_starts, offset)

    def _sibling_groups(self) -> list[list[Block]]:
        groups: dict[tuple[int, int, str], list[Block]] = {}
        stack: list[tuple[float, int]] = []  # (rank, block index) of the open ancestors
        part = 0
        for index, block in enumerate(self.blocks):
            if block.heading is None:
                continue
            if block.part != part:  # an appendix is numbered on its own
                stack, part = [], block.part
            rank = FAMILY_RANK[block.heading.family]
            while stack and stack[-1][0] >= rank:
                stack.pop()
            parent = stack[-1][1] if stack else -1
            groups.setdefault((part, parent, block.heading.family), []).append(block)
            stack.append((rank, index))
        return list(groups.values())

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_index_at(self, offset: int) -> int | None:
        """The block holding `offset` (binary search; blocks are in text order)."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.blocks) and self.blocks[lo].start <= offset < max(self.blocks[lo].end, offset + 1):
            return lo
        return None


# ---------------------------------------------------------------------------------------------------------
# Numerals

CN_NUM = "一二三四五六七八九十"
_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 几 → None."""
    if not text or any(ch not in _CN_DIGIT and ch != "十" for ch in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGIT.get(tens, 0) if tens else 1
        o = _CN_DIGIT.get(ones, 0) if ones else 0
        if (tens and tens not in _CN_DIGIT) or (ones and ones not in _CN_DIGIT):
            return None
        return t * 10 + o
    if len(text) == 1:
        return _CN_DIGIT[text]
    return None


def cn_numeral(n: int) -> str:
    """一, 十二, 二十, 一百零五: the numeral a writer would type; digits from a thousand on."""
    return str(n) if n >= 1000 else chinese_number(n)


# ---------------------------------------------------------------------------------------------------------
# Heading markers. Each pattern matches at the start of a paragraph (after blanks).

_N = f"[{CN_NUM}]{{1,3}}"
_CJK_START = r"(?=\s?[\u3400-\u9fff“‘《（(【A-Za-z0-9０-９])"


@dataclass(frozen=True)
class _MarkerSpec:
    family: str
    rank: float  # conventional depth: smaller is higher
    pattern: re.Pattern[str]
    chinese: bool

    def proper(self, number: int, sep: str = "") -> str:
        n = cn_numeral(number) if self.chinese else str(number)
        if self.family in ("第一部分", "第一句话"):
            # the separator after 第一句话 is free (，：or none); only its width is fixed
            return f"第{n}{self.family[2:]}" + {",": "，", ":": "：", "、": "，", ".": "，", "．": "，"}.get(sep, sep)
        return {
            "一、": f"{n}、",
            "（一）": f"（{n}）",
            "第一，": f"第{n}，",
            "1.": f"{n}.",
            "（1）": f"（{n}）",
            "①": CIRCLED[number - 1] if 0 < number <= len(CIRCLED) else "",
        }[self.family]


MARKERS: tuple[_MarkerSpec, ...] = (
    _MarkerSpec("第一部分", 0, re.compile(rf"第(?P<n>{_N})部分(?P<sep>[，,、：:．.]?)"), True),
    _MarkerSpec("第一句话", 0, re.compile(rf"第(?P<n>{_N})句话(?P<sep>[，,、：:．.]?)"), True),
    _MarkerSpec("一、", 1, re.compile(rf"(?P<n>{_N})(?P<sep>、|．|\.(?!\d))" + _CJK_START), True),
    _MarkerSpec("（一）", 2, re.compile(rf"(?P<open>[（(]?)(?P<n>{_N})(?P<close>[）)])(?P<sep>[、.．，,]?)"), True),
    _MarkerSpec("第一，", 2.5, re.compile(rf"第(?P<n>{_N})(?P<sep>[，,、])"), True),
    _MarkerSpec("1.", 3, re.compile(r"(?P<n>\d{1,2})(?P<sep>\.|．|、)(?!\d)" + _CJK_START), False),
    _MarkerSpec("（1）", 4, re.compile(r"(?P<open>[（(]?)(?P<n>\d{1,2})(?P<close>[）)])(?P<sep>[、.．]?)"), False),
    _MarkerSpec("①", 5, re.compile(rf"(?P<n>[{CIRCLED}])(?P<sep>[、.．]?)"), False),
)
FAMILY_RANK = {spec.family: spec.rank for spec in MARKERS}
_SPEC_BY_FAMILY = {spec.family: spec for spec in MARKERS}

# 一、二、三产业, 二、三级医院, 第一、第三产业, 第一、二轮督察, 1、2号线: numerals listed before the word they
# count are part of a name, not ordinals; the tail after the first 、 tells them apart
_COUNTED = r"(?:产业|产|级|类|批|轮|档|次|期|号|代|届|季度|线|星|胎|孩|等奖|个|种|项|名)"
_NUMERAL_LIST_TAIL = re.compile(
    rf"(?:第?[{CN_NUM}两]{{1,3}}、)*第?[{CN_NUM}两]{{1,3}}{_COUNTED}|(?:\d{{1,2}}、)*\d{{1,2}}{_COUNTED}"
)


def numeral_list_at(text: str, pos: int) -> bool:
    """Whether the text at `pos`, just after "一、" or "第一、", goes on listing numerals of a name."""
    return _NUMERAL_LIST_TAIL.match(text, pos) is not None


@dataclass(frozen=True)
class MarkerMatch:
    family: str
    number: int
    start: int  # relative to the string searched
    end: int
    typed: str
    proper: str


def match_marker(text: str, pos: int = 0) -> MarkerMatch | None:
    """The heading marker at `pos` of `text`, if any."""
    for spec in MARKERS:
        m = spec.pattern.match(text, pos)
        if not m:
            continue
        raw = m.group("n")
        if spec.family == "①":
            number = CIRCLED.index(raw) + 1
        elif spec.chinese:
            number = cn_number(raw) or 0
        else:
            number = int(raw)
        if number <= 0:
            continue
        groups = m.groupdict()
        # "1）" without its opening bracket is a marker only when text follows it
        missing_open = "open" in groups and not groups["open"]
        if missing_open and (m.end() >= len(text) or text[m.end()].isspace()):
            continue
        end = m.end()
        if m.group("sep") == "、" and numeral_list_at(text, end):
            return None
        return MarkerMatch(spec.family, number, pos, end, text[pos:end], spec.proper(number, m.group("sep") or ""))
    return None


# ---------------------------------------------------------------------------------------------------------
# Inline runs: 一是…二是…, 一要…二要…, 第一，…第二，…, 首先…其次…再次…最后, 其一…其二, ①…②

_BOUNDARY = "。！？；：:;!?\n “”"  # an item starts a sentence or a clause after a colon
_RUN_ITEM = re.compile(
    rf"(?=[{CN_NUM}第其首再最{CIRCLED}])"  # fail fast where no item can start
    rf"(?:(?P<shi>(?P<n1>{_N}) ?是)"
    rf"|(?P<yao>(?P<n2>{_N}) ?要(?![素件点害领义旨职]))"
    rf"|(?P<di>第(?P<n3>{_N})[，,、](?!是))"
    rf"|(?P<qi>其(?P<n4>[一二三四五六七八九]))(?=[，,、是])"
    r"|(?P<seq>首先|其次|再次|最后)"
    rf"|(?P<circ>[{CIRCLED}]))"
)
_SEQ_NUMBER = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}


def _item_allowed_at(text: str, pos: int, block_start: int, marker: str) -> bool:
    if marker.endswith("、") and numeral_list_at(text, pos + len(marker)):
        return False  # 第一、第三产业: the numbers of a name
    if pos == block_start:
        return True
    prev = text[pos - 1]
    if prev == "“" and "”" in text[pos : pos + 8]:
        return False  # a short quoted term such as “六要素”, not the start of a run
    if prev in _BOUNDARY:
        return True
    # "一要提速审批，二要降低成本": after a comma only numbered items and continuations count
    return prev in "，," and not marker.startswith("首先")


# ---------------------------------------------------------------------------------------------------------
# Announced counts: 讲三点意见, 讲三句话, 强调三个方面的问题, 重点做好N个方面工作, 讲几点意见

_ANNOUNCE = re.compile(
    r"(?:讲|强调|谈|提|说|从|做好|抓好|分为|归纳为|概括为|总结为|突出|讲讲|谈谈|提出|主要有|有以下|有如下|有这么|有这样)"
    r"(?:以下|下面|这么|如下)?"
    rf"(?P<n>{_N}|几|两)(?P<unit>点|句话|个方面|方面|个问题|层意思|条|类|件事)"
    r"(?P<tail>[^。！？：:；\n]{0,10}?)(?=[。！？：:；]|$)"
)


# ---------------------------------------------------------------------------------------------------------
# Front matter, boilerplate, salutation, closing

_TITLE_WORDS = re.compile(
    r"讲话|致辞|发言|报告|会上|会议|意见|通知|方案|总结|讲稿|材料|决定|办法|规定|纪要|汇报|请示|的函|党课|提纲"
)
_JUNK = re.compile(
    r"https?://|www\.|\bQQ|[Cc]opyright|版权|©|本文档|文库|客服|小编|阅读文章|推荐阅读|扩展阅读|相关阅读|还看了"
    r"|付费|下载|会员|咨询|仅供学习|禁止外传|自建平台|订阅|\d+(?:\.\d+)?\s*KB|^\s*\d+\s*页\s*$|发布\s*$|倒卖"
    # a news page's chrome, one piece a line: 【字体： 大 中 小 】 打印本页 关闭窗口 来源: 阅读量：
    r"|^[【】]$|^[大中小]$|字体[：:]|打印本页|关闭窗口|扫一扫|^(?:分享|来源|发表时间|发布时间|阅读量|当前位置)[：:]"
)
_BRACKETED_URL = re.compile(r"[（(](?:https?://|www\.)[A-Za-z0-9./:?#&=_%~+@-]+[）)]")
_WEAK_JUNK = {"咨询", "会员", "订阅", "下载", "付费"}  # junk on a web page, ordinary words in a sentence
_APPENDIX = re.compile(r"附件\s*[0-9０-９一二三四五六七八九十]{0,3}")  # a line of its own opens an appendix
_ITEM_WITH_DIGITS = re.compile(r"(\d{1,2})[.．](?=\d)")  # 20.2026年10件民生实事 in a list at 19.
_ATTACHMENT = re.compile(r"^附件[：:]")
_LIST_TAIL = re.compile(r"还看了|推荐阅读|扩展阅读|相关阅读|相关文章|猜你喜欢")
_BULLET = re.compile(r"^\s*[•·●▪◆]")
_SEPARATOR = re.compile(r"^\s*(?:[XxＸ×*＊※]\s*){3,}$")
_SALUTATION = re.compile(r"^(?:同志们|各位[^\s：:，,。]{0,12}|尊敬的[^。：:]{0,40}|女士们[^。：:]{0,12})[：:]\s*$")
_SALUTATION_LEAD = re.compile(r"同志们[：:]")
_CLOSING_LEAD = re.compile(r"^(?:同志们[，,！!]|让我们|最后，|总之，)")
_CLOSING_WORDS = re.compile(r"让我们|谢谢大家|谢谢！|做出新的更大贡献|作出新的更大贡献|再创新的辉煌")
_DATE_LINE = re.compile(r"^[（(]?\s*(?:\d{4}|[二〇○零一两三四五六七八九]{4})\s*年.{1,8}日\s*[）)]?$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WRAP_SPACE = re.compile(r"(?<=[\u3400-\u9fff，。、；：“”,]) (?=[\u3400-\u9fff“”])")
_SENTENCE_END = "。！？"
_SENTENCE_STOP = re.compile(f"[{_SENTENCE_END}]")


@dataclass
class _Segment:
    start: int
    end: int
    line: int
    wrapped: bool


def _split_line(text: str, start: int, end: int, line_no: int) -> list[_Segment]:
    """Split one physical line into paragraphs where that is reliable."""
    line = text[start:end]
    wrapped = len(_WRAP_SPACE.findall(line)) >= 3
    cuts: list[int] = []
    for m in re.finditer(r"\s+", line):
        after = m.end()
        if m.start() == 0 or after >= len(line):
            continue
        last, second_last = line[m.start() - 1], line[m.start() - 2 : m.start() - 1]  # \s+ is greedy: not blank
        if _SALUTATION_LEAD.match(line, after) or _SALUTATION_LEAD.fullmatch(line[max(0, m.start() - 4) : m.start()]):
            cuts.append(after)
            continue
        marker = match_marker(line, after)
        if marker and marker.family in ("第一部分", "第一句话", "一、", "（一）", "1.", "（1）"):
            if marker.family in ("1.", "（1）") and not wrapped and last not in _SENTENCE_END:
                continue
            cuts.append(after)
            continue
        if wrapped and (last in _SENTENCE_END or (last == "”" and second_last in _SENTENCE_END)):
            cuts.append(after)
    segments: list[_Segment] = []
    bounds = [0, *cuts, len(line)]
    for a, b in itertools.pairwise(bounds):
        seg_text = line[a:b]
        lead = len(seg_text) - len(seg_text.lstrip())
        trail = len(seg_text.rstrip())
        if trail <= lead:
            continue
        seg_start, seg_end = start + a + lead, start + a + trail
        if wrapped:
            # A stand-alone heading wrapped by the page: it ends at the first short wrapped line
            marker = match_marker(text, seg_start)
            if marker and marker.family in ("第一部分", "第一句话", "一、", "（一）", "1."):
                split = _wrapped_heading_end(text, seg_start, seg_end)
                if split is not None:
                    segments.append(_Segment(seg_start, split, line_no, wrapped))
                    rest = split
                    while rest < seg_end and text[rest].isspace():
                        rest += 1
                    if rest < seg_end:
                        segments.append(_Segment(rest, seg_end, line_no, wrapped))
                    continue
        segments.append(_Segment(seg_start, seg_end, line_no, wrapped))
    return segments


def _wrapped_heading_end(text: str, start: int, end: int) -> int | None:
    chunk = text[start:end]
    first_stop = min((i for i in (chunk.find(ch) for ch in _SENTENCE_END) if i >= 0), default=len(chunk))
    pieces = [m.start() for m in _WRAP_SPACE.finditer(chunk[:first_stop])]
    for i, cut in enumerate(pieces):
        if i == 0:
            continue
        prev = pieces[i - 1]
        if 0 < cut - prev - 1 <= 12 and chunk[cut - 1] not in "，,、":
            return start + cut
    return None


def _looks_like_title(seg: str) -> bool:
    s = seg.strip()
    return (
        4 <= len(s) <= 50
        and not any(ch in s for ch in "。，,；;")
        and bool(_TITLE_WORDS.search(s))
        and not _JUNK.search(s)
        and match_marker(s) is None
    )


def _is_junk(seg: str) -> bool:
    s = seg.strip()
    if _BULLET.match(seg) or _SEPARATOR.match(s):
        return True
    if len(s) > 100:
        return False
    if ("www" in s or "http" in s) and ("，" in s or "。" in s):
        s = _BRACKETED_URL.sub("", s)  # （www.gov.cn） inside a sentence is part of the text
    found = {m.group() for m in _JUNK.finditer(s)}
    if found and found <= _WEAK_JUNK and any(ch in s for ch in "，；。") and match_marker(s) is not None:
        return False  # a numbered sentence (8.实现法律援助咨询全覆盖；…) uses these words as text
    return bool(found)


# ---------------------------------------------------------------------------------------------------------


# What a line splits into, its segments' markers and junk, a block's inline items and announced counts:
# pure functions of a little text, asked again for every line at every parse. Kept by that text, so
# re-parsing a long draft after an edit redoes only what changed (the window parses a 1.7-million-character
# draft at every pause in typing).
_MEMO_LIMIT = 200_000
_UNKNOWN = object()
_line_memo: dict[str, tuple[tuple[int, int, bool], ...]] = {}
_marker_memo: dict[str, MarkerMatch | None] = {}
_junk_memo: dict[str, bool] = {}
_run_item_memo: dict[tuple[str, int, bool], tuple[tuple[str, int, str, int, int], ...]] = {}
_announce_memo: dict[str, tuple[tuple[int, int, int | None, str, str, int, int], ...]] = {}


def _remember(memo: dict, key, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _line_segments(text: str, start: int, end: int, line_no: int) -> list[_Segment]:
    key = text[start : end + 2]  # a marker's look-ahead may see two characters past the line
    found = _line_memo.get(key)
    if found is None:
        found = _remember(_line_memo, key, tuple(
            (s.start - start, s.end - start, s.wrapped) for s in _split_line(text, start, end, line_no)
        ))  # fmt: skip
    return [_Segment(start + a, start + b, line_no, wrapped) for a, b, wrapped in found]


def _segment_marker(text: str, seg: _Segment) -> MarkerMatch | None:
    key = text[seg.start : seg.end + 2]
    found = _marker_memo.get(key, _UNKNOWN)  # one look-up: another thread may clear the memo between two
    if found is _UNKNOWN:
        found = _remember(_marker_memo, key, match_marker(key))
    if found is None or seg.start == 0:
        return found
    return MarkerMatch(
        found.family, found.number, found.start + seg.start, found.end + seg.start, found.typed, found.proper
    )


def _segment_is_junk(seg_text: str) -> bool:
    found = _junk_memo.get(seg_text)
    return _remember(_junk_memo, seg_text, _is_junk(seg_text)) if found is None else found


def parse_outline(text: str) -> Outline:
    """Parse `text` (line endings as \\n) into blocks, headings, inline runs and announced counts."""
    outline = Outline(text)
    segments: list[_Segment] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n")):
        start, end = offset, offset + len(line)
        offset = end + 1
        if line.strip():
            segments.extend(_line_segments(text, start, end, line_no))
    if not segments:
        return outline

    seg_texts = [text[s.start : s.end] for s in segments]
    title_index = _find_title(seg_texts)
    title_text = seg_texts[title_index].strip() if title_index is not None else None
    salutation_seen = False
    in_tail = False
    in_attachments = False
    body_started = False
    part = 0
    last_arabic = 0  # the number of the last "1." heading
    raw_blocks: list[tuple[BlockKind, _Segment, MarkerMatch | None, bool]] = []
    parts: list[int] = []
    for i, (seg, seg_text) in enumerate(zip(segments, seg_texts)):
        stripped = seg_text.strip()
        if _APPENDIX.fullmatch(stripped):
            part += 1
        parts.append(part)
        boiler = in_tail or (title_index is not None and i < title_index) or _segment_is_junk(seg_text)
        if _LIST_TAIL.search(stripped) and len(stripped) <= 60:
            in_tail = True
            boiler = True
        if title_index is not None and i > title_index and stripped == title_text:
            boiler = True  # the title repeated by a web copy
        if boiler:
            raw_blocks.append((BlockKind.PARAGRAPH, seg, None, True))
            continue
        if i == title_index:
            raw_blocks.append((BlockKind.TITLE, seg, None, False))
            continue
        addressee = (
            title_index is not None and not body_started and i > title_index and len(stripped) <= 60
            and stripped.endswith(("：", ":")) and "。" not in stripped
        )  # 主送机关 of a document plays the salutation's part
        if not salutation_seen and (_SALUTATION.match(stripped) or addressee):
            salutation_seen = True
            body_started = True
            raw_blocks.append((BlockKind.SALUTATION, seg, None, False))
            continue
        if _ATTACHMENT.match(stripped):
            in_attachments = True
        elif in_attachments and _segment_marker(text, seg):
            raw_blocks.append((BlockKind.PARAGRAPH, seg, None, False))  # the list under 附件：1.… 2.…
            continue
        else:
            in_attachments = False
        marker = _segment_marker(text, seg)
        if marker is None and last_arabic:
            marker = _item_with_digits(text, seg.start, last_arabic + 1)
        if marker is not None and marker.family == "1.":
            last_arabic = marker.number
        if marker and marker.end < seg.end:
            body_started = True
            raw_blocks.append((BlockKind.HEADING, seg, marker, False))
            continue
        if title_index is not None and not body_started and i > title_index and len(stripped) <= 40:
            if stripped.startswith(("——", "—")):
                raw_blocks.append((BlockKind.SUBTITLE, seg, None, False))
                continue
            if "。" not in stripped and (_DATE_LINE.match(stripped) or len(stripped) <= 20):
                raw_blocks.append((BlockKind.BYLINE, seg, None, False))
                continue
        body_started = True
        raw_blocks.append((BlockKind.PARAGRAPH, seg, None, False))

    closing_index = _find_closing(raw_blocks, text)
    families = sorted({m.family for kind, _, m, _ in raw_blocks if m is not None}, key=FAMILY_RANK.__getitem__)
    outline.families = families
    level_of = {fam: min(i + 1, 4) for i, fam in enumerate(families)}
    for i, (kind, seg, marker, boiler) in enumerate(raw_blocks):
        heading = None
        if marker is not None:
            heading = _make_heading(text, seg, marker, level_of[marker.family])
        if i == closing_index:
            kind = BlockKind.CLOSING
        outline.blocks.append(Block(kind, seg.start, seg.end, seg.line, heading, boiler, parts[i]))
    outline.runs = _find_runs(outline)
    outline.announcements = _find_announcements(outline)
    return outline


def _item_with_digits(text: str, pos: int, expected: int) -> MarkerMatch | None:
    """"20.2026年…" right after item 19.: the item number, not a decimal."""
    m = _ITEM_WITH_DIGITS.match(text, pos)
    if m is None or int(m.group(1)) != expected:
        return None
    return MarkerMatch("1.", expected, pos, m.end(), m.group(), f"{expected}.")


def _find_title(seg_texts: list[str]) -> int | None:
    limit = min(len(seg_texts), 25)
    salutation = next((i for i in range(limit) if _SALUTATION.match(seg_texts[i].strip())), None)
    scan = range(salutation if salutation is not None else limit)
    for i in scan:
        if _looks_like_title(seg_texts[i]):
            return i
    # No title words: a short first line that is not a heading and not junk
    for i in scan:
        s = seg_texts[i].strip()
        if _is_junk(seg_texts[i]):
            continue
        if len(s) <= 40 and not any(ch in s for ch in "。，,；") and match_marker(s) is None:
            return i
        break
    return None


def _find_closing(raw_blocks: list[tuple[BlockKind, _Segment, MarkerMatch | None, bool]], text: str) -> int | None:
    candidates = [i for i, (kind, _, _, boiler) in enumerate(raw_blocks) if not boiler and kind is BlockKind.PARAGRAPH]
    for i in reversed(candidates[-2:]):
        seg = raw_blocks[i][1]
        body = text[seg.start : seg.end]
        if _CLOSING_LEAD.match(body) or _CLOSING_WORDS.search(body):
            return i
    return None


def _make_heading(text: str, seg: _Segment, marker: MarkerMatch, level: int) -> Heading:
    found = _SENTENCE_STOP.search(text, marker.end, seg.end)
    stop = found.start() if found else -1
    rest = text[stop + 1 : seg.end].strip() if stop >= 0 else ""
    run_in = stop >= 0 and bool(rest)
    title_end = stop + 1 if run_in else seg.end
    return Heading(
        level, marker.family, marker.number, marker.typed, marker.start, marker.end, title_end, run_in, marker.proper
    )


def _block_run_items(text: str, block: Block, scan_from: int) -> Iterator[tuple[str, int, str, int, int]]:
    for m in _RUN_ITEM.finditer(text, scan_from, block.end):
        if not _item_allowed_at(text, m.start(), block.start if block.heading is None else -1, m.group()):
            continue
        if m.group("shi"):
            fam, num = "一是", cn_number(m.group("n1"))
            if text.startswith("一是一", m.start()):
                continue  # 一是一、二是二: an idiom
        elif m.group("yao"):
            fam, num = "一要", cn_number(m.group("n2"))
        elif m.group("di"):
            fam, num = "第一，", cn_number(m.group("n3"))
        elif m.group("qi"):
            fam, num = "其一", cn_number(m.group("n4"))
        elif m.group("seq"):
            fam, num = "首先", _SEQ_NUMBER[m.group("seq")]
        else:
            fam, num = "①", CIRCLED.index(m.group("circ")) + 1
        if num is None:
            continue
        yield fam, num, m.group(), m.start(), m.end()


def _find_runs(outline: Outline) -> list[InlineRun]:
    """Group inline items into runs. A run never crosses a heading; a new 一 starts a new run."""
    text = outline.text
    items: list[RunItem] = []
    heading_blocks: set[int] = set()
    for bi, block in enumerate(outline.blocks):
        if block.boilerplate or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CLOSING):
            continue
        scan_from = block.start
        if block.heading is not None:
            heading_blocks.add(bi)
            scan_from = block.heading.marker_end
        # the items depend on the block's text alone (and where its heading marker ends): remembered by it
        key = (text[block.start : block.end], scan_from - block.start, block.heading is not None)
        found = _run_item_memo.get(key)
        if found is None:
            found = _remember(_run_item_memo, key, tuple(
                (fam, num, marker, start - block.start, end - block.start)
                for fam, num, marker, start, end in _block_run_items(text, block, scan_from)
            ))  # fmt: skip
        at = block.start
        items.extend(RunItem(fam, num, marker, at + a, at + b, bi) for fam, num, marker, a, b in found)

    # headings_upto[i]: how many heading blocks there are among blocks[0..i]
    headings_upto, count = [], 0
    for bi in range(len(outline.blocks)):
        count += bi in heading_blocks
        headings_upto.append(count)
    runs: list[InlineRun] = []
    open_runs: dict[str, InlineRun] = {}  # keyed by the family that started the run
    last_block_seen = -1
    for item in items:
        # A heading between two items closes every run
        if last_block_seen != item.block and headings_upto[item.block] > (
            headings_upto[last_block_seen] if last_block_seen >= 0 else 0
        ):
            open_runs.clear()
        last_block_seen = item.block
        for key, run in list(open_runs.items()):
            gap = item.block - run.items[-1].block
            # items that each open a paragraph (一是… at the head of a long section) may lie far apart
            far_leads = gap <= 40 and _leads_block(outline, item) and _leads_block(outline, run.items[-1])
            if gap > 3 and not far_leads:
                del open_runs[key]
        seq = open_runs.get("首先")
        if item.family == "首先":
            if item.number == 1:
                run = InlineRun([item])
                runs.append(run)
                open_runs["首先"] = run
            elif seq is not None:
                seq.items.append(item)
            elif item.number == 2:
                run = InlineRun([item])  # 其次 with no 首先: a run that starts at 2
                runs.append(run)
                open_runs["首先"] = run
            continue
        # 第三，/其三 continuing an open 首先-run (a mixed run)
        if (
            seq is not None
            and item.family in ("第一，", "其一")
            and item.family not in open_runs
            and seq.items[-1].number >= 2
            and item.number == seq.items[-1].number + 1
        ):
            seq.items.append(item)
            continue
        current = open_runs.get(item.family)
        if current is None or item.number == 1:
            run = InlineRun([item])
            runs.append(run)
            open_runs[item.family] = run
        else:
            current.items.append(item)
    return runs


def _leads_block(outline: Outline, item: RunItem) -> bool:
    return outline.blocks[item.block].start == item.start


def _find_announcements(outline: Outline) -> list[Announcement]:
    text = outline.text
    found: list[Announcement] = []
    followers: _Followers | None = None
    for bi, block in enumerate(outline.blocks):
        if block.boilerplate or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CLOSING):
            continue
        body = text[block.start : block.end]
        phrases = _announce_memo.get(body)
        if phrases is None:
            phrases = _remember(_announce_memo, body, tuple(_block_announcements(body)))
        at = block.start
        for start, end, count, unit, phrase, n_start, n_end in phrases:
            if followers is None:
                followers = _Followers(outline)
            items = followers.items_after(bi, at + end)
            found.append(Announcement(at + start, at + end, count, unit, bi, phrase, items, at + n_start, at + n_end))
    return found


def _block_announcements(body: str) -> Iterator[tuple[int, int, int | None, str, str, int, int]]:
    """The announced counts in one block's text (offsets into it)."""
    for m in _ANNOUNCE.finditer(body):
        raw = m.group("n")
        count = None if raw == "几" else (2 if raw == "两" else cn_number(raw))
        if raw != "几" and count is None:
            continue
        if "等" in body[max(0, m.start() - 2) : m.start()]:
            continue  # 从甲、乙等四个方面: an enumeration, not an announcement
        yield m.start(), m.end(), count, m.group("unit"), m.group(), m.start("n"), m.end("n")


class _Followers:
    """What may follow an announcement, indexed once per parse: the runs by where they start, and each
    heading's sibling group (a long draft has thousands of announcements, runs and headings)."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.run_starts = [run.items[0].start for run in outline.runs]
        self.group_of: dict[int, tuple[list[Block], int]] = {}  # heading block start -> (group, index)
        for group in outline.sibling_groups():
            for index, block in enumerate(group):
                self.group_of[block.start] = (group, index)

    def items_after(self, bi: int, end: int) -> tuple[tuple[int, int], ...]:
        """The items an announcement introduces: an inline run starting right after it, or, when it closes
        its paragraph, the headings that follow."""
        outline = self.outline
        text = outline.text
        block = outline.blocks[bi]
        at = bisect.bisect_left(self.run_starts, end)
        if at < len(outline.runs):
            run = outline.runs[at]
            first = run.items[0]
            between = outline.blocks[bi : first.block + 1]
            if first.start - end <= 40 and first.block in (bi, bi + 1) and not any(
                b.heading is not None and end <= b.start < first.start for b in between
            ):
                return tuple((item.start, item.end) for item in run.items)
        if text[end : block.end].strip(" 。：:") == "":
            nxt = next((b for b in itertools.islice(outline.blocks, bi + 1, None) if not b.boilerplate), None)
            if nxt is not None and nxt.heading is not None and nxt.start in self.group_of:
                group, index = self.group_of[nxt.start]
                return tuple((b.heading.marker_start, b.heading.marker_end) for b in group[index:])
        return ()
