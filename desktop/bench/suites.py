"""The measurements, one function per area. Each returns its Measurements, each beside its baseline."""

from __future__ import annotations

import re
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.bench.measure import Measurement, best_of, latencies, median, percentile
from desktop.bench.workloads import (
    recombined_document,
    corpus_documents,
    one_line_paragraphs,
    bundled_speeches,
    corpus_paragraphs,
    draft_text,
    synthetic_phrases,
)

MB = 1024 * 1024
QUERY_KINDS = (
    *("prefix", "initials", "substring", "context"),  # the four
    *("prefix1", "initials1", "prefix_context", "search"),  # what typing also asks
)


@dataclass(frozen=True)
class Scale:
    """How big the workloads are: the full run, or a quick one that only proves the harness works."""

    corpus_bytes: int
    bank_sizes: tuple[int, ...]
    queries: int
    lint_sizes: tuple[int, ...]
    export_pages: int
    repeat: int
    startup_runs: int
    phrase_bank: int  # phrases in the bank behind the 素材 panel and the completion popup
    phrase_repeat: int  # updates of each panel list and popup timed
    window_parts: int  # the long draft's parts (ten: about 55,000 characters)
    keystrokes: int
    big_draft_chars: int  # the very large draft (1.7 million characters: 5 MB), checked on F7 only
    big_draft_f7: bool  # also press F7 on it and type with its findings shown (a minute or two)
    import_files: int  # corpus files imported through the window's dialog


