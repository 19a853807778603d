"""Sogou PhraseEdit.txt and Rime custom_phrase.txt as user phrases."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError
from desktop.core.bank.phrase_lists import parse_phrase_list, parse_rime, parse_sogou
from desktop.core.bank.user_phrases import UserPhrases

SOGOU = """;搜狗自定义短语
; 格式：编码,位置=短语
jjwg,1=久久为功
zsp,1=早审批、早落地、早建设
tzjh,2=同志们：
broken line without equals
xwzy,1=行稳致远
"""

RIME = """# Rime table
---
name: custom_phrase
version: "1"
sort: original
...
久久为功\tjjwg\t100
行稳致远\txwzy
功成不必在我\tgcbbzw\tlots
单列一项
"""


def test_sogou_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "PhraseEdit.txt"
    path.write_bytes(SOGOU.encode("utf-16"))
    parsed = parse_sogou(path)
    assert [p.text for p in parsed.phrases] == ["久久为功", "早审批、早落地、早建设", "同志们：", "行稳致远"]
    # a code with one letter per character is taken as the initials; others are computed later
    assert [p.initials for p in parsed.phrases] == ["jjwg", "", "", "xwzy"]
    assert parsed.problems == ["PhraseEdit.txt 第 6 行：不是“编码,位置=短语”格式，已跳过"]


def test_sogou_gbk_is_read(tmp_path):
    path = tmp_path / "PhraseEdit.txt"
    path.write_bytes(SOGOU.encode("gbk"))
    assert len(parse_sogou(path).phrases) == 4


def test_rime_skips_its_header_and_reads_weights(tmp_path):
    path = tmp_path / "custom_phrase.txt"
    path.write_text(RIME, encoding="utf-8")
    parsed = parse_rime(path)
    assert [(p.text, p.initials, p.weight) for p in parsed.phrases] == [
        ("久久为功", "jjwg", 100), ("行稳致远", "xwzy", 1), ("功成不必在我", "gcbbzw", 1)
    ]
    assert len(parsed.problems) == 2
    assert "权重“lots”不是数字" in parsed.problems[0] and "第 10 行" in parsed.problems[1]


def test_the_format_is_recognised(tmp_path):
    sogou, rime = tmp_path / "a.txt", tmp_path / "b.txt"
    sogou.write_text(SOGOU, encoding="utf-8")
    rime.write_text(RIME, encoding="utf-8")
    assert parse_phrase_list(sogou).phrases[0].text == "久久为功"
    assert parse_phrase_list(rime).phrases[0].weight == 100


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary\xff" * 20, "只是一段文字".encode()])
def test_files_without_phrases_are_refused_with_the_file_named(tmp_path, content):
    path = tmp_path / "PhraseEdit.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="PhraseEdit.txt"):
        parse_sogou(path)


def test_imported_lists_become_user_phrases_found_by_their_codes(tmp_path, bank):
    path = tmp_path / "custom_phrase.txt"
    path.write_text(RIME, encoding="utf-8")
    mine = UserPhrases(bank)
    assert mine.add_many(parse_rime(path).phrases) == 3
    assert mine.add_many(parse_rime(path).phrases) == 0
    assert "功成不必在我" in [r.text for r in bank.rank("gcbb")]
    weighted = next(r for r in bank.rank("久久为功") if r.text == "久久为功")
    assert weighted.count >= 100
