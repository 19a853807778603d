"""The engine: incremental re-checks, configuration, the per-document ignore list, fixes."""

from __future__ import annotations

from desktop.core.lint import Level, Linter, Suppression, apply_fixes, choose_fixes, load_config
from desktop.core.lint.config import load_suppressions, save_suppressions
from desktop.core.lint.model import Diagnostic, Edit, Fix
from desktop.core.lint.report import gather

from .conftest import codes

DRAFT = "在全市工作会议上的讲话\n同志们：\n今天开会,部署工作。\n一、提高认识\n与其它市区相比。\n同志们，让我们共同努力！\n"


def test_one_paragraph_edit_rechecks_only_that_paragraph(linter):
    first = linter.lint(DRAFT)
    checked = linter.stats["paragraphs_checked"]
    edited = DRAFT.replace("与其它市区相比。", "与其他市区相比,差距明显。")
    second = linter.lint(edited)
    assert linter.stats["paragraphs_checked"] == checked + 1
    assert "GW501" in codes(first) and "GW501" not in codes(second)
    # the cached results are shifted to where their paragraph now is
    moved = linter.lint("补一句开头。\n" + DRAFT)
    gw201 = next(d for d in moved.diagnostics if d.code == "GW201")
    assert ("补一句开头。\n" + DRAFT)[gw201.offset] == ","


def _many_paragraphs(count: int) -> str:
    """A draft of more paragraphs than the engine's base cache holds, with findings all through it."""
    lines = ["在全市工作会议上的讲话", "同志们：", "下面，我讲三点意见。"]
    numerals = "一二三四五六七八九十"
    for i in range(count):
        if i % 500 == 0:
            lines.append(f"{numerals[i // 500]}、第{numerals[i // 500]}方面")
        quote = "“" if i % 97 == 0 else ""  # left open: a quotation continues only before a “ paragraph
        lines.append(f"{quote}各单位要抓好第{i}项工作,确保落实XX。")
    lines.append("同志们，让我们共同努力！")
    return "\n".join(lines)


def test_a_long_draft_keeps_every_paragraph_cached_and_matches_a_full_check(linter):
    draft = _many_paragraphs(5000)
    linter.lint(draft)
    checked = linter.stats["paragraphs_checked"]
    # one paragraph edited, and the one before a left-open quotation now starts with “ (a document rule
    # that looks at the next paragraph must see it)
    edited = draft.replace("抓好第2000项工作", "抓好第2000项重点工作").replace("各单位要抓好第98项", "“各单位要抓好第98项")
    again = linter.lint(edited)
    assert linter.stats["paragraphs_checked"] == checked + 2
    fresh = Linter(load_config(use_user_file=False)).lint(edited)
    assert again.diagnostics == fresh.diagnostics
    before = linter.lint(draft).diagnostics
    assert any(d.code == "GW202" and d.offset == draft.index("“各单位要抓好第97项") for d in before)
    assert not any(d.code == "GW202" and d.offset == edited.index("“各单位要抓好第97项") for d in again.diagnostics)


def test_select_ignore_and_levels_from_user_file(isolated_data_dir):
    config_dir = isolated_data_dir / "config"
    config_dir.mkdir(exist_ok=True)
    (config_dir / "lint.toml").write_text(
        '[lint]\nignore = ["GW201"]\n[lint.levels]\nGW501 = "error"\n'
        '[[terms]]\nwrong = "部门之间"\nright = "各部门之间"\nwhy = "本单位的写法"\n',
        encoding="utf-8",
    )
    config = load_config()
    result = Linter(config).lint(DRAFT + "部门之间要配合。\n")
    found = {d.code: d for d in result.diagnostics}
    assert "GW201" not in found
    assert found["GW501"].level is Level.ERROR
    assert any("各部门之间" in d.message for d in result.diagnostics)
    only = Linter(config.with_codes(frozenset({"GW5"}), None)).lint(DRAFT)
    assert set(codes(only)) == {"GW501"}


def test_document_ignore_list_survives_edits_elsewhere(linter, tmp_path):
    result = linter.lint(DRAFT)
    target = next(d for d in result.diagnostics if d.code == "GW501")
    ignore = [Suppression.for_diagnostic(DRAFT, target)]
    save_suppressions(tmp_path / "ignore.json", ignore)
    loaded = load_suppressions(tmp_path / "ignore.json")
    edited = "新的第一段。\n" + DRAFT
    assert "GW501" not in codes(linter.lint(edited, loaded))
    assert "GW201" in codes(linter.lint(edited, loaded))


def test_fixes_never_overlap_and_unsafe_ones_wait():
    def diag(offset, length, replacement, safe=True):
        return Diagnostic("GW999", "x", Level.WARNING, "m", offset, length, Fix((Edit(offset, length, replacement),), safe))

    a, b, c, unsafe = diag(0, 2, "A"), diag(1, 2, "B"), diag(4, 1, "C"), diag(6, 1, "U", safe=False)
    chosen = choose_fixes([b, a, c, unsafe])
    assert chosen == [a, c]
    text, applied = apply_fixes("0123456789", [a, b, c, unsafe])
    assert text == "A23C56789" and applied == [a, c]


def test_fix_then_relint_reports_no_fixed_finding(linter):
    text = "一、总体要求\n1、加强领导,压实责任。\n(1)明确目标。\n二.其它事项。。\n"
    result = linter.lint(text)
    fixed, applied = apply_fixes(text, result.diagnostics)
    assert {d.code for d in applied} == {"GW103", "GW201", "GW204", "GW501"}
    assert fixed == "一、总体要求\n1.加强领导，压实责任。\n（1）明确目标。\n二、其他事项。\n"
    # "。。" at the end of a stand-alone heading: GW204 and GW203 touch, so GW203 waits for the next pass
    again = [d for d in linter.lint(fixed).diagnostics if d.fix is not None]
    assert [(d.code, fixed[d.offset]) for d in again] == [("GW203", "。")]
    final, _ = apply_fixes(fixed, again)
    assert final.endswith("二、其他事项\n")
    assert not [d for d in linter.lint(final).diagnostics if d.fix is not None]


def test_gather_merges_a_defect_that_runs_through_the_file(linter):
    text = "\n".join(f"第{i}段,有逗号。" for i in range(1, 9))
    raw = [d for d in linter.lint(text).diagnostics if d.code == "GW201"]
    assert len(raw) == 8
    (merged,) = [d for d in gather(text, raw) if d.code == "GW201"]
    assert len(merged.spots) == 8 and "全文共 8 处" in merged.message
    fixed, _ = apply_fixes(text, [merged])
    assert "," not in fixed


def test_bad_user_rule_file_is_reported_with_its_name(isolated_data_dir):
    import pytest

    from desktop.core.errors import InputError

    config_dir = isolated_data_dir / "config"
    config_dir.mkdir(exist_ok=True)
    user = config_dir / "lint.toml"
    user.write_text('[placeholder]\npatterns = ["([未闭合"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="lint.toml.*正则表达式"):
        load_config()
    user.write_text("[lint\n", encoding="utf-8")
    with pytest.raises(InputError, match="lint.toml.*格式有误"):
        load_config()
    user.write_text('[lint.levels]\nGW301 = "fatal"\n', encoding="utf-8")
    with pytest.raises(InputError, match="GW301"):
        load_config()
