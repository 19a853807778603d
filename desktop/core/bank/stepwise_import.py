"""An import that commits file by file, for the editor: it reports which file it is on and can be
cancelled. Cancelling rolls back only the file being imported; the files before it stay in the bank.

`importer.import_paths` imports everything in one transaction (right for the command line, where an
interrupted run must leave the bank untouched); here each file is its own `import_paths` run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import BankError
from desktop.core.bank.store import PhraseBank
from desktop.core.mining.cancel import Cancelled
from desktop.core.bank.importer import (
    FileOutcome,
    ImportReport,
    STATUS_NAMES,
    MinerFunctions,
    collect_files,
    import_paths,
    import_reader,
    load_miner,
)

log = logging.getLogger(__name__)


class ImportCancelled(Cancelled):
    """Raised inside a file's transaction so that file is rolled back."""


@dataclass
class StepwiseReport(ImportReport):
    cancelled: bool = False
    total_files: int = 0
    # (documents, phrases) of every bank the window reads, counted as BankGroup.totals counts them
    combined: tuple[int, int] | None = None


def import_stepwise(
    bank: PhraseBank,
    paths: Iterable[str | Path],
    *,
    starting: Callable[[int, int, Path], None] | None = None,
    finished: Callable[[int, int, FileOutcome], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    miner: MinerFunctions | None = None,
    reader: Callable | None = None,
    waiting: Callable[[], None] | None = None,
    elsewhere: Mapping[str, str] | None = None,
) -> StepwiseReport:
    """Import files and folders one file per transaction. `starting(n, total, path)` is called before
    each file, `finished(n, total, outcome)` after it; `cancelled()` is polled before each file, after
    reading it, while mining it (between blocks of sentences) and before its commit. While another
    program's import holds the bank, `waiting()` is called about once a second (and `cancelled()`
    polled) until it is done. `elsewhere`: as for `import_paths`, the documents of the banks read
    together with this one."""
    paths = list(paths)
    files, folders, missing = collect_files(paths)
    report = StepwiseReport(bank.path, outcomes=list(missing), total_files=len(files))
    if files and miner is None:
        miner = load_miner()  # once, not once per file; raises BankError when mining is unavailable
    if reader is None and files:
        # Every file read once first: the files of one import are cleaned with each other's evidence.
        try:
            reader = import_reader(bank, files, cancelled).read
        except Cancelled:
            report.cancelled = True
            return _counted(report, bank)

    def check(_index: int, _total: int, _outcome: FileOutcome) -> None:
        if cancelled():
            raise ImportCancelled

    def wait() -> None:
        if cancelled():
            raise ImportCancelled
        if waiting is not None:
            waiting()

    for number, path in enumerate(files, 1):
        if cancelled():
            report.cancelled = True
            break
        if starting is not None:
            starting(number, len(files), path)
        try:
            step = import_paths(
                bank, [path], miner=miner, reader=reader, progress=check, cancelled=cancelled, waiting=wait,
                elsewhere=elsewhere,
            )
        except Cancelled:
            report.cancelled = True
            break
        except BankError as exc:  # e.g. the bank is locked by another program: stop, report it
            report.outcomes.append(FileOutcome(path, "failed", message=str(exc)))
            break
        report.outcomes.extend(step.outcomes)
        if finished is not None:
            finished(number, len(files), step.outcomes[-1])
    else:
        if folders:
            # As `gongwen mine FOLDER` does: documents once imported from these folders whose files are
            # gone leave with their phrases. Every present file was just imported, so this only hashes.
            pruned = import_paths(
                bank, folders, miner=miner, reader=reader, waiting=wait, elsewhere=elsewhere
            )
            report.outcomes.extend(o for o in pruned.outcomes if o.status == "removed")
    return _counted(report, bank)


def _counted(report: StepwiseReport, bank: PhraseBank) -> StepwiseReport:
    report.documents = len(bank.documents())
    report.phrases_by_kind = bank.kind_counts()
    return report


def summary_lines(report: ImportReport) -> list[str]:
    """The import's outcome for the writer: totals, then one line per file that failed."""
    counts = "，".join(
        f"{name} {report.count(status)} 个" for status, name in STATUS_NAMES.items() if report.count(status)
    )
    total = sum(report.phrases_by_kind.values())
    own = f"文档 {report.documents} 篇、素材 {total} 条"
    combined = getattr(report, "combined", None)
    if combined is None or combined == (report.documents, total):
        lines = [f"文件：{counts or '无'}", f"素材库现有{own}"]
    else:  # the user's bank, then what the 素材 tab counts with the built-in bank beside it
        lines = [f"文件：{counts or '无'}",
                 f"我的素材库现有{own}；连同内置素材库共有文档 {combined[0]} 篇、素材 {combined[1]} 条"]
    if getattr(report, "cancelled", False):
        lines.insert(0, "导入已取消：正在导入的文件未写入，之前的文件已保留。")
    lines += [f"· {o.message or o.path.name}" for o in report.failures]
    return lines
