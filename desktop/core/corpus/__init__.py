"""Reading corpus files and drafts: decoding, format readers, cleaning of web and PDF junk."""

from desktop.core.corpus.decode import DecodedText, read_text_file
from desktop.core.corpus.document import CleanDocument, read_document

__all__ = ["CleanDocument", "DecodedText", "read_document", "read_text_file"]
