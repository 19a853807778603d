"""Golden test of the .docx XML: unzip, pretty-print the parts that carry the layout, compare with
references in reference/<profile>/. Volatile lines (revision ids, document id) are skipped.

After an intended change, regenerate with GONGWEN_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import difflib
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from desktop.core.export import export_docx, load_profile
from tests.unit.export.conftest import DATA, FIXED_TIME

REFERENCE = Path(__file__).resolve().parent / "reference"
PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml",
         "word/fontTable.xml")
_VOLATILE_ATTR = re.compile(r'\s(?:w:rsid\w*|w14:paraId|w14:textId)="[^"]*"')
_VOLATILE_LINE = re.compile(r"w14:docId|<w:rsid\b|dcterms:(?:created|modified)")


def pretty(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    text = etree.tostring(root, pretty_print=True, encoding="unicode")
    lines = [_VOLATILE_ATTR.sub("", line) for line in text.splitlines()]
    return [line for line in lines if not _VOLATILE_LINE.search(line)]


@pytest.mark.parametrize("profile_name", ["gongwen", "speech"])
def test_docx_xml_matches_reference(tmp_path, speech_text, no_fonts, profile_name):
    out = tmp_path / "out.docx"
    export_docx(speech_text, out, load_profile(profile_name), catalog=no_fonts, created=FIXED_TIME)
    with zipfile.ZipFile(out) as package:
        names = set(package.namelist())
        assert set(PARTS) <= names
        produced = {part: pretty(package.read(part)) for part in PARTS}
    folder = REFERENCE / profile_name
    if os.environ.get("GONGWEN_UPDATE_GOLDEN"):
        for part, lines in produced.items():
            target = folder / Path(part).name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for part, lines in produced.items():
        reference = (folder / Path(part).name).read_text(encoding="utf-8").splitlines()
        diff = list(difflib.unified_diff(reference, lines, "reference", "produced", lineterm="", n=1))
        assert not diff, f"{profile_name}/{part} differs from the reference:\n" + "\n".join(diff[:60])


@pytest.mark.parametrize("profile_name", ["gongwen", "speech"])
def test_edge_case_paragraphs_match_reference(tmp_path, no_fonts, profile_name):
    """Tabs, spaces that need xml:space, a run-in heading with nothing after its 。, a split title, a blank
    line of a tab, control characters from a PDF copy: the paragraphs are the XML python-docx's
    add_paragraph wrote for them (the references were made by it, before export built the body itself)."""
    text = (DATA / "edge_cases.txt").read_text(encoding="utf-8") + "从 PDF 复制的\x0c控制\x01字符\n"
    out = tmp_path / "out.docx"
    result = export_docx(text, out, load_profile(profile_name), catalog=no_fonts, created=FIXED_TIME)
    assert any("2 个不可见的控制字符" in w for w in result.warnings)
    with zipfile.ZipFile(out) as package:
        produced = pretty(package.read("word/document.xml"))
    target = REFERENCE / f"edge_{profile_name}" / "document.xml"
    if os.environ.get("GONGWEN_UPDATE_GOLDEN"):
        target.write_text("\n".join(produced) + "\n", encoding="utf-8")
    reference = target.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(reference, produced, "reference", "produced", lineterm="", n=1))
    assert not diff, f"edge_{profile_name}/document.xml differs from the reference:\n" + "\n".join(diff[:60])
