"""Runtime hook of the frozen app: adapt the desktop's Qt environment to the plugins the bundle ships.

The bundle's Qt cannot load the desktop's own fcitx plugin (it is built against the system Qt), so
an fcitx session would leave the editor without Chinese input. fcitx5 also speaks the ibus protocol,
and the bundle ships the ibus plugin: ask Qt for that one instead. The bundle ships no Wayland plugin,
so a desktop that forces Wayland gets X11 (XWayland) instead of a failed start.
"""

import os
import sys


def _plugin_present(folder: str, stem: str) -> bool:
    plugins = os.path.join(getattr(sys, "_MEIPASS", ""), "PySide6", "Qt", "plugins", folder)
    try:
        return any(stem in name for name in os.listdir(plugins))
    except OSError:
        return False


def _adapt_environment() -> None:
    if not sys.platform.startswith("linux"):
        return
    im_module = os.environ.get("QT_IM_MODULE", "")
    if im_module.startswith("fcitx") and not _plugin_present("platforminputcontexts", "fcitx"):
        os.environ["QT_IM_MODULE"] = "ibus"
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith("wayland") and not _plugin_present("platforms", "wayland"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"


_adapt_environment()
