"""Where things live: bundled resources, per-user data and config folders.

One place decides every path so tests and users can redirect them:
GONGWEN_DATA_DIR moves both the data and the config folder (tests use a tmp folder),
GONGWEN_RESOURCES points at another resources folder (a frozen build sets it itself).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from desktop.core.errors import GongwenError, readable

APP_DIR_NAME = "gongwen"


def resources_dir() -> Path:
    """The bundled read-only data: corpus, default bank, profiles, rules."""
    override = os.environ.get("GONGWEN_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def data_dir() -> Path:
    """Per-user data: the user's phrase bank, recovery files. Created when it can be (see `_made`)."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    return _made(path)


def config_dir() -> Path:
    """Per-user configuration: settings, the user's own rule and term files."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    if override:
        path = Path(override) / "config"
    else:
        path = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    return _made(path)


def recovery_dir() -> Path:
    return _made(data_dir() / "recovery")


def _made(path: Path) -> Path:
    """The folder, created if missing. One that cannot be created (a read-only home, a file in the way)
    is still returned: reading finds nothing in it and the program goes on; what must write there says
    so, naming the folder (`writable_dir`)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return path


def writable_dir(path: Path) -> Path:
    """The folder, created if missing, or a GongwenError naming it and the reason when it cannot be
    written."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GongwenError(f"{readable(path)}：文件夹无法创建（{_reason(exc)}），请检查权限或磁盘") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise GongwenError(f"{readable(path)}：文件夹不能写入（没有写入权限），请检查权限")
    return path


def _reason(exc: OSError) -> str:
    import errno

    reasons = {
        errno.EACCES: "没有写入权限",
        errno.EPERM: "没有写入权限",
        errno.EROFS: "所在磁盘只读",
        errno.ENOSPC: "磁盘已满",
        errno.EEXIST: "同名文件占着这个位置",
        errno.ENOTDIR: "路径中有同名文件",
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def bundled_corpus_dir() -> Path:
    return resources_dir() / "corpus"


def default_bank_path() -> Path:
    """The prebuilt, read-only bank mined from the bundled corpus (built by `make bank`)."""
    return resources_dir() / "bank" / "default.sqlite"


def user_bank_path() -> Path:
    return data_dir() / "bank.sqlite"
