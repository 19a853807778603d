"""过渡: the sentences that hand over between speakers and parts of a speech.

刚才…讲得很好 (acknowledging the speakers before), 下面，我讲几点意见 / 讲三句话 (announcing the parts),
借此机会，我再强调… , 首先，请XX汇报…, 一会儿，X书记还要讲话. Names, dates and figures become placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.mining.cancel import POLL_EVERY, Poll, check
from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.placeholders import placeholderise
from desktop.core.mining.speech import TRANSITION_START_RE
from desktop.core.mining.text import split_clauses

KIND = "transition"
MAX_LENGTH = 160
_ANNOUNCE_RE = re.compile(r"下面[，,]?我|这里[，,]?我再|我再(?:着重)?强调|借此机会|讲得很|讲的都很|讲了非常好")
_SHORT_FOLLOW_UP = 10  # "讲三句话。" right after "下面，我……提几点意见。" belongs to it
_COUNT_RE = re.compile(r"(?<=[讲谈提作从就])[两二三四五六七八九十](?=点|个方面|句话|方面|个问题)")


def _pattern(text: str) -> str:
    clauses = split_clauses(text)
    if len(clauses) <= 2:
        return text
    return "，".join(clauses[:2]) + "……"


def extract(sentences: list[str], lex: Lexicon, cancelled: Poll | None = None) -> Iterator[Candidate]:
    skip_next = False
    for index, sentence in enumerate(sentences):
        if index % POLL_EVERY == 0:
            check(cancelled)
        if skip_next:
            skip_next = False
            continue
        if not (TRANSITION_START_RE.match(sentence) or _ANNOUNCE_RE.search(sentence)):
            continue
        if len(sentence) > MAX_LENGTH:
            continue
        text = sentence
        following = sentences[index + 1] if index + 1 < len(sentences) else ""
        if following and len(following) <= _SHORT_FOLLOW_UP and re.match(r"^[讲谈说]", following):
            text += following
            skip_next = True
        text = _COUNT_RE.sub("X", placeholderise(text, lex))
        yield Candidate(text, _pattern(text), sentence)
