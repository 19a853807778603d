"""read_document: one entry for every format; every failure is an InputError naming the file."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core.corpus import SUPPORTED_SUFFIXES, is_supported, read_document
from desktop.core.errors import InputError
from tests.unit.corpus.conftest import SPEECH_LINES

SPEECH = "\n".join(SPEECH_LINES)


def test_a_text_file_becomes_a_clean_document(tmp_path):
    path = tmp_path / "讲话.txt"
    data = (
        "仅供学习 禁止外传\n" + SPEECH.replace("，", ",") + "\n看过本文的人还看了：\n1.在某会议上的讲话\n"
    ).encode("gbk")
    path.write_bytes(data)
    document = read_document(path)
    assert document.path == path and document.name == "讲话.txt"
    assert document.title == SPEECH_LINES[0]
    assert document.paragraphs == list(SPEECH_LINES)
    assert document.text == SPEECH
    assert document.encoding == "gb18030"
    assert document.content_hash == hashlib.sha256(data).hexdigest()


def test_the_hash_follows_the_bytes_not_the_cleaned_text(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SPEECH, encoding="utf-8")
    second.write_text(SPEECH + "\n酷乐文行整理，咨询QQ206157060", encoding="utf-8")
    one, two = read_document(first), read_document(second)
    assert one.text == two.text
    assert one.content_hash != two.content_hash


def test_without_a_recognisable_title_the_file_name_is_the_title(tmp_path):
    path = tmp_path / "2020年7月会议.txt"
    path.write_text("同志们：\n" + SPEECH_LINES[2], encoding="utf-8")
    assert read_document(path).title == "2020年7月会议"


def test_a_file_of_nothing_but_junk(tmp_path):
    path = tmp_path / "ads.txt"
    path.write_text(
        "仅供学习 禁止外传\n会员群：  免费QQ群：\nCopyright © 2002-2018 版权所有\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="ads.txt：清理后没有正文"):
        read_document(path)


@pytest.mark.parametrize("name", ["table.xlsx", "slides.pptx", "README", "photo.jpg"])
def test_unsupported_types(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"data")
    assert not is_supported(path)
    with pytest.raises(InputError, match=f"{name}：不支持的文件类型"):
        read_document(path)


def test_supported_suffixes_are_case_insensitive(tmp_path):
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".docx", ".pdf", ".doc", ".wps"}
    path = tmp_path / "SPEECH.TXT"
    path.write_text(SPEECH, encoding="utf-8")
    assert is_supported(path) and read_document(path).title == SPEECH_LINES[0]


def test_an_unexpected_failure_on_one_file_is_still_an_input_error(tmp_path, monkeypatch):
    path = tmp_path / "odd.txt"
    path.write_text(SPEECH, encoding="utf-8")

    def broken(raw, evidence=None):
        raise RuntimeError("a reader bug")

    monkeypatch.setattr("desktop.core.corpus.document.clean", broken)
    with pytest.raises(InputError, match="odd.txt：读取失败（内部错误 RuntimeError"):
        read_document(path)
