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
    """Per-user data: the user's phrase bank, recovery files."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Per-user configuration: settings, the user's own rule and term files."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    if override:
        path = Path(override) / "config"
    else:
        path = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    path = data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundled_corpus_dir() -> Path:
    return resources_dir() / "corpus"


def default_bank_path() -> Path:
    """The prebuilt, read-only bank mined from the bundled corpus (built by `make bank`)."""
    return resources_dir() / "bank" / "default.sqlite"


def user_bank_path() -> Path:
    return data_dir() / "bank.sqlite"
