"""Character classes shared by the cleaning steps: what counts as Chinese text, how wide a character is."""

from __future__ import annotations

import functools

# Chinese characters and the punctuation that lives among them (full-width forms, curly quotes, 、…—).
_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK punctuation: 、。〈〉《》「」【】〔〕
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # compatibility forms
    (0xFF01, 0xFF60),  # full-width ASCII forms: ，；：？！（）
    (0xFF61, 0xFF65),
    (0x20000, 0x2FA1F),  # supplementary ideographs
)
_CJK_EXTRA = frozenset("“”‘’…—·")

SENTENCE_END = "。！？…"
# Marks after which a line may end a paragraph.
PARAGRAPH_END = SENTENCE_END + "：；”’）」』"


def cjk_class() -> str:
    """A regular-expression class of what is_cjk accepts."""
    ranges = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _CJK_RANGES)
    return f"[{ranges}{''.join(sorted(_CJK_EXTRA))}]"


@functools.lru_cache(maxsize=8192)  # asked again and again for the same few thousand characters
def is_cjk(ch: str) -> bool:
    """Whether ch (one character, or "" for none) is Chinese text or Chinese punctuation."""
    if not ch:
        return False
    if ch in _CJK_EXTRA:
        return True
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def has_cjk(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


def width(text: str) -> float:
    """Printed width in Chinese character cells: ASCII takes half a cell; spaces are not counted."""
    ascii_count = len(text.encode("ascii", "ignore"))  # counted in C: this runs for every line of a PDF
    spaces = text.count(" ")
    wide_spaces = text.count("\u3000") + text.count("\u00a0")
    return (len(text) - ascii_count - wide_spaces) + 0.5 * (ascii_count - spaces)
