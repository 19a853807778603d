"""Completion candidates from the text before the cursor."""

from __future__ import annotations

from desktop.core.bank.completion import complete, filter_by_letters, first_placeholder
from desktop.core.bank.user_phrases import UserPhrases


def test_a_begun_phrase_completes_and_replaces_what_was_typed(bank):
    found = complete(bank, "抓落实要久久", "抓落实要久久")
    assert found.mode == "begun" and found.typed == "久久"
    assert [c.text for c in found.candidates] == ["久久为功"]
    assert found.candidates[0].replace == 2


def test_the_longest_begun_part_wins(bank):
    UserPhrases(bank).add("要久久为功", "quote")
    found = complete(bank, "我们要久久", "")
    assert found.typed == "要久久" and [c.text for c in found.candidates] == ["要久久为功"]


def test_the_first_item_of_a_parallel_run_brings_the_run(bank):
    UserPhrases(bank).add("早审批、早落地、早建设", "parallel")
    found = complete(bank, "项目要早审批、", "")
    assert found.mode == "parallel" and found.typed == "早审批、"
    assert found.candidates[0].text == "早审批、早落地、早建设" and found.candidates[0].replace == 4


def test_a_run_mined_with_its_lead_in_is_offered_from_the_typed_item(bank):
    # the rule miner stored the run as 我们要早审批、早落地、早建设
    found = complete(bank, "项目上早审批、", "")
    assert found.mode == "parallel" and found.typed == "早审批、"
    assert [c.text for c in found.candidates] == ["早审批、早落地、早建设"]


def test_otherwise_the_paragraph_context_ranks(bank):
    found = complete(bank, "防汛工作", "防汛工作要查找漏洞")
    assert found.mode == "context" and found.typed == ""
    # c.txt is the one speech about 防汛: the phrases of its 防汛 sentence come first; after them 相关
    # blends in how widespread a phrase is (ranking.py), and the rest of c.txt is still offered
    texts = [c.text for c in found.candidates]
    assert set(texts[:2]) == {"真抓实干", "重整行装"}
    assert "要查隐患、堵漏洞、强弱项" in texts
    assert all(c.replace == 0 for c in found.candidates)


def test_letters_filter_by_initials_of_the_whole_or_the_rest(bank):
    found = complete(bank, "要久久", "")
    assert [c.text for c in filter_by_letters(bank, found, "jjwg")] == ["久久为功"]
    assert [c.text for c in filter_by_letters(bank, found, "wg")] == ["久久为功"]  # after 久久
    found = complete(bank, "", "")
    assert [c.text for c in filter_by_letters(bank, found, "gjkn")] == ["攻坚克难"]
    assert filter_by_letters(bank, found, "qqqq") == []


def test_placeholders_are_found():
    assert first_placeholder("请XX同志讲话") == (1, 2)
    assert first_placeholder("××局、XX处") == (0, 2)
    assert first_placeholder("久久为功") is None
