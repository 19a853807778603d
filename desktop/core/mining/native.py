"""The mining modules compiled to C, and whether the compiled forms may be used.

`make setup` compiles MODULES with mypyc into extensions beside their sources (scripts/compile_mining.py),
as one shared library so they call each other in C, and records the digest of every source it compiled.
Python imports a module's extension before its source, so an extension left from an older source would
hide an edit: `use_fresh_code()` then makes all of them import from source until they are compiled again.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE = "desktop.core.mining"
DIRECTORY = Path(__file__).resolve().parent
# What a pass of mining runs: the extractors and the helpers they call per sentence. Not `cancel`: its
# `check`, run as bytecode, is where mining hands the GIL to a waiting thread (cancel.py).
MODULES = (
    "candidate", "closing", "heading", "idiom", "initials", "lexicon", "miner", "opening", "parallel",
    "placeholders", "quote", "template", "text", "transition",
)  # fmt: skip
GROUP = f"{PACKAGE}.compiled"  # the shared library: desktop/core/mining/compiled__mypyc.<suffix>
DIGESTS = "compiled.json"  # module → SHA-256 of the source its extension was compiled from


def source_digests(directory: Path = DIRECTORY) -> dict[str, str]:
    return {name: hashlib.sha256((directory / f"{name}.py").read_bytes()).hexdigest() for name in MODULES}


def extensions(directory: Path = DIRECTORY) -> list[Path]:
    """The compiled files present: one per module, and the shared library."""
    stems = [*MODULES, GROUP.rsplit(".", 1)[1] + "__mypyc"]
    return [
        directory / f"{stem}{suffix}"
        for stem in stems
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        if (directory / f"{stem}{suffix}").is_file()
    ]


def stale(directory: Path = DIRECTORY) -> list[str]:
    """Modules whose extension was not compiled from the source now beside it (all of them when the record
    is missing or unreadable; none when nothing is compiled)."""
    if not extensions(directory):
        return []
    try:
        recorded = json.loads((directory / DIGESTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = {}
    current = source_digests(directory)
    return [name for name in MODULES if recorded.get(name) != current[name]]


def loaded_compiled() -> list[str]:
    """Of MODULES, those imported from an extension in this process (imports them all)."""
    names = []
    for name in MODULES:
        module = importlib.import_module(f"{PACKAGE}.{name}")
        if str(getattr(module, "__file__", "")).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            names.append(name)
    return names


class _SourcesFinder(importlib.abc.MetaPathFinder):
    """Imports MODULES from their .py files, ahead of the extensions beside them."""

    def find_spec(self, fullname, path=None, target=None):  # noqa: ANN001 (the finder protocol)
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, DIRECTORY / f"{name}.py")


def use_fresh_code() -> None:
    """Import the mining modules from source when any extension is stale. The compiled modules call each
    other directly, so one stale module means none of them may load compiled."""
    if not (DIRECTORY / "miner.py").is_file():
        return  # an installed bundle: no sources, the extensions are the code
    outdated = stale()
    if outdated and not any(isinstance(finder, _SourcesFinder) for finder in sys.meta_path):
        log.warning("compiled mining modules are stale (%s): running from source; `make setup` compiles them",
                    ", ".join(outdated))
        sys.meta_path.insert(0, _SourcesFinder())
