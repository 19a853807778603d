"""What the 关于 dialog shows: version, where the user's data and settings live, which banks are in use.

The dialog (desktop/ui) calls `about_info()` and shows `about_lines()`; no Qt here.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop import APP_TITLE, __version__
from desktop.core import paths


@dataclass(frozen=True)
class BankInfo:
    role: str  # "default" (bundled, read-only), "user" (per-user), or "chosen" (--bank / opened by the user)
    path: Path
    exists: bool


@dataclass(frozen=True)
class AboutInfo:
    title: str
    version: str
    data_dir: Path
    config_dir: Path
    resources_dir: Path
    banks: tuple[BankInfo, ...]
    frozen: bool
    python_version: str


_ROLE_LABELS = {"default": "内置素材库", "user": "个人素材库", "chosen": "当前素材库"}


def default_bank_in_use() -> Path:
    """The bundled default bank, or the copy built into the data folder where the bundle lacks one."""
    bundled = paths.default_bank_path()
    if bundled.is_file():
        return bundled
    from desktop.core.bank.banks import FALLBACK_DEFAULT_NAME

    return paths.data_dir() / FALLBACK_DEFAULT_NAME


def about_info(chosen_bank: Path | None = None) -> AboutInfo:
    """Collect the facts; `chosen_bank` is a bank the user opened instead of the usual pair."""
    candidates = [("default", default_bank_in_use()), ("user", paths.user_bank_path())]
    if chosen_bank is not None:
        candidates.insert(0, ("chosen", Path(chosen_bank)))
    banks = tuple(BankInfo(role, path, path.is_file()) for role, path in candidates)
    return AboutInfo(
        title=APP_TITLE,
        version=__version__,
        data_dir=paths.data_dir(),
        config_dir=paths.config_dir(),
        resources_dir=paths.resources_dir(),
        banks=banks,
        frozen=bool(getattr(sys, "frozen", False)),
        python_version=platform.python_version(),
    )


def about_lines(info: AboutInfo) -> list[str]:
    """The dialog's text, one line per fact, in Chinese."""
    lines = [
        f"{info.title} {info.version}",
        f"数据文件夹：{info.data_dir}",
        f"设置文件夹：{info.config_dir}",
    ]
    for bank in info.banks:
        state = "" if bank.exists else "（尚未创建）" if bank.role == "user" else "（缺失）"
        lines.append(f"{_ROLE_LABELS[bank.role]}：{bank.path}{state}")
    lines.append(f"运行环境：Python {info.python_version}{'，安装版' if info.frozen else ''}")
    return lines
