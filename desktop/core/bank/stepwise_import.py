"""An import that commits as it goes, for the editor: it reports which file it is on and can be
cancelled. Cancelling rolls back only the file being imported; the files before it stay in the bank.

`importer.import_paths` imports everything in one transaction (right for the command line, where an
interrupted run must leave the bank untouched). Here each file is a savepoint of its own, and the files
of about five seconds share one transaction, committed with their phrases' totals refreshed once: a
commit and a refresh per file cost more than mining the files did (the development corpus's 68 reports:
28 s file by file, 19 s in groups).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import BankError
from desktop.core.bank.store import PhraseBank
from desktop.core.mining.cancel import Cancelled
from desktop.core.bank.importer import (
    FileImporter,
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

COMMIT_SECONDS = 5.0  # the files of one transaction: those begun within this time


class ImportCancelled(Cancelled):
    """Raised while waiting for another program's import, so that nothing of this one begins."""


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
    """Import files and folders, each file in a savepoint, committed in groups (see the module's doc).
    `starting(n, total, path)` is called before each file, `finished(n, total, outcome)` once it is
    committed; `cancelled()` is polled before each file, after reading it, while mining it (between
    blocks of sentences) and while storing it. While another program's import holds the bank,
    `waiting()` is called about once a second (and `cancelled()` polled) until it is done. `elsewhere`:
    as for `import_paths`, the documents of the banks read together with this one."""
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

    def wait() -> None:
        if cancelled():
            raise ImportCancelled
        if waiting is not None:
            waiting()

    importer = FileImporter(bank, miner, reader, cancelled, elsewhere)
    done = 0  # files committed
    while done < len(files):
        if cancelled():
            report.cancelled = True
            break
        if starting is not None:  # named before the bank is taken: it may have to wait for another import
            starting(done + 1, len(files), files[done])
        group = _Group()
        try:
            with bank.transaction(wait):
                _import_group(importer, files, done, group, report, starting, cancelled)
                bank.refresh_phrases(importer.touched)
        except Cancelled:  # while waiting for another program's import: nothing of this group began
            report.cancelled = True
            break
        except BankError as exc:  # the transaction is gone (a full disk…): none of the group landed
            message = str(exc)
            report.outcomes += [FileOutcome(files[n - 1], "failed", message=message) for n, _ in group.stored]
            if group.current is not None or not group.stored:  # the file at hand, or the first
                report.outcomes.append(FileOutcome(group.current or files[done], "failed", message=message))
            break
        finally:
            importer.touched = set()
        for number, outcome in group.stored:
            report.outcomes.append(outcome)
            if finished is not None:
                finished(number, len(files), outcome)
        done += len(group.stored)
        if group.refused is not None:  # a file the bank refused: stop there, as a failed commit would
            report.outcomes.append(group.refused)
            break
        if report.cancelled:
            break
    if not report.cancelled and done == len(files):
        if folders:
            # As `gongwen mine FOLDER` does: documents once imported from these folders whose files are
            # gone leave with their phrases. Every present file was just imported, so this only hashes.
            pruned = import_paths(
                bank, folders, miner=miner, reader=reader, waiting=wait, elsewhere=elsewhere
            )
            report.outcomes.extend(o for o in pruned.outcomes if o.status == "removed")
    return _counted(report, bank)


@dataclass
class _Group:
    """The files of one transaction: those stored so far, the one being imported, one the bank refused."""

    stored: list[tuple[int, FileOutcome]] = field(default_factory=list)
    current: Path | None = None
    refused: FileOutcome | None = None


def _import_group(
    importer: FileImporter,
    files: list[Path],
    done: int,
    group: _Group,
    report: StepwiseReport,
    starting: Callable[[int, int, Path], None] | None,
    cancelled: Callable[[], bool],
) -> None:
    """Import the files after the first `done` into the open transaction, each in a savepoint of its
    own, until COMMIT_SECONDS have passed (the caller named the first and polled for cancelling). A
    cancelled file is rolled back and sets `report.cancelled`; a file the bank refuses is rolled back and
    ends the group (a BankError that ended the transaction itself propagates)."""
    began = time.monotonic()
    for number in range(done + 1, len(files) + 1):
        if number > done + 1:  # the first was polled and named before the transaction began
            if time.monotonic() - began >= COMMIT_SECONDS:
                return
            if cancelled():
                report.cancelled = True
                return
            if starting is not None:
                starting(number, len(files), files[number - 1])
        path = group.current = files[number - 1]
        touched = set(importer.touched)
        try:
            with importer.bank.savepoint():
                outcome = importer.import_file(path)
        except Cancelled:
            importer.touched = touched
            report.cancelled = True
            return
        except BankError as exc:
            if not importer.bank.conn.in_transaction:
                raise
            importer.touched = touched
            group.refused = FileOutcome(path, "failed", message=str(exc))
            return
        group.stored.append((number, outcome))
        group.current = None


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
