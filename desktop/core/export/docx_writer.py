"""Write the outline of a draft as a .docx laid out by a profile (GB/T 9704-2012 or a reading copy).

Layout follows from the structure: each block kind takes a role of the profile (title, byline,
headings by level, body…); a run-in heading gives only its heading part the heading font.
The grid (22 lines × 28 characters for 公文) is made without Word's character grid, which LibreOffice
renders at 13–14 characters a line: exact line spacing of the line pitch, and body characters condensed
just enough for 28 to fit the type area (see docs/EXPORT.md).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips
from lxml.etree import SubElement

from desktop import __version__
from desktop.core.export import ooxml
from desktop.core.export.anchors import ParagraphSpan, SourceMap, TextPiece
from desktop.core.export.comments import COMMENTS_CONTENT_TYPE, COMMENTS_RELATIONSHIP, Remark, add_comments
from desktop.core.export.fonts import FontCatalog, FontChoice, choose, installed_fonts
from desktop.core.export.profile import Profile, Role
from desktop.core.export.saving import save_atomically
from desktop.core.export.title import split_title
from desktop.core.outline import Block, BlockKind, Outline, parse_outline

log = logging.getLogger(__name__)

APP_NAME = "公文写作助手 Gongwen"
# Paragraph style of each role: Word's built-in ones where they exist (the navigation pane shows headings).
STYLE_NAMES = {
    "title": "Title", "subtitle": "Subtitle", "byline": "Byline", "salutation": "Salutation",
    "body": "Normal", "closing": "Closing",
    "heading1": "Heading 1", "heading2": "Heading 2", "heading3": "Heading 3", "heading4": "Heading 4",
}
_ROLE_OF_KIND = {
    BlockKind.TITLE: "title", BlockKind.SUBTITLE: "subtitle", BlockKind.BYLINE: "byline",
    BlockKind.SALUTATION: "salutation", BlockKind.PARAGRAPH: "body", BlockKind.CLOSING: "closing",
}
_BLANK = " \t\u3000\xa0"
_FRONT_MATTER = {BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.BYLINE}


@dataclass
class ExportResult:
    path: Path | None
    paragraphs: int
    fonts: dict[str, FontChoice]
    warnings: list[str] = field(default_factory=list)
    comments: int = 0  # findings written as Word comments


@dataclass(frozen=True)
class _Fonts:
    names: dict[str, str]  # chain key -> font named in the document
    latin: str


def used_font_keys(profile: Profile) -> set[str]:
    return {role.font for role in profile.roles.values()} | {profile.page_number.font, profile.latin_font}


MISSING_FONTS = "本机未安装以下字体"  # how the warning about fonts begins
_ROLE_LABELS = {
    "title": "标题", "subtitle": "副标题", "byline": "署名与日期", "salutation": "称谓", "body": "正文",
    "closing": "结尾", "heading1": "一级标题", "heading2": "二级标题", "heading3": "三级标题", "heading4": "四级标题",
}


def resolve_fonts(profile: Profile, catalog: FontCatalog | None = None) -> tuple[dict[str, FontChoice], list[str]]:
    """The font of each chain; one warning naming every chain with no installed font."""
    catalog = catalog if catalog is not None else installed_fonts()
    choices = {key: choose(key, chain, catalog) for key, chain in profile.fonts.items()}
    used = used_font_keys(profile)
    missing = [choices[k].name for k in profile.fonts if k in used and not choices[k].installed]
    warnings = []
    if missing:
        warnings.append(f"{MISSING_FONTS}，文档中仍按名称指定，在装有这些字体的电脑上显示正确：{'、'.join(missing)}")
    return choices, warnings


def font_report(profile: Profile, catalog: FontCatalog | None = None) -> list[str]:
    """One line per font the profile uses: what it sets, the font named, and whether this computer has it."""
    choices, _ = resolve_fonts(profile, catalog)
    lines = []
    for key in profile.fonts:
        users = [_ROLE_LABELS[name] for name, role in profile.roles.items() if role.font == key]
        users += ["页码"] if profile.page_number.font == key else []
        users += ["数字与西文"] if profile.latin_font == key else []
        if not users:
            continue
        choice = choices[key]
        state = "本机已安装" if choice.installed else "本机未安装：文档中照写此名，在装有该字体的电脑上显示正确"
        lines.append(f"{'、'.join(users)}：{choice.name}（{state}）")
    return lines


def build_document(text: str, profile: Profile, *, outline: Outline | None = None,
                   catalog: FontCatalog | None = None, created: dt.datetime | None = None,
                   remarks: Sequence[Remark] = ()) -> tuple[Document, ExportResult]:
    """The .docx of a draft, in memory. `outline` may be given when the caller has parsed `text` already.

    `remarks` (offsets into the text) become Word comments anchored on their spans.
    """
    choices, warnings = resolve_fonts(profile, catalog)
    fonts = _Fonts({k: c.name for k, c in choices.items()}, choices[profile.latin_font].name)
    document = docx.Document()
    _drop_template_extras(document)
    _setup_section(document, profile)
    _setup_settings(document, profile)
    _setup_styles(document, profile, fonts)
    if outline is None:
        outline = parse_outline(text.replace("\r\n", "\n").replace("\r", "\n"))
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty paragraph
        body.remove(p)
    builder = _Builder(body, _style_ids(document), profile, fonts)
    builder.source.text_length = len(outline.text)
    blocks = outline.blocks
    for index, block in enumerate(blocks):
        paragraph = builder.add_block(outline.text, block)
        if paragraph is None:
            continue
        following = blocks[index + 1].kind if index + 1 < len(blocks) else None
        if block.kind in _FRONT_MATTER and following not in _FRONT_MATTER:
            # the blank line(s) after the title go after the whole title block (title, subtitle, bylines)
            lines = profile.roles["title"].space_after
            builder.space_after(paragraph, lines * profile.line_pitch)
    body.append(body.find(qn("w:sectPr")))  # paragraphs were appended after it: it goes last again
    commented = _add_comments(document, builder.source, remarks, created) if remarks else 0
    if builder.dropped:
        warnings.append(f"文稿中有 {builder.dropped} 个不可见的控制字符（多见于从 PDF 复制的文字），"
                        "Word 文档无法保存它们，已去掉")
    _add_footers(document, profile, fonts)
    title_block = outline.title
    title = outline.text[title_block.start:title_block.end].strip(_BLANK) if title_block else ""
    _set_properties(document, _xml_safe(title)[0], created)
    _set_font_table(document, sorted(set(fonts.names[k] for k in used_font_keys(profile)) | {fonts.latin}))
    return document, ExportResult(None, builder.count, choices, warnings, commented)


def export_docx(text: str, out_path: str | Path, profile: Profile, *, outline: Outline | None = None,
                catalog: FontCatalog | None = None, created: dt.datetime | None = None,
                remarks: Sequence[Remark] = ()) -> ExportResult:
    """Build the document and write it atomically to out_path."""
    document, result = build_document(text, profile, outline=outline, catalog=catalog, created=created,
                                      remarks=remarks)
    out_path = Path(out_path)
    save_atomically(document, out_path)
    result.path = out_path
    log.info("exported %d paragraphs to %s with profile %s", result.paragraphs, out_path, profile.name)
    return result


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(text: str) -> tuple[str, int]:
    """XML 1.0 cannot hold control characters (form feeds of PDF copies…): remove them, and count them."""
    return _XML_INVALID.subn("", text)


def _add_comments(document: Document, source: SourceMap, remarks: Sequence[Remark],
                  created: dt.datetime | None) -> int:
    """Anchor the remarks in the body and add the comments part; returns how many were placed."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    when = created or dt.datetime.now(dt.timezone.utc)
    root, placed = add_comments(source, remarks, None, when)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/comments.xml"), COMMENTS_CONTENT_TYPE, blob, document.part.package)
    document.part.relate_to(part, COMMENTS_RELATIONSHIP)
    return placed


