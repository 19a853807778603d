"""`gongwen export` as a user runs it: a real process, real files, messages on stderr."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands.export import count_lint_errors
from desktop.core.export import import_draft
from tests.conftest import REPO_ROOT

DATA = REPO_ROOT / "tests" / "unit" / "export" / "data"


def gongwen(*args: str, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def test_export_a_text_draft(tmp_path):
    out = tmp_path / "讲话.docx"
    result = gongwen("export", str(DATA / "speech.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已导出" in result.stdout and "公文（GB/T 9704-2012）" in result.stdout
    assert import_draft(out).text == (DATA / "speech.txt").read_text(encoding="utf-8").strip()


def test_export_a_docx_draft_with_the_speech_profile(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert gongwen("export", str(DATA / "speech.txt"), "-o", str(first)).returncode == 0
    result = gongwen("export", str(first), "-o", str(second), "--profile", "speech")
    assert result.returncode == 0, result.stderr
    assert "讲话稿念稿版" in result.stdout
    assert import_draft(second).text == import_draft(first).text


def test_profile_given_as_a_path(tmp_path):
    profile = tmp_path / "我的版式.toml"
    text = (REPO_ROOT / "resources" / "profiles" / "gongwen.toml").read_text(encoding="utf-8")
    profile.write_text(text.replace('name = "公文（GB/T 9704-2012）"', 'name = "本单位版式"'), encoding="utf-8")
    result = gongwen("export", str(DATA / "speech.txt"), "-o", str(tmp_path / "o.docx"), "--profile", str(profile))
    assert result.returncode == 0, result.stderr
    assert "本单位版式" in result.stdout


def test_broken_profile_is_named_with_the_reason(tmp_path):
    profile = tmp_path / "坏.toml"
    profile.write_text("[page]\nwidth = 1\n", encoding="utf-8")
    result = gongwen("export", str(DATA / "speech.txt"), "-o", str(tmp_path / "o.docx"), "--profile", str(profile))
    assert result.returncode == 2
    assert "坏.toml" in result.stderr and "版式文件内容有误" in result.stderr


def test_unknown_profile_lists_the_bundled_ones(tmp_path):
    result = gongwen("export", str(DATA / "speech.txt"), "-o", str(tmp_path / "o.docx"), "--profile", "nope")
    assert result.returncode == 2
    assert "gongwen、speech" in result.stderr


def test_missing_input_file(tmp_path):
    result = gongwen("export", str(tmp_path / "没有这个.txt"), "-o", str(tmp_path / "o.docx"))
    assert result.returncode == 2
    assert "没有这个.txt" in result.stderr


def test_read_only_target_keeps_the_existing_file(tmp_path):
    out = tmp_path / "已有.docx"
    shutil.copy(DATA / "speech.txt", out)  # any existing content must survive
    out.chmod(0o444)
    try:
        result = gongwen("export", str(DATA / "speech.txt"), "-o", str(out))
    finally:
        out.chmod(0o644)
    assert result.returncode == 2
    assert "已有.docx" in result.stderr and "只读" in result.stderr and "原文件未改动" in result.stderr
    assert out.read_bytes() == (DATA / "speech.txt").read_bytes()


def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = gongwen("export", str(DATA / "speech.txt"), "-o", str(folder / "o.docx"))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert "只读" in result.stderr and "换一个保存位置" in result.stderr


def test_output_must_be_docx(tmp_path):
    result = gongwen("export", str(DATA / "speech.txt"), "-o", str(tmp_path / "o.doc"))
    assert result.returncode == 2 and ".docx" in result.stderr


def test_error_level_findings_are_counted_and_the_export_still_done(tmp_path):
    draft = tmp_path / "带占位符.txt"
    draft.write_text("在XX会议上的讲话\n同志们：\n今年完成投资××亿元，增长X%。\n", encoding="utf-8")
    if count_lint_errors(draft.read_text(encoding="utf-8")) is None:
        pytest.skip("the linter (desktop.core.lint) is not part of this build yet")
    lint = gongwen("lint", "--format", "json", str(draft))
    errors = sum(1 for finding in json.loads(lint.stdout) if finding["level"] == "error")
    assert errors >= 2
    out = tmp_path / "o.docx"
    result = gongwen("export", str(draft), "-o", str(out))
    assert result.returncode == 0 and out.is_file()
    assert f"文稿还有 {errors} 处错误级问题" in result.stderr


def test_clean_draft_gets_no_lint_warning(tmp_path):
    result = gongwen("export", str(DATA / "speech.txt"), "-o", str(tmp_path / "o.docx"))
    assert result.returncode == 0
    assert "错误级问题" not in result.stderr
