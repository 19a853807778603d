"""The gold scoring of scripts/eval_mining.py, on runs written for this test, and on the development gold."""

from __future__ import annotations

from scripts.eval_mining import GoldRow, items_of, load_gold, matches, score


def test_items_split_at_separators_and_the_last_connector():
    assert items_of("早审批、早落地、早建设") == {"早审批", "早落地", "早建设"}
    assert items_of("危机感、紧迫感和责任感") == {"危机感", "紧迫感", "责任感"}
    assert items_of("把牢方向，稳住阵脚") == {"把牢方向", "稳住阵脚"}


def test_match_rule():
    assert matches("早审批、早落地", "早审批、早落地")
    # containment with the shorter at least 0.7 of the longer
    assert matches("抓好早审批、早落地", "早审批、早落地")
    assert not matches("要在今年年内抓好早审批、早落地", "早审批、早落地")
    # item sets overlapping by 0.6 or more
    assert matches("早审批、早落地、早建设、早投产", "早审批、早落地、早建设")
    assert not matches("早审批、快落地", "早审批、早落地")


def test_score_counts_rows_and_phrases():
    gold = [
        GoldRow("a.txt", "早审批、早落地、早建设", "同字头排比", True),
        GoldRow("a.txt", "稳大局、稳民心", "三字并列", True),
        GoldRow("a.txt", "东港、西港", "名词列举", False),
    ]
    result = score({"a.txt": ["早审批、早落地、早建设", "东港、西港", "读书、看报、散步"]}, gold)
    assert (result.hits, result.mined, result.found, result.wanted) == (1, 3, 1, 2)
    assert result.precision == 1 / 3 and result.recall == 0.5
    assert result.mined_by_match == {"同字头排比": 1, "no:名词列举": 1, "unmatched": 1}
    assert [r.phrase for r in result.misses] == ["稳大局、稳民心"]


def test_gold_loads(devcorpus):
    rows = load_gold(devcorpus)
    assert len({r.file for r in rows}) == 4
    assert sum(r.keep for r in rows) > 300 and sum(not r.keep for r in rows) > 300