# --- document parts ---


def _drop_template_extras(document: Document) -> None:
    """The template's Word-2010 styles copy and its thumbnail would contradict our styles and pages."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel_id)


def _setup_section(document: Document, profile: Profile) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    page = profile.page
    section.page_width, section.page_height = Twips(page.width), Twips(page.height)
    section.top_margin, section.bottom_margin = Twips(page.margin_top), Twips(page.margin_bottom)
    section.left_margin, section.right_margin = Twips(page.margin_left), Twips(page.margin_right)
    section.header_distance, section.footer_distance = Twips(851), Twips(page.footer)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    for grid in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(grid)
    # No character grid on purpose (LibreOffice renders it at 13–14 characters a line); the line
    # pitch is recorded so Word's grid dialog shows the design value.
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:linePitch"), str(profile.line_pitch))
    sect_pr.append(grid)


def _setup_settings(document: Document, profile: Profile) -> None:
    settings = document.settings
    settings.odd_and_even_pages_header_footer = profile.page_number.odd != "center"
    element = settings.element
    for rsids in element.findall(qn("w:rsids")):
        element.remove(rsids)
    for lang in element.findall(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), profile.east_asia_lang)
    for setting in element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013+ layout: no "兼容模式" in Word's title bar
    for control in element.findall(qn("w:characterSpacingControl")):
        control.set(qn("w:val"), "doNotCompress")  # compressed punctuation would break the grid


def _setup_styles(document: Document, profile: Profile, fonts: _Fonts) -> None:
    styles_el = document.styles.element
    ooxml.strip_theme_fonts(styles_el)
    body = profile.body
    defaults = styles_el.find(qn("w:docDefaults"))
    r_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    ooxml.set_rpr(r_default, east_asia=fonts.names[body.font], latin=fonts.latin, size_pt=body.size,
                  lang=profile.east_asia_lang)
    p_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for spacing in p_default.findall(qn("w:spacing")):
        p_default.remove(spacing)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(profile.line_pitch))
    spacing.set(qn("w:lineRule"), "exact")
    p_default.append(spacing)

    for role_name, style_name in STYLE_NAMES.items():
        role = profile.roles[role_name]
        style = _paragraph_style(document, style_name)
        level = int(role_name[-1]) - 1 if role_name.startswith("heading") else None
        keep_next = level is not None or role.keep_with_next
        ooxml.set_ppr(style.element.get_or_add_pPr(), **_ppr_args(role, profile, keep_next=keep_next),
                      outline_level=level)
        ooxml.set_rpr(style.element.get_or_add_rPr(), **_rpr_args(role, profile, fonts))
    footer = _paragraph_style(document, "Footer")
    pn = profile.page_number
    ooxml.set_ppr(footer.element.get_or_add_pPr(), align="right", line=240)
    footer.element.pPr.spacing.set(qn("w:lineRule"), "auto")
    ooxml.set_rpr(footer.element.get_or_add_rPr(), east_asia=fonts.names[pn.font], latin=fonts.names[pn.font],
                  size_pt=pn.size)
    keep = {document.styles[name].style_id for name in list(STYLE_NAMES.values()) + ["Footer"]}
    ooxml.prune_styles(styles_el, keep)


def _paragraph_style(document: Document, name: str):
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.quick_style = True
        return style


def _ppr_args(role: Role, profile: Profile, *, keep_next: bool = False) -> dict:
    indent = round(role.indent_chars * role.size * 20)
    return {
        "align": role.align, "line": profile.line_pitch,
        "before": role.space_before * profile.line_pitch,
        "after": 0 if role is profile.roles["title"] else role.space_after * profile.line_pitch,
        "first_line": indent, "first_line_chars": round(role.indent_chars * 100),
        "keep_next": keep_next, "keep_lines": profile.keep_lines, "widow_control": profile.widow_control,
    }


def _on_grid(role: Role, profile: Profile) -> bool:
    """Text of the body's size is condensed to the grid; larger text (the title) keeps its natural width."""
    return bool(profile.chars_per_line) and role.size == profile.body.size


