"""Mine one cleaned document: run every extractor and merge what they find into phrases."""

from __future__ import annotations

import logging

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
    found: list[tuple[str, Candidate]] = []
    found += [(parallel.KIND, c) for c in parallel.extract(sentences, lex)]
    found += [(idiom.KIND, c) for c in idiom.extract(sentences, lex)]
    found += [(opening.KIND, c) for c in opening.extract(lines, lex)]
    found += [(transition.KIND, c) for c in transition.extract(sentences, lex)]
    found += [(closing.KIND, c) for c in closing.extract(lines, lex)]
    found += [(quote.KIND, c) for c in quote.extract(sentences, lex)]
    found += [(heading.KIND, c) for c in heading.extract(lines, lex)]

    merged: dict[tuple[str, str], Phrase] = {}
    seen_sources: set[tuple[str, str, str]] = set()
    for kind, candidate in found:
        key = (kind, candidate.text)
        phrase = merged.get(key)
        if phrase is None:
            phrase = merged[key] = Phrase(
                text=candidate.text,
                kind=kind,
                pattern=candidate.pattern,
                initials=initials_of(candidate.text[:INITIALS_SPAN]),
                count=0,
                docs=1,
            )
        phrase.count += 1
        if (kind, candidate.text, candidate.sentence) not in seen_sources:
            seen_sources.add((kind, candidate.text, candidate.sentence))
            phrase.sources.append(Source(doc_name, candidate.sentence))
    order = {kind: i for i, kind in enumerate(KINDS)}
    phrases = sorted(merged.values(), key=lambda p: (order[p.kind], -p.count, p.text))
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
