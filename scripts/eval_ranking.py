"""相关 ranking on the leave-out test of issue 14, over the development corpus.

A bank is built from the training reports (national and provincial). For each paragraph of a held-out
report, the bank phrases found in it are masked out and the rest of the paragraph is the context, as
when a writer stands in a paragraph still to be finished. hit@10 is the share of such paragraphs where
a masked phrase is among the first ten of 相关; the baseline is the bank's ten most widespread phrases
(the list with no context at all).

    python scripts/eval_ranking.py [DEVCORPUS] [--cv] [--fit] [--sample N]

Without --cv: held-out figures (fold 0 of the files held out, the bank built from the rest, the
weights of resources/ranking.json). --cv adds k-fold cross-validation: for each fold the weights are
fitted on the other folds' paragraphs and scored on its own. --fit fits the weights on the training
files only (each training fold scored against a bank without it) and writes resources/ranking.json.
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.bank import ranking  # noqa: E402
from desktop.core.bank.ranking import Candidate, RankingWeights  # noqa: E402
from desktop.core.bank.sentences import han_bigram_list  # noqa: E402
from desktop.core.bank.store import PhraseBank  # noqa: E402

FOLDS = 5
HELD_OUT_FOLD = 0
TOP = 10
# A context needs this many Chinese characters left once the phrases are masked out: a paragraph that
# was nothing but phrases tells nothing about its topic.
MIN_CONTEXT_CHARS = 8
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass
class MinedDocument:
    key: str  # national/2019.txt
    name: str
    title: str
    text: str
    content_hash: str
    size: int
    phrases: list = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]


@dataclass
class Case:
    """One held-out paragraph: its context and the bank phrases masked out of it."""

    doc: str
    context: str
    masked: frozenset[str]
    candidates: list[Candidate] = field(default_factory=list)
    table: list | None = None  # the candidates' score parts, made once for the fit


def corpus_files(devcorpus: Path) -> list[Path]:
    files = sorted((devcorpus / "national").glob("*.txt")) + sorted((devcorpus / "provincial_2026").glob("*.txt"))
    if not files:
        raise SystemExit(f"开发语料中没有报告：{devcorpus}（应有 national/ 与 provincial_2026/）")
    return files


def fold_of(files: Sequence[Path], folds: int = FOLDS) -> dict[Path, int]:
    """Files dealt round-robin into folds, national and provincial separately, so every fold holds both
    and reports of every era."""
    result: dict[Path, int] = {}
    for group in ("national", "provincial_2026"):
        members = [f for f in files if f.parent.name == group]
        for i, f in enumerate(members):
            result[f] = i % folds
    return result


def read_and_mine(devcorpus: Path, files: Sequence[Path]) -> dict[Path, MinedDocument]:
    """Each report cleaned as an import of the whole corpus cleans it, and mined once."""
    from desktop.core.corpus.batch import ImportReader
    from desktop.core.mining.miner import mine_document

    reader = ImportReader(files).gather()
    mined: dict[Path, MinedDocument] = {}
    for path in files:
        doc = reader.read(path)
        mined[path] = MinedDocument(
            str(path.relative_to(devcorpus)), doc.name, doc.title, doc.text, doc.content_hash,
            path.stat().st_size, mine_document(doc),
        )  # fmt: skip
    return mined


def build_bank(path: Path, documents: Iterable[MinedDocument]) -> PhraseBank:
    from desktop.core.mining.initials import initials_of

    bank = PhraseBank.open(path)
    with bank.transaction():
        touched: set[int] = set()
        for doc in documents:
            touched |= bank.store_document(
                path=doc.key, name=doc.name, title=doc.title, text=doc.text, content_hash=doc.content_hash,
                size=doc.size, phrases=doc.phrases, initials_of=initials_of,
            )  # fmt: skip
        bank.refresh_phrases(touched)
    return bank


class PhraseFinder:
    """Every bank phrase standing in a paragraph, found by its first two characters."""

    def __init__(self, texts: Iterable[str]):
        self.by_head: dict[str, list[str]] = {}
        for text in texts:
            if len(text) >= 2:
                self.by_head.setdefault(text[:2], []).append(text)

    def find(self, paragraph: str) -> list[tuple[int, str]]:
        found = []
        for i in range(len(paragraph) - 1):
            for text in self.by_head.get(paragraph[i : i + 2], ()):
                if paragraph.startswith(text, i):
                    found.append((i, text))
        return found


def mask(paragraph: str, found: list[tuple[int, str]]) -> str:
    covered = bytearray(len(paragraph))
    for at, text in found:
        covered[at : at + len(text)] = b"\x01" * len(text)
    # A masked span becomes a break, so no bigram is made across it.
    return "".join("｜" if covered[i] else ch for i, ch in enumerate(paragraph))


def cases_for(bank: PhraseBank, documents: Iterable[MinedDocument], sample: int | None = None,
              seed: int = 14) -> list[Case]:
    finder = PhraseFinder(row[0] for row in bank.conn.execute("SELECT DISTINCT text FROM phrases"))
    cases = []
    for doc in documents:
        for paragraph in doc.paragraphs:
            found = finder.find(paragraph)
            if not found:
                continue
            context = mask(paragraph, found)
            if len(_HAN.findall(context)) < MIN_CONTEXT_CHARS or not han_bigram_list(context):
                continue
            cases.append(Case(doc.key, context, frozenset(text for _at, text in found)))
    if sample is not None and len(cases) > sample:
        cases = random.Random(seed).sample(cases, sample)
    for case in cases:
        case.candidates = ranking.candidates(bank, case.context)
    return cases


def _scored(case: Case, weights: RankingWeights) -> list[str]:
    """The first TOP texts of the case's candidates under these weights (as `ranking.order` ranks)."""
    if case.table is None:  # (own, sources, ln(1+docs), ln(1+count), quality less the middle, tie-break, text)
        case.table = [
            (c.own, c.sources, math.log1p(c.docs), math.log1p(c.count),
             c.quality - ranking.QUALITY_MIDDLE if c.quality >= 0 else 0.0,
             (c.docs, c.count, -len(c.text), c.text), c.text)
            for c in case.candidates
        ]  # fmt: skip
    w_own, w_docs, w_count, w_quality = weights.own, weights.docs, weights.count, weights.quality
    best = heapq.nlargest(
        TOP, case.table,
        key=lambda r: (round(r[1] + w_own * r[0] + (w_docs * r[2] + w_count * r[3] + w_quality * r[4]), 6), r[5]),
    )  # fmt: skip
    return [r[6] for r in best]


