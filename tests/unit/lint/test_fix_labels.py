"""Every quick fix has a Chinese label (what the window offers: 改为“两点”, 重新编号), and `gongwen lint --json`
gives the same label beside the replacement."""

from __future__ import annotations

import json
import re

from desktop.cli import main
from desktop.core.lint import Linter, load_config
from desktop.core.lint.fixes import fix_label
from desktop.core.lint.model import Edit, Fix
from desktop.core.lint.report import gather
from desktop.ui.lint_adapter import analyse
from tests.unit.lint.test_rule_examples import CASES, _linter_for

CJK = re.compile(r"[\u4e00-\u9fff]")
# Rules that offer a fix on their own bad examples. A rule that stops offering one, or offers one without a
# label, fails here; a rule that starts offering one is added after its labels are read.
FIXING = {
    "GW101", "GW102", "GW103", "GW105", "GW106", "GW201", "GW203", "GW204", "GW205", "GW206", "GW207",
    "GW208", "GW307", "GW501", "GW502", "GW503", "GW504", "GW601", "GW602", "GW701", "GW702", "GW703",
}  # fmt: skip


def _lint(text: str):
    return Linter(load_config(use_user_file=False)).lint(text).diagnostics


def _labels_by_code() -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for rule, _, example in CASES:
        for d in _linter_for(rule, example).lint(example.bad).diagnostics:
            if d.fix is not None:
                labels.setdefault(d.code, set()).add(fix_label(d.fix, example.bad))
    return labels


def test_every_fix_in_the_rule_examples_has_a_chinese_label():
    labels = _labels_by_code()
    assert set(labels) == FIXING
    for code, found in labels.items():
        for label in found:
            assert CJK.match(label), f"{code}: {label!r} does not begin in Chinese"
            assert len(label) <= 24, f"{code}: {label!r} is too long for a button or a menu"


def test_labels_say_what_the_fix_does():
    text = "其它工作的的要抓好，增长.5个百分点。"
    found = {d.code: fix_label(d.fix, text) for d in _lint(text) if d.fix is not None}
    assert found["GW501"] == "改为“其他”"
    assert found["GW307"] == "删去“的”"  # the second of the two
    assert found["GW207"] == "插入“0”"
    draft = "下面，我讲三点意见。\n一、抓好甲\n二、抓好乙\n同志们，让我们共同努力！\n"  # finished: a closing
    count = next(d for d in _lint(draft) if d.code == "GW105")
    assert fix_label(count.fix, draft) == "改为“两点”"  # only the announced count changes
    gap = "一、抓好甲\n三、抓好乙\n四、抓好丙\n"
    renumber = next(d for d in _lint(gap) if d.code == "GW101")
    assert len(renumber.fix.edits) == 2 and fix_label(renumber.fix, gap) == "重新编号"


def test_long_and_quoted_replacements_are_shortened_and_quoted_apart():
    text = "甲" * 40
    long = Fix((Edit(0, 40, "乙" * 40),), safe=False)
    assert fix_label(long, text) == "改为“" + "乙" * 15 + "…”"
    quoted = Fix((Edit(0, 2, "“一带一路”倡议"),), safe=False)
    assert fix_label(quoted, text) == "改为「“一带一路”倡议」"
    assert fix_label(Fix((Edit(1, 0, "、"), Edit(5, 0, "、")), safe=False), text) == "逐处改正（2 处）"


def test_a_gathered_finding_names_its_fix_and_count():
    text = "".join(f"第{i}项,要抓好。\n" for i in range(7))
    found = _lint(text)
    gathered = next(d for d in gather(text, found) if d.code == "GW201")
    assert fix_label(gathered.fix, text) == "逐处改为全角标点（共 7 处）"


def test_lint_json_gives_the_label_the_window_shows(tmp_path, capsys):
    draft = tmp_path / "讲话.txt"
    text = "下面，我讲三点意见。\n一、抓好甲\n二、其它工作要抓好,落实到位\n同志们，让我们共同努力！\n"
    draft.write_text(text, encoding="utf-8")
    main(["lint", "--format", "json", str(draft)])
    findings = json.loads(capsys.readouterr().out)
    by_code = {f["code"]: f for f in findings}
    assert by_code["GW105"]["fix"]["label"] == "改为“两点”"
    assert by_code["GW501"]["fix"] == {"offset": text.index("其它"), "length": 2, "replacement": "其他",
                                       "label": "改为“其他”", "safe": True}
    window = {f.code: f.fix.label for f in analyse(1, text).findings if f.fix is not None}
    assert window == {f["code"]: f["fix"]["label"] for f in findings if f["fix"] is not None}