FULL = Scale(
    10 * MB, (1_000, 10_000, 100_000), 200, (1_000, 10_000, 100_000), 20, 5, 3, 100_000, 20, 10, 21,
    1_700_000, True, 68,
)
QUICK = Scale(MB // 4, (1_000, 5_000), 40, (1_000, 10_000), 4, 2, 1, 5_000, 5, 2, 7, 250_000, False, 8)


def bench_mining(scale: Scale) -> list[Measurement]:
    import jieba

    from desktop.core.mining import native
    from desktop.core.mining.miner import clear_caches, mine_text

    docs = corpus_documents(scale.corpus_bytes)
    size_mb = sum(len(d.encode("utf-8")) for d in docs) / MB
    # Warm both up on a small text first: dictionary loading is start-up, not throughput.
    jieba.lcut(docs[0][:2000])
    mine_text(docs[0][:2000], "warm-up")
    jieba_s = best_of(lambda: [jieba.lcut(d) for d in docs], 1)
    mining_s = best_of(lambda: [mine_text(d, f"doc{i}") for i, d in enumerate(docs)], 1)
    speedup = jieba_s / mining_s if mining_s else float("inf")

    # The 10 MB repeat the bundled corpus, so the miner's per-clause memory answers most of it. Text
    # never seen before: the bundled speeches themselves, with that memory emptied before every run.
    seeds = [doc.text for doc in bundled_speeches()]

    def mine_unseen() -> None:
        for i, text in enumerate(seeds):
            mine_text(text, f"seed{i}")

    # A small workload on a noisy machine: three times the repeats, for both sides.
    unseen_s = best_of(mine_unseen, 3 * scale.repeat, setup=clear_caches)
    unseen_jieba_s = best_of(lambda: [jieba.lcut(t) for t in seeds], 3 * scale.repeat)
    unseen_speedup = unseen_jieba_s / unseen_s if unseen_s else float("inf")
    compiled = len(native.loaded_compiled())

    # An import mines in a thread beside the window, which then waits for the GIL. Compiled code runs no
    # bytecode, so mining hands the GIL over only where it polls; jieba, pure Python, hands it over every
    # 5 ms (sys.getswitchinterval) and is the baseline. One document of new text, memos emptied first.
    big = recombined_document(min(scale.corpus_bytes, 3 * MB) // 3)  # a character is 3 bytes in UTF-8
    clear_caches()
    mining_waits = _waits_beside(lambda: mine_text(big, "big", lambda: False))
    jieba_waits = _waits_beside(lambda: jieba.lcut(big))
    return [
        Measurement("mining.corpus_mb", "挖掘语料规模（内置语料反复拼成）", size_mb, "MB"),
        Measurement(
            "mining.seconds", "挖掘耗时", mining_s, "s", jieba_s, "jieba.lcut 同一文本",
            "≤ 0.5 × jieba", mining_s <= 0.5 * jieba_s,
        ),
        Measurement("mining.throughput_mb_s", "挖掘吞吐", size_mb / mining_s, "MB/s", size_mb / jieba_s, "jieba.lcut"),
        Measurement("mining.speedup_vs_jieba", "挖掘相对 jieba 的倍数", speedup, "×", target="≥ 2×", met=speedup >= 2),
        Measurement(
            "mining.unseen_seconds", "挖掘未见过的文本（内置五篇，先清空记忆）", unseen_s, "s", unseen_jieba_s,
            "jieba.lcut 同一文本",
        ),
        Measurement(
            "mining.unseen_speedup_vs_jieba", "未见过的文本：挖掘相对 jieba 的倍数", unseen_speedup, "×",
            target="≥ 2×", met=unseen_speedup >= 2,
        ),
        Measurement(
            "mining.thread_wait_p99_ms", "挖掘在后台线程时，另一线程等 1 ms 的实际等待 p99", percentile(mining_waits, 0.99),
            "ms", percentile(jieba_waits, 0.99), "jieba.lcut 在后台线程", "≤ 16.7 ms（一帧）",
            percentile(mining_waits, 0.99) <= 16.7,
        ),
        Measurement(
            "mining.thread_wait_max_ms", "挖掘在后台线程时，另一线程的最长等待", max(mining_waits), "ms",
            max(jieba_waits), "jieba.lcut 在后台线程",
        ),
        Measurement(
            "mining.compiled_modules", "挖掘模块已编译为 C（make setup）", compiled, f"/ {len(native.MODULES)}",
            target="全部", met=compiled == len(native.MODULES),
        ),
    ]  # fmt: skip


def _waits_beside(work: Callable[[], object]) -> list[float]:
    """How long a 1 ms sleep in this thread takes, in ms, again and again while `work` runs in another."""
    done = threading.Event()

    def run() -> None:
        try:
            work()
        finally:
            done.set()

    worker = threading.Thread(target=run)
    waits: list[float] = []
    worker.start()
    while not done.is_set():
        start = time.perf_counter()
        time.sleep(0.001)
        waits.append((time.perf_counter() - start) * 1000)
    worker.join()
    return waits


def build_bench_bank(path: Path, phrases) -> None:
    from desktop.core.bank.store import PhraseBank

    text = "\n".join(dict.fromkeys(s.sentence for p in phrases for s in p.sources))
    with PhraseBank.open(path) as bank, bank.transaction():
        touched = bank.store_document(
            path="bench.txt", name="bench.txt", title="bench", text=text, content_hash="bench",
            size=len(text), phrases=phrases,
        )  # fmt: skip
        bank.refresh_phrases(touched)


def _inside(text: str, i: int, length: int) -> str:
    """`length` characters from inside `text`, at a place that moves with `i`."""
    start = (i * 7) % max(len(text) - length, 1)
    return text[start : start + length]


def bench_bank(scale: Scale, workdir: Path) -> list[Measurement]:
    from desktop.core import paths
    from desktop.core.bank.store import PhraseBank
    from desktop.core.bank.banks import build_default_bank

    out: list[Measurement] = []
    default_path = workdir / "default.sqlite"
    start = time.perf_counter()
    build_default_bank(paths.bundled_corpus_dir(), default_path)
    build_s = time.perf_counter() - start
    # Baseline: reading and mining the same corpus in memory, without the bank.
    from desktop.core.corpus import read_document
    from desktop.core.mining.miner import mine_document

    corpus_files = sorted(paths.bundled_corpus_dir().glob("*.txt"))
    mine_s = best_of(lambda: [mine_document(read_document(p)) for p in corpus_files], 1)
    out.append(Measurement("bank.build_seconds", "内置素材库构建", build_s, "s", mine_s, "只读取与挖掘，不入库"))
    out.append(Measurement("bank.file_mb", "内置素材库文件", default_path.stat().st_size / MB, "MB"))

    all_phrases = synthetic_phrases(max(scale.bank_sizes))
    paragraphs = corpus_paragraphs().paragraphs
    for size in scale.bank_sizes:
        path = workdir / f"bank-{size}.sqlite"
        phrases = all_phrases[:size]
        start = time.perf_counter()
        build_bench_bank(path, phrases)
        build_s = time.perf_counter() - start
        out.append(Measurement(f"bank.build.{size}_s", f"构建 {size:,} 条素材的库", build_s, "s"))
        size_mb = path.stat().st_size / MB
        out.append(Measurement(f"bank.file.{size}_mb", f"{size:,} 条素材的库文件", size_mb, "MB"))
        step = max(len(phrases) // scale.queries, 1)
        picks = phrases[::step][: scale.queries]
        contexts = [paragraphs[i % len(paragraphs)] for i in range(scale.queries)]
        # (query, context) pairs; the first four kinds are the issue's, the rest what typing also asks:
        # one character or letter, a prefix with the paragraph at the cursor, and the concordance.
        workloads = {
            "prefix": [(p.text[:2], "") for p in picks],
            "initials": [(p.initials[:4], "") for p in picks if len(p.initials) >= 2],
            "substring": [(p.text[1:4], "") for p in picks],
            "context": [("", c) for c in contexts],
            "prefix1": [(p.text[:1], "") for p in picks],
            "initials1": [(p.initials[:1], "") for p in picks if p.initials],
            "prefix_context": [(p.text[:2], c) for p, c in zip(picks, contexts)],
            "search": [(_inside(p.sources[0].sentence, i, 4), "") for i, p in enumerate(picks)],
        }
        with PhraseBank.open(path, readonly=True) as bank:
            ids = [row[0] for row in bank.conn.execute("SELECT id FROM phrases LIMIT ?", (scale.queries,))]
            floor, floor_cpu = latencies(
                lambda i: bank.conn.execute("SELECT * FROM phrases WHERE id = ?", (i,)).fetchall(), ids
            )
            floor_p99, floor_cpu_p99 = percentile(floor, 0.99) * 1000, percentile(floor_cpu, 0.99) * 1000
            for name, inputs in workloads.items():
                if name == "search":
                    run = lambda item: bank.search(item[0], limit=20)  # noqa: E731
                else:
                    run = lambda item: bank.rank(item[0], context=item[1], limit=10)  # noqa: E731
                run(inputs[0])  # warm the page cache
                times, cpu = latencies(run, inputs)
                p50, p99 = percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000
                key = f"bank.query.{name}.{size}"
                out.append(Measurement(f"{key}.p50_ms", f"查询 {name} @{size:,} p50", p50, "ms"))
                out.append(
                    Measurement(
                        f"{key}.p99_ms", f"查询 {name} @{size:,} p99", p99, "ms", floor_p99, "按主键取一条",
                        "≤ 5 ms" if size >= 100_000 else "", p99 <= 5 if size >= 100_000 else None,
                    )
                )  # fmt: skip
                out.append(
                    Measurement(
                        f"{key}.p99_cpu_ms", f"查询 {name} @{size:,} p99（CPU 时间）", percentile(cpu, 0.99) * 1000,
                        "ms", floor_cpu_p99, "按主键取一条（CPU 时间）",
                    )
                )  # fmt: skip
    smallest, largest = min(scale.bank_sizes), max(scale.bank_sizes)
    for name in QUERY_KINDS:
        small = next(m for m in out if m.key == f"bank.query.{name}.{smallest}.p99_ms").value
        large = next(m for m in out if m.key == f"bank.query.{name}.{largest}.p99_ms").value
        out.append(
            Measurement(
                f"bank.query.{name}.growth", f"查询 {name} p99 增长（{largest:,} 比 {smallest:,}）",
                large / small if small else float("nan"), "×", target="持平（≈1×）",
            )
        )  # fmt: skip
    return out


_SCAN = re.compile(r"[，。；：！？、]")


def bench_lint(scale: Scale) -> list[Measurement]:
    from desktop.core.lint.engine import Linter

    out: list[Measurement] = []
    full_ms: dict[int, float] = {}
    for size in scale.lint_sizes:
        text = draft_text(size)
        full = best_of(lambda: Linter().lint(text), scale.repeat) * 1000
        scan = best_of(lambda: _SCAN.findall(text), scale.repeat) * 1000
        full_ms[size] = full
        target = "≤ 30 ms" if size == 10_000 else ""
        met = full <= 30 if size == 10_000 else None
        out.append(
            Measurement(f"lint.full.{size}_ms", f"全文检查 {size:,} 字", full, "ms", scan, "一遍正则扫描标点", target, met)
        )
    sizes = sorted(full_ms)
    if len(sizes) >= 2:  # the two largest: at 1k characters fixed costs hide the growth
        small, large = sizes[-2], sizes[-1]
        growth = (full_ms[large] / full_ms[small]) / (large / small)
        out.append(
            Measurement("lint.growth", f"检查耗时增长 ÷ 字数增长（{large:,} 比 {small:,}）", growth, "×", target="线性（≈1×）")
        )

    text = draft_text(10_000)
    linter = Linter()
    linter.lint(text)
    middle = text.index("。", len(text) // 2)
    edits = [text[:middle] + ch + text[middle:] for ch in "的了和与及"]

    def incremental() -> None:
        for edited in edits:
            linter.lint(edited)
            linter.lint(text)

    inc = best_of(incremental, scale.repeat) * 1000 / (2 * len(edits))
    out.append(
        Measurement(
            "lint.incremental_ms", "改一个字后重新检查（10,000 字）", inc, "ms", full_ms.get(10_000), "全文检查",
            "≤ 5 ms", inc <= 5,
        )
    )  # fmt: skip
    return out


def bench_export(scale: Scale, workdir: Path) -> list[Measurement]:
    import docx

    from desktop.core.export.docx_writer import export_docx
    from desktop.core.export.profile import load_profile

    text = draft_text(scale.export_pages * 22 * 28)
    profile = load_profile("gongwen")
    export_docx(text, workdir / "warm.docx", profile)  # font detection and templates load once

    def plain() -> None:
        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.save(workdir / "plain.docx")

    seconds = best_of(lambda: export_docx(text, workdir / "export.docx", profile), scale.repeat)
    baseline = best_of(plain, scale.repeat)
    target = "≤ 0.5 s" if scale.export_pages >= 20 else ""
    # Growth: drafts of one-line paragraphs (the most paragraphs a page holds), 20 pages and 100 times as
    # many; time per paragraph at 100 times over time per paragraph at 1 (python-docx's add_paragraph, which
    # searched the body for its section properties every time, gave 8.5). CPU time, which a busy machine
    # disturbs far less than the wall clock; the cost of any export (template, styles, fonts, saving) is
    # shown beside the small draft.
    def cpu(fn, repeat: int) -> float:
        return best_of(fn, repeat, clock=time.process_time)

    fixed = cpu(lambda: export_docx(text.split("\n", 1)[0], workdir / "one.docx", profile), scale.repeat)
    big_pages = scale.export_pages * 100
    small_lines, big_lines = one_line_paragraphs(scale.export_pages), one_line_paragraphs(big_pages)
    small_n = export_docx(small_lines, workdir / "lines.docx", profile).paragraphs
    big_n = export_docx(big_lines, workdir / "lines_big.docx", profile).paragraphs
    small_s = cpu(lambda: export_docx(small_lines, workdir / "lines.docx", profile), 2 * scale.repeat)
    big_s = cpu(lambda: export_docx(big_lines, workdir / "lines_big.docx", profile), 2)
    growth = (big_s / big_n) / (small_s / small_n)
    return [
        Measurement(
            f"export.{scale.export_pages}_pages_s", f"导出 Word（{scale.export_pages} 页）", seconds, "s",
            baseline, "python-docx 无格式写同样段落", target, seconds <= 0.5 if target else None,
        ),
        Measurement(
            f"export.{scale.export_pages}_pages_lines_s",
            f"导出 Word（{scale.export_pages} 页，每段一行，{small_n:,} 段，CPU）", small_s, "s",
            fixed, "导出只有一段的文稿（每次导出的固定开销）",
        ),
        Measurement(
            f"export.{big_pages}_pages_lines_s", f"导出 Word（{big_pages:,} 页，每段一行，{big_n:,} 段，CPU）", big_s,
            "s",
            small_s * big_n / small_n, f"按 {scale.export_pages} 页每段用时线性推算",
        ),
        Measurement(
            "export.growth", f"导出每段用时之比（{big_pages:,} 页 ÷ {scale.export_pages} 页）", growth,
            "×", target="≤ 1.5", met=growth <= 1.5,
        ),
    ]  # fmt: skip


def run_all(scale: Scale, only: set[str] | None = None, progress=None) -> list[Measurement]:
    from desktop.bench.cleaning import bench_cleaning
    from desktop.bench.startup import bench_startup
    from desktop.bench.ui_suites import bench_big_draft, bench_import, bench_phrases, bench_window

    results: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-") as tmp:
        workdir = Path(tmp)
        areas = {
            "mining": lambda: bench_mining(scale),
            "cleaning": lambda: bench_cleaning(scale.corpus_bytes, scale.repeat, workdir),
            "import": lambda: bench_import(scale.import_files, workdir),
            "bank": lambda: bench_bank(scale, workdir),
            "lint": lambda: bench_lint(scale),
            "export": lambda: bench_export(scale, workdir),
            "startup": lambda: bench_startup(scale.startup_runs, workdir),
            "phrases": lambda: bench_phrases(scale.phrase_bank, scale.phrase_repeat, workdir),
            "window": lambda: [
                *bench_window(scale.window_parts, scale.repeat, scale.keystrokes, workdir),
                *bench_big_draft(scale.big_draft_chars, scale.keystrokes, scale.big_draft_f7, workdir),
            ],
        }
        for name, run in areas.items():
            if only and name not in only:
                continue
            if progress:
                progress(name)
            results.extend(run())
    return results


__all__ = ["FULL", "QUICK", "Scale", "run_all", "median"]
