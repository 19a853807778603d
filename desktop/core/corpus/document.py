"""A corpus document after reading and cleaning."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from desktop.core.corpus.decode import read_text_file


@dataclass(frozen=True)
class CleanDocument:
    path: Path
    name: str  # the file name the user knows it by
    title: str
    text: str  # cleaned text, one paragraph a line
    content_hash: str  # sha256 of the file's bytes: unchanged files are skipped by it
    encoding: str

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]


def read_document(path: str | Path) -> CleanDocument:
    path = Path(path)
    decoded = read_text_file(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    lines = [line.strip() for line in decoded.text.split("\n") if line.strip()]
    title = lines[0] if lines else path.stem
    return CleanDocument(path, path.name, title, "\n".join(lines), digest, decoded.encoding)
