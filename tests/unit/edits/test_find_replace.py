"""Finding every match of a literal string, within a range; replacing them."""

from __future__ import annotations

from desktop.core.find_replace import find_all, replace_all


def test_every_match_in_order_without_overlap():
    assert find_all("甲市甲市甲", "甲市") == [(0, 2), (2, 2)]
    assert find_all("啊啊啊", "啊啊") == [(0, 2)]


def test_letters_match_regardless_of_case_and_everything_else_literally():
    assert find_all("GDP 与 gdp", "Gdp") == [(0, 3), (6, 3)]
    assert find_all("1.5% 和 1x5%", "1.5%") == [(0, 4)]  # no pattern characters
    assert find_all("（一）和(一)", "（一）") == [(0, 3)]


def test_only_matches_wholly_inside_the_range():
    text = "甲市、甲市、甲市"
    assert find_all(text, "甲市", 1, 6) == [(3, 2)]
    assert find_all(text, "甲市", 3, 5) == [(3, 2)]
    assert find_all(text, "甲市", 3, 4) == []


def test_nothing_to_find():
    assert find_all("甲市", "") == []
    assert find_all("甲\n市", "甲\n市") == []  # a match never spans paragraphs


def test_replace_all_in_a_range():
    assert replace_all("甲市、甲市、甲市", "甲市", "乙县") == "乙县、乙县、乙县"
    assert replace_all("甲市、甲市、甲市", "甲市", "乙县", 2, 6) == "甲市、乙县、甲市"
    assert replace_all("甲市", "甲市", "甲市区") == "甲市区"  # the replacement is not searched again
