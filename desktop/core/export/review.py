"""The reviewer's copy (审阅副本): an existing .docx with findings added as Word comments, nothing else changed.

Every part of the original package is copied as it is, except the four that must change: the main
document (comment ranges and reference runs only; a run is split in two where a comment begins or ends
inside it, both halves keeping its properties), the comments part (new, or the file's own with entries
appended), the main document's relationships and [Content_Types].xml (their entries for a new comments
part). Styles, numbering, headers, settings and layout stay byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from desktop.core.corpus.docx_reader import parse_untrusted_xml
from desktop.core.errors import InputError
from desktop.core.export.comments import (
    COMMENTS_CONTENT_TYPE,
    COMMENTS_RELATIONSHIP,
    Remark,
    add_comments,
    next_comment_id,
)
from desktop.core.export.docx_import import DocxSource
from desktop.core.export.saving import save_atomically

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES_PART = "[Content_Types].xml"


def write_reviewer_copy(path: Path, source: DocxSource, remarks: Sequence[Remark], out_path: Path,
                        when: dt.datetime | None = None) -> int:
    """Write `out_path`: the .docx at `path` (read into `source`) with the remarks as comments.

    Returns the number of comments written. The target is written atomically (see saving.py).
    """
    archive = zipfile.ZipFile(io.BytesIO(source.data))
    names = set(archive.namelist())
    document_name = source.parts.document_name
    folder, base = posixpath.split(document_name)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    rels = _read(path, archive, rels_name) if rels_name in names else _new_relationships()
    comments_name = _comments_part(rels, folder)
    comments_root = None
    if comments_name and comments_name in names:
        comments_root = _read(path, archive, comments_name)
    document = source.parts.document
    first_id = next_comment_id(document, comments_root)
    comments_root, placed = add_comments(source.map, remarks, comments_root,
                                         when or dt.datetime.now(dt.timezone.utc), first_id)
    changed: dict[str, bytes] = {}  # nothing placed: the copy is the original
    if placed:
        changed[document_name] = _xml_bytes(document)
        if comments_name is None:
            comments_name = posixpath.join(folder, "comments.xml")
            _relate(rels, COMMENTS_RELATIONSHIP, posixpath.relpath(comments_name, folder or "."))
            changed[rels_name] = _xml_bytes(rels)
        changed[comments_name] = _xml_bytes(comments_root)
        content_types = _read(path, archive, CONTENT_TYPES_PART)
        if _declare(content_types, "/" + comments_name, COMMENTS_CONTENT_TYPE):
            changed[CONTENT_TYPES_PART] = _xml_bytes(content_types)
    save_atomically(_Package(archive, changed), out_path)
    return placed


class _Package:
    """The original zip with some members replaced or added, written member by member in its order."""

    def __init__(self, archive: zipfile.ZipFile, changed: dict[str, bytes]):
        self.archive, self.changed = archive, changed

    def save(self, stream) -> None:
        written = set()
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as out:
            for info in self.archive.infolist():
                data = self.changed.get(info.filename)
                out.writestr(_copy_info(info), data if data is not None else self.archive.read(info))
                written.add(info.filename)
            for name, data in self.changed.items():
                if name not in written:
                    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    out.writestr(info, data)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = info.compress_type
    copy.external_attr = info.external_attr
    return copy


def _read(path: Path, archive: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        data = archive.read(name)
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, f"不是有效的 Word 文档：“{name}”无法读取") from exc
    return parse_untrusted_xml(data, path, name)


def _xml_bytes(root: etree._Element) -> bytes:
    standalone = root.getroottree().docinfo.standalone
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=standalone)


def _new_relationships() -> etree._Element:
    return etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})


def _comments_part(rels: etree._Element, folder: str) -> str | None:
    """The part name of the main document's comments, when it has them."""
    for rel in rels.iter(f"{{{_REL_NS}}}Relationship"):
        if rel.get("Type") == COMMENTS_RELATIONSHIP and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            return posixpath.normpath(name)
    return None


def _relate(rels: etree._Element, reltype: str, target: str) -> None:
    ids = {rel.get("Id") for rel in rels.iter(f"{{{_REL_NS}}}Relationship")}
    number = 1
    while f"rId{number}" in ids:
        number += 1
    rel = etree.SubElement(rels, f"{{{_REL_NS}}}Relationship")
    rel.set("Id", f"rId{number}")
    rel.set("Type", reltype)
    rel.set("Target", target)


def _declare(content_types: etree._Element, part_name: str, content_type: str) -> bool:
    """Add an Override for the part unless one is there; True when something was added."""
    for override in content_types.iter(f"{{{_CT_NS}}}Override"):
        if override.get("PartName", "").lower() == part_name.lower():
            return False
    override = etree.SubElement(content_types, f"{{{_CT_NS}}}Override")
    override.set("PartName", part_name)
    override.set("ContentType", content_type)
    return True
