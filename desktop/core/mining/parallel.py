"""排比/并列: 、-runs and comma-separated parallel clauses, trimmed to the parallel items.

"促进项目早审批、早落地、早建设" gives "早审批、早落地、早建设" (pattern "早X、早X、早X"). A run counts when its
items share a frame (同字头 早X, 同字尾 X链, or characters at the same places: 头痛医头、脚痛医脚), or when
its items are four-character idioms (扬长补短、扬优成势), verb-object / subject-predicate triples
(讲政治、识大体、顾大局) or topics with a one-character comment (投资额度大、带动效应强、经济效益好). Plain noun lists (教育、就业、社保、医疗、住房; 省委、省政府), lists of figures
or placeholders are rejected.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import eq
from statistics import median

from desktop.core.mining.candidate import Candidate
from desktop.core.mining.idiom import is_four_char_idiom
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.template import common_prefix, common_suffix, positional_shared, run_template
from desktop.core.mining.text import clause_spans, split_clauses

KIND = "parallel"
MAX_ITEM = 16
MAX_CLAUSE = 22
# Where the last item of a 、-run stops when the sentence goes on: "……早建设的" / "……到×发展".
_BOUNDARY_CHARS = frozenset("的等到")
_BOUNDARY_WORDS = ("关于", "方面", "相比", "之间", "之后", "以上", "以下", "为主", "为重点")
_BOUNDARY_WORD_RE = re.compile("|".join(_BOUNDARY_WORDS))
# Nouns a run modifies, standing right after its last item: 等调度现象, 绩效奖惩作用.
_RUN_HEAD_NOUNS = frozenset("作用 现象 发展 问题 工作 行为 情况 方面 领域 环节 能力 水平 体系 机制 意识".split())
# A cut right after these characters does not split a word: 要冲锋在前 → 冲锋在前.
_LEAD_IN_CHARS = frozenset("要是在的了和与把将让使对从向为以就都也还更再又能会可应须需得着们")
_POSITION_TAILS = ("之间", "方面", "领域", "环节", "之中")
_NUMERAL_HEADS = frozenset("一二三四五六七八九十两")
_PAIR_SPAN = 8  # the longest item a two-item run is looked for with
_MAX_LATER_STARTS = 2  # how far into a clause's 、-parts a run may start
_STRADDLE_FREQ = 100  # a pair of characters this common across a cut is a word the cut would split
_TRAILING_PARTICLES = "了的等"
_CONNECTORS = ("以及", "和", "及", "与")
_CONNECTOR_CHARS = frozenset("和及与")
# Characters too common to make a frame on their own.
_WEAK_CHARS = frozenset("的了和与及之是在对要也就还都各很")
# Items naming bodies of government: a list of them is not parallel writing.
_INSTITUTION_ENDS = tuple("委 政府 人大 政协 部门 局 厅 院 公司 集团 银行 机关 单位 省 市 县 区 镇 乡 村".split())
_NOISE_RE = re.compile(r"[0-9０-９XＸ×xｘ%％.@#&*/+=<>\[\]【】（）()《》]")
# Clause heads that begin ordinary sentences often enough that sharing them proves nothing.
_STOP_HEADS = frozenset("要我对这但并就是也还都各全市县区省为同使其该此")
_NON_CJK_RE = re.compile(r"[^\u4e00-\u9fff]")
_ALL_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
_ASIDE_RE = re.compile(r"[（(][^（）()]*[）)]")
_STOP_HEAD_WORDS = frozenset({"确保", "对于", "争取", "要求", "我们", "同时", "全市", "全区", "各级"})
_NOUN_TAGS_LOOSE = frozenset({"n", "vn", "nz", "ns", "nt", "j", "an", "nr", "nrt"})
_MODIFIER_TAGS = frozenset({"n", "a", "b", "ns", "nz", "j", "an", "d", "vn"})
_HEAD_NOUN_TAGS = _NOUN_TAGS_LOOSE | {"m", "q", "f", "s", "t"}  # what follows a shared modifier in a noun list
_END_TAGS = _NOUN_TAGS_LOOSE | {"v"}


def _balanced(item: str) -> bool:
    return item.count("“") == item.count("”") and item.count("‘") == item.count("’")


def frame_size(items: Sequence[str]) -> int:
    """How many characters every item shares: a common head/tail, or the same characters at the same places."""
    head, tail = common_prefix(items), common_suffix(items)
    lengths = set(map(len, items))
    if len(head) + len(tail) >= min(lengths):
        tail = ""
    shared = len(head) + len(tail)
    if len(lengths) == 1:
        count = len(items)
        positional = sum(
            1 for column in zip(*items) if column[0] not in _WEAK_CHARS and column.count(column[0]) == count
        )
        shared = max(shared, positional)
    if head and not tail and shared == len(head) and all(ch in _WEAK_CHARS for ch in head):
        return 0
    return shared


def _is_noun_list(items: Sequence[str], lex: Lexicon, clauses: bool = False) -> bool:
    """教育、就业、医疗; 省委、省政府; 重点地区、重点行业; 产业规划、园区规划."""
    for item in items:
        if not item.endswith(_INSTITUTION_ENDS):
            break
    else:
        return True
    tail = common_suffix(items)
    if tail.endswith(_POSITION_TAILS):
        return True  # 部门之间、县市区之间
    if items[0][0] in _NUMERAL_HEADS and all(len(item) <= 3 and item[0] in _NUMERAL_HEADS for item in items):
        if len({i[0] for i in items}) > 1:
            return True  # an enumeration: 一星级、二星级
    if all(len(item) <= 4 and lex.is_noun(item) for item in items):
        return not tail.endswith(("性", "化", "力", "感", "点"))
    if clauses:
        return False
    head = common_prefix(items)
    if len(head) >= 2 and lex.tag(head) in _MODIFIER_TAGS:
        if all(lex.tag(item[len(head) :]) in _HEAD_NOUN_TAGS for item in items):
            return True
    if len(tail) >= 2:
        # 危机意识、机遇意识、拼抢意识 is a triad; two names sharing a noun (产业规划、园区规划) are a list.
        varying = max(len(item) - len(tail) for item in items)
        if lex.tag(tail[-2:]) in _NOUN_TAGS_LOOSE:
            return len(items) < 3 and varying > 1 or varying > 2
        return varying > 3  # 农村现有空心村治理、农村闲置土地治理
    if len(tail) == 1 and not head:
        # A shared last character that ends a different word in every item is a coincidence:
        # 主导产业、龙头企业和战略新兴产业; 城市管理、社会治理.
        if len(items) > 2:
            return len({len(item) for item in items}) > 1
        ends = {item[-2:] for item in items}
        if len(ends) == len(items) and all(lex.tag(end) in _END_TAGS for end in ends):
            return True
    return False


def _is_predicative_triple_item(item: str, lex: Lexicon) -> str:
    """A three-character item built as verb+object (讲政治) or subject+predicate (数字准): its split."""
    if lex.is_noun(item) and lex.freq(item) > 50:
        return ""
    if item[1:] in lex and item[:1] not in "的了和":
        return "1+2"
    if item[:2] in lex and item[2:] not in "的了和":
        return "2+1"
    return ""


def is_parallel(items: list[str], lex: Lexicon) -> bool:
    """Do these items make a parallel run a writer would reuse (not a noun list, not noise)?"""
    return _is_parallel(tuple(items), lex)


@functools.lru_cache(maxsize=1 << 16)
def _is_parallel(items: tuple[str, ...], lex: Lexicon) -> bool:
    lengths = [len(item) for item in items]
    if len(items) < 2 or min(lengths) < 2 or max(lengths) > MAX_ITEM or len(set(items)) < len(items):
        return False
    joined = "".join(items)
    if _ALL_CJK_RE.fullmatch(joined) is None:  # most runs are plain Chinese: one check clears all three
        if _NOISE_RE.search(joined) or not all(_balanced(item) and _mostly_cjk(item) for item in items):
            return False
    return _has_shape(items, lengths, lex) and not _is_noun_list(items, lex)


def _mostly_cjk(item: str) -> bool:
    return len(_NON_CJK_RE.findall(item)) <= 2


def _has_shape(items: Sequence[str], lengths: list[int], lex: Lexicon) -> bool:
    shortest, longest = min(lengths), max(lengths)
    if longest > 2 * shortest + 1:
        return False  # with a frame or without (then all four or all three characters long)
    frame = frame_size(items)
    if frame:
        if len(items) == 2 and frame == 1 and (longest > 4 or longest - shortest > 1):
            # 站上新起点、开启新征程: one shared character inside two items of one length is enough.
            shared = positional_shared(items) if len(set(lengths)) == 1 else []
            inner = [i for i, keep in enumerate(shared) if keep]
            middle = 5 <= lengths[0] <= 6 and len(inner) == 1 and 0 < inner[0] < lengths[0] - 1
            if not (middle and items[0][inner[0]] not in "不没无" and items[0][inner[0]] not in _WEAK_CHARS):
                return False
        # A frame must leave something to vary: "省委、省委办" is not parallel.
        return shortest > frame
    if set(lengths) == {4}:
        idioms = sum(map(is_four_char_idiom, items, repeat(lex)))
        if idioms * 2 >= len(items):
            return True
        # Verb-object units side by side: 抢占先机、赢得主动; 加强监管、完善制度.
        return all(lex.tag(item[:2]) == "v" and item[2:] in lex for item in items)
    if len(items) >= 3 and len(set(lengths)) == 1 and lengths[0] >= 4 and _all_topic_comments(items, lex):
        return True  # 投资额度大、带动效应强、经济效益好: a topic and a one-character comment on it
    if set(lengths) == {3}:
        splits = [_is_predicative_triple_item(item, lex) for item in items]
        if len(items) >= 3:
            return "" not in splits
        # A pair of verb-object triples: 抢时间、抓进度.
        return all(split == "1+2" and lex.tag(item[0]) == "v" for split, item in zip(splits, items))
    return False


def _all_topic_comments(items: Sequence[str], lex: Lexicon) -> bool:
    """Each item a noun and a one-character adjective commenting on it: 效益好, 效应强, 额度大."""
    return all(
        lex.tag(item[-1]) == "a" and lex.tag(item[-3:-1]) in _NOUN_TAGS_LOOSE and item[-2] not in _WEAK_CHARS
        for item in items
    )


def _good_cut(raw: str, start: int, lex: Lexicon) -> bool:
    """A cut must not split a word: 以收入促消费 is not cut as 入促消费."""
    if start <= 0 or raw[start - 1] in _LEAD_IN_CHARS:
        return True
    if start >= 2 and lex.freq(raw[start - 2 : start]) >= _STRADDLE_FREQ:
        return True  # a word ends right before the cut: 历来|讲政治
    return lex.freq(raw[start - 1 : start + 1]) < _STRADDLE_FREQ and raw[start - 1] not in "第"


def _cut_last(raw: str, refs: list[str], first_raw: str, lex: Lexicon) -> str:
    """Cut the run's last item where the sentence goes on after it ("" when no cut fits)."""
    lengths = [len(ref) for ref in refs]
    # A shared ending marks where the item stops: 不作为、慢作为、乱作为行为 → 乱作为; 想干事、会干事、干成事者.
    tail = common_suffix([*refs, first_raw]) if refs else ""
    for size in range(len(tail), 0, -1):
        piece = tail[-size:]
        at = raw.find(piece, 1)
        if at >= 0 and not raw.endswith(piece) and at + size <= (max(lengths) + 2):
            return raw[: at + size]
    boundary = _BOUNDARY_WORD_RE.search(raw, 2)
    if boundary:
        raw = raw[: boundary.start()]
    limit = max(lengths) + 1 if lengths else 8
    if len(raw) > limit:
        low = max(min(lengths) if lengths else 2, 2)
        for k in range(low, min(len(raw), limit + 2)):
            if raw[k] in _BOUNDARY_CHARS:
                raw = raw[:k]
                break
    if lengths and len(raw) > max(lengths):
        # The run modifies a noun after it: 等调度现象, 绩效奖惩作用, 更好质量发展.
        for k in sorted(set(lengths)):
            if k < len(raw) and raw[k:] in _RUN_HEAD_NOUNS:
                raw = raw[:k]
                break
        else:
            if common_prefix([*refs, raw]) and len(raw) > max(lengths) + 2:
                cut = round(median(lengths))  # 从严、从实、从细把脱贫攻坚……
                if not _good_cut(raw, cut, lex) and _good_cut(raw, cut + 1, lex):
                    cut += 1  # not inside a word: 贫困村、贫困户和贫困人口进行…… ends at 贫困人口
                raw = raw[:cut]
    if len(raw) > limit + 2:
        return ""
    return raw.rstrip(_TRAILING_PARTICLES)


