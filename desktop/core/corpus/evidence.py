"""Evidence from the writer's own corpus: short lines that recur are a site's chrome.

A person spots a site's chrome by seeing the same line on every page copied from it. The cleaner does the
same: across the files of one import, a short line that stands in several files is chrome; within one
file, a short line repeated again and again (a watermark between paragraphs) is too. Lines that are
plainly speech never count, however often they recur: a salutation (同志们：), a heading with its marker
(一、 （二） 第三), a title (在……上的讲话, 政府工作报告), a full sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.corpus.chars import SENTENCE_END
from desktop.core.corpus.reflow import HEADING_START
from desktop.core.corpus.title import looks_like_title

MAX_LENGTH = 40  # longer lines are text, even when they recur
MIN_FILES = 3  # files of one import a line must stand in
MIN_REPEATS = 3  # times a line must stand in one file
_LONGEST_CANDIDATE = 4 * MAX_LENGTH  # characters of a line with its spaces that may key to a short one
_CHINESE = re.compile(r"[\u3400-\u9fff]")
_CLAUSE_MARK = re.compile("[，。；！？]")
_KEY_DROP = re.compile(r"[\s\u3000\u00a0]+")
_WIDEN = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "(": "（", ")": "）", "!": "！"})
_NARROW = re.compile(r"[,;:?()!]")
_SALUTATION = re.compile(r"^(?:同志们|同志們|各位|尊敬的|女士们|先生们|朋友们|亲爱的|大家好)")
_HEADING = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十百\d]{1,3}[章节条部分篇]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}要)"
)


def line_key(line: str) -> str:
    """A line as evidence counts it: spaces gone, half-width marks widened."""
    key = _KEY_DROP.sub("", line)
    # translate looks every character up in a dict: only worth it when there is a mark to widen
    return key.translate(_WIDEN) if _NARROW.search(key) else key


def short_key(line: str) -> str | None:
    """The key of a line short enough to be chrome, else None."""
    if len(line) > _LONGEST_CANDIDATE:  # spaces aside, still too long
        return None
    key = _KEY_DROP.sub("", line)
    if len(key) > MAX_LENGTH:  # widening keeps the length
        return None
    return key.translate(_WIDEN) if _NARROW.search(key) else key


def plainly_speech(line: str) -> bool:
    """A salutation, a heading with its marker, a title or a full sentence: never chrome."""
    text = line.strip()
    return bool(
        text
        and (
            text[-1] in SENTENCE_END + "；”’"
            or _SALUTATION.match(text)
            or HEADING_START.match(text)
            or _HEADING.match(text)
            or looks_like_title(text)
        )
    )


def _candidates(lines: Iterable[str]) -> Iterable[str]:
    for line in lines:
        key = short_key(line)
        if key is not None and len(key) >= 2 and not plainly_speech(line):
            yield key


@dataclass
class CorpusEvidence:
    """Short lines of the files of one import and how many files each stands in."""

    files: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, lines: Iterable[str]) -> None:
        self.files += 1
        self.counts.update(set(_candidates(lines)))

    def recurring(self, line: str) -> bool:
        if self.files < MIN_FILES:
            return False
        key = short_key(line)
        return key is not None and self.counts.get(key, 0) >= MIN_FILES and not plainly_speech(line)


def repeated_in_file(lines: list[str]) -> set[str]:
    """Keys of the short lines a single file repeats again and again between different lines: a
    watermark. A paragraph that the file repeats whole repeats its lines with the same neighbours."""
    keys = [line_key(line) if len(line) <= _LONGEST_CANDIDATE else line for line in lines]
    # A watermark is a name: Chinese, and no sentence in it.
    counts = Counter(
        key for key in _candidates(lines) if _CHINESE.search(key) and not _CLAUSE_MARK.search(key)
    )
    candidates = {key for key, count in counts.items() if count >= MIN_REPEATS}
    positions: dict[str, list[int]] = {key: [] for key in candidates}
    for index, key in enumerate(keys):  # one pass, not one per candidate: a long file has many
        if key in positions:
            positions[key].append(index)
    repeated = set()
    for key, at in positions.items():
        before = {keys[i - 1] if i else "" for i in at}
        after = {keys[i + 1] if i + 1 < len(keys) else "" for i in at}
        if len(before) >= 2 and len(after) >= 2:
            repeated.add(key)
    return repeated
