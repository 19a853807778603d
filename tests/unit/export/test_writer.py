"""What the exported .docx says, read back from its XML: fonts, grid, headings, footers, properties."""

from __future__ import annotations

import os
import stat
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from desktop.core.export import ExportWriteError, build_document, export_docx, load_profile
from desktop.core.export.docx_writer import APP_NAME
from tests.unit.export.conftest import FIXED_TIME

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def exported(tmp_path, speech_text, office_fonts):
    out = tmp_path / "讲话.docx"
    result = export_docx(speech_text, out, load_profile("gongwen"), catalog=office_fonts, created=FIXED_TIME)
    return out, result


def _part(path, name):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def _paragraphs(path):
    return [p for p in _part(path, "word/document.xml").iter(W + "p")]


def _text(p):
    return "".join(t.text or "" for t in p.iter(W + "t"))


def _style(p):
    ps = p.find(f"{W}pPr/{W}pStyle")
    return ps.get(W + "val") if ps is not None else "Normal"


def test_fonts_follow_the_chain_installed_here(exported):
    out, result = exported
    assert result.fonts["fangsong"].name == "仿宋"  # 仿宋_GB2312 is missing on this office PC
    assert result.fonts["xiaobiaosong"].name == "华文中宋"
    assert result.fonts["kaiti"].name == "楷体"
    assert result.warnings == []  # every chain found a font: no warning
    east_asia = {f.get(W + "eastAsia") for f in _part(out, "word/document.xml").iter(W + "rFonts")}
    assert east_asia == {"仿宋", "黑体", "楷体", "华文中宋"}


def test_one_warning_names_the_fonts_missing_everywhere(speech_text, no_fonts):
    _, result = build_document(speech_text, load_profile("gongwen"), catalog=no_fonts)
    assert len(result.warnings) == 1
    assert "仿宋_GB2312" in result.warnings[0] and "方正小标宋简体" in result.warnings[0]
    assert result.fonts["fangsong"].name == "仿宋_GB2312" and not result.fonts["fangsong"].installed


def test_east_asian_font_on_styles_and_runs_and_no_theme_fonts(exported):
    out, _ = exported
    for part in ("word/styles.xml", "word/document.xml", "word/footer1.xml"):
        root = _part(out, part)
        fonts = list(root.iter(W + "rFonts"))
        assert fonts, part
        for element in fonts:
            assert element.get(W + "eastAsia"), (part, etree.tostring(element))
            assert not any(a.endswith("Theme") or a.endswith("theme") for a in element.attrib), part
    for run in _part(out, "word/document.xml").iter(W + "r"):
        if run.find(W + "t") is not None:
            assert run.find(f"{W}rPr/{W}rFonts") is not None


def test_page_setup_and_grid(exported):
    out, _ = exported
    sect = _part(out, "word/document.xml").find(f"{W}body/{W}sectPr")
    size, margins = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    assert (size.get(W + "w"), size.get(W + "h")) == ("11906", "16838")
    assert [margins.get(W + k) for k in ("top", "right", "bottom", "left")] == ["2098", "1474", "1984", "1587"]
    grid = sect.find(W + "docGrid")
    assert grid.get(W + "type") is None  # no character grid: LibreOffice would set 13–14 characters a line
    styles = _part(out, "word/styles.xml")
    normal = next(s for s in styles.iter(W + "style") if s.get(W + "styleId") == "Normal")
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(W + "line"), spacing.get(W + "lineRule")) == ("579", "exact")
    assert normal.find(f"{W}rPr/{W}spacing").get(W + "val") == "-5"  # 28 × (320 − 5) ≤ 8845 < 29 × 315
    ind = normal.find(f"{W}pPr/{W}ind")
    assert ind.get(W + "firstLineChars") == "200" and ind.get(W + "firstLine") == "640"


