"""Reading Word comments back out of a .docx, the way Word relates them: the text between each
w:commentRangeStart and w:commentRangeEnd of the same id, and the comment entries of comments.xml."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARKS = {W + "commentRangeStart", W + "commentRangeEnd"}


def anchored_text(document: etree._Element) -> dict[str, str]:
    """Comment id → the document text its range covers (w:t only, in document order)."""
    open_ids: list[str] = []
    texts: dict[str, list[str]] = {}
    for element in document.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t"):
        if element.tag == W + "commentRangeStart":
            cid = element.get(W + "id")
            open_ids.append(cid)
            texts.setdefault(cid, [])
        elif element.tag == W + "commentRangeEnd":
            open_ids.remove(element.get(W + "id"))
        else:
            for cid in open_ids:
                texts[cid].append(element.text or "")
    assert not open_ids, f"comment ranges never closed: {open_ids}"
    return {cid: "".join(parts) for cid, parts in texts.items()}


def comments(package: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(package) as z:
        root = etree.fromstring(z.read("word/comments.xml"))
    return {c.get(W + "id"): c for c in root.iter(W + "comment")}


def comment_text(comment: etree._Element) -> str:
    return "".join(t.text or "" for t in comment.iter(W + "t"))


def document(package: Path) -> etree._Element:
    with zipfile.ZipFile(package) as z:
        return etree.fromstring(z.read("word/document.xml"))


def references(document: etree._Element) -> list[str]:
    return [r.get(W + "id") for r in document.iter(W + "commentReference")]


def without_comment_marks(document: etree._Element) -> etree._Element:
    """The document with comment ranges and reference runs taken out and split runs joined again, so it
    can be compared with the original: the same paragraphs, runs of the same properties, the same text."""
    root = etree.fromstring(etree.tostring(document))
    for element in list(root.iter(*MARKS)):
        element.getparent().remove(element)
    for reference in list(root.iter(W + "commentReference")):
        run = reference.getparent()
        run.getparent().remove(run)
    return root


def flattened(root: etree._Element) -> list[tuple]:
    """Each paragraph as (its properties, then one item per character or non-text run child with the
    run's properties): what Word shows, indifferent to how characters are grouped into runs."""
    out = []
    for p in root.iter(W + "p"):
        ppr = p.find(W + "pPr")
        items: list[tuple] = [("pPr", etree.tostring(ppr) if ppr is not None else b"")]
        for child in p.iter():
            if child.tag == W + "r" and _owner(child) is p:
                rpr = child.find(W + "rPr")
                key = etree.tostring(rpr) if rpr is not None else b""
                for item in child:
                    if item.tag == W + "rPr":
                        continue
                    if item.tag == W + "t":
                        items += [(key, ch) for ch in item.text or ""]
                    else:
                        items.append((key, etree.tostring(item)))
            elif child.tag != W + "r" and child is not p and child.getparent() is p and child.tag != W + "pPr":
                items.append(("container", child.tag))
        out.append(tuple(items))
    return out


def _owner(run: etree._Element) -> etree._Element | None:
    return next(run.iterancestors(W + "p"), None)
