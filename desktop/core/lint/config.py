"""Lint configuration: rule data from resources/rules/*.toml extended by the user's config/lint.toml,
which also selects, ignores and re-levels rules, and by the user's word lists (a file per list in the
config folder, read again when they change); and the per-document list of silenced places."""

from __future__ import annotations

import json
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.errors import InputError
from desktop.core.lint.model import Diagnostic, Level

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

log = logging.getLogger(__name__)

USER_FILE_NAME = "lint.toml"
# The word lists a user extends, a file each in the config folder, under the same key as the bundled list.
USER_LISTS = {
    "confusables.toml": "terms",
    "formulations.toml": "formulations",
    "banned.toml": "banned",
    "leaders.toml": "leaders",
}
_CONTEXT_CHARS = 6
_PARSED: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}  # path → ((mtime_ns, size), contents)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        else:
            out[key] = value
    return out


def file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def read_toml(path: Path) -> dict[str, Any]:
    """A rule file's contents, parsed once per version of the file (a new Linter per check stays cheap)."""
    stamp = file_stamp(path)
    cached = _PARSED.get(path)
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise InputError(path, f"无法读取检查配置（{exc.strerror or exc}）") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"检查配置格式有误：{exc}") from exc
    if stamp is not None:
        _PARSED[path] = (stamp, data)
    return data


