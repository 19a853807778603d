"""排比/并列: 、-runs and comma-separated parallel clauses, trimmed to the parallel items.

"促进项目早审批、早落地、早建设" gives "早审批、早落地、早建设" (pattern "早X、早X、早X"). A run counts when its
items share a frame (同字头 早X, 同字尾 X链, or characters at the same places: 头痛医头、脚痛医脚), or when
its items are four-character idioms (扬长补短、扬优成势) or verb-object / subject-predicate triples
(讲政治、识大体、顾大局). Plain noun lists (教育、就业、社保、医疗、住房; 省委、省政府), lists of figures
or placeholders are rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import median

from desktop.core.mining.candidate import Candidate
from desktop.core.mining.idiom import is_four_char_idiom
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.template import common_prefix, common_suffix, positional_shared, run_template
from desktop.core.mining.text import cjk_count, split_clauses

KIND = "parallel"
MAX_ITEM = 16
MAX_CLAUSE = 22
# Where the last item of a 、-run stops when the sentence goes on: "……早建设的" / "……到×发展".
_BOUNDARY_CHARS = frozenset("的等到")
_BOUNDARY_WORDS = ("关于", "方面", "相比", "之间", "之后", "以上", "以下", "为主", "为重点")
_TRAILING_PARTICLES = "了的地等"
_CONNECTORS = ("以及", "和", "及", "与")
# Characters too common to make a frame on their own.
_WEAK_CHARS = frozenset("的了和与及之是在对要也就还都")
# Items naming bodies of government: a list of them is not parallel writing.
_INSTITUTION_RE = re.compile(r"(委|政府|人大|政协|部门|局|厅|院|公司|集团|银行|机关|单位)$")
_NOISE_RE = re.compile(r"[0-9０-９XＸ×xｘ%％.@#&*/+=<>\[\]【】（）()《》]")
# Clause heads that begin ordinary sentences often enough that sharing them proves nothing.
_STOP_HEADS = frozenset("要我对这但并就是也还都各全市县区省为同使其该此")
_STOP_HEAD_WORDS = frozenset({"确保", "对于", "争取", "要求", "我们", "同时", "全市", "全区", "各级"})
_NOUN_TAGS_LOOSE = frozenset({"n", "vn", "nz", "ns", "nt", "j", "an"})
_MODIFIER_TAGS = frozenset({"n", "a", "b", "ns", "nz", "j", "an", "d"})


def _balanced(item: str) -> bool:
    return item.count("“") == item.count("”") and item.count("‘") == item.count("’")


def frame_size(items: list[str]) -> int:
    """How many characters every item shares: a common head/tail, or the same characters at the same places."""
    head, tail = common_prefix(items), common_suffix(items)
    if len(head) + len(tail) >= min(len(item) for item in items):
        tail = ""
    shared = len(head) + len(tail)
    if len({len(item) for item in items}) == 1:
        positional = sum(
            1 for keep, ch in zip(positional_shared(items), items[0]) if keep and ch not in _WEAK_CHARS
        )
        shared = max(shared, positional)
    if head and all(ch in _WEAK_CHARS for ch in head) and not tail and shared == len(head):
        return 0
    return shared


def _is_noun_list(items: list[str], lex: Lexicon) -> bool:
    """教育、就业、医疗; 省委、省政府; 重点地区、重点行业; 产业规划、园区规划."""
    if all(_INSTITUTION_RE.search(item) for item in items):
        return True
    if all(len(item) <= 4 and lex.is_noun(item) for item in items):
        return not common_suffix(items).endswith(("性", "化", "力", "感"))
    head, tail = common_prefix(items), common_suffix(items)
    if len(head) >= 2 and lex.tag(head) in _MODIFIER_TAGS:
        if all(lex.tag(item[len(head) :]) in _NOUN_TAGS_LOOSE for item in items):
            return True
    if len(tail) >= 2 and lex.tag(tail) in _NOUN_TAGS_LOOSE:
        # 危机意识、机遇意识、拼抢意识 is a triad; two names sharing a noun (产业规划、园区规划) are a list.
        varying = max(len(item) - len(tail) for item in items)
        return len(items) < 3 and varying > 1 or varying > 2
    return False


def _is_predicative_triple_item(item: str, lex: Lexicon) -> str:
    """A three-character item built as verb+object (讲政治) or subject+predicate (数字准): its split."""
    if item in lex:
        return ""
    if item[1:] in lex and item[:1] not in "的了和":
        return "1+2"
    if item[:2] in lex and item[2:] not in "的了和":
        return "2+1"
    return ""


def is_parallel(items: list[str], lex: Lexicon) -> bool:
    if len(items) < 2 or any(len(item) < 2 or len(item) > MAX_ITEM for item in items):
        return False
    if any(_NOISE_RE.search(item) or not _balanced(item) or cjk_count(item) < len(item) - 2 for item in items):
        return False
    if len(set(items)) < len(items):
        return False
    if _is_noun_list(items, lex):
        return False
    lengths = [len(item) for item in items]
    frame = frame_size(items)
    if frame:
        if max(lengths) > 2 * min(lengths) + 1:
            return False
        if len(items) == 2 and frame == 1 and (max(lengths) > 4 or max(lengths) - min(lengths) > 1):
            return False
        # A frame must leave something to vary: "省委、省委办" is not parallel.
        return all(len(item) > frame for item in items)
    if set(lengths) == {4}:
        idioms = sum(1 for item in items if is_four_char_idiom(item, lex))
        return idioms * 2 >= len(items)
    if set(lengths) == {3} and len(items) >= 3:
        splits = {_is_predicative_triple_item(item, lex) for item in items}
        return len(splits) == 1 and "" not in splits
    return False


def _good_cut(raw: str, start: int, lex: Lexicon) -> bool:
    """A cut must not split a word: 以收入促消费 is not cut as 入促消费."""
    if start <= 0:
        return True
    return lex.freq(raw[start - 1 : start + 1]) < 10 and raw[start - 1] not in "第"


def _cut_last(raw: str, lengths: list[int]) -> str:
    """Cut the run's last item where the sentence goes on after it ("" when no cut fits)."""
    limit = max(lengths) + 1 if lengths else 8
    low = max(min(lengths) if lengths else 2, 2)
    if len(raw) > limit:
        for k in range(low, min(len(raw), limit + 2)):
            if raw[k] in _BOUNDARY_CHARS or raw.startswith(_BOUNDARY_WORDS, k):
                raw = raw[:k]
                break
        else:
            if len(raw) > limit + 2:
                return ""
    return raw.rstrip(_TRAILING_PARTICLES)


