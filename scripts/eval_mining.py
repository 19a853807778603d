"""Score the parallel miner on the development gold (../shared/devcorpus/gold_parallel_*.tsv).

The rule is the devcorpus README's: recall is the share of keep=yes rows matched by some mined parallel
phrase of the same file; precision is the share of mined parallel phrases (from the gold's files) that
match a keep=yes row. Two texts match when they are equal, when one contains the other and the shorter is
at least 0.7 of the longer, or when their item sets overlap by at least 0.6 (Jaccard).

The parallel miner is rule-based and fitted on none of these files, so every figure is a held-out one;
a miner with fitted weights must be scored leave one file out (fitted on the other files).
`--sample N` prints a seeded random sample of the 四字格, 金句 and 标题 mined from the whole corpus.

    .venv/bin/python scripts/eval_mining.py [--devcorpus DIR] [--sample 100] [-v]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEFAULT_DEVCORPUS = REPO.parent / "shared" / "devcorpus"
GOLD_FILES = ("gold_parallel_a.tsv", "gold_parallel_b.tsv")
_SEPARATORS = re.compile("[、，；：]")
_CONNECTOR = re.compile("以及|和|及|与")
_UNCOUNTED = re.compile("[“”‘’《》（）()「」]")


@dataclass(frozen=True)
class GoldRow:
    file: str
    phrase: str
    kind: str  # the first word of the gold's kind: 四字并列, 同构排比, 对偶, 名词列举, …
    keep: bool
    note: str = ""


@dataclass
class Scores:
    precision: float
    recall: float
    mined: int
    hits: int  # mined phrases matching a keep=yes row
    wanted: int  # keep=yes rows
    found: int  # keep=yes rows matched
    recall_by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind → (found, wanted)
    mined_by_match: dict[str, int] = field(default_factory=dict)  # yes kind / "no:kind" / "unmatched" → count
    misses: list[GoldRow] = field(default_factory=list)
    noise: list[tuple[str, str]] = field(default_factory=list)  # (file, phrase) matching no keep=yes row


def load_gold(devcorpus: Path) -> list[GoldRow]:
    rows: list[GoldRow] = []
    for name in GOLD_FILES:
        with (devcorpus / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                kind = row["kind"].split()[0]
                rows.append(GoldRow(row["file"], row["phrase"], kind, row["keep"] == "yes", row.get("note") or ""))
    return rows


def items_of(text: str) -> frozenset[str]:
    """A run's items: split at 、，；： and, in the last piece, at a joining 和/及/与 (brackets not counted)."""
    parts = [p for p in _SEPARATORS.split(_UNCOUNTED.sub("", text)) if p]
    if parts:
        last = parts[-1]
        m = _CONNECTOR.search(last, 2)
        if m and len(last) - m.end() >= 2:
            parts[-1:] = [last[: m.start()], last[m.end() :]]
    return frozenset(parts)


