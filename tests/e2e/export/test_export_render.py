"""The export as LibreOffice prints it: A4, 22 lines × 28 characters, margins, page numbers, title size.

Each profile is converted once per module (a conversion costs a second or two); the tests read the PDF.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.export import export_docx, load_profile
from desktop.core.export.fonts import FontCatalog
from tests.e2e.export.pdf_layout import PT_PER_MM, Line, office_binary, page_info, page_lines, to_pdf

pytestmark = pytest.mark.render

DATA = Path(__file__).resolve().parents[2] / "unit" / "export" / "data"
MM = PT_PER_MM
PUNCTUATION = set("，。、；：？！“”（）《》—")


@pytest.fixture(scope="module")
def draft_text() -> str:
    speech = (DATA / "speech.txt").read_text(encoding="utf-8")
    grid_body = (DATA / "grid.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    return speech + grid_body


def _render(tmp_path_factory, text: str, profile_name: str):
    missing = [tool for tool, found in (("LibreOffice", office_binary()), ("pdftotext", shutil.which("pdftotext")),
                                        ("pdfinfo", shutil.which("pdfinfo"))) if not found]
    if missing:
        pytest.skip(f"render tests need {', '.join(missing)} (scripts/install-system-deps.sh installs them)")
    out = tmp_path_factory.mktemp(f"render-{profile_name}")
    profile = load_profile(profile_name)
    docx = out / f"{profile_name}.docx"
    export_docx(text, docx, profile, catalog=FontCatalog())  # fonts named by the profile, as on a bare machine
    return to_pdf(docx, out), profile


@pytest.fixture(scope="module")
def gongwen_pdf(tmp_path_factory, draft_text):
    return _render(tmp_path_factory, draft_text, "gongwen")


@pytest.fixture(scope="module")
def speech_pdf(tmp_path_factory, draft_text):
    return _render(tmp_path_factory, draft_text, "speech")


def _geometry(profile):
    page = profile.page
    return {
        "left": page.margin_left / 20, "right": (page.width - page.margin_right) / 20,
        "top": page.margin_top / 20, "bottom": (page.height - page.margin_bottom) / 20,
        "pitch": profile.line_pitch / 20,
    }


def _body_lines(pdf: Path, page: int, profile) -> list[Line]:
    bottom = _geometry(profile)["bottom"]
    return [line for line in page_lines(pdf, page) if line.y_max <= bottom + 1]


def test_pages_are_a4(gongwen_pdf):
    pdf, _ = gongwen_pdf
    pages, width, height = page_info(pdf)
    assert pages >= 3
    assert abs(width - 210 * MM) < 1 and abs(height - 297 * MM) < 1


def test_full_body_page_holds_22_lines_of_28_characters(gongwen_pdf):
    pdf, profile = gongwen_pdf
    geo = _geometry(profile)
    lines = _body_lines(pdf, 2, profile)
    assert len(lines) == 22, [line.text for line in lines]
    # lines starting at the margin and filled to the right margin are full lines of the grid
    full = [line for line in lines if abs(line.x_max - geo["right"]) < 1 * MM and abs(line.x_min - geo["left"]) < 1 * MM]
    assert len(full) >= 12
    counts = Counter(len(line.text) for line in full)
    assert set(counts) == {28}, counts
    # the first line of a paragraph is indented two characters and holds 26
    indented = [line for line in lines if line.x_min > geo["left"] + 20 and abs(line.x_max - geo["right"]) < 1 * MM]
    assert indented and all(len(line.text) == 26 for line in indented)
    # line pitch is the profile's (28.95 pt): 21 gaps between 22 baselines
    span = lines[-1].y_max - lines[0].y_max
    assert abs(span - 21 * geo["pitch"]) < 1 * MM


def test_first_line_sits_at_the_top_and_left_margins(gongwen_pdf):
    pdf, profile = gongwen_pdf
    geo = _geometry(profile)
    first = _body_lines(pdf, 2, profile)[0]
    # exact line spacing: the text box sits on the bottom of its line, which is one pitch tall
    line_top = first.y_max - geo["pitch"]
    assert abs(line_top - geo["top"]) < 1 * MM, (line_top, geo["top"])
    lefts = [line.x_min for line in _body_lines(pdf, 2, profile) if line.x_min < geo["left"] + 10]
    assert lefts and all(abs(x - geo["left"]) < 1 * MM for x in lefts)


def test_page_numbers_odd_right_even_left_with_a_character_gap(gongwen_pdf):
    pdf, profile = gongwen_pdf
    geo = _geometry(profile)
    gap = profile.page_number.size  # one character of the 14 pt page number
    odd = page_lines(pdf, 1)[-1]
    even = page_lines(pdf, 2)[-1]
    assert odd.text.replace(" ", "") == "—1—"
    assert even.text.replace(" ", "") == "—2—"
    assert abs(odd.x_max - (geo["right"] - gap)) < 1 * MM, odd
    assert abs(even.x_min - (geo["left"] + gap)) < 1 * MM, even
    # the page-number line starts 7 mm below the type area (GB/T 9704 7.5)
    for number in (odd, even):
        assert abs(number.y_min - (geo["bottom"] + 7 * MM)) < 1.5 * MM, number.y_min - geo["bottom"]
    assert number.height < 0.9 * page_lines(pdf, 2)[0].height  # 14 pt, smaller than the 16 pt body


def test_title_is_larger_and_centred(gongwen_pdf):
    pdf, profile = gongwen_pdf
    geo = _geometry(profile)
    lines = page_lines(pdf, 1)
    title = lines[0]
    body = next(line for line in lines if line.text.startswith("今天召开"))
    assert title.height > 1.3 * body.height  # 22 pt against 16 pt
    centre = (geo["left"] + geo["right"]) / 2
    assert abs((title.x_min + title.x_max) / 2 - centre) < 2 * MM
    assert len(title.text) <= 20 and title.text.startswith("在2026年")


def test_speech_profile_is_set_larger_and_looser(speech_pdf, gongwen_pdf):
    pdf, profile = speech_pdf
    geo = _geometry(profile)
    lines = _body_lines(pdf, 2, profile)
    assert len(lines) <= profile.page.text_height // profile.line_pitch  # 17 lines at 36 pt
    gaps = [b.y_max - a.y_max for a, b in zip(lines, lines[1:])]
    assert gaps and all(abs(gap - geo["pitch"]) < 0.5 for gap in gaps)
    assert lines[0].height > 1.25 * _body_lines(gongwen_pdf[0], 2, gongwen_pdf[1])[0].height  # 22 pt against 16
    full = [line for line in lines if abs(line.x_min - geo["left"]) < 1 * MM and abs(line.x_max - geo["right"]) < 1 * MM]
    assert full and all(len(line.text) <= 21 for line in full)  # about 20 characters a line


def test_reading_copy_never_turns_a_page_inside_a_paragraph_or_after_a_heading(speech_pdf):
    """Every page after the first begins with the first line of a paragraph (indented two characters),
    and no page ends on a heading or on 同志们：."""
    pdf, profile = speech_pdf
    geo = _geometry(profile)
    indent = 2 * profile.body.size
    pages = page_info(pdf)[0]
    assert pages >= 3
    heading = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
    for page in range(1, pages + 1):
        lines = _body_lines(pdf, page, profile)
        if page > 1:
            assert abs(lines[0].x_min - (geo["left"] + indent)) < 1 * MM, (page, lines[0].text)
        if page < pages:
            last = lines[-1].text
            assert not (heading.match(last) and not last.endswith("。")) and last != "同志们：", (page, last)


def test_date_line_centred_and_salutation_flush_left(gongwen_pdf):
    pdf, profile = gongwen_pdf
    geo = _geometry(profile)
    lines = page_lines(pdf, 1)
    date = next(line for line in lines if line.text.startswith("（2026"))
    salutation = next(line for line in lines if line.text == "同志们：")
    centre = (geo["left"] + geo["right"]) / 2
    assert abs((date.x_min + date.x_max) / 2 - centre) < 2 * MM
    assert abs(salutation.x_min - geo["left"]) < 1 * MM
    # one blank grid line between the title block and the salutation
    assert abs(salutation.y_max - date.y_max - 2 * geo["pitch"]) < 1 * MM
