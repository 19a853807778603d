"""Writing the .docx atomically: the target is replaced whole or left exactly as it was."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from docx.document import Document

from desktop.core.errors import GongwenError
from desktop.core.files import new_file_mode


class ExportWriteError(GongwenError):
    """The target file cannot be written; any file already there is left as it was."""


def save_atomically(document: Document, out_path: Path) -> None:
    """Temp file in the same folder, fsync, then replace: an existing file is either kept or replaced whole."""
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if out_path.is_dir():
        raise ExportWriteError(f"{out_path}：这是一个文件夹，请给出 .docx 文件名")
    if not folder.is_dir():
        raise ExportWriteError(f"{out_path.name}：保存位置不存在（{folder}）")
    # Mode bits are checked as well as access(): an administrator can write anything, yet a file or
    # folder marked read-only should stay as the user marked it.
    if out_path.exists() and (not os.access(out_path, os.W_OK) or _read_only(out_path)):
        raise ExportWriteError(f"{out_path.name}：文件是只读的，无法覆盖；原文件未改动")
    if not os.access(folder, os.W_OK) or _read_only(folder):
        raise ExportWriteError(f"{out_path.name}：文件夹“{folder}”是只读的，无法在其中保存；请换一个保存位置")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~gongwen-", suffix=".docx.tmp", dir=folder)
    except OSError as exc:
        raise ExportWriteError(f"{out_path.name}：无法在“{folder}”中写入（{exc.strerror or exc}）；"
                               "请换一个保存位置") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            document.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if out_path.exists():
            try:
                os.chmod(tmp, out_path.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            os.chmod(tmp, new_file_mode())
        os.replace(tmp, out_path)
    except PermissionError as exc:
        raise ExportWriteError(f"{out_path.name}：无法写入，文件可能正在被 Word 或 WPS 打开（{exc.strerror}）；"
                               "请关闭后重试，原文件未改动") from exc
    except OSError as exc:
        raise ExportWriteError(f"{out_path.name}：写入失败（{exc.strerror or exc}）；原文件未改动") from exc
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)


def _read_only(path: Path) -> bool:
    return not path.stat().st_mode & 0o222
