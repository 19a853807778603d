"""The Windows installer script, the workflow and the build script agree with each other.

They cannot run here (no Windows, no GitHub runner); these checks catch the drift that would break them.
"""

import re

import pytest

from tests.conftest import REPO_ROOT

ISS = (REPO_ROOT / "packaging" / "windows" / "gongwen.iss").read_text(encoding="utf-8-sig")
WORKFLOW = (REPO_ROOT / ".github" / "workflows" / "package.yml").read_text(encoding="utf-8")
SPEC = (REPO_ROOT / "packaging" / "gongwen.spec").read_text(encoding="utf-8")
MAKEFILE = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")


def test_build_script_passes_every_define_the_installer_requires(build_script, monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(build_script, "find_iscc", lambda: tmp_path / "ISCC.exe")
    monkeypatch.setattr(build_script, "run", lambda cmd, **kw: calls.append(cmd))
    build_script.build_inno(tmp_path / "gongwen", tmp_path / "out", "1.2.3")
    passed = {arg[2:].split("=", 1)[0] for arg in calls[0] if arg.startswith("/D")}
    required = set(re.findall(r"^#ifndef (\w+)", ISS, flags=re.MULTILINE))
    assert required and required <= passed
    assert calls[0][-1].endswith("gongwen.iss")
    # build.py names the installer it expects from OutputBaseFilename.
    assert "OutputBaseFilename=gongwen-{#AppVersion}-setup" in ISS


def test_installer_is_per_user_with_shortcuts_uninstaller_and_clean_upgrade():
    assert re.search(r"^PrivilegesRequired=lowest$", ISS, flags=re.MULTILINE)
    assert re.search(r"^DefaultDirName=\{autopf\}", ISS, flags=re.MULTILINE)
    assert re.search(
        r"^AppId=\{\{[0-9A-F-]{36}\}$", ISS, flags=re.MULTILINE
    )  # fixed: upgrades find the old install
    install_delete = ISS.split("[InstallDelete]")[1].split("\n[")[0]
    assert 'Name: "{app}\\_internal"' in install_delete and "filesandordirs" in install_delete
    icons = ISS.split("[Icons]")[1].split("\n[")[0]
    assert "{autoprograms}" in icons and "{autodesktop}" in icons
    assert "Uninstallable=no" not in ISS


@pytest.mark.parametrize("exe", ["gongwen", "gongwen-cli"])
def test_executables_named_by_installer_and_workflow_are_built_by_the_spec(exe):
    assert f'name="{exe}"' in SPEC
    assert f"{exe}.exe" in ISS + WORKFLOW


def test_workflow_uses_existing_make_targets_and_build_options(build_script):
    targets = set(re.findall(r"^([a-z][\w-]*):", MAKEFILE, flags=re.MULTILINE))
    used = set(re.findall(r"(?:run:|^)\s*make ([a-z][\w-]*)", WORKFLOW, flags=re.MULTILINE))
    assert used and used <= targets
    source = (REPO_ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    for option in re.findall(r"packaging/build\.py((?: --[\w-]+)*)", WORKFLOW):
        for flag in option.split():
            assert f'"{flag}"' in source, flag
    assert "windows-latest" in WORKFLOW and "--selftest" in WORKFLOW
