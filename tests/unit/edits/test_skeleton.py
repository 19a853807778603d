"""New speech from a skeleton: the shipped templates, the parts written, the bank's passages where it has
them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.core.bank.completion import placeholder_spans
from desktop.core.bank.store import PhraseBank
from desktop.core.errors import GongwenError
from desktop.core.lint import Linter, load_config
from desktop.core.mining.model import Phrase, Source
from desktop.core.outline import BlockKind, parse_outline
from desktop.core.skeleton import SpeechRequest, compose, date_line, load_templates, meeting_name, with_level

KINDS = ["动员会", "推进会", "总结会", "座谈会", "表态发言", "主持词"]
DAY = date(2026, 3, 5)


def template(name: str):
    return next(t for t in load_templates() if t.name == name)


def request(kind: str, sections: int = 3, **kw) -> SpeechRequest:
    values = dict(meeting="全县春季造林绿化工作", level="县", speaker="县长 王某", sections=sections, day=DAY)
    values.update(kw)
    return SpeechRequest(kind, **values)


def test_six_kinds_ship_in_order():
    assert [t.name for t in load_templates()] == KINDS


def test_a_broken_template_is_named(tmp_path):
    (tmp_path / "坏模板.toml").write_text('name = "动员会"\ntitle = "x"\n', encoding="utf-8")
    with pytest.raises(GongwenError, match="坏模板.toml.*缺少 salutation、opening、sections、closing"):
        load_templates(tmp_path)
    (tmp_path / "坏模板.toml").write_text("name = [", encoding="utf-8")
    with pytest.raises(GongwenError, match="坏模板.toml：讲话稿模板无法读取"):
        load_templates(tmp_path)


def test_the_date_line_is_written_without_leading_zeros():
    assert date_line(DAY) == "（2026年3月5日）"
    assert date_line(date(2026, 12, 17)) == "（2026年12月17日）"


def test_the_meeting_name_gets_its_kind_unless_it_names_a_meeting():
    assert meeting_name("全县春季造林绿化工作", template("动员会")) == "全县春季造林绿化工作动员会"
    assert meeting_name("全县春季造林绿化工作动员大会", template("动员会")) == "全县春季造林绿化工作动员大会"
    assert meeting_name("全县经济工作", template("表态发言")) == "全县经济工作会议"
    assert meeting_name("", template("推进会")) == "XX推进会"


@pytest.mark.parametrize("kind", ["动员会", "推进会", "总结会", "座谈会"])
def test_a_speech_has_title_byline_salutation_opening_announced_parts_and_closing(kind):
    text = compose(request(kind, 3), template(kind)).text
    lines = text.split("\n")
    assert lines[0] == f"在全县春季造林绿化工作{kind}上的讲话"
    assert lines[1:4] == ["县长 王某", "（2026年3月5日）", "同志们："]
    assert "我讲三点意见。" in text
    outline = parse_outline(text)
    kinds = [b.kind for b in outline.blocks]
    assert kinds[:4] == [BlockKind.TITLE, BlockKind.BYLINE, BlockKind.BYLINE, BlockKind.SALUTATION]
    assert kinds[-1] is BlockKind.CLOSING
    assert [b.heading.marker for b in outline.headings] == ["一、", "二、", "三、"]
    (announced,) = outline.announcements
    assert announced.count == 3 and len(announced.items) == 3
    found = {d.code for d in Linter(load_config(use_user_file=False)).lint(text).diagnostics}
    assert not found & {"GW101", "GW105", "GW401", "GW402"}  # the structure is whole; only XX remain (GW301)
    assert "GW301" in found


def test_two_parts_are_announced_as_liang_and_more_parts_than_the_template_has_get_xx():
    assert "我讲两点意见。" in compose(request("动员会", 2), template("动员会")).text
    text = compose(request("动员会", 5), template("动员会")).text
    assert "我讲五点意见。" in text and "\n四、XX\n" in text and "\n五、XX\n" in text


def test_a_pledge_has_parts_but_announces_none():
    text = compose(request("表态发言", 3), template("表态发言")).text
    assert text.startswith("在全县春季造林绿化工作会议上的表态发言\n")
    assert not re.search(r"讲.点", text)
    outline = parse_outline(text)
    assert outline.salutation is not None and outline.announcements == []
    assert len(outline.headings) == 3


def test_a_host_script_lists_the_agenda_items_without_headings():
    text = compose(request("主持词", 4), template("主持词")).text
    assert text.split("\n")[0] == "全县春季造林绿化工作会议主持词"
    assert "今天的会议共有四项议程。" in text
    assert "下面，进行会议第四项议程：" in text and "散会。" in text
    assert not re.search(r"讲.点意见", text)
    assert parse_outline(text).headings == []
    assert "共有两项议程" in compose(request("主持词", 2), template("主持词")).text


def test_level_and_placeholders():
    text = compose(request("总结会", level="区"), template("总结会")).text
    assert "区委、区政府" in text and "全区上下" in text
    assert text.count("XX") == len([s for s in placeholder_spans(text) if text[s[0] : s[0] + s[1]] == "XX"])
    empty = compose(request("动员会", speaker="", meeting=""), template("动员会")).text
    assert empty.split("\n")[:2] == ["在XX动员会上的讲话", "XX"]


def test_with_level_touches_the_level_words_only():
    assert with_level("全市上下，市委、市政府，副市长，XX市，市场，城市长远，省委", "县") == (
        "全县上下，县委、县政府，副县长，XX县，市场，城市长远，省委"
    )


# The bank: a real SQLite file with passages written for these tests.
OPENING_MOBILISE = "同志们：今天召开这次会议，主要是动员全市上下迅速行动起来，打好春季植树这一仗。"
OPENING_OTHER = "同志们：今天召开这次推进会，主要是通报前段工作进展，动员大家加快进度。"
LEAD_IN = "刚才，三位同志作了发言，讲得都很好。"
ANNOUNCE = "下面，围绕抓落实，我讲几点意见："
CLOSING = "同志们，植树造林功在当代、利在千秋。让我们动员起来，为建设美丽家园作出新的贡献！"


@pytest.fixture
def bank(tmp_path):
    phrases = [
        Phrase(OPENING_MOBILISE, "opening", count=2, docs=2),
        Phrase(OPENING_OTHER, "opening", count=5, docs=5),  # more common, but said at a 推进会
        Phrase(LEAD_IN, "transition"),
        Phrase(ANNOUNCE, "transition"),
        Phrase(CLOSING, "closing"),
    ]
    for p in phrases:
        p.sources.append(Source("往年讲话.txt", p.text))
    with PhraseBank.open(tmp_path / "素材.sqlite") as opened:
        with opened.transaction():
            touched = opened.store_document(
                path="往年讲话.txt", name="往年讲话.txt", title="往年讲话", text="".join(p.text for p in phrases),
                content_hash="h", size=1, phrases=phrases,
            )  # fmt: skip
            opened.refresh_phrases(touched)
        yield opened


def test_the_banks_passages_come_first_where_they_suit_the_meeting(bank):
    skeleton = compose(request("动员会"), template("动员会"), bank)
    lines = skeleton.text.split("\n")
    assert lines[4] == "今天召开这次会议，主要是动员全县上下迅速行动起来，打好春季植树这一仗。"  # 市 made 县
    assert lines[5] == "下面，围绕抓落实，我讲三点意见。"
    assert lines[-1] == CLOSING
    assert skeleton.from_bank == ["开头", "预告", "结尾"]


def test_without_a_suitable_passage_the_template_writes_it(bank):
    skeleton = compose(request("座谈会"), template("座谈会"), bank)
    assert skeleton.text.split("\n")[4] == template("座谈会").opening.replace("{meeting}", "全县春季造林绿化工作座谈会")
    assert "承接" in skeleton.from_bank and LEAD_IN in skeleton.text
    assert "开头" not in skeleton.from_bank


def test_pledge_and_host_never_take_a_leaders_passages(bank):
    for kind in ("表态发言", "主持词"):
        skeleton = compose(request(kind), template(kind), bank)
        assert skeleton.from_bank == []
        assert OPENING_MOBILISE[4:] not in skeleton.text and CLOSING not in skeleton.text


def test_the_bank_can_be_left_out(bank):
    skeleton = compose(request("动员会", use_bank=False), template("动员会"), bank)
    assert skeleton.from_bank == [] and skeleton.text == compose(request("动员会"), template("动员会")).text
