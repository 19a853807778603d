"""Test set-up shared by every test: headless Qt, and data folders that never touch the real user's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "resources" / "corpus"
# Development data (public reports, messy web copies, hand-judged gold) kept beside the repository,
# never inside it: tests that measure on it read it from here at test time.
DEVCORPUS_DIR = Path(os.environ.get("GONGWEN_DEVCORPUS", REPO_ROOT.parent / "shared" / "devcorpus"))


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets its own GONGWEN_DATA_DIR, so no test reads or writes the user's bank or settings."""
    data = tmp_path_factory.mktemp("gongwen-data")
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def drain_qt_thread_pool(isolated_data_dir):
    """Work a test started on Qt's global thread pool finishes inside that test, while its data folder
    is still the one set: a straggler must not open or build banks in the next test's folders."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture
def devcorpus() -> Path:
    """The development corpus; a test that needs it fails (never skips) when it is missing."""
    if not (DEVCORPUS_DIR / "README.md").is_file():
        pytest.fail(
            f"the development corpus is missing: {DEVCORPUS_DIR} (expected ../shared/devcorpus beside the "
            "repository; set GONGWEN_DEVCORPUS to its folder)",
            pytrace=False,
        )
    return DEVCORPUS_DIR


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


# Property tests: reproducible in CI (the same examples for the same code), exploring freely elsewhere;
# no deadline, since two cores shared with other work make single examples slow now and then.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
