"""Reading .docx: body and table text in order; corrupt files, zip bombs and entity tricks refused."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import docx
import pytest

from desktop.core.corpus import open_docx_parts, read_document, read_docx_paragraphs
from desktop.core.corpus.docx_reader import STYLES_PART, parse_untrusted_xml
from desktop.core.corpus.limits import MAX_DOCX_PART_BYTES
from desktop.core.errors import InputError
from tests.unit.corpus.conftest import SPEECH_LINES

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TABLE = (("指标", "完成情况"), ("生产总值增长", "8.3%"), ("固定资产投资", "同比增长X%"))
CLOSING = "同志们，让我们以更饱满的热情、更昂扬的斗志，为加快建设现代化中心城区作出新的更大贡献！"


def rewrite(source: Path, target: Path, replace: dict[str, bytes], drop: tuple[str, ...] = ()) -> Path:
    """Copy a real .docx, replacing or dropping members."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            if info.filename in drop:
                continue
            copy.writestr(info.filename, replace.get(info.filename, original.read(info.filename)))
    return target


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f"<w:document {W}><w:body>{body}</w:body></w:document>"
    ).encode()


def test_body_paragraphs_and_table_text_in_document_order(make_docx):
    path = make_docx(table=TABLE, after=(CLOSING,))
    paragraphs = read_docx_paragraphs(path)
    texts = [p.text for p in paragraphs]
    cells = [cell for row in TABLE for cell in row]
    assert texts == [*SPEECH_LINES, *cells, CLOSING]
    assert [p.in_table for p in paragraphs] == [False] * len(SPEECH_LINES) + [True] * len(cells) + [False]


def test_read_document_cleans_a_docx_and_names_its_format(make_docx):
    path = make_docx(table=TABLE, after=(CLOSING,))
    document = read_document(path)
    assert document.title == "在市政府重点工作推进会上的讲话"
    assert document.encoding == "docx"
    assert document.paragraphs[: len(SPEECH_LINES)] == list(SPEECH_LINES)
    assert "生产总值增长" in document.paragraphs and "8.3%" in document.paragraphs
    assert document.paragraphs[-1] == CLOSING


def test_styles_soft_breaks_and_headers(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "XX市人民政府办公室 页眉"
    document.add_paragraph("在全市重点工作推进会上的讲话", style="Title")
    run = document.add_paragraph().add_run("同志们：")
    run.add_break()
    run.add_text("今天召开这次会议。")
    path = tmp_path / "styled.docx"
    document.save(path)
    paragraphs = read_docx_paragraphs(path)
    assert paragraphs[0].style == "Title"
    assert paragraphs[1].text == "同志们：\n今天召开这次会议。"
    assert read_document(path).paragraphs == [
        "在全市重点工作推进会上的讲话",
        "同志们：",
        "今天召开这次会议。",
    ]


def test_open_docx_parts_gives_the_parsed_parts_a_draft_importer_needs(make_docx):
    parts = open_docx_parts(make_docx(), optional=(STYLES_PART, "word/no-such-part.xml"))
    assert parts.document_name == "word/document.xml"
    assert parts.document.tag.endswith("}document")
    assert set(parts.parts) == {STYLES_PART}


def test_not_a_zip(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("这其实是一个文本文件", encoding="utf-8")
    with pytest.raises(InputError, match="fake.docx：不是有效的 Word 文档"):
        read_document(path)


def test_truncated_docx(make_docx, tmp_path):
    data = make_docx().read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="truncated.docx：不是有效的 Word 文档"):
        read_document(path)


def test_zip_without_document_xml(make_docx, tmp_path):
    path = rewrite(make_docx(), tmp_path / "empty.docx", {}, drop=("word/document.xml",))
    with pytest.raises(InputError, match="empty.docx：.*缺少正文"):
        read_document(path)


def test_document_xml_that_is_not_xml(make_docx, tmp_path):
    path = rewrite(make_docx(), tmp_path / "broken.docx", {"word/document.xml": b"<w:document><w:body>"})
    with pytest.raises(InputError, match="broken.docx：.*不是有效的 XML"):
        read_document(path)


def test_an_old_doc_or_encrypted_file_named_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(InputError, match="old.docx：这是旧版 Word"):
        read_document(path)


def test_zip_bomb_refused_by_its_declared_size_before_decompression(make_docx, tmp_path):
    """The zip directory claims word/document.xml unpacks to 4 GB; nothing may be decompressed."""
    path = make_docx()
    data = bytearray(path.read_bytes())
    patched = 0
    for signature, size_offset, name_offset in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, start + (28 if signature == b"PK\x01\x02" else 26))[
                0
            ]
            name = bytes(data[start + name_offset : start + name_offset + name_length])
            if name == b"word/document.xml":
                struct.pack_into("<I", data, start + size_offset, 0xFFFFFFF0)
                patched += 1
            start += 4
    assert patched == 2
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(bytes(data))
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("word/document.xml").file_size == 0xFFFFFFF0
    with pytest.raises(InputError, match="bomb.docx：.*压缩炸弹"):
        read_document(bomb)


def test_zip_bomb_refused_by_its_compression_ratio(make_docx, tmp_path):
    """30 MB of padding inside document.xml: under the size cap, but compressed a thousandfold."""
    padding = " " * (30 * 1024 * 1024)
    xml = document_xml(f"<w:p><w:r><w:t>同志们：</w:t></w:r></w:p>{padding}")
    assert len(xml) < MAX_DOCX_PART_BYTES
    bomb = rewrite(make_docx(), tmp_path / "ratio.docx", {"word/document.xml": xml})
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(InputError, match="ratio.docx：.*压缩比异常.*压缩炸弹"):
        read_document(bomb)


def test_external_entity_is_never_resolved(make_docx, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("绝密：不应被读取", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    xml = document_xml("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prolog)
    path = rewrite(make_docx(), tmp_path / "xxe.docx", {"word/document.xml": xml})
    with pytest.raises(InputError, match="xxe.docx：.*DOCTYPE") as error:
        read_document(path)
    assert "绝密" not in str(error.value)


def test_billion_laughs_is_refused(make_docx, tmp_path):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    )
    xml = document_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", f"<!DOCTYPE w:document [{entities}]>")
    path = rewrite(make_docx(), tmp_path / "laughs.docx", {"word/document.xml": xml})
    with pytest.raises(InputError, match="laughs.docx：.*DOCTYPE"):
        read_document(path)


def test_entity_declarations_in_utf16_xml_are_caught_too():
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'.encode("utf-16")
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_untrusted_xml(xml, "part.docx", "word/document.xml")


def test_an_ordinary_part_parses(make_docx):
    root = parse_untrusted_xml(document_xml("<w:p/>"), "ok.docx", "word/document.xml")
    assert root.tag.endswith("}document")
