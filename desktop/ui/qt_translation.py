"""Qt's own words in Chinese: the file dialogs (查找范围、文件名称、打开), the editors' context menus
(复制、粘贴) and standard buttons.

Two translators: Qt's qtbase_zh_CN (ships with PySide6; kept in the bundle by
packaging/bundle_rules.py), installed before the window is built, and the few strings it lacks on this
Qt version (resources/qt_zh_CN.toml), installed after the first paint since reading TOML is not
worth the start-up time and no dialog can open before. Our own message boxes name their buttons
themselves (desktop/ui/messages.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTranslator

from desktop.core import paths

log = logging.getLogger(__name__)

CATALOGUE = "qtbase_zh_CN"


def translation_folders() -> list[Path]:
    """Where Qt keeps its translations: its own answer (qt.conf), then the PySide6 package's folders
    (Linux wheels and bundles: Qt/translations; Windows: translations)."""
    from PySide6.QtCore import QLibraryInfo

    import PySide6

    package = Path(PySide6.__file__).parent
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
               package / "Qt" / "translations", package / "translations"]
    return list(dict.fromkeys(folders))


def install_qt_translation(app) -> Path | None:
    """Load qtbase_zh_CN into the application once; returns the file loaded (None: not found, Qt
    stays in English and the log says so)."""
    if hasattr(app, "_gongwen_qt_translation"):
        return app._gongwen_qt_translation
    translator = QTranslator(app)
    found = None
    for folder in translation_folders():
        if translator.load(CATALOGUE, str(folder)):
            app.installTranslator(translator)
            found = folder / f"{CATALOGUE}.qm"
            break
    else:
        log.warning("Qt's Chinese translation (%s.qm) not found in %s", CATALOGUE,
                    ", ".join(map(str, translation_folders())))
    app._gongwen_qt_translation = found
    return found


class TranslationGaps(QTranslator):
    """Answers only what qtbase_zh_CN leaves in English; everything else falls through to it."""

    def __init__(self, table: dict[str, dict[str, str]], parent=None):
        super().__init__(parent)
        self.table = table

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.table.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return False


def install_translation_gaps(app) -> int:
    """Install the table of resources/qt_zh_CN.toml once (after qtbase_zh_CN, so it is asked first);
    returns the number of strings it holds."""
    if hasattr(app, "_gongwen_translation_gaps"):
        return app._gongwen_translation_gaps
    import tomllib

    source = paths.resources_dir() / "qt_zh_CN.toml"
    try:
        table = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("%s unreadable, some of Qt's words stay in English: %s", source, exc)
        table = {}
    table = {context: {k: str(v) for k, v in strings.items()} for context, strings in table.items()
             if isinstance(strings, dict)}
    app.installTranslator(TranslationGaps(table, app))
    app._gongwen_translation_gaps = count = sum(map(len, table.values()))
    return count
