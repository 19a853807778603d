"""LibreOffice shows the comments: a commented export and a reviewer's copy, converted to PDF with
comments, carry each comment (author and text) on the page of the text it marks; the render script prints
their text on the pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.export import export_docx, load_profile
from desktop.core.export.comments import AUTHOR, remarks_for
from desktop.core.export.docx_import import import_docx
from desktop.core.export.fonts import FontCatalog
from desktop.core.export.review import write_reviewer_copy
from desktop.core.lint import Linter
from tests.e2e.export.pdf_layout import office_binary, pdf_comments, to_pdfs
from tests.unit.export.review_fixture import COLLEAGUE, build_reviewable

pytestmark = pytest.mark.render
ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "unit" / "export" / "data"


def test_libreoffice_shows_every_comment(tmp_path):
    if not office_binary() or not shutil.which("pdfinfo"):
        pytest.skip("render tests need LibreOffice and poppler (scripts/install-system-deps.sh installs them)")
    text = (DATA / "speech.txt").read_text(encoding="utf-8").rstrip("\n") + "\n四、XX工作要抓好,落实到位\n"
    found = Linter().lint(text).diagnostics
    exported = tmp_path / "导出.docx"
    export_docx(text, exported, load_profile("gongwen"), catalog=FontCatalog(),
                remarks=remarks_for(found))
    original = build_reviewable(tmp_path / "通知.docx")
    draft = import_docx(original, track=True)
    reviewed_found = Linter().lint(draft.text).diagnostics
    reviewed = tmp_path / "审阅.docx"
    write_reviewer_copy(original, draft.source, remarks_for(reviewed_found), reviewed)
    exported_pdf, reviewed_pdf = to_pdfs([exported, reviewed], tmp_path, comments=True)

    shown = pdf_comments(exported_pdf)
    assert sorted(body for _, _, body in shown) == sorted(f"{d.code} {d.message}" for d in found)
    assert all(author.startswith(AUTHOR) for _, author, _ in shown)
    # 讲三点意见 is on page 1, the added fourth section on the last page
    pages = {body.split()[0]: page for page, _, body in shown}
    assert pages["GW105"] == 1 and pages["GW201"] == max(page for page, _, _ in shown) > 1

    shown = pdf_comments(reviewed_pdf)
    bodies = sorted(body for _, _, body in shown)
    assert bodies == sorted([COLLEAGUE] + [f"{d.code} {d.message}" for d in reviewed_found])
    assert sum(1 for _, author, _ in shown if author.startswith(AUTHOR)) == len(reviewed_found)


def test_rendered_pages_show_the_comment_text(tmp_path):
    """scripts/render_docx.sh COMMENTS=1: the text of every comment is printed on the page (a footnote at the
    commented text), not only held in a PDF note that a page image does not show."""
    if not office_binary() or not shutil.which("pdftoppm"):
        pytest.skip("render tests need LibreOffice and poppler (scripts/install-system-deps.sh installs them)")
    draft = tmp_path / "讲话 稿.txt"  # a file name LibreOffice's macro must receive intact
    draft.write_text("关于做好XX工作的讲话\n同志们：\n下面，我讲三点意见。\n一、提高认识\n工作要抓好,落实到位。\n",
                     encoding="utf-8")
    found = Linter().lint(draft.read_text(encoding="utf-8")).diagnostics
    assert {"GW301", "GW105", "GW201"} <= {d.code for d in found}
    out = tmp_path / "out"
    subprocess.run([str(ROOT / "scripts" / "render_docx.sh"), str(draft), "gongwen", str(out), "30"],
                   env={**os.environ, "COMMENTS": "1", "PYTHON": sys.executable}, check=True,
                   capture_output=True, timeout=300)
    pdf = out / "讲话 稿.pdf"
    assert (out / "讲话 稿-1.png").is_file()
    shown = _squeezed(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                     text=True).stdout)
    for d in found:
        assert _squeezed(f"{AUTHOR}：{d.code} {d.message}") in shown, d.code
    assert _squeezed("下面，我讲三点意见") in shown  # the text itself is still there
    # the comments are shown as LibreOffice read them, and no longer also as PDF notes over the marks
    assert pdf_comments(pdf) == []


def _squeezed(text: str) -> str:
    """Text without the spaces and line breaks that pdftotext puts where lines wrap."""
    return "".join(text.split())


def test_a_reviewers_copy_shows_every_comment_on_its_pages(tmp_path):
    """scripts/comments_pdf.py on a reviewer's copy: our comments, in table cells too, and a colleague's."""
    if not office_binary() or not shutil.which("pdftotext"):
        pytest.skip("render tests need LibreOffice and poppler (scripts/install-system-deps.sh installs them)")
    original = build_reviewable(tmp_path / "通知.docx")
    draft = import_docx(original, track=True)
    found = Linter().lint(draft.text).diagnostics
    reviewed = tmp_path / "审阅.docx"
    write_reviewer_copy(original, draft.source, remarks_for(found), reviewed)
    pdf = tmp_path / "审阅.pdf"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "comments_pdf.py"), str(reviewed), str(pdf)],
                   check=True, capture_output=True, timeout=300)
    shown = _squeezed(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                     text=True).stdout)
    for d in found:
        assert _squeezed(f"{AUTHOR}：{d.code} {d.message}") in shown, d.code
    assert _squeezed(COLLEAGUE) in shown
