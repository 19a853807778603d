"""The bench report: a readable table, or JSON."""

from __future__ import annotations

import json
import os
import platform
import sys

from desktop import __version__
from desktop.bench.measure import Measurement


def machine() -> dict:
    mem_gb = None
    try:
        with open("/proc/meminfo") as meminfo:
            mem_gb = round(int(meminfo.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": mem_gb,
        "gongwen": __version__,
    }


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if value != value:  # NaN
        return "—"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def as_table(results: list[Measurement]) -> str:
    headers = ("测量", "结果", "基线", "基线内容", "比值", "目标", "达标")
    rows = [
        (
            m.label,
            _number(m.value, m.unit),
            _number(m.baseline, m.unit),
            m.baseline_label,
            _number(m.ratio, "×") if m.ratio is not None else "",
            m.target,
            {True: "是", False: "否", None: ""}[m.met],
        )
        for m in results
    ]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    info = machine()
    lines.append("")
    lines.append(
        f"机器：{info['platform']}，{info['cpus']} 核，{info['memory_gb']} GiB，Python {info['python']}，"
        f"gongwen {info['gongwen']}"
    )
    return "\n".join(lines)


def as_json(results: list[Measurement], quick: bool) -> str:
    return json.dumps(
        {"quick": quick, "machine": machine(), "measurements": [m.to_json() for m in results]},
        ensure_ascii=False,
        indent=2,
    )
