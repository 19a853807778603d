"""The cleaning targets, measured on the development corpus by scripts/eval_cleaning.py (the corpus is
read at test time and never copied into the repository; the test fails when it is missing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT


_MEASURED: dict = {}


@pytest.fixture
def measured(devcorpus) -> dict:
    """One run of the script for both tests."""
    if devcorpus in _MEASURED:
        return _MEASURED[devcorpus]
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "eval_cleaning.py"), "--json", "--devcorpus", str(devcorpus)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    _MEASURED[devcorpus] = json.loads(result.stdout)
    return _MEASURED[devcorpus]


def test_web_copies_keep_at_most_a_tenth_of_their_junk_and_nearly_every_sentence(measured):
    web = measured["web"]
    assert web["files"] == 30 and web["junk"] >= 200
    assert web["junk_left_share"] <= 0.10, web["junk_left"]
    assert web["sentences_kept_share"] >= 0.97


def test_every_provincial_report_loses_its_page_chrome_and_no_paragraph_of_its_body(measured):
    provincial = measured["provincial"]
    assert provincial["reports"] == 25
    chrome = {name: r["chrome_left"] for name, r in provincial["per_report"].items() if r["chrome_left"]}
    assert chrome == {}
    lost = {name: r["paragraphs_lost"] for name, r in provincial["per_report"].items() if r["paragraphs_lost"]}
    assert lost == {}
