"""The outline parser on the forms drafts really take."""

from __future__ import annotations

from desktop.core.corpus import read_text_file
import pytest

from desktop.core.outline import BlockKind, cn_number, cn_numeral, match_marker, parse_outline

DRAFT = """在全市重点工作推进会上的讲话
——在2026年第一季度工作会议上
（2026年4月1日）
同志们：
今天召开这次会议。下面，我讲三点意见。
一、提高认识
（一）强化责任意识。领导就是责任。一是要担当。二是要作为。
（二）强化落实能力
1.明确目标。首先，要定目标。其次，要抓落实。
二、压实责任
三、强化保障
同志们，让我们共同努力！
"""


def test_front_matter_headings_and_closing():
    outline = parse_outline(DRAFT)
    kinds = [b.kind for b in outline.blocks]
    assert kinds[:4] == [BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.BYLINE, BlockKind.SALUTATION]
    assert outline.closing is not None and outline.block_text(outline.closing).startswith("同志们，让我们")
    levels = [(b.heading.marker, b.heading.level, b.heading.family) for b in outline.headings]
    assert levels == [
        ("一、", 1, "一、"), ("（一）", 2, "（一）"), ("（二）", 2, "（一）"), ("1.", 3, "1."),
        ("二、", 1, "一、"), ("三、", 1, "一、"),
    ]
    assert outline.families == ["一、", "（一）", "1."]


def test_run_in_heading_ends_at_first_full_stop():
    outline = parse_outline(DRAFT)
    block = next(b for b in outline.headings if b.heading.marker == "（一）")
    h = block.heading
    assert h.run_in
    assert DRAFT[h.marker_start : h.title_end] == "（一）强化责任意识。"
    standalone = next(b for b in outline.headings if b.heading.marker == "（二）").heading
    assert not standalone.run_in and standalone.title_end == outline.blocks[7].end


def test_inline_runs_and_announcement_offsets():
    outline = parse_outline(DRAFT)
    runs = [[i.marker for i in r.items] for r in outline.runs]
    assert ["一是", "二是"] in runs and ["首先", "其次"] in runs
    for run in outline.runs:
        for item in run.items:
            assert DRAFT[item.start : item.end] == item.marker
    (ann,) = outline.announcements
    assert ann.count == 3 and DRAFT[ann.start : ann.end] == ann.phrase == "讲三点意见"
    assert [DRAFT[a:b] for a, b in ann.items] == ["一、", "二、", "三、"]  # linked to the headings that follow
    inline = parse_outline("主要有三个方面：一是认识不足。二是措施不实。\n").announcements[0]
    assert len(inline.items) == 2


def test_markers_as_typed_and_as_they_should_be():
    assert match_marker("1、加强领导").proper == "1."
    assert match_marker("（一）、提高认识").proper == "（一）"
    assert match_marker("一.提高认识").proper == "一、"
    assert match_marker("(1)明确目标").proper == "（1）"
    assert match_marker("第三、要抓落实").proper == "第三，"
    assert match_marker("1.5亿元的投资") is None
    assert cn_number("二十三") == 23 and cn_number("十") == 10 and cn_number("几") is None


def test_one_line_body_with_wrap_spaces_is_split_at_reliable_places(seeds_dir):
    text = read_text_file(next(seeds_dir.glob("004_*.txt"))).text
    outline = parse_outline(text)
    assert outline.salutation is not None
    top = [(b.heading.family, b.heading.number, b.heading.level) for b in outline.headings[:3]]
    assert top == [("第一句话", 1, 1), ("第一句话", 2, 1), ("第一句话", 3, 1)]
    assert [b.heading.number for b in outline.headings if b.heading.family == "1."] == list(range(1, 9))
    first = outline.headings[0]
    assert text[first.start : first.end].endswith("持发展定力")  # the wrapped stand-alone heading ends there
    assert any(a.count == 3 and a.unit == "句话" for a in outline.announcements)


def test_web_junk_is_boilerplate_and_the_real_title_is_found(seed_paths):
    for path in seed_paths:
        outline = parse_outline(read_text_file(path).text)
        assert outline.title is not None, path.name
        title = outline.block_text(outline.title)
        assert "讲话" in title, (path.name, title)
        junk = [outline.block_text(b) for b in outline.blocks if b.boilerplate]
        assert not any("同志们" in j for j in junk)
    text = read_text_file(next(p for p in seed_paths if p.name.startswith("002"))).text
    outline = parse_outline(text)
    assert all(b.boilerplate for b in outline.blocks[-4:])


def test_parse_of_empty_and_blank_text():
    assert parse_outline("").blocks == []
    assert parse_outline("\n \n").blocks == []


def test_block_index_at_finds_the_paragraph_under_the_cursor():
    outline = parse_outline(DRAFT)
    for index, block in enumerate(outline.blocks):
        assert outline.block_index_at(block.start) == index
        assert outline.block_index_at(block.end - 1) == index
    assert outline.block_index_at(len(DRAFT) + 5) is None


@pytest.mark.parametrize(
    ("n", "numeral"),
    [(1, "一"), (10, "十"), (15, "十五"), (20, "二十"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
     (110, "一百一十"), (115, "一百一十五"), (999, "九百九十九"), (1200, "1200")],
)  # fmt: skip
def test_cn_numeral(n, numeral):
    assert cn_numeral(n) == numeral


def test_an_announcement_followed_by_more_than_a_hundred_items_is_checked():
    from desktop.core.lint import lint_text

    # A draft made by pasting the same ten sections eleven times: 110 items after "三点意见".
    sections = "\n".join(f"{cn_numeral(i % 10 + 1)}、关于第{i}项工作\n这项工作要抓好。" for i in range(110))
    result = lint_text(f"关于工作的讲话\n同志们：\n下面，我讲三点意见。\n{sections}")
    mismatches = [d for d in result.diagnostics if d.code == "GW105"]
    assert mismatches and "一百一十点" in mismatches[0].message


def test_a_heading_whose_title_starts_with_full_width_digits():
    outline = parse_outline("工作报告\n一、１９９８年工作回顾\n二、２０２６年工作安排")
    assert [b.heading.number for b in outline.headings] == [1, 2]
