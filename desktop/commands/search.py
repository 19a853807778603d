"""`gongwen search TEXT [--bank FILE] [--limit N] [--json]`: corpus sentences containing TEXT."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK
from desktop.commands.phrase_output import (
    document_named,
    parse_limit,
    query_text,
    print_json,
    progress_printer,
    report_problems,
)
from desktop.core.errors import GongwenError
from desktop.core.bank.banks import open_query_banks


def run(args: argparse.Namespace) -> int:
    limit = parse_limit(args.limit)
    query_text(args.text, "检索内容")
    if not args.text.strip():
        raise GongwenError("检索内容不能为空")
    with open_query_banks(args.bank, progress=progress_printer) as banks:
        report_problems(banks)
        hits = banks.search(args.text, limit=limit)
    if args.json:
        print_json([hit.to_json() for hit in hits])
        return EXIT_OK
    if not hits:
        print(f"语料中没有包含“{args.text}”的句子。")
        return EXIT_OK
    more = "（已达显示上限，可用 --limit 调整）" if len(hits) == limit else ""
    print(f"包含“{args.text}”的句子 {len(hits)} 句{more}：")
    for hit in hits:
        print(f"  {document_named(hit.doc, hit.label)}｜{hit.sentence}")
    return EXIT_OK
