"""A corpus document after reading and cleaning: read_document() for every supported format."""

from __future__ import annotations

import hashlib
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core.corpus.cleaning import Prepared, clean, finish
from desktop.core.corpus.decode import decode_bytes
from desktop.core.corpus.docx_reader import docx_text
from desktop.core.corpus.evidence import CorpusEvidence
from desktop.core.corpus.files import read_bytes
from desktop.core.corpus.junk_rules import load_junk_rules
from desktop.core.corpus.legacy import convert_to_docx
from desktop.core.corpus.limits import MAX_OFFICE_BYTES, MAX_TEXT_BYTES
from desktop.core.corpus.pdf_reader import read_pdf_text
from desktop.core.corpus.removals import Removal, RemovalCounts
from desktop.core.corpus.title import choose_title
from desktop.core.errors import GongwenError, InputError

log = logging.getLogger(__name__)

# .doc and WPS Office's .wps are OLE compound files; Word also saves RTF under .doc.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
ZIP_MAGIC = b"PK\x03\x04"

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".docx", ".pdf", ".doc", ".wps")


@dataclass(frozen=True)
class CleanDocument(RemovalCounts):
    path: Path
    name: str  # the file name the user knows it by
    title: str  # the speech title found in the text, else the file name without extension
    text: str  # cleaned text, one paragraph a line (starting with the title line when there is one)
    content_hash: str  # sha256 of the file's bytes: unchanged files are skipped by it
    encoding: str  # a text file's encoding (utf-8, gb18030, utf-16...), else the format: docx, pdf, doc, wps
    removals: tuple[Removal, ...] = ()  # what cleaning removed, each with its rule

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]



@dataclass(frozen=True)
class RawDocument:
    """A corpus file read and decoded, not yet cleaned."""

    path: Path
    text: str
    content_hash: str
    encoding: str


def is_supported(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


def read_document(
    path: str | Path,
    evidence: CorpusEvidence | None = None,
    raw: RawDocument | None = None,
    prepared: Prepared | None = None,
) -> CleanDocument:
    """Read, decode and clean one corpus file; InputError (naming the file and the reason) if it cannot.
    `evidence` comes from the other files of the same import; `raw`, when given, is the file as read,
    and `prepared` its text through the first half of cleaning."""
    path = Path(path)
    try:
        return clean_document(raw or _read_raw(path), evidence, prepared if raw is not None else None)
    except GongwenError:  # InputError for this file; any other (a broken rules file) concerns every file
        raise
    except Exception as exc:  # a reader's bug on one odd file must not stop a whole import
        log.exception("unexpected failure reading %s", path)
        raise InputError(path, f"读取失败（内部错误 {type(exc).__name__}，详见日志）") from exc


def read_raw(path: str | Path) -> RawDocument:
    """Read and decode one corpus file without cleaning it; InputError as read_document."""
    path = Path(path)
    try:
        return _read_raw(path)
    except GongwenError:
        raise
    except Exception as exc:
        log.exception("unexpected failure reading %s", path)
        raise InputError(path, f"读取失败（内部错误 {type(exc).__name__}，详见日志）") from exc


def clean_document(
    raw: RawDocument, evidence: CorpusEvidence | None = None, prepared: Prepared | None = None
) -> CleanDocument:
    """`prepared`: raw.text through the first half of cleaning, done already (while evidence was gathered)."""
    if prepared is None:
        result = clean(raw.text, evidence=evidence)
    else:
        result = finish(prepared, load_junk_rules(), evidence)
    if not result.paragraphs:
        raise InputError(raw.path, "清理后没有正文（文件中可能只有网页广告、链接或空白）")
    return CleanDocument(
        path=raw.path,
        name=raw.path.name,
        title=choose_title(result.paragraphs, fallback=raw.path.stem),
        text=result.text,
        content_hash=raw.content_hash,
        encoding=raw.encoding,
        removals=result.removals,
    )


def _read_raw(path: Path) -> RawDocument:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "无扩展名"
        raise InputError(path, f"不支持的文件类型（{shown}）；支持 .txt、.docx、.pdf、.doc、.wps")
    if suffix == ".txt":
        data = read_bytes(path, MAX_TEXT_BYTES)
        if not data:
            raise InputError(path, "文件为空")
        decoded = decode_bytes(data, path)
        if not decoded.text.strip():
            raise InputError(path, "文件中没有文字（只有空白）")
        raw, encoding = decoded.text, decoded.encoding
    else:
        data = read_bytes(path, MAX_OFFICE_BYTES)
        raw, encoding = _read_office(path, suffix, data), suffix.lstrip(".")
    return RawDocument(path, raw, hashlib.sha256(data).hexdigest(), encoding)


def _read_office(path: Path, suffix: str, data: bytes) -> str:
    if suffix == ".docx":
        return docx_text(path, data=data)
    if suffix == ".pdf":
        return read_pdf_text(path)
    if data.startswith(ZIP_MAGIC):
        return docx_text(path, data=data)  # a .docx under an old name
    if not data.startswith((OLE_MAGIC, RTF_MAGIC)):
        raise InputError(path, "不是有效的 Word/WPS 文档（文件已损坏，或是其他格式改了扩展名）")
    with tempfile.TemporaryDirectory(prefix="gongwen-convert-") as workdir:
        converted = convert_to_docx(path, Path(workdir))
        try:
            return docx_text(path, data=converted.read_bytes())
        except InputError as exc:
            raise InputError(path, f"转换后的文档无法读取（{exc.reason}）") from exc
