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


def timed(fn: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds one call of `fn` takes (by `clock`: wall time, or time.process_time for CPU time)."""
    start = clock()
    fn()
    return clock() - start


def best_of(fn: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None,
            clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by the rest of the machine. `setup`
    runs before each, untimed."""
    times = []
    for _ in range(max(repeat, 1)):
        if setup is not None:
            setup()
        gc.collect()
        times.append(timed(fn, clock))
    return min(times)


def latencies(fn: Callable[[object], object], inputs: list) -> tuple[list[float], list[float]]:
    """Seconds per call, one call per input: wall-clock time, and the CPU time of this thread.

    Wall time is what a user waits; CPU time leaves out the waits for a core that other programs on
    a busy machine hold, so the two together tell slow code from a noisy machine. The objects that
    already exist (the workload itself) are frozen out of garbage collection meanwhile: a collection
    walking 100,000 generated phrases is the harness's cost, not the code's."""
    wall, cpu = [], []
    gc.collect()
    gc.freeze()
    try:
        for item in inputs:
            start, start_cpu = time.perf_counter(), time.thread_time()
            fn(item)
            cpu.append(time.thread_time() - start_cpu)
            wall.append(time.perf_counter() - start)
    finally:
        gc.unfreeze()
    return wall, cpu


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p99 of 200 samples is the second largest)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)
