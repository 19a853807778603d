import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.corpus.document import CleanDocument
from desktop.core.mining.miner import mine_document
from desktop.core.mining.model import KINDS, Source

TEXT = """同志们：
今天召开这次会议，主要目的是部署下半年工作。刚才，各位副市长讲得很好。下面，我讲几点意见。
要促进项目早审批、早落地、早建设，久久为功。对在建项目，也要促进项目早审批、早落地、早建设。
同志们，让我们久久为功，为全市发展作出新的更大贡献！
"""


def test_phrases_merged_within_the_document(make_doc):
    phrases = mine_document(make_doc(TEXT, "会议讲话.txt"))
    by_key = {(p.kind, p.text): p for p in phrases}
    run = by_key[("parallel", "早审批、早落地、早建设")]
    assert run.count == 2 and run.docs == 1
    assert run.pattern == "早X、早X、早X"
    assert run.initials == "zspzldzjs"
    assert len(run.sources) == 2
    assert all(isinstance(s, Source) and s.doc == "会议讲话.txt" for s in run.sources)
    assert "早审批、早落地、早建设" in run.sources[0].sentence
    idiom = by_key[("idiom", "久久为功")]
    assert idiom.count == 2 and idiom.initials == "jjwg"


def test_every_kind_of_a_speech_found_and_valid(make_doc):
    phrases = mine_document(make_doc(TEXT))
    kinds = {p.kind for p in phrases}
    assert {"parallel", "idiom", "opening", "transition", "closing"} <= kinds
    assert kinds <= set(KINDS)
    for p in phrases:
        assert p.text and p.initials and p.count >= 1 and p.docs == 1 and p.sources


def test_junk_lines_yield_nothing(make_doc):
    junk = "仅供学习 禁止外传\n会员群：免费QQ群：123456\n自建平台、实时分享\n看过讲话的人还看了：\n1.早审批、早落地、早建设"
    assert mine_document(make_doc(junk)) == []


def test_empty_document(make_doc):
    assert mine_document(make_doc("")) == []


@pytest.fixture(scope="module")
def make_doc_factory():
    return lambda text: CleanDocument(Path("x.txt"), "x.txt", "", text, "0" * 64, "utf-8")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("同志们：，。、；！？“”（）早审批落地建设一二三是要的了XX12 \n久为功\U00020000abc")), max_size=300))
def test_any_text_mines_without_error(make_doc_factory, text):
    for phrase in mine_document(make_doc_factory(text)):
        assert phrase.kind in KINDS
        assert re.fullmatch(r"[a-z0-9]*", phrase.initials)
        assert phrase.count >= len(phrase.sources) >= 1
