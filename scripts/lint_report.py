"""List what the checker says about a set of texts, file by file, to read every finding and judge it:
`python scripts/lint_report.py ../shared/devcorpus/provincial_2026 [--all] [--limit 3]`.

Prints each file's warnings and errors (with --all, the notes too) with the text around them, then a
count per file and per rule; files with more than --limit warnings and errors are marked."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.corpus import read_text_file  # noqa: E402
from desktop.core.lint import Level, Linter, load_config  # noqa: E402
from desktop.core.lint.report import Positions, gather  # noqa: E402


def _files(targets: list[str]) -> list[Path]:
    out: list[Path] = []
    for target in map(Path, targets):
        out += sorted(target.glob("*.txt")) if target.is_dir() else [target]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="+", help="text files or folders of .txt files")
    parser.add_argument("--all", action="store_true", help="notes (info) too")
    parser.add_argument("--limit", type=int, default=3, help="warnings and errors a file may draw")
    args = parser.parse_args(argv)
    linter = Linter(load_config(use_user_file=False))
    lowest = Level.INFO if args.all else Level.WARNING
    per_rule: Counter[str] = Counter()
    over = 0
    for path in _files(args.targets):
        text = read_text_file(path).text
        found = [d for d in gather(text, linter.lint(text).diagnostics) if d.level.rank >= lowest.rank]
        loud = sum(1 for d in found if d.level.rank >= Level.WARNING.rank)
        over += loud > args.limit
        print(f"== {path.name}: {loud} 条警告或错误{'（超出 %d）' % args.limit if loud > args.limit else ''}")
        positions = Positions(text)
        for d in found:
            line, column = positions.line_column(d.offset)
            context = text[max(0, d.offset - 12) : d.offset + min(d.length, 40) + 12].replace("\n", "⏎")
            print(f"  {line}:{column} {d.code} {d.level.value} {d.message}\n      …{context}…")
            per_rule[d.code] += 1
    print("== 各规则：" + "，".join(f"{code} {n}" for code, n in sorted(per_rule.items())))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
