"""Export profiles: page, grid, fonts and paragraph roles, read from a TOML file.

Profiles are data (resources/profiles/*.toml) so an office can copy one and change it; a name picks a
bundled profile, a path to a .toml file picks the user's own.
"""

from __future__ import annotations

import logging
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import InputError
from desktop.core.paths import resources_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 (older office Linux builds)
    import tomli as tomllib

log = logging.getLogger(__name__)

ROLE_NAMES = ("title", "subtitle", "byline", "salutation", "body", "closing",
              "heading1", "heading2", "heading3", "heading4")
ALIGNMENTS = ("left", "center", "right", "both")


@dataclass(frozen=True)
class PageSetup:
    width: int  # twips
    height: int
    margin_top: int
    margin_bottom: int
    margin_left: int
    margin_right: int
    footer: int

    @property
    def text_width(self) -> int:
        return self.width - self.margin_left - self.margin_right

    @property
    def text_height(self) -> int:
        return self.height - self.margin_top - self.margin_bottom


@dataclass(frozen=True)
class Role:
    font: str  # key of a fallback chain in Profile.fonts
    size: float  # pt
    align: str = "both"
    indent_chars: float = 0
    space_before: int = 0  # in lines of the grid, so the grid stays aligned
    space_after: int = 0
    bold: bool = False
    max_chars_per_line: int = 0  # titles only: split longer titles into lines
    keep_with_next: bool = False  # no page break between this paragraph and the next (headings always)


@dataclass(frozen=True)
class PageNumber:
    font: str
    size: float
    format: str  # "{page}" is replaced by the PAGE field
    odd: str  # "right": odd pages right, even pages left; "center": all centred
    gap_chars: float


@dataclass(frozen=True)
class Profile:
    name: str
    source: Path
    page: PageSetup
    line_pitch: int  # exact line spacing, twips
    chars_per_line: int  # 0 = natural character width
    east_asia_lang: str
    fonts: dict[str, tuple[str, ...]]
    latin_font: str  # key of the chain used for Latin letters and digits
    roles: dict[str, Role]
    page_number: PageNumber
    file_suffix: str = ""  # added to the draft's name for the proposed file: 讲话（念稿）.docx
    keep_lines: bool = False  # no page break inside a paragraph (a reading copy); off keeps the 公文 grid
    widow_control: bool = False

    @property
    def body(self) -> Role:
        return self.roles["body"]

    def char_spacing(self, size_pt: float) -> int:
        """Character spacing in twips (w:spacing) that fits exactly chars_per_line characters of size_pt.

        Rounded down so chars_per_line fit; the next character no longer does.
        """
        if not self.chars_per_line:
            return 0
        return math.floor(self.page.text_width / self.chars_per_line - size_pt * 20)

    def char_pitch(self, size_pt: float) -> int:
        """Advance of one full-width character in twips, spacing included."""
        return int(size_pt * 20) + self.char_spacing(size_pt)


def output_name(stem: str, profile: Profile) -> str:
    """The file name proposed for a draft exported with `profile`: each profile its own, so one export
    never overwrites another (讲话.docx, 讲话（念稿）.docx)."""
    return f"{stem}{profile.file_suffix}.docx"


def bundled_profiles_dir() -> Path:
    return resources_dir() / "profiles"


def bundled_profile_names() -> list[str]:
    return sorted(p.stem for p in bundled_profiles_dir().glob("*.toml"))


def resolve_profile_path(name_or_path: str | Path) -> Path:
    """A bundled profile name ("gongwen", "speech") or a path to a .toml file."""
    text = str(name_or_path)
    candidate = Path(text)
    if candidate.suffix.lower() == ".toml" or "/" in text or "\\" in text:
        if not candidate.is_file():
            raise InputError(candidate, "找不到版式文件")
        return candidate
    bundled = bundled_profiles_dir() / f"{text}.toml"
    if not bundled.is_file():
        names = "、".join(bundled_profile_names())
        raise InputError(None, f"没有名为“{text}”的版式（可用：{names}，或给出 .toml 版式文件的路径）")
    return bundled


def load_profile(name_or_path: str | Path = "gongwen") -> Profile:
    path = resolve_profile_path(name_or_path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(path, f"无法读取版式文件（{exc.strerror or exc}）") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"版式文件格式有误（{exc}）") from exc
    try:
        return _build(path, data)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(path, f"版式文件内容有误：{_describe(exc)}") from exc


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"缺少设置项 {exc.args[0]}"
    return str(exc)


