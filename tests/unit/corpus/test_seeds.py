"""The five bundled seeds end to end: every sentence of each speech survives, every piece of junk goes.

The expectations were set by reading the cleaned output of all five seeds in full.
"""

from __future__ import annotations

import re

import pytest

from desktop.core.corpus import read_document
from desktop.core.corpus.punctuation import to_full_width
from tests.conftest import SEEDS_DIR

SEEDS = {path.name[:3]: path for path in sorted(SEEDS_DIR.glob("*.txt"))}

TITLES = {
    "000": "在市政府重点工作推进会上的讲话",
    "001": "工作推进会领导讲话材料",
    "002": "市政府重点工作推进会讲话",
    "003": "在全市重点工作重大项目调研座谈会上的讲话",
    "004": "在全区产业发展现场观摩总结会上的讲话",
}
# Paragraphs a writer expects to find whole, exactly as they should read.
KEY_PARAGRAPHS = {
    "000": ["同志们：", "四、在鲜明的干事创业导向中推动工作落实。一是要营造浓厚的干事创业氛围。"],
    "001": [
        "借此机会，我再强调三个方面的问题。",
        "一、关于经济工作",
        "二、关于脱贫攻坚",
        "三、关于社会大局稳定",
    ],
    "002": [
        "一、认真研判经济形势，切实增强责任感和紧迫感",
        "第一，稳增长压力大。1-6月，全市主要经济指标除规模工业增加值增速较去年高x个百分点外，",
        "同志们，面对当前的经济形势，我们要坚持发展第一要务，聚焦重点稳增长，千方百计抓落实，"
        "力争实现时间过半任务过半，努力完成全年政府工作目标任务！",
    ],
    "003": ["首先，请XX汇报重点工作重大项目建设情况。", "一、在思想认识上再聚焦、再提升", "（三）善作善成。"],
    "004": [
        "同志们：",
        "这次会议是区委、区政府决定召开的一次非常重要的会议，主要目的是盘点年初以来的工作，总结经验，分析形势，"
        "查找不足，动员全区上下再接再厉，再鼓干劲，乘势而上，确保圆满完成全年经济社会发展任务目标。",
        "第一句话，成绩可圈可点，要扬长补短、扬优成势，保持发展定力",
        "第二句话，形势催人奋进，要把握机遇、择势而胜，坚定发展信心",
        "第三句话，确保一年成势，要紧盯目标、奋发作为，全力推进各项事业发展",
        "一要清楚大势。",
        "二要紧跟走势。",
        "三要发挥优势。",
        "四要形成声势。",
        *(f"{n}、" for n in range(1, 9)),
        "同志们，新的目标激励我们承前启后、继往开来，新的征程需要我们开拓进取、拼搏奋进。",
    ],
}
# Sentences that must read exactly so somewhere in the text (numbers, Latin, repaired wraps and joins).
KEY_SENTENCES = {
    "001": [
        "生产总值增长8.3%，没有完成年初制定的8.5%的预期目标",
        "差距在哪？主要有以下几点：",
        "就能破茧化蝶、实现蜕变；松一松",
    ],
    "002": [
        "三要构建“亲”“清”政商关系。",
        "全市财政总收入下降x%，xx总收入分别下降x%",
        "转移支付增长x%，***预算内投资",
        "PPP推介项目",
        "湘西（x）“科创飞地”园区作用",
        "促进全市1-6月新增贷款x亿元",
    ],
    "003": ["因地制宜，统筹优化种养殖业布局", "坚持以“绣花”功夫，从严、从实、从细"],
    "004": [
        "组织对X个街道和XX项重点工作进行了观摩",
        "而且增长3.2%。7月21日，习近平总书记召开企业家座谈会时强调",
        "（占2019年全国GDP总量的近X%）",
        "深入实施XX发展“1339”战略",
        "取长补短，推动各自工作再上新台阶",
        "瞄准世界500强、中国500强",
    ],
}
JUNK = (
    "仅供学习",
    "禁止外传",
    "酷乐文行",
    "自建平台",
    "订阅",
    "会员",
    "倒卖",
    "QQ",
    "群：",
    "http",
    "www",
    ".com",
    "版权",
    "Copyright",
    "©",
    "小编",
    "供大家参考",
    "整理",
    "发布",
    "KB",
    "20页",
    "淘文库",
    "本文档",
    "网站客服",
    "看过",
    "还看了",
    "扩展阅读",
    "推荐阅读",
    "花田文秘网",
    "隐藏内容",
    "X    X",
    "•",
    "\u00a0",
    "\u3000",
)
HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff“”][,;:?!()]|[,;:?!()][\u4e00-\u9fff“”]|%,")
_SENTENCE_END = re.compile(r"(?<=[。！？])")


@pytest.fixture(scope="module")
def documents():
    return {key: read_document(path) for key, path in SEEDS.items()}


def test_all_five_seeds_are_there():
    assert sorted(SEEDS) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("key", sorted(TITLES))
def test_title_and_first_lines(documents, key):
    document = documents[key]
    assert document.title == TITLES[key]
    assert document.paragraphs[0] == TITLES[key]
    assert document.paragraphs[1] == "同志们："
    assert document.paragraphs[-1].startswith("同志们，")


@pytest.mark.parametrize("key", sorted(KEY_PARAGRAPHS))
def test_key_paragraphs_stand_alone(documents, key):
    for expected in KEY_PARAGRAPHS[key]:
        assert any(p.startswith(expected) for p in documents[key].paragraphs), expected


@pytest.mark.parametrize("key", sorted(KEY_SENTENCES))
def test_key_sentences_read_right(documents, key):
    for expected in KEY_SENTENCES[key]:
        assert expected in documents[key].text


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_no_junk_is_left(documents, key):
    text = documents[key].text
    assert [junk for junk in JUNK if junk in text] == []
    assert " " not in text  # no Latin phrase in the seeds: every space was a wrap or a web artefact
    assert HALF_WIDTH_IN_CHINESE.findall(text) == []
    assert len(documents[key].paragraphs) == len(set(documents[key].paragraphs))  # nothing doubled


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_sentence_of_the_speech_survives(documents, key):
    """Each sentence of the raw body (lines of real prose) is in the cleaned text, spaces and
    half-width punctuation aside; only the one sentence carrying injected text reads differently."""
    raw = SEEDS[key].read_text(encoding="utf-8")
    cleaned = documents[key].text.replace("\n", "")  # a sentence of 004 may run past a restored break
    body_lines = [line for line in raw.split("\n") if len(line) > 60 and "本文档" not in line]
    missing = []
    for line in body_lines:
        for sentence in _SENTENCE_END.split(re.sub(r"\s+", "", to_full_width(line))):
            if len(sentence) >= 6 and sentence not in cleaned and "隐藏内容" not in sentence:
                missing.append(sentence)
    assert missing == []


def test_seed_004_gets_its_paragraphs_back(documents):
    paragraphs = documents["004"].paragraphs
    assert len(paragraphs) >= 20
    assert max(len(p) for p in paragraphs) < 1500  # no run-on body left
    assert "会议，主要目的" in documents["004"].text  # "会 议" repaired


def test_seed_004_keeps_no_sentence_split_across_paragraphs(documents):
    # A paragraph ends with closing punctuation, except stand-alone headings (第一句话……) and the salutation.
    for paragraph in documents["004"].paragraphs[2:]:
        assert paragraph[-1] in "。！？”" or paragraph.startswith("第"), paragraph
