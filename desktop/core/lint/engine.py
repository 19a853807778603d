"""Run the rules over a draft. A `Linter` keeps the results of paragraph rules keyed by the paragraph's
text, so after a one-paragraph edit only that paragraph and the document-level rules run again.

The window calls `Linter.lint(snapshot)` from a worker thread; one Linter per worker (it is not
thread-safe), results carry no references into the editor.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from desktop.core.errors import GongwenError
from desktop.core.lint.config import LintConfig, Suppression, file_stamp, load_config
from desktop.core.lint.model import (
    HOUSE_STYLE_MIN,
    CorpusIndex,
    Diagnostic,
    DocumentContext,
    Fix,
    Level,
    ParagraphContext,
    Rule,
)
from desktop.core.lint.properties import DraftProperties
from desktop.core.lint.registry import ALL_RULES
from desktop.core.lint.spans import enclosed, within
from desktop.core.outline import Block, Outline, parse_outline

log = logging.getLogger(__name__)

_CACHE_SIZE = 4000


@dataclass(frozen=True)
class LintResult:
    outline: Outline
    diagnostics: list[Diagnostic]

    def at_least(self, level: Level) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level.rank >= level.rank]


def _paragraph_key(text: str, block: Block) -> tuple:
    h = block.heading
    heading = None
    if h is not None:
        heading = (
            h.family, h.number, h.marker, h.proper_marker, h.marker_start - block.start,
            h.title_end - block.start, h.run_in,
        )
    return (text, block.kind, block.boilerplate, heading)


class Linter:
    def __init__(
        self,
        config: LintConfig | None = None,
        corpus: CorpusIndex | None = None,
        rules: Sequence[Rule] = ALL_RULES,
    ):
        self.config = config if config is not None else load_config()
        self.corpus = corpus
        enabled = [r for r in rules if self.config.enabled(r.code)]
        self._paragraph_rules = [r for r in enabled if r.scope == "paragraph"]
        self._document_rules = [r for r in enabled if r.scope == "document"]
        self._cache: OrderedDict[tuple, tuple[Diagnostic, ...]] = OrderedDict()
        self._cache_size = _CACHE_SIZE
        self._memos: dict[str, dict] = {rule.code: {} for rule in self._document_rules}
        self.stats = {"paragraphs_checked": 0, "paragraphs_cached": 0}

    def lint(
        self, text: str, suppressions: Iterable[Suppression] = (), properties: DraftProperties | None = None
    ) -> LintResult:
        if self.config.stale():
            self._reload()
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        outline = parse_outline(text)
        # Every paragraph of the draft stays cached, however long the draft: otherwise a draft of more
        # paragraphs than the cache holds pushes out its own beginning and is checked afresh each time.
        self._cache_size = max(_CACHE_SIZE, 2 * len(outline.blocks))
        found: list[Diagnostic] = []
        for block in outline.blocks:
            if block.boilerplate:
                continue
            found.extend(d.shifted(block.start) for d in self._paragraph(outline.block_text(block), block))
        for rule in self._document_rules:
            memo = self._memos[rule.code]
            if len(memo) > self._cache_size:
                memo.clear()
            results = list(rule.check(rule, DocumentContext(outline, self.config.data, properties, memo)))
            if rule.quiet_inside:
                results = _outside_marks(outline, rule.quiet_inside, results)
            found.extend(results)
        found = self._finish(text, found, list(suppressions))
        return LintResult(outline, found)

    def _reload(self) -> None:
        """The user edited a word list or lint.toml: read it again (a broken file keeps the old lists)."""
        try:
            self.config = self.config.refreshed()
        except GongwenError as exc:
            log.warning("%s", exc)
            now = tuple((path, file_stamp(path)) for path, _ in self.config.watched)
            self.config = replace(self.config, watched=now)
        self._cache.clear()
        for memo in self._memos.values():
            memo.clear()

    def _paragraph(self, text: str, block: Block) -> tuple[Diagnostic, ...]:
        key = _paragraph_key(text, block)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self.stats["paragraphs_cached"] += 1
            return cached
        self.stats["paragraphs_checked"] += 1
        ctx = ParagraphContext(text, block, self.config.data, self.corpus)
        results: list[Diagnostic] = []
        for rule in self._paragraph_rules:
            own = list(rule.check(rule, ctx))
            if own and rule.quiet_inside:
                spans = enclosed(text, rule.quiet_inside)
                own = [d for d in own if not within(spans, d.offset, d.offset + d.length)]
            results.extend(own)
        value = tuple(results)
        self._cache[key] = value
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return value

    def _finish(self, text: str, found: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
        levels = self.config.levels
        out = []
        for d in _one_per_span(_house_styles(found)):
            if suppressions and any(s.code == d.code and s.matches(text, d) for s in suppressions):
                continue
            if d.code in levels:
                d = replace(d, level=levels[d.code])
            out.append(d)
        out.sort(key=lambda d: (d.offset, d.code))
        return out


def _outside_marks(outline: Outline, openers: str, found: list[Diagnostic]) -> list[Diagnostic]:
    """A document rule's findings less those inside quotation marks or 《》 of their paragraph."""
    spans: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for d in found:
        index = outline.block_index_at(d.offset)
        if index is not None:
            block = outline.blocks[index]
            if index not in spans:
                marked = enclosed(outline.block_text(block), openers)
                spans[index] = [(a + block.start, b + block.start) for a, b in marked]
            if within(spans[index], d.offset, d.offset + d.length):
                continue
        kept.append(d)
    return kept


def _house_styles(found: list[Diagnostic]) -> list[Diagnostic]:
    """A departure from the standard that the draft makes at every place it could (each stand-alone heading
    ends in 。) is its house style: one note naming the style, not a warning per place."""
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for d in found:
        if d.style is not None:
            groups.setdefault((d.code, d.style[0]), []).append(d)
    collapsed: set[int] = set()
    notes = []
    for (_code, style), group in groups.items():
        population = group[0].style[1]
        if len(group) < HOUSE_STYLE_MIN or len(group) != population:
            continue
        collapsed.update(id(d) for d in group)
        spots = tuple(s for d in group for s in (d.spots or ((d.offset, d.length),)))
        edits = tuple(e for d in group if d.fix is not None for e in d.fix.edits)
        first = group[0]
        notes.append(replace(
            first,
            level=Level.INFO,
            message=f"全文 {len(group)} 处都{style}，看来是本文的体例，不逐处提示；按规范应统一改正",
            length=max(o + n for o, n in spots) - first.offset,
            # a style is changed on purpose, never by --fix
            fix=Fix(edits, safe=False, label=f"全文统一改正（共 {len(edits)} 处）") if edits else None,
            spots=spots,
            style=None,
        ))  # fmt: skip
    return [d for d in found if id(d) not in collapsed] + notes


def _one_per_span(found: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per rule per span: a second finding of the same rule on the same or an inner span goes."""
    kept: list[Diagnostic] = []
    last_end: dict[str, int] = {}
    for d in sorted(found, key=lambda d: (d.code, d.offset, -d.length)):
        if d.length and d.offset + d.length <= last_end.get(d.code, -1):
            continue
        if kept and kept[-1].code == d.code and (kept[-1].offset, kept[-1].length) == (d.offset, d.length):
            continue
        kept.append(d)
        last_end[d.code] = max(last_end.get(d.code, -1), d.offset + d.length)
    return kept


def lint_text(text: str, config: LintConfig | None = None, corpus: CorpusIndex | None = None) -> LintResult:
    return Linter(config, corpus).lint(text)
