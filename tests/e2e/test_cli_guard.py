"""The guard over the whole command line: every sub-command, every argument it takes, every hostile input.

The sub-commands and their arguments are read from the CLI's own parser, so a command added later is
guarded without touching this file. Each argument that takes a value gets, in turn, each hostile input
below (the others get ordinary values), alone and with each of the command's switches; the commands
that read or write banks also run with a damaged and with a read-only user bank. A run fails the guard
when its stderr holds a traceback or the program's internal-error line, or its exit status is not 0, 1
or 2.

Everything runs as a normal user would (tests/hostile.py: permission bits bind), in one process
driven by cli_guard_driver.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import INTERNAL_ERROR, build_cli_parser
from tests.conftest import REPO_ROOT
from tests.hostile import (
    SPEECH,
    as_normal_user,
    bad_name_file,
    broken_pdf,
    damage_pages,
    fifo,
    random_middle,
    read_only,
    seed_bank,
    symlink_loop,
    unreadable_folder,
)

DRIVER = Path(__file__).with_name("cli_guard_driver.py")


def hostile_world(root: Path) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str]]:
    """(hostile inputs by name, [(pristine copy, path)] to put back after each run, ordinary values)."""
    root.mkdir()
    speech = root / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    usb = root / "usb"  # a folder holding one of each odd thing beside a good file
    usb.mkdir()
    (usb / "good.txt").write_text(SPEECH + "重整行装再出发。\n", encoding="utf-8")
    bad_name_file(usb)
    symlink_loop(usb / "LOOP.txt")
    fifo(usb / "PIPE.txt")
    broken_pdf(usb / "broken.pdf")
    unreadable_folder(usb)
    banks = root / "banks"
    banks.mkdir()
    pristine = root / "pristine"
    pristine.mkdir()
    made = {
        "random.db": random_middle(seed_bank(banks / "random.db")),
        "damaged.db": damage_pages(seed_bank(banks / "damaged.db")),
        "readonly.db": seed_bank(banks / "readonly.db"),
    }
    hostile = {
        "folder with odd files": str(usb),
        "name not UTF-8": str(bad_name_file(root / "single")),
        "symlink loop": str(symlink_loop(root / "LINK")),
        "fifo": str(fifo(root / "FIFO.txt")),
        "broken pdf": str(broken_pdf(root / "broken.pdf")),
        "unreadable folder": str(unreadable_folder(root, "locked")),
        "missing": str(root / "missing.txt"),
        **{f"bank {name}": str(path) for name, path in made.items()},
    }
    ordinary = {"file": str(speech), "output": str(root / "out.docx")}
    data = {}
    states = (("damaged user bank", made["damaged.db"]), ("read-only user bank", made["readonly.db"]))
    for state, source in states:
        folder = root / f"data {state}"
        folder.mkdir()
        shutil.copyfile(source, folder / "bank.sqlite")
        data[state] = str(folder)
    keep = [(str(speech), str(speech))]
    for path in [*made.values(), *(Path(d) / "bank.sqlite" for d in data.values())]:
        copy = pristine / f"{len(keep)}-{path.name}"
        shutil.copyfile(path, copy)
        keep.append((str(copy), str(path)))
    shutil.copyfile(speech, pristine / "speech.txt")
    keep[0] = (str(pristine / "speech.txt"), str(speech))
    read_only(made["readonly.db"])
    read_only(Path(data["read-only user bank"]) / "bank.sqlite")
    return hostile, keep, {**ordinary, **data}


def sub_commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_cli_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def ordinary_value(action: argparse.Action, ordinary: dict[str, str]) -> str:
    if action.type is int:
        return "3"
    if action.choices:
        return str(next(iter(action.choices)))
    return ordinary["file"] if not action.option_strings else ordinary["output"]


def command_line(name: str, values: dict[argparse.Action, str], switch: argparse.Action | None) -> list[str]:
    argv = [name]
    for action, value in values.items():
        argv += [value] if not action.option_strings else [action.option_strings[-1], value]
    return argv + ([switch.option_strings[-1]] if switch else [])


def plan(hostile: dict[str, str], ordinary: dict[str, str], fresh_data: str) -> list[dict]:
    runs = []
    for name, parser in sub_commands().items():
        actions = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
        takes_value = [a for a in actions if a.nargs != 0]
        switches = [None, *(a for a in actions if a.nargs == 0)]
        needed = {a: ordinary_value(a, ordinary) for a in takes_value if not a.option_strings or a.required}
        for action in takes_value:
            for value in hostile.values():
                for switch in switches:
                    argv = command_line(name, {**needed, action: value}, switch)
                    runs.append({"argv": argv, "data_dir": fresh_data})
        if not any("--bank" in a.option_strings for a in actions):
            continue  # the user's bank is no concern of this command
        for state in ("damaged user bank", "read-only user bank"):
            for switch in switches:
                runs.append({"argv": command_line(name, needed, switch), "data_dir": ordinary[state]})
    return runs


@pytest.mark.timeout(1800)  # some 500 runs: about a minute on an idle machine
def test_no_sub_command_ever_shows_a_traceback(tmp_path):
    hostile, keep, ordinary = hostile_world(tmp_path / "world")
    fresh = tmp_path / "data"
    fresh.mkdir()
    runs = plan(hostile, ordinary, str(fresh))
    commands = {run["argv"][0] for run in runs}
    assert commands == set(sub_commands()) and {"mine", "restore", "lint"} <= commands
    plan_file, results_file = tmp_path / "plan.json", tmp_path / "results.json"
    absent = [hostile["missing"]]
    plan_file.write_text(json.dumps({"runs": runs, "keep": keep, "absent": absent}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    try:
        driven = subprocess.run(
            [*as_normal_user(), sys.executable, str(DRIVER), str(plan_file), str(results_file)],
            cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=1200,
        )  # fmt: skip
    finally:
        for folder in (Path(hostile["unreadable folder"]), Path(hostile["folder with odd files"]) / "locked"):
            folder.chmod(0o755)
    assert driven.returncode == 0, driven.stderr[-3000:]
    results = json.loads(results_file.read_text(encoding="utf-8"))
    assert len(results) == len(runs)
    bad = [
        f"{r['argv']} [{Path(r['data_dir']).name}] → {r['code']}\n{r['stderr'][-1500:]}"
        for r in results
        if "Traceback" in r["stderr"] or INTERNAL_ERROR in r["stderr"] or r["code"] not in (0, 1, 2)
    ]
    assert not bad, f"{len(bad)} of {len(results)} runs failed:\n" + "\n\n".join(bad[:10])
    # The hostile inputs were really met: odd files and damaged banks are named in Chinese.
    said = "\n".join(r["stderr"] for r in results)
    for words in ("不是 UTF-8 编码", "符号链接循环", "不是普通文件", "文件夹无法读取", "素材库文件已损坏", "素材库文件是只读的"):
        assert words in said, words
