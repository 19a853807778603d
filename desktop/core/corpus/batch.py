"""Cleaning files together, as one import: evidence from every file counts for each.

`gongwen clean`, `gongwen mine` and the window's import clean the files of one run together, so a line
that recurs across several of them (a site's chrome) is found; see desktop.core.corpus.evidence. Every
file is read once to gather the evidence, then cleaned with it. What gathering did is kept for the
file's turn — the text as read and the first half of its cleaning — up to KEEP_CHARS characters in all;
past that, office files (whose reading is slow: .doc goes through LibreOffice) are kept as read and text
files are read again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from desktop.core.corpus.cleaning import Prepared, finish, prepare
from desktop.core.corpus.document import CleanDocument, RawDocument, read_document, read_raw
from desktop.core.corpus.evidence import MIN_FILES, CorpusEvidence
from desktop.core.corpus.junk_rules import JunkRules, load_junk_rules
from desktop.core.corpus.removals import CleanResult
from desktop.core.errors import InputError


KEEP_CHARS = 8_000_000  # text kept between gathering and cleaning, with its prepared lines: ~80 MB


class ImportReader:
    """Reads the files of one import: `gather()` reads them all for evidence, `read(path)` then gives
    each cleaned with it (or raises its InputError)."""

    def __init__(self, paths: Iterable[Path]):
        self.paths = [Path(p) for p in paths]
        self.rules = load_junk_rules()  # the rules read_document cleans with
        self.evidence = CorpusEvidence()
        self._kept: dict[Path, RawDocument] = {}
        self._prepared: dict[Path, Prepared] = {}
        self._kept_chars = 0
        self._failed: dict[Path, InputError] = {}

    def gather(self, check: Callable[[], None] | None = None) -> ImportReader:
        """Read every file once; `check()` is called before each and may raise to stop. Fewer files than
        evidence needs are not read ahead."""
        if len(self.paths) < MIN_FILES:
            return self
        for path in self.paths:
            if check is not None:
                check()
            try:
                raw = read_raw(path)
            except InputError as exc:
                self._failed[path] = exc  # reported when the file's turn comes, not read twice
                continue
            prepared = prepare(raw.text, self.rules)
            self.evidence.add(prepared.texts())
            if self._kept_chars + len(raw.text) <= KEEP_CHARS:
                self._kept_chars += len(raw.text)
                self._kept[path] = raw
                self._prepared[path] = prepared
            elif path.suffix.lower() != ".txt":
                self._kept[path] = raw
        return self

    def read(self, path: str | Path) -> CleanDocument:
        path = Path(path)
        if path in self._failed:
            raise self._failed.pop(path)
        return read_document(path, self.evidence, self._kept.pop(path, None), self._prepared.pop(path, None))


def clean_texts(texts: Mapping[str, str], rules: JunkRules | None = None) -> dict[str, CleanResult]:
    """Each raw text cleaned, with evidence from all of them."""
    rules = rules or load_junk_rules()
    prepared = {name: prepare(raw, rules) for name, raw in texts.items()}
    evidence = CorpusEvidence()
    for item in prepared.values():
        evidence.add(item.texts())
    return {name: finish(item, rules, evidence) for name, item in prepared.items()}
