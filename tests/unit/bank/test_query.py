"""Queries: text prefix and substring, pinyin initials, kind, context ranking, limit, concordance."""

from __future__ import annotations

import pytest

from desktop.core.bank import ranking
from desktop.core.bank.store import BankGroup, PhraseBank
from desktop.core.bank.importer import import_paths
from desktop.core.mining.model import Phrase, Source, document_label
from tests.unit.bank.conftest import RULES, write


@pytest.fixture
def bank(tmp_path, corpus):
    with PhraseBank.open(tmp_path / "b.db") as opened:
        import_paths(opened, [corpus], miner=RULES)
        yield opened


def texts(phrases) -> list[str]:
    return [p.text for p in phrases]


def store(bank: PhraseBank, name: str, phrases: list[Phrase], text: str = "") -> None:
    with bank.transaction():
        touched = bank.store_document(
            path=f"/corpus/{name}", name=name, title=name, text=text or name, content_hash=name,
            size=1, phrases=phrases,
        )  # fmt: skip
        bank.refresh_phrases(touched)


def test_initials_find_the_phrase_exact_match_first(bank):
    store(bank, "extra.txt", [Phrase("久久为功见实效", "parallel", initials="jjwgjsx", count=5)])
    assert texts(bank.suggest("jjwg")) == ["久久为功", "久久为功见实效"]
    assert texts(bank.suggest("JJWG")) == ["久久为功", "久久为功见实效"]  # case does not matter
    assert texts(bank.suggest("zz")) == ["真抓实干", "重整行装"]  # 重 read zhong in 重整行装
    assert bank.suggest("qqq") == []


def test_text_prefix_and_substring(bank):
    assert texts(bank.suggest("久久")) == ["久久为功"]
    # two characters inside a phrase
    assert texts(bank.suggest("审批")) == ["我们要早审批、早落地、早建设"]
    # three or more characters inside a phrase (trigram index)
    assert texts(bank.suggest("早落地")) == ["我们要早审批、早落地、早建设"]
    assert texts(bank.suggest("真抓实干")) == ["真抓实干"]
    # one character: prefix only
    assert texts(bank.suggest("真")) == ["真抓实干"]
    assert texts(bank.suggest("抓")) == []


def test_prefix_ranks_before_substring_and_exact_before_both(bank):
    store(
        bank,
        "more.txt",
        [
            Phrase("实干兴邦", "idiom", initials="sgxb", count=9),
            Phrase("埋头苦干、真抓实干、务求实效", "parallel", count=9),
        ],
    )
    assert texts(bank.suggest("实干")) == ["实干兴邦", "真抓实干", "埋头苦干、真抓实干、务求实效"]
    ranked = bank.rank("真抓实干")
    assert [(r.text, r.exact, r.match) for r in ranked] == [
        ("真抓实干", 1, 2),
        ("埋头苦干、真抓实干、务求实效", 0, 1),
    ]


def test_kind_filter(bank):
    assert {p.kind for p in bank.suggest("", kind="parallel", limit=50)} == {"parallel"}
    assert texts(bank.suggest("", kind="parallel", limit=50)) == [
        "我们要早审批、早落地、早建设",
        "要查隐患、堵漏洞、强弱项",
    ]
    assert bank.suggest("jjwg", kind="parallel") == []
    assert [p.kind for p in bank.phrases("idiom")] == ["idiom"] * 6


def test_limit(bank):
    assert len(bank.suggest("", limit=3)) == 3
    assert len(bank.suggest("", limit=100)) == 8
    assert texts(bank.suggest("", limit=1)) == ["久久为功"]  # most widespread first without context