def test_headings_by_level_and_run_in_heading_font_only_on_its_heading(exported):
    out, _ = exported
    paragraphs = _paragraphs(out)
    by_text = {_text(p): p for p in paragraphs}
    level1 = by_text["一、提高政治站位，切实增强做好安全生产工作的责任感"]
    assert _style(level1) == "Heading1"
    standalone2 = by_text["（二）坚持问题导向"]
    assert _style(standalone2) == "Heading2"
    run_in = next(p for p in paragraphs if _text(p).startswith("（一）强化责任意识。"))
    assert _style(run_in) == "Normal"
    runs = [(r.find(f"{W}t").text, r.find(f"{W}rPr/{W}rFonts").get(W + "eastAsia")) for r in run_in.iter(W + "r")]
    assert runs == [("（一）强化责任意识。", "楷体"), (runs[1][0], "仿宋")]
    assert runs[1][0].startswith("领导是什么？")
    styles = _part(out, "word/styles.xml")
    fonts = {s.get(W + "styleId"): s.find(f"{W}rPr/{W}rFonts").get(W + "eastAsia")
             for s in styles.iter(W + "style") if s.find(f"{W}rPr/{W}rFonts") is not None}
    assert (fonts["Heading1"], fonts["Heading2"], fonts["Heading3"], fonts["Heading4"]) == ("黑体", "楷体", "仿宋", "仿宋")
    keep_next = {s.get(W + "styleId") for s in styles.iter(W + "style") if s.find(f"{W}pPr/{W}keepNext") is not None}
    assert keep_next == {"Heading1", "Heading2", "Heading3", "Heading4"}


def test_title_split_centred_then_salutation_flush_left(exported):
    out, _ = exported
    first = _paragraphs(out)[0]
    assert _style(first) == "Title"
    assert len(list(first.iter(W + "br"))) == 1
    assert [t.text for t in first.iter(W + "t")] == ["在2026年全市安全生产暨", "消防安全工作会议上的讲话"]
    styles = {s.get(W + "styleId"): s for s in _part(out, "word/styles.xml").iter(W + "style")}
    assert styles["Title"].find(f"{W}pPr/{W}jc").get(W + "val") == "center"
    assert styles["Title"].find(f"{W}rPr/{W}sz").get(W + "val") == "44"
    salutation = styles["Salutation"].find(f"{W}pPr/{W}ind")
    assert salutation.get(W + "firstLine") == "0" and salutation.get(W + "left") == "0"


def test_footers_odd_right_even_left_with_page_field(exported):
    out, _ = exported
    settings = _part(out, "word/settings.xml")
    assert settings.find(W + "evenAndOddHeaders") is not None
    document = docx.Document(str(out))
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment is not None and odd._p.pPr.jc.val.name.lower() == "right"
    assert even._p.pPr.jc.val.name.lower() == "left"
    assert odd._p.pPr.ind.get(qn("w:right")) == "280" and even._p.pPr.ind.get(qn("w:left")) == "280"
    for paragraph in (odd, even):
        xml = etree.tostring(paragraph._p, encoding="unicode")
        assert "PAGE" in xml and "fldChar" in xml
        assert paragraph.text.startswith("\u2014 ") and paragraph.text.endswith(" \u2014")
        sizes = {r.find(f"{W}rPr/{W}sz").get(W + "val") for r in paragraph._p.iter(W + "r")}
        assert sizes == {"28"}


def test_core_properties(exported):
    out, _ = exported
    props = docx.Document(str(out)).core_properties
    assert props.title == "在2026年全市安全生产暨消防安全工作会议上的讲话"
    assert props.created == FIXED_TIME
    assert props.author == "" and "python-docx" not in (props.comments or "")
    with zipfile.ZipFile(out) as package:
        app = package.read("docProps/app.xml").decode("utf-8")
        assert f"<Application>{APP_NAME}</Application>" in app
        assert "docProps/thumbnail.jpeg" not in package.read("_rels/.rels").decode()


def test_every_line_of_the_draft_is_in_the_document(exported, speech_text):
    out, result = exported
    texts = [_text(p) for p in _paragraphs(out)]
    lines = [line.strip() for line in speech_text.splitlines() if line.strip()]
    assert "".join(texts) == "".join(lines)
    assert result.paragraphs == len(lines)


def test_blank_lines_and_indent_spaces_are_layout_not_text(no_fonts, tmp_path):
    out = tmp_path / "a.docx"
    export_docx("标题\n\n\u3000\u3000第一段。\n   \n  第二段。", out, load_profile("gongwen"), catalog=no_fonts)
    assert [_text(p) for p in _paragraphs(out)] == ["标题", "第一段。", "第二段。"]


def test_existing_file_is_replaced_whole(exported, speech_text, no_fonts):
    out, _ = exported
    export_docx(speech_text + "\n新加的一段。", out, load_profile("gongwen"), catalog=no_fonts)
    assert _text(_paragraphs(out)[-1]) == "新加的一段。"
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".~gongwen")] == []


