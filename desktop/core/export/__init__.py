"""Export to Word by a profile (GB/T 9704-2012 or a speech reading copy), and import of drafts."""

from desktop.core.export.docx_import import ImportedDraft, import_docx, import_draft
from desktop.core.export.docx_writer import ExportResult, build_document, export_docx
from desktop.core.export.saving import ExportWriteError
from desktop.core.export.profile import Profile, bundled_profile_names, load_profile

__all__ = [
    "ExportResult", "ExportWriteError", "ImportedDraft", "Profile", "build_document", "bundled_profile_names",
    "export_docx", "import_docx", "import_draft", "load_profile",
]
