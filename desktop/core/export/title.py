"""Split a long title into lines of at most N characters, between words and never inside 《…》.

GB/T 9704 7.3.1: the title may take several lines, broken between words, in a balanced (梯形/菱形)
arrangement. Word boundaries come from jieba, loaded only when a title is too long for one line.
"""

from __future__ import annotations

import functools
import logging
import re

log = logging.getLogger(__name__)

# A line should not start with these (particles, closing marks) nor end with opening marks.
_BAD_START = set("的之和与及了，、。：；？！）》”’」』")
_BAD_END = set("《（“‘「『")
_BOOK_TITLE = re.compile(r"《[^《》]*》|“[^“”]*”|（[^（）]*）")


def width(text: str) -> float:
    """Display width in full-width characters: ASCII letters and digits count half."""
    return sum(0.5 if ord(ch) < 0x80 else 1 for ch in text)


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _tokens(text: str) -> list[str]:
    """Words, with 《…》, “…” and （…） spans kept whole."""
    tokens: list[str] = []
    pos = 0
    for match in _BOOK_TITLE.finditer(text):
        tokens.extend(_words(text[pos:match.start()]))
        tokens.append(match.group())
        pos = match.end()
    tokens.extend(_words(text[pos:]))
    return [t for t in tokens if t]


def _words(text: str) -> list[str]:
    if not text:
        return []
    return list(_jieba().cut(text, HMM=False))


def split_title(text: str, max_chars: int) -> list[str]:
    """Lines of a title, each at most max_chars wide when the words allow, as even as possible."""
    text = text.strip()
    if max_chars <= 0 or width(text) <= max_chars:
        return [text]
    tokens = _tokens(text)
    # A token wider than a line (a very long 《…》) has to be broken inside: fall back to characters.
    if any(width(t) > max_chars for t in tokens):
        tokens = [ch for t in tokens for ch in (t if width(t) > max_chars else [t])]
    n_lines = int(-(-width(text) // max_chars))
    for lines_wanted in range(n_lines, n_lines + 3):
        best = _best_split(tokens, max_chars, lines_wanted, width(text) / lines_wanted)
        if best:
            return best
    return [text]


def _best_split(tokens: list[str], max_chars: int, n_lines: int, target: float) -> list[str] | None:
    """Dynamic programme over token boundaries: n_lines lines, each ≤ max_chars, least squared deviation."""
    n = len(tokens)
    widths = [width(t) for t in tokens]
    inf = float("inf")
    # cost[k][i]: best cost of putting tokens[:i] into k lines
    cost = [[inf] * (n + 1) for _ in range(n_lines + 1)]
    back = [[-1] * (n + 1) for _ in range(n_lines + 1)]
    cost[0][0] = 0.0
    for k in range(1, n_lines + 1):
        for i in range(1, n + 1):
            line_w = 0.0
            for j in range(i - 1, -1, -1):
                line_w += widths[j]
                if line_w > max_chars:
                    break
                if cost[k - 1][j] == inf:
                    continue
                line = "".join(tokens[j:i])
                penalty = (line_w - target) ** 2
                if line[0] in _BAD_START:
                    penalty += 100
                if line[-1] in _BAD_END:
                    penalty += 100
                total = cost[k - 1][j] + penalty
                if total < cost[k][i]:
                    cost[k][i] = total
                    back[k][i] = j
    if cost[n_lines][n] == inf:
        return None
    lines: list[str] = []
    i = n
    for k in range(n_lines, 0, -1):
        j = back[k][i]
        lines.append("".join(tokens[j:i]))
        i = j
    return list(reversed(lines))
