"""`gongwen mine / phrases / suggest / search` end to end, as a user runs them."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths
from desktop.core.bank.schema import SCHEMA_VERSION
from tests.conftest import REPO_ROOT, SEEDS_DIR
from tests.unit.bank.conftest import RULES, write, write_corpus

HAS_MINER = importlib.util.find_spec("desktop.core.mining.miner") is not None
needs_miner = pytest.mark.skipif(
    not HAS_MINER, reason="desktop.core.mining.miner (the extractors) is not in this checkout yet"
)


def gongwen(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, env=env or dict(os.environ),
    )  # fmt: skip


@pytest.fixture
def rule_bank(tmp_path) -> Path:
    """A bank mined from three small speeches by the rule miner of the bank tests."""
    path = tmp_path / "rules.db"
    with PhraseBank.open(path) as bank:
        import_paths(bank, [write_corpus(tmp_path / "corpus")], miner=RULES)
    return path


# ---- reading a bank -----------------------------------------------------------------------------


def test_phrases_lists_by_kind_for_a_reader(rule_bank):
    result = gongwen("phrases", "--bank", str(rule_bank))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("【排比】共 2 条") < out.index("【四字格】共 6 条")
    assert "久久为功　jjwg　3 次 · 2 篇" in out
    assert "出处：《在全市工作会议上的讲话》｜抓落实要久久为功，一抓到底。" in out  # a.txt, by its title


def test_phrases_json_carries_every_field(rule_bank):
    result = gongwen("phrases", "--bank", str(rule_bank), "--kind", "排比", "--json")
    assert result.returncode == 0, result.stderr
    phrases = json.loads(result.stdout)
    assert [p["text"] for p in phrases] == ["我们要早审批、早落地、早建设", "要查隐患、堵漏洞、强弱项"]
    assert set(phrases[0]) == {"text", "kind", "pattern", "initials", "count", "docs", "sources"}
    assert phrases[0]["sources"] == [
        {"doc": "a.txt", "sentence": "我们要早审批、早落地、早建设。", "title": "在全市工作会议上的讲话"},
        {"doc": "b.txt", "sentence": "我们要早审批、早落地、早建设。", "title": "在项目推进会上的讲话"},
    ]


def test_suggest_by_initials_with_context_and_limit(rule_bank):
    result = gongwen("suggest", "jjwg", "--bank", str(rule_bank))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1. 久久为功　jjwg　3 次 · 2 篇　［四字格］")
    flood = "今年汛期防汛工作任务重"
    ranked = json.loads(
        gongwen("suggest", "", "--context", flood, "--limit", "2", "--json", "--bank", str(rule_bank)).stdout
    )
    assert len(ranked) == 2 and {p["text"] for p in ranked} <= {
        "真抓实干",
        "重整行装",
        "要查隐患、堵漏洞、强弱项",
    }
    by_kind = json.loads(
        gongwen("suggest", "", "--kind", "parallel", "--json", "--bank", str(rule_bank)).stdout
    )
    assert {p["kind"] for p in by_kind} == {"parallel"}
    none = gongwen("suggest", "qqqq", "--bank", str(rule_bank))
    assert none.returncode == 0 and "没有找到与“qqqq”匹配的素材" in none.stdout


def test_search_shows_sentences_with_document_names(rule_bank):
    result = gongwen("search", "营商环境", "--bank", str(rule_bank))
    assert result.returncode == 0, result.stderr
    assert "《在全市工作会议上的讲话》｜优化营商环境是头等大事。" in result.stdout
    assert "《在项目推进会上的讲话》｜持续优化营商环境，久久为功。" in result.stdout
    hits = json.loads(gongwen("search", "营商", "--limit", "1", "--json", "--bank", str(rule_bank)).stdout)
    assert hits == [{"doc": "a.txt", "sentence": "优化营商环境是头等大事。", "position": 4, "title": "在全市工作会议上的讲话"}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["phrases", "--kind", "slogan"], "未知的素材类别“slogan”"),
        (["suggest", "jjwg", "--limit", "0"], "--limit 须为正整数"),
        (["search", " "], "检索内容不能为空"),
        (["suggest", "jjwg", "--limit", "many"], "用法错误"),
    ],
)
def test_usage_errors_exit_2_in_chinese(rule_bank, args, message):
    result = gongwen(*args, "--bank", str(rule_bank))
    assert result.returncode == 2 and message in result.stderr and result.stdout == ""


def test_missing_newer_and_foreign_bank_files_are_errors(tmp_path, rule_bank):
    missing = gongwen("suggest", "jjwg", "--bank", str(tmp_path / "nowhere.db"))
    assert missing.returncode == 2 and "nowhere.db：找不到素材库文件" in missing.stderr
    assert not (tmp_path / "nowhere.db").exists()
    conn = sqlite3.connect(rule_bank)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    for command in (["suggest", "jjwg"], ["mine", str(tmp_path / "corpus")]):
        newer = gongwen(*command, "--bank", str(rule_bank))
        assert newer.returncode == 2 and "较新版本的公文写作助手" in newer.stderr, newer.stderr
    foreign = tmp_path / "notes.db"
    foreign.write_text("就是一段文字，不是数据库。" * 100, encoding="utf-8")
    result = gongwen("phrases", "--bank", str(foreign))
    assert result.returncode == 2 and "notes.db：不是有效的素材库文件" in result.stderr


def test_mine_remove_takes_a_document_out(tmp_path, rule_bank):
    result = gongwen("mine", "--remove", str(tmp_path / "corpus" / "a.txt"), "--bank", str(rule_bank))
    assert result.returncode == 0, result.stderr
    assert "删除 1" in result.stdout and "库中共有文档 2 篇" in result.stdout
    phrases = {
        p["text"]: p for p in json.loads(gongwen("phrases", "--json", "--bank", str(rule_bank)).stdout)
    }
    assert phrases["久久为功"]["docs"] == 1 and {s["doc"] for s in phrases["久久为功"]["sources"]} == {
        "b.txt"
    }
    assert "一抓到底" not in phrases
    again = gongwen("mine", "--remove", str(tmp_path / "corpus" / "a.txt"), "--bank", str(rule_bank))
    assert again.returncode == 2 and "a.txt：素材库中没有这个文件的素材" in again.stderr


# ---- mining with the real extractors --------------------------------------------------------------


@needs_miner
def test_mine_the_seeds_then_query(tmp_path):
    bank = tmp_path / "b.db"
    result = gongwen("mine", str(SEEDS_DIR), "--bank", str(bank))
    assert result.returncode == 0, result.stderr
    seeds = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    for index, name in enumerate(seeds, 1):
        assert f"[{index}/{len(seeds)}] {name}：新增" in result.stderr
    assert f"新增 {len(seeds)}" in result.stdout and f"库中共有文档 {len(seeds)} 篇" in result.stdout

    parallel = json.loads(gongwen("phrases", "--bank", str(bank), "--kind", "parallel", "--json").stdout)
    assert len(parallel) >= 10 and {p["kind"] for p in parallel} == {"parallel"}
    assert all(p["sources"] and p["sources"][0]["doc"] in seeds for p in parallel)
    assert all(p["sources"][0]["sentence"] for p in parallel)

    suggest = gongwen("suggest", "jjwg", "--bank", str(bank), "--json")
    assert json.loads(suggest.stdout)[0]["text"] == "久久为功"
    hits = json.loads(gongwen("search", "营商环境", "--bank", str(bank), "--json").stdout)
    assert hits and all("营商环境" in h["sentence"] and h["doc"] in seeds for h in hits)

    again = gongwen("mine", str(SEEDS_DIR), "--bank", str(bank), "--json")
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["files"]["unchanged"] == len(seeds) and summary["files"]["added"] == 0
    assert summary["total_phrases"] == sum(summary["phrases"].values()) > 0


@needs_miner
def test_default_and_user_banks_without_bank_option(tmp_path, isolated_data_dir):
    """No --bank: `mine` writes the user's bank, queries read it merged with the default bank."""
    env = {**os.environ, "GONGWEN_DATA_DIR": str(isolated_data_dir)}
    first = gongwen("suggest", "jjwg", "--json", env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)[0]["text"] == "久久为功"
    assert "营商环境" in gongwen("search", "营商环境", env=env).stdout

    mine = write(
        tmp_path / "mine", "讲话.txt", "在座谈会上的讲话\n同志们：\n我们要久久为功，持续优化营商环境。\n"
    )
    result = gongwen("mine", str(mine.parent), env=env)
    assert result.returncode == 0, result.stderr
    assert (isolated_data_dir / "bank.sqlite").exists()
    hits = json.loads(gongwen("search", "持续优化营商环境", "--json", env=env).stdout)
    assert "讲话.txt" in {h["doc"] for h in hits}


