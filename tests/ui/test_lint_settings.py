"""The checker's lists and properties in the window: the office's leader list kept in the settings dialog,
a word list edited while the window is open, and the draft's level set in 文稿属性."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog

from desktop.core import paths
from desktop.core.lint.leaders import load_leaders
from desktop.ui.dialogs import DraftPropertiesDialog
from desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import ime_commit, wait_analysis

SPEECH = "在全县工作会议上的讲话\n同志们：\n刚才，县长王明作了部署。县长李华、县委书记王明出席了会议。\n同志们，让我们共同努力！\n"


def codes(analysis) -> list[str]:
    return [f.code for f in analysis.findings]


def test_leader_list_kept_in_settings_is_used_by_the_live_check(qtbot, window, monkeypatch):
    ime_commit(window.editor, SPEECH)
    assert "GW504" not in codes(wait_analysis(qtbot, window))

    def fill(dialog):
        assert dialog.tabs.tabText(1) == "领导名单"
        for name, title in (("王明", "县委书记"), ("李华", "县长")):
            dialog.leaders_table.setCurrentCell(-1, -1)
            dialog._add_leader_row(name, title, "")
        dialog._add_leader_row("张强", "", "")  # no title: left out of the list
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fill)
    window.settings_dialog()
    stored = load_leaders()
    assert [(p.name, p.title) for p in stored] == [("王明", "县委书记"), ("李华", "县长")]
    assert (paths.config_dir() / "leaders.toml").is_file()
    found = wait_analysis(qtbot, window)
    wrong = [f for f in found.findings if f.code in ("GW504", "GW505")]
    assert {f.code for f in wrong} == {"GW504", "GW505"}, [f.message for f in found.findings]
    assert any("「王明」的职务是「县委书记」" in f.message for f in wrong)


def test_leader_rows_move_in_order_of_precedence(qtbot, window, monkeypatch):
    def reorder(dialog):
        dialog._add_leader_row("王明", "县委书记", "")
        dialog._add_leader_row("李华", "县长", "县委副书记")
        dialog.leaders_table.setCurrentCell(1, 0)
        dialog._move_leader_row(-1)
        assert [p.name for p in dialog.result_leaders()] == ["李华", "王明"]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", reorder)
    window.settings_dialog()
    assert [(p.name, p.also) for p in load_leaders()] == [("李华", ("县委副书记",)), ("王明", ())]


def test_a_word_list_edited_while_open_is_read_again(qtbot, window):
    ime_commit(window.editor, "我们要做好巡查工作。\n")
    assert "GW501" not in codes(wait_analysis(qtbot, window))
    (paths.config_dir() / "confusables.toml").write_text(
        '[[terms]]\nwrong = "巡查"\nright = "巡察"\nwhy = "本单位统一写法"\nsource = "本单位"\n', encoding="utf-8"
    )
    ime_commit(window.editor, "要抓紧。\n")
    found = wait_analysis(qtbot, window)
    assert any(f.code == "GW501" and "巡察" in f.message for f in found.findings)


def test_draft_properties_set_the_level_and_are_kept_beside_the_draft(qtbot, window, monkeypatch, tmp_path):
    draft = tmp_path / "讲话.txt"
    draft.write_text("在项目建设推进会上的讲话\n同志们：\n我县项目建设成效明显，全市上下要再接再厉。\n", encoding="utf-8")
    assert window.open_path(draft)
    assert "GW601" not in codes(wait_analysis(qtbot, window))  # nothing tells the level yet

    def choose(dialog):
        dialog.level_box.setCurrentIndex(dialog.level_box.findData("县"))
        dialog.place_edit.setText("云岭县")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DraftPropertiesDialog, "exec", choose)
    window.act_properties.trigger()
    stored = json.loads((tmp_path / "讲话.txt.properties.json").read_text(encoding="utf-8"))
    assert stored == {"level": "县", "place": "云岭县"}
    found = wait_analysis(qtbot, window)
    assert any(f.code == "GW601" and "「全市」" in f.message for f in found.findings)