def _cut_first(raw: str, refs: list[str], lex: Lexicon) -> str:
    """Cut the lead-in off the run's first item ("促进项目早审批" → "早审批")."""
    lengths = list(map(len, refs))
    shortest, longest, size_of_raw = min(lengths), max(lengths), len(raw)
    target = longest if shortest == longest else round(median(lengths))
    # With one other item, only its first characters can be a shared head (早审批 → 早).
    head = common_prefix(refs) if len(refs) > 1 else refs[0][:2]
    low = max(0, size_of_raw - longest - 2)
    for size in range(len(head), 0, -1):
        # Where the head may start: far enough in for an item of the others' lengths, with room after it.
        end = max(0, min(size_of_raw - shortest + 2, size_of_raw - size - 1) + size)  # not from the end
        piece, starts = head[:size], []
        at = raw.find(piece, low, end)
        while at >= 0:
            # Not 产业招商 → 业招商; but an item of the others' length may stand (要紧盯 → 紧盯).
            if _good_cut(raw, at, lex) or size_of_raw - at in lengths:
                starts.append(at)
            at = raw.find(piece, at + 1, end)
        if len(starts) == 1:
            return raw[starts[0] :]
        if starts:
            return raw[min(starts, key=lambda i: abs(size_of_raw - i - target)) :]
    if size_of_raw <= target:
        return raw
    if _good_cut(raw, size_of_raw - target, lex) and is_parallel([raw[-target:], *refs], lex):
        return raw[-target:]  # the shape decides: 工作东拉一把 → 东拉一把, 历来讲政治 → 讲政治
    for delta in (0, 1, -1, 2):
        start = size_of_raw - target - delta
        if 0 <= start < size_of_raw - 1 and _good_cut(raw, start, lex):
            return raw[start:]
    return ""


