"""Phrase mining: extractors, one module per kind, and the phrase bank (SQLite)."""

from desktop.core.mining import native

native.use_fresh_code()
