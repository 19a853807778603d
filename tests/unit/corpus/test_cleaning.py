"""Cleaning: one case per kind of junk web copies carry, and the repairs of PDF text."""

from __future__ import annotations

import pytest

from desktop.core.corpus import clean_text
from desktop.core.corpus.cleaning import clean_paragraphs, cut_inline_junk
from desktop.core.corpus.junk_rules import load_junk_rules
from desktop.core.corpus.title import choose_title
from tests.unit.corpus.conftest import wrap

RULES = load_junk_rules()
OPENING = (
    "今天召开这次会议，主要目的是认真贯彻落实省委、省政府和市委精神，围绕全年工作目标和经济运行中存在的突出问题，"
    "以及下步需要完成的重点工作进行安排部署，确保实现全年经济社会发展目标。"
)
CLOSING = "同志们，面对当前的经济形势，我们要坚持发展第一要务，聚焦重点稳增长，千方百计抓落实！"


def speech(*junk: str, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> str:
    """A short real speech with junk lines put into it."""
    return "\n".join(
        [
            *before,
            "在市政府重点工作推进会上的讲话",
            "同志们：",
            *junk,
            OPENING,
            "一、关于经济工作",
            CLOSING,
            *after,
        ]
    )


def assert_speech_intact(cleaned: str) -> None:
    assert cleaned.split("\n") == [
        "在市政府重点工作推进会上的讲话",
        "同志们：",
        OPENING,
        "一、关于经济工作",
        CLOSING,
    ]


# --- The rules file: every example it carries is honoured -------------------------------------------


@pytest.mark.parametrize(
    ("rule", "example"),
    [(rule, example) for rule in RULES.line for example in rule.junk],
    ids=lambda value: getattr(value, "kind", None),
)
def test_line_rule_examples_are_dropped(rule, example):
    assert rule.pattern.search(example.strip()), "the rule matches its own example"
    assert_speech_intact(clean_text(speech(example)))


@pytest.mark.parametrize(
    "example", [example for rule in (*RULES.line, *RULES.block_start) for example in rule.keep]
)
def test_real_text_resembling_junk_is_kept(example):
    assert example.strip() in clean_text(speech(example)).split("\n")


@pytest.mark.parametrize(
    ("kind", "example", "expected"),
    [
        (rule.kind, junk, expect)
        for rule in RULES.inline
        for junk, expect in zip(rule.junk, rule.expect, strict=True)
    ],
)
def test_inline_rule_examples_are_cut_out(kind, example, expected):
    assert cut_inline_junk(example, RULES.inline) == expected


@pytest.mark.parametrize("example", [example for rule in RULES.block_start for example in rule.junk])
def test_block_rule_examples_start_a_dropped_block(example):
    assert RULES.block_rule(example) is not None


# --- One case per kind of junk, in context ------------------------------------------------------------


def test_watermark_line():
    assert_speech_intact(clean_text(speech("仅供学习 禁止外传")))


def test_advert_lines_before_the_title_and_in_the_body():
    preamble = ("酷乐文行", "自建平台、实时分享", "现在订阅立享前3年的所有权益和资料 ", "【打击倒卖活动】")
    cleaned = clean_text(speech("举报倒卖会员资料的人，举报成功免费赠送一年会员材料！", before=preamble))
    assert_speech_intact(cleaned)


def test_qq_and_group_numbers():
    cleaned = clean_text(
        speech("会员群：                      免费QQ群：         ", "酷乐文行整理，咨询QQ206157060")
    )
    assert_speech_intact(cleaned)


def test_qq_number_appended_to_a_sentence_is_cut_off():
    assert clean_text("要抓好落实。咨询QQ206157060") == "要抓好落实。"


def test_url_lines_and_urls_inside_sentences():
    cleaned = clean_text(speech("花田文秘网 https://www.huatianclub.com", "www.example.cn/article/1.html"))
    assert_speech_intact(cleaned)
    assert clean_text("详见www.example.com/a.html的通知。") == "详见的通知。"


def test_copyright_line():
    assert_speech_intact(clean_text(speech(after=("Copyright © 2002-2018 . 花田文秘网 版权所有",))))


def test_compiled_by_and_published_lines():
    cleaned = clean_text(
        speech(
            before=(
                "下面是小编为大家整理的2022年度市政府重点工作推进会讲话,供大家参考。",
                "• 2021-04-12 发布",
            )
        )
    )
    assert_speech_intact(cleaned)


def test_file_size_and_page_banners():
    assert_speech_intact(clean_text(speech(before=("• 29.62 KB", "  • 20页", "浏览次数：1024"))))


def test_people_who_read_this_also_read_and_the_list_after_it():
    related = (
        "看过工作推进会领导讲话材料的人还看了：",
        "1.在工作推进会议上的讲话",
        "2.项目推进会领导讲话材料",
        "3.在工作推进会上的讲话",
    )
    assert_speech_intact(clean_text(speech(after=related)))


def test_further_reading_blocks():
    tail = (
        "扩展阅读文章",
        "推荐阅读文章",
        "花田文秘网 https://www.huatianclub.com",
        "Copyright © 2002-2018 . 花田文秘网 版权所有",
    )
    assert_speech_intact(clean_text(speech(after=tail)))


def test_a_link_block_ends_where_real_paragraphs_resume():
    text = "\n".join(["推荐阅读", "在全市会议上的讲话", OPENING, CLOSING])
    assert clean_text(text).split("\n") == [OPENING, CLOSING]


def test_text_injected_mid_sentence_is_removed_and_the_sentence_rejoined():
    raw = "三要构建“亲”“清”政商 当前隐藏内容免费查看关系。建立“亲”“清”政商关系是优化营商环境的重要内容。"
    assert clean_text(raw) == "三要构建“亲”“清”政商关系。建立“亲”“清”政商关系是优化营商环境的重要内容。"


def test_separator_lines_of_placeholders():
    assert_speech_intact(clean_text(speech("X    X    X    X    X    X    X ")))


def test_invisible_characters_and_indents():
    raw = (
        "\ufeff在市政府重点工作推进会上的讲话\n　　同志们：\u200b\n\t"
        + OPENING
        + "\u00a0\n一、关于经济工作\n"
        + CLOSING
    )
    assert_speech_intact(clean_text(raw))


# --- PDF repairs, punctuation, paragraphs ------------------------------------------------------------


def test_pdf_line_wrap_spaces_between_chinese_characters_are_repaired():
    assert clean_text(
        "这次会议是区委、区政府决定召开的一次非常重要的会 议，主要目的是盘点年初以来的工作。"
    ) == ("这次会议是区委、区政府决定召开的一次非常重要的会议，主要目的是盘点年初以来的工作。")


def test_spaces_beside_latin_letters_and_digits_go_but_latin_words_keep_theirs():
    raw = "组织对 X 个街道和 XX 项重点工作进行了观摩，今年 5 月 23 日发布 Annual Report 2020 和 GDP 数据。"
    assert (
        clean_text(raw)
        == "组织对X个街道和XX项重点工作进行了观摩，今年5月23日发布Annual Report 2020和GDP数据。"
    )


def test_half_width_punctuation_in_chinese_text_becomes_full_width():
    raw = (
        "同志们:差距在哪?主要有以下几点;一是增长8.3%,没有完成目标!湘西(x)“科创飞地”园区作用,下降x%,xx总收入。"
    )
    assert clean_text(raw) == (
        "同志们：差距在哪？主要有以下几点；一是增长8.3%，没有完成目标！湘西（x）“科创飞地”园区作用，下降x%，xx总收入。"
    )


def test_numbers_and_latin_text_keep_their_punctuation():
    raw = '投资1,000万元，增长3.5%，会议10:30开始，采用f(x)模型，口号是"Yes, we can!"。'
    assert clean_text(raw) == raw  # nothing here belongs to Chinese text


def test_straight_quotes_around_chinese_become_curly():
    assert clean_text('结合编制"十四五"规划，远近结合。') == "结合编制“十四五”规划，远近结合。"


def test_full_width_digits_become_ascii():
    assert clean_text("今年１—６月增长３．２％。") == "今年1—6月增长3．2％。"


def test_a_body_wrapped_into_one_line_gets_its_paragraphs_back(one_line_body):
    paragraphs = clean_paragraphs(one_line_body)
    assert paragraphs[:3] == ["在全区产业发展现场观摩总结会上的讲话", "同志们：", OPENING]
    assert "第一句话，成绩可圈可点，要扬长补短、扬优成势，保持发展定力" in paragraphs
    assert paragraphs[-1].startswith("同志们，新的目标激励我们")
    assert len(paragraphs) == 7


def test_a_run_on_body_without_wrap_spaces_is_split_before_its_headings():
    body = (
        "同志们："
        + OPENING
        + "一、认真研判经济形势。"
        + OPENING * 2
        + "二、聚焦重点抓推进。"
        + OPENING
        + "（一）加快推进项目建设。"
        + OPENING
        + "同志们，让我们共同努力！"
    )
    paragraphs = clean_paragraphs(body)
    assert [p[:6] for p in paragraphs] == [
        "同志们：",
        OPENING[:6],
        "一、认真研判",
        "二、聚焦重点",
        "（一）加快推",
        "同志们，让我",
    ]


def test_one_run_in_heading_inside_a_paragraph_does_not_split_it():
    paragraph = OPENING * 3 + "第三，要提质增效。" + OPENING
    assert clean_paragraphs(paragraph) == [paragraph]


# --- Titles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["仅供学习", "在市政府重点工作推进会上的讲话", "同志们："], "在市政府重点工作推进会上的讲话"),
        (["工作推进会领导讲话材料", "同志们："], "工作推进会领导讲话材料"),
        (["关于加强基层治理的几点思考", "同志们：", OPENING], "关于加强基层治理的几点思考"),
        (["同志们：", OPENING], "讲话稿"),
        ([OPENING], "讲话稿"),
        (["一、关于经济工作", OPENING], "讲话稿"),
    ],
)
def test_title_detection(lines, title):
    assert choose_title(lines, fallback="讲话稿") == title