def _cut_first(raw: str, refs: list[str], lex: Lexicon) -> str:
    """Cut the lead-in off the run's first item ("促进项目早审批" → "早审批")."""
    lengths = [len(ref) for ref in refs]
    target = lengths[0] if len(set(lengths)) == 1 else round(median(lengths))
    head = common_prefix(refs)
    for size in range(len(head), 0, -1):
        starts = [i for i in range(len(raw) - size) if raw.startswith(head[:size], i)]
        starts = [i for i in starts if min(lengths) - 2 <= len(raw) - i <= max(lengths) + 2]
        if starts:
            return raw[min(starts, key=lambda i: abs(len(raw) - i - target)) :]
    if len(raw) <= target:
        return raw
    for delta in (0, 1, -1, 2):
        start = len(raw) - target - delta
        if 0 <= start < len(raw) - 1 and _good_cut(raw, start, lex):
            return raw[start:]
    return ""


def trim_run(parts: list[str], lex: Lexicon) -> tuple[list[str], str] | None:
    """The parallel items of a 、-separated run, and the connector before the last one ("、" or "和")."""
    parts = [part.strip() for part in parts]
    if any(not part for part in parts):
        return None
    if parts[0].count("“") > parts[0].count("”"):
        parts[0] = parts[0][parts[0].rfind("“") + 1 :]
    if parts[-1].count("”") > parts[-1].count("“"):
        parts[-1] = parts[-1][: parts[-1].find("”")]
    middles = parts[1:-1]
    lengths = [len(m) for m in middles]
    last_raw, connector = parts[-1], "、"
    for word in _CONNECTORS:
        at = last_raw.find(word)
        if at >= 2 and (not lengths or min(lengths) - 1 <= at <= max(lengths) + 1) and at <= 8:
            middles = middles + [last_raw[:at]]
            lengths.append(at)
            last_raw, connector = last_raw[at + len(word) :], word
            break
    last = _cut_last(last_raw, lengths)
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


