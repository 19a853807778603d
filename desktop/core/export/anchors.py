"""Where the draft's characters stand in WordprocessingML, and comments anchored on draft spans.

A `SourceMap` ties the draft text to a document tree: each w:t element with the draft offset of its
first character, and each paragraph with its span. The export writer records one as it builds the
body; the .docx import records one as it reads a file. `anchor_comments` then marks draft spans with
w:commentRangeStart / w:commentRangeEnd and a w:commentReference run, splitting runs where a span
begins or ends inside one (the halves keep the run's properties, so nothing shows differently).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field

from desktop.core.export.wordml import W

_R, _T, _RPR, _PPR = W + "r", W + "t", W + "rPr", W + "pPr"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class TextPiece:
    """A w:t element whose text starts at `offset` in the draft text.

    `skipped`: positions (relative to `offset`) of draft characters the element leaves out (control
    characters XML cannot hold), so the element's text is shorter than the draft span by their number.
    """

    offset: int
    element: object  # the w:t element
    skipped: tuple[int, ...] = ()

    @property
    def end(self) -> int:
        return self.offset + len(self.element.text or "") + len(self.skipped)

    def index_of(self, offset: int) -> int:
        """The character index in the element of the draft character at `offset` (or the next kept one)."""
        rel = offset - self.offset
        return rel - sum(1 for s in self.skipped if s < rel)


@dataclass(frozen=True)
class ParagraphSpan:
    """A w:p whose text (numbering marker included) is draft[start:end]; `number` counts paragraphs that
    show something, in document order (table cells and text boxes included)."""

    start: int
    end: int
    element: object
    number: int


@dataclass
class SourceMap:
    pieces: list[TextPiece] = field(default_factory=list)  # in document order = draft order
    paragraphs: list[ParagraphSpan] = field(default_factory=list)
    text_length: int = 0  # of the draft
    _starts: list[int] = field(default_factory=list, repr=False)

    def paragraph_at(self, offset: int) -> ParagraphSpan | None:
        """The paragraph holding `offset`, or the next one after it; the last one for the end of the draft
        (where a finding says something is missing); None past the end."""
        if len(self._starts) != len(self.paragraphs):
            self._starts = [p.start for p in self.paragraphs]
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        if index + 1 < len(self.paragraphs):
            return self.paragraphs[index + 1]
        return self.paragraphs[-1] if self.paragraphs and offset <= self.text_length else None


@dataclass(frozen=True)
class Anchor:
    """A span of the draft to mark with the comment `comment_id`."""

    comment_id: int
    offset: int
    length: int


def anchor_comments(source: SourceMap, anchors: Iterable[Anchor]) -> list[Anchor]:
    """Mark each anchor's span in the tree; returns the anchors placed (one past the end of the draft is
    left out).

    A span starts at its first character the document holds as text and ends at its last; a span
    holding none (it lies on Word's automatic numbering, or says something is missing at the end) marks
    its whole paragraph. A span that runs on into later paragraphs is cut at the end of its first one.
    """
    pieces = source.pieces
    piece_ends = [p.end for p in pieces]
    starts: dict[tuple[int, int], list[Anchor]] = {}
    ends: dict[tuple[int, int], list[Anchor]] = {}
    whole: list[tuple[Anchor, ParagraphSpan]] = []
    placed = []
    for anchor in anchors:
        paragraph = source.paragraph_at(anchor.offset)
        if paragraph is None:
            continue
        stop = min(anchor.offset + max(anchor.length, 1), paragraph.end)
        first = _first_char(pieces, piece_ends, max(anchor.offset, paragraph.start), stop)
        last = _last_char(pieces, piece_ends, max(anchor.offset, paragraph.start), stop)
        if first is None or last is None:
            whole.append((anchor, paragraph))
        else:
            starts.setdefault(first, []).append(anchor)
            after = (last[0], last[1] + 1)
            ends.setdefault(after, []).append(anchor)
        placed.append(anchor)
    # Cuts from the last to the first: a cut only splits elements at or after its own place, so the
    # (element, index) of every earlier cut stays valid.
    for cut in sorted(set(starts) | set(ends), reverse=True):
        piece = pieces[cut[0]]
        before, container = _split_before(piece.element, cut[1])
        markers = []
        for anchor in ends.get(cut, ()):
            markers += [_range_mark("commentRangeEnd", anchor.comment_id), _reference_run(anchor.comment_id)]
        for anchor in starts.get(cut, ()):
            markers.append(_range_mark("commentRangeStart", anchor.comment_id))
        for marker in markers:
            if before is not None:
                before.addprevious(marker)
            else:
                container.append(marker)
    for anchor, paragraph in whole:
        p = paragraph.element
        ppr = p.find(_PPR)
        start = _range_mark("commentRangeStart", anchor.comment_id)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(_range_mark("commentRangeEnd", anchor.comment_id))
        p.append(_reference_run(anchor.comment_id))
    return placed


def _first_char(pieces: Sequence[TextPiece], piece_ends: list[int], start: int, stop: int):
    """(piece index, character index) of the first character in [start, stop) held by a w:t."""
    index = bisect.bisect_right(piece_ends, start)
    while index < len(pieces) and pieces[index].offset < stop:
        piece = pieces[index]
        position = max(start, piece.offset)
        char = piece.index_of(position)
        if char < len(piece.element.text or "") and position < stop:
            return index, char
        index += 1
    return None


def _last_char(pieces: Sequence[TextPiece], piece_ends: list[int], start: int, stop: int):
    """(piece index, character index) of the last character in [start, stop) held by a w:t."""
    index = bisect.bisect_left(piece_ends, stop)
    index = min(index, len(pieces) - 1)
    while index >= 0 and pieces[index].end > start:
        piece = pieces[index]
        if piece.offset < stop:
            position = min(stop, piece.end) - 1
            while position >= max(start, piece.offset) and position - piece.offset in piece.skipped:
                position -= 1
            if position >= max(start, piece.offset):
                return index, piece.index_of(position)
        index -= 1
    return None


def _split_before(t, index: int):
    """Split so that a boundary falls before character `index` of the w:t `t`.

    Returns (the element that now starts at the boundary, its parent); the element is None when the
    boundary is at the end of the parent (then markers are appended to it).
    """
    text = t.text or ""
    run = t.getparent()
    if 0 < index < len(text):
        tail = t.makeelement(t.tag, {})
        tail.text = text[index:]
        t.text = text[:index]
        for part in (t, tail):
            _preserve_spaces(part)
        t.addnext(tail)
        first = tail
    elif index == 0:
        first = t
    else:
        first = t.getnext()
    if run.tag != _R:  # a w:t outside a run is not WordprocessingML; mark beside it
        return first, t.getparent()
    content = [child for child in run if child.tag != _RPR]
    if first is None:  # the boundary is after the run
        return run.getnext(), run.getparent()
    if first is content[0]:
        return run, run.getparent()
    rest = run.makeelement(_R, dict(run.attrib))
    rpr = run.find(_RPR)
    if rpr is not None:
        rest.append(copy(rpr))
    moving = content[content.index(first):]
    for child in moving:
        rest.append(child)  # moves it
    run.addnext(rest)
    return rest, run.getparent()


def _preserve_spaces(t) -> None:
    text = t.text or ""
    if len(text.strip()) < len(text):
        t.set(_XML_SPACE, "preserve")
    else:
        t.attrib.pop(_XML_SPACE, None)


def _range_mark(name: str, comment_id: int):
    from lxml import etree

    element = etree.Element(W + name)
    element.set(W + "id", str(comment_id))
    return element


def _reference_run(comment_id: int):
    from lxml import etree

    run = etree.Element(_R)
    reference = etree.SubElement(run, W + "commentReference")
    reference.set(W + "id", str(comment_id))
    return run
