"""Word lists as data: every entry names its source, the writer's own files in the config folder extend
them and are read again when they change, the office's leader list round-trips through its file, and
the engine reports one finding per rule per span."""

from __future__ import annotations

import os

import pytest

from desktop.core import paths
from desktop.core.errors import InputError
from desktop.core.lint import Linter, load_config
from desktop.core.lint.leaders import Leader, load_leaders, save_leaders
from desktop.core.lint.properties import DraftProperties, load_properties, properties_path, save_properties

from .conftest import codes


def test_every_bundled_entry_names_its_source():
    data = load_config(use_user_file=False).data
    for key in ("terms", "formulations", "banned"):
        entries = data[key]
        assert entries, key
        missing = [e.get("right") or e.get("pattern") for e in entries if not e.get("source")]
        assert not missing, (key, missing)
    assert len(data["formulations"]) >= 50


def _touch_later(path) -> None:
    """Make sure a rewrite within the same clock tick still reads as a change."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_user_word_list_is_read_again_when_it_changes(isolated_data_dir, caplog):
    linter = Linter(load_config())
    text = "要认真做好巡查工作。\n"
    assert "GW501" not in codes(linter.lint(text))
    user = paths.config_dir() / "confusables.toml"
    user.write_text('[[terms]]\nwrong = "巡查"\nright = "巡察"\nsource = "本单位"\n', encoding="utf-8")
    first = [d for d in linter.lint(text).diagnostics if d.code == "GW501"]
    assert len(first) == 1 and "巡察" in first[0].message
    user.write_text("[[terms]\n", encoding="utf-8")  # a half-typed edit: the lists stay as they were
    _touch_later(user)
    assert "GW501" in codes(linter.lint(text))
    assert "confusables.toml" in caplog.text
    user.unlink()
    assert "GW501" not in codes(linter.lint(text))


def test_user_formulations_and_banned_words_extend_the_bundled_ones(isolated_data_dir):
    config_dir = paths.config_dir()
    (config_dir / "formulations.toml").write_text(
        '[[formulations]]\nright = "三零工作法"\nwrong = ["三个零工作法"]\nsource = "本单位文件"\n', encoding="utf-8"
    )
    (config_dir / "banned.toml").write_text(
        "[[banned]]\npattern = '老大难'\nadvice = \"换成具体说法\"\nlevel = \"info\"\nsource = \"本单位\"\n",
        encoding="utf-8",
    )
    found = Linter(load_config()).lint("推广三个零工作法，解决老大难问题，不忘初心牢记使命。").diagnostics
    assert sorted(d.code for d in found) == ["GW502", "GW502", "GW503"]
    assert any("三零工作法" in d.message for d in found)


def test_a_list_entry_without_its_fields_is_named_with_its_file(isolated_data_dir):
    (paths.config_dir() / "banned.toml").write_text("[[banned]]\npattern = '某'\n", encoding="utf-8")
    with pytest.raises(InputError, match="banned.toml.*advice"):
        load_config()


def test_one_finding_per_rule_per_span(isolated_data_dir):
    # the writer's list repeats a bundled entry: the same span is still reported once
    (paths.config_dir() / "confusables.toml").write_text(
        '[[terms]]\nwrong = "其它"\nright = "其他"\nsource = "本单位"\n', encoding="utf-8"
    )
    assert codes(Linter(load_config()).lint("与其它单位相比。")) == ["GW501"]


def test_leader_list_round_trips_through_its_file(isolated_data_dir):
    leaders = [Leader("王明", "县委书记"), Leader("欧阳“小”华", "县长", ("县委副书记",))]
    save_leaders(leaders)
    assert load_leaders() == leaders
    with pytest.raises(InputError, match="姓名和职务"):
        save_leaders([Leader("李华", "")])
    assert load_leaders() == leaders  # a refused list leaves the stored one alone


def test_draft_properties_live_beside_the_draft(tmp_path):
    draft = tmp_path / "讲话.txt"
    assert load_properties(draft) == DraftProperties()
    save_properties(draft, DraftProperties("县", "云岭县"))
    assert load_properties(draft) == DraftProperties("县", "云岭县")
    save_properties(draft, DraftProperties())
    assert not properties_path(draft).exists()
    properties_path(draft).write_text("{坏", encoding="utf-8")
    with pytest.raises(InputError, match="properties.json"):
        load_properties(draft)
    with pytest.raises(ValueError):
        DraftProperties("村")


def test_checking_many_drafts_reads_the_rule_files_once(isolated_data_dir, monkeypatch):
    import desktop.core.lint.config as config

    load_config()
    reads = []
    real = config.tomllib.load
    monkeypatch.setattr(config.tomllib, "load", lambda handle: reads.append(handle.name) or real(handle))
    for _ in range(3):
        load_config()
    assert reads == []  # parsed once per version of each file
