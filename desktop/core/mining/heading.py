"""标题: heading patterns such as 在X上再聚焦、再提升, read from the speech's own headings.

A heading is a line led by a numbering marker (一、 （一） 1、 第一， 第一句话，), or the run-in head of a
paragraph up to its first 。, or a short 一是/一要 sentence. Headings of one marker kind are siblings: the
characters they share are the frame, the first part that varies is the topic and becomes X
(在思想认识上再聚焦、再提升 → 在X上再聚焦、再提升). A heading with no frame shared with its siblings, and
no known frame of its own (在X上, 以X为, X要X), is not a pattern and is left out.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator

from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import Lexicon
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
    (re.compile(r"^在(.{2,8}?)上"), "在X上"),
    (re.compile(r"^以(.{2,10}?)(推动|促进|助推|带动|保障)"), "以X"),
    (re.compile(r"^关于(.{2,12})$"), "关于X"),
    (re.compile(r"^(.{2,8}?)要"), "X要"),
]
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
    """Characters matched in at least half of the siblings are the frame; the first varying run is X."""
    others = [s for s in siblings if s != heading]
    if not others:
        return ""
    votes = [0] * len(heading)
    for other in others:
        matcher = difflib.SequenceMatcher(None, heading, other, autojunk=False)
        for block in matcher.get_matching_blocks():
            for i in range(block.a, block.a + block.size):
                votes[i] += 1
    frame = [v * 2 >= len(others) and v > 0 for v in votes]
    if sum(frame) < 2 or all(frame):
        return ""
    out, replaced = [], False
    for i, ch in enumerate(heading):
        if frame[i]:
            out.append(ch)
        elif not replaced:
            if not out or out[-1] != "X":
                out.append("X")
            if i + 1 < len(heading) and frame[i + 1]:
                replaced = True
        else:
            out.append(ch)
    return "".join(out)


def _known_pattern(heading: str) -> str:
    for regex, frame in _KNOWN_FRAMES:
        match = regex.match(heading)
        if match:
            return heading[: match.start(1)] + "X" + heading[match.end(1) :]
    return ""


def extract(lines: list[str], lex: Lexicon) -> Iterator[Candidate]:
    found: list[tuple[str, str, str]] = []
    for line in lines:
        for position, sentence in enumerate(split_sentences(line)):
            heading = _heading_of(sentence, position == 0)
            if heading:
                found.append((heading[0], heading[1], sentence))
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, body, _ in found:
        by_kind[kind].append(body)
    for kind, body, sentence in found:
        pattern = _frame_pattern(body, by_kind[kind]) or _known_pattern(body)
        if pattern and pattern != body:
            yield Candidate(body, pattern, sentence)
