"""What an extractor finds in one sentence, before the miner merges it into a Phrase."""

from __future__ import annotations

from typing import NamedTuple


class Candidate(NamedTuple):  # a tuple: extractors make thousands of these per document
    text: str
    pattern: str
    sentence: str  # the source sentence, as it reads in the document
