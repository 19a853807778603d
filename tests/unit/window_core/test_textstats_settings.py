"""字数 rule, speaking time and the settings store."""

from __future__ import annotations

import json

from desktop.core.textstats import count_zi, format_duration, speaking_seconds
from desktop.ui.settings import Settings, load_settings, save_settings, settings_path


def test_zi_counts_chinese_characters_and_punctuation():
    assert count_zi("同志们：") == 4
    assert count_zi("“一是”……——《决定》（草案）") == 16
    assert count_zi("  \n\t　") == 0  # spaces, line breaks and the ideographic space do not count


def test_latin_and_digit_runs_count_as_one():
    assert count_zi("2026年") == 2
    assert count_zi("GDP增长5%") == 4  # GDP, 增, 长, 5; the half-width % is not counted
    assert count_zi("５Ｇ网络") == 3  # full-width letters and digits form one run


def test_rare_characters_count():
    assert count_zi("𠀀〇") == 2


def test_speaking_time():
    assert speaking_seconds(220, 220) == 60
    assert speaking_seconds(2200) == 600
    assert format_duration(600) == "10分00秒"
    assert format_duration(45) == "45秒"


def test_settings_round_trip_and_bad_files(isolated_data_dir):
    assert load_settings() == Settings()
    settings = Settings(font_size=18, speaking_rate=200, disabled_rules=["GW304"])
    settings.add_recent("/tmp/a.txt")
    settings.add_recent("/tmp/b.txt")
    settings.add_recent("/tmp/a.txt")
    save_settings(settings)
    assert settings_path().parent == isolated_data_dir / "config"
    loaded = load_settings()
    assert loaded == settings and loaded.recent_files[0].endswith("a.txt") and len(loaded.recent_files) == 2
    settings_path().write_text(json.dumps({"speaking_rate": 5, "unknown": 1}), encoding="utf-8")
    assert load_settings().speaking_rate == 60  # clamped, unknown keys ignored
    settings_path().write_text("{broken", encoding="utf-8")
    assert load_settings() == Settings()