def hit_rate(cases: Sequence[Case], weights: RankingWeights) -> float:
    """hit@10: the share of masked phrases (one per paragraph they stand in) found among the first ten."""
    return _rates(cases, lambda case: _scored(case, weights))[0]


def paragraph_rate(cases: Sequence[Case], weights: RankingWeights) -> float:
    """The share of paragraphs with at least one of their masked phrases among the first ten."""
    return _rates(cases, lambda case: _scored(case, weights))[1]


def _rates(cases: Sequence[Case], top_of) -> tuple[float, float]:
    found = masked = paragraphs = 0
    for case in cases:
        hits = len(case.masked.intersection(top_of(case)))
        found += hits
        masked += len(case.masked)
        paragraphs += hits > 0
    return (found / masked, paragraphs / len(cases)) if cases else (0.0, 0.0)


def baseline_rates(bank: PhraseBank, cases: Sequence[Case]) -> tuple[float, float]:
    """(hit@10, paragraphs) of the most widespread ten, the list 相关 would be with no context."""
    frequent = [r.text for r in bank.rank("", limit=TOP)]
    return _rates(cases, lambda _case: frequent)


# The search space of the fit: a coarse grid, then coordinate steps around its best point.
_GRID_DOCS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)  # context weights are in units of the rarest gram
_GRID_COUNT = (0.0, 0.1, 0.25, 0.5, 1.0)
_GRID_OWN = (0.0, 0.5, 1.0)
_GRID_QUALITY = (0.0, 0.5, 1.0, 2.0)


