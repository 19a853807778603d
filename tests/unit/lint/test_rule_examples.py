"""Every rule's own bad and good examples, run as tests: bad is flagged, good is not, fixes give `fixed`."""

from __future__ import annotations

import tomllib

import pytest

from desktop.core.lint import ALL_RULES, Linter, SentenceIndex, apply_fixes, load_config

CASES = [(rule, i, ex) for rule in ALL_RULES for i, ex in enumerate(rule.examples)]


def _linter_for(rule, example=None) -> Linter:
    corpus = None
    if rule.code == "GW306":
        corpus = SentenceIndex()
        corpus.add_document("范文.txt", rule.examples[0].bad)
    config = load_config(use_user_file=False)
    if example is not None and example.setup:
        config = config.with_data(tomllib.loads(example.setup))
    return Linter(config, corpus)


def test_every_rule_has_docs_and_examples():
    expected = {f"GW10{i}" for i in range(1, 10)} | {f"GW20{i}" for i in range(1, 10)}
    expected |= {f"GW30{i}" for i in range(1, 8)} | {"GW401", "GW402"} | {f"GW50{i}" for i in range(1, 6)}
    expected |= {"GW601", "GW602", "GW701", "GW702", "GW703"}
    assert {rule.code for rule in ALL_RULES} == expected
    for rule in ALL_RULES:
        assert rule.examples, rule.code
        assert rule.doc.what and rule.doc.why and rule.doc.instead, rule.code


@pytest.mark.parametrize(("rule", "index", "example"), CASES, ids=[f"{r.code}-{i}" for r, i, _ in CASES])
def test_bad_example_is_flagged(rule, index, example):
    found = [d for d in _linter_for(rule, example).lint(example.bad).diagnostics if d.code == rule.code]
    assert found, f"{rule.code} missed its bad example {example.bad!r}"
    for d in found:
        assert 0 <= d.offset <= d.offset + d.length <= len(example.bad)
        assert d.level is rule.level
        assert d.message


@pytest.mark.parametrize(("rule", "index", "example"), CASES, ids=[f"{r.code}-{i}" for r, i, _ in CASES])
def test_good_example_is_clean(rule, index, example):
    found = [d for d in _linter_for(rule, example).lint(example.good).diagnostics if d.code == rule.code]
    assert not found, f"{rule.code} flagged its good example: {[d.message for d in found]}"


FIXED = [(r, i, ex) for r, i, ex in CASES if ex.fixed is not None]


@pytest.mark.parametrize(("rule", "index", "example"), FIXED, ids=[f"{r.code}-{i}" for r, i, _ in FIXED])
def test_safe_fix_gives_expected_text(rule, index, example):
    linter = _linter_for(rule, example)
    own = [d for d in linter.lint(example.bad).diagnostics if d.code == rule.code]
    fixed, applied = apply_fixes(example.bad, own)
    assert applied
    assert fixed == example.fixed
    assert not [d for d in linter.lint(fixed).diagnostics if d.code == rule.code]
