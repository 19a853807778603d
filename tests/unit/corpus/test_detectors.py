"""The generic detectors: every example the rules file gives for them, the removals they record, and
evidence across the files of one import."""

from __future__ import annotations

import pytest

from desktop.core.corpus import clean_text
from desktop.core.corpus.batch import clean_texts
from desktop.core.corpus.cleaning import clean
from desktop.core.corpus.evidence import line_key
from desktop.core.corpus.junk_rules import load_junk_rules
from desktop.core.corpus.removals import explain
from tests.unit.corpus.test_cleaning import CLOSING, OPENING

RULES = load_junk_rules()
TITLES = ("在市政府重点工作推进会上的讲话", "在全县防汛工作会议上的讲话", "在项目建设推进会上的讲话")


def speech(*inserted: str, title: str = TITLES[0], middle: tuple[str, ...] = ()) -> str:
    return "\n".join([title, "同志们：", *inserted, OPENING, *middle, "一、关于经济工作", CLOSING])


def cleaned_lines(text: str) -> list[str]:
    return text.split("\n")


def expected_speech(expect: str, title: str = TITLES[0]) -> list[str]:
    return [title, "同志们：", *([expect] if expect else []), OPENING, "一、关于经济工作", CLOSING]


def examples(kind_filter):
    return [
        pytest.param(d.kind, junk, expect, id=f"{d.kind}-{i}")
        for d in RULES.detectors
        if kind_filter(d.kind)
        for i, (junk, expect) in enumerate(zip(d.junk, d.expect, strict=True))
    ]


def keeps():
    return [
        pytest.param(d.kind, keep, id=f"{d.kind}-keep-{i}") for d in RULES.detectors for i, keep in enumerate(d.keep)
    ]


def test_every_detector_has_examples_and_a_label():
    kinds = {d.kind for d in RULES.detectors}
    assert kinds >= {"markup", "ascii_noise", "pinyin", "nav_row", "info_bar", "recurring", "repeated"}
    for detector in RULES.detectors:
        assert detector.junk, detector.kind
        assert detector.kind in RULES.labels, detector.kind
    for rule in (*RULES.line, *RULES.inline, *RULES.block_start):
        assert rule.kind in RULES.labels, rule.kind


@pytest.mark.parametrize(("kind", "junk", "expect"), examples(lambda k: k not in ("recurring", "repeated")))
def test_a_detectors_junk_in_a_speech_cleans_to_what_it_expects(kind, junk, expect):
    assert cleaned_lines(clean_text(speech(junk))) == expected_speech(expect)


@pytest.mark.parametrize(("kind", "junk", "expect"), examples(lambda k: k == "recurring"))
def test_a_line_in_three_files_of_one_import_is_chrome(kind, junk, expect):
    texts = {title: speech(junk, title=title) for title in TITLES}
    for title, result in clean_texts(texts).items():
        assert result.paragraphs == expected_speech(expect, title)
    # The same line in one file alone is left to the other detectors.
    assert junk in cleaned_lines(clean_text(speech(junk)))


@pytest.mark.parametrize(("kind", "junk", "expect"), examples(lambda k: k == "repeated"))
def test_a_short_line_repeated_between_paragraphs_of_one_file_is_a_watermark(kind, junk, expect):
    text = speech(junk, middle=(junk, "二、关于项目建设", junk))
    assert cleaned_lines(clean_text(text)) == [
        TITLES[0], "同志们：", OPENING, "二、关于项目建设", "一、关于经济工作", CLOSING
    ]


@pytest.mark.parametrize(("kind", "keep"), keeps())
def test_real_text_a_detector_could_mistake_survives(kind, keep):
    if kind == "recurring":
        results = clean_texts({title: speech(keep, title=title) for title in TITLES})
        assert all(line_key(keep) in line_key(r.text) for r in results.values())
    elif kind == "repeated":
        assert clean_text(speech(keep, middle=(keep, "二、关于项目建设", keep))).count(keep) == 3
    else:
        assert line_key(keep) in line_key(clean_text(speech(keep)))


@pytest.mark.parametrize(
    "example", [example for rule in RULES.inline for example in rule.keep], ids=lambda e: e[:12]
)
def test_inline_rules_leave_their_keep_examples_alone(example):
    assert line_key(example) in line_key(clean_text(speech(example)))


def test_every_inline_junk_example_carries_one_of_its_rules_triggers():
    for rule in RULES.inline:
        for junk in rule.junk:
            assert rule.applies(junk), (rule.kind, junk)


def test_removals_say_where_what_and_which_rule():
    raw = "\n".join(
        [
            "首页 > 讲话稿 > 领导讲话",
            "在市政府重点工作推进会上的讲话",
            "同志们：",
            "<p>" + OPENING + "</p>",
            "(未完,全文共1971字,当前显示613字)",
        ]
    )
    result = clean(raw)
    assert result.paragraphs == ["在市政府重点工作推进会上的讲话", "同志们：", OPENING]
    assert explain(result.removals, RULES.labels) == [
        "第 1 行　网页导航或按钮　整行：首页 > 讲话稿 > 领导讲话",
        "第 4 行　网页标记（HTML/CSS）　删去：<p>",
        "第 4 行　网页标记（HTML/CSS）　删去：</p>",
        "第 5 行　截断或付费阅读提示　整行：(未完,全文共1971字,当前显示613字)",
    ]
    assert (result.removed_lines, result.removed_chars) == (2, 11 + 3 + 4 + 22)


