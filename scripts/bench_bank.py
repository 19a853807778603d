"""Measure phrase bank query times on a bank of N synthetic phrases (default 100,000).

A measurement, not a test: `python scripts/bench_bank.py [N]` prints milliseconds per query kind.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from desktop.core.mining.bank import PhraseBank  # noqa: E402
from tests.unit.bank.test_scale import PLANTED, generated  # noqa: E402

QUERIES = [
    ("initials, exact", "jjwg", ""),
    ("initials, one letter", "b", ""),
    ("text prefix, one character", "发", ""),
    ("text, two characters", "展改", ""),
    ("text, three characters", "展改发", ""),
    ("context only", "", "当前已进入主汛期，防汛形势严峻，各地要压实责任，确保安全度汛。"),
    ("initials + context", "b", "推进乡村振兴和城市治理，抓好基层党建。"),
]
REPEAT = 20


def build(path: Path, size: int) -> float:
    start = time.perf_counter()
    phrases = generated(size - len(PLANTED)) + PLANTED
    text = "\n".join(s.sentence for p in PLANTED for s in p.sources)
    with PhraseBank.open(path) as bank, bank.transaction():
        touched = bank.store_document(
            path="/bench",
            name="bench.txt",
            title="",
            text=text,
            content_hash="bench",
            size=1,
            phrases=phrases,
        )
        bank.refresh_phrases(touched)
    return time.perf_counter() - start


def main() -> int:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        seconds = build(path, size)
        print(f"built {size} phrases in {seconds:.1f} s, {path.stat().st_size / 1e6:.1f} MB")
        with PhraseBank.open(path, readonly=True) as bank:
            for label, query, context in QUERIES:
                bank.suggest(query, context=context)  # warm the page cache
                start = time.perf_counter()
                for _ in range(REPEAT):
                    found = bank.suggest(query, context=context, limit=10)
                ms = (time.perf_counter() - start) / REPEAT * 1000
                print(f"{label:<28} {ms:7.2f} ms  {len(found)} results")
            start = time.perf_counter()
            for _ in range(REPEAT):
                hits = bank.search("营商环境")
            ms = (time.perf_counter() - start) / REPEAT * 1000
            print(f"{'search (concordance)':<28} {ms:7.2f} ms  {len(hits)} hits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
