"""Import corpus files into a phrase bank, incrementally and in one transaction.

An unchanged file (same content hash, mined by this program version) is skipped without being read;
a changed file replaces what it contributed; a file that disappeared from an imported folder takes its
contributions with it. A file whose text is already in a bank read together with this one (the
built-in bank beside the user's) is not imported again: the same text in two banks would count its
phrases twice. A file that cannot be read is reported and skipped; the others go on. If the
import is interrupted, nothing of it is committed and the bank stays as it was.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import logging
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.corpus.removals import Removal, RemovalCounts
from desktop.core.errors import BankError, InputError, has_undecodable_name, readable, readable_name
from desktop.core.bank.store import PhraseBank
from desktop.core.mining.cancel import Cancelled, Poll, check
from desktop.core.mining.model import Phrase

if TYPE_CHECKING:
    from desktop.core.corpus import CleanDocument

log = logging.getLogger(__name__)

# Files picked up when a folder is imported; a file named explicitly is always tried.
CORPUS_SUFFIXES = frozenset({".txt", ".docx", ".pdf", ".doc", ".wps"})

Miner = Callable[["CleanDocument"], list[Phrase]]
# Shown while another program's import holds the bank's write lock and this one waits for it.
WAITING = "素材库正被另一个导入使用，等待中…"
STATUS_NAMES = {
    "added": "新增",
    "updated": "更新",
    "unchanged": "未变",
    "duplicate": "重复",
    "builtin": "内置库已有",
    "removed": "删除",
    "failed": "失败",
}


@dataclass
class FileOutcome(RemovalCounts):
    path: Path
    status: str  # one of STATUS_NAMES
    phrases: int = 0
    message: str = ""
    removals: tuple[Removal, ...] = ()  # what cleaning removed from the file

    def to_json(self) -> dict:
        return {
            "file": readable(self.path),
            "status": self.status,
            "phrases": self.phrases,
            "message": self.message,
            "removed_lines": self.removed_lines,
            "removed_chars": self.removed_chars,
        }


@dataclass
class ImportReport:
    bank: Path
    outcomes: list[FileOutcome] = field(default_factory=list)
    documents: int = 0  # documents in the bank after the import
    phrases_by_kind: dict[str, int] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def to_json(self) -> dict:
        return {
            "bank": str(self.bank),
            "files": {status: self.count(status) for status in STATUS_NAMES},
            "documents": self.documents,
            "phrases": dict(self.phrases_by_kind),
            "total_phrases": sum(self.phrases_by_kind.values()),
            "outcomes": [o.to_json() for o in self.outcomes],
        }


@dataclass
class MinerFunctions:
    mine: Miner
    initials_of: Callable[[str], str] | None = None
    # True when `mine(doc, cancelled)` takes a poll and stops mid-document by raising Cancelled.
    polls_cancel: bool = False


def load_miner() -> MinerFunctions:
    """The extractors, imported only when a file actually has to be mined (they load jieba)."""
    try:
        module = importlib.import_module("desktop.core.mining.miner")
        mine = module.mine_document
    except (ImportError, AttributeError) as exc:
        raise BankError(f"素材挖掘模块不可用，无法导入语料（{exc}）") from exc
    return MinerFunctions(mine, getattr(module, "initials_of", None), polls_cancel=True)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[FileOutcome]]:
    """Expand folders (recursively) into corpus files. Returns (files, folders, problems): a path that
    is missing, a loop of links, a pipe or device, a folder that cannot be read, or a file whose name
    is not UTF-8 is a failed outcome saying so, never skipped without a word."""
    files: list[Path] = []
    folders: list[Path] = []
    problems: list[FileOutcome] = []
    for raw in paths:
        path = Path(raw)
        problem = _unusable(path)
        if problem is not None:
            problems.append(FileOutcome(path, "failed", message=str(InputError(path, problem))))
        elif path.is_dir():
            folders.append(_resolved(path))
            _walk(path, files, problems)
        else:
            files.append(path)
    unique = list(dict.fromkeys(_resolved(f) for f in files))
    return unique, folders, problems


def _unusable(path: Path) -> str | None:
    """Why this path cannot be imported (None when it is a folder or a regular file to try)."""
    if has_undecodable_name(path):
        return "文件名（或所在文件夹名）不是 UTF-8 编码，无法记入素材库，已跳过；请把它改名后再导入"
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "符号链接循环（链接最终指向自己），已跳过"
        if path.is_symlink():
            return "符号链接指向的文件不存在，已跳过"
        if isinstance(exc, FileNotFoundError):
            return "文件或文件夹不存在"
        if isinstance(exc, PermissionError):
            return "没有访问权限，已跳过"
        return f"无法访问（{exc.strerror or exc}），已跳过"
    if stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode):
        return None
    return "不是普通文件（可能是管道或设备），已跳过"


def _walk(folder: Path, files: list[Path], problems: list[FileOutcome]) -> None:
    """Corpus files under `folder`, in name order. Hidden entries and Office lock files are left out,
    links to folders are not followed (as rglob did), a sub-folder that cannot be read is reported."""

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        reason = "没有读取权限" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        problems.append(
            FileOutcome(where, "failed", message=str(InputError(where, f"文件夹无法读取（{reason}），其中的文件未导入")))
        )

    found_here: list[Path] = []
    for top, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "~$")))
        for name in sorted(names):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in CORPUS_SUFFIXES:
                continue
            found = Path(top) / name
            problem = _unusable(found)
            if problem is None and found.is_dir():
                continue  # a link to a folder named like a file
            if problem is None:
                found_here.append(found)
            else:
                problems.append(FileOutcome(found, "failed", message=str(InputError(found, problem))))
    files += sorted(found_here)  # path order, as the writer sees the folder tree


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop met on the way: keep the path as given
        return path.absolute()


def _gone(path: Path) -> bool:
    """True only when the file is certainly not there: a file in a folder that cannot be read now
    (unplugged drive, changed permissions) is not taken for a deleted one."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def hash_file(path: Path) -> tuple[str, int]:
    """sha256 of the file's bytes and its size, read in chunks so a huge file costs no memory."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise InputError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    return digest.hexdigest(), size


class FileImporter:
    def __init__(
        self,
        bank: PhraseBank,
        miner: MinerFunctions | None,
        reader: Callable[[Path], CleanDocument],
        cancelled: Poll | None = None,
        elsewhere: Mapping[str, str] | None = None,
    ):
        self.bank = bank
        self.miner = miner
        self.reader = reader
        self.cancelled = cancelled
        self.elsewhere = elsewhere or {}
        self.touched: set[int] = set()

    def import_file(self, path: Path) -> FileOutcome:
        try:
            digest, size = hash_file(path)
        except InputError as exc:
            return FileOutcome(path, "failed", message=str(exc))
        if size == 0:  # before the duplicate check: all empty files share one hash
            return FileOutcome(path, "failed", message=str(InputError(path, "文件是空的")))
        if digest in self.elsewhere:
            # Also drops a copy imported before the other bank had it (or before this check existed).
            copy = self.bank.document_by_hash(digest)
            if copy is not None:
                self.bank.before_change()
                self.touched |= self.bank.delete_document(copy.id)
            return FileOutcome(
                path, "builtin",
                message=f"{readable_name(path)}：内置素材库中已有（《{self.elsewhere[digest]}》），不再重复导入",
            )  # fmt: skip
        key = str(path)
        existing = self.bank.document_by_path(key)
        if existing and existing.content_hash == digest and existing.program_version == __version__:
            return FileOutcome(path, "unchanged")
        twin = self.bank.document_by_hash(digest)
        if twin is not None and twin.path != key:
            if not _gone(Path(twin.path)):
                return FileOutcome(
                    path, "duplicate", message=f"{readable_name(path)}：内容与已导入的 {twin.name} 相同，已跳过"
                )
            self.bank.before_change()
            self.touched |= self.bank.delete_document(twin.id)  # the file was moved or renamed
        try:
            document = self.reader(path)
            if self.miner is None:
                self.miner = load_miner()
            check(self.cancelled)  # reading a large file takes a while too
            if self.miner.polls_cancel and self.cancelled is not None:
                phrases = self.miner.mine(document, self.cancelled)
            else:
                phrases = self.miner.mine(document)
        except InputError as exc:
            return FileOutcome(path, "failed", message=str(exc))
        except (BankError, KeyboardInterrupt, Cancelled):
            raise
        except Exception as exc:  # one broken document must not stop the others
            log.exception("mining %s failed", path)
            return FileOutcome(
                path, "failed", message=f"{readable_name(path)}：处理失败（{type(exc).__name__}: {exc}）"
            )
        self.bank.before_change()
        with self.bank.savepoint():
            self.touched |= self.bank.store_document(
                path=key,
                name=document.name,
                title=document.title,
                text=document.text,
                content_hash=digest,
                size=size,
                phrases=phrases,
                initials_of=self.miner.initials_of,
                cancelled=self.cancelled,
            )
        return FileOutcome(
            path,
            "updated" if existing else "added",
            phrases=len({(p.text, p.kind) for p in phrases}),
            removals=getattr(document, "removals", ()),
        )

    def prune(self, folders: list[Path], seen: set[str]) -> list[FileOutcome]:
        """Documents once imported from these folders whose files are gone."""
        outcomes = []
        for doc in self.bank.documents():
            doc_path = Path(doc.path)
            inside = any(doc_path.is_relative_to(folder) for folder in folders)
            if inside and doc.path not in seen and _gone(doc_path):
                self.bank.before_change()
                self.touched |= self.bank.delete_document(doc.id)
                outcomes.append(FileOutcome(doc_path, "removed"))
        return outcomes


def import_paths(
    bank: PhraseBank,
    paths: Iterable[str | Path],
    *,
    miner: MinerFunctions | None = None,
    reader: Callable[[Path], CleanDocument] | None = None,
    progress: Callable[[int, int, FileOutcome], None] | None = None,
    cancelled: Poll | None = None,
    waiting: Callable[[], None] | None = None,
    elsewhere: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import files and folders into `bank` in one transaction; see the module docstring. When
    `cancelled()` turns true while a file is read, mined or stored, `cancel.Cancelled` is raised and the
    transaction rolled back. While another program writes the bank, `waiting()` is called about once a
    second and the import waits for it (see `PhraseBank.transaction`). `elsewhere`: content hash →
    document label of the documents in the banks read together with `bank` (`banks.documents_read_with`);
    such files are skipped."""
    files, folders, missing = collect_files(paths)
    report = ImportReport(bank.path, outcomes=list(missing))
    importer = FileImporter(bank, miner, reader, cancelled, elsewhere)
    if reader is None:  # the files to read are cleaned together: chrome recurring across them goes
        importer.reader = import_reader(bank, files, cancelled).read
    with bank.transaction(waiting):
        for index, path in enumerate(files, 1):
            outcome = importer.import_file(path)
            report.outcomes.append(outcome)
            if progress is not None:
                progress(index, len(files), outcome)
        report.outcomes.extend(importer.prune(folders, {str(f) for f in files}))
        bank.refresh_phrases(importer.touched)
    report.documents = len(bank.documents())
    report.phrases_by_kind = bank.kind_counts()
    return report