@needs_miner
def test_bad_files_among_good_ones_are_reported_and_skipped(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    good = sorted(SEEDS_DIR.glob("*.txt"))[:2]
    for seed in good:
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with zipfile.ZipFile(folder / "nobody.docx", "w") as archive:  # a zip without a document part
        archive.writestr("hello.txt", "not a word document")
    bank = tmp_path / "b.db"
    result = gongwen("mine", str(folder), "--bank", str(bank), "--json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    status = {Path(o["file"]).name: o["status"] for o in report["outcomes"]}
    assert {status[s.name] for s in good} == {"added"}
    for bad in ("empty.txt", "binary.txt", "corrupt.docx", "nobody.docx"):
        assert status[bad] == "failed" and f"{bad}：" in result.stderr
    with PhraseBank.open(bank, readonly=True) as opened:
        names = {d.name for d in opened.documents()}
        assert {s.name for s in good} <= names and not names & {
            "empty.txt",
            "binary.txt",
            "corrupt.docx",
            "nobody.docx",
        }
        assert opened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert sum(opened.kind_counts().values()) > 0


@needs_miner
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL exists only on POSIX systems")
def test_sigkill_during_gongwen_mine_leaves_the_bank_as_before(tmp_path):
    bank = tmp_path / "b.db"
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    assert gongwen("mine", str(seeds[0]), "--bank", str(bank)).returncode == 0
    before = json.loads(gongwen("phrases", "--bank", str(bank), "--json").stdout)
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(8):  # distinct contents, so none is skipped as a duplicate
        for seed in seeds:
            text = seed.read_text(encoding="utf-8") + f"\n第{copy}份副本。\n"
            (folder / f"{copy}_{seed.name}").write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "mine", str(folder), "--bank", str(bank)],
        cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        first = proc.stderr.readline()
        assert first.startswith(f"[1/{8 * len(seeds)}]"), first
        assert proc.poll() is None  # 39 files still to mine
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    conn = sqlite3.connect(bank)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT name FROM documents").fetchall() == [(seeds[0].name,)]
    conn.close()
    assert json.loads(gongwen("phrases", "--bank", str(bank), "--json").stdout) == before
