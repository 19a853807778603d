"""The one place the window talks to the structure checker (desktop.core.lint).

The window needs: outline + findings of a snapshot, the rule catalogue for the settings dialog, and
the draft's ignore list (忽略此处), which lives beside the draft as the CLI reads it
(`稿.txt.lint-ignore.json`, desktop.core.lint.config). Runs in worker threads: pure Python, no Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import GongwenError

if TYPE_CHECKING:  # the engine, its rules, its config and the outline parser load after the first paint
    from desktop.core.lint import LintConfig, Linter
    from desktop.core.lint.config import Suppression
    from desktop.core.lint.leaders import Leader
    from desktop.core.lint.properties import DraftProperties
    from desktop.core.lint.report import Positions
    from desktop.core.outline import Outline
    from desktop.core.sections import Section

log = logging.getLogger(__name__)

LEVEL_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Edit:
    offset: int
    length: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A fix as one replacement of [offset, offset + length), and as the edits it is made of (a renumbering
    changes a few numerals far apart: applied one by one they leave the text between them alone)."""

    offset: int
    length: int
    replacement: str
    safe: bool  # may be applied without the writer looking; the others only when asked at the finding
    edits: tuple[Edit, ...] = ()
    label: str = ""  # what it does (改为“其他”, 重新编号): `fixes.fix_label`, as `gongwen lint --json` says


@dataclass(frozen=True)
class Finding:
    code: str
    name: str  # the rule's short Chinese name
    level: str  # error / warning / info
    message: str
    offset: int
    length: int
    line: int  # 0-based
    fix: Fix | None = None
    spots: tuple[tuple[int, int], ...] = ()  # every place of a finding that gathers several
    unfinished: bool = False  # may only mean the draft is not finished yet (see Diagnostic)

    @property
    def end(self) -> int:
        return self.offset + self.length

    def suppression(self, text: str) -> Suppression:
        from desktop.core.lint.config import Suppression

        return Suppression(
            self.code, text[self.offset : self.end], text[max(0, self.offset - 6) : self.offset]
        )


@dataclass
class Analysis:
    revision: int
    text: str
    outline: Outline
    findings: list[Finding]
    ignored: int = 0
    problems: list[str] = field(default_factory=list)  # e.g. the user's lint.toml could not be read
    checked: bool = True  # False: the outline alone was parsed (a draft checked on F7 only), no findings
    # the navigator's, highlighter's and underlines' shares, when made off the GUI thread
    sections: list[Section] | None = None
    styles: dict | None = None
    spans: object | None = None  # desktop.ui.finding_spans.FindingSpans


@dataclass(frozen=True)
class CorpusSource:
    """The phrase banks GW306 (照搬范文) looks sentences up in, as `gongwen lint --bank` does.

    `group()` returns the calling thread's BankGroup (SQLite connections belong to their thread, and
    the checker's pool may replace its thread); `generation` changes whenever the banks were written,
    so sentences found before an import are looked up again."""

    generation: int
    group: Callable[[], Any]

    def search(self, text: str, *, limit: int = 20) -> list:
        return self.group().search(text, limit=limit)


def rule_catalogue() -> list[tuple[str, str]]:
    """(code, Chinese name) of every rule, for the settings dialog."""
    from desktop.core.lint import ALL_RULES

    return [(rule.code, rule.title or rule.name) for rule in ALL_RULES]


def _config(disabled: frozenset[str], problems: list[str]) -> LintConfig:
    from desktop.core.lint import load_config

    try:
        config = load_config()
    except GongwenError as exc:  # a broken user rule file must not switch the checker off
        problems.append(f"检查配置有误，已改用内置规则：{exc}")
        config = load_config(use_user_file=False)
    return config.with_codes(None, disabled) if disabled else config