def trim_run(parts: list[str], lex: Lexicon) -> tuple[list[str], str] | None:
    """The parallel items of a 、-separated run, and the connector before the last one ("、" or "和")."""
    parts = [part.strip() for part in parts]
    if not all(parts):
        return None
    if "“" in parts[0] and parts[0].count("“") > parts[0].count("”"):
        parts[0] = parts[0][parts[0].rfind("“") + 1 :]
    if "”" in parts[-1] and parts[-1].count("”") > parts[-1].count("“"):
        parts[-1] = parts[-1][: parts[-1].find("”")]
    if not parts[0]:
        return None  # only an opening quotation mark before the first 、: no first item
    middles = parts[1:-1]
    lengths = [len(m) for m in middles]
    last_raw, connector = parts[-1], "、"
    for word in () if _CONNECTOR_CHARS.isdisjoint(last_raw) else _CONNECTORS:
        at = last_raw.find(word)
        if at >= 2 and (not lengths or min(lengths) - 1 <= at <= max(lengths) + 1) and at <= 8:
            middles = middles + [last_raw[:at]]
            lengths.append(at)
            last_raw, connector = last_raw[at + len(word) :], word
            break
    if not middles:
        # Two items: try where the second one may stop — where it repeats the first one's last character
        # (好项目、大项目不多的问题), or as it stands (借力成势、乘势而为).
        boundary = _BOUNDARY_WORD_RE.search(last_raw, 2)
        whole = (last_raw[: boundary.start()] if boundary else last_raw).rstrip(_TRAILING_PARTICLES)
        stops = []
        end, repeated = min(len(last_raw) - 1, 8), parts[0][-1]
        at = last_raw.find(repeated, 1, end)
        while at >= 0:
            if _good_cut(last_raw, at + 1, lex):
                stops.append(at + 1)
            at = last_raw.find(repeated, at + 1, end)
        for cand in dict.fromkeys([len(whole)] * (len(whole) <= MAX_CLAUSE // 2) + stops):
            last = last_raw[:cand]
            first = _cut_first(parts[0], [last], lex)
            if first and is_parallel([first, last], lex):
                return [first, last], connector
        if len(whole) <= _PAIR_SPAN:
            return None  # the second item as it stands was tried: nothing shorter is left to try
    last = _cut_last(last_raw, middles, parts[0], lex)
    if not last:
        if len(middles) < 2:
            return None
        middles, last, connector = middles[:-1], middles[-1], "、"
    first = _cut_first(parts[0], middles + [last], lex)
    if not first:
        return None
    return [first, *middles, last], connector


def _join(items: list[str], connector: str, separator: str = "、") -> str:
    if len(items) > 2 and connector != "、":
        return separator.join(items[:-1]) + connector + items[-1]
    return separator.join(items) if connector == "、" else items[0] + connector + items[1]


@functools.lru_cache(maxsize=1 << 14)  # a 、-run depends on its clause alone; set formulations recur
def _clause_run(clause: str, lex: Lexicon) -> tuple[str, str] | None:
    """The 、-run of a clause, as its text and pattern."""
    if "（" in clause or "(" in clause:
        clause = _ASIDE_RE.sub("", clause)  # 各县（市、区）: the 、 inside an aside is not the run's
    if "、" not in clause:
        return None
    parts = clause.split("、")
    # The run may start after some 、 of its own clause (各县、市直各部门……抓落实、抓发展).
    for start in range(min(len(parts) - 1, _MAX_LATER_STARTS + 1)):
        if len(parts) - start >= 4 and not _could_be_parallel(parts[start + 1 : -1], lex):
            continue  # (fewer than two middle items always could)
        if len(parts) - start >= 3 and not _middles_could_be_items(parts[start], parts[start + 1 : -1], lex):
            continue
        if start > 0:
            if not _could_share_a_frame(parts[start:]):
                continue  # a later start needs a frame (checked again below, once trimmed)
        elif len(parts) == 2 and not _pair_could_be_parallel(parts[0], parts[1], lex):
            continue
        if len(parts) - start == 3 and not _triple_could_be_parallel(parts[start:], lex):
            continue
        trimmed = trim_run(parts[start:], lex)
        if trimmed is None:
            continue
        items, connector = trimmed
        if not is_parallel(items, lex) and len(items) >= 3 and start == 0:
            # The last item may run on ("投资大、个头大、体量大、支撑带动作用强").
            items, connector = items[:-1], "、"
        if start > 0 and not frame_size(items):
            continue  # a later start needs a frame of its own, not just four-character units
        if is_parallel(items, lex):
            return _join(items, connector), run_template(items)
    return None


def _could_be_parallel(middles: list[str], lex: Lexicon) -> bool:
    """A quick look at the middle items, which need no trimming: most 、-runs are plain noun lists."""
    if len(middles) < 2:
        return True
    if all(len(m) <= 4 and lex.is_noun(m) for m in middles):
        return False
    lengths = {len(m) for m in middles}
    if frame_size(middles) or lengths <= {3, 4}:
        return True
    return len(lengths) == 1 and _all_topic_comments(middles, lex)


def _middles_could_be_items(first: str, middles: list[str], lex: Lexicon) -> bool:
    """A condition on the middle parts, which a run trimmed from them keeps whole as items: each could be an
    item of a parallel run, no two are the same, and they could share a frame with the first item or be
    units of one length. Nearly a necessary one: only when the last part yields no item and the run then
    drops its last item too does a middle part go, and the full judge might take the pair left (4 clauses
    in 5 MB of recombined text: 乱停乱放、乘势而为、再提升、…; none in the seeds). Those it refuses."""
    first = first.strip()
    middles = [middle.strip() for middle in middles]
    if not first or len(set(middles)) < len(middles):
        return False
    for middle in middles:
        if not 2 <= len(middle) <= MAX_ITEM or _NOISE_RE.search(middle):
            return False
        if not (_balanced(middle) and _mostly_cjk(middle)):
            return False
    if not set.intersection(*map(set, middles)).isdisjoint(set(first[-MAX_ITEM:]) - _WEAK_CHARS):
        return True  # a character every middle holds, and the first part near its end
    if all(middle[-1] == first[-1] for middle in middles):
        return True  # a shared ending, however common
    if len(set(map(len, middles))) != 1:
        return False
    # Idioms and verb-object units; topics with a comment (带动效应强) of any one length.
    return len(middles[0]) in (3, 4) or _all_topic_comments(middles, lex)


def _could_share_a_frame(parts: list[str]) -> bool:
    """A necessary condition for a frame over the items trimmed from these parts: a character that is not
    too common held by every item at matching places, or a shared ending of common characters. The middle
    items are whole parts; the first item ends the first part, and the last item (or, after a connector,
    the item before it) opens the last part, each at most MAX_ITEM long."""
    first, last = parts[0].strip(), parts[-1].strip()  # as trim_run reads them
    if not first or not last:
        return False
    if len(parts) == 2:
        return _pair_could_share_a_frame(first, last)
    near, opening = set(first[-MAX_ITEM:]), set(last[:MAX_ITEM])
    for middle in parts[1:-1]:
        middle = middle.strip()
        if not middle:
            return False
        if not (set(middle) - _WEAK_CHARS).isdisjoint(near & opening):
            continue
        if not (middle[-1] == first[-1] and middle[-1] in opening):
            return False
    return True


def _pair_could_share_a_frame(first: str, second: str) -> bool:
    # A frame puts a shared character at matching places: at distance d from the 、 in the first item and
    # at offset k in the second, with d + k the length of one item (head, tail or inner frame), at most
    # MAX_ITEM. The last occurrence in the first part and the first in the second give the smallest sum.
    near, start = first[-MAX_ITEM:], second[:MAX_ITEM]
    for ch in set(near).intersection(start):
        if ch not in _WEAK_CHARS and len(near) - near.rfind(ch) + start.find(ch) <= MAX_ITEM:
            return True
    return first[-1] in _WEAK_CHARS and first[-1] in start  # a shared ending of common characters


def _pair_could_be_parallel(first: str, second: str, lex: Lexicon) -> bool:
    """A necessary condition for a two-item run, checked before any trimming: the items could share a
    frame, or the second one starts with an idiom (化危为机、善抓机遇; 破茧化蝶、实现蜕变) or a verb-object unit
    (抢占先机、赢得主动; 抢时间、抓进度), or the first one ends with one."""
    first, second = first.strip(), second.strip()  # as trim_run reads them
    if not first or not second:
        return False
    if _pair_could_share_a_frame(first, second):
        return True
    if lex.tag(second[:2]) == "v" and second[2:4] in lex:
        return True  # 抢占先机、赢得主动
    if lex.tag(second[:1]) == "v" and second[1:3] in lex:
        return True  # 抢时间、抓进度
    return is_four_char_idiom(second[:4], lex) or is_four_char_idiom(first[-4:], lex)


def _triple_could_be_parallel(parts: list[str], lex: Lexicon) -> bool:
    """A quick look at a three-item run around its middle item, which needs no trimming."""
    first, middle, last = parts
    if not 2 <= len(middle) <= MAX_ITEM:
        return False
    if not _WEAK_CHARS.issuperset(set(middle).intersection(first[-9:] + last[:9])):
        return True  # the middle shares a character that is not too common with an item beside it
    if len(middle) <= 4 and lex.is_noun(middle) and lex.freq(middle) > 50:
        return False  # 面粉、果蔬、食用菌: a middle that is a plain noun sharing nothing
    if len(middle) == 4:
        return is_four_char_idiom(middle, lex) or is_four_char_idiom(first[-4:], lex)
    return len(middle) == 3


def _clause_run_ok(items: list[str], head: str, lex: Lexicon) -> bool:
    if any(len(item) > MAX_CLAUSE or _NOISE_RE.search(item) or not _balanced(item) for item in items):
        return False
    frame = frame_size(items)
    stop_head = len(head) == 1 and head in _STOP_HEADS or head in _STOP_HEAD_WORDS
    if stop_head and frame <= len(head) or _is_noun_list(items, lex, True):
        return False
    if len(items) >= 3:
        return True
    first, second = items
    if abs(len(first) - len(second)) > 2 or max(len(first), len(second)) > 14:
        return False
    if frame == len(head) and lex.tag(head) in _NOUN_TAGS_LOOSE:
        return False  # only the topic is repeated: 政府的主要职责……，政府工作……
    # 多重任务聚集，多种困难叠加: one shared character is enough for two short clauses of one length.
    return frame >= 2 or len(first) == len(second) <= 8


def _lead_in(previous: str, items: list[str], head: str) -> str:
    """The run's first clause may start inside the clause before it: 干成事者有干劲，有舞台，有奔头."""
    at = previous.rfind(head)
    lengths = [len(item) for item in items]
    if at > 0 and min(lengths) - 1 <= len(previous) - at <= max(lengths) + 1:
        return previous[at:]
    return ""


def _mirrored_pair(first_raw: str, second: str, lex: Lexicon) -> list[str] | None:
    """Two clauses of one shape: the second sets the length, the first may carry a short lead-in."""
    lead = len(first_raw) - len(second)
    if not 4 <= len(second) <= 12 or lead < 0 or "、" in first_raw or "、" in second:
        return None
    if lead > 4 and not (lead <= 8 and first_raw[lead - 1] in _LEAD_IN_CHARS):
        return None  # a long lead-in must end like one: 一定要做到该决策时果断决策
    first = first_raw[-len(second) :]
    # The characters shared at the same places reject most pairs: counted before the other checks, at
    # first all of them (in C), then those that are not too common to count.
    if sum(map(eq, first, second)) < 2:
        return None
    shared = [a == b and a not in _WEAK_CHARS for a, b in zip(first, second)]
    count = sum(shared)
    if count < 2 or count * 4 < len(second) or first == second:
        return None
    if _NOISE_RE.search(first + second) or not (_balanced(first) and _balanced(second)):
        return None
    if not _good_cut(first_raw, len(first_raw) - len(first), lex):
        return None
    if count == 2:
        at = shared.index(True)
        word = first[at : at + 2]
        if shared[at + 1] and lex.tag(word) in _NOUN_TAGS_LOOSE:
            return None  # only a topic word repeats: 掌握工作进展，排除工作障碍
    return [first, second]


def _extend_mirrored(items: list[str], rest: Sequence[str]) -> list[str]:
    """克服一切困难，排除一切干扰，想尽一切办法: a third clause of the same shape joins the pair."""
    shape = positional_shared(items)
    for clause in rest:
        if len(clause) != len(items[0]):
            break
        if [keep and a == b for keep, a, b in zip(shape, items[0], clause)] != shape:
            break
        items = [*items, clause]
    return items


def _four_char_run(clauses: Sequence[str], lex: Lexicon) -> int:
    """How many clauses from the start are a run of four-character units, half of them idioms."""
    end = 0
    while end < len(clauses) and len(clauses[end]) == 4 and not _NOISE_RE.search(clauses[end]):
        end += 1
    if end >= 3 and sum(map(is_four_char_idiom, clauses[:end], repeat(lex))) * 2 >= end:
        return end
    return 0


def _clause_runs(sentence: str, lex: Lexicon) -> Iterator[Candidate]:
    """Comma-separated clauses that open alike (在促开工上下功夫，在快建设上出实招，在见成效上求突破),
    mirror each other (工作围着基层干，服务围着企业转) or are four-character units (认真反思，清醒认识，加压奋进，全力以赴)."""
    clauses = split_clauses(sentence)
    if len(clauses) < 2:
        return
    spans: list[tuple[int, int]] = []

    def text(first: int, last: int, first_item: str) -> str:
        if not spans:
            spans.extend(clause_spans(sentence))  # positions only for what is kept
        return sentence[spans[first][1] - len(first_item) : spans[last][1]]

    i = 0
    while i < len(clauses) - 1:
        current, following = clauses[i], clauses[i + 1]
        four, lead = 0, ""
        if len(following) == 4:
            four = _four_char_run(clauses[i:], lex)
            if not four and current[0] != following[0] and len(current) > 4 and current[-4] not in "和与及"\
                    and _good_cut(current, len(current) - 4, lex):
                four = _four_char_run([current[-4:], *clauses[i + 1 :]], lex)  # 我们认真反思，清醒认识，……
                lead = current[-4:]
        if four:
            items = [lead or clauses[i], *clauses[i + 1 : i + four]]
            yield Candidate(text(i, i + four - 1, items[0]), run_template(items, "，"), sentence)
            i += four
            continue
        head = common_prefix([current, following]) if current[0] == following[0] else ""
        if head:
            j = i + 1
            while j + 1 < len(clauses) and clauses[j + 1].startswith(head):
                j += 1
            items = list(clauses[i : j + 1])
            if _clause_run_ok(items, head, lex):
                lead = _lead_in(clauses[i - 1], items, head) if i > 0 else ""
                if lead and _clause_run_ok([lead, *items], head, lex):
                    items, i = [lead, *items], i - 1
                yield Candidate(text(i, j, items[0]), run_template(items, "，"), sentence)
                i = j + 1
                continue
        else:
            mirrored = _mirrored_pair(current, following, lex)
            if mirrored:
                items = _extend_mirrored(mirrored, clauses[i + 2 :])
                yield Candidate(text(i, i + len(items) - 1, items[0]), run_template(items, "，"), sentence)
                i += len(items)
                continue
            if i + 3 < len(clauses):
                # 应该做的事，顶着压力也要干；应该负的责，冒着风险也要担: halves that mirror each other.
                a, b, c, d = clauses[i : i + 4]
                if len(a) == len(c) and len(b) == len(d) and sum(map(eq, a, c)) >= 2 <= sum(map(eq, b, d)):
                    yield Candidate(text(i, i + 3, a), "", sentence)
                    i += 4
                    continue
        i += 1


def extract(sentences: list[str], lex: Lexicon) -> Iterator[Candidate]:
    for sentence in sentences:
        for clause in split_clauses(sentence):
            if "、" in clause:
                run = _clause_run(clause, lex)
                if run is not None:
                    yield Candidate(*run, sentence)
        yield from _clause_runs(sentence, lex)
