"""Run a command where networking is impossible and record every attempt to reach the network.

Three layers, each catching what the others cannot:
- `unshare -n` (as root): the process gets a network namespace with no interfaces, so nothing can leave;
- `strace` on connect/sendto/sendmsg: any AF_INET/AF_INET6 attempt, from Python or C++ (Qt), frozen or not;
- a Python audit hook (source runs only): socket.connect/getaddrinfo/... events, with a Python traceback.
Used by tests/e2e/test_offline.py (source) and packaging/tests (the installed frozen app).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

AUDIT_RUNNER = Path(__file__).with_name("audit_runner.py")


@dataclass
class GuardedRun:
    result: subprocess.CompletedProcess
    network_attempts: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)


def _unshare_works() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], check=False, capture_output=True).returncode == 0


def _strace_options() -> list[str] | None:
    """strace's options, with --seccomp-bpf (stops only on traced calls) where the kernel allows it."""
    if shutil.which("strace") is None:
        return None
    base = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg"]
    fast = [*base[:3], "--seccomp-bpf", *base[3:]]
    probe = subprocess.run([*fast, "-o", os.devnull, "true"], check=False, capture_output=True)
    return fast if probe.returncode == 0 else base


def available_layers() -> tuple[list[str], list[str]]:
    """The layers this machine offers, and a line for each missing one saying why."""
    layers, missing = [], []
    if _unshare_works():
        layers.append("unshare")
    else:
        missing.append("unshare -n needs root and util-linux: the network is not cut, only watched")
    if _strace_options() is not None:
        layers.append("strace")
    else:
        missing.append(
            "strace not installed (scripts/install-system-deps.sh installs it): C-level connects unwatched"
        )
    return layers, missing


def run_offline(
    argv: list[str],
    workdir: Path,
    *,
    env: dict[str, str] | None = None,
    python_source: bool = False,
    timeout: int = 300,
) -> GuardedRun:
    """Run argv (or, with python_source, `python -m desktop argv`) inside every available layer."""
    layers, _ = available_layers()
    trace = workdir / "strace.log"
    audit = workdir / "audit.log"
    for log in (trace, audit):
        log.unlink(missing_ok=True)
    full_env = {**os.environ, **(env or {})}
    command = list(argv)
    if python_source:
        command = [sys.executable, str(AUDIT_RUNNER), *argv]
        full_env["GONGWEN_AUDIT_LOG"] = str(audit)
        layers = [*layers, "audit-hook"]
    if "strace" in layers:
        command = [*_strace_options(), "-o", str(trace), *command]
    if "unshare" in layers:
        command = ["unshare", "-n", *command]
    result = subprocess.run(
        command, cwd=workdir, env=full_env, check=False, capture_output=True, text=True, timeout=timeout
    )
    attempts = []
    if trace.exists():
        attempts += [line for line in trace.read_text().splitlines() if "AF_INET" in line]
    if audit.exists():
        attempts += audit.read_text(encoding="utf-8").splitlines()
    return GuardedRun(result, attempts, layers)
