"""Drafts written for the test — a county speech, a meeting notice, a half-year summary, a report in a house
style — come out clean though they hold the traps real texts hold (第一、第三产业, 研究研究, 《关于其它…》,
全市第二, agenda items, 附件：1. 2.); with the defects of drafts/injected.toml put in, the checker finds
them (recall ≥ 0.9) and says nothing on lines that hold none."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from desktop.core.corpus import read_text_file
from desktop.core.lint import Level, Linter, load_config
from desktop.core.lint.leaders import Leader, save_leaders

DRAFTS = Path(__file__).parent / "drafts"
CLEAN = sorted((DRAFTS / "clean").glob("*.txt"))
DEFECTS = tomllib.loads((DRAFTS / "injected.toml").read_text(encoding="utf-8"))["defect"]
# the office's leader list of the speech, kept where the settings dialog keeps it
LEADERS = [Leader("赵立平", "县委书记"), Leader("孙红梅", "县长", ("县委副书记",)), Leader("钱志远", "县委副书记")]


@pytest.fixture
def office_linter(isolated_data_dir) -> Linter:
    save_leaders(LEADERS)
    return Linter(load_config())


def _text(name: str) -> str:
    return read_text_file(DRAFTS / "clean" / name).text


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_draft_draws_no_warning(office_linter, path):
    text = read_text_file(path).text
    loud = [d for d in office_linter.lint(text).diagnostics if d.level.rank >= Level.WARNING.rank]
    assert not loud, [(d.code, d.message, text[d.offset : d.offset + d.length]) for d in loud]


def test_house_style_is_one_note(office_linter):
    text = _text("report_house_style.txt")
    (note,) = office_linter.lint(text).diagnostics
    assert note.code == "GW203" and note.level is Level.INFO
    assert len(note.spots) == 6 and "「（一）」级标题末尾加「。」" in note.message


def _inject(name: str) -> tuple[str, list[dict]]:
    text = _text(name)
    defects = [d for d in DEFECTS if d["draft"] == name]
    for d in defects:
        assert text.count(d["find"]) == 1, f"{name}: {d['find']!r} must occur once"
        text = text.replace(d["find"], d["put"])
    return text, defects


def _found(text: str, defect: dict, diagnostics) -> bool:
    assert text.count(defect["put"]) == 1, f"{defect['put']!r} must occur once in the defective draft"
    target = defect.get("at", defect["put"])
    start = text.index(target, text.index(defect["put"]))  # the first after where the defect was put
    end = start + len(target)
    lowest = Level.INFO if defect.get("info") else Level.WARNING
    return any(
        d.code in defect["codes"] and d.level.rank >= lowest.rank and d.offset <= end and start <= d.offset + d.length
        for d in diagnostics
    )


def test_injected_defects_are_found(office_linter):
    missed, total = [], 0
    for name in sorted({d["draft"] for d in DEFECTS}):
        text, defects = _inject(name)
        diagnostics = office_linter.lint(text).diagnostics
        for defect in defects:
            total += 1
            if not _found(text, defect, diagnostics):
                missed.append((name, defect["put"], defect["codes"]))
    assert total >= 45
    recall = 1 - len(missed) / total
    assert recall >= 0.9, missed
    assert not missed, f"recall {recall:.2f}; missed {missed}"


def test_defective_drafts_draw_nothing_loud_away_from_the_defects(office_linter):
    for name in sorted({d["draft"] for d in DEFECTS}):
        text, defects = _inject(name)
        lines = text.split("\n")
        marks = [d["put"].split("\n")[-1] for d in defects] + [d["at"] for d in defects if "at" in d]
        defect_lines = {i for i, line in enumerate(lines) for mark in marks if mark in line}
        for d in office_linter.lint(text).diagnostics:
            line = text.count("\n", 0, d.offset)
            if d.level.rank >= Level.WARNING.rank:
                assert line in defect_lines, (name, d.code, d.message, lines[line])
