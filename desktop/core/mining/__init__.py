"""Phrase mining: extractors, one module per kind, and the phrase bank (SQLite)."""
