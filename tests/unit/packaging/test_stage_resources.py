"""Staging resources/ for the bundle, and where the default bank comes from."""

import sqlite3
import sys

import pytest


@pytest.fixture
def no_prebuilt(build_script, monkeypatch, tmp_path):
    """A repository view without resources/bank/default.sqlite."""
    repo = tmp_path / "repo"
    (repo / "resources" / "corpus").mkdir(parents=True)
    (repo / "resources" / "corpus" / "a.txt").write_text("同志们：", encoding="utf-8")
    (repo / "resources" / "rules").mkdir()
    (repo / "resources" / "rules" / "r.toml").write_text("", encoding="utf-8")
    monkeypatch.setattr(build_script, "REPO", repo)
    return repo


def test_a_given_bank_is_shipped(build_script, no_prebuilt, tmp_path):
    bank = tmp_path / "mine.sqlite"
    sqlite3.connect(bank).execute("create table phrases (text)").connection.close()
    stage = tmp_path / "stage"
    shipped = build_script.stage_resources(stage, bank, require_bank=True)
    assert shipped == stage / "bank" / "default.sqlite"
    assert shipped.read_bytes() == bank.read_bytes()
    assert (stage / "corpus" / "a.txt").is_file() and (stage / "rules" / "r.toml").is_file()


def test_the_app_builds_the_bank_when_none_is_prebuilt(build_script, no_prebuilt, monkeypatch, tmp_path):
    writer = [
        sys.executable,
        "-c",
        "import sys, sqlite3; sqlite3.connect(sys.argv[1]).execute('create table t (x)')",
    ]
    monkeypatch.setattr(build_script, "_bank_builder", lambda: writer)
    shipped = build_script.stage_resources(tmp_path / "stage", None, require_bank=True)
    assert shipped.is_file()


def test_no_way_to_build_a_bank_is_an_error_only_when_required(
    build_script, no_prebuilt, monkeypatch, tmp_path
):
    monkeypatch.setattr(build_script, "_bank_builder", lambda: None)
    assert build_script.stage_resources(tmp_path / "s1", None, require_bank=False) is None
    with pytest.raises(build_script.BuildError, match="no default bank"):
        build_script.stage_resources(tmp_path / "s2", None, require_bank=True)


def test_a_missing_bank_file_is_named(build_script, no_prebuilt, tmp_path):
    with pytest.raises(build_script.BuildError, match="nowhere.sqlite"):
        build_script.stage_resources(tmp_path / "stage", tmp_path / "nowhere.sqlite", require_bank=False)
