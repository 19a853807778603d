import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.mining import idiom


def texts(sentence: str, lex) -> list[str]:
    return [c.text for c in idiom.extract([sentence], lex)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("市政府将按季调度十大产业建设情况，久久为功，持续推进，抓出成效。", "久久为功"),
        ("各级各部门要直面困难问题，攻坚克难。", "攻坚克难"),
        ("就要以钉钉子精神一抓到底，一件接着一件干。", "一抓到底"),
        ("进一步统一思想、凝心聚力，抢抓机遇、锐意进取。", "凝心聚力"),
        ("持续保持经济社会又好又快高质量跨越发展良好态势。", "又好又快"),
        ("正处于滚石上山、爬坡过坎的关键时期。", "爬坡过坎"),
        ("要对脱贫攻坚工作亲自部署，做到应扶尽扶。", "应扶尽扶"),
        ("全区上下要积厚成势、乘势而上。", "乘势而上"),
    ],
)
def test_idioms_found(sentence, expected, lex):
    assert expected in texts(sentence, lex)


@pytest.mark.parametrize(
    "sentence",
    [
        "推动产业发展和社会治理，完善基础设施。",
        "这些都需要我们认真反思，深刻检讨。",
        "今年以来，全市经济运行总体平稳。",
        "第一句话，成绩可圈。",
        "各级要高度重视，认真贯彻落实。",
        "会议结束后，差距在哪，更高水平。",
    ],
)
def test_plain_phrases_and_windows_are_not_idioms(sentence, lex):
    assert texts(sentence, lex) == []


def test_only_idiomatic_units_not_every_window(lex):
    sentence = "要坚持以人民为中心的发展思想，全力以赴做好民生保障工作。"
    assert texts(sentence, lex) == ["全力以赴"]


def test_shapes(lex):
    for word in ["善作善成", "扎扎实实", "久久为功", "能快则快", "头痛医头", "华而不实"]:
        assert idiom.is_four_char_idiom(word, lex), word
    for word in ["省委常委", "职能职责", "工作实绩", "不愿担当", "标准不高"]:
        assert not idiom.is_four_char_idiom(word, lex), word


def test_dictionary_hits_are_those_of_every_window(lex):
    """Reading windows as numbers finds what looking up every 4-character slice finds: on the seeds, and
    where characters outside the Basic Multilingual Plane shift the code units, at every alignment."""
    from desktop.core import paths
    from desktop.core.corpus import read_document
    from desktop.core.mining.idiom import dictionary_hits, dictionary_idioms

    idioms = dictionary_idioms(lex)
    seeds = "\n".join(read_document(p).text for p in sorted(paths.bundled_corpus_dir().glob("*.txt")))
    for text in (seeds, "𠀀" + seeds[:5000], "办SIM卡要久久为功，𠀋一抓到底、" * 3, "", "久久为"):
        for start in range(4):
            piece = text[start:]
            every_window = idioms.intersection(piece[i : i + 4] for i in range(len(piece) - 3))
            assert dictionary_hits(piece, lex) == every_window
    assert len(dictionary_hits(seeds, lex)) > 50
    assert dictionary_hits("办SIM卡要久久为功，𠀋一抓到底", lex) >= {"SIM卡", "一抓到底"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab中、，；：。！？”’“‘ \t\u3000", max_size=14))
def test_items_read_without_clauses_are_the_clauses_items(sentence):
    from desktop.core.mining.idiom import _items
    from desktop.core.mining.text import split_clauses

    by_clauses = [item for clause in split_clauses(sentence) for item in clause.split("、")]
    assert [item for item in _items(sentence) if item] == [item for item in by_clauses if item]
