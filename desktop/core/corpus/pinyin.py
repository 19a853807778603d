"""Pinyin glosses a broken conversion or a reading aid put after characters: 衛(wèi)生, 党(dang)(dang).

A bracket right after a Chinese character holding one to four pinyin syllables goes (with a tone mark, also
after the `?` or stray letter a broken conversion left in the character's place). With a tone mark
(wèi, huì) the syllables alone are proof. Without one (dang, de) a bracket could be a writer's own (x),
(ai), so toneless glosses go only where a line holds at least two glosses: injected pinyin never comes
alone. A syllable must be one Mandarin has (initial + final), so (app), (ok) or (x) are never taken.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.core.corpus.removals import Trace

_INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINALS = (
    "(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|van|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn"
    "|ia|ua|uo|a|o|e|i|u|v)"
)
_SYLLABLE = re.compile(rf"^{_INITIALS}{_FINALS}[1-5]?$")
_TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
_GLOSS_BRACKET = r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü1-5 ]{1,30}[)）]"
# One bracket, then any more: written so, the pattern starts with a character class the engine skips to.
_GLOSS = re.compile(rf"({_GLOSS_BRACKET}(?:{_GLOSS_BRACKET})*)")
_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")
_CUT_OFF = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}$")


def _plain(syllable: str) -> str:
    """The syllable without tone marks, ü written v."""
    decomposed = unicodedata.normalize("NFD", syllable.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v")
                                       .replace("ǚ", "v").replace("ǜ", "v"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_gloss(content: str) -> tuple[bool, bool]:
    """(is pinyin, carries a tone mark)."""
    syllables = content.split()
    if not 1 <= len(syllables) <= 4:
        return False, False
    if not all(_SYLLABLE.match(_plain(s)) for s in syllables):
        return False, False
    return True, any(ch in _TONE_MARKS for ch in content)


def cut_pinyin(line: str, number: int, trace: Trace) -> str:
    if "(" not in line and "（" not in line:
        return line
    found: list[tuple[int, int, bool]] = []  # start, end, every bracket toned
    for match in _GLOSS.finditer(line):
        brackets = [_is_gloss(inner) for inner in _BRACKETED.findall(match.group(1))]
        if not brackets or not all(is_pinyin for is_pinyin, _ in brackets):
            continue
        toned = all(toned for _, toned in brackets)
        # After a Chinese character; a toned gloss also after the mojibake a broken conversion left.
        if toned or (match.start() and _CHINESE.match(line[match.start() - 1])):
            found.append((match.start(1), match.end(1), toned))
    if not found:
        return line
    many = sum(len(_BRACKETED.findall(line[s:e])) for s, e, _ in found) >= 2
    pieces = []
    end = 0
    for start, stop, toned in found:
        if not (toned or many):
            continue
        pieces.append(line[end:start])
        for piece in _BRACKETED.finditer(line[start:stop]):
            trace.cut("pinyin", piece.group(0), number)
        end = stop
    # The copy cut off in the middle of a gloss: "……在全黨(dan" — only where glosses went already.
    cut_off = _CUT_OFF.search(line, end) if end else None
    if cut_off and (cut_off.start() == end or _CHINESE.match(line[cut_off.start() - 1])):
        pieces.append(line[end : cut_off.start()])
        trace.cut("pinyin", cut_off.group(0), number)
        return "".join(pieces)
    pieces.append(line[end:])
    return "".join(pieces)