def test_context_puts_phrases_from_related_sentences_first(bank):
    # Without context the most widespread comes first ...
    assert texts(bank.suggest("", limit=1)) == ["久久为功"]
    # ... with a paragraph about flood control the phrases of the flood-control speech come first.
    flood = "汛期将至，防汛工作不能有丝毫松懈，要把隐患消除在萌芽状态。"
    ranked = bank.rank("", context=flood, limit=8)
    related = {"重整行装", "要查隐患、堵漏洞、强弱项", "真抓实干"}
    assert {r.text for r in ranked if r.context > 0} == related
    # Context is blended with how widespread a phrase is (ranking.py): each related phrase ranks above
    # every unrelated one that is no more widespread than it.
    for at, r in enumerate(ranked):
        if r.context == 0:
            assert all(ranked.index(p) < at for p in ranked if p.text in related and p.docs >= r.docs
                       and p.count >= r.count), (r.text, [p.text for p in ranked])
    assert ranked[0].text == "真抓实干"  # related and the most widespread
    # The same blend ranks within a query's matches and a kind.
    assert texts(bank.suggest("久久为功", context=flood)) == ["久久为功"]
    parallel = bank.rank("", kind="parallel", context=flood)
    assert [r.text for r in parallel] == [r.text for r in sorted(parallel, key=lambda r: -r.score)]
    assert {r.text: r.context > 0 for r in parallel} == {"要查隐患、堵漏洞、强弱项": True, "我们要早审批、早落地、早建设": False}
    # With as many documents and occurrences, the related one would come first.
    weights = ranking.load_weights()
    related, other = sorted(parallel, key=lambda r: -r.context)
    assert related.score - ranking.prior(weights, related.docs, related.count) > other.score - ranking.prior(
        weights, other.docs, other.count)


def test_context_without_shared_words_keeps_the_plain_order(bank):
    plain = texts(bank.suggest("", limit=8))
    assert texts(bank.suggest("", context="abc 123，。", limit=8)) == plain


def test_suggestions_carry_their_sources(bank):
    [phrase] = bank.suggest("jjwg")
    assert phrase.to_json() == {
        "text": "久久为功",
        "kind": "idiom",
        "pattern": "",
        "initials": "jjwg",
        "count": 3,
        "docs": 2,
        "sources": [
            {"doc": "a.txt", "sentence": "抓落实要久久为功，一抓到底。", "title": "在全市工作会议上的讲话"},
            {"doc": "a.txt", "sentence": "久久为功才能行稳致远。", "title": "在全市工作会议上的讲话"},
            {"doc": "b.txt", "sentence": "持续优化营商环境，久久为功。", "title": "在项目推进会上的讲话"},
        ],
    }


def test_search_returns_sentences_with_document_names(bank):
    hits = bank.search("营商环境")
    assert [(h.doc, h.sentence) for h in hits] == [
        ("a.txt", "优化营商环境是头等大事。"),
        ("b.txt", "持续优化营商环境，久久为功。"),
    ]
    assert [h.doc for h in bank.search("营商")] == ["a.txt", "b.txt"]  # two characters
    assert [h.sentence for h in bank.search("汛")] == [  # one character, in reading order
        "在防汛工作会议上的讲话",
        "防汛工作要真抓实干，重整行装再出发。",
    ]
    assert len(bank.search("营商环境", limit=1)) == 1
    assert bank.search("没有这句话") == [] and bank.search("  ") == []
    assert bank.search('"营商') == []  # quotes cannot break the full-text query



def test_a_long_search_text_finds_exactly_the_sentences_holding_all_of_it(tmp_path):
    """Twelve characters or more are looked up by three pieces and then checked whole: a sentence that
    holds the pieces apart is not a hit, one that holds the whole text inside more is, case aside."""
    whole = "今年要把项目建设作为稳增长的主抓手"
    text = "\n".join([
        whole + "。",  # the text itself
        "我们说过，" + whole + "，一抓到底。",  # inside a longer sentence
        "今年要把学习放在前面，项目建设同样作为稳增长的头等大事主抓手。",  # the pieces, apart
        "推进5G基站建设和GDP核算改革要同步推进落实。",
    ])
    with PhraseBank.open(tmp_path / "long.db") as bank, bank.transaction():
        bank.store_document(path="/c/长句.txt", name="长句.txt", title="", text=text, content_hash="h",
                            size=1, phrases=[])
        assert [h.sentence for h in bank.search(whole)] == [whole + "。", "我们说过，" + whole + "，一抓到底。"]
        assert [h.sentence for h in bank.search("今年要把学习放在前面项目建设")] == []
        assert [h.position for h in bank.search("5g基站建设和gdp核算改革")] == [3]  # as the index: any case

