"""jieba's dictionary read once as a lookup table (word → frequency, part of speech).

Extractors ask "is this a word, is it an idiom, is it a noun" without segmenting the text: a dictionary
lookup per candidate is far cheaper than running jieba over the corpus.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

IDIOM_TAGS = frozenset({"i", "l", "z"})  # 成语, 习用语, 状态词 (狠抓落实 is tagged z)
NOUN_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "ng", "s"})
MAX_WORD_LEN = 5


@dataclass(frozen=True, eq=False)  # hashed by identity: loaded once, cached derived tables key on it
class Lexicon:
    words: dict[str, tuple[int, str]]  # word → (frequency, tag)

    def tag(self, word: str) -> str:
        entry = self.words.get(word)
        return entry[1] if entry else ""

    def freq(self, word: str) -> int:
        entry = self.words.get(word)
        return entry[0] if entry else 0

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def is_noun(self, word: str) -> bool:
        return self.tag(word) in NOUN_TAGS


@functools.cache
def lexicon() -> Lexicon:
    """Load jieba's bundled dictionary once (about half a second), only when mining needs it."""
    words: dict[str, tuple[int, str]] = {}
    source = importlib.resources.files("jieba") / "dict.txt"
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) <= MAX_WORD_LEN:
                words[parts[0]] = (int(parts[1]), parts[2])
    log.debug("loaded %d dictionary words", len(words))
    return Lexicon(words)
