"""Timing helpers and the measurement record."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Measurement:
    key: str  # stable identifier used in the JSON report
    label: str  # what a person reads in the table
    value: float
    unit: str  # "s", "ms", "MB", "×", …
    baseline: float | None = None  # the same kind of figure for the baseline, in the same unit
    baseline_label: str = ""
    target: str = ""  # the goal, as text ("≤ 5 ms")
    met: bool | None = None  # whether the goal is met; None where there is no goal

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    def to_json(self) -> dict:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(max(repeat, 1)):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def latencies(fn: Callable[[object], object], inputs: list) -> list[float]:
    """Seconds per call, one call per input."""
    out = []
    for item in inputs:
        start = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - start)
    return out


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p99 of 200 samples is the second largest)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)
