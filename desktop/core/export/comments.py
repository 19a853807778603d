"""Findings written into a Word file as comments (批注): the comments part and its entries.

Each remark becomes a w:comment by 公文写作助手 whose text is the rule code and the message, anchored
on the remark's span of the draft (desktop.core.export.anchors). Used by the export (`--comments`) and
by the reviewer's copy of an existing .docx (desktop.core.export.review).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from lxml import etree

from desktop.core.corpus.docx_reader import W_NS
from desktop.core.export.anchors import Anchor, SourceMap, anchor_comments
from desktop.core.export.wordml import W

AUTHOR = "公文写作助手"
INITIALS = "GW"
COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_COMMENT_SIZE_HALF_POINTS = "20"  # 10 pt, Word's own size for comment text
_XML_INVALID = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")


@dataclass(frozen=True)
class Remark:
    """What to say about the draft span [offset, offset + length)."""

    offset: int
    length: int
    text: str


class Finding(Protocol):
    code: str
    message: str
    offset: int
    length: int


def remarks_for(findings: Iterable[Finding]) -> list[Remark]:
    """The comments findings become (lint diagnostics, the window's findings): rule code and message, each
    on its own span."""
    return [Remark(f.offset, f.length, f"{f.code} {f.message}") for f in findings]


def add_comments(source: SourceMap, remarks: Sequence[Remark], comments_root: etree._Element | None,
                 when: dt.datetime, first_id: int = 0) -> tuple[etree._Element, int]:
    """Anchor the remarks in the tree of `source` and add their w:comment entries to `comments_root`
    (a new w:comments element when None). Returns the comments element and the number placed."""
    if comments_root is None:
        comments_root = etree.Element(W + "comments", nsmap={"w": W_NS})
    by_id = {first_id + i: remark for i, remark in enumerate(remarks)}
    placed = anchor_comments(source, [Anchor(i, r.offset, r.length) for i, r in by_id.items()])
    date = when.astimezone(dt.timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    for anchor in placed:
        comments_root.append(_comment(anchor.comment_id, by_id[anchor.comment_id].text, date))
    return comments_root, len(placed)


def next_comment_id(*roots: etree._Element | None) -> int:
    """One above every annotation id (w:id) used in the given parts, so new comments clash with none."""
    highest = -1
    for root in roots:
        if root is None:
            continue
        for element in root.iter():
            value = element.get(W + "id") if isinstance(element.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                highest = max(highest, int(value))
    return highest + 1


def _comment(comment_id: int, text: str, date: str) -> etree._Element:
    comment = etree.Element(W + "comment")
    comment.set(W + "id", str(comment_id))
    comment.set(W + "author", AUTHOR)
    comment.set(W + "date", date)
    comment.set(W + "initials", INITIALS)
    p = etree.SubElement(comment, W + "p")
    ppr = etree.SubElement(p, W + "pPr")
    # direct formatting, so the document's own styles (16 pt, exact line spacing) stay out of the balloon
    spacing = etree.SubElement(ppr, W + "spacing")
    for name, value in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(W + name, value)
    ind = etree.SubElement(ppr, W + "ind")
    for name in ("left", "right", "firstLine"):
        ind.set(W + name, "0")
    etree.SubElement(ppr, W + "jc").set(W + "val", "left")
    mark = etree.SubElement(p, W + "r")
    _small(mark)
    etree.SubElement(mark, W + "annotationRef")
    run = etree.SubElement(p, W + "r")
    _small(run)
    t = etree.SubElement(run, W + "t")
    t.text = text.translate({ord(c): None for c in _XML_INVALID})
    if len(t.text.strip()) < len(t.text):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return comment


def _small(run: etree._Element) -> None:
    rpr = etree.SubElement(run, W + "rPr")
    for tag in ("sz", "szCs"):
        etree.SubElement(rpr, W + tag).set(W + "val", _COMMENT_SIZE_HALF_POINTS)
