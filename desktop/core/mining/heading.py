"""标题: heading patterns such as 在X上再聚焦、再提升, read from the speech's own headings.

A heading is a line led by a numbering marker (一、 （一） 1、 第一， 第一句话，), or the run-in head of a
paragraph up to its first 。, or a short 一是/一要 sentence. Headings of one marker kind are siblings: the
characters they share are the frame, the first part that varies is the topic and becomes X
(在思想认识上再聚焦、再提升 → 在X上再聚焦、再提升). A heading with no frame shared with its siblings, and
no known frame of its own (在X上, 以X为, X要X), is not a pattern and is left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import repeat
from operator import contains

from desktop.core.mining.cancel import POLL_EVERY, Poll, check
from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.template import common_prefix, common_suffix
from desktop.core.mining.text import split_sentences

KIND = "heading"
MAX_HEADING = 30
_NUM = "一二三四五六七八九十"
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("chinese", re.compile(f"^[{_NUM}]+、")),
    ("paren", re.compile(f"^[（(][{_NUM}]+[）)]")),
    ("arabic", re.compile(r"^\d+[、.．]")),
    ("ordinal_phrase", re.compile(f"^第[{_NUM}]+句话[，,：:]")),
    ("ordinal", re.compile(f"^第[{_NUM}]+[，,：:、]")),
    ("runin", re.compile(f"^[{_NUM}](?:是|要)")),
]
_KNOWN_FRAMES = [
    re.compile(r"^要?在(?P<x>.{2,10}?)(上|中)"),
    re.compile(r"^以(?P<x>.{2,10}?)(推动|促进|助推|带动|保障|引领)"),
    re.compile(r"^关于(?P<x>.{2,12})$"),
    re.compile(r"^(?P<x>[^要，,]{2,8})要(?![素求点害领是务])"),
]
_MARKER_STARTS = frozenset(f"（(第0123456789{_NUM}")
_MARKER_AFTER_END_RE = re.compile(f"[。！？][（(第0-9{_NUM}]")  # a sentence inside the line opens with a marker
_FIRST_RE = re.compile(r"^[（(]?(一|1|第一)(?![二三四五六七八九十\d])")
_NOISE_RE = re.compile(r"[0-9０-９X×%]")


def _heading_of(sentence: str, first_in_line: bool) -> tuple[str, str] | None:
    for kind, marker in _MARKERS:
        match = marker.match(sentence)
        if not match:
            continue
        if kind != "runin" and not first_in_line:
            return None
        body = sentence[match.end() :].strip().rstrip("。")
        if kind == "runin" and (not sentence.endswith("。") or len(body) > 14):
            return None
        if 3 <= len(body) <= MAX_HEADING and not _NOISE_RE.search(body):
            return kind, body
        return None
    return None


def _frame_pattern(heading: str, siblings: list[str]) -> str:
    """The frame is what the heading shares with its siblings — all of them if it can, else half: a shared
    opening (抓好X, 强化X), or the longest shared piece (two characters or more) with the topic before it
    (认真研判经济形势，切实增强… → X，切实增强…)."""
    others = [s for s in siblings if s != heading]
    if not others:
        return ""
    # How far each sibling shares the heading's opening, and which of its character pairs the siblings
    # hold: a shared piece must start with such a pair, so most starts need no search at all.
    openings = sorted(
        (len(common_prefix([heading, other])) if other[:1] == heading[:1] else 0 for other in others), reverse=True
    )
    pair_counts: list[int] = []
    for need in dict.fromkeys([len(others), max(1, (len(others) + 1) // 2)]):
        size = min(openings[need - 1], len(heading) - 1)
        if size >= 2:
            return heading[:size] + "X"
        pair_counts = pair_counts or [
            sum(map(contains, others, repeat(heading[i : i + 2]))) for i in range(len(heading) - 1)
        ]
        starts = [i for i, count in enumerate(pair_counts) if count >= need]
        for size in range(len(heading) - 1, 1, -1) if starts else ():
            for start in starts:
                if start > len(heading) - size:
                    break
                piece = heading[start : start + size]
                if sum(1 for other in others if piece in other) < need:
                    continue
                if start > 0:
                    return "X" + heading[start:]
                tail = common_suffix([heading, *others])
                shared_tail = sum(1 for o in others if o.endswith(tail)) >= need
                if tail and len(piece) + len(tail) < len(heading) and shared_tail:
                    return piece + "X" + tail
                return piece + "X"
    return ""


def _known_pattern(heading: str) -> str:
    for regex in _KNOWN_FRAMES:
        match = regex.match(heading)
        if match:
            return heading[: match.start("x")] + "X" + heading[match.end("x") :]
    return ""


def extract(lines: list[str], lex: Lexicon, cancelled: Poll | None = None) -> Iterator[Candidate]:
    # Siblings: headings of one marker kind in one numbered sequence (一、二、三… starts again at 一).
    found: list[tuple[tuple[str, int], str, str]] = []
    groups: dict[str, int] = defaultdict(int)
    for number, line in enumerate(lines):
        if number % POLL_EVERY == 0:
            check(cancelled)
        if line[:1] not in _MARKER_STARTS and _MARKER_AFTER_END_RE.search(line) is None:
            continue  # no sentence of this line opens with a numbering marker
        for position, sentence in enumerate(split_sentences(line)):
            if sentence[0] not in _MARKER_STARTS:
                continue
            heading = _heading_of(sentence, position == 0)
            if heading:
                kind, body = heading
                if _FIRST_RE.match(sentence):
                    groups[kind] += 1
                found.append(((kind, groups[kind]), body, sentence))
    siblings: dict[tuple[str, int], list[str]] = defaultdict(list)
    for group, body, _ in found:
        siblings[group].append(body)
    for number, (group, body, sentence) in enumerate(found):
        if number % POLL_EVERY == 0:
            check(cancelled)
        pattern = _known_pattern(body) or _frame_pattern(body, siblings[group])
        if pattern.count("“") > pattern.count("”"):
            pattern += "”"
        if pattern and pattern != body:
            yield Candidate(body, pattern, sentence)
