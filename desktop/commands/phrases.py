"""`gongwen phrases [--bank FILE] [--kind KIND] [--json]`: every phrase in the bank."""

from __future__ import annotations

import argparse
from itertools import groupby

from desktop.cli import EXIT_OK
from desktop.commands.phrase_output import (
    kind_label,
    parse_kind,
    phrase_line,
    print_json,
    progress_printer,
    report_problems,
    source_lines,
)
from desktop.core.bank.banks import open_query_banks


def run(args: argparse.Namespace) -> int:
    kind = parse_kind(args.kind)
    with open_query_banks(args.bank, progress=progress_printer) as banks:
        report_problems(banks)
        phrases = banks.phrases(kind)
    if args.json:
        print_json([p.to_json() for p in phrases])
        return EXIT_OK
    if not phrases:
        print("素材库中没有" + (f"“{kind_label(kind)}”类" if kind else "") + "素材。")
        return EXIT_OK
    for kind_code, group in groupby(phrases, key=lambda p: p.kind):
        members = list(group)
        print(f"【{kind_label(kind_code)}】共 {len(members)} 条")
        for phrase in members:
            print(f"  {phrase_line(phrase)}")
            for line in source_lines(phrase, "      "):
                print(line)
        print()
    return EXIT_OK
