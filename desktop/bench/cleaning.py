"""Cleaning throughput: a large web copy read and cleaned, beside a plain read (bytes and decoding) of
the same file, and one import's worth of files cleaned together beside each alone."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from desktop.bench.measure import Measurement, best_of
from desktop.core import paths

MB = 1024 * 1024
TARGET_SECONDS_10MB = 3.0


def raw_web_copy(total_bytes: int) -> str:
    """The bundled speeches as their web copies came (junk lines, wrapped bodies and all), repeated."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(paths.bundled_corpus_dir().glob("*.txt"))]
    parts, size = [], 0
    while size < total_bytes:
        for seed in seeds:
            parts.append(seed)
            size += len(seed.encode("gb18030")) + 1
            if size >= total_bytes:
                break
    return "\n".join(parts)


def bench_cleaning(corpus_bytes: int, repeat: int, workdir: Path) -> list[Measurement]:
    from desktop.core.corpus import decode_bytes, read_document
    from desktop.core.corpus.batch import ImportReader
    from desktop.core.corpus.files import read_bytes

    big = workdir / "web-copy.txt"
    big.write_bytes(raw_web_copy(corpus_bytes).encode("gb18030"))  # the encoding many copies arrive in
    size_mb = big.stat().st_size / MB
    plain_s, plain_cpu = _wall_and_cpu(lambda: decode_bytes(read_bytes(big, 64 * MB), big), repeat)
    clean_s, clean_cpu = _wall_and_cpu(lambda: read_document(big), repeat)
    # One import: the five speeches, as files, cleaned together (evidence across them) and one by one.
    folder = workdir / "import"
    folder.mkdir(exist_ok=True)
    files = []
    for source in sorted(paths.bundled_corpus_dir().glob("*.txt")):
        files.append(folder / source.name)
        files[-1].write_bytes(source.read_bytes())

    def together() -> None:
        reader = ImportReader(files).gather()
        for path in files:
            reader.read(path)

    alone_s = best_of(lambda: [read_document(p) for p in files], 3 * repeat)
    together_s = best_of(together, 3 * repeat)
    scaled, scaled_cpu = clean_s * 10 / size_mb, clean_cpu * 10 / size_mb  # the goal speaks of a 10 MB file
    return [
        Measurement("cleaning.file_mb", "清理用的网页复制稿（内置语料原样反复拼成，GB18030）", size_mb, "MB"),
        Measurement(
            "cleaning.seconds", f"读取并清理 {size_mb:.1f} MB 的网页复制稿", clean_s, "s", plain_s, "只读取并解码同一文件",
            f"10 MB ≤ {TARGET_SECONDS_10MB:g} s", scaled <= TARGET_SECONDS_10MB,
        ),
        Measurement(
            "cleaning.cpu_seconds", f"读取并清理 {size_mb:.1f} MB 的网页复制稿（CPU）", clean_cpu, "s", plain_cpu,
            "只读取并解码同一文件（CPU）", f"10 MB ≤ {TARGET_SECONDS_10MB:g} s", scaled_cpu <= TARGET_SECONDS_10MB,
        ),
        Measurement("cleaning.throughput_mb_s", "清理吞吐", size_mb / clean_s, "MB/s", size_mb / plain_s, "只读取并解码"),
        Measurement(
            "cleaning.import_seconds", "一次导入五篇：合并证据后清理", together_s, "s", alone_s, "逐篇单独清理",
        ),
    ]  # fmt: skip


def _wall_and_cpu(fn, repeat: int) -> tuple[float, float]:
    """The fastest wall time and the fastest CPU time of `repeat` runs: on a shared machine the wall clock
    also counts the waits for a core, the process's CPU time does not."""
    walls, cpus = [], []
    for _ in range(max(repeat, 1)):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)
