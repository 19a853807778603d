"""Build the Gongwen bundle and its installer: the one script behind `make package` and the Windows CI job.

Steps, the same on every platform:
  1. stage resources/ (corpus, profiles, rules, icons) with the prebuilt default bank;
  2. freeze the app with PyInstaller (packaging/gongwen.spec, onedir);
  3. check the bundle against packaging/bundle_rules.py and run `--selftest` from it, offscreen;
  4. write dist/build-report.json (version, sizes, minimum glibc on Linux);
  5. build the installer: a .deb on Linux (dpkg-deb, xz), an Inno Setup installer on Windows (ISCC).

Usage: python packaging/build.py [--bank FILE] [--require-bank] [--no-installer] [--dist DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))
sys.path.insert(0, str(REPO))

import bundle_rules

from desktop import APP_TITLE, __version__

log = logging.getLogger("gongwen.build")

APP = "gongwen"
INSTALL_PREFIX = "/opt/gongwen"
IS_WINDOWS = sys.platform == "win32"
# The bundled Qt needs these from the desktop (bundle_rules leaves the font stack to the system).
DEB_DEPENDS = ["libfontconfig1", "libfreetype6", "libx11-6", "libx11-xcb1", "libxcb1", "libgl1", "libegl1"]
DEB_RECOMMENDS = ["fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"]


class BuildError(Exception):
    pass


@dataclass
class BuildReport:
    version: str
    pyside_version: str
    platform: str
    bank: str | None
    bundle_dir: str = ""
    bundle_bytes: int = 0
    bundle_files: int = 0
    glibc_floor: str | None = None
    glibc_floor_libraries: list[str] = field(default_factory=list)
    glibc_floor_qt: str | None = None  # what the PySide6 wheel alone needs
    installer: str | None = None
    installer_bytes: int = 0


# ---------------------------------------------------------------- helpers


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    log.info("$ %s", " ".join(str(c) for c in cmd))
    return subprocess.run(cmd, check=True, **kwargs)


def tree_bytes(root: Path) -> int:
    """Unpacked size: the sum of regular file sizes (symlinks count as nothing)."""
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def pyside_version() -> str:
    try:
        from importlib.metadata import version

        return version("PySide6-Essentials")
    except Exception:  # noqa: BLE001  (reported as unknown, never fatal)
        return "unknown"


# ---------------------------------------------------------------- 1. resources and the default bank

BANK_BUILDER = REPO / "desktop" / "core" / "bank" / "banks.py"  # what `make bank` runs
MINE_COMMAND = REPO / "desktop" / "commands" / "mine.py"
MINER = REPO / "desktop" / "core" / "mining" / "miner.py"  # both of the above need it


def _bank_builder() -> list[str] | None:
    """How the app builds the default bank from a corpus: `make bank`'s builder, else `gongwen mine`."""
    if not MINER.is_file():
        return None
    if BANK_BUILDER.is_file():
        return [sys.executable, "-m", "desktop.core.bank.banks"]
    if MINE_COMMAND.is_file():
        return [sys.executable, "-m", "desktop", "mine", str(REPO / "resources" / "corpus"), "--bank"]
    return None


