"""Templates of parallel items: what the items share stays, what varies becomes X ("早X、早X、早X")."""

from __future__ import annotations


def _shared_length(items: list[str], from_end: bool) -> int:
    """How many characters every item shares at its start (or at its end)."""
    first = items[0]
    size = len(first)
    for item in items[1:]:
        limit = min(size, len(item))
        k = 0
        if from_end:
            while k < limit and item[-1 - k] == first[-1 - k]:
                k += 1
        else:
            while k < limit and item[k] == first[k]:
                k += 1
        size = k
        if not size:
            break
    return size


def common_prefix(items: list[str]) -> str:
    return items[0][: _shared_length(items, False)] if items else ""


def common_suffix(items: list[str]) -> str:
    if not items:
        return ""
    size = _shared_length(items, True)
    return items[0][len(items[0]) - size :]


def positional_shared(items: list[str]) -> list[bool]:
    """For items of equal length: which positions hold the same character in every item."""
    first = items[0]
    shared = [a == b for a, b in zip(first, items[1])] if len(items) > 1 else [True] * len(first)
    for item in items[2:]:
        shared = [keep and a == b for keep, a, b in zip(shared, first, item)]
    return shared


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
    return separator.join([item_template(items)] * len(items))
