"""Opening drafts: .docx with Word's automatic numbering, tables, text boxes; .txt in any encoding;
round trip export → import; hostile files refused with a message."""

from __future__ import annotations

import zipfile

import pytest

from desktop.core.errors import InputError
from desktop.core.export import export_docx, import_draft, load_profile
from desktop.core.export.docx_import import TABLE_END_MARK, TABLE_MARK, TEXTBOX_MARK
from desktop.core.export.numbering import chinese_number, format_number
from tests.unit.export.docx_builder import level, paragraph, write_docx

NUMBERING = (
    '<w:abstractNum w:abstractNumId="10">'
    + level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）")
    + level(2, "decimal", "%3.") + level(3, "decimal", "（%4）")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="20">' + level(0, "bullet", "\uf0b7") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="30">' + level(0, "decimalEnclosedCircle", "%1", start=3) + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="10"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="30"/></w:num>'
)
STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Yiji"><w:name w:val="一级标题"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Erji"><w:name w:val="二级标题"/><w:basedOn w:val="Yiji"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
)


def test_word_list_numbering_becomes_the_markers_word_shows(tmp_path):
    body = "".join([
        paragraph("总体要求", num=(1, 0)),
        paragraph("强化责任", num=(1, 1)),
        paragraph("压实责任", num=(1, 1)),
        paragraph("抓好危化品", num=(1, 2)),
        paragraph("细项", num=(1, 3)),
        paragraph("抓好交通", num=(1, 2)),
        paragraph("重点任务", num=(2, 0)),  # another w:num of the same list continues it
        paragraph("新的二级", num=(2, 1)),  # deeper levels restart after a higher one
        paragraph("保障措施", style="Yiji"),  # numbering through the paragraph style
        paragraph("加强领导", style="Erji"),  # style based on a numbered style, its own level
        paragraph("另起一份", num=(3, 0)),  # restart numbering (startOverride)
        paragraph("要点", num=(4, 0)),
        paragraph("圈号", num=(5, 0)),
        paragraph("无编号的段落。"),
    ])
    path = write_docx(tmp_path / "numbered.docx", body, numbering=NUMBERING, styles=STYLES)
    assert import_draft(path).text.split("\n") == [
        "一、总体要求", "（一）强化责任", "（二）压实责任", "1.抓好危化品", "（1）细项", "2.抓好交通",
        "二、重点任务", "（一）新的二级", "三、保障措施", "（一）加强领导", "一、另起一份", "•要点", "③圈号",
        "无编号的段落。",
    ]


@pytest.mark.parametrize(("n", "expected"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                             (105, "一百零五"), (110, "一百一十")])
def test_chinese_counting(n, expected):
    assert chinese_number(n) == expected


def test_other_number_formats():
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(2, "decimalFullWidth") == "２"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(12, "decimalEnclosedCircle") == "⑫"
    assert format_number(3, "chineseLegalSimplified") == "叁"


def test_tables_text_boxes_breaks_and_revisions(tmp_path):
    table = (
        "<w:tbl><w:tr><w:tc>" + paragraph("项目") + "</w:tc><w:tc>" + paragraph("责任单位") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + paragraph("消防检查") + paragraph("第二段") + "</w:tc><w:tc>" + paragraph("应急局")
        + "</w:tc></w:tr></w:tbl>"
    )
    textbox = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
               + paragraph("框内文字") + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
               "<w:pict><w:txbxContent>" + paragraph("框内文字") + "</w:txbxContent></w:pict></mc:Fallback>"
               "</mc:AlternateContent></w:r>")
    body = "".join([
        paragraph("在会议上的", style="Title", inner="<w:r><w:br/><w:t>讲话</w:t></w:r>"),
        paragraph("第一行", inner="<w:r><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表后</w:t></w:r>"),
        paragraph("保留", inner="<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>"
                              "<w:ins><w:r><w:t>插入的</w:t></w:r></w:ins>"),
        table,
        paragraph("正文", inner=textbox),
        paragraph("图", inner="<w:r><w:drawing/></w:r>"),
        paragraph("", inner="<w:r><w:ruby><w:rt><w:r><w:t>zhuó</w:t></w:r></w:rt>"
                            "<w:rubyBase><w:r><w:t>擢</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>升</w:t></w:r>"),
    ])
    path = write_docx(tmp_path / "mixed.docx", body, styles=STYLES)
    draft = import_draft(path)
    assert draft.text.split("\n") == [
        "在会议上的讲话", "第一行", "第二行\t制表后", "保留插入的",
        TABLE_MARK, "项目｜责任单位", "消防检查 第二段｜应急局", TABLE_END_MARK,
        "正文", TEXTBOX_MARK, "框内文字", "图", "擢升",
    ]
    joined = " ".join(draft.warnings)
    assert "1 个表格" in joined and "1 个文本框" in joined and "1 个图片" in joined


