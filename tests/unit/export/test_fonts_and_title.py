"""Font detection and fallback chains; title splitting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core.export.fonts import (FontCatalog, choose, font_file_names, installed_fonts, parse_fc_list,
                                       parse_registry_font_name)
from desktop.core.export.title import split_title, width


def test_first_installed_font_of_the_chain_is_chosen():
    catalog = FontCatalog()
    catalog.add(["FangSong", "KaiTi"])
    assert choose("fangsong", ["仿宋_GB2312", "仿宋", "FangSong"], catalog).name == "FangSong"
    missing = choose("title", ["方正小标宋简体", "华文中宋"], catalog)
    assert missing.name == "方正小标宋简体" and not missing.installed


def test_names_compare_without_case_or_spaces():
    catalog = FontCatalog()
    catalog.add(["Times New Roman"])
    assert catalog.has("times new roman") and catalog.has("TimesNewRoman")


def test_fc_list_output_with_localised_names():
    output = "FangSong,仿宋:fullname=FangSong,仿宋\nNoto Serif CJK SC:fullname=Noto Serif CJK SC Bold\n"
    names = parse_fc_list(output)
    assert {"FangSong", "仿宋", "Noto Serif CJK SC", "Noto Serif CJK SC Bold"} <= set(names)


def test_windows_registry_value_names():
    assert parse_registry_font_name("仿宋_GB2312 (TrueType)") == ["仿宋_GB2312"]
    assert parse_registry_font_name("SimSun & NSimSun (TrueType)") == ["SimSun", "NSimSun"]


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig (fc-list) is not installed")
def test_fontconfig_sees_the_installed_cjk_fonts():
    catalog = installed_fonts()
    assert catalog.source == "fontconfig"
    assert catalog.has("Noto Sans CJK SC"), "fonts-noto-cjk is installed by scripts/install-system-deps.sh"


def test_name_table_of_a_real_font_collection():
    files = sorted(Path("/usr/share/fonts").rglob("NotoSerifCJK*.tt*")) or sorted(Path("/usr/share/fonts").rglob("*.ttc"))
    if not files:
        pytest.skip("no .ttc font under /usr/share/fonts (fonts-noto-cjk provides one)")
    names = font_file_names(files[0])
    assert any("CJK" in name for name in names), names


def test_name_table_of_garbage_is_empty(tmp_path):
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 20)
    assert font_file_names(bad) == set()


def test_short_title_stays_on_one_line():
    assert split_title("在市政府重点工作推进会上的讲话", 20) == ["在市政府重点工作推进会上的讲话"]


def test_long_title_splits_between_words_evenly():
    lines = split_title("在2026年全市安全生产暨消防安全工作会议上的讲话", 20)
    assert lines == ["在2026年全市安全生产暨", "消防安全工作会议上的讲话"]


def test_book_title_is_never_broken():
    title = "关于认真学习贯彻《中华人民共和国安全生产法》进一步加强安全生产工作的通知"
    lines = split_title(title, 20)
    assert "".join(lines) == title
    assert all(width(line) <= 20 for line in lines)
    assert any(line.startswith("《中华人民共和国安全生产法》") or "《中华人民共和国安全生产法》" in line for line in lines)
    assert not any(line.count("《") != line.count("》") for line in lines)


def test_lines_do_not_start_with_a_particle():
    lines = split_title("在全市深入推进营商环境优化提升暨作风建设年活动动员部署会议上的讲话", 20)
    assert all(width(line) <= 20 for line in lines)
    assert not any(line[0] in "的之和与及，、" for line in lines)


def test_ascii_counts_half():
    assert width("2026年") == 3


def test_windows_path_reads_the_font_folders(tmp_path, monkeypatch):
    """The Windows branch on any machine: no registry here, so the Fonts folder's name tables decide."""
    files = sorted(Path("/usr/share/fonts").rglob("*.ttc"))
    if not files:
        pytest.skip("no .ttc font under /usr/share/fonts (fonts-noto-cjk provides one)")
    fonts_dir = tmp_path / "Windows" / "Fonts"
    fonts_dir.mkdir(parents=True)
    (fonts_dir / files[0].name).symlink_to(files[0])
    (fonts_dir / "desktop.ini").write_text("[.ShellClassInfo]", encoding="utf-8")
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    catalog = installed_fonts()
    assert catalog.source == "windows"
    assert catalog.names and catalog.names == {n for n in catalog.names if "cjk" in n}
