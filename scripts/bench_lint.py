"""Measure lint speed on a 10,000-character draft made from the seeds: a full lint with a fresh Linter,
a re-lint of the same text, and a re-lint after a one-paragraph edit. `python scripts/bench_lint.py`"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.corpus import read_text_file
from desktop.core.lint import Linter, load_config
from desktop.core.outline import parse_outline


def build_draft(size: int = 10_000) -> str:
    """Title, salutation and the seeds' body paragraphs (as typed, one paragraph a line) up to `size`."""
    lines = ["在全市重点工作推进会上的讲话", "同志们："]
    for path in sorted((ROOT / "resources" / "corpus").glob("*.txt")):
        outline = parse_outline(read_text_file(path).text)
        for block in outline.blocks:
            if block.boilerplate or block.kind.value in ("title", "salutation", "closing"):
                continue
            lines.append(outline.block_text(block))
    text = "\n".join(lines)
    cut = text.find("\n", size)
    return (text[:cut] if cut > 0 else text) + "\n同志们，让我们共同努力，奋力完成全年目标任务！\n"


def timed(fn, repeat: int) -> list[tuple[float, float]]:
    """(wall ms, CPU ms) per call: CPU time stays meaningful on a machine busy with other work."""
    out = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        out.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    return out


def measure(label: str, draft: str) -> None:
    config = load_config(use_user_file=False)
    paragraphs = draft.split("\n")
    middle = len(paragraphs) // 2
    full = timed(lambda: Linter(config).lint(draft), 20)
    linter = Linter(config)
    linter.lint(draft)
    same = timed(lambda: linter.lint(draft), 20)
    counter = iter(range(10**6))

    def edit_one() -> None:
        edited = list(paragraphs)
        edited[middle] = edited[middle] + f"补充第{next(counter)}句。"
        linter.lint("\n".join(edited))

    edit = timed(edit_one, 20)
    parse = timed(lambda: parse_outline(draft), 20)
    print(f"{label}: {len(draft)} characters, {len(paragraphs)} lines")
    for name, values in (("parse outline", parse), ("full lint", full), ("re-lint unchanged", same),
                         ("re-lint after one-paragraph edit", edit)):
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        print(f"  {name:34s} wall median {statistics.median(walls):6.1f} ms (max {max(walls):6.1f})"
              f"   CPU median {statistics.median(cpus):6.1f} ms")


def main() -> int:
    draft = build_draft()
    measure("long paragraphs", draft)
    measure("one sentence a paragraph", re.sub(r"(?<=。)(?=[^\n])", "\n", draft))
    return 0


if __name__ == "__main__":
    sys.exit(main())