def _runs_in_clause(clause: str, sentence: str, lex: Lexicon) -> Iterator[Candidate]:
    trimmed = trim_run(clause.split("、"), lex)
    if trimmed is None:
        return
    items, connector = trimmed
    if not is_parallel(items, lex) and len(items) >= 3:
        # The last item may run on ("投资大、个头大、体量大、支撑带动作用强"): try without it.
        items, connector = items[:-1], "、"
    if is_parallel(items, lex):
        yield Candidate(_join(items, connector), run_template(items), sentence)


def _clause_run_ok(items: list[str], head: str, lex: Lexicon) -> bool:
    if any(len(item) > MAX_CLAUSE or _NOISE_RE.search(item) or not _balanced(item) for item in items):
        return False
    if len(head) == 1 and head in _STOP_HEADS or head in _STOP_HEAD_WORDS or _is_noun_list(items, lex):
        return False
    if len(items) >= 3:
        return True
    first, second = items
    if abs(len(first) - len(second)) > 2 or max(len(first), len(second)) > 14:
        return False
    frame = frame_size(items)
    if frame == len(head) and lex.tag(head) in _NOUN_TAGS_LOOSE:
        return False  # only the topic is repeated: 政府的主要职责……，政府工作……
    return frame >= 2


def _clause_runs(clauses: list[str], sentence: str, lex: Lexicon) -> Iterator[Candidate]:
    """Comma-separated clauses that open alike (在促开工上下功夫，在快建设上出实招，在见成效上求突破)
    or mirror each other (工作围着基层干，服务围着企业转)."""
    i = 0
    while i < len(clauses) - 1:
        current, following = clauses[i], clauses[i + 1]
        head = common_prefix([current, following])
        if head:
            j = i + 1
            while j + 1 < len(clauses) and clauses[j + 1].startswith(head):
                j += 1
            items = clauses[i : j + 1]
            if _clause_run_ok(items, head, lex):
                yield Candidate("，".join(items), run_template(items, "，"), sentence)
                i = j + 1
                continue
        else:
            mirrored = _mirrored_pair(current, following, lex)
            if mirrored:
                yield Candidate("，".join(mirrored), run_template(mirrored, "，"), sentence)
                i += 2
                continue
        i += 1


def _mirrored_pair(first_raw: str, second: str, lex: Lexicon) -> list[str] | None:
    """Two clauses of one shape: the second sets the length, the first may carry a short lead-in."""
    if not 4 <= len(second) <= 12 or not 0 <= len(first_raw) - len(second) <= 3 or "、" in first_raw + second:
        return None
    first = first_raw[-len(second) :]
    if first == second or _NOISE_RE.search(first + second) or not (_balanced(first) and _balanced(second)):
        return None
    if not _good_cut(first_raw, len(first_raw) - len(first), lex):
        return None
    shared = [keep and ch not in _WEAK_CHARS for keep, ch in zip(positional_shared([first, second]), first)]
    count = sum(shared)
    if count < 2 or count * 4 < len(second) or shared[0]:
        return None
    if count == 2:
        at = shared.index(True)
        word = first[at : at + 2]
        if shared[at + 1] and lex.tag(word) in _NOUN_TAGS_LOOSE:
            return None  # only a topic word repeats: 掌握工作进展，排除工作障碍
    return [first, second]


def extract(sentences: list[str], lex: Lexicon) -> Iterator[Candidate]:
    for sentence in sentences:
        clauses = split_clauses(sentence)
        for clause in clauses:
            if "、" in clause:
                yield from _runs_in_clause(clause, sentence, lex)
        yield from _clause_runs(clauses, sentence, lex)