def test_a_title_repeated_at_the_start_of_the_body_is_kept_once():
    raw = (
        "在全区产业发展现场观摩总结会上的讲话\n• 20页\n在全区产业发展现场观摩总结会上的讲话\n同志们：\n"
        + OPENING
    )
    assert clean_paragraphs(raw) == ["在全区产业发展现场观摩总结会上的讲话", "同志们：", OPENING]


def test_long_lines_before_a_title_are_not_taken_for_a_preamble():
    raw = OPENING + "\n在市政府重点工作推进会上的讲话\n" + CLOSING
    assert clean_paragraphs(raw)[0] == OPENING


@pytest.fixture
def one_line_body(page_lines) -> str:
    """The page's lines joined by spaces, as a web copy of a PDF has it."""
    return " ".join(page_lines)


@pytest.fixture
def page_lines() -> list[str]:
    """A page of speech set 26 characters wide, paragraphs indented by two, its full-width commas and colons
    extracted as half-width ones (as the web copy of seed 004 has them)."""
    paragraphs = [
        "在全区产业发展现场观摩总结会上的讲话",
        "同志们：",
        OPENING,
        "第一句话，成绩可圈可点，要扬长补短、扬优成势，保持发展定力",
        "年初以来，全区上下咬定建设现代化中心城区总体目标，深入实施XX发展“1339”战略，扎实做好“六稳”工作、"
        "全面落实“六保”任务，疫情防控取得战略性成果，经济社会发展稳中向好，实现良好开局。",
        "从日常掌握和这次观摩情况看，各街道各部门能够认真贯彻落实区委、区政府的决策部署，思路清晰、措施务实，"
        "成效也很明显，观摩的重点工作也各有特色，全区发展呈现良好势头。",
        "同志们，新的目标激励我们承前启后、继往开来，新的征程需要我们开拓进取、拼搏奋进。",
    ]
    lines = [line for paragraph in paragraphs for line in wrap(paragraph, 26, indent=True)]
    return [line.replace("，", ",").replace("：", ":") for line in lines]


