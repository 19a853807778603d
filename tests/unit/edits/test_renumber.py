"""Renumbering (desktop/core/renumber.py) on the shapes drafts take after sections are added, deleted or
moved."""

from __future__ import annotations

import re

import pytest

from desktop.core.corpus import read_text_file
from desktop.core.lint import Linter, load_config
from desktop.core.numerals import chinese_count
from desktop.core.renumber import renumber_text

NUMERAL = re.compile(r"[一二三四五六七八九十两0-9①-⑳]+")
NUMBERING_CODES = {"GW101", "GW102", "GW105", "GW106"}


def renumbered(text: str) -> str:
    return renumber_text(text)[0]


def lines(*rows: str) -> str:
    return "\n".join(rows)


def test_a_gap_left_by_a_deleted_section_closes():
    before = lines("关于做好秋季防火工作的讲话", "一、提高认识", "二、压实责任", "四、强化保障", "五、严格考核")
    after = lines("关于做好秋季防火工作的讲话", "一、提高认识", "二、压实责任", "三、强化保障", "四、严格考核")
    assert renumbered(before) == after


def test_a_moved_section_takes_its_new_place():
    assert renumbered(lines("标题讲话", "一、甲事", "三、丙事", "二、乙事")) == lines("标题讲话", "一、甲事", "二、丙事", "三、乙事")
    assert renumbered(lines("标题讲话", "二、乙事", "一、甲事", "三、丙事")) == lines("标题讲话", "一、乙事", "二、甲事", "三、丙事")
    assert renumbered(lines("标题讲话", "三、丙事", "一、甲事", "二、乙事")) == lines("标题讲话", "一、丙事", "二、甲事", "三、乙事")


def test_a_copied_section_counts_on():
    before = lines("标题讲话", "（一）甲事", "（二）乙事", "（二）乙事的副本", "（三）丙事")
    assert renumbered(before) == lines("标题讲话", "（一）甲事", "（二）乙事", "（三）乙事的副本", "（四）丙事")


def test_a_list_that_lost_its_first_item_starts_at_one():
    assert renumbered(lines("标题讲话", "二、乙事", "三、丙事")) == lines("标题讲话", "一、乙事", "二、丙事")


def test_nested_lists_restart_under_each_parent():
    before = lines(
        "标题讲话",
        "一、总体要求",
        "（一）甲",
        "（三）乙",
        "1.细目一",
        "3.细目二",
        "二、重点任务",
        "（二）丙",
        "（三）丁",
        "1.细目三",
        "1.细目四",
        "四、保障措施",
    )
    after = lines(
        "标题讲话",
        "一、总体要求",
        "（一）甲",
        "（二）乙",
        "1.细目一",
        "2.细目二",
        "二、重点任务",
        "（一）丙",
        "（二）丁",
        "1.细目三",
        "2.细目四",
        "三、保障措施",
    )
    assert renumbered(before) == after


def test_items_numbered_on_across_parents_stay_numbered_on():
    # 1. 2. under （一） and 3. 4. under （二）: a house style; a gap inside it closes and the rest follows
    before = lines("标题讲话", "（一）甲", "1.细目", "2.细目", "（二）乙", "3.细目", "5.细目", "（三）丙", "6.细目")
    after = lines("标题讲话", "（一）甲", "1.细目", "2.细目", "（二）乙", "3.细目", "4.细目", "（三）丙", "5.细目")
    assert renumbered(before) == after


def test_an_inner_list_of_the_same_family_is_left_alone():
    # 一、二、三、 with a list of measures written 一、二、 under 二、, then 三、 going on: nothing to renumber
    text = lines("标题讲话", "一、形势", "二、任务", "一、增加收入。", "二、改善住房。", "三、保障")
    assert renumber_text(text)[1].changes == []


def test_run_in_headings_change_only_their_marker():
    before = lines("标题讲话", "（一）强化责任意识。各单位要把责任扛在肩上。", "（三）提升能力水平。要学习（三）号文件。")
    after = lines("标题讲话", "（一）强化责任意识。各单位要把责任扛在肩上。", "（二）提升能力水平。要学习（三）号文件。")
    assert renumbered(before) == after


def test_typed_forms_are_kept():
    before = lines("标题讲话", "1、甲事", "3、乙事", "(1)细目", "(3)细目", "第一部分，回顾", "第三部分，展望")
    after = lines("标题讲话", "1、甲事", "2、乙事", "(1)细目", "(2)细目", "第一部分，回顾", "第二部分，展望")
    assert renumbered(before) == after


def test_ten_and_beyond_are_written_as_numerals():
    heads = [f"{n}、事项" for n in "一二三四五六七八九十"] + ["十二、事项"]
    out = renumbered(lines("标题讲话", *heads)).split("\n")
    assert out[-1] == "十一、事项"
    assert out[-2] == "十、事项"


def test_inline_runs_in_a_paragraph():
    before = "标题讲话\n抓好三件事：一是稳增长。三是促改革。二是惠民生。"
    assert renumbered(before) == "标题讲话\n抓好三件事：一是稳增长。二是促改革。三是惠民生。"
    before = "标题讲话\n要做到：一要提速审批，三要降低成本。"
    assert renumbered(before) == "标题讲话\n要做到：一要提速审批，二要降低成本。"


def test_an_inline_run_across_paragraphs_and_under_each_heading():
    before = lines(
        "标题讲话",
        "一、抓项目",
        "一是抓谋划。要早动手。",
        "三是抓推进。要快落地。",
        "二、抓服务",
        "一是优化流程。二是压缩时限。四是提升质量。",
    )
    after = lines(
        "标题讲话",
        "一、抓项目",
        "一是抓谋划。要早动手。",
        "二是抓推进。要快落地。",
        "二、抓服务",
        "一是优化流程。二是压缩时限。三是提升质量。",
    )
    assert renumbered(before) == after


