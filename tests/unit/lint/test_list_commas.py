"""GW201's fix for a half-width comma: 顿号 「、」 between listed words, 「，」 between clauses."""

from __future__ import annotations

import pytest

from desktop.core.lint import apply_fixes


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("要办好教育,医疗,养老等民生实事。", "要办好教育、医疗、养老等民生实事。"),
        ("抓好教育,医疗等工作。", "抓好教育、医疗等工作。"),  # two items: 等 tells the list
        ("北京、上海,广州三地。", "北京、上海、广州三地。"),
        ("要抓好学习,宣传,落实三个环节。", "要抓好学习、宣传、落实三个环节。"),
        # four characters between commas are as often a short clause: left a comma
        ("要坚定信心,保持定力,持续求进。", "要坚定信心，保持定力，持续求进。"),
        # a list, then a clause
        ("重点抓好项目,招商,服务三件事,确保完成任务。", "重点抓好项目、招商、服务三件事，确保完成任务。"),
        # clauses
        ("今天召开会议,主要是部署工作。", "今天召开会议，主要是部署工作。"),
        ("同志们,大家好。", "同志们，大家好。"),
        ("今天开会,我讲三点,大家要听。", "今天开会，我讲三点，大家要听。"),
        ("同志们,今天,我们召开会议。", "同志们，今天，我们召开会议。"),
        ("一是加强领导,二是压实责任,三是强化保障。", "一是加强领导，二是压实责任，三是强化保障。"),
    ],
)
def test_listed_words_get_a_dunhao_and_clauses_a_comma(linter, typed, fixed):
    result = linter.lint(typed)
    assert [d.code for d in result.diagnostics] == ["GW201"]
    assert apply_fixes(typed, result.diagnostics)[0] == fixed


def test_the_message_names_the_dunhao(linter):
    (one,) = linter.lint("抓好教育,医疗等工作。").diagnostics
    assert one.message == "列举的词语之间用了半角逗号「,」，应为顿号「、」"
    (many,) = linter.lint("要办好教育,医疗,养老等民生实事,今天召开会议,主要是部署工作。").diagnostics
    assert many.message.endswith("列举的词语之间用顿号「、」")
