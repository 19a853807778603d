"""The junk patterns of web copies, loaded from resources/corpus_cleaning.toml (data, not code)."""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import paths
from desktop.core.corpus.chrome import ChromeWords
from desktop.core.errors import GongwenError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

RULES_FILE_NAME = "corpus_cleaning.toml"


@dataclass(frozen=True)
class JunkRule:
    kind: str  # what kind of junk: watermark, advert, url...
    pattern: re.Pattern[str]
    max_len: int  # line rules: a longer line is never dropped by this rule
    junk: tuple[str, ...]  # examples the rule must remove
    keep: tuple[str, ...]  # real text that must survive
    expect: tuple[str, ...]  # inline rules: what each junk example becomes
    # inline rules: a line this cut leaves short and without a sentence mark was a site's name or
    # contact line ("花田文秘网 https://…") and goes entirely
    drops_leftover: bool = False
    # strings one of which a line must contain for the rule to be tried at all (speed only)
    triggers: tuple[str, ...] = ()

    def applies(self, line: str) -> bool:
        if not self.triggers:
            return True
        for trigger in self.triggers:  # a plain loop: this runs for every line and rule
            if trigger in line:
                return True
        return False


@dataclass(frozen=True)
class DetectorExamples:
    """The examples of a detector written in code (markup, noise, chrome, evidence…): each junk text,
    put into a speech, cleans to its expected text ("" when it goes entirely); each keep text survives."""

    kind: str
    junk: tuple[str, ...]
    expect: tuple[str, ...]
    keep: tuple[str, ...]


@dataclass(frozen=True)
class JunkRules:
    line: tuple[JunkRule, ...]
    inline: tuple[JunkRule, ...]
    block_start: tuple[JunkRule, ...]
    labels: dict[str, str] = field(default_factory=dict)  # kind -> what the writer is told
    chrome: ChromeWords = ChromeWords(frozenset(), ())
    detectors: tuple[DetectorExamples, ...] = ()

    @functools.cached_property
    def inline_triggers(self) -> re.Pattern[str]:
        """Any trigger of any inline rule: most lines hold none, and one search tells so."""
        triggers = {trigger for rule in self.inline for trigger in rule.triggers}
        return re.compile("|".join(sorted(map(re.escape, triggers))) or "(?!)")

    @functools.cached_property
    def chrome_fields(self) -> re.Pattern[str]:
        return self.chrome.field_pattern()

    def label(self, kind: str) -> str:
        return self.labels.get(kind, kind)

    def line_junk_kind(self, line: str) -> str | None:
        """The kind of junk a whole line is, or None for a line to keep."""
        stripped = line.strip()
        length = len(stripped)
        if length > self.longest_line_rule:
            return None
        for rule in self.line:
            if length <= rule.max_len and rule.pattern.search(stripped):
                return rule.kind
        return None

    @functools.cached_property
    def longest_line_rule(self) -> int:
        return max((rule.max_len for rule in self.line), default=0)

    def block_rule(self, line: str) -> JunkRule | None:
        stripped = line.strip()
        for rule in self.block_start:
            if len(stripped) <= rule.max_len and rule.pattern.search(stripped):
                return rule
        return None


def default_rules_path() -> Path:
    return paths.resources_dir() / RULES_FILE_NAME


def user_rules_path() -> Path:
    """The user's own additions, for junk of sites the bundled rules do not know yet."""
    return paths.config_dir() / RULES_FILE_NAME


def load_junk_rules(path: Path | None = None) -> JunkRules:
    """The rules of path; by default the bundled rules followed by the user's own, if any."""
    if path is not None:
        return _load(path, _mtime(path))
    rules = _load(default_rules_path(), _mtime(default_rules_path()))
    user = user_rules_path()
    if user.is_file():
        extra = _load(user, _mtime(user))
        rules = JunkRules(
            line=rules.line + extra.line,
            inline=rules.inline + extra.inline,
            block_start=rules.block_start + extra.block_start,
            labels={**rules.labels, **extra.labels},
            chrome=ChromeWords(
                rules.chrome.controls | extra.chrome.controls, rules.chrome.fields + extra.chrome.fields
            ),
            detectors=rules.detectors + extra.detectors,
        )
    return rules


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@functools.lru_cache(maxsize=8)
def _load(path: Path, mtime: float) -> JunkRules:
    """Load and compile a rules file; cached per version of the file (the rules are immutable)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GongwenError(f"{path}：清理规则文件无法读取（{exc}）") from exc
    try:
        chrome = data.get("chrome", {})
        return JunkRules(
            line=tuple(_rule(entry) for entry in data.get("line", [])),
            inline=tuple(_rule(entry) for entry in data.get("inline", [])),
            block_start=tuple(_rule(entry) for entry in data.get("block_start", [])),
            labels={str(kind): str(label) for kind, label in data.get("labels", {}).items()},
            chrome=ChromeWords(
                frozenset(map(str, chrome.get("controls", ()))), tuple(map(str, chrome.get("fields", ())))
            ),
            detectors=tuple(
                DetectorExamples(
                    kind=entry["kind"],
                    junk=tuple(entry.get("junk", ())),
                    expect=tuple(entry.get("expect", ())),
                    keep=tuple(entry.get("keep", ())),
                )
                for entry in data.get("detector", [])
            ),
        )
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise GongwenError(f"{path}：清理规则有误（{exc}）") from exc


def _rule(entry: dict) -> JunkRule:
    return JunkRule(
        kind=entry["kind"],
        pattern=re.compile(entry["pattern"], re.IGNORECASE),
        max_len=int(entry.get("max_len", 10_000)),
        junk=tuple(entry.get("junk", ())),
        keep=tuple(entry.get("keep", ())),
        expect=tuple(entry.get("expect", ())),
        drops_leftover=bool(entry.get("drops_leftover", False)),
        triggers=tuple(entry.get("triggers", ())),
    )
