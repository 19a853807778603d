from desktop.core.mining.text import (
    clause_spans,
    content_lines,
    is_junk_line,
    normalise,
    split_clauses,
    split_sentences,
)


def test_normalise_repairs_pdf_wraps_and_half_width_punctuation():
    assert normalise("确保圆满完成全年经 济社会发展任务,推动 X 个项目") == "确保圆满完成全年经济社会发展任务，推动X个项目"
    assert normalise("增长 3.2%,总量 GDP 稳定") == "增长3.2%，总量GDP稳定"
    assert normalise("问题找的也很中肯, 既彰显了信心") == "问题找的也很中肯，既彰显了信心"


def test_injected_text_removed():
    assert normalise("构建“亲”“清”政商 当前隐藏内容免费查看关系") == "构建“亲”“清”政商关系"


def test_junk_lines():
    for junk in ["酷乐文行整理，咨询QQ206157060", "仅供学习 禁止外传", "• 29.62 KB", "花田文秘网 https://x.com",
                 "Copyright © 2002-2018 . 花田文秘网 版权所有", "X    X    X", ""]:
        assert is_junk_line(normalise(junk)), junk
    assert not is_junk_line("同志们：今天召开这次会议。")


def test_content_lines_start_at_salutation_and_stop_at_related_links():
    text = "自建平台、实时分享\n在全市会议上的讲话\n同志们：\n今天召开会议。\n看过讲话的人还看了：\n1.在会议上的讲话"
    assert content_lines(text) == ["同志们：", "今天召开会议。"]


def test_salutation_inside_a_run_together_line():
    lines = content_lines("在会议上的讲话 同志们: 这次会议很重要。")
    assert lines == ["同志们：这次会议很重要。"]


def test_sentences_and_clauses():
    sentences = split_sentences("一要抓好落实。“好钢用在刀刃上。”大家要记住！")
    assert sentences == ["一要抓好落实。", "“好钢用在刀刃上。”", "大家要记住！"]
    assert split_clauses("应该做的事，顶着压力也要干；应该负的责，冒着风险也要担。") == (
        "应该做的事", "顶着压力也要干", "应该负的责", "冒着风险也要担")
    sentence = "甲乙，丙丁；戊。"
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == ["甲乙", "丙丁", "戊"]


def test_overlong_sentences_are_read_in_pieces():
    line = "，".join(["推动高质量发展"] * 300) + "。"
    pieces = split_sentences(line)
    assert len(pieces) > 1
    assert all(len(piece) <= 600 for piece in pieces)
    assert "".join(pieces) == line
