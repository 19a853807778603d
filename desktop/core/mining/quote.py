"""金句: sayings and couplets worth reusing.

Three sources: quoted sayings (“心里没有鬼，不要怕鬼敲门”), paired quotations of one frame joined into a
couplet (“功成不必在我”…“功成必定有我” → 功成不必在我，功成必定有我), sayings introduced by 指出/强调
(人心是最大的政治), and short sentences built as a couplet (观一叶而知深秋，窥一斑而见全豹) or on a
saying's frame (没有X就没有Y, 越是X越要Y). Programme names, slogans of bare items and anything carrying
figures or placeholders are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.parallel import frame_size
from desktop.core.mining.template import common_prefix, run_template
from desktop.core.mining.text import cjk_count, split_clauses

KIND = "quote"
_QUOTED_RE = re.compile(r"“([^“”]{2,60})”")
_ATTRIBUTED_RE = re.compile(r"(?:指出|强调|说过|所说|常说|讲过|说得好)[，：:]\s*“?([^“”]{6,40}?)[。！”]*$")
_NOISE_RE = re.compile(r"[0-9０-９XＸ×xｘ%％*＊+＋]")
_PROGRAMME_AFTER_RE = re.compile(r"^”?(活动|工程|行动|专项|改革|模式|战略|理念|机制|制度|要求|目标|精神)")
# Quoted names of programmes and campaigns, not sayings.
_PROGRAMME_TAIL_RE = re.compile(r"(工程|行动|活动|改革|清单|模式|战略|体系|理念|机制|制度|方案|意见|通知|条例|计划|年|会|区)$")
_SAYING_FRAME_RE = re.compile(r"没有.{2,8}就没有|越是.{1,8}越|不是.{2,10}而是|只有.{2,10}才(?:能|会)")
MAX_SENTENCE = 40


def _is_saying(inner: str) -> bool:
    inner = inner.rstrip("。！")
    if _NOISE_RE.search(inner) or _PROGRAMME_TAIL_RE.search(inner):
        return False
    length = cjk_count(inner)
    if length < 6 or length > 40:
        return False
    if "，" in inner:
        return True
    if "、" in inner:
        return False  # a quoted list (东拓、西进、南控) is the parallel extractor's
    return 7 <= length <= 10


def _couplet(sentence: str) -> bool:
    body = sentence.rstrip("。！？”")
    if len(body) > MAX_SENTENCE or _NOISE_RE.search(body):
        return False
    if _SAYING_FRAME_RE.search(body) and len(body) <= 24:
        return True
    clauses = split_clauses(body)
    halves: Sequence[str]
    if len(clauses) == 2:
        halves = clauses
    elif len(clauses) == 4:
        halves = [clauses[0] + clauses[1], clauses[2] + clauses[3]]
    else:
        return False
    if abs(len(halves[0]) - len(halves[1])) > 1 or len(halves[1]) < 5:
        return False
    return frame_size(halves) >= 2 if len(halves[0]) == len(halves[1]) else len(common_prefix(halves)) >= 2


def extract(sentences: list[str], lex: Lexicon) -> Iterator[Candidate]:
    for sentence in sentences:
        has_quotes = "“" in sentence
        matches = _QUOTED_RE.finditer(sentence) if has_quotes else ()
        quoted = [m.group(1) for m in matches if not _PROGRAMME_AFTER_RE.match(sentence[m.end() :])]
        paired = False
        if len(quoted) >= 2:
            a, b = quoted[0], quoted[1]
            if a != b and len(a) == len(b) >= 5 and len(common_prefix([a, b])) >= 2 and not _NOISE_RE.search(a + b):
                yield Candidate(f"{a}，{b}", run_template([a, b], "，"), sentence)
                paired = True
        if not paired:
            for inner in quoted:
                if _is_saying(inner):
                    yield Candidate(inner.rstrip("。！"), "", sentence)
        if has_quotes:
            continue
        attributed = _ATTRIBUTED_RE.search(sentence)
        if attributed and not _NOISE_RE.search(attributed.group(1)):
            yield Candidate(attributed.group(1), "", sentence)
        elif _couplet(sentence):
            yield Candidate(sentence.rstrip("。！？"), "", sentence)
