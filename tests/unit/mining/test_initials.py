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


def test_matches_a_plain_forward_maximum_matching_on_the_seeds():
    """The phrase lookup tries only the lengths of phrases starting with a text's next two characters:
    it reads the seeds as trying every length would."""
    import unicodedata

    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    from desktop.core import paths
    from desktop.core.corpus import read_document

    def letter(reading: str) -> str:
        base = unicodedata.normalize("NFD", reading)[:1]
        return base.lower() if base.isascii() and base.isalpha() else ""

    longest = max(map(len, PHRASES_DICT))

    def reference(text: str) -> str:
        out, i = [], 0
        while i < len(text):
            ch = text[i]
            if ch.isascii():
                out.append(ch.lower() if ch.isalnum() else "")
                i += 1
                continue
            for size in range(min(longest, len(text) - i), 1, -1):
                readings = PHRASES_DICT.get(text[i : i + size])
                letters = "".join(letter(r[0]) for r in readings) if readings else ""
                if readings and len(letters) == size:
                    out.append(letters)
                    i += size
                    break
            else:
                code = ord(ch)
                out.append(letter(PINYIN_DICT[code].split(",")[0]) if code in PINYIN_DICT else "")
                i += 1
        return "".join(out)

    text = "".join(read_document(p).text for p in sorted(paths.bundled_corpus_dir().glob("*.txt")))
    pieces = [text[i : i + 40] for i in range(0, len(text), 37)]
    assert sum(1 for piece in pieces if initials_of(piece) == reference(piece)) == len(pieces) > 500
