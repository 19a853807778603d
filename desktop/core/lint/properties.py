"""What a draft says about itself that the text may not: the administrative level it speaks for (县 in
全县, 我县) and its place name. The checker infers both from the title and opening; the writer may set
them (文稿属性 in the window, `--level/--place` on the command line), and the window keeps them beside the
draft as `稿.txt.properties.json`, which `gongwen lint` reads too."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.files import atomic_write_bytes

# The character a draft calls itself by: 全省/我省, 全市, 全县, 全区 (a district, or an autonomous region), …
LEVELS = ("省", "市", "州", "盟", "县", "区", "旗", "镇", "乡")


@dataclass(frozen=True)
class DraftProperties:
    level: str = ""  # one of LEVELS, "" to infer
    place: str = ""  # e.g. 民权县, "" to infer

    def __post_init__(self) -> None:
        if self.level and self.level not in LEVELS:
            raise ValueError(f"层级应为 {'、'.join(LEVELS)} 之一：{self.level}")


def properties_path(draft: Path) -> Path:
    return draft.with_name(draft.name + ".properties.json")


def load_properties(draft: Path) -> DraftProperties:
    path = properties_path(draft)
    if not path.exists():
        return DraftProperties()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return DraftProperties(str(data.get("level", "")), str(data.get("place", "")).strip())
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(path, f"文稿属性无法读取（{exc}）") from exc


def save_properties(draft: Path, properties: DraftProperties) -> None:
    """Write the properties beside the draft (or remove the file when nothing is set)."""
    path = properties_path(draft)
    if properties == DraftProperties():
        path.unlink(missing_ok=True)
        return
    atomic_write_bytes(path, json.dumps(asdict(properties), ensure_ascii=False, indent=1).encode("utf-8"))
