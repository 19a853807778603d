"""The parser remembers what each line splits into, its segments' markers and junk; a parse with those
memories must be the parse without them, whatever text they were made from."""

from __future__ import annotations

import random

from desktop.bench.workloads import big_draft, long_draft
from desktop.core import outline as outline_module
from desktop.core.outline import parse_outline


def _forget() -> None:
    for memo in (
        outline_module._line_memo, outline_module._marker_memo, outline_module._junk_memo,
        outline_module._run_item_memo, outline_module._announce_memo,
    ):
        memo.clear()


def _shape(outline) -> tuple:
    return (outline.blocks, [run.items for run in outline.runs], outline.announcements, outline.families)


def _edited(text: str, rng: random.Random) -> str:
    """The same lines in other company: shuffled, cut short, run together, a marker typed in front."""
    lines = text.split("\n")
    rng.shuffle(lines)
    out = []
    for line in lines:
        choice = rng.randrange(5)
        if choice == 0 and len(line) > 4:
            line = line[: rng.randrange(1, len(line))]
        elif choice == 1:
            line = "一、" + line
        elif choice == 2 and out:
            out[-1] += " " + line
            continue
        out.append(line)
    return "\n".join(out)


def test_parsing_with_remembered_lines_gives_the_same_outline(devcorpus):
    rng = random.Random(9704)
    texts = [long_draft(3), big_draft(30_000)]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(devcorpus.rglob("*.txt"))[::6]]
    texts = [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]
    for text in texts:
        _forget()
        fresh = _shape(parse_outline(text))
        for other in texts[:6]:
            parse_outline(_edited(other, rng))
        parse_outline(_edited(text, rng))
        assert _shape(parse_outline(text)) == fresh
        edited = _edited(text, rng)
        remembered = _shape(parse_outline(edited))
        _forget()
        assert remembered == _shape(parse_outline(edited))
