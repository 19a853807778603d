"""The office's own leader list: names, titles and order of precedence, kept by the writer in the settings
dialog and stored as `leaders.toml` in the config folder, where the checker reads it (GW504, GW505)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import paths
from desktop.core.errors import InputError
from desktop.core.files import atomic_write_bytes

FILE_NAME = "leaders.toml"


@dataclass(frozen=True)
class Leader:
    name: str
    title: str  # the title the name goes with in the office's documents
    also: tuple[str, ...] = field(default_factory=tuple)  # other titles the same person rightly carries


def leaders_path() -> Path:
    return paths.config_dir() / FILE_NAME


def leaders_from_data(data: dict) -> list[Leader]:
    out = []
    for entry in data.get("leaders", []):
        name, title = str(entry.get("name", "")).strip(), str(entry.get("title", "")).strip()
        also = tuple(t for t in (str(a).strip() for a in entry.get("also", ())) if t)
        if name and title:
            out.append(Leader(name, title, also))
    return out


def load_leaders(path: Path | None = None) -> list[Leader]:
    """The list in order of precedence; empty when the office has not written one."""
    from desktop.core.lint.config import read_toml

    path = path or leaders_path()
    if not path.exists():
        return []
    return leaders_from_data(read_toml(path))


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def save_leaders(leaders: list[Leader], path: Path | None = None) -> None:
    """Write the list as TOML, first in precedence first; the checker picks it up at its next run."""
    path = path or leaders_path()
    lines = [
        "# 本单位领导名单：按排序先后书写。name 姓名，title 职务，also 同一人的其他职务（可省略）。",
        "# 由“设置”对话框维护，也可直接编辑；检查时按修改时间自动重新读取。",
    ]
    for leader in leaders:
        if not leader.name.strip() or not leader.title.strip():
            raise InputError(path, f"领导名单中每一行都要有姓名和职务：{leader.name or '（无姓名）'}")
        lines += ["", "[[leaders]]", f"name = {_quoted(leader.name.strip())}"]
        lines.append(f"title = {_quoted(leader.title.strip())}")
        if leader.also:
            lines.append("also = [" + ", ".join(_quoted(t) for t in leader.also) + "]")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, ("\n".join(lines) + "\n").encode("utf-8"))
