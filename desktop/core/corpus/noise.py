"""Anti-copy noise: runs of random ASCII that some sites scatter between and inside sentences.

`9 Y8 f3 E5 k. p. Q8 f$ Y) |. D#` is told from real Latin text by its randomness, not by a list: the
run is made of many very short tokens, most of which mix character classes (upper, lower, digit,
symbol) or are bare symbols that no text uses, such as `|.` or `$`. Real Latin text in a speech is words
(GDP, Annual Report), numbers (8.3%, 1,000, 10:30), short codes standing alone (5G, PM2.5, B型) or
addresses (www.gov.cn), none of which looks like that.
"""

from __future__ import annotations

import re

from desktop.core.corpus.removals import Trace

_ASCII_RUN = re.compile(r"[\x21-\x7e]+(?:[ \t]+[\x21-\x7e]+){3,}")
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,:]\d+)*%?$")
_TEXT_MARKS = frozenset(",.;:!?\"'()")
_SHORT = 3  # a noise token is at most this long
_MIN_NOISY = 4  # noisy tokens in a run
_NOISY_SHARE = 0.6
# A spaceless token this long with this many class changes is noise too (aB3$kL9#).
_DENSE_LENGTH = 8
_DENSE_CHANGES = 0.6
# The first character before the lookbehind: the engine then skips ahead by a character class.
_DENSE_TOKEN = re.compile(r"[\x21-\x7e](?<![\x21-\x7e][\x21-\x7e])[\x21-\x7e]{7,39}(?![\x21-\x7e])")
_ODD_SYMBOLS = frozenset("$#|^~`{}[]\\<>@&*=+")


def _char_class(ch: str) -> int:
    if ch.isdigit():
        return 0
    if ch.isupper():
        return 1
    if ch.islower():
        return 2
    return 3


def _noisy(token: str) -> bool:
    """A token that only randomness makes: mixed classes in three characters or fewer, or odd symbols."""
    if len(token) > _SHORT or _NUMBER.match(token):
        return False
    if all(ch in _TEXT_MARKS for ch in token):
        return False
    if any(ch in _ODD_SYMBOLS for ch in token):
        return True
    return len({_char_class(ch) for ch in token}) >= 2


def _noise_spans(run: str) -> list[tuple[int, int]]:
    """Spans of the run that are noise: stretches of short tokens, most of them noisy."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    spans: list[tuple[int, int]] = []
    group: list[tuple[int, int]] = []
    for start, end in [*tokens, (len(run), len(run) + _SHORT + 1)]:  # a long sentinel closes the last group
        if end - start <= _SHORT:
            group.append((start, end))
            continue
        spans.extend(_judge(run, group))
        group = []
    return spans


def _judge(run: str, group: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # A plain mark at the start belongs to the text: "，9 Y8 … D#" keeps its comma.
    while group and not _noisy(run[group[0][0] : group[0][1]]) and run[group[0][0]] in _TEXT_MARKS:
        group = group[1:]
    noisy = [run[s:e] for s, e in group if _noisy(run[s:e])]
    if len(noisy) >= _MIN_NOISY and len(noisy) >= _NOISY_SHARE * len(group):
        return [(group[0][0], group[-1][1])]
    return []


def _dense_noise(token: str) -> bool:
    if "://" in token or token.lower().startswith("www.") or "@" in token and "." in token:
        return False
    classes = [_char_class(ch) for ch in token]
    changes = sum(1 for a, b in zip(classes, classes[1:]) if a != b)
    odd = sum(1 for ch in token if ch in _ODD_SYMBOLS)
    return len(set(classes)) >= 3 and odd >= 2 and changes >= _DENSE_CHANGES * (len(token) - 1)


def cut_noise(line: str, number: int, trace: Trace) -> str:
    """The line without its runs of ASCII noise."""
    if not line.isascii() and len(line.encode("ascii", "ignore")) < _DENSE_LENGTH:
        return line
    cuts: list[tuple[int, int]] = []
    for match in _ASCII_RUN.finditer(line):
        cuts.extend((match.start() + s, match.start() + e) for s, e in _noise_spans(match.group(0)))
    for match in _DENSE_TOKEN.finditer(line):
        if _dense_noise(match.group(0)) and not any(s <= match.start() < e for s, e in cuts):
            cuts.append((match.start(), match.end()))
    if not cuts:
        return line
    pieces = []
    end = 0
    for start, stop in sorted(cuts):
        pieces.append(line[end:start])
        trace.cut("ascii_noise", line[start:stop], number)
        end = stop
    pieces.append(line[end:])
    return "".join(pieces)
