"""What the frozen bundle holds: one set of rules read by the spec, the build script and the tests.

The app needs QtCore, QtGui and QtWidgets only. PyInstaller's Qt hooks collect more than that (every
platform plugin, Wayland and EGL support, all translations, the GTK theme with its whole GTK stack), so
every collected file passes `keep()` and the finished bundle is checked by `verify_bundle()`.
Paths are bundle-relative with forward slashes, e.g. "PySide6/Qt/plugins/platforms/libqxcb.so".
This module imports nothing outside the standard library so tests and the spec can both load it.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

# Python modules never to freeze: Qt modules the app does not use, and standard-library parts a
# desktop editor never needs (the network ones also keep the offline promise visible in the bundle).
EXCLUDED_MODULES = [
    *(
        f"PySide6.{name}"
        for name in (
            "QtNetwork",
            "QtQml",
            "QtQuick",
            "QtQuickControls2",
            "QtQuickWidgets",
            "QtQuickTest",
            "QtPdf",
            "QtPdfWidgets",
            "QtSvg",
            "QtSvgWidgets",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtPrintSupport",
            "QtSql",
            "QtTest",
            "QtXml",
            "QtConcurrent",
            "QtDesigner",
            "QtHelp",
            "QtUiTools",
            "QtDBus",
            "QtMultimedia",
            "QtWebEngineCore",
            "QtWebEngineWidgets",
            "QtCharts",
            "QtLabsStyleKit",
        )
    ),
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "pydoc_data",
    "lib2to3",
    "distutils",
    "setuptools",
    # jieba falls back to reading its dictionary beside its own files without pkg_resources.
    "pkg_resources",
    "pip",
    "ensurepip",
    "venv",
    "idlelib",
    "turtle",
    "turtledemo",
    "test",
    "doctest",
    "readline",
    "ssl",
    "_ssl",
    "ftplib",
    "smtplib",
    "imaplib",
    "poplib",
    "nntplib",
    "telnetlib",
    "xmlrpc",
    "http.server",
    "urllib.request",
    "paddle",
    "numpy",
    "PIL",
    # python-docx needs only lxml.etree.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.cssselect",
    "lxml.ElementInclude",
]

# Qt plugins kept, by plugin folder; folders not named here are dropped whole.
QT_PLUGINS = {
    # offscreen for --selftest and CI, minimal as a last resort, xcb for X11 desktops (UOS, Kylin run X11).
    "platforms": [
        "libqxcb.so",
        "libqoffscreen.so",
        "libqminimal.so",
        "qwindows.dll",
        "qoffscreen.dll",
        "qminimal.dll",
    ],
    # Without these, Chinese input methods (ibus; fcitx5 through its ibus front end) never reach the app.
    "platforminputcontexts": ["*ibusplatforminputcontextplugin*", "*composeplatforminputcontextplugin*"],
    "imageformats": ["*qico*", "*qjpeg*", "*qgif*"],
    "xcbglintegrations": ["*"],
    # Native look on Windows (windows11/vista styles live here since Qt 6.7).
    "styles": ["*"],
}

# Translations: only Simplified Chinese for Qt's own dialogs and context menus.
QT_TRANSLATIONS = ["qtbase_zh_CN.qm", "qt_zh_CN.qm"]

# Qt shared libraries kept (QtDBus and XcbQpa are needed by the xcb platform plugin and ibus input).
QT_LIBRARIES = ["Core", "Gui", "Widgets", "DBus", "XcbQpa"]

# Data files of the app's dependencies that are never read at run time.
DROPPED_DATA = [
    "*.pyi",
    "*/py.typed",
    "*.dist-info/*",
    "*/__pycache__/*",
    "*/tests/*",
    "*/test/*",
    # jieba: the paddle model (only for paddle mode) and the pickled models read only on Jython.
    "jieba/lac_small/*",
    "jieba/*.p",
    "jieba/*/*.p",
    "pypinyin/__pyinstaller/*",
    "PySide6/Qt/metatypes/*",
    "PySide6/Qt/qml/*",
    "PySide6/Qt/libexec/*",
    "PySide6/typesystems/*",
    "PySide6/include/*",
    "PySide6/glue/*",
    "PySide6/scripts/*",
    # Windows: the 20 MB software OpenGL fallback; widgets paint without OpenGL.
    "PySide6/opengl32sw.dll",
]

# System libraries left to the target desktop: the GTK stack pulled in only by the dropped GTK theme
# plugin, and libraries every X11 desktop has whose bundled copies would raise the glibc floor.
SYSTEM_LIBRARIES_LEFT_OUT = [
    "libgtk-3.so*",
    "libgdk-3.so*",
    "libatk-*",
    "libatk-bridge-*",
    "libatspi*",
    "libcairo*",
    "libpango*",
    "libgdk_pixbuf-*",
    "libpixman-*",
    "libthai*",
    "libdatrie*",
    "libfribidi*",
    "libepoxy*",
    "libXrender*",
    "libXext*",
    "libXi.so*",
    "libXfixes*",
    "libXcomposite*",
    "libXdamage*",
    "libXcursor*",
    "libXrandr*",
    "libXinerama*",
    "libwayland-*",
    "libgcrypt*",
    "libgpg-error*",
    "libsystemd*",
    "liblz4*",
    "libkrb5*",
    "libk5crypto*",
    "libgssapi_krb5*",
    "libcom_err*",
    "libkeyutils*",
    "libcrypto*",
    "libssl*",
    "libselinux*",
    "libmount*",
    "libblkid*",
    "libcap.so*",
    # AppImage practice: use the desktop's font stack so its fontconfig configuration matches.
    "libfontconfig*",
    "libfreetype*",
    "libexpat*",
    "libharfbuzz*",
    "libpng16*",
    "libbrotli*",
    "libgraphite2*",
    # X11 itself (the desktop's; the .deb depends on it). The small xcb helper libraries Qt needs stay
    # bundled: desktops often lack libxcb-cursor0 and friends.
    "libX11.so*",
    "libX11-xcb.so*",
    "libXau.so*",
    "libXdmcp.so*",
    "libbsd.so*",
    "libmd.so*",
]

# What must be there, as glob patterns on bundle-relative paths, per platform.
REQUIRED = {
    "linux": [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",  # Qt's dialogs and buttons in Chinese
        "jieba/dict.txt",
        "pypinyin/pinyin_dict.json",
        "pypinyin/phrases_dict.json",
        "docx/templates/default.docx",
        "resources/corpus/*.txt",
        "resources/ranking.json",  # 相关's weights; without them it ranks by context alone
    ],
    "win32": [
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/Qt6Widgets.dll",
        "PySide6/translations/qtbase_zh_CN.qm",
        "jieba/dict.txt",
        "pypinyin/pinyin_dict.json",
        "pypinyin/phrases_dict.json",
        "docx/templates/default.docx",
        "resources/corpus/*.txt",
        "resources/ranking.json",  # 相关's weights; without them it ranks by context alone
    ],
}

# What must never be there, whatever a hook collected.
FORBIDDEN = [
    "*Qt6Network*",
    "*Qt6Qml*",
    "*Qt6Quick*",
    "*Qt6Pdf*",
    "*Qt6Svg*",
    "*Qt6WebEngine*",
    "*Qt6Wayland*",
    "*Qt6EglFS*",
    "*Qt6Designer*",
    "PySide6/QtNetwork*",
    "PySide6/QtQml*",
    "PySide6/QtQuick*",
    "*/plugins/tls/*",
    "*/plugins/networkinformation/*",
    "*/plugins/platformthemes/*gtk3*",
    "*qtvirtualkeyboard*",
    "*.pyi",
    "*.dist-info/*",
    "*/tests/*",
    "jieba/lac_small/*",
    "*/translations/assistant_*",
    "*/translations/designer_*",
    "*/translations/qt_help_*",
    "*/translations/linguist_*",
    "*_ssl*",
    "*libssl*",
]


# Third-party packages the app needs at run time; named here because parts of the app import them lazily.
RUNTIME_PACKAGES = ["jieba", "pypinyin", "docx", "platformdirs", "sqlite3", "pypdf"]


# python-docx finds its XML templates as `docx/parts/../templates/…`: the docx/parts folder must exist
# on disk, so its modules ship as .pyc files instead of inside the archive.
MODULE_COLLECTION_MODE = {"docx": "pyc"}


def unused_optional_data(app_source: Path | str) -> list[str]:
    """Patterns of optional dependency data the app's source never reaches (jieba's TF-IDF table, 6 MB)."""
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in Path(app_source).rglob("*.py"))
    return [] if "jieba.analyse" in text else ["jieba/analyse/*"]


def _matches(path: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)


def _qt_relative(path: str) -> str | None:
    """The part after the Qt prefix ("PySide6/Qt/" on Linux, "PySide6/" on Windows), or None."""
    for prefix in ("PySide6/Qt/", "PySide6/"):
        if path.startswith(prefix):
            return path[len(prefix) :]
    return None


def keep(dest: str, also_dropped: list[str] | None = None) -> bool:
    """Whether a collected file (its destination in the bundle) belongs in the bundle."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if _matches(path, DROPPED_DATA + (also_dropped or [])):
        return False
    if "/" not in path and _matches(name, SYSTEM_LIBRARIES_LEFT_OUT):
        return False
    qt_rel = _qt_relative(path)
    if qt_rel is not None:
        if qt_rel.startswith("plugins/"):
            parts = qt_rel.split("/")
            folder = parts[1] if len(parts) > 2 else ""
            return folder in QT_PLUGINS and _matches(parts[-1], QT_PLUGINS[folder])
        if qt_rel.startswith("translations/"):
            return name in QT_TRANSLATIONS
    qt_lib = re.match(r"^(?:lib)?Qt6(\w+?)(?:\.so\.6|\.dll)$", name)
    if qt_lib:
        return qt_lib.group(1) in QT_LIBRARIES
    return True


