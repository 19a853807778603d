"""Where the draft's characters stand in WordprocessingML: the w:t elements and their offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextPiece:
    """A w:t element whose text starts at `offset` in the draft text.

    `skipped`: positions (relative to `offset`) of draft characters the element leaves out (control
    characters XML cannot hold), so the element's text is shorter than the draft span by their number.
    """

    offset: int
    element: object  # the w:t element
    skipped: tuple[int, ...] = ()
