"""`gongwen clean` as a user runs it, and `gongwen mine` storing the same text for files imported together."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import docx

from desktop.core.corpus import read_document
from tests.conftest import REPO_ROOT

BODY = "同志们：\n今天召开这次会议，主要任务是部署全年工作。\n一、关于项目建设\n要坚持项目为王，确保早开工、早投产。\n"
# Chrome of one made-up site: a breadcrumb, an information bar, its slogan under every page.
SLOGAN = "精品讲稿天天更新"


def page(title: str, extra: str = "") -> str:
    return f"首页 > 讲话稿 > 领导讲话\n{title}\n来源：某某文秘站 浏览次数：1024\n{BODY}{extra}{SLOGAN}\n"


def gongwen(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, env=dict(os.environ),
    )  # fmt: skip


def test_one_file_goes_to_standard_output_as_it_would_be_stored(tmp_path):
    source = tmp_path / "讲话.txt"
    source.write_text(page("在全县项目建设推进会上的讲话", "(未完,全文共1971字,当前显示613字)\n"), encoding="gb18030")
    result = gongwen("clean", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout == read_document(source).text + "\n"
    assert result.stdout.splitlines() == [
        "在全县项目建设推进会上的讲话",
        "同志们：",
        "今天召开这次会议，主要任务是部署全年工作。",
        "一、关于项目建设",
        "要坚持项目为王，确保早开工、早投产。",
        SLOGAN,  # one file alone gives no evidence that this line is the site's
    ]
    assert result.stderr == ""  # nothing asked for, nothing said


def test_explain_names_every_removed_piece_and_its_rule_on_standard_error(tmp_path):
    source = tmp_path / "讲话.txt"
    source.write_text("在全县会议上的讲话\n同志们：\n要抓好<b>落实</b>。(比喻论证,生动形象说明一个道理)\n", encoding="utf-8")
    result = gongwen("clean", "--explain", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "在全县会议上的讲话\n同志们：\n要抓好落实。\n"
    assert result.stderr.splitlines() == [
        "讲话.txt：删去 0 行、24 字",
        "  第 3 行　网页标记（HTML/CSS）　删去：<b>",
        "  第 3 行　网页标记（HTML/CSS）　删去：</b>",
        "  第 3 行　编者批注　删去：(比喻论证,生动形象说明一个道理)",
    ]


def test_files_named_together_are_cleaned_as_one_import_into_a_folder(tmp_path):
    titles = ("在全县项目建设推进会上的讲话", "在全县安全生产会议上的讲话", "在全县防汛工作会议上的讲话")
    sources = []
    for index, title in enumerate(titles):
        path = tmp_path / "in" / f"{index}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page(title), encoding="utf-8")
        sources.append(path)
    word = tmp_path / "in" / "3.docx"
    document = docx.Document()
    for line in page("在全县乡村振兴会议上的讲话").splitlines():
        document.add_paragraph(line)
    document.save(word)
    out = tmp_path / "out"
    result = gongwen("clean", *map(str, sources), str(word), "-o", str(out), "--explain")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["0.txt", "1.txt", "2.txt", "3.txt"]
    for path, title in zip(sorted(out.iterdir()), (*titles, "在全县乡村振兴会议上的讲话")):
        assert path.read_text(encoding="utf-8") == f"{title}\n{BODY}"  # the slogan went by evidence
    assert "0.txt → " in result.stdout and "多篇语料共有的网站内容　整行：精品讲稿天天更新" in result.stdout
    # Alone, the slogan is nothing a detector knows: only the other files tell it is chrome.
    alone = gongwen("clean", str(sources[0]))
    assert SLOGAN in alone.stdout


def test_unreadable_files_are_named_in_chinese_and_the_others_still_written(tmp_path):
    good = tmp_path / "好.txt"
    good.write_text(page("在全县会议上的讲话"), encoding="utf-8")
    binary = tmp_path / "坏.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "无.txt"
    out = tmp_path / "out"
    result = gongwen("clean", str(good), str(binary), str(missing), str(tmp_path), "-o", str(out))
    assert result.returncode == 2
    assert "有 3 个文件未能处理：" in result.stderr
    assert "坏.txt：不是文本文件" in result.stderr
    assert "无.txt：文件不存在" in result.stderr
    assert f"{tmp_path.name}：这是一个文件夹" in result.stderr
    assert (out / "好.txt").read_text(encoding="utf-8").startswith("在全县会议上的讲话\n同志们：")


def test_a_folder_mined_stores_the_text_clean_prints(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    titles = ("在全县项目建设推进会上的讲话", "在全县安全生产会议上的讲话", "在全县防汛工作会议上的讲话")
    for index, title in enumerate(titles):
        (folder / f"{index}.txt").write_text(page(title), encoding="utf-8")
    bank = tmp_path / "bank.sqlite"
    mined = gongwen("mine", str(folder), "--bank", str(bank))
    assert mined.returncode == 0, mined.stderr
    cleaned = gongwen("clean", *(str(folder / f"{i}.txt") for i in range(3)), "-o", str(tmp_path / "out"))
    assert cleaned.returncode == 0, cleaned.stderr
    with sqlite3.connect(bank) as connection:
        stored = dict(connection.execute("SELECT name, text FROM documents"))
    for index in range(3):
        name = f"{index}.txt"
        assert stored[name] + "\n" == (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert SLOGAN not in stored[name]
