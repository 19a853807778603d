"""Professional text must come out (almost) clean: legitimate forms that look like defects are not flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.corpus import read_text_file

from .conftest import codes

DRAFTS = Path(__file__).parent / "drafts"


def test_notice_with_four_levels_attachments_and_signature(linter):
    text = read_text_file(DRAFTS / "notice.txt").text
    result = linter.lint(text)
    # only the XX of the signature line, a real gap in a template
    assert codes(result) == ["GW301"]
    assert text[result.diagnostics[0].offset :].startswith("XX市人民政府")


def test_speech_with_legitimate_lookalikes_is_clean(linter):
    assert codes(linter.lint(read_text_file(DRAFTS / "speech.txt").text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "我们要做到一是一、二是二，实事求是。",  # an idiom, not a run
        "统一是前提，协调是关键。",
        "第一书记要在第一时间到岗。",
        "推广X光安检机和5G网络。",
        "要用好数据要素×行动的政策。",
        "二○○八年以来，完成3×3篮球场建设。",
        "有人写信反映某某领导的问题，组织上找他谈话了。",
        "总投资1,000万元，会议10:30开始，网址http://www.gov.cn/a,b。",
        "报名已截止，截止日期为6月30日。",
        "同志们，让我们共同努力！",
        "（一）甲\n1.子一\n2.子二\n（二）乙\n3.子三\n4.子四",  # numbered on across sections
    ],
)
def test_lookalikes_are_not_flagged(linter, text):
    assert codes(linter.lint(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        # numbers inside names are not ordinals
        "全省第一、第三产业增加值分别增长3.1%和5.2%。",
        "完成第一、二轮中央生态环保督察整改。",
        "全市二、三级医院达到12家，推动一、二、三产业融合发展。",
        "排名全省第一、全国第三。",
        "地铁1、2号线开通运营。",
        "全面提升“六要素”品质。",
        # wording rules leave quotations and titles alone
        "认真学习《关于其它有关事项的通知》精神。",
        "他在信中写道：“截止今年，交待的任务都完成了。”",
        "参照《中国特色的社会主义经济》一书。",
        # reduplication and words that meet
        "会后大家再研究研究，常常到基层走走，为了了解实情，的的确确要沉下去，目的的达成靠落实。",
        "要精准精准再精准，抓得很紧很紧。",
        "构建共建共治共享的社会治理格局。",
        # numbers written as the standard wants, and approximations in Chinese numerals
        "增长8%～10%，投资9亿～16亿元，利率下调0.5个百分点，1—9月完成全年任务的七成。",
        "有的增长了百分之几十，减少百分之二、三的占用，另一项增长3%。",
        # an address in brackets is text, a lone ? in a question is a question mark
        "材料可在县政府网站（www.yunling.gov.cn）下载。",
        # a province everyone speaks of as ours, a higher level's ranking and meeting
        "在全县经济工作会议上的讲话\n同志们：\n全县上下要看到，我省出台了新政策，我县增速居全市第二，全市经济工作会议作出了部署。"
        "要健全乡村治理体系，紧跟全市的发展步伐，人均收入高于全市平均水平。",
    ],
)
def test_false_alarm_traps_are_quiet(linter, text):
    assert codes(linter.lint(text)) == [], [(d.code, d.message) for d in linter.lint(text).diagnostics]


def test_meeting_notice_with_agenda_and_attachments_is_clean(linter):
    text = (
        "关于召开防汛工作会议的通知\n各乡镇人民政府，县直有关单位：\n经研究，决定召开防汛工作会议。\n"
        "一、会议议程\n（一）通报汛情（9:00—9:20）；\n（二）部署工作（9:20—9:40）；\n（三）领导讲话（9:40—10:10）。\n"
        "二、有关要求\n请于6月1日前报送名单，表格可在县政府网站（www.yunling.gov.cn）下载。\n"
        "附件：1.参会回执\n2.值班安排表\n\n县防汛抗旱指挥部办公室\n2026年5月20日\n"
    )
    assert codes(linter.lint(text)) == [], [(d.code, d.message) for d in linter.lint(text).diagnostics]


def test_wording_rule_still_speaks_outside_the_quotation(linter):
    text = "“截止今年”的说法不对，截止今年底应写作截至。"
    found = [d for d in linter.lint(text).diagnostics if d.code == "GW501"]
    assert [text[d.offset : d.offset + d.length] for d in found] == ["截止"]
    assert found[0].offset == text.index("截止今年底")


def test_a_mark_left_open_silences_nothing(linter):
    text = "认真落实“其它事项要抓紧。"  # the “ never closes: the rest is the writer's own text
    assert "GW501" in codes(linter.lint(text))
