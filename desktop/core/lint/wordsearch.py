"""One regular expression for a list of words, shaped as a trie (其它|其他 → 其[它他]) so the matcher
rejects a position after its first character instead of trying every word there: word lists are checked
against every paragraph while the writer types."""

from __future__ import annotations

import re
from functools import lru_cache


def _trie(words: list[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return root


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    single = all(len(b) == 1 or (b.startswith("\\") and len(b) == 2) for b in branches)
    body = "[" + "".join(branches) + "]" if single and len(branches) > 1 else "(?:" + "|".join(branches) + ")"
    return body + ("?" if ends else "")


def literal_pattern(words) -> re.Pattern[str] | None:
    """A pattern matching any of `words` (the longest at each place), or None for no words."""
    return _compiled(tuple(sorted({w for w in words if w})))


@lru_cache(maxsize=32)
def _compiled(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Built once per list: a checker made for every check (the command line, the bench) reuses it."""
    return re.compile(_pattern(_trie(list(words)))) if words else None
