"""Decoding text files: encodings detected from real bytes, bad files refused with a reason."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys

import pytest

from desktop.core.corpus import decode_bytes, read_document, read_text_file
from desktop.core.corpus.limits import MAX_TEXT_BYTES
from desktop.core.errors import InputError
from tests.conftest import REPO_ROOT
from tests.unit.corpus.conftest import SPEECH_LINES, seed_text

SPEECH = "\n".join(SPEECH_LINES)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_without_bom(tmp_path):
    decoded = read_text_file(write(tmp_path, "a.txt", SPEECH.encode("utf-8")))
    assert (decoded.text, decoded.encoding, decoded.bom) == (SPEECH, "utf-8", False)


def test_utf8_with_bom_drops_the_bom_and_remembers_it(tmp_path):
    decoded = read_text_file(write(tmp_path, "a.txt", codecs.BOM_UTF8 + SPEECH.encode("utf-8")))
    assert decoded.text == SPEECH
    assert (decoded.encoding, decoded.bom) == ("utf-8", True)
    assert decoded.encode() == codecs.BOM_UTF8 + SPEECH.encode("utf-8")


def test_real_gbk_speech_text(tmp_path):
    body = seed_text("000")  # a whole real speech, written the way an old Windows editor saves it
    decoded = read_text_file(write(tmp_path, "gbk.txt", body.encode("gbk")))
    assert decoded.encoding == "gb18030"
    assert decoded.text == body


def test_gbk_bytes_that_are_also_valid_utf8_are_read_as_gbk(tmp_path):
    # Each of these characters' GBK bytes form a valid UTF-8 sequence, so a naive UTF-8 first guess
    # would succeed and read them as Cyrillic/Arabic letters.
    text = "全省农业要学习"
    data = text.encode("gbk")
    assert data.decode("utf-8")  # the trap is real
    assert read_text_file(write(tmp_path, "short.txt", data)).text == text


def test_gb18030_characters_outside_gbk(tmp_path):
    text = "同志们：我们要为㐀（扩展A区）和𠀀（扩展B区）的生僻字留有余地。"
    decoded = read_text_file(write(tmp_path, "gb.txt", text.encode("gb18030")))
    assert (decoded.text, decoded.encoding) == (text, "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    decoded = read_text_file(write(tmp_path, "u16.txt", bom + SPEECH.encode(codec)))
    assert decoded.text == SPEECH
    assert decoded.bom and decoded.encoding == "utf-16"


def test_utf16_without_bom_is_recognised_by_its_nul_pattern(tmp_path):
    text = "Report 2020\n" + SPEECH
    decoded = read_text_file(write(tmp_path, "u16.txt", text.encode("utf-16-le")))
    assert (decoded.text, decoded.encoding) == (text, "utf-16-le")


def test_line_endings_are_read_as_newlines_and_written_back_as_they_were(tmp_path):
    data = SPEECH.replace("\n", "\r\n").encode("gb18030")
    decoded = read_text_file(write(tmp_path, "crlf.txt", data))
    assert "\r" not in decoded.text and decoded.newline == "\r\n"
    assert decoded.encode() == data


def test_a_stray_bad_byte_in_a_long_file_is_tolerated(tmp_path):
    data = seed_text("001").encode("utf-8")
    data = data[:5000] + b"\xff" + data[5000:]
    decoded = read_text_file(write(tmp_path, "stray.txt", data))
    assert "所谓有欣喜" in decoded.text


def test_empty_corpus_file(tmp_path):
    with pytest.raises(InputError, match="empty.txt：文件为空"):
        read_document(write(tmp_path, "empty.txt", b""))


def test_whitespace_only_corpus_file(tmp_path):
    with pytest.raises(InputError, match="blank.txt：.*没有文字"):
        read_document(write(tmp_path, "blank.txt", b" \r\n\t\n"))


def test_an_empty_draft_decodes_to_empty_text(tmp_path):
    decoded = read_text_file(write(tmp_path, "new.txt", b""))
    assert (decoded.text, decoded.encoding, decoded.newline) == ("", "utf-8", "\n")


def test_binary_with_nul_bytes(tmp_path):
    data = bytes(range(256)) * 40
    with pytest.raises(InputError, match="image.txt：不是文本文件"):
        read_document(write(tmp_path, "image.txt", data))


def test_binary_full_of_control_characters_but_no_nul(tmp_path):
    data = bytes(b % 31 + 1 for b in os.urandom(4000))  # control bytes only, which are valid UTF-8
    with pytest.raises(InputError, match="noise.txt：不是文本文件"):
        read_text_file(write(tmp_path, "noise.txt", data))


@pytest.mark.parametrize(
    ("head", "named"),
    [
        (b"PK\x03\x04", "Word（.docx）或压缩文件"),
        (b"%PDF-1.7", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
    ],
)
def test_office_files_named_txt_are_named_for_what_they_are(tmp_path, head, named):
    with pytest.raises(InputError, match=named):
        read_text_file(write(tmp_path, "renamed.txt", head + b"\x00" * 100))


def test_undecodable_bytes(tmp_path):
    data = bytes([0x81, 0x20]) * 500  # a GBK lead byte followed by a space is invalid everywhere
    with pytest.raises(InputError, match="无法识别文本编码"):
        read_text_file(write(tmp_path, "garbled.txt", data))


def test_a_50_mb_text_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: no 50 MB written to disk or held in memory
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError) as error:
        read_document(path)
    assert "huge.txt" in str(error.value)
    assert "50.0 MB" in error.value.reason and "上限" in error.value.reason
    assert 50 * 1024 * 1024 > MAX_TEXT_BYTES


def test_a_directory_passed_as_a_file(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="folder.txt：这是一个文件夹"):
        read_document(folder)


def test_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="gone.txt：文件不存在"):
        read_text_file(tmp_path / "gone.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes exist only on POSIX systems")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="pipe.txt：不是普通文件"):
        read_document(pipe)


_READ = """
import sys
from desktop.core.corpus import read_text_file
from desktop.core.errors import InputError
try:
    read_text_file(sys.argv[1])
except InputError as exc:
    print(exc)
"""


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_file_without_read_permission(tmp_path):
    path = write(tmp_path, "secret.txt", SPEECH.encode())
    path.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(InputError, match="secret.txt：没有读取权限"):
            read_text_file(path)
        return
    # Root reads every file whatever its mode; a child without the capabilities that allow it does not.
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to test file permissions as root"
    result = subprocess.run(
        [setpriv, "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-c", _READ, str(path)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "secret.txt：没有读取权限" in result.stdout, result.stdout + result.stderr


def test_decode_bytes_without_a_path_still_explains():
    with pytest.raises(InputError, match="^不是文本文件"):
        decode_bytes(b"\x00\x01\x02\x03" * 100)
