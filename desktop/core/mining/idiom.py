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
from desktop.core.mining.lexicon import IDIOM_TAGS, Lexicon
from desktop.core.mining.text import split_clauses

KIND = "idiom"
_FOUR_CJK_RE = re.compile(r"^[\u4e00-\u9fff]{4}$")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{4,}")
# Discourse markers and ordinals the dictionary also tags as set phrases: not material for a writer.
_NOT_IDIOMS = frozenset(
    "与此同时 总的来看 总的来说 一般来说 由此可见 总而言之 换句话说 众所周知 毫无疑问 不仅如此 除此之外 "
    "相比之下 事实上看 从某种意义 近年以来 一段时间 一个时期 今年以来 长期以来 一直以来 在此基础 借此机会 "
    "以下几点 一时半会 全国上下 新形势下".split()
)
_ORDINAL_RE = re.compile(r"^(第.|[一二三四五六七八九十]是|[一二三四五六七八九十]要|其[一二三四五])|.[两二三四五六七八九十][句个点项条种]")
# A unit that starts like a sentence or carries a particle is a piece of a clause, not a set expression.
_CLAUSE_START = frozenset("在对让就也把被从向给和与及各该每此这那其往使要以")
_PARTICLES = frozenset("的了着过得地吗呢吧")
# Verb complements: 抓出成效, 带着技术, 做好工作 are verb phrases, not idioms.
_COMPLEMENTS = frozenset("出着好了过到上下完成牢住")
# Comment words after a topic: 标准不高, 任务很重, 尾矿库多.
_COMMENT_STARTS = frozenset("不较很越也都太更最没有多少")
_WEAK_REPEATS = frozenset("的了是和在个")
_COMMON_WORD_FREQ = 10  # jieba entries with a lower count are mostly guesses
_EVERYDAY_FREQ = 2500
_COMMON_HALF_FREQ = 400  # a half this common makes the unit an ordinary phrase (差距在哪, 更高水平)
_LOW_COUNT_HALF_FREQ = 300
_NOUNISH = frozenset({"n", "vn", "nz", "ns", "nt", "j", "an", "ng"})
_VERBISH = frozenset({"v", "vd", "vg"})


def _reduplicated(w: str, lex: Lexicon) -> bool:
    a, b, c, d = w
    if a == c and b != d and a not in _WEAK_REPEATS:  # ABAC 善作善成, 一户一策
        return True
    if a == b and c == d and a != c:  # AABB 扎扎实实
        return True
    if a == b and c != d and a not in _WEAK_REPEATS:  # AABC 久久为功
        return True
    if b == d and a != c and b not in _WEAK_REPEATS and w[:2] not in lex:  # ABCB 应扶尽扶 (not 省委常委)
        return True
    if a == d and b != c and a not in _WEAK_REPEATS:  # ABCA 头痛医头
        return True
    return False


def _two_words(w: str, lex: Lexicon, least: int = _COMMON_WORD_FREQ) -> bool:
    return lex.freq(w[:2]) >= least and lex.freq(w[2:]) >= least


def is_dictionary_idiom(w: str, lex: Lexicon) -> bool:
    """A dictionary idiom that is a real set expression, not two everyday words (主要矛盾, 贯彻落实)."""
    tag, freq = lex.tag(w), lex.freq(w)
    if len(w) != 4 or tag not in IDIOM_TAGS or w in _NOT_IDIOMS:
        return False
    if w[0] in "在对从于" and w[3] in "中上下里":
        return False  # 在工作中: a prepositional phrase
    if (tag == "l" or freq <= 3) and lex.tag(w[2:]) in _NOUNISH and lex.freq(w[2:]) >= 1000:
        return False  # a set phrase ending in a common noun: 切身利益, 忧患意识
    if freq <= 3:
        # The dictionary's low-count additions hold many plain phrases (认真贯彻, 高度重视): trust one only
        # when one half is rare (一抓到底, 狠抓落实).
        return min(lex.freq(w[:2]), lex.freq(w[2:])) < _LOW_COUNT_HALF_FREQ
    if _two_words(w, lex):
        if _two_words(w, lex, _EVERYDAY_FREQ):
            return False
        if lex.tag(w[2:]) in _NOUNISH and lex.tag(w[:2]) not in _VERBISH:
            return False  # a noun compound: 自然灾害
    return True


def is_four_char_idiom(w: str, lex: Lexicon) -> bool:
    """Is this four-character unit (already known to stand between punctuation) an idiom?"""
    if not _FOUR_CJK_RE.match(w) or w in _NOT_IDIOMS or _ORDINAL_RE.match(w):
        return False
    if is_dictionary_idiom(w, lex):
        return True
    if w[0] in _CLAUSE_START or any(ch in _PARTICLES for ch in w):
        return False
    if _reduplicated(w, lex) or "而" in w[1:3]:
        return True
    if lex.freq(w) > 3:
        return False  # an ordinary dictionary word (基础设施) or a name
    if max(lex.freq(w[:2]), lex.freq(w[2:])) >= _COMMON_HALF_FREQ:
        return False  # an everyday word and two more characters: 差距在哪, 更高水平, 爱提口号
    if w[1] == "在" or w[2] in "要就也都" or w[3] in "多少":
        return False  # 重在精准, 尾矿库多: a comment on a topic
    if lex.freq(w[:2]) >= 100 and lex.tag(w[:2]) in _NOUNISH and w[2] in _COMMENT_STARTS:
        return False
    if w[1] in _COMPLEMENTS and w[:2] not in lex and lex.tag(w[2:]) in _NOUNISH:
        return False
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
                if window not in seen and is_dictionary_idiom(window, lex):
                    seen.add(window)
                    yield Candidate(window, window, sentence)
        for unit in _boundary_units(sentence):
            if unit not in seen and is_four_char_idiom(unit, lex):
                seen.add(unit)
                yield Candidate(unit, unit, sentence)
