"""忽略此处: findings the writer dismissed, remembered with the document.

A dismissed finding is keyed by its rule code, the flagged text and a few characters on either side,
so it stays dismissed while the rest of the draft moves around it, and comes back if that very spot
is rewritten. The list is stored in the user data folder (state/<hash of the path>.json), not beside
the draft: drafts often sit in shared or read-only folders and travel by mail, where a sidecar file
would be lost or confuse colleagues. Untitled drafts keep theirs in memory and in the recovery copy.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop.core.files import atomic_write_bytes

log = logging.getLogger(__name__)

CONTEXT = 6  # characters of context on each side


@dataclass(frozen=True)
class IgnoreKey:
    code: str
    text: str
    before: str
    after: str

    @classmethod
    def at(cls, text: str, code: str, offset: int, length: int) -> IgnoreKey:
        return cls(
            code,
            text[offset : offset + length],
            text[max(0, offset - CONTEXT) : offset],
            text[offset + length : offset + length + CONTEXT],
        )


class IgnoreStore:
    """Reads and writes the ignore lists of documents, one small JSON file per document path."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _file(self, document: Path) -> Path:
        digest = hashlib.sha1(str(Path(document).resolve()).encode("utf-8")).hexdigest()[:16]
        return self.folder / f"{digest}.json"

    def load(self, document: Path) -> set[IgnoreKey]:
        path = self._file(document)
        if not path.exists():
            return set()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return {IgnoreKey(**item) for item in data.get("ignores", [])}
        except (OSError, ValueError, TypeError) as exc:
            log.warning("unreadable ignore list %s: %s", path, exc)
            return set()

    def save(self, document: Path, keys: set[IgnoreKey]) -> None:
        path = self._file(document)
        if not keys:
            path.unlink(missing_ok=True)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {"path": str(Path(document).resolve()), "ignores": [asdict(k) for k in sorted(keys, key=repr)]}
        atomic_write_bytes(path, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))


def keys_to_json(keys: set[IgnoreKey]) -> list[dict]:
    return [asdict(k) for k in sorted(keys, key=repr)]


def keys_from_json(items: list[dict]) -> set[IgnoreKey]:
    return {IgnoreKey(**item) for item in items}
