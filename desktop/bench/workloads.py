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


def recombined_document(total_chars: int) -> str:
    """One long document of the corpus's clauses drawn anew into sentences, 2–5 to a paragraph: text
    whose sentences and runs were never seen, at any size."""
    clauses = [c for p in corpus_paragraphs().paragraphs for c in re.split("[，。；！？]", p) if len(c) >= 2]
    rng = random.Random(SEED)
    paragraphs, length = [], 0
    while length < total_chars:
        sentences = ("，".join(rng.sample(clauses, rng.randint(2, 4))) + "。" for _ in range(rng.randint(2, 5)))
        paragraph = "".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 1
    return "\n".join(paragraphs)


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


def long_draft(parts: int = 10) -> str:
    """A long, deeply outlined draft from the bundled sample speech: `parts` parts (at most ten), six
    sections each, five points each. Ten parts are about 55,000 characters (some 90 pages) with 370
    headings; the window's long-draft test and `gongwen bench --only window` both use it."""
    sample = paths.resources_dir() / "samples" / "示例讲话稿.txt"
    sentences = [line for line in sample.read_text(encoding="utf-8").split("\n") if len(line) > 60]
    lines = [
        "在全市高质量发展大会上的讲话",
        "同志们：",
        "今天召开大会，主要任务是部署工作。下面，我讲十个方面的意见。",
    ]
    n = _HEADING_NUMERALS
    for i in range(min(parts, len(n))):
        lines.append(f"{n[i]}、第{n[i]}方面的工作要求")
        for j in range(6):
            lines.append(f"（{n[j]}）第{n[j]}项重点任务。{sentences[(i + j) % len(sentences)]}")
            for k in range(5):
                pair = sentences[(i + j + k) % len(sentences)] + sentences[(i + k) % len(sentences)]
                lines.append(f"{k + 1}. 具体措施。{pair}")
    lines.append("同志们，让我们团结一心，真抓实干，奋力开创工作新局面！")
    return "\n".join(lines)


def big_draft(chars: int) -> str:
    """A draft of about `chars` characters as careless pasting makes one (5 MB is some 1.7 million): parts
    numbered on past 十, each with six sections of five points, two corpus sentences to a point, and the
    defects such a draft carries all through: sentences pasted again and again, half-width commas, 一是
    without 二是, XX left in. Tens of thousands of findings, which is the point."""
    from desktop.core.outline import cn_numeral

    pool = [s for p in corpus_paragraphs().paragraphs for s in re.findall(r"[^。！？]+[。！？]", p) if len(s) >= 8]
    rng = random.Random(SEED + chars)
    lines = ["在全市高质量发展大会上的讲话", "同志们：", "今天召开大会，主要任务是部署工作。下面，我讲几点意见。"]
    length = sum(len(line) + 1 for line in lines)
    part = 0
    while length < chars:
        part += 1
        block = [f"{cn_numeral(part)}、第{cn_numeral(part)}方面的工作要求"]
        for j in range(1, 7):
            block.append(f"（{cn_numeral(j)}）第{cn_numeral(j)}项重点任务。{rng.choice(pool)}")
            for k in range(1, 6):
                point = rng.choice(pool) + rng.choice(pool)
                if k % 2:
                    point = point.replace("，", ",", 1)
                if k == 3:
                    point = "一是" + point + "XX同志牵头。"
                block.append(f"{k}. 具体措施。{point}")
        lines.extend(block)
        length += sum(len(line) + 1 for line in block)
    lines.append("同志们，让我们团结一心，真抓实干，奋力开创工作新局面！")
    return "\n".join(lines)


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


def one_line_paragraphs(pages: int, lines_per_page: int = 22, width: int = 24) -> str:
    """A draft of `pages` pages in which every paragraph is one line of the 公文 grid: the most
    paragraphs a page can hold, where time per paragraph shows."""
    lines: list[str] = []
    wanted = pages * lines_per_page
    for paragraph in draft_text(pages * lines_per_page * 28).split("\n"):
        lines += [paragraph[i:i + width] for i in range(0, len(paragraph), width)]
    return "\n".join(lines[:wanted])


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