def test_read_only_target_keeps_the_old_file(exported, speech_text, no_fonts):
    out, _ = exported
    before = out.read_bytes()
    out.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(ExportWriteError, match="只读"):
            export_docx("另一篇", out, load_profile("gongwen"), catalog=no_fonts)
    finally:
        out.chmod(0o644)
    assert out.read_bytes() == before


def test_read_only_folder_is_refused_with_a_message(tmp_path, no_fonts):
    folder = tmp_path / "只读文件夹"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportWriteError, match="只读.*换一个保存位置"):
            export_docx("标题\n正文。", folder / "out.docx", load_profile("gongwen"), catalog=no_fonts)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_failure_while_writing_leaves_no_temp_file_and_keeps_the_old_one(exported, monkeypatch, no_fonts):
    out, _ = exported
    before = out.read_bytes()

    def broken_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)  # what Windows does while Word holds the file open
    with pytest.raises(ExportWriteError, match="正在被 Word 或 WPS 打开"):
        export_docx("另一篇", out, load_profile("gongwen"), catalog=no_fonts)
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_control_characters_of_pdf_copies_are_removed_with_a_warning(no_fonts, tmp_path):
    out = tmp_path / "pdf.docx"
    result = export_docx("标题\n第一段\x0c。\n第二\x0b段。", out, load_profile("gongwen"), catalog=no_fonts)
    assert [_text(p) for p in _paragraphs(out)] == ["标题", "第一段。", "第二段。"]
    assert any("2 个不可见的控制字符" in w for w in result.warnings)


def _outline_of(lines_and_kinds):
    from desktop.core.outline import Block, Outline

    text = "\n".join(line for line, _ in lines_and_kinds)
    outline, offset = Outline(text), 0
    for number, (line, kind) in enumerate(lines_and_kinds):
        outline.blocks.append(Block(kind, offset, offset + len(line), number))
        offset += len(line) + 1
    return outline


def test_front_matter_speaker_date_and_closing(tmp_path, office_fonts):
    from desktop.core.outline import BlockKind as K

    outline = _outline_of([
        ("在全市工作会议上的讲话", K.TITLE), ("——在2026年上半年工作总结会上", K.SUBTITLE), ("张三", K.BYLINE),
        ("（2026年8月1日）", K.BYLINE), ("同志们：", K.SALUTATION), ("正文。", K.PARAGRAPH),
        ("同志们，让我们携手奋进！", K.CLOSING),
    ])
    out = tmp_path / "front.docx"
    export_docx(outline.text, out, load_profile("gongwen"), outline=outline, catalog=office_fonts)
    paragraphs = _paragraphs(out)
    assert [_style(p) for p in paragraphs] == ["Title", "Subtitle", "Byline", "Byline", "Salutation", "Normal",
                                               "Closing"]
    after = [p.find(f"{W}pPr/{W}spacing") for p in paragraphs]
    # one blank line after the whole title block, not between title and speaker
    assert after[0] is None and after[1] is None and after[2] is None
    assert after[3].get(W + "after") == "579"
    styles = {s.get(W + "styleId"): s for s in _part(out, "word/styles.xml").iter(W + "style")}
    for style_id in ("Byline", "Subtitle"):
        assert styles[style_id].find(f"{W}pPr/{W}jc").get(W + "val") == "center"
        assert styles[style_id].find(f"{W}rPr/{W}rFonts").get(W + "eastAsia") == "楷体"
    assert styles["Closing"].find(f"{W}pPr/{W}ind").get(W + "firstLineChars") == "200"


def test_font_table_lists_the_named_fonts_with_the_chinese_charset(exported):
    out, _ = exported
    fonts = {f.get(W + "name"): f for f in _part(out, "word/fontTable.xml").iter(W + "font")}
    assert set(fonts) == {"仿宋", "楷体", "黑体", "华文中宋", "宋体", "Times New Roman"}
    assert fonts["仿宋"].find(W + "altName").get(W + "val") == "FangSong"
    assert fonts["黑体"].find(W + "charset").get(W + "val") == "86"
    settings = _part(out, "word/settings.xml")
    mode = next(s for s in settings.iter(W + "compatSetting") if s.get(W + "name") == "compatibilityMode")
    assert mode.get(W + "val") == "15"
