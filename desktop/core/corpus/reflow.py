"""Restore paragraphs from text whose visual lines, not its paragraphs, survived the copy.

Two shapes reach us. A PDF's text comes out one visual line per line; a web copy of a PDF may even carry
the whole body on one line, each visual line separated by a space ("非常重要的会 议，主要目的是……"). In
both, a full line of a justified page is (almost) exactly as wide as every other full line; a line that
stops short ends its paragraph (or is a stand-alone heading), and a line that ends a sentence right before
an indented line or a heading ends its paragraph too. Wrap spaces are dropped, paragraph breaks restored.

A body pasted on one line without wrap spaces is split before its headings (一、 （一） 第一句话 1、)
when they follow the end of a sentence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from desktop.core.corpus.chars import PARAGRAPH_END, SENTENCE_END
from desktop.core.corpus.chars import width as _measure

# Each visual line is measured several times (finding the page width, then each break): once is enough.
width = functools.lru_cache(maxsize=2048)(_measure)

# A heading that starts a paragraph of its own.
HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、"
    r"|（[一二三四五六七八九十]{1,3}）"
    r"|第[一二三四五六七八九十]{1,3}(?:句话|部分|个方面|方面)"
    r"|\d{1,2}[、．]|\d{1,2}\.(?!\d)"
    r"|同志们[，：！]|各位领导、同志们)"
)
_SPACE_RUN = re.compile(r"[ \u00a0\u3000]+")
# A space with Chinese on both sides: in a wrapped copy it can only be a line (or paragraph) break. (The
# space comes before the lookbehind so that the engine skips from space to space.)
_HARD_SPACE = re.compile(r" (?<=[^\x00-\x7f] ) *(?=[^\x00-\x7f])")

# 一要/二要、一是/二是: the next item of a run of numbered paragraphs.
_ENUMERATED = re.compile(r"^([一二三四五六七八九])(要|是|方面|则|来)")
_ORDINALS = "一二三四五六七八九十"
_NUMBERED = re.compile(r"^\d{1,2}、")

_MIN_WRAPPED_LENGTH = 200
_MIN_WRAP_SPACES = 8
_MIN_LINE_WIDTH = 12  # narrower "full lines" are word lists, not a page
_MAX_PAGE_WIDTH = 60  # no page holds a wider line of Chinese
_SHORT_MARGIN = 3.5  # a line this much narrower than a full line ends its paragraph
_RUN_ON_LENGTH = 400
# The end of a sentence before a heading; the split falls after its mark. (The mark is matched, not looked
# behind at, so that the engine skips from mark to mark.)
_RUN_ON_BREAK = re.compile(
    r"[。！？；”](?=(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）"
    r"|第[一二三四五六七八九十]{1,3}(?:句话|部分|个方面)|同志们[，！]))"
)


def full_line_width(lines: list[str]) -> float | None:
    """The width of a full line: the most common width among lines of some length, or a little wider
    when nearly as many lines are (on a short page the indented first lines can be the most common)."""
    return _full_width([round(w) for w in map(width, lines) if w >= _MIN_LINE_WIDTH])


def _full_width(widths: list[int]) -> float | None:
    if not widths:
        return None
    counts = Counter(widths)
    common, count = counts.most_common(1)[0]
    if count < 2:
        return float(max(widths))
    wider = [w for w in range(common + 1, common + 4) if counts[w] >= max(2, 0.5 * count)]
    return float(max(wider, default=common))


def reflow_lines(lines: list[str]) -> list[str]:
    """Join visual lines (a PDF's text) into paragraphs."""
    lines = [line.strip() for line in lines if line.strip()]
    full = full_line_width(lines)
    if full is None:
        return lines
    paragraphs: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is None
            or _ends_paragraph(line, following, full)
            or _next_item(current, following)
            or _heading_line(current, following, full)
        ):
            paragraphs.append(_join(current))
            current = []
    return paragraphs


def looks_hard_wrapped(lines: list[str]) -> bool:
    """Text kept as a page's visual lines (a PDF saved as .txt): most lines share one width and break
    mid-sentence."""
    # Each line measured once, uncached: a long file has more lines than the cache holds.
    measured = [(line, w) for line in lines if (w := _measure(line)) >= _MIN_LINE_WIDTH / 2]
    if len(measured) < _MIN_WRAP_SPACES:
        return False
    full = _full_width([round(w) for _, w in measured if w >= _MIN_LINE_WIDTH])
    if full is None or not _MIN_LINE_WIDTH <= full <= _MAX_PAGE_WIDTH:
        return False
    full_lines = [line for line, w in measured if full - 3 <= w <= full + 1]  # indented ones too
    mid_sentence = sum(1 for line in full_lines if line[-1] not in PARAGRAPH_END + "，、")
    return len(full_lines) >= 0.5 * len(measured) and mid_sentence >= 0.5 * len(full_lines)


