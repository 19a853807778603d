"""Load the build scripts in packaging/ by path: a folder named `packaging` must not shadow the PyPI one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT

PACKAGING_DIR = REPO_ROOT / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    qualified = f"gongwen_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    if str(PACKAGING_DIR) not in sys.path:
        sys.path.append(str(PACKAGING_DIR))  # build.py imports bundle_rules by its plain name
    spec = importlib.util.spec_from_file_location(qualified, PACKAGING_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bundle_rules() -> ModuleType:
    return load_packaging_module("bundle_rules")


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_packaging_module("build")


def make_tree(root: Path, files: list[str]) -> Path:
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    return root