def test_group_merges_banks(tmp_path, bank):
    other_folder = tmp_path / "mine"
    write(other_folder, "d.txt", "我们要久久为功，把营商环境抓实。\n")
    with PhraseBank.open(tmp_path / "user.db") as user:
        import_paths(user, [other_folder], miner=RULES)
        group = BankGroup([user, bank])
        [merged] = group.suggest("jjwg")
        assert (merged.count, merged.docs) == (4, 3)
        assert [s.doc for s in merged.sources] == ["d.txt", "a.txt", "a.txt", "b.txt"]
        assert [h.doc for h in group.search("营商环境")] == ["a.txt", "b.txt", "d.txt"]
        listed = {p.text: p.docs for p in group.phrases("idiom")}
        assert listed["久久为功"] == 3 and listed["攻坚克难"] == 1


def test_the_exact_phrase_is_found_among_many_more_widespread_ones_that_start_with_it(bank, tmp_path):
    # Twelve longer phrases starting with 久久为功, each in two documents; 久久为功 itself is in one.
    longer = [Phrase(f"久久为功{tail}", "parallel", count=3) for tail in "一二三四五六七八九十百千"]
    store(bank, "x.txt", longer)
    store(bank, "y.txt", longer)
    ranked = bank.rank("久久为功", limit=10)
    assert ranked[0].text == "久久为功" and ranked[0].exact == 1
    assert len(ranked) == 10


def test_a_kind_beside_a_text_or_initials_query_filters_the_range_it_does_not_walk_the_kind(bank):
    # A plain `kind = ?` next to a range made SQLite walk the kind's whole rank index (ms at 100,000
    # phrases); the range's own index must stay the access path.
    statements: list[str] = []
    bank.conn.set_trace_callback(statements.append)
    try:
        for query in ("久久", "久久为功", "jj", "jjwg", "为功见"):
            bank.rank(query, kind="idiom", context="久久为功，攻坚克难", limit=50)
    finally:
        bank.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM phrases" in s]
    ranged = [s for s in selects if " >= " in s or "MATCH" in s or " IN (" in s]
    assert len(ranged) >= 5
    for sql in ranged:
        plan = " / ".join(row[-1] for row in bank.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "phrases_rank" not in plan, (sql, plan)
    # Without a query the kind is the access path, in rank order.
    plan = " / ".join(row[-1] for row in bank.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM phrases WHERE 1 AND kind = 'idiom' ORDER BY docs DESC, count DESC"
    ))  # fmt: skip
    assert "phrases_rank" in plan


def test_phrases_of_one_kind_that_tie_at_the_limit_are_taken_in_the_order_they_were_stored(bank):
    tied = [Phrase(f"测试短语{tail}", "idiom", count=1) for tail in "甲乙丙丁戊己"]
    store(bank, "tied.txt", [*tied, Phrase("测试短语庚", "quote", count=1)])
    ids = dict(bank.conn.execute("SELECT text, id FROM phrases WHERE kind = 'idiom' AND text LIKE '测试短语_'"))
    assert len(ids) == 6
    oldest = set(sorted(ids, key=ids.get)[:2])
    assert {p.text for p in bank.rank("测试短", kind="idiom", limit=2)} == oldest
    assert {p.text for p in bank.rank("试短语", kind="idiom", limit=2)} == oldest  # the trigram index


@pytest.mark.parametrize(
    ("name", "title", "label"),
    [
        ("004_77d8f3c9.txt", "在全区产业发展现场观摩总结会上的讲话", "在全区产业发展现场观摩总结会上的讲话"),
        ("经济工作会议讲话.docx", "经济工作会议讲话", "经济工作会议讲话.docx"),  # the reader found no title
        ("旧稿.txt", "", "旧稿.txt"),
    ],
)
def test_a_document_is_named_by_its_title_else_its_file(name, title, label):
    assert document_label(name, title) == label
    assert Source(name, "一句。", title).label == label
