import re

import pytest
from pypinyin import Style, lazy_pinyin

from desktop.core.mining.initials import initials_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("重要", "zy"),
        ("重复", "cf"),
        ("银行", "yh"),
        ("行动", "xd"),
        ("长期", "cq"),
        ("增长", "zz"),
        ("行长", "hz"),
        ("久久为功", "jjwg"),
        ("一抓到底", "yzdd"),
    ],
)
def test_polyphones_read_by_the_word_they_stand_in(text, expected):
    assert initials_of(text) == expected


def test_latin_and_digits_kept_punctuation_dropped():
    assert initials_of("XX同志，X月X日") == "xxtzxyxr"
    assert initials_of("2020年“十四五”") == "2020nssw"


def test_agrees_with_pypinyin_on_longer_phrases():
    phrases = [
        "早审批、早落地、早建设",
        "重视人才、爱惜人才、用好人才",
        "在思想认识上再聚焦、再提升",
        "银行行长重新部署长期增长计划",
        "功成不必在我，功成必定有我",
    ]
    for phrase in phrases:
        reference = "".join(
            re.sub(r"[^a-z0-9]", "", s.lower()) for s in lazy_pinyin(phrase, style=Style.FIRST_LETTER)
        )
        assert initials_of(phrase) == reference, phrase