def test_footnotes_and_comments_are_named_in_warnings(tmp_path):
    notes = ('<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:footnote w:type="separator" w:id="-1"/><w:footnote w:id="1"><w:p/></w:footnote></w:footnotes>')
    path = write_docx(tmp_path / "notes.docx", paragraph("正文"), extra={"word/footnotes.xml": notes})
    draft = import_draft(path)
    assert draft.text == "正文"
    assert any("1 条脚注" in w for w in draft.warnings)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_files_in_every_supported_encoding(tmp_path, speech_text, encoding):
    path = tmp_path / f"draft-{encoding}.txt"
    path.write_bytes(speech_text.replace("\n", "\r\n").encode(encoding))
    draft = import_draft(path)
    assert draft.text == speech_text and draft.kind == "txt"


def _normalised(text: str) -> list[str]:
    return [line.strip(" \t\u3000") for line in text.split("\n") if line.strip(" \t\u3000")]


@pytest.mark.parametrize("profile", ["gongwen", "speech"])
def test_round_trip_returns_the_same_text(tmp_path, speech_text, no_fonts, profile):
    out = tmp_path / "rt.docx"
    messy = "\u3000\u3000" + speech_text.replace("\n", "\n\n", 3) + "\n\n"
    export_docx(messy, out, load_profile(profile), catalog=no_fonts)
    assert _normalised(import_draft(out).text) == _normalised(messy)


def test_round_trip_of_every_seed_after_cleaning(tmp_path, seed_paths, no_fonts):
    from desktop.core.corpus import read_document

    assert seed_paths
    for seed in seed_paths:
        text = read_document(seed).text
        out = tmp_path / (seed.stem + ".docx")
        export_docx(text, out, load_profile("gongwen"), catalog=no_fonts)
        assert _normalised(import_draft(out).text) == _normalised(text), seed.name


def test_not_a_docx(tmp_path):
    path = tmp_path / "假的.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError, match="假的.docx.*不是有效的 Word 文档"):
        import_draft(path)


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    write_docx(path, paragraph("正文"), extra={"word/styles.xml": " " * 3_000_000})
    with pytest.raises(InputError, match="压缩炸弹"):
        import_draft(path)


def test_xml_entities_are_refused(tmp_path):
    path = tmp_path / "lol.docx"
    document = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lollollollol">]>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                "<w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", document)
    with pytest.raises(InputError, match="DOCTYPE"):
        import_draft(path)


def test_header_text_is_named_but_page_numbers_are_not(tmp_path, speech_text, no_fonts):
    header = ('<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              "<w:p><w:r><w:t>内部资料 注意保存</w:t></w:r></w:p></w:hdr>")
    footer = ('<?xml version="1.0"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              "<w:p><w:r><w:t>第 1 页 共 3 页</w:t></w:r></w:p></w:ftr>")
    path = write_docx(tmp_path / "hdr.docx", paragraph("正文"),
                      extra={"word/header1.xml": header, "word/footer1.xml": footer})
    warnings = import_draft(path).warnings
    assert any("页眉页脚中的文字未导入正文：内部资料 注意保存" in w for w in warnings)
    assert not any("第 1 页" in w for w in warnings)
    ours = tmp_path / "ours.docx"
    export_docx(speech_text, ours, load_profile("gongwen"), catalog=no_fonts)
    assert import_draft(ours).warnings == []  # our "— 1 —" footers are page numbers only