def matches(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if short in long and len(short) >= 0.7 * len(long):
        return True
    ia, ib = items_of(a), items_of(b)
    union = ia | ib
    return bool(union) and len(ia & ib) / len(union) >= 0.6


def score(mined: Mapping[str, Iterable[str]], gold: list[GoldRow]) -> Scores:
    """Score mined parallel phrases (file → texts) against the gold rows of those files."""
    files = set(mined)
    rows = [r for r in gold if r.file in files]
    by_file: dict[str, list[GoldRow]] = defaultdict(list)
    for row in rows:
        by_file[row.file].append(row)
    hits = total = 0
    matched_rows: set[GoldRow] = set()
    by_match: Counter[str] = Counter()
    noise: list[tuple[str, str]] = []
    for file in sorted(files):
        for text in sorted(set(mined[file])):
            total += 1
            hit = [r for r in by_file[file] if matches(text, r.phrase)]
            yes = [r for r in hit if r.keep]
            matched_rows.update(yes)
            if yes:
                hits += 1
                by_match[yes[0].kind] += 1
            else:
                by_match[f"no:{hit[0].kind}" if hit else "unmatched"] += 1
                noise.append((file, text))
    wanted = [r for r in rows if r.keep]
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in wanted:
        by_kind[row.kind][1] += 1
        by_kind[row.kind][0] += row in matched_rows
    found = sum(r in matched_rows for r in wanted)
    return Scores(
        precision=hits / total if total else 0.0,
        recall=found / len(wanted) if wanted else 0.0,
        mined=total,
        hits=hits,
        wanted=len(wanted),
        found=found,
        recall_by_kind={k: (v[0], v[1]) for k, v in sorted(by_kind.items())},
        mined_by_match=dict(by_match.most_common()),
        misses=[r for r in wanted if r not in matched_rows],
        noise=noise,
    )


def read_text(devcorpus: Path, file: str) -> str:
    from desktop.core.corpus import read_document

    return read_document(devcorpus / file).text


def mine_parallel(text: str, name: str) -> list[str]:
    from desktop.core.mining.miner import mine_text

    return [p.text for p in mine_text(text, name) if p.kind == "parallel"]


def score_files(devcorpus: Path) -> tuple[Scores, dict[str, Scores]]:
    """The miner as it is on every gold file: the whole and per file."""
    gold = load_gold(devcorpus)
    mined: dict[str, list[str]] = {}
    per_file: dict[str, Scores] = {}
    for file in sorted({r.file for r in gold}):
        mined[file] = mine_parallel(read_text(devcorpus, file), Path(file).name)
        per_file[file] = score({file: mined[file]}, gold)
    return score(mined, gold), per_file


def sample_kinds(devcorpus: Path, size: int, seed: int = 14) -> dict[str, list[tuple[str, str]]]:
    """A seeded random sample of the 四字格, 金句 and 标题 mined from the whole development corpus."""
    from desktop.core.mining.miner import mine_text

    found: dict[str, dict[str, str]] = {"idiom": {}, "quote": {}, "heading": {}}
    for path in sorted(devcorpus.glob("national/*.txt")) + sorted(devcorpus.glob("provincial_2026/*.txt")):
        name = f"{path.parent.name}/{path.name}"
        for phrase in mine_text(read_text(devcorpus, name), path.name):
            if phrase.kind in found:
                found[phrase.kind].setdefault(phrase.text, name)
    rng = random.Random(seed)
    return {
        kind: sorted(rng.sample(sorted(texts.items()), min(size, len(texts)))) for kind, texts in found.items()
    }


def _print_scores(title: str, scores: Scores, per_file: Mapping[str, Scores], verbose: bool) -> None:
    print(f"{title}: precision {scores.precision:.3f} ({scores.hits}/{scores.mined}), "
          f"recall {scores.recall:.3f} ({scores.found}/{scores.wanted})")
    for file, s in per_file.items():
        print(f"  {file}: precision {s.precision:.3f} ({s.hits}/{s.mined}), recall {s.recall:.3f} ({s.found}/{s.wanted})")
    print("  recall by gold kind: " + ", ".join(f"{k} {f}/{w}" for k, (f, w) in scores.recall_by_kind.items()))
    print("  mined phrases by what they match: " + ", ".join(f"{k} {n}" for k, n in scores.mined_by_match.items()))
    if verbose:
        print("  missed:")
        for row in scores.misses:
            print(f"    {row.file}\t{row.kind}\t{row.phrase}")
        print("  noise:")
        for file, text in scores.noise:
            print(f"    {file}\t{text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devcorpus", type=Path, default=DEFAULT_DEVCORPUS)
    parser.add_argument("--sample", type=int, default=0, help="print N random 四字格/金句/标题 each")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and noise")
    args = parser.parse_args(argv)
    if not (args.devcorpus / "README.md").is_file():
        print(f"开发语料不存在：{args.devcorpus}", file=sys.stderr)
        return 2
    scores, per_file = score_files(args.devcorpus)
    _print_scores("parallel (rule-based, nothing fitted on these files)", scores, per_file, args.verbose)
    if args.sample:
        for kind, rows in sample_kinds(args.devcorpus, args.sample).items():
            print(f"\n{kind}: {len(rows)} sampled")
            for text, file in rows:
                print(f"  {text}\t{file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
