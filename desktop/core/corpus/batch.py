"""Cleaning files together, as one import: evidence from every file counts for each.

`gongwen clean -o DIR`, `gongwen mine` and the window's import clean the files of one run together, so a
line that recurs across several of them (a site's chrome) is found; see desktop.core.corpus.evidence.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.corpus.cleaning import finish, prepare
from desktop.core.corpus.evidence import CorpusEvidence
from desktop.core.corpus.junk_rules import JunkRules, load_junk_rules
from desktop.core.corpus.removals import CleanResult


def gather_evidence(texts: Mapping[str, str] | list[str], rules: JunkRules | None = None) -> CorpusEvidence:
    """The evidence of these raw texts, as the cleaner will see their lines."""
    rules = rules or load_junk_rules()
    evidence = CorpusEvidence()
    for raw in texts.values() if isinstance(texts, Mapping) else texts:
        evidence.add(prepare(raw, rules).texts())
    return evidence


def clean_texts(texts: Mapping[str, str], rules: JunkRules | None = None) -> dict[str, CleanResult]:
    """Each raw text cleaned, with evidence from all of them."""
    rules = rules or load_junk_rules()
    prepared = {name: prepare(raw, rules) for name, raw in texts.items()}
    evidence = CorpusEvidence()
    for item in prepared.values():
        evidence.add(item.texts())
    return {name: finish(item, rules, evidence) for name, item in prepared.items()}
