"""What an extractor finds in one sentence, before the miner merges it into a Phrase."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    text: str
    pattern: str
    sentence: str  # the source sentence, as it reads in the document
