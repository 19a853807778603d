"""The core and the CLI must never pull in Qt: a fresh interpreter imports them and looks."""

import subprocess
import sys

from tests.conftest import REPO_ROOT

PROBE = """
import importlib, pkgutil, sys
import desktop.core, desktop.cli, desktop.commands
for package in (desktop.core, desktop.commands):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print(",".join(loaded))
"""


def test_importing_core_cli_and_commands_loads_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules loaded by the core: {result.stdout}"
