"""Fixtures for the phrase bank tests: small corpora on disk and a simple rule-based miner.

The real extractors live in desktop.core.mining and have their own tests; here a miner with a few
fixed rules produces phrases whose expected counts can be worked out by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.corpus import CleanDocument
from desktop.core.bank.importer import MinerFunctions
from desktop.core.mining.model import Phrase, Source
from desktop.core.bank.sentences import split_sentences

IDIOM_INITIALS = {
    "久久为功": "jjwg",
    "攻坚克难": "gjkn",
    "真抓实干": "zzsg",
    "一抓到底": "yzdd",
    "重整行装": "zzxz",
    "行稳致远": "xwzy",
}
_RUN = re.compile(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){2,}")


def rule_miner(doc: CleanDocument) -> list[Phrase]:
    """Idioms from IDIOM_INITIALS (kind idiom) and 、-runs of three or more items (kind parallel)."""
    found: dict[tuple[str, str], Phrase] = {}
    for sentence in split_sentences(doc.text):
        hits = [(idiom, "idiom", IDIOM_INITIALS[idiom]) for idiom in IDIOM_INITIALS if idiom in sentence]
        hits += [(run, "parallel", "") for run in _RUN.findall(sentence)]
        for text, kind, initials in hits:
            phrase = found.setdefault(
                (text, kind), Phrase(text, kind, initials=initials, count=0, sources=[])
            )
            phrase.count += sentence.count(text)
            phrase.sources.append(Source(doc.name, sentence))
    return list(found.values())


RULES = MinerFunctions(rule_miner)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


DOC_A = (
    "在全市工作会议上的讲话\n"
    "同志们：\n"
    "抓落实要久久为功，一抓到底。我们要早审批、早落地、早建设。\n"
    "优化营商环境是头等大事。久久为功才能行稳致远。\n"
)
DOC_B = (
    "在项目推进会上的讲话\n"
    "项目建设要攻坚克难、真抓实干。我们要早审批、早落地、早建设。\n"
    "持续优化营商环境，久久为功。\n"
)
DOC_C = "在防汛工作会议上的讲话\n防汛工作要真抓实干，重整行装再出发。要查隐患、堵漏洞、强弱项。\n"


def write_corpus(folder: Path) -> Path:
    """Three short speeches: a.txt, b.txt and sub/c.txt."""
    write(folder, "a.txt", DOC_A)
    write(folder, "b.txt", DOC_B)
    write(folder, "sub/c.txt", DOC_C)
    return folder


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus")


def expected_text_grams(conn) -> list[tuple[str, int, int, int]]:
    """What text_grams must hold, worked out in Python from the phrases: every distinct Chinese
    bigram inside each text but the one it starts with, keyed by the phrase's current totals."""
    from desktop.core.bank.sentences import han_bigram_list

    return sorted(
        (gram, docs, count, pid)
        for pid, text, docs, count in conn.execute("SELECT id, text, docs, count FROM phrases")
        for gram in set(han_bigram_list(text))
        if not text.startswith(gram)
    )
