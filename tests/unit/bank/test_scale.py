"""A bank of 100,000 phrases answers every kind of query correctly (timings are measured by
`gongwen bench --only bank`, never asserted)."""

from __future__ import annotations

import pytest

from desktop.core.bank.store import PhraseBank
from desktop.core.mining.model import KINDS, Phrase, Source

SIZE = 100_000
CHARS = "".join(
    dict.fromkeys(
        "发展改革创新协调绿色开放共享安全稳定民生就业教育医疗住房养老服务项目产业经济科技人才乡村城市治理基层"
    )
)  # distinct characters, so every text is distinct
LETTERS = "bcdfghklmnpqrstwxyz"  # no j: nothing generated collides with the planted jjwg


def generated(count: int) -> list[Phrase]:
    phrases = []
    n = len(CHARS)
    for i in range(count):
        text = "".join(CHARS[(i // n**k) % n] for k in range(4))  # the first character varies fastest
        initials = "".join(LETTERS[(i // 19**k) % 19] for k in range(4))
        phrases.append(Phrase(text, KINDS[i % len(KINDS)], initials=initials, count=1 + i % 3))
    return phrases


GENERATED = generated(SIZE - 3)


PLANTED = [
    Phrase("久久为功", "idiom", initials="jjwg", count=2,
           sources=[Source("planted.txt", "抓落实要久久为功。")]),
    Phrase("持续优化营商环境", "parallel", initials="cxyhyshj",
           sources=[Source("planted.txt", "要持续优化营商环境，为企业排忧解难。")]),
    Phrase("筑牢防汛安全防线", "heading", initials="zlfxaqfx",
           sources=[Source("planted.txt", "汛期将至，要筑牢防汛安全防线，确保度汛平安。")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def big_bank(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "big.db"
    phrases = GENERATED + PLANTED
    text = "\n".join(s.sentence for p in PLANTED for s in p.sources)
    with PhraseBank.open(path) as bank:
        with bank.transaction():
            touched = bank.store_document(
                path="/corpus/planted.txt", name="planted.txt", title="", text=text, content_hash="x",
                size=len(text), phrases=phrases,
            )  # fmt: skip
            bank.refresh_phrases(touched)
    with PhraseBank.open(path, readonly=True) as bank:
        yield bank


def test_the_bank_holds_all_phrases(big_bank):
    assert big_bank.phrase_total() == SIZE
    assert sum(big_bank.kind_counts().values()) == SIZE


def test_initials(big_bank):
    assert [p.text for p in big_bank.suggest("jjwg")] == ["久久为功"]
    found = big_bank.suggest("bc", limit=10)
    assert len(found) == 10 and all(p.initials.startswith("bc") for p in found)
    assert [p.count for p in found] == sorted((p.count for p in found), reverse=True)


@pytest.mark.parametrize("query", ["展改", "展改发", "革创发"])
def test_text_prefix_and_substrings(big_bank, query):
    prefixed = {p.text for p in GENERATED if p.text.startswith(query)}
    inside = {p.text for p in GENERATED if query in p.text} - prefixed
    assert prefixed and inside  # the query exercises both kinds of match
    found = [p.text for p in big_bank.suggest(query, limit=len(prefixed) + 5)]
    # every phrase starting with the query, then phrases with the query inside
    assert set(found[: len(prefixed)]) == prefixed
    assert len(found) == len(prefixed) + min(5, len(inside)) and set(found[len(prefixed) :]) <= inside


def test_planted_phrases_are_found_by_text(big_bank):
    assert [p.text for p in big_bank.suggest("营商")] == ["持续优化营商环境"]
    assert [p.text for p in big_bank.suggest("营商环境")] == ["持续优化营商环境"]
    assert [p.text for p in big_bank.suggest("久久为功")] == ["久久为功"]


def test_kind_and_limit(big_bank):
    found = big_bank.suggest("", kind="quote", limit=30)
    assert len(found) == 30 and {p.kind for p in found} == {"quote"}
    assert big_bank.suggest("jjwg", kind="quote") == []


def test_context_ranking(big_bank):
    flood = "当前已进入主汛期，防汛形势严峻，各地要压实责任，确保安全度汛。"
    assert big_bank.suggest("", context=flood, limit=1)[0].text == "筑牢防汛安全防线"
    assert big_bank.suggest("", kind="heading", context=flood, limit=1)[0].text == "筑牢防汛安全防线"


def test_concordance(big_bank):
    assert [h.sentence for h in big_bank.search("营商环境")] == ["要持续优化营商环境，为企业排忧解难。"]
    assert [h.doc for h in big_bank.search("汛")] == ["planted.txt"]


@pytest.mark.parametrize(("query", "field"), [("发", "text"), ("b", "initials")])
def test_one_character_or_letter_brings_the_most_used_first(big_bank, query, field):
    counts = sorted(
        (p.count for p in GENERATED + PLANTED if getattr(p, field).startswith(query)), reverse=True
    )
    found = big_bank.suggest(query, limit=10)
    assert all(getattr(p, field).startswith(query) for p in found)
    assert [p.count for p in found] == counts[:10] and counts[9] > counts[-1]  # a real choice was made


def test_two_characters_inside_a_phrase_come_by_rank_within_a_kind(tmp_path):
    # Forty phrases with 营商 inside (none starting with it), in two kinds, counts 1 to 20 each:
    # the query may return three, so the three most used must be the ones read.
    fillers = "优化持续改善打造提升"
    phrases = [
        Phrase(f"{fillers[i % 10]}{fillers[(i // 10) % 10]}营商环境", KINDS[i % 2], count=1 + i // 2)
        for i in range(40)
    ]
    with PhraseBank.open(tmp_path / "b.db") as bank:
        with bank.transaction():
            touched = bank.store_document(
                path="/corpus/a.txt",
                name="a.txt",
                title="",
                text="",
                content_hash="a",
                size=0,
                phrases=phrases,
            )
            bank.refresh_phrases(touched)
        for kind in (None, KINDS[1]):
            found = bank.suggest("营商", kind=kind, limit=3)
            counts = sorted((p.count for p in phrases if kind in (None, p.kind)), reverse=True)
            assert [p.count for p in found] == counts[:3] and counts[2] > counts[-1]
            assert all(kind in (None, p.kind) and "营商" in p.text for p in found)
