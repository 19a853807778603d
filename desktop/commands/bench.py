"""gongwen bench: measure mining, cleaning, the bank, lint, export, start-up, the phrase widgets and the window on a
long draft, each beside a baseline."""

from __future__ import annotations

import argparse
import sys

from desktop.bench.report import as_json, as_table
from desktop.bench.suites import FULL, QUICK, run_all

AREAS = ("mining", "cleaning", "import", "bank", "lint", "export", "startup", "phrases", "window")


def run(args: argparse.Namespace) -> int:
    only = set(args.only.split(",")) if args.only else None
    if only and not only <= set(AREAS):
        print(f"用法错误：--only 只能取 {','.join(AREAS)}", file=sys.stderr)
        return 2
    scale = QUICK if args.quick else FULL
    results = run_all(scale, only, progress=lambda name: print(f"测量 {name} …", file=sys.stderr, flush=True))
    print(as_json(results, args.quick) if args.json else as_table(results))
    return 0
