"""`gongwen suggest QUERY [--bank FILE] [--kind KIND] [--context TEXT] [--limit N] [--json]`."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK
from desktop.commands.phrase_output import (
    kind_label,
    parse_kind,
    parse_limit,
    phrase_line,
    print_json,
    progress_printer,
    query_text,
    report_problems,
    source_lines,
)
from desktop.core.bank.banks import open_query_banks


def run(args: argparse.Namespace) -> int:
    kind = parse_kind(args.kind)
    limit = parse_limit(args.limit)
    query = query_text(args.query, "查询")
    context = query_text(args.context or "", "--context")
    with open_query_banks(args.bank, progress=progress_printer) as banks:
        report_problems(banks)
        phrases = banks.suggest(query, kind=kind, context=context, limit=limit)
    if args.json:
        print_json([p.to_json() for p in phrases])
        return EXIT_OK
    if not phrases:
        print(f"没有找到与“{args.query}”匹配的素材。")
        return EXIT_OK
    for number, phrase in enumerate(phrases, 1):
        print(f"{number}. {phrase_line(phrase)}　［{kind_label(phrase.kind)}］")
        for line in source_lines(phrase, "   "):
            print(line)
    return EXIT_OK
