"""Render resources/icons/gongwen.svg to the PNG (Linux menus) and ICO (Windows) committed beside it.

Run by hand after changing the SVG: `.venv/bin/python packaging/render_icons.py` (needs QtSvg, which
the development install has; the bundle does not ship it).
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "gongwen.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage painting needs the application)
    ok = render(256).save(str(ICONS / "gongwen.png")) and render(256).save(str(ICONS / "gongwen.ico"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
