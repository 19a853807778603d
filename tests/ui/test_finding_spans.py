"""FindingSpans: the findings of the last check, where they are after the edits made since."""

from __future__ import annotations

from desktop.ui.finding_spans import FindingSpans
from desktop.ui.lint_adapter import Finding

TEXT = "今天XX开会，张𬌗同志XX发言。"  # 𬌗 takes two positions in the editor


def finding(text: str, snippet: str, nth: int = 0) -> Finding:
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(snippet, offset + 1)
    return Finding("GW301", "占位符", "error", "遗留占位符", offset, len(snippet), 0)


def test_positions_count_a_wide_character_twice():
    first, second = finding(TEXT, "XX"), finding(TEXT, "XX", 1)
    spans = FindingSpans([first, second], TEXT)
    assert spans.where(first) == (2, 4)
    assert spans.where(second) == (12, 14)  # Python offset 11, one more for 𬌗
    assert spans.at(12) == [second] and spans.at(11) == []


def test_spans_follow_typing_deleting_and_replacing():
    first, second = finding(TEXT, "XX"), finding(TEXT, "XX", 1)
    spans = FindingSpans([first, second], TEXT)
    spans.record(0, 0, 1)  # typed at the start
    spans.record(1, 0, 2)  # and on (merged into one edit)
    assert spans.where(first) == (5, 7) and spans.where(second) == (15, 17)
    spans.record(7, 0, 1)  # typed right after the first XX: not underlined with it
    assert spans.where(first) == (5, 7)
    spans.record(5, 0, 1)  # typed right before it: the span moves on
    assert spans.where(first) == (6, 8)
    spans.record(6, 2, 0)  # the XX deleted: gone
    assert spans.where(first) is None
    assert spans.where(second) == (15, 17)  # 3 + 1 + 1 typed before it, 2 deleted
    spans.record(15, 2, 2)  # the second XX typed over with two characters: gone too
    assert spans.where(second) is None


def test_a_change_of_formats_alone_moves_nothing():
    second = finding(TEXT, "XX", 1)
    spans = FindingSpans([second], TEXT)
    spans.record(0, 16, 16, text_changed=False)  # the highlighter restyled the line
    assert spans.where(second) == (12, 14)


def test_in_range_finds_spans_after_edits_above():
    text = "\n".join(f"第{i}段XX。" for i in range(2000))
    findings = [finding(text, "XX", n) for n in range(2000)]
    spans = FindingSpans(findings, text)
    spans.record(0, 0, 10)  # ten characters typed at the top
    late = [f for f in findings if f.offset > len(text) - 40]
    shown = list(spans.in_range(len(text) - 40 + 10, len(text) + 10))
    assert {f for _, _, f in shown} == set(late)
    assert all((a - 10, b - 10) == (f.offset, f.end) for a, b, f in shown)
