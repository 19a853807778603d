"""`gongwen mine PATH... [--bank FILE] [--remove] [--json]`: import corpus files into a phrase bank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import EXIT_OK, EXIT_USAGE
from desktop.commands.phrase_output import print_json, progress_printer
from desktop.core.bank.banks import documents_read_with, open_query_banks, open_write_bank
from desktop.core.bank.importer import STATUS_NAMES, WAITING, ImportReport, import_paths, remove_paths
from desktop.core.mining.model import KIND_NAMES


class WaitNotice:
    """Told once while another program's import holds the bank: say why nothing seems to happen."""

    def __init__(self, bank: Path):
        self.bank = bank
        self.told = False

    def __call__(self) -> None:
        if not self.told:
            self.told = True
            print(f"{WAITING}（{self.bank}；它完成后自动继续，按 Ctrl+C 放弃，素材库不变）", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    with open_write_bank(args.bank) as bank:
        waiting = WaitNotice(bank.path)
        if getattr(args, "remove", False):
            report = remove_paths(bank, args.paths, waiting=waiting)
        else:
            report = import_paths(bank, args.paths, progress=progress_printer, waiting=waiting,
                                  elsewhere=documents_read_with(args.bank))
    if report.failures:
        print(f"有 {len(report.failures)} 个文件未能处理：", file=sys.stderr)
        for outcome in report.failures:
            print(f"  {outcome.message}", file=sys.stderr)
    if args.json:
        print_json(report.to_json())
    else:
        print(summary(report))
        if args.bank is None:
            with open_query_banks() as group:
                documents, phrases = group.totals()
            print(f"连同内置素材库共有文档 {documents} 篇，素材 {phrases} 条")
    return EXIT_USAGE if report.failures else EXIT_OK


def summary(report: ImportReport) -> str:
    files = " · ".join(f"{name} {report.count(status)}" for status, name in STATUS_NAMES.items())
    kinds = " · ".join(f"{KIND_NAMES[kind]} {n}" for kind, n in report.phrases_by_kind.items())
    total = sum(report.phrases_by_kind.values())
    return "\n".join(
        [
            f"素材库：{report.bank}",
            f"文件：{files}",
            f"库中共有文档 {report.documents} 篇，素材 {total} 条：{kinds}",
        ]
    )
