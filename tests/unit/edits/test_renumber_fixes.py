"""The checker offers renumbering as the fix for a gap, a repeat, a wrong count and a run out of order."""

from __future__ import annotations

from desktop.core.lint import Linter, apply_fixes, load_config

DRAFT = "\n".join(
    [
        "在全县安全生产会议上的讲话",
        "同志们：",
        "下面，我讲三点意见。",
        "一、提高认识",
        "（一）统一思想",
        "（三）明确目标",
        "二、压实责任",
        "同志们，让我们共同努力！",
    ]
)


def lint(text: str):
    return Linter(load_config(use_user_file=False)).lint(text).diagnostics


def test_the_count_message_says_liang_not_er():
    found = [d for d in lint(DRAFT) if d.code == "GW105"]
    assert len(found) == 1
    assert "后面实际有两点" in found[0].message and "请改为「两点」" in found[0].message
    assert "二点" not in found[0].message


def test_a_count_fix_writes_liang():
    (count,) = [d for d in lint(DRAFT) if d.code == "GW105"]
    assert count.fix is not None and not count.fix.safe  # applied only when the writer asks
    fixed, applied = apply_fixes(DRAFT, [count], safe_only=False)
    assert applied and "下面，我讲两点意见。" in fixed


def test_a_gap_fix_renumbers_its_list_and_nothing_else():
    (gap,) = [d for d in lint(DRAFT) if d.code == "GW101"]
    assert gap.fix is not None and not gap.fix.safe
    fixed, _ = apply_fixes(DRAFT, [gap], safe_only=False)
    assert fixed == DRAFT.replace("（三）明确目标", "（二）明确目标")  # the count is GW105's fix


def test_safe_only_fixing_leaves_numbering_to_the_writer():
    fixed, applied = apply_fixes(DRAFT, lint(DRAFT))
    assert fixed == DRAFT and not applied


def test_a_repeat_and_a_run_out_of_order_are_renumbered():
    text = "工作会议讲话\n（一）甲\n（二）乙\n（二）丙\n抓好三件事：一是稳增长。三是促改革。"
    found = {d.code: d for d in lint(text)}
    fixed, _ = apply_fixes(text, [found["GW102"], found["GW106"]], safe_only=False)
    assert fixed == "工作会议讲话\n（一）甲\n（二）乙\n（三）丙\n抓好三件事：一是稳增长。二是促改革。"