def fit(cases: Sequence[Case], start: RankingWeights | None = None) -> RankingWeights:
    """Weights that maximise hit@10 on these cases (ties go to the smaller weights). The quality weight
    is searched only when the bank judged some phrases (a `quality` column, docs/MINING.md)."""
    judged = any(c.quality >= 0 for case in cases for c in case.candidates)
    grid_quality = _GRID_QUALITY if judged else (0.0,)
    names = ("docs", "count", "own", "quality") if judged else ("docs", "count", "own")
    best = start or RankingWeights()
    best_rate = -1.0
    for quality in grid_quality:
        for own in _GRID_OWN:
            for docs in _GRID_DOCS:
                for count in _GRID_COUNT:
                    w = RankingWeights(docs=docs, count=count, own=own, quality=quality)
                    rate = hit_rate(cases, w)
                    if rate > best_rate + 1e-12:
                        best, best_rate = w, rate
    step = 0.5
    while step >= 0.125:
        improved = False
        for name in names:
            for sign in (1, -1):
                value = (getattr(best, name) or 0.05) * (1 + sign * step)
                w = best.replace(**{name: round(max(value, 0.0), 4)})
                rate = hit_rate(cases, w)
                if rate > best_rate + 1e-12:
                    best, best_rate, improved = w, rate, True
        if not improved:
            step /= 2
    return best


def _bank_of(tmp: Path, mined: dict[Path, MinedDocument], files: Iterable[Path], tag: str) -> PhraseBank:
    return build_bank(tmp / f"bank-{tag}.sqlite", (mined[f] for f in files))


def ranking_figures(devcorpus_dir: str | Path, cross_validate: bool = False, sample: int | None = None,
                    weights: RankingWeights | None = None, log=None) -> dict:
    """hit@10 of 相关 and of the most-frequent list on the held-out files (and, with `cross_validate`,
    over k folds with weights fitted on the other folds). `sample` limits the paragraphs scored per fold."""
    devcorpus = Path(devcorpus_dir)
    say = log or (lambda _message: None)
    files = corpus_files(devcorpus)
    folds = fold_of(files)
    started = time.perf_counter()
    mined = read_and_mine(devcorpus, files)
    say(f"read and mined {len(files)} reports in {time.perf_counter() - started:.1f} s")
    weights = weights or ranking.load_weights()
    figures: dict = {"weights": weights.to_json(), "files": len(files)}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        test = [f for f in files if folds[f] == HELD_OUT_FOLD]
        train = [f for f in files if folds[f] != HELD_OUT_FOLD]
        bank = _bank_of(tmp, mined, train, "held-out")
        cases = cases_for(bank, (mined[f] for f in test), sample)
        base = baseline_rates(bank, cases)
        figures["held_out"] = {
            "train_files": len(train), "test_files": len(test), "paragraphs": len(cases),
            "masked": sum(len(c.masked) for c in cases), "phrases": bank.phrase_total(),
            "related": hit_rate(cases, weights), "baseline": base[0],
            "context_only": hit_rate(cases, RankingWeights()),
            "related_paragraphs": paragraph_rate(cases, weights), "baseline_paragraphs": base[1],
        }  # fmt: skip
        bank.close()
        say(f"held out: {figures['held_out']} ({time.perf_counter() - started:.1f} s)")
        if cross_validate:
            per_fold: list[tuple[list[Case], float]] = []
            for k in range(FOLDS):
                bank = _bank_of(tmp, mined, [f for f in files if folds[f] != k], f"fold{k}")
                fold_cases = cases_for(bank, (mined[f] for f in files if folds[f] == k), sample)
                per_fold.append((fold_cases, baseline_rates(bank, fold_cases)[0]))
                bank.close()
            rows = []
            for k, (fold_cases, base) in enumerate(per_fold):
                fitted = fit([c for j, (other, _b) in enumerate(per_fold) if j != k for c in other])
                rows.append({"fold": k, "paragraphs": len(fold_cases), "masked": sum(len(c.masked) for c in fold_cases),
                             "weights": fitted.to_json(),
                             "related": hit_rate(fold_cases, fitted), "baseline": base})
                say(f"fold {k}: {rows[-1]}")
            n = sum(r["masked"] for r in rows)
            figures["cross_validated"] = {
                "folds": rows,
                "related": sum(r["related"] * r["masked"] for r in rows) / n,
                "baseline": sum(r["baseline"] * r["masked"] for r in rows) / n,
            }
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


