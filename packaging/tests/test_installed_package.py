"""Install the built .deb and use the installed app the way an office PC would: offline, from /usr/bin."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

import bundle_rules
import pytest

from desktop import __version__
from desktop.core.mining import native
from tests.e2e.offline import run_offline
from tests.e2e.test_offline import DRAFT, missing_parts

MB = 1000 * 1000
MAX_BUNDLE_BYTES = 130 * MB
MAX_DEB_BYTES = 45 * MB


def _bank_can_be_built() -> bool:
    return not missing_parts("mine")


def test_sizes_within_targets(installed):
    report = installed.report
    assert report["bundle_bytes"] <= MAX_BUNDLE_BYTES, f"bundle {report['bundle_bytes'] / MB:.1f} MB"
    assert installed.deb.stat().st_size <= MAX_DEB_BYTES, f".deb {installed.deb.stat().st_size / MB:.1f} MB"


def test_installed_layout(installed):
    assert (installed.app_dir / "gongwen").is_file()
    launcher = installed.root / "usr" / "bin" / "gongwen"
    assert launcher.is_symlink()
    assert (installed.root / "usr/share/applications/gongwen.desktop").is_file()
    assert (installed.root / "usr/share/icons/hicolor/256x256/apps/gongwen.png").is_file()


def test_installed_bundle_holds_only_what_runs(installed):
    assert bundle_rules.verify_bundle(installed.app_dir / "_internal", "linux") == []


def test_input_method_plugins_are_installed(installed):
    contexts = installed.app_dir / "_internal" / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    names = sorted(p.name for p in contexts.iterdir())
    assert "libibusplatforminputcontextplugin.so" in names
    assert "libcomposeplatforminputcontextplugin.so" in names


def test_every_bundled_library_resolves(installed):
    internal = installed.app_dir / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    unresolved = []
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], env=env, check=False, capture_output=True, text=True).stdout
        unresolved += [
            f"{path.relative_to(internal)}: {line.strip()}"
            for line in out.splitlines()
            if "not found" in line
        ]
    assert unresolved == []


def test_version(installed, app_env):
    result = subprocess.run(
        [str(installed.command), "--version"],
        env=app_env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == f"gongwen {__version__}"


def test_selftest_offline_from_installed_files(installed, app_env, tmp_path):
    run = run_offline([str(installed.command), "--selftest"], tmp_path, env=app_env)
    assert run.result.returncode == 0, run.result.stdout + run.result.stderr
    assert run.network_attempts == []
    # The bundle mines with the compiled modules (make setup compiles them before freezing).
    modules = len(native.MODULES)
    mining = [line for line in run.result.stdout.splitlines() if line.startswith("selftest: mining ok")]
    assert mining and f"挖掘模块 {modules}/{modules} 个已编译" in mining[0], run.result.stdout


def _selftest_on_x11(installed, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run the installed --selftest with the xcb platform under Xvfb; it must pass."""
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run not installed (scripts/install-system-deps.sh installs xvfb)")
    result = subprocess.run(
        ["xvfb-run", "-a", str(installed.command), "--selftest"],
        check=False,
        env={**env, "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    return result


def test_selftest_on_x11(installed, app_env):
    assert "selftest: all steps passed" in _selftest_on_x11(installed, app_env).stdout


def _loaded_input_contexts(installed, app_env, im_module: str | None) -> list[str]:
    """The input-context plugins Qt loaded during an X11 --selftest, from its plugin log."""
    env = {key: value for key, value in app_env.items() if key != "QT_IM_MODULE"}
    env["QT_DEBUG_PLUGINS"] = "1"
    if im_module:
        env["QT_IM_MODULE"] = im_module
    result = _selftest_on_x11(installed, env)
    return [
        line.split("platforminputcontexts/")[1].split('"')[0]
        for line in result.stderr.splitlines()
        if "platforminputcontexts/" in line and line.rstrip().endswith('" loaded library')
    ]


@pytest.mark.parametrize("im_module", ["ibus", "fcitx"])
def test_chinese_input_methods_reach_the_frozen_app(installed, app_env, im_module):
    # fcitx sessions are served through the bundled ibus plugin (runtime hook; fcitx5 speaks ibus).
    assert _loaded_input_contexts(installed, app_env, im_module) == ["libibusplatforminputcontextplugin.so"]


def test_no_input_method_plugin_is_loaded_when_none_is_asked_for(installed, app_env):
    assert _loaded_input_contexts(installed, app_env, None) == []


def test_default_bank_is_prebuilt(installed):
    bank = installed.app_dir / "_internal" / "resources" / "bank" / "default.sqlite"
    if not _bank_can_be_built():
        assert installed.report["bank"] is None
        pytest.skip(
            f"mining cannot run on this branch yet ({', '.join(missing_parts('mine'))} missing), "
            "so no default bank was built"
        )
    assert bank.is_file()
    with sqlite3.connect(f"file:{bank}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute("select name from sqlite_master where type='table'")]
    assert tables, "the default bank has no tables"


@pytest.mark.parametrize("command", ["mine", "lint", "export"])
def test_cli_commands_offline_from_installed_files(installed, app_env, tmp_path, command):
    missing = missing_parts(command)
    if missing:
        pytest.skip(f"`gongwen {command}` cannot run on this branch yet ({', '.join(missing)} missing)")
    (tmp_path / "讲话稿.txt").write_text(DRAFT, encoding="utf-8")
    corpus = installed.app_dir / "_internal" / "resources" / "corpus"
    args = {
        "mine": ["mine", str(corpus), "--bank", str(tmp_path / "bank.sqlite")],
        "lint": ["lint", "讲话稿.txt"],
        "export": ["export", "讲话稿.txt", "-o", str(tmp_path / "讲话稿.docx")],
    }[command]
    run = run_offline([str(installed.command), *args], tmp_path, env=app_env)
    assert run.result.returncode in ((0, 1) if command == "lint" else (0,)), (
        run.result.stdout + run.result.stderr
    )
    assert run.network_attempts == []


def test_chinese_messages_under_the_c_locale(installed, app_env):
    env = {**app_env, "LANG": "C", "LC_ALL": "C"}
    result = subprocess.run(
        [str(installed.command), "suggest"], env=env, check=False, capture_output=True, timeout=120
    )
    assert result.returncode == 2
    assert "用法错误" in result.stderr.decode("utf-8")
