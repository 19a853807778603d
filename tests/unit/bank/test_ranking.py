"""相关 as a blend of context and prior (desktop/core/bank/ranking.py): the quality bar of issue 14 on the
leave-out test over the development corpus (read at test time, never copied here), and the blend as
`PhraseBank.rank` applies it."""

from __future__ import annotations

import importlib.util
import json
import math
import sys

import pytest

from desktop.core.bank import ranking
from desktop.core.bank.ranking import RankingWeights
from desktop.core.bank.importer import import_paths
from desktop.core.bank.store import PhraseBank
from tests.conftest import REPO_ROOT
from tests.unit.bank.conftest import RULES


@pytest.fixture
def bank(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as opened:
        import_paths(opened, [corpus], miner=RULES)
        yield opened


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_ranking", REPO_ROOT / "scripts" / "eval_ranking.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_ranking"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_related_beats_the_most_frequent_list_twice_on_held_out_reports(devcorpus):
    figures = _eval_module().ranking_figures(devcorpus)
    held = figures["held_out"]
    # The bank is built from the other reports only, and the shipped weights were fitted without these.
    assert held["test_files"] >= 10 and held["train_files"] >= 40
    assert held["paragraphs"] >= 300 and held["masked"] >= 600
    assert held["related"] >= 0.25, held
    assert held["related"] >= 2 * held["baseline"], held
    # The blend is what lifts it: context alone does worse.
    assert held["related"] > held["context_only"], held


def test_the_shipped_weights_are_plain_data_with_a_prior():
    data = json.loads((REPO_ROOT / "resources" / "ranking.json").read_text(encoding="utf-8"))
    weights = ranking.load_weights()
    assert weights == RankingWeights(**data["weights"])
    assert weights.docs > 0 and weights.own >= 0


def test_a_missing_weights_file_ranks_by_context_alone(tmp_path):
    assert ranking.load_weights(tmp_path / "missing.json") == RankingWeights()


def test_rank_orders_by_the_blend_as_the_fit_scores_it(bank):
    weights = ranking.load_weights()
    for context in ("汛期将至，防汛工作不能有丝毫松懈，要把隐患消除在萌芽状态。", "项目建设要加快审批", "乡村振兴"):
        ranked = bank.rank("", context=context, limit=10)
        ordered = ranking.order(ranking.candidates(bank, context, limit=10), weights)[:10]
        assert [r.text for r in ranked] == [c.text for c in ordered]
        for r, c in zip(ranked, ordered):
            expected = c.sources + weights.own * c.own + weights.docs * math.log1p(c.docs) + weights.count * math.log1p(c.count)
            assert r.score == pytest.approx(expected)


def test_a_more_widespread_phrase_outranks_one_with_the_same_context(bank):
    weights = RankingWeights(docs=1.0, count=0.0, own=1.0)
    a = ranking.Candidate("甲乙丙丁", "idiom", 0.0, 1.0, 1, 1)
    b = ranking.Candidate("戊己庚辛", "idiom", 0.0, 1.0, 5, 5)
    assert [c.text for c in ranking.order([a, b], weights)] == ["戊己庚辛", "甲乙丙丁"]
    # and context still counts: enough shared weight lifts the rarer one
    a = ranking.Candidate("甲乙丙丁", "idiom", 0.0, 3.0, 1, 1)
    assert [c.text for c in ranking.order([a, b], weights)] == ["甲乙丙丁", "戊己庚辛"]


def test_a_judged_quality_column_is_read_when_the_bank_has_one(bank, tmp_path):
    context = "项目建设要加快审批"
    before = {r.text: r.score for r in bank.rank("", context=context, limit=20)}
    assert all(r.quality == ranking.UNJUDGED for r in bank.rank("", context=context, limit=20))
    path = bank.path
    bank.close()
    with PhraseBank.open(path) as writable:
        # as the judged-quality layout has it: 0..1, -1 where no judge scored the phrase
        writable.conn.execute("ALTER TABLE phrases ADD COLUMN quality REAL NOT NULL DEFAULT -1")
        writable.conn.execute("UPDATE phrases SET quality = 0.9 WHERE text = '真抓实干'")
        writable.conn.execute("UPDATE phrases SET quality = 0.1 WHERE text = '重整行装'")
        writable.conn.commit()
    with PhraseBank.open(path, readonly=True) as reopened:
        ranked = {r.text: r for r in reopened.rank("", context=context, limit=20)}
    assert ranked["真抓实干"].quality == pytest.approx(0.9)
    shipped = ranking.load_weights()
    judged = {t: r.score for t, r in ranked.items()}
    assert judged["真抓实干"] == pytest.approx(before["真抓实干"] + shipped.quality * 0.4)
    assert judged["重整行装"] == pytest.approx(before["重整行装"] - shipped.quality * 0.4)
    weights = shipped.replace(quality=2.0)
    assert ranking.prior(weights, 1, 1, 0.9) - ranking.prior(weights, 1, 1) == pytest.approx(0.8)
    assert ranking.prior(weights, 1, 1, 0.1) - ranking.prior(weights, 1, 1) == pytest.approx(-0.8)
    # unjudged phrases keep their score
    assert all(judged[t] == pytest.approx(before[t]) for t in judged if ranked[t].quality < 0)


def test_leaving_unread_the_candidates_that_cannot_place_changes_no_ranking(bank, monkeypatch):
    contexts = ["汛期将至，防汛工作不能有丝毫松懈，要把隐患消除在萌芽状态。", "项目建设要加快审批，真抓实干",
                "乡村振兴要久久为功", "防汛工作要查找漏洞，重整行装"]
    placing, left = PhraseBank._placing, []

    def spy(self, parts, *rest):
        kept = placing(self, parts, *rest)
        left.append(len(parts) - len(kept))
        return kept

    monkeypatch.setattr(PhraseBank, "_placing", spy)
    pruned = {(c, n): [(r.text, r.score) for r in bank.rank("", context=c, limit=n)] for c in contexts for n in (1, 2, 3)}
    assert any(left), "no candidate was ever left unread"
    read = []
    monkeypatch.setattr(PhraseBank, "_placing", lambda self, parts, *_rest: read.append(len(parts)) or list(parts))
    every = {(c, n): [(r.text, r.score) for r in bank.rank("", context=c, limit=n)] for c in contexts for n in (1, 2, 3)}
    assert read, "the shortcut was never taken"
    assert pruned == every
