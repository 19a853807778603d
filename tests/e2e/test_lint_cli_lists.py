"""`gongwen lint` with the draft's properties (--level/--place, or the file the window keeps beside the
draft), the office's lists in the config folder, and --fix on the new families' safe fixes."""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.core.lint.leaders import Leader, save_leaders
from desktop.core.lint.properties import DraftProperties, save_properties

SPEECH = "在项目建设推进会上的讲话\n同志们：\n我县项目建设成效明显，全市上下要再接再厉，推动雾山县经济社会高质量发展。\n"


def lint_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["lint", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_level_and_place_from_the_command_line(capsys, tmp_path):
    draft = tmp_path / "讲话.txt"
    draft.write_text(SPEECH, encoding="utf-8")
    _, plain = lint_json(capsys, str(draft))
    assert not [f for f in plain if f["code"].startswith("GW6")]  # nothing tells the level or the place
    code, found = lint_json(capsys, "--level", "县", "--place", "云岭县", str(draft))
    assert code == 1
    by_code = {f["code"]: f for f in found}
    assert "「全市」" in by_code["GW601"]["message"] and by_code["GW601"]["fix"]["replacement"] == "全县"
    assert by_code["GW602"]["fix"]["replacement"] == "云岭县" and by_code["GW602"]["fix"]["safe"]  # the writer named the place


def test_properties_kept_beside_the_draft_are_read(capsys, tmp_path):
    draft = tmp_path / "讲话.txt"
    draft.write_text(SPEECH, encoding="utf-8")
    save_properties(draft, DraftProperties("县", "云岭县"))
    _, found = lint_json(capsys, str(draft))
    assert {"GW601", "GW602"} <= {f["code"] for f in found}


def test_a_level_that_is_none_is_refused_with_the_reason(capsys, tmp_path):
    draft = tmp_path / "讲话.txt"
    draft.write_text(SPEECH, encoding="utf-8")
    assert main(["lint", "--level", "村", str(draft)]) == 2
    assert "层级“村”无效" in capsys.readouterr().err


def test_office_leader_list_in_the_config_folder(capsys, tmp_path):
    save_leaders([Leader("王明", "县委书记"), Leader("李华", "县长")])
    draft = tmp_path / "纪要.txt"
    draft.write_text("县长李华、县委书记王明出席会议。县长王明讲话。\n", encoding="utf-8")
    _, found = lint_json(capsys, str(draft))
    assert sorted(f["code"] for f in found) == ["GW504", "GW505"]


def test_fix_applies_the_safe_fixes_of_the_new_families(capsys, tmp_path):
    draft = tmp_path / "通知.txt"
    draft.write_text(
        "关于做好防汛工作的通知\n各乡镇人民政府，县直各单位\n今年汛期降雨量预计偏多10～20%，水位上涨１２厘米，"
        "利率下调.5个百分点。首先、要压实责任。其次，要加强值守。\n附件：1、防汛责任表；\n2.值班安排表\n\n"
        "县防汛指挥部\n二〇二六年五月二十日\n",
        encoding="utf-8",
    )
    assert main(["lint", "--fix", str(draft)]) == 0, capsys.readouterr()
    assert draft.read_text(encoding="utf-8") == (
        "关于做好防汛工作的通知\n各乡镇人民政府，县直各单位：\n今年汛期降雨量预计偏多10%～20%，水位上涨12厘米，"
        "利率下调0.5个百分点。首先，要压实责任。其次，要加强值守。\n附件：1.防汛责任表\n2.值班安排表\n\n"
        "县防汛指挥部\n2026年5月20日\n"
    )
