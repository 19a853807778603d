"""Templates of parallel items: what the items share stays, what varies becomes X ("早X、早X、早X")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import and_, eq

_X_RUN_RE = re.compile("X{2,}")  # a varying run is one X, however long (and so are placeholders beside it)


def common_prefix(items: Sequence[str]) -> str:
    """The characters every item starts with."""
    return _shared_end(items, False)


def common_suffix(items: Sequence[str]) -> str:
    """The characters every item ends with."""
    return _shared_end(items, True)


def _shared_end(items: Sequence[str], from_end: bool) -> str:
    if not items:
        return ""
    shared = items[0]
    for item in items:
        # Most items differ at once or share all: checked in C before counting characters.
        if shared and not (item.endswith(shared) if from_end else item.startswith(shared)):
            size = min(len(shared), len(item))
            k = 0
            if from_end:
                while k < size and item[-1 - k] == shared[-1 - k]:
                    k += 1
                shared = shared[len(shared) - k :]
            else:
                while k < size and item[k] == shared[k]:
                    k += 1
                shared = shared[:k]
    return shared


def positional_shared(items: Sequence[str]) -> list[bool]:
    """For items of equal length: which positions hold the same character in every item."""
    first = items[0]
    shared = list(map(eq, first, items[1])) if len(items) > 1 else [True] * len(first)
    for item in items[2:]:
        shared = list(map(and_, shared, map(eq, first, item)))
    return shared


def item_template(items: Sequence[str]) -> str:
    """The shape of one item: shared characters kept, varying runs collapsed to one X."""
    if len({len(item) for item in items}) == 1:
        shared = positional_shared(items)
        template = "".join([ch if keep else "X" for ch, keep in zip(items[0], shared)])
    else:
        prefix, suffix = common_prefix(items), common_suffix(items)
        if len(prefix) + len(suffix) > min(len(item) for item in items):
            suffix = ""
        template = prefix + "X" + suffix
    return _X_RUN_RE.sub("X", template) if "XX" in template else template


def run_template(items: Sequence[str], separator: str = "、") -> str:
    return separator.join([item_template(items)] * len(items))
