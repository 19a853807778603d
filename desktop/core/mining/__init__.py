"""Phrase mining: text → phrases, one extractor module per kind. The bank that stores them is desktop.core.bank."""

from desktop.core.mining import native

native.use_fresh_code()
