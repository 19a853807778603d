"""Answering a query loads neither jieba nor pypinyin: a fresh interpreter runs the commands and looks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from desktop.core.bank.store import PhraseBank
from desktop.core.bank.importer import import_paths
from tests.conftest import REPO_ROOT
from tests.unit.bank.conftest import RULES

PROBE = """
import io, json, sys
from contextlib import redirect_stdout
from desktop.cli import main

answers = {}
for name, argv in json.loads(sys.argv[1]).items():
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(argv)
    answers[name] = [code, json.loads(out.getvalue())]
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("jieba", "pypinyin"))
print(json.dumps({"answers": answers, "heavy": heavy}, ensure_ascii=False))
"""


def run_probe(commands: dict, env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(commands)],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def test_queries_load_no_segmenter_and_no_pinyin(tmp_path, corpus, isolated_data_dir):
    bank_file = tmp_path / "b.db"
    with PhraseBank.open(bank_file) as bank:
        import_paths(bank, [corpus], miner=RULES)
    # The same bank as the bundled default bank of a resources folder, read without --bank.
    resources = tmp_path / "resources"
    (resources / "bank").mkdir(parents=True)
    shutil.copy(bank_file, resources / "bank" / "default.sqlite")
    env = {**os.environ, "GONGWEN_RESOURCES": str(resources), "GONGWEN_DATA_DIR": str(isolated_data_dir)}
    commands = {
        "suggest": ["suggest", "jjwg", "--bank", str(bank_file), "--json"],
        "context": ["suggest", "", "--context", "防汛工作", "--json", "--bank", str(bank_file)],
        "phrases": ["phrases", "--kind", "parallel", "--json", "--bank", str(bank_file)],
        "search": ["search", "营商环境", "--json", "--bank", str(bank_file)],
        "merged": ["suggest", "jjwg", "--json"],
    }
    probe = run_probe(commands, env)
    assert probe["heavy"] == []
    answers = probe["answers"]
    assert all(code == 0 for code, _ in answers.values())
    assert [p["text"] for p in answers["suggest"][1]] == ["久久为功"]
    assert answers["context"][1][0]["text"] in {"真抓实干", "重整行装", "要查隐患、堵漏洞、强弱项"}
    assert {p["kind"] for p in answers["phrases"][1]} == {"parallel"}
    assert [h["doc"] for h in answers["search"][1]] == ["a.txt", "b.txt"]
    assert [p["text"] for p in answers["merged"][1]] == ["久久为功"]
