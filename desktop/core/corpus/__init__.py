"""Reading corpus files and drafts: decoding, format readers, cleaning of web and PDF junk."""

from desktop.core.lazy import lazy_exports

_EXPORTS = {
    "clean_paragraphs": "cleaning",
    "clean_text": "cleaning",
    "DecodedText": "decode",
    "decode_bytes": "decode",
    "read_text_file": "decode",
    "SUPPORTED_SUFFIXES": "document",
    "CleanDocument": "document",
    "is_supported": "document",
    "read_document": "document",
    "DocxParagraph": "docx_reader",
    "DocxParts": "docx_reader",
    "open_docx_parts": "docx_reader",
    "read_docx_paragraphs": "docx_reader",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
