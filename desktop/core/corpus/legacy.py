"""Convert .doc and .wps files to .docx through LibreOffice, when it is installed.

The file is copied into a private temporary folder under a plain ASCII name (.wps files from WPS Office are
Word 97 documents inside, so they are converted as .doc), LibreOffice runs headless with its own throwaway
profile (so it neither clashes with a running LibreOffice nor touches the user's), and it is stopped after
a time limit.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from desktop.core.corpus.limits import SOFFICE_TIMEOUT_S
from desktop.core.errors import InputError

log = logging.getLogger(__name__)

NO_LIBREOFFICE = "旧版 Word/WPS 文件需要先转换：请安装 LibreOffice，或在 Word/WPS 中“另存为 .docx”后再导入"
_WINDOWS_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MAC_CANDIDATE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (*_WINDOWS_CANDIDATES, _MAC_CANDIDATE):
        if os.path.isfile(candidate):
            return candidate
    return None


def convert_to_docx(path: Path, workdir: Path, timeout: float = SOFFICE_TIMEOUT_S) -> Path:
    """Convert path (.doc/.wps) to a .docx inside workdir and return it; InputError when it cannot."""
    soffice = find_soffice()
    if soffice is None:
        raise InputError(path, NO_LIBREOFFICE)
    source = workdir / "source.doc"
    outdir = workdir / "out"
    outdir.mkdir()
    try:
        shutil.copyfile(path, source)
    except OSError as exc:
        raise InputError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    command = [
        soffice,
        f"-env:UserInstallation={(workdir / 'profile').resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(outdir),
        str(source),
    ]
    _run(path, command, timeout)
    result = outdir / "source.docx"
    if not result.is_file() or result.stat().st_size == 0:
        raise InputError(path, "LibreOffice 无法转换此文件（文件可能已损坏，或不是 Word/WPS 文档）")
    return result


def _run(path: Path, command: list[str], timeout: float) -> None:
    popen_options: dict = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    if sys.platform != "win32":
        popen_options["start_new_session"] = True  # its own process group, so a timeout stops it whole
    try:
        process = subprocess.Popen(command, **popen_options)
    except OSError as exc:
        raise InputError(path, f"无法启动 LibreOffice（{exc.strerror or exc}）") from exc
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise InputError(path, f"LibreOffice 转换超时（超过 {timeout:.0f} 秒），已放弃") from None
    if process.returncode != 0:
        log.warning("soffice exited %s on %s: %s", process.returncode, path, stderr.decode(errors="replace"))


def _stop(process: subprocess.Popen) -> None:
    try:
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.communicate()
