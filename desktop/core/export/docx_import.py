"""Open a draft as plain text: a .docx from Word/WPS, or a .txt in any supported encoding.

A .docx gives one line per paragraph: Word's automatic numbering becomes the literal marker Word shows
(一、 （一） 1.), a table becomes a 【表格】 line followed by one line per row, text boxes, footnotes and
comments are brought in or named in a warning — nothing is dropped silently. A line break inside the
title is layout (the title is split into lines for the page), so it is joined, not kept.
"""

from __future__ import annotations

import bisect
import logging
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from desktop.core.corpus.decode import read_text_file
from desktop.core.errors import InputError
from desktop.core.export.numbering import ListNumbering
from desktop.core.corpus.docx_reader import DocxParts, open_docx_parts
from desktop.core.corpus.files import read_bytes
from desktop.core.corpus.limits import MAX_OFFICE_BYTES
from desktop.core.export.anchors import ParagraphSpan, SourceMap, TextPiece
from desktop.core.corpus.legacy import convert_to_docx
from desktop.core.export.wordml import W, w_attr

log = logging.getLogger(__name__)

TABLE_MARK = "【表格】"
TABLE_END_MARK = "【表格完】"
CELL_SEPARATOR = "｜"
TEXTBOX_MARK = "【文本框】"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TITLE_STYLES = {"title", "标题"}
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", W + "rt", _MC_FALLBACK}  # rt: ruby (拼音) text
_DRAWING_TAGS = {W + "drawing", W + "pict", W + "object"}
# Word names header and footer parts header1.xml, footer2.xml …: ask for the usual range.
_MARGIN_PARTS = tuple(f"word/{kind}{n}.xml" for kind in ("header", "footer") for n in range(1, 31))
_MARGIN_PART = re.compile(r"word/(?:header|footer)\d+\.xml")
_OPTIONAL_PARTS = ("word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml",
                   "word/comments.xml", *_MARGIN_PARTS)


@dataclass
class ImportedDraft:
    path: Path
    text: str
    kind: str  # "docx", "doc" (converted .doc/.wps) or "txt"
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    source: DocxSource | None = None  # where the text stands in the file (import_docx with track=True)


@dataclass
class DocxSource:
    """The parsed .docx behind an imported draft: its bytes, its main part and the map from draft offsets
    to the w:t elements and paragraphs of that part (for comments anchored on findings)."""

    data: bytes
    parts: DocxParts
    map: SourceMap