def test_a_line_emptied_by_several_cuts_counts_once():
    result = clean("同志们：\n<p></p>(未完,全文共1971字,当前显示613字)\n" + OPENING)
    assert result.paragraphs == ["同志们：", OPENING]
    assert result.removed_lines == 1 and len(result.removals) == 3


def test_the_cut_marker_before_a_truncation_notice_goes_too():
    result = clean("同志们：\n" + OPENING[:-1] + "......\n预览结束，免费获取全文")
    assert result.paragraphs == ["同志们：", OPENING[:-1]]


def test_a_full_line_of_a_wrapped_page_is_never_taken_for_a_recurring_one():
    """Three PDFs quoting the same sentence wrap it into the same visual lines; those lines recur across
    the files but are body text."""
    from tests.unit.corpus.conftest import wrap

    shared = "全市上下要坚持以人民为中心的发展思想，统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设。"
    texts = {}
    for title in TITLES:
        body = [OPENING, shared, CLOSING]
        texts[title] = "\n".join([title, "同志们："] + [line for p in body for line in wrap(p, 24, indent=True)])
    for title, result in clean_texts(texts).items():
        assert shared in result.text, title


def test_a_wrapped_page_keeps_its_lines_in_a_single_file_too():
    assert clean_text(OPENING) == OPENING


def test_traditional_script_is_read_and_kept_as_it_is():
    raw = "在衛生工作會議上的講話\n同志們：\n這次全國衛生工作會議是一次很重要的會議，我們要認真學習領會會議精神。"
    result = clean(raw)
    assert result.paragraphs == raw.split("\n")
    assert not result.removals


def test_a_word_set_apart_on_its_own_line_joins_its_sentence_again():
    """A term a page put on a line of its own (a link, a subscript) is neither chrome nor a watermark,
    however often it comes."""
    raw = "\n".join(
        [
            TITLES[0],
            "同志们：",
            "今年全市生态环境持续改善，细颗粒物PM",
            "2.5",
            "年平均浓度下降到28微克每立方米，优良天数比例达到90%。",
            *(["我们将推行“揭榜挂帅”机制，由企业出题、科研团队", "揭榜", "，限期攻关。"] * 3),
        ]
    )
    assert clean(raw).paragraphs == [
        TITLES[0],
        "同志们：",
        "今年全市生态环境持续改善，细颗粒物PM2.5年平均浓度下降到28微克每立方米，优良天数比例达到90%。",
        *(["我们将推行“揭榜挂帅”机制，由企业出题、科研团队揭榜，限期攻关。"] * 3),
    ]


def test_a_title_glued_before_the_salutation_stands_alone_and_a_copy_glued_before_it_goes():
    title = "县长在全县项目建设推进会上的讲话"
    copy = "县长在全县项目建设推进会上讲话"  # a page's title: the same words, 的 left out
    result = clean("\n".join([copy + title + "同志们：" + OPENING, "一、关于经济工作", CLOSING]))
    assert result.paragraphs == [title, "同志们：", OPENING, "一、关于经济工作", CLOSING]
    assert explain(result.removals, RULES.labels) == [f"第 1 行　{RULES.label('duplicate_title')}　删去：{copy}"]
    glued = clean("\n".join([title + "各位代表：" + OPENING, CLOSING]))
    assert glued.paragraphs == [title, "各位代表：", OPENING, CLOSING] and not glued.removals


def test_a_sentence_that_names_a_speech_before_the_salutation_is_not_split():
    text = "\n".join([TITLES[0], "刚才，市长作了重要讲话，同志们：" + OPENING, CLOSING])
    assert clean_text(text) == text


def test_a_title_or_subtitle_wrapped_onto_two_lines_is_one_line_again():
    subtitle = ["政府工作报告", "——2026年1月20日在某某省第十四届", "人民代表大会第五次会议上", "某某省省长 王五", "各位代表："]
    assert clean_text("\n".join([*subtitle, OPENING])).split("\n") == [
        "政府工作报告", "——2026年1月20日在某某省第十四届人民代表大会第五次会议上", "某某省省长王五", "各位代表：", OPENING,
    ]
    title = ["在全县项目建设推进会上的", "讲话", "同志们："]
    assert clean_text("\n".join([*title, OPENING])).split("\n") == ["在全县项目建设推进会上的讲话", "同志们：", OPENING]
    # Complete titles, a name under them and two short headings stay as they are.
    kept = ["在全县项目建设推进会上的讲话", "县长 王五", "同志们：", OPENING, "一、抓项目", "二、优环境", CLOSING]
    assert clean_text("\n".join(kept)).split("\n") == [kept[0], "县长王五", *kept[2:]]


def test_a_pages_preview_of_the_text_above_it_goes_and_a_repeated_paragraph_stays():
    preview = ["同志们：", OPENING[:45]]  # a summary that stops inside the first paragraph
    result = clean("\n".join([TITLES[0], *preview, "同志们：", OPENING, CLOSING]))
    assert result.paragraphs == [TITLES[0], "同志们：", OPENING, CLOSING]
    assert [r.rule for r in result.removals] == ["preview", "preview"]
    repeated = "\n".join([TITLES[0], "同志们：", OPENING, OPENING, CLOSING])
    assert clean_text(repeated) == repeated
