"""Export to Word by a profile (GB/T 9704-2012 or a speech reading copy), and import of drafts."""

from desktop.core.lazy import lazy_exports

_EXPORTS = {
    "ImportedDraft": "docx_import",
    "import_docx": "docx_import",
    "import_draft": "docx_import",
    "ExportResult": "docx_writer",
    "build_document": "docx_writer",
    "export_docx": "docx_writer",
    "ExportWriteError": "saving",
    "Profile": "profile",
    "bundled_profile_names": "profile",
    "load_profile": "profile",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