def _rpr_args(role: Role, profile: Profile, fonts: _Fonts) -> dict:
    return {
        "east_asia": fonts.names[role.font], "latin": fonts.latin, "size_pt": role.size,
        "spacing": profile.char_spacing(role.size) if _on_grid(role, profile) else 0, "bold": role.bold,
    }


# --- paragraphs ---


class _Builder:
    """Appends the paragraphs of outline blocks to the body, in one pass.

    The paragraphs are built as XML and appended: python-docx's add_paragraph searches the body for its
    sectPr every time, which made export grow with the square of the paragraph count. The XML is the
    one python-docx would write. Counts the paragraphs and the characters XML cannot hold, and records
    where each w:t element's text stands in the draft (for anchoring comments).
    """

    def __init__(self, body, style_ids: dict[str, str | None], profile: Profile, fonts: _Fonts):
        self.body, self.style_ids, self.profile, self.fonts = body, style_ids, profile, fonts
        self.count = 0
        self.dropped = 0
        self.source = SourceMap()
        self._rpr_of_role: dict[int, object] = {}

    def add_block(self, text: str, block: Block):
        raw = text[block.start:block.end]
        content = raw.strip(_BLANK)
        if not content:
            return None
        self.count += 1
        offset = block.start + (len(raw) - len(raw.lstrip(_BLANK)))
        p = self._block_paragraph(content, offset, block)
        # the span is the whole line, blanks included: a finding on them belongs to this paragraph
        line_end = text.find("\n", block.end)
        line = (text.rfind("\n", 0, block.start) + 1, len(text) if line_end < 0 else line_end)
        self.source.paragraphs.append(ParagraphSpan(*line, p, self.count))
        return p

    def _block_paragraph(self, content: str, offset: int, block: Block):
        roles = self.profile.roles
        heading = block.heading
        if heading is not None:
            role_name = f"heading{min(max(heading.level, 1), 4)}"
            if not heading.run_in:
                return self.paragraph(STYLE_NAMES[role_name], [(content, offset, roles[role_name])])
            # run-in: only the heading part takes the heading font
            split = max(0, min(len(content), heading.title_end - offset))
            parts = [(content[:split], offset, roles[role_name]), (content[split:], offset + split, self.profile.body)]
            return self.paragraph("Normal", [p for p in parts if p[0]])
        role_name = _ROLE_OF_KIND.get(block.kind, "body")
        role = roles[role_name]
        if role_name == "title" and role.max_chars_per_line:
            lines = split_title(content, role.max_chars_per_line)
            starts = _subsequence_starts(content, lines)
            return self.paragraph(STYLE_NAMES[role_name],
                                  [(line, offset + start, role) for line, start in zip(lines, starts)], breaks=True)
        return self.paragraph(STYLE_NAMES[role_name], [(content, offset, role)])

    def paragraph(self, style: str, parts: list[tuple[str, int, Role]], *, breaks: bool = False):
        p = SubElement(self.body, _P)
        style_id = self.style_ids[style]
        if style_id is not None:
            SubElement(SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
        for index, (text, offset, role) in enumerate(parts):
            if breaks and index:
                SubElement(SubElement(p, _R), _BR)
            run = SubElement(p, _R)
            run.append(copy(self._rpr(role)))  # lxml copies the whole element
            self._run_content(run, text, offset)
        return p

    def space_after(self, p, twips: int) -> None:
        ppr = p.find(_PPR)
        if ppr is None:
            ppr = p.makeelement(_PPR, {})
            p.insert(0, ppr)
        SubElement(ppr, _SPACING).set(qn("w:after"), str(twips))  # after w:pStyle, its only other child

    def _rpr(self, role: Role):
        """Every run of a role has the same w:rPr: made once, copied."""
        rpr = self._rpr_of_role.get(id(role))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ooxml.set_rpr(rpr, **_rpr_args(role, self.profile, self.fonts))
            self._rpr_of_role[id(role)] = rpr
        return rpr

    def _run_content(self, run, text: str, offset: int) -> None:
        """Text as python-docx writes it: w:t for characters, w:tab for tabs, w:br for line ends."""
        start = 0
        for match in _TAB_OR_BREAK.finditer(text):
            self._add_t(run, text[start:match.start()], offset + start)
            SubElement(run, _TAB if match.group() == "\t" else _BR)
            start = match.end()
        self._add_t(run, text[start:], offset + start)

    def _add_t(self, run, text: str, offset: int) -> None:
        """A w:t of the text less the characters XML cannot hold (counted, and remembered as skipped)."""
        skipped = ()
        if _XML_INVALID.search(text):
            skipped = tuple(m.start() for m in _XML_INVALID.finditer(text))
            text, dropped = _xml_safe(text)
            self.dropped += dropped
        if not text:
            return
        t = SubElement(run, _T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")
        self.source.pieces.append(TextPiece(offset, t, skipped))


_P, _PPR, _PSTYLE, _R, _T, _TAB, _BR, _SPACING = (
    qn(tag) for tag in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:t", "w:tab", "w:br", "w:spacing"))
_VAL, _XML_SPACE = qn("w:val"), qn("xml:space")
_TAB_OR_BREAK = re.compile("[\t\r\n]")


def _style_ids(document: Document) -> dict[str, str | None]:
    """Style id of each paragraph style we use; None for the default style (no w:pStyle, as python-docx)."""
    out = {}
    for name in STYLE_NAMES.values():
        style = document.styles[name]
        out[name] = None if style.style_id == document.styles.default(style.type).style_id else style.style_id
    return out


def _subsequence_starts(content: str, lines: list[str]) -> list[int]:
    """Where each line of a split title starts in the title text (lines are its characters in order)."""
    starts, pos = [], 0
    for line in lines:
        found = content.find(line, pos) if line else pos
        if found < 0:
            found = pos
        starts.append(found)
        pos = found + len(line)
    return starts


# --- footers: "— N —", odd pages right, even pages left ---


def _add_footers(document: Document, profile: Profile, fonts: _Fonts) -> None:
    section = document.sections[0]
    pn = profile.page_number
    gap = round(pn.gap_chars * pn.size * 20)
    if pn.odd == "center":
        targets = [(section.footer, "center")]
    else:
        other = "left" if pn.odd == "right" else "right"
        targets = [(section.footer, pn.odd), (section.even_page_footer, other)]
    font = fonts.names[pn.font]
    before, after = pn.format.split("{page}")
    for footer, side in targets:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        ppr = paragraph._p.get_or_add_pPr()
        ooxml.set_ppr(ppr, align=side, line=240, left=gap if side == "left" else 0,
                      right=gap if side == "right" else 0)
        ppr.spacing.set(qn("w:lineRule"), "auto")

        def rpr():
            element = OxmlElement("w:rPr")
            ooxml.set_rpr(element, east_asia=font, latin=font, size_pt=pn.size)
            return element

        for piece in (before,):
            run = paragraph.add_run(piece)
            run._r.insert(0, rpr())
        ooxml.add_page_field(paragraph, rpr)
        run = paragraph.add_run(after)
        run._r.insert(0, rpr())


def _set_properties(document: Document, title: str, created: dt.datetime | None) -> None:
    when = (created or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    props = document.core_properties
    props.title = title
    props.subject = ""
    props.author = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.last_modified_by = ""
    props.language = "zh-CN"
    props.revision = 1
    props.created = when
    props.modified = when
    _set_application(document)


# English names Word records beside the Chinese ones (w:altName): a machine missing the font substitutes by them.
_ALT_NAMES = {
    "仿宋_GB2312": "FangSong_GB2312", "仿宋": "FangSong", "楷体_GB2312": "KaiTi_GB2312", "楷体": "KaiTi",
    "黑体": "SimHei", "宋体": "SimSun", "华文中宋": "STZhongsong", "华文仿宋": "STFangsong", "华文楷体": "STKaiti",
    "方正小标宋简体": "FZXiaoBiaoSong-B05S", "方正小标宋_GBK": "FZXiaoBiaoSong-B05",
}


def _set_font_table(document: Document, names: list[str]) -> None:
    """fontTable.xml lists the fonts the document names, Chinese ones with the GB2312 character set, so Word
    substitutes a Chinese font where one is missing (the template listed Japanese ＭＳ 明朝 and Cambria)."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) != "/word/fontTable.xml":
            continue
        root = etree.fromstring(part.blob)
        for font in list(root):
            root.remove(font)
        for name in names:
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
            cjk = any(ord(ch) > 0x2E80 for ch in name) or name in _ALT_NAMES.values()
            if name in _ALT_NAMES:
                etree.SubElement(font, qn("w:altName")).set(qn("w:val"), _ALT_NAMES[name])
            etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86" if cjk else "00")
            etree.SubElement(font, qn("w:family")).set(qn("w:val"), "auto" if cjk else "roman")
            etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_application(document: Document) -> None:
    """docProps/app.xml: the application that wrote the file (the template says Microsoft Word)."""
    from lxml import etree

    package = document.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            root = etree.fromstring(part.blob)
            ns = root.nsmap.get(None)
            for tag, value in (("Application", APP_NAME), ("AppVersion", _app_version()), ("Template", "")):
                element = root.find(f"{{{ns}}}{tag}")
                if element is None:
                    element = etree.SubElement(root, f"{{{ns}}}{tag}")
                element.text = value
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_version() -> str:
    # AppVersion must look like "XX.YYYY" to satisfy Office's schema
    major, _, rest = __version__.partition(".")
    minor = "".join(ch for ch in rest if ch.isdigit())[:4] or "0"
    return f"{int(major or 0):02d}.{minor.ljust(4, '0')}"
