"""四字格: idiomatic four-character units (久久为功, 攻坚克难, 一抓到底), never arbitrary 4-character windows.

Two ways in. Anywhere in the text, a 4-character dictionary entry tagged idiom (jieba's i/l/z: 全力以赴,
一抓到底, 狠抓落实). At a boundary (a whole clause or a whole 、-item of four characters), a unit with the
shape of an idiom: reduplication (善作善成, 扎扎实实, 久久为功, 应扶尽扶, 头痛医头), a classical 而 (乘势而上),
or a unit that does not split into two ordinary words (凝心聚力, 化危为机, 腾笼换鸟) — while 产业发展 or
认真反思, two everyday words side by side, is not an idiom.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import accumulate

from desktop.core.mining.candidate import Candidate
from desktop.core.mining.lexicon import IDIOM_TAGS, Lexicon
from desktop.core.mining.text import CLAUSE_SEPARATORS, split_clauses

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
_CLAUSE_START = frozenset("在对让就也把被从向给和与及各该每此这那其往使要以还我逐")
_PARTICLES = "的了着地吗呢吧"
_PARTICLE_SET = frozenset(_PARTICLES)
# Verb complements: 抓出成效, 带着技术, 做好工作 are verb phrases, not idioms.
_COMPLEMENTS = frozenset("出着好了过到上下完成牢住")
# Comment words after a topic: 标准不高, 任务很重, 尾矿库多.
_COMMENT_STARTS = frozenset("不较很越也都太更最没有多少")
_WEAK_REPEATS = frozenset("的了是和在个")
_COMMON_WORD_FREQ = 10  # jieba entries with a lower count are mostly guesses
_EVERYDAY_FREQ = 2500
_COMMON_HALF_FREQ = 400  # a half this common makes the unit an ordinary phrase (差距在哪, 更高水平)
_LOW_COUNT_HALF_FREQ = 300
_RARE_HALF_FREQ = 100
_WORD_WITH_RARE_FREQ = 1000
_UNCOMMON_FREQ = 300
# Tags of names and terms. jieba tags many four-character idioms nr (承前启后, 保驾护航): not those.
_NAME_TAGS = frozenset({"ns", "nt", "nz", "j", "m", "t"})
_QUOTES_RE = re.compile(r"[“”‘’]")
_QUOTE_OR_SPACE_RE = re.compile(r"[“”‘’\s]")
_ITEM_RE = re.compile(f"[^{CLAUSE_SEPARATORS}、]+")
_LEAD_INS = frozenset("能要是到于的地们须就都也更再把将让使需应可会得又还并以")
# Characters that lead ABAC idioms productively (又好又快, 扛牢扛实, 亲力亲为); others give noise (发展发挥).
_ABAC_HEADS = frozenset("又做扛善亲边越自敢真群宜能可乱加对抓严早快常评有无不一多再大")
_TERM_ENDS = ("之年", "之际", "之时", "工作")
BLOCK = 200  # sentences scanned together: bounded memory however long the document
_CLASSIFIERS = "个套本件项名批次种条户家位"
_NOUNISH = frozenset({"n", "vn", "nz", "ns", "nt", "j", "an", "ng"})
_VERBISH = frozenset({"v", "vd", "vg"})


def _reduplicated(w: str, lex: Lexicon) -> bool:
    a, b, c, d = w[0], w[1], w[2], w[3]
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
    """A dictionary entry that is a real set expression, not two everyday words (主要矛盾, 贯彻落实).

    Entries tagged idiom (i, l, z) count unless they are plain phrases; the dictionary's low-count entries
    (count 3, tagged anything: 攻坚克难, 保驾护航) count only when one half is not an everyday word.
    """
    tag, freq = lex.tag(w), lex.freq(w)
    if len(w) != 4 or not freq or w in _NOT_IDIOMS or tag in _NAME_TAGS:
        return False
    if tag not in IDIOM_TAGS and freq > 3:
        # An entry tagged otherwise whose halves are no words is an idiom all the same: 审时度势, 聚精会神.
        return max(lex.freq(w[:2]), lex.freq(w[2:])) < _COMMON_WORD_FREQ
    if w[0] in "在对从于" and w[3] in "中上下里":
        return False  # 在工作中: a prepositional phrase
    if (tag == "l" or freq <= 3) and lex.tag(w[2:]) in _NOUNISH and lex.freq(w[2:]) >= 1000:
        return False  # a set phrase ending in a common noun: 切身利益, 忧患意识
    if freq <= 3:
        # Many low-count entries are plain phrases (认真贯彻, 高度重视): trust one only when one half is rare
        # (一抓到底, 攻坚克难) — or, for a state word, rather rare (狠抓落实).
        limit = _LOW_COUNT_HALF_FREQ if tag == "z" else _RARE_HALF_FREQ
        halves = (lex.freq(w[:2]), lex.freq(w[2:]))
        if tag not in IDIOM_TAGS and max(halves) >= _WORD_WITH_RARE_FREQ:
            return False  # 工作实绩: an everyday word and a rare one
        return min(halves) < limit
    if _two_words(w, lex, _EVERYDAY_FREQ):
        return False
    if tag == "l" and _two_words(w, lex) and lex.tag(w[2:]) in _NOUNISH and lex.tag(w[:2]) not in _VERBISH:
        return False  # a noun compound: 自然灾害
    return True


def _compositional_idiom(w: str, lex: Lexicon, left: int, right: int) -> bool:
    """A unit no dictionary knows: idiomatic when it does not read as an everyday word plus two characters
    (left and right: how common its halves are as words)."""
    if w[1] == "在" or w[2] in "要就也都较稍很太最更再能可会" or w[3] in "多少外内中里":
        return False  # 重在精准, 增速较低, 尾矿库多, 精气神外: a comment on a topic, or a place
    if w[0] in "不没未" and (lex.freq(w[:2]) >= 100 or w[1] in "愿敢能会想肯要"):
        return False  # 不愿担当: a negated verb phrase
    if left >= 100 and lex.tag(w[:2]) in _NOUNISH and w[2] in _COMMENT_STARTS:
        return False  # 标准不高
    if w[1] in _COMPLEMENTS and lex.freq(w[:2]) < _COMMON_WORD_FREQ and lex.freq(w[2:]) >= _RARE_HALF_FREQ:
        return False  # 抓出成效, 带着技术
    if lex.freq(w[1:3]) >= 500 and max(left, right) < _COMMON_WORD_FREQ:
        return False  # a window across words: 议结束后, 素成本高
    # 凝心聚力 (no half is a word), 保驾护航 / 加压奋进 (two uncommon words); not 差距在哪, 更高水平,
    # 另列门类 (an everyday word and two more characters).
    return max(left, right) < _COMMON_HALF_FREQ


def _abac_noun_pair(w: str, lex: Lexicon) -> bool:
    """职能职责, 全国全省: two everyday words sharing a first character, not an ABAC idiom."""
    return w[0] == w[2] and lex.freq(w[:2]) >= 100 and lex.freq(w[2:]) >= 100


@functools.lru_cache(maxsize=1 << 16)
def is_four_char_idiom(w: str, lex: Lexicon) -> bool:
    """Is this four-character unit (already known to stand between punctuation) an idiom?"""
    if len(w) != 4:
        return False
    if w in dictionary_idioms(lex):
        return True
    left, right = lex.freq(w[:2]), lex.freq(w[2:])
    if not _FOUR_CJK_RE.match(w) or w in _NOT_IDIOMS or w.endswith(_TERM_ENDS) or _ORDINAL_RE.match(w):
        return False
    if not _PARTICLE_SET.isdisjoint(w) or lex.tag(w) in _NAME_TAGS:
        return False
    # A reduplicated unit repeats a character: most units do not, and skip the shape tests.
    if len(set(w)) < 4 and _reduplicated(w, lex) and w[0] not in "在是和把被从" and not _abac_noun_pair(w, lex):
        return True
    if w[0] in _CLAUSE_START:
        return False
    if "而" in w[1:3] and left < 1000:
        return True  # 乘势而上, 华而不实; not 角度而言
    if left >= _COMMON_HALF_FREQ and right >= _COMMON_HALF_FREQ:
        return False  # two everyday words: 基础设施, 产业发展
    return _compositional_idiom(w, lex, left, right)


_ABAC_RE = re.compile(r"(?=(([\u4e00-\u9fff])[\u4e00-\u9fff]\2[\u4e00-\u9fff]))")
_ABAC_SHAPE_RE = re.compile(r"([\u4e00-\u9fff])[\u4e00-\u9fff]\1[\u4e00-\u9fff]")  # one, not every overlap


def _reduplicated_windows(run: str, lex: Lexicon) -> Iterator[str]:
    """ABAC units anywhere (又好又快, 扛牢扛实, 做大做强), led by a character that forms them productively."""
    for match in _ABAC_RE.finditer(run):
        i, window = match.start(), match.group(1)
        a, b, d = window[0], window[1], window[3]
        if a not in _ABAC_HEADS or b == d or b in _PARTICLES or d in _PARTICLES + _CLASSIFIERS:
            continue
        if window.startswith("越来越") or _abac_noun_pair(window, lex):
            continue
        if i + 5 <= len(run) and lex.freq(run[i + 3 : i + 5]) >= 50:
            continue  # 一月一调度: the window ends inside a word
        if i + 4 < len(run) and run[i + 4] == a:
            continue  # 多跑多谈多联系: a longer chain, not a four-character unit
        yield window


@functools.cache
def dictionary_idioms(lex: Lexicon) -> frozenset[str]:
    """Every four-character dictionary entry that counts as an idiom, decided once per dictionary."""
    return frozenset(w for w in lex.words if len(w) == 4 and is_dictionary_idiom(w, lex))


_WINDOW = 8  # bytes of four UTF-16 code units


def _window_code(window: bytes) -> int:
    return memoryview(window).cast("Q")[0]


@functools.cache
def _idiom_codes(lex: Lexicon) -> tuple[frozenset[int], dict[int, str], tuple[str, ...]]:
    """The dictionary idioms by the number their four UTF-16 code units make (and any outside the Basic
    Multilingual Plane, which take more than four: none in jieba's dictionary)."""
    words: dict[int, str] = {}
    others: list[str] = []
    for word in dictionary_idioms(lex):
        encoded = word.encode("utf-16-le")
        if len(encoded) == _WINDOW:
            words[_window_code(encoded)] = word
        else:
            others.append(word)
    return frozenset(words), words, tuple(others)


def dictionary_hits(text: str, lex: Lexicon) -> set[str]:
    """The dictionary idioms a text holds. Its UTF-16 form read as 64-bit numbers at the four alignments
    gives every 4-character window as a number, looked up in C with no string made for it; a window
    across punctuation or half a surrogate pair is no idiom's number."""
    codes, words, others = _idiom_codes(lex)
    data = memoryview(text.encode("utf-16-le"))
    found: set[int] = set()
    for offset in range(0, _WINDOW, 2):
        count = (len(data) - offset) // _WINDOW
        if count > 0:
            found.update(codes.intersection(data[offset : offset + count * _WINDOW].cast("Q")))
    return {words[code] for code in found} | {word for word in others if word in text}


def extract(sentences: list[str], lex: Lexicon) -> Iterator[Candidate]:
    for block in range(0, len(sentences), BLOCK):
        yield from _extract_block(sentences[block : block + BLOCK], lex)


def _extract_block(sentences: list[str], lex: Lexicon) -> Iterator[Candidate]:
    # One lookup of every window of a block of sentences runs in C; only the few hits are then placed in
    # their sentences.
    joined = "\n".join(sentences)
    hits = dictionary_hits(joined, lex)
    starts = list(accumulate([len(sentence) + 1 for sentence in sentences[:-1]], initial=0))
    hits_in: dict[int, set[str]] = defaultdict(set)
    for window in hits:
        at = joined.find(window)
        while at >= 0:
            hits_in[bisect_right(starts, at) - 1].add(window)
            at = joined.find(window, at + 1)
    # Sentences holding an ABAC shape, found in one scan of the block (a shape never crosses a sentence).
    abac = {bisect_right(starts, m.start()) - 1 for m in _ABAC_SHAPE_RE.finditer(joined)}
    for index, sentence in enumerate(sentences):
        seen: set[str] = set()
        if index in hits_in:
            for window in sorted(hits_in[index], key=sentence.find):
                seen.add(window)
                yield Candidate(window, window, sentence)
        if index in abac:
            for window in _reduplicated_windows(sentence, lex):
                if window not in seen:
                    seen.add(window)
                    yield Candidate(window, window, sentence)
        for unit in _boundary_idioms(sentence, lex):
            if unit not in seen:
                seen.add(unit)
                yield Candidate(unit, unit, sentence)


@functools.lru_cache(maxsize=1 << 14)  # a pure function of the sentence; set formulations recur
def _boundary_idioms(sentence: str, lex: Lexicon) -> tuple[str, ...]:
    """Four-character idioms standing alone in a clause: the whole clause or 、-item, its end after a
    lead-in (就能破茧化蝶, 做到应扶尽扶, 敢于较真碰硬) or its start before 的 (爬坡过坎的关键时期)."""
    found: list[str] = []
    for item in _items(sentence):
        if "“" in item or "”" in item:
            item = _QUOTES_RE.sub("", item)
        if len(item) == 4:
            if is_four_char_idiom(item, lex):
                found.append(item)
        elif len(item) > 4:
            if item[-5] in _LEAD_INS and lex.freq(item[-5:-3]) < 100 and is_four_char_idiom(item[-4:], lex):
                found.append(item[-4:])
            if item[4] == "的" and lex.freq(item[3:5]) < 100 and is_four_char_idiom(item[:4], lex):
                found.append(item[:4])
    return tuple(found)


def _items(sentence: str) -> list[str]:
    """The 、-items of a sentence's clauses, in order (empty ones may be among them). Without quotation
    marks or spaces, which clauses keep or lose at their ends, they are the runs between marks."""
    if _QUOTE_OR_SPACE_RE.search(sentence) is None:
        return _ITEM_RE.findall(sentence)
    return [item for clause in split_clauses(sentence) for item in clause.split("、")]
