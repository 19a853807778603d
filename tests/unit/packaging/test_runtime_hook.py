"""The frozen app's runtime hook hands fcitx sessions to the bundled ibus plugin and Wayland to XWayland."""

import os
import runpy
import sys

import pytest

from tests.conftest import REPO_ROOT

HOOK = REPO_ROOT / "packaging" / "rthooks" / "pyi_rth_gongwen_env.py"


@pytest.fixture
def fake_bundle(tmp_path, monkeypatch):
    contexts = tmp_path / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    contexts.mkdir(parents=True)
    (contexts / "libibusplatforminputcontextplugin.so").write_bytes(b"")
    (tmp_path / "PySide6" / "Qt" / "plugins" / "platforms").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    return contexts


def test_fcitx_is_served_through_ibus(fake_bundle, monkeypatch):
    monkeypatch.setenv("QT_IM_MODULE", "fcitx")
    runpy.run_path(str(HOOK))
    assert os.environ["QT_IM_MODULE"] == "ibus"


def test_a_bundled_fcitx_plugin_is_respected(fake_bundle, monkeypatch):
    (fake_bundle / "libfcitx5platforminputcontextplugin.so").write_bytes(b"")
    monkeypatch.setenv("QT_IM_MODULE", "fcitx")
    runpy.run_path(str(HOOK))
    assert os.environ["QT_IM_MODULE"] == "fcitx"


def test_ibus_and_unset_are_left_alone(fake_bundle, monkeypatch):
    monkeypatch.setenv("QT_IM_MODULE", "ibus")
    runpy.run_path(str(HOOK))
    assert os.environ["QT_IM_MODULE"] == "ibus"
    monkeypatch.delenv("QT_IM_MODULE")
    runpy.run_path(str(HOOK))
    assert "QT_IM_MODULE" not in os.environ


def test_forced_wayland_falls_back_to_xcb(fake_bundle, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    runpy.run_path(str(HOOK))
    assert os.environ["QT_QPA_PLATFORM"] == "xcb"
