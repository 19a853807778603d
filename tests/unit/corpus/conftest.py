"""Fixtures for the corpus tests: real .docx files built with python-docx, LibreOffice conversions."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from desktop.core.corpus.chars import width
from desktop.core.corpus.legacy import find_soffice
from tests.conftest import SEEDS_DIR

# Real speech text (seed 000), used wherever a test needs genuine Chinese prose.
SPEECH_LINES = (
    "在市政府重点工作推进会上的讲话",
    "同志们：",
    "今天召开这次会议，主要目的是认真贯彻落实省委、省政府和市委精神，围绕全年工作目标和经济运行中存在的"
    "突出问题，以及下步需要完成的重点工作进行安排部署，确保实现全年经济社会发展目标。",
    "二、在创新工作方式方法中加快落实。一是要在统筹兼顾中抓住主要矛盾。要学会统筹兼顾，学会弹钢琴，"
    "善于在统筹兼顾中抓住主要矛盾，在破解难题中寻找到问题症结、创新方式方法，确保各项工作齐头并进、落地见效。",
    "同志们，严峻的形势，诸多的困难，更需要我们坚定发展信心，以连续作战、务求实效的工作作风，认真抓好工作落实。",
)


def seed_text(prefix: str) -> str:
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def wrap(paragraph: str, line_width: int, indent: bool) -> list[str]:
    """Fill lines up to line_width cells (ASCII half a cell), never breaking inside a number, as Word does."""
    lines, current, limit = [], "", line_width - (2 if indent else 0)
    for char in paragraph:
        if current and width(current + char) > limit:
            cut = len(current)
            while cut > 1 and current[cut - 1].isascii() and current[cut - 1].isalnum() and char.isascii():
                cut -= 1  # carry the start of a number over to the next line
            lines.append(current[:cut])
            current, limit = current[cut:], line_width
        current += char
    return [*lines, current]


@pytest.fixture
def make_docx(tmp_path) -> Callable[..., Path]:
    """Build a real .docx: paragraphs, then an optional table (rows of cell texts), then more paragraphs."""

    def build(
        name: str = "speech.docx",
        paragraphs: tuple[str, ...] = SPEECH_LINES,
        table: tuple[tuple[str, ...], ...] = (),
        after: tuple[str, ...] = (),
    ) -> Path:
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, cells in zip(grid.rows, table, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
        for text in after:
            document.add_paragraph(text)
        path = tmp_path / name
        document.save(path)
        return path

    return build


@pytest.fixture(scope="session")
def soffice() -> str:
    found = find_soffice()
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed; scripts/install-system-deps.sh installs it")
    return found


@pytest.fixture(scope="session")
def converted(soffice, tmp_path_factory) -> Callable[[Path, str], Path]:
    """Convert a file with LibreOffice (the way a user's office suite would produce it): path, format."""

    def convert(source: Path, target_format: str) -> Path:
        workdir = tmp_path_factory.mktemp("soffice")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                target_format,
                "--outdir",
                str(workdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        (result,) = [
            p for p in workdir.iterdir() if p.is_file() and p.suffix == f".{target_format.split(':')[0]}"
        ]
        return result

    return convert
