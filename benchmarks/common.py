"""Small helpers shared by the benchmark modules."""

from __future__ import annotations

import timeit
from collections.abc import Callable


def best_time(func: Callable[[], object], *, budget: float = 0.3, repeat: int = 5) -> float:
    """Seconds per call: the best of ``repeat`` runs, each sized to take about ``budget``/repeat."""
    timer = timeit.Timer(func)
    number, elapsed = timer.autorange()
    per_run = max(1, int(number * (budget / repeat) / max(elapsed, 1e-9)))
    return min(timer.repeat(repeat=repeat, number=per_run)) / per_run


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table with columns padded to their widest cell."""
    cells = [headers, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


#: Figures of the "Done when" table measured in this run, by key: (value, note).
FIGURES: dict[str, tuple[float, str]] = {}


def record(key: str, value: float, *, note: str = "") -> None:
    """Keep a figure for the summary table :mod:`benchmarks.done_when` prints at the end."""
    FIGURES[key] = (value, note)
