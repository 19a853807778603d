"""开头: the salutation and the meeting-purpose passage that follows it.

"同志们：今天召开这次会议，主要目的是……" up to the first hand-over (刚才…, 首先，请…) or the first sentence
that is no longer about the meeting. Names, dates and figures become placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.placeholders import placeholderise
from desktop.core.mining.speech import TRANSITION_START_RE, find_salutation
from desktop.core.mining.text import split_clauses, split_sentences

KIND = "opening"
MAX_SENTENCES = 3
_MEETING_RE = re.compile(r"会议|这次会|本次会|召开|主要目的|主要任务|今天")
_PURPOSE_RE = re.compile(r"(主要(?:目的|任务)(?:是|就是)|目的是|任务是)")
_SEARCH_LINES = 12  # the salutation comes right after the title


def _pattern(salutation: str, first: str) -> str:
    match = _PURPOSE_RE.search(first)
    if match:
        return f"{salutation}{first[: match.end()]}……"
    clauses = split_clauses(first)
    return f"{salutation}{clauses[0]}……" if clauses else salutation


def extract(lines: list[str], lex: Lexicon) -> Iterator[Candidate]:
    for line in lines[:_SEARCH_LINES]:
        match = find_salutation(line)
        if not match:
            continue
        rest = line[match.end() :].strip()
        if not rest:  # the salutation stands on its own line: the passage is the next paragraph
            following = lines[lines.index(line) + 1 :]
            rest = following[0] if following else ""
        picked: list[str] = []
        for sentence in split_sentences(rest):
            if len(picked) >= MAX_SENTENCES or TRANSITION_START_RE.match(sentence):
                break
            if not _MEETING_RE.search(sentence) and picked:
                break
            picked.append(sentence)
        if not picked or not _MEETING_RE.search(picked[0]):
            return
        salutation = match.group(0).rstrip(":：") + "："
        text = placeholderise(salutation + "".join(picked), lex)
        yield Candidate(text, _pattern(salutation, placeholderise(picked[0], lex)), picked[0])
        return
