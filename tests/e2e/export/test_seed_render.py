"""Every bundled seed, cleaned as the corpus reader cleans it, exported and printed by LibreOffice:
A4 pages, every line on the 22-line grid, "— N —" on the outer side (the text coming back on import is
tested in tests/unit/export/test_import.py).

All seeds are converted in one LibreOffice run for the module.
"""

from __future__ import annotations

import shutil

import pytest

from desktop.core.corpus import read_document
from desktop.core.export import export_docx, load_profile
from desktop.core.export.fonts import FontCatalog
from tests.e2e.export.pdf_layout import PT_PER_MM, office_binary, page_info, page_lines, to_pdfs

pytestmark = pytest.mark.render
MM = PT_PER_MM


@pytest.fixture(scope="module")
def seed_exports(tmp_path_factory):
    from tests.conftest import SEEDS_DIR

    if office_binary() is None or shutil.which("pdftotext") is None:
        pytest.skip("render tests need LibreOffice and poppler-utils (scripts/install-system-deps.sh)")
    out = tmp_path_factory.mktemp("seeds")
    profile = load_profile("gongwen")
    items = []
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        text = read_document(seed).text
        docx = out / (seed.stem + ".docx")
        export_docx(text, docx, profile, catalog=FontCatalog())
        items.append((seed.name, text, docx))
    pdfs = to_pdfs([docx for _, _, docx in items], out)
    return profile, [(name, text, docx, pdf) for (name, text, docx), pdf in zip(items, pdfs)]


def test_seed_pages_keep_the_grid_and_page_numbers(seed_exports):
    profile, items = seed_exports
    top = profile.page.margin_top / 20
    bottom = (profile.page.height - profile.page.margin_bottom) / 20
    pitch = profile.line_pitch / 20
    right, left = (profile.page.width - profile.page.margin_right) / 20, profile.page.margin_left / 20
    assert len(items) == 5
    for name, _, _, pdf in items:
        pages, width, height = page_info(pdf)
        assert pages >= 2 and abs(width - 210 * MM) < 1 and abs(height - 297 * MM) < 1, name
        for page in range(1, pages + 1):
            lines = page_lines(pdf, page)
            body = [line for line in lines if line.y_max <= bottom + 1]
            assert 0 < len(body) <= 22, (name, page)
            for line in body:  # each line's box ends on a grid line: nothing is off the 22-line grid
                rows = (line.y_max - top) / pitch
                assert abs(rows - round(rows)) * pitch < 1 * MM, (name, page, line.text[:20], rows)
            number = lines[-1]
            assert number.text.replace(" ", "") == f"—{page}—", (name, page, number.text)
            if page % 2:
                assert abs(number.x_max - (right - 14)) < 1 * MM, (name, page)
            else:
                assert abs(number.x_min - (left + 14)) < 1 * MM, (name, page)

