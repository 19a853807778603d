"""Mine one cleaned document: run every extractor and merge what they find into phrases."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from desktop.core.corpus.document import CleanDocument
from desktop.core.mining import closing, heading, idiom, opening, parallel, quote, transition
from desktop.core.mining.candidate import Candidate
from desktop.core.mining.initials import initials_of
from desktop.core.mining.lexicon import lexicon
from desktop.core.mining.model import KINDS, Phrase, Source
from desktop.core.mining.text import content_lines, split_sentences

log = logging.getLogger(__name__)
# Initials serve typing the start of a phrase (jjwg → 久久为功); a long passage (an opening, a closing)
# keeps those of its first characters only.
INITIALS_SPAN = 40


def mine_text(text: str, doc_name: str) -> list[Phrase]:
    """Phrases of one document's text, merged within it: count = occurrences here, docs = 1."""
    lex = lexicon()
    lines = content_lines(text)
    sentences = [sentence for line in lines for sentence in split_sentences(line)]
    # Each extractor's candidates, merged as they come.
    found: list[tuple[str, Iterable[Candidate]]] = [
        (parallel.KIND, parallel.extract(sentences, lex)),
        (idiom.KIND, idiom.extract(sentences, lex)),
        (opening.KIND, opening.extract(lines, lex)),
        (transition.KIND, transition.extract(sentences, lex)),
        (closing.KIND, closing.extract(lines, lex)),
        (quote.KIND, quote.extract(sentences, lex)),
        (heading.KIND, heading.extract(lines, lex)),
    ]

    merged: list[Phrase] = []
    for kind, candidates in found:  # one extractor, so one kind, at a time
        of_kind: dict[str, tuple[Phrase, set[str]]] = {}  # text → its phrase and the sentences it has
        for found_text, pattern, sentence in candidates:
            entry = of_kind.get(found_text)
            if entry is None:
                initials = initials_of(found_text[:INITIALS_SPAN])
                entry = of_kind[found_text] = (Phrase(found_text, kind, pattern, initials, count=0, docs=1), set())
            phrase, seen_in = entry
            phrase.count += 1
            if sentence not in seen_in:
                seen_in.add(sentence)
                phrase.sources.append(Source(doc_name, sentence))
        merged += (phrase for phrase, _ in of_kind.values())
    order = {kind: i for i, kind in enumerate(KINDS)}
    phrases = sorted(merged, key=lambda p: (order[p.kind], -p.count, p.text))
    log.debug("%s: %d phrases", doc_name, len(phrases))
    return phrases


def mine_document(doc: CleanDocument) -> list[Phrase]:
    return mine_text(doc.text, doc.name)


def clear_caches() -> None:
    """Forget the judgements remembered from earlier text (the bounded memos of clauses, units and
    initials), keeping the loaded tables (unbounded caches): what mining text never seen before costs
    is then measurable."""
    from desktop.core.mining import initials, text

    for module in (idiom, initials, parallel, text):
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()