def _codes(value: Any, path: Path | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise InputError(path, "规则代码应写成列表，如 [\"GW303\", \"GW304\"]")
    return frozenset(str(v).strip().upper() for v in value if str(v).strip())


def parse_codes(text: str | None) -> frozenset[str] | None:
    """"GW1,GW201" → {"GW1", "GW201"}; a code may be a prefix."""
    if text is None:
        return None
    return frozenset(part.strip().upper() for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class Suppression:
    """One place the writer chose to ignore ("忽略此处"): the rule and the flagged text with a little of
    what precedes it, so the choice survives edits elsewhere in the draft."""

    code: str
    snippet: str
    context: str

    @staticmethod
    def for_diagnostic(text: str, diagnostic: Diagnostic) -> Suppression:
        start = diagnostic.offset
        return Suppression(
            diagnostic.code,
            text[start : start + diagnostic.length],
            text[max(0, start - _CONTEXT_CHARS) : start],
        )

    def matches(self, text: str, diagnostic: Diagnostic) -> bool:
        return self == Suppression.for_diagnostic(text, diagnostic)


@dataclass(frozen=True)
class LintConfig:
    data: dict[str, Any]
    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    levels: dict[str, Level] = field(default_factory=dict)
    # the user's files this configuration was read from, with their (mtime, size) or None when absent
    watched: tuple[tuple[Path, tuple[int, int] | None], ...] = ()

    def stale(self) -> bool:
        """Whether one of the user's files changed since it was read (a list edited while the window is open)."""
        return any(file_stamp(path) != stamp for path, stamp in self.watched)

    def refreshed(self) -> LintConfig:
        """The same selection over the user's files as they are now."""
        user_file = next((p for p, _ in self.watched if p.name == USER_FILE_NAME), None)
        a_list = next((p for p, _ in self.watched if p.name in USER_LISTS), None)
        list_dir = a_list.parent if a_list else None
        fresh = load_config(user_file, use_user_file=user_file is not None, list_dir=list_dir)
        return LintConfig(fresh.data, self.select, self.ignore, fresh.levels, fresh.watched)

    def enabled(self, code: str) -> bool:
        if any(code.startswith(prefix) for prefix in self.ignore):
            return False
        return self.select is None or any(code.startswith(prefix) for prefix in self.select)

    def with_data(self, extra: dict[str, Any]) -> LintConfig:
        """The same configuration with more rule data (lists appended, single values replaced)."""
        merged = _merge(self.data, extra)
        merged.pop("_prepared", None)
        _validate(merged, None)
        return LintConfig(merged, self.select, self.ignore, self.levels, self.watched)

    def with_codes(self, select: frozenset[str] | None, ignore: frozenset[str] | None) -> LintConfig:
        return LintConfig(
            self.data,
            select if select is not None else self.select,
            self.ignore | (ignore or frozenset()),
            self.levels,
            self.watched,
        )


_REQUIRED = {  # what each entry of a word list must have
    "terms": ("wrong", "right"),
    "formulations": ("right",),
    "banned": ("pattern", "advice"),
    "leaders": ("name", "title"),
}


def _validate(data: dict[str, Any], path: Path | None) -> None:
    """Catch a bad pattern or entry in a rule file here, with the file's name, not in a check."""
    patterns = list(data.get("placeholder", {}).get("patterns", []))
    for key, required in _REQUIRED.items():
        entries = data.get(key, [])
        if not isinstance(entries, list):
            raise InputError(path, f"{key} 应写成 [[{key}]] 表格列表")
        for entry in entries:
            if not isinstance(entry, dict) or not all(entry.get(k) for k in required):
                raise InputError(path, f"[[{key}]] 每一项都要有 {'、'.join(required)}：{entry}")
    for term in data.get("terms", []):
        patterns += [term[key] for key in ("before", "after") if term.get(key)]
    patterns += [entry["pattern"] for entry in data.get("banned", [])]
    for entry in data.get("formulations", []):
        if not entry.get("wrong") and not entry.get("items"):
            raise InputError(path, f"[[formulations]] 每一项要有 wrong（常见错写）或 items（固定顺序）：{entry}")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise InputError(path, f"规则文件中的正则表达式“{pattern}”有误（{exc}）") from exc


def load_config(
    user_file: Path | None = None, *, use_user_file: bool = True, list_dir: Path | None = None
) -> LintConfig:
    """Bundled rule data, extended by the user's config/lint.toml and word lists when they exist."""
    data: dict[str, Any] = {}
    for path in sorted((paths.resources_dir() / "rules").glob("*.toml")):
        data = _merge(data, read_toml(path))
    _validate(data, paths.resources_dir() / "rules")
    user_path = user_file or (paths.config_dir() / USER_FILE_NAME if use_user_file else None)
    if list_dir is None and use_user_file:
        list_dir = paths.config_dir()
    watched: list[tuple[Path, tuple[int, int] | None]] = []
    lint_section: dict[str, Any] = {}
    if user_path is not None:
        watched.append((user_path, file_stamp(user_path)))
    if user_path is not None and user_path.exists():
        user = dict(read_toml(user_path))
        lint_section = user.pop("lint", {}) or {}
        _validate(user, user_path)
        data = _merge(data, user)
        log.info("lint config extended by %s", user_path)
    for name, key in USER_LISTS.items() if list_dir is not None else ():
        path = list_dir / name
        watched.append((path, file_stamp(path)))
        if path.exists():
            extra = {key: read_toml(path).get(key, [])}
            _validate(extra, path)
            data = _merge(data, extra)
    levels: dict[str, Level] = {}
    for code, level in (lint_section.get("levels") or {}).items():
        try:
            levels[code.upper()] = Level(str(level).lower())
        except ValueError:
            raise InputError(user_path, f"规则 {code} 的级别“{level}”无效（可用 error、warning、info）") from None
    select = lint_section.get("select")
    return LintConfig(
        data,
        _codes(select, user_path) if select is not None else None,
        _codes(lint_section.get("ignore"), user_path),
        levels,
        tuple(watched),
    )


def suppressions_path(draft: Path) -> Path:
    """Where a draft's ignore list lives: beside it, as `稿.txt.lint-ignore.json`."""
    return draft.with_name(draft.name + ".lint-ignore.json")


def load_suppressions(path: Path) -> list[Suppression]:
    """A document's ignore list: JSON [{code, snippet, context}], kept beside the draft by the editor."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
        return [Suppression(str(i["code"]), str(i["snippet"]), str(i.get("context", ""))) for i in items]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"忽略列表无法读取（{exc}）") from exc


def save_suppressions(path: Path, suppressions: list[Suppression]) -> None:
    payload = [{"code": s.code, "snippet": s.snippet, "context": s.context} for s in suppressions]
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
