"""Templates of parallel items: what the items share stays, what varies becomes X ("早X、早X、早X")."""

from __future__ import annotations

import os


def common_prefix(items: list[str]) -> str:
    return os.path.commonprefix(items)


def common_suffix(items: list[str]) -> str:
    return os.path.commonprefix([item[::-1] for item in items])[::-1]


def positional_shared(items: list[str]) -> list[bool]:
    """For items of equal length: which positions hold the same character in every item."""
    length = len(items[0])
    return [all(item[i] == items[0][i] for item in items) for i in range(length)]


def item_template(items: list[str]) -> str:
    """The shape of one item: shared characters kept, varying runs collapsed to one X."""
    if len({len(item) for item in items}) == 1:
        shared = positional_shared(items)
        chars = [ch if keep else "X" for ch, keep in zip(items[0], shared)]
    else:
        prefix, suffix = common_prefix(items), common_suffix(items)
        if len(prefix) + len(suffix) > min(len(item) for item in items):
            suffix = ""
        chars = list(prefix) + ["X"] + list(suffix)
    out: list[str] = []
    for ch in chars:
        if not (ch == "X" and out and out[-1] == "X"):
            out.append(ch)
    return "".join(out)


def run_template(items: list[str], separator: str = "、") -> str:
    shape = item_template(items)
    return separator.join([shape] * len(items))
