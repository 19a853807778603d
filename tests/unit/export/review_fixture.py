"""A Word file as an office sends it for review: Word's own template parts (styles, numbering, settings,
theme, fonts), automatic list numbering, a defect split across runs of different formatting, a link, a
table, and optionally a colleague's comment already in it."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from desktop.core.export.comments import COMMENTS_CONTENT_TYPE, COMMENTS_RELATIONSHIP
from tests.unit.export.docx_builder import W_NS, level

NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="90">' + level(0, "chineseCounting", "%1、")
    + level(1, "chineseCounting", "（%2）") + level(2, "decimal", "%3、") + "</w:abstractNum>"
    '<w:num w:numId="9"><w:abstractNumId w:val="90"/></w:num></w:numbering>'
)
COLLEAGUE = "请核对数据"
BODY = (
    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>关于做好防汛工作的通知</w:t></w:r></w:p>'
    '<w:p><w:r><w:t>各乡镇：</w:t></w:r></w:p>'
    # the placeholder XX is split over a plain and an italic run
    '<w:p><w:r><w:t>请于X</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>X月前完成排查。下面，我讲三点意见。</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr>'
    '<w:r><w:rPr><w:b/></w:rPr><w:t>加强组织领导</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="9"/></w:numPr></w:pPr>'
    '<w:r><w:t>落实责任到人</w:t></w:r></w:p>'  # Word numbers it 1、 : a marker the writer did not type
    '<w:p><w:r><w:t xml:space="preserve">详见 </w:t></w:r>'
    '<w:hyperlink w:anchor="x"><w:r><w:t>防汛预案,应急预案</w:t></w:r></w:hyperlink></w:p>'
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr>'
    '<w:r><w:rPr><w:b/></w:rPr><w:t>做好物资储备</w:t></w:r></w:p>'
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc>'
    '<w:tc><w:p><w:r><w:t>XX局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>今年汛期降雨偏多。</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
)
EXISTING_COMMENTS = (
    f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="王科长" w:date="2026-07-01T08:00:00Z">'
    f'<w:p><w:r><w:t>{COLLEAGUE}</w:t></w:r></w:p></w:comment></w:comments>'
)


def build_reviewable(path: Path, *, with_comment: bool = True) -> Path:
    document = docx.Document()  # Word's template: its styles, numbering, settings, theme and fonts
    body = document.element.body
    sect_pr = body.find(f"{{{W_NS}}}sectPr")
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    wrapper = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{BODY}</w:body>')
    for element in list(wrapper):
        if not with_comment and element.find(f".//{{{W_NS}}}commentRangeStart") is not None:
            for mark in list(element):
                if mark.tag != f"{{{W_NS}}}r" or mark.find(f"{{{W_NS}}}commentReference") is not None:
                    element.remove(mark)
        sect_pr.addprevious(element)
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/numbering.xml":
            part._element = etree.fromstring(NUMBERING)  # python-docx serialises its parts' elements
    if with_comment:
        comments = Part(PackURI("/word/comments.xml"), COMMENTS_CONTENT_TYPE, EXISTING_COMMENTS.encode("utf-8"),
                        document.part.package)
        document.part.relate_to(comments, COMMENTS_RELATIONSHIP)
    document.save(path)
    return path
