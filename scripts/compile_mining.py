"""Compile the mining modules (desktop.core.mining.native.MODULES) to C extensions with mypyc, in place
beside their sources, and record the digest of each source compiled. `make setup` runs it; it needs a C
compiler (gcc, or MSVC on Windows) and the `compile` extra."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mypyc.build import mypycify  # noqa: E402
from setuptools import Distribution  # noqa: E402

logging.disable(logging.WARNING)  # that the extensions are stale is why this runs
from desktop.core.mining import native  # noqa: E402


def main() -> None:
    os.chdir(ROOT)  # mypyc names modules by their paths from here
    for old in native.extensions():
        old.unlink()  # so no module left out of MODULES keeps an old extension
    (native.DIRECTORY / native.DIGESTS).unlink(missing_ok=True)
    digests = native.source_digests()
    # The modules it imports but does not compile are read for their types only.
    sources = [str(native.DIRECTORY.relative_to(ROOT) / f"{name}.py") for name in native.MODULES]
    extensions = mypycify(
        ["--follow-imports=silent", *sources], group_name=native.GROUP, target_dir="build/mypyc"
    )
    # A bare Distribution, not setup(): setup() would also read the project's pyproject.toml, which has
    # nothing to say about this build.
    build = Distribution({"name": "gongwen-mining", "ext_modules": extensions})
    build.script_args = ["--quiet", "build_ext", "--inplace", "--build-temp", "build/mypyc-objects"]
    build.parse_command_line()
    build.run_commands()
    (native.DIRECTORY / native.DIGESTS).write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    stale = native.stale()
    if stale:
        sys.exit(f"compile_mining: no fresh extension for {', '.join(stale)}")
    print(f"compile_mining: {len(native.MODULES)} modules compiled")


if __name__ == "__main__":
    main()
