"""Render a .docx with LibreOffice and read positions back with poppler (pdfinfo, pdftotext -bbox)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

PT_PER_MM = 72 / 25.4
TWIPS_PER_PT = 20


def office_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# Word comments into the PDF: in the page margin where LibreOffice can (7.5 and later), and as PDF
# comments (annotations holding the author and text) in any case.
PDF_WITH_COMMENTS = ('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
                     '"ExportNotesInMargin":{"type":"boolean","value":"true"}}')


def to_pdf(docx: Path, out_dir: Path, *, comments: bool = False) -> Path:
    return to_pdfs([docx], out_dir, comments=comments)[0]


def to_pdfs(docx_files: list[Path], out_dir: Path, *, comments: bool = False) -> list[Path]:
    """Convert in one LibreOffice run, with a private profile so parallel or earlier runs cannot interfere."""
    profile = out_dir / "lo-profile"
    subprocess.run(
        [office_binary() or "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", PDF_WITH_COMMENTS if comments else "pdf", "--outdir", str(out_dir), *map(str, docx_files)],
        check=True, capture_output=True, timeout=300,
    )
    pdfs = [out_dir / (docx.stem + ".pdf") for docx in docx_files]
    for pdf in pdfs:
        assert pdf.is_file(), f"LibreOffice wrote no {pdf.name}"
    return pdfs


@dataclass(frozen=True)
class Word:
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str


@dataclass(frozen=True)
class Line:
    words: list[Word]

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words)

    @property
    def x_min(self) -> float:
        return min(w.x_min for w in self.words)

    @property
    def x_max(self) -> float:
        return max(w.x_max for w in self.words)

    @property
    def y_min(self) -> float:
        return min(w.y_min for w in self.words)

    @property
    def y_max(self) -> float:
        return max(w.y_max for w in self.words)

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def page_info(pdf: Path) -> tuple[int, float, float]:
    """Number of pages and the first page's size in points."""
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M).groups())
    return pages, width, height


def page_lines(pdf: Path, page: int) -> list[Line]:
    """Words of one page (1-based) grouped into lines by their baseline box, top to bottom."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    words = [Word(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")),
                  w.text or "")
             for w in root.iter("{http://www.w3.org/1999/xhtml}word")]
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.y_max, w.x_min)):
        if lines and abs(lines[-1][0].y_max - word.y_max) < 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [Line(sorted(ws, key=lambda w: w.x_min)) for ws in lines]


def pdf_comments(pdf: Path) -> list[tuple[int, str, str]]:
    """(page, author, text) of each comment LibreOffice wrote into the PDF, in page order."""
    import pypdf

    out = []
    for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Text":
                out.append((number, str(annotation.get("/T", "")), str(annotation.get("/Contents", ""))))
    return out
