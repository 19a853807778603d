"""`gongwen restore [--list] [--from BACKUP] [--rebuild] [--bank FILE]`: bring back a damaged bank.

Without options the user's bank is replaced by its newest automatic backup; `--rebuild` starts it over
from the corpus files it had imported, keeping the writer's own phrases and favourites that can still
be read. Either way the bank as it was is first copied aside (docs/BANK.md, 备份与修复).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import EXIT_OK, EXIT_USAGE
from desktop.commands.mine import WaitNotice, summary
from desktop.commands.phrase_output import progress_printer
from desktop.core import paths
from desktop.core.bank.backups import backup_folder, backup_label, list_backups, restore_backup, start_over
from desktop.core.bank.banks import open_write_bank
from desktop.core.bank.importer import import_paths
from desktop.core.errors import BankError, GongwenError


def run(args: argparse.Namespace) -> int:
    bank = Path(args.bank) if args.bank else paths.user_bank_path()
    if args.rebuild and args.backup:
        raise GongwenError("--rebuild 重建素材库，不用备份，不能与 --from 同时使用")
    if args.list:
        backups = list_backups(bank)
        if not backups:
            print(f"{bank.name} 没有自动备份（导入或合并改动我的素材库之前保存于 {backup_folder()}）")
        for backup in backups:
            print(f"{backup_label(backup)}　{backup}")
        return EXIT_OK
    if not bank.exists():
        raise BankError(f"{bank.name}：找不到素材库文件（{bank}）")
    if args.rebuild:
        return _rebuild(args, bank)
    backup = Path(args.backup) if args.backup else None
    aside = restore_backup(bank, backup)
    used = backup or list_backups(bank)[0]
    print(f"已用备份 {used} 恢复素材库 {bank}")
    print(f"恢复前的素材库另存为 {aside}")
    return EXIT_OK


def _rebuild(args: argparse.Namespace, bank: Path) -> int:
    found, aside = start_over(bank)
    print(f"重建前的素材库另存为 {aside}", file=sys.stderr)
    for what in found.unreadable:
        print(f"警告：未能读出{what}", file=sys.stderr)
    print(
        f"保留我的素材 {len(found.user_phrases)} 条、收藏 {len(found.favourites)} 条；"
        f"重新导入 {len(found.corpus_files)} 个语料文件",
        file=sys.stderr,
    )
    with open_write_bank(args.bank) as opened:
        opened.keeps_backups = False  # the backups from before the damage are worth more than this one
        report = import_paths(opened, found.corpus_files, progress=progress_printer, waiting=WaitNotice(bank))
    for message in [o.message for o in report.failures] + [
        f"{missing}：文件已不在原处，未能重新导入" for missing in found.missing_files
    ]:
        print(f"  {message}", file=sys.stderr)
    print(summary(report))
    return EXIT_USAGE if report.failures or found.missing_files else EXIT_OK
