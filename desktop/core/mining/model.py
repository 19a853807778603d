"""The phrase record shared by the extractors, the bank, the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import NamedTuple

# The fixed vocabulary of phrase kinds, in display order, with their Chinese names for the UI and CLI.
KIND_NAMES: dict[str, str] = {
    "parallel": "排比",
    "idiom": "四字格",
    "opening": "开头",
    "transition": "过渡",
    "closing": "结尾",
    "quote": "金句",
    "heading": "标题",
}
KINDS: tuple[str, ...] = tuple(KIND_NAMES)


class Source(NamedTuple):  # a tuple: one per phrase and sentence, made in bulk when mining
    doc: str  # the document's file name
    sentence: str  # the sentence the phrase came from
    title: str = ""  # the document's title, as the bank read it (mining leaves it empty)

    @property
    def label(self) -> str:
        return document_label(self.doc, self.title)


def document_label(name: str, title: str) -> str:
    """How a document is named to the writer: by its title (在……上的讲话), unless the title is only the
    file name's stem, as when the reader found none."""
    return title if title and title != PurePath(name).stem else name


@dataclass
class Phrase:
    text: str
    kind: str  # one of KINDS
    pattern: str = ""  # the template, e.g. "早X、早X、早X"
    initials: str = ""  # pinyin initials, phrase-aware for polyphones: "jjwg"
    count: int = 1  # occurrences
    docs: int = 1  # number of documents it occurs in
    sources: list[Source] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "kind": self.kind,
            "pattern": self.pattern,
            "initials": self.initials,
            "count": self.count,
            "docs": self.docs,
            "sources": [
                {"doc": s.doc, "sentence": s.sentence, **({"title": s.title} if s.title else {})}
                for s in self.sources
            ],
        }
