"""The .deb layout, built by the real dpkg-deb from a small stand-in bundle."""

import shutil
import subprocess

import pytest

from desktop import APP_TITLE, __version__

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed (not Debian)"
)


@pytest.fixture(scope="module")
def deb(build_script, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("deb")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "gongwen").write_text("#!/bin/sh\necho gongwen\n")
    (bundle / "gongwen").chmod(0o755)
    (bundle / "_internal" / "data.txt").write_text("x" * 5000)
    return build_script.build_deb(bundle, tmp_path / "out", __version__, "2.28")


def _field(deb, name):
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_control_fields(deb):
    assert deb.name == f"gongwen_{__version__}_{_field(deb, 'Architecture')}.deb"
    assert _field(deb, "Package") == "gongwen"
    assert _field(deb, "Version") == __version__
    depends = _field(deb, "Depends")
    assert depends.startswith("libc6 (>= 2.28)")
    assert "libfontconfig1" in depends  # the font stack is the desktop's
    assert int(_field(deb, "Installed-Size")) >= 5


def test_layout_launcher_menu_entry_and_icons(deb, tmp_path):
    root = tmp_path / "x"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    launcher = root / "usr" / "bin" / "gongwen"
    assert launcher.is_symlink() and str(launcher.readlink()) == "/opt/gongwen/gongwen"
    assert (root / "opt" / "gongwen" / "gongwen").stat().st_mode & 0o111
    assert (root / "opt" / "gongwen" / "_internal" / "data.txt").is_file()
    entry = (root / "usr" / "share" / "applications" / "gongwen.desktop").read_text(encoding="utf-8")
    assert f"Name={APP_TITLE}" in entry and f"Name[zh_CN]={APP_TITLE}" in entry
    assert "Exec=gongwen %f" in entry and "Icon=gongwen" in entry
    assert (root / "usr/share/icons/hicolor/256x256/apps/gongwen.png").read_bytes()[:4] == b"\x89PNG"
    assert (root / "usr/share/icons/hicolor/scalable/apps/gongwen.svg").is_file()


def test_files_are_owned_by_root(deb):
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    owners = {line.split()[1] for line in listing.splitlines()}
    assert owners == {"root/root"}


def test_desktop_entry_is_valid(build_script, tmp_path):
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate not installed (Debian package desktop-file-utils)")
    entry = tmp_path / "gongwen.desktop"
    entry.write_text(build_script.DESKTOP_ENTRY, encoding="utf-8")
    result = subprocess.run([validator, str(entry)], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