def test_ordinal_runs_circled_runs_and_mixed_runs():
    assert renumbered("标题讲话\n对此强调一下。第一，要稳。第三，要进。") == "标题讲话\n对此强调一下。第一，要稳。第二，要进。"
    assert renumbered("标题讲话\n包括：①甲；③乙；④丙。") == "标题讲话\n包括：①甲；②乙；③丙。"
    # 首先、其次、再次 are words, not numbers: renumbering leaves them as written
    text = "标题讲话\n首先，要明确目标。再次，要加快进度。其次，要提质增效。"
    assert renumber_text(text)[1].changes == []


def test_a_lone_item_that_does_not_start_at_one_is_left():
    text = "标题讲话\n坚持“三要三不要”的原则，把工作做实。"
    assert renumber_text(text)[1].changes == []


def test_announced_count_follows_the_sections():
    before = lines(
        "在全县工作会议上的讲话",
        "同志们：",
        "下面，我讲三点意见。",
        "一、提高认识",
        "二、压实责任",
        "三、强化保障",
        "四、严格考核",
        "同志们，让我们共同努力！",
    )
    after = before.replace("讲三点意见", "讲四点意见")
    assert renumbered(before) == after


def test_two_is_liang_before_a_measure_word_and_er_as_an_ordinal():
    before = lines(
        "在全县工作会议上的讲话",
        "同志们：",
        "下面，我讲三点意见。",
        "一、提高认识",
        "三、压实责任",
        "主要有三个方面：一是认识不足。三是措施不实。",
        "同志们，让我们共同努力！",
    )
    after = lines(
        "在全县工作会议上的讲话",
        "同志们：",
        "下面，我讲两点意见。",
        "一、提高认识",
        "二、压实责任",
        "主要有两个方面：一是认识不足。二是措施不实。",
        "同志们，让我们共同努力！",
    )
    assert renumbered(before) == after


def test_er_dian_with_two_sections_becomes_liang_dian():
    before = lines("在会议上的讲话", "同志们：", "我讲二点意见。", "一、甲", "二、乙", "同志们，让我们共同努力！")
    assert "我讲两点意见。" in renumbered(before)


def test_jidian_names_no_number_and_stays():
    text = lines("在会议上的讲话", "同志们：", "我讲几点意见。", "一、甲", "二、乙", "三、丙", "同志们，让我们共同努力！")
    assert renumber_text(text)[1].changes == []


def test_a_count_larger_than_what_is_written_waits_for_the_closing():
    # the writer has written 一、 and 二、 of the three announced parts: the third may still be coming
    draft = lines("在会议上的讲话", "同志们：", "我讲三点意见。", "一、甲", "三、乙")
    text, plan = renumber_text(draft)
    assert "我讲三点意见。" in text and "二、乙" in text
    assert [h.phrase for h in plan.held] == ["讲三点意见"]
    assert "写完结尾后再核对条数" in plan.summary()
    finished = draft + "\n同志们，让我们共同努力！"
    assert "我讲两点意见。" in renumbered(finished)


def test_summary_names_the_changes():
    _, plan = renumber_text(lines("标题讲话", "一、甲", "三、乙"))
    assert plan.summary() == "已重新编号 1 处：「三、」改为「二、」。"
    _, plan = renumber_text(lines("标题讲话", "一、甲", "二、乙"))
    assert plan.summary() == "序号已连续，条数与预告相符，无需重新编号。"


def test_attachment_lists_and_cross_references_are_not_touched():
    text = lines(
        "关于做好某项工作的通知", "各单位：", "一、要求", "请按第三条执行，见（三）号文件。", "附件：1.名单", "　　　3.表格"
    )
    assert renumbered(text) == text


def test_chinese_count():
    assert [chinese_count(n) for n in (1, 2, 3, 10, 12, 20, 22)] == ["一", "两", "三", "十", "十二", "二十", "二十二"]


@pytest.mark.parametrize(
    "draft",
    [
        lines("标题讲话", "一、甲", "三、乙", "（一）子", "（三）子", "1.目", "1.目"),
        lines("标题讲话", "同志们：", "讲两点意见。", "一、甲", "二、乙", "三、丙", "同志们，谢谢大家！"),
        "标题讲话\n一是甲。三是乙。五是丙。\n要做到：第二，要稳。第三，要进。",
    ],
)
def test_renumbered_drafts_have_no_numbering_findings_and_stay_put(draft):
    linter = Linter(load_config(use_user_file=False))
    assert {d.code for d in linter.lint(draft).diagnostics} & NUMBERING_CODES  # something to fix
    text, _ = renumber_text(draft)
    assert not {d.code for d in linter.lint(text).diagnostics} & NUMBERING_CODES
    assert renumber_text(text)[1].changes == []


def test_on_real_reports_renumbering_changes_only_numerals_and_only_where_the_checker_complains(devcorpus):
    linter = Linter(load_config(use_user_file=False))
    for path in sorted(devcorpus.rglob("*.txt")):
        text = read_text_file(path).text.replace("\r\n", "\n")
        new, plan = renumber_text(text)
        if not plan.changes:
            assert new == text
            continue
        for change in plan.changes:  # the marker keeps its form: only the numeral in it differs
            assert NUMERAL.sub("", change.before) == NUMERAL.sub("", change.after) != "", change
        fixes = [
            e.offset
            for d in linter.lint(text).diagnostics
            if d.code in NUMBERING_CODES and d.fix is not None
            for e in d.fix.edits
        ]
        for change in plan.changes:
            assert change.offset in fixes, (path.name, change)  # every change is offered by a finding's fix
        assert renumber_text(new)[1].changes == [], path.name