def needs_reading(bank: PhraseBank, path: Path) -> bool:
    """Whether an import reads the file: it is new, changed, or was mined by another version."""
    try:
        digest, _size = hash_file(path)
    except InputError:
        return False
    existing = bank.document_by_path(str(path))
    return not (existing and existing.content_hash == digest and existing.program_version == __version__)


def import_reader(bank: PhraseBank, files: list[Path], cancelled: Poll | None = None):
    """An ImportReader over the files this import will read, their evidence gathered; raises
    Cancelled when `cancelled()` turns true meanwhile."""
    from desktop.core.corpus.batch import ImportReader  # the readers load docx/pdf support

    return ImportReader(f for f in files if needs_reading(bank, f)).gather(lambda: check(cancelled))


def remove_paths(
    bank: PhraseBank, paths: Iterable[str | Path], waiting: Callable[[], None] | None = None
) -> ImportReport:
    """Remove the documents imported from these files (or from anywhere inside these folders)."""
    given = [Path(p) for p in paths]
    targets = [_resolved(p) for p in given]
    report = ImportReport(bank.path)
    touched: set[int] = set()
    with bank.transaction(waiting):
        for doc in bank.documents():
            doc_path = Path(doc.path)
            if any(doc_path == t or doc_path.is_relative_to(t) for t in targets):
                bank.before_change()
                touched |= bank.delete_document(doc.id)
                report.outcomes.append(FileOutcome(doc_path, "removed"))
        bank.refresh_phrases(touched)
    matched = {o.path for o in report.outcomes}
    for path, target in zip(given, targets):
        if not any(m == target or m.is_relative_to(target) for m in matched):
            problem = _unusable(path)  # a link loop or an undecodable name says what it is
            odd = problem is not None and (has_undecodable_name(path) or path.is_symlink())
            reason = problem if odd else "素材库中没有这个文件的素材"
            report.outcomes.append(FileOutcome(target, "failed", message=str(InputError(target, reason))))
    report.documents = len(bank.documents())
    report.phrases_by_kind = bank.kind_counts()
    return report
