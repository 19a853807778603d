"""Read a PDF's text through the optional dependency pypdf (extra `pdf`), then restore its paragraphs."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from desktop.core.corpus.files import check_file
from desktop.core.corpus.junk_rules import JunkRules, load_junk_rules
from desktop.core.corpus.limits import MAX_OFFICE_BYTES, MAX_PDF_PAGES
from desktop.core.corpus.reflow import reflow_lines
from desktop.core.errors import InputError

log = logging.getLogger(__name__)

# pypdf moves quote marks set in a Latin font to the start of the line, leaving a space where each stood:
# "“ ”对产业集聚区和服务业 两区 建设" is "对产业集聚区和服务业“两区”建设".
# A single quote at the start of a line is real text; the displaced ones come as a space-separated run.
_DISPLACED_QUOTES = re.compile(r"^([“”‘’](?: [“”‘’])+) ?")
_QUOTE_GAP = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")

PYPDF_MISSING = '读取 PDF 需要可选组件 pypdf，请安装：pip install "gongwen[pdf]"（或 pip install pypdf）'


def read_pdf_text(path: str | Path, rules: JunkRules | None = None) -> str:
    """The PDF's text, one paragraph a line; page numbers and running page furniture dropped."""
    path = Path(path)
    check_file(path, MAX_OFFICE_BYTES)
    try:
        import pypdf  # optional: imported only when a PDF is read
    except ImportError:
        raise InputError(path, PYPDF_MISSING) from None
    rules = rules or load_junk_rules()
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted and not _unlock(reader):
            raise InputError(path, "PDF 设有打开密码，无法读取")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputError(path, f"PDF 页数过多（{len(reader.pages)} 页，上限 {MAX_PDF_PAGES} 页）")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on broken files; every one means "cannot read"
        log.debug("pypdf failed on %s", path, exc_info=True)
        raise InputError(path, f"PDF 文件已损坏或格式不受支持（{type(exc).__name__}）") from None
    lines = [
        restore_displaced_quotes(line)
        for page in pages
        for line in page.split("\n")
        if line.strip() and rules.line_junk_kind(line) != "page_number"
    ]
    if not lines:
        raise InputError(path, "PDF 中没有可提取的文字（可能是扫描件，需要先做文字识别）")
    return "\n".join(reflow_lines(lines))


def restore_displaced_quotes(line: str) -> str:
    """Put quote marks pypdf moved to the line start back into the gaps they left, in order."""
    match = _DISPLACED_QUOTES.match(line)
    if not match:
        return line
    quotes = match.group(1).replace(" ", "")
    rest = line[match.end() :]
    gaps = list(_QUOTE_GAP.finditer(rest))
    if len(gaps) != len(quotes):
        return rest  # cannot tell where they stood: lose the marks rather than keep them misplaced
    pieces, last = [], 0
    for gap, quote in zip(gaps, quotes, strict=True):
        pieces += [rest[last : gap.start()], quote]
        last = gap.end()
    return "".join(pieces) + rest[last:]


def _unlock(reader) -> bool:
    """Many PDFs are encrypted with an empty user password only to restrict printing."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # missing crypto backend or unsupported scheme
        return False
