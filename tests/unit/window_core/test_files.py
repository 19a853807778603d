"""Atomic saves and on-disk change detection (desktop.core.files), without Qt."""

from __future__ import annotations

import os

import pytest

from desktop.core import files
from desktop.core.errors import InputError
from desktop.core.files import atomic_write_text, changed_on_disk, stamp_of


def test_atomic_write_keeps_encoding_newlines_and_bom(tmp_path):
    path = tmp_path / "稿.txt"
    atomic_write_text(path, "一\n二\n", "gb18030", "\r\n")
    assert path.read_bytes() == "一\r\n二\r\n".encode("gb18030")
    atomic_write_text(path, "一\n", "utf-8", "\n", bom=True)
    assert path.read_bytes() == b"\xef\xbb\xbf" + "一\n".encode()
    atomic_write_text(path, "一\n", "utf-16", "\n")
    assert path.read_bytes().decode("utf-16") == "一\n"
    assert [p.name for p in tmp_path.iterdir()] == ["稿.txt"]


def test_failed_replace_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "稿.txt"
    path.write_text("原文\n", encoding="utf-8")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(InputError) as info:
        atomic_write_text(path, "新文\n")
    assert "稿.txt" in str(info.value) and "原文件未改动" in str(info.value)
    assert path.read_text(encoding="utf-8") == "原文\n"
    assert [p.name for p in tmp_path.iterdir()] == ["稿.txt"]


def test_unencodable_text_is_refused_with_a_message(tmp_path):
    path = tmp_path / "稿.txt"
    with pytest.raises(InputError, match="UTF-8"):
        atomic_write_text(path, "𠀀", "gbk")
    assert not path.exists()


def test_change_detection_by_content(tmp_path):
    path = tmp_path / "稿.txt"
    stamp = atomic_write_text(path, "原文\n")
    assert not changed_on_disk(path, stamp)
    os.utime(path, ns=(stamp.mtime_ns + 10**9, stamp.mtime_ns + 10**9))  # touched, same bytes
    assert not changed_on_disk(path, stamp)
    path.write_text("别人改过\n", encoding="utf-8")
    assert changed_on_disk(path, stamp)
    assert stamp_of(tmp_path / "无") is None
    assert changed_on_disk(path, None)  # a file appeared where a new document would be saved
    path.unlink()
    assert not changed_on_disk(path, stamp)


def test_mode_of_the_original_is_kept(tmp_path):
    path = tmp_path / "稿.txt"
    path.write_text("原文\n", encoding="utf-8")
    path.chmod(0o640)
    atomic_write_text(path, "新文\n")
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_new_file_gets_the_usual_mode_not_a_private_one(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "新.txt", "新文\n")
    finally:
        os.umask(old)
    assert (tmp_path / "新.txt").stat().st_mode & 0o777 == 0o644
