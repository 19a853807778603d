"""Measure mining against one jieba.lcut pass over the same text (a measurement, never a test).

    .venv/bin/python benchmarks/mining_vs_jieba.py [FOLDER] [--repeat N]

Mines every .txt document of FOLDER (default: the bundled corpus) one by one, as `gongwen mine` does, and
times one jieba.lcut pass over the same text. Both are timed in CPU seconds, best of a few runs, with the
miner's caches emptied before each run; dictionary loading is left out of both.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.corpus import read_document  # noqa: E402
from desktop.core.mining import idiom, parallel, text  # noqa: E402
from desktop.core.mining.initials import initials_of  # noqa: E402
from desktop.core.mining.lexicon import lexicon  # noqa: E402
from desktop.core.mining.miner import mine_document  # noqa: E402


def timed(work) -> float:
    parallel._is_parallel.cache_clear()
    idiom.is_four_char_idiom.cache_clear()
    text._split_clauses.cache_clear()
    start = time.process_time()
    work()
    return time.process_time() - start


def best_of(runs: int, first, second) -> tuple[float, float]:
    """Best CPU time of each, the runs interleaved so that a busy machine weighs on both alike."""
    a = b = float("inf")
    for _ in range(runs):
        a, b = min(a, timed(first)), min(b, timed(second))
    return a, b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "resources" / "corpus"))
    parser.add_argument("--repeat", type=int, default=1, help="mine the documents this many times over")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    import jieba

    jieba.setLogLevel(logging.WARNING)
    docs = [read_document(path) for path in sorted(Path(args.folder).rglob("*.txt"))] * args.repeat
    corpus = "\n".join(doc.text for doc in docs)
    lex = lexicon()
    idiom.dictionary_idioms(lex)
    initials_of("预热")
    jieba.initialize()

    phrases = sum(len(mine_document(doc)) for doc in docs)
    mining, segmenting = best_of(args.runs, lambda: [mine_document(doc) for doc in docs], lambda: jieba.lcut(corpus))
    print(f"documents {len(docs)}, characters {len(corpus)}, phrases {phrases}")
    print(f"mining {mining:.3f} s, jieba.lcut {segmenting:.3f} s: mining is {segmenting / mining:.2f}x as fast")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
