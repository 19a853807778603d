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


@dataclass(frozen=True)
class Comment:
    """An open finding to write into the export as a Word comment."""

    code: str
    message: str
    offset: int
    length: int


class SaidOnce:
    """Warnings that stay the same from export to export (the missing fonts) are said once while the
    program runs; the export dialog's 字体 button shows the fonts again."""

    def __init__(self) -> None:
        self._said: set[str] = set()

    def new(self, warnings: list[str]) -> list[str]:
        from desktop.core.export.docx_writer import MISSING_FONTS

        out = []
        for warning in warnings:
            if warning.startswith(MISSING_FONTS):
                if warning in self._said:
                    continue
                self._said.add(warning)
            out.append(warning)
        return out


said_once = SaidOnce()


def profiles() -> dict[str, str]:
    """Bundled profile names with their Chinese labels, 公文 first."""
    from desktop.core.export import bundled_profile_names

    names = bundled_profile_names()
    ordered = [n for n in PROFILE_LABELS if n in names] + [n for n in names if n not in PROFILE_LABELS]
    return {name: PROFILE_LABELS.get(name, name) for name in ordered}


def export_docx(text: str, output: Path, profile: str = "gongwen", comments: tuple[Comment, ...] = ()) -> list[str]:
    """Write the draft as .docx at output (atomically), the comments anchored on their spans; return the
    export's warnings."""
    from desktop.core.export import export_docx as write
    from desktop.core.export import load_profile
    from desktop.core.export.comments import remarks_for

    result = write(text, Path(output), load_profile(profile), remarks=remarks_for(comments))
    return list(result.warnings)


def file_names(stem: str) -> dict[str, str]:
    """The file name each bundled profile proposes for a draft: 讲话.docx, 讲话（念稿）.docx."""
    from desktop.core.export import load_profile
    from desktop.core.export.profile import output_name

    return {name: output_name(stem, load_profile(name)) for name in profiles()}


def font_report(profile: str) -> list[str]:
    """The fonts the profile uses and whether this computer has them (for the 字体 button)."""
    from desktop.core.export import load_profile
    from desktop.core.export.docx_writer import font_report as report

    return report(load_profile(profile))


def import_draft(path: Path) -> Imported:
    """A .docx (or, through LibreOffice, .doc/.wps) draft as plain text, with what could not be imported."""
    from desktop.core.export import import_draft as read

    draft = read(Path(path))
    return Imported(draft.text, list(draft.warnings))
