"""Saving drafts without ever losing a line: atomic writes and on-disk change detection.

A save writes a temporary file in the target folder, fsyncs it and renames it over the target, so a
crash or a full disk leaves either the old file or the new one, never half of each. A file's stamp
(size, mtime and a content hash) taken when it was opened or last saved tells whether someone else
changed it on disk since; the window then asks before overwriting.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileStamp:
    size: int
    mtime_ns: int
    sha256: str


def stamp_of(path: str | Path) -> FileStamp | None:
    """The file's current stamp, or None when it does not exist."""
    path = Path(path)
    try:
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    return FileStamp(stat.st_size, stat.st_mtime_ns, digest)


def changed_on_disk(path: str | Path, known: FileStamp | None) -> bool:
    """True when the file differs from the version this program last read or wrote.

    A file whose mtime moved but whose bytes are the same (touched, synced) does not count.
    """
    current = stamp_of(path)
    if known is None:
        return current is not None
    if current is None:
        return False  # deleted meanwhile: saving recreates it, nothing of anyone's is lost
    return current.sha256 != known.sha256


def encode_text(text: str, encoding: str = "utf-8", newline: str = "\n", bom: bool = False) -> bytes:
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if newline != "\n":
        body = body.replace("\n", newline)
    if encoding.lower().replace("_", "-") in ("utf-16", "utf16"):
        return body.encode("utf-16")  # Python writes the BOM itself
    data = body.encode(encoding)
    if bom and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        data = codecs.BOM_UTF8 + data
    return data


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder, fsync, then replace."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(path, f"无法在所在文件夹写入（{exc.strerror or exc}）") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600): keep the original's mode, or the usual one for a new file
        try:
            os.chmod(tmp_name, path.stat().st_mode & 0o7777 if path.exists() else new_file_mode())
        except OSError:
            pass
        os.replace(tmp_name, path)
    except OSError as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise InputError(path, f"保存失败，原文件未改动（{exc.strerror or exc}）") from exc
    _fsync_folder(folder)


def atomic_write_text(
    path: str | Path, text: str, encoding: str = "utf-8", newline: str = "\n", bom: bool = False
) -> FileStamp:
    """Save text atomically in the given encoding and line endings; return the new stamp."""
    try:
        data = encode_text(text, encoding, newline, bom)
    except UnicodeEncodeError as exc:
        raise InputError(
            path, f"有字符无法用 {encoding} 编码保存（{exc.object[exc.start : exc.end]!r}），请另存为 UTF-8"
        ) from exc
    atomic_write_bytes(path, data)
    stamp = stamp_of(path)
    assert stamp is not None
    return stamp


def new_file_mode() -> int:
    """The mode a newly created file gets under the user's umask (mkstemp's temp files are 0600)."""
    current = os.umask(0)
    os.umask(current)
    return 0o666 & ~current


def _fsync_folder(folder: Path) -> None:
    # Make the rename itself durable where the platform allows opening a folder.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        log.debug("fsync of %s not supported", folder)
    finally:
        os.close(fd)
