"""Openings, transitions, closings, quotes and headings, on a small hand-made speech."""

from desktop.core.mining import closing, heading, opening, quote, transition
from desktop.core.mining.text import content_lines, split_sentences

SPEECH = """在全市重点工作推进会上的讲话
同志们：
今天召开这次会议，主要目的是贯彻落实8月3日省委会议精神，安排部署下半年工作。刚才，李公乐市长讲了很好的意见，讲得很好。下面，我讲三点意见。
一、在思想认识上再聚焦、再提升
习近平总书记指出，人心是最大的政治。要以“功成不必在我”的精神境界和“功成必定有我”的历史担当，推动工作。心里要有数：“心里没有鬼，不要怕鬼敲门”。
二、在责任落实上再加压、再加力
观一叶而知深秋，窥一斑而见全豹。借此机会，我再强调一点。
三、在工作摆布上再统筹、再强化
要抓好“六稳”工作，做好“三区”建设。
同志们，新的征程需要我们开拓进取、拼搏奋进，让我们为全市发展作出新的更大贡献！
"""


def parts():
    lines = content_lines(SPEECH)
    return lines, [s for line in lines for s in split_sentences(line)]


def test_opening_is_the_salutation_and_purpose_with_placeholders(lex):
    lines, _ = parts()
    (found,) = opening.extract(lines, lex)
    assert found.text == "同志们：今天召开这次会议，主要目的是贯彻落实X月X日省委会议精神，安排部署下半年工作。"
    assert found.pattern == "同志们：今天召开这次会议，主要目的是……"


def test_no_opening_without_a_meeting_passage(lex):
    assert list(opening.extract(["同志们：", "一、抓好落实"], lex)) == []


def test_transitions(lex):
    _, sentences = parts()
    found = [c.text for c in transition.extract(sentences, lex)]
    assert "刚才，XX市长讲了很好的意见，讲得很好。" in found
    assert "下面，我讲X点意见。" in found
    assert "借此机会，我再强调一点。" in found
    assert not any("李公乐" in text for text in found)


def test_closing_is_the_final_comrades_passage(lex):
    lines, _ = parts()
    (found,) = closing.extract(lines, lex)
    assert found.text.startswith("同志们，新的征程需要我们开拓进取")
    assert found.text.endswith("作出新的更大贡献！")


def test_no_closing_early_in_the_speech(lex):
    lines = ["同志们，大家好。"] + ["一、抓好落实。要抓好工作落实，推动发展。"] * 10
    assert list(closing.extract(lines, lex)) == []


def test_quotes(lex):
    _, sentences = parts()
    found = [c.text for c in quote.extract(sentences, lex)]
    assert "人心是最大的政治" in found
    assert "功成不必在我，功成必定有我" in found
    assert "心里没有鬼，不要怕鬼敲门" in found
    assert "观一叶而知深秋，窥一斑而见全豹" in found
    assert not any(text in ("六稳", "三区") for text in found)  # programme names are not sayings


def test_heading_patterns(lex):
    lines, _ = parts()
    found = {c.text: c.pattern for c in heading.extract(lines, lex)}
    assert found["在思想认识上再聚焦、再提升"] == "在X上再聚焦、再提升"
    assert found["在责任落实上再加压、再加力"] == "在X上再加压、再加力"
    assert len(found) == 3


def test_heading_frame_from_siblings(lex):
    lines = ["一是认识要再提升。", "二是理解要再深化。", "三是基础要再打牢。"]
    found = {c.text: c.pattern for c in heading.extract(lines, lex)}
    assert found == {"认识要再提升": "X要再提升", "理解要再深化": "X要再深化", "基础要再打牢": "X要再打牢"}


def test_opening_keeps_a_longer_salutation(lex):
    lines = ["各位领导、同志们：", "今天召开这次会议，主要任务是总结上半年工作。"]
    (found,) = opening.extract(lines, lex)
    assert found.text == "各位领导、同志们：今天召开这次会议，主要任务是总结上半年工作。"
