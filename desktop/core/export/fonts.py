"""Which fonts are installed on this computer, and which font of a fallback chain to name.

Fonts are never bundled (licences): the document names the first font of each chain that is installed,
so the copy printed on this computer looks as it did on screen. Linux asks fontconfig (fc-list);
Windows reads the font registry and the font folders; macOS reads its font folders. Font files are read
only for their name table (every family name in every language, so 仿宋 and FangSong both match).
"""

from __future__ import annotations

import logging
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
_NAME_IDS = (1, 4, 16)  # family, full name, typographic family


def normalise(name: str) -> str:
    return "".join(name.split()).casefold()


@dataclass
class FontCatalog:
    """The family names installed on this computer (normalised for comparison)."""

    names: set[str] = field(default_factory=set)
    source: str = ""

    def has(self, family: str) -> bool:
        return normalise(family) in self.names

    def add(self, families: Iterable[str]) -> None:
        self.names.update(normalise(f) for f in families if f and f.strip())


@dataclass(frozen=True)
class FontChoice:
    role: str  # the chain's key in the profile
    name: str  # the font named in the document
    installed: bool


def installed_fonts() -> FontCatalog:
    """Detect the installed font families; an empty catalogue when nothing can be found."""
    if sys.platform == "win32":
        catalog = FontCatalog(source="windows")
        catalog.add(_windows_registry_families())
        for folder in _windows_font_dirs():
            catalog.add(_families_in_folder(folder))
        return catalog
    catalog = _fontconfig_catalog()
    if catalog is not None:
        return catalog
    catalog = FontCatalog(source="folders")
    for folder in _unix_font_dirs():
        catalog.add(_families_in_folder(folder))
    return catalog


def choose(role: str, chain: Iterable[str], catalog: FontCatalog) -> FontChoice:
    chain = list(chain)
    for name in chain:
        if catalog.has(name):
            return FontChoice(role, name, True)
    return FontChoice(role, chain[0], False)


# --- fontconfig (Linux, BSD, and macOS with fontconfig) ---


def _fontconfig_catalog() -> FontCatalog | None:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        out = subprocess.run([fc_list, ":", "family", "fullname"], capture_output=True, text=True,
                             encoding="utf-8", errors="replace", timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("fc-list failed: %s", exc)
        return None
    catalog = FontCatalog(source="fontconfig")
    catalog.add(parse_fc_list(out))
    return catalog


def parse_fc_list(output: str) -> list[str]:
    """Family and full names from `fc-list : family fullname` (comma-separated localised names)."""
    names: list[str] = []
    for line in output.splitlines():
        for part in line.split(":"):
            part = part.strip()
            if "=" in part:  # "fullname=..." when a pattern element is printed with its key
                part = part.split("=", 1)[1]
            names.extend(n.replace("\\-", "-").strip() for n in part.split(","))
    return [n for n in names if n]


# --- font folders and name tables (Windows, macOS, fallback) ---


def _unix_font_dirs() -> list[Path]:
    home = Path.home()
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local/share/fonts", Path("/System/Library/Fonts"), Path("/Library/Fonts"),
            home / "Library/Fonts"]


def _windows_font_dirs() -> list[Path]:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
    dirs = [Path(windir) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed "for this user only" (Windows 10 1809+)
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _windows_registry_families() -> list[str]:
    """Value names of the Fonts registry keys, e.g. "仿宋_GB2312 (TrueType)" or "SimSun & NSimSun (TrueType)"."""
    try:
        import winreg  # type: ignore[import-not-found]
    except ImportError:
        return []
    names: list[str] = []
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, key_path) as key:
                index = 0
                while True:
                    try:
                        value_name = winreg.EnumValue(key, index)[0]
                    except OSError:
                        break
                    names.extend(parse_registry_font_name(value_name))
                    index += 1
        except OSError:
            continue
    return names


def parse_registry_font_name(value_name: str) -> list[str]:
    base = value_name
    if base.endswith(")") and " (" in base:
        base = base[: base.rindex(" (")]
    return [part.strip() for part in base.split("&") if part.strip()]


def _families_in_folder(folder: Path) -> set[str]:
    names: set[str] = set()
    if not folder.is_dir():
        return names
    for path in folder.rglob("*"):
        if path.suffix.lower() in FONT_SUFFIXES:
            names.update(font_file_names(path))
    return names


def font_file_names(path: Path) -> set[str]:
    """Family names in a .ttf/.otf/.ttc file's name table, in every language; empty if unreadable."""
    try:
        with path.open("rb") as fh:
            return _read_names(fh)
    except (OSError, struct.error, ValueError, UnicodeDecodeError) as exc:
        log.debug("cannot read font names of %s: %s", path, exc)
        return set()


def _read_names(fh) -> set[str]:
    head = fh.read(12)
    if head[:4] == b"ttcf":
        count = struct.unpack(">I", head[8:12])[0]
        offsets = struct.unpack(f">{min(count, 64)}I", fh.read(4 * min(count, 64)))
    else:
        offsets = (0,)
    names: set[str] = set()
    for offset in offsets:
        names.update(_names_at(fh, offset))
    return names


def _names_at(fh, offset: int) -> set[str]:
    fh.seek(offset)
    _, num_tables = struct.unpack(">IH", fh.read(6))
    fh.seek(offset + 12)
    table_dir = fh.read(16 * min(num_tables, 256))
    name_offset = None
    for i in range(min(num_tables, 256)):
        tag, _, tbl_offset, _ = struct.unpack(">4sIII", table_dir[16 * i:16 * i + 16])
        if tag == b"name":
            name_offset = tbl_offset
            break
    if name_offset is None:
        return set()
    fh.seek(name_offset)
    _, count, string_offset = struct.unpack(">HHH", fh.read(6))
    records = fh.read(12 * min(count, 4096))
    names: set[str] = set()
    for i in range(len(records) // 12):
        platform, encoding, _, name_id, length, rec_offset = struct.unpack(">HHHHHH", records[12 * i:12 * i + 12])
        if name_id not in _NAME_IDS:
            continue
        fh.seek(name_offset + string_offset + rec_offset)
        raw = fh.read(length)
        if platform in (0, 3):  # Unicode / Windows: UTF-16BE
            names.add(raw.decode("utf-16-be", errors="ignore"))
        elif platform == 1 and encoding == 0:  # Mac Roman
            names.add(raw.decode("mac_roman", errors="ignore"))
    return {n.strip("\x00 ") for n in names if n.strip("\x00 ")}
