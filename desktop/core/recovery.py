"""Recovery copies of unsaved drafts, kept in the user data folder until the window closes cleanly.

Each running window writes one JSON file, `<session>.json`, atomically. A clean exit deletes it; a
file still there at the next start is what a crash left behind. Files of windows that are still
running (their process is alive) are not offered.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.core.files import atomic_write_bytes
from desktop.core.paths import writable_dir

log = logging.getLogger(__name__)


@dataclass
class RecoveryEntry:
    session: str
    text: str
    saved_at: str  # ISO 8601, local time
    path: str | None = None  # the file the draft belongs to, None for an untitled draft
    pid: int = 0
    ignores: list[dict] = field(default_factory=list)  # the draft's 忽略此处 list: {code, snippet, context}

    @property
    def first_line(self) -> str:
        return next((line.strip() for line in self.text.split("\n") if line.strip()), "（空白文稿）")

    @property
    def saved_time(self) -> datetime:
        return datetime.fromisoformat(self.saved_at)


def new_session_id() -> str:
    return f"{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}"


def _process_alive(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    if os.name != "posix":
        return False  # no safe probe without extra libraries; offering a live window's copy is harmless
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class RecoveryStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)  # made when first written: a read-only data folder must not stop a window

    def path_for(self, session: str) -> Path:
        return self.folder / f"{session}.json"

    def write(self, entry: RecoveryEntry) -> Path:
        path = writable_dir(self.folder) / f"{entry.session}.json"
        atomic_write_bytes(path, json.dumps(asdict(entry), ensure_ascii=False, indent=1).encode("utf-8"))
        return path

    def remove(self, session: str) -> None:
        try:
            self.path_for(session).unlink()
        except FileNotFoundError:
            pass

    def leftovers(self, own_session: str | None = None) -> list[RecoveryEntry]:
        """Entries left by windows that did not close cleanly, newest first."""
        entries = []
        for path in self.folder.glob("*.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                entry = RecoveryEntry(**data)
                _ = entry.saved_time  # validates the timestamp
            except (OSError, ValueError, TypeError) as exc:
                log.warning("unreadable recovery file %s: %s", path, exc)
                continue
            if entry.session == own_session or _process_alive(entry.pid):
                continue
            entries.append(entry)
        entries.sort(key=lambda e: e.saved_at, reverse=True)
        return entries
