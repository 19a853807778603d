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

from desktop.core.lint.config import LintConfig, Suppression, load_config
from desktop.core.lint.model import CorpusIndex, Diagnostic, DocumentContext, Level, ParagraphContext, Rule
from desktop.core.lint.registry import ALL_RULES
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

    def lint(self, text: str, suppressions: Iterable[Suppression] = ()) -> LintResult:
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
            found.extend(rule.check(rule, DocumentContext(outline, self.config.data, memo)))
        found = self._finish(text, found, list(suppressions))
        return LintResult(outline, found)

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
            results.extend(rule.check(rule, ctx))
        value = tuple(results)
        self._cache[key] = value
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return value

    def _finish(self, text: str, found: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
        levels = self.config.levels
        out = []
        for d in found:
            if suppressions and any(s.code == d.code and s.matches(text, d) for s in suppressions):
                continue
            if d.code in levels:
                d = replace(d, level=levels[d.code])
            out.append(d)
        out.sort(key=lambda d: (d.offset, d.code))
        return out


def lint_text(text: str, config: LintConfig | None = None, corpus: CorpusIndex | None = None) -> LintResult:
    return Linter(config, corpus).lint(text)
