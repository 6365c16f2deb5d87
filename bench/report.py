"""Results: percentiles, the printed table and ``bench/results.json``."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Better = Literal["lower", "higher"]
FLOOR_SUFFIX = ".sqlite3_floor"  # the till figures' floor: raw sqlite3 on the same file
OTHER_FLOOR_SUFFIX = ".floor"  # the sync figures' floors (see docs/BENCHMARKS.md for each one)


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least ``p``% of samples at or below it."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def median(samples: Sequence[float]) -> float:
    return percentile(samples, 50)


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    target: float | None
    better: Better = "lower"
    note: str = ""  # printed only, not written to results.json

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.value <= self.target if self.better == "lower" else self.value >= self.target

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "value": round(self.value, 3), "unit": self.unit, "target": self.target,
                "better": self.better}


def write_json(results: Sequence[Result], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _floor_of(name: str) -> str | None:
    for suffix in (FLOOR_SUFFIX, OTHER_FLOOR_SUFFIX):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def table(results: Sequence[Result], floor_label: str = "sqlite3 floor") -> str:
    """Targets with pass/fail and, beside each, its floor; then informational rows."""
    floors = {base: r for r in results if (base := _floor_of(r.name)) is not None}
    rows = [("benchmark", "value", "unit", "target", "result", floor_label, "note")]
    for r in results:
        if _floor_of(r.name) is not None:
            continue
        floor = floors.get(r.name)
        verdict = {True: "PASS", False: "FAIL", None: "info"}[r.passed]
        target = "—" if r.target is None else ("<= " if r.better == "lower" else ">= ") + _fmt(r.target)
        rows.append((r.name, _fmt(r.value), r.unit, target, verdict, _fmt(floor.value) if floor else "—", r.note))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    aligns = ["<", ">", "<", ">", "<", ">", "<"]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(f"{cell:{a}{w}}" for cell, a, w in zip(row, aligns, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