def mine_bank(builder: list[str], out: Path) -> None:
    """Build the default bank at `out` from the bundled corpus, with a throw-away user data folder."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongwen-build-data-") as data:
        env = {**os.environ, "GONGWEN_DATA_DIR": data}
        run([*builder, str(out)], cwd=REPO, env=env)
    if not out.is_file():
        raise BuildError(f"the bank builder finished but wrote no bank at {out}")


def stage_resources(stage: Path, bank: Path | None, require_bank: bool) -> Path | None:
    """Copy resources/ to `stage` and put the default bank in it; returns the bank shipped (or None)."""
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(REPO / "resources", stage, ignore=shutil.ignore_patterns("bank", "__pycache__"))
    target = stage / "bank" / "default.sqlite"
    prebuilt = REPO / "resources" / "bank" / "default.sqlite"
    if bank is not None:
        if not bank.is_file():
            raise BuildError(f"--bank {bank}: no such file")
        source = bank
    elif prebuilt.is_file():
        source = prebuilt  # built by `make bank`
    elif (builder := _bank_builder()) is not None:
        mine_bank(builder, target)
        return target
    else:
        message = (
            "no default bank: resources/bank/default.sqlite is missing and the app cannot mine yet "
            "(desktop/core/mining/miner.py missing), so the bundle ships without one"
        )
        if require_bank:
            raise BuildError(message)
        log.warning("WARNING: %s", message)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    return target


# ---------------------------------------------------------------- 2.–3. freeze and check


def freeze(stage: Path, dist: Path, work: Path) -> Path:
    env = {**os.environ, "GONGWEN_STAGE_RESOURCES": str(stage), "PYTHONDONTWRITEBYTECODE": "1"}
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / "gongwen.spec"),
        ],
        env=env,
        cwd=REPO,
    )
    return dist / APP


def contents_dir(bundle: Path) -> Path:
    return bundle / "_internal"


def check_bundle(bundle: Path) -> None:
    problems = bundle_rules.verify_bundle(contents_dir(bundle), "win32" if IS_WINDOWS else "linux")
    if problems:
        raise BuildError("bundle check failed:\n  " + "\n  ".join(problems))


def executable(bundle: Path) -> Path:
    """The executable that prints: the console twin on Windows."""
    return bundle / ("gongwen-cli.exe" if IS_WINDOWS else APP)


def selftest(exe: Path) -> str:
    """Run `--selftest` offscreen with a throw-away data folder; returns its output."""
    with tempfile.TemporaryDirectory(prefix="gongwen-selftest-") as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GONGWEN_DATA_DIR": data}
        result = subprocess.run(
            [str(exe), "--selftest"],
            env=env,
            check=False,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=300,
        )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise BuildError(f"{exe} --selftest exited {result.returncode}:\n{output}")
    return output


# ---------------------------------------------------------------- 4. report: glibc floor

_GLIBC = re.compile(r"GLIBC_(\d+(?:\.\d+)+)")


def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("."))


def glibc_needs(root: Path) -> dict[str, str]:
    """For each bundled ELF file, the newest GLIBC_x.y symbol version it needs."""
    if shutil.which("objdump") is None:
        log.warning("objdump not found (binutils): minimum glibc not measured")
        return {}
    needs: dict[str, str] = {}
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], check=False, capture_output=True, text=True).stdout
        versions = _GLIBC.findall(out)
        if versions:
            needs[path.relative_to(root).as_posix()] = max(versions, key=_version_key)
    return needs


def glibc_floor(needs: dict[str, str]) -> tuple[str | None, list[str]]:
    """The newest glibc any of the files needs, and the files that need it."""
    if not needs:
        return None, []
    floor = max(needs.values(), key=_version_key)
    return floor, sorted(p for p, v in needs.items() if v == floor)


def is_qt_file(rel: str) -> bool:
    """Files that come from the PySide6/shiboken6 wheels (their glibc floor is the wheel's tag)."""
    name = rel.rsplit("/", 1)[-1]
    return (
        "/PySide6/" in f"/{rel}"
        or "/shiboken6/" in f"/{rel}"
        or name.startswith(("libQt6", "libpyside6", "libshiboken6", "libicu"))
    )


# ---------------------------------------------------------------- 5a. Linux: .deb

DESKTOP_ENTRY = f"""[Desktop Entry]
Type=Application
Name={APP_TITLE}
Name[zh_CN]={APP_TITLE}
GenericName=Official document writing assistant
GenericName[zh_CN]=讲话稿与公文写作
Comment=Offline editor for Chinese speeches and official documents
Comment[zh_CN]=离线的讲话稿与公文写作编辑器：素材、结构检查、导出 Word
Exec=gongwen %f
Icon=gongwen
Terminal=false
Categories=Office;WordProcessor;
MimeType=text/plain;
Keywords=gongwen;speech;document;公文;讲话稿;
StartupWMClass=gongwen
"""


def deb_architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def deb_control(version: str, arch: str, installed_kib: int, glibc: str | None) -> str:
    depends = ([f"libc6 (>= {glibc})"] if glibc else []) + DEB_DEPENDS
    return (
        f"Package: {APP}\n"
        f"Version: {version}\n"
        "Section: editors\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Maintainer: Gongwen <gongwen@localhost>\n"
        f"Description: {APP_TITLE} - offline writing assistant for official documents\n"
        " 离线的讲话稿与公文写作编辑器：从往年讲话稿挖掘素材、检查文稿结构、\n"
        " 按 GB/T 9704-2012 导出 Word。全程不联网。\n"
    )


def build_deb(bundle: Path, out_dir: Path, version: str, glibc: str | None) -> Path:
    """Lay the bundle out under /opt/gongwen with a launcher, menu entry and icons, then dpkg-deb it."""
    if shutil.which("dpkg-deb") is None:
        raise BuildError("dpkg-deb not found (Debian package dpkg); cannot build the .deb")
    arch = deb_architecture()
    with tempfile.TemporaryDirectory(prefix="gongwen-deb-") as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(bundle, root / INSTALL_PREFIX.lstrip("/"), symlinks=True)
        bin_dir = root / "usr" / "bin"
        bin_dir.mkdir(parents=True)
        # The bootloader finds its _internal folder through /proc/self/exe, so a symlink is enough.
        (bin_dir / APP).symlink_to(f"{INSTALL_PREFIX}/{APP}")
        apps = root / "usr" / "share" / "applications"
        apps.mkdir(parents=True)
        (apps / f"{APP}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
        icons = root / "usr" / "share" / "icons" / "hicolor"
        for sub, name in (("256x256/apps", "gongwen.png"), ("scalable/apps", "gongwen.svg")):
            (icons / sub).mkdir(parents=True)
            shutil.copy2(REPO / "resources" / "icons" / name, icons / sub / name)
        debian = root / "DEBIAN"
        debian.mkdir()
        installed_kib = (tree_bytes(root) + 1023) // 1024
        (debian / "control").write_text(deb_control(version, arch, installed_kib, glibc), encoding="utf-8")
        for path in [root, *root.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        out_dir.mkdir(parents=True, exist_ok=True)
        deb = out_dir / f"{APP}_{version}_{arch}.deb"
        run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
            stdout=subprocess.DEVNULL,
        )
    return deb


# ---------------------------------------------------------------- 5b. Windows: Inno Setup


def find_iscc() -> Path:
    found = shutil.which("iscc") or shutil.which("ISCC")
    candidates = [Path(found)] if found else []
    for base in (
        os.environ.get("ProgramFiles(x86)"),
        os.environ.get("ProgramFiles"),
        os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs"),
    ):
        if base:
            candidates.append(Path(base) / "Inno Setup 6" / "ISCC.exe")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise BuildError("ISCC.exe (Inno Setup 6) not found: install Inno Setup 6 or put ISCC on PATH")


def build_inno(bundle: Path, out_dir: Path, version: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    run(
        [
            str(find_iscc()),
            f"/DAppVersion={version}",
            f"/DBundleDir={bundle}",
            f"/DRepoDir={REPO}",
            f"/O{out_dir}",
            str(PACKAGING / "windows" / "gongwen.iss"),
        ]
    )
    return out_dir / f"gongwen-{version}-setup.exe"


# ---------------------------------------------------------------- main


def build(args: argparse.Namespace) -> BuildReport:
    dist = Path(args.dist).resolve()
    work = Path(args.work).resolve()
    stage = work / "stage" / "resources"
    bank = stage_resources(stage, Path(args.bank).resolve() if args.bank else None, args.require_bank)
    report = BuildReport(
        version=__version__,
        pyside_version=pyside_version(),
        platform=sys.platform,
        bank=None if bank is None else "resources/bank/default.sqlite",
    )

    bundle = freeze(stage, dist, work / "pyinstaller")
    check_bundle(bundle)
    log.info("selftest: %s", selftest(executable(bundle)))
    report.bundle_dir = str(bundle)
    report.bundle_bytes = tree_bytes(bundle)
    report.bundle_files = sum(1 for p in bundle.rglob("*") if p.is_file())
    if sys.platform.startswith("linux"):
        needs = glibc_needs(bundle)
        report.glibc_floor, report.glibc_floor_libraries = glibc_floor(needs)
        report.glibc_floor_qt, _ = glibc_floor({f: v for f, v in needs.items() if is_qt_file(f)})

    if not args.no_installer:
        if IS_WINDOWS:
            installer = build_inno(bundle, dist, __version__)
        elif sys.platform.startswith("linux"):
            installer = build_deb(bundle, dist, __version__, report.glibc_floor)
        else:
            raise BuildError(f"no installer for platform {sys.platform}; use --no-installer")
        report.installer = str(installer)
        report.installer_bytes = installer.stat().st_size

    (dist / "build-report.json").write_text(
        json.dumps(asdict(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Gongwen bundle and installer.")
    parser.add_argument(
        "--bank",
        help="prebuilt default bank to ship (default: resources/bank/default.sqlite, "
        "else mined from resources/corpus with `gongwen mine`)",
    )
    parser.add_argument("--require-bank", action="store_true", help="fail instead of shipping without a bank")
    parser.add_argument("--no-installer", action="store_true", help="build and check the bundle only")
    parser.add_argument("--dist", default=str(REPO / "dist"), help="output folder (default: dist/)")
    parser.add_argument("--work", default=str(REPO / "build"), help="work folder (default: build/)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="build: %(message)s")
    try:
        report = build(args)
    except (BuildError, subprocess.CalledProcessError) as exc:
        log.error("FAILED: %s", exc)
        return 1
    mib = 1024 * 1024
    log.info(
        "bundle %s: %.1f MiB in %d files", report.bundle_dir, report.bundle_bytes / mib, report.bundle_files
    )
    if report.glibc_floor:
        log.info(
            "minimum glibc %s (set by %s); PySide6 %s alone needs %s",
            report.glibc_floor,
            ", ".join(report.glibc_floor_libraries[:5]),
            report.pyside_version,
            report.glibc_floor_qt,
        )
    if report.installer:
        log.info("installer %s: %.1f MiB", report.installer, report.installer_bytes / mib)
    return 0


if __name__ == "__main__":
    sys.exit(main())
