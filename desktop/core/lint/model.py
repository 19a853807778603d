"""What a check reports: a diagnostic with its span and an optional fix, and what a rule is."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from desktop.core.lint.properties import DraftProperties
    from desktop.core.outline import Block, Outline


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True)
class Edit:
    offset: int
    length: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """One or more edits applied together. `safe` fixes may be applied without asking."""

    edits: tuple[Edit, ...]
    safe: bool
    label: str = ""  # what the fix does, when the replacement alone does not say it (重新编号)

    @property
    def offset(self) -> int:
        return self.edits[0].offset

    @property
    def length(self) -> int:
        return self.edits[-1].offset + self.edits[-1].length - self.edits[0].offset

    def replacement_in(self, text: str) -> str:
        """The fix as one replacement of the span from the first edit to the end of the last."""
        out, pos = [], self.offset
        for edit in self.edits:
            out.append(text[pos : edit.offset])
            out.append(edit.replacement)
            pos = edit.offset + edit.length
        return "".join(out)

    def shifted(self, delta: int) -> Fix:
        edits = tuple(Edit(e.offset + delta, e.length, e.replacement) for e in self.edits)
        return Fix(edits, self.safe, self.label)


def single_fix(offset: int, length: int, replacement: str, safe: bool) -> Fix:
    return Fix((Edit(offset, length, replacement),), safe)


def prepared(data: dict[str, Any], key: str, build: Callable[[dict[str, Any]], Any]) -> Any:
    """What a rule derives from its data (a combined pattern of a word list), built once per configuration:
    every paragraph of every check reuses it."""
    cache = data.setdefault("_prepared", {})
    if key not in cache:
        cache[key] = build(data)
    return cache[key]


HOUSE_STYLE_MIN = 3  # places that must all follow one departure from the standard before it counts as a style


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    level: Level
    message: str
    offset: int  # characters into the text (line endings read as \n)
    length: int
    fix: Fix | None = None
    spots: tuple[tuple[int, int], ...] = ()  # (offset, length) of each place, when one finding gathers several
    # (the house style this place follows, how many places of the draft could follow it): when every one
    # does, the engine says so once instead of at each place
    style: tuple[str, int] | None = None
    # True when the finding may only mean the draft is not finished yet (no closing paragraph, fewer
    # sections than announced, 一是 without 二是): the window holds it back while the writer writes on.
    unfinished: bool = False

    def shifted(self, delta: int) -> Diagnostic:
        return replace(
            self,
            offset=self.offset + delta,
            fix=self.fix.shifted(delta) if self.fix else None,
            spots=tuple((o + delta, n) for o, n in self.spots),
        )


@dataclass(frozen=True)
class Example:
    bad: str
    good: str
    fixed: str | None = None  # what the bad text becomes after its safe fixes, when there are any
    setup: str = ""  # rule data the example needs (TOML: the office's leader list), added to the bundled data


@dataclass(frozen=True)
class RuleDoc:
    what: str
    why: str
    instead: str


@dataclass(frozen=True)
class ParagraphContext:
    """One block, seen alone: paragraph rules depend on nothing else, so their results are cached by it."""

    text: str  # the block's text; offsets reported relative to it
    block: Block  # offsets in the block are document offsets; use `rel` to convert
    data: dict[str, Any]
    corpus: CorpusIndex | None

    def rel(self, offset: int) -> int:
        return offset - self.block.start


@dataclass(frozen=True)
class DocumentContext:
    outline: Outline
    data: dict[str, Any]
    properties: DraftProperties | None = None  # level and place the writer set for the draft
    # Kept by the Linter between checks, one per rule: a document rule's per-paragraph work keyed by what
    # it depends on, so a long draft edited in one place is not worked through again paragraph by paragraph.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return self.outline.text


class CorpusHit(Protocol):
    source: str  # the corpus document's name


class CorpusIndex(Protocol):
    """Finds a sentence verbatim in the corpus (the phrase bank's sentence index provides it)."""

    def find_sentence(self, sentence: str) -> CorpusHit | None: ...


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    level: Level
    doc: RuleDoc
    examples: tuple[Example, ...]
    scope: str  # "paragraph" or "document"
    check: Callable[[Rule, Any], Iterable[Diagnostic]] = field(repr=False)
    title: str = ""  # a short Chinese name for menus and the rules page
    # opening marks (“ ‘ 《 「) inside whose pair the rule stays silent: a rule about the writer's own wording
    # has nothing to say about a quotation or the title of a document
    quiet_inside: str = ""

    def diagnostic(
        self,
        offset: int,
        length: int,
        message: str,
        fix: Fix | None = None,
        spots: tuple[tuple[int, int], ...] = (),
        style: tuple[str, int] | None = None,
        unfinished: bool = False,
    ) -> Diagnostic:
        return Diagnostic(
            self.code, self.name, self.level, message, offset, length, fix, spots, style, unfinished
        )