def _int(table: dict[str, Any], key: str, default: int | None = None) -> int:
    value = table.get(key, default)
    if value is None:
        raise KeyError(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{key} 应为数字")
    return int(value)


def _build(path: Path, data: dict[str, Any]) -> Profile:
    page_t = data["page"]
    page = PageSetup(
        width=_int(page_t, "width"), height=_int(page_t, "height"),
        margin_top=_int(page_t, "margin_top"), margin_bottom=_int(page_t, "margin_bottom"),
        margin_left=_int(page_t, "margin_left"), margin_right=_int(page_t, "margin_right"),
        footer=_int(page_t, "footer", 992),
    )
    if page.text_width <= 0 or page.text_height <= 0:
        raise ValueError("页边距大于纸张")
    grid = data.get("grid", {})
    if "line_pitch" in grid:
        line_pitch = _int(grid, "line_pitch")
    elif "lines_per_page" in grid:
        line_pitch = page.text_height // _int(grid, "lines_per_page")
    else:
        raise KeyError("grid.lines_per_page 或 grid.line_pitch")
    if line_pitch <= 0:
        raise ValueError("行距应大于 0")
    chars = _int(grid, "chars_per_line", 0)
    fonts_t = data["fonts"]
    fonts: dict[str, tuple[str, ...]] = {}
    for key, chain in fonts_t.items():
        if isinstance(chain, str):
            chain = [chain]
        if not chain or not all(isinstance(n, str) and n.strip() for n in chain):
            raise ValueError(f"fonts.{key} 应为非空的字体名列表")
        fonts[key] = tuple(n.strip() for n in chain)
    latin = str(data.get("latin_font", "latin"))
    if latin not in fonts:
        raise KeyError(f"fonts.{latin}")
    roles: dict[str, Role] = {}
    roles_t = data["roles"]
    for name in ROLE_NAMES:
        role_t = roles_t.get(name) or roles_t.get("body")
        if role_t is None:
            raise KeyError(f"roles.{name}")
        roles[name] = _role(name, role_t, fonts)
    pn_t = data.get("page_number", {})
    pn_font = str(pn_t.get("font", "songti"))
    if pn_font not in fonts:
        raise KeyError(f"fonts.{pn_font}")
    pn_format = str(pn_t.get("format", "— {page} —"))
    if pn_format.count("{page}") != 1:
        raise ValueError("page_number.format 应含一个 {page}")
    odd = str(pn_t.get("odd", "right"))
    if odd not in ("right", "left", "center"):
        raise ValueError("page_number.odd 应为 right、left 或 center")
    page_number = PageNumber(pn_font, float(pn_t.get("size", 14)), pn_format, odd, float(pn_t.get("gap_chars", 1)))
    suffix = str(data.get("file_suffix", ""))
    if any(ch in suffix for ch in '\\/:*?"<>|'):
        raise ValueError("file_suffix 不能含有 \\ / : * ? \" < > | 这些文件名不允许的字符")
    flow = data.get("flow", {})
    profile = Profile(
        name=str(data.get("name", path.stem)), source=path, page=page, line_pitch=line_pitch,
        chars_per_line=chars, east_asia_lang=str(data.get("language", {}).get("east_asia", "zh-CN")),
        fonts=fonts, latin_font=latin, roles=roles, page_number=page_number, file_suffix=suffix,
        keep_lines=bool(flow.get("keep_lines", False)), widow_control=bool(flow.get("widow_control", False)),
    )
    log.debug("profile %s: line pitch %d twips, %d chars a line", path, line_pitch, chars)
    return profile


def _role(name: str, table: dict[str, Any], fonts: dict[str, tuple[str, ...]]) -> Role:
    font = str(table["font"])
    if font not in fonts:
        raise KeyError(f"fonts.{font}（roles.{name} 用到）")
    align = str(table.get("align", "both"))
    if align not in ALIGNMENTS:
        raise ValueError(f"roles.{name}.align 应为 {'、'.join(ALIGNMENTS)} 之一")
    size = float(table["size"])
    if not 4 <= size <= 96:
        raise ValueError(f"roles.{name}.size 应在 4–96 磅之间")
    return Role(
        font=font, size=size, align=align, indent_chars=float(table.get("indent_chars", 0)),
        space_before=_int(table, "space_before", 0), space_after=_int(table, "space_after", 0),
        bold=bool(table.get("bold", False)), max_chars_per_line=_int(table, "max_chars_per_line", 0),
        keep_with_next=bool(table.get("keep_with_next", False)),
    )
