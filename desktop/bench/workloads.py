"""Workloads generated deterministically from the bundled corpus: the same input on every run."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache

from desktop.core import paths
from desktop.core.corpus import CleanDocument, read_document
from desktop.core.mining.model import KINDS, Phrase, Source

SEED = 9704  # fixed: a run is comparable with the last one


@dataclass(frozen=True)
class CorpusParagraphs:
    paragraphs: tuple[str, ...]
    titles: tuple[str, ...]


@cache
def bundled_speeches() -> tuple[CleanDocument, ...]:
    """The bundled speeches, read and cleaned once per run."""
    return tuple(read_document(p) for p in sorted(paths.bundled_corpus_dir().glob("*.txt")))


@cache
def corpus_paragraphs() -> CorpusParagraphs:
    docs = bundled_speeches()
    paragraphs = tuple(p for doc in docs for p in doc.paragraphs[1:] if len(p) >= 8)
    return CorpusParagraphs(paragraphs, tuple(doc.title for doc in docs))


def _paragraph_stream(seed: int):
    """The corpus paragraphs in an endless, seeded shuffle."""
    rng = random.Random(seed)
    pool = list(corpus_paragraphs().paragraphs)
    while True:
        rng.shuffle(pool)
        yield from pool


def corpus_documents(total_bytes: int, doc_chars: int = 12_000) -> list[str]:
    """Documents of about `doc_chars` characters whose UTF-8 size adds up to `total_bytes`."""
    docs, current, size, length = [], [], 0, 0
    for paragraph in _paragraph_stream(SEED):
        current.append(paragraph)
        length += len(paragraph) + 1
        size += len(paragraph.encode("utf-8")) + 1
        if length >= doc_chars:
            docs.append("\n".join(current))
            current, length = [], 0
        if size >= total_bytes:
            break
    if current:
        docs.append("\n".join(current))
    return docs


_HEADING_NUMERALS = "一二三四五六七八九十"


def draft_text(chars: int) -> str:
    """A speech draft of about `chars` characters: title, salutation, numbered sections of corpus text."""
    titles = corpus_paragraphs().titles
    lines = [titles[0], "同志们："]
    length = sum(len(line) + 1 for line in lines)
    section = 0
    stream = _paragraph_stream(SEED + chars)
    while length < chars:
        if section < len(_HEADING_NUMERALS) and (section == 0 or len(lines) % 8 == 0):
            heading = f"{_HEADING_NUMERALS[section]}、关于第{_HEADING_NUMERALS[section]}方面的工作"
            lines.append(heading)
            length += len(heading) + 1
            section += 1
        paragraph = next(stream)[: max(chars - length, 1)]
        lines.append(paragraph)
        length += len(paragraph) + 1
    return "\n".join(lines)


_CLAUSE = re.compile(r"[^，。；：！？、“”（）《》\s]{4,16}")


def synthetic_phrases(count: int) -> list[Phrase]:
    """`count` distinct phrases cut from corpus clauses (4–16 characters), each with its sentence.

    Initials come from plain per-character pinyin: good enough to exercise the initials index."""
    from pypinyin import Style, lazy_pinyin

    letters: dict[str, str] = {}

    def initials_of(text: str) -> str:
        for char in text:
            if char not in letters:
                letter = lazy_pinyin(char, style=Style.FIRST_LETTER)[0][:1].lower()
                letters[char] = letter if letter.isascii() and letter.isalpha() else ""
        return "".join(letters[c] for c in text)

    clauses = list(dict.fromkeys(m.group() for p in corpus_paragraphs().paragraphs for m in _CLAUSE.finditer(p)))
    sentence_of = {m.group(): p for p in corpus_paragraphs().paragraphs for m in _CLAUSE.finditer(p)}
    rng = random.Random(SEED)
    found: dict[str, Phrase] = {}
    texts = iter(clauses)
    while len(found) < count:
        text = next(texts, None)
        if text is None:  # the real clauses are used up: join the head of one to the tail of another
            a, b = rng.choice(clauses), rng.choice(clauses)
            text = a[: rng.randint(2, min(len(a), 8))] + b[-rng.randint(2, min(len(b), 8)) :]
        if text in found:
            continue
        kind = KINDS[len(found) % len(KINDS)]
        sentence = sentence_of.get(text, "")[:200] or text
        found[text] = Phrase(text, kind, "", initials_of(text), 1, 1, [Source("bench.txt", sentence)])
    return list(found.values())
