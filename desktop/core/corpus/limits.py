"""Size limits for corpus files and drafts, checked before anything is read or decompressed.

A speech is tens of kilobytes; a whole year's collection in one file is a few megabytes. The limits leave
room for that and refuse what would only exhaust memory (a 50 MB text file, a zip bomb).
"""

from __future__ import annotations

MB = 1024 * 1024

# Plain text (.txt): read whole, decoded and cleaned in memory.
MAX_TEXT_BYTES = 16 * MB
# .docx/.pdf/.doc/.wps files on disk.
MAX_OFFICE_BYTES = 64 * MB
# One XML part of a .docx after decompression, as its zip directory declares it.
MAX_DOCX_PART_BYTES = 32 * MB
# All members of a .docx together, as declared.
MAX_DOCX_TOTAL_BYTES = 512 * MB
# Declared uncompressed size over compressed size; Word's XML compresses about 5–20 times.
MAX_DOCX_RATIO = 200
MAX_DOCX_MEMBERS = 10_000
# Pages read from a PDF.
MAX_PDF_PAGES = 2_000
# Seconds LibreOffice may take to convert one .doc/.wps.
SOFFICE_TIMEOUT_S = 120


def format_size(size: int) -> str:
    """A size as a writer reads it: 512 字节, 28.6 KB, 50.0 MB."""
    if size < 1024:
        return f"{size} 字节"
    if size < MB:
        return f"{size / 1024:.1f} KB"
    return f"{size / MB:.1f} MB"