def unreferenced_libraries(needed_by: dict[str, set[str]]) -> set[str]:
    """Top-level shared libraries no kept file links against any more.

    PyInstaller resolves library dependencies before the filtering above, so dropping a plugin (the GTK
    theme, Wayland) leaves the libraries only it needed behind. `needed_by` maps each collected binary's
    bundle path to the sonames it links against; the result is the top-level libraries to drop, found
    by walking from every file that is not such a library (extensions, plugins, Qt libraries).
    """

    def is_candidate(dest: str) -> bool:
        return "/" not in dest and dest.startswith("lib") and not dest.startswith("libpython")

    by_name = {dest: dest for dest in needed_by if is_candidate(dest)}
    reached: set[str] = set()
    todo = [dest for dest in needed_by if not is_candidate(dest)]
    while todo:
        for soname in needed_by.get(todo.pop(), ()):
            if soname in by_name and soname not in reached:
                reached.add(soname)
                todo.append(soname)
    return set(by_name) - reached


def bundle_files(root: Path) -> list[str]:
    """Every file under the bundle's contents folder, bundle-relative with forward slashes."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink())


def verify_bundle(root: Path, platform: str) -> list[str]:
    """Problems with a built bundle's contents folder: a missing required file or a forbidden one."""
    files = bundle_files(root)
    problems = []
    for pattern in REQUIRED.get(platform, []):
        if not any(fnmatch.fnmatchcase(f, pattern) for f in files):
            problems.append(f"missing: {pattern}")
    for f in files:
        if _matches(f, FORBIDDEN):
            problems.append(f"unexpected: {f}")
    return problems
