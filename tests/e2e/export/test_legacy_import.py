"""A .doc draft (Word 97, also what WPS saves as .wps) is opened through LibreOffice like a .docx."""

from __future__ import annotations

import subprocess

import pytest

from desktop.core.export import export_docx, import_draft, load_profile
from desktop.core.export.fonts import FontCatalog
from tests.e2e.export.pdf_layout import office_binary
from tests.e2e.export.test_export_render import DATA


@pytest.mark.render
def test_doc_draft_reads_like_its_docx(tmp_path):
    if office_binary() is None:
        pytest.skip("LibreOffice is needed to make and read .doc files (scripts/install-system-deps.sh)")
    text = (DATA / "speech.txt").read_text(encoding="utf-8")
    docx = tmp_path / "讲话.docx"
    export_docx(text, docx, load_profile("gongwen"), catalog=FontCatalog())
    subprocess.run([office_binary(), f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    draft = import_draft(tmp_path / "讲话.doc")
    assert draft.kind == "doc"
    assert draft.text == text.strip()
