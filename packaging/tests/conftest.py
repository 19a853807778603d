"""Packaging smoke tests: run by `make package-test` after `make package`, not by `make test` (slow)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))  # for tests.e2e.offline and desktop
sys.path.append(str(REPO_ROOT / "packaging"))  # bundle_rules, by its plain name


@dataclass
class Installed:
    root: Path  # "/" after dpkg -i, a temporary folder after dpkg -x
    method: str  # "dpkg -i" or "dpkg -x"
    deb: Path
    report: dict

    @property
    def app_dir(self) -> Path:
        return self.root / "opt" / "gongwen"

    @property
    def command(self) -> Path:
        # After dpkg -i the real launcher works; in an extracted tree its absolute link points outside.
        return self.root / "usr" / "bin" / "gongwen" if self.method == "dpkg -i" else self.app_dir / "gongwen"


def _dist() -> Path:
    return (REPO_ROOT / os.environ.get("GONGWEN_DIST", "dist")).resolve()


@pytest.fixture(scope="session")
def report() -> dict:
    path = _dist() / "build-report.json"
    if not path.is_file():
        pytest.fail(f"{path} missing: run `make package` first (`make package-test` does)")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def installed(report, tmp_path_factory):
    deb = Path(report["installer"])
    assert deb.suffix == ".deb" and deb.is_file(), f"no .deb at {deb}"
    if os.geteuid() == 0 and shutil.which("dpkg"):
        result = subprocess.run(["dpkg", "-i", str(deb)], check=False, capture_output=True, text=True)
        if result.returncode != 0:
            subprocess.run(["dpkg", "-r", "gongwen"], check=False, capture_output=True)
            pytest.fail(f"dpkg -i {deb.name} failed:\n{result.stdout}{result.stderr}")
        yield Installed(Path("/"), "dpkg -i", deb, report)
        subprocess.run(["dpkg", "-r", "gongwen"], check=True, capture_output=True)
        assert not Path("/opt/gongwen").exists(), "dpkg -r left /opt/gongwen behind"
    else:
        root = tmp_path_factory.mktemp("installed-root")
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        yield Installed(root, "dpkg -x", deb, report)


@pytest.fixture
def app_env(tmp_path) -> dict[str, str]:
    return {**os.environ, "GONGWEN_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
