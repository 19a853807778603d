"""结尾: the final passage that turns to the audience again ("同志们，……！"), up to the end of its paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.mining.cancel import POLL_EVERY, Poll, check
from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.placeholders import placeholderise
from desktop.core.mining.speech import closing_turns
from desktop.core.mining.text import split_clauses, split_sentences

KIND = "closing"
MAX_SENTENCES = 4
_TAIL_SHARE = 0.4  # the closing sits in the last part of the speech


def extract(lines: list[str], lex: Lexicon, cancelled: Poll | None = None) -> Iterator[Candidate]:
    total = sum(len(line) for line in lines)
    offset = 0
    found: tuple[str, int] | None = None
    for number, line in enumerate(lines):
        if number % POLL_EVERY == 0:
            check(cancelled)
        for match in closing_turns(line):
            if offset + match.start() >= total * (1 - _TAIL_SHARE):
                found = (line[match.start() :], offset + match.start())
        offset += len(line)
    if found is None:
        return
    sentences = split_sentences(found[0])[:MAX_SENTENCES]
    if not sentences:
        return
    text = placeholderise("".join(sentences), lex)
    clauses = split_clauses(text)
    pattern = "，".join(clauses[:2]) + "……" if len(clauses) > 2 else text
    yield Candidate(text, pattern, sentences[0])
