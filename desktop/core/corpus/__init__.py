"""Reading corpus files and drafts: decoding, format readers, cleaning of web and PDF junk."""

from desktop.core.corpus.cleaning import clean_paragraphs, clean_text
from desktop.core.corpus.decode import DecodedText, decode_bytes, read_text_file
from desktop.core.corpus.document import SUPPORTED_SUFFIXES, CleanDocument, is_supported, read_document
from desktop.core.corpus.docx_reader import DocxParagraph, DocxParts, open_docx_parts, read_docx_paragraphs

__all__ = [
    "SUPPORTED_SUFFIXES",
    "CleanDocument",
    "DecodedText",
    "DocxParagraph",
    "DocxParts",
    "clean_paragraphs",
    "clean_text",
    "decode_bytes",
    "is_supported",
    "open_docx_parts",
    "read_document",
    "read_docx_paragraphs",
    "read_text_file",
]