class Analyser:
    """Outline + lint of snapshots. Keeps one Linter (and its per-paragraph cache) between calls, so it
    must be used from one thread at a time: the live checker's one-thread pool."""

    def __init__(self) -> None:
        self._linter: Linter | None = None
        self._inputs: tuple | None = None  # the rule switches and the corpus the Linter was made with
        self._problems: list[str] = []

    def analyse(
        self,
        revision: int,
        text: str,
        disabled: frozenset[str] = frozenset(),
        ignores: frozenset[Suppression] = frozenset(),
        properties: DraftProperties | None = None,
        corpus: CorpusSource | None = None,
    ) -> Analysis:
        inputs = (disabled, corpus.generation if corpus is not None else None)
        if self._linter is None or inputs != self._inputs:
            from desktop.core.lint import Linter
            from desktop.core.lint.corpus_index import BankSentenceIndex

            self._problems = []
            index = BankSentenceIndex(corpus) if corpus is not None else None
            self._linter = Linter(_config(disabled, self._problems), index)
            self._inputs = inputs
        from desktop.core.lint.report import Positions

        result = self._linter.lint(text, (), properties)
        positions = Positions(text)
        findings, ignored = [], 0
        for d in result.diagnostics:
            finding = _convert(d, text, positions)
            if ignores and finding.suppression(text) in ignores:
                ignored += 1
                continue
            findings.append(finding)
        return Analysis(revision, text, result.outline, findings, ignored, list(self._problems))


    def outline(self, revision: int, text: str) -> Analysis:
        """The outline alone, for a draft checked on F7 only."""
        from desktop.core.outline import parse_outline

        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return Analysis(revision, text, parse_outline(text), [], checked=False)


def analyse(
    revision: int,
    text: str,
    disabled: frozenset[str] = frozenset(),
    ignores: frozenset[Suppression] = frozenset(),
    properties: DraftProperties | None = None,
) -> Analysis:
    """A one-off analysis (export's error count, tests) with a fresh Linter."""
    return Analyser().analyse(revision, text, disabled, ignores, properties)


def _convert(d, text: str, positions: Positions) -> Finding:
    from desktop.core.lint import RULES_BY_CODE
    from desktop.core.lint.fixes import fix_label

    fix = None
    if d.fix is not None:
        edits = tuple(Edit(e.offset, e.length, e.replacement) for e in d.fix.edits)
        replacement = d.fix.replacement_in(text)
        fix = Fix(d.fix.offset, d.fix.length, replacement, bool(d.fix.safe), edits, fix_label(d.fix, text))
    rule = RULES_BY_CODE.get(d.code)
    name = (rule.title if rule is not None else "") or d.name
    return Finding(
        d.code,
        name,
        d.level.value,
        d.message,
        d.offset,
        d.length,
        positions.line_column(d.offset)[0] - 1,
        fix,
        tuple(d.spots),
        d.unfinished,
    )


def load_ignores(draft: Path) -> set[Suppression]:
    from desktop.core.lint.config import load_suppressions, suppressions_path

    sidecar = suppressions_path(draft)
    if not sidecar.exists():
        return set()
    try:
        return set(load_suppressions(sidecar))
    except GongwenError as exc:
        log.warning("%s", exc)
        return set()


def save_ignores(draft: Path, ignores: set[Suppression]) -> None:
    """Write the draft's ignore list beside it (or remove the file when the list is empty)."""
    from desktop.core.lint.config import save_suppressions, suppressions_path

    sidecar = suppressions_path(draft)
    try:
        if ignores:
            save_suppressions(sidecar, sorted(ignores, key=lambda s: (s.code, s.context, s.snippet)))
        else:
            sidecar.unlink(missing_ok=True)
    except OSError as exc:
        raise GongwenError(f"{sidecar.name}：忽略列表未能保存（{exc.strerror or exc}）") from exc


def load_leaders() -> list[Leader]:
    """The office's leader list of the settings dialog (empty when none is kept or it cannot be read)."""
    from desktop.core.lint.leaders import load_leaders as load

    try:
        return load()
    except GongwenError as exc:
        log.warning("%s", exc)
        return []


def save_leaders(leaders: list[Leader]) -> None:
    """Store the list where the checker reads it; the live checker sees the change at its next run."""
    from desktop.core.lint.leaders import save_leaders as save

    save(leaders)


def load_properties(draft: Path) -> DraftProperties | None:
    from desktop.core.lint.properties import load_properties as load

    try:
        return load(draft)
    except GongwenError as exc:
        log.warning("%s", exc)
        return None


def save_properties(draft: Path, properties: DraftProperties) -> None:
    from desktop.core.lint.properties import save_properties as save

    try:
        save(draft, properties)
    except OSError as exc:
        raise GongwenError(f"文稿属性未能保存（{exc.strerror or exc}）") from exc


def ignores_to_json(ignores: set[Suppression]) -> list[dict]:
    return [{"code": s.code, "snippet": s.snippet, "context": s.context} for s in ignores]


def ignores_from_json(items: list[dict]) -> set[Suppression]:
    from desktop.core.lint.config import Suppression

    return {Suppression(str(i["code"]), str(i["snippet"]), str(i.get("context", ""))) for i in items}
