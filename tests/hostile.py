"""Hostile and unlucky inputs, built for real on disk: what a USB stick, a crashed disk or a careless
copy gives the writer. Shared by the CLI cases, the guard over every sub-command and the window tests.

Tests run as root here, and root reads and writes whatever permission bits say. `as_normal_user()` runs
a command as root without the capabilities that override them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH),
so a 444 file, a 000 folder and a read-only folder refuse it exactly as they refuse a normal user; the
interpreter under /root stays reachable, which a switch to another uid would not allow.
"""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT, SEEDS_DIR

BAD_NAME = b"bad_\xff\xfe.txt"  # raw bytes, as a file named on an old Windows PC arrives
BAD_NAME_SHOWN = "bad_\\xff\\xfe.txt"
BROKEN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"  # no xref, no %%EOF
SPEECH = "在全市工作会议上的讲话\n同志们：\n抓落实要久久为功，一抓到底。我们要早审批、早落地、早建设。\n"


def as_normal_user() -> list[str]:
    """The command prefix that makes permission bits bind (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def gongwen(*args: str, env: dict | None = None, timeout: float = 300, normal_user: bool = False,
            cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess:
    prefix = as_normal_user() if normal_user else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "desktop", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env or dict(os.environ),
    )  # fmt: skip


def bad_name_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.path.join(os.fsencode(folder), BAD_NAME)
    with open(raw, "wb") as handle:
        handle.write(SPEECH.encode("utf-8"))
    return Path(os.fsdecode(raw))


def symlink_loop(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(path.name, path)  # LINK -> LINK
    return path


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def broken_pdf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(BROKEN_PDF)
    return path


def unreadable_folder(parent: Path, name: str = "locked") -> Path:
    """A sub-folder holding a speech, with no permissions at all (binds under as_normal_user)."""
    folder = parent / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inside.txt").write_text(SPEECH, encoding="utf-8")
    folder.chmod(0)
    return folder


def seed_bank(path: Path) -> Path:
    """A real bank of the bundled seeds (about 1 MB), mined by the bank tests' rule miner."""
    from desktop.core.bank.importer import import_paths
    from desktop.core.bank.store import PhraseBank
    from tests.unit.bank.conftest import RULES

    with PhraseBank.open(path) as bank:
        import_paths(bank, [SEEDS_DIR], miner=RULES)
    return path


def random_middle(path: Path, seed: int = 17, size: int = 64 * 1024) -> Path:
    """64 KiB of random bytes written over the middle of the file."""
    data = random.Random(seed).randbytes(size)
    with path.open("r+b") as handle:
        handle.seek(max(0, path.stat().st_size // 2 - size // 2))
        handle.write(data)
    return path


def damage_pages(
    path: Path, seed: int = 23, tables: tuple[str, ...] = ("phrases", "sentences", "documents")
) -> Path:
    """Random bytes over the root pages of these tables: the file still opens (its first page is
    whole) but any query that reads those tables meets the damage."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    marks = ", ".join("?" for _ in tables)
    query = f"SELECT rootpage FROM sqlite_master WHERE name IN ({marks})"
    roots = [row[0] for row in conn.execute(query, tables)]
    conn.execute("PRAGMA journal_mode = DELETE")  # everything in the main file, nothing in a -wal
    conn.close()
    rng = random.Random(seed)
    with path.open("r+b") as handle:
        for page in roots:
            handle.seek((page - 1) * page_size)
            handle.write(rng.randbytes(page_size))
    return path


def is_damaged(path: Path) -> bool:
    from desktop.core.bank.backups import quick_check

    return quick_check(path) is not None


def read_only(path: Path) -> Path:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return path


def document_names(bank: Path) -> list[str]:
    """The bank's document names, read straight from the file."""
    conn = sqlite3.connect(f"file:{bank}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in conn.execute("SELECT name FROM documents"))
    finally:
        conn.close()


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(f"{path.name}-*"))
