"""Mine one cleaned document: run every extractor and merge what they find into phrases."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, repeat

from desktop.core.corpus.document import CleanDocument
from desktop.core.mining import closing, heading, idiom, opening, parallel, quote, transition
from desktop.core.mining.cancel import POLL_EVERY, Poll, check
from desktop.core.mining.candidate import Candidate
from desktop.core.mining.initials import initials_of
from desktop.core.mining.lexicon import Lexicon, lexicon
from desktop.core.mining.model import KINDS, Phrase, Source
from desktop.core.mining.text import content_lines, split_sentences

log = logging.getLogger(__name__)
# Initials serve typing the start of a phrase (jjwg → 久久为功); a long passage (an opening, a closing)
# keeps those of its first characters only.
INITIALS_SPAN = 40
# Sentences mined between two polls of `cancelled` (some 10 000 characters: tens of milliseconds of mining new text).
# A multiple of idiom's block, so cutting the sentences here changes no output.
POLL_SENTENCES = idiom.BLOCK


def mine_text(text: str, doc_name: str, cancelled: Poll | None = None) -> list[Phrase]:
    """Phrases of one document's text, merged within it: count = occurrences here, docs = 1.

    `cancelled()` is polled before each extractor, every POLL_SENTENCES sentences inside the costly ones
    and every POLL_EVERY items of every other loop over the document (where a thread waiting for the GIL
    gets it: see cancel.py); once it is true, mining stops by raising `cancel.Cancelled`."""
    lex = lexicon()
    check(cancelled)
    lines = content_lines(text, cancelled)
    sentences: list[str] = []
    for start in range(0, len(lines), POLL_EVERY):
        check(cancelled)
        sentences += [part for line in lines[start : start + POLL_EVERY] for part in split_sentences(line)]
    # Each extractor's candidates, merged as they come. Those that judge each sentence on its own (the
    # costly ones) run over blocks of sentences, with a poll between blocks and none per candidate.
    found: list[tuple[str, Iterable[Candidate]]] = [
        (parallel.KIND, _in_blocks(parallel.extract, sentences, lex, cancelled)),
        (idiom.KIND, _in_blocks(idiom.extract, sentences, lex, cancelled)),
        (opening.KIND, opening.extract(lines, lex)),  # reads the first lines only
        (transition.KIND, transition.extract(sentences, lex, cancelled)),
        (closing.KIND, closing.extract(lines, lex, cancelled)),
        (quote.KIND, _in_blocks(quote.extract, sentences, lex, cancelled)),
        (heading.KIND, heading.extract(lines, lex, cancelled)),
    ]

    merged: list[Phrase] = []
    for kind, candidates in found:  # one extractor, so one kind, at a time
        check(cancelled)
        of_kind: dict[str, tuple[Phrase, set[str]]] = {}  # text → its phrase and the sentences it has
        for number, (found_text, pattern, sentence) in enumerate(candidates):
            if number % POLL_EVERY == 0:
                check(cancelled)
            entry = of_kind.get(found_text)
            if entry is None:
                initials = initials_of(found_text[:INITIALS_SPAN])
                entry = of_kind[found_text] = (Phrase(found_text, kind, pattern, initials, count=0, docs=1), set())
            phrase, seen_in = entry
            phrase.count += 1
            if sentence not in seen_in:
                seen_in.add(sentence)
                phrase.sources.append(Source(doc_name, sentence))
        merged += [phrase for phrase, _ in of_kind.values()]
    order = {kind: i for i, kind in enumerate(KINDS)}
    phrases = sorted(merged, key=lambda p: (order[p.kind], -p.count, p.text))
    log.debug("%s: %d phrases", doc_name, len(phrases))
    return phrases


def _in_blocks(
    extract: Callable[[list[str], Lexicon], Iterator[Candidate]],
    sentences: list[str],
    lex: Lexicon,
    cancelled: Poll | None,
) -> Iterator[Candidate]:
    """`extract` over the sentences block by block; the candidates pass through at C speed."""
    return chain.from_iterable(map(extract, _polled_blocks(sentences, cancelled), repeat(lex)))


def _polled_blocks(sentences: list[str], cancelled: Poll | None) -> Iterator[list[str]]:
    for start in range(0, len(sentences), POLL_SENTENCES):
        check(cancelled)
        yield sentences[start : start + POLL_SENTENCES]


def mine_document(doc: CleanDocument, cancelled: Poll | None = None) -> list[Phrase]:
    return mine_text(doc.text, doc.name, cancelled)


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
