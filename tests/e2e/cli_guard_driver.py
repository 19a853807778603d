"""Run many `gongwen` command lines in one process, one after another, for the CLI guard.

    python cli_guard_driver.py RUNS.json RESULTS.json

RUNS.json holds {"runs": [{"argv": [...], "data_dir": "..."}, ...], "keep": [[pristine, path], ...],
"absent": [path, ...]}. Each run gets `desktop.cli.main(argv)` with its own stdout and stderr, which encode as the process's own do, so
what a terminal would refuse fails here too. An exception escaping `main` is printed as the interpreter
would print it (a traceback), and a run that hangs is stopped by an alarm. A file of "keep" that a run
changed is put back from its pristine copy (and its -wal/-shm removed), and a path of "absent" that a
run created (a bank made by `mine --bank MISSING`) is removed, before the next run. One process
instead of hundreds keeps the guard within seconds; each case of the guard also has a test of its own in a process of its own.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import sys
import time
import traceback

HANG_SECONDS = 60


def _stream(like) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=like.encoding, errors=like.errors, write_through=True)


def run_one(argv: list[str]) -> tuple[int, str]:
    from desktop.cli import main

    out, err = _stream(sys.__stdout__), _stream(sys.__stderr__)

    def hang(*_args) -> None:
        raise TimeoutError(f"no answer after {HANG_SECONDS} s")

    signal.signal(signal.SIGALRM, hang)
    signal.alarm(HANG_SECONDS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: usage errors, --help, --version
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:  # what the interpreter prints for an uncaught exception
                traceback.print_exc()
                code = 1
    finally:
        signal.alarm(0)
    err.flush()
    return code, err.buffer.getvalue().decode("utf-8", "replace")


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        plan = json.load(handle)
    kept = {path: _stamp(path) for _pristine, path in plan["keep"]}
    results = []
    for run in plan["runs"]:
        os.environ["GONGWEN_DATA_DIR"] = run["data_dir"]
        started = time.monotonic()
        code, stderr = run_one(run["argv"])
        # Where a hang stops, for the guard's failure message.
        print(f"{time.monotonic() - started:6.2f} s  {code}  {run['argv']!a}", file=sys.stderr, flush=True)
        results.append({**run, "code": code, "stderr": stderr})
        for pristine, path in plan["keep"]:
            changed = _stamp(path) != kept[path]
            for suffix in ("-wal", "-shm", "-journal"):
                if os.path.exists(path + suffix):
                    os.unlink(path + suffix)
                    changed = True
            if changed:
                if os.path.exists(path):
                    os.chmod(path, 0o644)  # a read-only one too
                shutil.copyfile(pristine, path)
                shutil.copymode(pristine, path)
                kept[path] = _stamp(path)
        for path in (p + suffix for p in plan["absent"] for suffix in ("", "-wal", "-shm", "-journal")):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            elif os.path.lexists(path):
                os.unlink(path)
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(results, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
