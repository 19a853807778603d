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
MAX_WORD_LEN = 4  # the extractors ask about words of up to four characters
_TAG_BITS = 6  # jieba uses 55 tags: an entry packs its count and its tag into one int


@dataclass(frozen=True, eq=False)  # hashed by identity: loaded once, cached derived tables key on it
class Lexicon:
    words: dict[str, int]  # word → count << _TAG_BITS | tag index (one int an entry keeps the table small)
    tags: tuple[str, ...]

    def tag(self, word: str) -> str:
        entry = self.words.get(word)
        return self.tags[entry & ((1 << _TAG_BITS) - 1)] if entry is not None else ""

    def freq(self, word: str) -> int:
        return self.words.get(word, 0) >> _TAG_BITS

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def is_noun(self, word: str) -> bool:
        return self.tag(word) in NOUN_TAGS


@functools.cache
def lexicon() -> Lexicon:
    """Load jieba's bundled dictionary once (well under a second), only when mining needs it."""
    words: dict[str, int] = {}
    tag_ids: dict[str, int] = {}
    source = importlib.resources.files("jieba") / "dict.txt"
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) <= MAX_WORD_LEN:
                tag = tag_ids.setdefault(parts[2], len(tag_ids))
                if tag >= 1 << _TAG_BITS:
                    raise ValueError(f"jieba's dictionary has more tags than {1 << _TAG_BITS}")
                words[parts[0]] = int(parts[1]) << _TAG_BITS | tag
    log.debug("loaded %d dictionary words", len(words))
    return Lexicon(words, tuple(tag_ids))
