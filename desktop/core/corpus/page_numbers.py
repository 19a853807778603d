"""Page numbers a copy glued into the text: `……全国文明城市2的责任感……重大的现实意3义……`.

A page's number, when the page breaks are lost, lands between two characters of the running text, or
before the title (`12023年……`: page 1, then the title's year). One such digit looks like any figure; the
evidence is the run: numbers standing between Chinese characters where no figure stands (no measure word
after them, no 第 or 约 before), each the one before plus one, a page's length apart, one after another
with no other such number between them. Three in a row are page numbers and go; a lone digit stays (a
site's conversion of 第一 to 第1 is damage of another kind, left as the copy has it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.corpus.removals import Trace

MIN_RUN = 3  # page numbers in a row
MIN_GAP = 150  # characters between two of them: a page holds more
# A page number before a title that starts with its year: 1 + 2023年……
_BEFORE_YEAR = re.compile(r"^(\d{1,3})(?=(?:19|20)\d\d年)")
# After a figure comes its measure word or unit; around a figure stand these.
_MEASURES = frozenset(
    "个年月日号时分秒点条项次名人家户所座台辆件元角万亿千百十米吨亩里倍成岁天周批届级类种位轮期章节款套支只层楼"
    "栋间篇份部本张页版幅句字段处股棵头匹架艘列趟道门盏块片场季度克升斤秒多余来至到和与或及"
)
_BEFORE = frozenset("第约近共超达逾前后每再仅只计合至到和与或及")
# A number of one to three digits between two Chinese characters, with no figure's word before or after
# it. (A digit first: the engine skips from digit to digit; the lookbehinds then check what precedes.)
_BETWEEN = re.compile(
    rf"\d(?<=[\u4e00-\u9fff]\d)(?<![{''.join(sorted(_BEFORE))}]\d)\d{{0,2}}(?!\d)"
    rf"(?![{''.join(sorted(_MEASURES))}])(?=[\u4e00-\u9fff])"
)


@dataclass
class _Candidate:
    line: int  # index in the lines
    start: int  # within the line
    end: int
    value: int
    offset: int  # within the whole text


def cut_glued_page_numbers(texts: list[str]) -> dict[int, list[tuple[int, int]]]:
    """Spans (start, end) of page numbers to cut, by line index."""
    found: list[_Candidate] = []
    offset = 0
    for index, text in enumerate(texts):
        if text and text[0].isdigit():
            match = _BEFORE_YEAR.match(text)
            if match:
                found.append(_Candidate(index, 0, match.end(1), int(match.group(1)), offset))
        for match in _BETWEEN.finditer(text):
            start, end = match.span()
            found.append(_Candidate(index, start, end, int(match.group()), offset + start))
        offset += len(text) + 1
    spans: dict[int, list[tuple[int, int]]] = {}
    run: list[_Candidate] = []
    for candidate in [*found, None]:
        follows = (
            candidate is not None
            and run
            and candidate.value == run[-1].value + 1
            and candidate.offset - run[-1].offset >= MIN_GAP
        )
        if follows:
            run.append(candidate)
            continue
        if len(run) >= MIN_RUN:
            for member in run:
                spans.setdefault(member.line, []).append((member.start, member.end))
        run = [candidate] if candidate is not None else []
    return spans


def cut_page_numbers(texts: list[str], numbers: list[int], trace: Trace) -> list[str]:
    """The texts without the page numbers glued into them; `numbers` are the lines' numbers as read."""
    spans = cut_glued_page_numbers(texts)
    if not spans:
        return texts
    out = list(texts)
    for index, cuts in spans.items():
        text = out[index]
        for start, end in sorted(cuts):
            trace.cut("page_number", text[start:end], numbers[index])
        for start, end in sorted(cuts, reverse=True):
            text = text[:start] + text[end:]
        out[index] = text
    return out
