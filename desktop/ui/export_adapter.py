"""The one place the window talks to Word export and .docx import.

`desktop.core.export` is used when it is installed. Until then an interim writer puts the draft's
paragraphs into a .docx with the title centred and headings bold, and the importer reads body
paragraphs, so that 导出Word and 打开 .docx work end to end. python-docx is imported lazily: it is
not on the start-up path.
"""

from __future__ import annotations

import importlib
import logging
import os
import tempfile
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.files import atomic_write_bytes

log = logging.getLogger(__name__)

PROFILES = {"gongwen": "公文格式（GB/T 9704-2012）", "speech": "讲话稿念稿版式"}


def _export_module():
    try:
        return importlib.import_module("desktop.core.export")
    except ImportError:
        return None


def profiles() -> dict[str, str]:
    module = _export_module()
    names = getattr(module, "PROFILE_NAMES", None) if module else None
    return dict(names) if names else dict(PROFILES)


def export_docx(text: str, output: Path, profile: str = "gongwen") -> Path:
    """Write the draft as .docx at output (atomically); return the path."""
    output = Path(output)
    module = _export_module()
    export_text = getattr(module, "export_text", None) if module else None
    if export_text is not None:
        export_text(text, output, profile=profile)
        return output
    return _interim_export(text, output)


def import_docx(path: Path) -> str:
    """The plain text of a .docx draft, one paragraph a line."""
    module = _export_module()
    reader = getattr(module, "import_docx", None) if module else None
    if reader is not None:
        result = reader(Path(path))
        return getattr(result, "text", result)
    try:
        import docx  # noqa: PLC0415 - kept off the start-up path
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputError(path, "缺少 python-docx，无法读取 Word 文件") from exc
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(path, "不是有效的 Word（.docx）文件或文件已损坏") from exc
    return "\n".join(p.text for p in document.paragraphs)


def _interim_export(text: str, output: Path) -> Path:
    import docx  # noqa: PLC0415
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    from desktop.core.outline import BlockKind, parse_outline  # noqa: PLC0415

    outline = parse_outline(text)
    document = docx.Document()
    for block in outline.blocks:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text[block.start:block.end].strip())
        if block.kind is BlockKind.TITLE:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
        elif block.heading is not None and not block.heading.run_in:
            run.bold = True
    fd, tmp = tempfile.mkstemp(suffix=".docx")
    os.close(fd)
    try:
        document.save(tmp)
        atomic_write_bytes(output, Path(tmp).read_bytes())
    finally:
        Path(tmp).unlink(missing_ok=True)
    return output