def test_text_kept_as_a_pages_visual_lines_is_reflowed(page_lines, one_line_body):
    """A PDF saved as .txt: one visual line per line."""
    paragraphs = clean_paragraphs("\n".join(page_lines))
    assert paragraphs == clean_paragraphs(one_line_body)
    assert len(paragraphs) == 7


def test_short_lines_of_a_list_are_not_taken_for_a_wrapped_page():
    items = [f"{n}、{text}" for n, text in enumerate(["加强组织领导", "强化督查考核", "严格责任追究"] * 4, 1)]
    assert clean_paragraphs("\n".join(items)) == items


def test_the_users_own_rules_extend_the_bundled_ones(isolated_data_dir):
    from desktop.core.corpus.junk_rules import user_rules_path

    user_rules_path().write_text(
        '[[line]]\nkind = "advert"\npattern = "某某文秘网独家"\nmax_len = 30\n', encoding="utf-8"
    )
    assert_speech_intact(clean_text(speech("某某文秘网独家", "仅供学习 禁止外传")))


def test_a_broken_user_rules_file_is_reported_by_name(isolated_data_dir):
    from desktop.core.corpus.junk_rules import user_rules_path
    from desktop.core.errors import GongwenError

    user_rules_path().write_text('[[line]]\nkind = "advert"\npattern = "(unclosed"\n', encoding="utf-8")
    with pytest.raises(GongwenError, match="corpus_cleaning.toml：清理规则有误"):
        clean_text(OPENING)


def test_closing_marks_wrapped_onto_their_own_line_end_the_paragraph_before():
    # Too few lines to show a page's width: the lone "：" is not reflowed, yet it is the paragraph's end.
    text = "同志们：\n关于经济工作，公乐同志都讲得很全面、很具体了。这里，我再着重强调四点\n：\n一、抓项目\n”。"
    assert clean_text(text).split("\n") == [
        "同志们：", "关于经济工作，公乐同志都讲得很全面、很具体了。这里，我再着重强调四点：", "一、抓项目”。"]
