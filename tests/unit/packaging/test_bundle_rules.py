"""The bundle keeps what runs and nothing else: the rules applied to PyInstaller's collected files."""

import pytest

from tests.unit.packaging.conftest import make_tree

KEPT = [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libicudata.so.73",
    "libQt6Core.so.6",
    "libxcb-cursor.so.0",
    "jieba/dict.txt",
    "pypinyin/phrases_dict.json",
    "docx/templates/default.docx",
    "resources/bank/default.sqlite",
    # Windows layout of the same plugins.
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt6Widgets.dll",
    "PySide6/translations/qtbase_zh_CN.qm",
]

DROPPED = [
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_help_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "libQt6WaylandClient.so.6",
    "PySide6/Qt6Network.dll",
    "PySide6/QtCore.pyi",
    "jieba/lac_small/model_baseline/word_emb",
    "jieba/finalseg/prob_emit.p",
    "python_docx-1.2.0.dist-info/METADATA",
    "libgtk-3.so.0",
    "libfontconfig.so.1",
    "libX11.so.6",
]


@pytest.mark.parametrize("dest", KEPT)
def test_kept(bundle_rules, dest):
    assert bundle_rules.keep(dest)


@pytest.mark.parametrize("dest", DROPPED)
def test_dropped(bundle_rules, dest):
    assert not bundle_rules.keep(dest)


def test_windows_separators_are_understood(bundle_rules):
    assert not bundle_rules.keep("PySide6\\Qt\\plugins\\platforms\\libqwayland.so")


def test_jieba_tfidf_table_ships_only_when_the_app_uses_it(bundle_rules, tmp_path):
    (tmp_path / "mining.py").write_text("import jieba\n", encoding="utf-8")
    assert bundle_rules.unused_optional_data(tmp_path) == ["jieba/analyse/*"]
    assert not bundle_rules.keep("jieba/analyse/idf.txt", bundle_rules.unused_optional_data(tmp_path))
    (tmp_path / "keywords.py").write_text("import jieba.analyse\n", encoding="utf-8")
    assert bundle_rules.unused_optional_data(tmp_path) == []


def test_libraries_left_behind_by_dropped_plugins_are_found(bundle_rules):
    needed_by = {
        "PySide6/Qt/plugins/platforms/libqxcb.so": {"libxcb-cursor.so.0", "libc.so.6"},
        "python3.11/lib-dynload/_sqlite3.so": {"libsqlite3.so.0"},
        "libxcb-cursor.so.0": {"libxcb-util.so.1"},
        "libxcb-util.so.1": set(),
        "libsqlite3.so.0": set(),
        "libpython3.11.so.1.0": set(),
        "libgio-2.0.so.0": {"libgobject-2.0.so.0"},  # needed only by the dropped GTK theme
        "libgobject-2.0.so.0": set(),
    }
    assert bundle_rules.unreferenced_libraries(needed_by) == {"libgio-2.0.so.0", "libgobject-2.0.so.0"}


def test_verify_bundle_names_missing_and_unexpected_files(bundle_rules, tmp_path):
    complete = [pattern.replace("*", "x") for pattern in bundle_rules.REQUIRED["linux"]]
    root = make_tree(tmp_path / "ok", complete)
    assert bundle_rules.verify_bundle(root, "linux") == []
    bad = make_tree(
        tmp_path / "bad",
        [f for f in complete if "platforminputcontexts" not in f]
        + ["PySide6/Qt/lib/libQt6Network.so.6", "PySide6/QtCore.pyi"],
    )
    problems = bundle_rules.verify_bundle(bad, "linux")
    assert any("missing" in p and "ibusplatforminputcontext" in p for p in problems)
    assert "unexpected: PySide6/Qt/lib/libQt6Network.so.6" in problems
    assert "unexpected: PySide6/QtCore.pyi" in problems


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_a_bundle_without_qts_chinese_translation_is_refused(bundle_rules, tmp_path, platform):
    complete = [pattern.replace("*", "x") for pattern in bundle_rules.REQUIRED[platform]]
    assert any(f.endswith("translations/qtbase_zh_CN.qm") for f in complete)
    root = make_tree(tmp_path / platform, [f for f in complete if not f.endswith("qtbase_zh_CN.qm")])
    assert [p for p in bundle_rules.verify_bundle(root, platform) if "qtbase_zh_CN" in p]
