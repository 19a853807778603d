"""LibreOffice shows the comments: a commented export and a reviewer's copy, converted to PDF with
comments, carry each comment (author and text) on the page of the text it marks."""

from __future__ import annotations

import shutil
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
DATA = Path(__file__).resolve().parents[2] / "unit" / "export" / "data"


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
