"""How 相关 ranks: a blend of the paragraph's context and a prior of how common a phrase is.

    score = context_sources + own · context_own + docs · ln(1 + documents) + count · ln(1 + count)
            (+ quality · (judged quality − 0.5), for phrases a judge scored, where the bank has that column)

context_own and context_sources are the idf weights of the rare character bigrams the paragraph shares
with the phrase's own text and with its source sentences (`PhraseBank.context_parts`). Context alone
puts first whatever shares one incidental bigram with the paragraph; the prior lifts the phrases writers
use again and again. The weights are plain data (resources/ranking.json), fitted on the leave-out test
over the development corpus by scripts/eval_ranking.py (docs/MINING.md, 相关). Nothing is learned at run
time: a query adds two logarithms per candidate.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

from desktop.core.paths import resources_dir

WEIGHTS_FILE = "ranking.json"


def weights_path() -> Path:
    return resources_dir() / WEIGHTS_FILE


@dataclass(frozen=True)
class RankingWeights:
    docs: float = 0.0  # per ln(1 + documents holding the phrase)
    count: float = 0.0  # per ln(1 + occurrences)
    own: float = 1.0  # a bigram of the phrase's own text against one of its source sentences
    quality: float = 0.0  # per unit of judged quality above the middle, where the bank stores one

    def replace(self, **changes: float) -> RankingWeights:
        return replace(self, **changes)

    def to_json(self) -> dict:
        return asdict(self)


def load_weights(path: Path | None = None) -> RankingWeights:
    """The shipped weights; a missing or unreadable file ranks by context alone (logged, not fatal:
    ranking is still usable)."""
    return _load(str(path or weights_path()))


@lru_cache(maxsize=4)
def _load(path: str) -> RankingWeights:
    import logging

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights = data.get("weights", data)
        return RankingWeights(**{k: float(weights[k]) for k in asdict(RankingWeights()) if k in weights})
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        logging.getLogger(__name__).warning("ranking weights not read from %s: %s", path, exc)
        return RankingWeights()


def save_weights(weights: RankingWeights, path: Path | None = None, note: str = "") -> None:
    target = path or weights_path()
    payload = {
        "about": "Weights of the 相关 ranking blend (desktop/core/bank/ranking.py), fitted by "
        "scripts/eval_ranking.py --fit on the leave-out test over the development corpus; see docs/MINING.md.",
        "weights": weights.to_json(),
    }
    if note:
        payload["note"] = note
    target.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _load.cache_clear()


# The bank's judged quality runs 0..1, and -1 where no judge scored the phrase (most kinds): an unjudged
# phrase neither gains nor loses, a judged one gains above the middle and loses below it.
UNJUDGED = -1.0
QUALITY_MIDDLE = 0.5


def prior(weights: RankingWeights, docs: int, count: int, quality: float = UNJUDGED) -> float:
    """How likely a phrase is wanted before the paragraph is read: precomputable per phrase."""
    judged = weights.quality * (quality - QUALITY_MIDDLE) if quality >= 0 else 0.0
    return weights.docs * math.log1p(docs) + weights.count * math.log1p(count) + judged


def score(weights: RankingWeights, own: float, sources: float, docs: int, count: int,
          quality: float = UNJUDGED) -> float:
    return sources + weights.own * own + prior(weights, docs, count, quality)


@dataclass(frozen=True)
class Candidate:
    """A phrase considered for 相关, with the parts its score is made of."""

    text: str
    kind: str
    own: float  # context weight shared with the phrase's own text
    sources: float  # context weight shared with its source sentences only
    docs: int
    count: int
    quality: float = UNJUDGED

    def score(self, weights: RankingWeights) -> float:
        return score(weights, self.own, self.sources, self.docs, self.count, self.quality)


def order(candidates: list[Candidate], weights: RankingWeights) -> list[Candidate]:
    """Best first, ties as `PhraseBank.rank` breaks them (documents, occurrences, shorter, text)."""
    return sorted(
        candidates,
        key=lambda c: (round(c.score(weights), 6), c.docs, c.count, -len(c.text), c.text),
        reverse=True,
    )


def candidates(bank, context: str, limit: int = 10) -> list[Candidate]:
    """What `bank.rank("", context=context, limit=limit)` ranks: the phrases sharing the most context
    and the `limit` most widespread ones, with their score parts (for fitting the weights)."""
    parts = bank.context_parts(context)
    ids = dict.fromkeys(parts)
    ids.update(dict.fromkeys(bank.most_widespread_ids(limit)))
    found = []
    for pid, text, kind, docs, count, quality in bank.rows_for_ranking(list(ids)):
        own, sources = parts.get(pid, (0.0, 0.0))
        found.append(Candidate(text, kind, own, sources, docs, count, quality))
    return found
