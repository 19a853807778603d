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
