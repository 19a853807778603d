"""The miner judged against the hand-reviewed expectation for the five bundled seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.corpus import read_document
from desktop.core.mining.miner import mine_document
from tests.conftest import SEEDS_DIR

EXPECTED = json.loads((Path(__file__).parent / "expected_seeds.json").read_text(encoding="utf-8"))
SEED_NAMES = sorted(name for name in EXPECTED if not name.startswith("_"))
THRESHOLD = 0.9


@pytest.fixture(scope="module")
def mined():
    return {name: mine_document(read_document(SEEDS_DIR / name)) for name in SEED_NAMES}


def test_every_seed_is_covered(seed_paths):
    assert sorted(p.name for p in seed_paths) == SEED_NAMES


@pytest.mark.parametrize("kind", ["parallel", "idiom"])
def test_precision_and_recall(mined, kind):
    hits = found = wanted = 0
    report = []
    for name in SEED_NAMES:
        got = {p.text for p in mined[name] if p.kind == kind}
        want = set(EXPECTED[name][kind])
        hits, found, wanted = hits + len(got & want), found + len(got), wanted + len(want)
        report.append(f"{name}: missed {sorted(want - got)}; unwanted {sorted(got - want)}")
    precision, recall = hits / found, hits / wanted
    detail = "\n".join(report)
    assert precision >= THRESHOLD, f"{kind} precision {precision:.3f}\n{detail}"
    assert recall >= THRESHOLD, f"{kind} recall {recall:.3f}\n{detail}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_opening_transitions_and_closing_found(mined, name):
    expected = EXPECTED[name]
    by_kind: dict[str, list[str]] = {}
    for phrase in mined[name]:
        by_kind.setdefault(phrase.kind, []).append(phrase.text)
    assert any(t.startswith(expected["opening_starts"]) for t in by_kind.get("opening", [])), by_kind.get("opening")
    for start in expected["transition_starts"]:
        assert any(t.startswith(start) for t in by_kind.get("transition", [])), (start, by_kind.get("transition"))
    assert any(t.startswith(expected["closing_starts"]) for t in by_kind.get("closing", [])), by_kind.get("closing")
