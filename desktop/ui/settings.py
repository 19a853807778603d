"""The window's settings: a typed dataclass stored as JSON in the config folder (paths.config_dir())."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from desktop.core import paths
from desktop.core.textstats import DEFAULT_RATE

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
MAX_RECENT = 10


@dataclass
class Settings:
    font_family: str = ""  # empty: the first installed of a list of Chinese fonts
    font_size: int = 14
    speaking_rate: int = DEFAULT_RATE  # 字/分钟
    autosave_seconds: int = 30
    export_profile: str = "gongwen"
    disabled_rules: list[str] = field(default_factory=list)
    recent_files: list[str] = field(default_factory=list)
    lint_delay_ms: int = 400  # pause in typing before the draft is re-checked
    completion_chord: str = "Alt+/"  # opens the phrase completion popup; never an IME chord
    palette_chord: str = "Ctrl+K"  # opens the phrase palette

    def add_recent(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in data.items() if k in known})
    settings.speaking_rate = max(60, min(600, int(settings.speaking_rate)))
    settings.autosave_seconds = max(1, int(settings.autosave_seconds))
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    from desktop.core.files import atomic_write_bytes  # tempfile and hashlib: not needed to start

    path = path or settings_path()
    paths.writable_dir(path.parent)  # a read-only config folder: the message names it
    atomic_write_bytes(path, json.dumps(asdict(settings), ensure_ascii=False, indent=1).encode("utf-8"))
