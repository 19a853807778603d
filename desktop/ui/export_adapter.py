"""The one place the window talks to Word export and draft import (desktop.core.export).

Imported lazily: python-docx and lxml are not on the start-up path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

PROFILE_LABELS = {"gongwen": "公文格式（GB/T 9704-2012）", "speech": "讲话稿念稿版式"}


@dataclass
class Imported:
    text: str
    warnings: list[str] = field(default_factory=list)


def profiles() -> dict[str, str]:
    """Bundled profile names with their Chinese labels, 公文 first."""
    from desktop.core.export import bundled_profile_names

    names = bundled_profile_names()
    ordered = [n for n in PROFILE_LABELS if n in names] + [n for n in names if n not in PROFILE_LABELS]
    return {name: PROFILE_LABELS.get(name, name) for name in ordered}


def export_docx(text: str, output: Path, profile: str = "gongwen") -> list[str]:
    """Write the draft as .docx at output (atomically); return the export's warnings."""
    from desktop.core.export import export_docx as write
    from desktop.core.export import load_profile

    result = write(text, Path(output), load_profile(profile))
    return list(result.warnings)


def import_draft(path: Path) -> Imported:
    """A .docx (or, through LibreOffice, .doc/.wps) draft as plain text, with what could not be imported."""
    from desktop.core.export import import_draft as read

    draft = read(Path(path))
    return Imported(draft.text, list(draft.warnings))
