"""The junk patterns of web copies, loaded from resources/corpus_cleaning.toml (data, not code)."""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.core import paths
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


@dataclass(frozen=True)
class JunkRules:
    line: tuple[JunkRule, ...]
    inline: tuple[JunkRule, ...]
    block_start: tuple[JunkRule, ...]

    def line_junk_kind(self, line: str) -> str | None:
        """The kind of junk a whole line is, or None for a line to keep."""
        stripped = line.strip()
        for rule in self.line:
            if len(stripped) <= rule.max_len and rule.pattern.search(stripped):
                return rule.kind
        return None

    def block_rule(self, line: str) -> JunkRule | None:
        stripped = line.strip()
        for rule in self.block_start:
            if len(stripped) <= rule.max_len and rule.pattern.search(stripped):
                return rule
        return None


def default_rules_path() -> Path:
    return paths.resources_dir() / RULES_FILE_NAME


@functools.lru_cache(maxsize=4)
def load_junk_rules(path: Path | None = None) -> JunkRules:
    """Load and compile the rules file (cached: the rules are immutable)."""
    path = path or default_rules_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GongwenError(f"{path.name}：清理规则文件无法读取（{exc}）") from exc
    try:
        return JunkRules(
            line=tuple(_rule(entry) for entry in data.get("line", [])),
            inline=tuple(_rule(entry) for entry in data.get("inline", [])),
            block_start=tuple(_rule(entry) for entry in data.get("block_start", [])),
        )
    except (KeyError, re.error) as exc:
        raise GongwenError(f"{path.name}：清理规则有误（{exc}）") from exc


def _rule(entry: dict) -> JunkRule:
    return JunkRule(
        kind=entry["kind"],
        pattern=re.compile(entry["pattern"], re.IGNORECASE),
        max_len=int(entry.get("max_len", 10_000)),
        junk=tuple(entry.get("junk", ())),
        keep=tuple(entry.get("keep", ())),
        expect=tuple(entry.get("expect", ())),
    )
