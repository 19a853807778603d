"""Published provincial work reports (devcorpus/provincial_2026, web copies with their page chrome) are
professional text: each draws at most three warnings or errors, and the forms that used to draw false
alarms — a house style of 。 after every heading, 第一、第三产业, paragraphs each led by 一是…二是… far apart,
appendices numbered on their own — draw none. `python scripts/lint_report.py` lists what remains."""

from __future__ import annotations

import pytest

from desktop.core.corpus import read_text_file
from desktop.core.lint import Level, Linter, load_config
from desktop.core.lint.report import gather

MOST = 3


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_config(use_user_file=False))


def _findings(linter, path):
    text = read_text_file(path).text
    return text, gather(text, linter.lint(text).diagnostics)


def test_each_provincial_report_draws_at_most_three_warnings(devcorpus, linter):
    reports = sorted((devcorpus / "provincial_2026").glob("*.txt"))
    assert len(reports) == 25
    over = {}
    for path in reports:
        _, found = _findings(linter, path)
        loud = [f"{d.code} {d.message}" for d in found if d.level.rank >= Level.WARNING.rank]
        if len(loud) > MOST:
            over[path.stem] = loud
    assert not over, over


@pytest.mark.parametrize("name", ["guangdong", "hubei"])
def test_headings_that_all_end_in_a_full_stop_are_one_note(devcorpus, linter, name):
    _, found = _findings(linter, devcorpus / "provincial_2026" / f"{name}.txt")
    notes = [d for d in found if d.code == "GW203" and "（一）" in d.message]
    assert len(notes) == 1 and notes[0].level is Level.INFO, [d.message for d in found if d.code == "GW203"]
    assert len(notes[0].spots) >= 9  # every such heading is named in the one note


def test_numbers_in_names_and_far_apart_runs_are_not_sequences(devcorpus, linter):
    for name in ("guangxi", "gansu", "ningxia"):
        text, found = _findings(linter, devcorpus / "provincial_2026" / f"{name}.txt")
        runs = [d for d in found if d.code in ("GW103", "GW106", "GW107")]
        assert not runs, [(name, d.message, text[d.offset : d.offset + 12]) for d in runs]
