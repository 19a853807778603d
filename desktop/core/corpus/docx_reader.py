"""Read .docx files without trusting them.

A .docx is a zip of XML parts. Before a byte is decompressed, the zip directory's declared sizes and
compression ratios are checked (a zip bomb is refused by them); parts are then read with a hard cap. XML is
parsed with entity resolution, DTD loading and network access off, and any part that declares a DOCTYPE
or ENTITY is refused: an entity is never expanded (billion laughs) and never fetched (XXE).

open_docx_parts() is the safe opening for every reader of .docx (corpus and draft import);
read_docx_paragraphs() gives the body's paragraphs in order, table cells included.
"""

from __future__ import annotations

import io
import logging
import posixpath
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # installed with python-docx, which depends on it

from desktop.core.corpus.files import read_bytes
from desktop.core.corpus.limits import (
    MAX_DOCX_MEMBERS,
    MAX_DOCX_PART_BYTES,
    MAX_DOCX_RATIO,
    MAX_DOCX_TOTAL_BYTES,
    MAX_OFFICE_BYTES,
    MB,
    format_size,
)
from desktop.core.errors import InputError

log = logging.getLogger(__name__)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
DOCUMENT_PART = "word/document.xml"
STYLES_PART = "word/styles.xml"
NUMBERING_PART = "word/numbering.xml"

_W = f"{{{W_NS}}}"
# Members smaller than this may compress as well as they like: they cannot exhaust memory.
_RATIO_CHECK_FLOOR = 1 * MB
_CORRUPT = "不是有效的 Word 文档（文件已损坏，或不是 Word 2007 及以后的 .docx 格式）"


@dataclass(frozen=True)
class DocxParts:
    """The parsed XML of a .docx: the main document and any other parts asked for that exist."""

    document: etree._Element
    parts: dict[str, etree._Element] = field(default_factory=dict)
    document_name: str = DOCUMENT_PART


@dataclass(frozen=True)
class DocxParagraph:
    text: str  # soft line breaks (w:br) kept as \n, tabs as \t
    style: str = ""  # the paragraph style id (w:pStyle), e.g. "Heading1"
    in_table: bool = False


def open_docx_parts(path: str | Path, optional: Iterable[str] = (), data: bytes | None = None) -> DocxParts:
    """Open a .docx safely and parse its main document plus the optional parts that exist.

    data: the file's bytes when the caller has read them already (path then only names the file).
    Raises InputError naming the file for anything corrupt, oversized or suspicious.
    """
    path = Path(path)
    if data is None:
        data = read_bytes(path, MAX_OFFICE_BYTES)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(path, "这是旧版 Word（.doc）格式或受密码保护的文档；请在 Word 中另存为 .docx 后导入")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise InputError(path, _CORRUPT) from None
    with archive:
        _check_declared_sizes(path, archive)
        names = set(archive.namelist())
        document_name = _main_document_name(path, archive, names)
        if document_name not in names:
            raise InputError(path, "不是有效的 Word 文档（缺少正文部分 word/document.xml）")
        document = _parse_part(path, archive, document_name)
        parts = {name: _parse_part(path, archive, name) for name in optional if name in names}
    return DocxParts(document=document, parts=parts, document_name=document_name)


def read_docx_paragraphs(path: str | Path, data: bytes | None = None) -> list[DocxParagraph]:
    """The body's paragraphs in document order; each table cell's paragraphs where the table stands."""
    parts = open_docx_parts(path, data=data)
    body = parts.document.find(f"{_W}body")
    if body is None:
        raise InputError(path, "不是有效的 Word 文档（正文中没有 w:body）")
    paragraphs = []
    for paragraph in body.iter(f"{_W}p"):
        if _under_fallback(paragraph):
            continue  # mc:Fallback repeats what mc:Choice already holds (text boxes)
        text = _paragraph_text(paragraph)
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        paragraphs.append(
            DocxParagraph(
                text=text,
                style=style.get(f"{_W}val", "") if style is not None else "",
                in_table=any(True for _ in paragraph.iterancestors(f"{_W}tc")),
            )
        )
    return paragraphs


def docx_text(path: str | Path, data: bytes | None = None) -> str:
    """The body's text, one paragraph a line (soft line breaks become lines too)."""
    return "\n".join(p.text.replace("\t", " ") for p in read_docx_paragraphs(path, data=data))


