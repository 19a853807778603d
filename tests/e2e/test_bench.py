"""`gongwen bench --quick --json` runs end to end and reports every figure the performance goals name.

Only the presence and sanity of the figures is checked here: timings are never assertions."""

import json
import math
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

QUERY_KINDS = ("prefix", "initials", "substring", "context")
QUICK_BANK_SIZES = (1_000, 5_000)
PANEL = tuple(f"phrases.panel.{n}_ms" for n in ("related", "initials", "letter", "idiom_two_chars", "favourites"))
POPUP = tuple(f"phrases.popup.{n}_ms" for n in ("begun", "parallel", "context", "letters"))
WINDOW = tuple(
    f"window.{n}_ms" for n in ("check_full", "check_edit", "open", "apply", "typing", "typing_slowest")
)
BIG = tuple(
    f"window.big_{n}" for n in ("open_ms", "typing_ms", "typing_slowest_ms", "peak_mb", "typing_settled_ms")
)

EXPECTED = {
    "mining.corpus_mb", "mining.seconds", "mining.throughput_mb_s", "mining.speedup_vs_jieba",
    "mining.unseen_seconds", "mining.unseen_speedup_vs_jieba", "mining.compiled_modules",
    "mining.thread_wait_p99_ms", "mining.thread_wait_max_ms",
    "cleaning.file_mb", "cleaning.seconds", "cleaning.cpu_seconds", "cleaning.throughput_mb_s",
    "cleaning.import_seconds",
    "import.window_s", "import.window_cpu_s", "import.progress_shown", "import.documents",
    "bank.build_seconds", "bank.file_mb",
    *(f"bank.query.{q}.{n}.{p}" for q in QUERY_KINDS for n in QUICK_BANK_SIZES for p in ("p50_ms", "p99_ms")),
    *(f"bank.query.{q}.growth" for q in QUERY_KINDS),
    "lint.full.1000_ms", "lint.full.10000_ms", "lint.growth", "lint.incremental_ms",
    "export.4_pages_s", "export.4_pages_lines_s", "export.400_pages_lines_s", "export.growth",
    "startup.first_paint_s", "startup.rss_idle_mb", "startup.rss_with_bank_mb",
    "phrases.bank_size", *PANEL, *POPUP,
    "window.draft_chars", *WINDOW, "window.big_chars", *BIG, "window.big_cpu_per_keystroke_ms",
}  # fmt: skip
WITH_BASELINE = {
    *PANEL, *POPUP, *WINDOW, *BIG,
    "mining.seconds", "mining.unseen_seconds", "mining.thread_wait_p99_ms", "mining.thread_wait_max_ms",
    "cleaning.seconds", "cleaning.cpu_seconds", "cleaning.throughput_mb_s", "cleaning.import_seconds",
    "import.window_s", "import.window_cpu_s",
    "bank.build_seconds", "lint.full.10000_ms", "lint.incremental_ms", "export.4_pages_s",
    "export.4_pages_lines_s", "export.400_pages_lines_s",
    "startup.first_paint_s", "startup.rss_idle_mb", "startup.rss_with_bank_mb",
}  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    env_data = tmp_path_factory.mktemp("bench-data")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "bench", "--quick", "--json"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
        env={**__import__("os").environ, "GONGWEN_DATA_DIR": str(env_data), "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_every_figure_is_reported(report):
    keys = {m["key"] for m in report["measurements"]}
    assert EXPECTED <= keys, f"missing: {sorted(EXPECTED - keys)}"
    assert report["quick"] is True
    assert report["machine"]["cpus"] >= 1


def test_figures_are_positive_numbers(report):
    for m in report["measurements"]:
        assert isinstance(m["value"], (int, float)) and math.isfinite(m["value"]) and m["value"] > 0, m


def test_timings_come_with_their_baselines(report):
    by_key = {m["key"]: m for m in report["measurements"]}
    for key in WITH_BASELINE:
        m = by_key[key]
        assert m["baseline"] is not None and m["baseline"] > 0, m
        assert m["baseline_label"], m
        assert m["ratio"] == pytest.approx(m["value"] / m["baseline"])


def test_goals_are_judged(report):
    by_key = {m["key"]: m for m in report["measurements"]}
    for key in ("mining.speedup_vs_jieba", "mining.unseen_speedup_vs_jieba", "cleaning.seconds", "lint.full.10000_ms", "lint.incremental_ms", "startup.first_paint_s",
                "startup.rss_with_bank_mb", *POPUP, "window.typing_ms", "window.big_typing_ms",
                "window.big_typing_slowest_ms", "window.big_peak_mb"):  # fmt: skip
        assert by_key[key]["target"], key
        assert by_key[key]["met"] in (True, False), key


def test_ui_suites_use_their_quick_sizes(report):
    by_key = {m["key"]: m for m in report["measurements"]}
    assert by_key["phrases.bank_size"]["value"] == max(QUICK_BANK_SIZES)
    assert 5_000 < by_key["window.draft_chars"]["value"] < 20_000  # two parts of the long draft
    assert "长稿" in by_key["window.draft_chars"]["label"]
    # the large draft: just past the size beyond which it is checked on F7 only, and it says so
    assert 200_000 < by_key["window.big_chars"]["value"] < 300_000
    assert "按 F7 检查" in by_key["window.big_chars"]["label"]
    # Each panel list and popup figure says how many bank queries its baseline replays.
    for key in (*PANEL, *POPUP):
        assert "素材库查询直接调用" in by_key[key]["baseline_label"], by_key[key]


def test_the_table_is_readable():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "bench", "--quick", "--only", "lint"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| 测量 | 结果 | 基线")
    assert any("全文检查 10,000 字" in line for line in lines)
    assert any(line.startswith("机器：") for line in lines)


def test_unknown_area_is_a_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "bench", "--only", "nothing"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "用法错误" in result.stderr
