"""Open a file for reading only after checking it is a regular, readable file of acceptable size."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from desktop.core.corpus.limits import format_size
from desktop.core.errors import InputError


def check_file(path: Path, max_bytes: int) -> int:
    """Return the file's size, or raise InputError saying why it cannot be read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except PermissionError:
        raise InputError(path, "没有读取权限") from None
    except OSError as exc:
        raise InputError(path, f"无法访问文件（{exc.strerror or exc}）") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "这是一个文件夹，不是文件")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end.
        raise InputError(path, "不是普通文件（可能是管道或设备），已跳过")
    if info.st_size > max_bytes:
        raise InputError(
            path,
            f"文件过大（{format_size(info.st_size)}），超过上限 {format_size(max_bytes)}；"
            "请拆分为较小的文件后再导入",
        )
    if not os.access(path, os.R_OK):
        raise InputError(path, "没有读取权限")
    return info.st_size


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a whole file after check_file; never more than max_bytes even if it grows meanwhile."""
    check_file(path, max_bytes)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "没有读取权限") from None
    except IsADirectoryError:
        raise InputError(path, "这是一个文件夹，不是文件") from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise InputError(path, "这是一个文件夹，不是文件") from None
        raise InputError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    if len(data) > max_bytes:
        raise InputError(path, f"文件过大，超过上限 {format_size(max_bytes)}")
    return data
