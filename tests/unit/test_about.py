"""The facts behind the 关于 dialog come from the real paths and files."""

import sqlite3

from desktop import __version__
from desktop.core.about import about_info, about_lines


def test_about_reports_version_and_the_redirected_folders(isolated_data_dir):
    info = about_info()
    assert info.version == __version__
    assert info.data_dir == isolated_data_dir
    assert info.config_dir == isolated_data_dir / "config"
    assert info.data_dir.is_dir() and info.config_dir.is_dir()


def test_banks_in_use_say_whether_they_exist(isolated_data_dir):
    user_bank = isolated_data_dir / "bank.sqlite"
    before = {bank.role: bank for bank in about_info().banks}
    assert before["user"].path == user_bank and not before["user"].exists
    sqlite3.connect(user_bank).close()
    after = {bank.role: bank for bank in about_info().banks}
    assert after["user"].exists


def test_default_bank_is_the_bundled_one_or_the_copy_in_the_data_folder(
    isolated_data_dir, tmp_path, monkeypatch
):
    resources = tmp_path / "resources"
    monkeypatch.setenv("GONGWEN_RESOURCES", str(resources))
    fallback = {bank.role: bank for bank in about_info().banks}["default"]
    assert fallback.path.parent == isolated_data_dir and not fallback.exists
    (resources / "bank").mkdir(parents=True)
    sqlite3.connect(resources / "bank" / "default.sqlite").close()
    bundled = {bank.role: bank for bank in about_info().banks}["default"]
    assert bundled.path == resources / "bank" / "default.sqlite" and bundled.exists


def test_a_chosen_bank_comes_first_and_lines_name_every_path(tmp_path):
    chosen = tmp_path / "同事的素材库.sqlite"
    info = about_info(chosen_bank=chosen)
    assert [bank.role for bank in info.banks] == ["chosen", "default", "user"]
    lines = about_lines(info)
    assert lines[0].endswith(__version__)
    assert any(str(info.data_dir) in line and line.startswith("数据文件夹") for line in lines)
    assert any(str(chosen) in line and "缺失" in line for line in lines)
    assert any("尚未创建" in line and line.startswith("个人素材库") for line in lines)