def _check_declared_sizes(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse by the zip directory alone, before anything is decompressed."""
    infos = archive.infolist()
    if len(infos) > MAX_DOCX_MEMBERS:
        raise InputError(path, f"压缩包内文件过多（{len(infos)} 个），不像 Word 文档，已拒绝")
    total = sum(info.file_size for info in infos)
    if total > MAX_DOCX_TOTAL_BYTES:
        raise InputError(
            path,
            f"解压后声明大小 {format_size(total)}，超过上限 {format_size(MAX_DOCX_TOTAL_BYTES)}，"
            "疑似压缩炸弹，已拒绝",
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(path, "文档内容已加密，无法读取")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_CHECK_FLOOR and ratio > MAX_DOCX_RATIO:
            raise InputError(
                path,
                f"“{info.filename}”压缩比异常（{ratio:.0f} 倍，解压后 {format_size(info.file_size)}），"
                "疑似压缩炸弹，已拒绝",
            )


def _main_document_name(path: Path, archive: zipfile.ZipFile, names: set[str]) -> str:
    """The main part named by _rels/.rels (nearly always word/document.xml)."""
    if "_rels/.rels" not in names:
        return DOCUMENT_PART
    rels = _parse_part(path, archive, "_rels/.rels")
    for rel in rels.iter(f"{{{_REL_NS}}}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "").lstrip("/")
            return posixpath.normpath(target) if target else DOCUMENT_PART
    return DOCUMENT_PART


def _parse_part(path: Path, archive: zipfile.ZipFile, name: str) -> etree._Element:
    info = archive.getinfo(name)
    if info.file_size > MAX_DOCX_PART_BYTES:
        raise InputError(
            path,
            f"“{name}”解压后声明大小 {format_size(info.file_size)}，"
            f"超过上限 {format_size(MAX_DOCX_PART_BYTES)}，已拒绝",
        )
    try:
        with archive.open(info) as member:
            # The zip reader stops at the declared size and checks the CRC, so a lying header fails here.
            data = member.read(MAX_DOCX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise InputError(path, f"{_CORRUPT}：“{name}”无法解压") from None
    if len(data) > MAX_DOCX_PART_BYTES:
        raise InputError(path, f"“{name}”解压后超过上限 {format_size(MAX_DOCX_PART_BYTES)}，已拒绝")
    return parse_untrusted_xml(data, path, name)


def parse_untrusted_xml(data: bytes, path: str | Path | None, name: str) -> etree._Element:
    """Parse XML from an untrusted file: no DTD, no entities, no network; a DOCTYPE is refused."""
    if _declares_dtd(data):
        raise InputError(
            path, f"“{name}”含有 DOCTYPE/ENTITY 声明（Word 从不写入，可能是恶意构造的文件），已拒绝"
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"{_CORRUPT}：“{name}”不是有效的 XML（{exc.msg}）") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise InputError(path, f"“{name}”含有 DOCTYPE 声明，已拒绝")
    return root


def _declares_dtd(data: bytes) -> bool:
    """A DOCTYPE or ENTITY declaration in any of the encodings XML allows (UTF-8, UTF-16)."""
    probes = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")
    for encoding in ("utf-16-le", "utf-16-be"):
        probes += tuple(probe.decode("ascii").encode(encoding) for probe in probes[:4])
    return any(probe in data for probe in probes)


def _under_fallback(element: etree._Element) -> bool:
    return any(True for _ in element.iterancestors(f"{{{MC_NS}}}Fallback"))


def _paragraph_text(paragraph: etree._Element) -> str:
    """The paragraph's own text: runs, tabs and breaks, not the text of paragraphs nested in it."""
    pieces: list[str] = []
    for element in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        owner = next(element.iterancestors(f"{_W}p"), None)
        if owner is not paragraph or _under_fallback(element):
            continue
        tag = element.tag
        if tag == f"{_W}t":
            pieces.append(element.text or "")
        elif tag == f"{_W}tab":
            if element.getparent() is not None and element.getparent().tag == f"{_W}r":
                pieces.append("\t")  # a w:tab in w:pPr/w:tabs is a tab stop, not text
        elif tag == f"{_W}noBreakHyphen":
            pieces.append("-")
        else:
            pieces.append("\n")
    return "".join(pieces)
