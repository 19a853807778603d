"""Findings in Word as a user gets them: `gongwen export --comments`, `gongwen lint FILE.docx` with
paragraph numbers, `gongwen lint FILE.docx --comments -o 审阅.docx`, and the file names of the profiles."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from desktop.core.export import import_draft
from tests.e2e.export.test_export_cli import DATA, gongwen
from tests.unit.export.comment_xml import anchored_text, comment_text, comments, document
from tests.unit.export.review_fixture import build_reviewable

DEFECTS = "四、XX工作要抓好,落实到位\n"


@pytest.fixture
def defective(tmp_path):
    draft = tmp_path / "讲话.txt"
    draft.write_text((DATA / "speech.txt").read_text(encoding="utf-8").rstrip("\n") + "\n" + DEFECTS, encoding="utf-8")
    return draft


def test_export_with_comments(tmp_path, defective):
    out = tmp_path / "审.docx"
    result = gongwen("export", str(defective), "-o", str(out), "--comments")
    assert result.returncode == 0, result.stderr
    lint = json.loads(gongwen("lint", "--format", "json", str(defective)).stdout)
    entries = comments(out)
    texts = sorted(comment_text(c) for c in entries.values())
    # one comment per finding (a finding that gathers several places in `lint` is one comment per place)
    assert texts == sorted(f"{f['code']} {f['message']}" for f in lint)
    assert f"{len(entries)} 条批注" in result.stdout
    anchored = anchored_text(document(out))
    assert {"讲三点意见", "XX", ","} <= set(anchored.values())
    assert import_draft(out).text == defective.read_text(encoding="utf-8").strip()


def test_export_without_comments_has_none(tmp_path, defective):
    out = tmp_path / "o.docx"
    assert gongwen("export", str(defective), "-o", str(out)).returncode == 0
    with zipfile.ZipFile(out) as package:
        assert "word/comments.xml" not in package.namelist()
        assert b"comment" not in package.read("word/document.xml")


def test_ignored_findings_are_not_written(tmp_path, defective):
    lint = json.loads(gongwen("lint", "--format", "json", str(defective)).stdout)
    placeholder = next(f for f in lint if f["code"] == "GW301")
    text = defective.read_text(encoding="utf-8")
    offset = placeholder["offset"]
    sidecar = defective.with_name(defective.name + ".lint-ignore.json")
    sidecar.write_text(json.dumps([{"code": "GW301", "snippet": text[offset:offset + placeholder["length"]],
                                    "context": text[max(0, offset - 6):offset]}], ensure_ascii=False),
                       encoding="utf-8")
    out = tmp_path / "o.docx"
    assert gongwen("export", str(defective), "-o", str(out), "--comments").returncode == 0
    texts = [comment_text(c) for c in comments(out).values()]
    assert len(texts) == len(lint) - 1 and not any(t.startswith("GW301") for t in texts)


def test_the_two_profiles_propose_their_own_files(tmp_path, defective):
    first = gongwen("export", str(defective))
    second = gongwen("export", str(defective), "--profile", "speech")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    plain, reading = tmp_path / "讲话.docx", tmp_path / "讲话（念稿）.docx"
    assert plain.is_file() and reading.is_file()
    assert plain.read_bytes() != reading.read_bytes()
    # a Word draft with the 公文 profile would be written over itself: -o is asked for
    result = gongwen("export", str(plain))
    assert result.returncode == 2 and "-o" in result.stderr


def test_lint_a_word_file_by_paragraph(tmp_path):
    original = build_reviewable(tmp_path / "通知.docx")
    result = gongwen("lint", str(original))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{original}:第3段第3字: GW301")
    assert any(":第5段第1字: GW103" in line for line in lines)
    assert any(":第9段第1字: GW301" in line for line in lines)  # a table cell
    findings = json.loads(gongwen("lint", "--format", "json", str(original)).stdout)
    assert [(f["paragraph"], f["paragraph_column"]) for f in findings][:2] == [(3, 3), (3, 16)]


def test_lint_writes_the_reviewers_copy(tmp_path):
    original = build_reviewable(tmp_path / "通知.docx")
    kept = original.read_bytes()
    out = tmp_path / "通知（审阅）.docx"
    result = gongwen("lint", str(original), "--comments", "-o", str(out))
    assert result.returncode == 1  # findings, as without --comments
    found = json.loads(gongwen("lint", "--format", "json", str(original)).stdout)
    assert f"已写入审阅副本：{out}（{len(found)} 条批注）" in result.stderr
    assert original.read_bytes() == kept
    assert len(comments(out)) == len(found) + 1  # the colleague's and ours
    assert result.stdout == gongwen("lint", str(original)).stdout  # the same report


@pytest.mark.parametrize(("args", "message"), [
    (["--comments"], "-o"),
    (["-o", "x.docx"], "--comments"),
    (["--comments", "-o", "x.txt"], ".docx"),
    (["--comments", "-o", "x.docx", "--fix"], "--fix"),
])
def test_reviewers_copy_usage_errors(tmp_path, args, message):
    original = build_reviewable(tmp_path / "通知.docx")
    result = gongwen("lint", str(original), *[str(tmp_path / a) if a.startswith("x.") else a for a in args])
    assert result.returncode == 2 and message in result.stderr


def test_reviewers_copy_of_a_text_draft_points_to_export(tmp_path, defective):
    result = gongwen("lint", str(defective), "--comments", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "gongwen export --comments" in result.stderr


def test_reviewers_copy_never_replaces_the_original(tmp_path):
    original = build_reviewable(tmp_path / "通知.docx")
    kept = original.read_bytes()
    result = gongwen("lint", str(original), "--comments", "-o", str(original))
    assert result.returncode == 2 and "原文件" in result.stderr
    assert original.read_bytes() == kept


def test_read_only_target_for_the_reviewers_copy(tmp_path):
    original = build_reviewable(tmp_path / "通知.docx")
    out = tmp_path / "审阅.docx"
    shutil.copy(original, out)
    out.chmod(0o444)
    try:
        result = gongwen("lint", str(original), "--comments", "-o", str(out))
    finally:
        out.chmod(0o644)
    assert result.returncode == 2 and "只读" in result.stderr
    assert out.read_bytes() == original.read_bytes()
