"""What the phrase commands share: reading --kind, printing phrases for a reader and as JSON."""

from __future__ import annotations

import json
import sys

from desktop.core.errors import GongwenError, has_undecodable_name, readable, readable_name
from desktop.core.bank.store import BankGroup
from desktop.core.bank.importer import STATUS_NAMES, FileOutcome
from desktop.core.mining.model import KIND_NAMES, Phrase

# How many source sentences a phrase shows in text output (JSON carries them all).
SOURCES_SHOWN = 1


def parse_kind(value: str | None) -> str | None:
    """A kind given as its code (parallel) or its Chinese name (排比)."""
    if value is None:
        return None
    for code, name in KIND_NAMES.items():
        if value.strip().lower() == code or value.strip() == name:
            return code
    choices = "、".join(f"{code}（{name}）" for code, name in KIND_NAMES.items())
    raise GongwenError(f"未知的素材类别“{value}”，可选：{choices}")


def query_text(value: str, what: str) -> str:
    """Text typed on the command line; bytes that are not UTF-8 cannot be searched for."""
    if has_undecodable_name(value):
        raise GongwenError(f"{what}中有不是 UTF-8 编码的字节，无法查询：{readable(value)}")
    return value


def parse_limit(value: int) -> int:
    if value < 1:
        raise GongwenError(f"--limit 须为正整数，收到 {value}")
    return value


def report_problems(banks: BankGroup) -> None:
    for problem in banks.problems:
        print(f"警告：{problem}", file=sys.stderr)


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def phrase_line(phrase: Phrase) -> str:
    parts = [phrase.text]
    if phrase.pattern and phrase.pattern != phrase.text:
        parts.append(f"〔{phrase.pattern}〕")
    if phrase.initials:
        parts.append(phrase.initials)
    parts.append(f"{phrase.count} 次 · {phrase.docs} 篇")
    return "　".join(parts)


def document_named(doc: str, label: str) -> str:
    """A document as the window names it: 《its title》, or its file name when it has none."""
    return f"《{label}》" if label != doc else doc


def source_lines(phrase: Phrase, indent: str) -> list[str]:
    lines = [
        f"{indent}出处：{document_named(s.doc, s.label)}｜{s.sentence}" for s in phrase.sources[:SOURCES_SHOWN]
    ]
    if len(phrase.sources) > SOURCES_SHOWN:
        lines.append(f"{indent}（另有 {len(phrase.sources) - SOURCES_SHOWN} 处）")
    return lines


def kind_label(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


def progress_printer(index: int, total: int, outcome: FileOutcome) -> None:
    """One line per file on stderr while an import runs."""
    status = STATUS_NAMES[outcome.status]
    if outcome.status == "failed":
        detail = f"{status}：{outcome.message}"
    elif outcome.status in ("added", "updated"):
        detail = f"{status}，{outcome.phrases} 条素材"
    elif outcome.message:
        detail = f"{status}（{outcome.message}）"
    else:
        detail = f"{status}，跳过"
    print(f"[{index}/{total}] {readable_name(outcome.path)}：{detail}", file=sys.stderr, flush=True)