def fit_weights(devcorpus_dir: str | Path, sample: int | None = None, log=None) -> RankingWeights:
    """Weights fitted on the training files only: each training fold scored against a bank of the
    other training folds, so a phrase's counts never include the paragraph it is masked from."""
    devcorpus = Path(devcorpus_dir)
    say = log or (lambda _message: None)
    files = corpus_files(devcorpus)
    folds = fold_of(files)
    mined = read_and_mine(devcorpus, files)
    train = [f for f in files if folds[f] != HELD_OUT_FOLD]
    cases: list[Case] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        for k in range(FOLDS):
            if k == HELD_OUT_FOLD:
                continue
            bank = _bank_of(Path(tmp_name), mined, [f for f in train if folds[f] != k], f"fit{k}")
            cases += cases_for(bank, (mined[f] for f in train if folds[f] == k), sample)
            bank.close()
    fitted = fit(cases)
    say(f"fitted on {len(cases)} paragraphs of {len(train)} files: {fitted.to_json()}, "
        f"hit@10 there {hit_rate(cases, fitted):.3f}")
    return fitted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("devcorpus", nargs="?", default=str(ROOT.parent / "shared" / "devcorpus"))
    parser.add_argument("--cv", action="store_true", help="k-fold cross-validation as well")
    parser.add_argument("--fit", action="store_true", help="fit the weights and write resources/ranking.json")
    parser.add_argument("--sample", type=int, default=None, help="score at most N paragraphs per fold")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    say = lambda message: print(message, file=sys.stderr)  # noqa: E731
    weights = None
    if args.fit:
        weights = fit_weights(args.devcorpus, args.sample, say)
        ranking.save_weights(weights)
        say(f"wrote {ranking.weights_path()}")
    figures = ranking_figures(args.devcorpus, args.cv, args.sample, weights, say)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0
    held = figures["held_out"]
    print(f"held out ({held['test_files']} reports, {held['paragraphs']} paragraphs; bank of "
          f"{held['train_files']} reports, {held['phrases']} phrases)")
    print(f"  相关 hit@{TOP} {held['related']:.3f}   most frequent {held['baseline']:.3f}   "
          f"context alone {held['context_only']:.3f}   ({held['masked']} masked phrases)")
    print(f"  paragraphs with a masked phrase in the first {TOP}: 相关 {held['related_paragraphs']:.3f}   "
          f"most frequent {held['baseline_paragraphs']:.3f}")
    if "cross_validated" in figures:
        cv = figures["cross_validated"]
        for row in cv["folds"]:
            print(f"  fold {row['fold']}: {row['paragraphs']} paragraphs, 相关 {row['related']:.3f}, "
                  f"most frequent {row['baseline']:.3f}, weights {row['weights']}")
        print(f"{FOLDS}-fold cross-validated: 相关 hit@{TOP} {cv['related']:.3f}   most frequent {cv['baseline']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