def import_draft(path: str | Path) -> ImportedDraft:
    """Read a .docx or a text file as draft text (lines separated by \\n)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return import_docx(path)
    if suffix in (".doc", ".wps"):
        return _import_legacy(path)
    decoded = read_text_file(path)
    return ImportedDraft(path, decoded.text, "txt", decoded.encoding)


def _import_legacy(path: Path) -> ImportedDraft:
    """.doc/.wps through LibreOffice (when installed) into a temporary .docx, read like any other."""
    with tempfile.TemporaryDirectory(prefix="gongwen-doc-") as workdir:
        converted = convert_to_docx(path, Path(workdir))
        draft = import_docx(converted)
    warnings = [w.replace(converted.name, path.name) for w in draft.warnings]
    return ImportedDraft(path, draft.text, "doc", warnings=warnings)


def import_docx(path: str | Path, *, track: bool = False) -> ImportedDraft:
    """A .docx as draft text. `track`: also keep the parsed file and where each character came from."""
    path = Path(path)
    # The corpus reader opens untrusted .docx files safely (zip bombs, XML entities): one opener for all.
    data = read_bytes(path, MAX_OFFICE_BYTES)
    opened = open_docx_parts(path, optional=_OPTIONAL_PARTS, data=data)
    part = opened.parts.get
    document = opened.document
    styles, numbering_root = part("word/styles.xml"), part("word/numbering.xml")
    footnotes, endnotes, comments = part("word/footnotes.xml"), part("word/endnotes.xml"), part("word/comments.xml")
    margins = [root for name, root in sorted(opened.parts.items()) if _MARGIN_PART.fullmatch(name)]
    reader = _BodyReader(_StyleInfo(styles), numbering_root, track)
    body = document.find(W + "body")
    if body is None:
        raise InputError(path, "文档没有正文")
    reader.read_container(body)
    warnings = reader.warnings(path)
    notes = _count_notes(footnotes, "footnote")
    if notes:
        warnings.append(f"{path.name}：文档有 {notes} 条脚注，脚注未导入正文")
    notes = _count_notes(endnotes, "endnote")
    if notes:
        warnings.append(f"{path.name}：文档有 {notes} 条尾注，尾注未导入正文")
    margin_text = _margin_text(margins)
    if margin_text:
        warnings.append(f"{path.name}：页眉页脚中的文字未导入正文：{margin_text}")
    if comments is not None and len(comments.findall(W + "comment")):
        warnings.append(f"{path.name}：文档有 {len(comments.findall(W + 'comment'))} 条批注，批注未导入")
    for message in warnings:
        log.info("%s", message)
    source = DocxSource(data, opened, reader.source_map()) if track else None
    return ImportedDraft(path, "\n".join(reader.lines), "docx", warnings=warnings, source=source)


_PAGE_NUMBER_CHARS = re.compile(r"[\s\d—–\-第页共/·.]+")


def _margin_text(parts: list[etree._Element | None]) -> str:
    """Text of headers and footers other than page numbers ("— 1 —", "第 1 页 共 9 页"), for a warning."""
    texts: list[str] = []
    for root in parts:
        if root is None:
            continue
        for paragraph in root.iter(W + "p"):
            text = "".join(t.text or "" for t in paragraph.iter(W + "t")).strip()
            if text and _PAGE_NUMBER_CHARS.sub("", text) and text not in texts:
                texts.append(text)
    joined = "；".join(texts)
    return joined if len(joined) <= 60 else joined[:60] + "……"


def _count_notes(root: etree._Element | None, tag: str) -> int:
    if root is None:
        return 0
    # separator and continuation notes are Word's own furniture, not the writer's
    return sum(1 for n in root.findall(W + tag) if w_attr(n, "type") in ("", "normal"))


class _StyleInfo:
    """Paragraph styles: their numbering (w:numPr through w:basedOn) and whether they are a title."""

    def __init__(self, root: etree._Element | None):
        self._styles: dict[str, etree._Element] = {}
        if root is not None:
            for style in root.findall(W + "style"):
                if w_attr(style, "type") == "paragraph":
                    self._styles[w_attr(style, "styleId")] = style
        self.default_id = next((sid for sid, s in self._styles.items() if w_attr(s, "default") in ("1", "true")), "")

    def _chain(self, style_id: str):
        seen = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            based = style.find(W + "basedOn")
            style_id = w_attr(based, "val") if based is not None else ""

    def numbering(self, style_id: str) -> tuple[str, int] | None:
        num_id, ilvl = None, None
        for style in self._chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(W + "numId") is not None:
                num_id = w_attr(num_pr.find(W + "numId"), "val")
            if ilvl is None and num_pr.find(W + "ilvl") is not None:
                ilvl = int(w_attr(num_pr.find(W + "ilvl"), "val") or 0)
        return (num_id, ilvl or 0) if num_id else None

    def numbering_styles(self) -> dict[str, tuple[str, int]]:
        return {sid: num for sid in self._styles if (num := self.numbering(sid))}

    def is_title(self, style_id: str) -> bool:
        for style in self._chain(style_id):
            name = style.find(W + "name")
            if w_attr(style, "styleId").lower() in _TITLE_STYLES or (
                    name is not None and w_attr(name, "val").lower() in _TITLE_STYLES):
                return True
        return False


class _BodyReader:
    """Reads the body into lines. When tracking, each line has its marks beside it: ("t", column, w:t)
    where a w:t's text stands, ("p", start, end, w:p, number) for the span of a paragraph on the line."""

    def __init__(self, styles: _StyleInfo, numbering_root: etree._Element | None, track: bool = False):
        self.styles = styles
        self.numbering = ListNumbering(numbering_root, styles.numbering_styles())
        self.lines: list[str] = []
        self.marks: list[list[tuple]] | None = [] if track else None
        self.paragraphs = 0  # paragraphs that show something, counted as Word counts 段落数
        self.drawings = 0
        self.textboxes = 0
        self.tables = 0

    def _emit(self, line: str, marks: list[tuple] | None = None) -> None:
        self.lines.append(line)
        if self.marks is not None:
            self.marks.append(marks or [])

    def source_map(self) -> SourceMap:
        source = SourceMap(text_length=sum(len(line) + 1 for line in self.lines) - 1 if self.lines else 0)
        start = 0
        for line, marks in zip(self.lines, self.marks or ()):
            for mark in marks:
                if mark[0] == "t":
                    source.pieces.append(TextPiece(start + mark[1], mark[2]))
                else:
                    source.paragraphs.append(ParagraphSpan(start + mark[1], start + mark[2], mark[3], mark[4]))
            start += len(line) + 1
        return source

    def warnings(self, path: Path) -> list[str]:
        out = []
        if self.tables:
            out.append(f"{path.name}：{self.tables} 个表格已按行展开为文字（以“{TABLE_MARK}”标出）")
        if self.textboxes:
            out.append(f"{path.name}：{self.textboxes} 个文本框的文字已移入正文（以“{TEXTBOX_MARK}”标出）")
        if self.drawings:
            out.append(f"{path.name}：文档含 {self.drawings} 个图片或图形，图片无法作为文字导入")
        return out

    def read_container(self, container: etree._Element) -> None:
        for child in container:
            if child.tag == W + "p":
                self.read_paragraph(child)
            elif child.tag == W + "tbl":
                self.read_table(child)
            elif child.tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
                content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if content is not None:
                    self.read_container(content)

    def read_table(self, table: etree._Element) -> None:
        self.tables += 1
        self._emit(TABLE_MARK)
        for row in table.iter(W + "tr"):
            if _owning_table(row) is not table:
                continue  # rows of a nested table are read with their cell
            cells: list[str] = []
            row_marks: list[tuple] = []
            column = 0
            for cell in row.iter(W + "tc"):
                if _owning_table(cell) is not table:
                    continue
                outer, self.lines = self.lines, []
                outer_marks, self.marks = self.marks, [] if self.marks is not None else None
                self.read_container(cell)
                cell_lines, self.lines = self.lines, outer
                cell_marks, self.marks = self.marks, outer_marks
                if cells:
                    column += len(CELL_SEPARATOR)
                kept = [i for i, line in enumerate(cell_lines) if line.strip()]
                for n, i in enumerate(kept):  # the cell's lines joined by spaces, blank ones left out
                    if cell_marks is not None:
                        row_marks += [_shifted(mark, column) for mark in cell_marks[i]]
                    column += len(cell_lines[i]) + (1 if n + 1 < len(kept) else 0)
                cells.append(" ".join(cell_lines[i] for i in kept))
            self._emit(CELL_SEPARATOR.join(cells), row_marks)
        self._emit(TABLE_END_MARK)

    def read_paragraph(self, paragraph: etree._Element) -> None:
        ppr = paragraph.find(W + "pPr")
        style_id = ""
        num: tuple[str, int] | None = None
        if ppr is not None:
            style = ppr.find(W + "pStyle")
            style_id = w_attr(style, "val") if style is not None else ""
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None and num_pr.find(W + "numId") is not None:
                ilvl_el = num_pr.find(W + "ilvl")
                num = (w_attr(num_pr.find(W + "numId"), "val"), int(w_attr(ilvl_el, "val") or 0)
                       if ilvl_el is not None else 0)
        style_id = style_id or self.styles.default_id
        if num is None:
            num = self.styles.numbering(style_id)
        elif num[1] == 0 and (ppr.find(f"{W}numPr/{W}ilvl") is None):
            style_num = self.styles.numbering(style_id)
            if style_num and style_num[0] == num[0]:
                num = (num[0], style_num[1])
        join_breaks = self.styles.is_title(style_id)
        pieces: list[str] = []
        textboxes: list[etree._Element] = []
        sources: list[tuple[int, etree._Element]] | None = [] if self.marks is not None else None
        self._collect(paragraph, pieces, textboxes, join_breaks, sources)
        text = "".join(pieces)
        marker = self.numbering.marker(*num) if num else ""
        if text.strip() or marker:
            self.paragraphs += 1
            lines = text.split("\n")
            marks = _line_marks(paragraph, self.paragraphs, marker, pieces, lines, sources)
            for index, line in enumerate(lines):
                self._emit((marker if index == 0 else "") + line, marks[index] if marks else None)
        elif not textboxes:
            self._emit("")  # an empty (or blank) paragraph is a blank line of the draft
        for box in textboxes:
            self.textboxes += 1
            self._emit(TEXTBOX_MARK)
            self.read_container(box)

    def _collect(self, element: etree._Element, out: list[str], textboxes: list, join_breaks: bool,
                 sources: list | None = None) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP or tag == W + "pPr" or tag == W + "rPr":
                continue
            if tag == W + "t":
                if sources is not None:
                    sources.append((len(out), child))
                out.append(child.text or "")
            elif tag == W + "tab" and element.tag == W + "r":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                kind = w_attr(child, "type")
                if kind in ("page", "column"):
                    continue  # a page break is layout; the paragraph text goes on
                out.append("" if join_breaks else "\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "softHyphen":
                continue
            elif tag == W + "sym":
                out.append(_symbol(child))
            elif tag == W + "txbxContent":
                textboxes.append(child)
            else:
                if tag in _DRAWING_TAGS and not any(True for _ in child.iter(W + "txbxContent")):
                    self.drawings += 1
                    continue
                self._collect(child, out, textboxes, join_breaks, sources)


def _line_marks(paragraph: etree._Element, number: int, marker: str, pieces: list[str], lines: list[str],
                sources: list[tuple[int, etree._Element]] | None) -> list[list[tuple]] | None:
    """The marks of each line a paragraph gives: its span (the marker on the first line) and its w:t."""
    if sources is None:
        return None
    starts = [0]  # where each line starts in the paragraph's text
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    marks: list[list[tuple]] = [[("p", 0, len(marker) + len(lines[0]), paragraph, number)]]
    marks += [[("p", 0, len(line), paragraph, number)] for line in lines[1:]]
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    for index, t in sources:
        if "\n" in (t.text or ""):
            continue  # a line end inside a w:t: its text is not one run of the draft
        position = offsets[index]
        line = bisect.bisect_right(starts, position) - 1
        marks[line].append(("t", position - starts[line] + (len(marker) if line == 0 else 0), t))
    return marks


def _shifted(mark: tuple, by: int) -> tuple:
    if mark[0] == "t":
        return ("t", mark[1] + by, mark[2])
    return ("p", mark[1] + by, mark[2] + by, mark[3], mark[4])


def _symbol(sym: etree._Element) -> str:
    code = w_attr(sym, "char")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xE000 <= value <= 0xF8FF:  # a Symbol/Wingdings glyph: no Unicode meaning, keep a visible mark
        return "•"
    return chr(value) if value >= 0x20 else ""


def _owning_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent
