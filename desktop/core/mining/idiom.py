"""四字格: idiomatic four-character units (久久为功, 攻坚克难, 一抓到底), never arbitrary 4-character windows.

Two ways in. Anywhere in the text, a 4-character dictionary entry tagged idiom (jieba's i/l/z: 全力以赴,
一抓到底, 狠抓落实). At a boundary (a whole clause or a whole 、-item of four characters), a unit with the
shape of an idiom: reduplication (善作善成, 扎扎实实, 久久为功, 应扶尽扶, 头痛医头), a classical 而 (乘势而上),
or a unit that does not split into two ordinary words (凝心聚力, 化危为机, 腾笼换鸟) — while 产业发展 or
认真反思, two everyday words side by side, is not an idiom.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import Lexicon
from desktop.core.mining.text import split_clauses

KIND = "idiom"
_FOUR_CJK_RE = re.compile(r"^[\u4e00-\u9fff]{4}$")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{4,}")
# Discourse markers and ordinals the dictionary also tags as set phrases: not material for a writer.
_NOT_IDIOMS = frozenset(
    "与此同时 总的来看 总的来说 一般来说 由此可见 总而言之 换句话说 众所周知 毫无疑问 不仅如此 除此之外 "
    "相比之下 事实上看 从某种意义 近年以来 一段时间 一个时期 今年以来 长期以来 一直以来 在此基础".split()
)
_ORDINAL_RE = re.compile(r"^(第.|[一二三四五六七八九十]是|[一二三四五六七八九十]要|其[一二三四五])")
_WEAK_REPEATS = frozenset("的了是和在个")
_COMMON_WORD_FREQ = 10  # jieba entries with a lower count are mostly guesses


def _reduplicated(w: str) -> bool:
    a, b, c, d = w
    if a == c and b != d and a not in _WEAK_REPEATS:  # ABAC 善作善成, 一户一策
        return True
    if a == b and c == d and a != c:  # AABB 扎扎实实
        return True
    if a == b and c != d and a not in _WEAK_REPEATS:  # AABC 久久为功
        return True
    if b == d and a != c and b not in _WEAK_REPEATS:  # ABCB 应扶尽扶, 能快则快
        return True
    if a == d and b != c and a not in _WEAK_REPEATS:  # ABCA 头痛医头
        return True
    return False


def _two_words(w: str, lex: Lexicon) -> bool:
    return lex.freq(w[:2]) >= _COMMON_WORD_FREQ and lex.freq(w[2:]) >= _COMMON_WORD_FREQ


def is_four_char_idiom(w: str, lex: Lexicon) -> bool:
    """Is this four-character unit (already known to stand between punctuation) an idiom?"""
    if not _FOUR_CJK_RE.match(w) or w in _NOT_IDIOMS or _ORDINAL_RE.match(w):
        return False
    if lex.is_idiom(w) or _reduplicated(w) or "而" in w[1:3]:
        return True
    if lex.tag(w) in ("nr", "ns", "nt", "nz") or lex.freq(w) > 20:
        return False  # a name, or an ordinary dictionary word (基础设施)
    return not _two_words(w, lex)


def _boundary_units(sentence: str) -> Iterator[str]:
    for clause in split_clauses(sentence):
        for item in clause.split("、"):
            item = item.strip("“”‘’")
            if len(item) == 4:
                yield item


def extract(sentences: list[str], lex: Lexicon) -> Iterator[Candidate]:
    for sentence in sentences:
        seen: set[str] = set()
        for run in _CJK_RUN_RE.findall(sentence):
            for i in range(len(run) - 3):
                window = run[i : i + 4]
                if window not in seen and lex.is_idiom(window) and window not in _NOT_IDIOMS:
                    seen.add(window)
                    yield Candidate(window, window, sentence)
        for unit in _boundary_units(sentence):
            if unit not in seen and is_four_char_idiom(unit, lex):
                seen.add(unit)
                yield Candidate(unit, unit, sentence)