def looks_wrapped(line: str) -> bool:
    """A long line whose spaces are a page's line breaks: many of them, at a steady line width."""
    if len(line) < _MIN_WRAPPED_LENGTH or line.count(" ") < _MIN_WRAP_SPACES:
        return False
    if len(_HARD_SPACE.findall(line)) < _MIN_WRAP_SPACES:
        return False
    segments = _HARD_SPACE.split(line)
    full = full_line_width(segments)
    if full is None or full < _MIN_LINE_WIDTH:
        return False
    steady = sum(1 for segment in segments if abs(width(segment) - full) <= 2)
    return steady >= 0.4 * len(segments)


def reflow_wrapped_line(line: str) -> list[str]:
    """Split a one-line body with wrap spaces into its visual lines, then into paragraphs."""
    segments = _HARD_SPACE.split(line.strip())
    full = full_line_width(segments)
    if full is None:
        return [line]
    visual: list[str] = []
    for segment in segments:
        visual.extend(_wrap_segment(segment, full))
    return reflow_lines(visual)


def split_run_on(line: str) -> list[str]:
    """Split a whole body pasted as one line before its headings and after its salutation."""
    if len(line) < _RUN_ON_LENGTH:
        return [line]
    parts = split_salutation(line)
    body = parts.pop()
    pieces, start = [], 0
    for match in _RUN_ON_BREAK.finditer(body):
        pieces.append(body[start : match.end()])
        start = match.end()
    pieces.append(body[start:])
    if len(pieces) < 3:  # one heading inside a paragraph is a run-in heading, not a lost break
        return [*parts, body]
    return [*parts, *(piece for piece in pieces if piece.strip())]


def split_salutation(line: str) -> list[str]:
    """[what stands before the salutation, the salutation, the rest] when a salutation opens the line
    within its first 80 characters (empty parts left out), else [line]."""
    head = line[:80]
    for match in re.finditer(r"(?:同志们|同志们、朋友们|各位(?:领导|代表|来宾|同志)[^：。]{0,20})：", head):
        before, salutation, after = line[: match.start()], match.group(0), line[match.end() :]
        return [part for part in (before.strip(), salutation) if part] + [after.strip()]
    return [line]


def _wrap_segment(segment: str, full: float) -> list[str]:
    """A segment between hard breaks may still hold a break at a space beside Latin text or digits:
    fill lines greedily up to the full width, as the page did."""
    if " " not in segment and "\u00a0" not in segment and "\u3000" not in segment:
        return [segment]  # most segments: one visual line already
    tokens = _SPACE_RUN.split(segment)
    lines: list[str] = []
    current = tokens[0]
    for token in tokens[1:]:
        # "……增添后劲。 2、城市更新……": a numbered heading after a sentence starts a line of its own.
        numbered = current[-1] in PARAGRAPH_END and _NUMBERED.match(token)
        if numbered or width(current) + width(token) > full + 1.5:
            lines.append(current)
            current = token
        else:
            current = f"{current} {token}"
    lines.append(current)
    return lines


def _ends_paragraph(line: str, following: str, full: float) -> bool:
    line_width = width(line)
    if line_width < full - _SHORT_MARGIN:
        return True
    last = line[-1]
    if last in PARAGRAPH_END and HEADING_START.match(following):
        return True
    # A sentence ends at the margin and the next line is indented two characters.
    return last in SENTENCE_END + "：" and full - 3 <= width(following) <= full - 1.5


def _heading_line(current: list[str], following: str, full: float) -> bool:
    """A heading without final punctuation that fills its one line, followed by an indented line."""
    (line,) = current if len(current) == 1 else ("",)
    return (
        bool(line)
        and HEADING_START.match(line) is not None
        and line[-1] not in PARAGRAPH_END + "，"
        and full - 3 <= width(following) <= full - 1.5
    )


def _next_item(current: list[str], following: str) -> bool:
    """A paragraph opened by 二要 ends where a sentence ends and 三要 begins."""
    opened, upcoming = _ENUMERATED.match(current[0]), _ENUMERATED.match(following)
    if not opened or not upcoming or opened.group(2) != upcoming.group(2):
        return False
    successor = _ORDINALS[_ORDINALS.index(opened.group(1)) + 1]
    return upcoming.group(1) == successor and current[-1][-1] in SENTENCE_END


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        # Latin words wrapped at the margin keep a space between them; nothing else does ("80" + "%").
        latin_gap = (
            text[-1].isascii()
            and (text[-1].isalnum() or text[-1] in ",.;:!?)")
            and (line[0].isascii() and line[0].isalnum())
        )
        # A number wrapped after its point or comma ("8." + "3%") is one number again.
        split_number = text[-1] in ".," and len(text) > 1 and text[-2].isdigit() and line[0].isdigit()
        text = f"{text} {line}" if latin_gap and not split_number else text + line
    return text


__all__ = [
    "HEADING_START",
    "full_line_width",
    "looks_hard_wrapped",
    "looks_wrapped",
    "reflow_lines",
    "reflow_wrapped_line",
    "split_run_on",
]
