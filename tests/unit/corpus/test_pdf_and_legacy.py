"""PDF through pypdf; .doc/.wps through LibreOffice; files made the way users get them: by an office suite."""

from __future__ import annotations

import os
import shutil
import stat
import sys

import pytest

from desktop.core.corpus import read_document
from desktop.core.corpus.legacy import convert_to_docx
from desktop.core.corpus.pdf_reader import restore_displaced_quotes
from desktop.core.errors import InputError
from tests.unit.corpus.conftest import SPEECH_LINES, seed_text

# Two long paragraphs of seed 001: a PDF page wraps them over several lines each, with “” in a Latin font.
LONG_PARAGRAPHS = tuple(seed_text("001").split("\n")[3:5])


def minimal_pdf(lines: list[str]) -> bytes:
    """A hand-written one-page PDF showing lines of ASCII text in Helvetica (no office suite needed)."""
    content = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.fixture(scope="module")
def speech_docx(tmp_path_factory):
    import docx

    document = docx.Document()
    for text in (*SPEECH_LINES, *LONG_PARAGRAPHS):
        document.add_paragraph(text)
    path = tmp_path_factory.mktemp("speech") / "讲话稿.docx"
    document.save(path)
    return path


def test_pdf_made_by_libreoffice_reads_as_the_speech_with_its_paragraphs(converted, speech_docx):
    document = read_document(converted(speech_docx, "pdf"))
    assert document.encoding == "pdf"
    assert document.title == SPEECH_LINES[0]
    # Wrapped lines joined back into whole paragraphs; quotes pypdf displaced put back where they stood.
    assert document.paragraphs == [*SPEECH_LINES, *(p.replace("?", "？") for p in LONG_PARAGRAPHS)]


def test_hand_written_pdf_with_latin_text(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf(["Annual Report 2020", "Growth was 3.5 percent."]))
    assert read_document(path).paragraphs == ["Annual Report 2020", "Growth was 3.5 percent."]


def test_pdf_without_text_is_probably_a_scan(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf([]))
    with pytest.raises(InputError, match="scan.pdf：PDF 中没有可提取的文字"):
        read_document(path)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
    )
    with pytest.raises(InputError, match="broken.pdf："):
        read_document(path)


def test_missing_pypdf_gives_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf(["Annual Report 2020"]))
    monkeypatch.setitem(sys.modules, "pypdf", None)  # what an installation without the `pdf` extra looks like
    with pytest.raises(InputError, match=r"report.pdf：读取 PDF 需要可选组件 pypdf.*gongwen\[pdf\]"):
        read_document(path)


def test_quotes_displaced_by_pypdf_are_restored():
    assert (
        restore_displaced_quotes("“ ” “ ”服务业 两区 行列。我市 三区 特") == "服务业“两区”行列。我市“三区”特"
    )
    assert restore_displaced_quotes("“标题”在前") == "“标题”在前"


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_doc_and_wps_are_converted_through_libreoffice(converted, speech_docx, tmp_path, suffix):
    doc = converted(speech_docx, "doc")
    path = tmp_path / f"旧版讲话稿{suffix}"  # WPS Office's .wps files are Word 97 documents inside
    shutil.copyfile(doc, path)
    document = read_document(path)
    assert document.encoding == suffix.lstrip(".")
    assert document.paragraphs[: len(SPEECH_LINES)] == list(SPEECH_LINES)


def test_doc_without_libreoffice_gives_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setattr("desktop.core.corpus.legacy._WINDOWS_CANDIDATES", ())
    monkeypatch.setattr("desktop.core.corpus.legacy._MAC_CANDIDATE", str(tmp_path / "none"))
    with pytest.raises(InputError, match="old.doc：.*请安装 LibreOffice.*另存为 .docx"):
        read_document(path)


def test_a_file_that_is_no_word_document_is_not_handed_to_libreoffice(tmp_path):
    path = tmp_path / "garbage.doc"
    path.write_bytes(os.urandom(2048))
    with pytest.raises(InputError, match="garbage.doc：不是有效的 Word/WPS 文档"):
        read_document(path)


def test_a_docx_named_doc_is_read_as_the_docx_it_is(make_docx, tmp_path):
    path = tmp_path / "misnamed.doc"
    shutil.copyfile(make_docx(), path)
    assert read_document(path).paragraphs == list(SPEECH_LINES)


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in converter is a shell script")
def test_a_hanging_conversion_is_stopped_after_its_time_limit(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    pid_file = tmp_path / "pid"
    script.write_text(f"#!/bin/sh\necho $$ > '{pid_file}'\nexec {shutil.which('sleep')} 600\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir))
    source = tmp_path / "slow.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0")
    workdir = tmp_path / "work"
    workdir.mkdir()
    with pytest.raises(InputError, match="slow.doc：LibreOffice 转换超时"):
        convert_to_docx(source, workdir, timeout=1)
    with pytest.raises(ProcessLookupError):  # the converter was killed, not left running
        os.kill(int(pid_file.read_text()), 0)
